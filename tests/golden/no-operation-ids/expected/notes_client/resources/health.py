"""The `health` resource."""

from __future__ import annotations

from functools import cached_property

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._models import ArgsValidator
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    parse_text,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._params import HealthGetHealthArgs

__all__ = [
    "HealthResource",
    "AsyncHealthResource",
    "HealthResourceWithRawResponse",
    "HealthResourceWithStreamingResponse",
    "AsyncHealthResourceWithRawResponse",
    "AsyncHealthResourceWithStreamingResponse",
]

_GET_HEALTH = Operation(
    name="health.get_health",
    method="get",
    path="/health",
    path_params=(),
    query_params=(),
    header_params=(),
    headers={"Accept": "text/plain"},
    validate=ArgsValidator(HealthGetHealthArgs, "health.get_health"),
)


class HealthResource(SyncAPIResource):
    """Methods of `client.health`."""

    @cached_property
    def with_raw_response(self) -> HealthResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return HealthResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> HealthResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return HealthResourceWithStreamingResponse(self)

    def get_health(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> str:
        """GET /health"""
        return self._client.call(
            _GET_HEALTH,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            parse_text,
        )


class AsyncHealthResource(AsyncAPIResource):
    """Async methods of `client.health`."""

    @cached_property
    def with_raw_response(self) -> AsyncHealthResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncHealthResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncHealthResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncHealthResourceWithStreamingResponse(self)

    async def get_health(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> str:
        """GET /health"""
        return await self._client.call(
            _GET_HEALTH,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            parse_text,
        )


class HealthResourceWithRawResponse:
    """`HealthResource` methods that return the raw HTTP response."""

    def __init__(self, resource: HealthResource) -> None:
        self._resource = resource
        self.get_health = to_raw_response_wrapper(resource.get_health)


class HealthResourceWithStreamingResponse:
    """`HealthResource` methods that return a streamed response context manager."""

    def __init__(self, resource: HealthResource) -> None:
        self._resource = resource
        self.get_health = to_streamed_response_wrapper(resource.get_health)


class AsyncHealthResourceWithRawResponse:
    """`AsyncHealthResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncHealthResource) -> None:
        self._resource = resource
        self.get_health = async_to_raw_response_wrapper(resource.get_health)


class AsyncHealthResourceWithStreamingResponse:
    """`AsyncHealthResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncHealthResource) -> None:
        self._resource = resource
        self.get_health = async_to_streamed_response_wrapper(resource.get_health)
