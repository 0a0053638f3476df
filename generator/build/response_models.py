"""The response side of the type pass: the pydantic models (``ir.ModelDef``), named and complete.

Every class is named here, from where its schema sits (``types``). A component that is an object
is a class (``makes_class``); one that is not (a union, an enum, a map) is written out where it is
used, and becomes a ``RootModel`` only where it is a whole response. ``allOf`` members that are
models of their own are the bases of the class; a class whose field narrows an inherited one
(a discriminator tag, a field made required) takes every field as its own instead, so that it
type-checks. A response from a newer server must still parse: enums are open, unions of objects
take unknown variants, constraints are not checked.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .. import ir
from ..errors import join_pointer
from ..naming import member_name, safe_class_name
from ._context import BuildContext
from .model_fields import default_of, field_name, module_order, settle_py_names
from .schemas import annotation_only, component_name, has_flag, join_pointer_str, scalar_all_of

if TYPE_CHECKING:
    from .types import SchemaTypes

__all__ = ["ResponseModels", "is_object_like"]

def is_object_like(ctx: BuildContext, schema: Any, pointer: str, depth: int = 0) -> bool:
    """An object schema (or an ``allOf`` of them): what a union of objects is made of."""
    target, target_pointer = ctx.deref(schema, pointer)
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
            is_object_like(ctx, member, join_pointer_str(target_pointer, "allOf", index), depth + 1)
            for index, member in enumerate(members)
        )
    )


class ResponseModels:
    def __init__(self, ctx: BuildContext, types: SchemaTypes) -> None:
        self.ctx = ctx
        self.types = types
        self.by_name: dict[str, ir.ModelDef] = {}
        self._required_elsewhere: dict[str, set[str]] = {}
        """Class name -> names its ``allOf`` members require that only a base declares."""
        self._pinned_tags: dict[tuple[str, str], list[str]] = {}
        """(class name, property) -> the discriminator tags it answers to."""

    @property
    def sources(self) -> dict[str, str]:
        """Response class name -> JSON pointer of its schema, in the order they were registered."""
        return {name: model.pointer for name, model in self.by_name.items()}

    def makes_class(self, schema: Any, *, component: bool = False) -> bool:
        """Whether a schema is a model class where it is used: an object with properties, or an
        ``allOf`` of several schemas (but not of one and descriptions of it, unless that one is an
        object); for a component, a free-form object too."""
        if not isinstance(schema, dict) or isinstance(schema.get("enum"), list) or "const" in schema:
            return False
        if isinstance(schema.get("properties"), dict):
            return True
        members = schema.get("allOf")
        if isinstance(members, list) and scalar_all_of(self.ctx.doc, schema, "") is not None:
            return False
        if isinstance(members, list) and len(members) > 1:
            typed = [member for member in members if not annotation_only(member)]
            return len(typed) != 1 or is_object_like(self.ctx, typed[0], "")
        if isinstance(members, list) and len(members) == 1 and isinstance(members[0], dict):
            # ``allOf: [{properties: ...}]``: the one object written inline is this class.
            return "$ref" not in members[0] and is_object_like(self.ctx, members[0], "")
        kind = schema.get("type")
        is_object = kind == "object" or (isinstance(kind, list) and set(kind) <= {"object", "null"} and kind)
        return (
            component
            and bool(is_object)
            and "additionalProperties" not in schema
            and "patternProperties" not in schema
            and not any(key in schema for key in ("anyOf", "oneOf"))
        )

    @staticmethod
    def named(model: ir.ModelDef) -> ir.Named:
        return ir.Named(model.class_name, model)

    def model_for_component(self, name: str) -> str:
        """The class of a component schema (a ``RootModel`` when it is no object); its name."""
        class_name = self.ctx.class_names.get(name) or safe_class_name(name)
        # Registered already under this name: the same component again (fine) or an inline schema
        # named like it (an error, reported by add_model_schema).
        return self.add_model_schema(
            class_name, self.ctx.components[name], join_pointer("components", "schemas", name)
        )

    def model_at(self, pointer: str) -> str | None:
        """The class already made of the schema at ``pointer``, if any (its name)."""
        return next((model.class_name for model in self.by_name.values() if model.pointer == pointer), None)

    def add_model_schema(self, class_name: str, schema: Any, pointer: str) -> str:
        """The class of a whole response (or a component) under ``class_name``; returns the name."""
        return self._register(class_name, schema, pointer, component=True).class_name

    def inline_model(self, schema: dict[str, Any], pointer: str, hint: str) -> ir.TypeExpr:
        """The class of an object written inline in a response, named after where it sits."""
        return self.named(self._register(safe_class_name(hint), schema, pointer, component=False))

    def _register(self, class_name: str, schema: Any, pointer: str, *, component: bool) -> ir.ModelDef:
        existing = self.by_name.get(class_name)
        if existing is not None:
            if existing.pointer != pointer:
                self.ctx.error(
                    pointer,
                    f"the generated class name {class_name!r} is already used by {existing.pointer}",
                    rule="naming",
                )
            return existing
        description = schema.get("description", "") if isinstance(schema, dict) else ""
        model = ir.ModelDef(class_name, str(description), pointer)
        self.by_name[class_name] = model  # before its fields: a schema may hold itself
        if isinstance(schema, dict) and self.makes_class(schema, component=component):
            self._fill(model, schema, pointer)
        else:
            with self.types.inside_class():
                model.root = self.types.response_type(schema, pointer, class_name)
        return model

    def _fill(self, model: ir.ModelDef, schema: dict[str, Any], pointer: str) -> None:
        """The bases and own fields of a class made from an object (or ``allOf``) schema."""
        declared: list[tuple[str, Any, str]] = []
        """(property, schema, pointer of the schema declaring it)."""
        required: list[str] = []
        self._collect(model, schema, pointer, declared, required, depth=0)
        names = {prop for prop, _, _ in declared}
        for prop, member, owner in declared:
            member_pointer = join_pointer_str(owner, "properties", prop)
            if has_flag(self.ctx.doc, member, "writeOnly", member_pointer):
                continue  # only ever sent: a response never holds it
            with self.types.inside_class():
                field_type = self.types.response_type(
                    member, member_pointer, member_name(model.class_name, prop, "property")
                )
            is_required = prop in required
            made = ir.ModelField(
                    wire_name=prop,
                    py_name=field_name(prop),
                    type=field_type,
                    required=is_required,
                    description=self._field_description(member),
                    pointer=member_pointer,
                    owner=owner,
                    default=default_of(member, field_type) if not is_required else ir.NO_DEFAULT,
                )
            # Declared again (by a later allOf member): the later declaration, in the first one's place.
            at = next((i for i, f in enumerate(model.fields) if f.wire_name == prop), None)
            if at is None:
                model.fields.append(made)
            else:
                model.fields[at] = made
        elsewhere = {name for name in required if name not in names}
        if elsewhere:
            self._required_elsewhere[model.class_name] = elsewhere

    def _collect(
        self,
        model: ir.ModelDef,
        schema: dict[str, Any],
        pointer: str,
        declared: list[tuple[str, Any, str]],
        required: list[str],
        depth: int,
    ) -> None:
        members = schema.get("allOf")
        if isinstance(members, list) and depth < 32:
            for index, member in enumerate(members):
                member_pointer = join_pointer_str(pointer, "allOf", index)
                component = component_name(member)
                if component is not None and self.makes_class(self.ctx.components[component], component=True):
                    base = self.by_name.get(self.model_for_component(component))
                    if base is not None and base is not model and base not in model.bases:
                        model.bases.append(base)
                    continue
                target, target_pointer = self.ctx.deref(member, member_pointer)
                if isinstance(target, dict):
                    self._collect(model, target, target_pointer, declared, required, depth + 1)
        properties = schema.get("properties")
        if isinstance(properties, dict):
            for prop, member in properties.items():
                declared.append((str(prop), member, pointer))
        found = schema.get("required")
        if isinstance(found, list):
            required.extend(str(name) for name in found if isinstance(name, str))

    def _field_description(self, member: Any) -> str:
        """A field's docstring: its property's description, else that of the component it stands
        for where the component has no class of its own (a union, an enum, a string...)."""
        if not isinstance(member, dict):
            return ""
        if isinstance(member.get("description"), str):
            return str(member["description"])
        component = component_name(member)
        if component is not None:
            target = self.ctx.components.get(component)
            if isinstance(target, dict) and not self.makes_class(target, component=True):
                return str(target.get("description", "") or "")
        return ""

    # ---------------------------------------------------------------------------- discriminators

    def pin_tags(self, discriminator: dict[str, Any], members: list[Any]) -> None:
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

    # ---------------------------------------------------------------------------- the end

    def finish(self) -> list[ir.ModelDef]:
        """Every model complete (tags pinned, inheritance decided), in module order."""
        self._apply_pinned_tags()
        done: set[str] = set()
        for model in self.by_name.values():
            self._resolve(model, done, set())
        for model in self.by_name.values():
            settle_py_names(model)
        return module_order(list(self.by_name.values()))

    def _apply_pinned_tags(self) -> None:
        """Pin the tag property of each discriminated member to its tags: a closed ``Literal``, as
        the discriminator itself would have decided (the union's plain-dict member stays last)."""
        for (class_name, prop), tags in sorted(self._pinned_tags.items()):
            model = self.by_name.get(class_name)
            if model is None or model.root is not None:
                continue
            tag_type = ir.EnumOf(tuple(tags))
            own = next((f for f in model.fields if f.wire_name == prop), None)
            inherited = next((f for f in model.all_fields if f.wire_name == prop), None)
            if own is not None:
                pinned = replace(own, type=tag_type, required=True, default=ir.NO_DEFAULT)
                model.fields = [pinned if f is own else f for f in model.fields]
            elif inherited is not None:
                model.fields.append(replace(inherited, type=tag_type, required=True, default=ir.NO_DEFAULT))
            else:
                model.fields.append(
                    ir.ModelField(
                        prop,
                        field_name(prop),
                        tag_type,
                        True,
                        "",
                        join_pointer_str(model.pointer, "properties", prop),
                        model.pointer,
                    )
                )

    def _resolve(self, model: ir.ModelDef, done: set[str], visiting: set[str]) -> None:
        """Keep ``model``'s bases when its fields only add to theirs; otherwise flatten it."""
        if model.class_name in done or model.class_name in visiting:
            return
        visiting.add(model.class_name)
        for base in model.bases:
            self._resolve(base, done, visiting)
        inherited: dict[str, ir.ModelField] = {}
        conflict = False
        for base in model.bases:
            for model_field in base.all_fields:
                first = inherited.setdefault(model_field.wire_name, model_field)
                conflict = conflict or _shape(first) != _shape(model_field)
        own: list[ir.ModelField] = []
        for model_field in model.fields:
            old = inherited.get(model_field.wire_name)
            if old is not None and _shape(old) == _shape(model_field):
                continue  # declared again as it is: inherited
            conflict = conflict or old is not None
            own.append(model_field)
        for name in sorted(self._required_elsewhere.get(model.class_name, ())):
            old = inherited.get(name)
            if old is not None and not old.required and all(f.wire_name != name for f in own):
                own.append(replace(old, required=True, default=ir.NO_DEFAULT))
                conflict = True
        if conflict:
            # A narrowed field (a tag, a field made required) cannot type-check as an override of
            # a mutable attribute: the class declares every field itself, the inherited ones first.
            merged = dict(inherited)
            for model_field in own:
                merged[model_field.wire_name] = model_field
            model.fields = list(merged.values())
            model.bases = []
        else:
            model.fields = own
        visiting.discard(model.class_name)
        done.add(model.class_name)


def _shape(model_field: ir.ModelField) -> tuple[object, ...]:
    """What a subclass redeclaring a field may not change."""
    default = model_field.default
    kind = model_field.type
    if not model_field.required and default is ir.NO_DEFAULT and isinstance(kind, ir.Nullable):
        kind = kind.inner  # an optional field takes None either way: `T | None = None`
    return (model_field.py_name, kind, model_field.required, "none" if default is ir.NO_DEFAULT else repr(default))
