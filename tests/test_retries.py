"""Retries against a real loopback server that misbehaves on purpose (``_faultserver.py``).

Every test runs twice, with the sync ``Metronome`` and the async ``AsyncMetronome``, over real
sockets. No test sleeps for a backoff: each client's ``_sleep`` is replaced by a recorder, so the
waits the client *would* take are asserted instead of taken.
"""

from __future__ import annotations

import email.utils
import inspect
import sys
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import TypeVar, cast

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "generated") not in sys.path:
    sys.path.insert(0, str(ROOT / "generated"))

from _faultserver import (  # noqa: E402
    CloseWithoutResponse,
    DropMidBody,
    Reply,
    json_reply,
)
from conftest import Harness  # noqa: E402
from metronome_client import (  # noqa: E402
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    Metronome,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)

pytestmark = [pytest.mark.anyio, pytest.mark.timeout(20)]

INVOICE = "810ad71f-ddbb-43e8-af50-4f1d7ce3c049"
CUSTOMER = "30f67efa-7721-4d7f-9c5e-2b662d360621"
VOIDED = "0895ac87-b131-4175-84dd-82cd63e7b49a"
VOID_OK = json_reply(200, {"data": {"id": VOIDED}})
RETRIEVE_OK = Reply(
    200,
    headers={"Content-Type": "application/json"},
    body=(ROOT / "tests" / "fixtures" / "responses" / "retrieveInvoice.json").read_bytes(),
)

_T = TypeVar("_T")


def failure(status: int, headers: dict[str, str] | None = None) -> Reply:
    return json_reply(status, {"message": f"scripted {status}"}, headers)


async def settle(result: _T | Awaitable[_T]) -> _T:
    """The result of a client call: awaited for the async client, as returned for the sync one.

    A sync call has already run (and raised) by the time its result gets here, so both kinds can be
    written as ``await settle(client.v1....(...))`` inside the same ``pytest.raises`` block.
    """
    if inspect.isawaitable(result):
        return cast(_T, await result)
    return result


def backoff_bounds(retry: int) -> tuple[float, float]:
    """Where the backoff before retry number ``retry + 1`` must land: [0.75x, 1x] of 0.5 * 2^retry, capped at 8."""
    nominal = min(0.5 * 2.0**retry, 8.0)
    return 0.75 * nominal, nominal


def assert_backoff(waits: list[float]) -> None:
    for retry, wait in enumerate(waits):
        low, high = backoff_bounds(retry)
        assert low <= wait <= high, f"wait {retry} was {wait}, expected backoff in [{low}, {high}]"


# ------------------------------------------------------------------------------- which statuses retry


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503])
async def test_retryable_status_is_retried_and_the_retry_result_is_parsed(
    harness: Harness, status: int
) -> None:
    harness.server.script(failure(status), VOID_OK)
    client = harness.client()

    result = await settle(client.v1.invoices.void(id=INVOICE))

    assert result.data is not None and result.data.id == VOIDED
    assert [(r.method, r.path) for r in harness.requests] == [("POST", "/v1/invoices/void")] * 2
    assert [r.json() for r in harness.requests] == [{"id": INVOICE}] * 2
    assert len(harness.waits) == 1
    assert_backoff(harness.waits)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (408, APIStatusError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (504, InternalServerError),
    ],
)
async def test_exhausted_retries_raise_the_typed_error_after_max_retries_plus_one_attempts(
    harness: Harness, status: int, error: type[APIStatusError]
) -> None:
    harness.server.script(*[failure(status)] * 3, VOID_OK)
    client = harness.client()
    assert client.max_retries == 2

    with pytest.raises(APIStatusError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE))

    assert type(caught.value) is error
    assert caught.value.status_code == status
    assert caught.value.body == {"message": f"scripted {status}"}
    assert len(harness.requests) == 3
    assert harness.server.pending == 1  # the success after the third failure was never asked for
    assert len(harness.waits) == 2
    assert_backoff(harness.waits)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, UnprocessableEntityError),
        (418, APIStatusError),
    ],
)
async def test_other_4xx_is_tried_once_even_with_retry_after(
    harness: Harness, status: int, error: type[APIStatusError]
) -> None:
    harness.server.script(failure(status, {"Retry-After": "1"}), VOID_OK)
    client = harness.client(max_retries=5)

    with pytest.raises(APIStatusError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE))

    assert type(caught.value) is error
    assert caught.value.status_code == status
    assert len(harness.requests) == 1
    assert harness.server.pending == 1
    assert harness.waits == []


