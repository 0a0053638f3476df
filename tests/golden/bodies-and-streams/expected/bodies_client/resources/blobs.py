"""The `blobs` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._files import BinaryContent, BodyFormat
from .._models import ArgsValidator
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    parse_none,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._params import BlobsPutBlobArgs, BlobsPutImageArgs

__all__ = [
    "BlobsResource",
    "AsyncBlobsResource",
    "BlobsResourceWithRawResponse",
    "BlobsResourceWithStreamingResponse",
    "AsyncBlobsResourceWithRawResponse",
    "AsyncBlobsResourceWithStreamingResponse",
]

_PUT_BLOB = Operation(
    name="blobs.put_blob",
    method="put",
    path="/blobs/{name}",
    path_params=("name",),
    query_params=(),
    header_params=(),
    body_key="body",
    body_formats=(BodyFormat("binary", "application/octet-stream"),),
    file_params=("body",),
    validate=ArgsValidator(BlobsPutBlobArgs, "blobs.put_blob"),
)

_PUT_IMAGE = Operation(
    name="blobs.put_image",
    method="put",
    path="/images",
    path_params=(),
    query_params=(),
    header_params=(),
    body_key="body",
    body_formats=(BodyFormat("binary", "image/png"), BodyFormat("binary", "image/jpeg")),
    file_params=("body",),
    validate=ArgsValidator(BlobsPutImageArgs, "blobs.put_image"),
)


class BlobsResource(SyncAPIResource):
    """Methods of `client.blobs`."""

    @cached_property
    def with_raw_response(self) -> BlobsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return BlobsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BlobsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return BlobsResourceWithStreamingResponse(self)

    def put_blob(
        self,
        *,
        name: str,
        body: BinaryContent,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """
        A raw binary body.

        Args:
          body: The raw body: bytes, a binary file object, a path, or an iterator of bytes (an async one
            with the async client); streamed. A path or a seekable file is sent again on a retry; an
            iterator or pipe once only, so such a call is not retried once the body has started.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _PUT_BLOB,
            {
                "name": name,
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

    def put_image(
        self,
        *,
        body: BinaryContent,
        content_type: Literal["image/png", "image/jpeg"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """
        A binary body of one of several image types, with no schema.

        Args:
          body: The raw body: bytes, a binary file object, a path, or an iterator of bytes (an async one
            with the async client); streamed. A path or a seekable file is sent again on a retry; an
            iterator or pipe once only, so such a call is not retried once the body has started.
          content_type: the body's content type, one of image/png, image/jpeg (default: the first).

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _PUT_IMAGE,
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
                content_type=content_type,
            ),
            parse_none,
        )


class AsyncBlobsResource(AsyncAPIResource):
    """Async methods of `client.blobs`."""

    @cached_property
    def with_raw_response(self) -> AsyncBlobsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncBlobsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBlobsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncBlobsResourceWithStreamingResponse(self)

    async def put_blob(
        self,
        *,
        name: str,
        body: BinaryContent,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """
        A raw binary body.

        Args:
          body: The raw body: bytes, a binary file object, a path, or an iterator of bytes (an async one
            with the async client); streamed. A path or a seekable file is sent again on a retry; an
            iterator or pipe once only, so such a call is not retried once the body has started.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _PUT_BLOB,
            {
                "name": name,
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

    async def put_image(
        self,
        *,
        body: BinaryContent,
        content_type: Literal["image/png", "image/jpeg"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """
        A binary body of one of several image types, with no schema.

        Args:
          body: The raw body: bytes, a binary file object, a path, or an iterator of bytes (an async one
            with the async client); streamed. A path or a seekable file is sent again on a retry; an
            iterator or pipe once only, so such a call is not retried once the body has started.
          content_type: the body's content type, one of image/png, image/jpeg (default: the first).

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _PUT_IMAGE,
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
                content_type=content_type,
            ),
            parse_none,
        )


class BlobsResourceWithRawResponse:
    """`BlobsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: BlobsResource) -> None:
        self._resource = resource
        self.put_blob = to_raw_response_wrapper(resource.put_blob)
        self.put_image = to_raw_response_wrapper(resource.put_image)


class BlobsResourceWithStreamingResponse:
    """`BlobsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: BlobsResource) -> None:
        self._resource = resource
        self.put_blob = to_streamed_response_wrapper(resource.put_blob)
        self.put_image = to_streamed_response_wrapper(resource.put_image)


class AsyncBlobsResourceWithRawResponse:
    """`AsyncBlobsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncBlobsResource) -> None:
        self._resource = resource
        self.put_blob = async_to_raw_response_wrapper(resource.put_blob)
        self.put_image = async_to_raw_response_wrapper(resource.put_image)


class AsyncBlobsResourceWithStreamingResponse:
    """`AsyncBlobsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncBlobsResource) -> None:
        self._resource = resource
        self.put_blob = async_to_streamed_response_wrapper(resource.put_blob)
        self.put_image = async_to_streamed_response_wrapper(resource.put_image)
