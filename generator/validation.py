"""Fast validation of an OpenAPI document: the meta-schema and OpenAPI's own rules.

Two checks, each the native counterpart of a slow one it gives the same findings as:

``meta_schema_errors``
    The document against the OpenAPI 3.0 or 3.1 meta-schema (the schema files openapi-spec-validator
    ships), with jsonschema-rs. Only a document it rejects goes through Python ``jsonschema``
    again, which words the messages and picks the pointers exactly as before.

``semantic_errors``
    What openapi-spec-validator's root validator checks beyond the meta-schema, in one walk over
    the plain dicts: duplicate tag names; per operation, a duplicate ``operationId``, the response
    and parameter schemas, duplicate parameters (same ``name`` and ``in`` in one list) and path
    parameters the path template and the parameters do not agree on; every component schema. Each
    schema reached is checked once: a schema reached first (a parameter's, a media type's, a
    component) against its JSON Schema meta-schema (3.0: draft 4; 3.1: the document's
    ``jsonSchemaDialect``, by default OpenAPI's base dialect), then, walking ``allOf``, ``anyOf``,
    ``oneOf``, ``not``, ``items`` and ``properties``, its ``default`` against the schema (3.0:
    ``nullable`` honoured, a ``null`` default of a nullable schema not checked) and, for a schema
    reached first, ``required`` names of an ``allOf`` schema that no member defines. The walk keeps
    the reference validator's order, and with it which schema counts as reached first: a finding
    depends on it. Every finding points at the place it is about.

Formats are asserted as the reference validator asserts them (the formats Python ``jsonschema``
and openapi-schema-validator check, with their meaning), patterns are Python regular expressions,
as there. The JSON Schema meta-schemas are the files jsonschema-specifications and
openapi-schema-validator ship, read without importing those packages (their imports cost more than
the validation).
"""

from __future__ import annotations

import base64
import binascii
import calendar
import functools
import importlib.util
import ipaddress
import json
import re
import string
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .errors import SpecError, join_pointer

if TYPE_CHECKING:
    import jsonschema_rs

    from .loader import Document

__all__ = ["meta_schema_errors", "semantic_errors", "SemanticError", "CHECKS"]

MAX_META_ERRORS = 50
"""``meta_schema_errors`` reports at most this many (as the loader always did)."""

OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
OAS31_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base"

CHECKS = {
    "schema-type": "a schema that is neither an object nor a boolean",
    "schema-meta": "a schema its JSON Schema meta-schema rejects",
    "required-undefined": "an allOf schema requiring properties none of its parts defines",
    "default": "a default its schema rejects",
    "duplicate-tag": "two tags with one name",
    "duplicate-operation-id": "two operations with one operationId",
    "duplicate-parameter": "two parameters with one name and location in one list",
    "path-parameter": "a path parameter the template and the parameters do not agree on",
    "path-template": "a path template with unbalanced braces",
}
"""What each kind of ``SemanticError`` is about (``SemanticError.check``)."""


class SemanticError(SpecError):
    """A finding of ``semantic_errors``: a ``SpecError`` that also says which check made it."""

    def __init__(self, error: SpecError, check: str, inner: tuple[str | int, ...] = ()) -> None:
        super().__init__(error.message, error.location, rule=error.rule)
        self.check = check
        self.inner = inner
        """For ``default`` and ``schema-meta``: the place inside the default or the schema, which ends
        the pointer."""


# -- the schema files ---------------------------------------------------------------------------


