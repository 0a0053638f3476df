"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, TypedDict

__all__ = []

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class AuthWhoamiArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class AuthPublicArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class AuthOptionalArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class AuthHeaderKeysArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class AuthQueryKeyArgs(TypedDict, total=False):
    q: NotRequired[str]


@with_config(_CLOSED)
class AuthCookieKeyArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class AuthOauthWhoamiArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class AuthOidcWhoamiArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class AuthCertificateArgs(TypedDict, total=False):
    pass


@with_config(_CLOSED)
class ItemsByCursorArgs(TypedDict, total=False):
    cursor: NotRequired[int]
    limit: NotRequired[int]


@with_config(_CLOSED)
class ItemsByOffsetArgs(TypedDict, total=False):
    offset: NotRequired[int]
    limit: NotRequired[int]


@with_config(_CLOSED)
class ItemsByPageArgs(TypedDict, total=False):
    page: NotRequired[int]
    per_page: NotRequired[int]


@with_config(_CLOSED)
class ItemsByNextUrlArgs(TypedDict, total=False):
    color: NotRequired[str]


@with_config(_CLOSED)
class ItemsByLinkArgs(TypedDict, total=False):
    per_page: NotRequired[int]


@with_config(_CLOSED)
class ItemsBySkipArgs(TypedDict, total=False):
    skip: NotRequired[int]
    take: NotRequired[int]
