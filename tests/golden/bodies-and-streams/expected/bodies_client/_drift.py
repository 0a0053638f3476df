"""Spec drift: responses that do not match the spec, kept instead of lost, and reported.

A hand-written spec is always wrong somewhere, and a server may be newer than its spec. When a
successful response does not validate, the client still returns it: everything that fits is typed
as usual, and each value that does not fit keeps its raw JSON value at the smallest place that
holds it (a field, a list item, a map value), so one bad line item leaves the other 9,999 typed. A
required field that is missing is left unset: reading it raises ``AttributeError``, and it is not
in ``model_fields_set``. Each mismatch becomes a ``Drift`` record naming the operation, the JSON
path in the body, what was expected, what came, and the JSON pointer into the spec to fix; the
client logs one warning per operation and spec place.

How: responses are parsed in one pass by pydantic-core, with a tolerant copy of the model's core
schema: every field, list item and map value is "what the spec says, or else the value as it came",
tried left to right, so a body that matches costs what it costs with the models' own validators, and
the fallback (a small Python function) runs only where something does not fit. It notes the model
and field; afterwards a walk over just those places (and the fields that can lead to them) puts the
raw values in place and builds the records. Unions are kept whole: a value that fits none of a
union's members is kept raw at the union's place. A strict client parses with the models' own
validators instead and turns their errors into the same records.
"""

from __future__ import annotations

import contextvars
import inspect
import json
import logging
import sys
import threading
import types
from dataclasses import dataclass, field
from typing import Any, Callable, Final, Literal, Union, cast, get_args, get_origin, get_type_hints

import pydantic
from pydantic_core import CoreSchema, ErrorDetails, SchemaValidator
from typing_extensions import Annotated

from ._logging import logger

__all__ = ["Drift", "DriftReporter", "analyse", "held_models", "locate", "tolerant_validate"]


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
            kept = "The field is left unset" if example.kind == "missing" else "The value is kept as it came"
            logger.log(
                logging.WARNING if first_time else logging.DEBUG,
                "The response to %s did not match the spec at %s: %s, got %s%s. %s; "
                "fix the spec at %s, or tell the API's owners.",
                example.operation,
                example.path,
                example.expected,
                example.got,
                more,
                kept,
                example.spec_pointer,
            )


# ---------------------------------------------------------------------------------- locations


def _spec_pointer_of(cls: type[Any], attribute: str | None = None) -> str | None:
    """The spec location a generated model class was made from (the ``_SPEC_POINTERS`` of its module),
    or with ``attribute``, that of the schema declaring that field when it is not the class's own."""
    module = sys.modules.get(cls.__module__)
    pointers = _mapping(getattr(module, "_SPEC_POINTERS", None))
    key = cls.__name__ if attribute is None else f"{cls.__name__}.{attribute}"
    found: object = pointers.get(key) if pointers is not None else None
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
        if _is_model_class(annotation):
            return ("model", annotation)
        return ("other", None)
    return ("other", None)


def _is_model_class(annotation: object) -> bool:
    # On Python 3.10, ``list[X]`` passes ``isinstance(..., type)``; it is no class to test.
    if isinstance(annotation, types.GenericAlias):
        return False
    return isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel)


_FIELDS: dict[type[Any], dict[str, tuple[str, Any]]] = {}


def _fields(cls: type[pydantic.BaseModel]) -> dict[str, tuple[str, Any]]:
    """The fields of ``cls`` by wire name: attribute name and resolved type (cached)."""
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
    return fields


def _field_named(cls: type[pydantic.BaseModel], wire_name: str) -> tuple[str, Any] | None:
    """The attribute name and the (resolved) type of the field sent as ``wire_name``."""
    return _fields(cls).get(wire_name)


def held_models(cls: type[pydantic.BaseModel]) -> list[type[pydantic.BaseModel]]:
    """The models a field of ``cls`` can hold directly (in lists, maps and unions too), in field order."""
    found: list[type[pydantic.BaseModel]] = []
    for _, annotation in _fields(cls).values():
        for held in _models_in(annotation):
            if held is not cls and held not in found:
                found.append(held)
    return found


def _owner_pointer(cls: type[pydantic.BaseModel], name: str, current: str) -> str:
    """The pointer of the schema that declares field ``name``: the one ``_SPEC_POINTERS`` names for
    ``Class.name`` (an ``allOf`` member); for an inherited field, the parent's; for a model of an
    inline schema, the pointer reached so far."""
    for klass in cls.__mro__:
        if name in inspect.get_annotations(klass):
            return _spec_pointer_of(klass, name) or _spec_pointer_of(klass) or current
    return current


@dataclass(frozen=True)
class _Place:
    path: str
    pointer: str
    rest: tuple[int | str, ...] = ()
    """What is left of the error location below this place (inside a union); empty when it was followed to the end."""

    @property
    def complete(self) -> bool:
        return not self.rest