def _package_dir(package: str) -> Path:
    """Where an installed package lives, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{package} is not installed; validation needs its schema files")
    return Path(next(iter(spec.submodule_search_locations)))


def _read_json(package: str, *parts: str) -> Any:
    return json.loads(_package_dir(package).joinpath(*parts).read_text(encoding="utf-8"))


@functools.cache
def document_meta_schema(minor: str) -> dict[str, Any]:
    """The OpenAPI meta-schema of ``minor`` ("3.0" or "3.1"): the file openapi-spec-validator's
    ``schemas.schema_v30`` / ``schema_v31`` are read from."""
    schema: dict[str, Any] = _read_json(
        "openapi_spec_validator", "resources", "schemas", f"v{minor}", "schema.json"
    )
    return schema


def _minor(version: str) -> str:
    return "3.1" if version.startswith("3.1") else "3.0"


@functools.cache
def _document_validator(minor: str) -> jsonschema_rs.Validator:
    import jsonschema_rs

    # Python jsonschema validates the document without a format checker: no formats asserted here.
    return jsonschema_rs.validator_for(document_meta_schema(minor), validate_formats=False)


# -- stage "openapi" ----------------------------------------------------------------------------


def meta_schema_errors(doc: Document, version: str) -> list[SpecError]:
    """The document against the OpenAPI meta-schema of its version; [] when it is valid."""
    minor = _minor(version)
    try:
        if _document_validator(minor).is_valid(doc.data):
            return []
    except (ValueError, TypeError, OverflowError):
        pass  # a value jsonschema-rs cannot take (an infinity, a huge integer): Python decides
    return _python_meta_schema_errors(doc, version, document_meta_schema(minor))


def document_is_valid(doc: Document, version: str) -> bool:
    """Whether jsonschema-rs accepts the document against its OpenAPI meta-schema (``False`` also
    when it cannot take a value of the document: Python's jsonschema decides then)."""
    try:
        return bool(_document_validator(_minor(version)).is_valid(doc.data))
    except (ValueError, TypeError, OverflowError):
        return False


def schema_is_valid_2020_12(schema: Any) -> bool:
    """Whether jsonschema-rs accepts ``schema`` against JSON Schema 2020-12's meta-schema, without
    asserting formats (as Python's ``Draft202012Validator(META_SCHEMA)`` checks it)."""
    try:
        return bool(_schema_2020_12_validator().is_valid(schema))
    except (ValueError, TypeError, OverflowError):
        return False


@functools.cache
def _schema_2020_12_validator() -> jsonschema_rs.Validator:
    import jsonschema_rs

    meta = _read_json("jsonschema_specifications", "schemas", "draft202012", "metaschema.json")
    return jsonschema_rs.Draft202012Validator(meta, registry=_meta_registry(), validate_formats=False)


def _python_meta_schema_errors(doc: Document, version: str, meta: dict[str, Any]) -> list[SpecError]:
    """The reference: Python ``jsonschema``'s errors, each its best match, sorted by place."""
    import jsonschema

    validator = jsonschema.validators.validator_for(meta)(meta)
    errors: list[SpecError] = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path]):
        best = jsonschema.exceptions.best_match([error]) if error.context else error
        pointer = join_pointer(*best.absolute_path)
        errors.append(doc.error(pointer, f"not valid OpenAPI {version}: {best.message}", rule="openapi"))
    return errors[:MAX_META_ERRORS]


# -- formats, as Python jsonschema and openapi-schema-validator assert them -----------------------

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_DATE_TIME = re.compile(
    r"^(\d{4})-(0[1-9]|1[0-2])-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?"
    r"(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$",
    re.ASCII,
)


def _is_date_time(value: str) -> bool:
    match = _DATE_TIME.match(value.upper())
    if match is None:
        return False
    year, month, day = (int(part) for part in match.groups())
    return year != 0 and 1 <= day <= calendar.monthrange(year, month)[1]


def _is_time(value: str) -> bool:
    # Python jsonschema's format checker (the one openapi-schema-validator extends) ends up with its
    # draft 3 meaning of "time" for every draft.
    try:
        datetime.strptime(value, "%H:%M:%S")
    except ValueError:
        return False
    return True


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_ipv4(value: str) -> bool:
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        return False
    return True


def _is_ipv6(value: str) -> bool:
    try:
        address = ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return not address.scope_id


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return all(value[position] == "-" for position in (8, 13, 18, 23))


def _is_regex(value: str) -> bool:
    try:
        re.compile(value)
    except re.error:
        return False
    return True


def _is_idn_hostname(value: str) -> bool:
    try:
        import idna
    except ImportError:  # Python jsonschema checks this format only when idna is installed
        return True
    try:
        idna.encode(value)
    except (idna.IDNAError, UnicodeError):
        return False
    return True


