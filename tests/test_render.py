"""Unit tests of the renderer: IR in, text out (``generator.render``), without a whole run.

The small pieces (annotations, docstrings, imports, examples) are called on IR values made here;
the templates are rendered from small specs built in memory and asserted on the snippets that
matter, after black as the pipeline does.
"""

from __future__ import annotations

import ast
import re
from typing import Any

import pytest

from _genhelpers import build_in_memory, operation_named
from generator import ir
from generator.config import Config, PaginationScheme
from generator.pipeline import format_python
from generator.render import (
    RUNTIME_FILES,
    annotation,
    annotation_imports,
    comment,
    docstring,
    example_call,
    functional_annotation,
    method_doc,
    param_annotation,
    py_repr,
    relative_root,
    render_api_md,
    render_package,
    resource_imports,
    return_annotation,
    signature_text,
)

OK = {"200": {"description": "ok"}}
STR, INT = ir.Primitive("str"), ir.Primitive("int")


def param(
    py_name: str,
    type_: ir.TypeExpr,
    *,
    required: bool = True,
    location: ir.ParamLocation = "query",
    description: str = "",
) -> ir.Param:
    return ir.Param(py_name, py_name, location, type_, required, description)


def operation(**fields: Any) -> ir.Operation:
    values: dict[str, Any] = {
        "operation_id": "op",
        "method_name": "op",
        "const_name": "_OP",
        "args_class": "OpArgs",
        "http_method": "get",
        "path": "/things",
        "summary": "",
        "description": "",
        "params": (),
        "body_mode": "none",
        "response": ir.ResponseSpec(kind="none"),
        "accept": None,
        "deprecated": False,
        "resource_path": ("things",),
        "pointer": "/paths/~1things/get",
        "safe": True,
    }
    values.update(fields)
    return ir.Operation(**values)


# ------------------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        (STR, "str"),
        (ir.Primitive("float"), "NumberArg"),
        (ir.Primitive("object"), "object"),
        (ir.DateTime(), "DateTimeArg"),
        (ir.Date(), "DateArg"),
        (ir.EnumOf(("a", 'say "hi"', 2)), 'Literal["a", \'say "hi"\', 2]'),
        (ir.ListOf(ir.Named("PartParam")), "Sequence[PartParam]"),
        (ir.MapOf(ir.Nullable(INT)), "Mapping[str, int | None]"),
        (ir.UnionOf((STR, ir.ListOf(INT))), "str | Sequence[int]"),
        (ir.Nullable(ir.EnumOf(("x",))), 'Literal["x"] | None'),
    ],
)
def test_each_request_type_has_one_annotation(expr: ir.TypeExpr, text: str) -> None:
    assert annotation(expr) == text


@pytest.mark.parametrize(
    ("expr", "names"),
    [
        (STR, set()),
        (ir.Primitive("float"), {"NumberArg"}),
        (ir.Nullable(ir.DateTime()), {"DateTimeArg"}),
        (ir.ListOf(ir.Date()), {"Sequence", "DateArg"}),
        (ir.MapOf(ir.UnionOf((ir.Named("PartParam"), ir.EnumOf(("a",))))), {"Mapping", "Literal"}),
        (ir.EnumOf((None,)), set()),
        # Read from the type, not from its text: an enum value that looks like an annotation adds nothing.
        (ir.EnumOf(("Sequence[int]", "NumberArg")), {"Literal"}),
    ],
)
def test_a_type_says_which_names_its_annotation_imports(expr: ir.TypeExpr, names: set[str]) -> None:
    assert annotation_imports(expr) == names


def test_annotations_naming_a_typed_dict_are_quoted_where_evaluated_at_once() -> None:
    assert functional_annotation(ir.ListOf(ir.Named("NodeParam"))) == '"Sequence[NodeParam]"'
    assert functional_annotation(ir.ListOf(STR)) == "Sequence[str]"


