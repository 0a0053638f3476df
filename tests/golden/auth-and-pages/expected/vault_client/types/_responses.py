"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from .._models import BaseModel


class Item(BaseModel):
    id: int


class ItemsByCursorResponse(BaseModel):
    data: list[Item]
    next_cursor: int | None = None


class ItemsByLinkResponse(BaseModel):
    data: list[Item]


class ItemsByNextUrlResponse(BaseModel):
    data: list[Item]
    next: str | None = None


class ItemsByOffsetResponse(BaseModel):
    data: list[Item]
    total: int


class ItemsByPageResponse(BaseModel):
    items: list[Item]


class ItemsBySkipResponse(BaseModel):
    results: list[Item]


class Who(BaseModel):
    scheme: str


__all__ = [
    "Item",
    "ItemsByCursorResponse",
    "ItemsByLinkResponse",
    "ItemsByNextUrlResponse",
    "ItemsByOffsetResponse",
    "ItemsByPageResponse",
    "ItemsBySkipResponse",
    "Who",
]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "Item": "#/components/schemas/Item",
    "ItemsByCursorResponse": "#/paths/~1items~1cursor/get/responses/200/content/application~1json/schema",
    "ItemsByLinkResponse": "#/paths/~1items~1link/get/responses/200/content/application~1json/schema",
    "ItemsByNextUrlResponse": "#/paths/~1items~1next/get/responses/200/content/application~1json/schema",
    "ItemsByOffsetResponse": "#/paths/~1items~1offset/get/responses/200/content/application~1json/schema",
    "ItemsByPageResponse": "#/paths/~1items~1page/get/responses/200/content/application~1json/schema",
    "ItemsBySkipResponse": "#/paths/~1items~1skip/get/responses/200/content/application~1json/schema",
    "Who": "#/components/schemas/Who",
}
