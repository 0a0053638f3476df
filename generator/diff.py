"""``python -m generator diff OLD NEW``: what changed for users of the generated client.

Both versions are built into the intermediate model, so the comparison is made in the client's
terms: methods (``client.v1.invoices.list()``), their keyword arguments (path, query, header and
body, down to nested fields of body objects) and the fields of the response models, as the
type pass made them (``ir.ModelDef``). Every change is marked breaking or not, from the point of view of
code written against the old client:

* requests: a removed method or argument, a new required argument or nested field, an argument
  that became required, a narrower type (enum value removed, ``null`` no longer accepted) break;
  additions of optional things and wider types do not;
* responses: a removed field, a field that may now be missing or ``null``, a removed enum value,
  or a different type break; new fields and new enum values do not (the models keep unknown
  values, so a newer server never breaks an older client);
* names: a renamed or removed method, resource class, exported type, page class, client class or
  package breaks (a method is the same one when it calls the same endpoint, a type when it is made
  from the same place in the spec, a resource class when it serves the same resource path).

OLD and NEW are spec files or ``git-ref:path`` (read with ``git show ref:path``). Each uses the
config given, else the ``generator.yaml`` beside it (from the same ref), else the project's
``spec/generator.yaml`` found from the working directory up, else the defaults derived from the
title. An ``x-sdk-pagination`` naming a scheme that config lacks is a warning in the report, the
operation compared as one returning a plain model: any two files can be compared.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from . import ir
from .build import build_api
from .config import default_config, parse_config, project_config_path
from .errors import visible
from .limits import recursion_guard
from .loader import Document, parse_yaml, validate_document
from .naming import SpecNames

__all__ = [
    "Change",
    "DiffReport",
    "DiffInputError",
    "diff_specs",
    "format_markdown",
    "format_json",
]

Side = Literal["request", "response"]


class DiffInputError(Exception):
    """An OLD or NEW argument that names nothing readable."""


@dataclass(frozen=True)
class Change:
    """One difference a user of the generated client can notice."""

    breaking: bool
    kind: str
    """What sort of change, e.g. ``argument-added`` or ``response-enum-value-removed``."""
    method: str
    """The client method, e.g. ``v1.invoices.list`` ('' for package-level changes)."""
    subject: str
    """What inside the method changed, e.g. ``argument `limit``` or ``response field `data[].id```."""
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "breaking": self.breaking,
            "kind": self.kind,
            "method": self.method,
            "subject": self.subject,
            "detail": self.detail,
        }


@dataclass
class DiffReport:
    old_label: str
    new_label: str
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What the comparison worked around (a pagination scheme the config does not define...)."""

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    @property
    def compatible(self) -> list[Change]:
        return [c for c in self.changes if not c.breaking]


# ------------------------------------------------------------------------------------------------
# Reading the two versions.


@dataclass(frozen=True)
class _Version:
    label: str
    doc: Document
    api: ir.Api
    model_names: tuple[str, ...]
    """Classes of the response-model module (what ``types`` exports besides the ``*Param`` dicts)."""
    model_pointers: dict[str, str]
    """Response-model class -> the JSON pointer of the schema it is made from."""
    config_name: str
    """Which config was used, for messages."""


def _read_source(spec: str) -> tuple[str, str | None]:
    """The spec text and the text of the generator.yaml beside it (``None`` when there is none)."""
    path = Path(spec)
    if path.is_file():
        sibling = path.with_name("generator.yaml")
        return path.read_text(encoding="utf-8"), (
            sibling.read_text(encoding="utf-8") if sibling.is_file() else None
        )
    if ":" in spec:
        ref, _, inner = spec.partition(":")
        text = _git_show(ref, inner)
        if text is None:
            raise DiffInputError(f"{spec}: `git show {ref}:{inner}` found nothing")
        sibling_path = str(PurePosixPath(inner).with_name("generator.yaml"))
        return text, _git_show(ref, sibling_path)
    raise DiffInputError(f"{spec}: no such file (use git-ref:path for a committed version)")


