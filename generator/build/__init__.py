"""Spec -> intermediate model.

Reads the validated document and the config, resolves ``$ref``s, sanitizes every name once, and
returns an ``ir.Api``, response models included. One module per decision:

* ``names``: what each built thing is called (on top of ``generator.naming``) and name clashes;
* ``schemas``: the questions asked of a schema (object? ``allOf`` merged? writable properties?);
* ``types``: the one schema-to-type pass: what every schema becomes (``ir.TypeExpr``) and what it is
  called, for requests (TypedDicts; ``request_types`` names it for the argument modules) and
  responses (``response_models``: the pydantic models, ``ir.ModelDef``; ``model_fields``: their
  attribute names, defaults and module order);
* ``parameters``: path, query and header arguments; ``bodies``: the request body's arguments;
* ``responses``: what a call returns; ``pagination``: the schemes and the page responses;
* ``auth``: how the client authenticates; ``operations``: each operation put together;
* ``resources``: the resource tree and its classes.
"""

from __future__ import annotations

import re
from typing import Any

from .. import ir
from ..config import Config
from ..errors import SpecErrors, join_pointer
from ..loader import Document
from ._context import BuildContext
from .auth import build_auth, check_attribute_clashes
from .names import assign_component_class_names, check_type_name_collisions
from .operations import build_operations
from .pagination import paginations
from .resources import build_resources
from .types import SchemaTypes

__all__ = ["build_api"]


def build_api(
    doc: Document, config: Config, *, unknown_pagination_is_error: bool = True
) -> tuple[ir.Api, list[ir.ModelDef]]:
    """Build the intermediate model and its response models (``api.models``, also returned
    second); raises ``SpecErrors`` listing every problem found.

    ``doc`` must have passed ``loader.validate_document`` (or lint's stages up to ``semantic``).
    ``unknown_pagination_is_error=False`` (for ``diff``) makes an ``x-sdk-pagination`` naming a
    scheme the config does not define a warning in ``api.warnings``, the operation built as one
    returning a plain model: a reviewer without the project's config can still compare two specs.
    """
    ctx = BuildContext(
        doc, config, unknown_pagination_is_error=unknown_pagination_is_error, paginations=paginations(config)
    )
    assign_component_class_names(ctx)
    _check_client_name(ctx)
    types = SchemaTypes(ctx)
    models = types.models
    args_dicts: list[ir.TypedDictDef] = []
    auth = build_auth(ctx)
    operations = auth.apply(build_operations(ctx, types, models, args_dicts))
    resources = build_resources(ctx, operations)
    check_attribute_clashes(ctx, auth, resources)
    if ctx.errors:
        raise SpecErrors(ctx.errors)
    check_type_name_collisions(ctx, resources, args_dicts, types.sources, models.sources)
    if ctx.errors:
        raise SpecErrors(ctx.errors)
    response_models = models.finish()
    data = doc.data
    info = data.get("info", {}) or {}
    servers = data.get("servers") or []
    base_url = config.base_url or (_server_url(servers[0]) if servers else None) or "http://localhost"
    api = ir.Api(
        title=str(info.get("title", "")),
        description=str(info.get("description", "")),
        api_version=str(info.get("version", "")),
        package_name=config.package_name,
        client_name=config.client_name,
        version=config.version,
        base_url=str(base_url).rstrip("/"),
        env_base_url=f"{config.env_prefix}_BASE_URL",
        env_log=f"{config.env_prefix}_LOG",
        idempotency_header=config.idempotency_header,
        max_retries=config.max_retries,
        timeout_seconds=config.timeout_seconds,
        connect_timeout_seconds=config.connect_timeout_seconds,
        auth_schemes=auth.schemes,
        security=auth.security,
        auth_required=auth.required(operations),
        resources=resources,
        typed_dicts=sorted(types.typed_dicts.values(), key=lambda t: t.class_name),
        args_dicts=args_dicts,
        models=response_models,
        paginations=list(ctx.paginations.values()),
        warnings=list(ctx.warnings),
    )
    return api, response_models


def _check_client_name(ctx: BuildContext) -> None:
    """The client classes (``X`` and ``AsyncX``) must not be named like a model of the spec
    (a default name avoids it by itself: ``naming.default_names``)."""
    client = ctx.config.client_name
    for name, class_name in ctx.class_names.items():
        if class_name in (client, "Async" + client):
            ctx.error(
                join_pointer("components", "schemas", name),
                f"the client class {client!r} would have the name of the model {class_name!r} of this schema; "
                "choose another client_name in generator.yaml (or rename the schema)",
                rule="naming",
            )


def _server_url(server: Any) -> str | None:
    """A server's URL with each ``{variable}`` replaced by its default."""
    if not isinstance(server, dict) or not isinstance(server.get("url"), str):
        return None
    variables = server.get("variables")
    variables = variables if isinstance(variables, dict) else {}

    def substitute(match: re.Match[str]) -> str:
        variable = variables.get(match.group(1))
        if isinstance(variable, dict) and "default" in variable:
            return str(variable["default"])
        return match.group(0)

    return re.sub(r"\{([^{}]+)\}", substitute, server["url"])