def locate(model: type[pydantic.BaseModel], loc: tuple[int | str, ...], *, missing: bool) -> _Place:
    """Turn pydantic's error location into a JSONPath in the body and a JSON pointer into the spec."""
    path = "$"
    pointer = _spec_pointer_of(model) or "#"
    annotation: Any = model
    for index, part in enumerate(loc):
        kind, inner = _shape(annotation)
        if kind == "model" and isinstance(part, str) and isinstance(inner, type):
            inner = cast("type[pydantic.BaseModel]", inner)
            pointer = _spec_pointer_of(inner) or pointer
            found = _field_named(inner, part)
            if found is None:
                return _Place(path, pointer, loc[index:])
            name, field_type = found
            owner = _owner_pointer(inner, name, pointer)
            path += _key_text(part)
            if missing and index == len(loc) - 1:
                return _Place(path, owner + "/required")
            pointer = f"{owner}/properties/{_escape(part)}"
            annotation = field_type
        elif kind == "list" and isinstance(part, int):
            path += f"[{part}]"
            pointer += "/items"
            annotation = inner
        elif kind == "dict" and isinstance(part, str):
            path += _key_text(part)
            pointer += "/additionalProperties"
            annotation = inner
        else:
            return _Place(path, pointer, loc[index:])
    return _Place(path, pointer)


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


def analyse(model: type[pydantic.BaseModel], errors: list[ErrorDetails], operation: str) -> tuple[Drift, ...]:
    """One record per place that did not validate (several errors inside one union are one place)."""
    records: dict[str, Drift] = {}
    for error in errors:
        missing = error["type"] == "missing"
        place = locate(model, tuple(error["loc"]), missing=missing)
        if place.path in records:
            continue
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
    return tuple(records.values())


# ---------------------------------------------------------------------------------- tolerant parse

_object_setattr = object.__setattr__
_Key = tuple[type[Any], str]
"""A model class and one of its fields: where a tolerant parse kept a value raw."""

_SEEN: Final[contextvars.ContextVar[set[_Key] | None]] = contextvars.ContextVar("drift_seen", default=None)
"""The places where the tolerant parse running in this context kept something raw."""


