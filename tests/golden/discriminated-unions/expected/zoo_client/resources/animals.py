"""The `animals` resource."""

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
from ..types._responses import AnimalRecord, Enclosure
from ..types._params import AnimalsAdmitAnimalArgs, AnimalsGetAnimalArgs, LionParam, PenguinParam

__all__ = [
    "AnimalsResource",
    "AsyncAnimalsResource",
    "AnimalsResourceWithRawResponse",
    "AnimalsResourceWithStreamingResponse",
    "AsyncAnimalsResourceWithRawResponse",
    "AsyncAnimalsResourceWithStreamingResponse",
]

_GET_ANIMAL = Operation(
    name="animals.get_animal",
    method="get",
    path="/animals/{animal_id}",
    path_params=("animal_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(AnimalsGetAnimalArgs, "animals.get_animal"),
)

_ADMIT_ANIMAL = Operation(
    name="animals.admit_animal",
    method="post",
    path="/animals",
    path_params=(),
    query_params=(),
    header_params=(),
    body_key="body",
    validate=ArgsValidator(AnimalsAdmitAnimalArgs, "animals.admit_animal"),
)


class AnimalsResource(SyncAPIResource):
    """Methods of `client.animals`."""

    @cached_property
    def with_raw_response(self) -> AnimalsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AnimalsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AnimalsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AnimalsResourceWithStreamingResponse(self)

    def get_animal(
        self,
        *,
        animal_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AnimalRecord:
        """GET /animals/{animal_id}"""
        return self._client.call(
            _GET_ANIMAL,
            {
                "animal_id": animal_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(AnimalRecord),
        )

    def admit_animal(
        self,
        *,
        body: LionParam | PenguinParam,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Enclosure:
        """Admit an animal to the zoo."""
        return self._client.call(
            _ADMIT_ANIMAL,
            {
                "body": body,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                idempotency_key=idempotency_key,
            ),
            model_parser(Enclosure),
        )


class AsyncAnimalsResource(AsyncAPIResource):
    """Async methods of `client.animals`."""

    @cached_property
    def with_raw_response(self) -> AsyncAnimalsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncAnimalsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncAnimalsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncAnimalsResourceWithStreamingResponse(self)

    async def get_animal(
        self,
        *,
        animal_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AnimalRecord:
        """GET /animals/{animal_id}"""
        return await self._client.call(
            _GET_ANIMAL,
            {
                "animal_id": animal_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(AnimalRecord),
        )

    async def admit_animal(
        self,
        *,
        body: LionParam | PenguinParam,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Enclosure:
        """Admit an animal to the zoo."""
        return await self._client.call(
            _ADMIT_ANIMAL,
            {
                "body": body,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                idempotency_key=idempotency_key,
            ),
            model_parser(Enclosure),
        )


class AnimalsResourceWithRawResponse:
    """`AnimalsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AnimalsResource) -> None:
        self._resource = resource
        self.get_animal = to_raw_response_wrapper(resource.get_animal)
        self.admit_animal = to_raw_response_wrapper(resource.admit_animal)


class AnimalsResourceWithStreamingResponse:
    """`AnimalsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AnimalsResource) -> None:
        self._resource = resource
        self.get_animal = to_streamed_response_wrapper(resource.get_animal)
        self.admit_animal = to_streamed_response_wrapper(resource.admit_animal)


class AsyncAnimalsResourceWithRawResponse:
    """`AsyncAnimalsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncAnimalsResource) -> None:
        self._resource = resource
        self.get_animal = async_to_raw_response_wrapper(resource.get_animal)
        self.admit_animal = async_to_raw_response_wrapper(resource.admit_animal)


class AsyncAnimalsResourceWithStreamingResponse:
    """`AsyncAnimalsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncAnimalsResource) -> None:
        self._resource = resource
        self.get_animal = async_to_streamed_response_wrapper(resource.get_animal)
        self.admit_animal = async_to_streamed_response_wrapper(resource.admit_animal)
