"""Response models: the cleaned response schemas through datamodel-code-generator (pydantic v2)."""

from __future__ import annotations

import ast
import json

from .build import ModelSchemas
from .errors import Location, SpecError, SpecErrors

__all__ = ["generate_models"]

_HEADER = '''"""Response models generated from the spec's schemas by datamodel-code-generator.

Do not edit: change the spec and regenerate. Every model keeps unknown fields (see ``BaseModel``).
"""
'''


def generate_models(schemas: ModelSchemas, *, spec_name: str, required: list[str]) -> tuple[str, list[str]]:
    """Return the module source and the names of the classes it defines, in order.

    ``required`` lists class names the resources refer to; a missing one is an error.
    """
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import DatetimeClassType, PythonVersion
    from datamodel_code_generator.parser import LiteralType

    document = {
        "openapi": "3.1.0",
        "info": {"title": "models", "version": "0"},
        "paths": {},
        "components": {"schemas": {name: schemas.schemas[name] for name in schemas.order}},
    }
    if not schemas.order:
        return _HEADER + "\nfrom __future__ import annotations\n\n__all__: list[str] = []\n", []
    try:
        output = generate(
            json.dumps(document, sort_keys=False),
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_310,
            base_class="_runtime_models.BaseModel",
            disable_timestamp=True,
            enum_field_as_literal=LiteralType.All,
            use_annotated=True,
            use_schema_description=True,
            use_field_description=True,
            use_standard_collections=True,
            use_union_operator=True,
            collapse_root_models=True,
            output_datetime_class=DatetimeClassType.Datetime,
            use_double_quotes=True,
            strict_nullable=True,
            formatters=[],
            keep_model_order=True,
            custom_file_header="",
            aliases=_runtime_method_aliases(),
        )
    except Exception as exc:  # datamodel-code-generator reports problems as assorted exceptions
        raise SpecErrors(
            [
                SpecError(
                    f"datamodel-code-generator could not build the response models: {type(exc).__name__}: {exc}",
                    Location(spec_name),
                    rule="models",
                )
            ]
        ) from None
    if not isinstance(output, str):
        raise SpecErrors(
            [
                SpecError(
                    "datamodel-code-generator returned several modules; expected one",
                    Location(spec_name),
                    rule="models",
                )
            ]
        )
    source = _postprocess(output)
    source = _open_literals(source, schemas.closed_literals)
    tree = ast.parse(source)
    classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
    unnamed = [name for name in classes if name not in schemas.schemas]
    if unnamed:
        # Every class must carry the name the builder gave it (README: "How names are made");
        # a class named by datamodel-code-generator itself would change with unrelated schemas.
        raise SpecErrors(
            [
                SpecError(
                    f"datamodel-code-generator made classes the generator did not name: {', '.join(unnamed)}",
                    Location(spec_name),
                    rule="models",
                )
            ]
        )
    missing = [name for name in required if name not in classes]
    if missing:
        raise SpecErrors(
            [
                SpecError(
                    f"datamodel-code-generator did not produce the classes {', '.join(missing)}; a schema name probably clashes with a generated one",
                    Location(spec_name),
                    rule="models",
                )
            ]
        )
    exported = ", ".join(f'"{name}"' for name in classes)
    source += f"\n\n__all__ = [{exported}]\n"
    pointers = "".join(
        f"    {json.dumps(name)}: {json.dumps('#' + schemas.pointers[name])},\n"
        for name in classes
        if name in schemas.pointers
    )
    source += (
        "\n# Where each model comes from in the spec: a response that does not match names the place to fix.\n"
        f"_SPEC_POINTERS: dict[str, str] = {{\n{pointers}}}\n"
    )
    if _narrows_inherited_fields(tree):
        # A model built with allOf subclasses another and may narrow a field of it (a discriminator
        # tag: `str` in the base, `Literal["dog"]` in the subclass), which pydantic means and allows.
        source = (
            "# pyright: reportIncompatibleVariableOverride=false\n"
            "# (models that extend another one narrow some of its fields on purpose)\n" + source
        )
    return source, classes


def _narrows_inherited_fields(tree: ast.Module) -> bool:
    """Whether a model redeclares a field of a model it extends."""
    fields = {
        node.name: {
            member.target.id
            for member in node.body
            if isinstance(member, ast.AnnAssign) and isinstance(member.target, ast.Name)
        }
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }
    return any(
        fields[node.name] & fields.get(base.id, set())
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        for base in node.bases
        if isinstance(base, ast.Name)
    )


