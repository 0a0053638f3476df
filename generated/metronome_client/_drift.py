"""Spec drift: responses that do not match the spec, kept instead of lost, and reported.

A hand-written spec is always wrong somewhere, and a server may be newer than its spec. When a
successful response does not validate, the client still returns it: everything that fits is typed
as usual, and each value that does not fit keeps its raw JSON value at the smallest place that
holds it (a field, a list item, a map value), so one bad line item leaves the other 9,999 typed. A
required field that is missing is left unset: reading it raises ``AttributeError``, and it is not
in ``model_fields_set``. Each mismatch becomes a ``Drift`` record naming the operation, the JSON
path in the body, what was expected, what came, and the JSON pointer into the spec to fix; the
client logs one warning per operation and spec place.

How: the first parse is the ordinary one (pydantic-core straight from bytes). Only when it fails is
a second, tolerant validator used: a copy of the model's core schema in which every field, list item
and map value also accepts any JSON value, and required fields may be absent. The errors of the
first parse say where the mismatches are. Unions are kept whole: a value that fits none of a
union's members is kept raw at the union's place.
"""

from __future__ import annotations

import inspect
import json
import sys
import threading
import types
from dataclasses import dataclass, field
from typing import Any, Callable, Final, Literal, Union, cast, get_args, get_origin, get_type_hints

import pydantic
from pydantic_core import CoreSchema, ErrorDetails, SchemaValidator
from typing_extensions import Annotated

from ._logging import logger

__all__ = ["Drift", "DriftReporter", "Mismatch", "analyse", "locate", "tolerant_validate"]


@dataclass(frozen=True)
class Drift:
    """One place where a response did not match the spec."""

    operation: str
    """The method that received the response, e.g. ``resource.sub.method``."""
    path: str
    """Where in the response body, as a JSONPath: ``$.data[3].line_items[5].name``."""
    expected: str
    """What the spec asked for there (pydantic's message), e.g. ``Input should be a valid string``."""
    got: str
    """What came instead, as short JSON text (``null``, ``12``, ``"abc"``, ``an object``) or ``nothing``."""
    spec_pointer: str
    """JSON pointer into the spec of the schema to fix, e.g. ``#/components/schemas/Item/properties/name``."""
    kind: str
    """pydantic's error type: ``string_type``, ``missing``, ``literal_error`` (an unknown enum value)..."""

    def __str__(self) -> str:
        return f"{self.path}: {self.expected}, got {self.got} (spec: {self.spec_pointer})"


@dataclass
class DriftReporter:
    """Decides, for one client and the copies made with ``with_options``, how mismatches are handled.

    ``strict``: raise ``APIResponseValidationError`` instead of returning the response. Warnings are
    logged once per operation, spec place and kind of mismatch for the lifetime of the client; repeats
    are logged at debug level. The records themselves are always on the result (``.drift``).
    """

    strict: bool = False
    _reported: set[tuple[str, str, str]] = field(default_factory=set[tuple[str, str, str]])
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def with_strict(self, strict: bool) -> DriftReporter:
        """A reporter with another strictness that shares what has been logged already."""
        if strict == self.strict:
            return self
        return DriftReporter(strict=strict, _reported=self._reported, _lock=self._lock)

    def report(self, drift: tuple[Drift, ...]) -> None:
        groups: dict[tuple[str, str, str], list[Drift]] = {}
        for record in drift:
            groups.setdefault((record.operation, record.spec_pointer, record.kind), []).append(record)
        for key, records in groups.items():
            with self._lock:
                first_time = key not in self._reported
                self._reported.add(key)
            example = records[0]
            more = (
                f" (and {len(records) - 1} more place{'s' if len(records) > 2 else ''} like it)"
                if len(records) > 1
                else ""
            )
            logger.log(
                30 if first_time else 10,
                "The response to %s did not match the spec at %s: %s, got %s%s. The value is kept as it came; "
                "fix the spec at %s, or tell the API's owners.",
                example.operation,
                example.path,
                example.expected,
                example.got,
                more,
                example.spec_pointer,
            )


# ---------------------------------------------------------------------------------- locations


