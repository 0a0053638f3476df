"""Spec drift: a response that does not match the spec is returned, reported, or (strict) refused.

Every case runs against the sync and the async client, through the real generated client and
runtime, with the recorded fixtures changed in one place the way a real server drifts from its
spec. The tolerant client must return the data (typed where it fits, raw where it does not), log
one warning per operation and spec place, and list the mismatches on ``.drift``; the strict client
must raise ``APIResponseValidationError`` carrying the same records and the whole body.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import httpx
import pytest

from conftest import Replay, fixture_bytes, fixture_json
from metronome_client import APIResponseValidationError, AsyncMetronome, Metronome
from metronome_client.types import Invoice, InvoiceLineItem, InvoiceRetrieveResponse

CUSTOMER = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
INVOICE = "810ad71f-ddbb-43e8-af50-4f1d7ce3c049"
SCHEMAS = "#/components/schemas"
Mode = Literal["sync", "async"]


@dataclass
class Api:
    """One way of calling the client (sync or async), strict or tolerant, over recorded responses."""

    mode: Mode
    replay: Replay
    strict: bool = False

    def _sync(self) -> Metronome:
        http = httpx.Client(transport=httpx.MockTransport(self.replay.respond))
        return Metronome(
            bearer_token="t", http_client=http, max_retries=0, strict_response_validation=self.strict
        )

    def _async(self) -> AsyncMetronome:
        http = httpx.AsyncClient(transport=httpx.MockTransport(self.replay.respond))
        return AsyncMetronome(
            bearer_token="t", http_client=http, max_retries=0, strict_response_validation=self.strict
        )

    def retrieve(self, body: bytes | Any, times: int = 1) -> InvoiceRetrieveResponse:
        """Answer ``times`` retrieve calls with ``body``; the last result."""
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        for _ in range(times):
            self.replay.add(
                httpx.Response(200, content=content, headers={"content-type": "application/json"})
            )
        if self.mode == "sync":
            with self._sync() as client:
                results = [
                    client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE)
                    for _ in range(times)
                ]
            return results[-1]

        async def run() -> InvoiceRetrieveResponse:
            async with self._async() as client:
                results = [
                    await client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE)
                    for _ in range(times)
                ]
            return results[-1]

        return asyncio.run(run())

    def list_all(self, *pages: Any) -> tuple[list[Invoice], list[tuple[Any, ...]]]:
        """Walk every page of ``list``; the items and each page's drift."""
        for page in pages:
            self.replay.add(httpx.Response(200, json=page))
        if self.mode == "sync":
            with self._sync() as client:
                first = client.v1.customers.invoices.list(customer_id=CUSTOMER)
                walked = list(first.iter_pages())
                return [item for p in walked for item in p.items], [p.drift for p in walked]

        async def run() -> tuple[list[Invoice], list[tuple[Any, ...]]]:
            async with self._async() as client:
                first = await client.v1.customers.invoices.list(customer_id=CUSTOMER)
                walked = [p async for p in first.iter_pages()]
                return [item for p in walked for item in p.items], [p.drift for p in walked]

        return asyncio.run(run())


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, replay: Replay) -> Api:
    mode: Mode = request.param
    return Api(mode, replay)


@pytest.fixture
def warnings(caplog: pytest.LogCaptureFixture) -> Iterator[Callable[[], list[str]]]:
    caplog.set_level(logging.DEBUG, logger="metronome_client")

    def taken() -> list[str]:
        return [
            r.getMessage()
            for r in caplog.records
            if r.name == "metronome_client" and r.levelno == logging.WARNING
        ]

    yield taken


def untyped(value: object) -> object:
    """A value as it came: drifted values do not have the type the spec gives them."""
    return value


def invoice_body() -> Any:
    return fixture_json("retrieveInvoice.json")


@dataclass(frozen=True)
class Case:
    """One way a real server drifts from the spec, and what the tolerant client must make of it."""

    name: str
    change: Callable[[Any], None]
    path: str
    pointer: str
    kind: str
    check: Callable[[InvoiceRetrieveResponse], None]


