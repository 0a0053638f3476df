"""The fields of the response models: attribute names, defaults, and the order of the classes.

Small decisions ``response_models`` asks for: what attribute a property becomes (``field_name``),
which ``default`` a field keeps (one of its type only), and in which order the module defines the
classes (by name, each after what its definition evaluates).
"""

from __future__ import annotations

import keyword
import unicodedata
from dataclasses import replace
from typing import Any

from .. import ir

__all__ = [
    "RESERVED_FIELD_NAMES",
    "field_name",
    "default_of",
    "settle_py_names",
    "annotation_names",
    "module_order",
]

RESERVED_FIELD_NAMES = frozenset(
    {
        # pydantic.BaseModel's public attributes (v2, with the deprecated v1 ones it still has) ...
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "model_computed_fields",
        "model_config",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_extra",
        "model_fields",
        "model_fields_set",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
        # ... and the ones the runtime's BaseModel adds (templates/runtime/_models.py).
        "drift",
        "to_dict",
        "to_json",
        # ... and what an aliased field's annotation names.
        "Annotated",
        "Field",
    }
)
"""Property names a field may not take as they are (``json`` -> ``json_``): a method of the models,
or a name an alias needs. (A name the class's own annotations use is renamed too: ``settle_py_names``.)"""


def field_name(wire_name: str) -> str:
    """The attribute of a property: the wire name where it is a valid field name, else made one
    (aliased to the wire name): ``foo-bar`` -> ``foo_bar``, ``_id`` -> ``field_id``, ``class`` ->
    ``class_``, ``json`` -> ``json_``."""
    text = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in wire_name)
    text = unicodedata.normalize("NFKC", text)
    if not text.isidentifier():
        text = "".join(ch if ("_" + ch).isidentifier() else "_" for ch in text)
    if not text or text[0].isdigit() or text.startswith("_"):
        text = "field_" + text if text and not text.startswith("_") else "field" + (text or "_")
    if keyword.iskeyword(text) or text in RESERVED_FIELD_NAMES:
        text += "_"
    return text



def settle_py_names(model: ir.ModelDef) -> None:
    """The attribute names of a class's own fields, final: one named like something its annotations
    use (a field ``date`` beside a field of type ``date``; pydantic reads the class's namespace
    first, where the attribute would stand for it) gets a ``_``, and the later of two wire names
    that made the same attribute (``+1`` and ``-1``) a number: ``field_1``, ``field_1_1``. Decided
    from the class alone."""
    used = set().union(*(annotation_names(f.type) for f in model.fields))
    if model.root is not None:
        used |= annotation_names(model.root)
    taken = {f.py_name for base in model.bases for f in base.all_fields}
    fields: list[ir.ModelField] = []
    for model_field in model.fields:
        name = model_field.py_name
        while name in used:
            name += "_"
        base, number = name, 0
        while name in taken:
            number += 1
            name = f"{base}_{number}"
        taken.add(name)
        fields.append(model_field if name == model_field.py_name else replace(model_field, py_name=name))
    model.fields = fields


def annotation_names(expr: ir.TypeExpr) -> set[str]:
    """The names the annotation of a response field of this type uses (``generator.models``)."""
    if isinstance(expr, ir.Primitive):
        return {{"object": "Any", "none": "None"}.get(expr.name, expr.name)}
    if isinstance(expr, ir.DateTime):
        return {"datetime"}
    if isinstance(expr, ir.Date):
        return {"date"}
    if isinstance(expr, ir.EnumOf):
        return {"Literal", "OpenEnum", "OpenIntEnum"} if expr.open else {"Literal"}
    if isinstance(expr, ir.ListOf):
        return {"list"} | annotation_names(expr.item)
    if isinstance(expr, ir.MapOf):
        return {"dict", "str"} | annotation_names(expr.value)
    if isinstance(expr, ir.Named):
        return {expr.class_name}
    if isinstance(expr, ir.UnionOf):
        return set().union(*(annotation_names(option) for option in expr.options))
    if isinstance(expr, ir.Nullable):
        return annotation_names(expr.inner)
    raise TypeError(f"{expr!r} is a request type; no response field has it")


def module_order(models: list[ir.ModelDef]) -> list[ir.ModelDef]:
    """By class name, each class right after the last of the classes its definition evaluates:
    its bases, and the classes in a ``RootModel``'s type."""
    placed: list[ir.ModelDef] = []
    placed_names: set[str] = set()
    waiting: list[ir.ModelDef] = []
    needs = {
        model.class_name: {base.class_name for base in model.bases}
        | (_named_in(model.root) - {model.class_name} if model.root is not None else set())
        for model in models
    }
    for model in sorted(models, key=lambda m: m.class_name):
        waiting.append(model)
        progress = True
        while progress:
            progress = False
            for candidate in list(waiting):
                if needs[candidate.class_name] <= placed_names:
                    waiting.remove(candidate)
                    placed.append(candidate)
                    placed_names.add(candidate.class_name)
                    progress = True
    placed.extend(waiting)  # a cycle of bases (no valid spec has one): kept, in name order
    return placed


def _named_in(expr: ir.TypeExpr) -> set[str]:
    if isinstance(expr, ir.Named):
        return {expr.class_name}
    if isinstance(expr, ir.ListOf):
        return _named_in(expr.item)
    if isinstance(expr, ir.MapOf):
        return _named_in(expr.value)
    if isinstance(expr, ir.UnionOf):
        return set().union(*(_named_in(option) for option in expr.options))
    if isinstance(expr, ir.Nullable):
        return _named_in(expr.inner)
    return set()


def default_of(member: Any, field_type: ir.TypeExpr) -> object:
    """The spec's ``default`` of an optional property, when it is a value of the field's type."""
    if not isinstance(member, dict) or "default" not in member:
        return ir.NO_DEFAULT
    value = member["default"]
    return value if _fits(field_type, value) else ir.NO_DEFAULT


def _fits(expr: ir.TypeExpr, value: object) -> bool:
    if isinstance(expr, ir.Nullable):
        return value is None or _fits(expr.inner, value)
    if isinstance(expr, ir.Primitive):
        if expr.name == "str":
            return isinstance(value, str)
        if expr.name == "int":
            return isinstance(value, int) and not isinstance(value, bool)
        if expr.name == "float":
            return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
        if expr.name == "bool":
            return isinstance(value, bool)
        return False
    if isinstance(expr, ir.EnumOf):
        return any(value == known and type(value) is type(known) for known in expr.values)
    if isinstance(expr, ir.ListOf):
        return value == []
    if isinstance(expr, ir.MapOf):
        return value == {}
    return False
