"""The ``examples`` rule asks jsonschema-rs first and Python's jsonschema only about what jsonschema-rs
rejects (``lint._Linter.plainly_valid``): the findings are those Python's jsonschema alone makes.

jsonschema-rs is given the format checks of Python's jsonschema (``lint._PYTHON_CHECKED_FORMATS``,
held here to Python's own checker value by value) and is not asked at all about a document whose
schemas use a keyword the two read differently (``lint._PYTHON_ONLY``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from _genhelpers import MAIN_SPEC, ROOT, SPECS
from generator import lint
from generator.validation import RUST_FORMATS

SAMPLES = {
    "date": ["2024-02-29", "2023-02-29", "2024-1-01", "2024-01-01\n", "٢٠٢٤-01-01", "", "2024-13-01"],
    "date-time": [
        "2024-01-01T00:00:00Z",
        "2024-01-01t00:00:00z",
        "2024-01-01T00:00:00.5+01:00",
        "2024-01-01 00:00:00Z",
        "0000-01-01T00:00:00Z",
        "2024-02-30T00:00:00Z",
        "2024-01-01T24:00:00Z",
        "2024-01-01T00:00:00",
    ],
    "time": ["12:00:00Z", "12:00:00", "1:2:3", "23:59:59.999+05:30", "12:00:00z", "25:00:00Z"],
    "email": ["a@b", "ab", "@", ""],
    "idn-email": ["ü@b", "ü"],
    "idn-hostname": ["example.com", "ex ample", "bücher.de", "-bad-.com", ""],
    "ipv4": ["1.2.3.4", "01.2.3.4", "256.1.1.1", "1.2.3", ""],
    "ipv6": ["::1", "fe80::1%eth0", "1::2::3", "", "::ffff:1.2.3.4"],
    "regex": ["^a+$", "(", "[a-", "\\d{2}"],
    "uuid": [
        "12345678-1234-5678-1234-567812345678",
        "12345678123456781234567812345678",
        "{12345678-1234-5678-1234-567812345678}",
        "urn:uuid:12345678-1234-5678-1234-567812345678",
        "nope",
    ],
}


def test_the_mirrored_formats_are_the_ones_python_checks() -> None:
    checked = set(Draft202012Validator.FORMAT_CHECKER.checkers)
    assert set(lint._PYTHON_CHECKED_FORMATS) == checked
    assert set(SAMPLES) == checked
    # A format jsonschema-rs knows and Python's jsonschema does not check accepts anything.
    formats = lint._python_formats()
    for name in set(RUST_FORMATS) - checked:
        assert formats[name]("not at all a " + name)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_mirrored_format_says_what_pythons_checker_says(name: str) -> None:
    checker = Draft202012Validator.FORMAT_CHECKER
    for value in SAMPLES[name]:
        assert lint._PYTHON_CHECKED_FORMATS[name](value) == checker.conforms(value, name), (name, value)


def _findings(path: Path, *, fast: bool, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(lint._Linter, "plainly_valid", lambda self, pointer, instance: False)
        found = lint.lint_file(path, spec_name=path.name)
    return [f.as_dict() for f in found if f.rule in ("example-valid", "default-valid")]


def _specs() -> list[Path]:
    return [*sorted(SPECS.rglob("*.yaml")), MAIN_SPEC]


def test_the_examples_rule_finds_what_pythons_jsonschema_alone_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = 0
    for path in _specs():
        if path.name == "generator.yaml":
            continue
        fast = _findings(path, fast=True, monkeypatch=monkeypatch)
        reference = _findings(path, fast=False, monkeypatch=monkeypatch)
        assert fast == reference, path
        seen += len(reference)
    assert seen > 5  # the lint cases hold examples and defaults that do not match


def test_a_document_with_a_pattern_is_left_to_pythons_jsonschema(tmp_path: Path) -> None:
    """``\\d`` is any decimal digit to Python's ``re`` and an ASCII digit to jsonschema-rs."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Code:\n      type: string\n      pattern: '^\\d+$'\n      example: '٤٢'\n",
        encoding="utf-8",
    )
    found = [f for f in lint.lint_file(spec, spec_name="openapi.yaml") if f.rule == "example-valid"]
    assert found == []  # Python's re reads '٤٢' as digits
    assert lint._fast_registry({"pattern": "x"}, False) is None


def test_linting_our_spec_does_not_import_pythons_jsonschema() -> None:
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from generator.lint import lint_file\n"
        f"found = lint_file(Path({str(MAIN_SPEC)!r}), spec_name='openapi.yaml')\n"
        "print(json.dumps([len(found), 'jsonschema' in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(done.stdout) == [0, False]
