"""The `folders` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Sequence

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._models import ArgsValidator, model_parser
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    parse_none,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._responses import Folder
from ..types._params import FileParam, FolderParam, FoldersReplaceArgs, FoldersRetrieveArgs

__all__ = [
    "FoldersResource",
    "AsyncFoldersResource",
    "FoldersResourceWithRawResponse",
    "FoldersResourceWithStreamingResponse",
    "AsyncFoldersResourceWithRawResponse",
    "AsyncFoldersResourceWithStreamingResponse",
]

_RETRIEVE = Operation(
    name="folders.retrieve",
    method="get",
    path="/folders/{folder_id}",
    path_params=("folder_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(FoldersRetrieveArgs, "folders.retrieve"),
)

_REPLACE = Operation(
    name="folders.replace",
    method="put",
    path="/folders/{folder_id}",
    path_params=("folder_id",),
    query_params=(),
    header_params=(),
    body_params=(
        "name",
        "entries",
    ),
    validate=ArgsValidator(FoldersReplaceArgs, "folders.replace"),
)


class FoldersResource(SyncAPIResource):
    """Methods of `client.folders`."""

    @cached_property
    def with_raw_response(self) -> FoldersResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return FoldersResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FoldersResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return FoldersResourceWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        folder_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Folder:
        """GET /folders/{folder_id}"""
        return self._client.call(
            _RETRIEVE,
            {
                "folder_id": folder_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Folder),
        )

    def replace(
        self,
        *,
        folder_id: str,
        name: str,
        entries: Sequence[FolderParam | FileParam],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """PUT /folders/{folder_id}"""
        return self._client.call(
            _REPLACE,
            {
                "folder_id": folder_id,
                "name": name,
                "entries": entries,
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


class AsyncFoldersResource(AsyncAPIResource):
    """Async methods of `client.folders`."""

    @cached_property
    def with_raw_response(self) -> AsyncFoldersResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncFoldersResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFoldersResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncFoldersResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        folder_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Folder:
        """GET /folders/{folder_id}"""
        return await self._client.call(
            _RETRIEVE,
            {
                "folder_id": folder_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Folder),
        )

    async def replace(
        self,
        *,
        folder_id: str,
        name: str,
        entries: Sequence[FolderParam | FileParam],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """PUT /folders/{folder_id}"""
        return await self._client.call(
            _REPLACE,
            {
                "folder_id": folder_id,
                "name": name,
                "entries": entries,
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


class FoldersResourceWithRawResponse:
    """`FoldersResource` methods that return the raw HTTP response."""

    def __init__(self, resource: FoldersResource) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.replace = to_raw_response_wrapper(resource.replace)


class FoldersResourceWithStreamingResponse:
    """`FoldersResource` methods that return a streamed response context manager."""

    def __init__(self, resource: FoldersResource) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.replace = to_streamed_response_wrapper(resource.replace)


class AsyncFoldersResourceWithRawResponse:
    """`AsyncFoldersResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncFoldersResource) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.replace = async_to_raw_response_wrapper(resource.replace)


class AsyncFoldersResourceWithStreamingResponse:
    """`AsyncFoldersResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncFoldersResource) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.replace = async_to_streamed_response_wrapper(resource.replace)
