"""generator.validation against what it replaces: Python jsonschema with openapi-spec-validator's
meta-schemas, and openapi-spec-validator's root validator.

Every spec of the suite (tests/specs, the golden cases, spec/openapi.yaml) goes through both; the
small specs in tests/specs/semantic/ break one rule each and say, line by line, what is found there.
GitHub's spec is compared by ``python -m bench --only validation`` (the reference takes half a
minute on it).
"""

from __future__ import annotations

import ast
import copy
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator import validation
from generator.errors import SpecError, SpecErrors, join_pointer
from generator.loader import Document, check_refs, load_document, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests" / "specs"
SEMANTIC = SPECS / "semantic"

ALL_SPECS = sorted(
    [p for p in SPECS.rglob("*.yaml") if p.name != "generator.yaml"]
    + list((ROOT / "tests" / "golden").glob("*/spec.yaml"))
    + [ROOT / "spec" / "openapi.yaml"]
)
IDS = [str(p.relative_to(ROOT)) for p in ALL_SPECS]


def _load(path: Path) -> tuple[Document, str] | None:
    try:
        doc = load_document(path)
    except SpecErrors:
        return None  # the YAML cases of tests/specs/errors
    version = doc.data.get("openapi")
    assert isinstance(version, str)
    return doc, version


def _reference_meta(doc: Document, version: str) -> list[tuple[str, str]]:
    """What the loader reported before: Python jsonschema against openapi-spec-validator's
    meta-schema objects, each error's best match."""
    import jsonschema
    from openapi_spec_validator.schemas import schema_v30, schema_v31

    meta = schema_v31 if version.startswith("3.1") else schema_v30
    validator = jsonschema.validators.validator_for(meta)(meta)
    found: list[tuple[str, str]] = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path]):
        best = jsonschema.exceptions.best_match([error]) if error.context else error
        found.append((join_pointer(*best.absolute_path), f"not valid OpenAPI {version}: {best.message}"))
    return found[:50]


def _ours_meta(doc: Document, version: str) -> list[tuple[str, str]]:
    return [(e.location.pointer, e.message) for e in validation.meta_schema_errors(doc, version)]


def _reference_semantic(doc: Document, version: str) -> list[Any]:
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    cls = OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    validator = cls(doc.data)
    return list(validator.root_validator(validator.schema_path))


def _reference_key(error: Any) -> tuple[Any, ...]:
    """A reference finding as what it says: its kind and what it is about."""
    from openapi_spec_validator.validation import exceptions

    message: str = error.message
    path = tuple(error.path)
    if isinstance(error, exceptions.ExtraParametersError):
        return ("required-undefined", tuple(sorted(ast.literal_eval(message.split(": ", 1)[1]))))
    for cls, check in (
        (exceptions.ParameterDuplicateError, "duplicate-parameter"),
        (exceptions.UnresolvableParameterError, "path-parameter"),
        (exceptions.DuplicateOperationIDError, "duplicate-operation-id"),
    ):
        if isinstance(error, cls):
            return (check, message)
    if isinstance(error, exceptions.OpenAPIValidationError):
        if message.startswith("Duplicate tag name"):
            return ("duplicate-tag", message)
        if not path and message.endswith("is not of type 'object', 'boolean'"):
            return ("schema-type",)
        return ("schema-meta",)  # the first error of a meta-schema check; engines pick different ones
    return ("default", path)  # an error of a default, at its place inside the default


def _our_key(error: validation.SemanticError) -> tuple[Any, ...]:
    message = error.message.split(": ", 1)[1]
    if error.check == "required-undefined":
        return (error.check, tuple(ast.literal_eval(message.split(": ", 1)[1])))
    if error.check in ("schema-type", "schema-meta"):
        return (error.check,)
    if error.check == "default":
        return (error.check, error.inner)
    return (error.check, message)


def _compare(doc: Document, version: str) -> list[validation.SemanticError]:
    ours = validation.semantic_errors(doc, version)
    assert all(isinstance(e, validation.SemanticError) for e in ours)
    found = [e for e in ours if isinstance(e, validation.SemanticError)]
    try:
        reference = _reference_semantic(doc, version)
    except ValueError as exc:
        # The reference stops at a path template string.Formatter cannot read; we report it there.
        assert "Single" in str(exc) or "expected '}'" in str(exc)
        assert any(e.check == "path-template" for e in found)
        return found
    ref_keys = [_reference_key(e) for e in reference]
    our_keys = [_our_key(e) for e in found]
    # Defaults: the same places (a null default of a non-nullable 3.0 schema is one finding for us,
    # two for the reference: "None for not nullable" and "None is not of type").
    assert {k for k in ref_keys if k[0] == "default"} == {k for k in our_keys if k[0] == "default"}
    assert Counter(k for k in ref_keys if k[0] != "default") == Counter(
        k for k in our_keys if k[0] != "default"
    )
    for error in found:
        assert error.location.pointer, error  # every finding says where
        assert error.location.line is not None, error
        doc.resolve_pointer(error.location.pointer)  # and the place exists
    return found


