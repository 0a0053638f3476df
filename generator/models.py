"""The response-model module (``types/_responses.py``) from the models of the type pass.

``templates/models.py.j2`` lays the module out; this module writes what goes in it: each field's
annotation (from its ``ir.TypeExpr``, never parsed back from text), its default, and the imports
the annotations use. Lines are laid out as black lays them out (line length 110: a long
annotation is split at its brackets and ``|``s the way black splits it), so black, which still
formats the file, has nothing left to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from . import ir
from .errors import visible
from .render import LINE_LENGTH, docstring, make_environment, py_repr

__all__ = ["render_models", "model_annotation", "model_imports"]


@dataclass(frozen=True)
class _Name:
    text: str


@dataclass(frozen=True)
class _Sub:
    head: str
    args: tuple[_Node, ...]


@dataclass(frozen=True)
class _Union:
    members: tuple[_Node, ...]


_Node = Union[_Name, _Sub, _Union]

_PRIMITIVES = {"str": "str", "int": "int", "float": "float", "bool": "bool", "object": "Any", "none": "None"}


def literal(value: object) -> str:
    """A Python literal for a JSON value, strings in double quotes (as black writes them)."""
    if isinstance(value, str):
        text = repr(value)
        if text.startswith("'") and '"' not in value:
            text = '"' + text[1:-1].replace("\\'", "'") + '"'
        return text
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    return py_repr(value)


def _tree(expr: ir.TypeExpr) -> _Node:
    """The annotation of a response field of this type, as a tree of names, subscripts and unions."""
    if isinstance(expr, ir.Primitive):
        return _Name(_PRIMITIVES[expr.name])
    if isinstance(expr, ir.DateTime):
        return _Name("datetime")
    if isinstance(expr, ir.Date):
        return _Name("date")
    if isinstance(expr, ir.EnumOf):
        values = [v for v in expr.values if v is not None]
        if not values:
            return _Name("None")
        closed = _Sub("Literal", tuple(_Name(literal(v)) for v in values))
        if expr.open:
            kinds = {type(v) for v in values}
            return _Sub("OpenEnum" if kinds == {str} else "OpenIntEnum", (closed,))
        return closed
    if isinstance(expr, ir.ListOf):
        return _Sub("list", (_tree(expr.item),))
    if isinstance(expr, ir.MapOf):
        return _Sub("dict", (_Name("str"), _tree(expr.value)))
    if isinstance(expr, ir.Named):
        return _Name(expr.class_name)
    if isinstance(expr, ir.UnionOf):
        return _Union(tuple(_tree(option) for option in expr.options))
    if isinstance(expr, ir.Nullable):
        inner = _tree(expr.inner)
        members = inner.members if isinstance(inner, _Union) else (inner,)
        return _Union((*members, _Name("None")))
    raise TypeError(f"unknown type expression {expr!r}")


def _flatten(node: _Node) -> _Node:
    """Unions inside unions written as one (``A | B | C``)."""
    if isinstance(node, _Union):
        members: list[_Node] = []
        for member in node.members:
            member = _flatten(member)
            members.extend(member.members if isinstance(member, _Union) else (member,))
        return _Union(tuple(members))
    if isinstance(node, _Sub):
        return _Sub(node.head, tuple(_flatten(arg) for arg in node.args))
    return node


def _text(node: _Node) -> str:
    if isinstance(node, _Name):
        return node.text
    if isinstance(node, _Sub):
        return f"{node.head}[{', '.join(_text(arg) for arg in node.args)}]"
    return " | ".join(_text(member) for member in node.members)


def model_annotation(expr: ir.TypeExpr) -> str:
    """The annotation of a response field of this type, on one line."""
    return _text(_flatten(_tree(expr)))


def _fits(text: str) -> bool:
    return len(text) <= LINE_LENGTH


def _lines(node: _Node, indent: int, prefix: str = "", suffix: str = "") -> list[str]:
    """``node`` written from column ``indent`` (after ``prefix``), the last line ending in ``suffix``,
    split as black splits it when one line is too long."""
    pad = " " * indent
    one = pad + prefix + _text(node) + suffix
    if _fits(one) or isinstance(node, _Name):
        return [one]
    if isinstance(node, _Union):
        # black splits before each `|` (the delimiter of lowest priority), one member a line.
        last = len(node.members) - 1
        return [
            line
            for index, member in enumerate(node.members)
            for line in _lines(
                member, indent, prefix if index == 0 else "| ", suffix if index == last else ""
            )
        ]
    # A subscript: the opening bracket ends the line, the arguments follow one level deeper, on
    # one line when they fit (no trailing comma) or one a line (with a trailing comma).
    head = [pad + prefix + node.head + "["]
    inner = indent + 4
    joined = " " * inner + ", ".join(_text(arg) for arg in node.args)
    if _fits(joined):
        body = [joined]
    elif len(node.args) == 1:
        body = _lines(node.args[0], inner)
    else:
        body = [line for arg in node.args for line in _lines(arg, inner, suffix=",")]
    return [*head, *body, pad + "]" + suffix]


def field_lines(model_field: ir.ModelField, annotation_node: _Node, default: str | None) -> list[str]:
    """The line(s) declaring one field, at the class body's indentation."""
    name = model_field.py_name
    tail = f" = {default}" if default is not None else ""
    one = f"    {name}: {_text(annotation_node)}{tail}"
    if _fits(one):
        return [one]
    head = f"    {name}: {_text(annotation_node)} = ("
    if default is not None and _fits(head):
        # black splits the right-hand side first: the default alone, in parentheses.
        return [head, f"        {default}", "    )"]
    if isinstance(annotation_node, _Union):
        # black wraps a long annotation that is a union in parentheses.
        return [f"    {name}: (", *_lines(annotation_node, 8), f"    ){tail}"]
    return _lines(annotation_node, 4, prefix=f"{name}: ", suffix=tail)


