"""The intermediate model: plain typed dataclasses that templates render.

Nothing here knows YAML, ``$ref`` or OpenAPI versions; names are already safe Python names and
every piece of spec text that lands in code is kept raw here and escaped by the template filter
for the place it lands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from .errors import SpecError

# ---------------------------------------------------------------------------------------------
# Types of request arguments (rendered as annotations of parameters and TypedDict fields).


@dataclass(frozen=True)
class Primitive:
    name: Literal["str", "int", "float", "bool", "object", "none"]
    format: str | None = None
    """The schema's ``format`` (``uuid``, ``email``...): documentation and examples only."""


@dataclass(frozen=True)
class DateTime:
    pass


@dataclass(frozen=True)
class Date:
    pass


@dataclass(frozen=True)
class EnumOf:
    values: tuple[Union[str, int, float, bool, None], ...]
    open: bool = False
    """A response enum of strings or integers that a newer server may extend (``OpenEnum[...]``):
    typed as the known values or any value of their type. Request enums and discriminator tags
    are closed."""


@dataclass(frozen=True)
class ListOf:
    item: TypeExpr


@dataclass(frozen=True)
class MapOf:
    value: TypeExpr


@dataclass(frozen=True)
class Named:
    """An object type with a class of its own in ``types``: a request ``TypedDict`` or a response model.

    ``definition`` is the definition itself (``TypedDictDef`` or ``ModelDef``); equality is by name.
    """

    class_name: str
    definition: TypedDictDef | ModelDef | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class UnionOf:
    options: tuple[TypeExpr, ...]


@dataclass(frozen=True)
class Nullable:
    inner: TypeExpr


@dataclass(frozen=True)
class FileInput:
    """A file of a multipart body (``file``: ``FileTypes``) or a raw body (``binary``: ``BinaryContent``):
    passed to the runtime as given, never validated as data."""

    kind: Literal["file", "binary", "form"]


TypeExpr = Union[Primitive, DateTime, Date, EnumOf, ListOf, MapOf, Named, UnionOf, Nullable, FileInput]


@dataclass(frozen=True)
class DictField:
    wire_name: str
    type: TypeExpr
    required: bool
    description: str
    example: object = None


@dataclass(frozen=True)
class TypedDictDef:
    """A request-side object schema."""

    class_name: str
    description: str
    fields: tuple[DictField, ...]
    closed: bool
    """Whether keys the spec does not list are refused at run time."""
    source: str
    """JSON pointer of the schema, for messages and comments."""


# ---------------------------------------------------------------------------------------------
# Response models (pydantic), made by the same schema-to-type pass as the request types.


class _NoDefault:
    """The type of ``NO_DEFAULT``: one instance, with a repr that is the same in every run (the
    repr of the model is part of a cache key)."""

    def __repr__(self) -> str:
        return "NO_DEFAULT"

    def __reduce__(self) -> str:
        return "NO_DEFAULT"  # unpickled as the one instance, so that ``is NO_DEFAULT`` holds


NO_DEFAULT: object = _NoDefault()
"""``ModelField.default`` of a field without a default value."""


@dataclass(frozen=True)
class ModelField:
    wire_name: str
    """The property name in the JSON (the field's alias when it differs from ``py_name``)."""
    py_name: str
    type: TypeExpr
    required: bool
    description: str
    pointer: str
    """JSON pointer of the property's schema."""
    owner: str
    """JSON pointer of the schema whose ``properties`` declare it (an ``allOf`` member, say)."""
    default: object = NO_DEFAULT
    """The spec's ``default``, when it fits the type; an optional field without one defaults to ``None``."""

    @property
    def nullable(self) -> bool:
        return isinstance(self.type, Nullable)


@dataclass(eq=False)
class ModelDef:
    """A response model class. Built in two steps (a schema may hold itself), so not frozen;
    compared by identity."""

    class_name: str
    description: str
    pointer: str
    """JSON pointer of the schema it is made from (``_SPEC_POINTERS`` in the module)."""
    fields: list[ModelField] = field(default_factory=list)
    """The fields the class declares itself (its bases declare the rest)."""
    bases: list[ModelDef] = field(default_factory=list)
    """The models it extends (``allOf`` members that are models of their own), in order; empty when
    a field of it narrows an inherited one, as then its fields are all its own (flattened)."""
    root: TypeExpr | None = None
    """For a response that is no object (an array, a union...): the ``RootModel``'s type."""

    @property
    def all_fields(self) -> list[ModelField]:
        """Every field, inherited ones first, by wire name."""
        found: dict[str, ModelField] = {}
        for base in self.bases:
            for model_field in base.all_fields:
                found.setdefault(model_field.wire_name, model_field)
        for model_field in self.fields:
            found[model_field.wire_name] = model_field
        return list(found.values())


