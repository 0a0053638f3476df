"""Response models generated from the spec's schemas.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from .._models import BaseModel, OpenEnum


class AddChargeResponse(BaseModel):
    """Empty object returned when a charge was added."""


class AppliedCommitOrCredit(BaseModel):
    """Reference to the commit or credit that covered a line item."""

    id: str
    """Id of the commit or credit."""
    type: OpenEnum[Literal["PREPAID", "POSTPAID", "CREDIT"]]
    """Whether it is a prepaid commit, a postpaid commit or a credit."""
    access_type: OpenEnum[Literal["SPEND", "QUANTITY"]] | None = None
    """
    How the balance is drawn down: by the cost of the usage (SPEND) or by the number of units used (QUANTITY).
    """


class ConstituentInvoice(BaseModel):
    """One of the invoices that were merged into a consolidated invoice."""

    contract_id: str
    """Contract of the merged invoice."""
    customer_id: str
    """Customer of the merged invoice."""
    invoice_id: str
    """Id of the merged invoice."""


class CorrectionRecord(BaseModel):
    """Links a correction invoice to the invoice it corrects."""

    corrected_invoice_id: str
    """Id of the invoice that was corrected."""
    memo: str
    """Note attached to the correction."""
    reason: str
    """Why the correction was made."""
    corrected_external_invoice: ExternalInvoice | None = None
    """External-system copy of the corrected invoice, if there is one."""


class CreateHistoricalInvoicesResponse(BaseModel):
    """The invoices produced by a historical import."""

    data: list[Invoice]
    """Created invoices, or the would-be invoices in preview mode."""


class CreditTypeData(BaseModel):
    """The pricing unit an amount is expressed in, such as US dollars counted in cents."""

    id: str
    """Id of the credit type."""
    name: str
    """Display name of the credit type, e.g. "USD (cents)"."""


class ExternalInvoice(BaseModel):
    """The counterpart of an invoice in a billing provider or marketplace."""

    billing_provider_type: OpenEnum[
        Literal[
            "aws_marketplace",
            "stripe",
            "netsuite",
            "custom",
            "azure_marketplace",
            "quickbooks_online",
            "workday",
            "gcp_marketplace",
            "metronome",
        ]
    ]
    """Billing provider or marketplace that holds the external invoice."""
    billing_provider_error: str | None = None
    """Last error the billing provider reported for this invoice, if any."""
    external_payment_id: str | None = None
    """Id of the payment inside the external system, when it reports one."""
    external_status: (
        OpenEnum[
            Literal[
                "DRAFT",
                "FINALIZED",
                "PAID",
                "PARTIALLY_PAID",
                "UNCOLLECTIBLE",
                "VOID",
                "DELETED",
                "PAYMENT_FAILED",
                "INVALID_REQUEST_ERROR",
                "SKIPPED",
                "SENT",
                "QUEUED",
            ]
        ]
        | None
    ) = None
    """State of the invoice as reported by the external system."""
    invoice_id: str | None = None
    """Identifier of the invoice inside the external system."""
    invoiced_sub_total: float | None = None
    """Subtotal the external system invoiced, when it reports one."""
    invoiced_total: float | None = None
    """Total the external system invoiced, when it reports one."""
    issued_at_timestamp: datetime | None = None
    """When the external system issued the invoice."""
    pdf_url: str | None = None
    """Link to the external system's PDF of the invoice, when it offers one."""
    tax: ExternalInvoiceTax | None = None
    """Tax figures computed by the external system, when it reports them."""


class ExternalInvoiceTax(BaseModel):
    """Tax figures for an invoice as reported by its billing provider."""

    total_tax_amount: float | None = None
    """Tax charged on the invoice."""
    total_taxable_amount: float | None = None
    """Part of the invoice amount that tax applied to."""
    transaction_id: str | None = None
    """Id of the tax calculation in the provider's system."""


