"""Habits and defects of published specs that the corpus (``make corpus``) met, each kept working.

``tests/specs/real-world-quirks/openapi.yaml`` holds one operation per quirk: comparison operators
in parameter names (Twilio), a percent-encoded ``$ref`` into another operation (DigitalOcean), a
response that is an ``allOf`` of one inline object, another operation's response schema reused by
``$ref``, ``schema: null`` (Directus), and a string written as an ``allOf`` of strings (ReadMe).
"""

from __future__ import annotations

import inspect
from pathlib import Path

from _genhelpers import SPECS, imported_package, run_generator

SPEC = SPECS / "real-world-quirks" / "openapi.yaml"


def test_each_quirk_generates_a_working_method(tmp_path: Path) -> None:
    done = run_generator("generate", "--strict", "--spec", SPEC, "--out", tmp_path / "out")
    assert done.returncode == 2, done.stderr  # strict: the null schema is a warning, so it stops
    assert (
        "at /paths/~1items/post/requestBody/content/application~1json/schema: the schema is null"
        in done.stderr
    )

    done = run_generator("generate", "--spec", SPEC, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "0 errors" in done.stderr and "left out" not in done.stderr
    with imported_package(tmp_path / "out", "quirks_published_client") as package:
        client = package.QuirksPublished(base_url="http://127.0.0.1:9")
        # Operators are spelled out, the same whatever else the operation has.
        listing = inspect.signature(client.calls.list_calls).parameters
        assert {"start_time", "start_time_lt", "start_time_gt", "end_time_gte"} <= set(listing)
        # The percent-encoded $ref finds its parameter; the shared response is one class.
        assert "key_id" in inspect.signature(client.keys.delete_key).parameters
        types = package.types
        assert types.KeysGetKeyResponse is not None and not hasattr(types, "KeysDeleteKeyResponse")
        # allOf of one inline object: a class with its fields.
        assert "calls" in types.CallsListCallsResponse.model_fields
        # A null body schema: a free-form body.
        assert "body" in inspect.signature(client.items.create_item).parameters
        # allOf of strings: a string, on both sides.
        assert inspect.signature(client.labels.create_label).parameters["label"].annotation == "str"
        assert types.LabelsCreateLabelResponse.model_fields["label"].annotation == str | None
