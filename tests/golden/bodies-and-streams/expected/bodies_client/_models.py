"""The base of every response model, response parsing, and argument validation.

Responses are parsed from bytes by pydantic-core in one pass (``model_validate_json``): no Python
walk over the JSON. Models keep fields the spec does not know (``extra="allow"``), so a newer
server never breaks an older client, and build their validators on first use (``defer_build``),
so importing the package stays cheap. A response that does not match the spec is still returned,
with what does not fit kept raw and reported (``_drift``), unless the client is strict.
"""

from __future__ import annotations

import gc
import math
import sys
import threading
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable, TypeVar, Union, get_args

import httpx
import pydantic
from pydantic import AfterValidator, ConfigDict, GetCoreSchemaHandler, PlainSerializer, Strict, TypeAdapter
from pydantic_core import CoreSchema, PydanticCustomError, SchemaSerializer
from typing_extensions import Annotated, TypeAlias

from ._drift import Drift, DriftReporter, analyse, held_models, tolerant_validate
from ._exceptions import APIResponseValidationError, decode_body
from ._utils import ArgumentError, find_non_finite, format_datetime

if TYPE_CHECKING:
    from ._base_client import FinalRequest

__all__ = [
    "BaseModel",
    "OpenEnum",
    "OpenIntEnum",
    "model_parser",
    "validate_response",
    "ArgsValidator",
    "DateTimeArg",
    "DateArg",
    "NumberArg",
]

_M = TypeVar("_M", bound=pydantic.BaseModel)
_E = TypeVar("_E")
_DRIFT_KEY = "_drift"


class BaseModel(pydantic.BaseModel):
    """A response object. Unknown fields are kept: read them as attributes or via ``model_extra``."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        defer_build=True,
        protected_namespaces=(),
        arbitrary_types_allowed=False,
    )

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        """Build the model; the models it holds are built first, deepest first (``_build_held_first``).

        Pydantic calls this on first use of a model whose build was deferred, as do users.
        """
        if force or not cls.__pydantic_complete__:
            _build_held_first(cls)
        return super().model_rebuild(
            force=force,
            raise_errors=raise_errors,
            _parent_namespace_depth=_parent_namespace_depth + 1,  # this frame is one more to skip
            _types_namespace=_types_namespace,
        )

    def to_dict(self, *, exclude_unset: bool = True) -> dict[str, Any]:
        """The object as plain JSON-compatible data under the API's field names.

        Values kept raw because they did not match the spec (see ``drift``) come out as they came.
        """
        return self.model_dump(mode="json", by_alias=True, exclude_unset=exclude_unset, warnings=False)

    def to_json(self, *, indent: int | None = None, exclude_unset: bool = True) -> str:
        """The object as a JSON string under the API's field names."""
        return self.model_dump_json(by_alias=True, exclude_unset=exclude_unset, indent=indent, warnings=False)

    @property
    def drift(self) -> tuple[Drift, ...]:
        """Where the response this object was parsed from did not match the spec (empty when it did).

        Set on the object a method returns (and on its page); each record names the JSON path in the
        body, what the spec expected, what came, and the JSON pointer into the spec to fix.
        """
        private = self.__pydantic_private__
        found: object = private.get(_DRIFT_KEY) if private else None
        return found if isinstance(found, tuple) else ()  # pyright: ignore[reportUnknownVariableType]


_HELD_FIRST = threading.local()


def _build_held_first(cls: type[pydantic.BaseModel]) -> None:
    """Build every model ``cls`` can hold that is not built yet, deepest first, without recursion.

    Pydantic builds a model together with each model it holds that is not built yet, a dozen
    frames for each, so a chain of 80 models (``A.next`` is a ``B``, whose ``next`` is a ``C``...)
    would exhaust Python's default recursion limit. Built from the far end of the chain, each model
    reuses the finished schemas of the ones it holds, and every build is shallow.
    """
    if getattr(_HELD_FIRST, "active", False):
        return  # already inside this walk: the model is being built in its order
    _HELD_FIRST.active = True
    try:
        order: list[type[pydantic.BaseModel]] = []
        seen = {cls}
        stack = [(cls, held_models(cls))]
        while stack:
            current, pending = stack[-1]
            if pending:
                held = pending.pop()
                if held not in seen and not held.__pydantic_complete__:
                    seen.add(held)
                    stack.append((held, held_models(held)))
                continue
            stack.pop()
            if current is not cls:
                order.append(current)
        for model in order:
            if not model.__pydantic_complete__:
                # In the model's module namespace (not this frame's); the walk is marked active,
                # so the override above goes straight to pydantic's build.
                model.model_rebuild(raise_errors=False, _types_namespace=vars(sys.modules[model.__module__]))
    finally:
        _HELD_FIRST.active = False