def _is_byte(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _in_bits(bits: int) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            return True
        return -(1 << bits) <= value < 1 << bits

    return check


def _strings(check: Callable[[str], bool]) -> Callable[[object], bool]:
    return lambda value: not isinstance(value, str) or check(value)


def _anything(_value: object) -> bool:
    return True


_COMMON_FORMATS: dict[str, Callable[[object], bool]] = {
    "date": _strings(_is_date),
    "date-time": _strings(_is_date_time),
    "time": _strings(_is_time),
    "email": _strings(lambda value: "@" in value),
    "idn-email": _strings(lambda value: "@" in value),
    "idn-hostname": _strings(_is_idn_hostname),
    "ipv4": _strings(_is_ipv4),
    "ipv6": _strings(_is_ipv6),
    "uuid": _strings(_is_uuid),
    "regex": _strings(_is_regex),
    "float": _anything,
    "double": _anything,
    "password": _anything,
}
RUST_FORMATS = (
    "date", "date-time", "duration", "email", "hostname", "idn-email", "idn-hostname", "ipv4", "ipv6", "iri",
    "iri-reference", "json-pointer", "regex", "relative-json-pointer", "time", "uri", "uri-reference",
    "uri-template", "uuid",
)  # fmt: skip
"""jsonschema-rs's own formats: each is given its Python meaning, or none when Python checks none."""


@functools.cache
def _formats(minor: str) -> dict[str, Callable[..., bool]]:
    formats: dict[str, Callable[..., bool]] = dict.fromkeys(RUST_FORMATS, _anything)
    formats.update(_COMMON_FORMATS)
    if minor == "3.0":
        formats["byte"] = _is_byte
        formats["binary"] = _anything
    return formats


class _PythonPattern:
    """The ``pattern`` keyword with Python's ``re.search``, as openapi-schema-validator applies it."""

    def __init__(self, parent_schema: dict[str, Any], value: Any, schema_path: list[str | int]) -> None:
        self.source = value
        self.pattern = re.compile(value)

    def validate(self, instance: Any) -> None:
        if isinstance(instance, str) and not self.pattern.search(instance):
            raise ValueError(f"{instance!r} does not match {self.source!r}")


_PATTERN = "x-sdkgen-python-pattern"

_INT_FORMATS = {"int32": 31, "int64": 63}


class _IntFormat:
    """The ``int32`` and ``int64`` formats: jsonschema-rs asks a format about strings only, and these
    are about integers."""

    def __init__(self, parent_schema: dict[str, Any], value: Any, schema_path: list[str | int]) -> None:
        self.name = value
        self.fits = _in_bits(_INT_FORMATS[value])

    def validate(self, instance: Any) -> None:
        if not self.fits(instance):
            raise ValueError(f"{instance!r} is not a {self.name!r}")


_INT_FORMAT = "x-sdkgen-int-format"


# -- JSON Schema meta-schemas of the schemas in the document --------------------------------------

_DRAFT_IDS = {
    "https://json-schema.org/draft/2020-12/schema": "draft202012",
    "https://json-schema.org/draft/2019-09/schema": "draft201909",
    "http://json-schema.org/draft-07/schema": "draft7",
    "http://json-schema.org/draft-06/schema": "draft6",
    "http://json-schema.org/draft-04/schema": "draft4",
}


@functools.cache
def _meta_registry() -> jsonschema_rs.Registry:
    import jsonschema_rs

    resources: list[tuple[str, Any]] = []
    root = _package_dir("jsonschema_specifications") / "schemas"
    for path in sorted(root.rglob("*")):
        if path.is_file():
            contents = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(contents, dict) and isinstance(contents.get("$id"), str):
                resources.append((contents["$id"], contents))
    for parts in (("metaschema.json",), ("vocabularies", "base")):
        contents = _read_json("openapi_schema_validator", "schemas", "oas3.1", *parts)
        resources.append((contents["$id"], contents))
    return jsonschema_rs.Registry(resources)


@functools.cache
def _schema_meta_validator(minor: str, dialect: str) -> jsonschema_rs.Validator | None:
    """The validator of a schema's own meta-schema (None: a dialect the reference does not know)."""
    import jsonschema_rs

    formats = _formats(minor)
    if minor == "3.0":
        # OpenAPI 3.0's schemas are checked against JSON Schema draft 4's meta-schema.
        meta = _read_json("jsonschema_specifications", "schemas", "draft4", "metaschema.json")
        return jsonschema_rs.Draft4Validator(meta, validate_formats=True, formats=formats)
    if dialect == OAS31_DIALECT:
        return jsonschema_rs.Draft202012Validator(
            {"$ref": OAS31_DIALECT}, registry=_meta_registry(), validate_formats=True, formats=formats
        )
    draft = _DRAFT_IDS.get(dialect.rstrip("#"))
    if draft is None:
        return None
    meta = _read_json("jsonschema_specifications", "schemas", draft, "metaschema.json")
    return jsonschema_rs.validator_for(
        meta, registry=_meta_registry(), validate_formats=True, formats=formats
    )


# -- defaults --------------------------------------------------------------------------------------

_30_KEEP = frozenset(
    {
        "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
        "minLength", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "enum",
        "format",
    }
)  # fmt: skip
"""The OpenAPI 3.0 keywords that mean in JSON Schema draft 4 what they mean to the reference."""

_31_SUBSCHEMA = frozenset(
    {
        "additionalProperties", "items", "contains", "not", "if", "then", "else", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "additionalItems",
    }
)  # fmt: skip
_31_SUBSCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "dependentSchemas", "$defs", "definitions"}
)
_31_SUBSCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_31_SCOPED = frozenset(
    {"$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor"}
)