class Invoice(BaseModel):
    """
    A bill for one customer covering one billing period, made of line items. Fields are added to this object over time; clients must accept properties they do not know.
    """

    id: str
    """Id of the invoice."""
    credit_type: CreditTypeData
    """Credit type that all amounts on the invoice are denominated in."""
    customer_id: str
    """Id of the customer being billed."""
    line_items: list[InvoiceLineItem]
    """The individual charges that make up the invoice."""
    status: str
    """
    Lifecycle state of the invoice. Values seen today are DRAFT, FINALIZED and VOID; further values may be introduced, so treat it as an open set.
    """
    total: float
    """Amount owed after every line item and adjustment is applied."""
    type: str
    """
    Kind of invoice. Values seen today include PLAN_ARREARS, SCHEDULED, USAGE, CORRECTION, CREDIT_PURCHASE and SEAT_PURCHASE; new kinds may appear.
    """
    amendment_id: str | None = None
    """Id of the contract amendment the invoice relates to, if any."""
    billable_status: OpenEnum[Literal["billable", "unbillable"]] | None = None
    """Whether this invoice is meant to be charged to the customer."""
    constituent_invoices: list[ConstituentInvoice] | None = None
    """The invoices that were merged into this one. Set on invoices of type USAGE_CONSOLIDATED."""
    contract_custom_fields: dict[str, str] | None = None
    """Custom fields of the contract, keyed by field name."""
    contract_id: str | None = None
    """Id of the contract the invoice was produced for (contract invoices only)."""
    correction_record: CorrectionRecord | None = None
    """Present on correction invoices; describes what was corrected."""
    created_at: datetime | None = None
    """Creation time in UTC; only set on correction invoices."""
    custom_fields: dict[str, Any] | None = None
    """Custom fields attached to the invoice itself; values may be of any JSON type."""
    customer_custom_fields: dict[str, str] | None = None
    """Custom fields of the customer, keyed by field name."""
    end_timestamp: datetime | None = None
    """End of the billing period, exclusive."""
    external_invoice: ExternalInvoice | None = None
    """Copy of this invoice in an external billing system; absent or null when there is none."""
    invoice_adjustments: list[InvoiceAdjustment] | None = None
    """Adjustments applied on top of the line items, such as minimums or credit grants."""
    issued_at: datetime | None = None
    """When the invoice was issued."""
    net_payment_terms_days: float | None = None
    """Days the customer has to pay after issue."""
    netsuite_sales_order_id: str | None = None
    """NetSuite sales order linked to the invoice."""
    payer: InvoicePayer | None = None
    """Contract and customer that pay for this invoice. Set on usage invoices inside an account hierarchy."""
    plan_custom_fields: dict[str, str] | None = None
    """Custom fields of the associated plan as they were when the invoice was generated."""
    plan_id: str | None = None
    """Id of the plan the invoice belongs to (plan invoices only)."""
    plan_name: str | None = None
    """Name of the plan the invoice belongs to."""
    regenerated_from_invoice_id: str | None = None
    """Id of the voided invoice this one was regenerated from, if any."""
    reseller_royalty: ResellerRoyalty | None = None
    """Reseller royalty terms; only on contract invoices that have them."""
    revenue_system_invoices: list[RevenueSystemInvoice] | None = None
    """Sync state of the invoice in each connected revenue system; may be null."""
    salesforce_opportunity_id: str | None = None
    """Salesforce opportunity linked to the invoice."""
    start_timestamp: datetime | None = None
    """Start of the billing period, inclusive."""
    subtotal: float | None = None
    """Sum of the line items before adjustments."""


class BreakdownInvoice(Invoice):
    """An invoice restricted to one breakdown window, plus the bounds of that window."""

    breakdown_start_timestamp: datetime
    """Start of the window, inclusive."""
    breakdown_end_timestamp: datetime
    """End of the window, exclusive."""


class InvoiceAdjustment(BaseModel):
    """An invoice-level change to the total, such as a minimum top-up or a credit."""

    credit_type: CreditTypeData
    """Credit type the adjustment is expressed in."""
    name: str
    """Label of the adjustment, e.g. "Minimum spend top-up"."""
    total: float
    """Amount of the adjustment; negative values reduce the invoice."""
    credit_grant_custom_fields: dict[str, str] | None = None
    """Custom fields of the credit grant behind the adjustment."""
    credit_grant_id: str | None = None
    """Id of the credit grant behind the adjustment."""