def _git_show(ref: str, path: str) -> str | None:
    try:
        result = subprocess.run(["git", "show", f"{ref}:{path}"], capture_output=True, check=False)
    except OSError as exc:
        raise DiffInputError(f"cannot run git: {exc}") from None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8")


def _load_version(spec: str, config: str | None) -> _Version:
    text, config_text = _read_source(spec)
    config_name = f"generator.yaml beside {spec}"
    if config is not None:
        config_path = Path(config)
        if not config_path.is_file():
            raise DiffInputError(f"{config}: no such file")
        config_text, config_name = config_path.read_text(encoding="utf-8"), config
    elif config_text is None:
        found = project_config_path()
        if found is not None:
            config_text, config_name = found.read_text(encoding="utf-8"), str(found)
        else:
            config_name = "no generator.yaml: names derived from the title"
    key = (text, config_text)
    built = _BUILT.get(key)
    if built is None:
        built = _build(text, spec, config_text, config_name)
        if len(_BUILT) >= 64:
            _BUILT.clear()
        _BUILT[key] = built
    return _Version(spec, *built, config_name=config_name)


_BUILT: dict[tuple[str, str | None], tuple[Document, ir.Api, tuple[str, ...], dict[str, str]]] = {}
"""Built versions by (spec text, config text): a process that diffs many pairs builds each text once."""


def _build(
    text: str, name: str, config_text: str | None, config_name: str
) -> tuple[Document, ir.Api, tuple[str, ...], dict[str, str]]:
    doc = parse_yaml(text, name)
    with recursion_guard(name, "validating the spec", doc.location):
        validate_document(doc)
    title = SpecNames.of(doc.data)
    if config_text is not None:
        config = parse_config(parse_yaml(config_text, config_name), title=title)
    else:
        config = default_config(title)
    with recursion_guard(name, "building the client", doc.location):
        api, models = build_api(doc, config, unknown_pagination_is_error=False)
    return doc, api, tuple(model.class_name for model in models), {m.class_name: m.pointer for m in models}


def diff_specs(old: str, new: str, *, config: str | None = None) -> DiffReport:
    """Compare two specs given as files or ``git-ref:path``; raises ``SpecErrors`` for a broken one."""
    before, after = _load_version(old, config), _load_version(new, config)
    with recursion_guard(new, f"comparing with {old}", after.doc.location):
        report = _compare(before, after)
    for version in (before, after):
        for warning in version.api.warnings:
            if warning.rule == "pagination":
                text = f"{warning} (config: {version.config_name})"
                if text not in report.warnings:
                    report.warnings.append(text)
    return report


# ------------------------------------------------------------------------------------------------
# Shapes: one structural description for request types and response models, both read from the
# intermediate model (the one schema-to-type pass), so both are compared the same way.


@dataclass(frozen=True)
class Shape:
    kind: str
    """string, integer, number, boolean, null, date-time, date, any, enum, array, map, object,
    union, or recursive (a schema met again while describing itself)."""
    nullable: bool = False
    values: tuple[Any, ...] = ()
    """Enum values."""
    item: Shape | None = None
    """Array item or map value."""
    fields: tuple[tuple[str, Shape, bool], ...] = ()
    """Object fields: (JSON name, shape, required)."""
    options: tuple[Shape, ...] = ()
    name: str = ""
    """The schema or class of an object (for messages and recursion)."""

    def describe(self) -> str:
        text = self._describe()
        return f"{text} | null" if self.nullable else text

    def _describe(self) -> str:
        if self.kind == "enum":
            return "one of " + ", ".join(json.dumps(v) for v in self.values)
        if self.kind == "array":
            return f"array of {self.item.describe() if self.item else 'any'}"
        if self.kind == "map":
            return f"map of {self.item.describe() if self.item else 'any'}"
        if self.kind == "union":
            return " | ".join(option.describe() for option in self.options)
        if self.kind in ("object", "recursive") and self.name:
            return f"object {self.name}"
        return self.kind


_PRIMITIVES = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "object": "any",
    "none": "null",
}