@pytest.mark.parametrize("path", ALL_SPECS, ids=IDS)
def test_meta_schema_errors_are_the_references(path: Path) -> None:
    pytest.importorskip("openapi_spec_validator")
    loaded = _load(path)
    if loaded is None:
        pytest.skip("not a loadable document")
    assert _ours_meta(*loaded) == _reference_meta(*loaded)


@pytest.mark.parametrize("path", ALL_SPECS, ids=IDS)
def test_semantic_errors_are_the_references(path: Path) -> None:
    pytest.importorskip("openapi_spec_validator")
    loaded = _load(path)
    if loaded is None:
        pytest.skip("not a loadable document")
    doc, version = loaded
    if validation.meta_schema_errors(doc, version) or check_refs(doc):
        pytest.skip("the semantic checks run only on documents that passed the meta-schema and $ref checks")
    _compare(doc, version)


FINDS = re.compile(r"#\s*finds:\s*([a-z-]+)\s*$")


@pytest.mark.parametrize("path", sorted(SEMANTIC.glob("*.yaml")), ids=lambda p: p.name)
def test_each_semantic_case_finds_what_its_lines_announce(path: Path) -> None:
    loaded = _load(path)
    assert loaded is not None
    doc, version = loaded
    assert validation.meta_schema_errors(doc, version) == [], "a semantic case passes the meta-schema"
    assert check_refs(doc) == []
    announced: Counter[tuple[int, str]] = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = FINDS.search(line)
        if match:
            announced[(number, match.group(1))] += 1
    assert announced, "a semantic case announces what it breaks"
    found = validation.semantic_errors(doc, version)
    by_line: Counter[tuple[int | None, str]] = Counter()
    for error in found:
        assert isinstance(error, validation.SemanticError)
        assert error.check in validation.CHECKS
        by_line[(error.location.line, error.check)] += 1
    # Findings on one line count once: some places break a rule twice (a default of the wrong type
    # outside its enum).
    assert set(by_line) == set(announced), [str(e) for e in found]


def test_every_check_has_a_case() -> None:
    checks: set[str] = set()
    for path in SEMANTIC.glob("*.yaml"):
        checks |= {m.group(1) for m in map(FINDS.search, path.read_text(encoding="utf-8").splitlines()) if m}
    assert checks == set(validation.CHECKS)


def _places(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) of a document, in document order."""
    found: list[tuple[Any, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        entries = current.items() if isinstance(current, dict) else enumerate(current)
        for key, value in entries:
            found.append((current, key))
            if isinstance(value, (dict, list)):
                stack.append(value)
    return found


def _mutations(data: Any, rng: random.Random, count: int) -> list[Any]:
    """``count`` copies of ``data``, each with one node replaced, removed or given an extra key."""
    replacements: list[Any] = [5, -1, 2.5, "x", "", None, True, [], {}, ["x"], {"x-y": 1}, {"bogus": 1}]
    size = len(_places(data))
    copies: list[Any] = []
    for _ in range(count):
        mutated = copy.deepcopy(data)
        container, key = _places(mutated)[rng.randrange(size)]
        action = rng.random()
        if action < 0.15 and isinstance(container, dict):
            del container[key]
        elif action < 0.3 and isinstance(container[key], dict):
            container[key]["bogus"] = rng.choice(replacements)
        else:
            container[key] = rng.choice(replacements)
        copies.append(mutated)
    return copies


@pytest.mark.parametrize(
    "name",
    [
        "tests/golden/openapi30-nullable/spec.yaml",
        "tests/golden/discriminated-unions/spec.yaml",
        "tests/specs/lint/clean30.yaml",
    ],
)
def test_meta_schema_errors_agree_on_broken_documents(name: str) -> None:
    """jsonschema-rs decides alone when a document is valid: on documents broken at random places,
    the errors are still exactly Python jsonschema's."""
    pytest.importorskip("openapi_spec_validator")
    loaded = _load(ROOT / name)
    assert loaded is not None
    doc, version = loaded
    rng = random.Random(name)
    invalid = 0
    for data in _mutations(doc.data, rng, 40):
        if not isinstance(data.get("openapi"), str):
            continue
        mutated = Document(doc.name, data)
        reference = _reference_meta(mutated, version)
        invalid += bool(reference)
        assert _ours_meta(mutated, version) == reference
    assert invalid >= 10, "most mutations break the document"


