"""The `items` resource."""

from __future__ import annotations

from functools import cached_property

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._models import ArgsValidator, model_parser
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._responses import ItemsRetrieveResponse
from ..types._params import ItemsRetrieveArgs

__all__ = [
    "ItemsResource",
    "AsyncItemsResource",
    "ItemsResourceWithRawResponse",
    "ItemsResourceWithStreamingResponse",
    "AsyncItemsResourceWithRawResponse",
    "AsyncItemsResourceWithStreamingResponse",
]

_RETRIEVE = Operation(
    name="items.retrieve",
    method="get",
    path="/items/{item_id}",
    path_params=("item_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(ItemsRetrieveArgs, "items.retrieve"),
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

    def retrieve(
        self,
        *,
        item_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> ItemsRetrieveResponse:
        """GET /items/{item_id}"""
        return self._client.call(
            _RETRIEVE,
            {
                "item_id": item_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(ItemsRetrieveResponse),
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

    async def retrieve(
        self,
        *,
        item_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> ItemsRetrieveResponse:
        """GET /items/{item_id}"""
        return await self._client.call(
            _RETRIEVE,
            {
                "item_id": item_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(ItemsRetrieveResponse),
        )


class ItemsResourceWithRawResponse:
    """`ItemsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: ItemsResource) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class ItemsResourceWithStreamingResponse:
    """`ItemsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: ItemsResource) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)


class AsyncItemsResourceWithRawResponse:
    """`AsyncItemsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncItemsResource) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)


class AsyncItemsResourceWithStreamingResponse:
    """`AsyncItemsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncItemsResource) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
