"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from typing import Sequence

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, Required, TypedDict

__all__ = [
    "FileParam",
    "FolderParam",
    "TreeNodeParam",
]

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class FileParam(TypedDict, total=False):
    name: Required[str]
    size: Required[int]


@with_config(_CLOSED)
class FolderParam(TypedDict, total=False):
    name: Required[str]
    entries: Required[Sequence[FolderParam | FileParam]]


@with_config(_CLOSED)
class TreeNodeParam(TypedDict, total=False):
    """One node of a tree."""

    label: Required[str]
    children: NotRequired[Sequence[TreeNodeParam]]
    parent: NotRequired[TreeNodeParam | None]


@with_config(_CLOSED)
class TreesCreateArgs(TypedDict, total=False):
    label: Required[str]
    children: NotRequired[Sequence[TreeNodeParam]]
    parent: NotRequired[TreeNodeParam | None]


@with_config(_CLOSED)
class TreesRetrieveArgs(TypedDict, total=False):
    tree_id: Required[str]
    depth: NotRequired[int]


@with_config(_CLOSED)
class FoldersRetrieveArgs(TypedDict, total=False):
    folder_id: Required[str]


@with_config(_CLOSED)
class FoldersReplaceArgs(TypedDict, total=False):
    folder_id: Required[str]
    name: Required[str]
    entries: Required[Sequence[FolderParam | FileParam]]