class InvoiceBreakdownListResponse(BaseModel):
    """One page of invoice breakdown windows."""

    data: list[BreakdownInvoice]
    """Breakdown windows on this page."""
    next_page: str | None
    """Cursor for the following page; null or empty on the last page."""


class InvoiceLineItem(BaseModel):
    """One charge on an invoice, for a product over a period of time."""

    credit_type: CreditTypeData
    """Credit type the line item amounts are expressed in."""
    name: str
    """Label shown for the line item, usually the product name."""
    total: float
    """Amount of the line item; negative for credits and commit draw-downs."""
    type: str
    """
    Category of the line item, for example `usage`. Other categories exist (scheduled charges, commit and credit payments and so on) and new ones may be added, so this is an open string.
    """
    applied_commit_or_credit: AppliedCommitOrCredit | None = None
    """
    The commit or credit that paid for this line item. Only set on line items for usage, subscription or composite products.
    """
    commit_custom_fields: dict[str, str] | None = None
    """Custom fields of the commit linked to this line item."""
    commit_id: str | None = None
    """
    For usage, subscription and composite products, the commit or credit drawn down by this line item; for fixed products, the prepaid or postpaid commit being paid for.
    """
    commit_netsuite_item_id: str | None = None
    """NetSuite item id of the commit."""
    commit_netsuite_sales_order_id: str | None = None
    """NetSuite sales order id of the commit."""
    commit_segment_id: str | None = None
    """Id of the commit segment the line item relates to."""
    commit_type: str | None = None
    """Kind of commit linked to the line item, e.g. PREPAID, POSTPAID or CREDIT."""
    custom_fields: dict[str, str] | None = None
    """Custom fields of the line item."""
    discount_custom_fields: dict[str, str] | None = None
    """Custom fields of the discount applied to this line item."""
    discount_id: str | None = None
    """Id of the discount that produced or affected this line item."""
    ending_before: datetime | None = None
    """End of the period the line item covers, exclusive."""
    group_key: str | None = None
    """Group key used to split the product's usage, if any."""
    group_value: str | None = None
    """Value of the group key for this line item; null when the usage had none."""
    is_prorated: bool | None = None
    """True when a subscription line item was prorated for a partial period."""
    list_price: ListPrice | None = None
    """
    The list rate for this charge, for comparison with what was billed. Only on usage and subscription line items of contract invoices, and only when list prices were requested.
    """
    metadata: str | None = None
    """Free-form extra information about the line item."""
    netsuite_invoice_billing_end: datetime | None = None
    """Billing period end sent to NetSuite for this line item."""
    netsuite_invoice_billing_start: datetime | None = None
    """Billing period start sent to NetSuite for this line item."""
    netsuite_item_id: str | None = None
    """NetSuite item id of the product."""
    origin: LineItemOrigin | None = None
    """Where a line item of a USAGE_CONSOLIDATED invoice was copied from."""
    postpaid_commit: PostpaidCommit | None = None
    """Set only when the line item pays a postpaid commit true-up."""
    presentation_group_values: dict[str, str | None] | None = None
    """
    Presentation group key and value pairs, when presentation groups are used. A key whose group has no value for this line item maps to null.
    """
    pricing_group_values: dict[str, str] | None = None
    """Pricing group key and value pairs, when dimensional pricing is used."""
    product_custom_fields: dict[str, str] | None = None
    """Custom fields of the product."""
    product_id: str | None = None
    """Id of the product billed on this line item."""
    product_tags: list[str] | None = None
    """Tags currently set on the product."""
    product_type: str | None = None
    """
    Kind of product behind the line item: FixedProductListItem, UsageProductListItem, SubscriptionProductListItem or CompositeProductListItem. Scheduled charges and commit or credit payments use FixedProductListItem.
    """
    professional_service_custom_fields: dict[str, str] | None = None
    """Custom fields of the professional service."""
    professional_service_id: str | None = None
    """Id of the professional service billed on this line item."""
    quantity: float | None = None
    """Quantity billed."""
    quantity_consumed: float | None = None
    """On applied-commit line items of quantity-based commits, the number of units taken from the commit."""
    reseller_type: OpenEnum[Literal["AWS", "AWS_PRO_SERVICE", "GCP", "GCP_PRO_SERVICE"]] | None = None
    """Reseller channel of the line item, when it is resold."""
    scheduled_charge_custom_fields: dict[str, str] | None = None
    """Custom fields of the scheduled charge."""
    scheduled_charge_id: str | None = None
    """Id of the scheduled charge billed on this line item."""
    starting_at: datetime | None = None
    """Start of the period the line item covers, inclusive."""
    sub_line_items: list[InvoiceSubLineItem] | None = None
    """Finer-grained pieces the line item is made of (per charge, tier or seat period)."""
    subscription_custom_fields: dict[str, str] | None = None
    """Custom fields of the subscription."""
    subscription_id: str | None = None
    """Id of the subscription billed on this line item (subscription products only)."""
    tier: LineItemTier | None = None
    """The price tier this line item falls into, for tiered prices."""
    unit_price: float | None = None
    """Price per unit."""


