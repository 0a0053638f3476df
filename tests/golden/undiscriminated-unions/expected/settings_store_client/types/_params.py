"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from typing import Sequence

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, Required, TypedDict

__all__ = [
    "EmailParam",
    "MoneyParam",
    "PhoneParam",
]

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class EmailParam(TypedDict, total=False):
    email: Required[str]


@with_config(_CLOSED)
class MoneyParam(TypedDict, total=False):
    amount: Required[int]
    currency: Required[str]


@with_config(_CLOSED)
class PhoneParam(TypedDict, total=False):
    phone: Required[str]
    extension: NotRequired[str]


@with_config(_CLOSED)
class SettingsRetrieveArgs(TypedDict, total=False):
    key: Required[str]
    version: NotRequired[int | str]


@with_config(_CLOSED)
class SettingsUpdateArgs(TypedDict, total=False):
    key: Required[str]
    value: Required[str | int | bool | MoneyParam]
    owner: NotRequired[EmailParam | PhoneParam]
    history: NotRequired[Sequence[str | int | bool | MoneyParam]]
