"""Inputs that cannot be sent are refused before anything is sent, naming what is wrong.

Found by adversarial use: a token read from a file with its newline, header values with CR/LF or
non-ASCII text, NaN and infinities in numbers, path arguments that are not text or are huge, and a
server that repeats a cursor. The header, token and path cases run against the fault server (real
sockets, httpx's real HTTP/1.1 stack), where a value that slipped through would fail late: as a
retried connection error or a bare encoding error. Sync and async.
"""

from __future__ import annotations

import logging
import math
import sys
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from pydantic import ConfigDict, with_config
from typing_extensions import NotRequired, TypedDict

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "generated") not in sys.path:
    sys.path.insert(0, str(ROOT / "generated"))

from _faultserver import FaultServer  # noqa: E402
from conftest import Harness, Replay, fixture_json  # noqa: E402
from metronome_client import ArgumentError, AsyncMetronome, Metronome  # noqa: E402
from metronome_client._base_client import CallOptions, Operation  # noqa: E402
from metronome_client._models import ArgsValidator, NumberArg  # noqa: E402
from metronome_client._utils import MAX_PATH_ARGUMENT_LENGTH  # noqa: E402
from test_client import CUSTOMER, query  # noqa: E402
from test_retries import INVOICE, VOID_OK, settle  # noqa: E402

pytestmark = [pytest.mark.anyio, pytest.mark.timeout(20)]

SECRET = "sk_live_do_not_echo_7f3a"


# ----------------------------------------------------------------------------------------- tokens


@pytest.mark.parametrize(
    ("token", "problem"),
    [
        (SECRET + "\n", "line break"),
        (SECRET + "\r\n", "line break"),
        (SECRET[:5] + "\n" + SECRET[5:], "line break"),
        (SECRET + "ü", "outside ASCII"),
        (SECRET + "\x00", "control character"),
        (SECRET + "\x7f", "control character"),
        (SECRET + " ", "whitespace"),
        ("\t" + SECRET, "whitespace"),
    ],
)
@pytest.mark.parametrize("cls", [Metronome, AsyncMetronome])
def test_a_token_that_cannot_go_into_a_header_is_refused_when_the_client_is_built(
    server: FaultServer, cls: type[Metronome] | type[AsyncMetronome], token: str, problem: str
) -> None:
    with pytest.raises(ArgumentError) as caught:
        cls(bearer_token=token, base_url=server.url)
    message = str(caught.value)
    assert "bearer_token" in message and problem in message
    assert SECRET[:8] not in message and SECRET[-8:] not in message and SECRET[:8] not in repr(caught.value)
    assert server.requests == []


def test_a_token_from_the_environment_is_checked_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METRONOME_BEARER_TOKEN", SECRET + "\n")
    with pytest.raises(ArgumentError, match="METRONOME_BEARER_TOKEN") as caught:
        Metronome()
    assert SECRET not in str(caught.value)
    assert "strip it" in str(caught.value)


def test_with_options_checks_a_new_token(server: FaultServer) -> None:
    client = Metronome(bearer_token="fine", base_url=server.url)
    with pytest.raises(ArgumentError) as caught:
        client.with_options(bearer_token=SECRET + "\n")
    assert SECRET not in str(caught.value)
    client.close()


# ---------------------------------------------------------------------------------------- headers

BAD_VALUES = [
    ("a\r\nX-Injected: 1", "line break"),
    ("a\nb", "line break"),
    ("tail\r", "line break"),
    ("€uro", "outside ASCII"),
    ("caf\u00e9", "outside ASCII"),
    ("a\x00b", "control character"),
    (" padded", "whitespace"),
]


@pytest.mark.parametrize(("value", "problem"), BAD_VALUES)
async def test_a_bad_extra_header_value_is_an_argument_error_before_any_request(
    harness: Harness, value: str, problem: str
) -> None:
    client = harness.client(max_retries=2)
    with pytest.raises(ArgumentError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE, extra_headers={"X-Trace": value}))
    assert "X-Trace" in str(caught.value) and problem in str(caught.value)
    assert value not in str(caught.value)
    assert harness.requests == []


@pytest.mark.parametrize("name", ["X\nInjected", "X Trace", "X-Träce", "", "X:Y"])
async def test_a_bad_extra_header_name_is_an_argument_error(harness: Harness, name: str) -> None:
    client = harness.client(max_retries=2)
    with pytest.raises(ArgumentError, match="not a valid HTTP header name"):
        await settle(client.v1.invoices.void(id=INVOICE, extra_headers={name: "x"}))
    assert harness.requests == []


