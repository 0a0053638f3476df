"""Hostile text in a spec cannot break or inject into the generated code.

Hypothesis writes specs whose descriptions hold triple quotes, backslashes, Jinja delimiters,
newlines of every kind and code; whose property, parameter, schema, resource and method names are
Python keywords, builtins, pydantic or runtime method names, or not identifiers at all; and whose
enum values are not identifiers. For each, the generated package must compile, be black's fixed
point, contain no name that came from the text, import, parse a JSON instance through the
response model and give it back (``to_dict()``) under the original JSON names, and send a call
with those parameter names with the original names on the wire.
"""

from __future__ import annotations

import ast
import itertools
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import black
import httpx
import pytest
from black.mode import Mode, TargetVersion
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from _genhelpers import imported_package
from generator import ir
from generator.errors import SpecErrors
from generator.pipeline import Inputs, _write_tree, build_files

MARKER = "INJECTED"
"""An identifier that appears in hostile text only: if it ever shows up as a name in the generated
code (not inside a string), text escaped into code."""

KEYWORDS = ["class", "from", "import", "None", "True", "def", "lambda", "async", "await", "return", "match"]
BUILTINS = [
    "id",
    "type",
    "list",
    "dict",
    "str",
    "int",
    "print",
    "property",
    "object",
    "bytes",
    "date",
    "datetime",
]
MODEL_METHODS = [
    "model_config", "json", "copy", "dict", "schema", "model_dump", "model_fields", "model_validate",
    "to_dict", "to_json", "validate", "construct", "fields", "model_extra", "parse_obj",
]  # fmt: skip
CLIENT_NAMES = [
    "self", "cls", "timeout", "extra_headers", "extra_query", "extra_body", "max_retries", "deadline",
    "idempotency_key",
    "body", "httpx", "NOT_GIVEN", "with_raw_response", "request", "close",
]  # fmt: skip
NOT_IDENTIFIERS = [
    "a-b", "1abc", "with space", "ü", "$x", "a.b", "", "_", "__init__", "_private", "9", "-", "x\ny",
    "Field", "BaseModel", "Annotated", "Literal", "list_aliased", "f()",
]  # fmt: skip
NAMES = KEYWORDS + BUILTINS + MODEL_METHODS + CLIENT_NAMES + NOT_IDENTIFIERS
SAFE_IN_PATH = [
    n for n in NAMES if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n) and n not in ("template", "method")
]
"""Path parameter names: see ``test_path_parameter_names_the_runtime_cannot_format`` for the rest."""
SCHEMA_NAMES = ["Thing", *(n for n in NAMES if re.fullmatch(r"[A-Za-z0-9._-]+", n))]
"""Component names: OpenAPI allows only these characters in them."""

FRAGMENTS = [
    '"""', "'''", '"', "'", "\\", "\\n", "\\x41", "\\N{BULLET}", "\\u1234", "{{ x }}", "{% raw %}", "{#", "#}",
    "\n", "\r\n", "\r", "\t", "\x0b", "\x0c", "\x1b", "\x00", "\u0085", "\u2028", "\u2029", "# ", "`",
    f'"""; {MARKER}(); """', f"\n{MARKER}()\n", f"'''{MARKER}", f"\\\n{MARKER}", f"*/ {MARKER} /*", "|", "🙂", " ",
]  # fmt: skip
ENUM_VALUES = [
    "a b",
    "1",
    "",
    "class",
    'with"quote',
    "back\\slash",
    "'",
    "x\ny",
    "None",
    "true",
    "-1",
    '"""',
    "{{ x }}",
]

descriptions = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=8).map("".join)
names = st.one_of(st.sampled_from(NAMES), st.text(max_size=6))
enum_values = st.lists(
    st.one_of(st.sampled_from(ENUM_VALUES), st.text(max_size=5)), min_size=1, max_size=4, unique=True
)
_counter = itertools.count()


