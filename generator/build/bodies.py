"""The request body of an operation: which content is sent and how it becomes arguments.

JSON only (an operation whose body has no JSON content is left out of the client, with a warning).
An object body is ``flat``: its properties are arguments; any other body is ``whole``: one ``body``
argument; a flat body one of whose properties shares its wire name with a path, query or header
parameter is ``packed`` (flat for the caller, sent under one key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .. import ir
from ..loader import is_json_media_type
from ..naming import member_name
from ._context import BuildContext
from .parameters import ParamDraft
from .request_types import RequestTypes
from .schemas import (
    component_name,
    is_object_schema,
    join_pointer_str,
    media_example,
    merge_all_of,
    schema_example,
    writable_properties,
)

__all__ = ["JsonBody", "BodyArguments", "json_body", "body_arguments", "pack_if_clashing"]

BodyMode = Literal["none", "flat", "whole", "packed"]


@dataclass(frozen=True)
class JsonBody:
    """A request body with JSON content: the (resolved) request body object and where it is."""

    body: dict[str, Any]
    pointer: str
    media_type: str


@dataclass(frozen=True)
class BodyArguments:
    mode: BodyMode
    key: str
    """The runtime's key for the whole body (``whole`` and ``packed`` modes)."""
    required: bool
    params: list[ParamDraft] = field(default_factory=list)


def json_body(
    ctx: BuildContext, raw: dict[str, Any], pointer: str, method: str, path: str
) -> tuple[bool, JsonBody | None]:
    """Whether the operation can be built, and its JSON request body (``None``: it has none)."""
    body_raw = raw.get("requestBody")
    if body_raw is None:
        return True, None
    body, body_pointer = ctx.deref(body_raw, join_pointer_str(pointer, "requestBody"))
    content = body.get("content", {}) if isinstance(body, dict) else {}
    media_type = next((ct for ct in content if is_json_media_type(ct)), None)
    if media_type is None:
        kinds = ", ".join(sorted(map(str, content))) or "none"
        ctx.warn(
            join_pointer_str(body_pointer, "content"),
            f"{method.upper()} {path} is left out of the client: its request body has no JSON "
            f"content type ({kinds}); the generator supports application/json bodies only",
            rule="skipped-operation",
        )
        return False, None
    return True, JsonBody(body, body_pointer, media_type)


def body_arguments(
    ctx: BuildContext, types: RequestTypes, found: JsonBody | None, type_stem: str, others: list[ParamDraft]
) -> BodyArguments:
    """The arguments a body gives (``others``: the operation's path, query and header parameters)."""
    if found is None:
        return BodyArguments("none", "body", False)
    body = found.body
    media = body["content"][found.media_type]
    media_pointer = join_pointer_str(found.pointer, "content", found.media_type)
    schema = media.get("schema", {})
    target, target_pointer = ctx.deref(schema, join_pointer_str(media_pointer, "schema"))
    if isinstance(target, dict) and "allOf" in target:
        target = merge_all_of(ctx.doc, target, target_pointer)
    required = bool(body.get("required"))
    example = media_example(media)
    if not is_object_schema(target):
        key = "body"
        while key in {p.wire_name for p in others}:
            key += "_"
        whole = ParamDraft(
            wire_name=key,
            py_name="body",
            location="body",
            type=types.request_type(schema, join_pointer_str(media_pointer, "schema"), type_stem + "Body"),
            required=required,
            description=str(body.get("description", "")),
            example=example,
        )
        return BodyArguments("whole", key, required, [whole])
    required_properties = set(target.get("required", []) or [])
    for name in required_properties - set(target["properties"]):
        ctx.error(
            join_pointer_str(target_pointer, "required"),
            f"required property {name!r} is not defined in properties",
            rule="required",
        )
    component = component_name(schema)
    hint = type_stem + "Body" if component is None else ctx.class_names.get(component or "", type_stem)
    params: list[ParamDraft] = []
    for name, member in writable_properties(ctx.doc, target, target_pointer).items():
        member_pointer = join_pointer_str(target_pointer, "properties", name)
        params.append(
            ParamDraft(
                wire_name=str(name),
                location="body",
                type=types.request_type(member, member_pointer, member_name(hint, name, "property")),
                required=name in required_properties and required,
                description=str(member.get("description", "")) if isinstance(member, dict) else "",
                deprecated=bool(member.get("deprecated")) if isinstance(member, dict) else False,
                example=(
                    example.get(name)
                    if isinstance(example, dict) and name in example
                    else schema_example(member)
                ),
            )
        )
    return BodyArguments("flat", "body", required, params)


def pack_if_clashing(params: tuple[ir.Param, ...], mode: BodyMode, key: str) -> tuple[BodyMode, str]:
    """A flat body with a property named like a path, query or header parameter cannot sit among
    the arguments side by side with it: it goes whole under one key (``packed``)."""
    outside = {p.wire_name for p in params if p.location != "body"}
    if mode != "flat" or not any(p.wire_name in outside for p in params if p.location == "body"):
        return mode, key
    while key in outside:
        key += "_"
    return "packed", key
