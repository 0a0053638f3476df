"""The response side: schemas cleaned and named for datamodel-code-generator.

Every response class is named here, from where its schema sits (never by datamodel-code-generator,
which names inline objects after their property and numbers repeats in the order met). Enums are
opened, object unions accept an object none of their members describes, constraints are dropped:
a response from a newer server must still parse.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ..errors import join_pointer, visible
from ..naming import member_name, safe_class_name
from ._context import BuildContext
from .schemas import component_name, has_flag, is_null_schema, join_pointer_str

__all__ = ["ModelSchemas", "ResponseModels"]

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
_PERMISSIVE_OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": True}


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


class ResponseModels:
    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self.model_schemas = ModelSchemas()
        self._pinned_tags: dict[tuple[str, str], list[str]] = {}
        """(response model, property) -> the discriminator tags it answers to."""

    @property
    def sources(self) -> dict[str, str]:
        """Response class name -> JSON pointer of its schema, in the order they were registered."""
        return self.model_schemas.pointers

    def add_model_schema(self, class_name: str, schema: Any, pointer: str) -> str:
        """Register a schema for datamodel-code-generator under ``class_name``; returns the name."""
        existing = self.model_schemas.pointers.get(class_name)
        if existing is not None:
            if existing != pointer:
                self.ctx.error(
                    pointer,
                    f"the generated class name {class_name!r} is already used by {existing}",
                    rule="naming",
                )
            return class_name
        self.model_schemas.pointers[class_name] = pointer
        self.model_schemas.schemas[class_name] = None  # reserve (recursion)
        self.model_schemas.order.append(class_name)
        self.model_schemas.schemas[class_name] = self.clean_response_schema(
            schema, pointer, class_name, own=True
        )
        return class_name

    def model_for_component(self, name: str) -> str:
        class_name = self.ctx.class_names.get(name) or safe_class_name(name)
        # Registered already under this name: the same component again (fine) or an inline schema
        # named like it (an error, reported by add_model_schema).
        return self.add_model_schema(
            class_name, self.ctx.components[name], join_pointer("components", "schemas", name)
        )

    def clean_response_schema(self, schema: Any, pointer: str, name: str, *, own: bool = False) -> Any:
        """Copy a schema for the response models: refs renamed, enums opened, constraints dropped.

        ``name`` is what the schema is called if it becomes a class: an inline object (not ``own``,
        the body of the class being cleaned) is lifted out as a model of that name.
        """
        if isinstance(schema, bool) or not isinstance(schema, dict):
            return schema
        component = component_name(schema)
        if component is not None:
            return {"$ref": "#/components/schemas/" + self.model_for_component(component)}
        if "$ref" in schema:
            target, target_pointer = self.ctx.deref(schema, pointer)
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
                lone = sum(not is_null_schema(m) for m in value) == 1
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
                if has_flag(self.ctx.doc, member, "writeOnly", join_pointer_str(pointer, "properties", prop))
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
            result = _open_enum(result)
        return result

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
        if _PERMISSIVE_OBJECT not in result[key]:
            result[key] = [*result[key], dict(_PERMISSIVE_OBJECT)]

    def _is_object_like(self, schema: Any, pointer: str, depth: int = 0) -> bool:
        target, target_pointer = self.ctx.deref(schema, pointer)
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
            component = component_name(member)
            if component is None:
                continue
            tags = [
                str(tag)
                for tag, target in mapping.items()
                if isinstance(target, str)
                and (target == component or component_name({"$ref": target}) == component)
            ] or [component]
            class_name = self.ctx.class_names.get(component) or safe_class_name(component)
            pinned = self._pinned_tags.setdefault((class_name, prop), [])
            pinned.extend(tag for tag in tags if tag not in pinned)

    def apply_pinned_tags(self) -> None:
        """Pin the tag property of each discriminated member to its tags (once every model is in)."""
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