class _ClosedAtRuntime:
    """Validates an ``OpenEnum`` against its known values only, so an unknown one is spec drift."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return handler.generate_schema(get_args(source)[0])


OpenEnum: TypeAlias = Annotated[Union[_E, str], _ClosedAtRuntime()]
"""An enum of the spec (``OpenEnum[Literal["A", "B"]]``) that a newer server may extend.

Typed as the known values or any string, so code written against it handles values added later. A
value the spec does not list is kept as the plain string and reported as drift (``literal_error``);
a strict client raises instead.
"""
OpenIntEnum: TypeAlias = Annotated[Union[_E, int], _ClosedAtRuntime()]
"""``OpenEnum`` for an enum of integers."""


def model_parser(model: type[_M]) -> Callable[[httpx.Response, FinalRequest], _M]:
    """A parser that validates a response body straight from bytes into ``model``."""

    def parse(response: httpx.Response, request: FinalRequest) -> _M:
        return validate_response(model, response, request)

    return parse


GC_PAUSE_THRESHOLD = 64 * 1024
"""Bodies at least this large are parsed with the cyclic garbage collector paused."""


def validate_response(model: type[_M], response: httpx.Response, request: FinalRequest | None = None) -> _M:
    """Parse a response body straight from bytes into ``model``.

    By default the parse is tolerant (see ``_drift``): one pass by pydantic-core that types what
    fits and keeps what does not as it came, with the mismatches on ``result.drift`` and logged. A
    strict client (``strict_response_validation=True``) parses with the models' own validators
    and raises ``APIResponseValidationError`` on any mismatch. A body that is not JSON always raises.

    A large page creates a burst of small objects (models, their dicts, datetimes): enough to set
    off several full collections of the cyclic garbage collector, which then cost more than the
    parsing itself while finding no garbage. So for large bodies the collector is paused for the
    duration of the parse and switched back on afterwards only if it was on before.
    """
    content = response.content
    reporter = request.drift if request is not None and request.drift is not None else _DEFAULT_REPORTER
    paused = len(content) >= GC_PAUSE_THRESHOLD and gc.isenabled()
    if paused:
        gc.disable()
    try:
        if reporter.strict:
            try:
                return model.model_validate_json(content)
            except pydantic.ValidationError as exc:
                errors = exc.errors(include_url=False)
                _refuse_non_json(model, response, request, errors, exc)
                operation = _operation(response, request)
                drift = analyse(model, errors, operation)
                shown = "; ".join(str(record) for record in drift[:8])
                more = f"; ... and {len(drift) - 8} more" if len(drift) > 8 else ""
                raise APIResponseValidationError(
                    response,
                    message=f"The response to {operation} ({_endpoint(response)}) did not match "
                    f"{model.__name__}: {shown}{more}",
                    body=decode_body(response),
                    drift=drift,
                ) from exc
        try:
            result, drift = tolerant_validate(
                model, content, request.operation if request is not None else ""
            )
        except pydantic.ValidationError as exc:
            _refuse_non_json(model, response, request, exc.errors(include_url=False), exc)
            raise
        if drift:
            if request is None or not request.operation:
                drift = tuple(replace(record, operation=_operation(response, request)) for record in drift)
            private = result.__pydantic_private__
            object.__setattr__(result, "__pydantic_private__", {**(private or {}), _DRIFT_KEY: drift})
            reporter.report(drift)
        return result  # type: ignore[no-any-return]
    finally:
        if paused:
            gc.enable()


def _refuse_non_json(
    model: type[pydantic.BaseModel],
    response: httpx.Response,
    request: FinalRequest | None,
    errors: list[Any],
    exc: pydantic.ValidationError,
) -> None:
    """Raise for a body that is not JSON at all (empty, truncated, an HTML error page)."""
    content = response.content
    if content.strip() and not any(error["type"] == "json_invalid" for error in errors):
        return
    what = "an empty body" if not content.strip() else "a body that is not valid JSON"
    raise APIResponseValidationError(
        response,
        message=f"The response to {_operation(response, request)} ({_endpoint(response)}) was {what}, "
        f"where the spec promises {model.__name__} as JSON: {_describe(exc)}",
        body=decode_body(response),
    ) from None


def _operation(response: httpx.Response, request: FinalRequest | None) -> str:
    return request.operation if request is not None and request.operation else _endpoint(response)


_DEFAULT_REPORTER = DriftReporter()
"""For parses outside a client call (``validate_response`` used directly): tolerant."""


def _endpoint(response: httpx.Response) -> str:
    return f"{response.request.method} {response.request.url.path}"


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(body)"


def _describe(exc: pydantic.ValidationError, limit: int = 8) -> str:
    errors = exc.errors(include_url=False)
    lines: list[str] = []
    for error in errors[:limit]:
        given = error.get("input")
        shown = "" if isinstance(given, (dict, list)) else f" (got {given!r})"
        lines.append(f"{_location(error['loc'])}: {error['msg']}{shown}")
    if len(errors) > limit:
        lines.append(f"... and {len(errors) - limit} more")
    return "; ".join(lines)


class ArgsValidator:
    """Checks the arguments of one generated method against its parameter schema.

    The ``TypedDict`` that types the arguments for the type checker is also what pydantic checks at
    run time, so a wrong type, a value outside an enum or a missing required field is reported
    before anything is sent, naming the argument and the path inside it. The validated values come
    back serialized for the wire (datetimes as RFC 3339 with ``Z``). A NaN or infinity is refused
    where a number is typed; inside free-form values it is kept as is (pydantic would quietly turn it
    into ``null``), so that the JSON encoder refuses it with its place.
    """

    __slots__ = ("_adapter", "_method", "_schema", "_serializer")

    def __init__(self, schema: type[Any], method: str) -> None:
        self._schema = schema
        self._method = method
        self._adapter: TypeAdapter[Any] | None = None
        self._serializer: SchemaSerializer | None = None

    def __call__(self, values: dict[str, object]) -> dict[str, Any]:
        adapter = self._adapter
        serializer = self._serializer
        if adapter is None or serializer is None:
            adapter = self._adapter = TypeAdapter(self._schema)
            serializer = self._serializer = SchemaSerializer(
                adapter.core_schema, {"ser_json_inf_nan": "constants"}
            )
        try:
            validated = adapter.validate_python(values)
        except pydantic.ValidationError as exc:
            raise ArgumentError(f"Invalid arguments to {self._method}(): {_describe(exc)}") from None
        # A NaN or infinity where the schema takes any value passes validation; older pydantic-core
        # versions then dump it as null. Refuse it here, with its place, whatever the version.
        found = find_non_finite(validated)
        if found is not None:
            path, value = found
            raise ArgumentError(
                f"Invalid arguments to {self._method}(): cannot send {value!r} at `{path}`: JSON has no NaN "
                "or infinity; send a finite number"
            )
        dumped: dict[str, Any] = serializer.to_python(validated, mode="json")
        return dumped


def _finite(value: float) -> float:
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError(
            "finite_number", "Input should be a finite number (JSON has no NaN or infinity)"
        )
    return value


def _serialize_datetime(value: datetime) -> str:
    return format_datetime(value)


def _serialize_date(value: date) -> str:
    return value.isoformat()


if TYPE_CHECKING:
    NumberArg = float
    """A JSON number argument; an ``int`` is sent as an integer, not turned into a float. NaN and
    infinities are refused: JSON cannot carry them."""
    DateTimeArg = Union[datetime, str]
    """A timestamp argument: a ``datetime`` (naive means UTC) or an RFC 3339 string."""
    DateArg = Union[date, str]
    """A date argument: a ``date`` or an ISO 8601 ``YYYY-MM-DD`` string."""
else:
    NumberArg = Annotated[Union[int, float], AfterValidator(_finite)]
    # Arguments are checked strictly (no "5" for an int, no 1 for a bool), except that timestamps
    # and dates may also be given as the strings the API itself uses.
    DateTimeArg = Annotated[datetime, Strict(False), PlainSerializer(_serialize_datetime)]
    DateArg = Annotated[date, Strict(False), PlainSerializer(_serialize_date)]
