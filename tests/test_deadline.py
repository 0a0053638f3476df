"""The ``deadline`` option: one bound on a whole call, against the fault server (``_faultserver.py``).

``timeout`` bounds each network operation of one attempt, so a server that keeps a call alive a
byte at a time, or fails slowly again and again, is never cut off by it. ``deadline`` bounds the
call: every attempt, the waits between them and the whole body. Sync and async, real sockets.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "generated") not in sys.path:
    sys.path.insert(0, str(ROOT / "generated"))

from _faultserver import Stall, Trickle  # noqa: E402
from conftest import Harness  # noqa: E402
from metronome_client import (  # noqa: E402
    APITimeoutError,
    ArgumentError,
    AsyncMetronome,
    InternalServerError,
    Metronome,
)
from test_retries import INVOICE, VOID_OK, VOIDED, failure, settle  # noqa: E402

pytestmark = [pytest.mark.anyio, pytest.mark.timeout(20)]

TRICKLE = Trickle(VOID_OK, interval=0.1)
"""The void answer, one byte every 0.1 s: about 6 s in all, each byte far inside any read timeout."""
SLACK = 0.5
"""How long after its deadline a call may still take to end (scheduling on a busy machine)."""


async def test_a_body_trickling_in_ends_at_the_deadline(harness: Harness) -> None:
    harness.server.script(TRICKLE, VOID_OK)
    client = harness.client(timeout=5.0, deadline=0.6)

    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE))
    elapsed = time.monotonic() - started

    assert 0.6 <= elapsed < 0.6 + SLACK
    assert "deadline of 0.6 s" in str(caught.value)
    assert len(harness.requests) == 1  # no retry: the deadline had passed
    assert harness.waits == []


async def test_a_body_that_falls_silent_midway_ends_at_the_deadline_not_a_read_timeout_later(
    harness: Harness,
) -> None:
    # Six bytes in 0.6 s, then silence. Each attempt's read timeout is cut to the time left when it
    # started (1 s), so by itself it would end the call at 1.6 s; the deadline ends it at 1 s.
    harness.server.script(Trickle(VOID_OK, interval=0.1, stall_after=6))
    client = harness.client(timeout=30.0, deadline=1.0)

    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE))
    elapsed = time.monotonic() - started

    assert 1.0 <= elapsed < 1.45
    assert "deadline of 1 s" in str(caught.value)
    assert len(harness.requests) == 1


async def test_the_connection_pool_stays_usable_after_a_call_cut_off_at_its_deadline(
    harness: Harness,
) -> None:
    harness.server.script(Trickle(VOID_OK, interval=0.1, stall_after=3), VOID_OK, VOID_OK, VOID_OK)
    client = harness.client(deadline=0.5)
    with pytest.raises(APITimeoutError):
        await settle(client.v1.invoices.void(id=INVOICE))
    for _ in range(2):  # kept-alive connections are not disturbed by deadlines that passed
        result = await settle(client.v1.invoices.void(id=INVOICE))
        assert result.data is not None and result.data.id == VOIDED
    await anyio.sleep(0.6)  # past the deadlines of the two calls that finished in time
    result = await settle(client.v1.invoices.void(id=INVOICE, deadline=None))
    assert len(harness.requests) == 4


async def test_a_streamed_body_trickling_in_ends_at_the_deadline(harness: Harness) -> None:
    harness.server.script(TRICKLE)
    client = harness.client(timeout=5.0, deadline=0.6)
    received = bytearray()

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        if isinstance(client, Metronome):
            with client.v1.invoices.with_streaming_response.void(id=INVOICE) as response:
                for chunk in response.iter_bytes():
                    received += chunk
        else:
            async with client.v1.invoices.with_streaming_response.void(id=INVOICE) as streamed:
                async for chunk in streamed.iter_bytes():
                    received += chunk
    elapsed = time.monotonic() - started

    assert 0.6 <= elapsed < 0.6 + SLACK
    assert 0 < len(received) < len(VOID_OK.body)


async def test_retries_and_their_waits_count_against_the_deadline(harness: Harness) -> None:
    slow_failure = failure(503, {"retry-after-ms": "600"})
    harness.server.script(slow_failure, slow_failure, slow_failure, slow_failure, VOID_OK)
    client = harness.sleeping_client(max_retries=5, deadline=1.5)

    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE))
    elapsed = time.monotonic() - started

    # 503 at 0 s, wait, 503 at 0.6 s, wait, 503 at 1.2 s: a third wait would end at 1.8 s, past the
    # deadline, so the call ends now instead of sleeping towards an answer it cannot wait for.
    assert harness.waits == [0.6, 0.6]
    assert len(harness.requests) == 3
    assert harness.server.pending == 2
    assert 1.2 <= elapsed < 1.5
    assert "3 attempts" in str(caught.value)
    cause = caught.value.__cause__
    assert isinstance(cause, InternalServerError) and cause.status_code == 503


async def test_a_wait_that_would_end_past_the_deadline_is_not_taken(harness: Harness) -> None:
    harness.server.script(failure(429, {"Retry-After": "5"}), VOID_OK)
    client = harness.client(deadline=2.0)

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await settle(client.v1.invoices.void(id=INVOICE))

    assert time.monotonic() - started < SLACK
    assert harness.waits == []
    assert len(harness.requests) == 1


async def test_a_stall_is_cut_at_the_deadline_whatever_the_timeout(harness: Harness) -> None:
    harness.server.script(Stall(5.0), Stall(5.0), Stall(5.0))
    client = harness.client(timeout=30.0, deadline=0.5)

    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await settle(client.v1.invoices.void(id=INVOICE))
    elapsed = time.monotonic() - started

    assert 0.5 <= elapsed < 0.5 + SLACK
    assert len(harness.requests) == 1
    assert "deadline" in str(caught.value)


async def test_a_call_that_finishes_in_time_is_untouched(harness: Harness) -> None:
    harness.server.script(failure(500), Stall(0.2, then=VOID_OK))
    client = harness.client(deadline=5.0)

    result = await settle(client.v1.invoices.void(id=INVOICE))

    assert result.data is not None and result.data.id == VOIDED
    assert len(harness.requests) == 2
    assert len(harness.waits) == 1


async def test_the_clients_deadline_is_the_default_and_a_call_can_change_or_lift_it(harness: Harness) -> None:
    client = harness.client(deadline=0.3, max_retries=0)
    assert client.deadline == 0.3
    assert "deadline=0.3" in repr(client)

    harness.server.script(Stall(5.0))
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await settle(client.v1.invoices.void(id=INVOICE))
    assert time.monotonic() - started < 0.3 + SLACK

    harness.server.script(Stall(0.6, then=VOID_OK), Stall(0.6, then=VOID_OK))
    lifted = await settle(client.v1.invoices.void(id=INVOICE, deadline=None))
    longer = await settle(client.v1.invoices.void(id=INVOICE, deadline=5.0))
    assert lifted.data is not None and longer.data is not None

    copy = harness.observe(client.with_options(deadline=None))
    assert copy.deadline is None and client.deadline == 0.3
    assert harness.observe(client.with_options(max_retries=1)).deadline == 0.3
    harness.server.script(Stall(0.6, then=VOID_OK))
    result = await settle(copy.v1.invoices.void(id=INVOICE))
    assert result.data is not None and result.data.id == VOIDED


async def test_request_takes_a_deadline_too(harness: Harness) -> None:
    harness.server.script(TRICKLE)
    client = harness.client(timeout=5.0)

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await settle(client.request("post", "/v1/invoices/void", body={"id": INVOICE}, deadline=0.4))
    assert time.monotonic() - started < 0.4 + SLACK


BAD_DEADLINES: list[Any] = [0, -1.0, math.nan, math.inf, True, "5"]


@pytest.mark.parametrize("bad", BAD_DEADLINES, ids=repr)
async def test_a_deadline_must_be_a_positive_number_of_seconds(harness: Harness, bad: Any) -> None:
    with pytest.raises(ArgumentError, match="deadline must be a positive number"):
        harness.client(deadline=bad)
    client = harness.client()
    with pytest.raises(ArgumentError, match="deadline must be a positive number"):
        await settle(client.v1.invoices.void(id=INVOICE, deadline=bad))
    with pytest.raises(ArgumentError, match="deadline must be a positive number"):
        client.with_options(deadline=bad)
    assert harness.requests == []


def test_there_is_no_deadline_unless_one_is_set() -> None:
    for client in (Metronome(bearer_token="t"), AsyncMetronome(bearer_token="t")):
        assert client.deadline is None


async def test_each_attempt_waits_at_most_the_time_left(harness: Harness) -> None:
    seen: list[dict[str, float | None]] = []

    def hook(request: httpx.Request) -> None:
        seen.append(request.extensions["timeout"])

    async def async_hook(request: httpx.Request) -> None:
        seen.append(request.extensions["timeout"])

    http_client: httpx.Client | httpx.AsyncClient
    if harness.kind == "sync":
        http_client = httpx.Client(event_hooks={"request": [hook]})
    else:
        http_client = httpx.AsyncClient(event_hooks={"request": [async_hook]})
    client = harness.client(http_client=http_client, timeout=httpx.Timeout(60.0, connect=1.0))
    harness.server.script(VOID_OK, VOID_OK)
    try:
        await settle(client.v1.invoices.void(id=INVOICE, deadline=3.0))
        await settle(client.v1.invoices.void(id=INVOICE))
    finally:
        if isinstance(http_client, httpx.Client):
            http_client.close()
        else:
            await http_client.aclose()

    capped, untouched = seen
    assert capped["connect"] == 1.0  # already shorter than the deadline
    assert all(value is not None and 2.5 < value <= 3.0 for key, value in capped.items() if key != "connect")
    assert untouched == {"connect": 1.0, "read": 60.0, "write": 60.0, "pool": 60.0}
