"""Timeouts against a real loopback server that stalls on purpose (``_faultserver.py``).

The server's stalls (5 s) are far longer than the clients' test timeouts (0.2 s), so a call that
did not time out would fail its elapsed-time bound; the stalls end as soon as the server stops.
Backoff waits are recorded, not slept (see ``conftest.Harness``). Sync and async.
"""

from __future__ import annotations

import itertools
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "generated") not in sys.path:
    sys.path.insert(0, str(ROOT / "generated"))

from _faultserver import NOTHING_SCRIPTED, FaultServer, Stall  # noqa: E402
from metronome_client import (  # noqa: E402
    NOT_GIVEN,
    APITimeoutError,
    AsyncMetronome,
    InternalServerError,
    Metronome,
    NotGiven,
)
from conftest import Harness  # noqa: E402
from test_retries import (  # noqa: E402
    CUSTOMER,
    INVOICE,
    RETRIEVE_OK,
    VOID_OK,
    VOIDED,
    assert_backoff,
    failure,
    settle,
)

pytestmark = [pytest.mark.anyio, pytest.mark.timeout(20)]

STALL = Stall(5.0)
"""Longer than any timeout a test sets; ends early when the server stops."""
SHORT = 0.2
TIMED_OUT_WITHIN = 2.5
"""Upper bound in seconds for a call that must have timed out (a stall would take 5 s per attempt)."""


# ------------------------------------------------------------------------------------ the defaults


def test_the_default_timeout_is_60_seconds_with_a_shorter_connect_timeout() -> None:
    for client in (Metronome(bearer_token="test"), AsyncMetronome(bearer_token="test")):
        assert client.timeout == httpx.Timeout(60.0, connect=5.0)
        assert isinstance(client.timeout, httpx.Timeout)
        assert (client.timeout.read, client.timeout.write, client.timeout.pool) == (60.0, 60.0, 60.0)
        assert client.timeout.connect is not None and 0 < client.timeout.connect < 60.0


DEFAULT_ON_THE_WIRE = {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}


@pytest.mark.parametrize(
    ("client_options", "call_timeout", "expected"),
    [
        ({}, NOT_GIVEN, DEFAULT_ON_THE_WIRE),
        ({"timeout": 3.0}, NOT_GIVEN, dict.fromkeys(DEFAULT_ON_THE_WIRE, 3.0)),
        ({}, 7.5, dict.fromkeys(DEFAULT_ON_THE_WIRE, 7.5)),
        (
            {"timeout": 3.0},
            httpx.Timeout(10.0, connect=1.0),
            {"connect": 1.0, "read": 10.0, "write": 10.0, "pool": 10.0},
        ),
        ({"timeout": 3.0}, None, dict.fromkeys(DEFAULT_ON_THE_WIRE)),
    ],
    ids=["default", "client", "call", "call-object", "call-disables"],
)
async def test_the_timeout_each_request_is_sent_with(
    harness: Harness,
    client_options: dict[str, object],
    call_timeout: float | httpx.Timeout | NotGiven | None,
    expected: dict[str, float | None],
) -> None:
    # The caller's own httpx client, whose own default (5 s for everything) must not be what is used.
    seen: list[object] = []

    def hook(request: httpx.Request) -> None:
        seen.append(request.extensions["timeout"])

    async def async_hook(request: httpx.Request) -> None:
        seen.append(request.extensions["timeout"])

    http_client: httpx.Client | httpx.AsyncClient
    if harness.kind == "sync":
        http_client = httpx.Client(event_hooks={"request": [hook]})
    else:
        http_client = httpx.AsyncClient(event_hooks={"request": [async_hook]})
    client = harness.client(http_client=http_client, **client_options)
    harness.server.script(failure(500), VOID_OK)
    try:
        await settle(client.v1.invoices.void(id=INVOICE, timeout=call_timeout))
    finally:
        if isinstance(http_client, httpx.Client):
            http_client.close()
        else:
            await http_client.aclose()

    assert seen == [expected, expected]  # the retry carries the same timeout


# ------------------------------------------------------------------------------- stalls and retries


async def test_a_stall_past_the_timeout_ends_in_the_timeout_error_after_every_retry(harness: Harness) -> None:
    harness.server.script(STALL, STALL, STALL, VOID_OK)
    client = harness.client(timeout=SHORT)

    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE))
    elapsed = time.monotonic() - started

    assert isinstance(caught.value.__cause__, httpx.TimeoutException)
    assert len(harness.requests) == 3  # max_retries (2) + 1
    assert harness.server.pending == 1
    assert len(harness.waits) == 2
    assert_backoff(harness.waits)
    assert 3 * SHORT <= elapsed < TIMED_OUT_WITHIN
    # Each attempt was a separate request, sent only after the previous one timed out.
    gaps = [b.received_at - a.received_at for a, b in itertools.pairwise(harness.requests)]
    assert all(gap >= SHORT * 0.9 for gap in gaps)


@pytest.mark.parametrize(("client_retries", "call_retries", "attempts"), [(0, None, 1), (0, 1, 2), (5, 0, 1)])
async def test_timeouts_obey_max_retries(
    harness: Harness, client_retries: int, call_retries: int | None, attempts: int
) -> None:
    harness.server.script(*[STALL] * attempts, VOID_OK)
    client = harness.client(timeout=SHORT, max_retries=client_retries)

    with pytest.raises(APITimeoutError):
        if call_retries is None:
            await settle(client.v1.invoices.void(id=INVOICE))
        else:
            await settle(client.v1.invoices.void(id=INVOICE, max_retries=call_retries))

    assert len(harness.requests) == attempts
    assert len(harness.waits) == attempts - 1


