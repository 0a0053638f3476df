"""Pagination machinery; ``pagination.py`` binds it to the kind and field names of each scheme.

A page knows the request that produced it, so the next page is the same request (same filters,
same options) asking for the next page. How it asks depends on the scheme's ``kind``:

* ``cursor``: the response's ``cursor_field`` (a string or an integer) goes back as ``cursor_param``;
* ``offset``: ``offset_param`` advances by the number of items received (to ``total_field``, if set);
* ``page``: ``page_param`` counts up from ``first_page`` (to ``total_pages_field``, if set);
* ``next_url``: the response's ``next_url_field`` is the URL of the next page;
* ``link_header``: the ``Link`` response header's ``rel="next"`` target is (RFC 8288).

Iterating a page walks every item of every page; ``iter_pages()`` walks pages;
``has_next_page()`` / ``next_page_info()`` / ``get_next_page()`` step by hand. A page without
items is the last one, whatever else it says, and so is one whose cursor or next URL is not what
the spec says it is (it is on the page's ``drift``). ``len(page)`` and ``page.items`` are about this page
only, while iterating the page yields the items of this page and of every later one.

A server that points again at a page the walk has already fetched would make it loop forever, so
the walk stops there: the page says so (``stopped_on_repeated_cursor``) and a warning is logged. A
next-page URL on another origin (scheme, host, port) than the page's is not followed either: the
client's credentials would go there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
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
    Literal,
    Mapping,
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

__all__ = ["PageInfo", "SyncPageBase", "AsyncPageBase", "AsyncPaginator"]

_Item = TypeVar("_Item")
_PageT = TypeVar("_PageT", bound="AsyncPageBase[Any]")
_SyncPageT = TypeVar("_SyncPageT", bound="SyncPageBase[Any]")
_PageSelf = TypeVar("_PageSelf", bound="_PageMixin[Any]")

PageKind = Literal["cursor", "offset", "page", "next_url", "link_header"]

_LINK = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]+)*)")
_REL = re.compile(r"""(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))""", re.IGNORECASE)


def _no_params() -> dict[str, object]:
    return {}


@dataclass(frozen=True)
class PageInfo:
    """Where the next page is: query parameters that replace the current ones, or a whole URL."""

    params: Mapping[str, object] = field(default_factory=_no_params)
    url: str | None = None


def next_link(header: str | None) -> str | None:
    """The target of the first ``rel="next"`` link of a ``Link`` header value (RFC 8288), if any."""
    if not header:
        return None
    for match in _LINK.finditer(header):
        for rel in _REL.finditer(match.group(2)):
            relations = (rel.group(1) if rel.group(1) is not None else rel.group(2)).lower().split()
            if "next" in relations:
                return match.group(1).strip()
    return None


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


class _PageMixin(Generic[_Item]):
    kind: ClassVar[PageKind] = "cursor"
    items_field: ClassVar[str]
    """Response field holding the page's items."""
    cursor_field: ClassVar[str] = "next_page"
    """``cursor``: the response field holding the next page's cursor (null or empty on the last page)."""
    cursor_param: ClassVar[str] = "next_page"
    """``cursor``: the query parameter that asks for the page a cursor points to."""
    offset_param: ClassVar[str] = "offset"
    page_param: ClassVar[str] = "page"
    first_page: ClassVar[int] = 1
    next_url_field: ClassVar[str] = "next"
    total_field: ClassVar[str | None] = None
    total_pages_field: ClassVar[str | None] = None

    raw: pydantic.BaseModel
    """The whole page as the spec describes it, extra fields included."""
    _request: FinalRequest
    _response: httpx.Response | None

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

    # What the server says about the next page, before the walk's own checks.

    def _field(self, name: str | None) -> object:
        return getattr(self.raw, name, None) if name else None

    def _server_next(self) -> PageInfo | None:
        if not self.items:
            return None
        if self.kind == "cursor":
            cursor = self._server_cursor()
            return None if cursor is None else PageInfo(params={self.cursor_param: cursor})
        if self.kind == "offset":
            start = _count(self._request.params.get(self.offset_param)) or 0
            following = start + len(self.items)
            total = _count(self._field(self.total_field))
            if total is not None and following >= total:
                return None
            return PageInfo(params={self.offset_param: following})
        if self.kind == "page":
            current = _count(self._request.params.get(self.page_param))
            current = self.first_page if current is None else current
            pages = _count(self._field(self.total_pages_field))
            if pages is not None and current + 1 - self.first_page >= pages:
                return None
            return PageInfo(params={self.page_param: current + 1})
        if self.kind == "next_url":
            target: object = None if self._drifted(self.next_url_field) else self._field(self.next_url_field)
        else:
            target = next_link(self._response.headers.get("link") if self._response is not None else None)
        return PageInfo(url=target) if isinstance(target, str) and target.strip() else None

    def _drifted(self, name: str) -> bool:
        """Whether the response's field ``name`` is not what the spec says (it is then not followed)."""
        return any(drift.path == f"$.{name}" for drift in self.drift)

    def _server_cursor(self) -> str | int | None:
        if self._drifted(self.cursor_field):
            return None
        cursor: object = getattr(self.raw, self.cursor_field, None)
        if isinstance(cursor, str):
            return cursor or None
        return _count(cursor)

    # The walk's own checks: pages already fetched, and other origins.

    _earlier: frozenset[str] = frozenset()
    """The requests that fetched the pages before this one (set on the pages ``get_next_page`` returns)."""
    _warned: bool = False

    def _request_for(self, info: PageInfo) -> FinalRequest | None:
        if info.url is None:
            return self._request.with_params(**info.params)
        here = self._response.url if self._response is not None else None
        target = here.join(info.url) if here is not None else httpx.URL(info.url)
        if here is not None and _origin(target) != _origin(here):
            self._warn_once(
                "%s %s: the next page is on another origin (%s://%s); not followed, so no credentials go there",
                target.scheme,
                target.host,
            )
            return None
        return replace(self._request, path=str(target), params={})

    @staticmethod
    def _key(request: FinalRequest) -> str:
        return f"{request.path}?{sorted((k, repr(v)) for k, v in request.params.items())!r}"

    def _followed(self) -> frozenset[str]:
        return self._earlier | {self._key(self._request)}

    def _warn_once(self, message: str, *args: object) -> None:
        if not self._warned:
            self._warned = True
            logger.warning(message, self._request.method.upper(), self._request.path, *args)

    def next_page_request(self) -> FinalRequest | None:
        """The request for the next page, or ``None`` when this is the last page."""
        info = self._server_next()
        request = None if info is None else self._request_for(info)
        if request is None or info is None:
            return None
        if self._key(request) in self._followed():
            shown = (
                repr(info.params.get(self.cursor_param))
                if self.kind == "cursor"
                else info.url or dict(info.params)
            )
            self._warn_once(
                "%s %s: the next-page cursor %s was already followed; stopping here, later items may be "
                "missing (page.stopped_on_repeated_cursor is True)",
                str(shown)[:100],
            )
            return None
        return request

    def next_page_info(self) -> PageInfo | None:
        """Where the next page is (``None`` on the last page): the query parameters that change, or a URL."""
        info = self._server_next()
        return info if info is not None and self.next_page_request() is not None else None

    def has_next_page(self) -> bool:
        return self.next_page_request() is not None

    @property
    def next_cursor(self) -> str | int | None:
        """``cursor`` pages: the cursor of the next page, or ``None`` on the last page (also when the
        server sent a cursor this walk has already followed, see ``stopped_on_repeated_cursor``)."""
        if self.kind != "cursor" or self.next_page_request() is None:
            return None
        return self._server_cursor()

    @property
    def stopped_on_repeated_cursor(self) -> bool:
        """Whether the walk ends here only because the server pointed at a page already fetched.

        The server meant there to be more pages, but following it would fetch a page seen before
        and loop forever; so iteration stops, a warning is logged, and this says so.
        """
        info = self._server_next()
        request = None if info is None else self._request_for(info)
        return request is not None and self._key(request) in self._followed()

    def _continue(self, page: _PageSelf) -> _PageSelf:
        page._earlier = self._followed()
        return page

    def __len__(self) -> int:
        """How many items are on this page; iterating the page also yields those of later pages."""
        return len(self.items)

    def __repr__(self) -> str:
        repeated = ", stopped_on_repeated_cursor=True" if self.stopped_on_repeated_cursor else ""
        if self.kind == "cursor":
            return (
                f"{type(self).__name__}(items={len(self.items)}, next_cursor={self.next_cursor!r}{repeated})"
            )
        return (
            f"{type(self).__name__}(items={len(self.items)}, has_next_page={self.has_next_page()}{repeated})"
        )