class InvoiceListResponse(BaseModel):
    """One page of invoices."""

    data: list[Invoice]
    """Invoices on this page."""
    next_page: str | None
    """Cursor for the following page; null or empty on the last page."""


class InvoicePayer(BaseModel):
    """The contract and customer that pay for an invoice in an account hierarchy."""

    contract_id: str
    """Contract that pays."""
    customer_id: str
    """Customer that pays."""


class InvoiceReference(BaseModel):
    """Points at an invoice by id."""

    id: str
    """Id of the invoice."""


class InvoiceRetrieveResponse(BaseModel):
    """Envelope around a single invoice."""

    data: Invoice
    """The invoice."""


class InvoiceSubLineItem(BaseModel):
    """A component of a line item, such as a single charge or one seat period."""

    custom_fields: dict[str, str]
    """Custom fields of the underlying charge."""
    name: str
    """Label of the sub-line item."""
    quantity: float
    """Quantity billed on this sub-line item."""
    subtotal: float
    """Amount of this sub-line item."""
    charge_id: str | None = None
    """Id of the charge behind this sub-line item."""
    credit_grant_id: str | None = None
    """Id of the credit grant behind this sub-line item."""
    end_date: datetime | None = None
    """End of the charge period; only set for seat-based charges."""
    price: float | None = None
    """Unit price; only set when the charge is not tiered and the quantity is not zero."""
    start_date: datetime | None = None
    """Start of the charge period; only set for seat-based charges."""
    tier_period: TierPeriod | None = None
    """Time span of the current tier; tiered charges only."""
    tiers: list[SubLineItemTier] | None = None
    """How the quantity spreads across price tiers; tiered charges only."""


class LineItemOrigin(BaseModel):
    """The line item a consolidated invoice's line item was copied from."""

    contract_id: str
    """Contract of the original line item."""
    customer_id: str
    """Customer of the original line item."""
    invoice_id: str
    """Invoice that holds the original line item."""
    line_item_id: str
    """Id of the original line item."""


class LineItemTier(BaseModel):
    """Which tier of a tiered price a line item represents."""

    level: float
    """Which tier of the tiered price applies, by position."""
    starting_at: str
    """Quantity at which the tier begins, as a decimal string."""
    size: str | None = None
    """Number of units the tier spans, as a decimal string; absent or null for the last tier."""


