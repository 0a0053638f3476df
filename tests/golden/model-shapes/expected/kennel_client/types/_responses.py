"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, RootModel

from .._models import BaseModel, OpenEnum, OpenIntEnum


class BaseItem(BaseModel):
    id: str
    note: str | None = None
    size: int | None = None


class Cat(BaseModel):
    kind: Literal["cat"]
    name: str
    indoor: bool = True


class Dog(BaseModel):
    kind: Literal["dog"]
    name: str
    good: bool | None = None


class ItemsRetrieveResponse(BaseModel):
    strict: StrictItem
    tagged: TaggedItem
    plain: PlainItem


class Owner(BaseModel):
    id: str
    pets: list[Cat | Dog | dict[str, Any]]
    favourite: Cat | Dog | dict[str, Any] | None = None
    """A pet the kennel looks after."""
    visits_by_pet: dict[str, int] | None = None
    """Visits so far, by pet name; null before the first visit."""
    address: OwnerAddress | None = None
    contacts: list[OwnerContactsItem] | None = None
    json_: Annotated[str | None, Field(alias="json")] = None
    """Shadows a method of the models."""
    tier: OpenIntEnum[Literal[1, 2, 3]] = 1


class OwnerAddress(BaseModel):
    city: str
    geo: OwnerAddressGeo | None = None


class OwnerAddressGeo(BaseModel):
    lat: float | None = None
    lon: float | None = None


class OwnerContactsItem(BaseModel):
    phone_number: Annotated[str | None, Field(alias="phone-number")] = None
    class_: Annotated[OpenEnum[Literal["home", "work"]] | None, Field(alias="class")] = None


class Pet(RootModel[Cat | Dog | dict[str, Any]]):
    """A pet the kennel looks after."""

    root: Cat | Dog | dict[str, Any]


class PlainItem(BaseItem):
    """An item with a colour; nothing inherited changes."""

    colour: str | None = None


class StrictItem(BaseModel):
    """An item whose size is always known."""

    id: str
    note: str | None = None
    size: int


class TaggedItem(BaseModel):
    """An item whose note is always there, and never null."""

    id: str
    note: str
    size: int | None = None


__all__ = [
    "BaseItem",
    "Cat",
    "Dog",
    "ItemsRetrieveResponse",
    "Owner",
    "OwnerAddress",
    "OwnerAddressGeo",
    "OwnerContactsItem",
    "Pet",
    "PlainItem",
    "StrictItem",
    "TaggedItem",
]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "BaseItem": "#/components/schemas/BaseItem",
    "Cat": "#/components/schemas/Cat",
    "Dog": "#/components/schemas/Dog",
    "ItemsRetrieveResponse": "#/paths/~1items~1{item_id}/get/responses/200/content/application~1json/schema",
    "Owner": "#/components/schemas/Owner",
    "OwnerAddress": "#/components/schemas/Owner/properties/address",
    "OwnerAddressGeo": "#/components/schemas/Owner/properties/address/properties/geo",
    "OwnerContactsItem": "#/components/schemas/Owner/properties/contacts/items",
    "Pet": "#/components/schemas/Pet",
    "PlainItem": "#/components/schemas/PlainItem",
    "PlainItem.colour": "#/components/schemas/PlainItem/allOf/1",
    "StrictItem": "#/components/schemas/StrictItem",
    "StrictItem.id": "#/components/schemas/BaseItem",
    "StrictItem.note": "#/components/schemas/BaseItem",
    "StrictItem.size": "#/components/schemas/BaseItem",
    "TaggedItem": "#/components/schemas/TaggedItem",
    "TaggedItem.id": "#/components/schemas/BaseItem",
    "TaggedItem.note": "#/components/schemas/TaggedItem/allOf/1",
    "TaggedItem.size": "#/components/schemas/BaseItem",
}