async def test_a_timed_out_attempt_is_retried_and_the_next_answer_is_used(harness: Harness) -> None:
    harness.server.script(STALL, failure(503, {"Retry-After": "1"}), VOID_OK)
    client = harness.client(timeout=SHORT)

    result = await settle(client.v1.invoices.void(id=INVOICE))

    assert result.data is not None and result.data.id == VOIDED
    assert len(harness.requests) == 3
    # Timeouts and statuses share one retry budget; the second wait is the server's.
    assert len(harness.waits) == 2
    assert_backoff(harness.waits[:1])
    assert harness.waits[1] == 1.0
    keys = {r.header("Idempotency-Key") for r in harness.requests}
    assert len(keys) == 1 and None not in keys


async def test_a_get_that_times_out_is_retried(harness: Harness) -> None:
    harness.server.script(STALL, RETRIEVE_OK)
    client = harness.client(timeout=SHORT, max_retries=1)

    result = await settle(client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))

    assert result.data.id == INVOICE
    assert [r.method for r in harness.requests] == ["GET", "GET"]
    assert len(harness.waits) == 1


# ---------------------------------------------------------------------------- per-call and copies


async def test_a_per_call_timeout_shortens_the_clients(harness: Harness) -> None:
    harness.server.script(STALL, STALL, VOID_OK)
    client = harness.client(max_retries=1)  # default timeout: 60 s

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await settle(client.v1.invoices.void(id=INVOICE, timeout=SHORT))

    assert time.monotonic() - started < TIMED_OUT_WITHIN
    assert len(harness.requests) == 2


async def test_a_per_call_timeout_lengthens_the_clients(harness: Harness) -> None:
    harness.server.script(Stall(0.6, then=VOID_OK))
    client = harness.client(timeout=SHORT, max_retries=0)

    started = time.monotonic()
    result = await settle(client.v1.invoices.void(id=INVOICE, timeout=5.0))

    assert result.data is not None and result.data.id == VOIDED
    assert time.monotonic() - started >= 0.6
    assert len(harness.requests) == 1


async def test_a_per_call_timeout_object_sets_the_read_timeout(harness: Harness) -> None:
    harness.server.script(STALL, VOID_OK)
    client = harness.client(max_retries=0)

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await settle(client.v1.invoices.void(id=INVOICE, timeout=httpx.Timeout(10.0, read=SHORT)))

    assert time.monotonic() - started < TIMED_OUT_WITHIN
    assert len(harness.requests) == 1


async def test_with_options_timeout_applies_to_the_copy_only(harness: Harness) -> None:
    client = harness.client(max_retries=0)
    copy = harness.observe(client.with_options(timeout=SHORT))
    assert copy.timeout == SHORT
    assert client.timeout == httpx.Timeout(60.0, connect=5.0)

    harness.server.script(STALL)
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await settle(copy.v1.invoices.void(id=INVOICE))
    assert time.monotonic() - started < TIMED_OUT_WITHIN

    harness.server.script(Stall(0.6, then=VOID_OK))
    result = await settle(client.v1.invoices.void(id=INVOICE))
    assert result.data is not None and result.data.id == VOIDED
    assert len(harness.requests) == 2


async def test_a_retry_after_a_timeout_can_still_end_in_a_status_error(harness: Harness) -> None:
    harness.server.script(STALL, failure(500))
    client = harness.client(timeout=SHORT, max_retries=1)

    with pytest.raises(InternalServerError):
        await settle(client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE))

    assert len(harness.requests) == 2
    assert harness.server.pending == 0


# ----------------------------------------------------------------------------- the server itself


def _wait_for(condition: Callable[[], bool], seconds: float = 2.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.01)


def test_the_fault_server_stops_promptly_mid_stall_and_with_idle_connections() -> None:
    server = FaultServer().start()
    try:
        stalled = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        idle = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        server.script(Stall(30.0))
        stalled.sendall(b"GET /stall HTTP/1.1\r\nHost: x\r\n\r\n")
        _wait_for(lambda: len(server.requests) == 1)
        _wait_for(lambda: server.threads_alive == 3)  # the acceptor and one thread per connection
    finally:
        started = time.monotonic()
        server.stop()
        stopped_in = time.monotonic() - started

    assert stopped_in < 1.0
    assert server.threads_alive == 0
    assert stalled.recv(1024) == b""  # closed without an answer, not left hanging
    assert idle.recv(1024) == b""
    stalled.close()
    idle.close()
    request = server.requests[0]
    assert (request.method, request.path, request.header("host")) == ("GET", "/stall", "x")
    assert not server.errors


def test_an_unscripted_request_gets_a_status_no_client_retries() -> None:
    with FaultServer() as server, httpx.Client(base_url=server.url) as http:
        response = http.post("/v1/anything?x=1&x=2", json={"a": 1}, headers={"X-Probe": "yes"})
    assert response.status_code == NOTHING_SCRIPTED.status == 418
    assert "no scripted behaviour" in response.json()["message"]
    (request,) = server.requests
    assert (request.method, request.path, request.query) == ("POST", "/v1/anything", {"x": ["1", "2"]})
    assert request.header("X-Probe") == "yes"
    assert request.json() == {"a": 1}
