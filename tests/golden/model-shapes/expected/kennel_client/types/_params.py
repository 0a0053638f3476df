"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from typing import Literal, Mapping, Sequence

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, Required, TypedDict

from .._models import NumberArg

__all__ = [
    "CatParam",
    "DogParam",
    "OwnerAddressGeoParam",
    "OwnerAddressParam",
    "OwnerContactsItemParam",
]

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class CatParam(TypedDict, total=False):
    kind: Required[str]
    name: Required[str]
    indoor: NotRequired[bool]


@with_config(_CLOSED)
class DogParam(TypedDict, total=False):
    kind: Required[str]
    name: Required[str]
    good: NotRequired[bool]


@with_config(_CLOSED)
class OwnerAddressGeoParam(TypedDict, total=False):
    lat: NotRequired[NumberArg]
    lon: NotRequired[NumberArg]


@with_config(_CLOSED)
class OwnerAddressParam(TypedDict, total=False):
    city: Required[str]
    geo: NotRequired[OwnerAddressGeoParam]


OwnerContactsItemParam = TypedDict(
    "OwnerContactsItemParam",
    {
        "phone-number": NotRequired[str],
        "class": NotRequired[Literal["home", "work"]],
    },
)
with_config(_CLOSED)(OwnerContactsItemParam)


@with_config(_CLOSED)
class PetsRetrieveArgs(TypedDict, total=False):
    pet_id: Required[str]


@with_config(_CLOSED)
class OwnersRetrieveArgs(TypedDict, total=False):
    owner_id: Required[str]


@with_config(_CLOSED)
class OwnersReplaceArgs(TypedDict, total=False):
    owner_id: Required[str]
    id: Required[str]
    pets: Required[Sequence[CatParam | DogParam]]
    favourite: NotRequired[CatParam | DogParam]
    visits_by_pet: NotRequired[Mapping[str, int] | None]
    address: NotRequired[OwnerAddressParam]
    contacts: NotRequired[Sequence[OwnerContactsItemParam]]
    json: NotRequired[str]
    tier: NotRequired[Literal[1, 2, 3]]


@with_config(_CLOSED)
class ItemsRetrieveArgs(TypedDict, total=False):
    item_id: Required[str]
