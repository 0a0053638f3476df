"""One typed model of an OpenAPI document, read once from the loader's ``Document``.

The builder, ``lint``, ``diff`` and ``project`` read their operations here instead of walking
``paths`` each on their own: every operation (path items given by ``$ref`` followed), its
parameters merged (path item, then the operation's own, which override by name and ``in``) and
dereferenced, its request body and responses with their media types, its effective security
(its own ``security``, ``[]`` included, else the document's); the servers, security schemes and
component schemas. Every ``$ref`` is resolved with both places kept: where the object is written
(``listed_at``) and where its content is (``pointer``). OpenAPI 3.0 and 3.1 are normalised where
readers ask (``Schema.nullable``, ``Schema.types``); the raw dicts stay available, unchanged, for
the builder modules that take them.

Only for a document whose references were checked (``loader.check_refs``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import join_pointer
from .loader import Document, OperationRef, iter_operations

__all__ = [
    "Spec",
    "Operation",
    "Parameter",
    "MediaType",
    "RequestBody",
    "Response",
    "Schema",
    "SecurityScheme",
    "read_spec",
    "merged_parameters",
]


@dataclass(frozen=True)
class Schema:
    """A schema, resolved: ``raw`` is what ``pointer`` holds; ``listed_at`` is where it is written
    (the same pointer unless it was a ``$ref``)."""

    raw: Any
    pointer: str
    listed_at: str
    is_30: bool = False

    @property
    def types(self) -> frozenset[str]:
        """The JSON types ``type`` names, with ``null`` for a 3.0 ``nullable: true``."""
        if not isinstance(self.raw, dict):
            return frozenset()
        declared = self.raw.get("type")
        found = (
            {declared}
            if isinstance(declared, str)
            else set(declared) if isinstance(declared, list) else set()
        )
        if self.is_30 and self.raw.get("nullable") is True:
            found.add("null")
        return frozenset(str(entry) for entry in found)

    @property
    def nullable(self) -> bool:
        """Whether ``null`` is allowed by the schema's own type (3.0 ``nullable``, 3.1 ``type: [.., 'null']``)."""
        return "null" in self.types


@dataclass(frozen=True)
class MediaType:
    media_type: str
    raw: dict[str, Any]
    pointer: str
    schema: Schema | None

    @property
    def is_json(self) -> bool:
        base = self.media_type.split(";")[0].strip().lower()
        return base == "application/json" or base.endswith("+json")


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    """``in``: path, query, header or cookie."""
    raw: dict[str, Any]
    pointer: str
    """Where the parameter object is (a component's pointer when it was a ``$ref``)."""
    listed_at: str
    """Where the operation or path item lists it (``…/parameters/<n>``)."""
    schema: Schema | None

    @property
    def required(self) -> bool:
        return bool(self.raw.get("required")) or self.location == "path"


@dataclass(frozen=True)
class RequestBody:
    raw: dict[str, Any]
    pointer: str
    listed_at: str
    content: tuple[MediaType, ...]

    @property
    def required(self) -> bool:
        return bool(self.raw.get("required"))


@dataclass(frozen=True)
class Response:
    status: str
    raw: dict[str, Any]
    pointer: str
    listed_at: str
    content: tuple[MediaType, ...]


@dataclass(frozen=True)
class Operation:
    """One operation. ``path``, ``method``, ``pointer``, ``operation`` (the raw dict),
    ``path_item`` and ``path_item_pointer`` are those of ``loader.OperationRef``."""

    path: str
    method: str
    pointer: str
    operation: dict[str, Any]
    path_item: dict[str, Any]
    path_item_pointer: str
    parameters: tuple[Parameter, ...]
    request_body: RequestBody | None
    responses: dict[str, Response]
    security: tuple[dict[str, Any], ...] | None
    """The security requirements that apply (``()``: none, by ``security: []``; ``None``: the
    document declares none at all)."""
    security_pointer: str | None

    @property
    def operation_id(self) -> str | None:
        op_id = self.operation.get("operationId")
        return op_id if isinstance(op_id, str) and op_id else None

    @property
    def tags(self) -> tuple[str, ...]:
        tags = self.operation.get("tags")
        return tuple(str(tag) for tag in tags) if isinstance(tags, list) else ()

    @property
    def summary(self) -> str:
        return str(self.operation.get("summary", "") or "")

    @property
    def description(self) -> str:
        return str(self.operation.get("description", "") or "")

    @property
    def deprecated(self) -> bool:
        return bool(self.operation.get("deprecated"))

    @property
    def extensions(self) -> dict[str, Any]:
        """The generator's own ``x-sdk-*`` extensions of the operation."""
        return {key: value for key, value in self.operation.items() if str(key).startswith("x-sdk-")}

    @property
    def ref(self) -> OperationRef:
        """The loader's view of the operation (for the helpers that take one)."""
        return OperationRef(
            self.path, self.method, self.pointer, self.operation, self.path_item, self.path_item_pointer
        )

    def parameter_map(self) -> dict[tuple[str, str], Parameter]:
        """The merged parameters by (name, ``in``)."""
        return {(p.name, p.location): p for p in self.parameters}

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    def parameter(self, name: str, location: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name and p.location == location), None)


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    raw: Any
    pointer: str


@dataclass
class Spec:
    """The document read as OpenAPI (see the module doc)."""

    doc: Document
    version: str
    operations: list[Operation] = field(default_factory=list)
    servers: list[dict[str, Any]] = field(default_factory=list)
    security_schemes: dict[str, SecurityScheme] = field(default_factory=dict)
    schemas: dict[str, Schema] = field(default_factory=dict)
    """``components.schemas`` by name."""
    security: tuple[dict[str, Any], ...] | None = None
    """The document's ``security`` (``None`` when it has none)."""

    @property
    def is_30(self) -> bool:
        return self.version.startswith("3.0")