class SyncPageBase(_PageMixin[_Item]):
    """One page of a paginated list; iterating it walks every page."""

    def __init__(
        self,
        *,
        client: SyncAPIClient,
        request: FinalRequest,
        raw: pydantic.BaseModel,
        response: httpx.Response | None = None,
    ) -> None:
        self._client = client
        self._request = request
        self._response = response
        self.raw = raw

    @classmethod
    def parser(
        cls: type[_SyncPageT], model: type[pydantic.BaseModel], client: SyncAPIClient
    ) -> Callable[[httpx.Response, FinalRequest], _SyncPageT]:
        """A response parser that builds this page type from ``model``."""

        def parse(response: httpx.Response, request: FinalRequest) -> _SyncPageT:
            raw = validate_response(model, response, request)
            return cls(client=client, request=request, raw=raw, response=response)

        return parse

    def get_next_page(self) -> Self:
        """Fetch the next page; raises ``LookupError`` on the last page."""
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


class AsyncPageBase(_PageMixin[_Item]):
    """One page of a paginated list; ``async for`` over it walks every page."""

    def __init__(
        self,
        *,
        client: AsyncAPIClient,
        request: FinalRequest,
        raw: pydantic.BaseModel,
        response: httpx.Response | None = None,
    ) -> None:
        self._client = client
        self._request = request
        self._response = response
        self.raw = raw

    @classmethod
    def parser(
        cls: type[_PageT], model: type[pydantic.BaseModel], client: AsyncAPIClient
    ) -> Callable[[httpx.Response, FinalRequest], _PageT]:
        """A response parser that builds this page type from ``model``."""

        def parse(response: httpx.Response, request: FinalRequest) -> _PageT:
            raw = validate_response(model, response, request)
            return cls(client=client, request=request, raw=raw, response=response)

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
