"""Response models (pydantic) and request parameter types (TypedDict) of the API.

Both load on first use of any name here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._responses import BaseItem as BaseItem
    from ._responses import Cat as Cat
    from ._responses import Dog as Dog
    from ._responses import ItemsRetrieveResponse as ItemsRetrieveResponse
    from ._responses import Owner as Owner
    from ._responses import OwnerAddress as OwnerAddress
    from ._responses import OwnerAddressGeo as OwnerAddressGeo
    from ._responses import OwnerContactsItem as OwnerContactsItem
    from ._responses import Pet as Pet
    from ._responses import PlainItem as PlainItem
    from ._responses import StrictItem as StrictItem
    from ._responses import TaggedItem as TaggedItem
    from ._params import CatParam as CatParam
    from ._params import DogParam as DogParam
    from ._params import OwnerAddressGeoParam as OwnerAddressGeoParam
    from ._params import OwnerAddressParam as OwnerAddressParam
    from ._params import OwnerContactsItemParam as OwnerContactsItemParam

__all__: list[str] = [
    "BaseItem",
    "Cat",
    "Dog",
    "ItemsRetrieveResponse",
    "Owner",
    "OwnerAddress",
    "OwnerAddressGeo",
    "OwnerContactsItem",
    "Pet",
    "PlainItem",
    "StrictItem",
    "TaggedItem",
    "CatParam",
    "DogParam",
    "OwnerAddressGeoParam",
    "OwnerAddressParam",
    "OwnerContactsItemParam",
]

_PARAMS: frozenset[str] = frozenset(
    {
        "CatParam",
        "DogParam",
        "OwnerAddressGeoParam",
        "OwnerAddressParam",
        "OwnerContactsItemParam",
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