def test_optional_arguments_also_take_not_given_with_none_last() -> None:
    assert param_annotation(param("a", STR)) == "str"
    assert param_annotation(param("a", STR, required=False)) == "str | NotGiven"
    assert param_annotation(param("a", ir.Nullable(STR), required=False)) == "str | NotGiven | None"


def test_return_annotations_follow_the_response_kind() -> None:
    api = build_in_memory(
        {"/x": {"get": {"operationId": "x", "responses": OK}}},
        config=Config("c_client", "C", "C", pagination={"cursor": PaginationScheme("cursor", "CursorPage")}),
    )
    [cursor] = api.paginations
    page = operation(
        response=ir.ResponseSpec(kind="page", model="ItemPage", item_model="Item", pagination=cursor)
    )
    assert return_annotation(page, is_async=False) == "SyncCursorPage[Item]"
    assert return_annotation(page, is_async=True) == "AsyncPaginator[Item, AsyncCursorPage[Item]]"
    kinds = {"model": "Item", "binary": "BinaryResponse", "text": "str", "none": "None"}
    for kind, expected in kinds.items():
        response = ir.ResponseSpec(kind=kind, model="Item" if kind == "model" else None)  # type: ignore[arg-type]
        assert return_annotation(operation(response=response), is_async=True) == expected


# ------------------------------------------------------------------------------------- text from the spec


def test_a_method_docstring_has_the_summary_description_arguments_and_deprecation() -> None:
    documented = operation(
        summary="List things.",
        description="Pages through things.",
        deprecated=True,
        params=(param("limit", INT, description="At most\nthis many."), param("cursor", STR)),
    )
    text = method_doc(documented)
    assert text.startswith(
        "List things.\n\nPages through things.\n\nDeprecated: the API marks this operation as deprecated.\n\nArgs:\n"
    )
    assert "  limit: At most this many.\n" in text
    assert "cursor" not in text  # undocumented arguments are not listed
    assert "timeout, max_retries, deadline: override the client's settings for this call" in text
    assert method_doc(operation(http_method="delete", path="/things/{id}")) == "DELETE /things/{id}"


@pytest.mark.parametrize(
    "text",
    [
        'ends with a quote"',
        'three """ quotes',
        "a \\ backslash \\n",
        "a NUL \x00 and a bell \x07",
        "line\r\nbreaks\rhere",
    ],
)
def test_spec_text_cannot_break_out_of_a_docstring_or_a_comment(text: str) -> None:
    source = f"def f() -> None:\n    {docstring(text, 4)}\n\n{comment(text)}\nx = 1\n"
    tree = ast.parse(source)  # still one function and one assignment: nothing was injected
    assert [type(node).__name__ for node in tree.body] == ["FunctionDef", "Assign"]
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef) and len(function.body) == 1
    assert "\x00" not in source and "\r" not in source
    assert all(line.startswith("#") for line in comment(text).splitlines())


def test_values_from_the_spec_become_python_literals() -> None:
    assert py_repr({"a": [1, 2.5, None, True], "b": "it's"}) == '{"a": [1, 2.5, None, True], "b": "it\'s"}'
    assert py_repr(float("nan")) == 'float("nan")' and py_repr(float("-inf")) == 'float("-inf")'


def test_relative_imports_reach_the_package_root() -> None:
    assert relative_root("resources.widgets", False) == ".."
    assert relative_root("resources.v1", True) == "..."
    assert relative_root("resources.v1.customers.invoices", False) == "...."


# ------------------------------------------------------------------------------------- a rendered package

