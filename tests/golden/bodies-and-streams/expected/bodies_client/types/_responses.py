"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from .._models import BaseModel


class Event(BaseModel):
    seq: int
    text: str | None = None


class Problem(BaseModel):
    message: str | None = None
    code: str | None = None


class Stored(BaseModel):
    id: str
    size: int | None = None


class Thing(BaseModel):
    name: str
    color: str | None = None


__all__ = ["Event", "Problem", "Stored", "Thing"]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "Event": "#/components/schemas/Event",
    "Problem": "#/components/schemas/Problem",
    "Stored": "#/components/schemas/Stored",
    "Thing": "#/components/schemas/Thing",
}
