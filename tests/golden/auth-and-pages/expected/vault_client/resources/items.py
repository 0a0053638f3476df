"""The `items` resource."""

from __future__ import annotations

from functools import cached_property

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._models import ArgsValidator
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..pagination import (
    AsyncPaginator,
    AsyncCursorPage,
    AsyncLinkPage,
    AsyncNextUrlPage,
    AsyncOffsetPage,
    AsyncPagePage,
    AsyncSkipPage,
    SyncCursorPage,
    SyncLinkPage,
    SyncNextUrlPage,
    SyncOffsetPage,
    SyncPagePage,
    SyncSkipPage,
)
from ..types._responses import (
    Item,
    ItemsByCursorResponse,
    ItemsByLinkResponse,
    ItemsByNextUrlResponse,
    ItemsByOffsetResponse,
    ItemsByPageResponse,
    ItemsBySkipResponse,
)
from ..types._params import (
    ItemsByCursorArgs,
    ItemsByLinkArgs,
    ItemsByNextUrlArgs,
    ItemsByOffsetArgs,
    ItemsByPageArgs,
    ItemsBySkipArgs,
)

__all__ = [
    "ItemsResource",
    "AsyncItemsResource",
    "ItemsResourceWithRawResponse",
    "ItemsResourceWithStreamingResponse",
    "AsyncItemsResourceWithRawResponse",
    "AsyncItemsResourceWithStreamingResponse",
]

_BY_CURSOR = Operation(
    name="items.by_cursor",
    method="get",
    path="/items/cursor",
    path_params=(),
    query_params=(
        "cursor",
        "limit",
    ),
    header_params=(),
    validate=ArgsValidator(ItemsByCursorArgs, "items.by_cursor"),
)

_BY_OFFSET = Operation(
    name="items.by_offset",
    method="get",
    path="/items/offset",
    path_params=(),
    query_params=(
        "offset",
        "limit",
    ),
    header_params=(),
    validate=ArgsValidator(ItemsByOffsetArgs, "items.by_offset"),
)

_BY_PAGE = Operation(
    name="items.by_page",
    method="get",
    path="/items/page",
    path_params=(),
    query_params=(
        "page",
        "per_page",
    ),
    header_params=(),
    validate=ArgsValidator(ItemsByPageArgs, "items.by_page"),
)

_BY_NEXT_URL = Operation(
    name="items.by_next_url",
    method="get",
    path="/items/next",
    path_params=(),
    query_params=("color",),
    header_params=(),
    validate=ArgsValidator(ItemsByNextUrlArgs, "items.by_next_url"),
)

_BY_LINK = Operation(
    name="items.by_link",
    method="get",
    path="/items/link",
    path_params=(),
    query_params=("per_page",),
    header_params=(),
    validate=ArgsValidator(ItemsByLinkArgs, "items.by_link"),
)

_BY_SKIP = Operation(
    name="items.by_skip",
    method="get",
    path="/items/skip",
    path_params=(),
    query_params=(
        "skip",
        "take",
    ),
    header_params=(),
    validate=ArgsValidator(ItemsBySkipArgs, "items.by_skip"),
)