# ---------------------------------------------------------------------------------------------
# Operations and resources.

ParamLocation = Literal["path", "query", "header", "body"]


@dataclass(frozen=True)
class Param:
    wire_name: str
    py_name: str
    location: ParamLocation
    type: TypeExpr
    required: bool
    description: str
    deprecated: bool = False
    example: object = None
    """An example value from the spec (``None`` when it gives none)."""

    @property
    def holds_file(self) -> bool:
        """A file or raw content (``FileInput``, or a list of them), which the runtime does not validate."""
        return _holds_file(self.type)


@dataclass(frozen=True)
class FieldEncoding:
    """The OpenAPI ``encoding`` of one property of a form or multipart body."""

    wire_name: str
    content_type: str | None = None
    style: str = "form"
    explode: bool = True


@dataclass(frozen=True)
class BodyFormat:
    """One content type a request body can be sent as."""

    kind: Literal["json", "form", "multipart", "binary", "text"]
    content_type: str
    fields: tuple[FieldEncoding, ...] = ()


@dataclass(frozen=True)
class ResponseSpec:
    """What a successful call returns."""

    kind: Literal["model", "page", "binary", "text", "none", "sse", "union"]
    model: str | None = None
    """Response model class (in ``types``) for ``model`` and ``page``."""
    item_model: str | None = None
    """Item class of a page, or of the events of an ``sse`` stream (``None``: the events carry text)."""
    alternatives: tuple[tuple[int, ResponseSpec], ...] = ()
    """``union``: what each 2xx status code returns (the first is also what any other 2xx returns)."""
    pagination: Pagination | None = None
    """The pagination scheme of a page (one of ``Api.paginations``)."""
    content_type: str | None = None


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method_name: str
    const_name: str
    """Name of the module-level ``Operation`` constant in the resource module."""
    args_class: str
    """Name of the ``TypedDict`` of all arguments, used for run-time validation."""
    http_method: str
    path: str
    summary: str
    description: str
    params: tuple[Param, ...]
    body_mode: Literal["none", "flat", "whole", "packed"]
    """``flat``: the body's properties are arguments, sent as one JSON object; ``whole``: one
    ``body`` argument is the body; ``packed``: like ``flat`` for the caller, but the method passes
    the properties to the runtime as one object under ``body_key``, because one of them shares
    its wire name with a path, query or header parameter."""
    response: ResponseSpec
    accept: str | None
    deprecated: bool
    resource_path: tuple[str, ...]
    pointer: str
    safe: bool
    """GET, HEAD or OPTIONS: a call changes nothing, so the method takes no ``idempotency_key``
    (the runtime sends none for these methods either)."""
    body_key: str = "body"
    """The runtime's key for the whole body (``whole`` and ``packed`` modes)."""
    body_required: bool = False
    """Whether the spec marks the request body required."""
    body_optional: bool = False
    """An optional object body (``flat`` or ``packed``): with none of its properties given, the
    runtime leaves it out rather than sending ``{}``."""
    comma_params: tuple[str, ...] = ()
    """Wire names of array query parameters sent as one comma-separated value (``style: form``,
    ``explode: false``) rather than as repeated keys."""
    security: Requirements | None = None
    """The operation's own ``security`` (``()``: none at all); ``None``: the document's."""
    body_formats: tuple[BodyFormat, ...] = ()
    """The content types the body can be sent as, the default first; empty: JSON, as ever."""
    content_type_arg: str | None = None
    """The argument choosing among several ``body_formats`` (``None`` when there is one or none)."""

    @property
    def file_params(self) -> tuple[str, ...]:
        """Wire names of the arguments the runtime passes through unvalidated (files, raw content)."""
        held = tuple(p.wire_name for p in self.params if p.holds_file)
        if self.body_mode == "packed" and any(p.location == "body" for p in self.params if p.holds_file):
            return (
                *(p.wire_name for p in self.params if p.location != "body" and p.holds_file),
                self.body_key,
            )
        return held

    @property
    def dotted_name(self) -> str:
        return ".".join([*self.resource_path, self.method_name])

    @property
    def pagination(self) -> Pagination | None:
        """The pagination scheme when the method returns pages, else ``None``."""
        return self.response.pagination

    def params_in(self, location: ParamLocation) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == location)


def _holds_file(expr: TypeExpr) -> bool:
    if isinstance(expr, FileInput):
        return True
    if isinstance(expr, (ListOf, Nullable)):
        return _holds_file(expr.item if isinstance(expr, ListOf) else expr.inner)
    return False


