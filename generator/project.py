"""``sdkgen init``: start a client project for another API from its OpenAPI spec.

The project has the layout this toolchain's own repository has (``spec/openapi.yaml``,
``spec/generator.yaml``, ``generated/`` once generated, ``tests/``), a Makefile with ``generate``,
``check``, ``lint`` and ``test``, a CI script (``.ci/run``) and one test: the generated client imports
and round-trips a recorded response of one of its operations, sync and async. Names are derived
as ``generate`` would derive them and written, commented, into ``spec/generator.yaml``.
"""

from __future__ import annotations

import json
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import ir
from .build import build_api
from .config import PROJECT_CONFIG, PROJECT_SPEC, Config, PaginationScheme, default_config, parse_config
from .loader import (
    Document,
    load_document,
    parse_yaml,
    success_json_schema,
    validate_document,
)
from .pipeline import format_python
from .naming import SpecNames
from .spec import read_spec
from .render import CLIENT_PYTHONS, example_value, make_environment, py_repr

__all__ = ["InitError", "InitResult", "init_project", "PROJECT_FILES"]

PROJECT_FILES = (
    str(PROJECT_SPEC),
    str(PROJECT_CONFIG),
    "Makefile",
    "README.md",
    ".gitignore",
    ".ci/run",
    "tests/test_client.py",
)
"""What ``init`` writes (besides the recorded response under ``tests/responses/``)."""


class InitError(Exception):
    """The project cannot be started where asked; nothing was written."""


@dataclass(frozen=True)
class InitResult:
    root: Path
    files: tuple[str, ...]
    """Paths written, relative to ``root``."""
    config: Config
    operation: str | None
    """``client.…`` name of the method the test calls, or ``None`` when no operation answers with
    a JSON object (then the test only imports the client)."""


