"""Response models (pydantic) and request parameter types (TypedDict) of the API.

Both load on first use of any name here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._responses import Item as Item
    from ._responses import ItemsByCursorResponse as ItemsByCursorResponse
    from ._responses import ItemsByLinkResponse as ItemsByLinkResponse
    from ._responses import ItemsByNextUrlResponse as ItemsByNextUrlResponse
    from ._responses import ItemsByOffsetResponse as ItemsByOffsetResponse
    from ._responses import ItemsByPageResponse as ItemsByPageResponse
    from ._responses import ItemsBySkipResponse as ItemsBySkipResponse
    from ._responses import Who as Who

__all__: list[str] = [
    "Item",
    "ItemsByCursorResponse",
    "ItemsByLinkResponse",
    "ItemsByNextUrlResponse",
    "ItemsByOffsetResponse",
    "ItemsByPageResponse",
    "ItemsBySkipResponse",
    "Who",
]

_PARAMS: frozenset[str] = frozenset()


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