def _spec_pointer_of(cls: type[Any]) -> str | None:
    """The spec location a generated model class was made from (the ``_SPEC_POINTERS`` of its module)."""
    module = sys.modules.get(cls.__module__)
    pointers = _mapping(getattr(module, "_SPEC_POINTERS", None))
    found: object = pointers.get(cls.__name__) if pointers is not None else None
    return found if isinstance(found, str) else None


def _mapping(value: object) -> dict[str, Any] | None:
    return cast("dict[str, Any]", value) if isinstance(value, dict) else None


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _key_text(key: str) -> str:
    return f".{key}" if key.isidentifier() else f"[{json.dumps(key)}]"


def _shape(annotation: Any) -> tuple[Literal["model", "list", "dict", "other"], Any]:
    """What a field's type is, for walking a location: a model, a list, a map, or anything else."""
    for _ in range(32):
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if origin is Union or origin is types.UnionType:
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return ("other", None)  # a real union (or an open enum): the place is the union
            annotation = members[0]
            continue
        if origin in (list, tuple, set, frozenset):
            args = get_args(annotation)
            return ("list", args[0] if args else Any)
        if origin is dict:
            args = get_args(annotation)
            return ("dict", args[1] if len(args) == 2 else Any)
        if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
            return ("model", annotation)
        return ("other", None)
    return ("other", None)


_FIELDS: dict[type[Any], dict[str, tuple[str, Any]]] = {}


def _field_named(cls: type[pydantic.BaseModel], wire_name: str) -> tuple[str, Any] | None:
    """The attribute name and the (resolved) type of the field sent as ``wire_name``."""
    fields = _FIELDS.get(cls)
    if fields is None:
        try:
            hints = get_type_hints(cls, include_extras=True)
        except Exception:  # an annotation that cannot be resolved: walk no further than this model
            hints = {}
        fields = {
            (info.alias or name): (name, hints.get(name, Any)) for name, info in cls.model_fields.items()
        }
        _FIELDS[cls] = fields
    return fields.get(wire_name)


def _owner_pointer(cls: type[pydantic.BaseModel], name: str, current: str) -> str:
    """The pointer of the schema that declares field ``name``: for an inherited field (allOf), the
    parent's; for a model made from an inline schema, the pointer reached so far."""
    for klass in cls.__mro__:
        if name in inspect.get_annotations(klass):
            return _spec_pointer_of(klass) or current
    return current


@dataclass(frozen=True)
class _Place:
    path: str
    pointer: str
    rest: tuple[int | str, ...] = ()
    """What is left of the error location below this place (inside a union); empty when it was followed to the end."""
    steps: tuple[int | str, ...] = ()
    """How to reach the place in the parsed result: attribute names, list indexes, map keys."""

    @property
    def complete(self) -> bool:
        return not self.rest


def locate(model: type[pydantic.BaseModel], loc: tuple[int | str, ...], *, missing: bool) -> _Place:
    """Turn pydantic's error location into a JSONPath in the body and a JSON pointer into the spec."""
    path = "$"
    pointer = _spec_pointer_of(model) or "#"
    annotation: Any = model
    steps: list[int | str] = []
    for index, part in enumerate(loc):
        kind, inner = _shape(annotation)
        if kind == "model" and isinstance(part, str) and isinstance(inner, type):
            inner = cast("type[pydantic.BaseModel]", inner)
            pointer = _spec_pointer_of(inner) or pointer
            found = _field_named(inner, part)
            if found is None:
                return _Place(path, pointer, loc[index:], tuple(steps))
            name, field_type = found
            owner = _owner_pointer(inner, name, pointer)
            path += _key_text(part)
            steps.append(name)
            if missing and index == len(loc) - 1:
                return _Place(path, owner + "/required", (), tuple(steps))
            pointer = f"{owner}/properties/{_escape(part)}"
            annotation = field_type
        elif kind == "list" and isinstance(part, int):
            path += f"[{part}]"
            pointer += "/items"
            annotation = inner
            steps.append(part)
        elif kind == "dict" and isinstance(part, str):
            path += _key_text(part)
            pointer += "/additionalProperties"
            annotation = inner
            steps.append(part)
        else:
            return _Place(path, pointer, loc[index:], tuple(steps))
    return _Place(path, pointer, (), tuple(steps))


