"""Pagination: the schemes of the config, and whether a paginated operation fits its scheme.

An operation names its scheme with ``x-sdk-pagination``; its response must have the scheme's array
field of component items and its cursor field, and the operation the scheme's cursor parameter.
"""

from __future__ import annotations

from typing import Any

from .. import ir
from ..config import Config
from ._context import BuildContext
from .response_models import ResponseModels
from .schemas import component_name, join_pointer_str, merge_all_of

__all__ = ["paginations", "page_response"]


def paginations(config: Config) -> dict[str, ir.Pagination]:
    """One pair of page classes per configured scheme, by the scheme's name in the config."""
    return {
        key: ir.Pagination(
            name=scheme.name,
            sync_class="Sync" + scheme.class_name,
            async_class="Async" + scheme.class_name,
            items_field=scheme.items_field,
            cursor_field=scheme.cursor_field,
            cursor_param=scheme.cursor_param,
            limit_param=scheme.limit_param,
        )
        for key, scheme in config.pagination.items()
    }


def page_response(
    ctx: BuildContext,
    models: ResponseModels,
    raw: dict[str, Any],
    pointer: str,
    pagination_name: object,
    schema: Any,
    schema_pointer: str,
    model: str,
) -> ir.ResponseSpec:
    """The response of an operation that names a pagination scheme: a page when it fits the scheme,
    else (with an error, or a warning for an unknown scheme when that is not an error) a model."""
    plain = ir.ResponseSpec(kind="model", model=model)
    scheme = ctx.config.pagination.get(str(pagination_name))
    page = ctx.paginations.get(str(pagination_name))
    if scheme is None or page is None:
        known = ", ".join(sorted(ctx.config.pagination)) or "none configured"
        message = f"unknown pagination scheme {pagination_name!r} (known: {known})"
        where = join_pointer_str(pointer, "x-sdk-pagination")
        if ctx.unknown_pagination_is_error:
            ctx.error(where, message, rule="pagination")
        else:
            ctx.warn(where, message + "; its responses are compared as plain models", rule="pagination")
        return plain
    target, target_pointer = ctx.deref(schema, schema_pointer)
    if isinstance(target, dict) and "allOf" in target:
        target = merge_all_of(ctx.doc, target, target_pointer)
    properties = target.get("properties", {}) if isinstance(target, dict) else {}
    items_schema = properties.get(scheme.items_field)
    items_target, _ = ctx.deref(items_schema, target_pointer) if items_schema is not None else (None, "")
    if not isinstance(items_target, dict) or items_target.get("type") != "array" or "items" not in items_target:
        ctx.error(
            schema_pointer,
            f"paginated response has no array field {scheme.items_field!r} (pagination scheme {scheme.name!r})",
            rule="pagination",
        )
        return plain
    if scheme.cursor_field not in properties:
        ctx.error(
            schema_pointer,
            f"paginated response has no cursor field {scheme.cursor_field!r} (pagination scheme {scheme.name!r})",
            rule="pagination",
        )
    # Only the operation's own query parameters count, not the path item's (as before the split).
    declared_query = {p.get("name") for p in _operation_query_params(ctx, raw)}
    if scheme.cursor_param not in declared_query:
        ctx.error(
            pointer,
            f"paginated operation declares no query parameter {scheme.cursor_param!r} (pagination scheme {scheme.name!r})",
            rule="pagination",
        )
    item_component = component_name(items_target["items"])
    if item_component is None:
        ctx.error(
            schema_pointer,
            f"the items of a paginated response must be a $ref to a component schema (pagination scheme {scheme.name!r})",
            rule="pagination",
        )
        return plain
    item_model = models.model_for_component(item_component)
    return ir.ResponseSpec(kind="page", model=model, item_model=item_model, pagination=page)


def _operation_query_params(ctx: BuildContext, raw: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for entry in raw.get("parameters", []) or []:
        param, _ = ctx.deref(entry, "")
        if isinstance(param, dict) and param.get("in") == "query":
            found.append(param)
    return found