def init_project(spec: Path, target: Path, *, force: bool = False) -> InitResult:
    """Write a new client project for ``spec`` into ``target`` (created if missing).

    Refuses (``InitError``) when ``target`` already holds any file it would write, unless ``force``;
    raises ``SpecErrors`` when the spec is broken, before anything is written.
    """
    try:
        spec_text = spec.read_text(encoding="utf-8")
    except OSError as exc:
        raise InitError(f"{spec}: cannot read the spec ({exc.strerror or exc})") from None
    doc = load_document(spec, str(spec))
    validate_document(doc)
    info = doc.data.get("info")
    title = str(info.get("title", "api")) if isinstance(info, dict) else "api"
    schemes = _pagination_names(doc)
    names = SpecNames.of(doc.data)
    config = replace(
        default_config(names),
        pagination={name: PaginationScheme(name=name, class_name=_class_name(name)) for name in schemes},
    )
    # The test calls an operation that is not paginated: build leniently, so a scheme whose fields
    # differ from the defaults written below does not stop the project from being started.
    api, _ = build_api(doc, replace(config, pagination={}), unknown_pagination_is_error=False)
    chosen = _choose_operation(doc, api)
    env = make_environment()
    context: dict[str, Any] = {
        "api": api,
        "config": config,
        "title": " ".join(title.split()),
        "spec_name": spec.name,
        "schemes": [config.pagination[name] for name in schemes],
        "scheme_uses": schemes,
        "pythons": CLIENT_PYTHONS,
        "test": chosen,
    }
    files: dict[str, str] = {str(PROJECT_SPEC): spec_text}
    for name, template in (
        (str(PROJECT_CONFIG), "generator.yaml.j2"),
        ("Makefile", "Makefile.j2"),
        ("README.md", "README.md.j2"),
        (".gitignore", "gitignore.j2"),
        (".ci/run", "ci_run.j2"),
        ("tests/test_client.py", "test_client.py.j2"),
    ):
        files[name] = env.get_template(f"project/{template}").render(**context)
    files["tests/test_client.py"] = format_python(files["tests/test_client.py"], "tests/test_client.py")
    if chosen is not None:
        files[chosen.recorded_path] = json.dumps(chosen.response, indent=2, ensure_ascii=False) + "\n"
    # What we wrote must be what `generate` reads: parse the config back.
    parse_config(parse_yaml(files[str(PROJECT_CONFIG)], str(PROJECT_CONFIG)), title=names)
    existing = sorted(name for name in files if (target / name).exists())
    if existing and not force:
        raise InitError(
            f"{target} already holds {', '.join(existing)}; nothing was written "
            "(choose an empty directory, or --force to overwrite them)"
        )
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    run = target / ".ci" / "run"
    run.chmod(run.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return InitResult(
        target, tuple(files), config, f"client.{chosen.operation.dotted_name}()" if chosen else None
    )


def _pagination_names(doc: Document) -> list[str]:
    """The ``x-sdk-pagination`` scheme names the operations use, in order of first use."""
    names: list[str] = []
    for op in read_spec(doc).operations:
        name = op.operation.get("x-sdk-pagination")
        if isinstance(name, str) and name not in names:
            names.append(name)
    return names


def _class_name(scheme: str) -> str:
    words = [w for w in "".join(c if c.isalnum() else " " for c in scheme).split() if w]
    name = "".join(w[:1].upper() + w[1:] for w in words) + "Page"
    return name if name[0].isalpha() else "Api" + name


@dataclass(frozen=True)
class _Chosen:
    operation: ir.Operation
    call: str
    """Python source of the call, on a client named ``client``."""
    path: str
    """The request path the call must produce (base URL without a path)."""
    response: Any
    """The recorded response body (JSON data)."""
    recorded_path: str


def _choose_operation(doc: Document, api: ir.Api) -> _Chosen | None:
    """The first operation (GET first) whose success response is a JSON object, not paginated."""
    raw = {op.pointer: op for op in read_spec(doc).operations}
    candidates = [op for op in api.all_operations() if op.response.kind == "model"]
    candidates.sort(key=lambda op: op.http_method.lower() != "get")
    typed_dicts = {td.class_name: td for td in api.typed_dicts}
    for op in candidates:
        source = raw.get(op.pointer)
        if source is None or _is_paginated(source.operation):
            continue
        found = success_json_schema(doc, source.ref)
        if found is None:
            continue
        schema, pointer = found
        if not _is_object(doc, schema, pointer):
            continue
        values = {
            param.py_name: example_value(param.type, param.example, typed_dicts, full=False)
            for param in op.params
            if param.required
        }
        call = f"client.{op.dotted_name}(" + ", ".join(f"{k}={py_repr(v)}" for k, v in values.items()) + ")"
        path = op.path
        for param in op.params_in("path"):
            value = values.get(param.py_name)
            path = path.replace("{" + param.wire_name + "}", quote(_scalar(value), safe=""))
        return _Chosen(op, call, path, sample(doc, schema, pointer), f"tests/responses/{op.dotted_name}.json")
    return None


def _is_paginated(operation: dict[str, Any]) -> bool:
    return "x-sdk-pagination" in operation


def _is_object(doc: Document, schema: Any, pointer: str) -> bool:
    schema, _ = doc.deref(schema, pointer)
    if not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    return kind == "object" or (kind is None and ("properties" in schema or "allOf" in schema))


def _scalar(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


_FORMATS = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "uuid": "3f0c1a8e-5b7d-4c2e-9a61-0d8b7e6f5a41",
    "email": "someone@example.com",
    "uri": "https://example.com/",
}


def sample(doc: Document, schema: Any, pointer: str, depth: int = 0, hops: int = 0) -> Any:
    """A JSON value valid for ``schema``, in the form the response models write back: required
    properties always, optional ones near the top; spec examples for plain strings and numbers.

    Dates and times are canonical (``Z``, no fractions), so parsing and dumping gives the same text.
    ``depth`` counts object levels, ``hops`` every step (a bound for recursive schemas).
    """
    schema, pointer = doc.deref(schema, pointer)
    if not isinstance(schema, dict) or depth > 8 or hops > 32:
        return {}
    if "const" in schema:
        return schema["const"]
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return next((value for value in enum if value is not None), None)
    parts = schema.get("allOf")
    if isinstance(parts, list):
        merged: dict[str, Any] = {}
        own = {k: v for k, v in schema.items() if k != "allOf"}
        pieces = [(part, f"{pointer}/allOf/{index}") for index, part in enumerate(parts)]
        for part, where in [*pieces, *([(own, pointer)] if "properties" in own else [])]:
            value = sample(doc, part, where, depth, hops + 1)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    for key in ("oneOf", "anyOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            for index, option in enumerate(options):
                target, _ = doc.deref(option, f"{pointer}/{key}/{index}")
                if not (isinstance(target, dict) and target.get("type") == "null"):
                    return sample(doc, option, f"{pointer}/{key}/{index}", depth, hops + 1)
            return None
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind is None and "properties" in schema:
        kind = "object"
    example = schema.get("example")
    if isinstance(schema.get("examples"), list) and schema["examples"]:
        example = schema["examples"][0]
    if kind == "object":
        properties = schema.get("properties") or {}
        required = schema.get("required") or []
        result: dict[str, Any] = {}
        for name, prop in properties.items():
            target, _ = doc.deref(prop, f"{pointer}/properties/{name}")
            if isinstance(target, dict) and target.get("writeOnly"):
                continue
            if name in required or depth < 2:
                result[name] = sample(doc, prop, f"{pointer}/properties/{name}", depth + 1, hops + 1)
        return result
    if kind == "array":
        return [sample(doc, schema.get("items", {}), f"{pointer}/items", depth + 1, hops + 1)]
    if kind == "string":
        fmt = schema.get("format")
        if fmt in _FORMATS:
            return _FORMATS[fmt]
        return example if isinstance(example, str) else "string"
    if kind == "integer":
        return example if isinstance(example, int) and not isinstance(example, bool) else 1
    if kind == "number":
        return example if isinstance(example, (int, float)) and not isinstance(example, bool) else 1.5
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return "string"