def _value_text(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return f"an array of {len(value)}"  # pyright: ignore[reportUnknownArgumentType]
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@dataclass(frozen=True)
class Mismatch:
    """What the errors of a failed parse say: the drift records, and the missing fields to leave unset."""

    drift: tuple[Drift, ...]
    missing: tuple[tuple[int | str, ...], ...]


def analyse(model: type[pydantic.BaseModel], errors: list[ErrorDetails], operation: str) -> Mismatch:
    """One record per place that did not validate (several errors inside one union are one place)."""
    records: dict[str, Drift] = {}
    missing_fields: list[tuple[int | str, ...]] = []
    for error in errors:
        missing = error["type"] == "missing"
        place = locate(model, tuple(error["loc"]), missing=missing)
        if place.path in records:
            continue
        if missing and place.complete:
            missing_fields.append(place.steps)
        if place.complete:
            expected = error["msg"]
            got = "nothing (the field is missing)" if missing else _value_text(error.get("input"))
            kind = error["type"]
        else:
            inside = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in place.rest)
            expected = "a value that fits one of the types the spec allows here"
            got = f"{_value_text(error.get('input'))} at {inside} ({error['msg']})"
            kind = "union"
        records[place.path] = Drift(operation, place.path, expected, got, place.pointer, kind)
    return Mismatch(tuple(records.values()), tuple(missing_fields))


# ---------------------------------------------------------------------------------- tolerant parse

_ANY: Final = {"type": "any"}
_object_setattr = object.__setattr__


class _Absent:
    """Stands in, during a tolerant parse, for a required field the response left out."""

    def __repr__(self) -> str:
        return "<missing from the response>"


_ABSENT: Final = _Absent()


