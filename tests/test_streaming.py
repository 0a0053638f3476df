"""Streamed downloads over a real loopback connection, and the caller's own httpx client settings."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from _faultserver import DropMidBody, FaultServer, Reply
from conftest import FIXTURES

pytestmark = pytest.mark.timeout(30)

CUSTOMER = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
INVOICE = "810ad71f-ddbb-43e8-af50-4f1d7ce3c049"
PDF = (FIXTURES / "invoice.pdf").read_bytes()


def test_streaming_a_pdf_to_a_file(server: FaultServer, tmp_path: Path) -> None:
    from metronome_client import Metronome

    server.script(Reply(200, {"Content-Type": "application/pdf"}, PDF))
    target = tmp_path / "invoice.pdf"
    with Metronome(bearer_token="t", base_url=server.url, max_retries=0) as client:
        with client.v1.customers.invoices.with_streaming_response.retrieve_pdf(
            customer_id=CUSTOMER, invoice_id=INVOICE
        ) as response:
            assert response.headers["content-type"] == "application/pdf"
            written = response.stream_to_file(target, chunk_size=128)
    assert written == len(PDF)
    assert target.read_bytes() == PDF
    assert server.requests[0].header("accept") == "application/pdf"


def test_a_stream_cut_off_mid_body_raises_a_connection_error(server: FaultServer, tmp_path: Path) -> None:
    from metronome_client import APIConnectionError, Metronome

    server.script(DropMidBody(200, {"Content-Type": "application/pdf"}, PDF))
    with Metronome(bearer_token="t", base_url=server.url, max_retries=0) as client:
        with client.v1.customers.invoices.with_streaming_response.retrieve_pdf(
            customer_id=CUSTOMER, invoice_id=INVOICE
        ) as response:
            with pytest.raises(APIConnectionError, match="Connection lost"):
                response.stream_to_file(tmp_path / "partial.pdf")


@pytest.mark.anyio
async def test_async_stream_cut_off_mid_body_raises_a_connection_error(
    server: FaultServer, tmp_path: Path
) -> None:
    from metronome_client import APIConnectionError, AsyncMetronome

    server.script(DropMidBody(200, {"Content-Type": "application/pdf"}, PDF))
    async with AsyncMetronome(bearer_token="t", base_url=server.url, max_retries=0) as client:
        async with client.v1.customers.invoices.with_streaming_response.retrieve_pdf(
            customer_id=CUSTOMER, invoice_id=INVOICE
        ) as response:
            with pytest.raises(APIConnectionError):
                await response.stream_to_file(tmp_path / "partial.pdf")


def test_a_timeout_configured_on_the_callers_http_client_is_kept() -> None:
    from metronome_client import Metronome

    own = httpx.Client(timeout=httpx.Timeout(12.0, connect=2.0))
    with Metronome(bearer_token="t", http_client=own) as client:
        assert client.timeout == httpx.Timeout(12.0, connect=2.0)
    with Metronome(bearer_token="t", http_client=httpx.Client()) as client:
        assert client.timeout == httpx.Timeout(60.0, connect=5.0)  # httpx's own default is not a choice
    with Metronome(bearer_token="t", http_client=own, timeout=3.0) as client:
        assert client.timeout == 3.0
    assert not own.is_closed  # the caller's client stays the caller's to close
    own.close()