SHOP = Config("shop_client", "Shop", "SHOP", pagination={"cursor": PaginationScheme("cursor", "CursorPage")})
ITEM = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
SHOP_PATHS: dict[str, Any] = {
    "/items": {
        "get": {
            "operationId": "listItems",
            "x-sdk-resource": "shop.items",
            "x-sdk-method": "list",
            "x-sdk-pagination": "cursor",
            "parameters": [
                {"name": "next_page", "in": "query", "schema": {"type": "string"}},
                {"name": "since", "in": "query", "schema": {"type": "string", "format": "date-time"}},
            ],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["data"],
                                "properties": {
                                    "data": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                                    "next_page": {"type": ["string", "null"]},
                                },
                            }
                        }
                    },
                }
            },
        },
        "post": {
            "operationId": "createItem",
            "x-sdk-resource": "shop.items",
            "x-sdk-method": "create",
            "summary": 'Create an item (say """hi""").',
            "deprecated": True,
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["color"],
                            "properties": {"color": {"type": "string", "enum": ["red", "blue"]}},
                        }
                    }
                },
            },
            "responses": {
                "201": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
                }
            },
        },
    },
    "/items/{item_id}/label": {
        "get": {
            "operationId": "getLabel",
            "x-sdk-resource": "shop.items",
            "x-sdk-method": "label",
            "parameters": [{"name": "item_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "a label",
                    "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
                }
            },
        }
    },
}


@pytest.fixture(scope="module")
def shop() -> ir.Api:
    return build_in_memory(
        SHOP_PATHS,
        components={"Item": ITEM},
        security_schemes={"shopKey": {"type": "apiKey", "in": "header", "name": "X-Shop-Key"}},
        security=[{"shopKey": []}],
        servers=[{"url": "https://shop.example.test/v1"}],
        config=SHOP,
    )


@pytest.fixture(scope="module")
def rendered(shop: ir.Api) -> dict[str, str]:
    """The package's files, the Python ones formatted as the pipeline formats them."""
    return {
        name: format_python(text, name) if name.endswith(".py") else text
        for name, text in render_package(shop).items()
    }


def test_the_package_has_the_runtime_and_one_module_per_resource(rendered: dict[str, str]) -> None:
    assert set(RUNTIME_FILES) <= set(rendered)
    assert {"__init__.py", "_client.py", "pagination.py", "py.typed", "types/_params.py"} <= set(rendered)
    assert {"resources/__init__.py", "resources/shop/__init__.py", "resources/shop/items.py"} <= set(rendered)
    assert not any(
        name.startswith("resources/")
        and name not in {"resources/__init__.py", "resources/shop/__init__.py", "resources/shop/items.py"}
        for name in rendered
    )


def test_an_operation_is_rendered_as_its_runtime_description(rendered: dict[str, str]) -> None:
    items = rendered["resources/shop/items.py"]
    assert (
        "_LIST = Operation(\n"
        '    name="shop.items.list",\n'
        '    method="get",\n'
        '    path="/items",\n'
        "    path_params=(),\n"
        "    query_params=(\n"
        '        "next_page",\n'
        '        "since",\n'
        "    ),\n"
        "    header_params=(),\n"
        '    validate=ArgsValidator(ShopItemsListArgs, "shop.items.list"),\n'
        ")"
    ) in items
    assert '    body_params=("color",),\n' in items and "body_optional" not in items  # the body is required
    assert '    headers={"Accept": "application/pdf"},\n' in items


def test_an_optional_object_body_is_marked_so_the_runtime_can_leave_it_out() -> None:
    schema = {"type": "object", "properties": {"note": {"type": "string"}}}
    api = build_in_memory(
        {
            "/notes": {
                "post": {
                    "operationId": "addNote",
                    "requestBody": {"content": {"application/json": {"schema": schema}}},
                    "responses": {"204": {"description": "done"}},
                }
            }
        }
    )
    [op] = api.all_operations()
    assert (op.body_mode, op.body_required, op.body_optional) == ("flat", False, True)
    module = format_python(render_package(api)["resources/notes.py"], "resources/notes.py")
    assert '    body_params=("note",),\n    body_optional=True,\n' in module


