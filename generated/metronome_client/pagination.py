"""Page types of the list operations, one pair (sync and async) per pagination scheme."""

from __future__ import annotations

from typing import TypeVar

from ._page import AsyncPageBase, AsyncPaginator, PageInfo, SyncPageBase

__all__ = [
    "AsyncPaginator",
    "PageInfo",
    "SyncCursorPage",
    "AsyncCursorPage",
]

_Item = TypeVar("_Item")


class SyncCursorPage(SyncPageBase[_Item]):
    """
    A page of the `cursor` scheme: items in `data`, next cursor in `next_page`, sent back as the `next_page` query parameter.
    """

    items_field = "data"
    cursor_field = "next_page"
    cursor_param = "next_page"


class AsyncCursorPage(AsyncPageBase[_Item]):
    """Async counterpart of `SyncCursorPage`."""

    items_field = "data"
    cursor_field = "next_page"
    cursor_param = "next_page"
