"""Response models (pydantic) and request parameter types (TypedDict) of the API.

Both load on first use of any name here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._responses import Event as Event
    from ._responses import Problem as Problem
    from ._responses import Stored as Stored
    from ._responses import Thing as Thing
    from ._params import FormsSubmitFormBodyAddressGeoParam as FormsSubmitFormBodyAddressGeoParam
    from ._params import FormsSubmitFormBodyAddressParam as FormsSubmitFormBodyAddressParam
    from ._params import FormsSubmitFormBodyFlatParam as FormsSubmitFormBodyFlatParam
    from ._params import FormsSubmitFormBodyLinesItemParam as FormsSubmitFormBodyLinesItemParam
    from ._params import FormsSubmitFormBodyPayloadParam as FormsSubmitFormBodyPayloadParam
    from ._params import UploadsUploadBodyAttributesParam as UploadsUploadBodyAttributesParam

__all__: list[str] = [
    "Event",
    "Problem",
    "Stored",
    "Thing",
    "FormsSubmitFormBodyAddressGeoParam",
    "FormsSubmitFormBodyAddressParam",
    "FormsSubmitFormBodyFlatParam",
    "FormsSubmitFormBodyLinesItemParam",
    "FormsSubmitFormBodyPayloadParam",
    "UploadsUploadBodyAttributesParam",
]

_PARAMS: frozenset[str] = frozenset(
    {
        "FormsSubmitFormBodyAddressGeoParam",
        "FormsSubmitFormBodyAddressParam",
        "FormsSubmitFormBodyFlatParam",
        "FormsSubmitFormBodyLinesItemParam",
        "FormsSubmitFormBodyPayloadParam",
        "UploadsUploadBodyAttributesParam",
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