@pytest.mark.parametrize(("key", "problem"), [*BAD_VALUES, ("", "non-empty")])
async def test_a_bad_idempotency_key_is_an_argument_error(harness: Harness, key: str, problem: str) -> None:
    client = harness.client(max_retries=2)
    with pytest.raises(ArgumentError, match="idempotency_key") as caught:
        await settle(client.v1.invoices.void(id=INVOICE, idempotency_key=key))
    assert problem in str(caught.value)
    assert harness.requests == []


async def test_bad_default_headers_are_refused_when_the_client_is_built(harness: Harness) -> None:
    with pytest.raises(ArgumentError, match=r"default_headers.*X-Team.*line break"):
        harness.client(default_headers={"X-Team": "billing\n"})
    with pytest.raises(ArgumentError, match="not a valid HTTP header name"):
        harness.client(default_headers={"X Team": "billing"})
    client = harness.client()
    with pytest.raises(ArgumentError, match="X-Team"):
        client.with_options(default_headers={"X-Team": "é"})
    assert harness.requests == []


async def test_request_checks_its_headers(harness: Harness) -> None:
    client = harness.client()
    with pytest.raises(ArgumentError, match=r"request\(\).*line break"):
        await settle(client.request("get", "/v1/x", headers={"X-A": "1\r\n"}))
    assert harness.requests == []


async def test_good_headers_still_go_through_as_given(harness: Harness) -> None:
    harness.server.script(VOID_OK)
    client = harness.client(default_headers={"X-Team": "billing ops\tteam"})
    await settle(
        client.v1.invoices.void(
            id=INVOICE, idempotency_key="key-1:~!", extra_headers={"X-Trace": 'a=b; c="d"', "X-Empty": ""}
        )
    )
    (sent,) = harness.requests
    assert sent.header("x-team") == "billing ops\tteam"
    assert sent.header("x-trace") == 'a=b; c="d"'
    assert sent.header("x-empty") == ""
    assert sent.header("idempotency-key") == "key-1:~!"


def test_a_header_argument_from_the_spec_is_checked() -> None:
    op = Operation(name="things.make", method="post", path="/things", header_params=("X-Dry-Run",))
    with Metronome(bearer_token="t") as sdk:
        with pytest.raises(ArgumentError, match=r"things\.make\(\).*X-Dry-Run.*line break"):
            sdk.prepare(op, {"X-Dry-Run": "yes\n"}, CallOptions())


# --------------------------------------------------------------------------------- path arguments


async def test_a_path_argument_that_is_not_valid_text_is_an_argument_error(harness: Harness) -> None:
    client = harness.client()
    with pytest.raises(ArgumentError, match=r"path argument `customer_id`.*not valid Unicode"):
        await settle(client.v1.customers.invoices.retrieve(customer_id="ab\ud800", invoice_id=INVOICE))
    assert harness.requests == []


async def test_an_oversized_path_argument_is_an_argument_error(harness: Harness) -> None:
    harness.server.script(VOID_OK)
    client = harness.client()
    with pytest.raises(
        ArgumentError, match=f"path argument `invoice_id` is too long.*{MAX_PATH_ARGUMENT_LENGTH}"
    ):
        await settle(client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id="x" * 100_000))
    # The bound is on the encoded form: "é" takes six characters once percent-encoded.
    with pytest.raises(ArgumentError, match="too long"):
        await settle(client.v1.customers.invoices.retrieve(customer_id="é" * 400, invoice_id=INVOICE))
    assert harness.requests == []
    # Right at the bound, the argument is sent (the scripted answer is not an invoice: it comes back
    # with its drift; what matters here is the request).
    result = await settle(
        client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id="x" * MAX_PATH_ARGUMENT_LENGTH)
    )
    assert result.drift
    (sent,) = harness.requests
    assert sent.path.endswith("/invoices/" + "x" * MAX_PATH_ARGUMENT_LENGTH)


async def test_a_query_that_cannot_become_a_url_is_an_argument_error(harness: Harness) -> None:
    client = harness.client()
    with pytest.raises(ArgumentError, match="cannot build the URL"):
        await settle(
            cast(
                Any, client.v1.customers.invoices.list(customer_id=CUSTOMER, extra_query={"q": "x" * 70_000})
            )
        )
    with pytest.raises(ArgumentError, match="cannot build the URL"):
        await settle(
            cast(Any, client.v1.customers.invoices.list(customer_id=CUSTOMER, extra_query={"q": "\udcff"}))
        )
    assert harness.requests == []


