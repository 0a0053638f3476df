"""Reading the schemas of a validated document: the questions every part of the builder asks.

Whether a schema is an object, what an ``allOf`` adds up to, which properties a request may send,
which component a ``$ref`` names. (Unknown ``type`` values are the loader's to report:
``loader.unknown_types`` runs on every document the builder sees.)
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import join_pointer
from ..loader import Document

__all__ = [
    "allows_null",
    "annotation_only",
    "join_pointer_str",
    "component_name",
    "is_object_schema",
    "is_null_schema",
    "has_flag",
    "writable_properties",
    "merge_all_of",
    "schema_example",
    "media_example",
]


def join_pointer_str(pointer: str, *tokens: str | int) -> str:
    return pointer + join_pointer(*tokens)


def component_name(node: Any) -> str | None:
    """The name of the ``components.schemas`` entry a ``$ref`` points at (``None`` for other nodes)."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        match = re.match(r"^#/components/schemas/([^/]+)$", node["$ref"])
        if match:
            return match.group(1).replace("~1", "/").replace("~0", "~")
    return None


def is_object_schema(schema: Any) -> bool:
    """An object with at least one property (and no ``enum``): what becomes a class or a TypedDict."""
    return (
        isinstance(schema, dict)
        and isinstance(schema.get("properties"), dict)
        and bool(schema["properties"])
        and not schema.get("enum")
    )


_ANNOTATIONS = frozenset(
    {"description", "title", "default", "example", "examples", "deprecated", "readOnly", "writeOnly", "$comment"}
)


_SCALARS = frozenset({"string", "integer", "number", "boolean"})


def scalar_all_of(doc: Document, schema: dict[str, Any], pointer: str) -> dict[str, Any] | None:
    """``allOf: [{type: string}, {type: string, minLength: 1}]``: every member a scalar of one type
    (or a note about it), so the whole is that scalar, its members' keywords together; else ``None``."""
    members = schema.get("allOf")
    if not isinstance(members, list) or schema.get("properties"):
        return None
    merged: dict[str, Any] = {key: value for key, value in schema.items() if key != "allOf"}
    kinds: set[str] = set()
    for index, member in enumerate(members):
        target, _ = doc.deref(member, join_pointer_str(pointer, "allOf", index))
        if not isinstance(target, dict) or any(key in target for key in ("allOf", "anyOf", "oneOf", "properties")):
            return None
        kind = target.get("type")
        if kind is None and annotation_only(target):
            continue
        if not isinstance(kind, str) or kind not in _SCALARS:
            return None
        kinds.add(kind)
        merged.update(target)
    if len(kinds) != 1:
        return None
    return merged


def annotation_only(schema: Any) -> bool:
    """A schema that says nothing about the type (only a description, a default...): an ``allOf``
    member that describes the others."""
    return isinstance(schema, dict) and all(key in _ANNOTATIONS or key.startswith("x-") for key in schema)


def allows_null(schema: Any) -> bool:
    """Whether a schema itself allows ``null`` (3.0 ``nullable``, a 3.1 type list with ``null``)."""
    if not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    return schema.get("nullable") is True or (isinstance(kind, list) and "null" in kind)


def is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "null" or schema.get("type") == ["null"])


def has_flag(doc: Document, member: Any, flag: str, pointer: str) -> bool:
    """Whether a property schema (or what its ``$ref`` points at) sets ``readOnly``/``writeOnly``."""
    if isinstance(member, dict) and member.get(flag) is True:
        return True
    if isinstance(member, dict) and "$ref" in member:
        target, _ = doc.deref(member, pointer)
        return isinstance(target, dict) and target.get(flag) is True
    return False


def writable_properties(doc: Document, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
    """The properties a request may send: ``readOnly`` ones are the server's to set."""
    properties = schema.get("properties", {}) or {}
    return {
        name: member
        for name, member in properties.items()
        if not has_flag(doc, member, "readOnly", join_pointer_str(pointer, "properties", name))
    }


def merge_all_of(doc: Document, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
    """One object schema of the properties, ``required`` and description of an ``allOf`` and its members."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    description = schema.get("description", "")
    for index, member in enumerate(schema.get("allOf", [])):
        target, _ = doc.deref(member, join_pointer_str(pointer, "allOf", index))
        if isinstance(target, dict) and "allOf" in target:
            target = merge_all_of(doc, target, pointer)
        if isinstance(target, dict):
            properties.update(target.get("properties", {}) or {})
            required.extend(target.get("required", []) or [])
            description = description or target.get("description", "")
    properties.update(schema.get("properties", {}) or {})
    required.extend(schema.get("required", []) or [])
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(set(required), key=required.index),
        "description": description,
    }


def schema_example(schema: Any) -> object:
    if not isinstance(schema, dict):
        return None
    if "example" in schema:
        return schema["example"]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return examples[0]
    return None


def media_example(media: Any) -> object:
    if not isinstance(media, dict):
        return None
    if "example" in media:
        return media["example"]
    examples = media.get("examples")
    if isinstance(examples, dict):
        for example in examples.values():
            if isinstance(example, dict) and "value" in example:
                return example["value"]
    return None
