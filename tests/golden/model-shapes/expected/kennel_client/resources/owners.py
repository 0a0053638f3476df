"""The `owners` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, Mapping, Sequence

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
from ..types._responses import Owner
from ..types._params import (
    CatParam,
    DogParam,
    OwnerAddressParam,
    OwnerContactsItemParam,
    OwnersReplaceArgs,
    OwnersRetrieveArgs,
)

__all__ = [
    "OwnersResource",
    "AsyncOwnersResource",
    "OwnersResourceWithRawResponse",
    "OwnersResourceWithStreamingResponse",
    "AsyncOwnersResourceWithRawResponse",
    "AsyncOwnersResourceWithStreamingResponse",
]

_RETRIEVE = Operation(
    name="owners.retrieve",
    method="get",
    path="/owners/{owner_id}",
    path_params=("owner_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(OwnersRetrieveArgs, "owners.retrieve"),
)

_REPLACE = Operation(
    name="owners.replace",
    method="put",
    path="/owners/{owner_id}",
    path_params=("owner_id",),
    query_params=(),
    header_params=(),
    body_params=(
        "id",
        "pets",
        "favourite",
        "visits_by_pet",
        "address",
        "contacts",
        "json",
        "tier",
    ),
    validate=ArgsValidator(OwnersReplaceArgs, "owners.replace"),
)


class OwnersResource(SyncAPIResource):
    """Methods of `client.owners`."""

    @cached_property
    def with_raw_response(self) -> OwnersResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return OwnersResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> OwnersResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return OwnersResourceWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        owner_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Owner:
        """GET /owners/{owner_id}"""
        return self._client.call(
            _RETRIEVE,
            {
                "owner_id": owner_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Owner),
        )

    def replace(
        self,
        *,
        owner_id: str,
        id: str,
        pets: Sequence[CatParam | DogParam],
        favourite: CatParam | DogParam | NotGiven = NOT_GIVEN,
        visits_by_pet: Mapping[str, int] | NotGiven | None = NOT_GIVEN,
        address: OwnerAddressParam | NotGiven = NOT_GIVEN,
        contacts: Sequence[OwnerContactsItemParam] | NotGiven = NOT_GIVEN,
        json: str | NotGiven = NOT_GIVEN,
        tier: Literal[1, 2, 3] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Owner:
        """
        Args:
          visits_by_pet: Visits so far, by pet name; null before the first visit.
          json: Shadows a method of the models.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _REPLACE,
            {
                "owner_id": owner_id,
                "id": id,
                "pets": pets,
                "favourite": favourite,
                "visits_by_pet": visits_by_pet,
                "address": address,
                "contacts": contacts,
                "json": json,
                "tier": tier,
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
            model_parser(Owner),
        )


class AsyncOwnersResource(AsyncAPIResource):
    """Async methods of `client.owners`."""

    @cached_property
    def with_raw_response(self) -> AsyncOwnersResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncOwnersResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncOwnersResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncOwnersResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        owner_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Owner:
        """GET /owners/{owner_id}"""
        return await self._client.call(
            _RETRIEVE,
            {
                "owner_id": owner_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Owner),
        )

    async def replace(
        self,
        *,
        owner_id: str,
        id: str,
        pets: Sequence[CatParam | DogParam],
        favourite: CatParam | DogParam | NotGiven = NOT_GIVEN,
        visits_by_pet: Mapping[str, int] | NotGiven | None = NOT_GIVEN,
        address: OwnerAddressParam | NotGiven = NOT_GIVEN,
        contacts: Sequence[OwnerContactsItemParam] | NotGiven = NOT_GIVEN,
        json: str | NotGiven = NOT_GIVEN,
        tier: Literal[1, 2, 3] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Owner:
        """
        Args:
          visits_by_pet: Visits so far, by pet name; null before the first visit.
          json: Shadows a method of the models.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _REPLACE,
            {
                "owner_id": owner_id,
                "id": id,
                "pets": pets,
                "favourite": favourite,
                "visits_by_pet": visits_by_pet,
                "address": address,
                "contacts": contacts,
                "json": json,
                "tier": tier,
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
            model_parser(Owner),
        )


class OwnersResourceWithRawResponse:
    """`OwnersResource` methods that return the raw HTTP response."""

    def __init__(self, resource: OwnersResource) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.replace = to_raw_response_wrapper(resource.replace)


class OwnersResourceWithStreamingResponse:
    """`OwnersResource` methods that return a streamed response context manager."""

    def __init__(self, resource: OwnersResource) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.replace = to_streamed_response_wrapper(resource.replace)


class AsyncOwnersResourceWithRawResponse:
    """`AsyncOwnersResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncOwnersResource) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.replace = async_to_raw_response_wrapper(resource.replace)


class AsyncOwnersResourceWithStreamingResponse:
    """`AsyncOwnersResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncOwnersResource) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.replace = async_to_streamed_response_wrapper(resource.replace)
