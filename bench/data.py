"""Deterministic, realistic response bodies for the benchmarks.

The invoice page is built from the invoice in ``tests/fixtures/responses/retrieveInvoice.json``:
its line items are cycled to the requested count and every id, amount, quantity, name and date is
varied with a seeded ``random.Random``, so the same arguments always give the same bytes.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

__all__ = ["FIXTURE", "fixture_bytes", "fixture_invoice", "invoice_page", "invoice_page_bytes"]

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "responses" / "retrieveInvoice.json"

_ID_KEYS = frozenset(
    {
        "id",
        "customer_id",
        "contract_id",
        "amendment_id",
        "product_id",
        "commit_id",
        "commit_segment_id",
        "charge_id",
        "scheduled_charge_id",
        "professional_service_id",
        "discount_id",
        "credit_grant_id",
    }
)
_AMOUNT_KEYS = frozenset({"total", "subtotal", "quantity", "unit_price", "price"})
_TIME_KEYS = frozenset(
    {
        "start_timestamp",
        "end_timestamp",
        "issued_at",
        "starting_at",
        "ending_before",
        "start_date",
        "end_date",
        "netsuite_invoice_billing_start",
        "netsuite_invoice_billing_end",
        "issued_at_timestamp",
    }
)
_STATUSES = ("DRAFT", "FINALIZED", "FINALIZED", "FINALIZED", "VOID")
_TYPES = ("USAGE", "USAGE", "SCHEDULED", "PLAN_ARREARS")
_REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2")


def fixture_bytes() -> bytes:
    """The recorded ``retrieveInvoice`` response, as served by the loopback server."""
    return FIXTURE.read_bytes()


def fixture_invoice() -> dict[str, Any]:
    """The invoice object inside the recorded ``retrieveInvoice`` response."""
    envelope: dict[str, Any] = json.loads(fixture_bytes())
    invoice: dict[str, Any] = envelope["data"]
    return invoice


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _rfc3339(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _vary(value: Any, key: str, rng: random.Random, period_start: datetime) -> Any:
    """A copy of ``value`` with ids, amounts and timestamps changed, keeping types and shape."""
    if isinstance(value, dict):
        return {k: _vary(v, k, rng, period_start) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary(item, key, rng, period_start) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if key in _ID_KEYS and isinstance(value, str):
        return _uuid(rng)
    if key in _AMOUNT_KEYS and isinstance(value, (int, float)):
        if value == 0:
            return 0
        scaled = value * rng.uniform(0.5, 1.5)
        # Mostly integers (cents), sometimes fractional, as real invoices are.
        return round(scaled, 2) if rng.random() < 0.3 else round(scaled)
    if key in _TIME_KEYS and isinstance(value, str):
        return _rfc3339(period_start + timedelta(hours=rng.randrange(0, 24 * 28)))
    return value


def invoice_page(invoices: int = 500, line_items: int = 20, seed: int = 20250301) -> dict[str, Any]:
    """A ``{"data": [...], "next_page": ...}`` page of ``invoices`` invoices with ``line_items`` each."""
    rng = random.Random(seed)
    template = fixture_invoice()
    template_items: list[dict[str, Any]] = template["line_items"]
    epoch = datetime(2024, 1, 1, tzinfo=timezone.utc)
    data: list[dict[str, Any]] = []
    for number in range(invoices):
        period_start = epoch + timedelta(days=28 * (number % 24))
        items: list[dict[str, Any]] = []
        for index in range(line_items):
            item = _vary(template_items[index % len(template_items)], "", rng, period_start)
            if "group_value" in item:
                item["group_value"] = rng.choice(_REGIONS)
                item["pricing_group_values"] = {"region": item["group_value"]}
            items.append(item)
        invoice = _vary({k: v for k, v in template.items() if k != "line_items"}, "", rng, period_start)
        invoice["line_items"] = items
        invoice["status"] = rng.choice(_STATUSES)
        invoice["type"] = rng.choice(_TYPES)
        invoice["start_timestamp"] = _rfc3339(period_start)
        invoice["end_timestamp"] = _rfc3339(period_start + timedelta(days=28))
        invoice["issued_at"] = invoice["end_timestamp"]
        invoice["subtotal"] = sum(item["total"] for item in items)
        invoice["total"] = invoice["subtotal"] + sum(adj["total"] for adj in invoice["invoice_adjustments"])
        invoice["custom_fields"] = {"po_number": f"PO-{rng.randrange(10000, 99999)}"}
        data.append(invoice)
    return {"data": data, "next_page": _uuid(rng)}


def invoice_page_bytes(invoices: int = 500, line_items: int = 20, seed: int = 20250301) -> bytes:
    """The page serialized as an API server would send it."""
    return json.dumps(invoice_page(invoices, line_items, seed), separators=(", ", ": ")).encode("utf-8")


def drifted_invoice_page_bytes(invoices: int = 500, line_items: int = 20, seed: int = 20250301) -> bytes:
    """The same page with one value among all its line items that the spec does not allow.

    A number where the spec says a string, in one line item's ``presentation_group_values``
    (the kind of mismatch a real server sends): the page must still parse, the rest typed.
    """
    page = invoice_page(invoices, line_items, seed)
    item = page["data"][invoices // 2]["line_items"][line_items // 2]
    item["presentation_group_values"] = {**(item.get("presentation_group_values") or {}), "region": 7}
    return json.dumps(page, separators=(", ", ": ")).encode("utf-8")
