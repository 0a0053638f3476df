"""Page types of the list operations, one pair (sync and async) per pagination scheme."""

from __future__ import annotations

from typing import TypeVar

from ._page import AsyncPageBase, AsyncPaginator, PageInfo, SyncPageBase

__all__ = [
    "AsyncPaginator",
    "PageInfo",
    "SyncNotesPage",
    "AsyncNotesPage",
]

_Item = TypeVar("_Item")


class SyncNotesPage(SyncPageBase[_Item]):
    """
    A page of the `cursor` scheme: items in `items`, next cursor in `next_cursor`, sent back as the `cursor` query parameter.
    """

    items_field = "items"
    cursor_field = "next_cursor"
    cursor_param = "cursor"


class AsyncNotesPage(AsyncPageBase[_Item]):
    """Async counterpart of `SyncNotesPage`."""

    items_field = "items"
    cursor_field = "next_cursor"
    cursor_param = "cursor"
