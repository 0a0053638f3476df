"""Request parameter types.

The ``*Param`` TypedDicts type the nested objects you pass to client methods. The ``*Args`` ones,
not exported, describe all arguments of one method: run-time validation checks them.
"""

from __future__ import annotations

from typing import Literal, Mapping, Sequence

from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, Required, TypedDict

from .._models import DateTimeArg, NumberArg

__all__ = [
    "HistoricalInvoiceParam",
    "HistoricalUsageLineItemParam",
    "SubtotalWithQuantityParam",
]

_CLOSED = ConfigDict(extra="forbid", strict=True)
_OPEN = ConfigDict(extra="allow", strict=True)


@with_config(_CLOSED)
class HistoricalInvoiceParam(TypedDict, total=False):
    """One past billing period of a contract, described by its usage quantities."""

    # Customer the invoice is for.
    customer_id: Required[str]

    # Contract whose rates price the invoice.
    contract_id: Required[str]

    # Credit type the invoice is denominated in.
    credit_type_id: Required[str]

    # First moment of the billing period.
    inclusive_start_date: Required[DateTimeArg]

    # End of the billing period, exclusive.
    exclusive_end_date: Required[DateTimeArg]

    # Date the invoice was originally issued.
    issue_date: Required[DateTimeArg]

    # Usage quantities per product.
    usage_line_items: Required[Sequence[HistoricalUsageLineItemParam]]

    # Whether the imported invoice should count as billable.
    billable_status: NotRequired[Literal["billable", "unbillable"]]

    # Window size used when line items carry per-window subtotals.
    breakdown_granularity: NotRequired[Literal["HOUR", "DAY"]]

    # Custom fields to store on the imported invoice.
    custom_fields: NotRequired[Mapping[str, str]]


@with_config(_CLOSED)
class HistoricalUsageLineItemParam(TypedDict, total=False):
    """Usage of one product during (part of) a historical billing period."""

    # Usage product being billed.
    product_id: Required[str]

    # Start of the usage period.
    inclusive_start_date: Required[DateTimeArg]

    # End of the usage period, exclusive.
    exclusive_end_date: Required[DateTimeArg]

    # Total quantity for the period; leave out when using subtotals_with_quantity.
    quantity: NotRequired[NumberArg]

    # Pricing group values the usage belongs to, for dimensional pricing.
    pricing_group_values: NotRequired[Mapping[str, str]]

    # Presentation group values the usage should be shown under.
    presentation_group_values: NotRequired[Mapping[str, str]]

    # Quantities per window, used instead of quantity together with breakdown_granularity.
    subtotals_with_quantity: NotRequired[Sequence[SubtotalWithQuantityParam]]


@with_config(_CLOSED)
class SubtotalWithQuantityParam(TypedDict, total=False):
    """Usage quantity within one window of a historical line item."""

    # Start of the window.
    inclusive_start_date: Required[DateTimeArg]

    # End of the window, exclusive.
    exclusive_end_date: Required[DateTimeArg]

    # Quantity used in the window.
    quantity: Required[NumberArg]


@with_config(_CLOSED)
class V1CustomersInvoicesRetrieveArgs(TypedDict, total=False):
    customer_id: Required[str]
    invoice_id: Required[str]
    skip_zero_qty_line_items: NotRequired[bool]


@with_config(_CLOSED)
class V1CustomersInvoicesListArgs(TypedDict, total=False):
    customer_id: Required[str]
    contract_id: NotRequired[str]
    credit_type_id: NotRequired[str]
    starting_on: NotRequired[DateTimeArg]
    ending_before: NotRequired[DateTimeArg]
    include_historical_commit_invoices: NotRequired[bool]
    limit: NotRequired[int]
    next_page: NotRequired[str]
    skip_zero_qty_line_items: NotRequired[bool]
    sort: NotRequired[Literal["date_asc", "date_desc"]]
    status: NotRequired[str]
    type: NotRequired[Literal["USAGE", "USAGE_CONSOLIDATED", "SCHEDULED"]]
    webhook_notification_id: NotRequired[str]


@with_config(_CLOSED)
class V1CustomersInvoicesListBreakdownsArgs(TypedDict, total=False):
    customer_id: Required[str]
    starting_on: Required[DateTimeArg]
    ending_before: Required[DateTimeArg]
    credit_type_id: NotRequired[str]
    limit: NotRequired[int]
    next_page: NotRequired[str]
    skip_zero_qty_line_items: NotRequired[bool]
    sort: NotRequired[Literal["date_asc", "date_desc"]]
    status: NotRequired[str]
    window_size: NotRequired[Literal["HOUR", "DAY"]]


@with_config(_CLOSED)
class V1CustomersInvoicesRetrievePdfArgs(TypedDict, total=False):
    customer_id: Required[str]
    invoice_id: Required[str]


@with_config(_CLOSED)
class V1CustomersInvoicesAddChargeArgs(TypedDict, total=False):
    customer_id: Required[str]
    charge_id: Required[str]
    customer_plan_id: Required[str]
    description: Required[str]
    invoice_start_timestamp: Required[DateTimeArg]
    price: Required[NumberArg]
    quantity: Required[NumberArg]


@with_config(_CLOSED)
class V1ContractsCreateHistoricalInvoicesArgs(TypedDict, total=False):
    invoices: Required[Sequence[HistoricalInvoiceParam]]
    preview: Required[bool]


@with_config(_CLOSED)
class V1InvoicesRegenerateArgs(TypedDict, total=False):
    id: Required[str]


@with_config(_CLOSED)
class V1InvoicesVoidArgs(TypedDict, total=False):
    id: Required[str]