def _request_shape(
    expr: ir.TypeExpr, typed_dicts: dict[str, ir.TypedDictDef], stack: tuple[str, ...] = ()
) -> Shape:
    if isinstance(expr, ir.Nullable):
        inner = _request_shape(expr.inner, typed_dicts, stack)
        return replace(inner, nullable=True)
    if isinstance(expr, ir.Primitive):
        return Shape(_PRIMITIVES[expr.name])
    if isinstance(expr, ir.DateTime):
        return Shape("date-time")
    if isinstance(expr, ir.Date):
        return Shape("date")
    if isinstance(expr, ir.EnumOf):
        values = tuple(v for v in expr.values if v is not None)
        return Shape("enum", nullable=None in expr.values, values=values)
    if isinstance(expr, ir.ListOf):
        return Shape("array", item=_request_shape(expr.item, typed_dicts, stack))
    if isinstance(expr, ir.MapOf):
        return Shape("map", item=_request_shape(expr.value, typed_dicts, stack))
    if isinstance(expr, ir.UnionOf):
        return Shape("union", options=tuple(_request_shape(o, typed_dicts, stack) for o in expr.options))
    if isinstance(expr, ir.Named):
        if expr.class_name in stack:
            return Shape("recursive", name=expr.class_name)
        td = typed_dicts.get(expr.class_name)
        if td is None:
            return Shape("any", name=expr.class_name)
        inner_stack = (*stack, expr.class_name)
        fields = tuple(
            (f.wire_name, _request_shape(f.type, typed_dicts, inner_stack), f.required) for f in td.fields
        )
        return Shape("object", fields=fields, name=expr.class_name)
    raise TypeError(f"unknown type expression {expr!r}")


def _response_shape(expr: ir.TypeExpr, stack: tuple[str, ...] = ()) -> Shape:
    """The shape of a response type, read from the models of the type pass (``ir.ModelDef``)."""
    if isinstance(expr, ir.Nullable):
        return replace(_response_shape(expr.inner, stack), nullable=True)
    if isinstance(expr, ir.Primitive):
        if expr.name == "str" and expr.format == "binary":
            return Shape("binary")
        return Shape(_PRIMITIVES[expr.name])
    if isinstance(expr, ir.DateTime):
        return Shape("date-time")
    if isinstance(expr, ir.Date):
        return Shape("date")
    if isinstance(expr, ir.EnumOf):
        values = tuple(v for v in expr.values if v is not None)
        return Shape("enum", nullable=None in expr.values, values=values)
    if isinstance(expr, ir.ListOf):
        return Shape("array", item=_response_shape(expr.item, stack))
    if isinstance(expr, ir.MapOf):
        return Shape("map", item=_response_shape(expr.value, stack))
    if isinstance(expr, ir.UnionOf):
        nullable = False
        options: list[Shape] = []
        for option in (_response_shape(o, stack) for o in expr.options):
            if option.nullable:
                nullable, option = True, replace(option, nullable=False)
            if option not in options:
                options.append(option)
        return Shape("union", nullable=nullable, options=tuple(options))
    if isinstance(expr, ir.Named):
        model = expr.definition
        if not isinstance(model, ir.ModelDef):
            return Shape("any", name=expr.class_name)
        return _model_shape(model, stack)
    raise TypeError(f"unknown type expression {expr!r}")


def _model_shape(model: ir.ModelDef, stack: tuple[str, ...] = ()) -> Shape:
    if model.class_name in stack:
        return Shape("recursive", name=model.class_name)
    inner = (*stack, model.class_name)
    if model.root is not None:
        found = _response_shape(model.root, inner)
        return replace(found, name=found.name or model.class_name) if found.kind == "object" else found
    fields = tuple((f.wire_name, _response_shape(f.type, inner), f.required) for f in model.all_fields)
    return Shape("object", fields=fields, name=model.class_name)


# ------------------------------------------------------------------------------------------------
# Comparison.


def _code(text: str) -> str:
    """Markdown inline code that survives backticks in names and control characters in values
    from the spec."""
    text = visible(" ".join(text.split()), keep="")
    if "`" not in text:
        return f"`{text}`"
    return f"`` {text} ``"


