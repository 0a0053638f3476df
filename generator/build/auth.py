"""How the client authenticates: the security schemes it supports and which ones each operation uses.

Supported: HTTP bearer and basic; API keys in a header, the query or a cookie; OAuth2 client
credentials (the client fetches and refreshes the token); any other OAuth2 flow and OpenID Connect
through a token or a token-provider callable. Any other kind (``mutualTLS``, HTTP digest...) is a
warning naming the scheme, and the requirements that need it are left out.

A ``security`` list is alternatives, each a set of schemes applied together; an operation's own
``security`` replaces the document's, ``security: []`` meaning no credentials. The client reads
each credential from its argument or from ``<ENV_PREFIX>_<ARGUMENT>``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from .. import ir
from ..errors import join_pointer
from ..loader import iter_operations
from ..naming import safe_identifier, snake_case
from ._context import BuildContext
from .names import RESOURCE_RESERVED
from .schemas import join_pointer_str

__all__ = ["BuiltAuth", "build_auth", "operation_security", "check_attribute_clashes"]

_CLIENT_ARGUMENTS = frozenset(
    {
        "base_url",
        "timeout",
        "max_retries",
        "default_headers",
        "default_query",
        "http_client",
        "strict_response_validation",
        "deadline",
        "self",
        "settings",
        "clone",
    }
)
"""Names a credential argument must not take: the client's other arguments and locals."""


@dataclass(frozen=True)
class BuiltAuth:
    schemes: tuple[ir.AuthScheme, ...]
    security: ir.Requirements
    """The document's security, with the alternatives that need an unsupported scheme left out."""

    def supported(self, requirements: ir.Requirements) -> ir.Requirements:
        known = {scheme.name for scheme in self.schemes}
        return tuple(alt for alt in requirements if all(name in known for name in alt))

    def apply(self, operations: list[ir.Operation]) -> list[ir.Operation]:
        """The operations with their own security narrowed to the supported schemes."""
        return [
            op if op.security is None else replace(op, security=self.supported(op.security))
            for op in operations
        ]

    def required(self, operations: list[ir.Operation]) -> bool:
        """Whether every operation needs credentials (then the client needs some to be built)."""
        chosen = [self.security if op.security is None else op.security for op in operations] or [self.security]
        return all(requirements and () not in requirements for requirements in chosen)


def operation_security(ctx: BuildContext, raw: dict[str, Any], pointer: str) -> ir.Requirements | None:
    """An operation's own ``security`` as scheme names (``None`` when it declares none)."""
    if "security" not in raw:
        return None
    return _requirements(ctx, raw.get("security"), join_pointer_str(pointer, "security"))


def _requirements(ctx: BuildContext, value: Any, pointer: str) -> ir.Requirements:
    if not isinstance(value, list):
        return ()
    defined = _scheme_nodes(ctx)
    found: list[tuple[str, ...]] = []
    for index, requirement in enumerate(value):
        if not isinstance(requirement, dict):
            continue
        names = tuple(str(name) for name in requirement)
        missing = [name for name in names if name not in defined]
        if missing:
            ctx.warn(
                f"{pointer}/{index}",
                f"security scheme {missing[0]!r} is not defined in components.securitySchemes; "
                "this alternative is left out",
                rule="auth",
            )
            continue
        if names not in found:
            found.append(names)
    return tuple(found)


def _scheme_nodes(ctx: BuildContext) -> dict[str, Any]:
    components = ctx.doc.data.get("components") or {}
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    return dict(schemes) if isinstance(schemes, dict) else {}


def _scopes(ctx: BuildContext, name: str) -> tuple[str, ...]:
    """The scopes the document's requirements (top level and operations) name for scheme ``name``."""
    lists: list[Any] = [ctx.doc.data.get("security")]
    lists.extend(op.operation.get("security") for op in iter_operations(ctx.doc.data))
    scopes: list[str] = []
    for requirements in lists:
        for requirement in requirements if isinstance(requirements, list) else []:
            values = requirement.get(name) if isinstance(requirement, dict) else None
            for scope in values if isinstance(values, list) else []:
                if isinstance(scope, str) and scope not in scopes:
                    scopes.append(scope)
    return tuple(scopes)


