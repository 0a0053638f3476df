"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from datetime import datetime

from .._models import BaseModel


class Entity(BaseModel):
    """Anything the catalog stores."""

    id: str
    created_at: datetime


class ProductFields(BaseModel):
    name: str
    """What the product is called."""
    price: float
    """Price in the catalog's currency."""
    tags: list[str] | None = None


class Product(Entity, ProductFields):
    """A product for sale."""

    sku: str | None = None


class DigitalProduct(Product):
    """A product that is downloaded."""

    download_url: str
    size_bytes: int | None = None


__all__ = ["Entity", "ProductFields", "Product", "DigitalProduct"]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "Entity": "#/components/schemas/Entity",
    "ProductFields": "#/components/schemas/ProductFields",
    "Product": "#/components/schemas/Product",
    "Product.sku": "#/components/schemas/Product/allOf/2",
    "DigitalProduct": "#/components/schemas/DigitalProduct",
    "DigitalProduct.download_url": "#/components/schemas/DigitalProduct/allOf/1",
    "DigitalProduct.size_bytes": "#/components/schemas/DigitalProduct/allOf/1",
}