class _Comparer:
    def __init__(self, old: _Version, new: _Version) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []
        self.old_dicts = {td.class_name: td for td in old.api.typed_dicts}
        self.new_dicts = {td.class_name: td for td in new.api.typed_dicts}

    def add(self, breaking: bool, kind: str, method: str, subject: str, detail: str) -> None:
        self.changes.append(Change(breaking, kind, method, subject, detail))

    def run(self) -> list[Change]:
        self.package_names()
        old_ops = {op.dotted_name: op for op in self.old.api.all_operations()}
        new_ops = {op.dotted_name: op for op in self.new.api.all_operations()}
        # A method that now has another name is the same method when it calls the same endpoint.
        added = {(op.http_method, op.path): op for name, op in new_ops.items() if name not in old_ops}
        renamed: dict[str, ir.Operation] = {}
        for name, old_op in old_ops.items():
            new_op = added.pop((old_op.http_method, old_op.path), None) if name not in new_ops else None
            if new_op is not None:
                renamed[name] = new_op
        moved = {op.dotted_name for op in renamed.values()}
        for name in sorted((set(old_ops) | set(new_ops)) - moved):
            before, after = old_ops.get(name), renamed.get(name) or new_ops.get(name)
            if name in renamed and before is not None and after is not None:
                self.add(
                    True,
                    "method-renamed",
                    name,
                    "",
                    f"renamed to {_code('client.' + after.dotted_name + '()')}",
                )
                self.operation(name, before, after)
                continue
            if before is None and after is not None:
                self.add(
                    False,
                    "method-added",
                    name,
                    "",
                    f"new method ({_code(after.http_method.upper() + ' ' + after.path)})",
                )
            elif after is None and before is not None:
                self.add(
                    True,
                    "method-removed",
                    name,
                    "",
                    f"removed (was {_code(before.http_method.upper() + ' ' + before.path)})",
                )
            elif before is not None and after is not None:
                self.operation(name, before, after)
        self.resource_classes()
        self.exported_types()
        return self.changes

    # ---------------------------------------------------------------------------- operations

    def operation(self, name: str, before: ir.Operation, after: ir.Operation) -> None:
        if (before.http_method, before.path) != (after.http_method, after.path):
            self.add(
                False,
                "endpoint-changed",
                name,
                "",
                f"now calls {_code(after.http_method.upper() + ' ' + after.path)}"
                f" (was {_code(before.http_method.upper() + ' ' + before.path)})",
            )
        if after.deprecated and not before.deprecated:
            self.add(False, "method-deprecated", name, "", "now deprecated")
        self.arguments(name, before, after)
        self.response(name, before, after)

    def arguments(self, method: str, before: ir.Operation, after: ir.Operation) -> None:
        old_params = {p.py_name: p for p in before.params}
        new_params = {p.py_name: p for p in after.params}
        for py_name in list(old_params) + [n for n in new_params if n not in old_params]:
            old, new = old_params.get(py_name), new_params.get(py_name)
            subject = f"argument {_code(py_name)}"
            if old is None and new is not None:
                if new.required:
                    self.add(
                        True,
                        "argument-added-required",
                        method,
                        subject,
                        f"new required argument ({new.location})",
                    )
                else:
                    self.add(
                        False, "argument-added", method, subject, f"new optional argument ({new.location})"
                    )
                continue
            if new is None and old is not None:
                self.add(
                    True, "argument-removed", method, subject, f"removed (was a {old.location} argument)"
                )
                continue
            assert old is not None and new is not None
            if new.required and not old.required:
                self.add(True, "argument-now-required", method, subject, "now required")
            elif old.required and not new.required:
                self.add(False, "argument-now-optional", method, subject, "now optional")
            if (old.location, old.wire_name) != (new.location, new.wire_name):
                self.add(
                    False,
                    "argument-moved",
                    method,
                    subject,
                    f"now sent as {new.location} {_code(new.wire_name)} (was {old.location} {_code(old.wire_name)})",
                )
            self.compare(
                method,
                py_name,
                _request_shape(old.type, self.old_dicts),
                _request_shape(new.type, self.new_dicts),
                "request",
            )

    def response(self, method: str, before: ir.Operation, after: ir.Operation) -> None:
        old_kind, new_kind = before.response.kind, after.response.kind
        if old_kind != new_kind:
            self.add(
                True,
                "return-type-changed",
                method,
                "return value",
                f"now {_kind_text(new_kind)} (was {_kind_text(old_kind)})",
            )
            return
        if old_kind not in ("model", "page"):
            return
        old_shape = self.response_shape(self.old, before)
        new_shape = self.response_shape(self.new, after)
        if old_shape is not None and new_shape is not None:
            self.compare(method, "", old_shape, new_shape, "response")

    @staticmethod
    def response_shape(version: _Version, op: ir.Operation) -> Shape | None:
        """The shape of what the method returns: its response model, as the type pass made it."""
        model = version.api.model_named(op.response.model) if op.response.model else None
        return _model_shape(model) if model is not None else None

    # ---------------------------------------------------------------------------- shapes

    def subject(self, side: Side, path: str) -> str:
        if side == "request":
            return f"argument {_code(path)}"
        return f"response field {_code(path)}" if path else "response"

    def compare(self, method: str, path: str, old: Shape, new: Shape, side: Side) -> None:
        subject = self.subject(side, path)
        request = side == "request"
        if old.nullable != new.nullable:
            if new.nullable:
                if request:
                    self.add(False, "request-null-allowed", method, subject, "now accepts null")
                else:
                    self.add(True, "response-nullable", method, subject, "may now be null")
            elif request:
                self.add(True, "request-null-refused", method, subject, "no longer accepts null")
            else:
                self.add(False, "response-not-null", method, subject, "is never null now")
        if old.kind != new.kind or (old.kind == "recursive" and old.name != new.name):
            self.kind_change(method, subject, old, new, side)
            return
        if old.kind == "enum":
            self.enum_change(method, subject, old, new, side)
        elif old.kind in ("array", "map") and old.item is not None and new.item is not None:
            suffix = "[]" if old.kind == "array" else "{}"
            self.compare(method, path + suffix, old.item, new.item, side)
        elif old.kind == "object":
            self.fields(method, path, old, new, side)
        elif old.kind == "union":
            self.union_change(method, subject, old, new, side)

    def kind_change(self, method: str, subject: str, old: Shape, new: Shape, side: Side) -> None:
        if side == "request":  # fine when the new argument type takes everything the old one took
            compatible = new.kind == "any" or _widens(old, new)
        else:  # fine when every value the new field can hold, the old one could hold too
            compatible = _widens(new, old)
        detail = f"type changed from {old.describe()} to {new.describe()}"
        self.add(not compatible, f"{side}-type-changed", method, subject, detail)

    def enum_change(self, method: str, subject: str, old: Shape, new: Shape, side: Side) -> None:
        old_keys = {_value_key(v): v for v in old.values}
        new_keys = {_value_key(v): v for v in new.values}
        removed = [old_keys[k] for k in old_keys if k not in new_keys]
        added = [new_keys[k] for k in new_keys if k not in old_keys]
        for value in removed:
            detail = (
                "enum value no longer accepted" if side == "request" else "enum value no longer returned"
            ) + f": {json.dumps(value)}"
            self.add(True, f"{side}-enum-value-removed", method, subject, detail)
        for value in added:
            detail = (
                "enum value now accepted" if side == "request" else "new enum value"
            ) + f": {json.dumps(value)}"
            self.add(False, f"{side}-enum-value-added", method, subject, detail)

    def union_change(self, method: str, subject: str, old: Shape, new: Shape, side: Side) -> None:
        old_options = {o.describe() for o in old.options}
        new_options = {o.describe() for o in new.options}
        if old_options == new_options:
            return
        removed = sorted(old_options - new_options)
        added = sorted(new_options - old_options)
        # A request accepting more is fine; a response that may return more is not.
        breaking = bool(removed) if side == "request" else bool(added)
        detail = f"type changed from {old.describe()} to {new.describe()}"
        self.add(breaking, f"{side}-type-changed", method, subject, detail)

    def fields(self, method: str, path: str, old: Shape, new: Shape, side: Side) -> None:
        old_fields = {name: (shape, required) for name, shape, required in old.fields}
        new_fields = {name: (shape, required) for name, shape, required in new.fields}
        request = side == "request"
        for name in list(old_fields) + [n for n in new_fields if n not in old_fields]:
            child = f"{path}.{name}" if path else name
            subject = self.subject(side, child)
            before, after = old_fields.get(name), new_fields.get(name)
            if before is None and after is not None:
                if not request:
                    self.add(
                        False, "response-field-added", method, subject, f"new field ({after[0].describe()})"
                    )
                elif after[1]:
                    self.add(True, "request-field-added-required", method, subject, "new required field")
                else:
                    self.add(False, "request-field-added", method, subject, "new optional field")
                continue
            if after is None and before is not None:
                self.add(True, f"{side}-field-removed", method, subject, "removed")
                continue
            assert before is not None and after is not None
            if before[1] != after[1]:
                if request:
                    if after[1]:
                        self.add(True, "request-field-now-required", method, subject, "now required")
                    else:
                        self.add(False, "request-field-now-optional", method, subject, "now optional")
                elif after[1]:
                    self.add(False, "response-field-now-required", method, subject, "now always present")
                else:
                    self.add(True, "response-field-now-optional", method, subject, "may now be missing")
            self.compare(method, child, before[0], after[0], side)

    # ---------------------------------------------------------------------------- types module

    def exported_types(self) -> None:
        old_names = {**self.old.model_pointers, **{n: td.source for n, td in self.old_dicts.items()}}
        new_names = {**self.new.model_pointers, **{n: td.source for n, td in self.new_dicts.items()}}
        old_names.update({n: "" for n in self.old.model_names if n not in old_names})
        new_names.update({n: "" for n in self.new.model_names if n not in new_names})
        removed = sorted(set(old_names) - set(new_names))
        added = sorted(set(new_names) - set(old_names))
        # A type is the same one under a new name when it is made from the same place in the spec.
        renamed: dict[str, str] = {}
        for name in removed:
            pointer = old_names[name]
            candidates = [n for n in added if pointer and new_names[n] == pointer]
            if len(candidates) == 1 and sum(old_names[n] == pointer for n in removed) == 1:
                renamed[name] = candidates[0]
        for name in removed:
            if name in renamed:
                self.add(
                    True, "type-renamed", "", f"type {_code(name)}", f"renamed to {_code(renamed[name])}"
                )
            else:
                self.add(True, "type-removed", "", f"type {_code(name)}", "no longer exported from `types`")
        for name in added:
            if name not in renamed.values():
                self.add(False, "type-added", "", f"type {_code(name)}", "new in `types`")

    def resource_classes(self) -> None:
        """The classes of the resource modules, which code may import to annotate with."""
        old = {r.path: r for r in self.old.api.all_resources()}
        new = {r.path: r for r in self.new.api.all_resources()}
        # A resource's class is its path (naming.resource_class_name), so only a resource that
        # moved has a new class name: the same one when it now serves exactly the same endpoints.
        added = {_endpoints(new[path]): path for path in sorted(set(new) - set(old)) if new[path].operations}
        moved: dict[tuple[str, ...], tuple[str, ...]] = {}
        for path in sorted(set(old) - set(new)):
            target = added.pop(_endpoints(old[path]), None) if old[path].operations else None
            if target is not None:
                moved[path] = target
        arrived = set(moved.values())
        for path in sorted(set(old) ^ set(new)):
            where = f"`client.{'.'.join(path)}`"
            if path in moved:
                before, after = old[path].class_name, new[moved[path]].class_name
                self.add(
                    True,
                    "class-renamed",
                    "",
                    f"class {_code(before)}",
                    f"renamed to {_code(after)} (`client.{'.'.join(moved[path])}`, was {where})",
                )
            elif path in old:
                self.add(
                    True, "class-removed", "", f"class {_code(old[path].class_name)}", f"removed ({where})"
                )
            elif path not in arrived:
                self.add(False, "class-added", "", f"class {_code(new[path].class_name)}", f"new ({where})")
        old_pages = {p.name: p for p in self.old.api.paginations}
        new_pages = {p.name: p for p in self.new.api.paginations}
        for scheme in sorted(set(old_pages) & set(new_pages)):
            for attr in ("sync_class", "async_class"):
                before_name, after_name = getattr(old_pages[scheme], attr), getattr(new_pages[scheme], attr)
                if before_name != after_name:
                    self.add(
                        True,
                        "class-renamed",
                        "",
                        f"class {_code(before_name)}",
                        f"renamed to {_code(after_name)} (pages of the {_code(scheme)} scheme)",
                    )

    def package_names(self) -> None:
        old, new = self.old.api, self.new.api
        if old.package_name != new.package_name:
            self.add(
                True,
                "package-renamed",
                "",
                f"package {_code(old.package_name)}",
                f"renamed to {_code(new.package_name)}",
            )
        if old.client_name != new.client_name:
            self.add(
                True,
                "class-renamed",
                "",
                f"class {_code(old.client_name)}",
                f"renamed to {_code(new.client_name)}, and {_code('Async' + old.client_name)} to "
                f"{_code('Async' + new.client_name)}",
            )


