"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, Required, TypedDict

__all__ = [
    "LionParam",
    "PenguinParam",
]

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class LionParam(TypedDict, total=False):
    kind: Required[str]
    name: Required[str]
    mane: NotRequired[bool]


@with_config(_CLOSED)
class PenguinParam(TypedDict, total=False):
    kind: Required[str]
    name: Required[str]
    colony: NotRequired[str]


@with_config(_CLOSED)
class AnimalsGetAnimalArgs(TypedDict, total=False):
    animal_id: Required[str]


@with_config(_CLOSED)
class AnimalsAdmitAnimalArgs(TypedDict, total=False):
    body: Required[LionParam | PenguinParam]


@with_config(_CLOSED)
class EnclosuresGetEnclosureArgs(TypedDict, total=False):
    enclosure_id: Required[str]
