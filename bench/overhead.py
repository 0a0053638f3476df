"""Per-call overhead: one small GET against a loopback server, through each client.

The server (``bench.server``, a separate process) answers every request with the recorded
``retrieveInvoice.json`` (about 10 KB, ``application/json``) over a kept-alive connection, so what
differs between the cases is the client side:

- bare: ``httpx.Client.get(url)`` and ``json.loads(response.content)``: the floor;
- bare + our model: the same plus ``InvoiceRetrieveResponse.model_validate_json`` (for context:
  how much of our cost is the model, how much the runtime);
- ours: ``Metronome(..., max_retries=0).v1.customers.invoices.retrieve(...)``;
- official: the official SDK's ``Metronome(...).v1.customers.invoices.retrieve(...)``.

Each case is warmed up, then timed call by call in batches, the cases taking turns batch by batch.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from ._harness import (
    REPO_ROOT,
    Section,
    Target,
    load_generated,
    load_official,
    median,
    ratio,
    time_interleaved,
)

__all__ = ["loopback_server", "run"]

CUSTOMER_ID = "30f67efa-7721-4d7f-9c5e-2b662d360621"
INVOICE_ID = "810ad71f-ddbb-43e8-af50-4f1d7ce3c049"
PATH = f"/v1/customers/{CUSTOMER_ID}/invoices/{INVOICE_ID}"

MAX_RATIO_VS_BARE = 1.5


@contextmanager
def loopback_server(max_requests: int, lifetime: float = 120.0) -> Iterator[str]:
    """Start ``bench.server`` in a subprocess; yields its base URL and stops it on exit."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.server",
            "--max-requests",
            str(max_requests),
            "--lifetime",
            str(lifetime),
        ],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        if not line.isdigit():
            process.kill()
            _, err = process.communicate(timeout=10)
            raise RuntimeError(f"loopback server did not start: {line!r} {err.strip()}")
        yield f"http://127.0.0.1:{int(line)}"
    finally:
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def run(batches: int = 20, batch_size: int = 100, warmup: int = 200) -> Section:
    cases_count = 4
    total = cases_count * (warmup + batches * batch_size) + 100
    section = Section(title="Per-call overhead: GET one invoice (10 KB) from a loopback server", unit="s")
    with loopback_server(max_requests=total) as base_url:
        url = base_url + PATH
        bare = httpx.Client()
        retrieve_model: Any = load_generated(".types._responses").InvoiceRetrieveResponse
        ours: Any = load_generated()
        ours_client: Any = ours.Metronome(bearer_token="bench", base_url=base_url, max_retries=0)
        official: Any = load_official()
        official_client: Any = official.Metronome(bearer_token="bench", base_url=base_url)
        ours_invoices = ours_client.v1.customers.invoices
        official_invoices = official_client.v1.customers.invoices

        def bare_call() -> object:
            return json.loads(bare.get(url).content)

        def bare_model_call() -> object:
            return retrieve_model.model_validate_json(bare.get(url).content)

        def ours_call() -> Any:
            return ours_invoices.retrieve(customer_id=CUSTOMER_ID, invoice_id=INVOICE_ID)

        def official_call() -> Any:
            return official_invoices.retrieve(customer_id=CUSTOMER_ID, invoice_id=INVOICE_ID)

        cases: dict[str, Callable[[], object]] = {
            "bare httpx + json.loads": bare_call,
            "bare httpx + our model": bare_model_call,
            "ours: retrieve()": ours_call,
            "official: retrieve()": official_call,
        }
        expected = json.loads(bare.get(url).content)["data"]["id"]
        assert ours_call().data.id == expected
        assert official_call().data.id == expected
        time_interleaved(cases, 1, inner=warmup)
        samples = time_interleaved(cases, batches, inner=batch_size)
        bare.close()
        ours_client.close()
        official_client.close()

    for name, values in samples.items():
        section.medians[name] = median(values)
    floor = section.medians["bare httpx + json.loads"]
    for name, value in section.medians.items():
        if name != "bare httpx + json.loads":
            section.ratios[f"{name} / bare"] = ratio(value, floor)
    ours_median = section.medians["ours: retrieve()"]
    section.ratios["official / ours"] = ratio(section.medians["official: retrieve()"], ours_median)
    section.targets.append(
        Target("per-call: ours / bare httpx", ratio(ours_median, floor), MAX_RATIO_VS_BARE)
    )
    section.extra["calls_per_case"] = batches * batch_size
    section.extra["warmup_calls_per_case"] = warmup
    section.notes.append(f"median of {batches * batch_size} individually timed calls per case")
    return section
