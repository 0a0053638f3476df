"""Page types of the list operations, one pair (sync and async) per pagination scheme."""

from __future__ import annotations

from ._page import AsyncPaginator, PageInfo

__all__ = [
    "AsyncPaginator",
    "PageInfo",
]
