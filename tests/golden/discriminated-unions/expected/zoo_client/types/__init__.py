"""Response models (pydantic) and request parameter types (TypedDict) of the API.

Both load on first use of any name here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._responses import AnimalBase as AnimalBase
    from ._responses import AnimalRecord as AnimalRecord
    from ._responses import Enclosure as Enclosure
    from ._responses import Ice as Ice
    from ._responses import Lion as Lion
    from ._responses import Penguin as Penguin
    from ._responses import Savanna as Savanna
    from ._params import LionParam as LionParam
    from ._params import PenguinParam as PenguinParam

__all__: list[str] = [
    "AnimalBase",
    "AnimalRecord",
    "Enclosure",
    "Ice",
    "Lion",
    "Penguin",
    "Savanna",
    "LionParam",
    "PenguinParam",
]

_PARAMS: frozenset[str] = frozenset(
    {
        "LionParam",
        "PenguinParam",
    }
)


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module = importlib.import_module("._params" if name in _PARAMS else "._responses", __name__)
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
