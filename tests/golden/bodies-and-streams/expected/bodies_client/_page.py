"""Cursor pagination machinery; ``pagination.py`` binds it to the field names of each scheme.

A page knows the request that produced it, so the next page is the same request (same filters,
same options) with the cursor parameter replaced. Iterating a page walks every item of every
page; ``iter_pages()`` walks pages; ``has_next_page()`` / ``get_next_page()`` step by hand.

So ``len(page)`` and ``page.items`` are about this page only, while iterating the page yields the
items of this page and of every later one: as many as ``len(page)`` only on the last page.

A server that hands back a cursor the walk has already followed would make it loop forever, so
the walk stops there: the page says so (``stopped_on_repeated_cursor``) and a warning is logged.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    ClassVar,
    Generator,
    Generic,
    Iterator,
    TypeVar,
)

import httpx
from typing_extensions import Self

from ._drift import Drift
from ._logging import logger
from ._models import validate_response

if TYPE_CHECKING:
    import pydantic

    from ._base_client import AsyncAPIClient, FinalRequest, SyncAPIClient

__all__ = ["SyncCursorPageBase", "AsyncCursorPageBase", "AsyncPaginator"]

_Item = TypeVar("_Item")
_PageT = TypeVar("_PageT", bound="AsyncCursorPageBase[Any]")
_SyncPageT = TypeVar("_SyncPageT", bound="SyncCursorPageBase[Any]")
_PageSelf = TypeVar("_PageSelf", bound="_CursorPageMixin[Any]")


class _CursorPageMixin(Generic[_Item]):
    items_field: ClassVar[str]
    """Response field holding the page's items."""
    cursor_field: ClassVar[str]
    """Response field holding the cursor of the next page (null or empty on the last page)."""
    cursor_param: ClassVar[str]
    """Query parameter that asks for the page a cursor points to."""

    raw: pydantic.BaseModel
    """The whole page as the spec describes it, extra fields included."""
    _request: FinalRequest

    @property
    def items(self) -> list[_Item]:
        """The items on this page only (iterating the page walks the later pages too; none when the response had no usable list there: see ``drift``)."""
        items: object = getattr(self.raw, self.items_field, None)
        return items if isinstance(items, list) else []  # pyright: ignore[reportUnknownVariableType]

    @property
    def drift(self) -> tuple[Drift, ...]:
        """Where this page's response did not match the spec; empty when it did (see ``BaseModel.drift``)."""
        found: object = getattr(self.raw, "drift", ())
        return found if isinstance(found, tuple) else ()  # pyright: ignore[reportUnknownVariableType]

    @property
    def next_cursor(self) -> str | None:
        """The cursor of the next page, or ``None`` on the last page.

        Also ``None`` when the server sent a cursor this walk has already followed (see
        ``stopped_on_repeated_cursor``): following it would loop forever.
        """
        cursor = self._server_cursor()
        if cursor is None:
            return None
        if cursor in self._cursors_followed():
            if not self._warned:
                self._warned = True
                logger.warning(
                    "%s %s: the next-page cursor %r was already followed; stopping here, later items may be "
                    "missing (page.stopped_on_repeated_cursor is True)",
                    self._request.method.upper(),
                    self._request.path,
                    cursor[:100],
                )
            return None
        return cursor

    @property
    def stopped_on_repeated_cursor(self) -> bool:
        """Whether the walk ends here only because the server's next cursor was one already followed.

        The server meant there to be more pages, but following the cursor would fetch a page seen
        before and loop forever; so iteration stops, a warning is logged, and this says so.
        """
        cursor = self._server_cursor()
        return cursor is not None and cursor in self._cursors_followed()

    def _server_cursor(self) -> str | None:
        cursor: object = getattr(self.raw, self.cursor_field, None)
        return cursor if isinstance(cursor, str) and cursor else None

    _earlier_cursors: frozenset[str] = frozenset()
    """Cursors followed to reach this page (set on the pages ``get_next_page`` returns)."""
    _warned: bool = False

    def _cursors_followed(self) -> frozenset[str]:
        current = self._request.params.get(self.cursor_param)
        return self._earlier_cursors | {current} if isinstance(current, str) else self._earlier_cursors

    def _continue(self, page: _PageSelf) -> _PageSelf:
        page._earlier_cursors = self._cursors_followed()
        return page

    def has_next_page(self) -> bool:
        return self.next_cursor is not None

    def next_page_request(self) -> FinalRequest | None:
        """The request for the next page, or ``None`` when this is the last page."""
        cursor = self.next_cursor
        if cursor is None:
            return None
        return self._request.with_params(**{self.cursor_param: cursor})

    def __len__(self) -> int:
        """How many items are on this page; iterating the page also yields those of later pages."""
        return len(self.items)

    def __repr__(self) -> str:
        repeated = ", stopped_on_repeated_cursor=True" if self.stopped_on_repeated_cursor else ""
        return f"{type(self).__name__}(items={len(self.items)}, next_cursor={self.next_cursor!r}{repeated})"


