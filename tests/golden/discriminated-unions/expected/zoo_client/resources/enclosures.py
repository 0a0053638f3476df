"""The `enclosures` resource."""

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
from ..types._responses import Enclosure
from ..types._params import EnclosuresGetEnclosureArgs

__all__ = [
    "EnclosuresResource",
    "AsyncEnclosuresResource",
    "EnclosuresResourceWithRawResponse",
    "EnclosuresResourceWithStreamingResponse",
    "AsyncEnclosuresResourceWithRawResponse",
    "AsyncEnclosuresResourceWithStreamingResponse",
]

_GET_ENCLOSURE = Operation(
    name="enclosures.get_enclosure",
    method="get",
    path="/enclosures/{enclosure_id}",
    path_params=("enclosure_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(EnclosuresGetEnclosureArgs, "enclosures.get_enclosure"),
)


class EnclosuresResource(SyncAPIResource):
    """Methods of `client.enclosures`."""

    @cached_property
    def with_raw_response(self) -> EnclosuresResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return EnclosuresResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> EnclosuresResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return EnclosuresResourceWithStreamingResponse(self)

    def get_enclosure(
        self,
        *,
        enclosure_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Enclosure:
        """GET /enclosures/{enclosure_id}"""
        return self._client.call(
            _GET_ENCLOSURE,
            {
                "enclosure_id": enclosure_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Enclosure),
        )


class AsyncEnclosuresResource(AsyncAPIResource):
    """Async methods of `client.enclosures`."""

    @cached_property
    def with_raw_response(self) -> AsyncEnclosuresResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncEnclosuresResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncEnclosuresResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncEnclosuresResourceWithStreamingResponse(self)

    async def get_enclosure(
        self,
        *,
        enclosure_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Enclosure:
        """GET /enclosures/{enclosure_id}"""
        return await self._client.call(
            _GET_ENCLOSURE,
            {
                "enclosure_id": enclosure_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Enclosure),
        )


class EnclosuresResourceWithRawResponse:
    """`EnclosuresResource` methods that return the raw HTTP response."""

    def __init__(self, resource: EnclosuresResource) -> None:
        self._resource = resource
        self.get_enclosure = to_raw_response_wrapper(resource.get_enclosure)


class EnclosuresResourceWithStreamingResponse:
    """`EnclosuresResource` methods that return a streamed response context manager."""

    def __init__(self, resource: EnclosuresResource) -> None:
        self._resource = resource
        self.get_enclosure = to_streamed_response_wrapper(resource.get_enclosure)


class AsyncEnclosuresResourceWithRawResponse:
    """`AsyncEnclosuresResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncEnclosuresResource) -> None:
        self._resource = resource
        self.get_enclosure = async_to_raw_response_wrapper(resource.get_enclosure)


class AsyncEnclosuresResourceWithStreamingResponse:
    """`AsyncEnclosuresResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncEnclosuresResource) -> None:
        self._resource = resource
        self.get_enclosure = async_to_streamed_response_wrapper(resource.get_enclosure)
