"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from typing import Any, Literal

from .._models import BaseModel


class AnimalBase(BaseModel):
    kind: str
    name: str


class AnimalRecord(BaseModel):
    animal: Lion | Penguin | dict[str, Any]
    enclosure_id: str | None = None


class Enclosure(BaseModel):
    id: str
    habitat: Savanna | Ice | dict[str, Any]
    residents: list[Lion | Penguin | dict[str, Any]] | None = None


class Ice(BaseModel):
    climate: Literal["Ice"]
    temperature_c: float | None = None


class Lion(BaseModel):
    kind: Literal["lion"]
    name: str
    mane: bool | None = None


class Penguin(BaseModel):
    kind: Literal["penguin"]
    name: str
    colony: str | None = None


class Savanna(BaseModel):
    climate: Literal["Savanna"]
    area_m2: int | None = None


__all__ = ["AnimalBase", "AnimalRecord", "Enclosure", "Ice", "Lion", "Penguin", "Savanna"]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "AnimalBase": "#/components/schemas/AnimalBase",
    "AnimalRecord": "#/components/schemas/AnimalRecord",
    "Enclosure": "#/components/schemas/Enclosure",
    "Ice": "#/components/schemas/Ice",
    "Lion": "#/components/schemas/Lion",
    "Lion.kind": "#/components/schemas/AnimalBase",
    "Lion.name": "#/components/schemas/AnimalBase",
    "Lion.mane": "#/components/schemas/Lion/allOf/1",
    "Penguin": "#/components/schemas/Penguin",
    "Penguin.kind": "#/components/schemas/AnimalBase",
    "Penguin.name": "#/components/schemas/AnimalBase",
    "Penguin.colony": "#/components/schemas/Penguin/allOf/1",
    "Savanna": "#/components/schemas/Savanna",
}
