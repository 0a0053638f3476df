"""Consistency checks for spec/openapi.yaml and the recorded fixtures.

* the spec is a valid OpenAPI 3.1 document and follows the house conventions;
* every example inside the spec matches the schema it sits next to;
* every recorded response under tests/fixtures/responses matches the schema of
  the operation (or error) it was recorded for;
* the PDF fixture is a well-formed PDF that make_pdf.py reproduces exactly;
* a few deliberately broken documents are rejected, to show the checks bite.

Schemas are checked with jsonschema (draft 2020-12, formats enforced). `$ref`s
are resolved against the spec itself through a `referencing` registry, so a
schema anywhere in the document can be addressed by its JSON pointer.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

import pytest
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "spec" / "openapi.yaml"
FIXTURES_DIR = ROOT / "tests" / "fixtures"
RESPONSES_DIR = FIXTURES_DIR / "responses"
PDF_PATH = FIXTURES_DIR / "invoice.pdf"

# Base URI under which the spec document is registered for $ref resolution.
SPEC_URI = "urn:sdk-spec:openapi.yaml"

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
ERROR_STATUSES = ("400", "401", "403", "404", "409", "422", "429", "500")
REQUIRED_ERRORS_ALL = {"400", "401", "403", "404", "429", "500"}
REQUIRED_ERRORS_POST = REQUIRED_ERRORS_ALL | {"409", "422"}


# --------------------------------------------------------------------------
# helpers


def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def escape(token: str) -> str:
    """Escape one JSON pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape(str(token)) for token in tokens)


def resolve_pointer(document: Any, pointer: str) -> Any:
    node = document
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def follow_ref(document: dict[str, Any], pointer: str) -> str:
    """Return the pointer of the object at `pointer`, following local $refs."""
    node = resolve_pointer(document, pointer)
    seen = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), f"only local refs are expected, got {ref!r} at {pointer}"
        assert ref not in seen, f"reference loop through {ref}"
        seen.add(ref)
        pointer = ref[1:]
        node = resolve_pointer(document, pointer)
    return pointer


