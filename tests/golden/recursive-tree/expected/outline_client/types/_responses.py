"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from typing import Any

from .._models import BaseModel


class File(BaseModel):
    name: str
    size: int


class Folder(BaseModel):
    name: str
    entries: list[Folder | File | dict[str, Any]]


class TreeNode(BaseModel):
    """One node of a tree."""

    label: str
    children: list[TreeNode] | None = None
    parent: TreeNode | None = None


__all__ = ["File", "Folder", "TreeNode"]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "File": "#/components/schemas/File",
    "Folder": "#/components/schemas/Folder",
    "TreeNode": "#/components/schemas/TreeNode",
}
