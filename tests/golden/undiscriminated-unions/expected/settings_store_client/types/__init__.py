"""Response models (pydantic) and request parameter types (TypedDict) of the API.

Both load on first use of any name here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._responses import Email as Email
    from ._responses import Money as Money
    from ._responses import Phone as Phone
    from ._responses import Setting as Setting
    from ._params import EmailParam as EmailParam
    from ._params import MoneyParam as MoneyParam
    from ._params import PhoneParam as PhoneParam

__all__: list[str] = [
    "Email",
    "Money",
    "Phone",
    "Setting",
    "EmailParam",
    "MoneyParam",
    "PhoneParam",
]

_PARAMS: frozenset[str] = frozenset(
    {
        "EmailParam",
        "MoneyParam",
        "PhoneParam",
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
