"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from .._models import BaseModel


class Note(BaseModel):
    id: str
    text: str


class NotePage(BaseModel):
    items: list[Note]
    next_cursor: str | None


__all__ = ["Note", "NotePage"]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "Note": "#/components/schemas/Note",
    "NotePage": "#/components/schemas/NotePage",
}