class SyncCursorPageBase(_CursorPageMixin[_Item]):
    """One page of a cursor-paginated list; iterating it walks every page."""

    def __init__(self, *, client: SyncAPIClient, request: FinalRequest, raw: pydantic.BaseModel) -> None:
        self._client = client
        self._request = request
        self.raw = raw

    @classmethod
    def parser(
        cls: type[_SyncPageT], model: type[pydantic.BaseModel], client: SyncAPIClient
    ) -> Callable[[httpx.Response, FinalRequest], _SyncPageT]:
        """A response parser that builds this page type from ``model``."""

        def parse(response: httpx.Response, request: FinalRequest) -> _SyncPageT:
            return cls(client=client, request=request, raw=validate_response(model, response, request))

        return parse

    def get_next_page(self) -> Self:
        """Fetch the next page; raises ``StopIteration``-free ``LookupError`` on the last page."""
        request = self.next_page_request()
        if request is None:
            raise LookupError("This is the last page; check has_next_page() first.")
        parse = type(self).parser(type(self.raw), self._client)
        return self._continue(self._client.send(request, parse))

    def iter_pages(self) -> Iterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_Item]:
        for page in self.iter_pages():
            yield from page.items


class AsyncCursorPageBase(_CursorPageMixin[_Item]):
    """One page of a cursor-paginated list; ``async for`` over it walks every page."""

    def __init__(self, *, client: AsyncAPIClient, request: FinalRequest, raw: pydantic.BaseModel) -> None:
        self._client = client
        self._request = request
        self.raw = raw

    @classmethod
    def parser(
        cls: type[_PageT], model: type[pydantic.BaseModel], client: AsyncAPIClient
    ) -> Callable[[httpx.Response, FinalRequest], _PageT]:
        """A response parser that builds this page type from ``model``."""

        def parse(response: httpx.Response, request: FinalRequest) -> _PageT:
            return cls(client=client, request=request, raw=validate_response(model, response, request))

        return parse

    async def get_next_page(self) -> Self:
        request = self.next_page_request()
        if request is None:
            raise LookupError("This is the last page; check has_next_page() first.")
        parse = type(self).parser(type(self.raw), self._client)
        return self._continue(await self._client.send(request, parse))

    async def iter_pages(self) -> AsyncIterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[_Item]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPaginator(Generic[_Item, _PageT]):
    """What an async list method returns: ``await`` it for the first page, or ``async for`` over it
    to walk every item of every page."""

    def __init__(self, fetch: Callable[[], Awaitable[_PageT]]) -> None:
        self._fetch = fetch

    def __await__(self) -> Generator[Any, None, _PageT]:
        return self._fetch().__await__()

    async def __aiter__(self) -> AsyncIterator[_Item]:
        page: _PageT = await self._fetch()
        async for item in page:
            yield item
