"""The `notes` resource."""

from __future__ import annotations

from functools import cached_property

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._models import ArgsValidator, model_parser
from .._response import (
    BinaryResponse,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    parse_binary,
    parse_none,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..pagination import AsyncPaginator, AsyncNotesPage, SyncNotesPage
from ..types._responses import Note, NotePage
from ..types._params import (
    NotesDeleteNotesNoteIdArgs,
    NotesGetNotesArgs,
    NotesGetNotesNoteIdArgs,
    NotesGetNotesNoteIdAttachmentsNameArgs,
    NotesPostNotesArgs,
)

__all__ = [
    "NotesResource",
    "AsyncNotesResource",
    "NotesResourceWithRawResponse",
    "NotesResourceWithStreamingResponse",
    "AsyncNotesResourceWithRawResponse",
    "AsyncNotesResourceWithStreamingResponse",
]

_GET_NOTES = Operation(
    name="notes.get_notes",
    method="get",
    path="/notes",
    path_params=(),
    query_params=(
        "limit",
        "cursor",
    ),
    header_params=(),
    validate=ArgsValidator(NotesGetNotesArgs, "notes.get_notes"),
)

_POST_NOTES = Operation(
    name="notes.post_notes",
    method="post",
    path="/notes",
    path_params=(),
    query_params=(),
    header_params=(),
    body_params=("text",),
    validate=ArgsValidator(NotesPostNotesArgs, "notes.post_notes"),
)

_GET_NOTES_NOTE_ID = Operation(
    name="notes.get_notes_note_id",
    method="get",
    path="/notes/{note_id}",
    path_params=("note_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(NotesGetNotesNoteIdArgs, "notes.get_notes_note_id"),
)

_DELETE_NOTES_NOTE_ID = Operation(
    name="notes.delete_notes_note_id",
    method="delete",
    path="/notes/{note_id}",
    path_params=("note_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(NotesDeleteNotesNoteIdArgs, "notes.delete_notes_note_id"),
)

_GET_NOTES_NOTE_ID_ATTACHMENTS_NAME = Operation(
    name="notes.get_notes_note_id_attachments_name",
    method="get",
    path="/notes/{note_id}/attachments/{name}",
    path_params=(
        "note_id",
        "name",
    ),
    query_params=(),
    header_params=(),
    headers={"Accept": "application/octet-stream"},
    validate=ArgsValidator(
        NotesGetNotesNoteIdAttachmentsNameArgs, "notes.get_notes_note_id_attachments_name"
    ),
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

    def get_notes(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> SyncNotesPage[Note]:
        """GET /notes"""
        return self._client.call(
            _GET_NOTES,
            {
                "limit": limit,
                "cursor": cursor,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            SyncNotesPage[Note].parser(NotePage, self._client),
        )

    def post_notes(
        self,
        *,
        text: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Note:
        """POST /notes"""
        return self._client.call(
            _POST_NOTES,
            {
                "text": text,
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
            model_parser(Note),
        )

    def get_notes_note_id(
        self,
        *,
        note_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Note:
        """GET /notes/{note_id}"""
        return self._client.call(
            _GET_NOTES_NOTE_ID,
            {
                "note_id": note_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Note),
        )

    def delete_notes_note_id(
        self,
        *,
        note_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """DELETE /notes/{note_id}"""
        return self._client.call(
            _DELETE_NOTES_NOTE_ID,
            {
                "note_id": note_id,
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

    def get_notes_note_id_attachments_name(
        self,
        *,
        note_id: str,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> BinaryResponse:
        """GET /notes/{note_id}/attachments/{name}"""
        return self._client.call(
            _GET_NOTES_NOTE_ID_ATTACHMENTS_NAME,
            {
                "note_id": note_id,
                "name": name,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            parse_binary,
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

    def get_notes(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncPaginator[Note, AsyncNotesPage[Note]]:
        """GET /notes"""
        request = self._client.prepare(
            _GET_NOTES,
            {
                "limit": limit,
                "cursor": cursor,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
        )
        parse = AsyncNotesPage[Note].parser(NotePage, self._client)
        return AsyncPaginator(lambda: self._client.send(request, parse))

    async def post_notes(
        self,
        *,
        text: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Note:
        """POST /notes"""
        return await self._client.call(
            _POST_NOTES,
            {
                "text": text,
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
            model_parser(Note),
        )

    async def get_notes_note_id(
        self,
        *,
        note_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Note:
        """GET /notes/{note_id}"""
        return await self._client.call(
            _GET_NOTES_NOTE_ID,
            {
                "note_id": note_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Note),
        )

    async def delete_notes_note_id(
        self,
        *,
        note_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """DELETE /notes/{note_id}"""
        return await self._client.call(
            _DELETE_NOTES_NOTE_ID,
            {
                "note_id": note_id,
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

    async def get_notes_note_id_attachments_name(
        self,
        *,
        note_id: str,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> BinaryResponse:
        """GET /notes/{note_id}/attachments/{name}"""
        return await self._client.call(
            _GET_NOTES_NOTE_ID_ATTACHMENTS_NAME,
            {
                "note_id": note_id,
                "name": name,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            parse_binary,
        )


class NotesResourceWithRawResponse:
    """`NotesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: NotesResource) -> None:
        self._resource = resource
        self.get_notes = to_raw_response_wrapper(resource.get_notes)
        self.post_notes = to_raw_response_wrapper(resource.post_notes)
        self.get_notes_note_id = to_raw_response_wrapper(resource.get_notes_note_id)
        self.delete_notes_note_id = to_raw_response_wrapper(resource.delete_notes_note_id)
        self.get_notes_note_id_attachments_name = to_raw_response_wrapper(
            resource.get_notes_note_id_attachments_name
        )


class NotesResourceWithStreamingResponse:
    """`NotesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: NotesResource) -> None:
        self._resource = resource
        self.get_notes = to_streamed_response_wrapper(resource.get_notes)
        self.post_notes = to_streamed_response_wrapper(resource.post_notes)
        self.get_notes_note_id = to_streamed_response_wrapper(resource.get_notes_note_id)
        self.delete_notes_note_id = to_streamed_response_wrapper(resource.delete_notes_note_id)
        self.get_notes_note_id_attachments_name = to_streamed_response_wrapper(
            resource.get_notes_note_id_attachments_name
        )


class AsyncNotesResourceWithRawResponse:
    """`AsyncNotesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncNotesResource) -> None:
        self._resource = resource
        self.get_notes = async_to_raw_response_wrapper(resource.get_notes)
        self.post_notes = async_to_raw_response_wrapper(resource.post_notes)
        self.get_notes_note_id = async_to_raw_response_wrapper(resource.get_notes_note_id)
        self.delete_notes_note_id = async_to_raw_response_wrapper(resource.delete_notes_note_id)
        self.get_notes_note_id_attachments_name = async_to_raw_response_wrapper(
            resource.get_notes_note_id_attachments_name
        )


class AsyncNotesResourceWithStreamingResponse:
    """`AsyncNotesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncNotesResource) -> None:
        self._resource = resource
        self.get_notes = async_to_streamed_response_wrapper(resource.get_notes)
        self.post_notes = async_to_streamed_response_wrapper(resource.post_notes)
        self.get_notes_note_id = async_to_streamed_response_wrapper(resource.get_notes_note_id)
        self.delete_notes_note_id = async_to_streamed_response_wrapper(resource.delete_notes_note_id)
        self.get_notes_note_id_attachments_name = async_to_streamed_response_wrapper(
            resource.get_notes_note_id_attachments_name
        )
