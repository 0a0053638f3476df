"""How the client authenticates: the first security requirement of the document, if any.

Supported: HTTP bearer and an API key in a header; the client reads the credential from its
argument or from ``<ENV_PREFIX>_BEARER_TOKEN`` / ``<ENV_PREFIX>_<ARG>``.
"""

from __future__ import annotations

from .. import ir
from ..errors import join_pointer
from ..naming import safe_identifier, snake_case
from ._context import BuildContext

__all__ = ["build_auth"]


def build_auth(ctx: BuildContext) -> ir.AuthScheme | None:
    data = ctx.doc.data
    schemes = (data.get("components", {}) or {}).get("securitySchemes", {}) or {}
    requirements = data.get("security") or []
    names = [name for requirement in requirements if isinstance(requirement, dict) for name in requirement]
    if not names:
        return None
    name = names[0]
    scheme, pointer = ctx.deref(schemes.get(name), join_pointer("components", "securitySchemes", name))
    prefix = ctx.config.env_prefix
    if not isinstance(scheme, dict):
        ctx.error("/security", f"security scheme {name!r} is not defined in components.securitySchemes")
        return None
    description = str(scheme.get("description", ""))
    if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
        return ir.AuthScheme(
            "bearer", "bearer_token", f"{prefix}_BEARER_TOKEN", "Authorization", description, value_prefix="Bearer "
        )
    if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
        arg = safe_identifier(snake_case(name) or "api_key")
        return ir.AuthScheme("api_key", arg, f"{prefix}_{arg.upper()}", str(scheme.get("name")), description)
    ctx.error(
        pointer,
        f"unsupported security scheme {scheme.get('type')!r}; supported: http bearer, apiKey in header",
        rule="auth",
    )
    return None