async def test_a_get_is_retried_too(harness: Harness) -> None:
    harness.server.script(failure(503), failure(500), RETRIEVE_OK)
    client = harness.client()

    result = await settle(client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))

    assert result.data.id == INVOICE
    assert [(r.method, r.path) for r in harness.requests] == [
        ("GET", f"/v1/customers/{CUSTOMER}/invoices/{INVOICE}")
    ] * 3
    assert len(harness.waits) == 2


# ------------------------------------------------------------------------------------- max_retries


@pytest.mark.parametrize("max_retries", [0, 1, 4])
async def test_client_max_retries_sets_the_number_of_attempts(harness: Harness, max_retries: int) -> None:
    harness.server.script(*[failure(500)] * (max_retries + 1), VOID_OK)
    client = harness.client(max_retries=max_retries)

    with pytest.raises(InternalServerError):
        await settle(client.v1.invoices.void(id=INVOICE))

    assert len(harness.requests) == max_retries + 1
    assert len(harness.waits) == max_retries
    assert harness.server.pending == 1


@pytest.mark.parametrize(("client_retries", "call_retries"), [(5, 0), (0, 3), (1, 4)])
async def test_per_call_max_retries_overrides_the_client(
    harness: Harness, client_retries: int, call_retries: int
) -> None:
    harness.server.script(*[failure(503)] * (call_retries + 1), VOID_OK)
    client = harness.client(max_retries=client_retries)

    with pytest.raises(InternalServerError):
        await settle(client.v1.invoices.void(id=INVOICE, max_retries=call_retries))

    assert len(harness.requests) == call_retries + 1
    assert len(harness.waits) == call_retries


async def test_per_call_max_retries_can_reach_a_success_the_client_setting_would_not(
    harness: Harness,
) -> None:
    harness.server.script(failure(500), failure(500), failure(500), VOID_OK)
    client = harness.client(max_retries=0)

    result = await settle(client.v1.invoices.void(id=INVOICE, max_retries=3))

    assert result.data is not None and result.data.id == VOIDED
    assert len(harness.requests) == 4
    assert client.max_retries == 0  # the call's setting did not stick to the client


async def test_with_options_copy_has_its_own_retries_and_shares_the_connection_pool(harness: Harness) -> None:
    client = harness.client()
    copy = harness.observe(client.with_options(max_retries=0))
    assert (client.max_retries, copy.max_retries) == (2, 0)

    harness.server.script(VOID_OK, failure(500), failure(500), VOID_OK)
    await settle(client.v1.invoices.void(id=INVOICE))
    with pytest.raises(InternalServerError):
        await settle(copy.v1.invoices.void(id=INVOICE))
    assert len(harness.requests) == 2 and harness.waits == []

    result = await settle(client.v1.invoices.void(id=INVOICE))
    assert result.data is not None and result.data.id == VOIDED
    assert len(harness.requests) == 4 and len(harness.waits) == 1

    # One TCP connection carried the requests of both clients: the copy uses the same pool.
    assert {r.connection for r in harness.requests} == {1}

    # Closing the copy leaves the shared pool to its owner.
    await settle(copy.close())
    assert not client.is_closed()
    harness.server.script(VOID_OK)
    await settle(client.v1.invoices.void(id=INVOICE))
    assert len(harness.requests) == 5


async def test_with_options_copy_can_retry_more(harness: Harness) -> None:
    client = harness.client(max_retries=0)
    copy = harness.observe(client.with_options(max_retries=4))
    harness.server.script(*[failure(502)] * 4, VOID_OK)

    result = await settle(copy.v1.invoices.void(id=INVOICE))

    assert result.data is not None and result.data.id == VOIDED
    assert len(harness.requests) == 5
    assert len(harness.waits) == 4
    assert_backoff(harness.waits)


# ----------------------------------------------------------------------------------------- the waits


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "2"}, 2.0),
        ({"Retry-After": "0.5"}, 0.5),
        ({"Retry-After": "60"}, 60.0),
        ({"retry-after-ms": "150"}, 0.15),
        ({"retry-after-ms": "150", "Retry-After": "30"}, 0.15),
        ({"retry-after-ms": "soon", "Retry-After": "3"}, 3.0),
    ],
)
async def test_the_wait_comes_from_the_servers_header(
    harness: Harness, headers: dict[str, str], expected: float
) -> None:
    harness.server.script(failure(429, headers), failure(503, headers), VOID_OK)
    client = harness.client()

    await settle(client.v1.invoices.void(id=INVOICE))

    assert harness.waits == [pytest.approx(expected)] * 2
    assert len(harness.requests) == 3