class ItemsResource(SyncAPIResource):
    """Methods of `client.items`."""

    @cached_property
    def with_raw_response(self) -> ItemsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return ItemsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ItemsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return ItemsResourceWithStreamingResponse(self)

    def by_cursor(
        self,
        *,
        cursor: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> SyncCursorPage[Item]:
        """GET /items/cursor"""
        return self._client.call(
            _BY_CURSOR,
            {
                "cursor": cursor,
                "limit": limit,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            SyncCursorPage[Item].parser(ItemsByCursorResponse, self._client),
        )

    def by_offset(
        self,
        *,
        offset: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> SyncOffsetPage[Item]:
        """GET /items/offset"""
        return self._client.call(
            _BY_OFFSET,
            {
                "offset": offset,
                "limit": limit,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            SyncOffsetPage[Item].parser(ItemsByOffsetResponse, self._client),
        )

    def by_page(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> SyncPagePage[Item]:
        """GET /items/page"""
        return self._client.call(
            _BY_PAGE,
            {
                "page": page,
                "per_page": per_page,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            SyncPagePage[Item].parser(ItemsByPageResponse, self._client),
        )

    def by_next_url(
        self,
        *,
        color: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> SyncNextUrlPage[Item]:
        """GET /items/next"""
        return self._client.call(
            _BY_NEXT_URL,
            {
                "color": color,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            SyncNextUrlPage[Item].parser(ItemsByNextUrlResponse, self._client),
        )

    def by_link(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> SyncLinkPage[Item]:
        """GET /items/link"""
        return self._client.call(
            _BY_LINK,
            {
                "per_page": per_page,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            SyncLinkPage[Item].parser(ItemsByLinkResponse, self._client),
        )

    def by_skip(
        self,
        *,
        skip: int | NotGiven = NOT_GIVEN,
        take: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> SyncSkipPage[Item]:
        """Paginated by a scheme of its own, described in place."""
        return self._client.call(
            _BY_SKIP,
            {
                "skip": skip,
                "take": take,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            SyncSkipPage[Item].parser(ItemsBySkipResponse, self._client),
        )


class AsyncItemsResource(AsyncAPIResource):
    """Async methods of `client.items`."""

    @cached_property
    def with_raw_response(self) -> AsyncItemsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncItemsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncItemsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncItemsResourceWithStreamingResponse(self)

    def by_cursor(
        self,
        *,
        cursor: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncPaginator[Item, AsyncCursorPage[Item]]:
        """GET /items/cursor"""
        request = self._client.prepare(
            _BY_CURSOR,
            {
                "cursor": cursor,
                "limit": limit,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
        )
        parse = AsyncCursorPage[Item].parser(ItemsByCursorResponse, self._client)
        return AsyncPaginator(lambda: self._client.send(request, parse))

    def by_offset(
        self,
        *,
        offset: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncPaginator[Item, AsyncOffsetPage[Item]]:
        """GET /items/offset"""
        request = self._client.prepare(
            _BY_OFFSET,
            {
                "offset": offset,
                "limit": limit,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
        )
        parse = AsyncOffsetPage[Item].parser(ItemsByOffsetResponse, self._client)
        return AsyncPaginator(lambda: self._client.send(request, parse))

    def by_page(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncPaginator[Item, AsyncPagePage[Item]]:
        """GET /items/page"""
        request = self._client.prepare(
            _BY_PAGE,
            {
                "page": page,
                "per_page": per_page,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
        )
        parse = AsyncPagePage[Item].parser(ItemsByPageResponse, self._client)
        return AsyncPaginator(lambda: self._client.send(request, parse))

    def by_next_url(
        self,
        *,
        color: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncPaginator[Item, AsyncNextUrlPage[Item]]:
        """GET /items/next"""
        request = self._client.prepare(
            _BY_NEXT_URL,
            {
                "color": color,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
        )
        parse = AsyncNextUrlPage[Item].parser(ItemsByNextUrlResponse, self._client)
        return AsyncPaginator(lambda: self._client.send(request, parse))

    def by_link(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncPaginator[Item, AsyncLinkPage[Item]]:
        """GET /items/link"""
        request = self._client.prepare(
            _BY_LINK,
            {
                "per_page": per_page,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
        )
        parse = AsyncLinkPage[Item].parser(ItemsByLinkResponse, self._client)
        return AsyncPaginator(lambda: self._client.send(request, parse))

    def by_skip(
        self,
        *,
        skip: int | NotGiven = NOT_GIVEN,
        take: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncPaginator[Item, AsyncSkipPage[Item]]:
        """Paginated by a scheme of its own, described in place."""
        request = self._client.prepare(
            _BY_SKIP,
            {
                "skip": skip,
                "take": take,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
        )
        parse = AsyncSkipPage[Item].parser(ItemsBySkipResponse, self._client)
        return AsyncPaginator(lambda: self._client.send(request, parse))


class ItemsResourceWithRawResponse:
    """`ItemsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: ItemsResource) -> None:
        self._resource = resource
        self.by_cursor = to_raw_response_wrapper(resource.by_cursor)
        self.by_offset = to_raw_response_wrapper(resource.by_offset)
        self.by_page = to_raw_response_wrapper(resource.by_page)
        self.by_next_url = to_raw_response_wrapper(resource.by_next_url)
        self.by_link = to_raw_response_wrapper(resource.by_link)
        self.by_skip = to_raw_response_wrapper(resource.by_skip)


class ItemsResourceWithStreamingResponse:
    """`ItemsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: ItemsResource) -> None:
        self._resource = resource
        self.by_cursor = to_streamed_response_wrapper(resource.by_cursor)
        self.by_offset = to_streamed_response_wrapper(resource.by_offset)
        self.by_page = to_streamed_response_wrapper(resource.by_page)
        self.by_next_url = to_streamed_response_wrapper(resource.by_next_url)
        self.by_link = to_streamed_response_wrapper(resource.by_link)
        self.by_skip = to_streamed_response_wrapper(resource.by_skip)


class AsyncItemsResourceWithRawResponse:
    """`AsyncItemsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncItemsResource) -> None:
        self._resource = resource
        self.by_cursor = async_to_raw_response_wrapper(resource.by_cursor)
        self.by_offset = async_to_raw_response_wrapper(resource.by_offset)
        self.by_page = async_to_raw_response_wrapper(resource.by_page)
        self.by_next_url = async_to_raw_response_wrapper(resource.by_next_url)
        self.by_link = async_to_raw_response_wrapper(resource.by_link)
        self.by_skip = async_to_raw_response_wrapper(resource.by_skip)


class AsyncItemsResourceWithStreamingResponse:
    """`AsyncItemsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncItemsResource) -> None:
        self._resource = resource
        self.by_cursor = async_to_streamed_response_wrapper(resource.by_cursor)
        self.by_offset = async_to_streamed_response_wrapper(resource.by_offset)
        self.by_page = async_to_streamed_response_wrapper(resource.by_page)
        self.by_next_url = async_to_streamed_response_wrapper(resource.by_next_url)
        self.by_link = async_to_streamed_response_wrapper(resource.by_link)
        self.by_skip = async_to_streamed_response_wrapper(resource.by_skip)
