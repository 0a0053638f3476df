"""What a schema becomes as a request argument: an ``ir.TypeExpr``, and the TypedDicts it names.

One owner for the request side: nullability, unions, enums, formats, ``allOf``, maps and the
``*Param`` TypedDicts of object schemas (named after where they sit, see ``naming.member_name``).
"""

from __future__ import annotations

from typing import Any

from .. import ir
from ..errors import join_pointer
from ..naming import member_name, safe_class_name
from ._context import BuildContext
from .schemas import (
    component_name,
    is_null_schema,
    is_object_schema,
    join_pointer_str,
    merge_all_of,
    schema_example,
    writable_properties,
)

__all__ = ["RequestTypes"]


class RequestTypes:
    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self.typed_dicts: dict[str, ir.TypedDictDef] = {}
        self.sources: dict[str, str] = {}
        """TypedDict class name -> JSON pointer of the schema it is made from."""

    def request_type(self, schema: Any, pointer: str, hint: str) -> ir.TypeExpr:
        """The type of a request argument of ``schema``; ``hint`` names the TypedDict if one is made."""
        ctx = self.ctx
        if schema is True or schema == {}:
            return ir.Primitive("object")
        if schema is False or not isinstance(schema, dict):
            return ir.Primitive("object")
        component = component_name(schema)
        if component is not None:
            target = ctx.components[component]
            target_pointer = join_pointer("components", "schemas", component)
            if is_object_schema(target):
                return ir.Named(
                    self.typed_dict_for(
                        target,
                        target_pointer,
                        ctx.class_names.get(component, safe_class_name(component)) + "Param",
                    )
                )
            return self.request_type(target, target_pointer, ctx.class_names.get(component, hint))
        if "$ref" in schema:
            target, target_pointer = ctx.deref(schema, pointer)
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
            lone = sum(not is_null_schema(member) for member in members) == 1
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
                merged = merge_all_of(ctx.doc, schema, pointer)
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
        elif is_object_schema(schema):
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

    def typed_dict_for(self, schema: dict[str, Any], pointer: str, class_name: str) -> str:
        """Register the TypedDict of an object schema (once per name); returns its class name."""
        ctx = self.ctx
        class_name = safe_class_name(class_name)
        source = self.sources.get(class_name)
        if source is not None:
            if source != pointer:
                # Numbering the second one would make its name depend on what else is in the spec.
                ctx.error(
                    pointer,
                    f"this schema and the one at {source} both become the Python type {class_name!r}; "
                    "rename one of them (or move one into components.schemas under a name of its own)",
                    rule="naming",
                )
            return class_name
        self.sources[class_name] = pointer
        if "allOf" in schema:
            schema = merge_all_of(ctx.doc, schema, pointer)
        required = set(schema.get("required", []) or [])
        fields: list[ir.DictField] = []
        for name in required - set(schema.get("properties", {}) or {}):
            ctx.error(
                join_pointer_str(pointer, "required"),
                f"required property {name!r} is not defined in properties",
                rule="required",
            )
        for name, member in writable_properties(ctx.doc, schema, pointer).items():
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
                    example=schema_example(member),
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
        return class_name


def _dedupe(options: tuple[ir.TypeExpr, ...]) -> tuple[ir.TypeExpr, ...]:
    seen: list[ir.TypeExpr] = []
    for option in options:
        if option not in seen:
            seen.append(option)
    return tuple(seen)
