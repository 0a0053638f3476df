"""The one schema-to-type pass: what every schema becomes in Python, and what it is called.

Requests and responses read the same decision (``SchemaTypes.type_of``): a schema (``$ref``s
followed; OpenAPI 3.0's ``nullable``, 3.1's type arrays, boolean schemas, ``const`` and ``enum``
read the same way) becomes one ``ir.TypeExpr``. Where the two sides differ it is on purpose, and
said here:

* an object with properties is a ``TypedDict`` (``<name>Param``) in a request and a pydantic model
  (``ModelDef``, ``response_models``) in a response, both named after where the schema sits;
* response enums of strings or integers are open (a newer server may add values), request ones
  closed; a response union of objects also takes an object none of its members describes;
* ``readOnly`` properties are never sent, ``writeOnly`` ones never received.

Names: a component keeps its own (``naming.safe_class_name``); an inline schema is named from its
owner and the path to it (``naming.member_name``): ``Invoice`` + ``payer`` -> ``InvoicePayer``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from .. import ir
from ..errors import join_pointer
from ..naming import member_name, safe_class_name
from ._context import BuildContext
from .response_models import ResponseModels, is_object_like
from .schemas import (
    scalar_all_of,
    allows_null,
    annotation_only,
    component_name,
    is_null_schema,
    is_object_schema,
    join_pointer_str,
    merge_all_of,
    schema_example,
    writable_properties,
)

__all__ = ["SchemaTypes", "Side"]

Side = Literal["request", "response"]
_ANY = ir.Primitive("object")


class SchemaTypes:
    """The types of one document: request ``TypedDict``s and response models, made on demand."""

    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self.typed_dicts: dict[str, ir.TypedDictDef] = {}
        self.sources: dict[str, str] = {}
        """TypedDict class name -> JSON pointer of the schema it is made from."""
        self.models = ResponseModels(ctx, self)
        self._expanding: set[tuple[str, Side]] = set()
        """Components without a class being written out: one met again inside itself is ``Any``."""

    # -------------------------------------------------------------------------------- entry points

    def request_type(self, schema: Any, pointer: str, hint: str) -> ir.TypeExpr:
        """The type of a request argument of ``schema``; ``hint`` names the TypedDict if one is made."""
        return self.type_of(schema, pointer, hint, "request")

    def response_type(self, schema: Any, pointer: str, hint: str) -> ir.TypeExpr:
        """The type of a response field of ``schema``; ``hint`` names the model if one is made."""
        return self.type_of(schema, pointer, hint, "response")

    # -------------------------------------------------------------------------------- the pass

    def type_of(self, schema: Any, pointer: str, hint: str, side: Side) -> ir.TypeExpr:
        ctx = self.ctx
        if schema is True or schema == {} or schema is False or not isinstance(schema, dict):
            return _ANY
        component = component_name(schema)
        if component is not None:
            return self._component(component, side, hint)
        if "$ref" in schema:
            target, target_pointer = ctx.deref(schema, pointer)
            return self.type_of(target, target_pointer, hint, side)
        nullable = schema.get("nullable") is True
        kind = schema.get("type")
        if isinstance(kind, list):
            if "null" in kind:
                nullable = True
            kinds = [k for k in kind if k != "null"]
            if len(kinds) > 1:
                options = tuple(self.type_of({**schema, "type": k}, pointer, hint, side) for k in kinds)
                result: ir.TypeExpr = ir.UnionOf(_dedupe(options))
                return ir.Nullable(result) if nullable else result
            kind = kinds[0] if kinds else None
        if "const" in schema:
            result = ir.EnumOf((schema["const"],), open=side == "response" and _openable([schema["const"]]))
        elif isinstance(schema.get("enum"), list):
            values = tuple(schema["enum"])
            if None in values:
                nullable = True
                values = tuple(v for v in values if v is not None)
            open_enum = side == "response" and _openable(list(values))
            result = ir.EnumOf(values, open=open_enum) if values else ir.Primitive("none")
        elif any(isinstance(schema.get(key), list) for key in ("anyOf", "oneOf")):
            result, nullable_member = self._union(schema, pointer, hint, side)
            nullable = nullable or nullable_member
        elif isinstance(schema.get("allOf"), list) and (scalar := scalar_all_of(ctx.doc, schema, pointer)):
            result = self.type_of(scalar, pointer, hint, side)
        elif isinstance(schema.get("allOf"), list):
            members = schema["allOf"]
            typed = [(i, m) for i, m in enumerate(members) if not annotation_only(m)]
            if len(typed) == 1 and not schema.get("properties"):
                # One schema, the others only describe it (`allOf: [{$ref: Status}, {description: ...}]`).
                index, member = typed[0]
                result = self.type_of(member, join_pointer_str(pointer, "allOf", index), hint, side)
            elif side == "request":
                merged = merge_all_of(ctx.doc, schema, pointer)
                result = self._typed_dict(self.typed_dict_for(merged, pointer, hint + "Param"))
            else:
                result = self.models.inline_model(schema, pointer, hint)
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
                self.type_of(items, join_pointer_str(pointer, "items"), member_name(hint, 0, "items"), side)
            )
        elif side == "request" and is_object_schema(schema):
            result = self._typed_dict(self.typed_dict_for(schema, pointer, hint + "Param"))
        elif side == "response" and isinstance(schema.get("properties"), dict):
            result = self.models.inline_model(schema, pointer, hint)
        elif kind == "object" or "additionalProperties" in schema or "patternProperties" in schema:
            result = ir.MapOf(self._map_values(schema, pointer, hint, side))
        else:
            result = _ANY
        return ir.Nullable(result) if nullable and not isinstance(result, ir.Nullable) else result

    def _component(self, component: str, side: Side, hint: str) -> ir.TypeExpr:
        """A ``$ref`` to ``components.schemas``: its class, or (no object) the type it stands for."""
        ctx = self.ctx
        target = ctx.components[component]
        target_pointer = join_pointer("components", "schemas", component)
        class_name = ctx.class_names.get(component) or safe_class_name(component)
        if side == "request":
            if is_object_schema(target):
                named = self._typed_dict(self.typed_dict_for(target, target_pointer, class_name + "Param"))
                return ir.Nullable(named) if allows_null(target) else named
            return self._expanded(component, target, target_pointer, ctx.class_names.get(component, hint), side)
        if self.models.makes_class(target, component=True):
            # The class is the object; a component that also allows null is that class or None.
            named = self.models.named(self.models.by_name[self.models.model_for_component(component)])
            return ir.Nullable(named) if allows_null(target) else named
        return self._expanded(component, target, target_pointer, class_name, side)

    @contextmanager
    def inside_class(self) -> Iterator[None]:
        """While the fields of a class are typed: a component written out outside the class may be
        written out again inside it (the class ends the recursion)."""
        saved, self._expanding = self._expanding, set()
        try:
            yield
        finally:
            self._expanding = saved

    def _expanded(self, component: str, target: Any, pointer: str, hint: str, side: Side) -> ir.TypeExpr:
        """The type a component without a class stands for, written out where it is used. One that
        holds itself (a JSON value: a union of scalars, lists and maps of itself) has no finite
        annotation: inside itself it is any value."""
        key = (component, side)
        if key in self._expanding:
            return _ANY
        self._expanding.add(key)
        try:
            return self.type_of(target, pointer, hint, side)
        finally:
            self._expanding.discard(key)

    def _union(self, schema: dict[str, Any], pointer: str, hint: str, side: Side) -> tuple[ir.TypeExpr, bool]:
        """An ``anyOf``/``oneOf``: its members' types, and whether ``null`` is one of them."""
        key = "anyOf" if isinstance(schema.get("anyOf"), list) else "oneOf"
        members: list[Any] = schema[key]
        nullable = False
        lone = sum(not is_null_schema(member) for member in members) == 1
        options_list: list[ir.TypeExpr] = []
        kept: list[tuple[int, Any]] = []
        for index, member in enumerate(members):
            if is_null_schema(member):
                nullable = True
                continue
            kept.append((index, member))
            options_list.append(
                self.type_of(
                    member,
                    join_pointer_str(pointer, key, index),
                    hint if lone else member_name(hint, index, "variant"),
                    side,
                )
            )
        for index, option in enumerate(options_list):
            if isinstance(option, ir.Nullable):  # `A | (B | None)` is `A | B | None`
                nullable, options_list[index] = True, option.inner
        options = _dedupe(_spliced(options_list))
        if side == "response":
            options = _close_enums_beside_their_type(options)
            if len(kept) >= 2 and all(
                is_object_like(self.ctx, member, join_pointer_str(pointer, key, index)) for index, member in kept
            ):
                # A newer server may send a variant (a discriminator tag) this client does not know:
                # it parses as a plain dict. The tags keep choosing the model (``pin_tags``).
                discriminator = schema.get("discriminator")
                if isinstance(discriminator, dict) and isinstance(discriminator.get("propertyName"), str):
                    self.models.pin_tags(discriminator, [member for _, member in kept])
                # The plain-dict member (its own, or one a member union brought) goes last.
                options = (*(option for option in options if option != ir.MapOf(_ANY)), ir.MapOf(_ANY))
        if not options:
            return ir.Primitive("none"), nullable
        return (options[0] if len(options) == 1 else ir.UnionOf(options)), nullable

    def _map_values(self, schema: dict[str, Any], pointer: str, hint: str, side: Side) -> ir.TypeExpr:
        extra = schema.get("additionalProperties", True)
        if isinstance(extra, dict):
            return self.type_of(
                extra, join_pointer_str(pointer, "additionalProperties"), member_name(hint, 0, "value"), side
            )
        patterns = schema.get("patternProperties")
        if extra is True and "additionalProperties" not in schema and isinstance(patterns, dict) and patterns:
            # Keys matching the patterns; their values' types, one for all when they agree.
            found = _dedupe(
                tuple(
                    self.type_of(
                        member,
                        join_pointer_str(pointer, "patternProperties", pattern),
                        member_name(hint, 0, "value"),
                        side,
                    )
                    for pattern, member in patterns.items()
                )
            )
            return found[0] if len(found) == 1 else _ANY
        return _ANY

    # -------------------------------------------------------------------------------- requests

    def _typed_dict(self, class_name: str) -> ir.Named:
        return ir.Named(class_name, self.typed_dicts.get(class_name))

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
            with self.inside_class():
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