@st.composite
def hostile_specs(draw: st.DrawFn) -> dict[str, Any]:
    """A spec: one POST with hostile path/query/body names returning a model of hostile fields."""

    def text() -> str:
        return draw(descriptions)

    fields = draw(st.lists(names, min_size=1, max_size=6, unique=True))
    child_fields = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    nested_fields = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    path_name = draw(st.sampled_from(SAFE_IN_PATH))
    arguments = draw(st.lists(names.filter(lambda n: n != path_name), min_size=1, max_size=8, unique=True))
    split = draw(st.integers(min_value=0, max_value=len(arguments) - 1))
    query, body = arguments[:split], arguments[split:]
    schema_name, child_name = draw(
        st.lists(st.sampled_from(SCHEMA_NAMES), min_size=2, max_size=2, unique=True)
    )
    values = draw(enum_values)
    properties: dict[str, Any] = {}
    for index, name in enumerate(fields):
        kind = index % 4
        if kind == 0:
            properties[name] = {"type": "string", "description": text()}
        elif kind == 1:
            properties[name] = {"type": "string", "enum": values, "description": text()}
        elif kind == 2:
            properties[name] = {"type": "integer", "description": text()}
        else:
            properties[name] = {
                "type": "array",
                "items": {"$ref": f"#/components/schemas/{_escape(child_name)}"},
            }
    properties.setdefault(
        "child" if "child" not in properties else "child_",
        {"$ref": f"#/components/schemas/{_escape(child_name)}"},
    )
    parameters: list[dict[str, Any]] = [
        {
            "name": path_name,
            "in": "path",
            "required": True,
            "description": text(),
            "schema": {"type": "string"},
        }
    ]
    for index, name in enumerate(query):
        schema: dict[str, Any] = {"type": "string", "enum": values} if index == 1 else {"type": "string"}
        parameters.append({"name": name, "in": "query", "description": text(), "schema": schema})
    body_properties: dict[str, Any] = {n: {"type": "string", "description": text()} for n in body}
    body_properties[body[-1]] = {  # a nested object: a TypedDict with hostile keys and comments
        "type": "object",
        "description": text(),
        "properties": {n: {"type": "string", "description": text()} for n in nested_fields},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": text() or "t", "version": "1", "description": text()},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {
            f"/items/{{{path_name}}}": {
                "post": {
                    "operationId": draw(names.filter(bool)),
                    "summary": text(),
                    "description": text(),
                    "x-sdk-resource": draw(st.sampled_from([n for n in NAMES if re.search(r"[A-Za-z]", n)])),
                    "parameters": parameters,
                    "requestBody": {
                        "required": True,
                        "description": text(),
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "description": text(),
                                    "properties": body_properties,
                                    "required": body[:1],
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": text(),
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{_escape(schema_name)}"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                schema_name: {"type": "object", "description": text(), "properties": properties},
                child_name: {
                    "type": "object",
                    "description": text(),
                    "properties": {n: {"type": "string", "description": text()} for n in child_fields},
                },
            }
        },
    }


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


WORST_CASE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": '"""\\', "version": "1", "description": f'{{{{ x }}}}"""\n{MARKER}()\\'},
    "paths": {
        "/items/{class}": {
            "post": {
                "operationId": "import",
                "summary": f'"""; {MARKER}(); """',
                "description": f"\\\n{MARKER}\r\n\u2028{MARKER}\x0c#",
                "x-sdk-resource": "copy",
                "parameters": [
                    {"name": "class", "in": "path", "required": True, "schema": {"type": "string"}},
                    *(
                        {
                            "name": n,
                            "in": "query",
                            "description": f"{MARKER}\n{n}",
                            "schema": {"type": "string"},
                        }
                        for n in ["from", "json", "a-b", "1abc", "timeout", "self", "with space", ""]
                    ),
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    n: {"type": "string", "description": '"""'}
                                    for n in ["def", "model_config", "copy", "ü", "$x", "body"]
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/BaseModel"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "BaseModel": {
                "type": "object",
                "description": f'"""{MARKER}"""\\',
                "properties": {
                    **{n: {"type": "string", "description": "\\"} for n in NAMES if n != "child"},
                    "kind": {"type": "string", "enum": ENUM_VALUES},
                    "tags": {"type": "array", "items": {"$ref": "#/components/schemas/list"}},
                },
            },
            "list": {"type": "object", "properties": {"type": {"type": "string"}, "str": {"type": "string"}}},
        }
    },
}

MODE = Mode(line_length=110, target_versions={TargetVersion.PY310})