def _field_node(model_field: ir.ModelField) -> tuple[_Node, str | None]:
    """A field's annotation (aliased when its attribute is not its wire name) and default."""
    node = _flatten(_tree(model_field.type))
    default: str | None = None
    if model_field.default is not ir.NO_DEFAULT:
        default = literal(model_field.default)
    elif not model_field.required:
        default = "None"
        if not (isinstance(node, _Union) and _Name("None") in node.members) and node != _Name("None"):
            node = _Union((*(node.members if isinstance(node, _Union) else (node,)), _Name("None")))
    if model_field.py_name != model_field.wire_name:
        node = _Sub("Annotated", (node, _Name(f"Field(alias={literal(model_field.wire_name)})")))
    return node, default


@dataclass(frozen=True)
class _RenderedField:
    lines: list[str]
    doc: str


@dataclass(frozen=True)
class _RenderedModel:
    model: ir.ModelDef
    header: str
    doc: str
    fields: list[_RenderedField]
    root: list[str]


def _class_header(name: str, bases: list[_Node]) -> str:
    """``class Name(Base):``, its bases split over lines as black splits them when it is too long."""
    one = f"class {name}({', '.join(_text(base) for base in bases)}):"
    if _fits(one):
        return one
    joined = "    " + ", ".join(_text(base) for base in bases)
    if _fits(joined):
        body = [joined]
    elif len(bases) == 1:
        body = _lines(bases[0], 4)
    else:
        body = [line for base in bases for line in _lines(base, 4, suffix=",")]
    return "\n".join([f"class {name}(", *body, "):"])


def _render_model(model: ir.ModelDef) -> _RenderedModel:
    if model.root is not None:
        root = _flatten(_tree(model.root))
        header = _class_header(model.class_name, [_Sub("RootModel", (root,))])
        return _RenderedModel(model, header, _doc(model.description), [], field_lines_root(root))
    bases: list[_Node] = [_Name(base.class_name) for base in model.bases] or [_Name("BaseModel")]
    fields = []
    for model_field in model.fields:
        node, default = _field_node(model_field)
        fields.append(_RenderedField(field_lines(model_field, node, default), _doc(model_field.description)))
    header = _class_header(model.class_name, bases)
    return _RenderedModel(model, header, _doc(model.description), fields, [])