def _accept_anything(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema``, or when the value does not fit it, the value as it came."""
    return {"type": "union", "choices": [schema, _ANY], "mode": "left_to_right"}


def _model_builder(cls: type[pydantic.BaseModel]) -> Callable[[Any], Any]:
    """Makes an instance of ``cls`` from what its fields validated to (the portable variant)."""

    def build(validated: tuple[dict[str, Any], dict[str, Any] | None, set[str]]) -> Any:
        values, extra, fields_set = validated
        instance = cls.__new__(cls)
        _object_setattr(instance, "__dict__", values)
        _object_setattr(instance, "__pydantic_extra__", extra)
        _object_setattr(instance, "__pydantic_fields_set__", fields_set)
        _object_setattr(instance, "__pydantic_private__", None)
        return instance

    return build


@dataclass
class _Tolerant:
    """Builds the tolerant copy of a core schema (see the module doc).

    Two variants. The fast one keeps each model a ``model`` schema, so pydantic-core builds the
    instances itself; for that, the models' own (strict) validators must not be reused while the
    copy is compiled, which ``compile`` arranges. The portable one builds each instance in a small
    Python function instead: slower, but it relies on nothing beyond the core schema format.
    """

    portable: bool
    models: set[type[Any]] = field(default_factory=set[type[Any]])

    def schema(self, schema: dict[str, Any], depth: int = 0) -> dict[str, Any]:
        if depth > 200:
            return schema
        kind = schema.get("type")
        if kind == "definitions":
            return {
                **schema,
                "schema": self.schema(schema["schema"], depth + 1),
                "definitions": [self.schema(item, depth + 1) for item in schema["definitions"]],
            }
        if kind == "model":
            return self._model(schema, depth)
        if kind == "nullable" or kind == "default":
            return {**schema, "schema": self.schema(schema["schema"], depth + 1)}
        if kind in ("list", "set", "frozenset") and isinstance(schema.get("items_schema"), dict):
            return {
                **schema,
                "items_schema": _accept_anything(self.schema(schema["items_schema"], depth + 1)),
            }
        if kind == "dict" and isinstance(schema.get("values_schema"), dict):
            return {
                **schema,
                "values_schema": _accept_anything(self.schema(schema["values_schema"], depth + 1)),
            }
        return schema  # scalars, unions, validators with functions: kept whole

    def _model(self, schema: dict[str, Any], depth: int) -> dict[str, Any]:
        fields_schema = _mapping(schema.get("schema"))
        cls: Any = schema.get("cls")
        if fields_schema is None or fields_schema.get("type") != "model-fields" or cls is None:
            return schema
        fields: dict[str, Any] = {}
        declared: dict[str, Any] = fields_schema["fields"]
        for name, info in declared.items():
            inner: Any = info["schema"]
            if inner.get("type") == "default":
                inner = {**inner, "schema": _accept_anything(self.schema(inner["schema"], depth + 1))}
            else:
                inner = {
                    "type": "default",
                    "schema": _accept_anything(self.schema(inner, depth + 1)),
                    "default": _ABSENT,
                }
            fields[name] = {**info, "schema": inner}
        fields_schema = {**fields_schema, "fields": fields}
        if not self.portable:
            self.models.add(cls)
            return {**schema, "schema": fields_schema}
        config: Any = schema.get("config") or {}
        extra: object = config.get("extra_fields_behavior")
        if extra is not None and "extra_behavior" not in fields_schema:
            fields_schema["extra_behavior"] = extra  # the model's own config no longer wraps its fields
        tolerant: dict[str, Any] = {
            "type": "function-after",
            "function": {"type": "no-info", "function": _model_builder(cls)},
            "schema": fields_schema,
        }
        if "ref" in schema:
            tolerant["ref"] = schema["ref"]
        return tolerant

    def compile(self, model: type[pydantic.BaseModel]) -> SchemaValidator:
        core: Any = model.__pydantic_core_schema__
        schema = cast("CoreSchema", self.schema(dict(core)))
        if self.portable:
            return SchemaValidator(schema)
        # pydantic-core reuses the validator of a model class marked complete: the strict one. The
        # mark is lifted while the copy compiles, and put back at once.
        marks = {cls: cls.__dict__.get("__pydantic_complete__", _ABSENT) for cls in self.models}
        try:
            for cls in marks:
                type.__setattr__(cls, "__pydantic_complete__", False)
            return SchemaValidator(schema)
        finally:
            for cls, mark in marks.items():
                if mark is _ABSENT:
                    type.__delattr__(cls, "__pydantic_complete__")
                else:
                    type.__setattr__(cls, "__pydantic_complete__", mark)


_VALIDATORS: dict[tuple[type[Any], bool], SchemaValidator] = {}
_VALIDATORS_LOCK = threading.Lock()


def _tolerant_validator(model: type[pydantic.BaseModel], portable: bool) -> SchemaValidator:
    key = (model, portable)
    validator = _VALIDATORS.get(key)
    if validator is None:
        with _VALIDATORS_LOCK:
            validator = _VALIDATORS.get(key)
            if validator is None:
                validator = _Tolerant(portable).compile(model)
                _VALIDATORS[key] = validator
    return validator


def tolerant_validate(model: type[pydantic.BaseModel], content: bytes, mismatch: Mismatch) -> Any:
    """Parse ``content`` into ``model``, keeping what does not fit as raw JSON (see the module doc).

    Required fields the response left out are unset afterwards. A body whose top level is not even
    an object gives a ``model`` with nothing set.
    """
    try:
        result = _tolerant_validator(model, portable=False).validate_json(content)
    except pydantic.ValidationError:
        try:  # the fast variant found a strict validator inside: a pydantic-core that differs
            result = _tolerant_validator(model, portable=True).validate_json(content)
        except pydantic.ValidationError:
            return model.model_construct()
    for steps in mismatch.missing:
        _unset(result, steps)
    return result


def _unset(result: object, steps: tuple[int | str, ...]) -> None:
    """Remove the stand-in of a missing field, so that reading it raises ``AttributeError``."""
    target: Any = result
    for step in steps[:-1]:
        if isinstance(target, pydantic.BaseModel) and isinstance(step, str):
            target = target.__dict__.get(step)
        elif isinstance(target, (list, dict)):
            try:
                target = target[step]  # pyright: ignore[reportUnknownVariableType]
            except (IndexError, KeyError, TypeError):
                return
        else:
            return
    if isinstance(target, pydantic.BaseModel) and target.__dict__.get(steps[-1]) is _ABSENT:
        del target.__dict__[steps[-1]]