# ---------------------------------------------------------------------------- NaN and infinities

NON_FINITE = [math.nan, math.inf, -math.inf]
CHARGE: dict[str, Any] = {
    "customer_id": CUSTOMER,
    "charge_id": "7b08082c-4c6c-44e3-abf8-8b1089147008",
    "customer_plan_id": "14e98c31-2cb9-405b-8ef8-7bcc2f3762e6",
    "description": "Workshop",
    "invoice_start_timestamp": "2025-03-01T00:00:00Z",
    "price": 150000,
    "quantity": 1,
}
HISTORICAL = {
    "customer_id": CUSTOMER,
    "contract_id": "0409ebc3-aab0-4fe9-9257-661a1dd50581",
    "credit_type_id": "8c43c683-4ac6-4b00-970a-ff3698b1d51e",
    "inclusive_start_date": "2024-11-01T00:00:00Z",
    "exclusive_end_date": "2024-12-01T00:00:00Z",
    "issue_date": "2024-12-01T00:00:00Z",
}
LINE_ITEM = {
    "product_id": "93871228-75d9-4733-bde9-e9b2a78a3a4a",
    "inclusive_start_date": "2024-11-01T00:00:00Z",
    "exclusive_end_date": "2024-12-01T00:00:00Z",
}


def _historical(quantity: float) -> list[Any]:
    return [
        {
            **HISTORICAL,
            "usage_line_items": [{**LINE_ITEM, "quantity": 5}, {**LINE_ITEM, "quantity": quantity}],
        }
    ]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("value", NON_FINITE, ids=repr)
def test_a_non_finite_number_argument_is_refused_with_its_name(
    client: Metronome, replay: Replay, value: float
) -> None:
    with pytest.raises(ArgumentError, match=r"add_charge\(\): price: Input should be a finite number"):
        client.v1.customers.invoices.add_charge(**{**CHARGE, "price": value})
    with pytest.raises(
        ArgumentError, match=r"invoices\[0\]\.usage_line_items\[1\]\.quantity: .*finite number"
    ):
        client.v1.contracts.create_historical_invoices(invoices=_historical(value), preview=True)
    with pytest.raises(ArgumentError, match=r"cannot send .* at `adjustment\.factor\[1\]`.*JSON has no NaN"):
        client.v1.invoices.void(id=INVOICE, extra_body={"adjustment": {"factor": [1.0, value]}})
    with pytest.raises(ArgumentError, match="at `price`"):
        client.request("post", "/v1/anything", body={"price": value})
    assert replay.recorded.requests == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_a_non_finite_number_argument_is_refused_by_the_async_client(
    async_client: AsyncMetronome, replay: Replay
) -> None:
    with pytest.raises(ArgumentError, match="quantity: Input should be a finite number"):
        await async_client.v1.customers.invoices.add_charge(**{**CHARGE, "quantity": math.inf})
    with pytest.raises(ArgumentError, match=r"usage_line_items\[1\]\.quantity"):
        await async_client.v1.contracts.create_historical_invoices(
            invoices=_historical(math.nan), preview=True
        )
    with pytest.raises(ArgumentError, match="at `x`"):
        await async_client.v1.invoices.void(id=INVOICE, extra_body={"x": -math.inf})
    assert replay.recorded.requests == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_finite_numbers_are_sent_unchanged(client: Metronome, replay: Replay) -> None:
    replay.add_json("addCharge.json")
    client.v1.customers.invoices.add_charge(**{**CHARGE, "price": 1e308, "quantity": -0.5})
    assert replay.recorded.json()["price"] == 1e308 and replay.recorded.json()["quantity"] == -0.5
    assert b"NaN" not in replay.recorded.last.content and b"Infinity" not in replay.recorded.last.content


@with_config(ConfigDict(extra="allow", strict=True))
class _FreeFormArgs(TypedDict, total=False):
    tags: NotRequired[object]
    weight: NotRequired[NumberArg]


