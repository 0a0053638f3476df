"""The `notes` resource."""

from __future__ import annotations

from functools import cached_property

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._files import BodyFormat
from .._models import ArgsValidator
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    parse_text,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._params import NotesPostNoteArgs

__all__ = [
    "NotesResource",
    "AsyncNotesResource",
    "NotesResourceWithRawResponse",
    "NotesResourceWithStreamingResponse",
    "AsyncNotesResourceWithRawResponse",
    "AsyncNotesResourceWithStreamingResponse",
]

_POST_NOTE = Operation(
    name="notes.post_note",
    method="post",
    path="/notes",
    path_params=(),
    query_params=(),
    header_params=(),
    body_key="body",
    headers={"Accept": "text/plain"},
    body_formats=(BodyFormat("text", "text/plain"),),
    validate=ArgsValidator(NotesPostNoteArgs, "notes.post_note"),
)


class NotesResource(SyncAPIResource):
    """Methods of `client.notes`."""

    @cached_property
    def with_raw_response(self) -> NotesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return NotesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> NotesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return NotesResourceWithStreamingResponse(self)

    def post_note(
        self,
        *,
        body: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> str:
        """A text body; the answer is text too."""
        return self._client.call(
            _POST_NOTE,
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
            parse_text,
        )


class AsyncNotesResource(AsyncAPIResource):
    """Async methods of `client.notes`."""

    @cached_property
    def with_raw_response(self) -> AsyncNotesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncNotesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncNotesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncNotesResourceWithStreamingResponse(self)

    async def post_note(
        self,
        *,
        body: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> str:
        """A text body; the answer is text too."""
        return await self._client.call(
            _POST_NOTE,
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
            parse_text,
        )


class NotesResourceWithRawResponse:
    """`NotesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: NotesResource) -> None:
        self._resource = resource
        self.post_note = to_raw_response_wrapper(resource.post_note)


class NotesResourceWithStreamingResponse:
    """`NotesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: NotesResource) -> None:
        self._resource = resource
        self.post_note = to_streamed_response_wrapper(resource.post_note)


class AsyncNotesResourceWithRawResponse:
    """`AsyncNotesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncNotesResource) -> None:
        self._resource = resource
        self.post_note = async_to_raw_response_wrapper(resource.post_note)


class AsyncNotesResourceWithStreamingResponse:
    """`AsyncNotesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncNotesResource) -> None:
        self._resource = resource
        self.post_note = async_to_streamed_response_wrapper(resource.post_note)
