"""Spec -> intermediate model.

Reads the validated document and the config, resolves ``$ref``s, sanitizes every name once, and
returns an ``ir.Api`` plus the schema set the response models are generated from.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from . import ir
from .config import Config
from .errors import SpecError, SpecErrors, join_pointer, visible
from .loader import Document, success_response_code
from .naming import (
    member_name,
    operation_type_name,
    resource_class_name,
    safe_class_name,
    safe_identifier,
    snake_case,
)

__all__ = ["build_api", "ModelSchemas"]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_KNOWN_TYPES = frozenset({"string", "integer", "number", "boolean", "array", "object", "null"})
_OPTION_KWARGS = frozenset(
    {
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
_RESOURCE_RESERVED = frozenset(
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
        "default_headers",
        "user_agent",
        "should_retry",
        "retry_delay",
    }
)
_STRIPPED_RESPONSE_KEYWORDS = frozenset(
    {
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "example",
        "examples",
        "readOnly",
        "writeOnly",
        "xml",
        "externalDocs",
        "deprecated",
        "title",
        "contentEncoding",
        "contentMediaType",
        "$schema",
        "$id",
        "$comment",
    }
)
_KEPT_FORMATS = frozenset({"date-time", "date"})


@dataclass
class ModelSchemas:
    """The response-side schemas handed to datamodel-code-generator, already renamed and cleaned."""

    schemas: dict[str, Any] = field(default_factory=dict)
    """Class name -> JSON schema (refs point at ``#/components/schemas/<class name>``)."""
    order: list[str] = field(default_factory=list)
    pointers: dict[str, str] = field(default_factory=dict)
    """Class name -> JSON pointer of the spec schema it is made from (for drift reports)."""
    closed_literals: set[tuple[str, str]] = field(default_factory=set)
    """(class name, property) pairs whose ``Literal`` stays closed: discriminator tags."""


class _Builder:
    def __init__(self, doc: Document, config: Config, *, unknown_pagination_is_error: bool = True) -> None:
        self.doc = doc
        self.config = config
        self.unknown_pagination_is_error = unknown_pagination_is_error
        self.errors: list[SpecError] = []
        self.warnings: list[SpecError] = []
        self.components: dict[str, Any] = dict(doc.data.get("components", {}).get("schemas", {}) or {})
        self.class_names: dict[str, str] = {}
        self._assign_component_class_names()
        self.typed_dicts: dict[str, ir.TypedDictDef] = {}
        self._typed_dict_sources: dict[str, str] = {}
        self._typed_dicts_in_progress: set[str] = set()
        self.args_dicts: list[ir.TypedDictDef] = []
        self.model_schemas = ModelSchemas()
        self._model_sources: dict[str, str] = {}
        self._pinned_tags: dict[tuple[str, str], list[str]] = {}
        """(response model, property) -> the discriminator tags it answers to."""

    # ------------------------------------------------------------------ helpers

    def error(self, pointer: str, message: str, rule: str = "spec") -> None:
        self.errors.append(self.doc.error(pointer, message, rule=rule))

    def warn(self, pointer: str, message: str, rule: str) -> None:
        """Something the generator works around (e.g. by leaving an operation out); not fatal."""
        self.warnings.append(self.doc.error(pointer, message, rule=rule))

    def _assign_component_class_names(self) -> None:
        seen: dict[str, str] = {}
        for name in self.components:
            class_name = safe_class_name(name)
            if class_name in seen:
                self.error(
                    join_pointer("components", "schemas", name),
                    f"schema names {seen[class_name]!r} and {name!r} both become the Python class {class_name!r}",
                    rule="naming",
                )
                continue
            seen[class_name] = name
            self.class_names[name] = class_name

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow ``$ref`` chains; returns the target and its pointer."""
        hops = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            target = node["$ref"][1:]
            node = self.doc.resolve_pointer(target)
            pointer = target
            hops += 1
            if hops > 64:
                raise SpecErrors([self.doc.error(pointer, "$ref chain too long (circular?)", rule="ref")])
        return node, pointer

    @staticmethod
    def component_name(node: Any) -> str | None:
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            match = re.match(r"^#/components/schemas/([^/]+)$", node["$ref"])
            if match:
                return match.group(1).replace("~1", "/").replace("~0", "~")
        return None

    def check_schema(self, schema: Any, pointer: str, seen: set[str] | None = None) -> None:
        """Report unknown ``type`` values anywhere inside a schema."""
        if seen is None:
            seen = set()
        if not isinstance(schema, dict):
            if not isinstance(schema, bool):
                self.error(pointer, f"a schema must be an object or a boolean, found {type(schema).__name__}")
            return
        if "$ref" in schema:
            target = schema["$ref"][1:]
            if target not in seen:
                seen.add(target)
                self.check_schema(self.doc.resolve_pointer(target), target, seen)
            return
        kind = schema.get("type")
        kinds = kind if isinstance(kind, list) else [kind] if kind is not None else []
        for entry in kinds:
            if entry not in _KNOWN_TYPES:
                self.error(
                    join_pointer_str(pointer, "type"),
                    f"unknown type {entry!r} (expected one of {', '.join(sorted(_KNOWN_TYPES))})",
                    rule="types",
                )
        for key in ("properties", "patternProperties", "$defs"):
            members = schema.get(key)
            if isinstance(members, dict):
                for name, member in members.items():
                    self.check_schema(member, join_pointer_str(pointer, key, name), seen)
        for key in ("items", "additionalProperties", "not", "contains"):
            member = schema.get(key)
            if isinstance(member, (dict, bool)) and not (
                key == "additionalProperties" and isinstance(member, bool)
            ):
                self.check_schema(member, join_pointer_str(pointer, key), seen)
        for key in ("allOf", "anyOf", "oneOf", "prefixItems"):
            members = schema.get(key)
            if isinstance(members, list):
                for index, member in enumerate(members):
                    self.check_schema(member, join_pointer_str(pointer, key, index), seen)

    # ------------------------------------------------------------------ request-side types

    def request_type(self, schema: Any, pointer: str, hint: str) -> ir.TypeExpr:
        if schema is True or schema == {}:
            return ir.Primitive("object")
        if schema is False or not isinstance(schema, dict):
            return ir.Primitive("object")
        component = self.component_name(schema)
        if component is not None:
            target = self.components[component]
            target_pointer = join_pointer("components", "schemas", component)
            if self._is_object_schema(target):
                return ir.Named(
                    self.typed_dict_for(
                        target,
                        target_pointer,
                        self.class_names.get(component, safe_class_name(component)) + "Param",
                    )
                )
            return self.request_type(target, target_pointer, self.class_names.get(component, hint))
        if "$ref" in schema:
            target, target_pointer = self.deref(schema, pointer)
            return self.request_type(target, target_pointer, hint)
        nullable = schema.get("nullable") is True
        kind = schema.get("type")
        if isinstance(kind, list):
            if "null" in kind:
                nullable = True
            kinds = [k for k in kind if k != "null"]
            if len(kinds) > 1:
                options = tuple(self.request_type({**schema, "type": k}, pointer, hint) for k in kinds)
                result: ir.TypeExpr = ir.UnionOf(_dedupe(options))
                return ir.Nullable(result) if nullable else result
            kind = kinds[0] if kinds else None
        if "const" in schema:
            result = ir.EnumOf((schema["const"],))
        elif isinstance(schema.get("enum"), list):
            values = tuple(schema["enum"])
            if None in values:
                nullable = True
                values = tuple(v for v in values if v is not None)
            result = ir.EnumOf(values) if values else ir.Primitive("none")
        elif any(isinstance(schema.get(key), list) for key in ("anyOf", "oneOf")):
            members = schema.get("anyOf") or schema.get("oneOf") or []
            key = "anyOf" if "anyOf" in schema else "oneOf"
            options_list: list[ir.TypeExpr] = []
            lone = sum(not _is_null_schema(member) for member in members) == 1
            for index, member in enumerate(members):
                if isinstance(member, dict) and member.get("type") == "null":
                    nullable = True
                    continue
                options_list.append(
                    self.request_type(
                        member,
                        join_pointer_str(pointer, key, index),
                        hint if lone else member_name(hint, index, "variant"),
                    )
                )
            options = _dedupe(tuple(options_list))
            result = options[0] if len(options) == 1 else ir.UnionOf(options)
        elif isinstance(schema.get("allOf"), list):
            members = schema["allOf"]
            if len(members) == 1 and not schema.get("properties"):
                result = self.request_type(members[0], join_pointer_str(pointer, "allOf", 0), hint)
            else:
                merged = self.merge_all_of(schema, pointer)
                result = ir.Named(self.typed_dict_for(merged, pointer, hint + "Param"))
        elif kind == "string" or (kind is None and "format" in schema):
            fmt = schema.get("format")
            result = (
                ir.DateTime()
                if fmt == "date-time"
                else ir.Date() if fmt == "date" else ir.Primitive("str", str(fmt) if fmt else None)
            )
        elif kind == "integer":
            result = ir.Primitive("int")
        elif kind == "number":
            result = ir.Primitive("float")
        elif kind == "boolean":
            result = ir.Primitive("bool")
        elif kind == "null":
            return ir.Primitive("none")
        elif kind == "array" or "items" in schema:
            items = schema.get("items", True)
            result = ir.ListOf(
                self.request_type(items, join_pointer_str(pointer, "items"), member_name(hint, 0, "items"))
            )
        elif self._is_object_schema(schema):
            result = ir.Named(self.typed_dict_for(schema, pointer, hint + "Param"))
        elif kind == "object" or "additionalProperties" in schema:
            extra = schema.get("additionalProperties", True)
            value = (
                ir.Primitive("object")
                if isinstance(extra, bool)
                else self.request_type(
                    extra, join_pointer_str(pointer, "additionalProperties"), member_name(hint, 0, "value")
                )
            )
            result = ir.MapOf(value)
        else:
            result = ir.Primitive("object")
        return ir.Nullable(result) if nullable and not isinstance(result, ir.Nullable) else result

    @staticmethod
    def _is_object_schema(schema: Any) -> bool:
        return (
            isinstance(schema, dict)
            and isinstance(schema.get("properties"), dict)
            and bool(schema["properties"])
            and not schema.get("enum")
        )

    def _has_flag(self, member: Any, flag: str, pointer: str) -> bool:
        """Whether a property schema (or what its ``$ref`` points at) sets ``readOnly``/``writeOnly``."""
        if isinstance(member, dict) and member.get(flag) is True:
            return True
        if isinstance(member, dict) and "$ref" in member:
            target, _ = self.deref(member, pointer)
            return isinstance(target, dict) and target.get(flag) is True
        return False

    def writable_properties(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        """The properties a request may send: ``readOnly`` ones are the server's to set."""
        properties = schema.get("properties", {}) or {}
        return {
            name: member
            for name, member in properties.items()
            if not self._has_flag(member, "readOnly", join_pointer_str(pointer, "properties", name))
        }

    def merge_all_of(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        description = schema.get("description", "")
        for index, member in enumerate(schema.get("allOf", [])):
            target, _ = self.deref(member, join_pointer_str(pointer, "allOf", index))
            if isinstance(target, dict) and "allOf" in target:
                target = self.merge_all_of(target, pointer)
            if isinstance(target, dict):
                properties.update(target.get("properties", {}) or {})
                required.extend(target.get("required", []) or [])
                description = description or target.get("description", "")
        properties.update(schema.get("properties", {}) or {})
        required.extend(schema.get("required", []) or [])
        return {
            "type": "object",
            "properties": properties,
            "required": sorted(set(required), key=required.index),
            "description": description,
        }

    def typed_dict_for(self, schema: dict[str, Any], pointer: str, class_name: str) -> str:
        class_name = safe_class_name(class_name)
        source = self._typed_dict_sources.get(class_name)
        if source is not None:
            if source != pointer:
                # Numbering the second one would make its name depend on what else is in the spec.
                self.error(
                    pointer,
                    f"this schema and the one at {source} both become the Python type {class_name!r}; "
                    "rename one of them (or move one into components.schemas under a name of its own)",
                    rule="naming",
                )
            return class_name
        self._typed_dict_sources[class_name] = pointer
        self._typed_dicts_in_progress.add(class_name)
        if "allOf" in schema:
            schema = self.merge_all_of(schema, pointer)
        required = set(schema.get("required", []) or [])
        fields: list[ir.DictField] = []
        for name in required - set(schema.get("properties", {}) or {}):
            self.error(
                join_pointer_str(pointer, "required"),
                f"required property {name!r} is not defined in properties",
                rule="required",
            )
        for name, member in self.writable_properties(schema, pointer).items():
            member_pointer = join_pointer_str(pointer, "properties", name)
            field_type = self.request_type(
                member, member_pointer, member_name(class_name.removesuffix("Param"), name, "property")
            )
            description = member.get("description", "") if isinstance(member, dict) else ""
            fields.append(
                ir.DictField(
                    wire_name=str(name),
                    type=field_type,
                    required=name in required,
                    description=str(description),
                    example=_schema_example(member),
                )
            )
        extra = schema.get("additionalProperties")
        self.typed_dicts[class_name] = ir.TypedDictDef(
            class_name=class_name,
            description=str(schema.get("description", "")),
            fields=tuple(fields),
            closed=not (extra is True or isinstance(extra, dict)),
            source=pointer,
        )
        self._typed_dicts_in_progress.discard(class_name)
        return class_name

    # ------------------------------------------------------------------ response-side schemas

    def add_model_schema(self, class_name: str, schema: Any, pointer: str) -> str:
        """Register a schema for datamodel-code-generator under ``class_name``; returns the name."""
        existing = self._model_sources.get(class_name)
        if existing is not None:
            if existing != pointer:
                self.error(
                    pointer,
                    f"the generated class name {class_name!r} is already used by {existing}",
                    rule="naming",
                )
            return class_name
        self._model_sources[class_name] = pointer
        self.model_schemas.pointers[class_name] = pointer
        self.model_schemas.schemas[class_name] = None  # reserve (recursion)
        self.model_schemas.order.append(class_name)
        self.model_schemas.schemas[class_name] = self.clean_response_schema(
            schema, pointer, class_name, own=True
        )
        return class_name

    def model_for_component(self, name: str) -> str:
        class_name = self.class_names.get(name) or safe_class_name(name)
        # Registered already under this name: the same component again (fine) or an inline schema
        # named like it (an error, reported by add_model_schema).
        return self.add_model_schema(
            class_name, self.components[name], join_pointer("components", "schemas", name)
        )

    def clean_response_schema(self, schema: Any, pointer: str, name: str, *, own: bool = False) -> Any:
        """Copy a schema for the response models: refs renamed, enums opened, constraints dropped.

        ``name`` is what the schema is called if it becomes a class: an inline object (not ``own``,
        the body of the class being cleaned) is lifted out as a model of that name, so every
        response class is named here, from where it sits, never by datamodel-code-generator
        (which names inline objects after their property and numbers repeats in the order met).
        """
        if isinstance(schema, bool) or not isinstance(schema, dict):
            return schema
        component = self.component_name(schema)
        if component is not None:
            return {"$ref": "#/components/schemas/" + self.model_for_component(component)}
        if "$ref" in schema:
            target, target_pointer = self.deref(schema, pointer)
            return self.clean_response_schema(target, target_pointer, name, own=own)
        if not own and _makes_class(schema):
            nullable, bare = _split_null(schema)
            model = self.add_model_schema(safe_class_name(name), bare, pointer)
            lifted: dict[str, Any] = {"$ref": "#/components/schemas/" + model}
            if nullable:
                lifted = {"anyOf": [lifted, {"type": "null"}]}
            if isinstance(schema.get("description"), str):
                lifted["description"] = schema["description"]  # the field's too, not only the class's
            return lifted
        result: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _STRIPPED_RESPONSE_KEYWORDS or key.startswith("x-"):
                continue
            if key == "format" and value not in _KEPT_FORMATS:
                continue
            if key == "additionalProperties" and value is False:
                continue
            if key in ("$defs", "definitions", "not", "prefixItems"):
                # References into $defs are inlined where they are used; the models type neither
                # `not` nor tuple positions (an array with prefixItems is a list of anything).
                continue
            if key == "properties":
                result[key] = {
                    prop: self.clean_response_schema(
                        member, join_pointer_str(pointer, key, prop), member_name(name, prop, "property")
                    )
                    for prop, member in value.items()
                }
            elif key == "patternProperties":
                result[key] = {
                    pattern: self.clean_response_schema(
                        member, join_pointer_str(pointer, key, pattern), member_name(name, 0, "value")
                    )
                    for pattern, member in value.items()
                }
            elif key in ("items", "additionalProperties"):
                where = "items" if key == "items" else "value"
                result[key] = self.clean_response_schema(
                    value, join_pointer_str(pointer, key), member_name(name, 0, where)
                )
            elif key == "allOf":
                # The members make up this schema itself: they share its name and its class.
                result[key] = [
                    self.clean_response_schema(member, join_pointer_str(pointer, key, i), name, own=own)
                    for i, member in enumerate(value)
                ]
            elif key in ("anyOf", "oneOf"):
                lone = sum(not _is_null_schema(m) for m in value) == 1
                result[key] = [
                    self.clean_response_schema(
                        member,
                        join_pointer_str(pointer, key, i),
                        name if lone else member_name(name, i, "variant"),
                    )
                    for i, member in enumerate(value)
                ]
            elif key == "description":
                result[key] = visible(str(value))  # datamodel-code-generator copies it raw
            else:
                result[key] = copy.deepcopy(value)
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list) and isinstance(result.get(key), list):
                self._open_object_union(schema, result, key, pointer)
        if isinstance(schema.get("properties"), dict):
            # writeOnly properties are only ever sent: a response never holds them.
            write_only = {
                prop
                for prop, member in schema["properties"].items()
                if self._has_flag(member, "writeOnly", join_pointer_str(pointer, "properties", prop))
            }
            if write_only:
                result["properties"] = {
                    prop: member for prop, member in result["properties"].items() if prop not in write_only
                }
                if isinstance(result.get("required"), list):
                    result["required"] = [prop for prop in result["required"] if prop not in write_only]
        if result.pop("nullable", False) is True:
            kind = result.get("type")
            if isinstance(kind, str):
                result["type"] = [kind, "null"]
            elif isinstance(kind, list) and "null" not in kind:
                result["type"] = [*kind, "null"]
            elif "$ref" not in result:
                result = {"anyOf": [result, {"type": "null"}]}
        if isinstance(result.get("enum"), list):
            result = self._open_enum(result)
        return result

    _PERMISSIVE_OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": True}

    def _open_object_union(
        self, schema: dict[str, Any], result: dict[str, Any], key: str, pointer: str
    ) -> None:
        """Let a union of object schemas also accept an object none of them describes (as a dict).

        A newer server may send a variant (a discriminator tag) this client does not know yet;
        the response must still parse. So the ``discriminator`` goes (pydantic would refuse an
        unknown tag) and a permissive object member comes last. Pydantic's smart union mode still
        picks the model a known variant validates against; to keep the tag deciding which one, the
        tag property of each mapped component is pinned to its tag values, as the discriminator
        itself would have done.
        """
        members = [
            (index, member)
            for index, member in enumerate(schema[key])
            if not (isinstance(member, dict) and member.get("type") == "null")
        ]
        if len(members) < 2 or not all(
            self._is_object_like(member, join_pointer_str(pointer, key, index)) for index, member in members
        ):
            return
        discriminator = result.pop("discriminator", None)
        if isinstance(discriminator, dict) and isinstance(discriminator.get("propertyName"), str):
            self._pin_tags(discriminator, [member for _, member in members])
        if self._PERMISSIVE_OBJECT not in result[key]:
            result[key] = [*result[key], dict(self._PERMISSIVE_OBJECT)]

    def _is_object_like(self, schema: Any, pointer: str, depth: int = 0) -> bool:
        target, target_pointer = self.deref(schema, pointer)
        if not isinstance(target, dict) or depth > 16 or "enum" in target or "const" in target:
            return False
        kind = target.get("type")
        if kind == "object" or (isinstance(kind, list) and "object" in kind and len(kind) <= 2):
            return True
        if kind is None and ("properties" in target or "additionalProperties" in target):
            return True
        members = target.get("allOf")
        return (
            kind is None
            and isinstance(members, list)
            and bool(members)
            and all(
                self._is_object_like(member, join_pointer_str(target_pointer, "allOf", index), depth + 1)
                for index, member in enumerate(members)
            )
        )

    def _pin_tags(self, discriminator: dict[str, Any], members: list[Any]) -> None:
        """Remember, per member component, the tag values the discriminator gives it."""
        prop = discriminator["propertyName"]
        mapping = discriminator.get("mapping")
        mapping = mapping if isinstance(mapping, dict) else {}
        for member in members:
            component = self.component_name(member)
            if component is None:
                continue
            tags = [
                str(tag)
                for tag, target in mapping.items()
                if isinstance(target, str)
                and (target == component or self.component_name({"$ref": target}) == component)
            ] or [component]
            class_name = self.class_names.get(component) or safe_class_name(component)
            pinned = self._pinned_tags.setdefault((class_name, prop), [])
            pinned.extend(tag for tag in tags if tag not in pinned)

    def _apply_pinned_tags(self) -> None:
        for (class_name, prop), tags in sorted(self._pinned_tags.items()):
            model = self.model_schemas.schemas.get(class_name)
            if not isinstance(model, dict) or not ("properties" in model or "allOf" in model):
                continue
            model.setdefault("properties", {})[prop] = (
                {"type": "string", "const": tags[0]} if len(tags) == 1 else {"type": "string", "enum": tags}
            )
            self.model_schemas.closed_literals.add((class_name, prop))
            required = model.setdefault("required", [])
            if prop not in required:
                required.append(prop)

    @staticmethod
    def _open_enum(schema: dict[str, Any]) -> dict[str, Any]:
        """A response enum of strings or integers: its known values, with ``null`` kept apart.

        The models module turns the ``Literal`` of the known values into ``OpenEnum[...]``: typed as
        the known values or any string, checked against the known ones at run time, so a value a
        newer server sends is kept and reported as spec drift rather than rejected.
        """
        values = schema["enum"]
        kinds = {type(v) for v in values if v is not None}
        if kinds == {str}:
            base = "string"
        elif kinds <= {int}:
            base = "integer"
        else:
            return schema
        nullable = None in values or (isinstance(schema.get("type"), list) and "null" in schema["type"])
        known = {"type": base, "enum": [v for v in values if v is not None]}
        rest = {k: v for k, v in schema.items() if k not in ("enum", "type")}
        if nullable:
            return {**rest, "anyOf": [known, {"type": "null"}]}
        return {**rest, **known}

    # ------------------------------------------------------------------ operations

    def build(self) -> tuple[ir.Api, ModelSchemas]:
        data = self.doc.data
        for name, schema in self.components.items():
            self.check_schema(schema, join_pointer("components", "schemas", name))
        info = data.get("info", {}) or {}
        paginations = [
            ir.Pagination(
                name=scheme.name,
                sync_class="Sync" + scheme.class_name,
                async_class="Async" + scheme.class_name,
                items_field=scheme.items_field,
                cursor_field=scheme.cursor_field,
                cursor_param=scheme.cursor_param,
                limit_param=scheme.limit_param,
            )
            for scheme in self.config.pagination.values()
        ]
        operations: list[ir.Operation] = []
        seen_ids: dict[str, str] = {}
        for path, path_item in (data.get("paths") or {}).items():
            path_pointer = join_pointer("paths", path)
            path_item, path_item_pointer = self.deref(path_item, path_pointer)
            if not isinstance(path_item, dict):
                continue
            for method in HTTP_METHODS:
                raw_op = path_item.get(method)
                if not isinstance(raw_op, dict):
                    continue
                op_pointer = join_pointer_str(path_item_pointer, method)
                op_id = raw_op.get("operationId")
                if not isinstance(op_id, str) or not op_id:
                    op_id = f"{method}_{path}"
                if op_id in seen_ids:
                    self.error(
                        join_pointer_str(op_pointer, "operationId"),
                        f"duplicate operationId {op_id!r} (also at {seen_ids[op_id]})",
                        rule="operation-id",
                    )
                    continue
                seen_ids[op_id] = op_pointer
                built = self.build_operation(
                    path, method, raw_op, path_item, op_pointer, op_id, path_item_pointer
                )
                if built is not None:
                    operations.append(built)
        resources = self.build_resources(operations)
        auth = self.build_auth()
        if self.errors:
            raise SpecErrors(self.errors)
        self._check_type_name_collisions(resources)
        if self.errors:
            raise SpecErrors(self.errors)
        self._apply_pinned_tags()
        servers = data.get("servers") or []
        base_url = (
            self.config.base_url or (_server_url(servers[0]) if servers else None) or "http://localhost"
        )
        api = ir.Api(
            title=str(info.get("title", "")),
            description=str(info.get("description", "")),
            api_version=str(info.get("version", "")),
            package_name=self.config.package_name,
            client_name=self.config.client_name,
            version=self.config.version,
            base_url=str(base_url).rstrip("/"),
            env_base_url=f"{self.config.env_prefix}_BASE_URL",
            env_log=f"{self.config.env_prefix}_LOG",
            idempotency_header=self.config.idempotency_header,
            max_retries=self.config.max_retries,
            timeout_seconds=self.config.timeout_seconds,
            connect_timeout_seconds=self.config.connect_timeout_seconds,
            auth=auth,
            resources=resources,
            typed_dicts=sorted(self.typed_dicts.values(), key=lambda t: t.class_name),
            args_dicts=self.args_dicts,
            response_models=list(self.model_schemas.order),
            paginations=paginations,
            warnings=list(self.warnings),
        )
        return api, self.model_schemas

    def _check_type_name_collisions(self, resources: list[ir.Resource]) -> None:
        owners: dict[str, str] = {}
        for name, source in self._model_sources.items():
            owners[name] = source
        args_owners: dict[str, str] = {}
        for td in self.args_dicts:
            if td.class_name in owners or td.class_name in self._typed_dict_sources:
                self.error(
                    td.source,
                    f"the generated type name {td.class_name!r} is also used by another schema",
                    rule="naming",
                )
            elif td.class_name in args_owners:
                self.error(
                    td.source,
                    f"the generated type name {td.class_name!r} is also used by the operation at "
                    f"{args_owners[td.class_name]}",
                    rule="naming",
                )
            args_owners.setdefault(td.class_name, td.source)
        types = {**args_owners, **self._typed_dict_sources, **owners}
        for resource in (node for root in resources for node in root.walk()):
            for class_name in resource.public_class_names:
                if class_name in types:
                    self.error(
                        types[class_name],
                        f"the generated type name {class_name!r} is also a class of the resource "
                        f"{'.'.join(resource.path)}",
                        rule="naming",
                    )
        for name, source in self._typed_dict_sources.items():
            if name in owners:
                self.error(
                    source, f"the generated type name {name!r} is also used by {owners[name]}", rule="naming"
                )
            owners[name] = source

    def build_auth(self) -> ir.AuthScheme | None:
        data = self.doc.data
        schemes = (data.get("components", {}) or {}).get("securitySchemes", {}) or {}
        requirements = data.get("security") or []
        names = [
            name for requirement in requirements if isinstance(requirement, dict) for name in requirement
        ]
        if not names:
            return None
        name = names[0]
        scheme, pointer = self.deref(schemes.get(name), join_pointer("components", "securitySchemes", name))
        prefix = self.config.env_prefix
        if not isinstance(scheme, dict):
            self.error("/security", f"security scheme {name!r} is not defined in components.securitySchemes")
            return None
        description = str(scheme.get("description", ""))
        if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
            return ir.AuthScheme(
                "bearer", "bearer_token", f"{prefix}_BEARER_TOKEN", "Authorization", description
            )
        if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
            arg = safe_identifier(snake_case(name) or "api_key")
            return ir.AuthScheme(
                "api_key", arg, f"{prefix}_{arg.upper()}", str(scheme.get("name")), description
            )
        self.error(
            pointer,
            f"unsupported security scheme {scheme.get('type')!r}; supported: http bearer, apiKey in header",
            rule="auth",
        )
        return None

    def build_operation(
        self,
        path: str,
        method: str,
        raw: dict[str, Any],
        path_item: dict[str, Any],
        pointer: str,
        op_id: str,
        path_item_pointer: str,
    ) -> ir.Operation | None:
        body_raw = raw.get("requestBody")
        body: Any = None
        body_pointer = join_pointer_str(pointer, "requestBody")
        json_type: str | None = None
        if body_raw is not None:
            body, body_pointer = self.deref(body_raw, body_pointer)
            content = body.get("content", {}) if isinstance(body, dict) else {}
            json_type = next((ct for ct in content if _is_json(ct)), None)
            if json_type is None:
                kinds = ", ".join(sorted(map(str, content))) or "none"
                self.warn(
                    join_pointer_str(body_pointer, "content"),
                    f"{method.upper()} {path} is left out of the client: its request body has no JSON "
                    f"content type ({kinds}); the generator supports application/json bodies only",
                    rule="skipped-operation",
                )
                return None
        resource_text = raw.get("x-sdk-resource")
        if isinstance(resource_text, str) and resource_text.strip():
            resource_parts = [snake_case(part) for part in resource_text.split(".")]
        else:
            tags = raw.get("tags") or []
            first = (
                tags[0]
                if tags and isinstance(tags[0], str)
                else next((seg for seg in path.split("/") if seg and not seg.startswith("{")), "default")
            )
            resource_parts = [snake_case(first) or "default"]
        resource_path = tuple(
            safe_identifier(part or "default", avoid=_RESOURCE_RESERVED) for part in resource_parts
        )
        method_text = raw.get("x-sdk-method")
        method_name = (
            snake_case(method_text if isinstance(method_text, str) and method_text else op_id) or method
        )
        method_name = safe_identifier(method_name, avoid=_RESOURCE_RESERVED | {"_client"})
        # The stem of every type made for this operation: its own resource path and method name.
        type_stem = operation_type_name(resource_path, method_name)

        # Parameters: path-level ones, overridden by operation-level ones with the same name+in.
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for source, source_pointer in ((path_item, path_item_pointer), (raw, pointer)):
            for index, entry in enumerate(source.get("parameters", []) or []):
                entry_pointer = join_pointer_str(source_pointer, "parameters", index)
                param, param_pointer = self.deref(entry, entry_pointer)
                if isinstance(param, dict) and "name" in param and "in" in param:
                    merged[(str(param["name"]), str(param["in"]))] = (param, param_pointer)
        params: list[ir.Param] = []
        comma_params: list[str] = []
        for (name, location), (param, param_pointer) in merged.items():
            if location == "cookie":
                self.error(param_pointer, f"cookie parameter {name!r} is not supported", rule="params")
                continue
            schema = param.get("schema")
            if schema is None and isinstance(param.get("content"), dict) and param["content"]:
                schema = next(iter(param["content"].values())).get("schema")
            param_type = self.request_type(
                schema if schema is not None else {},
                join_pointer_str(param_pointer, "schema"),
                member_name(type_stem, name, "property"),
            )
            if location == "query" and self.query_style(name, param, param_type, param_pointer):
                comma_params.append(name)
            params.append(
                ir.Param(
                    wire_name=name,
                    py_name="",
                    location=location,  # type: ignore[arg-type]
                    type=param_type,
                    required=bool(param.get("required")) or location == "path",
                    description=str(param.get("description", "")),
                    deprecated=bool(param.get("deprecated")),
                    example=param.get("example", _schema_example(schema)),
                )
            )
        placeholders = re.findall(r"\{([^}]+)\}", path)
        declared = {p.wire_name for p in params if p.location == "path"}
        for placeholder in placeholders:
            if placeholder not in declared:
                self.error(
                    pointer,
                    f"path {path!r} uses {{{placeholder}}} but the operation declares no path parameter {placeholder!r}",
                    rule="path-params",
                )
        for name in declared - set(placeholders):
            self.error(
                pointer,
                f"path parameter {name!r} is declared but {path!r} has no {{{name}}}",
                rule="path-params",
            )

        # Request body (one without JSON content left the operation out above).
        body_mode: str = "none"
        body_key = "body"
        body_required = False
        if json_type is not None:
            content = body["content"]
            media_pointer = join_pointer_str(body_pointer, "content", json_type)
            schema = content[json_type].get("schema", {})
            target, target_pointer = self.deref(schema, join_pointer_str(media_pointer, "schema"))
            if isinstance(target, dict) and "allOf" in target:
                target = self.merge_all_of(target, target_pointer)
            body_required = bool(body.get("required"))
            body_example = _media_example(content[json_type])
            if self._is_object_schema(target):
                body_mode = "flat"
                required = set(target.get("required", []) or [])
                for name in required - set(target["properties"]):
                    self.error(
                        join_pointer_str(target_pointer, "required"),
                        f"required property {name!r} is not defined in properties",
                        rule="required",
                    )
                hint = (
                    type_stem + "Body"
                    if self.component_name(schema) is None
                    else self.class_names.get(self.component_name(schema) or "", type_stem)
                )
                for name, member in self.writable_properties(target, target_pointer).items():
                    member_pointer = join_pointer_str(target_pointer, "properties", name)
                    params.append(
                        ir.Param(
                            wire_name=str(name),
                            py_name="",
                            location="body",
                            type=self.request_type(
                                member, member_pointer, member_name(hint, name, "property")
                            ),
                            required=name in required and body_required,
                            description=(
                                str(member.get("description", "")) if isinstance(member, dict) else ""
                            ),
                            deprecated=(
                                bool(member.get("deprecated")) if isinstance(member, dict) else False
                            ),
                            example=(
                                body_example.get(name)
                                if isinstance(body_example, dict) and name in body_example
                                else _schema_example(member)
                            ),
                        )
                    )
            else:
                body_mode = "whole"
                while body_key in {p.wire_name for p in params}:
                    body_key += "_"
                params.append(
                    ir.Param(
                        wire_name=body_key,
                        py_name="body",
                        location="body",
                        type=self.request_type(
                            schema, join_pointer_str(media_pointer, "schema"), type_stem + "Body"
                        ),
                        required=body_required,
                        description=str(body.get("description", "")),
                        example=body_example,
                    )
                )

        params = self.assign_python_names(params, pointer)
        response, accept = self.build_response(raw, pointer, type_stem)
        args_class = safe_class_name(type_stem + "Args")
        arg_fields = [ir.DictField(p.wire_name, p.type, p.required, "", p.example) for p in params]
        outside = {p.wire_name for p in params if p.location != "body"}
        if body_mode == "flat" and any(p.wire_name in outside for p in params if p.location == "body"):
            # A body property shares its wire name with a path, query or header parameter, so the
            # two cannot sit side by side among the arguments: the body goes whole under one key.
            body_mode = "packed"
            while body_key in outside:
                body_key += "_"
            body_class = safe_class_name(type_stem + "BodyArgs")
            self.args_dicts.append(
                ir.TypedDictDef(
                    class_name=body_class,
                    description="",
                    fields=tuple(f for f, p in zip(arg_fields, params, strict=True) if p.location == "body"),
                    closed=True,
                    source=pointer,
                )
            )
            arg_fields = [f for f, p in zip(arg_fields, params, strict=True) if p.location != "body"]
            arg_fields.append(ir.DictField(body_key, ir.Named(body_class), True, ""))
        self.args_dicts.append(
            ir.TypedDictDef(
                class_name=args_class,
                description="",
                fields=tuple(arg_fields),
                closed=True,
                source=pointer,
            )
        )
        return ir.Operation(
            operation_id=op_id,
            method_name=method_name,
            const_name="_" + snake_case(method_name).upper() if snake_case(method_name) else "_OPERATION",
            args_class=args_class,
            http_method=method,
            path=path,
            summary=str(raw.get("summary", "")),
            description=str(raw.get("description", "")),
            params=tuple(params),
            body_mode=body_mode,  # type: ignore[arg-type]
            body_key=body_key,
            body_required=body_required,
            comma_params=tuple(comma_params),
            response=response,
            accept=accept,
            deprecated=bool(raw.get("deprecated")),
            resource_path=resource_path,
            pointer=pointer,
        )

    def query_style(self, name: str, param: dict[str, Any], param_type: ir.TypeExpr, pointer: str) -> bool:
        """Check a query parameter's ``style``/``explode``; True when it is a comma-joined array.

        Supported: ``form`` (the default), exploded (repeated keys, what the runtime does for a
        list) or not for arrays (one comma-separated value); ``deepObject`` for objects (``key[sub]``,
        what the runtime does for a mapping). Anything else is reported, as the client would send
        something the server does not expect.
        """
        style = param.get("style", "form")
        explode = param.get("explode", style == "form")
        inner = param_type.inner if isinstance(param_type, ir.Nullable) else param_type
        is_object = isinstance(inner, (ir.Named, ir.MapOf)) or inner == ir.Primitive("object")
        if style == "form":
            if explode is not False:
                return False
            if isinstance(inner, ir.ListOf):
                return True
            if is_object:
                self.error(
                    pointer,
                    f"unsupported: query parameter {name!r} is an object with style: form and explode: false "
                    "(comma-separated keys and values); supported for objects: style: deepObject",
                    rule="params",
                )
            return False
        if style == "deepObject":
            return False
        if style in ("spaceDelimited", "pipeDelimited"):
            supported = "style: form with explode: false (comma-separated) or explode: true (repeated keys)"
        else:
            supported = "style: form or deepObject"
        self.error(
            pointer,
            f"unsupported: query parameter {name!r} uses style: {style}; supported: {supported}",
            rule="params",
        )
        return False

    def assign_python_names(self, params: list[ir.Param], pointer: str) -> list[ir.Param]:
        # Required first (keeps signatures readable), then in spec order; path params lead.
        order = {"path": 0, "query": 1, "header": 2, "body": 3}
        ordered = sorted(params, key=lambda p: (not p.required, order[p.location]))
        names: dict[int, str] = {}
        used: dict[str, ir.Param] = {}
        # Path, query and header parameters are named first; a body property that would take one
        # of their names gets a ``body_`` prefix (its name on the wire is unchanged).
        for body_pass in (False, True):
            for index, param in enumerate(ordered):
                if (param.location == "body") != body_pass:
                    continue
                base = param.py_name or snake_case(param.wire_name) or param.wire_name
                if param.location == "header":
                    base = snake_case(param.wire_name)
                py_name = safe_identifier(base, avoid=_OPTION_KWARGS)
                if body_pass and py_name in used and used[py_name].location != "body":
                    py_name = safe_identifier("body_" + base, avoid=_OPTION_KWARGS)
                if py_name in used:
                    other = used[py_name]
                    self.error(
                        pointer,
                        f"parameters {other.wire_name!r} ({other.location}) and {param.wire_name!r} "
                        f"({param.location}) both become the Python argument {py_name!r}",
                        rule="naming",
                    )
                    continue
                names[index] = py_name
                used[py_name] = param
        return [
            ir.Param(
                wire_name=param.wire_name,
                py_name=names[index],
                location=param.location,
                type=param.type,
                required=param.required,
                description=param.description,
                deprecated=param.deprecated,
                example=param.example,
            )
            for index, param in enumerate(ordered)
            if index in names
        ]

    def build_response(
        self, raw: dict[str, Any], pointer: str, type_stem: str
    ) -> tuple[ir.ResponseSpec, str | None]:
        responses = raw.get("responses") or {}
        code = success_response_code(responses)
        if code is None:
            return ir.ResponseSpec(kind="none"), None
        response, response_pointer = self.deref(responses[code], join_pointer_str(pointer, "responses", code))
        content = response.get("content") if isinstance(response, dict) else None
        if not content:
            return ir.ResponseSpec(kind="none"), None
        json_type = next((ct for ct in content if _is_json(ct)), None)
        pagination_name = raw.get("x-sdk-pagination")
        if json_type is None:
            content_type = sorted(content)[0]
            if pagination_name is not None:
                self.error(
                    join_pointer_str(pointer, "x-sdk-pagination"),
                    "a paginated operation must answer with JSON",
                    rule="pagination",
                )
            if content_type.startswith("text/"):
                return ir.ResponseSpec(kind="text", content_type=content_type), content_type
            return ir.ResponseSpec(kind="binary", content_type=content_type), content_type
        media_pointer = join_pointer_str(response_pointer, "content", json_type)
        schema = content[json_type].get("schema", {})
        schema_pointer = join_pointer_str(media_pointer, "schema")
        self.check_schema(schema, schema_pointer)
        component = self.component_name(schema)
        if component is not None:
            model = self.model_for_component(component)
        else:
            model = self.add_model_schema(safe_class_name(type_stem + "Response"), schema, schema_pointer)
        if pagination_name is None:
            return ir.ResponseSpec(kind="model", model=model), None
        scheme = self.config.pagination.get(str(pagination_name))
        if scheme is None:
            known = ", ".join(sorted(self.config.pagination)) or "none configured"
            message = f"unknown pagination scheme {pagination_name!r} (known: {known})"
            where = join_pointer_str(pointer, "x-sdk-pagination")
            if self.unknown_pagination_is_error:
                self.error(where, message, rule="pagination")
            else:
                self.warn(where, message + "; its responses are compared as plain models", rule="pagination")
            return ir.ResponseSpec(kind="model", model=model), None
        target, target_pointer = self.deref(schema, schema_pointer)
        if isinstance(target, dict) and "allOf" in target:
            target = self.merge_all_of(target, target_pointer)
        properties = target.get("properties", {}) if isinstance(target, dict) else {}
        items_schema = properties.get(scheme.items_field)
        items_target, _ = self.deref(items_schema, target_pointer) if items_schema is not None else (None, "")
        if (
            not isinstance(items_target, dict)
            or items_target.get("type") != "array"
            or "items" not in items_target
        ):
            self.error(
                schema_pointer,
                f"paginated response has no array field {scheme.items_field!r} (pagination scheme {scheme.name!r})",
                rule="pagination",
            )
            return ir.ResponseSpec(kind="model", model=model), None
        if scheme.cursor_field not in properties:
            self.error(
                schema_pointer,
                f"paginated response has no cursor field {scheme.cursor_field!r} (pagination scheme {scheme.name!r})",
                rule="pagination",
            )
        declared_query = {p.get("name") for p in self._operation_query_params(raw)}
        if scheme.cursor_param not in declared_query:
            self.error(
                pointer,
                f"paginated operation declares no query parameter {scheme.cursor_param!r} (pagination scheme {scheme.name!r})",
                rule="pagination",
            )
        item_component = self.component_name(items_target["items"])
        if item_component is None:
            self.error(
                schema_pointer,
                f"the items of a paginated response must be a $ref to a component schema (pagination scheme {scheme.name!r})",
                rule="pagination",
            )
            return ir.ResponseSpec(kind="model", model=model), None
        item_model = self.model_for_component(item_component)
        return ir.ResponseSpec(kind="page", model=model, item_model=item_model, pagination=scheme.name), None

    def _operation_query_params(self, raw: dict[str, Any]) -> list[dict[str, Any]]:
        found = []
        for entry in raw.get("parameters", []) or []:
            param, _ = self.deref(entry, "")
            if isinstance(param, dict) and param.get("in") == "query":
                found.append(param)
        return found

    def build_resources(self, operations: list[ir.Operation]) -> list[ir.Resource]:
        nodes: dict[tuple[str, ...], ir.Resource] = {}
        roots: list[ir.Resource] = []
        for op in operations:
            for depth in range(1, len(op.resource_path) + 1):
                key = op.resource_path[:depth]
                if key not in nodes:
                    node = ir.Resource(path=key, class_name="", module="")
                    nodes[key] = node
                    if depth == 1:
                        roots.append(node)
                    else:
                        nodes[key[:-1]].children.append(node)
            resource = nodes[op.resource_path]
            clash = next(
                (other for other in resource.operations if other.method_name == op.method_name), None
            )
            if clash is not None:
                self.error(
                    op.pointer,
                    f"operations {clash.operation_id!r} and {op.operation_id!r} both become {op.dotted_name}()",
                    rule="naming",
                )
                continue
            resource.operations.append(op)
        # Class names: always the whole resource path, so no other resource can change them.
        class_owners: dict[str, tuple[str, ...]] = {}
        for key, node in nodes.items():
            node.class_name = resource_class_name(key)
            owner = class_owners.setdefault(node.class_name, key)
            if owner != key:
                first = next(op for op in operations if op.resource_path[: len(key)] == key)
                self.error(
                    first.pointer,
                    f"resources {'.'.join(owner)} and {'.'.join(key)} both become the Python class "
                    f"{node.class_name!r}",
                    rule="naming",
                )
            node.is_package = bool(node.children)
            node.module = "resources." + ".".join(key)
            for op in node.operations:
                if any(child.attr_name == op.method_name for child in node.children):
                    self.error(
                        op.pointer,
                        f"{op.dotted_name}() clashes with the sub-resource of the same name",
                        rule="naming",
                    )
        return roots


def _makes_class(schema: dict[str, Any]) -> bool:
    """Whether datamodel-code-generator would make a class of this schema (an object with
    properties, or an allOf that combines several schemas)."""
    if isinstance(schema.get("enum"), list) or "const" in schema:
        return False
    if isinstance(schema.get("properties"), dict):
        return True
    members = schema.get("allOf")
    return isinstance(members, list) and len(members) > 1


def _split_null(schema: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """Whether a schema allows ``null``, and the schema without that."""
    kind = schema.get("type")
    nullable = schema.get("nullable") is True or (isinstance(kind, list) and "null" in kind)
    if not nullable:
        return False, schema
    bare = {key: value for key, value in schema.items() if key != "nullable"}
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        if len(kinds) == 1:
            bare["type"] = kinds[0]
        elif kinds:
            bare["type"] = kinds
        else:
            bare.pop("type")
    return True, bare


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "null" or schema.get("type") == ["null"])


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


def _schema_example(schema: Any) -> object:
    if not isinstance(schema, dict):
        return None
    if "example" in schema:
        return schema["example"]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return examples[0]
    return None


def _media_example(media: Any) -> object:
    if not isinstance(media, dict):
        return None
    if "example" in media:
        return media["example"]
    examples = media.get("examples")
    if isinstance(examples, dict):
        for example in examples.values():
            if isinstance(example, dict) and "value" in example:
                return example["value"]
    return None


def _is_json(content_type: str) -> bool:
    base = content_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def _dedupe(options: tuple[ir.TypeExpr, ...]) -> tuple[ir.TypeExpr, ...]:
    seen: list[ir.TypeExpr] = []
    for option in options:
        if option not in seen:
            seen.append(option)
    return tuple(seen)


def join_pointer_str(pointer: str, *tokens: str | int) -> str:
    return pointer + join_pointer(*tokens)


def build_api(
    doc: Document, config: Config, *, unknown_pagination_is_error: bool = True
) -> tuple[ir.Api, ModelSchemas]:
    """Build the intermediate model; raises ``SpecErrors`` listing every problem found.

    ``unknown_pagination_is_error=False`` (for ``diff``) makes an ``x-sdk-pagination`` naming a
    scheme the config does not define a warning in ``api.warnings``, the operation built as one
    returning a plain model: a reviewer without the project's config can still compare two specs.
    """
    return _Builder(doc, config, unknown_pagination_is_error=unknown_pagination_is_error).build()