def _endpoints(resource: ir.Resource) -> frozenset[tuple[str, str]]:
    return frozenset((op.http_method, op.path) for op in resource.operations)


def _widens(narrow: Shape, wide: Shape) -> bool:
    """Whether every value of ``narrow`` is a value of ``wide`` (for kinds that differ)."""
    if (narrow.kind, wide.kind) == ("integer", "number"):
        return True
    if narrow.kind == "enum" and wide.kind == "string":
        return all(isinstance(v, str) for v in narrow.values)
    if narrow.kind == "enum" and wide.kind in ("integer", "number"):
        return all(isinstance(v, int) and not isinstance(v, bool) for v in narrow.values)
    return False


def _kind_text(kind: str) -> str:
    return {
        "model": "a response model",
        "page": "a page iterator",
        "binary": "binary content",
        "text": "text",
        "none": "nothing",
    }.get(kind, kind)


def _value_key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return type(value).__name__.replace("int", "number").replace("float", "number") + json.dumps(value)


def _compare(old: _Version, new: _Version) -> DiffReport:
    return DiffReport(old.label, new.label, _Comparer(old, new).run())


# ------------------------------------------------------------------------------------------------
# Output.


def _line(change: Change) -> str:
    parts = [f"`client.{change.method}()`"] if change.method else []
    if change.subject:
        parts.append(change.subject)
    return f"- {' '.join(parts)}: {change.detail}"


def format_markdown(report: DiffReport) -> str:
    """The report as a pull request comment."""
    lines = [f"### Client changes: {_code(report.old_label)} → {_code(report.new_label)}", ""]
    notes = [f"> **Warning:** {markdown_line(warning)}" for warning in report.warnings]
    if not report.changes:
        lines.append("No changes for users of the generated client.")
        if notes:
            lines += ["", *notes]
        return "\n".join(lines) + "\n"
    breaking, compatible = report.breaking, report.compatible
    lines.append(
        f"**{len(breaking)} breaking change{'s' if len(breaking) != 1 else ''}**, "
        f"{len(compatible)} non-breaking change{'s' if len(compatible) != 1 else ''}."
    )
    for title, changes in (("Breaking", breaking), ("Non-breaking", compatible)):
        if changes:
            lines += ["", f"#### {title}", ""]
            lines += [_line(change) for change in changes]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def markdown_line(text: str) -> str:
    """Text on one Markdown line."""
    return " ".join(text.split())


def format_json(report: DiffReport) -> str:
    data = {
        "old": report.old_label,
        "new": report.new_label,
        "breaking": len(report.breaking),
        "changes": [change.as_dict() for change in report.changes],
        "warnings": list(report.warnings),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
