"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from typing import Sequence

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, Required, TypedDict

from .._models import NumberArg

__all__ = []

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class ProductsRetrieveArgs(TypedDict, total=False):
    product_id: Required[str]


@with_config(_CLOSED)
class ProductsCreateArgs(TypedDict, total=False):
    name: Required[str]
    price: Required[NumberArg]
    sku: Required[str]
    tags: NotRequired[Sequence[str]]


@with_config(_CLOSED)
class ProductsDigitalRetrieveArgs(TypedDict, total=False):
    product_id: Required[str]
