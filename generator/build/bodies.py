"""The request body of an operation: which content is sent, in which formats, and how it becomes arguments.

Every content type a body lists is one of five kinds: JSON, form (``x-www-form-urlencoded``),
multipart (``form-data``), text (``text/*`` with a string schema) or binary (any other type whose
schema is ``format: binary``, a plain string, or absent). The default is JSON when the body has it,
else the first usable type; the others of the same shape (JSON, form and multipart all carry an
object; binary types a file; text types a str) are offered through a ``content_type`` argument.
A type of none of these kinds (an XML object, say) is left out with a warning, and so is an
operation whose body has no usable type at all.

An object body is ``flat``: its properties are arguments; any other body is ``whole``: one ``body``
argument (a free-form mapping when the schema has no properties, or no schema at all); a flat body
one of whose properties shares its wire name with a path, query or header parameter is ``packed``
(flat for the caller, sent under one key). Multipart properties that are files take ``FileTypes``
and a raw body ``BinaryContent``: those are handed to the runtime as given, not validated as data.
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

__all__ = ["FoundBody", "BodyArguments", "request_body", "body_arguments", "pack_if_clashing"]

BodyMode = Literal["none", "flat", "whole", "packed"]
BodyKind = Literal["json", "form", "multipart", "binary", "text"]

_SHAPES: dict[str, str] = {"json": "object", "form": "object", "multipart": "object", "binary": "file", "text": "str"}
_PREFERENCE: dict[str, int] = {"json": 0, "form": 1, "multipart": 2, "text": 3, "binary": 4}


@dataclass(frozen=True)
class FoundBody:
    """A request body the client can send: the (resolved) request body object, where it is, and
    its usable content types, the default first."""

    body: dict[str, Any]
    pointer: str
    media_type: str
    kind: BodyKind
    formats: tuple[ir.BodyFormat, ...] = ()


@dataclass(frozen=True)
class BodyArguments:
    mode: BodyMode
    key: str
    """The runtime's key for the whole body (``whole`` and ``packed`` modes)."""
    required: bool
    params: list[ParamDraft] = field(default_factory=list)


def body_kind(ctx: BuildContext, media_type: str, media: Any, pointer: str) -> BodyKind | None:
    """What a content type of a request body is sent as, or ``None`` when the client cannot send it."""
    base = media_type.split(";")[0].strip().lower()
    if is_json_media_type(base):
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base == "multipart/form-data":
        return "multipart"
    schema = media.get("schema") if isinstance(media, dict) else None
    if schema is not None:
        schema, _ = ctx.deref(schema, join_pointer_str(pointer, "schema"))
    if schema is None or schema is True or schema == {}:
        return "text" if base.startswith("text/") else "binary"
    if not isinstance(schema, dict):
        return None
    if _is_binary_schema(schema):
        return "binary"
    if schema.get("type") == "string":
        return "text" if base.startswith("text/") else "binary"
    return None


def _is_binary_schema(schema: dict[str, Any]) -> bool:
    """A string of raw bytes: ``format: binary`` (3.0), or a ``contentMediaType`` not base64-encoded (3.1)."""
    if schema.get("format") == "binary":
        return True
    return "contentMediaType" in schema and schema.get("contentEncoding") not in ("base64", "base64url")


def request_body(
    ctx: BuildContext, raw: dict[str, Any], pointer: str, method: str, path: str
) -> tuple[bool, FoundBody | None]:
    """Whether the operation can be built, and its request body (``None``: it has none)."""
    body_raw = raw.get("requestBody")
    if body_raw is None:
        return True, None
    body, body_pointer = ctx.deref(body_raw, join_pointer_str(pointer, "requestBody"))
    content = body.get("content", {}) if isinstance(body, dict) else {}
    content = content if isinstance(content, dict) else {}
    usable: list[tuple[str, BodyKind]] = []
    refused: list[str] = []
    for media_type, media in content.items():
        kind = body_kind(ctx, str(media_type), media, join_pointer_str(body_pointer, "content", media_type))
        if kind is None:
            refused.append(str(media_type))
        else:
            usable.append((str(media_type), kind))
    where = f"{method.upper()} {path}"
    if not usable:
        kinds = ", ".join(sorted(map(str, content))) or "none"
        ctx.warn(
            join_pointer_str(body_pointer, "content"),
            f"{where} is left out of the client: none of its request body's content types can be sent "
            f"({kinds}): the client sends JSON, forms, multipart, text and binary bodies",
            rule="skipped-operation",
        )
        return False, None
    media_type, kind = min(usable, key=lambda entry: _PREFERENCE[entry[1]])
    offered = [(media_type, kind)] + [
        entry for entry in usable if entry[0] != media_type and _SHAPES[entry[1]] == _SHAPES[kind]
    ]
    left_out = refused + [entry[0] for entry in usable if entry not in offered]
    if left_out:
        ctx.warn(
            join_pointer_str(body_pointer, "content"),
            f"{where}: the client sends its body as {', '.join(m for m, _ in offered)}; "
            f"left out: {', '.join(left_out)} (another shape of body, or a type it cannot encode)",
            rule="skipped-content-type",
        )
    formats = tuple(
        ir.BodyFormat(
            kind=entry_kind,
            content_type=_sent_type(entry_type, entry_kind),
            fields=_field_encodings(content[entry_type]) if entry_kind in ("form", "multipart") else (),
        )
        for entry_type, entry_kind in offered
    )
    return True, FoundBody(body, body_pointer, media_type, kind, formats)