def _set(path: list[str | int], value: object) -> Callable[[Any], None]:
    def change(body: Any) -> None:
        target = body
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


def _delete(path: list[str | int]) -> Callable[[Any], None]:
    def change(body: Any) -> None:
        target = body
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return change


def _null_in_string_map(result: InvoiceRetrieveResponse) -> None:
    item = result.data.line_items[0]
    assert isinstance(item, InvoiceLineItem)
    assert untyped(item.pricing_group_values) == {"tier": None}
    assert item.name == invoice_body()["data"]["line_items"][0]["name"]


def _number_for_string(result: InvoiceRetrieveResponse) -> None:
    assert untyped(result.data.customer_id) == 12345
    assert result.data.id == INVOICE
    assert result.data.total == invoice_body()["data"]["total"]


def _string_for_number(result: InvoiceRetrieveResponse) -> None:
    assert untyped(result.data.total) == "lots"
    assert result.data.line_items[0].total == invoice_body()["data"]["line_items"][0]["total"]


def _missing_required(result: InvoiceRetrieveResponse) -> None:
    item = result.data.line_items[1]
    assert isinstance(item, InvoiceLineItem)
    assert "name" not in item.model_fields_set
    with pytest.raises(AttributeError):
        _ = item.name
    assert item.total == invoice_body()["data"]["line_items"][1]["total"]
    assert "name" not in item.to_dict()


def _unknown_enum(result: InvoiceRetrieveResponse) -> None:
    price = result.data.line_items[0].list_price
    assert price is not None
    assert price.rate_type == "DYNAMIC"


def _object_for_list(result: InvoiceRetrieveResponse) -> None:
    assert untyped(result.data.line_items) == {"unexpected": True}
    assert result.data.credit_type.name == invoice_body()["data"]["credit_type"]["name"]


def _bad_list_item(result: InvoiceRetrieveResponse) -> None:
    items = result.data.line_items
    assert untyped(items[2]) == "not a line item"
    assert [isinstance(item, InvoiceLineItem) for i, item in enumerate(items) if i != 2] == [True] * (
        len(items) - 1
    )


