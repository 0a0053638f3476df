"""The `v1.contracts` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Sequence

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
from ...types._responses import CreateHistoricalInvoicesResponse
from ...types._params import HistoricalInvoiceParam, V1ContractsCreateHistoricalInvoicesArgs

__all__ = [
    "V1ContractsResource",
    "AsyncV1ContractsResource",
    "V1ContractsResourceWithRawResponse",
    "V1ContractsResourceWithStreamingResponse",
    "AsyncV1ContractsResourceWithRawResponse",
    "AsyncV1ContractsResourceWithStreamingResponse",
]

_CREATE_HISTORICAL_INVOICES = Operation(
    name="v1.contracts.create_historical_invoices",
    method="post",
    path="/v1/contracts/createHistoricalInvoices",
    path_params=(),
    query_params=(),
    header_params=(),
    body_params=(
        "invoices",
        "preview",
    ),
    validate=ArgsValidator(
        V1ContractsCreateHistoricalInvoicesArgs, "v1.contracts.create_historical_invoices"
    ),
)


class V1ContractsResource(SyncAPIResource):
    """Methods of `client.v1.contracts`."""

    @cached_property
    def with_raw_response(self) -> V1ContractsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return V1ContractsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V1ContractsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return V1ContractsResourceWithStreamingResponse(self)

    def create_historical_invoices(
        self,
        *,
        invoices: Sequence[HistoricalInvoiceParam],
        preview: bool,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> CreateHistoricalInvoicesResponse:
        """
        Import historical invoices

        Creates usage invoices for billing periods that predate the contract's arrival in Metronome. The caller supplies quantities per product and period; prices are taken from the contract, and the effect on commit and credit balances is computed. With `preview` set to true the invoices are calculated and returned but not saved, which allows a dry run against the original bills.

        Args:
          invoices: The invoices to create.
          preview: When true, compute and return the invoices without saving them.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _CREATE_HISTORICAL_INVOICES,
            {
                "invoices": invoices,
                "preview": preview,
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
            model_parser(CreateHistoricalInvoicesResponse),
        )


class AsyncV1ContractsResource(AsyncAPIResource):
    """Async methods of `client.v1.contracts`."""

    @cached_property
    def with_raw_response(self) -> AsyncV1ContractsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncV1ContractsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV1ContractsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncV1ContractsResourceWithStreamingResponse(self)

    async def create_historical_invoices(
        self,
        *,
        invoices: Sequence[HistoricalInvoiceParam],
        preview: bool,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> CreateHistoricalInvoicesResponse:
        """
        Import historical invoices

        Creates usage invoices for billing periods that predate the contract's arrival in Metronome. The caller supplies quantities per product and period; prices are taken from the contract, and the effect on commit and credit balances is computed. With `preview` set to true the invoices are calculated and returned but not saved, which allows a dry run against the original bills.

        Args:
          invoices: The invoices to create.
          preview: When true, compute and return the invoices without saving them.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _CREATE_HISTORICAL_INVOICES,
            {
                "invoices": invoices,
                "preview": preview,
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
            model_parser(CreateHistoricalInvoicesResponse),
        )


class V1ContractsResourceWithRawResponse:
    """`V1ContractsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: V1ContractsResource) -> None:
        self._resource = resource
        self.create_historical_invoices = to_raw_response_wrapper(resource.create_historical_invoices)


class V1ContractsResourceWithStreamingResponse:
    """`V1ContractsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: V1ContractsResource) -> None:
        self._resource = resource
        self.create_historical_invoices = to_streamed_response_wrapper(resource.create_historical_invoices)


class AsyncV1ContractsResourceWithRawResponse:
    """`AsyncV1ContractsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncV1ContractsResource) -> None:
        self._resource = resource
        self.create_historical_invoices = async_to_raw_response_wrapper(resource.create_historical_invoices)


class AsyncV1ContractsResourceWithStreamingResponse:
    """`AsyncV1ContractsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncV1ContractsResource) -> None:
        self._resource = resource
        self.create_historical_invoices = async_to_streamed_response_wrapper(
            resource.create_historical_invoices
        )