def build_auth(ctx: BuildContext) -> BuiltAuth:
    prefix = ctx.config.env_prefix
    schemes: list[ir.AuthScheme] = []
    taken: dict[str, str] = {}
    for name, node in _scheme_nodes(ctx).items():
        pointer = join_pointer("components", "securitySchemes", name)
        scheme, pointer = ctx.deref(node, pointer)
        if not isinstance(scheme, dict):
            continue
        built = _scheme(ctx, str(name), scheme, pointer, prefix)
        if built is None:
            continue
        clash = next((c.arg_name for c in built.credentials if c.arg_name in taken), None)
        if clash is not None:
            ctx.warn(
                pointer,
                f"security scheme {name!r} would take the client argument {clash!r} of scheme "
                f"{taken[clash]!r}; it is left out (send its credential with default_headers)",
                rule="auth",
            )
            continue
        taken.update({c.arg_name: str(name) for c in built.credentials})
        schemes.append(built)
    auth = BuiltAuth(tuple(schemes), ())
    return replace(auth, security=auth.supported(_requirements(ctx, ctx.doc.data.get("security"), "/security")))


def _credential(arg: str, prefix: str, annotation: Literal["str", "token"] = "str") -> ir.Credential:
    safe = safe_identifier(arg, avoid=_CLIENT_ARGUMENTS | RESOURCE_RESERVED)
    return ir.Credential(safe, f"{prefix}_{safe.upper().strip('_')}", annotation)


def _scheme(
    ctx: BuildContext, name: str, scheme: dict[str, Any], pointer: str, prefix: str
) -> ir.AuthScheme | None:
    kind = scheme.get("type")
    description = str(scheme.get("description", "") or "")
    http_scheme = str(scheme.get("scheme", "")).lower()
    if kind == "http" and http_scheme == "bearer":
        return ir.AuthScheme(name, "bearer", (_credential("bearer_token", prefix),), description)
    if kind == "http" and http_scheme == "basic":
        credentials = (_credential("username", prefix), _credential("password", prefix))
        return ir.AuthScheme(name, "basic", credentials, description)
    if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie") and scheme.get("name"):
        credential = _credential(snake_case(name) or "api_key", prefix)
        location = scheme["in"]
        return ir.AuthScheme(
            name, "api_key", (credential,), description, location=location, param_name=str(scheme["name"])
        )
    token = _credential(_token_argument(name), prefix, "token")
    if kind == "openIdConnect":
        return ir.AuthScheme(name, "token", (token,), description)
    if kind == "oauth2":
        flows = scheme.get("flows")
        client_credentials = flows.get("clientCredentials") if isinstance(flows, dict) else None
        if isinstance(client_credentials, dict) and isinstance(client_credentials.get("tokenUrl"), str):
            return ir.AuthScheme(
                name,
                "oauth2_client_credentials",
                (_credential("client_id", prefix), _credential("client_secret", prefix), token),
                description,
                token_url=client_credentials["tokenUrl"],
                scopes=_scopes(ctx, name),
            )
        return ir.AuthScheme(name, "token", (token,), description)
    what = f"http {http_scheme}" if kind == "http" else f"apiKey in {scheme.get('in')!r}" if kind == "apiKey" else kind
    ctx.warn(
        pointer,
        f"security scheme {name!r} ({what}) is not supported; the requirements that need it are left out "
        "(supported: http bearer and basic, apiKey in header, query or cookie, oauth2, openIdConnect)",
        rule="auth",
    )
    return None


def _token_argument(name: str) -> str:
    stem = snake_case(name) or "oauth"
    return stem if stem.endswith("token") else stem + "_token"


def check_attribute_clashes(ctx: BuildContext, auth: BuiltAuth, resources: list[ir.Resource]) -> None:
    """A top-level resource and a credential argument would be the same attribute of the client."""
    credentials = {c.arg_name: scheme.name for scheme in auth.schemes for c in scheme.credentials}
    for resource in resources:
        scheme = credentials.get(resource.attr_name)
        if scheme is not None:
            ctx.error(
                join_pointer("components", "securitySchemes", scheme),
                f"the credential argument {resource.attr_name!r} of security scheme {scheme!r} and the "
                f"resource client.{resource.attr_name} would be the same attribute of the client; rename the "
                "scheme or give the resource's operations another x-sdk-resource",
                rule="naming",
            )