def validator_for(document: dict[str, Any], schema_pointer: str) -> Draft202012Validator:
    """A validator for the schema found at `schema_pointer` inside `document`."""
    registry = Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(document))
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}#{quote(schema_pointer, safe='/~')}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def schema_errors(document: dict[str, Any], schema_pointer: str, instance: Any) -> list[str]:
    errors = sorted(
        validator_for(document, schema_pointer).iter_errors(instance),
        key=lambda error: list(error.absolute_path),
    )
    return [f"at /{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors]


def operations(
    document: dict[str, Any],
) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Yield (path, method, pointer, operation) for every operation."""
    for path, item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, join("", "paths", path, method), item[method]


def operation_by_id(document: dict[str, Any], operation_id: str) -> tuple[str, dict[str, Any]]:
    for _path, _method, pointer, operation in operations(document):
        if operation.get("operationId") == operation_id:
            return pointer, operation
    raise KeyError(f"no operation with operationId {operation_id!r}")


# --------------------------------------------------------------------------
# collecting every example in the spec


class ExampleCase(NamedTuple):
    label: str  # readable test id
    example_pointer: str  # where the example value lives
    schema_pointer: str  # the schema it must satisfy


SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_SINGLE_KEYWORDS = (
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
)


def schema_examples(document: dict[str, Any], pointer: str, label: str) -> Iterator[ExampleCase]:
    """Examples written inside a schema (`example`, or the JSON Schema `examples` list)."""
    schema = resolve_pointer(document, pointer)
    if not isinstance(schema, dict) or ("$ref" in schema and len(schema) == 1):
        return
    if "example" in schema:
        yield ExampleCase(f"{label}:example", join(pointer, "example"), pointer)
    if isinstance(schema.get("examples"), list):
        for index in range(len(schema["examples"])):
            yield ExampleCase(f"{label}:examples[{index}]", join(pointer, "examples", index), pointer)
    for keyword in SCHEMA_MAP_KEYWORDS:
        for name in schema.get(keyword, {}) or {}:
            yield from schema_examples(document, join(pointer, keyword, name), f"{label}.{name}")
    for keyword in SCHEMA_LIST_KEYWORDS:
        for index in range(len(schema.get(keyword, []) or [])):
            yield from schema_examples(document, join(pointer, keyword, index), f"{label}.{keyword}[{index}]")
    for keyword in SCHEMA_SINGLE_KEYWORDS:
        if isinstance(schema.get(keyword), dict):
            yield from schema_examples(document, join(pointer, keyword), f"{label}.{keyword}")


def holder_examples(document: dict[str, Any], pointer: str, label: str) -> Iterator[ExampleCase]:
    """Examples of a parameter or media type object, which both carry a `schema`."""
    holder = resolve_pointer(document, pointer)
    if "schema" not in holder:
        return
    schema_pointer = join(pointer, "schema")
    if "example" in holder:
        yield ExampleCase(f"{label}:example", join(pointer, "example"), schema_pointer)
    for name in holder.get("examples") or {}:
        example_pointer = follow_ref(document, join(pointer, "examples", name))
        if "value" in resolve_pointer(document, example_pointer):
            yield ExampleCase(f"{label}:{name}", join(example_pointer, "value"), schema_pointer)
    yield from schema_examples(document, schema_pointer, f"{label}:schema")


def content_examples(document: dict[str, Any], pointer: str, label: str) -> Iterator[ExampleCase]:
    """Examples in every media type of a request body or response object."""
    for media_type in resolve_pointer(document, pointer).get("content", {}):
        yield from holder_examples(document, join(pointer, "content", media_type), f"{label}:{media_type}")


def collect_examples(document: dict[str, Any]) -> list[ExampleCase]:
    """Every example in the document. Objects reached through $ref are visited once, at their home."""
    cases: list[ExampleCase] = []
    for _path, _method, op_pointer, operation in operations(document):
        op_label = operation.get("operationId", op_pointer)
        for index, parameter in enumerate(operation.get("parameters", [])):
            if "$ref" not in parameter:
                cases += holder_examples(
                    document,
                    join(op_pointer, "parameters", index),
                    f"{op_label}:param:{parameter['name']}",
                )
        body = operation.get("requestBody")
        if body and "$ref" not in body:
            cases += content_examples(document, join(op_pointer, "requestBody"), f"{op_label}:request")
        for status, response in operation.get("responses", {}).items():
            if "$ref" not in response:
                cases += content_examples(
                    document,
                    join(op_pointer, "responses", status),
                    f"{op_label}:{status}",
                )
    components = document.get("components", {})
    for name in components.get("parameters", {}):
        cases += holder_examples(document, join("/components/parameters", name), f"parameters.{name}")
    for name in components.get("requestBodies", {}):
        cases += content_examples(document, join("/components/requestBodies", name), f"requestBodies.{name}")
    for name in components.get("responses", {}):
        cases += content_examples(document, join("/components/responses", name), f"responses.{name}")
    for name in components.get("schemas", {}):
        cases += schema_examples(document, join("/components/schemas", name), f"schemas.{name}")
    return cases


def example_failures(document: dict[str, Any], case: ExampleCase) -> list[str]:
    instance = resolve_pointer(document, case.example_pointer)
    return schema_errors(document, case.schema_pointer, instance)


SPEC = load_spec()
EXAMPLE_CASES = collect_examples(SPEC)


# --------------------------------------------------------------------------
# the spec document


def test_spec_is_valid_openapi_31() -> None:
    assert SPEC["openapi"].startswith("3.1")
    validate_openapi(SPEC)


def test_spec_is_plain_json_data() -> None:
    # Unquoted timestamps would load as datetime objects and silently differ
    # from what a JSON client sees; the document must round-trip through JSON.
    assert json.loads(json.dumps(SPEC)) == SPEC


def test_spec_text_is_tidy() -> None:
    text = SPEC_PATH.read_text(encoding="utf-8")
    assert "\t" not in text, "tabs are not allowed"
    for event in yaml.parse(text):
        assert not isinstance(event, yaml.AliasEvent), "YAML aliases are not allowed"
        assert getattr(event, "anchor", None) is None, "YAML anchors are not allowed"
    indents = {len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()}
    assert all(indent % 2 == 0 for indent in indents), "indentation must be a multiple of two spaces"


def test_operations_follow_conventions() -> None:
    seen_ids = set()
    for path, method, pointer, operation in operations(SPEC):
        where = f"{method.upper()} {path}"
        for key in (
            "operationId",
            "summary",
            "description",
            "tags",
            "x-sdk-resource",
            "x-sdk-method",
        ):
            assert operation.get(key), f"{where} lacks {key}"
        assert re.fullmatch(r"[a-z][A-Za-z0-9]*", operation["operationId"]), where
        assert operation["operationId"] not in seen_ids, f"duplicate operationId at {where}"
        seen_ids.add(operation["operationId"])
        assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*", operation["x-sdk-resource"]), where
        assert re.fullmatch(r"[a-z][a-z0-9_]*", operation["x-sdk-method"]), where
        if operation["operationId"].startswith("list"):
            assert operation.get("x-sdk-pagination") == "cursor", f"{where} should be cursor-paginated"
        expected = REQUIRED_ERRORS_POST if method == "post" else REQUIRED_ERRORS_ALL
        missing = expected - set(operation["responses"])
        assert not missing, f"{where} does not declare {sorted(missing)}"
        for index, _ in enumerate(operation.get("parameters", [])):
            parameter = resolve_pointer(SPEC, follow_ref(SPEC, join(pointer, "parameters", index)))
            assert parameter.get("description"), f"{where}: parameter {parameter['name']} lacks a description"
            if parameter["in"] == "path":
                assert parameter["required"] is True
                assert parameter["schema"] == {"type": "string", "format": "uuid"}


def test_every_schema_and_property_is_described() -> None:
    problems = []

    def visit(schema: Any, where: str) -> None:
        if not isinstance(schema, dict):
            return
        if "$ref" not in schema and not schema.get("description"):
            problems.append(f"{where} lacks a description")
        if schema.get("additionalProperties") is False:
            problems.append(f"{where} sets additionalProperties: false")
        for name, sub in (schema.get("properties") or {}).items():
            if not sub.get("description"):
                problems.append(f"{where}.{name} lacks a description")
            visit(sub, f"{where}.{name}")
        for keyword in ("allOf", "anyOf", "oneOf"):
            for index, sub in enumerate(schema.get(keyword, [])):
                visit(sub, f"{where}.{keyword}[{index}]")
        if isinstance(schema.get("items"), dict):
            visit(schema["items"], f"{where}[]")

    for name, schema in SPEC["components"]["schemas"].items():
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", name), f"schema name {name} is not PascalCase"
        visit(schema, name)
    assert not problems, "\n".join(problems)


def test_every_json_body_has_a_named_example() -> None:
    missing = []
    for _path, _method, pointer, operation in operations(SPEC):
        holders = []
        if "requestBody" in operation:
            holders.append(("request", follow_ref(SPEC, join(pointer, "requestBody"))))
        for status in operation["responses"]:
            holders.append((status, follow_ref(SPEC, join(pointer, "responses", status))))
        for label, holder_pointer in holders:
            for media_type, media in resolve_pointer(SPEC, holder_pointer).get("content", {}).items():
                if media_type.endswith("json") and not media.get("examples"):
                    missing.append(f"{operation['operationId']} {label} {media_type}")
    assert not missing, "no examples for: " + ", ".join(missing)


def test_examples_were_found() -> None:
    # Guards against the collector silently finding nothing.
    assert len(EXAMPLE_CASES) >= 30


@pytest.mark.parametrize("case", EXAMPLE_CASES, ids=[case.label for case in EXAMPLE_CASES])
def test_example_matches_schema(case: ExampleCase) -> None:
    failures = example_failures(SPEC, case)
    assert (
        not failures
    ), f"example at {case.example_pointer} does not match schema {case.schema_pointer}:\n" + "\n".join(
        failures
    )


# --------------------------------------------------------------------------
# recorded response fixtures

RESPONSE_FILES = sorted(RESPONSES_DIR.glob("*.json"))


def schema_pointer_for_fixture(name: str) -> str:
    """Map a fixture file name to the pointer of the schema it must satisfy.

    `error_NNN.json` -> the shared Error schema (the status must be a declared
    error response); `<operationId>[_suffix].json` -> that operation's 200
    application/json schema.
    """
    stem = Path(name).stem
    error = re.fullmatch(r"error_(\d{3})", stem)
    if error:
        status = error.group(1)
        declared = {
            status_code
            for _path, _method, _pointer, operation in operations(SPEC)
            for status_code in operation["responses"]
        }
        assert status in declared, f"{name}: no operation declares a {status} response"
        return "/components/schemas/Error"
    operation_id = stem.split("_", 1)[0]
    op_pointer, _operation = operation_by_id(SPEC, operation_id)
    response_pointer = follow_ref(SPEC, join(op_pointer, "responses", "200"))
    return join(response_pointer, "content", "application/json", "schema")


def test_fixture_files_exist() -> None:
    names = {path.name for path in RESPONSE_FILES}
    for status in ERROR_STATUSES:
        assert f"error_{status}.json" in names
    for _path, _method, pointer, operation in operations(SPEC):
        content = resolve_pointer(SPEC, follow_ref(SPEC, join(pointer, "responses", "200"))).get(
            "content", {}
        )
        if "application/json" in content:
            prefix = operation["operationId"]
            assert any(
                re.fullmatch(rf"{prefix}(_\w+)?\.json", name) for name in names
            ), f"no fixture for {prefix}"


@pytest.mark.parametrize("path", RESPONSE_FILES, ids=[path.name for path in RESPONSE_FILES])
def test_fixture_matches_response_schema(path: Path) -> None:
    schema_pointer = schema_pointer_for_fixture(path.name)
    body = json.loads(path.read_text(encoding="utf-8"))
    failures = schema_errors(SPEC, schema_pointer, body)
    assert not failures, f"{path.name} does not match {schema_pointer}:\n" + "\n".join(failures)


def test_pagination_fixtures_end_properly() -> None:
    def page(name: str) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads((RESPONSES_DIR / name).read_text(encoding="utf-8"))
        return loaded

    for prefix in ("listInvoices", "listInvoiceBreakdowns"):
        first, last = page(f"{prefix}_page1.json"), page(f"{prefix}_page2.json")
        assert isinstance(first["next_page"], str) and first["next_page"]
        assert last["next_page"] in (None, "")
    assert page("listInvoices_page2.json")["next_page"] is None
    assert page("listInvoiceBreakdowns_page2.json")["next_page"] == ""


def test_retrieve_fixture_carries_unknown_fields() -> None:
    invoice = json.loads((RESPONSES_DIR / "retrieveInvoice.json").read_text(encoding="utf-8"))["data"]
    invoice_schema = SPEC["components"]["schemas"]["Invoice"]["properties"]
    line_schema = SPEC["components"]["schemas"]["InvoiceLineItem"]["properties"]
    assert set(invoice) - set(invoice_schema), "the invoice should include a field the spec does not know"
    assert any(
        set(line) - set(line_schema) for line in invoice["line_items"]
    ), "some line item should include a field the spec does not know"
    assert len(invoice["line_items"]) >= 10


# --------------------------------------------------------------------------
# the PDF fixture


def load_make_pdf() -> Any:
    spec = importlib.util.spec_from_file_location("make_pdf", FIXTURES_DIR / "make_pdf.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pdf_fixture_is_reproducible() -> None:
    assert PDF_PATH.read_bytes() == load_make_pdf().build_pdf(), "run tests/fixtures/make_pdf.py again"


def test_pdf_fixture_structure() -> None:
    data = PDF_PATH.read_bytes()
    assert 1024 <= len(data) <= 3072
    assert data.startswith(b"%PDF-1.4\n")
    assert data.rstrip().endswith(b"%%EOF")
    assert b"(Invoice INV-1042)" in data

    trailer = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    assert trailer, "no startxref at the end of the file"
    startxref = int(trailer.group(1))
    header = re.match(rb"xref\n0 (\d+)\n", data[startxref:])
    assert header, "startxref does not point at an xref table"
    count = int(header.group(1))
    table_start = startxref + header.end()
    entries = [data[table_start + 20 * i : table_start + 20 * (i + 1)] for i in range(count)]
    assert entries[0] == b"0000000000 65535 f \n"
    for number, entry in enumerate(entries[1:], start=1):
        assert re.fullmatch(rb"\d{10} 00000 n \n", entry), entry
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj" % number), f"xref entry {number} is off"
    assert data[table_start + 20 * count :].startswith(b"trailer")
    assert re.search(rb"/Size %d\b" % count, data)


# --------------------------------------------------------------------------
# negative checks: the validation really rejects bad data


def retrieve_schema_pointer() -> str:
    return schema_pointer_for_fixture("retrieveInvoice.json")


def recorded_invoice() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((RESPONSES_DIR / "retrieveInvoice.json").read_text(encoding="utf-8"))
    return loaded


def test_rejects_invoice_with_text_total() -> None:
    body = recorded_invoice()
    body["data"]["total"] = "abc"
    failures = schema_errors(SPEC, retrieve_schema_pointer(), body)
    assert failures and any(failure.startswith("at /data/total:") for failure in failures), failures
    with pytest.raises(ValidationError):
        validator_for(SPEC, retrieve_schema_pointer()).validate(body)


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (
            lambda body: body["data"].update(customer_id="customer-42"),
            "/data/customer_id",
        ),
        (lambda body: body["data"].update(issued_at="1 March 2025"), "/data/issued_at"),
        (lambda body: body["data"]["line_items"][0].pop("type"), "/data/line_items/0"),
        (
            lambda body: body["data"].update(billable_status="maybe"),
            "/data/billable_status",
        ),
        (
            lambda body: body["data"]["line_items"][0]["sub_line_items"][0].pop("custom_fields"),
            "/data/line_items/0/sub_line_items/0",
        ),
    ],
    ids=[
        "bad-uuid",
        "bad-date-time",
        "line-item-without-type",
        "unknown-billable-status",
        "sub-line-no-fields",
    ],
)
def test_rejects_other_broken_invoices(mutate: Any, where: str) -> None:
    body = recorded_invoice()
    mutate(body)
    failures = schema_errors(SPEC, retrieve_schema_pointer(), body)
    assert any(failure.startswith(f"at {where}:") for failure in failures), failures


def test_rejects_page_without_cursor_field() -> None:
    body = json.loads((RESPONSES_DIR / "listInvoices_page2.json").read_text(encoding="utf-8"))
    del body["next_page"]
    assert schema_errors(SPEC, schema_pointer_for_fixture("listInvoices_page2.json"), body)


def test_example_check_catches_broken_spec_example() -> None:
    broken = copy.deepcopy(SPEC)
    op_pointer, _operation = operation_by_id(broken, "retrieveInvoice")
    examples_pointer = join(op_pointer, "responses", "200", "content", "application/json", "examples")
    name = next(iter(resolve_pointer(broken, examples_pointer)))
    resolve_pointer(broken, join(examples_pointer, name, "value", "data"))["total"] = "abc"

    failing = [case for case in collect_examples(broken) if example_failures(broken, case)]
    assert [case.example_pointer for case in failing] == [join(examples_pointer, name, "value")]
    assert "at /data/total:" in example_failures(broken, failing[0])[0]
