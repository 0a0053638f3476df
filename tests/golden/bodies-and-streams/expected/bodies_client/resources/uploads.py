"""The `uploads` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Mapping, Sequence

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._files import BodyFormat, FieldEncoding, FileTypes
from .._models import ArgsValidator, model_parser
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    parse_none,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._responses import Stored
from ..types._params import UploadsUploadArgs, UploadsUploadBodyAttributesParam, UploadsUploadFreeArgs

__all__ = [
    "UploadsResource",
    "AsyncUploadsResource",
    "UploadsResourceWithRawResponse",
    "UploadsResourceWithStreamingResponse",
    "AsyncUploadsResourceWithRawResponse",
    "AsyncUploadsResourceWithStreamingResponse",
]

_UPLOAD = Operation(
    name="uploads.upload",
    method="post",
    path="/uploads",
    path_params=(),
    query_params=(),
    header_params=(),
    body_params=(
        "file",
        "attachments",
        "avatar",
        "title",
        "public",
        "attributes",
    ),
    body_formats=(
        BodyFormat("multipart", "multipart/form-data", {"avatar": FieldEncoding("image/png", "form", True)}),
    ),
    file_params=(
        "file",
        "attachments",
        "avatar",
    ),
    validate=ArgsValidator(UploadsUploadArgs, "uploads.upload"),
)

_UPLOAD_FREE = Operation(
    name="uploads.upload_free",
    method="post",
    path="/uploads/free",
    path_params=(),
    query_params=(),
    header_params=(),
    body_key="body",
    body_formats=(BodyFormat("multipart", "multipart/form-data"),),
    file_params=("body",),
    validate=ArgsValidator(UploadsUploadFreeArgs, "uploads.upload_free"),
)


class UploadsResource(SyncAPIResource):
    """Methods of `client.uploads`."""

    @cached_property
    def with_raw_response(self) -> UploadsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return UploadsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> UploadsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return UploadsResourceWithStreamingResponse(self)

    def upload(
        self,
        *,
        file: FileTypes,
        attachments: Sequence[FileTypes] | NotGiven = NOT_GIVEN,
        avatar: FileTypes | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        public: bool | NotGiven = NOT_GIVEN,
        attributes: UploadsUploadBodyAttributesParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Stored:
        """
        Multipart with files and ordinary fields.

        Args:
          file: The main file. A file: bytes, a binary file object, a path, or a (filename, content,
            content_type) tuple; streamed, not read into memory.
          attachments: Files, each bytes, a binary file object, a path, or a (filename, content,
            content_type) tuple; streamed.
          avatar: A file: bytes, a binary file object, a path, or a (filename, content, content_type)
            tuple; streamed, not read into memory.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _UPLOAD,
            {
                "file": file,
                "attachments": attachments,
                "avatar": avatar,
                "title": title,
                "public": public,
                "attributes": attributes,
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
            model_parser(Stored),
        )

    def upload_free(
        self,
        *,
        body: Mapping[str, object] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """
        Multipart with no schema.

        Args:
          body:

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _UPLOAD_FREE,
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
            parse_none,
        )


class AsyncUploadsResource(AsyncAPIResource):
    """Async methods of `client.uploads`."""

    @cached_property
    def with_raw_response(self) -> AsyncUploadsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncUploadsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncUploadsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncUploadsResourceWithStreamingResponse(self)

    async def upload(
        self,
        *,
        file: FileTypes,
        attachments: Sequence[FileTypes] | NotGiven = NOT_GIVEN,
        avatar: FileTypes | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        public: bool | NotGiven = NOT_GIVEN,
        attributes: UploadsUploadBodyAttributesParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Stored:
        """
        Multipart with files and ordinary fields.

        Args:
          file: The main file. A file: bytes, a binary file object, a path, or a (filename, content,
            content_type) tuple; streamed, not read into memory.
          attachments: Files, each bytes, a binary file object, a path, or a (filename, content,
            content_type) tuple; streamed.
          avatar: A file: bytes, a binary file object, a path, or a (filename, content, content_type)
            tuple; streamed, not read into memory.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _UPLOAD,
            {
                "file": file,
                "attachments": attachments,
                "avatar": avatar,
                "title": title,
                "public": public,
                "attributes": attributes,
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
            model_parser(Stored),
        )

    async def upload_free(
        self,
        *,
        body: Mapping[str, object] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """
        Multipart with no schema.

        Args:
          body:

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _UPLOAD_FREE,
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
            parse_none,
        )


class UploadsResourceWithRawResponse:
    """`UploadsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: UploadsResource) -> None:
        self._resource = resource
        self.upload = to_raw_response_wrapper(resource.upload)
        self.upload_free = to_raw_response_wrapper(resource.upload_free)


class UploadsResourceWithStreamingResponse:
    """`UploadsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: UploadsResource) -> None:
        self._resource = resource
        self.upload = to_streamed_response_wrapper(resource.upload)
        self.upload_free = to_streamed_response_wrapper(resource.upload_free)


class AsyncUploadsResourceWithRawResponse:
    """`AsyncUploadsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncUploadsResource) -> None:
        self._resource = resource
        self.upload = async_to_raw_response_wrapper(resource.upload)
        self.upload_free = async_to_raw_response_wrapper(resource.upload_free)


class AsyncUploadsResourceWithStreamingResponse:
    """`AsyncUploadsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncUploadsResource) -> None:
        self._resource = resource
        self.upload = async_to_streamed_response_wrapper(resource.upload)
        self.upload_free = async_to_streamed_response_wrapper(resource.upload_free)