class _Raw:
    """A value that did not fit, as it came; replaced by the value itself once its place is known."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


class _Absent:
    """Stands in, during a tolerant parse, for a required field the response left out."""

    def __repr__(self) -> str:
        return "<missing from the response>"


_ABSENT: Final = _Absent()


def _note(key: _Key) -> None:
    seen = _SEEN.get()
    if seen is not None:
        seen.add(key)


def _fallback(key: _Key) -> dict[str, Any]:
    def keep(value: object) -> _Raw:
        _note(key)
        return _Raw(value)

    return {"type": "function-plain", "function": {"type": "no-info", "function": keep}}


def _absent(key: _Key) -> Callable[[], _Absent]:
    def stand_in() -> _Absent:
        _note(key)
        return _ABSENT

    return stand_in


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

    Every field, list item and map value becomes "the original, or else the value as it came"
    (a union tried left to right, whose second choice is only called when the first fails, so a
    body that matches costs what it costs in the original), and every required field gets a
    stand-in for when it is missing. Both note the place in ``_SEEN``.

    Two variants. The fast one keeps each model a ``model`` schema, so pydantic-core builds the
    instances itself; for that, the models' own (strict) validators must not be reused while the
    copy is compiled, which ``compile`` arranges. The portable one builds each instance in a small
    Python function instead: slower, but it relies on nothing beyond the core schema format.
    """

    portable: bool
    models: set[type[Any]] = field(default_factory=set[type[Any]])
    originals: dict[str, dict[str, Any]] = field(default_factory=dict[str, dict[str, Any]])

    def schema(self, schema: dict[str, Any], key: _Key | None, depth: int = 0) -> dict[str, Any]:
        """The tolerant copy of ``schema``; ``key`` is the model field it belongs to, if any.

        Schemas that others refer to (``ref``) get a tolerant twin under another name, and the
        references made from tolerant places point at the twin; the strict original stays for the
        places kept whole (a union's members), which must match exactly for the union to choose.
        """
        if depth > 200:
            return schema
        ref = schema.get("ref")
        if isinstance(ref, str):
            self.originals.setdefault(ref, schema)
            return {**self._copy(schema, key, depth), "ref": ref + _TWIN}
        return self._copy(schema, key, depth)

    def _copy(self, schema: dict[str, Any], key: _Key | None, depth: int) -> dict[str, Any]:
        kind = schema.get("type")
        if kind == "definitions":
            return {
                **schema,
                "schema": self.schema(schema["schema"], key, depth + 1),
                "definitions": [self.schema(item, key, depth + 1) for item in schema["definitions"]],
            }
        if kind == "definition-ref":
            return {**schema, "schema_ref": schema["schema_ref"] + _TWIN}
        if kind == "model":
            return self._model(schema, depth)
        if kind == "nullable" or kind == "default":
            return {**schema, "schema": self.schema(schema["schema"], key, depth + 1)}
        if key is None:
            return schema
        if kind in ("list", "set", "frozenset") and isinstance(schema.get("items_schema"), dict):
            items = self._or_raw(self.schema(schema["items_schema"], key, depth + 1), key)
            return {**schema, "items_schema": items}
        if kind == "dict" and isinstance(schema.get("values_schema"), dict):
            values = self._or_raw(self.schema(schema["values_schema"], key, depth + 1), key)
            return {**schema, "values_schema": values}
        return schema  # scalars, unions, validators with functions: kept whole

    def _with_originals(self, root: dict[str, Any]) -> dict[str, Any]:
        """``root`` plus the strict originals that places kept whole still refer to."""
        defined: set[str] = set()
        wanted: set[str] = set()
        _refs(root, defined, wanted)
        extra: list[dict[str, Any]] = []
        missing = sorted(wanted - defined)
        while missing:
            name = missing.pop()
            original = self.originals.get(name)
            if original is None or name in defined:
                continue
            extra.append(original)
            more_wanted: set[str] = set()
            _refs(original, defined, more_wanted)
            missing.extend(sorted(more_wanted - defined))
        return {"type": "definitions", "schema": root, "definitions": extra} if extra else root

    @staticmethod
    def _or_raw(schema: dict[str, Any], key: _Key) -> dict[str, Any]:
        return {"type": "union", "choices": [schema, _fallback(key)], "mode": "left_to_right"}

    def _model(self, schema: dict[str, Any], depth: int) -> dict[str, Any]:
        fields_schema = _mapping(schema.get("schema"))
        cls: Any = schema.get("cls")
        if fields_schema is None or fields_schema.get("type") != "model-fields" or cls is None:
            return schema
        fields: dict[str, Any] = {}
        declared: dict[str, Any] = fields_schema["fields"]
        for name, info in declared.items():
            key: _Key = (cls, name)
            inner: Any = info["schema"]
            if inner.get("type") == "default":
                inner = {**inner, "schema": self._or_raw(self.schema(inner["schema"], key, depth + 1), key)}
            else:
                inner = {
                    "type": "default",
                    "schema": self._or_raw(self.schema(inner, key, depth + 1), key),
                    "default_factory": _absent(key),
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
        return tolerant

    def compile(self, model: type[pydantic.BaseModel]) -> SchemaValidator:
        core: Any = model.__pydantic_core_schema__
        schema = cast("CoreSchema", self._with_originals(self.schema(dict(core), None)))
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


_TWIN: Final = ":tolerant"


def _refs(node: object, defined: set[str], wanted: set[str], depth: int = 0) -> None:
    """The refs a core schema defines and the ones it points at."""
    if depth > 400:
        return
    if isinstance(node, dict):
        entries = cast("dict[str, object]", node)
        ref = entries.get("ref")
        if isinstance(ref, str):
            defined.add(ref)
        target = entries.get("schema_ref")
        if entries.get("type") == "definition-ref" and isinstance(target, str):
            wanted.add(target)
        for key, value in entries.items():
            if key not in ("metadata", "cls", "config", "serialization"):
                _refs(value, defined, wanted, depth + 1)
    elif isinstance(node, list):
        for item in cast("list[object]", node):
            _refs(item, defined, wanted, depth + 1)


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


def tolerant_validate(
    model: type[pydantic.BaseModel], content: bytes, operation: str, *, portable: bool = False
) -> tuple[Any, tuple[Drift, ...]]:
    """Parse ``content`` into ``model``, keeping what does not fit as raw JSON (see the module doc).

    Returns the result and its drift (empty when the body matched). Raises ``ValidationError``
    only for a body that is not JSON. A body whose top level is not even an object gives a
    ``model`` with nothing set. ``portable`` uses the portable variant from the start.
    """
    seen: set[_Key] = set()
    token = _SEEN.set(seen)
    try:
        try:
            result = _tolerant_validator(model, portable=portable).validate_json(content)
        except pydantic.ValidationError as exc:
            errors = exc.errors(include_url=False)
            if any(error["type"] == "json_invalid" for error in errors):
                raise
            if any(error["loc"] for error in errors):
                # A strict validator inside the fast variant: a pydantic-core that compiles differently.
                seen.clear()
                result = _tolerant_validator(model, portable=True).validate_json(content)
            else:
                return model.model_construct(), analyse(model, errors, operation)
    finally:
        _SEEN.reset(token)
    if not seen:
        return result, ()
    return result, _Collector(model, seen, operation).collect(result)


_ADAPTERS: dict[Any, pydantic.TypeAdapter[Any]] = {}


def _errors_for(annotation: Any, value: object) -> list[ErrorDetails]:
    """Why ``value`` does not fit ``annotation``, as a strict parse of it from JSON would say."""
    try:
        adapter = _ADAPTERS.get(annotation)
        if adapter is None:
            adapter = _ADAPTERS[annotation] = pydantic.TypeAdapter(annotation)
        adapter.validate_json(json.dumps(value))
    except pydantic.ValidationError as exc:
        return exc.errors(include_url=False)
    except Exception:  # an annotation pydantic cannot take on its own (or an unhashable one)
        pass
    return [{"type": "value_error", "loc": (), "msg": "Value does not match the spec", "input": value}]


@dataclass
class _Collector:
    """Finds the values a tolerant parse kept raw, puts them in place, and says where they were.

    Only the fields that were noted, and those whose types can lead to a noted model, are visited,
    so the walk over a large page costs little more than the handful of places that drifted.
    """

    model: type[pydantic.BaseModel]
    seen: set[_Key]
    operation: str
    errors: list[ErrorDetails] = field(default_factory=list[ErrorDetails])
    _plans: dict[type[Any], list[tuple[str, str, Any, bool]]] = field(
        default_factory=dict[type[Any], list[tuple[str, str, Any, bool]]]
    )

    def collect(self, result: object) -> tuple[Drift, ...]:
        self._visit(result, self.model, (), False, 0)
        return analyse(self.model, self.errors, self.operation)

    def _plan(self, cls: type[Any]) -> list[tuple[str, str, Any, bool]]:
        """(attribute, wire name, type, noted) of the fields of ``cls`` worth visiting."""
        plan = self._plans.get(cls)
        if plan is None:
            targets = {noted for noted, _ in self.seen}
            plan = [
                (name, wire, annotation, (cls, name) in self.seen)
                for wire, (name, annotation) in _fields(cls).items()
                if (cls, name) in self.seen or _reaches(annotation, targets)
            ]
            self._plans[cls] = plan
        return plan

    def _visit(
        self, value: object, annotation: Any, loc: tuple[int | str, ...], noted: bool, depth: int
    ) -> object:
        """Visit ``value`` at ``loc``; returns what should stand there (the raw value for a ``_Raw``)."""
        if depth > 500:
            return value
        if isinstance(value, _Raw):
            if noted:
                for error in _errors_for(annotation, value.value):
                    self.errors.append({**error, "loc": (*loc, *error["loc"])})
            return value.value
        if isinstance(value, pydantic.BaseModel):
            attributes: dict[str, Any] = vars(value)
            for name, wire, field_type, field_noted in self._plan(type(value)):
                here = attributes.get(name, _ABSENT)
                if here is _ABSENT:
                    if field_noted and name in attributes:
                        del attributes[name]
                        self.errors.append(
                            {"type": "missing", "loc": (*loc, wire), "msg": "Field required", "input": None}
                        )
                    continue
                replaced = self._visit(here, field_type, (*loc, wire), field_noted, depth + 1)
                if replaced is not here:
                    attributes[name] = replaced
            return value
        kind, inner = _shape(annotation)
        same: object = value
        if kind == "list" and isinstance(value, list):
            items = cast("list[object]", value)
            for index, item in enumerate(items):
                replaced = self._visit(item, inner, (*loc, index), noted, depth + 1)
                if replaced is not item:
                    items[index] = replaced
        elif kind == "dict" and isinstance(value, dict):
            entries = cast("dict[str, object]", value)
            for entry_key, item in entries.items():
                replaced = self._visit(item, inner, (*loc, entry_key), noted, depth + 1)
                if replaced is not item:
                    entries[entry_key] = replaced
        return same


_REACH: dict[type[Any], frozenset[type[Any]]] = {}


def _models_in(annotation: Any, depth: int = 0) -> list[type[Any]]:
    """The model classes named anywhere in a type (list items, map values, union members...)."""
    if depth > 32:
        return []
    if _is_model_class(annotation):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg, depth + 1)]


def _reachable(cls: type[Any]) -> frozenset[type[Any]]:
    """The model classes a value of ``cls`` can contain, itself included."""
    known = _REACH.get(cls)
    if known is not None:
        return known
    seen: set[type[Any]] = set()
    pending = [cls]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for _, annotation in _fields(current).values():
            pending.extend(_models_in(annotation))
    result = frozenset(seen)
    _REACH[cls] = result
    return result


def _reaches(annotation: Any, targets: set[type[Any]]) -> bool:
    return any(not targets.isdisjoint(_reachable(cls)) for cls in _models_in(annotation))
