"""The operations of the document, each built from its parts into one complete ``ir.Operation``.

Reads the operations of the spec model (``spec.read_spec``: path items given by ``$ref``
followed, parameters merged), leaves out an operation whose operationId repeats, and
puts together what the other modules decide: its names (``names``), arguments (``parameters``,
``bodies``), response (``responses``) and the ``*Args`` TypedDicts the runtime validates against.
"""

from __future__ import annotations

from typing import Any

from .. import ir
from ..naming import operation_type_name, safe_class_name
from ._context import BuildContext
from .auth import operation_security
from .bodies import BodyMode, body_arguments, pack_if_clashing, request_body
from .names import const_name_of, method_name_of, resource_path_of
from .parameters import build_parameters, check_path_placeholders, complete_params
from .request_types import RequestTypes
from .response_models import ResponseModels
from .responses import build_response
from .schemas import join_pointer_str

__all__ = ["build_operations", "SAFE_METHODS"]

SAFE_METHODS = frozenset({"get", "head", "options"})
"""Methods whose calls change nothing (``ir.Operation.safe``); the others take an ``idempotency_key``.
The runtime's ``_SAFE_METHODS`` (``_base_client``) is the same set, for ``client.request()`` calls."""


def build_operations(
    ctx: BuildContext, types: RequestTypes, models: ResponseModels, args_dicts: list[ir.TypedDictDef]
) -> list[ir.Operation]:
    """Every operation the client gets, in document order; their ``*Args`` dicts go to ``args_dicts``."""
    operations: list[ir.Operation] = []
    seen_ids: dict[str, str] = {}
    for op in ctx.spec.operations:
        path, method, raw, pointer = op.path, op.method, op.operation, op.pointer
        op_id = op.operation_id or f"{method}_{path}"
        if op_id in seen_ids:
            ctx.error(
                join_pointer_str(pointer, "operationId"),
                f"duplicate operationId {op_id!r} (also at {seen_ids[op_id]})",
                rule="operation-id",
            )
            continue
        seen_ids[op_id] = pointer
        built = _build_operation(
            ctx, types, models, args_dicts, path, method, raw, op.path_item, pointer, op_id, op.path_item_pointer
        )
        if built is not None:
            operations.append(built)
    return operations


def _build_operation(
    ctx: BuildContext,
    types: RequestTypes,
    models: ResponseModels,
    args_dicts: list[ir.TypedDictDef],
    path: str,
    method: str,
    raw: dict[str, Any],
    path_item: dict[str, Any],
    pointer: str,
    op_id: str,
    path_item_pointer: str,
) -> ir.Operation | None:
    buildable, body = request_body(ctx, raw, pointer, method, path)
    if not buildable:
        return None
    resource_path = resource_path_of(raw, path)
    method_name = method_name_of(raw, op_id, method)
    # The stem of every type made for this operation: its own resource path and method name.
    type_stem = operation_type_name(resource_path, method_name)
    drafts, comma_params = build_parameters(ctx, types, path_item, path_item_pointer, raw, pointer, type_stem)
    check_path_placeholders(ctx, path, drafts, pointer)
    body_args = body_arguments(ctx, types, body, type_stem, drafts)
    params = complete_params(ctx, [*drafts, *body_args.params], pointer)
    response, accept = build_response(ctx, models, raw, pointer, type_stem)
    body_mode, body_key = pack_if_clashing(params, body_args.mode, body_args.key)
    formats = body.formats if body is not None else ()
    args_class, dicts = _args_dicts(params, body_mode, body_key, type_stem, pointer)
    args_dicts.extend(dicts)
    return ir.Operation(
        operation_id=op_id,
        method_name=method_name,
        const_name=const_name_of(method_name),
        args_class=args_class,
        http_method=method,
        path=path,
        summary=str(raw.get("summary", "")),
        description=str(raw.get("description", "")),
        params=params,
        body_mode=body_mode,
        body_key=body_key,
        body_required=body_args.required,
        body_optional=body_mode in ("flat", "packed") and not body_args.required,
        comma_params=tuple(comma_params),
        body_formats=formats if len(formats) > 1 or formats[:1] != _PLAIN_JSON else (),
        content_type_arg=_content_type_arg(params) if len(formats) > 1 else None,
        response=response,
        accept=accept,
        deprecated=bool(raw.get("deprecated")),
        resource_path=resource_path,
        pointer=pointer,
        safe=method in SAFE_METHODS,
        security=operation_security(ctx, raw, pointer),
    )


_PLAIN_JSON = (ir.BodyFormat("json", "application/json"),)
"""A body sent as ``application/json`` only: the runtime's default, so the operation names no format."""


def _content_type_arg(params: tuple[ir.Param, ...]) -> str:
    """The argument that chooses the body's content type, named apart from the operation's own."""
    name = "content_type"
    while name in {p.py_name for p in params}:
        name += "_"
    return name


def _args_dicts(
    params: tuple[ir.Param, ...], body_mode: BodyMode, body_key: str, type_stem: str, pointer: str
) -> tuple[str, list[ir.TypedDictDef]]:
    """The ``*Args`` TypedDict of every argument of a method (and, for a packed body, the
    ``*BodyArgs`` one of the body under ``body_key``): the runtime validates a call against it."""
    args_class = safe_class_name(type_stem + "Args")
    # Files and raw content are handed to the runtime as given, not validated as data.
    files = {p.wire_name for p in params if p.holds_file}
    if body_mode == "packed" and any(p.location == "body" and p.wire_name in files for p in params):
        params = tuple(p for p in params if p.location != "body")
        body_mode = "none"
    params = tuple(p for p in params if p.wire_name not in files)
    arg_fields = [ir.DictField(p.wire_name, p.type, p.required, "", p.example) for p in params]
    dicts: list[ir.TypedDictDef] = []
    if body_mode == "packed":
        body_class = safe_class_name(type_stem + "BodyArgs")
        body_fields = tuple(f for f, p in zip(arg_fields, params, strict=True) if p.location == "body")
        dicts.append(ir.TypedDictDef(body_class, "", body_fields, closed=True, source=pointer))
        arg_fields = [f for f, p in zip(arg_fields, params, strict=True) if p.location != "body"]
        arg_fields.append(ir.DictField(body_key, ir.Named(body_class), True, ""))
    dicts.append(ir.TypedDictDef(args_class, "", tuple(arg_fields), closed=True, source=pointer))
    return args_class, dicts