def _openable(values: list[Any]) -> bool:
    """Enums of strings only or integers only open (``OpenEnum``/``OpenIntEnum``); others stay closed."""
    kinds = {type(value) for value in values}
    return kinds == {str} or kinds == {int}


def _close_enums_beside_their_type(options: tuple[ir.TypeExpr, ...]) -> tuple[ir.TypeExpr, ...]:
    """In a union that already takes any string (integer), an enum of strings (integers) stays a
    plain ``Literal``: the union itself is the open set."""
    plain = {option.name for option in options if isinstance(option, ir.Primitive)}
    closed: list[ir.TypeExpr] = []
    for option in options:
        if isinstance(option, ir.EnumOf) and option.open:
            kind = "str" if isinstance(option.values[0], str) else "int"
            if kind in plain:
                option = ir.EnumOf(option.values)
        closed.append(option)
    return tuple(closed)


def _spliced(options: list[ir.TypeExpr]) -> tuple[ir.TypeExpr, ...]:
    """A member that is a union itself contributes its members (``A | (B | C)`` is ``A | B | C``)."""
    found: list[ir.TypeExpr] = []
    for option in options:
        found.extend(option.options if isinstance(option, ir.UnionOf) else (option,))
    return tuple(found)


def _dedupe(options: tuple[ir.TypeExpr, ...]) -> tuple[ir.TypeExpr, ...]:
    seen: list[ir.TypeExpr] = []
    for option in options:
        if option not in seen:
            seen.append(option)
    return tuple(seen)
