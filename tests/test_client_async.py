"""The async client against recorded responses: same requests, same results as the sync client."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import FIXTURES, Replay, fixture_json
from test_client import CUSTOMER, INVOICE, query

pytestmark = pytest.mark.anyio


async def test_retrieve(async_client: Any, replay: Replay) -> None:
    replay.add_json("retrieveInvoice.json")
    result = await async_client.v1.customers.invoices.retrieve(
        customer_id=CUSTOMER, invoice_id=INVOICE, skip_zero_qty_line_items=False
    )
    request = replay.recorded.last
    assert request.method == "GET"
    assert request.url.path == f"/v1/customers/{CUSTOMER}/invoices/{INVOICE}"
    assert query(request) == {"skip_zero_qty_line_items": ["false"]}
    assert request.headers["authorization"] == "Bearer test-token"
    assert result.to_dict() == fixture_json("retrieveInvoice.json")


async def test_async_for_walks_every_page(async_client: Any, replay: Replay) -> None:
    replay.add_json("listInvoices_page1.json")
    replay.add_json("listInvoices_page2.json")
    ids = [
        invoice.id async for invoice in async_client.v1.customers.invoices.list(customer_id=CUSTOMER, limit=2)
    ]
    assert len(ids) == 3
    first, second = replay.recorded.requests
    assert query(first) == {"limit": ["2"]}
    assert query(second) == {"limit": ["2"], "next_page": ["MjAyNS0wMS0wMXxkN2RmMDM2MS0yMDg1"]}


async def test_awaiting_a_list_gives_the_first_page(async_client: Any, replay: Replay) -> None:
    replay.add_json("listInvoices_page1.json")
    replay.add_json("listInvoices_page2.json")
    page = await async_client.v1.customers.invoices.list(customer_id=CUSTOMER, sort="date_desc")
    assert len(page.items) == 2
    assert page.items[0].line_items[1].presentation_group_values == {"team": "platform", "environment": None}
    assert page.has_next_page()
    nxt = await page.get_next_page()
    assert [i.id for i in nxt.items] == ["d7df0361-2085-4c50-8090-eb99be6fe37d"]
    assert query(replay.recorded.last)["sort"] == ["date_desc"]


async def test_breakdowns(async_client: Any, replay: Replay) -> None:
    replay.add_json("listInvoiceBreakdowns_page1.json")
    replay.add_json("listInvoiceBreakdowns_page2.json")
    paginator = async_client.v1.customers.invoices.list_breakdowns(
        customer_id=CUSTOMER,
        starting_on=datetime(2025, 3, 1, tzinfo=timezone.utc),
        ending_before="2025-03-04T00:00:00Z",
    )
    items = [item async for item in paginator]
    assert [i.breakdown_start_timestamp.day for i in items] == [1, 2, 3]
    assert items[0].line_items[1].presentation_group_values == {"team": None}


async def test_pdf_download_and_stream(async_client: Any, replay: Replay, tmp_path: Path) -> None:
    pdf = (FIXTURES / "invoice.pdf").read_bytes()
    replay.add(httpx.Response(200, content=pdf, headers={"content-type": "application/pdf"}))
    downloaded = await async_client.v1.customers.invoices.retrieve_pdf(
        customer_id=CUSTOMER, invoice_id=INVOICE
    )
    assert downloaded.content == pdf
    assert replay.recorded.last.headers["accept"] == "application/pdf"
    replay.add(httpx.Response(200, content=pdf, headers={"content-type": "application/pdf"}))
    target = tmp_path / "a.pdf"
    async with async_client.v1.customers.invoices.with_streaming_response.retrieve_pdf(
        customer_id=CUSTOMER, invoice_id=INVOICE
    ) as response:
        assert await response.stream_to_file(target) == len(pdf)
    assert target.read_bytes() == pdf


async def test_writes(async_client: Any, replay: Replay) -> None:
    replay.add_json("addCharge.json")
    replay.add_json("createHistoricalInvoices.json")
    replay.add_json("regenerateInvoice.json")
    replay.add_json("voidInvoice_nodata.json")
    with pytest.warns(DeprecationWarning):
        await async_client.v1.customers.invoices.add_charge(
            customer_id=CUSTOMER,
            charge_id="c",
            customer_plan_id="p",
            description="d",
            invoice_start_timestamp="2025-03-01T00:00:00Z",
            price=1,
            quantity=2,
        )
    assert replay.recorded.json()["invoice_start_timestamp"] == "2025-03-01T00:00:00Z"
    created = await async_client.v1.contracts.create_historical_invoices(invoices=[], preview=False)
    assert replay.recorded.json() == {"invoices": [], "preview": False}
    assert len(created.data) == 2
    regenerated = await async_client.v1.invoices.regenerate(id=INVOICE)
    assert regenerated.data.id == "51e32ff0-272b-442c-bab1-c2d8bfd281ad"
    voided = await async_client.v1.invoices.void(id=INVOICE)
    assert voided.data is None
    keys = [r.headers["idempotency-key"] for r in replay.recorded.requests]
    assert len(set(keys)) == 4


async def test_errors_and_bad_arguments(async_client: Any, replay: Replay) -> None:
    from metronome_client import ArgumentError, NotFoundError

    replay.add_json("error_404.json", status=404)
    with pytest.raises(NotFoundError) as caught:
        await async_client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE)
    assert caught.value.status_code == 404
    assert caught.value.body == fixture_json("error_404.json")
    with pytest.raises(ArgumentError, match="window_size"):
        async_client.v1.customers.invoices.list_breakdowns(
            customer_id=CUSTOMER,
            starting_on="2025-03-01T00:00:00Z",
            ending_before="2025-03-04T00:00:00Z",
            window_size="WEEK",
        )
    assert len(replay.recorded.requests) == 1


async def test_raw_response(async_client: Any, replay: Replay) -> None:
    replay.add_json("voidInvoice.json", headers={"x-request-id": "abc"})
    raw = await async_client.v1.invoices.with_raw_response.void(id=INVOICE)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "abc"
    parsed = await raw.parse()
    assert parsed.data.id == "0895ac87-b131-4175-84dd-82cd63e7b49a"
    replay.add_json("listInvoices_page2.json")
    raw_page = await async_client.with_raw_response.v1.customers.invoices.list(customer_id=CUSTOMER)
    page = await raw_page.parse()
    assert len(page.items) == 1


async def test_async_context_manager_closes_its_own_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    from metronome_client import AsyncMetronome

    monkeypatch.setenv("METRONOME_BEARER_TOKEN", "t")
    async with AsyncMetronome() as sdk:
        pool = sdk._client
        assert not pool.is_closed
    assert pool.is_closed