def _sent_type(media_type: str, kind: BodyKind) -> str:
    """The ``Content-Type`` a format is sent with (multipart's boundary is added when sending)."""
    return "multipart/form-data" if kind == "multipart" else media_type


def _field_encodings(media: Any) -> tuple[ir.FieldEncoding, ...]:
    encoding = media.get("encoding") if isinstance(media, dict) else None
    if not isinstance(encoding, dict):
        return ()
    found: list[ir.FieldEncoding] = []
    for name, entry in encoding.items():
        if not isinstance(entry, dict):
            continue
        style = entry.get("style", "form")
        style = style if isinstance(style, str) else "form"
        explode = entry.get("explode", style == "form")
        content_type = entry.get("contentType")
        found.append(
            ir.FieldEncoding(
                wire_name=str(name),
                content_type=content_type if isinstance(content_type, str) else None,
                style=style,
                explode=bool(explode),
            )
        )
    return tuple(found)


def body_arguments(
    ctx: BuildContext, types: RequestTypes, found: FoundBody | None, type_stem: str, others: list[ParamDraft]
) -> BodyArguments:
    """The arguments a body gives (``others``: the operation's path, query and header parameters)."""
    if found is None:
        return BodyArguments("none", "body", False)
    body = found.body
    media = body["content"][found.media_type]
    media = media if isinstance(media, dict) else {}
    media_pointer = join_pointer_str(found.pointer, "content", found.media_type)
    schema = media.get("schema", {})
    schema_pointer = join_pointer_str(media_pointer, "schema")
    target, target_pointer = ctx.deref(schema, schema_pointer)
    if isinstance(target, dict) and "allOf" in target:
        target = merge_all_of(ctx.doc, target, target_pointer)
    required = bool(body.get("required"))
    example = media_example(media)
    description = str(body.get("description", ""))
    if found.kind in ("binary", "text") or not is_object_schema(target):
        if found.kind == "binary":
            body_type: ir.TypeExpr = ir.FileInput("binary")
        elif found.kind == "text":
            body_type = ir.Primitive("str")
        elif found.kind == "multipart":
            body_type = ir.FileInput("form")  # free-form: any fields, files among them
        elif found.kind == "form" and (not isinstance(target, dict) or not target):
            body_type = ir.MapOf(ir.Primitive("object"))
        else:
            body_type = types.request_type(schema, schema_pointer, type_stem + "Body")
        return _whole(body_type, required, description, example, others)
    required_properties = set(target.get("required", []) or [])
    for name in required_properties - set(target["properties"]):
        ctx.error(
            join_pointer_str(target_pointer, "required"),
            f"required property {name!r} is not defined in properties",
            rule="required",
        )
    component = component_name(schema)
    hint = type_stem + "Body" if component is None else ctx.class_names.get(component or "", type_stem)
    file_fields = {f.wire_name for f in found.formats[0].fields if _is_file_type(f.content_type)}
    params: list[ParamDraft] = []
    for name, member in writable_properties(ctx.doc, target, target_pointer).items():
        member_pointer = join_pointer_str(target_pointer, "properties", name)
        member_type = None
        if found.kind == "multipart":
            member_type = _file_type(ctx, member, member_pointer, str(name) in file_fields)
        params.append(
            ParamDraft(
                wire_name=str(name),
                location="body",
                type=member_type or types.request_type(member, member_pointer, member_name(hint, name, "property")),
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


def _whole(
    body_type: ir.TypeExpr, required: bool, description: str, example: object, others: list[ParamDraft]
) -> BodyArguments:
    key = "body"
    while key in {p.wire_name for p in others}:
        key += "_"
    whole = ParamDraft(
        wire_name=key,
        py_name="body",
        location="body",
        type=body_type,
        required=required,
        description=description,
        example=example if not isinstance(body_type, ir.FileInput) else None,
    )
    return BodyArguments("whole", key, required, [whole])


def _is_file_type(content_type: str | None) -> bool:
    """Whether a multipart ``encoding.contentType`` names file content (not text or JSON)."""
    if not content_type:
        return False
    first = content_type.split(",")[0].split(";")[0].strip().lower()
    return not (first.startswith("text/") or is_json_media_type(first) or first == "application/x-www-form-urlencoded")


def _file_type(ctx: BuildContext, member: Any, pointer: str, declared_file: bool) -> ir.TypeExpr | None:
    """``FileTypes`` (or a list of them) for a multipart property that is a file, else ``None``."""
    target, target_pointer = ctx.deref(member, pointer)
    if not isinstance(target, dict):
        return None
    if target.get("type") == "array" and isinstance(target.get("items"), dict):
        item, _ = ctx.deref(target["items"], join_pointer_str(target_pointer, "items"))
        if isinstance(item, dict) and (_is_binary_schema(item) or (declared_file and item.get("type") == "string")):
            return ir.ListOf(ir.FileInput("file"))
        return None
    if _is_binary_schema(target) or (declared_file and target.get("type") in ("string", None)):
        return ir.FileInput("file")
    return None


def pack_if_clashing(params: tuple[ir.Param, ...], mode: BodyMode, key: str) -> tuple[BodyMode, str]:
    """A flat body with a property named like a path, query or header parameter cannot sit among
    the arguments side by side with it: it goes whole under one key (``packed``)."""
    outside = {p.wire_name for p in params if p.location != "body"}
    if mode != "flat" or not any(p.wire_name in outside for p in params if p.location == "body"):
        return mode, key
    while key in outside:
        key += "_"
    return "packed", key
