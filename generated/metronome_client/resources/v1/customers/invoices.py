# pyright: reportDeprecated=false
# (the wrappers below refer to deprecated methods on purpose; callers still see the deprecation)
"""The `v1.customers.invoices` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

import httpx
from typing_extensions import deprecated

from ...._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from ...._models import ArgsValidator, DateTimeArg, NumberArg, model_parser
from ...._response import (
    BinaryResponse,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    parse_binary,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ...._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ....pagination import AsyncPaginator, AsyncCursorPage, SyncCursorPage
from ....types._responses import (
    AddChargeResponse,
    BreakdownInvoice,
    Invoice,
    InvoiceBreakdownListResponse,
    InvoiceListResponse,
    InvoiceRetrieveResponse,
)
from ....types._params import (
    V1CustomersInvoicesAddChargeArgs,
    V1CustomersInvoicesListArgs,
    V1CustomersInvoicesListBreakdownsArgs,
    V1CustomersInvoicesRetrieveArgs,
    V1CustomersInvoicesRetrievePdfArgs,
)

__all__ = [
    "V1CustomersInvoicesResource",
    "AsyncV1CustomersInvoicesResource",
    "V1CustomersInvoicesResourceWithRawResponse",
    "V1CustomersInvoicesResourceWithStreamingResponse",
    "AsyncV1CustomersInvoicesResourceWithRawResponse",
    "AsyncV1CustomersInvoicesResourceWithStreamingResponse",
]

_RETRIEVE = Operation(
    name="v1.customers.invoices.retrieve",
    method="get",
    path="/v1/customers/{customer_id}/invoices/{invoice_id}",
    path_params=(
        "customer_id",
        "invoice_id",
    ),
    query_params=("skip_zero_qty_line_items",),
    header_params=(),
    validate=ArgsValidator(V1CustomersInvoicesRetrieveArgs, "v1.customers.invoices.retrieve"),
)

_LIST = Operation(
    name="v1.customers.invoices.list",
    method="get",
    path="/v1/customers/{customer_id}/invoices",
    path_params=("customer_id",),
    query_params=(
        "contract_id",
        "credit_type_id",
        "starting_on",
        "ending_before",
        "include_historical_commit_invoices",
        "limit",
        "next_page",
        "skip_zero_qty_line_items",
        "sort",
        "status",
        "type",
        "webhook_notification_id",
    ),
    header_params=(),
    validate=ArgsValidator(V1CustomersInvoicesListArgs, "v1.customers.invoices.list"),
)

_LIST_BREAKDOWNS = Operation(
    name="v1.customers.invoices.list_breakdowns",
    method="get",
    path="/v1/customers/{customer_id}/invoices/breakdowns",
    path_params=("customer_id",),
    query_params=(
        "starting_on",
        "ending_before",
        "credit_type_id",
        "limit",
        "next_page",
        "skip_zero_qty_line_items",
        "sort",
        "status",
        "window_size",
    ),
    header_params=(),
    validate=ArgsValidator(V1CustomersInvoicesListBreakdownsArgs, "v1.customers.invoices.list_breakdowns"),
)

_RETRIEVE_PDF = Operation(
    name="v1.customers.invoices.retrieve_pdf",
    method="get",
    path="/v1/customers/{customer_id}/invoices/{invoice_id}/pdf",
    path_params=(
        "customer_id",
        "invoice_id",
    ),
    query_params=(),
    header_params=(),
    headers={"Accept": "application/pdf"},
    validate=ArgsValidator(V1CustomersInvoicesRetrievePdfArgs, "v1.customers.invoices.retrieve_pdf"),
)

_ADD_CHARGE = Operation(
    name="v1.customers.invoices.add_charge",
    method="post",
    path="/v1/customers/{customer_id}/addCharge",
    path_params=("customer_id",),
    query_params=(),
    header_params=(),
    body_params=(
        "charge_id",
        "customer_plan_id",
        "description",
        "invoice_start_timestamp",
        "price",
        "quantity",
    ),
    validate=ArgsValidator(V1CustomersInvoicesAddChargeArgs, "v1.customers.invoices.add_charge"),
)


class V1CustomersInvoicesResource(SyncAPIResource):
    """Methods of `client.v1.customers.invoices`."""

    @cached_property
    def with_raw_response(self) -> V1CustomersInvoicesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return V1CustomersInvoicesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V1CustomersInvoicesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return V1CustomersInvoicesResourceWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        customer_id: str,
        invoice_id: str,
        skip_zero_qty_line_items: bool | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> InvoiceRetrieveResponse:
        """
        Get an invoice

        Fetches a single invoice of the customer with all of its line items, sub-line items, applied commits and credits, adjustments and totals. Draft invoices are returned too; their numbers keep moving while new usage comes in, whereas finalized and voided invoices are stable.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          invoice_id: Metronome id of the invoice.
          skip_zero_qty_line_items: When true, line items with a quantity of zero are dropped from the
            response.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _RETRIEVE,
            {
                "customer_id": customer_id,
                "invoice_id": invoice_id,
                "skip_zero_qty_line_items": skip_zero_qty_line_items,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(InvoiceRetrieveResponse),
        )

    def list(
        self,
        *,
        customer_id: str,
        contract_id: str | NotGiven = NOT_GIVEN,
        credit_type_id: str | NotGiven = NOT_GIVEN,
        starting_on: DateTimeArg | NotGiven = NOT_GIVEN,
        ending_before: DateTimeArg | NotGiven = NOT_GIVEN,
        include_historical_commit_invoices: bool | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        next_page: str | NotGiven = NOT_GIVEN,
        skip_zero_qty_line_items: bool | NotGiven = NOT_GIVEN,
        sort: Literal["date_asc", "date_desc"] | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        type: Literal["USAGE", "USAGE_CONSOLIDATED", "SCHEDULED"] | NotGiven = NOT_GIVEN,
        webhook_notification_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> SyncCursorPage[Invoice]:
        """
        List invoices

        Pages through the customer's invoices. Results can be narrowed by contract, credit type, status, invoice type and billing period, and ordered by date. To walk all pages, send the `next_page` value of each response back as the `next_page` query parameter until it comes back null or empty.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          contract_id: Only return invoices that belong to this contract.
          credit_type_id: Only return invoices priced in this credit type (for example US dollars).
          starting_on: Only return invoices whose billing period begins at or after this moment (RFC
            3339).
          ending_before: Only return invoices whose billing period ends before this moment, exclusive
            (RFC 3339).
          include_historical_commit_invoices: Set to true to also return invoices that were generated
            for historical commits. The server treats a missing value as false.
          limit: Maximum number of items to put on one page, from 1 to 100.
          next_page: Opaque cursor copied from the `next_page` field of the previous page. Leave it out
            to get the first page.
          skip_zero_qty_line_items: When true, line items with a quantity of zero are dropped from the
            response.
          sort: Ordering by issue date (`issued_at`), oldest first (`date_asc`) or newest first
            (`date_desc`). Oldest first when left out.
          status: Only return invoices in this status, for instance DRAFT, FINALIZED or VOID.
          type: Only return invoices of this kind; leave it out to get every kind.
          webhook_notification_id: When this call is made in reaction to a webhook notification, the id
            of that notification.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _LIST,
            {
                "customer_id": customer_id,
                "contract_id": contract_id,
                "credit_type_id": credit_type_id,
                "starting_on": starting_on,
                "ending_before": ending_before,
                "include_historical_commit_invoices": include_historical_commit_invoices,
                "limit": limit,
                "next_page": next_page,
                "skip_zero_qty_line_items": skip_zero_qty_line_items,
                "sort": sort,
                "status": status,
                "type": type,
                "webhook_notification_id": webhook_notification_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            SyncCursorPage[Invoice].parser(InvoiceListResponse, self._client),
        )

    def list_breakdowns(
        self,
        *,
        customer_id: str,
        starting_on: DateTimeArg,
        ending_before: DateTimeArg,
        credit_type_id: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        next_page: str | NotGiven = NOT_GIVEN,
        skip_zero_qty_line_items: bool | NotGiven = NOT_GIVEN,
        sort: Literal["date_asc", "date_desc"] | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        window_size: Literal["HOUR", "DAY"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> SyncCursorPage[BreakdownInvoice]:
        """
        List invoice breakdowns

        Cuts the customer's invoices into consecutive hourly or daily windows within the requested range and returns one invoice-shaped record per window, each carrying the bounds of its window. Useful for charting spend over time or explaining a bill. A daily breakdown covers at most 35 days per request and an hourly one at most 24 hours; results are paged with a cursor.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          starting_on: Beginning of the range to break down, inclusive (RFC 3339).
          ending_before: End of the range to break down, exclusive (RFC 3339).
          credit_type_id: Only return invoices priced in this credit type (for example US dollars).
          limit: Maximum number of items to put on one page, from 1 to 100.
          next_page: Opaque cursor copied from the `next_page` field of the previous page. Leave it out
            to get the first page.
          skip_zero_qty_line_items: When true, line items with a quantity of zero are dropped from the
            response.
          sort: Ordering by issue date (`issued_at`), oldest first (`date_asc`) or newest first
            (`date_desc`). Oldest first when left out.
          status: Only return invoices in this status, for instance DRAFT, FINALIZED or VOID.
          window_size: Length of each breakdown window; daily windows when left out.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _LIST_BREAKDOWNS,
            {
                "customer_id": customer_id,
                "starting_on": starting_on,
                "ending_before": ending_before,
                "credit_type_id": credit_type_id,
                "limit": limit,
                "next_page": next_page,
                "skip_zero_qty_line_items": skip_zero_qty_line_items,
                "sort": sort,
                "status": status,
                "window_size": window_size,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            SyncCursorPage[BreakdownInvoice].parser(InvoiceBreakdownListResponse, self._client),
        )

    def retrieve_pdf(
        self,
        *,
        customer_id: str,
        invoice_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> BinaryResponse:
        """
        Download an invoice as PDF

        Renders the invoice as a printable PDF document and returns the raw bytes. The file is produced on every request, so callers that need the same document repeatedly should keep their own copy.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          invoice_id: Metronome id of the invoice.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _RETRIEVE_PDF,
            {
                "customer_id": customer_id,
                "invoice_id": invoice_id,
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

    @deprecated("The API marks v1.customers.invoices.add_charge() as deprecated.")
    def add_charge(
        self,
        *,
        customer_id: str,
        charge_id: str,
        customer_plan_id: str,
        description: str,
        invoice_start_timestamp: DateTimeArg,
        price: NumberArg,
        quantity: NumberArg,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> AddChargeResponse:
        """
        Add a one-off charge to a plan invoice

        Puts a one-time charge on the customer's plan invoice whose billing period starts at `invoice_start_timestamp`. This call belongs to the older plan-based billing model; integrations built on contracts should not rely on it.

        Deprecated: the API marks this operation as deprecated.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          charge_id: Id of the charge, as defined on the plan, to add to the invoice.
          customer_plan_id: Id of the customer's plan assignment that owns the invoice.
          description: Text shown for the charge on the invoice.
          invoice_start_timestamp: Start of the billing period of the invoice that receives the charge.
          price: Unit price, in the credit type of the invoice.
          quantity: Number of units to bill.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _ADD_CHARGE,
            {
                "customer_id": customer_id,
                "charge_id": charge_id,
                "customer_plan_id": customer_plan_id,
                "description": description,
                "invoice_start_timestamp": invoice_start_timestamp,
                "price": price,
                "quantity": quantity,
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
            model_parser(AddChargeResponse),
        )


class AsyncV1CustomersInvoicesResource(AsyncAPIResource):
    """Async methods of `client.v1.customers.invoices`."""

    @cached_property
    def with_raw_response(self) -> AsyncV1CustomersInvoicesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncV1CustomersInvoicesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV1CustomersInvoicesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncV1CustomersInvoicesResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        customer_id: str,
        invoice_id: str,
        skip_zero_qty_line_items: bool | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> InvoiceRetrieveResponse:
        """
        Get an invoice

        Fetches a single invoice of the customer with all of its line items, sub-line items, applied commits and credits, adjustments and totals. Draft invoices are returned too; their numbers keep moving while new usage comes in, whereas finalized and voided invoices are stable.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          invoice_id: Metronome id of the invoice.
          skip_zero_qty_line_items: When true, line items with a quantity of zero are dropped from the
            response.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _RETRIEVE,
            {
                "customer_id": customer_id,
                "invoice_id": invoice_id,
                "skip_zero_qty_line_items": skip_zero_qty_line_items,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(InvoiceRetrieveResponse),
        )

    def list(
        self,
        *,
        customer_id: str,
        contract_id: str | NotGiven = NOT_GIVEN,
        credit_type_id: str | NotGiven = NOT_GIVEN,
        starting_on: DateTimeArg | NotGiven = NOT_GIVEN,
        ending_before: DateTimeArg | NotGiven = NOT_GIVEN,
        include_historical_commit_invoices: bool | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        next_page: str | NotGiven = NOT_GIVEN,
        skip_zero_qty_line_items: bool | NotGiven = NOT_GIVEN,
        sort: Literal["date_asc", "date_desc"] | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        type: Literal["USAGE", "USAGE_CONSOLIDATED", "SCHEDULED"] | NotGiven = NOT_GIVEN,
        webhook_notification_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncPaginator[Invoice, AsyncCursorPage[Invoice]]:
        """
        List invoices

        Pages through the customer's invoices. Results can be narrowed by contract, credit type, status, invoice type and billing period, and ordered by date. To walk all pages, send the `next_page` value of each response back as the `next_page` query parameter until it comes back null or empty.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          contract_id: Only return invoices that belong to this contract.
          credit_type_id: Only return invoices priced in this credit type (for example US dollars).
          starting_on: Only return invoices whose billing period begins at or after this moment (RFC
            3339).
          ending_before: Only return invoices whose billing period ends before this moment, exclusive
            (RFC 3339).
          include_historical_commit_invoices: Set to true to also return invoices that were generated
            for historical commits. The server treats a missing value as false.
          limit: Maximum number of items to put on one page, from 1 to 100.
          next_page: Opaque cursor copied from the `next_page` field of the previous page. Leave it out
            to get the first page.
          skip_zero_qty_line_items: When true, line items with a quantity of zero are dropped from the
            response.
          sort: Ordering by issue date (`issued_at`), oldest first (`date_asc`) or newest first
            (`date_desc`). Oldest first when left out.
          status: Only return invoices in this status, for instance DRAFT, FINALIZED or VOID.
          type: Only return invoices of this kind; leave it out to get every kind.
          webhook_notification_id: When this call is made in reaction to a webhook notification, the id
            of that notification.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        request = self._client.prepare(
            _LIST,
            {
                "customer_id": customer_id,
                "contract_id": contract_id,
                "credit_type_id": credit_type_id,
                "starting_on": starting_on,
                "ending_before": ending_before,
                "include_historical_commit_invoices": include_historical_commit_invoices,
                "limit": limit,
                "next_page": next_page,
                "skip_zero_qty_line_items": skip_zero_qty_line_items,
                "sort": sort,
                "status": status,
                "type": type,
                "webhook_notification_id": webhook_notification_id,
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
        parse = AsyncCursorPage[Invoice].parser(InvoiceListResponse, self._client)
        return AsyncPaginator(lambda: self._client.send(request, parse))

    def list_breakdowns(
        self,
        *,
        customer_id: str,
        starting_on: DateTimeArg,
        ending_before: DateTimeArg,
        credit_type_id: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        next_page: str | NotGiven = NOT_GIVEN,
        skip_zero_qty_line_items: bool | NotGiven = NOT_GIVEN,
        sort: Literal["date_asc", "date_desc"] | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        window_size: Literal["HOUR", "DAY"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> AsyncPaginator[BreakdownInvoice, AsyncCursorPage[BreakdownInvoice]]:
        """
        List invoice breakdowns

        Cuts the customer's invoices into consecutive hourly or daily windows within the requested range and returns one invoice-shaped record per window, each carrying the bounds of its window. Useful for charting spend over time or explaining a bill. A daily breakdown covers at most 35 days per request and an hourly one at most 24 hours; results are paged with a cursor.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          starting_on: Beginning of the range to break down, inclusive (RFC 3339).
          ending_before: End of the range to break down, exclusive (RFC 3339).
          credit_type_id: Only return invoices priced in this credit type (for example US dollars).
          limit: Maximum number of items to put on one page, from 1 to 100.
          next_page: Opaque cursor copied from the `next_page` field of the previous page. Leave it out
            to get the first page.
          skip_zero_qty_line_items: When true, line items with a quantity of zero are dropped from the
            response.
          sort: Ordering by issue date (`issued_at`), oldest first (`date_asc`) or newest first
            (`date_desc`). Oldest first when left out.
          status: Only return invoices in this status, for instance DRAFT, FINALIZED or VOID.
          window_size: Length of each breakdown window; daily windows when left out.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        request = self._client.prepare(
            _LIST_BREAKDOWNS,
            {
                "customer_id": customer_id,
                "starting_on": starting_on,
                "ending_before": ending_before,
                "credit_type_id": credit_type_id,
                "limit": limit,
                "next_page": next_page,
                "skip_zero_qty_line_items": skip_zero_qty_line_items,
                "sort": sort,
                "status": status,
                "window_size": window_size,
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
        parse = AsyncCursorPage[BreakdownInvoice].parser(InvoiceBreakdownListResponse, self._client)
        return AsyncPaginator(lambda: self._client.send(request, parse))

    async def retrieve_pdf(
        self,
        *,
        customer_id: str,
        invoice_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> BinaryResponse:
        """
        Download an invoice as PDF

        Renders the invoice as a printable PDF document and returns the raw bytes. The file is produced on every request, so callers that need the same document repeatedly should keep their own copy.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          invoice_id: Metronome id of the invoice.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _RETRIEVE_PDF,
            {
                "customer_id": customer_id,
                "invoice_id": invoice_id,
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

    @deprecated("The API marks v1.customers.invoices.add_charge() as deprecated.")
    async def add_charge(
        self,
        *,
        customer_id: str,
        charge_id: str,
        customer_plan_id: str,
        description: str,
        invoice_start_timestamp: DateTimeArg,
        price: NumberArg,
        quantity: NumberArg,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> AddChargeResponse:
        """
        Add a one-off charge to a plan invoice

        Puts a one-time charge on the customer's plan invoice whose billing period starts at `invoice_start_timestamp`. This call belongs to the older plan-based billing model; integrations built on contracts should not rely on it.

        Deprecated: the API marks this operation as deprecated.

        Args:
          customer_id: Metronome id of the customer that owns the invoices.
          charge_id: Id of the charge, as defined on the plan, to add to the invoice.
          customer_plan_id: Id of the customer's plan assignment that owns the invoice.
          description: Text shown for the charge on the invoice.
          invoice_start_timestamp: Start of the billing period of the invoice that receives the charge.
          price: Unit price, in the credit type of the invoice.
          quantity: Number of units to bill.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _ADD_CHARGE,
            {
                "customer_id": customer_id,
                "charge_id": charge_id,
                "customer_plan_id": customer_plan_id,
                "description": description,
                "invoice_start_timestamp": invoice_start_timestamp,
                "price": price,
                "quantity": quantity,
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
            model_parser(AddChargeResponse),
        )


class V1CustomersInvoicesResourceWithRawResponse:
    """`V1CustomersInvoicesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: V1CustomersInvoicesResource) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.list = to_raw_response_wrapper(resource.list)
        self.list_breakdowns = to_raw_response_wrapper(resource.list_breakdowns)
        self.retrieve_pdf = to_raw_response_wrapper(resource.retrieve_pdf)
        self.add_charge = to_raw_response_wrapper(resource.add_charge)


class V1CustomersInvoicesResourceWithStreamingResponse:
    """`V1CustomersInvoicesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: V1CustomersInvoicesResource) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.list = to_streamed_response_wrapper(resource.list)
        self.list_breakdowns = to_streamed_response_wrapper(resource.list_breakdowns)
        self.retrieve_pdf = to_streamed_response_wrapper(resource.retrieve_pdf)
        self.add_charge = to_streamed_response_wrapper(resource.add_charge)


class AsyncV1CustomersInvoicesResourceWithRawResponse:
    """`AsyncV1CustomersInvoicesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncV1CustomersInvoicesResource) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.list = async_to_raw_response_wrapper(resource.list)
        self.list_breakdowns = async_to_raw_response_wrapper(resource.list_breakdowns)
        self.retrieve_pdf = async_to_raw_response_wrapper(resource.retrieve_pdf)
        self.add_charge = async_to_raw_response_wrapper(resource.add_charge)


class AsyncV1CustomersInvoicesResourceWithStreamingResponse:
    """`AsyncV1CustomersInvoicesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncV1CustomersInvoicesResource) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.list_breakdowns = async_to_streamed_response_wrapper(resource.list_breakdowns)
        self.retrieve_pdf = async_to_streamed_response_wrapper(resource.retrieve_pdf)
        self.add_charge = async_to_streamed_response_wrapper(resource.add_charge)
