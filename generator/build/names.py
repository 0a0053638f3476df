"""What each built thing is called in Python, and the clashes between those names.

The rules for turning spec text into names live in ``generator.naming``; this module applies them
to the parts of an operation (its resource path, method, arguments, constant), to the component
schemas, and reports two things that would get the same name: an error for the spec's author,
never a number appended to whichever came second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import ir
from ..errors import join_pointer
from ..naming import safe_class_name, safe_identifier, snake_case
from ._context import BuildContext

if TYPE_CHECKING:
    from .parameters import ParamDraft

__all__ = [
    "OPTION_KWARGS",
    "RESOURCE_RESERVED",
    "assign_component_class_names",
    "resource_path_of",
    "method_name_of",
    "const_name_of",
    "argument_names",
    "check_type_name_collisions",
]

OPTION_KWARGS = frozenset(
    {
        # The per-call options every method takes, and the names a method's own code uses.
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
        "max_retries",
        "deadline",
        "idempotency_key",
        "self",
        "cls",
    }
)
RESOURCE_RESERVED = frozenset(
    {
        # Attributes of the generated clients and resources that a resource or method must not shadow.
        "with_raw_response",
        "with_streaming_response",
        "with_options",
        "copy",
        "close",
        "request",
        "send",
        "call",
        "prepare",
        "is_closed",
        "base_url",
        "timeout",
        "max_retries",
        "deadline",
        "auth_headers",
        "auth_schemes",
        "default_security",
        "default_headers",
        "user_agent",
        "should_retry",
        "retry_delay",
    }
)
_LOCATION_ORDER = {"path": 0, "query": 1, "header": 2, "body": 3}


def assign_component_class_names(ctx: BuildContext) -> None:
    """``ctx.class_names``: each component schema's class; two that would share one are an error."""
    seen: dict[str, str] = {}
    for name in ctx.components:
        class_name = safe_class_name(name)
        if class_name in seen:
            ctx.error(
                join_pointer("components", "schemas", name),
                f"schema names {seen[class_name]!r} and {name!r} both become the Python class {class_name!r}",
                rule="naming",
            )
            continue
        seen[class_name] = name
        ctx.class_names[name] = class_name


def resource_path_of(raw: dict[str, Any], path: str) -> tuple[str, ...]:
    """The attributes from the client down to an operation's resource: ``x-sdk-resource`` (dotted),
    else its first tag, else the first literal segment of its path."""
    resource_text = raw.get("x-sdk-resource")
    if isinstance(resource_text, str) and resource_text.strip():
        parts = [snake_case(part) for part in resource_text.split(".")]
    else:
        tags = raw.get("tags") or []
        first = (
            tags[0]
            if tags and isinstance(tags[0], str)
            else next((seg for seg in path.split("/") if seg and not seg.startswith("{")), "default")
        )
        parts = [snake_case(first) or "default"]
    return tuple(safe_identifier(part or "default", avoid=RESOURCE_RESERVED) for part in parts)


def method_name_of(raw: dict[str, Any], op_id: str, method: str) -> str:
    """An operation's method: ``x-sdk-method``, else its operationId, in snake_case."""
    method_text = raw.get("x-sdk-method")
    name = snake_case(method_text if isinstance(method_text, str) and method_text else op_id) or method
    return safe_identifier(name, avoid=RESOURCE_RESERVED | {"_client"})


def const_name_of(method_name: str) -> str:
    """The module-level ``Operation`` constant of a method in its resource module."""
    return "_" + snake_case(method_name).upper() if snake_case(method_name) else "_OPERATION"


def argument_names(ctx: BuildContext, params: list[ParamDraft], pointer: str) -> list[tuple[ParamDraft, str]]:
    """The arguments of a method in signature order, each with its Python name.

    Required first (keeps signatures readable), then in spec order; path parameters lead. Path,
    query and header parameters are named first; a body property that would take one of their
    names gets a ``body_`` prefix (its name on the wire is unchanged). Two that still share a name
    are an error, and the second is left out.
    """
    ordered = sorted(params, key=lambda p: (not p.required, _LOCATION_ORDER[p.location]))
    names: dict[int, str] = {}
    used: dict[str, ParamDraft] = {}
    for body_pass in (False, True):
        for index, param in enumerate(ordered):
            if (param.location == "body") != body_pass:
                continue
            spelled = _spell_operators(param.wire_name)
            base = param.py_name or snake_case(spelled) or param.wire_name
            if param.location == "header":
                base = snake_case(spelled)
            py_name = safe_identifier(base, avoid=OPTION_KWARGS)
            if body_pass and py_name in used and used[py_name].location != "body":
                py_name = safe_identifier("body_" + base, avoid=OPTION_KWARGS)
            if py_name in used:
                other = used[py_name]
                ctx.error(
                    pointer,
                    f"parameters {other.wire_name!r} ({other.location}) and {param.wire_name!r} "
                    f"({param.location}) both become the Python argument {py_name!r}",
                    rule="naming",
                )
                continue
            names[index] = py_name
            used[py_name] = param
    return [(param, names[index]) for index, param in enumerate(ordered) if index in names]


_OPERATORS = (("<=", " lte "), (">=", " gte "), ("!=", " ne "), ("<", " lt "), (">", " gt "))
"""Comparison operators in parameter names (``StartTime<``, ``created[gte]`` is spelled already),
as words: ``start_time_lt``. Always, not only on a clash, so a name depends on its parameter alone."""


def _spell_operators(wire_name: str) -> str:
    for operator, word in _OPERATORS:
        wire_name = wire_name.replace(operator, word)
    return wire_name


def check_type_name_collisions(
    ctx: BuildContext,
    resources: list[ir.Resource],
    args_dicts: list[ir.TypedDictDef],
    typed_dict_sources: dict[str, str],
    model_sources: dict[str, str],
) -> None:
    """Each generated type name has one owner: response models, request TypedDicts, ``*Args``
    dicts and resource classes share the ``types`` namespace."""
    owners: dict[str, str] = dict(model_sources)
    args_owners: dict[str, str] = {}
    for td in args_dicts:
        if td.class_name in owners or td.class_name in typed_dict_sources:
            ctx.error(
                td.source,
                f"the generated type name {td.class_name!r} is also used by another schema",
                rule="naming",
            )
        elif td.class_name in args_owners:
            ctx.error(
                td.source,
                f"the generated type name {td.class_name!r} is also used by the operation at "
                f"{args_owners[td.class_name]}",
                rule="naming",
            )
        args_owners.setdefault(td.class_name, td.source)
    types = {**args_owners, **typed_dict_sources, **owners}
    for resource in (node for root in resources for node in root.walk()):
        for class_name in resource.public_class_names:
            if class_name in types:
                ctx.error(
                    types[class_name],
                    f"the generated type name {class_name!r} is also a class of the resource "
                    f"{'.'.join(resource.path)}",
                    rule="naming",
                )
    for name, source in typed_dict_sources.items():
        if name in owners:
            ctx.error(source, f"the generated type name {name!r} is also used by {owners[name]}", rule="naming")
        owners[name] = source