CASES = [
    Case(
        "null in a string map",
        _set(["data", "line_items", 0, "pricing_group_values"], {"tier": None}),
        "$.data.line_items[0].pricing_group_values.tier",
        f"{SCHEMAS}/InvoiceLineItem/properties/pricing_group_values/additionalProperties",
        "string_type",
        _null_in_string_map,
    ),
    Case(
        "number for string",
        _set(["data", "customer_id"], 12345),
        "$.data.customer_id",
        f"{SCHEMAS}/Invoice/properties/customer_id",
        "string_type",
        _number_for_string,
    ),
    Case(
        "string for number",
        _set(["data", "total"], "lots"),
        "$.data.total",
        f"{SCHEMAS}/Invoice/properties/total",
        "float_parsing",
        _string_for_number,
    ),
    Case(
        "missing required field",
        _delete(["data", "line_items", 1, "name"]),
        "$.data.line_items[1].name",
        f"{SCHEMAS}/InvoiceLineItem/required",
        "missing",
        _missing_required,
    ),
    Case(
        "unknown enum value",
        _set(["data", "line_items", 0, "list_price", "rate_type"], "DYNAMIC"),
        "$.data.line_items[0].list_price.rate_type",
        f"{SCHEMAS}/ListPrice/properties/rate_type",
        "literal_error",
        _unknown_enum,
    ),
    Case(
        "object where a list is declared",
        _set(["data", "line_items"], {"unexpected": True}),
        "$.data.line_items",
        f"{SCHEMAS}/Invoice/properties/line_items",
        "list_type",
        _object_for_list,
    ),
    Case(
        "a list item of the wrong type",
        _set(["data", "line_items", 2], "not a line item"),
        "$.data.line_items[2]",
        f"{SCHEMAS}/Invoice/properties/line_items/items",
        "model_type",
        _bad_list_item,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_drift_is_returned_reported_and_listed(
    api: Api, case: Case, warnings: Callable[[], list[str]]
) -> None:
    body = invoice_body()
    case.change(body)
    result = api.retrieve(body)
    case.check(result)
    assert [(d.path, d.spec_pointer, d.kind) for d in result.drift] == [(case.path, case.pointer, case.kind)]
    (record,) = result.drift
    assert record.operation == "v1.customers.invoices.retrieve"
    assert record.expected and record.got
    (warning,) = warnings()
    assert "v1.customers.invoices.retrieve" in warning
    assert case.path in warning
    assert case.pointer in warning
    assert ("left unset" if case.kind == "missing" else "kept as it came") in warning


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_strict_mode_raises_for_each_drift(api: Api, case: Case) -> None:
    body = invoice_body()
    case.change(body)
    api.strict = True
    with pytest.raises(APIResponseValidationError) as caught:
        api.retrieve(body)
    error = caught.value
    assert [(d.path, d.spec_pointer, d.kind) for d in error.drift] == [(case.path, case.pointer, case.kind)]
    assert case.path in str(error) and case.pointer in str(error)
    assert error.body == body
    assert json.loads(error.response.content) == body


def test_a_matching_response_has_no_drift_and_logs_nothing(
    api: Api, warnings: Callable[[], list[str]]
) -> None:
    result = api.retrieve(fixture_bytes("retrieveInvoice.json"))
    assert result.drift == ()
    assert result.to_dict() == invoice_body()
    assert warnings() == []


def test_the_same_drift_is_logged_once_per_client(api: Api, warnings: Callable[[], list[str]]) -> None:
    body = invoice_body()
    for index in range(len(body["data"]["line_items"])):
        body["data"]["line_items"][index]["pricing_group_values"] = {"tier": None}
    result = api.retrieve(body, times=3)
    assert len(result.drift) == len(body["data"]["line_items"])
    (warning,) = warnings()
    assert f"and {len(body['data']['line_items']) - 1} more places like it" in warning


def _big_page(invoices: int, items: int, cursor: str | None) -> Any:
    invoice = invoice_body()["data"]
    line_item = invoice["line_items"][0]
    page = []
    for number in range(invoices):
        entry = copy.deepcopy(invoice)
        entry["id"] = f"invoice-{cursor}-{number}"
        entry["line_items"] = [dict(line_item, name=f"item {number}-{k}") for k in range(items)]
        page.append(entry)
    return {"data": page, "next_page": cursor}


def test_one_bad_item_among_ten_thousand_keeps_the_rest_typed_and_reaches_the_next_page(
    api: Api, warnings: Callable[[], list[str]]
) -> None:
    first = _big_page(100, 100, "cursor-2")
    first["data"][57]["line_items"][42]["presentation_group_values"] = {"region": 7}
    second = _big_page(2, 3, None)
    invoices, drift = api.list_all(first, second)
    assert len(invoices) == 102
    assert all(isinstance(invoice, Invoice) for invoice in invoices)
    line_items = [item for invoice in invoices for item in invoice.line_items]
    assert len(line_items) == 10_006
    assert all(isinstance(item, InvoiceLineItem) for item in line_items)
    assert untyped(invoices[57].line_items[42].presentation_group_values) == {"region": 7}
    assert (
        invoices[57].line_items[41].presentation_group_values
        == first["data"][57]["line_items"][41]["presentation_group_values"]
    )
    assert [[d.path for d in page] for page in drift] == [
        ["$.data[57].line_items[42].presentation_group_values.region"],
        [],
    ]
    assert drift[0][0].operation == "v1.customers.invoices.list"
    assert len(warnings()) == 1
    assert api.replay.recorded.requests[1].url.params["next_page"] == "cursor-2"


def test_a_drifted_cursor_field_ends_the_walk_with_the_drift_on_the_page(api: Api) -> None:
    page = _big_page(1, 1, None)
    page["next_page"] = 42
    invoices, drift = api.list_all(page)
    assert len(invoices) == 1
    assert [d.path for d in drift[0]] == ["$.next_page"]
    assert len(api.replay.recorded.requests) == 1


@pytest.mark.parametrize(
    ("content", "expected_body"),
    [
        (b"", None),
        (b"<html>" + b"gateway timeout " * 400 + b"</html>", "<html>" + "gateway timeout " * 400 + "</html>"),
        (fixture_bytes("retrieveInvoice.json")[:700], fixture_bytes("retrieveInvoice.json")[:700].decode()),
    ],
    ids=["empty", "html", "truncated"],
)
@pytest.mark.parametrize("strict", [False, True], ids=["tolerant", "strict"])
def test_a_body_that_is_not_json_always_raises_with_the_whole_body(
    api: Api, content: bytes, expected_body: object, strict: bool
) -> None:
    api.strict = strict
    with pytest.raises(APIResponseValidationError) as caught:
        api.retrieve(content)
    error = caught.value
    assert error.body == expected_body
    assert error.response.content == content
    assert error.drift == ()
    assert "v1.customers.invoices.retrieve" in str(error)


def test_raw_response_exposes_the_drift(replay: Replay) -> None:
    body = invoice_body()
    body["data"]["total"] = "lots"
    replay.add(httpx.Response(200, json=body))
    http = httpx.Client(transport=httpx.MockTransport(replay.respond))
    with Metronome(bearer_token="t", http_client=http) as client:
        raw = client.v1.customers.invoices.with_raw_response.retrieve(
            customer_id=CUSTOMER, invoice_id=INVOICE
        )
        assert [d.path for d in raw.drift] == ["$.data.total"]
        assert raw.parse().drift == raw.drift


def test_with_options_switches_strictness_both_ways(replay: Replay) -> None:
    body = invoice_body()
    body["data"]["total"] = "lots"
    http = httpx.Client(transport=httpx.MockTransport(replay.respond))
    with Metronome(bearer_token="t", http_client=http, strict_response_validation=True) as client:
        assert client.strict_response_validation
        tolerant = client.with_options(strict_response_validation=False)
        assert not tolerant.strict_response_validation
        assert tolerant.with_options(max_retries=1).strict_response_validation is False
        replay.add(httpx.Response(200, json=body))
        result = tolerant.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE)
        assert untyped(result.data.total) == "lots"
        replay.add(httpx.Response(200, json=body))
        with pytest.raises(APIResponseValidationError):
            client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE)


