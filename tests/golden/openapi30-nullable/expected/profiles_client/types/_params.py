"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from typing import Literal, Sequence

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, Required, TypedDict

__all__ = [
    "AddressParam",
]

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class AddressParam(TypedDict, total=False):
    city: Required[str]
    street: NotRequired[str | None]


@with_config(_CLOSED)
class ProfilesRetrieveArgs(TypedDict, total=False):
    profile_id: Required[str]


@with_config(_CLOSED)
class ProfilesUpdateArgs(TypedDict, total=False):
    profile_id: Required[str]
    nickname: NotRequired[str | None]
    age: NotRequired[int | None]
    status: NotRequired[Literal["active", "away"] | None]
    address: NotRequired[AddressParam | None]
    aliases: NotRequired[Sequence[str] | None]


@with_config(_CLOSED)
class ProfilesSearchArgs(TypedDict, total=False):
    city: NotRequired[str | None]