@dataclass(frozen=True)
class Resource:
    path: tuple[str, ...]
    """Attribute names from the client down, e.g. ``("v1", "customers", "invoices")``."""
    class_name: str
    """Base class name, the whole path: ``V1CustomersInvoicesResource``; the others derive from it."""
    module: str
    """Dotted module path inside the package, e.g. ``resources.v1.customers.invoices``."""
    is_package: bool = False
    description: str = ""
    operations: tuple[Operation, ...] = ()
    children: tuple[Resource, ...] = ()

    @property
    def attr_name(self) -> str:
        return self.path[-1]

    @property
    def async_class_name(self) -> str:
        return "Async" + self.class_name

    @property
    def public_class_names(self) -> tuple[str, ...]:
        """The six classes of the resource's module: sync and async, each with its two wrappers."""
        return tuple(
            base + suffix
            for base in (self.class_name, self.async_class_name)
            for suffix in ("", "WithRawResponse", "WithStreamingResponse")
        )

    def walk(self) -> list[Resource]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass(frozen=True)
class Credential:
    """One constructor argument of the client that holds a credential (or part of one)."""

    arg_name: str
    env_var: str
    """The environment variable read when the argument is not given."""
    annotation: Literal["str", "token"] = "str"
    """``token``: a string or a token-provider callable (``TokenProvider`` / ``AsyncTokenProvider``)."""


@dataclass(frozen=True)
class AuthScheme:
    """A security scheme of ``components.securitySchemes`` the client supports."""

    name: str
    """Its name in the spec (what security requirements refer to)."""
    kind: Literal["bearer", "basic", "api_key", "token", "oauth2_client_credentials"]
    credentials: tuple[Credential, ...]
    """Constructor arguments, in order: the token; username and password; the key; client id and
    secret (then, for an OAuth2 scheme that has other flows too, a token)."""
    description: str = ""
    location: Literal["header", "query", "cookie"] = "header"
    param_name: str = "Authorization"
    """The header, query parameter or cookie carrying the credential."""
    token_url: str = ""
    scopes: tuple[str, ...] = ()
    """Scopes asked for with client credentials: those the document's requirements name for the scheme."""

    @property
    def arg_name(self) -> str:
        return self.credentials[0].arg_name

    @property
    def env_var(self) -> str:
        return self.credentials[0].env_var


Requirements = tuple[tuple[str, ...], ...]
"""Security alternatives: each a tuple of scheme names applied together; ``()`` inside: no credentials."""


@dataclass(frozen=True)
class Pagination:
    name: str
    sync_class: str
    async_class: str
    items_field: str
    cursor_field: str
    cursor_param: str
    limit_param: str | None
    kind: Literal["cursor", "offset", "page", "next_url", "link_header"] = "cursor"
    offset_param: str = "offset"
    page_param: str = "page"
    first_page: int = 1
    next_url_field: str = "next"
    total_field: str | None = None
    total_pages_field: str | None = None


@dataclass
class Api:
    title: str
    description: str
    api_version: str
    package_name: str
    client_name: str
    version: str
    base_url: str
    env_base_url: str
    env_log: str
    idempotency_header: str
    max_retries: int
    timeout_seconds: float
    connect_timeout_seconds: float
    auth_schemes: tuple[AuthScheme, ...]
    security: Requirements
    """The document's ``security``: what operations without their own get."""
    auth_required: bool
    """Whether no operation may be called without credentials (the client refuses to be built without any)."""
    resources: list[Resource]
    """Top-level resources (attributes of the client)."""
    typed_dicts: list[TypedDictDef]
    args_dicts: list[TypedDictDef]
    models: list[ModelDef]
    """The response models, in the order the module defines them (a base before what extends it)."""
    paginations: list[Pagination]
    warnings: list[SpecError] = field(default_factory=list)
    """What the generator worked around, e.g. operations it left out; printed, not fatal."""

    @property
    def response_models(self) -> list[str]:
        """Class names of the response models, in module order."""
        return [model.class_name for model in self.models]

    def model_named(self, class_name: str) -> ModelDef | None:
        return next((model for model in self.models if model.class_name == class_name), None)

    def all_resources(self) -> list[Resource]:
        found: list[Resource] = []
        for resource in self.resources:
            found.extend(resource.walk())
        return found

    def all_operations(self) -> list[Operation]:
        return [op for resource in self.all_resources() for op in resource.operations]

    @property
    def auth(self) -> AuthScheme | None:
        """The first scheme of the document's security, if any (what the project templates name)."""
        for alternative in self.security:
            for name in alternative:
                for scheme in self.auth_schemes:
                    if scheme.name == name:
                        return scheme
        return self.auth_schemes[0] if self.auth_schemes else None

    @property
    def credentials(self) -> tuple[Credential, ...]:
        """Every credential argument of the client, in scheme order."""
        return tuple(c for scheme in self.auth_schemes for c in scheme.credentials)