def _runtime_method_aliases() -> dict[str, str]:
    """Property names that would shadow a method of the runtime ``BaseModel`` -> the field name to use.

    datamodel-code-generator renames properties that clash with pydantic's own attributes
    (``json`` -> ``json_``); the methods our ``BaseModel`` adds (``to_dict``...) it cannot know.
    They are read from the runtime module, so a method added there is covered too.
    """
    from .render import RUNTIME_DIR

    tree = ast.parse((RUNTIME_DIR / "_models.py").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "BaseModel":
            for member in node.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(member.name)
                elif isinstance(member, ast.Assign):
                    names.update(t.id for t in member.targets if isinstance(t, ast.Name))
    return {name: name + "_" for name in sorted(names) if not name.startswith("_") and name != "model_config"}


_OPEN_ALIASES = {str: "OpenEnum", int: "OpenIntEnum"}


def _open_literals(source: str, closed: set[tuple[str, str]]) -> str:
    """Wrap each field's ``Literal[...]`` of strings (or integers) in ``OpenEnum[...]`` (``OpenIntEnum``).

    Left alone: a ``Literal`` already in a union with its plain type (the spec itself allows any
    value) and discriminator tags (``closed``), which must stay exact for the union to pick a model.
    The edit is made at the positions the syntax tree gives, so nothing else in the text changes.
    """
    tree = ast.parse(source)
    edits: list[tuple[int, int, int, int, str]] = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        for member in node.body:
            if not isinstance(member, ast.AnnAssign) or not isinstance(member.target, ast.Name):
                continue
            names = {member.target.id, *_field_aliases(member.value)}
            if any((node.name, name) in closed for name in names):
                continue
            edits.extend(_literal_edits(member.annotation))
    if not edits:
        return source
    lines = [line.encode("utf-8") for line in source.splitlines(keepends=True)]
    used: set[str] = set()
    for start_line, start_col, end_line, end_col, alias in sorted(edits, reverse=True):
        used.add(alias)
        first, last = lines[start_line - 1], lines[end_line - 1]
        if start_line == end_line:
            lines[start_line - 1] = (
                first[:start_col] + f"{alias}[".encode() + first[start_col:end_col] + b"]" + first[end_col:]
            )
        else:
            lines[end_line - 1] = last[:end_col] + b"]" + last[end_col:]
            lines[start_line - 1] = first[:start_col] + f"{alias}[".encode() + first[start_col:]
    text = b"".join(lines).decode("utf-8")
    imports = ", ".join(["BaseModel", *sorted(used)])
    return text.replace("from .._models import BaseModel\n", f"from .._models import {imports}\n", 1)


def _field_aliases(value: ast.expr | None) -> list[str]:
    if isinstance(value, ast.Call):
        return [
            keyword.value.value
            for keyword in value.keywords
            if keyword.arg == "alias"
            and isinstance(keyword.value, ast.Constant)
            and isinstance(keyword.value.value, str)
        ]
    return []


def _literal_edits(node: ast.expr) -> list[tuple[int, int, int, int, str]]:
    """Positions of the ``Literal[...]`` subscripts in an annotation that should become open enums."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal":
        elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        kinds = {type(e.value) for e in elements if isinstance(e, ast.Constant)}
        constants = sum(isinstance(e, ast.Constant) for e in elements)
        alias = _OPEN_ALIASES.get(kinds.pop()) if len(kinds) == 1 and constants == len(elements) else None
        if alias is None or node.end_lineno is None or node.end_col_offset is None:
            return []
        return [(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, alias)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        members = _union_members(node)
        plain = {member.id for member in members if isinstance(member, ast.Name)}
        already_open = {alias for kind, alias in _OPEN_ALIASES.items() if kind.__name__ in plain}
        return [edit for member in members for edit in _literal_edits(member) if edit[4] not in already_open]
    if isinstance(node, ast.Subscript):
        inner = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return [edit for element in inner for edit in _literal_edits(element)]
    return []


def _union_members(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return [*_union_members(node.left), *_union_members(node.right)]
    return [node]


def _postprocess(output: str) -> str:
    lines = output.splitlines()
    body: list[str] = []
    for line in lines:
        if line.startswith("#") and not body:
            continue  # datamodel-code-generator's own header
        if line.strip() == "from _runtime_models import BaseModel":
            line = "from .._models import BaseModel"
        body.append(line)
    text = "\n".join(body).strip("\n") + "\n"
    return _HEADER + "\n" + text
