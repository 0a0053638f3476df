"""Typed views of parsed JSON/YAML: a value as a mapping or a list, or empty when it is not one."""

from __future__ import annotations

from typing import Any, cast

__all__ = ["as_dict", "as_list", "is_dict"]


def as_dict(value: object) -> dict[str, Any]:
    return cast(dict[str, Any], value) if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    if isinstance(value, list):
        items: list[Any] = value  # pyright: ignore[reportUnknownVariableType]
        return items
    return []


def is_dict(value: object) -> bool:
    """``isinstance(value, dict)``, without narrowing ``value`` to a dict of unknown types."""
    return isinstance(value, dict)
