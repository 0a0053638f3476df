"""Response models (pydantic) and request parameter types (TypedDict) of the API.

Both load on first use of any name here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._responses import AddChargeResponse as AddChargeResponse
    from ._responses import AppliedCommitOrCredit as AppliedCommitOrCredit
    from ._responses import ConstituentInvoice as ConstituentInvoice
    from ._responses import CorrectionRecord as CorrectionRecord
    from ._responses import CreateHistoricalInvoicesResponse as CreateHistoricalInvoicesResponse
    from ._responses import CreditTypeData as CreditTypeData
    from ._responses import ExternalInvoice as ExternalInvoice
    from ._responses import ExternalInvoiceTax as ExternalInvoiceTax
    from ._responses import Invoice as Invoice
    from ._responses import BreakdownInvoice as BreakdownInvoice
    from ._responses import InvoiceAdjustment as InvoiceAdjustment
    from ._responses import InvoiceBreakdownListResponse as InvoiceBreakdownListResponse
    from ._responses import InvoiceLineItem as InvoiceLineItem
    from ._responses import InvoiceListResponse as InvoiceListResponse
    from ._responses import InvoicePayer as InvoicePayer
    from ._responses import InvoiceReference as InvoiceReference
    from ._responses import InvoiceRetrieveResponse as InvoiceRetrieveResponse
    from ._responses import InvoiceSubLineItem as InvoiceSubLineItem
    from ._responses import LineItemOrigin as LineItemOrigin
    from ._responses import LineItemTier as LineItemTier
    from ._responses import ListPrice as ListPrice
    from ._responses import ListPriceTier as ListPriceTier
    from ._responses import PostpaidCommit as PostpaidCommit
    from ._responses import RegenerateInvoiceResponse as RegenerateInvoiceResponse
    from ._responses import ResellerRoyalty as ResellerRoyalty
    from ._responses import ResellerRoyaltyAwsOptions as ResellerRoyaltyAwsOptions
    from ._responses import ResellerRoyaltyGcpOptions as ResellerRoyaltyGcpOptions
    from ._responses import RevenueSystemInvoice as RevenueSystemInvoice
    from ._responses import SubLineItemTier as SubLineItemTier
    from ._responses import TierPeriod as TierPeriod
    from ._responses import VoidInvoiceResponse as VoidInvoiceResponse
    from ._params import HistoricalInvoiceParam as HistoricalInvoiceParam
    from ._params import HistoricalUsageLineItemParam as HistoricalUsageLineItemParam
    from ._params import SubtotalWithQuantityParam as SubtotalWithQuantityParam

__all__: list[str] = [
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
    "HistoricalInvoiceParam",
    "HistoricalUsageLineItemParam",
    "SubtotalWithQuantityParam",
]

_PARAMS: frozenset[str] = frozenset(
    {
        "HistoricalInvoiceParam",
        "HistoricalUsageLineItemParam",
        "SubtotalWithQuantityParam",
    }
)


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module = importlib.import_module("._params" if name in _PARAMS else "._responses", __name__)
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
