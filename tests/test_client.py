"""The generated client against recorded responses: what it sends, and what it parses.

Every one of the eight operations is called through the real clients; the transport only records
the request and replays recorded bytes. Each test taking ``sdk`` or ``make_sdk`` runs twice, with
the sync ``Metronome`` and with the async ``AsyncMetronome`` (see ``conftest.ClientMaker``), the
same body for both: ``settle``, ``collect`` and ``entered`` (``_calls.py``) await what the async
client returns and take the sync client's results as they are.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

import metronome_client
from _calls import collect, entered, settle
from _sdk import Client, ClientMaker, Kind
from conftest import FIXTURES, Replay, fixture_json
from metronome_client import (
    NOT_GIVEN,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ArgumentError,
    AsyncMetronome,
    InternalServerError,
    Metronome,
    MetronomeError,
    NotFoundError,
    omit,
)
from metronome_client._base_client import CallOptions, Operation

CUSTOMER = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
INVOICE = "810ad71f-ddbb-43e8-af50-4f1d7ce3c049"


def query(request: httpx.Request) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, value in request.url.params.multi_items():
        found.setdefault(key, []).append(value)
    return found


def loose(model: object) -> Any:
    """A model read by names the spec does not declare: the fields it keeps from a newer server."""
    return model


# --------------------------------------------------------------------------------------------- retrieve


@pytest.mark.anyio
@pytest.mark.parametrize(("skip", "sent"), [(True, "true"), (False, "false")])
async def test_retrieve_sends_the_documented_request_and_parses_the_invoice(
    sdk: Client, replay: Replay, skip: bool, sent: str
) -> None:
    replay.add_json("retrieveInvoice.json")
    result = await settle(
        sdk.v1.customers.invoices.retrieve(
            customer_id=CUSTOMER, invoice_id=INVOICE, skip_zero_qty_line_items=skip
        )
    )
    request = replay.recorded.last
    assert request.method == "GET"
    assert request.url.host == "api.metronome.com"
    assert request.url.path == f"/v1/customers/{CUSTOMER}/invoices/{INVOICE}"
    assert query(request) == {"skip_zero_qty_line_items": [sent]}
    assert request.headers["authorization"] == "Bearer test-token"
    assert request.headers["accept"] == "application/json"
    assert request.headers["user-agent"].startswith("metronome_client/0.1.0 ")
    assert "content-type" not in request.headers
    assert "idempotency-key" not in request.headers
    assert request.content == b""

    expected = fixture_json("retrieveInvoice.json")["data"]
    invoice = result.data
    assert type(result).__name__ == "InvoiceRetrieveResponse"
    assert invoice.id == expected["id"]
    assert invoice.total == expected["total"]
    assert invoice.status == expected["status"]
    assert len(invoice.line_items) == len(expected["line_items"])
    assert invoice.start_timestamp == datetime(2025, 2, 1, tzinfo=timezone.utc)
    assert invoice.start_timestamp.tzinfo is not None
    assert invoice.credit_type.name == expected["credit_type"]["name"]
    first = invoice.line_items[0]
    assert first.type == expected["line_items"][0]["type"]
    assert first.sub_line_items is not None
    assert [s.name for s in first.sub_line_items] == [
        s["name"] for s in expected["line_items"][0]["sub_line_items"]
    ]
    # A presentation group without a value for this line item comes back as null, next to real values.
    assert first.presentation_group_values == {"team": "ml-research", "cost_center": None}
    assert invoice.line_items[2].tier is not None and invoice.line_items[2].tier.size is None
    # The whole document round-trips: nothing is dropped, unknown fields included.
    assert result.to_dict() == fixture_json("retrieveInvoice.json")


@pytest.mark.anyio
async def test_unknown_fields_are_kept_and_readable(sdk: Client, replay: Replay) -> None:
    replay.add_json("retrieveInvoice.json")
    invoice = (
        await settle(sdk.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))
    ).data
    assert loose(invoice).future_field == {"rollout": "beta", "score": 0.93}
    assert invoice.model_extra == {"future_field": {"rollout": "beta", "score": 0.93}}
    assert loose(invoice.line_items[0]).future_field == {"kind": "experimental", "weight": 2}


@pytest.mark.anyio
async def test_newer_server_values_parse_without_error(sdk: Client, replay: Replay) -> None:
    """Unknown enum values are kept (and reported as drift); unknown fields are kept silently."""
    tolerant = sdk.with_options(strict_response_validation=False)
    body = fixture_json("retrieveInvoice.json")
    invoice = body["data"]
    invoice["status"] = "PENDING_APPROVAL"
    invoice["billable_status"] = "partially_billable"
    invoice["line_items"][0]["type"] = "brand_new_line_item_type"
    invoice["line_items"][0]["list_price"]["rate_type"] = "DYNAMIC"
    invoice["external_invoice"] = {"billing_provider_type": "new_marketplace", "external_status": "ARCHIVED"}
    invoice["line_items"][0]["sub_line_items"][0]["brand_new"] = [1, 2, 3]
    replay.add(httpx.Response(200, json=body))
    result = await settle(tolerant.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))
    parsed = result.data
    assert parsed.status == "PENDING_APPROVAL"
    assert parsed.billable_status == "partially_billable"
    assert parsed.line_items[0].type == "brand_new_line_item_type"
    list_price = parsed.line_items[0].list_price
    assert list_price is not None and list_price.rate_type == "DYNAMIC"
    assert parsed.external_invoice is not None
    assert parsed.external_invoice.billing_provider_type == "new_marketplace"
    assert parsed.external_invoice.external_status == "ARCHIVED"
    sub_line_items = parsed.line_items[0].sub_line_items
    assert sub_line_items is not None and loose(sub_line_items[0]).brand_new == [1, 2, 3]
    assert sorted((d.path, d.kind) for d in result.drift) == [
        ("$.data.billable_status", "literal_error"),
        ("$.data.external_invoice.billing_provider_type", "literal_error"),
        ("$.data.external_invoice.external_status", "literal_error"),
        ("$.data.line_items[0].list_price.rate_type", "literal_error"),
    ]


@pytest.mark.anyio
async def test_known_enum_values_still_parse_to_the_same_strings(sdk: Client, replay: Replay) -> None:
    replay.add_json("retrieveInvoice.json")
    invoice = (
        await settle(sdk.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))
    ).data
    assert invoice.billable_status in ("billable", "unbillable")


# --------------------------------------------------------------------------------------------- list


@pytest.mark.anyio
async def test_list_sends_every_filter_in_wire_format(sdk: Client, replay: Replay) -> None:
    replay.add_json("listInvoices_page2.json")
    page = await settle(
        sdk.v1.customers.invoices.list(
            customer_id=CUSTOMER,
            contract_id="d7abd0cd-4ae9-4db7-8676-e986a4ebd8dc",
            credit_type_id="2714e483-4ff1-48e4-9e25-ac732e8f24f2",
            starting_on=datetime(2025, 1, 1, 9, 30, tzinfo=timezone(timedelta(hours=2))),
            ending_before=datetime(2025, 2, 1),
            include_historical_commit_invoices=False,
            limit=25,
            skip_zero_qty_line_items=True,
            sort="date_asc",
            status="FINALIZED",
            type="USAGE",
            webhook_notification_id="3e4c9a2f-58d1-4b7e-9f06-c2a1d8e5b743",
        )
    )
    request = replay.recorded.last
    assert request.url.path == f"/v1/customers/{CUSTOMER}/invoices"
    assert query(request) == {
        "contract_id": ["d7abd0cd-4ae9-4db7-8676-e986a4ebd8dc"],
        "credit_type_id": ["2714e483-4ff1-48e4-9e25-ac732e8f24f2"],
        "starting_on": ["2025-01-01T07:30:00Z"],
        "ending_before": ["2025-02-01T00:00:00Z"],
        "include_historical_commit_invoices": ["false"],
        "limit": ["25"],
        "skip_zero_qty_line_items": ["true"],
        "sort": ["date_asc"],
        "status": ["FINALIZED"],
        "type": ["USAGE"],
        "webhook_notification_id": ["3e4c9a2f-58d1-4b7e-9f06-c2a1d8e5b743"],
    }
    assert [invoice.id for invoice in page.items] == ["d7df0361-2085-4c50-8090-eb99be6fe37d"]


@pytest.mark.anyio
async def test_optional_filters_left_out_are_not_sent(sdk: Client, replay: Replay) -> None:
    replay.add_json("listInvoices_page2.json")
    await settle(sdk.v1.customers.invoices.list(customer_id=CUSTOMER))
    assert query(replay.recorded.last) == {}


@pytest.mark.anyio
async def test_iterating_a_page_walks_every_page_keeping_the_filters(sdk: Client, replay: Replay) -> None:
    replay.add_json("listInvoices_page1.json")
    replay.add_json("listInvoices_page2.json")
    ids = [
        invoice.id
        for invoice in await collect(
            sdk.v1.customers.invoices.list(customer_id=CUSTOMER, limit=2, status="DRAFT")
        )
    ]
    assert ids == [
        "5b136027-d357-4789-b2fb-636634374416",
        "810ad71f-ddbb-43e8-af50-4f1d7ce3c049",
        "d7df0361-2085-4c50-8090-eb99be6fe37d",
    ]
    first, second = replay.recorded.requests
    assert query(first) == {"limit": ["2"], "status": ["DRAFT"]}
    assert query(second) == {
        "limit": ["2"],
        "status": ["DRAFT"],
        "next_page": ["MjAyNS0wMS0wMXxkN2RmMDM2MS0yMDg1"],
    }
    assert second.url.path == first.url.path
    assert second.headers["authorization"] == "Bearer test-token"


@pytest.mark.anyio
async def test_page_can_be_stepped_by_hand(sdk: Client, replay: Replay) -> None:
    replay.add_json("listInvoices_page1.json")
    replay.add_json("listInvoices_page2.json")
    page = await settle(sdk.v1.customers.invoices.list(customer_id=CUSTOMER, sort="date_desc"))
    assert len(page.items) == 2
    draft = page.items[0]
    assert draft.external_invoice is None  # sent as null on the draft
    assert draft.line_items[1].presentation_group_values == {"team": "platform", "environment": None}
    assert page.items[1].external_invoice is not None
    assert page.has_next_page()
    assert page.next_cursor == "MjAyNS0wMS0wMXxkN2RmMDM2MS0yMDg1"
    assert len(replay.recorded.requests) == 1  # nothing fetched ahead of time
    last = await settle(page.get_next_page())
    assert [i.id for i in last.items] == ["d7df0361-2085-4c50-8090-eb99be6fe37d"]
    assert query(replay.recorded.last)["sort"] == ["date_desc"]  # the next page keeps the filters
    assert not last.has_next_page()
    assert last.next_cursor is None
    with pytest.raises(LookupError):
        await settle(last.get_next_page())
    replay.add_json("listInvoices_page2.json")
    assert [len(p.items) for p in await collect(page.iter_pages())] == [2, 1]
    assert len(replay.recorded.requests) == 3


@pytest.mark.anyio
async def test_breakdowns_require_the_window_and_stop_on_an_empty_cursor(sdk: Client, replay: Replay) -> None:
    replay.add_json("listInvoiceBreakdowns_page1.json")
    replay.add_json("listInvoiceBreakdowns_page2.json")
    items = await collect(
        sdk.v1.customers.invoices.list_breakdowns(
            customer_id=CUSTOMER,
            starting_on="2025-03-01T00:00:00Z",
            ending_before=datetime(2025, 3, 4, tzinfo=timezone.utc),
            window_size="DAY",
        )
    )
    assert len(items) == 3
    assert [i.breakdown_start_timestamp.day for i in items] == [1, 2, 3]
    assert items[0].line_items[1].presentation_group_values == {"team": None}
    assert all(i.breakdown_end_timestamp > i.breakdown_start_timestamp for i in items)
    first, second = replay.recorded.requests
    assert query(first) == {
        "starting_on": ["2025-03-01T00:00:00Z"],
        "ending_before": ["2025-03-04T00:00:00Z"],
        "window_size": ["DAY"],
    }
    assert query(second)["next_page"] == ["YnJlYWtkb3dufDIwMjUtMDMtMDM"]
    with pytest.raises(TypeError, match="starting_on"):
        sdk.v1.customers.invoices.list_breakdowns(  # type: ignore[call-arg]  # starting_on is required
            customer_id=CUSTOMER, ending_before="2025-03-04T00:00:00Z"
        )


@pytest.mark.anyio
async def test_breakdowns_take_datetimes_for_the_window(sdk: Client, replay: Replay) -> None:
    replay.add_json("listInvoiceBreakdowns_page1.json")
    replay.add_json("listInvoiceBreakdowns_page2.json")
    items = await collect(
        sdk.v1.customers.invoices.list_breakdowns(
            customer_id=CUSTOMER,
            starting_on=datetime(2025, 3, 1, tzinfo=timezone.utc),
            ending_before="2025-03-04T00:00:00Z",
        )
    )
    assert [i.breakdown_start_timestamp.day for i in items] == [1, 2, 3]
    assert items[0].line_items[1].presentation_group_values == {"team": None}
    assert query(replay.recorded.requests[0]) == {
        "starting_on": ["2025-03-01T00:00:00Z"],
        "ending_before": ["2025-03-04T00:00:00Z"],
    }


@pytest.mark.anyio
async def test_a_server_repeating_its_cursor_does_not_loop_forever(sdk: Client, replay: Replay) -> None:
    body = fixture_json("listInvoices_page1.json")
    replay.router = lambda request: httpx.Response(200, json=body)
    items = await collect(sdk.v1.customers.invoices.list(customer_id=CUSTOMER))
    assert len(replay.recorded.requests) == 2
    assert len(items) == 4


# --------------------------------------------------------------------------------------------- pdf


@pytest.mark.anyio
async def test_retrieve_pdf_asks_for_a_pdf_and_returns_its_bytes(
    sdk: Client, replay: Replay, tmp_path: Path
) -> None:
    pdf = (FIXTURES / "invoice.pdf").read_bytes()
    replay.add(httpx.Response(200, content=pdf, headers={"content-type": "application/pdf"}))
    downloaded = await settle(
        sdk.v1.customers.invoices.retrieve_pdf(customer_id=CUSTOMER, invoice_id=INVOICE)
    )
    request = replay.recorded.last
    assert request.method == "GET"
    assert request.url.path == f"/v1/customers/{CUSTOMER}/invoices/{INVOICE}/pdf"
    assert request.headers["accept"] == "application/pdf"
    assert downloaded.content == pdf
    assert downloaded.content.startswith(b"%PDF-1.4")
    assert downloaded.content_type == "application/pdf"
    target = tmp_path / "invoice.pdf"
    downloaded.write_to_file(target)
    assert target.read_bytes() == pdf


@pytest.mark.anyio
async def test_retrieve_pdf_streams_to_a_file(
    sdk: Client, make_sdk: ClientMaker, replay: Replay, tmp_path: Path
) -> None:
    pdf = (FIXTURES / "invoice.pdf").read_bytes()
    chunks = [pdf[i : i + 500] for i in range(0, len(pdf), 500)]
    replay.add(
        httpx.Response(200, content=make_sdk.chunked(chunks), headers={"content-type": "application/pdf"})
    )
    target = tmp_path / "streamed.pdf"
    async with entered(
        sdk.v1.customers.invoices.with_streaming_response.retrieve_pdf(
            customer_id=CUSTOMER, invoice_id=INVOICE
        )
    ) as response:
        assert response.status_code == 200
        assert not response.http_response.is_stream_consumed
        written = await settle(response.stream_to_file(target, chunk_size=256))
    assert written == len(pdf)
    assert target.read_bytes() == pdf
    assert response.http_response.is_closed

    # In one piece, with the default chunk size.
    replay.add(httpx.Response(200, content=pdf, headers={"content-type": "application/pdf"}))
    whole = tmp_path / "whole.pdf"
    async with entered(
        sdk.v1.customers.invoices.with_streaming_response.retrieve_pdf(
            customer_id=CUSTOMER, invoice_id=INVOICE
        )
    ) as response:
        assert await settle(response.stream_to_file(whole)) == len(pdf)
    assert whole.read_bytes() == pdf


# --------------------------------------------------------------------------------------------- writes


@pytest.mark.anyio
async def test_add_charge_posts_the_json_body_with_an_idempotency_key(sdk: Client, replay: Replay) -> None:
    replay.add_json("addCharge.json")
    with pytest.warns(DeprecationWarning, match="add_charge"):
        result = await settle(
            sdk.v1.customers.invoices.add_charge(
                customer_id=CUSTOMER,
                charge_id="5ae401dc-a648-4b49-9ac3-391bb5bc4d7b",
                customer_plan_id="a23b3cf4-47fb-4c3f-bb3d-9e64f7704015",
                description="Onboarding workshop",
                invoice_start_timestamp=datetime(2025, 3, 1, tzinfo=timezone.utc),
                price=25000,
                quantity=1.5,
            )
        )
    request = replay.recorded.last
    assert request.method == "POST"
    assert request.url.path == f"/v1/customers/{CUSTOMER}/addCharge"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["idempotency-key"].startswith("metronome_client-")
    assert replay.recorded.json() == {
        "charge_id": "5ae401dc-a648-4b49-9ac3-391bb5bc4d7b",
        "customer_plan_id": "a23b3cf4-47fb-4c3f-bb3d-9e64f7704015",
        "description": "Onboarding workshop",
        "invoice_start_timestamp": "2025-03-01T00:00:00Z",
        "price": 25000,
        "quantity": 1.5,
    }
    assert b'"price":25000,' in request.content  # an int stays an int on the wire
    assert type(result).__name__ == "AddChargeResponse"
    assert result.to_dict() == {}


@pytest.mark.anyio
async def test_create_historical_invoices_sends_nested_objects(sdk: Client, replay: Replay) -> None:
    replay.add_json("createHistoricalInvoices.json")
    result = await settle(
        sdk.v1.contracts.create_historical_invoices(
            invoices=[
                {
                    "customer_id": "13117714-3f05-48e5-a6e9-a66093f13b4d",
                    "contract_id": "d7abd0cd-4ae9-4db7-8676-e986a4ebd8dc",
                    "credit_type_id": "2714e483-4ff1-48e4-9e25-ac732e8f24f2",
                    "inclusive_start_date": datetime(2024, 1, 1, tzinfo=timezone.utc),
                    "exclusive_end_date": "2024-02-01T00:00:00Z",
                    "issue_date": datetime(2024, 2, 1),
                    "usage_line_items": [
                        {
                            "product_id": "f14d6729-6a44-4b13-9908-9387f1918790",
                            "inclusive_start_date": "2024-01-01T00:00:00Z",
                            "exclusive_end_date": "2024-02-01T00:00:00Z",
                            "quantity": 100,
                            "pricing_group_values": {"region": "eu-west-1"},
                            "subtotals_with_quantity": [
                                {
                                    "inclusive_start_date": "2024-01-01T00:00:00Z",
                                    "exclusive_end_date": "2024-01-02T00:00:00Z",
                                    "quantity": 3,
                                }
                            ],
                        }
                    ],
                    "billable_status": "unbillable",
                    "breakdown_granularity": "DAY",
                    "custom_fields": {"source": "migration"},
                }
            ],
            preview=True,
        )
    )
    request = replay.recorded.last
    assert request.method == "POST"
    assert request.url.path == "/v1/contracts/createHistoricalInvoices"
    sent = replay.recorded.json()
    assert sent["preview"] is True
    invoice = sent["invoices"][0]
    assert invoice["inclusive_start_date"] == "2024-01-01T00:00:00Z"
    assert invoice["issue_date"] == "2024-02-01T00:00:00Z"  # naive datetimes are taken as UTC
    assert invoice["usage_line_items"][0]["quantity"] == 100
    assert invoice["usage_line_items"][0]["subtotals_with_quantity"][0]["quantity"] == 3
    assert invoice["custom_fields"] == {"source": "migration"}
    assert [i.id for i in result.data] == [
        i["id"] for i in fixture_json("createHistoricalInvoices.json")["data"]
    ]


@pytest.mark.anyio
async def test_regenerate_returns_the_new_invoice_id(sdk: Client, replay: Replay) -> None:
    replay.add_json("regenerateInvoice.json")
    result = await settle(sdk.v1.invoices.regenerate(id=INVOICE))
    assert replay.recorded.last.url.path == "/v1/invoices/regenerate"
    assert replay.recorded.json() == {"id": INVOICE}
    assert result.data is not None
    assert result.data.id == "51e32ff0-272b-442c-bab1-c2d8bfd281ad"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("fixture", "expected"),
    [("voidInvoice.json", "0895ac87-b131-4175-84dd-82cd63e7b49a"), ("voidInvoice_nodata.json", None)],
)
async def test_void_handles_data_present_or_absent(
    sdk: Client, replay: Replay, fixture: str, expected: str | None
) -> None:
    replay.add_json(fixture)
    result = await settle(sdk.v1.invoices.void(id=INVOICE))
    assert replay.recorded.last.method == "POST"
    assert replay.recorded.last.url.path == "/v1/invoices/void"
    assert replay.recorded.json() == {"id": INVOICE}
    assert (result.data.id if result.data is not None else None) == expected


@pytest.mark.anyio
async def test_each_write_carries_its_own_idempotency_key(sdk: Client, replay: Replay) -> None:
    replay.add_json("addCharge.json")
    replay.add_json("createHistoricalInvoices.json")
    replay.add_json("regenerateInvoice.json")
    replay.add_json("voidInvoice_nodata.json")
    with pytest.warns(DeprecationWarning):
        await settle(
            sdk.v1.customers.invoices.add_charge(
                customer_id=CUSTOMER,
                charge_id="c",
                customer_plan_id="p",
                description="d",
                invoice_start_timestamp="2025-03-01T00:00:00Z",
                price=1,
                quantity=2,
            )
        )
    assert replay.recorded.json()["invoice_start_timestamp"] == "2025-03-01T00:00:00Z"
    created = await settle(sdk.v1.contracts.create_historical_invoices(invoices=[], preview=False))
    assert replay.recorded.json() == {"invoices": [], "preview": False}
    assert len(created.data) == 2
    regenerated = await settle(sdk.v1.invoices.regenerate(id=INVOICE))
    assert regenerated.data is not None and regenerated.data.id == "51e32ff0-272b-442c-bab1-c2d8bfd281ad"
    voided = await settle(sdk.v1.invoices.void(id=INVOICE))
    assert voided.data is None
    keys = [r.headers["idempotency-key"] for r in replay.recorded.requests]
    assert len(set(keys)) == 4


@pytest.mark.anyio
async def test_caller_supplied_idempotency_key_is_sent(sdk: Client, replay: Replay) -> None:
    replay.add_json("voidInvoice.json")
    await settle(sdk.v1.invoices.void(id=INVOICE, idempotency_key="order-42-void"))
    assert replay.recorded.last.headers["idempotency-key"] == "order-42-void"


# --------------------------------------------------------------------------------------------- errors


ERRORS = [
    (400, "BadRequestError"),
    (401, "AuthenticationError"),
    (403, "PermissionDeniedError"),
    (404, "NotFoundError"),
    (409, "ConflictError"),
    (422, "UnprocessableEntityError"),
    (429, "RateLimitError"),
    (500, "InternalServerError"),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("status", "class_name"), ERRORS)
async def test_each_error_status_raises_its_typed_error(
    sdk: Client, replay: Replay, status: int, class_name: str
) -> None:
    replay.add_json(f"error_{status}.json", status=status, headers={"x-request-id": "req_123"})
    with pytest.raises(metronome_client.APIStatusError) as caught:
        await settle(sdk.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))
    error = caught.value
    expected_body = fixture_json(f"error_{status}.json")
    assert type(error).__name__ == class_name
    assert isinstance(error, getattr(metronome_client, class_name))
    assert isinstance(error, metronome_client.APIError)
    assert isinstance(error, metronome_client.MetronomeError)
    assert error.status_code == status
    assert error.body == expected_body
    assert error.headers["x-request-id"] == "req_123"
    assert error.request_id == "req_123"
    assert expected_body["message"] in str(error)
    assert str(status) in str(error)
    assert error.response.status_code == status
    assert error.request.url.path.endswith(INVOICE)


@pytest.mark.anyio
async def test_a_missing_invoice_is_not_found_and_a_bad_window_is_refused_at_the_call(
    sdk: Client, replay: Replay
) -> None:
    replay.add_json("error_404.json", status=404)
    with pytest.raises(NotFoundError) as caught:
        await settle(sdk.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))
    assert caught.value.status_code == 404
    assert caught.value.body == fixture_json("error_404.json")
    # Refused by the call itself, before a page is awaited or iterated.
    with pytest.raises(ArgumentError, match="window_size"):
        sdk.v1.customers.invoices.list_breakdowns(
            customer_id=CUSTOMER,
            starting_on="2025-03-01T00:00:00Z",
            ending_before="2025-03-04T00:00:00Z",
            window_size="WEEK",  # type: ignore[arg-type]  # not one of the spec's values
        )
    assert len(replay.recorded.requests) == 1


@pytest.mark.anyio
@pytest.mark.parametrize("status", [502, 503, 504, 599])
async def test_every_5xx_is_an_internal_server_error(sdk: Client, replay: Replay, status: int) -> None:
    replay.add(httpx.Response(status, text="upstream unavailable"))
    with pytest.raises(InternalServerError) as caught:
        await settle(sdk.v1.invoices.void(id=INVOICE))
    assert caught.value.status_code == status
    assert caught.value.body == "upstream unavailable"
    assert "upstream unavailable" in str(caught.value)


@pytest.mark.anyio
async def test_an_unlisted_4xx_is_a_plain_status_error(sdk: Client, replay: Replay) -> None:
    replay.add(httpx.Response(418, json={"message": "short and stout"}))
    with pytest.raises(APIStatusError) as caught:
        await settle(sdk.v1.invoices.void(id=INVOICE))
    assert type(caught.value) is APIStatusError
    assert caught.value.status_code == 418


@pytest.mark.anyio
async def test_transport_failures_raise_connection_and_timeout_errors(make_sdk: ClientMaker) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    def stall(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    for handler, error in ((refuse, APIConnectionError), (stall, APITimeoutError)):
        async with entered(make_sdk(handler, bearer_token="t", max_retries=0)) as client:
            with pytest.raises(error) as caught:
                await settle(client.v1.invoices.void(id=INVOICE))
            assert type(caught.value) is error
            assert caught.value.request.url.path == "/v1/invoices/void"


@pytest.mark.anyio
async def test_a_response_that_does_not_match_the_schema_raises_a_validation_error(
    sdk: Client, replay: Replay
) -> None:
    replay.add(httpx.Response(200, json={"data": {"id": INVOICE}}))
    with pytest.raises(APIResponseValidationError) as caught:
        await settle(sdk.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))
    assert "InvoiceRetrieveResponse" in str(caught.value)
    assert "data.credit_type: Field required" in str(caught.value)
    replay.add(httpx.Response(200, content=b"<html>gateway</html>", headers={"content-type": "text/html"}))
    with pytest.raises(APIResponseValidationError):
        await settle(sdk.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))


# --------------------------------------------------------------------------------------------- arguments


@pytest.mark.anyio
async def test_path_parameters_are_percent_encoded(sdk: Client, replay: Replay) -> None:
    replay.add_json("retrieveInvoice.json")
    await settle(sdk.v1.customers.invoices.retrieve(customer_id="acme/eu", invoice_id="inv 1?x=#"))
    assert replay.recorded.last.url.raw_path == b"/v1/customers/acme%2Feu/invoices/inv%201%3Fx%3D%23"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"customer_id": "", "invoice_id": INVOICE}, "non-empty value for path argument `customer_id`"),
        ({"customer_id": CUSTOMER, "invoice_id": ""}, "non-empty value for path argument `invoice_id`"),
        ({"customer_id": None, "invoice_id": INVOICE}, "customer_id: Input should be a valid string"),
        (
            {"customer_id": CUSTOMER, "invoice_id": INVOICE, "skip_zero_qty_line_items": "perhaps"},
            "skip_zero_qty_line_items",
        ),
    ],
)
async def test_bad_retrieve_arguments_fail_before_any_request(
    sdk: Client, replay: Replay, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(ArgumentError, match=r"v1\.customers\.invoices\.retrieve") as caught:
        await settle(sdk.v1.customers.invoices.retrieve(**kwargs))
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert replay.recorded.requests == []


@pytest.mark.anyio
async def test_bad_nested_arguments_name_the_place(sdk: Client, replay: Replay) -> None:
    wrong: Any = {  # deliberately not a valid HistoricalInvoiceParam
        "customer_id": "c",
        "contract_id": "k",
        "credit_type_id": "t",
        "inclusive_start_date": "not a date",
        "exclusive_end_date": "2024-02-01T00:00:00Z",
        "issue_date": "2024-02-01T00:00:00Z",
        "usage_line_items": [{"product_id": "p", "inclusive_start_date": "2024-01-01T00:00:00Z"}],
        "billable_status": "sometimes",
        "unexpected_key": 1,
    }
    with pytest.raises(ArgumentError) as caught:
        await settle(sdk.v1.contracts.create_historical_invoices(invoices=[wrong], preview=False))
    text = str(caught.value)
    assert "invoices[0].inclusive_start_date" in text
    assert "invoices[0].usage_line_items[0].exclusive_end_date: Field required" in text
    assert "invoices[0].billable_status: Input should be 'billable' or 'unbillable'" in text
    assert "invoices[0].unexpected_key: Extra inputs are not permitted" in text
    assert replay.recorded.requests == []


@pytest.mark.anyio
async def test_enum_and_type_mistakes_in_query_arguments(sdk: Client, replay: Replay) -> None:
    with pytest.raises(ArgumentError, match=r"sort: Input should be 'date_asc' or 'date_desc'"):
        await settle(sdk.v1.customers.invoices.list(customer_id=CUSTOMER, sort="newest"))  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="limit: Input should be a valid integer"):
        await settle(sdk.v1.customers.invoices.list(customer_id=CUSTOMER, limit="many"))  # type: ignore[arg-type]
    assert replay.recorded.requests == []


# --------------------------------------------------------------------------------------------- per-call options


@pytest.mark.anyio
async def test_extra_headers_query_and_body_are_sent(sdk: Client, replay: Replay) -> None:
    replay.add_json("voidInvoice.json")
    await settle(
        sdk.v1.invoices.void(
            id=INVOICE,
            extra_headers={"X-Trace": "abc", "User-Agent": omit},
            extra_query={"dry_run": True},
            extra_body={"reason": "duplicate"},
        )
    )
    request = replay.recorded.last
    assert request.headers["x-trace"] == "abc"
    assert "user-agent" not in request.headers or not request.headers["user-agent"].startswith(
        "metronome_client"
    )
    assert query(request) == {"dry_run": ["true"]}
    assert replay.recorded.json() == {"id": INVOICE, "reason": "duplicate"}


@pytest.mark.anyio
async def test_raw_response_gives_status_headers_and_the_parsed_result(sdk: Client, replay: Replay) -> None:
    replay.add_json("retrieveInvoice.json", headers={"x-request-id": "req_9"})
    raw = await settle(
        sdk.v1.customers.invoices.with_raw_response.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE)
    )
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "req_9"
    assert await settle(raw.json()) == fixture_json("retrieveInvoice.json")
    parsed = await settle(raw.parse())
    assert parsed.data.id == INVOICE
    assert await settle(raw.parse()) is parsed


@pytest.mark.anyio
async def test_raw_response_of_a_write_parses_to_its_result(sdk: Client, replay: Replay) -> None:
    replay.add_json("voidInvoice.json", headers={"x-request-id": "abc"})
    raw = await settle(sdk.v1.invoices.with_raw_response.void(id=INVOICE))
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "abc"
    parsed = await settle(raw.parse())
    assert parsed.data is not None and parsed.data.id == "0895ac87-b131-4175-84dd-82cd63e7b49a"


@pytest.mark.anyio
async def test_raw_response_of_a_list_parses_to_a_page(sdk: Client, replay: Replay) -> None:
    replay.add_json("listInvoices_page2.json")
    raw = await settle(sdk.with_raw_response.v1.customers.invoices.list(customer_id=CUSTOMER))
    page = await settle(raw.parse())
    assert [i.id for i in page.items] == ["d7df0361-2085-4c50-8090-eb99be6fe37d"]


# --------------------------------------------------------------------------------------------- client setup


@pytest.mark.anyio
async def test_client_reads_token_and_base_url_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, make_sdk: ClientMaker, replay: Replay
) -> None:
    monkeypatch.setenv("METRONOME_BEARER_TOKEN", "env-token")
    monkeypatch.setenv("METRONOME_BASE_URL", "https://sandbox.example.test/api")
    replay.add_json("voidInvoice.json")
    async with entered(make_sdk()) as client:
        await settle(client.v1.invoices.void(id=INVOICE))
    request = replay.recorded.last
    assert request.headers["authorization"] == "Bearer env-token"
    assert str(request.url) == "https://sandbox.example.test/api/v1/invoices/void"


@pytest.mark.anyio
async def test_missing_credentials_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, make_sdk: ClientMaker
) -> None:
    monkeypatch.delenv("METRONOME_BEARER_TOKEN", raising=False)
    with pytest.raises(MetronomeError, match="METRONOME_BEARER_TOKEN") as caught:
        make_sdk.client_class()
    assert "bearer_token" in str(caught.value)


@pytest.mark.anyio
async def test_default_base_url_and_settings(monkeypatch: pytest.MonkeyPatch, make_sdk: ClientMaker) -> None:
    monkeypatch.delenv("METRONOME_BASE_URL", raising=False)
    async with entered(make_sdk.client_class(bearer_token="t")) as client:
        assert client.base_url == httpx.URL("https://api.metronome.com/")
        assert client.max_retries == 2
        assert client.timeout == httpx.Timeout(60.0, connect=5.0)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": True}, "max_retries"),
        ({"http_client": object()}, "must be an {http}, got object"),
    ],
)
async def test_bad_client_arguments(make_sdk: ClientMaker, kwargs: dict[str, Any], message: str) -> None:
    http = "httpx.Client" if make_sdk.kind == "sync" else "httpx.AsyncClient"
    with pytest.raises(ArgumentError, match=message.format(http=http)):
        make_sdk.client_class(bearer_token="t", **kwargs)


@pytest.mark.anyio
async def test_with_options_changes_settings_and_shares_the_pool(sdk: Client, replay: Replay) -> None:
    replay.add_json("voidInvoice.json")
    tuned = sdk.with_options(max_retries=5, timeout=3.0, default_headers={"X-Team": "billing"})
    assert tuned.max_retries == 5
    assert tuned.timeout == 3.0
    assert tuned._client is sdk._client
    await settle(tuned.v1.invoices.void(id=INVOICE))
    assert replay.recorded.last.headers["x-team"] == "billing"
    await settle(tuned.close())
    assert not sdk._client.is_closed


@pytest.mark.anyio
async def test_a_context_manager_closes_the_pool_it_made(monkeypatch: pytest.MonkeyPatch, kind: Kind) -> None:
    monkeypatch.setenv("METRONOME_BEARER_TOKEN", "t")
    client: Client = Metronome() if kind == "sync" else AsyncMetronome()
    async with entered(client) as opened:
        pool = opened._client
        assert not pool.is_closed
    assert pool.is_closed


@pytest.mark.anyio
async def test_the_token_never_shows_in_repr_errors_or_logs(
    replay: Replay, make_sdk: ClientMaker, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    secret = "sk_live_very_secret_token_123"
    replay.add_json("error_401.json", status=401)
    caplog.set_level(logging.DEBUG)  # every logger, httpx's and httpcore's included
    async with entered(make_sdk(bearer_token=secret, max_retries=0)) as client:
        assert secret not in repr(client)
        assert secret not in repr(client.with_options(max_retries=1))
        with pytest.raises(APIStatusError) as caught:
            await settle(client.v1.invoices.void(id=INVOICE))
    assert replay.recorded.last.headers["authorization"] == f"Bearer {secret}"  # it is sent...
    assert secret not in str(caught.value)  # ...but never echoed
    assert secret not in repr(caught.value)
    assert "HTTP request: POST https://api.metronome.com/v1/invoices/void" in caplog.text
    assert "401" in caplog.text
    assert secret not in caplog.text


def test_log_level_comes_from_the_environment(tmp_path: Path) -> None:
    import subprocess
    import sys

    from conftest import GENERATED

    script = (
        "import httpx, metronome_client\n"
        "def answer(request):\n"
        "    return httpx.Response(200, json={'data': {'id': 'x'}})\n"
        "c = metronome_client.Metronome(bearer_token='sk_secret_abc', http_client=httpx.Client(transport=httpx.MockTransport(answer)))\n"
        "c.v1.invoices.void(id='x')\n"
    )
    for level, expect in (("debug", True), ("", False)):
        env = {"PYTHONPATH": str(GENERATED), "METRONOME_LOG": level, "PATH": "/usr/bin:/bin"}
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=True
        )
        assert ("HTTP request: POST https://api.metronome.com/v1/invoices/void" in done.stderr) is expect
        assert "sk_secret_abc" not in done.stderr


def test_importing_the_package_loads_no_resources_or_models() -> None:
    import subprocess
    import sys

    from conftest import GENERATED

    script = (
        "import sys, metronome_client\n"
        "print(sorted(m for m in sys.modules if m.startswith('metronome_client')))\n"
        "print('pydantic' in sys.modules, 'httpx' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(GENERATED)},
        timeout=60,
        check=True,
    )
    modules, flags = done.stdout.strip().splitlines()
    assert json.loads(modules.replace("'", '"')) == ["metronome_client", "metronome_client._constants"]
    assert flags == "False True"


@pytest.mark.anyio
async def test_the_token_stays_out_of_connection_errors_and_retry_logs(
    make_sdk: ClientMaker, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    secret = "sk_live_another_secret_456"

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    caplog.set_level(logging.DEBUG)
    async with entered(make_sdk(refuse, bearer_token=secret, max_retries=1)) as client:
        make_sdk.skip_waits(client)
        with pytest.raises(APIConnectionError) as caught:
            await settle(client.v1.invoices.void(id=INVOICE))
    assert "Retrying POST https://api.metronome.com/v1/invoices/void" in caplog.text
    assert secret not in caplog.text
    assert secret not in str(caught.value)
    assert secret not in repr(caught.value)


# --------------------------------------------------------------------------------------------- edge cases


@pytest.mark.anyio
async def test_dot_segments_in_path_arguments_cannot_reach_another_endpoint(
    sdk: Client, replay: Replay
) -> None:
    replay.add(httpx.Response(200, content=b"%PDF-1.4", headers={"content-type": "application/pdf"}))
    await settle(sdk.v1.customers.invoices.retrieve_pdf(customer_id="..", invoice_id="."))
    assert replay.recorded.last.url.raw_path == b"/v1/customers/%2E%2E/invoices/%2E/pdf"


@pytest.mark.anyio
async def test_cursors_that_cycle_end_the_walk(sdk: Client, replay: Replay) -> None:
    page = fixture_json("listInvoices_page2.json")
    cursors = iter(["A", "B", "A", "B", "C"])
    replay.router = lambda request: httpx.Response(200, json={**page, "next_page": next(cursors)})
    items = await collect(sdk.v1.customers.invoices.list(customer_id=CUSTOMER))
    sent = [query(r).get("next_page", [None])[0] for r in replay.recorded.requests]
    assert sent == [None, "A", "B"]  # the second "A" is recognised and not followed
    assert len(items) == 3


@pytest.mark.anyio
async def test_arguments_are_checked_strictly(sdk: Client, replay: Replay) -> None:
    bad: dict[str, Any]
    for bad in (
        {"limit": "5"},
        {"limit": True},
        {"limit": 2.0},
        {"skip_zero_qty_line_items": 1},
        {"starting_on": "yesterday"},
    ):
        with pytest.raises(ArgumentError):
            await settle(sdk.v1.customers.invoices.list(customer_id=CUSTOMER, **bad))
    assert replay.recorded.requests == []


@pytest.mark.anyio
async def test_extra_body_values_are_serialized_or_refused(sdk: Client, replay: Replay) -> None:
    replay.add_json("voidInvoice.json")
    await settle(
        sdk.v1.invoices.void(id=INVOICE, extra_body={"at": datetime(2025, 5, 1, 12, tzinfo=timezone.utc)})
    )
    assert replay.recorded.json() == {"id": INVOICE, "at": "2025-05-01T12:00:00Z"}
    with pytest.raises(ArgumentError, match="cannot send a object as JSON"):
        await settle(sdk.v1.invoices.void(id=INVOICE, extra_body={"x": object()}))


@pytest.mark.anyio
async def test_redirect_loops_and_undecodable_bodies_are_client_errors_without_retries(
    make_sdk: ClientMaker, replay: Replay
) -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        replay.recorded.requests.append(request)
        return httpx.Response(302, headers={"location": str(request.url)})

    looping = make_sdk(loop, follow_redirects=True, max_redirects=3, bearer_token="t", max_retries=2)
    async with entered(looping) as client:
        with pytest.raises(APIConnectionError, match="TooManyRedirects"):
            await settle(client.v1.invoices.void(id=INVOICE))
    assert len(replay.recorded.requests) == 4  # one call: the first request and 3 redirects, no retry

    def garbled(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"not gzip at all", headers={"content-encoding": "gzip"})

    async with entered(make_sdk(garbled, bearer_token="t", max_retries=2)) as client:
        with pytest.raises(APIConnectionError, match="DecodingError"):
            await settle(client.v1.invoices.void(id=INVOICE))


@pytest.mark.anyio
async def test_header_arguments_and_optional_bodies_in_the_runtime(make_sdk: ClientMaker) -> None:
    op = Operation(
        name="things.make",
        method="post",
        path="/things",
        header_params=("X-Dry-Run", "X-Trace"),
        body_key="body",
    )
    async with entered(make_sdk.client_class(bearer_token="t")) as client:
        request = client.prepare(op, {"X-Dry-Run": True, "X-Trace": None}, CallOptions())
        assert request.headers == {"X-Dry-Run": "true"}  # booleans as the API spells them; None leaves it out
        assert request.json_data is NOT_GIVEN  # an optional body that was not given is not sent as null
        assert client.prepare(op, {"body": None}, CallOptions()).json_data is None  # an explicit None is


@pytest.mark.anyio
async def test_an_optional_object_body_with_nothing_given_is_not_sent(make_sdk: ClientMaker) -> None:
    optional = Operation(
        name="things.tag", method="post", path="/things", body_params=("tag",), body_optional=True
    )
    required = Operation(name="things.tag", method="post", path="/things", body_params=("tag",))
    async with entered(make_sdk.client_class(bearer_token="t")) as client:
        assert client.prepare(optional, {}, CallOptions()).json_data is NOT_GIVEN
        assert client.prepare(optional, {"tag": "x"}, CallOptions()).json_data == {"tag": "x"}
        assert client.prepare(optional, {}, CallOptions(extra_body={"note": 1})).json_data == {"note": 1}
        assert client.prepare(required, {}, CallOptions()).json_data == {}
