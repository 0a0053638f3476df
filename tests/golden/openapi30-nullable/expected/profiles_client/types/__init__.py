"""Response models (pydantic) and request parameter types (TypedDict) of the API.

Both load on first use of any name here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._responses import Address as Address
    from ._responses import Profile as Profile
    from ._responses import ProfilesSearchResponse as ProfilesSearchResponse
    from ._params import AddressParam as AddressParam

__all__: list[str] = [
    "Address",
    "Profile",
    "ProfilesSearchResponse",
    "AddressParam",
]

_PARAMS: frozenset[str] = frozenset(
    {
        "AddressParam",
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
