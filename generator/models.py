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
    tree = ast.parse(source)
    classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
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