async def test_retry_after_as_an_http_date(harness: Harness) -> None:
    # An HTTP date has whole seconds: 3.5 s ahead rounds down to between 2.5 and 3.5 s from now.
    when = email.utils.formatdate(time.time() + 3.5, usegmt=True)
    harness.server.script(failure(429, {"Retry-After": when}), VOID_OK)
    client = harness.client()

    await settle(client.v1.invoices.void(id=INVOICE))

    assert len(harness.waits) == 1
    assert 2.0 <= harness.waits[0] <= 3.5


async def test_retry_after_as_a_date_that_has_passed_means_retry_now(harness: Harness) -> None:
    when = email.utils.formatdate(time.time() - 30, usegmt=True)
    harness.server.script(failure(503, {"Retry-After": when}), VOID_OK)
    client = harness.client()

    await settle(client.v1.invoices.void(id=INVOICE))

    assert harness.waits == [0.0]
    assert len(harness.requests) == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"Retry-After": "3600"},
        {"Retry-After": "61"},
        {"retry-after-ms": "3600000"},
        {"Retry-After": "-5"},
        {"Retry-After": "nan"},
        {"Retry-After": "inf"},
        {"Retry-After": "soon"},
        {"Retry-After": ""},
        {"retry-after-ms": "abc"},
        {"Retry-After": "Mon, 01 Jan 99999 00:00:00 GMT"},
        {"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"},
        {"Retry-After": "Mon, 01 Jan 2020 " + "9" * 320 + ":00:00 GMT"},
    ],
    ids=lambda headers: "|".join(f"{k}={v}" for k, v in headers.items())[:48],
)
async def test_an_unusable_retry_after_falls_back_to_backoff(
    harness: Harness, headers: dict[str, str]
) -> None:
    harness.server.script(failure(429, headers), failure(503, headers), failure(500, headers), VOID_OK)
    client = harness.client(max_retries=3)

    result = await settle(client.v1.invoices.void(id=INVOICE))

    assert result.data is not None and result.data.id == VOIDED
    assert len(harness.waits) == 3
    assert_backoff(harness.waits)


async def test_backoff_doubles_per_attempt_up_to_the_cap_with_jitter(harness: Harness) -> None:
    harness.server.script(*[failure(500)] * 7)
    client = harness.client(max_retries=6)

    with pytest.raises(InternalServerError):
        await settle(client.v1.invoices.void(id=INVOICE))

    assert len(harness.requests) == 7
    assert len(harness.waits) == 6
    assert_backoff(harness.waits)  # 0.5, 1, 2, 4, 8, 8 less up to 25 %
    assert harness.waits[3] > harness.waits[0] * 4  # it grows ...
    assert max(harness.waits) <= 8.0  # ... but not past the cap
    # Jitter: six draws are not all the nominal value (chance of that is nil with a real random source).
    assert any(wait < backoff_bounds(n)[1] for n, wait in enumerate(harness.waits))


async def test_jitter_differs_between_calls(harness: Harness) -> None:
    client = harness.client(max_retries=1)
    for _ in range(4):
        harness.server.script(failure(500), VOID_OK)
        await settle(client.v1.invoices.void(id=INVOICE))
    assert len(harness.waits) == 4
    for wait in harness.waits:  # each is the wait before a first retry
        assert_backoff([wait])
    assert len(set(harness.waits)) > 1


# ----------------------------------------------------------------------------------- idempotency key


async def test_a_post_sends_one_idempotency_key_on_every_attempt(harness: Harness) -> None:
    harness.server.script(failure(500), failure(429), VOID_OK)
    client = harness.client()

    await settle(client.v1.invoices.void(id=INVOICE))

    keys = [r.header("Idempotency-Key") for r in harness.requests]
    assert len(keys) == 3
    assert keys[0] and len(keys[0]) >= 16
    assert keys == [keys[0]] * 3


async def test_the_key_survives_connection_faults_too(harness: Harness) -> None:
    harness.server.script(DropMidBody(), CloseWithoutResponse(), failure(502), VOID_OK)
    client = harness.client(max_retries=3)

    await settle(client.v1.invoices.void(id=INVOICE))

    keys = {r.header("Idempotency-Key") for r in harness.requests}
    assert len(harness.requests) == 4
    assert len(keys) == 1 and None not in keys
    assert [r.json() for r in harness.requests] == [{"id": INVOICE}] * 4


