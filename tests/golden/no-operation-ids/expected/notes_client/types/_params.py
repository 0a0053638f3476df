"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, Required, TypedDict

__all__ = []

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class NotesGetNotesArgs(TypedDict, total=False):
    limit: NotRequired[int]
    cursor: NotRequired[str]


@with_config(_CLOSED)
class NotesPostNotesArgs(TypedDict, total=False):
    text: Required[str]


@with_config(_CLOSED)
class NotesGetNotesNoteIdArgs(TypedDict, total=False):
    note_id: Required[str]


@with_config(_CLOSED)
class NotesDeleteNotesNoteIdArgs(TypedDict, total=False):
    note_id: Required[str]


@with_config(_CLOSED)
class NotesGetNotesNoteIdAttachmentsNameArgs(TypedDict, total=False):
    note_id: Required[str]
    name: Required[str]


@with_config(_CLOSED)
class HealthGetHealthArgs(TypedDict, total=False):
    pass
