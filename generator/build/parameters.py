"""The path, query and header arguments of an operation.

Path-level parameters merged with the operation's own, each typed by ``request_types``; the query
serialisation a parameter asks for (``style``/``explode``) checked against what the runtime sends;
path placeholders matched with declared path parameters. The arguments become ``ir.Param``s once,
complete, when every argument of the operation (body properties too) is known and named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import ir
from ..loader import OperationRef
from ..naming import member_name
from ..spec import merged_parameters
from ._context import BuildContext
from .names import argument_names
from .request_types import RequestTypes
from .schemas import join_pointer_str, schema_example

__all__ = ["ParamDraft", "build_parameters", "check_path_placeholders", "complete_params"]


@dataclass(frozen=True)
class ParamDraft:
    """An argument before it has its Python name (which depends on the operation's other arguments)."""

    wire_name: str
    location: ir.ParamLocation
    type: ir.TypeExpr
    required: bool
    description: str
    deprecated: bool = False
    example: object = None
    py_name: str = ""
    """The Python name it asks for instead of one made from ``wire_name`` (a whole body: ``body``)."""


def build_parameters(
    ctx: BuildContext,
    types: RequestTypes,
    path_item: dict[str, Any],
    path_item_pointer: str,
    raw: dict[str, Any],
    pointer: str,
    type_stem: str,
) -> tuple[list[ParamDraft], list[str]]:
    """The operation's parameters, and the wire names of the comma-joined array query ones."""
    merged = _merged_parameters(ctx, path_item, path_item_pointer, raw, pointer)
    params: list[ParamDraft] = []
    comma_params: list[str] = []
    for (name, location), (param, param_pointer) in merged.items():
        if location == "cookie":
            ctx.error(param_pointer, f"cookie parameter {name!r} is not supported", rule="params")
            continue
        schema = param.get("schema")
        if schema is None and isinstance(param.get("content"), dict) and param["content"]:
            schema = next(iter(param["content"].values())).get("schema")
        param_type = types.request_type(
            schema if schema is not None else {},
            join_pointer_str(param_pointer, "schema"),
            member_name(type_stem, name, "property"),
        )
        if location == "query" and _query_style(ctx, name, param, param_type, param_pointer):
            comma_params.append(name)
        params.append(
            ParamDraft(
                wire_name=name,
                location=location,  # type: ignore[arg-type]
                type=param_type,
                required=bool(param.get("required")) or location == "path",
                description=str(param.get("description", "")),
                deprecated=bool(param.get("deprecated")),
                example=param.get("example", schema_example(schema)),
            )
        )
    return params, comma_params


def _merged_parameters(
    ctx: BuildContext, path_item: dict[str, Any], path_item_pointer: str, raw: dict[str, Any], pointer: str
) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
    """Path-level parameters, overridden by operation-level ones with the same name and ``in``
    (``spec.merged_parameters``, the one place that merges them)."""
    ref = OperationRef("", "", pointer, raw, path_item, path_item_pointer)
    return {(p.name, p.location): (p.raw, p.pointer) for p in merged_parameters(ctx.doc, ref)}


def check_path_placeholders(ctx: BuildContext, path: str, params: list[ParamDraft], pointer: str) -> None:
    """Every ``{placeholder}`` of the path is a declared path parameter, and the other way round."""
    placeholders = re.findall(r"\{([^}]+)\}", path)
    declared = {p.wire_name for p in params if p.location == "path"}
    for placeholder in placeholders:
        if placeholder not in declared:
            ctx.error(
                pointer,
                f"path {path!r} uses {{{placeholder}}} but the operation declares no path parameter {placeholder!r}",
                rule="path-params",
            )
    for name in declared - set(placeholders):
        ctx.error(
            pointer,
            f"path parameter {name!r} is declared but {path!r} has no {{{name}}}",
            rule="path-params",
        )


def _query_style(
    ctx: BuildContext, name: str, param: dict[str, Any], param_type: ir.TypeExpr, pointer: str
) -> bool:
    """Check a query parameter's ``style``/``explode``; True when it is a comma-joined array.

    Supported: ``form`` (the default), exploded (repeated keys, what the runtime does for a
    list) or not for arrays (one comma-separated value); ``deepObject`` for objects (``key[sub]``,
    what the runtime does for a mapping). Anything else is reported, as the client would send
    something the server does not expect.
    """
    style = param.get("style", "form")
    explode = param.get("explode", style == "form")
    inner = param_type.inner if isinstance(param_type, ir.Nullable) else param_type
    is_object = isinstance(inner, (ir.Named, ir.MapOf)) or inner == ir.Primitive("object")
    if style == "form":
        if explode is not False:
            return False
        if isinstance(inner, ir.ListOf):
            return True
        if is_object:
            ctx.error(
                pointer,
                f"unsupported: query parameter {name!r} is an object with style: form and explode: false "
                "(comma-separated keys and values); supported for objects: style: deepObject",
                rule="params",
            )
        return False
    if style == "deepObject":
        return False
    if style in ("spaceDelimited", "pipeDelimited"):
        supported = "style: form with explode: false (comma-separated) or explode: true (repeated keys)"
    else:
        supported = "style: form or deepObject"
    ctx.error(
        pointer,
        f"unsupported: query parameter {name!r} uses style: {style}; supported: {supported}",
        rule="params",
    )
    return False


def complete_params(ctx: BuildContext, drafts: list[ParamDraft], pointer: str) -> tuple[ir.Param, ...]:
    """The method's arguments in signature order, named (``names.argument_names``)."""
    return tuple(
        ir.Param(
            wire_name=draft.wire_name,
            py_name=py_name,
            location=draft.location,
            type=draft.type,
            required=draft.required,
            description=draft.description,
            deprecated=draft.deprecated,
            example=draft.example,
        )
        for draft, py_name in argument_names(ctx, drafts, pointer)
    )
