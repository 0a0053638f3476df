"""Page types of the list operations, one pair (sync and async) per pagination scheme."""

from __future__ import annotations

from typing import TypeVar

from ._page import AsyncPageBase, AsyncPaginator, PageInfo, SyncPageBase

__all__ = [
    "AsyncPaginator",
    "PageInfo",
    "SyncCursorPage",
    "AsyncCursorPage",
    "SyncOffsetPage",
    "AsyncOffsetPage",
    "SyncPagePage",
    "AsyncPagePage",
    "SyncNextUrlPage",
    "AsyncNextUrlPage",
    "SyncLinkPage",
    "AsyncLinkPage",
    "SyncSkipPage",
    "AsyncSkipPage",
]

_Item = TypeVar("_Item")


class SyncCursorPage(SyncPageBase[_Item]):
    """
    A page of the `cursor` scheme: items in `data`, next cursor in `next_cursor`, sent back as the `cursor` query parameter.
    """

    items_field = "data"
    cursor_field = "next_cursor"
    cursor_param = "cursor"


class AsyncCursorPage(AsyncPageBase[_Item]):
    """Async counterpart of `SyncCursorPage`."""

    items_field = "data"
    cursor_field = "next_cursor"
    cursor_param = "cursor"


class SyncOffsetPage(SyncPageBase[_Item]):
    """
    A page of the `offset` scheme: items in `data`, the `offset` query parameter advanced by the items received, up to `total`.
    """

    kind = "offset"
    items_field = "data"
    offset_param = "offset"
    total_field = "total"


class AsyncOffsetPage(AsyncPageBase[_Item]):
    """Async counterpart of `SyncOffsetPage`."""

    kind = "offset"
    items_field = "data"
    offset_param = "offset"
    total_field = "total"


class SyncPagePage(SyncPageBase[_Item]):
    """A page of the `page` scheme: items in `items`, the `page` query parameter counting up from 1."""

    kind = "page"
    items_field = "items"
    page_param = "page"


class AsyncPagePage(AsyncPageBase[_Item]):
    """Async counterpart of `SyncPagePage`."""

    kind = "page"
    items_field = "items"
    page_param = "page"


class SyncNextUrlPage(SyncPageBase[_Item]):
    """A page of the `next_url` scheme: items in `data`, the next page's URL in `next`."""

    kind = "next_url"
    items_field = "data"
    next_url_field = "next"


class AsyncNextUrlPage(AsyncPageBase[_Item]):
    """Async counterpart of `SyncNextUrlPage`."""

    kind = "next_url"
    items_field = "data"
    next_url_field = "next"


class SyncLinkPage(SyncPageBase[_Item]):
    """
    A page of the `link` scheme: items in `data`, the next page's URL in the `Link` response header (`rel="next"`).
    """

    kind = "link_header"
    items_field = "data"


class AsyncLinkPage(AsyncPageBase[_Item]):
    """Async counterpart of `SyncLinkPage`."""

    kind = "link_header"
    items_field = "data"


class SyncSkipPage(SyncPageBase[_Item]):
    """
    A page of the `SkipPage` scheme: items in `results`, the `skip` query parameter advanced by the items received.
    """

    kind = "offset"
    items_field = "results"
    offset_param = "skip"


class AsyncSkipPage(AsyncPageBase[_Item]):
    """Async counterpart of `SyncSkipPage`."""

    kind = "offset"
    items_field = "results"
    offset_param = "skip"
