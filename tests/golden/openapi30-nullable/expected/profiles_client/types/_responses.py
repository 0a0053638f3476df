"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import RootModel

from .._models import BaseModel, OpenEnum


class Address(BaseModel):
    city: str
    street: str | None = None


class Profile(BaseModel):
    id: str
    nickname: str | None
    age: int | None = None
    status: OpenEnum[Literal["active", "away"]] | None
    address: Address | None = None
    aliases: list[str] | None = None
    preferences: dict[str, str] | None = None


class ProfilesSearchResponse(RootModel[list[Profile]]):
    root: list[Profile]


__all__ = ["Address", "Profile", "ProfilesSearchResponse"]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "Address": "#/components/schemas/Address",
    "Profile": "#/components/schemas/Profile",
    "ProfilesSearchResponse": "#/paths/~1profiles/get/responses/200/content/application~1json/schema",
}
