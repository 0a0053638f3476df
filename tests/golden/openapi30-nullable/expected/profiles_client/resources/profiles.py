"""The `profiles` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, Sequence

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
from ..types._responses import Profile, ProfilesSearchResponse
from ..types._params import AddressParam, ProfilesRetrieveArgs, ProfilesSearchArgs, ProfilesUpdateArgs

__all__ = [
    "ProfilesResource",
    "AsyncProfilesResource",
    "ProfilesResourceWithRawResponse",
    "ProfilesResourceWithStreamingResponse",
    "AsyncProfilesResourceWithRawResponse",
    "AsyncProfilesResourceWithStreamingResponse",
]

_RETRIEVE = Operation(
    name="profiles.retrieve",
    method="get",
    path="/profiles/{profile_id}",
    path_params=("profile_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(ProfilesRetrieveArgs, "profiles.retrieve"),
)

_UPDATE = Operation(
    name="profiles.update",
    method="patch",
    path="/profiles/{profile_id}",
    path_params=("profile_id",),
    query_params=(),
    header_params=(),
    body_params=(
        "nickname",
        "age",
        "status",
        "address",
        "aliases",
    ),
    validate=ArgsValidator(ProfilesUpdateArgs, "profiles.update"),
)

_SEARCH = Operation(
    name="profiles.search",
    method="get",
    path="/profiles",
    path_params=(),
    query_params=("city",),
    header_params=(),
    validate=ArgsValidator(ProfilesSearchArgs, "profiles.search"),
)


class ProfilesResource(SyncAPIResource):
    """Methods of `client.profiles`."""

    @cached_property
    def with_raw_response(self) -> ProfilesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return ProfilesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ProfilesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return ProfilesResourceWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        profile_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Profile:
        """GET /profiles/{profile_id}"""
        return self._client.call(
            _RETRIEVE,
            {
                "profile_id": profile_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Profile),
        )

    def update(
        self,
        *,
        profile_id: str,
        nickname: str | NotGiven | None = NOT_GIVEN,
        age: int | NotGiven | None = NOT_GIVEN,
        status: Literal["active", "away"] | NotGiven | None = NOT_GIVEN,
        address: AddressParam | NotGiven | None = NOT_GIVEN,
        aliases: Sequence[str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Profile:
        """
        Change a profile.

        A field sent as null is cleared; a field left out is kept.
        """
        return self._client.call(
            _UPDATE,
            {
                "profile_id": profile_id,
                "nickname": nickname,
                "age": age,
                "status": status,
                "address": address,
                "aliases": aliases,
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
            model_parser(Profile),
        )

    def search(
        self,
        *,
        city: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> ProfilesSearchResponse:
        """
        Args:
          city: null matches profiles without a city.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _SEARCH,
            {
                "city": city,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(ProfilesSearchResponse),
        )


class AsyncProfilesResource(AsyncAPIResource):
    """Async methods of `client.profiles`."""

    @cached_property
    def with_raw_response(self) -> AsyncProfilesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncProfilesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncProfilesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncProfilesResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        profile_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Profile:
        """GET /profiles/{profile_id}"""
        return await self._client.call(
            _RETRIEVE,
            {
                "profile_id": profile_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Profile),
        )

    async def update(
        self,
        *,
        profile_id: str,
        nickname: str | NotGiven | None = NOT_GIVEN,
        age: int | NotGiven | None = NOT_GIVEN,
        status: Literal["active", "away"] | NotGiven | None = NOT_GIVEN,
        address: AddressParam | NotGiven | None = NOT_GIVEN,
        aliases: Sequence[str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Profile:
        """
        Change a profile.

        A field sent as null is cleared; a field left out is kept.
        """
        return await self._client.call(
            _UPDATE,
            {
                "profile_id": profile_id,
                "nickname": nickname,
                "age": age,
                "status": status,
                "address": address,
                "aliases": aliases,
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
            model_parser(Profile),
        )

    async def search(
        self,
        *,
        city: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> ProfilesSearchResponse:
        """
        Args:
          city: null matches profiles without a city.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _SEARCH,
            {
                "city": city,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(ProfilesSearchResponse),
        )


class ProfilesResourceWithRawResponse:
    """`ProfilesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: ProfilesResource) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.update = to_raw_response_wrapper(resource.update)
        self.search = to_raw_response_wrapper(resource.search)


class ProfilesResourceWithStreamingResponse:
    """`ProfilesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: ProfilesResource) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.update = to_streamed_response_wrapper(resource.update)
        self.search = to_streamed_response_wrapper(resource.search)


class AsyncProfilesResourceWithRawResponse:
    """`AsyncProfilesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncProfilesResource) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.update = async_to_raw_response_wrapper(resource.update)
        self.search = async_to_raw_response_wrapper(resource.search)


class AsyncProfilesResourceWithStreamingResponse:
    """`AsyncProfilesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncProfilesResource) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.update = async_to_streamed_response_wrapper(resource.update)
        self.search = async_to_streamed_response_wrapper(resource.search)