def test_methods_have_typed_keyword_arguments_and_the_right_options(rendered: dict[str, str]) -> None:
    items = rendered["resources/shop/items.py"]
    sync_list = items[items.index("    def list(") : items.index("    def create(")]
    assert "        next_page: str | NotGiven = NOT_GIVEN,\n" in sync_list
    assert "        since: DateTimeArg | NotGiven = NOT_GIVEN,\n" in sync_list
    assert ") -> SyncCursorPage[Item]:" in sync_list
    assert "idempotency_key" not in sync_list  # a GET is safe to retry as it is
    create = items[items.index("    def create(") : items.index("    def label(")]
    assert '        color: Literal["red", "blue"],\n' in create
    assert "        idempotency_key: str | NotGiven = NOT_GIVEN,\n" in create
    assert ") -> Item:" in create
    assert '    @deprecated("The API marks shop.items.create() as deprecated.")\n' in items
    assert 'Create an item (say \\"\\"\\"hi\\"\\"\\").' in create  # escaped, not closing the docstring
    # The async list method is not a coroutine: it returns a paginator to await or iterate.
    assert "    def list(\n" in items[items.index("class AsyncShopItemsResource") :]
    assert ") -> AsyncPaginator[Item, AsyncCursorPage[Item]]:" in items
    assert "    async def create(\n" in items and "    async def label(\n" in items


def test_a_resource_module_imports_exactly_what_it_uses(shop: ir.Api, rendered: dict[str, str]) -> None:
    [items] = [r for r in shop.all_resources() if r.path == ("shop", "items")]
    lines = resource_imports(items)
    assert "from typing import Literal" in lines
    assert "from typing_extensions import deprecated" in lines
    assert "from ...pagination import AsyncPaginator, AsyncCursorPage, SyncCursorPage" in lines
    assert "from ..._models import ArgsValidator, DateTimeArg, model_parser" in lines
    assert any("BinaryResponse" in line and "parse_binary" in line for line in lines)
    assert "from ...types._responses import Item, ShopItemsListResponse" in lines
    assert "from ...types._params import ShopItemsCreateArgs, ShopItemsLabelArgs, ShopItemsListArgs" in lines
    [parent] = [r for r in shop.all_resources() if r.path == ("shop",)]
    assert not any(line.startswith("import httpx") for line in resource_imports(parent))  # no operations
    assert "from typing import TYPE_CHECKING" in resource_imports(parent)


def test_the_client_takes_its_credential_and_base_url_from_the_spec(rendered: dict[str, str]) -> None:
    client = rendered["_client.py"]
    assert 'shop_key = _credential(shop_key, "SHOP_SHOP_KEY", "shop_key")' in client
    assert re.search(
        r'"shopKey": APIKey\(\s*"shopKey",\s*"header",\s*"X-Shop-Key",\s*self\.shop_key,', client
    )
    assert 'default_security = (("shopKey",),)' in client
    assert "class Shop(" in client and "class AsyncShop(" in client
    constants = rendered["_constants.py"]
    assert '"https://shop.example.test/v1"' in constants and '"SHOP_BASE_URL"' in constants


def test_the_reference_lists_each_method_with_signature_arguments_and_example(shop: ir.Api) -> None:
    label = operation_named(shop, "label")
    assert signature_text(label, shop) == "shop.items.label(*, item_id: str) -> BinaryResponse"
    assert example_call(label, shop) == 'client.shop.items.label(item_id="string")'
    reference = render_api_md(shop)
    assert "client = Shop()  # reads SHOP_SHOP_KEY" in reference
    assert (
        "## `shop.items`" in reference and "## `shop`\n" not in reference
    )  # a resource without methods has no section
    assert "| `since` | query | `DateTimeArg` | no |  |" in reference
    assert '`POST /items`: Create an item (say """hi"""). **Deprecated.**' in reference
    assert "for item in client.shop.items.list():\n    print(item)" in reference
    assert 'downloaded.write_to_file("label.pdf")' in reference
