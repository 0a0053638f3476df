"""What a successful call returns: the responses the method parses and the models they parse into.

The success responses are the 2xx ones (explicit codes, lowest first, then the ``2XX`` range). Beside
them a ``default`` response describes the errors: any other status raises, and the error carries the
body (``APIStatusError.body``). Only an operation that documents no 2xx response at all returns
what its ``default`` describes on success, as the loader's ``success_response_code`` decides. JSON content becomes a response model (``response_models``),
and a paginated one a page (``pagination``); ``text/event-stream`` a stream of events whose data is
the spec's item schema; other content is text or binary, asked for with an ``Accept`` header. When
2xx codes answer with different things, the method returns their union, chosen by status code.
"""

from __future__ import annotations

import re
from typing import Any

from .. import ir
from ..loader import is_json_media_type, success_response_code
from ..naming import safe_class_name
from ._context import BuildContext
from .pagination import page_response
from .response_models import ResponseModels
from .schemas import component_name, join_pointer_str

__all__ = ["build_response", "success_codes"]

EVENT_STREAM = "text/event-stream"


def success_codes(responses: dict[Any, Any]) -> list[Any]:
    """The keys of the success responses: the 2xx ones, explicit codes lowest first, then ``2XX``;
    ``default`` only when there is none of those (``success_response_code`` picks the same first)."""
    explicit = sorted((code for code in responses if re.fullmatch(r"2\d\d", str(code))), key=str)
    ranged = [code for code in responses if str(code).upper() == "2XX"]
    found = [*explicit, *ranged]
    if not found and success_response_code(responses) is not None:
        found.append(success_response_code(responses))
    return found


def build_response(
    ctx: BuildContext, models: ResponseModels, raw: dict[str, Any], pointer: str, type_stem: str
) -> tuple[ir.ResponseSpec, str | None]:
    """The operation's response, and the ``Accept`` header its method sends (``None``: none)."""
    responses = raw.get("responses") or {}
    codes = success_codes(responses) if isinstance(responses, dict) else []
    if not codes:
        return ir.ResponseSpec(kind="none"), None
    pagination_name = raw.get("x-sdk-pagination")
    built: list[tuple[Any, ir.ResponseSpec, str | None]] = []
    for index, code in enumerate(codes):
        stem = type_stem if index == 0 else f"{type_stem}{code}"
        paginated = pagination_name if index == 0 else None
        spec, accept = _one_response(ctx, models, raw, pointer, code, stem, paginated)
        built.append((code, spec, accept))
    first_code, first, first_accept = built[0]
    distinct = {(spec.kind, spec.model, spec.content_type) for _, spec, _ in built}
    if len(built) == 1 or len(distinct) == 1 or first.kind in ("page", "sse"):
        return first, first_accept
    alternatives = tuple(
        (int(str(code)), spec) for code, spec, _ in built if re.fullmatch(r"\d\d\d", str(code))
    )
    kinds = {spec.kind for _, spec, _ in built}
    if not alternatives or kinds & {"page", "sse"}:
        return first, first_accept
    if not re.fullmatch(r"\d\d\d", str(first_code)):
        return first, first_accept
    accepts = [accept for _, _, accept in built if accept]
    accept = None
    if accepts:
        types = ["application/json"] if any(spec.kind == "model" for _, spec, _ in built) else []
        accept = ", ".join(dict.fromkeys([*types, *accepts]))
    return ir.ResponseSpec(kind="union", alternatives=alternatives), accept


def _one_response(
    ctx: BuildContext,
    models: ResponseModels,
    raw: dict[str, Any],
    pointer: str,
    code: Any,
    type_stem: str,
    pagination_name: Any,
) -> tuple[ir.ResponseSpec, str | None]:
    responses = raw["responses"]
    response, response_pointer = ctx.deref(responses[code], join_pointer_str(pointer, "responses", code))
    content = response.get("content") if isinstance(response, dict) else None
    if not content or not isinstance(content, dict):
        return ir.ResponseSpec(kind="none"), None
    json_type = next((ct for ct in content if is_json_media_type(ct)), None)
    if json_type is None:
        stream_type = next((ct for ct in content if ct.split(";")[0].strip().lower() == EVENT_STREAM), None)
        content_type = stream_type or sorted(content)[0]
        if pagination_name is not None:
            ctx.error(
                join_pointer_str(pointer, "x-sdk-pagination"),
                "a paginated operation must answer with JSON",
                rule="pagination",
            )
        if stream_type is not None:
            media_pointer = join_pointer_str(response_pointer, "content", stream_type)
            item = _event_model(ctx, models, content[stream_type], media_pointer, type_stem)
            return ir.ResponseSpec(kind="sse", item_model=item, content_type=EVENT_STREAM), EVENT_STREAM
        if content_type.startswith("text/"):
            return ir.ResponseSpec(kind="text", content_type=content_type), content_type
        return ir.ResponseSpec(kind="binary", content_type=content_type), content_type
    media_pointer = join_pointer_str(response_pointer, "content", json_type)
    media = content[json_type] if isinstance(content[json_type], dict) else {}
    schema = media.get("schema", {})
    schema_pointer = join_pointer_str(media_pointer, "schema")
    component = component_name(schema)
    if component is not None:
        model = models.model_for_component(component)
    else:
        # A $ref to a schema that is no component (another operation's response, as some specs
        # share them) names one class, after the first operation that returns it.
        target, target_pointer = ctx.deref(schema, schema_pointer)
        shared = models.model_at(target_pointer) if target_pointer != schema_pointer else None
        model = shared or models.add_model_schema(
            safe_class_name(type_stem + "Response"), target, target_pointer
        )
    if pagination_name is None:
        return ir.ResponseSpec(kind="model", model=model), None
    return page_response(ctx, models, raw, pointer, pagination_name, schema, schema_pointer, model), None


def _event_model(
    ctx: BuildContext, models: ResponseModels, media: Any, media_pointer: str, type_stem: str
) -> str | None:
    """The model of each event's data: the media's ``itemSchema`` (OpenAPI 3.2) or, failing that, its
    ``schema`` when that is JSON-shaped (an object, a reference); ``None``: the events carry text."""
    if not isinstance(media, dict):
        return None
    key = "itemSchema" if "itemSchema" in media else "schema"
    schema = media.get(key)
    schema_pointer = join_pointer_str(media_pointer, key)
    target, _ = ctx.deref(schema, schema_pointer) if schema is not None else (None, "")
    if not isinstance(target, dict) or target.get("type") in ("string", "integer", "number", "boolean"):
        return None
    if not target or target.get("format") == "binary":
        return None
    component = component_name(schema)
    if component is not None:
        return models.model_for_component(component)
    return models.add_model_schema(safe_class_name(type_stem + "Event"), schema, schema_pointer)