async def test_each_call_gets_a_new_idempotency_key(harness: Harness) -> None:
    harness.server.script(failure(500), VOID_OK, failure(500), VOID_OK)
    client = harness.client()

    await settle(client.v1.invoices.void(id=INVOICE))
    await settle(client.v1.invoices.void(id=INVOICE))

    first, second = [{r.header("Idempotency-Key") for r in harness.requests[i : i + 2]} for i in (0, 2)]
    assert len(first) == 1 and len(second) == 1
    assert first != second


async def test_a_get_sends_no_idempotency_key(harness: Harness) -> None:
    harness.server.script(failure(503), RETRIEVE_OK)
    client = harness.client()

    await settle(client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))

    assert len(harness.requests) == 2
    assert all(r.header("Idempotency-Key") is None for r in harness.requests)


async def test_a_callers_idempotency_key_is_sent_on_every_attempt(harness: Harness) -> None:
    harness.server.script(failure(409), failure(500), VOID_OK)
    client = harness.client()

    await settle(client.v1.invoices.void(id=INVOICE, idempotency_key="void-2025-03-01-0001"))

    assert [r.header("Idempotency-Key") for r in harness.requests] == ["void-2025-03-01-0001"] * 3


# --------------------------------------------------------------------------------- connection faults


async def test_a_response_cut_off_mid_body_is_retried(harness: Harness) -> None:
    harness.server.script(DropMidBody(), VOID_OK)
    client = harness.client()

    result = await settle(client.v1.invoices.void(id=INVOICE))

    assert result.data is not None and result.data.id == VOIDED
    assert len(harness.requests) == 2
    assert len(harness.waits) == 1
    assert_backoff(harness.waits)


async def test_responses_cut_off_every_time_end_in_a_connection_error(harness: Harness) -> None:
    harness.server.script(DropMidBody(), DropMidBody(), DropMidBody(), VOID_OK)
    client = harness.client()

    with pytest.raises(APIConnectionError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE))

    assert not isinstance(caught.value, APITimeoutError)
    assert len(harness.requests) == 3
    assert harness.server.pending == 1
    assert len(harness.waits) == 2


async def test_a_connection_closed_without_response_is_retried(harness: Harness) -> None:
    harness.server.script(CloseWithoutResponse(), CloseWithoutResponse(), VOID_OK)
    client = harness.client()

    result = await settle(client.v1.invoices.void(id=INVOICE))

    assert result.data is not None and result.data.id == VOIDED
    assert len(harness.requests) == 3
    assert len(harness.waits) == 2
    assert_backoff(harness.waits)


@pytest.mark.parametrize("fault", [CloseWithoutResponse(), DropMidBody()], ids=["closed", "cut-off"])
async def test_connection_faults_are_not_retried_with_max_retries_zero(
    harness: Harness, fault: CloseWithoutResponse | DropMidBody
) -> None:
    harness.server.script(fault, VOID_OK)
    client = harness.client(max_retries=0)

    with pytest.raises(APIConnectionError):
        await settle(client.v1.invoices.void(id=INVOICE))

    assert len(harness.requests) == 1
    assert harness.waits == []


async def test_a_dropped_error_response_is_retried_as_a_connection_fault(harness: Harness) -> None:
    harness.server.script(
        DropMidBody(status=503, headers={"Retry-After": "7"}, body=b'{"message": "overloaded, try later"}'),
        VOID_OK,
    )
    client = harness.client()

    await settle(client.v1.invoices.void(id=INVOICE))

    assert len(harness.requests) == 2
    assert len(harness.waits) == 1


async def test_the_raw_response_reports_the_retries_taken(harness: Harness) -> None:
    harness.server.script(failure(429, {"retry-after-ms": "10"}), DropMidBody(), VOID_OK)
    client = harness.client()

    if isinstance(client, Metronome):
        raw = client.with_raw_response.v1.invoices.void(id=INVOICE)
        status, retries_taken, parsed = raw.status_code, raw.retries_taken, raw.parse()
    else:
        async_raw = await client.with_raw_response.v1.invoices.void(id=INVOICE)
        status, retries_taken, parsed = (
            async_raw.status_code,
            async_raw.retries_taken,
            await async_raw.parse(),
        )

    assert (status, retries_taken) == (200, 2)
    assert harness.waits[0] == pytest.approx(0.01)
    assert parsed.data is not None and parsed.data.id == VOIDED