def test_a_non_finite_number_in_a_free_form_value_is_refused_not_turned_into_null(replay: Replay) -> None:
    op = Operation(
        name="things.tag",
        method="post",
        path="/things",
        body_params=("tags", "weight", "note"),
        validate=ArgsValidator(_FreeFormArgs, "things.tag"),
    )
    http = httpx.Client(transport=httpx.MockTransport(replay.respond))
    with Metronome(bearer_token="t", http_client=http, max_retries=0) as sdk:
        with pytest.raises(ArgumentError, match=r"at `tags\.score`"):
            sdk.call(op, {"tags": {"score": math.inf}}, CallOptions(), lambda response, request: response)
        with pytest.raises(ArgumentError, match="at `note`"):
            sdk.call(op, {"note": math.nan}, CallOptions(), lambda response, request: response)
        with pytest.raises(ArgumentError, match="weight: Input should be a finite number"):
            sdk.call(op, {"weight": -math.inf}, CallOptions(), lambda response, request: response)
        assert replay.recorded.requests == []
        replay.add(httpx.Response(204))
        sdk.call(op, {"tags": {"score": 2.5}, "weight": 3}, CallOptions(), lambda response, request: response)
    assert replay.recorded.json() == {"tags": {"score": 2.5}, "weight": 3}


# ------------------------------------------------------------------------------ repeated cursors


def _repeating_router(cursors: list[str]) -> Any:
    page = fixture_json("listInvoices_page2.json")
    remaining = iter(cursors)
    return lambda request: httpx.Response(200, json={**page, "next_page": next(remaining)})


def test_a_repeated_cursor_stops_the_walk_with_a_warning_and_says_so(
    client: Metronome, replay: Replay, caplog: pytest.LogCaptureFixture
) -> None:
    replay.router = _repeating_router(["A", "B", "A"])
    caplog.set_level(logging.WARNING, logger="metronome_client")

    pages = list(client.v1.customers.invoices.list(customer_id=CUSTOMER).iter_pages())

    assert [query(r).get("next_page", [None])[0] for r in replay.recorded.requests] == [None, "A", "B"]
    assert [p.stopped_on_repeated_cursor for p in pages] == [False, False, True]
    last = pages[-1]
    assert not last.has_next_page() and last.next_cursor is None
    assert "stopped_on_repeated_cursor=True" in repr(last)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1  # once, however often the page is asked
    assert "'A' was already followed" in warnings[0].getMessage()
    assert f"/v1/customers/{CUSTOMER}/invoices" in warnings[0].getMessage()


def test_a_page_whose_cursor_is_the_one_that_fetched_it_stops_at_once(
    client: Metronome, replay: Replay, caplog: pytest.LogCaptureFixture
) -> None:
    replay.router = _repeating_router(["SAME"])
    caplog.set_level(logging.WARNING, logger="metronome_client")
    page = client.v1.customers.invoices.list(customer_id=CUSTOMER, next_page="SAME")
    assert page.stopped_on_repeated_cursor
    assert list(page) == page.items
    assert "already followed" in caplog.text


def test_a_walk_that_ends_normally_does_not_warn(
    client: Metronome, replay: Replay, caplog: pytest.LogCaptureFixture
) -> None:
    replay.add_json("listInvoices_page1.json")
    replay.add_json("listInvoices_page2.json")
    caplog.set_level(logging.WARNING, logger="metronome_client")
    page = client.v1.customers.invoices.list(customer_id=CUSTOMER)
    items = list(page)
    # len() is this page only; iteration walks on: the two agree only on the last page.
    assert len(page) == len(page.items) == 2 and len(items) == 3
    assert not page.stopped_on_repeated_cursor
    assert caplog.records == []


async def test_a_repeated_cursor_stops_the_async_walk_with_a_warning(
    async_client: AsyncMetronome, replay: Replay, caplog: pytest.LogCaptureFixture
) -> None:
    replay.router = _repeating_router(["A", "B", "B"])
    caplog.set_level(logging.WARNING, logger="metronome_client")

    first = await async_client.v1.customers.invoices.list(customer_id=CUSTOMER)
    pages = [page async for page in first.iter_pages()]

    assert len(replay.recorded.requests) == 3
    assert [p.stopped_on_repeated_cursor for p in pages] == [False, False, True]
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "'B' was already followed" in caplog.records[0].getMessage()


async def test_a_token_changed_after_the_client_was_built_is_not_echoed_or_retried(harness: Harness) -> None:
    import traceback

    from metronome_client import APIConnectionError

    client = harness.client(max_retries=2)
    client.bearer_token = SECRET + "\n"  # not checked again: a later assignment bypasses the constructor
    with pytest.raises(APIConnectionError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE))
    shown = "".join(traceback.format_exception(caught.value))
    assert "header value is not allowed" in str(caught.value)
    assert SECRET not in shown and SECRET not in repr(caught.value)
    assert harness.waits == []  # the same request would fail the same way: no retry
    assert harness.requests == []
