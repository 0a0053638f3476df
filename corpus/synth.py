"""Argument values for a call, made from the spec alone: its examples first, else its schemas.

Written for the corpus and independent of the generator, so that a value the generator would
get wrong is not made wrong the same way here. Local ``$ref``s only (``#/...``); cycles and depth
are cut off, leaving optional fields out."""

from __future__ import annotations

import re
from typing import Any

from ._json import as_dict, as_list

__all__ = ["Document", "resolve", "merged", "value_for", "operation_inputs", "wire_key"]

Document = dict[str, Any]
_MAX_DEPTH = 8


def wire_key(name: str) -> str:
    """A name reduced to what a Python name and its wire name share: ``photoUrls`` ~ ``photo_urls``."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def resolve(document: Document, node: Any, hops: int = 0) -> Any:
    """``node`` with its ``$ref`` chain followed (local references only)."""
    while isinstance(reference := as_dict(node).get("$ref"), str) and hops < 100:
        if not reference.startswith("#/"):
            return {}
        target: Any = document
        for part in reference[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            mapping, items = as_dict(target), as_list(target)
            if part in mapping:
                target = mapping[part]
            elif part.isdigit() and int(part) < len(items):
                target = items[int(part)]
            else:
                return {}
        node = target
        hops += 1
    return node


def merged(document: Document, schema: Any, depth: int = 0) -> dict[str, Any]:
    """The schema with its ``allOf`` parts folded in (properties and required lists joined)."""
    found = as_dict(resolve(document, schema))
    if "allOf" not in found or depth > _MAX_DEPTH:
        return found
    result: dict[str, Any] = {key: value for key, value in found.items() if key != "allOf"}
    properties: dict[str, Any] = dict(as_dict(result.get("properties")))
    required: list[str] = [str(name) for name in as_list(result.get("required"))]
    for raw in as_list(found["allOf"]):
        part = merged(document, raw, depth + 1)
        for key, value in part.items():
            if key == "properties" and as_dict(value):
                properties.update(as_dict(value))
            elif key == "required" and as_list(value):
                required += [str(name) for name in as_list(value) if name not in required]
            else:
                result.setdefault(key, value)
    if properties:
        result["properties"] = properties
    if required:
        result["required"] = required
    return result


def _example(node: dict[str, Any]) -> tuple[bool, Any]:
    if "example" in node:
        return True, node["example"]
    examples = node.get("examples")
    if as_list(examples):
        return True, as_list(examples)[0]
    if as_dict(examples):
        first = as_dict(next(iter(as_dict(examples).values())))
        if "value" in first:
            return True, first["value"]
    return False, None


_FORMATS: dict[str, Any] = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "time": "03:04:05",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "someone@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "Y29ycHVz",
    "binary": "corpus",
    "password": "corpus-secret",
}


_PATTERN_TRIES = (
    "corpus",
    "1",
    "1.0",
    "1.0.0",
    "stable",
    "abc123",
    "A",
    "a",
    "ab",
    "abc",
    "ABC",
    "AB12",
    "0" * 24,
    "a1b2c3d4e5f6a7b8c9d0e1f2",
    "#ffffff",
    "US",
    "en",
    "corpus@example.com",
    "https://example.com/",
    "2024-01-02",
    "2024-01-02T03:04:05Z",
    "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "+14155550100",
    "AC" + "0" * 32,
)


def _patterned(pattern: str) -> str | None:
    """A short string the pattern matches (ECMA regex, read as Python's), from a few usual shapes."""
    try:
        compiled = re.compile(pattern)
    except re.error:
        return None
    return next((text for text in _PATTERN_TRIES if compiled.search(text)), None)


def _string(schema: dict[str, Any]) -> str:
    text = _FORMATS.get(str(schema.get("format")), "corpus")
    if not isinstance(text, str):
        text = "corpus"
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        text = _patterned(pattern) or text
    minimum = schema.get("minLength")
    if isinstance(minimum, int) and len(text) < minimum:
        text = text + "x" * (minimum - len(text))
    maximum = schema.get("maxLength")
    if isinstance(maximum, int) and len(text) > maximum:
        text = text[: max(maximum, 0)]
    return text


def _number(schema: dict[str, Any], integer: bool) -> int | float:
    low = schema.get("minimum")
    high = schema.get("maximum")
    value: float = 1
    if isinstance(low, (int, float)):
        value = low + (1 if schema.get("exclusiveMinimum") is True else 0)
    elif isinstance(schema.get("exclusiveMinimum"), (int, float)):
        value = schema["exclusiveMinimum"] + 1
    if isinstance(high, (int, float)) and value > high:
        value = high
    multiple = schema.get("multipleOf")
    if isinstance(multiple, (int, float)) and multiple > 0:
        value = multiple * max(1, round(value / multiple))
    return int(value) if integer else float(value)


def _types(schema: dict[str, Any]) -> list[str]:
    declared = schema.get("type")
    if as_list(declared):
        return [str(kind) for kind in as_list(declared) if kind != "null"] or ["null"]
    if isinstance(declared, str):
        return [declared]
    if "properties" in schema or "additionalProperties" in schema:
        return ["object"]
    if "items" in schema:
        return ["array"]
    return []


def value_for(document: Document, schema: Any, depth: int = 0, seen: frozenset[int] = frozenset()) -> Any:
    """A value the schema accepts, preferring the spec's own example, default or first enum value."""
    raw = schema
    schema = merged(document, schema)
    if id(schema) in seen or depth > _MAX_DEPTH:
        return None
    seen = seen | {id(schema)}
    found, example = _example(schema)
    if found:
        return example
    if "const" in schema:
        return schema["const"]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    enum = as_list(schema.get("enum"))
    if enum:
        return next((value for value in enum if value is not None), enum[0])
    for key in ("oneOf", "anyOf"):
        choices = as_list(schema.get(key))
        if choices:
            usable = [choice for choice in choices if _types(merged(document, choice)) != ["null"]]
            return value_for(document, (usable or choices)[0], depth + 1, seen)
    kinds = _types(schema)
    kind = kinds[0] if kinds else "string" if raw else "object"
    if kind == "object":
        properties = as_dict(schema.get("properties"))
        required = [name for name in as_list(schema.get("required")) if isinstance(name, str)]
        result: dict[str, Any] = {}
        for name in required:
            result[name] = value_for(document, properties.get(name, {"type": "string"}), depth + 1, seen)
        return result
    if kind == "array":
        minimum = schema.get("minItems")
        count = minimum if isinstance(minimum, int) else 1
        item = value_for(document, schema.get("items", {"type": "string"}), depth + 1, seen)
        return [item for _ in range(max(count, 1))]
    if kind == "integer":
        return _number(schema, True)
    if kind == "number":
        return _number(schema, False)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return _string(schema)


def operation_inputs(document: Document, path: str, method: str) -> dict[str, Any]:
    """Each input of an operation, keyed by ``wire_key`` of its name: ``{"in": ..., "schema": ...}``.

    Parameters (the path item's and the operation's, the operation's winning), then the top-level
    properties of a JSON object body; ``"#body"`` holds the whole body's schema."""
    item = as_dict(resolve(document, as_dict(document.get("paths")).get(path)))
    operation = as_dict(resolve(document, item.get(method.lower())))
    inputs: dict[str, dict[str, Any]] = {}
    for source in (item, operation):
        for raw in as_list(source.get("parameters")):
            parameter = as_dict(resolve(document, raw))
            name = parameter.get("name")
            if isinstance(name, str):
                schema: Any = parameter.get("schema")
                content = as_dict(parameter.get("content"))
                if schema is None and content:
                    schema = as_dict(next(iter(content.values()))).get("schema")
                found, example = _example(parameter)
                inputs[wire_key(name)] = {
                    "in": parameter.get("in"),
                    "schema": schema or {"type": "string"},
                    "example": example if found else None,
                    "has_example": found,
                }
    body = as_dict(resolve(document, operation.get("requestBody")))
    content = as_dict(body.get("content"))
    if content:
        chosen = next(
            (value for key, value in content.items() if "json" in key), next(iter(content.values()))
        )
        media = as_dict(chosen)
        schema = media.get("schema") or {}
        found, example = _example(media)
        inputs["#body"] = {
            "in": "body",
            "schema": schema,
            "example": example if found else None,
            "has_example": found,
        }
        properties = as_dict(merged(document, schema).get("properties"))
        examples = as_dict(example) if found else {}
        for name, sub in properties.items():
            key = wire_key(name)
            if key not in inputs:
                sub_example = examples.get(name)
                has = name in examples
                inputs[key] = {"in": "body", "schema": sub, "example": sub_example, "has_example": has}
    return inputs


def input_value(document: Document, entry: dict[str, Any]) -> Any:
    if entry.get("has_example"):
        return entry.get("example")
    return value_for(document, entry.get("schema") or {})