class ListPrice(BaseModel):
    """A rate as defined on the rate card, shown next to the billed amount."""

    rate_type: OpenEnum[
        Literal["FLAT", "PERCENTAGE", "SUBSCRIPTION", "CUSTOM", "TIERED", "TIERED_PERCENTAGE"]
    ]
    """How the rate is computed."""
    credit_type: CreditTypeData | None = None
    """Credit type the rate is expressed in."""
    custom_rate: dict[str, Any] | None = None
    """Definition of a CUSTOM rate; its shape depends on the rate."""
    is_prorated: bool | None = None
    """Whether a SUBSCRIPTION rate is prorated for partial periods."""
    price: float | None = None
    """Unit price for FLAT and SUBSCRIPTION rates, or the fraction for PERCENTAGE rates."""
    pricing_group_values: dict[str, str] | None = None
    """Pricing group values the rate applies to."""
    quantity: float | None = None
    """Default quantity for SUBSCRIPTION rates."""
    tiers: list[ListPriceTier] | None = None
    """Price tiers of a TIERED rate, in ascending order."""
    use_list_prices: bool | None = None
    """For PERCENTAGE rates, whether the percentage is taken of list prices rather than billed prices."""


class ListPriceTier(BaseModel):
    """One step of a tiered list rate."""

    price: float
    """Unit price inside this tier."""
    size: float | None = None
    """Number of units the tier spans; absent on the last, open-ended tier."""


class PostpaidCommit(BaseModel):
    """Reference to the postpaid commit a true-up line item pays for."""

    id: str
    """Id of the postpaid commit."""


class RegenerateInvoiceResponse(BaseModel):
    """Result of a regeneration request."""

    data: InvoiceReference | None = None
    """The newly generated invoice; may be missing."""


class ResellerRoyalty(BaseModel):
    """Share of revenue owed to a reseller or marketplace for this invoice."""

    fraction: str
    """Royalty share as a decimal string, e.g. "0.03"."""
    netsuite_reseller_id: str
    """NetSuite id of the reseller."""
    reseller_type: OpenEnum[Literal["AWS", "AWS_PRO_SERVICE", "GCP", "GCP_PRO_SERVICE"]]
    """Marketplace or reseller channel."""
    aws_options: ResellerRoyaltyAwsOptions | None = None
    """AWS-specific settings; set for AWS reseller types."""
    gcp_options: ResellerRoyaltyGcpOptions | None = None
    """Google Cloud-specific settings; set for GCP reseller types."""


class ResellerRoyaltyAwsOptions(BaseModel):
    """AWS Marketplace details of a reseller royalty."""

    aws_account_number: str | None = None
    """AWS account number of the buyer."""
    aws_offer_id: str | None = None
    """AWS Marketplace offer id."""
    aws_payer_reference_id: str | None = None
    """AWS payer reference id."""


class ResellerRoyaltyGcpOptions(BaseModel):
    """Google Cloud Marketplace details of a reseller royalty."""

    gcp_account_id: str | None = None
    """Google Cloud billing account of the buyer."""
    gcp_offer_id: str | None = None
    """Google Cloud Marketplace offer id."""


class RevenueSystemInvoice(BaseModel):
    """The state of an invoice's copy in a connected revenue system."""

    revenue_system_external_entity_type: str
    """Kind of record the invoice became in the revenue system."""
    revenue_system_provider: str
    """Which revenue system holds the copy."""
    sync_status: str
    """How far the sync of this invoice has got."""
    error_message: str | None = None
    """Error the revenue system reported, if any."""
    revenue_system_external_entity_id: str | None = None
    """Id of the record inside the revenue system, once it exists."""


class SubLineItemTier(BaseModel):
    """The share of a sub-line item's quantity that falls into one price tier."""

    starting_at: float
    """Metric amount at which the tier begins."""
    quantity: float
    """Quantity billed inside this tier."""
    price: float
    """Unit price inside this tier."""
    subtotal: float
    """Amount billed inside this tier."""


class TierPeriod(BaseModel):
    """The time range over which a tier's quantity is accumulated."""

    starting_at: datetime
    """When the tier period began."""
    ending_before: datetime | None = None
    """When the tier period ends, exclusive."""


class VoidInvoiceResponse(BaseModel):
    """Result of a void request."""

    data: InvoiceReference | None = None
    """The invoice that was voided; may be missing."""