def instance_for(schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    """A JSON value that fills every property of ``schema`` (strings carry hostile text)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
        return instance_for(components[name], components, depth + 1)
    if "enum" in schema:
        return schema["enum"][-1]
    kind = schema.get("type")
    if kind == "object":
        return {
            name: instance_for(member, components, depth + 1)
            for name, member in schema.get("properties", {}).items()
            if depth < 3
        }
    if kind == "array":
        return [instance_for(schema["items"], components, depth + 1)] if depth < 3 else []
    if kind == "integer":
        return depth * 10 + 7
    return f'{MARKER}"""\\\n{depth}'


def check_generated_code(files: dict[str, str]) -> None:
    for name, text in files.items():
        if not name.endswith(".py"):
            continue
        tree = ast.parse(text, name)
        text.encode("utf-8")  # a lone surrogate in the output would fail here...
        assert black.format_str(text, mode=MODE) == text, f"{name} is not black-formatted"
        for node in ast.walk(tree):
            identifiers = []
            if isinstance(node, ast.Name):
                identifiers.append(node.id)
            elif isinstance(node, ast.Attribute):
                identifiers.append(node.attr)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                identifiers.append(node.name)
            elif isinstance(node, (ast.arg, ast.keyword)) and node.arg:
                identifiers.append(node.arg)
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                node.value.encode("utf-8")  # ...and one made by an escape, here
            for identifier in identifiers:
                assert MARKER not in identifier, f"text from the spec became code in {name}: {identifier}"


def generate_and_exercise(spec: dict[str, Any]) -> bool:
    """Generate, check and use a client for ``spec``; ``False`` when names collided (a clean error)."""
    package = f"hostile_{next(_counter)}"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        spec_path = root / "spec.json"
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        (root / "generator.yaml").write_text(
            f"package_name: {package}\nclient_name: Hostile\nenv_prefix: HOSTILE\n", encoding="utf-8"
        )
        try:
            api, files = build_files(Inputs.from_paths(spec_path))
        except SpecErrors as exc:
            # Two names that become the same Python name are reported as such, and only that.
            assert all(
                error.rule == "naming" and "both become" in error.message for error in exc.errors
            ), str(exc)
            return False
        check_generated_code(files)
        out = root / "out"
        _write_tree(out, files)
        [op] = api.all_operations()
        components = spec["components"]["schemas"]
        raw_op = next(iter(spec["paths"].values()))["post"]
        response_schema = raw_op["responses"]["200"]["content"]["application/json"]["schema"]
        instance = instance_for(response_schema, components)
        with imported_package(out, package) as module:
            model = getattr(module.types, op.response.model or "")
            parsed = model.model_validate_json(json.dumps(instance))
            assert parsed.to_dict() == instance

            sent: list[httpx.Request] = []

            def answer(request: httpx.Request) -> httpx.Response:
                sent.append(request)
                return httpx.Response(200, json=instance)

            client = module.Hostile(
                base_url="https://api.example.test",
                http_client=httpx.Client(transport=httpx.MockTransport(answer)),
            )
            body_schema = raw_op["requestBody"]["content"]["application/json"]["schema"]["properties"]
            arguments: dict[str, Any] = {}
            expected_query: dict[str, Any] = {}
            expected_body: dict[str, Any] = {}
            for index, param in enumerate(op.params):
                if param.location == "path":
                    arguments[param.py_name] = "p1"
                    continue
                value: Any = f"{MARKER}\"'\\\n{index}&=?#"
                if isinstance(param.type, ir.EnumOf):
                    value = param.type.values[0]
                elif param.location == "body" and body_schema[param.wire_name]["type"] == "object":
                    value = {key: f"{key}\n{index}" for key in body_schema[param.wire_name]["properties"]}
                arguments[param.py_name] = value
                (expected_query if param.location == "query" else expected_body)[param.wire_name] = value
            method = client
            for part in op.resource_path:
                method = getattr(method, part)
            result = getattr(method, op.method_name)(**arguments)
            assert result.to_dict() == instance
            [request] = sent
            assert request.method == "POST"
            assert request.url.path == "/items/p1"
            assert dict(httpx.QueryParams(request.url.query).multi_items()) == expected_query
            assert json.loads(request.content) == expected_body
    return True


@settings(
    max_examples=12,
    deadline=None,
    # Each example generates a client (about a second): shrinking a failure could take minutes, so
    # failures are reported as found.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(hostile_specs())
def test_hostile_specs_generate_safe_code_that_round_trips(spec: dict[str, Any]) -> None:
    assume(generate_and_exercise(spec))  # specs whose names collide are rejected cleanly; draw another


def test_the_worst_case_spec() -> None:
    """Everything at once, every name in one model: generated, checked and used, not skipped."""
    assert generate_and_exercise(WORST_CASE)


@pytest.mark.parametrize("name", ["template", "method", "x.y", "a[0]"])
def test_path_parameter_names_that_are_not_format_fields(name: str) -> None:
    """A path parameter may be called anything, including names of the runtime's own arguments."""
    spec = json.loads(json.dumps(WORST_CASE))
    item = spec["paths"].pop("/items/{class}")
    item["post"]["parameters"][0]["name"] = name
    spec["paths"]["/items/{" + name + "}"] = item
    assert generate_and_exercise(spec)
