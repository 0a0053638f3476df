"""Pagination: the schemes of the config, and whether a paginated operation fits its scheme.

An operation names its scheme with ``x-sdk-pagination`` (a configured scheme's name, or a mapping of
the same keys); its response must have the scheme's array field of component items and the fields
its kind reads (the cursor, the next-page URL...), and the operation the query parameter its kind
sends (the cursor, the offset, the page number).
"""

from __future__ import annotations

from typing import Any

from .. import ir
from ..config import Config, PaginationScheme, resolve_pagination
from ._context import BuildContext
from .response_models import ResponseModels
from .schemas import component_name, join_pointer_str, merge_all_of

__all__ = ["paginations", "page_response"]


def paginations(config: Config) -> dict[str, ir.Pagination]:
    """One pair of page classes per configured scheme, by the scheme's name in the config."""
    return {key: _pagination(scheme) for key, scheme in config.pagination.items()}


def _pagination(scheme: PaginationScheme) -> ir.Pagination:
    return ir.Pagination(
        name=scheme.name,
        sync_class="Sync" + scheme.class_name,
        async_class="Async" + scheme.class_name,
        items_field=scheme.items_field,
        cursor_field=scheme.cursor_field,
        cursor_param=scheme.cursor_param,
        limit_param=scheme.limit_param,
        kind=scheme.kind,
        offset_param=scheme.offset_param,
        page_param=scheme.page_param,
        first_page=scheme.first_page,
        next_url_field=scheme.next_url_field,
        total_field=scheme.total_field,
        total_pages_field=scheme.total_pages_field,
    )


def _page_classes(ctx: BuildContext, scheme: PaginationScheme, where: str) -> ir.Pagination | None:
    """The page classes of ``scheme``: a configured scheme's, or (for an ``x-sdk-pagination``
    mapping) new ones, unless another scheme already makes classes of that name."""
    configured = ctx.paginations.get(scheme.name)
    page = _pagination(scheme)
    if configured is not None and configured == page:
        return configured
    for other in ctx.paginations.values():
        if other.sync_class == page.sync_class:
            if other == page:
                return other
            ctx.error(
                where,
                f"this pagination scheme and scheme {other.name!r} both make the page class {page.sync_class!r}; "
                "give this one a class_name of its own",
                rule="pagination",
            )
            return None
    ctx.paginations[scheme.name] = page
    return page


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
    where = join_pointer_str(pointer, "x-sdk-pagination")
    scheme, problem = resolve_pagination(ctx.config, pagination_name)
    if scheme is None:
        if ctx.unknown_pagination_is_error or not problem.startswith("unknown pagination scheme"):
            ctx.error(where, problem, rule="pagination")
        else:
            ctx.warn(where, problem + "; its responses are compared as plain models", rule="pagination")
        return plain
    target, target_pointer = ctx.deref(schema, schema_pointer)
    if isinstance(target, dict) and "allOf" in target:
        target = merge_all_of(ctx.doc, target, target_pointer)
    properties = target.get("properties", {}) if isinstance(target, dict) else {}
    items_schema = properties.get(scheme.items_field)
    items_target, _ = ctx.deref(items_schema, target_pointer) if items_schema is not None else (None, "")
    label = f"(pagination scheme {scheme.name!r})"
    if not isinstance(items_target, dict) or items_target.get("type") != "array" or "items" not in items_target:
        ctx.error(
            schema_pointer,
            f"paginated response has no array field {scheme.items_field!r} {label}",
            rule="pagination",
        )
        return plain
    for field_name, _, role in scheme.response_fields():
        if field_name not in properties:
            ctx.error(
                schema_pointer, f"paginated response has no {role} field {field_name!r} {label}", rule="pagination"
            )
    # Only the operation's own query parameters count, not the path item's (as before the split).
    declared_query = {p.get("name") for p in _operation_query_params(ctx, raw)}
    for param_name, _, role in scheme.query_params():
        if role != "limit" and param_name not in declared_query:
            ctx.error(
                pointer,
                f"paginated operation declares no {role} query parameter {param_name!r} {label}",
                rule="pagination",
            )
    item_component = component_name(items_target["items"])
    if item_component is None:
        ctx.error(
            schema_pointer,
            f"the items of a paginated response must be a $ref to a component schema {label}",
            rule="pagination",
        )
        return plain
    page = _page_classes(ctx, scheme, where)
    if page is None:
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
