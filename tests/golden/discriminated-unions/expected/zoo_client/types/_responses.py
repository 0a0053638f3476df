# pyright: reportIncompatibleVariableOverride=false
# (models that extend another one narrow some of its fields on purpose)
"""Response models generated from the spec's schemas by datamodel-code-generator.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations
from .._models import BaseModel
from typing import Any, Literal


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


class Lion(AnimalBase):
    mane: bool | None = None
    kind: Literal["lion"]


class Penguin(AnimalBase):
    colony: str | None = None
    kind: Literal["penguin"]


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
    "Penguin": "#/components/schemas/Penguin",
    "Savanna": "#/components/schemas/Savanna",
}