def field_lines_root(root: _Node) -> list[str]:
    one = f"    root: {_text(root)}"
    if _fits(one):
        return [one]
    if isinstance(root, _Union):
        return ["    root: (", *_lines(root, 8), "    )"]
    return _lines(root, 4, prefix="root: ")


def _doc(text: str) -> str:
    """A docstring at the class body's indentation ('' for none), each line's trailing blanks gone
    (as black leaves them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters as their escapes, kept visible as text (``\x00``), as in every docstring.
    text = "\n".join(visible(line.rstrip(), keep="\t") for line in text.split("\n"))
    return docstring(text, indent=4) if text.strip() else ""


def _walk(node: _Node) -> list[str]:
    if isinstance(node, _Name):
        return [node.text]
    if isinstance(node, _Sub):
        return [node.head, *(name for arg in node.args for name in _walk(arg))]
    return [name for member in node.members for name in _walk(member)]


def model_imports(models: list[ir.ModelDef]) -> list[str]:
    """The import block of the models module: exactly the names its annotations use."""
    used: set[str] = set()
    for model in models:
        if model.root is not None:
            used.add("RootModel")
            used.update(_walk(_flatten(_tree(model.root))))
        else:
            if not model.bases:
                used.add("BaseModel")
            for model_field in model.fields:
                node, _ = _field_node(model_field)
                used.update(_walk(node))
    if any(name.startswith("Field(") for name in used):
        used.add("Field")
    lines = []
    stdlib = []
    dates = sorted(name for name in ("date", "datetime") if name in used)
    if dates:
        stdlib.append(f"from datetime import {', '.join(dates)}")
    typing_names = sorted(name for name in ("Annotated", "Any", "Literal") if name in used)
    if typing_names:
        stdlib.append(f"from typing import {', '.join(typing_names)}")
    if stdlib:
        lines += [*stdlib, ""]
    pydantic_names = sorted(name for name in ("Field", "RootModel") if name in used)
    if pydantic_names:
        lines += [f"from pydantic import {', '.join(pydantic_names)}", ""]
    runtime = sorted(name for name in ("BaseModel", "OpenEnum", "OpenIntEnum") if name in used)
    if runtime:
        lines.append(f"from .._models import {', '.join(runtime)}")
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _exports(models: list[ir.ModelDef]) -> list[str]:
    names = [literal(model.class_name) for model in models]
    one = f"__all__ = [{', '.join(names)}]"
    if not names:
        return ["__all__: list[str] = []"]
    if _fits(one):
        return [one]
    return ["__all__ = [", *(f"    {name}," for name in names), "]"]


def _pointers(models: list[ir.ModelDef]) -> list[str]:
    """``_SPEC_POINTERS``: each class's schema, and each field declared elsewhere than in its class's
    own schema (an ``allOf`` member, a base flattened into it) under ``Class.attribute``."""
    entries: list[tuple[str, str]] = []
    for model in models:
        entries.append((model.class_name, "#" + model.pointer))
        for model_field in model.fields:
            if model_field.owner != model.pointer:
                entries.append((f"{model.class_name}.{model_field.py_name}", "#" + model_field.owner))
    if not entries:
        return ["_SPEC_POINTERS: dict[str, str] = {}"]
    return [
        "_SPEC_POINTERS: dict[str, str] = {",
        *(f"    {literal(key)}: {literal(value)}," for key, value in entries),
        "}",
    ]


def render_models(api: ir.Api) -> str:
    """The text of ``types/_responses.py``."""
    template = make_environment().get_template("models.py.j2")
    return template.render(
        imports=model_imports(api.models),
        models=[_render_model(model) for model in api.models],
        exports=_exports(api.models),
        pointers=_pointers(api.models),
    )
