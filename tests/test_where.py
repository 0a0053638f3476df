"""`sdkgen where`: from a drift record's spec pointer to the line of the spec to fix."""

from __future__ import annotations

import subprocess
import sys

import httpx

from conftest import ROOT, Replay, fixture_json
from metronome_client import Metronome

CUSTOMER = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
INVOICE = "810ad71f-ddbb-43e8-af50-4f1d7ce3c049"


def test_the_spec_pointer_of_a_drift_leads_to_the_line_to_fix(replay: Replay) -> None:
    body = fixture_json("retrieveInvoice.json")
    body["data"]["line_items"][0]["pricing_group_values"] = {"tier": None}
    replay.add(httpx.Response(200, json=body))
    with Metronome(
        bearer_token="t", http_client=httpx.Client(transport=httpx.MockTransport(replay.respond))
    ) as client:
        (record,) = client.v1.customers.invoices.retrieve(customer_id=CUSTOMER, invoice_id=INVOICE).drift
    found = subprocess.run(
        [sys.executable, "-m", "generator", "where", record.spec_pointer],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    location, _, pointer = found.stdout.strip().partition(": ")
    assert pointer == record.spec_pointer
    path, line, _column = location.split(":")
    assert path == "spec/openapi.yaml"
    assert (ROOT / path).read_text(encoding="utf-8").splitlines()[
        int(line) - 1
    ].strip() == "additionalProperties:"
    missing = subprocess.run(
        [sys.executable, "-m", "generator", "where", "#/components/schemas/NoSuchSchema"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2
    assert "nothing at #/components/schemas/NoSuchSchema" in missing.stderr
