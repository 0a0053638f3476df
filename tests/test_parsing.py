"""Parsing large responses: straight from bytes, with the garbage collector kept out of the way."""

from __future__ import annotations

import copy
import gc
import json
from typing import Any

import httpx

from conftest import fixture_json


def big_page(invoices: int = 120) -> bytes:
    invoice = fixture_json("retrieveInvoice.json")["data"]
    page: dict[str, Any] = {"data": [], "next_page": "cursor"}
    for index in range(invoices):
        item = copy.deepcopy(invoice)
        item["id"] = f"00000000-0000-4000-8000-{index:012d}"
        page["data"].append(item)
    return json.dumps(page).encode()


def response(body: bytes) -> httpx.Response:
    return httpx.Response(200, content=body, request=httpx.Request("GET", "https://api.example.test/v1/x"))


def test_a_large_page_parses_without_garbage_collections_and_gc_comes_back_on() -> None:
    from metronome_client._models import GC_PAUSE_THRESHOLD, validate_response
    from metronome_client.types import InvoiceListResponse

    body = big_page()
    assert len(body) > GC_PAUSE_THRESHOLD
    validate_response(InvoiceListResponse, response(body))  # builds the validator first
    prepared = response(body)
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        page = validate_response(InvoiceListResponse, prepared)
        during_parse = len(collections)  # len() allocates nothing, so it cannot set off a collection itself
        gc.collect()
    finally:
        gc.callbacks.remove(count)
    assert len(page.data) == 120
    assert page.data[7].id.endswith("000000000007")
    assert during_parse == 0
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_application_stays_off() -> None:
    from metronome_client._models import validate_response
    from metronome_client.types import InvoiceListResponse

    gc.disable()
    try:
        validate_response(InvoiceListResponse, response(big_page(10)))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_gc_is_back_on_after_a_large_body_fails_validation() -> None:
    import pytest

    from metronome_client import APIResponseValidationError
    from metronome_client._base_client import FinalRequest
    from metronome_client._drift import DriftReporter
    from metronome_client._models import validate_response
    from metronome_client.types import InvoiceListResponse

    broken = big_page().replace(b'"total": 360260', b'"total": "lots"', 1)
    strict = FinalRequest(method="get", path="/x", drift=DriftReporter(strict=True))
    with pytest.raises(APIResponseValidationError, match=r"data\[0\]\.total"):
        validate_response(InvoiceListResponse, response(broken), strict)
    assert gc.isenabled()
    tolerated = validate_response(InvoiceListResponse, response(broken))
    assert [d.path for d in tolerated.drift] == ["$.data[0].total"]
    assert gc.isenabled()
