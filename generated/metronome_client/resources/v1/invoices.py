"""The `v1.invoices` resource."""

from __future__ import annotations

from functools import cached_property

import httpx

from ..._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from ..._models import ArgsValidator, model_parser
from ..._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ...types._responses import RegenerateInvoiceResponse, VoidInvoiceResponse
from ...types._params import V1InvoicesRegenerateArgs, V1InvoicesVoidArgs

__all__ = [
    "V1InvoicesResource",
    "AsyncV1InvoicesResource",
    "V1InvoicesResourceWithRawResponse",
    "V1InvoicesResourceWithStreamingResponse",
    "AsyncV1InvoicesResourceWithRawResponse",
    "AsyncV1InvoicesResourceWithStreamingResponse",
]

_REGENERATE = Operation(
    name="v1.invoices.regenerate",
    method="post",
    path="/v1/invoices/regenerate",
    path_params=(),
    query_params=(),
    header_params=(),
    body_params=("id",),
    validate=ArgsValidator(V1InvoicesRegenerateArgs, "v1.invoices.regenerate"),
)

_VOID = Operation(
    name="v1.invoices.void",
    method="post",
    path="/v1/invoices/void",
    path_params=(),
    query_params=(),
    header_params=(),
    body_params=("id",),
    validate=ArgsValidator(V1InvoicesVoidArgs, "v1.invoices.void"),
)


class V1InvoicesResource(SyncAPIResource):
    """Methods of `client.v1.invoices`."""

    @cached_property
    def with_raw_response(self) -> V1InvoicesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return V1InvoicesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V1InvoicesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return V1InvoicesResourceWithStreamingResponse(self)

    def regenerate(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> RegenerateInvoiceResponse:
        """
        Regenerate an invoice

        Recalculates an existing invoice from the current contract and usage data and issues the result as a new invoice. The response names the new invoice; `data` can be missing when no replacement was produced.

        Args:
          id: Id of the invoice to regenerate.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _REGENERATE,
            {
                "id": id,
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
            model_parser(RegenerateInvoiceResponse),
        )

    def void(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> VoidInvoiceResponse:
        """
        Void an invoice

        Cancels an invoice by moving it to the VOID status, after which it no longer counts toward the customer's balance. On success the response echoes the id of the voided invoice; `data` can be missing.

        Args:
          id: Id of the invoice to void.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _VOID,
            {
                "id": id,
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
            model_parser(VoidInvoiceResponse),
        )


class AsyncV1InvoicesResource(AsyncAPIResource):
    """Async methods of `client.v1.invoices`."""

    @cached_property
    def with_raw_response(self) -> AsyncV1InvoicesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncV1InvoicesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV1InvoicesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncV1InvoicesResourceWithStreamingResponse(self)

    async def regenerate(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> RegenerateInvoiceResponse:
        """
        Regenerate an invoice

        Recalculates an existing invoice from the current contract and usage data and issues the result as a new invoice. The response names the new invoice; `data` can be missing when no replacement was produced.

        Args:
          id: Id of the invoice to regenerate.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _REGENERATE,
            {
                "id": id,
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
            model_parser(RegenerateInvoiceResponse),
        )

    async def void(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> VoidInvoiceResponse:
        """
        Void an invoice

        Cancels an invoice by moving it to the VOID status, after which it no longer counts toward the customer's balance. On success the response echoes the id of the voided invoice; `data` can be missing.

        Args:
          id: Id of the invoice to void.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _VOID,
            {
                "id": id,
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
            model_parser(VoidInvoiceResponse),
        )


class V1InvoicesResourceWithRawResponse:
    """`V1InvoicesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: V1InvoicesResource) -> None:
        self._resource = resource
        self.regenerate = to_raw_response_wrapper(resource.regenerate)
        self.void = to_raw_response_wrapper(resource.void)


class V1InvoicesResourceWithStreamingResponse:
    """`V1InvoicesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: V1InvoicesResource) -> None:
        self._resource = resource
        self.regenerate = to_streamed_response_wrapper(resource.regenerate)
        self.void = to_streamed_response_wrapper(resource.void)


class AsyncV1InvoicesResourceWithRawResponse:
    """`AsyncV1InvoicesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncV1InvoicesResource) -> None:
        self._resource = resource
        self.regenerate = async_to_raw_response_wrapper(resource.regenerate)
        self.void = async_to_raw_response_wrapper(resource.void)


class AsyncV1InvoicesResourceWithStreamingResponse:
    """`AsyncV1InvoicesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncV1InvoicesResource) -> None:
        self._resource = resource
        self.regenerate = async_to_streamed_response_wrapper(resource.regenerate)
        self.void = async_to_streamed_response_wrapper(resource.void)
