"""The `pets` resource."""

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
from ..types._responses import Pet
from ..types._params import PetsRetrieveArgs

__all__ = [
    "PetsResource",
    "AsyncPetsResource",
    "PetsResourceWithRawResponse",
    "PetsResourceWithStreamingResponse",
    "AsyncPetsResourceWithRawResponse",
    "AsyncPetsResourceWithStreamingResponse",
]

_RETRIEVE = Operation(
    name="pets.retrieve",
    method="get",
    path="/pets/{pet_id}",
    path_params=("pet_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(PetsRetrieveArgs, "pets.retrieve"),
)


class PetsResource(SyncAPIResource):
    """Methods of `client.pets`."""

    @cached_property
    def with_raw_response(self) -> PetsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return PetsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> PetsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return PetsResourceWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        pet_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Pet:
        """GET /pets/{pet_id}"""
        return self._client.call(
            _RETRIEVE,
            {
                "pet_id": pet_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Pet),
        )


class AsyncPetsResource(AsyncAPIResource):
    """Async methods of `client.pets`."""

    @cached_property
    def with_raw_response(self) -> AsyncPetsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncPetsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncPetsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncPetsResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        pet_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Pet:
        """GET /pets/{pet_id}"""
        return await self._client.call(
            _RETRIEVE,
            {
                "pet_id": pet_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Pet),
        )


class PetsResourceWithRawResponse:
    """`PetsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: PetsResource) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class PetsResourceWithStreamingResponse:
    """`PetsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: PetsResource) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)


class AsyncPetsResourceWithRawResponse:
    """`AsyncPetsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncPetsResource) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)


class AsyncPetsResourceWithStreamingResponse:
    """`AsyncPetsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncPetsResource) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
