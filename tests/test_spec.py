"""The spec model (``generator/spec.py``): the one reading of the document's operations that the
builder, ``lint``, ``diff`` and ``project`` share."""

from __future__ import annotations

from textwrap import dedent

from generator.build import build_api
from generator.config import default_config
from generator.loader import Document, parse_yaml, validate_document
from generator.spec import read_spec


def document(text: str) -> Document:
    doc = parse_yaml(dedent(text), "spec.yaml")
    validate_document(doc)
    return doc


SPEC_31 = """\
    openapi: 3.1.0
    info: {title: Shop, version: "1"}
    servers: [{url: "https://shop.example.com/v1"}]
    security: [{bearer: []}]
    paths:
      /items/{item_id}:
        $ref: '#/components/pathItems/Item'
      /health:
        get:
          operationId: health
          security: []
          responses:
            "204": {description: up}
      /orders:
        parameters:
          - {name: limit, in: query, schema: {type: integer}, description: path level}
          - {name: trace, in: header, schema: {type: string}}
        post:
          operationId: createOrder
          tags: [orders]
          deprecated: true
          x-sdk-method: create
          security: [{apiKey: []}, {bearer: []}]
          parameters:
            - {name: limit, in: query, schema: {type: [integer, "null"]}, description: operation level}
            - $ref: '#/components/parameters/Page'
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/Order'}
              application/x-www-form-urlencoded:
                schema: {type: object}
          responses:
            "201":
              $ref: '#/components/responses/Created'
            "400": {description: bad}
    components:
      securitySchemes:
        bearer: {type: http, scheme: bearer}
        apiKey: {type: apiKey, in: header, name: X-Key}
      parameters:
        Page: {name: page, in: query, schema: {type: string}}
      responses:
        Created:
          description: made
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Order'}
      pathItems:
        Item:
          parameters:
            - {name: item_id, in: path, required: true, schema: {type: string}}
          get:
            operationId: getItem
            responses:
              "200":
                description: the item
                content:
                  application/json:
                    schema: {type: object, properties: {id: {type: string}}}
      schemas:
        Order:
          type: object
          properties:
            note: {type: [string, "null"]}
"""


def test_operations_follow_path_item_refs_in_document_order() -> None:
    spec = read_spec(document(SPEC_31))
    assert [(op.label, op.pointer, op.operation_id) for op in spec.operations] == [
        ("GET /items/{item_id}", "/components/pathItems/Item/get", "getItem"),
        ("GET /health", "/paths/~1health/get", "health"),
        ("POST /orders", "/paths/~1orders/post", "createOrder"),
    ]
    item = spec.operations[0]
    assert item.path_item_pointer == "/components/pathItems/Item"
    assert [(p.name, p.location, p.required, p.listed_at) for p in item.parameters] == [
        ("item_id", "path", True, "/components/pathItems/Item/parameters/0")
    ]


def test_parameters_merge_path_level_and_operation_level_the_operation_winning() -> None:
    spec = read_spec(document(SPEC_31))
    create = spec.operations[2]
    assert [
        (p.name, p.location, p.raw.get("description"), p.listed_at, p.pointer) for p in create.parameters
    ] == [
        (
            "limit",
            "query",
            "operation level",
            "/paths/~1orders/post/parameters/0",
            "/paths/~1orders/post/parameters/0",
        ),
        ("trace", "header", None, "/paths/~1orders/parameters/1", "/paths/~1orders/parameters/1"),
        ("page", "query", None, "/paths/~1orders/post/parameters/1", "/components/parameters/Page"),
    ]
    limit = create.parameter("limit", "query")
    assert limit is not None and limit.schema is not None
    assert limit.schema.pointer == "/paths/~1orders/post/parameters/0/schema"
    assert limit.schema.nullable and limit.schema.types == {"integer", "null"}
    assert create.parameter("limit", "header") is None


def test_security_is_inherited_overridden_or_switched_off() -> None:
    spec = read_spec(document(SPEC_31))
    item, health, create = spec.operations
    assert item.security == ({"bearer": []},) and item.security_pointer == "/security"
    assert health.security == () and health.security_pointer == "/paths/~1health/get/security"
    assert create.security == ({"apiKey": []}, {"bearer": []})
    assert sorted(spec.security_schemes) == ["apiKey", "bearer"]
    assert spec.security_schemes["apiKey"].pointer == "/components/securitySchemes/apiKey"


def test_bodies_responses_and_schemas_are_resolved_with_both_places() -> None:
    spec = read_spec(document(SPEC_31))
    create = spec.operations[2]
    assert (
        create.tags == ("orders",) and create.deprecated and create.extensions == {"x-sdk-method": "create"}
    )
    body = create.request_body
    assert body is not None and body.required
    assert [(m.media_type, m.is_json) for m in body.content] == [
        ("application/json", True),
        ("application/x-www-form-urlencoded", False),
    ]
    json_schema = body.content[0].schema
    assert json_schema is not None
    assert (json_schema.pointer, json_schema.listed_at) == (
        "/components/schemas/Order",
        "/paths/~1orders/post/requestBody/content/application~1json/schema",
    )
    created = create.responses["201"]
    assert (created.pointer, created.listed_at) == (
        "/components/responses/Created",
        "/paths/~1orders/post/responses/201",
    )
    assert [m.pointer for m in created.content] == ["/components/responses/Created/content/application~1json"]
    assert sorted(create.responses) == ["201", "400"] and create.responses["400"].content == ()
    assert spec.servers == [{"url": "https://shop.example.com/v1"}]
    assert spec.schemas["Order"].pointer == "/components/schemas/Order"
    assert spec.schemas["Order"].raw["properties"]["note"] == {"type": ["string", "null"]}


SPEC_30 = """\
    openapi: 3.0.3
    info: {title: Old, version: "1"}
    paths:
      /things:
        get:
          parameters:
            - {name: q, in: query, schema: {type: string, nullable: true}}
            - {name: n, in: query, schema: {type: integer}}
          responses:
            "200": {description: ok}
"""


def test_openapi_30_nullable_reads_as_a_null_type() -> None:
    spec = read_spec(document(SPEC_30))
    assert spec.is_30
    [op] = spec.operations
    assert op.operation_id is None and op.security is None
    q, n = (p.schema for p in op.parameters)
    assert q is not None and q.nullable and q.types == {"string", "null"}
    assert n is not None and not n.nullable


def test_the_model_is_read_once_per_document_and_the_builder_uses_it() -> None:
    doc = document(SPEC_31)
    assert read_spec(doc) is read_spec(doc)
    api, _ = build_api(doc, default_config("Shop"))
    built = {op.operation_id: op for op in api.all_operations()}
    # The operation under a path item $ref is built, with the path-level parameter merged in.
    assert built["getItem"].pointer == "/components/pathItems/Item/get"
    assert [p.wire_name for p in built["getItem"].params] == ["item_id"]
    assert sorted(p.wire_name for p in built["createOrder"].params if p.location != "body") == [
        "limit",
        "page",
        "trace",
    ]
    repaired = doc.without(["/components/schemas/Order/properties/note"])
    assert read_spec(repaired) is not read_spec(doc)
    assert read_spec(repaired).schemas["Order"].raw == {"type": "object", "properties": {}}
    assert doc.data["components"]["schemas"]["Order"]["properties"] == {"note": {"type": ["string", "null"]}}