def read_spec(doc: Document) -> Spec:
    """The model of ``doc``, made once per document and kept on it (a ``Document``'s data is not
    changed after loading; ``Document.without`` makes a new one)."""
    found = doc.__dict__.get("_spec_model")
    if isinstance(found, Spec) and found.doc is doc:
        return found
    spec = _read_spec(doc)
    doc.__dict__["_spec_model"] = spec
    return spec


def _read_spec(doc: Document) -> Spec:
    data = doc.data
    version = str(data.get("openapi", ""))
    spec = Spec(doc, version)
    spec.security = _requirements(data.get("security"))
    servers = data.get("servers")
    spec.servers = (
        [server for server in servers if isinstance(server, dict)] if isinstance(servers, list) else []
    )
    components = data.get("components")
    components = components if isinstance(components, dict) else {}
    schemes = components.get("securitySchemes")
    if isinstance(schemes, dict):
        for name, scheme in schemes.items():
            raw, pointer = doc.deref(scheme, join_pointer("components", "securitySchemes", name))
            spec.security_schemes[str(name)] = SecurityScheme(str(name), raw, pointer)
    schemas = components.get("schemas")
    if isinstance(schemas, dict):
        for name, schema in schemas.items():
            spec.schemas[str(name)] = _schema(
                doc, schema, join_pointer("components", "schemas", name), spec.is_30
            )
    for ref in iter_operations(data):
        spec.operations.append(_operation(doc, ref, spec))
    return spec


def _requirements(value: Any) -> tuple[dict[str, Any], ...] | None:
    if not isinstance(value, list):
        return None
    return tuple(entry for entry in value if isinstance(entry, dict))


def _schema(doc: Document, node: Any, listed_at: str, is_30: bool) -> Schema:
    raw, pointer = doc.deref(node, listed_at)
    return Schema(raw, pointer, listed_at, is_30)


def merged_parameters(doc: Document, op: OperationRef) -> tuple[Parameter, ...]:
    """The parameters of an operation: the path item's, then the operation's own; an operation
    parameter with the same name and ``in`` as a path item's takes its place (OpenAPI's rule)."""
    is_30 = str(doc.data.get("openapi", "")).startswith("3.0")
    merged: dict[tuple[str, str], Parameter] = {}
    for source, source_pointer in ((op.path_item, op.path_item_pointer), (op.operation, op.pointer)):
        entries = source.get("parameters")
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            listed_at = f"{source_pointer}/parameters/{index}"
            raw, pointer = doc.deref(entry, listed_at)
            if not (isinstance(raw, dict) and isinstance(raw.get("name"), str) and "in" in raw):
                continue
            schema = None
            if "schema" in raw:
                schema = _schema(doc, raw["schema"], pointer + "/schema", is_30)
            elif isinstance(raw.get("content"), dict) and raw["content"]:
                media_type, media = next(iter(raw["content"].items()))
                if isinstance(media, dict) and "schema" in media:
                    schema = _schema(
                        doc, media["schema"], pointer + join_pointer("content", media_type, "schema"), is_30
                    )
            key = (str(raw["name"]), str(raw["in"]))
            merged[key] = Parameter(key[0], key[1], raw, pointer, listed_at, schema)
    return tuple(merged.values())


def _content(doc: Document, holder: dict[str, Any], pointer: str, is_30: bool) -> tuple[MediaType, ...]:
    content = holder.get("content")
    if not isinstance(content, dict):
        return ()
    found: list[MediaType] = []
    for media_type, media in content.items():
        if not isinstance(media, dict):
            continue
        media_pointer = pointer + join_pointer("content", media_type)
        schema = (
            _schema(doc, media["schema"], media_pointer + "/schema", is_30) if "schema" in media else None
        )
        found.append(MediaType(str(media_type), media, media_pointer, schema))
    return tuple(found)


def _operation(doc: Document, ref: OperationRef, spec: Spec) -> Operation:
    raw = ref.operation
    body: RequestBody | None = None
    if "requestBody" in raw:
        listed_at = ref.pointer + "/requestBody"
        body_raw, body_pointer = doc.deref(raw["requestBody"], listed_at)
        if isinstance(body_raw, dict):
            body = RequestBody(
                body_raw, body_pointer, listed_at, _content(doc, body_raw, body_pointer, spec.is_30)
            )
    responses: dict[str, Response] = {}
    declared = raw.get("responses")
    if isinstance(declared, dict):
        for status, response in declared.items():
            listed_at = ref.pointer + join_pointer("responses", status)
            response_raw, response_pointer = doc.deref(response, listed_at)
            if isinstance(response_raw, dict):
                responses[str(status)] = Response(
                    str(status),
                    response_raw,
                    response_pointer,
                    listed_at,
                    _content(doc, response_raw, response_pointer, spec.is_30),
                )
    own = _requirements(raw.get("security"))
    security: tuple[dict[str, Any], ...] | None
    security_pointer: str | None
    if own is not None:
        security, security_pointer = own, ref.pointer + "/security"
    else:
        security, security_pointer = spec.security, "/security" if spec.security is not None else None
    return Operation(
        path=ref.path,
        method=ref.method,
        pointer=ref.pointer,
        operation=raw,
        path_item=ref.path_item,
        path_item_pointer=ref.path_item_pointer,
        parameters=merged_parameters(doc, ref),
        request_body=body,
        responses=responses,
        security=security,
        security_pointer=security_pointer,
    )
