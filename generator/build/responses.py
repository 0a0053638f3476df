"""What a successful call returns: the response the method parses and the model it parses into.

The success response is the loader's choice (``success_response_code``); JSON content becomes a
response model (``response_models``), and a paginated one a page (``pagination``); other content
is text or binary, asked for with an ``Accept`` header.
"""

from __future__ import annotations

from typing import Any

from .. import ir
from ..loader import is_json_media_type, success_response_code
from ..naming import safe_class_name
from ._context import BuildContext
from .pagination import page_response
from .response_models import ResponseModels
from .schemas import component_name, join_pointer_str

__all__ = ["build_response"]


def build_response(
    ctx: BuildContext, models: ResponseModels, raw: dict[str, Any], pointer: str, type_stem: str
) -> tuple[ir.ResponseSpec, str | None]:
    """The operation's response, and the ``Accept`` header its method sends (``None``: none)."""
    responses = raw.get("responses") or {}
    code = success_response_code(responses)
    if code is None:
        return ir.ResponseSpec(kind="none"), None
    response, response_pointer = ctx.deref(responses[code], join_pointer_str(pointer, "responses", code))
    content = response.get("content") if isinstance(response, dict) else None
    if not content:
        return ir.ResponseSpec(kind="none"), None
    json_type = next((ct for ct in content if is_json_media_type(ct)), None)
    pagination_name = raw.get("x-sdk-pagination")
    if json_type is None:
        content_type = sorted(content)[0]
        if pagination_name is not None:
            ctx.error(
                join_pointer_str(pointer, "x-sdk-pagination"),
                "a paginated operation must answer with JSON",
                rule="pagination",
            )
        if content_type.startswith("text/"):
            return ir.ResponseSpec(kind="text", content_type=content_type), content_type
        return ir.ResponseSpec(kind="binary", content_type=content_type), content_type
    media_pointer = join_pointer_str(response_pointer, "content", json_type)
    schema = content[json_type].get("schema", {})
    schema_pointer = join_pointer_str(media_pointer, "schema")
    component = component_name(schema)
    if component is not None:
        model = models.model_for_component(component)
    else:
        model = models.add_model_schema(safe_class_name(type_stem + "Response"), schema, schema_pointer)
    if pagination_name is None:
        return ir.ResponseSpec(kind="model", model=model), None
    return page_response(ctx, models, raw, pointer, pagination_name, schema, schema_pointer, model), None
