"""Unit tests of the builder: small specs in memory -> ``generator.build.build_api`` -> the IR.

No files, no rendering, no subprocess: each test states a few lines of spec and what the
intermediate model must say about them (operations, parameters, types, resources, names,
responses, pagination, auth), so a change to the builder is caught where it is made.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import pytest

from _genhelpers import build_in_memory, operation_named, spec_document
from generator import ir
from generator.build import build_api
from generator.build.operations import SAFE_METHODS
from generator.config import Config, PaginationScheme
from generator.errors import SpecErrors
from generator.loader import parse_yaml, validate_document

OK = {"200": {"description": "ok"}}
CURSOR = PaginationScheme(name="cursor", class_name="CursorPage")


def json_response(schema: dict[str, Any], code: str = "200") -> dict[str, Any]:
    return {code: {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def body(schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
    return {"required": required, "content": {"application/json": {"schema": schema}}}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def errors_of(paths: dict[str, Any], **parts: Any) -> list[tuple[str, str, str]]:
    """(rule, pointer, message) of every error building the spec reports."""
    with pytest.raises(SpecErrors) as caught:
        build_in_memory(paths, **parts)
    return [(e.rule, e.location.pointer, e.message) for e in caught.value.errors]


# ------------------------------------------------------------------------------------- operations


def test_an_operation_keeps_its_method_path_documentation_and_location() -> None:
    api = build_in_memory(
        {
            "/widgets/{widget_id}": {
                "get": {
                    "operationId": "getWidget",
                    "summary": "Get a widget.",
                    "description": "Returns one widget.",
                    "deprecated": True,
                    "parameters": [
                        {"name": "widget_id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": OK,
                }
            }
        }
    )
    [op] = api.all_operations()
    assert (op.http_method, op.path, op.operation_id) == ("get", "/widgets/{widget_id}", "getWidget")
    assert (op.summary, op.description, op.deprecated) == ("Get a widget.", "Returns one widget.", True)
    assert op.pointer == "/paths/~1widgets~1{widget_id}/get"
    assert op.method_name == "get_widget"
    assert op.const_name == "_GET_WIDGET"
    assert op.args_class == "WidgetsGetWidgetArgs"
    assert op.resource_path == ("widgets",)
    assert op.dotted_name == "widgets.get_widget"
    assert op.response == ir.ResponseSpec(kind="none")
    assert op.body_mode == "none" and op.accept is None


@pytest.mark.parametrize(
    ("operation", "path", "method_name", "resource"),
    [
        (
            {"operationId": "listPetPhotos", "x-sdk-method": "photos", "x-sdk-resource": "v2.pets"},
            "/p",
            "photos",
            ("v2", "pets"),
        ),
        (
            {"operationId": "listPetPhotos", "tags": ["Pet Store", "other"]},
            "/p",
            "list_pet_photos",
            ("pet_store",),
        ),
        ({}, "/pets/{pet_id}/photo-urls", "get_pets_pet_id_photo_urls", ("pets",)),
        ({}, "/{id}", "get_id", ("default",)),
        ({"x-sdk-method": "with_options", "x-sdk-resource": "copy"}, "/x", "with_options_", ("copy_",)),
    ],
)
def test_method_and_resource_names_come_from_extensions_tags_operation_ids_or_the_path(
    operation: dict[str, Any], path: str, method_name: str, resource: tuple[str, ...]
) -> None:
    parameters = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in ("pet_id", "id")
        if "{" + name + "}" in path
    ]
    api = build_in_memory({path: {"get": {**operation, "parameters": parameters, "responses": OK}}})
    [op] = api.all_operations()
    assert op.method_name == method_name
    assert op.resource_path == resource


def test_only_get_head_and_options_are_safe_and_the_runtime_agrees() -> None:
    methods = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
    api = build_in_memory(
        {"/x": {method: {"operationId": method + "X", "responses": OK} for method in methods}}
    )
    safe = {op.http_method for op in api.all_operations() if op.safe}
    assert safe == {"get", "head", "options"} == SAFE_METHODS
    assert len(api.all_operations()) == len(methods)
    # The runtime decides the same for client.request() calls: one set, written in two places.
    runtime = (Path(__file__).parents[1] / "templates" / "runtime" / "_base_client.py").read_text()
    [written] = re.findall(r"^_SAFE_METHODS: Final = frozenset\((\{.*\})\)$", runtime, re.MULTILINE)
    assert ast.literal_eval(written) == SAFE_METHODS


# ------------------------------------------------------------------------------------- parameters


def test_parameters_merge_path_level_ones_and_are_ordered_required_first() -> None:
    api = build_in_memory(
        {
            "/shops/{shop_id}/items": {
                "parameters": [
                    {"name": "shop_id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "limit", "in": "query", "schema": {"type": "string"}},
                ],
                "post": {
                    "operationId": "addItem",
                    "parameters": [
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {"type": "integer"},
                            "description": "At most.",
                        },
                        {
                            "name": "X-Request-Id",
                            "in": "header",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {"name": "from", "in": "query", "deprecated": True, "schema": {"type": "string"}},
                    ],
                    "requestBody": body(
                        {
                            "type": "object",
                            "required": ["photoUrls"],
                            "properties": {
                                "photoUrls": {"type": "array", "items": {"type": "string"}},
                                "id": {"type": "string", "readOnly": True},
                                "note": {"type": "string", "example": "fragile"},
                            },
                        }
                    ),
                    "responses": OK,
                },
            }
        }
    )
    op = operation_named(api, "add_item")
    assert [(p.location, p.wire_name, p.py_name, p.required) for p in op.params] == [
        ("path", "shop_id", "shop_id", True),
        ("header", "X-Request-Id", "x_request_id", True),
        ("body", "photoUrls", "photo_urls", True),
        ("query", "limit", "limit", False),
        ("query", "from", "from_", False),
        ("body", "note", "note", False),
    ]
    limit = next(p for p in op.params if p.wire_name == "limit")
    assert limit.type == ir.Primitive("int") and limit.description == "At most."  # the operation's wins
    assert next(p for p in op.params if p.wire_name == "from").deprecated
    assert next(p for p in op.params if p.wire_name == "note").example == "fragile"
    assert op.body_mode == "flat" and op.body_required
    assert [
        f.wire_name for f in next(d for d in api.args_dicts if d.class_name == "ShopsAddItemArgs").fields
    ] == [
        "shop_id",
        "X-Request-Id",
        "photoUrls",
        "limit",
        "from",
        "note",
    ]


def test_a_body_that_is_not_an_object_is_one_body_argument() -> None:
    api = build_in_memory(
        {
            "/tags": {
                "put": {
                    "operationId": "setTags",
                    "requestBody": body({"type": "array", "items": {"type": "string"}}, required=False),
                    "responses": OK,
                }
            }
        }
    )
    [op] = api.all_operations()
    assert op.body_mode == "whole" and op.body_key == "body" and not op.body_required
    assert not op.body_optional  # the runtime sends a whole body as given, even when optional
    [param] = op.params
    assert (param.py_name, param.location, param.required) == ("body", "body", False)
    assert param.type == ir.ListOf(ir.Primitive("str"))


def test_a_request_body_behind_a_long_chain_of_references_is_followed_to_its_end() -> None:
    # 100 links: past the 64 the builder once followed before calling a chain circular, within
    # the loader's limit (MAX_REF_CHAIN) that validation enforces.
    bodies: dict[str, Any] = {f"B{i}": {"$ref": f"#/components/requestBodies/B{i + 1}"} for i in range(100)}
    bodies["B100"] = body({"type": "array", "items": {"type": "integer"}})
    data = json.loads(
        spec_document(
            {"/tags": {"put": {"requestBody": {"$ref": "#/components/requestBodies/B0"}, "responses": OK}}}
        )
    )
    data["components"] = {"requestBodies": bodies}
    doc = parse_yaml(json.dumps(data), "chain.yaml")
    validate_document(doc)
    api, _ = build_api(doc, Config("chain_client", "Chain", "CHAIN"))
    [op] = api.all_operations()
    assert op.body_mode == "whole" and op.body_required
    assert [(p.py_name, p.type) for p in op.params] == [("body", ir.ListOf(ir.Primitive("int")))]


def test_a_body_property_named_like_a_parameter_packs_the_body() -> None:
    api = build_in_memory(
        {
            "/things/{id}": {
                "patch": {
                    "operationId": "patchThing",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "requestBody": body(
                        {
                            "type": "object",
                            "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
                        }
                    ),
                    "responses": OK,
                }
            }
        }
    )
    [op] = api.all_operations()
    assert op.body_mode == "packed" and op.body_key == "body"
    assert {(p.location, p.wire_name): p.py_name for p in op.params} == {
        ("path", "id"): "id",
        ("body", "id"): "body_id",
        ("body", "name"): "name",
    }
    packed = next(d for d in api.args_dicts if d.class_name == "ThingsPatchThingBodyArgs")
    assert [f.wire_name for f in packed.fields] == ["id", "name"]
    args = next(d for d in api.args_dicts if d.class_name == "ThingsPatchThingArgs")
    assert [(f.wire_name, f.type) for f in args.fields] == [
        ("id", ir.Primitive("str")),
        ("body", ir.Named("ThingsPatchThingBodyArgs")),
    ]


def test_query_arrays_without_explode_are_sent_comma_separated_and_cookies_are_refused() -> None:
    api = build_in_memory(
        {
            "/search": {
                "get": {
                    "operationId": "search",
                    "parameters": [
                        {
                            "name": "ids",
                            "in": "query",
                            "explode": False,
                            "schema": {"type": "array", "items": {"type": "integer"}},
                        },
                        {
                            "name": "tags",
                            "in": "query",
                            "schema": {"type": "array", "items": {"type": "string"}},
                        },
                    ],
                    "responses": OK,
                }
            }
        }
    )
    assert operation_named(api, "search").comma_params == ("ids",)
    found = errors_of(
        {
            "/s": {
                "get": {
                    "operationId": "s",
                    "parameters": [{"name": "session", "in": "cookie", "schema": {"type": "string"}}],
                    "responses": OK,
                }
            }
        }
    )
    assert found == [("params", "/paths/~1s/get/parameters/0", "cookie parameter 'session' is not supported")]


# ------------------------------------------------------------------------------------- request types


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, ir.Primitive("str")),
        ({"type": "string", "format": "uuid"}, ir.Primitive("str", "uuid")),
        ({"type": "string", "format": "date-time"}, ir.DateTime()),
        ({"type": "string", "format": "date"}, ir.Date()),
        ({"type": "integer"}, ir.Primitive("int")),
        ({"type": "number"}, ir.Primitive("float")),
        ({"type": "boolean"}, ir.Primitive("bool")),
        ({}, ir.Primitive("object")),
        ({"type": "string", "enum": ["a", "b"]}, ir.EnumOf(("a", "b"))),
        ({"const": 3}, ir.EnumOf((3,))),
        ({"type": ["string", "null"]}, ir.Nullable(ir.Primitive("str"))),
        ({"type": ["integer", "string"]}, ir.UnionOf((ir.Primitive("int"), ir.Primitive("str")))),
        ({"type": "string", "enum": ["a", None]}, ir.Nullable(ir.EnumOf(("a",)))),
        ({"type": "array", "items": {"type": "number"}}, ir.ListOf(ir.Primitive("float"))),
        ({"type": "object", "additionalProperties": {"type": "integer"}}, ir.MapOf(ir.Primitive("int"))),
        ({"type": "object"}, ir.MapOf(ir.Primitive("object"))),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, ir.Nullable(ir.Primitive("str"))),
        (
            {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            ir.UnionOf((ir.Primitive("str"), ir.Primitive("int"))),
        ),
        (ref("Color"), ir.EnumOf(("red", "green"))),
        (ref("Part"), ir.Named("PartParam")),
        ({"type": "array", "items": ref("Part")}, ir.ListOf(ir.Named("PartParam"))),
    ],
)
def test_a_schema_becomes_one_request_type(schema: dict[str, Any], expected: ir.TypeExpr) -> None:
    components = {
        "Color": {"type": "string", "enum": ["red", "green"]},
        "Part": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
    }
    api = build_in_memory(
        {
            "/x": {
                "get": {
                    "operationId": "x",
                    "parameters": [{"name": "value", "in": "query", "schema": schema}],
                    "responses": OK,
                }
            }
        },
        components=components,
    )
    [param] = operation_named(api, "x").params
    assert param.type == expected


def test_openapi_30_nullable_is_read_as_null_allowed() -> None:
    api = build_in_memory(
        {
            "/x": {
                "get": {
                    "operationId": "x",
                    "parameters": [
                        {"name": "a", "in": "query", "schema": {"type": "string", "nullable": True}},
                        {
                            "name": "b",
                            "in": "query",
                            "schema": {"type": "integer", "enum": [1, 2, None], "nullable": True},
                        },
                        {
                            "name": "c",
                            "in": "query",
                            "schema": {"type": "array", "nullable": True, "items": {"type": "string"}},
                        },
                    ],
                    "responses": OK,
                }
            }
        },
        openapi="3.0.3",
    )
    assert [p.type for p in operation_named(api, "x").params] == [
        ir.Nullable(ir.Primitive("str")),
        ir.Nullable(ir.EnumOf((1, 2))),
        ir.Nullable(ir.ListOf(ir.Primitive("str"))),
    ]


def test_object_schemas_become_typed_dicts_once_with_all_of_merged_and_read_only_left_out() -> None:
    components = {
        "Base": {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "string"}, "secret": {"type": "string", "readOnly": True}},
        },
        "Pet": {
            "description": "A pet.",
            "allOf": [
                ref("Base"),
                {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "tags": {"type": "object", "additionalProperties": True},
                    },
                },
            ],
        },
        "Node": {
            "type": "object",
            "properties": {"child": ref("Node"), "label": {"type": "string"}},
            "additionalProperties": True,
        },
    }
    api = build_in_memory(
        {
            "/pets": {
                "post": {
                    "operationId": "addPet",
                    "requestBody": body(
                        {"type": "object", "properties": {"pet": ref("Pet"), "other": ref("Pet")}}
                    ),
                    "responses": OK,
                }
            },
            "/nodes": {
                "post": {
                    "operationId": "addNode",
                    "requestBody": body({"type": "object", "properties": {"node": ref("Node")}}),
                    "responses": OK,
                }
            },
        },
        components=components,
    )
    by_name = {td.class_name: td for td in api.typed_dicts}
    assert sorted(by_name) == ["NodeParam", "PetParam"]  # one TypedDict per schema, however often used
    pet = by_name["PetParam"]
    assert [(f.wire_name, f.required) for f in pet.fields] == [("id", True), ("name", True), ("tags", False)]
    assert pet.closed and pet.description == "A pet." and pet.source == "/components/schemas/Pet"
    assert next(f for f in pet.fields if f.wire_name == "tags").type == ir.MapOf(ir.Primitive("object"))
    node = by_name["NodeParam"]
    assert not node.closed  # additionalProperties: true lets unknown keys through
    assert node.fields[0].type == ir.Named("NodeParam")  # refers to itself


# ------------------------------------------------------------------------------------- responses


def test_responses_name_their_model_and_say_what_kind_of_result_they_are() -> None:
    components = {"Item": {"type": "object", "properties": {"id": {"type": "string"}}}}
    api = build_in_memory(
        {
            "/items/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "get": {
                    "operationId": "getItem",
                    "responses": {
                        "default": {
                            "description": "ok",
                            "content": {"application/json": {"schema": ref("Item")}},
                        }
                    },
                },
                "put": {
                    "operationId": "putItem",
                    "responses": json_response(
                        {"type": "object", "properties": {"ok": {"type": "boolean"}}}, "2XX"
                    ),
                },
                "delete": {"operationId": "deleteItem", "responses": {"204": {"description": "gone"}}},
            },
            "/items/{id}/pdf": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "get": {
                    "operationId": "getPdf",
                    "responses": {
                        "200": {
                            "description": "pdf",
                            "content": {
                                "application/pdf": {"schema": {"type": "string", "format": "binary"}}
                            },
                        }
                    },
                },
            },
            "/items/{id}/text": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "get": {
                    "operationId": "getText",
                    "responses": {
                        "200": {
                            "description": "text",
                            "content": {"text/csv": {"schema": {"type": "string"}}},
                        }
                    },
                },
            },
        },
        components=components,
    )
    assert operation_named(api, "get_item").response == ir.ResponseSpec(kind="model", model="Item")
    assert operation_named(api, "put_item").response == ir.ResponseSpec(
        kind="model", model="ItemsPutItemResponse"
    )
    assert operation_named(api, "delete_item").response == ir.ResponseSpec(kind="none")
    pdf = operation_named(api, "get_pdf")
    assert (
        pdf.response == ir.ResponseSpec(kind="binary", content_type="application/pdf")
        and pdf.accept == "application/pdf"
    )
    text = operation_named(api, "get_text")
    assert (
        text.response == ir.ResponseSpec(kind="text", content_type="text/csv") and text.accept == "text/csv"
    )
    assert api.response_models == ["Item", "ItemsPutItemResponse"]


def test_an_operation_whose_body_cannot_be_sent_is_left_out_with_a_warning() -> None:
    api = build_in_memory(
        {
            "/upload": {
                "post": {
                    "operationId": "upload",
                    "requestBody": {
                        "content": {
                            "application/xml": {"schema": {"type": "object", "properties": {"a": {}}}}
                        }
                    },
                    "responses": OK,
                }
            },
            "/ping": {"get": {"operationId": "ping", "responses": OK}},
        }
    )
    assert [op.method_name for op in api.all_operations()] == ["ping"]
    [warning] = api.warnings
    assert warning.rule == "skipped-operation"
    assert warning.location.pointer == "/paths/~1upload/post/requestBody/content"
    assert "POST /upload is left out of the client" in warning.message


# ------------------------------------------------------------------------------ bodies beyond JSON


def posting(content: dict[str, Any], responses: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "/things": {
            "post": {
                "operationId": "deliver",
                "requestBody": {"required": True, "content": content},
                "responses": responses or OK,
                **extra,
            }
        }
    }


def test_a_form_body_is_flat_and_keeps_its_encoding() -> None:
    schema = {"type": "object", "properties": {"meta": {"type": "object"}, "ids": {"type": "array"}}}
    encoding = {"meta": {"style": "deepObject", "explode": True}, "ids": {"explode": False}}
    api = build_in_memory(
        posting({"application/x-www-form-urlencoded": {"schema": schema, "encoding": encoding}})
    )
    op = operation_named(api, "deliver")
    assert op.body_mode == "flat" and [p.py_name for p in op.params] == ["meta", "ids"]
    assert op.body_formats == (
        ir.BodyFormat(
            "form",
            "application/x-www-form-urlencoded",
            (
                ir.FieldEncoding("meta", None, "deepObject", True),
                ir.FieldEncoding("ids", None, "form", False),
            ),
        ),
    )
    assert op.content_type_arg is None and op.file_params == () and not api.warnings


def test_multipart_files_are_file_inputs_left_out_of_validation() -> None:
    schema = {
        "type": "object",
        "required": ["file"],
        "properties": {
            "file": {"type": "string", "format": "binary"},
            "more": {"type": "array", "items": {"type": "string", "contentMediaType": "image/png"}},
            "declared": {"type": "string"},
            "note": {"type": "string"},
        },
    }
    encoding = {"declared": {"contentType": "application/pdf"}, "note": {"contentType": "text/plain"}}
    api = build_in_memory(posting({"multipart/form-data": {"schema": schema, "encoding": encoding}}))
    op = operation_named(api, "deliver")
    assert [(p.py_name, p.type) for p in op.params] == [
        ("file", ir.FileInput("file")),
        ("more", ir.ListOf(ir.FileInput("file"))),
        ("declared", ir.FileInput("file")),  # a string whose encoding names a file type
        ("note", ir.Primitive("str")),
    ]
    assert op.file_params == ("file", "more", "declared")
    [args] = [td for td in api.args_dicts if td.class_name == op.args_class]
    assert [f.wire_name for f in args.fields] == ["note"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            ir.FileInput("binary"),
        ),
        ({"image/*": {}}, ir.FileInput("binary")),
        ({"application/pdf": {"schema": {"type": "string"}}}, ir.FileInput("binary")),
        ({"text/plain": {"schema": {"type": "string"}}}, ir.Primitive("str")),
        ({"text/csv": {}}, ir.Primitive("str")),
        ({"application/x-www-form-urlencoded": {}}, ir.MapOf(ir.Primitive("object"))),
        ({"multipart/form-data": {"schema": {"type": "object"}}}, ir.FileInput("form")),
    ],
)
def test_a_body_without_properties_is_one_body_argument(
    content: dict[str, Any], expected: ir.TypeExpr
) -> None:
    op = operation_named(build_in_memory(posting(content)), "deliver")
    assert op.body_mode == "whole" and [(p.py_name, p.type, p.required) for p in op.params] == [
        ("body", expected, True)
    ]
    assert op.body_formats[0].content_type == next(iter(content))


def test_json_is_the_default_and_bodies_of_the_same_shape_are_offered_by_content_type() -> None:
    schema = {"type": "object", "properties": {"content_type": {"type": "string"}}}
    api = build_in_memory(
        posting(
            {
                "multipart/form-data": {"schema": schema},
                "application/json": {"schema": schema},
                "application/octet-stream": {},
                "application/xml": {"schema": schema},
            }
        )
    )
    op = operation_named(api, "deliver")
    assert [(f.kind, f.content_type) for f in op.body_formats] == [
        ("json", "application/json"),
        ("multipart", "multipart/form-data"),
    ]
    assert op.content_type_arg == "content_type_"  # the body has a property of that name
    [warning] = api.warnings
    assert warning.rule == "skipped-content-type"
    assert warning.location.pointer == "/paths/~1things/post/requestBody/content"
    assert "left out: application/xml, application/octet-stream" in warning.message


def test_a_json_only_body_has_no_formats() -> None:
    op = operation_named(build_in_memory(posting(body({"type": "object"})["content"])), "deliver")
    assert op.body_formats == () and op.content_type_arg is None


def test_event_streams_are_typed_by_their_item_schema() -> None:
    event = {"type": "object", "properties": {"seq": {"type": "integer"}}}

    def stream(media: dict[str, Any]) -> dict[str, Any]:
        return {"200": {"description": "ok", "content": {"text/event-stream": media}}}

    paths = {
        "/a": {"get": {"operationId": "modelled", "responses": stream({"schema": ref("Event")})}},
        "/b": {"get": {"operationId": "texts", "responses": stream({"schema": {"type": "string"}})}},
        "/c": {"get": {"operationId": "inline", "responses": stream({"schema": event})}},
    }
    api = build_in_memory(paths, components={"Event": event})
    assert operation_named(api, "modelled").response == ir.ResponseSpec(
        kind="sse", item_model="Event", content_type="text/event-stream"
    )
    assert operation_named(api, "modelled").accept == "text/event-stream"
    assert operation_named(api, "texts").response.item_model is None
    assert operation_named(api, "inline").response.item_model == "CInlineEvent"


def test_different_2xx_answers_make_a_union_by_status_code() -> None:
    responses = {
        **json_response(ref("A"), "200"),
        **json_response(ref("B"), "201"),
        "204": {"description": "nothing"},
        **json_response(ref("B"), "default"),
    }
    components = {
        "A": {"type": "object", "properties": {"a": {}}},
        "B": {"type": "object", "properties": {"b": {}}},
    }
    api = build_in_memory(posting(body({"type": "object"})["content"], responses), components=components)
    response = operation_named(api, "deliver").response
    assert response.kind == "union"
    assert [(code, alt.kind, alt.model) for code, alt in response.alternatives] == [
        (200, "model", "A"),
        (201, "model", "B"),
        (204, "none", None),
    ]
    same = {**json_response(ref("A"), "200"), **json_response(ref("A"), "201")}
    api = build_in_memory(posting(body({"type": "object"})["content"], same), components=components)
    assert operation_named(api, "deliver").response == ir.ResponseSpec(kind="model", model="A")


# ------------------------------------------------------------------------------------- pagination


PAGE: dict[str, Any] = {
    "type": "object",
    "required": ["data", "next_page"],
    "properties": {
        "data": {"type": "array", "items": ref("Item")},
        "next_page": {"type": ["string", "null"]},
    },
}
ITEM: dict[str, Any] = {"type": "object", "properties": {"id": {"type": "string"}}}
PAGED_PARAMS = [
    {"name": "next_page", "in": "query", "schema": {"type": "string"}},
    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
]


def test_a_paginated_operation_names_its_scheme_page_and_item_models() -> None:
    api = build_in_memory(
        {
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "x-sdk-pagination": "cursor",
                    "parameters": PAGED_PARAMS,
                    "responses": json_response(ref("ItemPage")),
                }
            }
        },
        components={"Item": ITEM, "ItemPage": PAGE},
        config=Config("shop_client", "Shop", "SHOP", pagination={"cursor": CURSOR}),
    )
    [op] = api.all_operations()
    [scheme] = api.paginations
    assert scheme == ir.Pagination(
        "cursor", "SyncCursorPage", "AsyncCursorPage", "data", "next_page", "next_page", "limit"
    )
    assert op.response == ir.ResponseSpec(kind="page", model="ItemPage", item_model="Item", pagination=scheme)
    # The operation holds the scheme itself, the one object the client's page classes come from.
    assert op.pagination is scheme


@pytest.mark.parametrize(
    ("pagination", "params", "page", "message"),
    [
        ("pages", PAGED_PARAMS, PAGE, "unknown pagination scheme 'pages' (known: cursor)"),
        ("cursor", PAGED_PARAMS[1:], PAGE, "declares no cursor query parameter 'next_page'"),
        (
            "cursor",
            PAGED_PARAMS,
            {**PAGE, "properties": {"data": PAGE["properties"]["data"]}},
            "no cursor field 'next_page'",
        ),
        (
            "cursor",
            PAGED_PARAMS,
            {**PAGE, "properties": {"items": PAGE["properties"]["data"], "next_page": {"type": "string"}}},
            "no array field 'data'",
        ),
        (
            "cursor",
            PAGED_PARAMS,
            {**PAGE, "properties": {**PAGE["properties"], "data": {"type": "array", "items": ITEM}}},
            "must be a $ref to a component schema",
        ),
    ],
)
def test_a_pagination_the_response_does_not_fit_is_an_error(
    pagination: str, params: list[dict[str, Any]], page: dict[str, Any], message: str
) -> None:
    found = errors_of(
        {
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "x-sdk-pagination": pagination,
                    "parameters": params,
                    "responses": json_response(ref("ItemPage")),
                }
            }
        },
        components={"Item": ITEM, "ItemPage": page},
        config=Config("shop_client", "Shop", "SHOP", pagination={"cursor": CURSOR}),
    )
    assert [rule for rule, _, _ in found] == ["pagination"]
    assert message in found[0][2]
    assert found[0][1].startswith("/paths/~1items/get")


# ------------------------------------------------------------------------------------- resources


def test_resources_nest_along_dotted_paths_with_a_module_each() -> None:
    api = build_in_memory(
        {
            "/a": {
                "get": {
                    "operationId": "a",
                    "x-sdk-resource": "v1.customers.invoices",
                    "x-sdk-method": "list",
                    "responses": OK,
                }
            },
            "/b": {
                "get": {
                    "operationId": "b",
                    "x-sdk-resource": "v1.customers",
                    "x-sdk-method": "list",
                    "responses": OK,
                }
            },
            "/c": {
                "get": {
                    "operationId": "c",
                    "x-sdk-resource": "v1.contracts",
                    "x-sdk-method": "list",
                    "responses": OK,
                }
            },
            "/d": {
                "get": {
                    "operationId": "d",
                    "x-sdk-resource": "widgets",
                    "x-sdk-method": "list",
                    "responses": OK,
                }
            },
        }
    )
    assert [r.path for r in api.resources] == [("v1",), ("widgets",)]
    assert [(r.path, r.module, r.is_package) for r in api.all_resources()] == [
        (("v1",), "resources.v1", True),
        (("v1", "customers"), "resources.v1.customers", True),
        (("v1", "customers", "invoices"), "resources.v1.customers.invoices", False),
        (("v1", "contracts"), "resources.v1.contracts", False),
        (("widgets",), "resources.widgets", False),
    ]
    v1 = api.resources[0]
    assert v1.operations == () and [c.attr_name for c in v1.children] == ["customers", "contracts"]
    assert [op.dotted_name for op in api.all_operations()] == [
        "v1.customers.list",
        "v1.customers.invoices.list",
        "v1.contracts.list",
        "widgets.list",
    ]
    widgets = api.resources[1]
    assert (widgets.class_name, widgets.async_class_name) == ("WidgetsResource", "AsyncWidgetsResource")


def test_two_operations_that_become_the_same_method_are_an_error() -> None:
    found = errors_of(
        {
            "/a": {
                "get": {
                    "operationId": "one",
                    "x-sdk-resource": "things",
                    "x-sdk-method": "get",
                    "responses": OK,
                }
            },
            "/b": {
                "get": {
                    "operationId": "two",
                    "x-sdk-resource": "things",
                    "x-sdk-method": "get",
                    "responses": OK,
                }
            },
        }
    )
    assert found == [("naming", "/paths/~1b/get", "operations 'one' and 'two' both become things.get()")]


# ------------------------------------------------------------------------------------- auth and the client


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        (
            {"type": "http", "scheme": "bearer", "description": "A token."},
            ir.AuthScheme(
                "shopKey", "bearer", (ir.Credential("bearer_token", "SHOP_BEARER_TOKEN"),), "A token."
            ),
        ),
        (
            {"type": "http", "scheme": "Basic"},
            ir.AuthScheme(
                "shopKey",
                "basic",
                (ir.Credential("username", "SHOP_USERNAME"), ir.Credential("password", "SHOP_PASSWORD")),
            ),
        ),
        (
            {"type": "apiKey", "in": "header", "name": "X-Shop-Key"},
            ir.AuthScheme(
                "shopKey", "api_key", (ir.Credential("shop_key", "SHOP_SHOP_KEY"),), param_name="X-Shop-Key"
            ),
        ),
        (
            {"type": "apiKey", "in": "query", "name": "key"},
            ir.AuthScheme(
                "shopKey",
                "api_key",
                (ir.Credential("shop_key", "SHOP_SHOP_KEY"),),
                location="query",
                param_name="key",
            ),
        ),
        (
            {
                "type": "openIdConnect",
                "openIdConnectUrl": "https://id.example.test/.well-known/openid-configuration",
            },
            ir.AuthScheme(
                "shopKey", "token", (ir.Credential("shop_key_token", "SHOP_SHOP_KEY_TOKEN", "token"),)
            ),
        ),
        (
            {
                "type": "oauth2",
                "flows": {
                    "clientCredentials": {"tokenUrl": "/oauth/token", "scopes": {"read": "", "write": ""}}
                },
            },
            ir.AuthScheme(
                "shopKey",
                "oauth2_client_credentials",
                (
                    ir.Credential("client_id", "SHOP_CLIENT_ID"),
                    ir.Credential("client_secret", "SHOP_CLIENT_SECRET"),
                    ir.Credential("shop_key_token", "SHOP_SHOP_KEY_TOKEN", "token"),
                ),
                token_url="/oauth/token",
                scopes=("read",),
            ),
        ),
    ],
)
def test_each_kind_of_security_scheme_becomes_its_client_credentials(
    scheme: dict[str, Any], expected: ir.AuthScheme
) -> None:
    api = build_in_memory(
        {"/x": {"get": {"operationId": "x", "responses": OK}}},
        components={},
        security_schemes={"shopKey": scheme},
        security=[{"shopKey": ["read"]}],
        config=Config("shop_client", "Shop", "SHOP"),
    )
    assert api.auth_schemes == (expected,)
    assert api.security == (("shopKey",),)
    assert api.auth_required


def test_security_alternatives_and_per_operation_security() -> None:
    schemes = {
        "basic": {"type": "http", "scheme": "basic"},
        "bearer": {"type": "http", "scheme": "bearer"},
        "key": {"type": "apiKey", "in": "cookie", "name": "session"},
        "app": {"type": "apiKey", "in": "header", "name": "X-App"},
    }
    api = build_in_memory(
        {
            "/a": {"get": {"operationId": "a", "responses": OK}},
            "/b": {"get": {"operationId": "b", "security": [], "responses": OK}},
            "/c": {"get": {"operationId": "c", "security": [{"key": [], "app": []}, {}], "responses": OK}},
        },
        security_schemes=schemes,
        security=[{"basic": []}, {"bearer": []}],
    )
    assert api.security == (("basic",), ("bearer",))
    assert [op.security for op in api.all_operations()] == [None, (), (("key", "app"), ())]
    assert not api.auth_required  # b and c may be called without credentials
    assert [c.arg_name for c in api.credentials] == ["username", "password", "bearer_token", "key", "app"]


def test_no_security_means_no_credential_and_an_unsupported_scheme_is_a_warning() -> None:
    assert build_in_memory({"/x": {"get": {"operationId": "x", "responses": OK}}}).auth_schemes == ()
    doc = parse_yaml(
        spec_document(
            {"/x": {"get": {"operationId": "x", "responses": OK}}},
            security_schemes={"mtls": {"type": "mutualTLS"}, "digest": {"type": "http", "scheme": "digest"}},
            security=[{"mtls": []}, {"digest": []}],
        ),
        "in-memory.yaml",
    )
    validate_document(doc)
    api, _ = build_api(doc, Config("in_memory_client", "InMemory", "IN_MEMORY"))
    assert api.auth_schemes == () and api.security == ()
    assert [(w.rule, w.location.pointer, w.message.split(";")[0]) for w in api.warnings] == [
        ("auth", "/components/securitySchemes/mtls", "security scheme 'mtls' (mutualTLS) is not supported"),
        (
            "auth",
            "/components/securitySchemes/digest",
            "security scheme 'digest' (http digest) is not supported",
        ),
    ]


def test_the_client_settings_come_from_the_config_and_the_first_server() -> None:
    paths = {"/x": {"get": {"operationId": "x", "responses": OK}}}
    servers = [
        {
            "url": "https://{tenant}.example.test/{version}/",
            "variables": {"tenant": {"default": "acme"}, "version": {"default": "v2"}},
        }
    ]
    config = Config(
        "shop_client",
        "Shop",
        "SHOP",
        version="3.1.4",
        max_retries=5,
        timeout_seconds=9.0,
        idempotency_header="X-Once",
    )
    api = build_in_memory(paths, servers=servers, config=config)
    assert (api.package_name, api.client_name, api.version) == ("shop_client", "Shop", "3.1.4")
    assert api.base_url == "https://acme.example.test/v2"
    assert (api.env_base_url, api.env_log) == ("SHOP_BASE_URL", "SHOP_LOG")
    assert (api.max_retries, api.timeout_seconds, api.idempotency_header) == (5, 9.0, "X-Once")
    assert (api.title, api.api_version) == ("In memory", "1")
    overridden = build_in_memory(
        paths, servers=servers, config=Config("shop_client", "Shop", "SHOP", base_url="https://other.test")
    )
    assert overridden.base_url == "https://other.test"
    assert build_in_memory(paths).base_url == "http://localhost"


def test_the_builder_reads_a_document_parsed_from_yaml_with_positions() -> None:
    text = spec_document(
        {
            "/x": {
                "get": {
                    "operationId": "x",
                    "parameters": [{"name": "q", "in": "cookie", "schema": {"type": "string"}}],
                    "responses": OK,
                }
            }
        }
    )
    doc = parse_yaml(text, "in-memory.yaml")
    validate_document(doc)
    with pytest.raises(SpecErrors) as caught:
        build_api(doc, Config("x_client", "X", "X"))
    [error] = caught.value.errors
    assert str(error.location).startswith("in-memory.yaml:")  # file and line of the parameter
    assert error.location.line is not None and error.location.line > 1


# ------------------------------------------------------------------------------------- the builder itself


def test_the_builder_stays_split_by_concern_in_small_modules() -> None:
    package = Path(__file__).parents[1] / "generator" / "build"
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in package.glob("*.py")}
    assert {"names.py", "request_types.py", "parameters.py", "bodies.py", "responses.py"} <= set(sizes)
    assert {"pagination.py", "auth.py", "operations.py", "resources.py", "response_models.py"} <= set(sizes)
    assert max(sizes.values()) <= 400, sizes