__all__ = [
    "AddChargeResponse",
    "AppliedCommitOrCredit",
    "ConstituentInvoice",
    "CorrectionRecord",
    "CreateHistoricalInvoicesResponse",
    "CreditTypeData",
    "ExternalInvoice",
    "ExternalInvoiceTax",
    "Invoice",
    "BreakdownInvoice",
    "InvoiceAdjustment",
    "InvoiceBreakdownListResponse",
    "InvoiceLineItem",
    "InvoiceListResponse",
    "InvoicePayer",
    "InvoiceReference",
    "InvoiceRetrieveResponse",
    "InvoiceSubLineItem",
    "LineItemOrigin",
    "LineItemTier",
    "ListPrice",
    "ListPriceTier",
    "PostpaidCommit",
    "RegenerateInvoiceResponse",
    "ResellerRoyalty",
    "ResellerRoyaltyAwsOptions",
    "ResellerRoyaltyGcpOptions",
    "RevenueSystemInvoice",
    "SubLineItemTier",
    "TierPeriod",
    "VoidInvoiceResponse",
]

# Where each model comes from in the spec: a response that does not match names the place to fix.
_SPEC_POINTERS: dict[str, str] = {
    "AddChargeResponse": "#/components/schemas/AddChargeResponse",
    "AppliedCommitOrCredit": "#/components/schemas/AppliedCommitOrCredit",
    "ConstituentInvoice": "#/components/schemas/ConstituentInvoice",
    "CorrectionRecord": "#/components/schemas/CorrectionRecord",
    "CreateHistoricalInvoicesResponse": "#/components/schemas/CreateHistoricalInvoicesResponse",
    "CreditTypeData": "#/components/schemas/CreditTypeData",
    "ExternalInvoice": "#/components/schemas/ExternalInvoice",
    "ExternalInvoiceTax": "#/components/schemas/ExternalInvoiceTax",
    "Invoice": "#/components/schemas/Invoice",
    "BreakdownInvoice": "#/components/schemas/BreakdownInvoice",
    "BreakdownInvoice.breakdown_start_timestamp": "#/components/schemas/BreakdownInvoice/allOf/1",
    "BreakdownInvoice.breakdown_end_timestamp": "#/components/schemas/BreakdownInvoice/allOf/1",
    "InvoiceAdjustment": "#/components/schemas/InvoiceAdjustment",
    "InvoiceBreakdownListResponse": "#/components/schemas/InvoiceBreakdownListResponse",
    "InvoiceLineItem": "#/components/schemas/InvoiceLineItem",
    "InvoiceListResponse": "#/components/schemas/InvoiceListResponse",
    "InvoicePayer": "#/components/schemas/InvoicePayer",
    "InvoiceReference": "#/components/schemas/InvoiceReference",
    "InvoiceRetrieveResponse": "#/components/schemas/InvoiceRetrieveResponse",
    "InvoiceSubLineItem": "#/components/schemas/InvoiceSubLineItem",
    "LineItemOrigin": "#/components/schemas/LineItemOrigin",
    "LineItemTier": "#/components/schemas/LineItemTier",
    "ListPrice": "#/components/schemas/ListPrice",
    "ListPriceTier": "#/components/schemas/ListPriceTier",
    "PostpaidCommit": "#/components/schemas/PostpaidCommit",
    "RegenerateInvoiceResponse": "#/components/schemas/RegenerateInvoiceResponse",
    "ResellerRoyalty": "#/components/schemas/ResellerRoyalty",
    "ResellerRoyaltyAwsOptions": "#/components/schemas/ResellerRoyaltyAwsOptions",
    "ResellerRoyaltyGcpOptions": "#/components/schemas/ResellerRoyaltyGcpOptions",
    "RevenueSystemInvoice": "#/components/schemas/RevenueSystemInvoice",
    "SubLineItemTier": "#/components/schemas/SubLineItemTier",
    "TierPeriod": "#/components/schemas/TierPeriod",
    "VoidInvoiceResponse": "#/components/schemas/VoidInvoiceResponse",
}