def test_values_jsonschema_rs_cannot_take_go_to_python() -> None:
    doc = parse_yaml(
        "openapi: 3.1.0\ninfo: {title: T, version: '1', x-big: 123456789012345678901234567890, x-inf: .inf}\n"
        "paths: {}\n",
        "big.yaml",
    )
    assert validation.meta_schema_errors(doc, "3.1.0") == []
    broken = parse_yaml("openapi: 3.1.0\ninfo: {title: T, x-inf: .inf}\npaths: {}\n", "broken.yaml")
    assert [e.message for e in validation.meta_schema_errors(broken, "3.1.0")] == [
        "not valid OpenAPI 3.1.0: 'version' is a required property"
    ]


def test_the_meta_schemas_are_the_ones_openapi_spec_validator_ships() -> None:
    schemas = pytest.importorskip("openapi_spec_validator.schemas")
    assert validation.document_meta_schema("3.0") == dict(schemas.schema_v30)
    assert validation.document_meta_schema("3.1") == dict(schemas.schema_v31)


def test_a_valid_document_is_validated_without_python_jsonschema() -> None:
    """The speed of validation rests on this: neither Python jsonschema nor openapi-spec-validator
    (whose imports alone take longer than validating GitHub's spec) is imported for a valid document."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from generator.loader import load_document, validate_document\n"
        "validate_document(load_document(Path('spec/openapi.yaml')))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('jsonschema', 'openapi_spec_validator', 'openapi_schema_validator', 'jsonschema_path')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.replace("'", '"')) == []


def test_findings_are_spec_errors_with_the_openapi_rule() -> None:
    loaded = _load(SEMANTIC / "duplicates.yaml")
    assert loaded is not None
    found = validation.semantic_errors(*loaded)
    assert found and all(isinstance(e, SpecError) and e.rule == "openapi" for e in found)
    assert (found[0].location.pointer, found[0].location.line) == ("/tags/2/name", 6)


FORMAT_SAMPLES: list[Any] = [
    "", "x", "a@b", "@", "2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01", "\u0662024-01-01",
    "2024-01-01T10:00:00Z", "2024-01-01t10:00:00z", "2024-01-01T24:00:00Z", "2024-01-01T10:00:00.5+01:00",
    "0000-01-01T00:00:00Z", "2024-01-01T10:00:00Z\n", "10:00:00", "25:00:00", "10:00", "10:00:00Z",
    "127.0.0.1", "256.0.0.1", "::1", "fe80::1%eth0", "12345678-1234-1234-1234-123456789abc",
    "12345678123456781234567812345678", "{12345678-1234-1234-1234-123456789abc}", "a(", "^[a-z]+$",
    "bücher.example", "xn--bcher-kva.example", "-bad-.example", "aGVsbG8=", "aGVsbG8", "!!",
    0, 1, -(2**31), 2**31 - 1, 2**31, -(2**31) - 1, 2**63, -(2**63), 1.5, True, None, [], {},
]  # fmt: skip


@pytest.mark.parametrize("minor", ["3.0", "3.1"])
def test_formats_mean_what_the_reference_checker_says(minor: str) -> None:
    """Every format the reference asserts, on strings and on other values, means the same here
    (int32/int64 through the keyword the translation uses for them)."""
    checkers = pytest.importorskip("openapi_schema_validator")
    checker = checkers.oas30_format_checker if minor == "3.0" else checkers.oas31_format_checker
    formats = validation._formats(minor)
    for name in checker.checkers:
        for value in FORMAT_SAMPLES:
            if name == "byte" and isinstance(value, str) and not value.isascii():
                continue  # the reference raises on these
            expected = checker.conforms(value, name)
            if name in validation._INT_FORMATS:
                keyword = validation._IntFormat({}, name, [])
                try:
                    keyword.validate(value)
                    ours = True
                except ValueError:
                    ours = False
            else:
                # jsonschema-rs asks a format about strings only: anything else conforms.
                ours = formats[name](value) if isinstance(value, str) else True
                if not isinstance(value, str):
                    assert expected, (name, value)
            assert ours == expected, (name, value)