def test_both_tolerant_variants_give_the_same_result_and_leave_the_models_strict() -> None:
    from metronome_client._drift import tolerant_validate
    from metronome_client.types import InvoiceListResponse

    page = _big_page(3, 4, None)
    page["data"][1]["line_items"][2]["pricing_group_values"] = {"tier": None}
    del page["data"][2]["line_items"][0]["name"]
    page["data"][0]["line_items"][1] = 17
    content = json.dumps(page).encode()
    classes = (InvoiceListResponse, Invoice, InvoiceLineItem)
    marks = [cls.__dict__.get("__pydantic_complete__") for cls in classes]
    fast, fast_drift = tolerant_validate(InvoiceListResponse, content, "op")
    portable, portable_drift = tolerant_validate(InvoiceListResponse, content, "op", portable=True)
    assert type(fast) is type(portable) is InvoiceListResponse
    assert fast.to_dict() == portable.to_dict()
    assert fast_drift == portable_drift
    assert [d.path for d in fast_drift] == [
        "$.data[0].line_items[1]",
        "$.data[1].line_items[2].pricing_group_values.tier",
        "$.data[2].line_items[0].name",
    ]
    assert untyped(fast.data[1].line_items[2].pricing_group_values) == {"tier": None}
    assert [cls.__dict__.get("__pydantic_complete__") for cls in classes] == marks
    with pytest.raises(Exception, match="pricing_group_values"):
        InvoiceListResponse.model_validate_json(content)