class _NotTranslated(Exception):
    """A schema the translation for jsonschema-rs does not cover: the reference validates it."""


class _Translation:
    """A schema and every schema it references, rewritten for jsonschema-rs with the reference's
    meaning: each ``$ref`` becomes a reference into the translation's own definitions."""

    def __init__(self, doc: Document, minor: str) -> None:
        self.doc = doc
        self.minor = minor
        self.container = "definitions" if minor == "3.0" else "$defs"
        self.keys: dict[str, str] = {}
        self.pending: list[str] = []

    def schema(self, node: Any) -> Any:
        root = self.node(node)
        definitions: dict[str, Any] = {}
        while self.pending:
            pointer = self.pending.pop()
            definitions[self.keys[pointer]] = self.node(self.doc.resolve_pointer(pointer))
        if definitions:
            if not isinstance(root, dict):
                root = {"allOf": [root]}
            root[self.container] = definitions
        return root

    def ref(self, ref: Any) -> str:
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise _NotTranslated
        pointer = ref[1:]
        key = self.keys.get(pointer)
        if key is None:
            key = self.keys[pointer] = f"s{len(self.keys)}"
            self.pending.append(pointer)
        return f"#/{self.container}/{key}"

    def node(self, node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        return self.node30(node) if self.minor == "3.0" else self.node31(node)

    def node30(self, node: dict[str, Any]) -> Any:
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "format" and value in _INT_FORMATS:
                out[_INT_FORMAT] = value
            elif key in _30_KEEP:
                out[key] = value
            elif key == "pattern":
                out[_PATTERN] = value
            elif key == "type":
                out[key] = (
                    [value, "null"] if node.get("nullable") is True and isinstance(value, str) else value
                )
            elif key in ("allOf", "anyOf", "oneOf") and isinstance(value, list):
                if "discriminator" in node:
                    raise _NotTranslated  # the reference follows the discriminator's mapping
                out[key] = [self.node(member) for member in value]
            elif key in ("not", "items") or (key == "additionalProperties" and isinstance(value, dict)):
                out[key] = self.node(value)
            elif key == "additionalProperties":
                out[key] = value
            elif key == "properties" and isinstance(value, dict):
                out[key] = {name: self.node(member) for name, member in value.items()}
            elif key == "required" and isinstance(value, list):
                # The reference skips a required property whose schema is read-only or write-only.
                properties = node.get("properties")
                members = properties if isinstance(properties, dict) else {}
                out[key] = [name for name in value if not _read_or_write_only(members.get(name))]
        if "$ref" in node:
            # OpenAPI 3.0's validator applies the keywords beside a $ref too (draft 4 would not).
            target = {"$ref": self.ref(node["$ref"])}
            return {"allOf": [target, out]} if out else target
        return out

    def node31(self, node: dict[str, Any]) -> Any:
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _31_SCOPED:
                raise _NotTranslated
            if key == "$schema":
                continue
            if key == "$ref":
                out[key] = self.ref(value)
            elif key == "format" and value in _INT_FORMATS:
                out[_INT_FORMAT] = value
            elif key == "pattern":
                out[_PATTERN] = value
            elif key in _31_SUBSCHEMA:
                out[key] = self.node(value)
            elif key in _31_SUBSCHEMA_MAPS and isinstance(value, dict):
                out[key] = {name: self.node(member) for name, member in value.items()}
            elif key in _31_SUBSCHEMA_LISTS and isinstance(value, list):
                out[key] = [self.node(member) for member in value]
            else:
                out[key] = value
        return out


def _read_or_write_only(schema: Any) -> bool:
    return (
        bool(schema) and isinstance(schema, dict) and bool(schema.get("readOnly") or schema.get("writeOnly"))
    )


# -- stage "semantic" ----------------------------------------------------------------------------


def semantic_errors(doc: Document, version: str) -> list[SpecError]:
    """OpenAPI's rules beyond the meta-schema; for a document whose ``$ref``s were checked."""
    walk = _Walk(doc, version)
    walk.run()
    return list(walk.errors)


class _Walk:
    def __init__(self, doc: Document, version: str) -> None:
        self.doc = doc
        self.version = version
        self.minor = _minor(version)
        self.errors: list[SemanticError] = []
        self.meta_checked: set[int] = set()
        self.visited: set[int] = set()
        self.operation_ids: list[Any] = []
        self.properties_of: dict[int, frozenset[str]] = {}
        dialect = doc.data.get("jsonSchemaDialect", OAS31_DIALECT)
        self.dialect = dialect if isinstance(dialect, str) else OAS31_DIALECT
        self.default_validators: dict[int, jsonschema_rs.Validator | None] = {}

    def report(self, pointer: str, message: str, check: str, inner: tuple[str | int, ...] = ()) -> None:
        where = pointer + join_pointer(*inner)
        error = self.doc.error(where, f"not valid OpenAPI {self.version}: {message}", rule="openapi")
        self.errors.append(SemanticError(error, check, inner))

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        if isinstance(node, dict) and "$ref" in node:
            return self.doc.deref(node, pointer)
        return node, pointer

    def child(self, node: dict[str, Any], key: str, pointer: str) -> tuple[Any, str]:
        return self.deref(node[key], pointer + join_pointer(key))

    def run(self) -> None:
        data = self.doc.data
        if "tags" in data:
            self.tags(*self.child(data, "tags", ""))
        if "paths" in data:
            paths, pointer = self.child(data, "paths", "")
            if isinstance(paths, dict):
                for url, item in paths.items():
                    self.path(str(url), *self.deref(item, pointer + join_pointer(url)))
        if "components" in data:
            components, pointer = self.child(data, "components", "")
            if isinstance(components, dict) and "schemas" in components:
                schemas, pointer = self.child(components, "schemas", pointer)
                if isinstance(schemas, dict):
                    for name, schema in schemas.items():
                        self.schema(*self.deref(schema, pointer + join_pointer(name)))

    def tags(self, tags: Any, pointer: str) -> None:
        seen: set[Any] = set()
        for index, tag in enumerate(tags if isinstance(tags, list) else []):
            tag, _ = self.deref(tag, f"{pointer}/{index}")
            name = tag.get("name") if isinstance(tag, dict) else None
            if name in seen:
                self.report(f"{pointer}/{index}/name", f"Duplicate tag name '{name}'", "duplicate-tag")
            seen.add(name)

    def path(self, url: str, item: Any, pointer: str) -> None:
        if not isinstance(item, dict):
            return
        shared: tuple[list[Any], str] | None = None
        if "parameters" in item:
            parameters, where = self.child(item, "parameters", pointer)
            if isinstance(parameters, list):
                self.parameters(parameters, where)
                shared = (parameters, where)
        for method, operation in item.items():
            if method in OPERATIONS:
                self.operation(url, method, *self.deref(operation, pointer + join_pointer(method)), shared)

    def operation(
        self, url: str, method: str, operation: Any, pointer: str, shared: tuple[list[Any], str] | None
    ) -> None:
        if not isinstance(operation, dict):
            return
        if "operationId" in operation:
            operation_id, _ = self.child(operation, "operationId", pointer)
            if operation_id is not None and operation_id in self.operation_ids:
                self.report(
                    pointer + "/operationId",
                    f"Operation ID '{operation_id}' for '{method}' in '{url}' is not unique",
                    "duplicate-operation-id",
                )
            self.operation_ids.append(operation_id)
        if "responses" in operation:
            self.responses(*self.child(operation, "responses", pointer))
        declared: dict[str, str] = {}
        if "parameters" in operation:
            parameters, where = self.child(operation, "parameters", pointer)
            if isinstance(parameters, list):
                self.parameters(parameters, where)
                declared.update(self.path_parameters(parameters, where))
        if shared is not None:
            for name, where in self.path_parameters(*shared).items():
                declared.setdefault(name, where)
        try:
            in_template = {field for _, field, _, _ in string.Formatter().parse(url) if field}
        except ValueError as exc:
            self.report(pointer, f"path template '{url}' is not valid: {exc}", "path-template")
            return
        for name in sorted(in_template):
            if name not in declared:
                self.report(
                    pointer,
                    f"Path parameter '{name}' for '{method}' operation in '{url}' was not resolved",
                    "path-parameter",
                )
        for name in sorted(declared):
            if name not in in_template:
                self.report(
                    declared[name],
                    f"Path parameter '{name}' for '{method}' operation in '{url}' was not resolved",
                    "path-parameter",
                )

    def path_parameters(self, parameters: list[Any], pointer: str) -> dict[str, str]:
        """name -> where it is declared, for the parameters in the path."""
        found: dict[str, str] = {}
        for index, parameter in enumerate(parameters):
            parameter, _ = self.deref(parameter, f"{pointer}/{index}")
            if isinstance(parameter, dict) and parameter.get("in") == "path":
                found.setdefault(str(parameter.get("name")), f"{pointer}/{index}")
        return found

    def parameters(self, parameters: list[Any], pointer: str) -> None:
        seen: set[tuple[Any, Any]] = set()
        for index, parameter in enumerate(parameters):
            where = f"{pointer}/{index}"
            parameter, target = self.deref(parameter, where)
            if not isinstance(parameter, dict):
                continue
            if "schema" in parameter:
                self.schema(*self.child(parameter, "schema", target))
            key = (parameter.get("name"), parameter.get("in"))
            if key in seen:
                self.report(where, f"Duplicate parameter '{key[0]}'", "duplicate-parameter")
            seen.add(key)

    def responses(self, responses: Any, pointer: str) -> None:
        if not isinstance(responses, dict):
            return
        for code, response in responses.items():
            response, where = self.deref(response, pointer + join_pointer(code))
            if not isinstance(response, dict) or "content" not in response:
                continue
            content, where = self.child(response, "content", where)
            if not isinstance(content, dict):
                continue
            for media_type, media in content.items():
                media, at = self.deref(media, where + join_pointer(media_type))
                if isinstance(media, dict) and "schema" in media:
                    self.schema(*self.child(media, "schema", at))

    # -- schemas --

    def schema(self, node: Any, pointer: str, first: bool = True) -> None:
        """One schema (its ``$ref`` followed); ``first``: reached from outside any schema."""
        if not isinstance(node, (dict, bool)):
            self.report(pointer, f"{node!r} is not of type 'object', 'boolean'", "schema-type")
            return
        identity = id(node)
        if first and identity not in self.meta_checked:
            self.meta_checked.add(identity)
            if not self.meta_check(node, pointer):
                return
        if identity in self.visited:
            return
        self.visited.add(identity)
        if not isinstance(node, dict):
            return
        nested: set[str] = set()
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in node:
                members, where = self.child(node, keyword, pointer)
                for index, member in enumerate(members if isinstance(members, list) else []):
                    member, at = self.deref(member, f"{where}/{index}")
                    self.schema(member, at, first=False)
                    if keyword == "allOf":
                        nested |= self.defined_properties(member)
        for keyword in ("not", "items"):
            if keyword in node:
                self.schema(*self.child(node, keyword, pointer), first=False)
        properties: Any = {}
        if "properties" in node:
            properties, where = self.child(node, "properties", pointer)
            if isinstance(properties, dict):
                for name, member in properties.items():
                    self.schema(*self.deref(member, where + join_pointer(name)), first=False)
        if first and "allOf" in node:
            required = node.get("required") or []
            names = set(properties) if isinstance(properties, dict) else set()
            undefined = sorted(
                {name for name in required if isinstance(name, str)} - names - nested
                if isinstance(required, list)
                else set()
            )
            if undefined:
                self.report(
                    pointer + "/required",
                    f"Required list has not defined properties: {undefined}",
                    "required-undefined",
                )
        if "default" in node:
            value = node["default"]
            if value is not None or node.get("nullable") is not True:
                self.check_default(node, pointer, value)

    def defined_properties(self, node: Any, on_path: frozenset[int] = frozenset()) -> frozenset[str]:
        """Every property name ``node`` defines, through allOf/anyOf/oneOf, items and not."""
        if not isinstance(node, dict) or id(node) in on_path:
            return frozenset()
        known = self.properties_of.get(id(node))
        if known is not None:
            return known
        inner = on_path | {id(node)}
        found: set[str] = set()
        properties, _ = self.deref(node.get("properties"), "")
        if isinstance(properties, dict):
            found.update(properties)
        for keyword in ("allOf", "anyOf", "oneOf"):
            members, _ = self.deref(node.get(keyword), "")
            for member in members if isinstance(members, list) else []:
                found |= self.defined_properties(self.deref(member, "")[0], inner)
        for keyword in ("items", "not"):
            if keyword in node:
                found |= self.defined_properties(self.deref(node[keyword], "")[0], inner)
        result = frozenset(found)
        self.properties_of[id(node)] = result
        return result

    def meta_check(self, node: dict[str, Any] | bool, pointer: str) -> bool:
        """The schema against its JSON Schema meta-schema; False (and a finding) when it fails."""
        dialect = self.dialect
        if self.minor == "3.1" and isinstance(node, dict) and "$schema" in node:
            dialect = node["$schema"]
            if not isinstance(dialect, str):
                self.report(pointer + "/$schema", f"Unknown JSON Schema dialect: {dialect!r}", "schema-meta")
                return False
        validator = _schema_meta_validator(self.minor, dialect)
        if validator is None:
            where = pointer + "/$schema" if isinstance(node, dict) and "$schema" in node else pointer
            self.report(where, f"Unknown JSON Schema dialect: {dialect!r}", "schema-meta")
            return False
        if validator.is_valid(node):
            return True
        error = next(iter(validator.iter_errors(node)))
        self.report(pointer, error.message, "schema-meta", tuple(error.instance_path))
        return False

    def check_default(self, node: dict[str, Any], pointer: str, value: Any) -> None:
        for path, message in self.default_problems(node, pointer, value):
            self.report(pointer + "/default", message, "default", tuple(path))

    def default_problems(
        self, node: dict[str, Any], pointer: str, value: Any
    ) -> Iterator[tuple[list[str | int], str]]:
        identity = id(node)
        if identity not in self.default_validators:
            self.default_validators[identity] = self.default_validator(node)
        validator = self.default_validators[identity]
        if validator is not None:
            try:
                for error in validator.iter_errors(value):
                    yield list(error.instance_path), error.message
                return
            except (ValueError, TypeError, OverflowError):
                pass  # a value jsonschema-rs cannot take: the reference decides
        yield from self.reference_default_problems(pointer, value)

    def default_validator(self, node: dict[str, Any]) -> jsonschema_rs.Validator | None:
        import jsonschema_rs

        try:
            schema = _Translation(self.doc, self.minor).schema(node)
            keywords: dict[str, Any] = {_PATTERN: _PythonPattern, _INT_FORMAT: _IntFormat}
            formats = _formats(self.minor)
            if self.minor == "3.0":
                return jsonschema_rs.Draft4Validator(
                    schema, validate_formats=True, formats=formats, keywords=keywords
                )
            return jsonschema_rs.Draft202012Validator(
                schema, validate_formats=True, formats=formats, keywords=keywords
            )
        except (_NotTranslated, ValueError, TypeError, OverflowError, re.error):
            return None

    def reference_default_problems(self, pointer: str, value: Any) -> Iterator[tuple[list[str | int], str]]:
        """What openapi-schema-validator finds, for a schema the translation does not cover."""
        from jsonschema_path import SchemaPath
        from openapi_schema_validator import (
            OAS30Validator,
            OAS31Validator,
            oas30_format_checker,
            oas31_format_checker,
        )

        v30 = self.minor == "3.0"
        path = SchemaPath.from_dict(self.doc.data)
        for token in pointer.lstrip("/").split("/") if pointer else []:
            path = path / token.replace("~1", "/").replace("~0", "~")
        with path.resolve() as resolved:
            validator = (OAS30Validator if v30 else OAS31Validator)(
                resolved.contents,
                _resolver=resolved.resolver,
                format_checker=oas30_format_checker if v30 else oas31_format_checker,
            )
            for error in validator.iter_errors(value):
                yield list(error.path), error.message
