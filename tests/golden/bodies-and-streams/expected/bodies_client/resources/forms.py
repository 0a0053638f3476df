"""The `forms` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Mapping, Sequence

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._files import BodyFormat, FieldEncoding
from .._models import ArgsValidator
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    parse_none,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._params import (
    FormsSubmitFormArgs,
    FormsSubmitFormBodyAddressParam,
    FormsSubmitFormBodyFlatParam,
    FormsSubmitFormBodyLinesItemParam,
    FormsSubmitFormBodyPayloadParam,
    FormsSubmitFreeFormArgs,
)

__all__ = [
    "FormsResource",
    "AsyncFormsResource",
    "FormsResourceWithRawResponse",
    "FormsResourceWithStreamingResponse",
    "AsyncFormsResourceWithRawResponse",
    "AsyncFormsResourceWithStreamingResponse",
]

_SUBMIT_FORM = Operation(
    name="forms.submit_form",
    method="post",
    path="/forms",
    path_params=(),
    query_params=(),
    header_params=(),
    body_params=(
        "name",
        "count",
        "active",
        "tags",
        "ids",
        "metadata",
        "address",
        "lines",
        "flat",
        "payload",
    ),
    body_formats=(
        BodyFormat(
            "form",
            "application/x-www-form-urlencoded",
            {
                "ids": FieldEncoding(None, "form", False),
                "metadata": FieldEncoding(None, "deepObject", True),
                "address": FieldEncoding(None, "deepObject", True),
                "lines": FieldEncoding(None, "deepObject", True),
                "payload": FieldEncoding("application/json", "form", True),
            },
        ),
    ),
    validate=ArgsValidator(FormsSubmitFormArgs, "forms.submit_form"),
)

_SUBMIT_FREE_FORM = Operation(
    name="forms.submit_free_form",
    method="post",
    path="/forms/free",
    path_params=(),
    query_params=(),
    header_params=(),
    body_key="body",
    body_formats=(BodyFormat("form", "application/x-www-form-urlencoded"),),
    validate=ArgsValidator(FormsSubmitFreeFormArgs, "forms.submit_free_form"),
)


class FormsResource(SyncAPIResource):
    """Methods of `client.forms`."""

    @cached_property
    def with_raw_response(self) -> FormsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return FormsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FormsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return FormsResourceWithStreamingResponse(self)

    def submit_form(
        self,
        *,
        name: str,
        count: int | NotGiven = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        ids: Sequence[int] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
        address: FormsSubmitFormBodyAddressParam | NotGiven = NOT_GIVEN,
        lines: Sequence[FormsSubmitFormBodyLinesItemParam] | NotGiven = NOT_GIVEN,
        flat: FormsSubmitFormBodyFlatParam | NotGiven = NOT_GIVEN,
        payload: FormsSubmitFormBodyPayloadParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """
        A form with nested values, each property encoded as its encoding says.

        Args:
          name: Plain text.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _SUBMIT_FORM,
            {
                "name": name,
                "count": count,
                "active": active,
                "tags": tags,
                "ids": ids,
                "metadata": metadata,
                "address": address,
                "lines": lines,
                "flat": flat,
                "payload": payload,
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

    def submit_free_form(
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
        """A form body with no properties at all."""
        return self._client.call(
            _SUBMIT_FREE_FORM,
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


class AsyncFormsResource(AsyncAPIResource):
    """Async methods of `client.forms`."""

    @cached_property
    def with_raw_response(self) -> AsyncFormsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncFormsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFormsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncFormsResourceWithStreamingResponse(self)

    async def submit_form(
        self,
        *,
        name: str,
        count: int | NotGiven = NOT_GIVEN,
        active: bool | NotGiven = NOT_GIVEN,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        ids: Sequence[int] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
        address: FormsSubmitFormBodyAddressParam | NotGiven = NOT_GIVEN,
        lines: Sequence[FormsSubmitFormBodyLinesItemParam] | NotGiven = NOT_GIVEN,
        flat: FormsSubmitFormBodyFlatParam | NotGiven = NOT_GIVEN,
        payload: FormsSubmitFormBodyPayloadParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> None:
        """
        A form with nested values, each property encoded as its encoding says.

        Args:
          name: Plain text.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _SUBMIT_FORM,
            {
                "name": name,
                "count": count,
                "active": active,
                "tags": tags,
                "ids": ids,
                "metadata": metadata,
                "address": address,
                "lines": lines,
                "flat": flat,
                "payload": payload,
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

    async def submit_free_form(
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
        """A form body with no properties at all."""
        return await self._client.call(
            _SUBMIT_FREE_FORM,
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


class FormsResourceWithRawResponse:
    """`FormsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: FormsResource) -> None:
        self._resource = resource
        self.submit_form = to_raw_response_wrapper(resource.submit_form)
        self.submit_free_form = to_raw_response_wrapper(resource.submit_free_form)


class FormsResourceWithStreamingResponse:
    """`FormsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: FormsResource) -> None:
        self._resource = resource
        self.submit_form = to_streamed_response_wrapper(resource.submit_form)
        self.submit_free_form = to_streamed_response_wrapper(resource.submit_free_form)


class AsyncFormsResourceWithRawResponse:
    """`AsyncFormsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncFormsResource) -> None:
        self._resource = resource
        self.submit_form = async_to_raw_response_wrapper(resource.submit_form)
        self.submit_free_form = async_to_raw_response_wrapper(resource.submit_free_form)


class AsyncFormsResourceWithStreamingResponse:
    """`AsyncFormsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncFormsResource) -> None:
        self._resource = resource
        self.submit_form = async_to_streamed_response_wrapper(resource.submit_form)
        self.submit_free_form = async_to_streamed_response_wrapper(resource.submit_free_form)
