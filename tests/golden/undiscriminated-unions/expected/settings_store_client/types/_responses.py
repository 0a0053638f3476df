"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from typing import Any

from .._models import BaseModel


class Email(BaseModel):
    email: str


class Money(BaseModel):
    amount: int
    currency: str


class Phone(BaseModel):
    phone: str
    extension: str | None = None


class Setting(BaseModel):
    key: str
    value: str | int | bool | Money
    """A setting's value."""
    owner: Email | Phone | dict[str, Any] | None = None
    history: list[str | int | bool | Money] | None = None


__all__ = ["Email", "Money", "Phone", "Setting"]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "Email": "#/components/schemas/Email",
    "Money": "#/components/schemas/Money",
    "Phone": "#/components/schemas/Phone",
    "Setting": "#/components/schemas/Setting",
}
