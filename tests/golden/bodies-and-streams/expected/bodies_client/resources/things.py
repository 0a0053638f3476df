"""The `things` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._files import BodyFormat
from .._models import ArgsValidator, model_parser
from .._response import (
    StatusParser,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    parse_none,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._responses import Problem, Stored, Thing
from ..types._params import ThingsCheckThingsArgs, ThingsCreateThingArgs, ThingsPatchThingArgs

__all__ = [
    "ThingsResource",
    "AsyncThingsResource",
    "ThingsResourceWithRawResponse",
    "ThingsResourceWithStreamingResponse",
    "AsyncThingsResourceWithRawResponse",
    "AsyncThingsResourceWithStreamingResponse",
]

_CREATE_THING = Operation(
    name="things.create_thing",
    method="post",
    path="/things",
    path_params=(),
    query_params=(),
    header_params=(),
    body_params=(
        "name",
        "color",
    ),
    body_formats=(
        BodyFormat("json", "application/json"),
        BodyFormat("form", "application/x-www-form-urlencoded"),
        BodyFormat("multipart", "multipart/form-data"),
    ),
    validate=ArgsValidator(ThingsCreateThingArgs, "things.create_thing"),
)

_PATCH_THING = Operation(
    name="things.patch_thing",
    method="patch",
    path="/things/{name}",
    path_params=("name",),
    query_params=(),
    header_params=(),
    body_params=("color",),
    body_formats=(BodyFormat("json", "application/merge-patch+json"),),
    validate=ArgsValidator(ThingsPatchThingArgs, "things.patch_thing"),
)

_CHECK_THINGS = Operation(
    name="things.check_things",
    method="get",
    path="/things/check",
    path_params=(),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(ThingsCheckThingsArgs, "things.check_things"),
)


class ThingsResource(SyncAPIResource):
    """Methods of `client.things`."""

    @cached_property
    def with_raw_response(self) -> ThingsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return ThingsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ThingsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return ThingsResourceWithStreamingResponse(self)

    def create_thing(
        self,
        *,
        name: str,
        color: str | NotGiven = NOT_GIVEN,
        content_type: (
            Literal["application/json", "application/x-www-form-urlencoded", "multipart/form-data"] | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Thing | Stored | None:
        """
        Several content types for one body, and a different answer per 2xx code.

        Args:
          content_type: the body's content type, one of application/json,
            application/x-www-form-urlencoded, multipart/form-data (default: the first).

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _CREATE_THING,
            {
                "name": name,
                "color": color,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                idempotency_key=idempotency_key,
                content_type=content_type,
            ),
            StatusParser[Thing | Stored | None](
                {
                    200: model_parser(Thing),
                    201: model_parser(Stored),
                    202: parse_none,
                }
            ),
        )

    def patch_thing(
        self,
        *,
        name: str,
        color: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """A JSON body of a JSON type of its own."""
        return self._client.call(
            _PATCH_THING,
            {
                "name": name,
                "color": color,
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
            parse_none,
        )

    def check_things(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Problem:
        """Only a default response, which then describes every answer, successes too."""
        return self._client.call(
            _CHECK_THINGS,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Problem),
        )


class AsyncThingsResource(AsyncAPIResource):
    """Async methods of `client.things`."""

    @cached_property
    def with_raw_response(self) -> AsyncThingsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncThingsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncThingsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncThingsResourceWithStreamingResponse(self)

    async def create_thing(
        self,
        *,
        name: str,
        color: str | NotGiven = NOT_GIVEN,
        content_type: (
            Literal["application/json", "application/x-www-form-urlencoded", "multipart/form-data"] | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Thing | Stored | None:
        """
        Several content types for one body, and a different answer per 2xx code.

        Args:
          content_type: the body's content type, one of application/json,
            application/x-www-form-urlencoded, multipart/form-data (default: the first).

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _CREATE_THING,
            {
                "name": name,
                "color": color,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                idempotency_key=idempotency_key,
                content_type=content_type,
            ),
            StatusParser[Thing | Stored | None](
                {
                    200: model_parser(Thing),
                    201: model_parser(Stored),
                    202: parse_none,
                }
            ),
        )

    async def patch_thing(
        self,
        *,
        name: str,
        color: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """A JSON body of a JSON type of its own."""
        return await self._client.call(
            _PATCH_THING,
            {
                "name": name,
                "color": color,
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
            parse_none,
        )

    async def check_things(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Problem:
        """Only a default response, which then describes every answer, successes too."""
        return await self._client.call(
            _CHECK_THINGS,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Problem),
        )


class ThingsResourceWithRawResponse:
    """`ThingsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: ThingsResource) -> None:
        self._resource = resource
        self.create_thing = to_raw_response_wrapper(resource.create_thing)
        self.patch_thing = to_raw_response_wrapper(resource.patch_thing)
        self.check_things = to_raw_response_wrapper(resource.check_things)


class ThingsResourceWithStreamingResponse:
    """`ThingsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: ThingsResource) -> None:
        self._resource = resource
        self.create_thing = to_streamed_response_wrapper(resource.create_thing)
        self.patch_thing = to_streamed_response_wrapper(resource.patch_thing)
        self.check_things = to_streamed_response_wrapper(resource.check_things)


class AsyncThingsResourceWithRawResponse:
    """`AsyncThingsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncThingsResource) -> None:
        self._resource = resource
        self.create_thing = async_to_raw_response_wrapper(resource.create_thing)
        self.patch_thing = async_to_raw_response_wrapper(resource.patch_thing)
        self.check_things = async_to_raw_response_wrapper(resource.check_things)


class AsyncThingsResourceWithStreamingResponse:
    """`AsyncThingsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncThingsResource) -> None:
        self._resource = resource
        self.create_thing = async_to_streamed_response_wrapper(resource.create_thing)
        self.patch_thing = async_to_streamed_response_wrapper(resource.patch_thing)
        self.check_things = async_to_streamed_response_wrapper(resource.check_things)
