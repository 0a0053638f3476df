"""The `events` resource."""

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
from .._streaming import (
    AsyncStream,
    Stream,
    async_sse_parser,
    sse_parser,
    parse_async_sse_text,
    parse_sse_text,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._responses import Event
from ..types._params import EventsStreamEventsArgs, EventsStreamLogArgs

__all__ = [
    "EventsResource",
    "AsyncEventsResource",
    "EventsResourceWithRawResponse",
    "EventsResourceWithStreamingResponse",
    "AsyncEventsResourceWithRawResponse",
    "AsyncEventsResourceWithStreamingResponse",
]

_STREAM_EVENTS = Operation(
    name="events.stream_events",
    method="get",
    path="/events",
    path_params=(),
    query_params=("topic",),
    header_params=(),
    headers={"Accept": "text/event-stream"},
    stream=True,
    validate=ArgsValidator(EventsStreamEventsArgs, "events.stream_events"),
)

_STREAM_LOG = Operation(
    name="events.stream_log",
    method="get",
    path="/events/log",
    path_params=(),
    query_params=(),
    header_params=(),
    headers={"Accept": "text/event-stream"},
    stream=True,
    validate=ArgsValidator(EventsStreamLogArgs, "events.stream_log"),
)


class EventsResource(SyncAPIResource):
    """Methods of `client.events`."""

    @cached_property
    def with_raw_response(self) -> EventsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return EventsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> EventsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return EventsResourceWithStreamingResponse(self)

    def stream_events(
        self,
        *,
        topic: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Stream[Event]:
        """Server-sent events, each carrying JSON."""
        return self._client.call(
            _STREAM_EVENTS,
            {
                "topic": topic,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            sse_parser(Event),
        )

    def stream_log(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Stream[str]:
        """Server-sent events carrying text."""
        return self._client.call(
            _STREAM_LOG,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            parse_sse_text,
        )


class AsyncEventsResource(AsyncAPIResource):
    """Async methods of `client.events`."""

    @cached_property
    def with_raw_response(self) -> AsyncEventsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncEventsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncEventsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncEventsResourceWithStreamingResponse(self)

    async def stream_events(
        self,
        *,
        topic: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncStream[Event]:
        """Server-sent events, each carrying JSON."""
        return await self._client.call(
            _STREAM_EVENTS,
            {
                "topic": topic,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            async_sse_parser(Event),
        )

    async def stream_log(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncStream[str]:
        """Server-sent events carrying text."""
        return await self._client.call(
            _STREAM_LOG,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            parse_async_sse_text,
        )


class EventsResourceWithRawResponse:
    """`EventsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: EventsResource) -> None:
        self._resource = resource
        self.stream_events = to_raw_response_wrapper(resource.stream_events)
        self.stream_log = to_raw_response_wrapper(resource.stream_log)


class EventsResourceWithStreamingResponse:
    """`EventsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: EventsResource) -> None:
        self._resource = resource
        self.stream_events = to_streamed_response_wrapper(resource.stream_events)
        self.stream_log = to_streamed_response_wrapper(resource.stream_log)


class AsyncEventsResourceWithRawResponse:
    """`AsyncEventsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncEventsResource) -> None:
        self._resource = resource
        self.stream_events = async_to_raw_response_wrapper(resource.stream_events)
        self.stream_log = async_to_raw_response_wrapper(resource.stream_log)


class AsyncEventsResourceWithStreamingResponse:
    """`AsyncEventsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncEventsResource) -> None:
        self._resource = resource
        self.stream_events = async_to_streamed_response_wrapper(resource.stream_events)
        self.stream_log = async_to_streamed_response_wrapper(resource.stream_log)
