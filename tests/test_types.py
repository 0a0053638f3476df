"""The schema-to-type pass (``generator.build.types``): schemas in, IR types and models out.

Small specs are built in memory; the response models are rendered (``generator.models``) and,
where the runtime matters, the golden ``model-shapes`` package is imported and fed responses.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from _genhelpers import build_in_memory, imported_package, operation_named
from generator import ir
from generator.build.model_fields import default_of, field_name
from generator.models import model_annotation, render_models
from generator.pipeline import Inputs, format_python, load_api

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


def _get(schema: dict[str, Any], method: str = "show") -> dict[str, Any]:
    """A GET operation answering with ``schema``."""
    return {
        "get": {
            "operationId": method,
            "x-sdk-resource": "things",
            "x-sdk-method": method,
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}},
        }
    }


def _put(schema: dict[str, Any]) -> dict[str, Any]:
    """A PUT operation taking ``schema`` as the body's property ``thing``."""
    body = {"type": "object", "required": ["thing"], "properties": {"thing": schema}}
    return {
        "put": {
            "operationId": "store",
            "x-sdk-resource": "things",
            "x-sdk-method": "store",
            "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
            "responses": {"204": {"description": "stored"}},
        }
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _model(api: ir.Api, name: str) -> ir.ModelDef:
    found = api.model_named(name)
    assert found is not None, api.response_models
    return found


def _fields(model: ir.ModelDef) -> dict[str, str]:
    """Attribute -> annotation of the fields a class declares itself."""
    return {f.py_name: model_annotation(f.type) for f in model.fields}


THING = {
    "type": "object",
    "required": ["id", "when"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "when": {"type": "string", "format": "date-time"},
        "count": {"type": ["integer", "null"]},
        "ratio": {"type": "number"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "state": {"type": "string", "enum": ["on", "off"]},
        "either": {"type": ["string", "integer"]},
        "anything": {},
    },
}


def test_requests_and_responses_read_one_decision() -> None:
    """The same schema is the same type on both sides, but for what differs on purpose: a response
    enum is open, a request one closed; the object is a TypedDict on one side, a model on the other."""
    api = build_in_memory({"/a": {**_get(_ref("Thing")), **_put(_ref("Thing"))}}, components={"Thing": THING})
    model = _model(api, "Thing")
    [body] = [p for p in operation_named(api, "store").params if p.wire_name == "thing"]
    assert isinstance(body.type, ir.Named) and body.type.class_name == "ThingParam"
    [typed_dict] = [td for td in api.typed_dicts if td.class_name == "ThingParam"]
    assert body.type.definition is typed_dict
    request = {f.wire_name: f.type for f in typed_dict.fields}
    response = {f.wire_name: f.type for f in model.fields}
    assert set(request) == set(response)
    for name in request:
        if name == "state":
            assert request[name] == ir.EnumOf(("on", "off"))
            assert response[name] == ir.EnumOf(("on", "off"), open=True)
        else:
            assert request[name] == response[name], name
    assert response["count"] == ir.Nullable(ir.Primitive("int"))
    assert response["when"] == ir.DateTime()
    assert response["either"] == ir.UnionOf((ir.Primitive("str"), ir.Primitive("int")))
    assert _fields(model)["state"] == 'OpenEnum[Literal["on", "off"]]'
    assert _fields(model)["anything"] == "Any"


def test_read_only_is_never_sent_and_write_only_never_received() -> None:
    schema = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "secret": {"type": "string", "writeOnly": True},
            "name": {"type": "string"},
        },
    }
    api = build_in_memory(
        {"/a": {**_get(_ref("Thing")), **_put(_ref("Thing"))}}, components={"Thing": schema}
    )
    [typed_dict] = [td for td in api.typed_dicts if td.class_name == "ThingParam"]
    assert [f.wire_name for f in typed_dict.fields] == ["secret", "name"]
    assert [f.wire_name for f in _model(api, "Thing").fields] == ["id", "name"]


def test_a_nullable_map_keeps_the_type_of_its_values() -> None:
    counts = {"type": ["object", "null"], "additionalProperties": {"type": "integer"}}
    names = {"type": "object", "nullable": True, "additionalProperties": {"type": "string"}}
    schema = {"type": "object", "properties": {"counts": counts}}
    api = build_in_memory({"/a": _get(_ref("Thing"))}, components={"Thing": schema})
    fields = {f.py_name: f for f in _model(api, "Thing").fields}
    assert fields["counts"].type == ir.Nullable(ir.MapOf(ir.Primitive("int")))
    assert "counts: dict[str, int] | None = None" in render_models(api)
    api30 = build_in_memory(
        {"/a": _get(_ref("Thing"))},
        components={"Thing": {"type": "object", "properties": {"names": names}}},
        openapi="3.0.3",
    )
    assert "names: dict[str, str] | None = None" in render_models(api30)


def test_a_union_that_is_a_whole_response_and_a_field_is_both() -> None:
    """Used as a response, a union component is a RootModel of its own; inside another model it is
    written out as the union (the class no longer vanishes when both happen)."""
    components = {
        "A": {"type": "object", "properties": {"a": {"type": "string"}}},
        "B": {"type": "object", "properties": {"b": {"type": "string"}}},
        "U": {"oneOf": [_ref("A"), _ref("B")]},
        "Holder": {"type": "object", "required": ["u"], "properties": {"u": _ref("U")}},
    }
    api = build_in_memory(
        {"/u": _get(_ref("U"), "union"), "/h": _get(_ref("Holder"), "holder")}, components=components
    )
    assert operation_named(api, "union").response.model == "U"
    union = _model(api, "U")
    expected = ir.UnionOf((ir.Named("A"), ir.Named("B"), ir.MapOf(ir.Primitive("object"))))
    assert union.root == expected
    assert _model(api, "Holder").fields[0].type == expected
    text = render_models(api)
    assert "class U(RootModel[A | B | dict[str, Any]]):" in text
    assert "    u: A | B | dict[str, Any]\n" in text


BASE = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "string"},
        "note": {"type": ["string", "null"]},
        "size": {"type": "integer"},
    },
}


def test_an_all_of_child_that_only_adds_fields_extends_its_parent() -> None:
    child = {"allOf": [_ref("Base"), {"type": "object", "properties": {"colour": {"type": "string"}}}]}
    api = build_in_memory({"/a": _get(_ref("Child"))}, components={"Base": BASE, "Child": child})
    model = _model(api, "Child")
    assert [base.class_name for base in model.bases] == ["Base"]
    assert _fields(model) == {"colour": "str"}
    assert [f.wire_name for f in model.all_fields] == ["id", "note", "size", "colour"]
    # The field's spec place is the allOf member that declares it (drift records point there).
    assert model.fields[0].owner == "/components/schemas/Child/allOf/1"
    assert '"Child.colour": "#/components/schemas/Child/allOf/1",' in render_models(api)
    assert api.response_models.index("Base") < api.response_models.index("Child")


@pytest.mark.parametrize(
    ("member", "narrowed"),
    [
        ({"type": "object", "required": ["size"]}, ("size", "int", True)),
        (
            {"type": "object", "required": ["note"], "properties": {"note": {"type": "string"}}},
            ("note", "str", True),
        ),
        ({"type": "object", "properties": {"size": {"type": "string"}}}, ("size", "str", False)),
    ],
    ids=["made-required", "made-non-null", "other-type"],
)
def test_an_all_of_child_that_narrows_an_inherited_field_declares_all_its_fields(
    member: dict[str, Any], narrowed: tuple[str, str, bool]
) -> None:
    """A subclass may not narrow a mutable attribute (mypy [assignment], pyright's override check),
    so such a child declares every field itself, the inherited ones first, and extends nothing."""
    api = build_in_memory(
        {"/a": _get(_ref("Child"))}, components={"Base": BASE, "Child": {"allOf": [_ref("Base"), member]}}
    )
    model = _model(api, "Child")
    assert model.bases == []
    assert [f.wire_name for f in model.fields] == ["id", "note", "size"]
    name, annotation, required = narrowed
    [found] = [f for f in model.fields if f.wire_name == name]
    assert (model_annotation(found.type), found.required) == (annotation, required)
    assert "class Child(BaseModel):" in render_models(api)


def test_discriminator_tags_are_closed_literals_on_their_members() -> None:
    components = {
        "Base": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
        "Cat": {"allOf": [_ref("Base"), {"type": "object", "properties": {"purrs": {"type": "boolean"}}}]},
        "Dog": {"type": "object", "properties": {"kind": {"type": "string"}, "barks": {"type": "boolean"}}},
        "Pet": {
            "oneOf": [_ref("Cat"), _ref("Dog")],
            "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}},
        },
        "Home": {"type": "object", "properties": {"pet": _ref("Pet")}},
    }
    api = build_in_memory({"/a": _get(_ref("Home"))}, components=components)
    cat, dog = _model(api, "Cat"), _model(api, "Dog")
    assert _fields(cat)["kind"] == 'Literal["cat"]' and cat.bases == []
    assert _fields(dog)["kind"] == 'Literal["Dog"]'
    assert all(f.required for f in (*cat.fields, *dog.fields) if f.wire_name == "kind")


def test_inline_objects_are_named_after_where_they_sit() -> None:
    owner = {
        "type": "object",
        "properties": {
            "address": {
                "type": "object",
                "properties": {"geo": {"type": "object", "properties": {"lat": {}}}},
            },
            "contacts": {"type": "array", "items": {"type": "object", "properties": {"phone": {}}}},
            "by_day": {"type": "object", "additionalProperties": {"type": "object", "properties": {"n": {}}}},
            "either": {
                "oneOf": [
                    {"type": "object", "properties": {"p": {}}},
                    {"type": "object", "properties": {"q": {}}},
                ]
            },
            "maybe": {"anyOf": [{"type": "object", "properties": {"r": {}}}, {"type": "null"}]},
        },
    }
    api = build_in_memory(
        {"/a": _get(_ref("Owner")), "/b": _get({"type": "array", "items": owner}, "many")},
        components={"Owner": owner},
    )
    assert set(api.response_models) >= {
        "Owner",
        "OwnerAddress",
        "OwnerAddressGeo",
        "OwnerContactsItem",
        "OwnerByDayValue",
        "OwnerEitherVariant0",
        "OwnerEitherVariant1",
        "OwnerMaybe",
        "ThingsManyResponse",
        "ThingsManyResponseItem",
        "ThingsManyResponseItemAddressGeo",
    }
    assert not any(name[-1].isdigit() for name in api.response_models if "Variant" not in name)


@pytest.mark.parametrize(
    ("wire", "attribute"),
    [
        ("plain", "plain"),
        ("camelCase", "camelCase"),
        ("foo-bar", "foo_bar"),
        ("a.b", "a_b"),
        ("_id", "field_id"),
        ("1st", "field_1st"),
        ("$ref", "field_ref"),
        ("", "field_"),
        ("class", "class_"),
        ("None", "None_"),
        ("json", "json_"),
        ("model_dump", "model_dump_"),
        ("to_dict", "to_dict_"),
        ("drift", "drift_"),
        ("str", "str"),
    ],
)
def test_field_names(wire: str, attribute: str) -> None:
    assert field_name(wire) == attribute


def test_defaults_are_kept_only_when_they_fit_the_type() -> None:
    schema = {
        "type": "object",
        "properties": {
            "limit": {"type": "integer", "default": 10},
            "mode": {"type": "string", "enum": ["a", "b"], "default": "b"},
            "flags": {"type": "array", "items": {"type": "string"}, "default": []},
        },
    }
    api = build_in_memory({"/a": _get(_ref("Thing"))}, components={"Thing": schema})
    text = render_models(api)
    assert "    limit: int = 10\n" in text
    # A default of another type (a spec defect validation may let through) is left out.
    assert default_of({"default": "inf"}, ir.Primitive("int")) is ir.NO_DEFAULT
    assert default_of({"default": True}, ir.Primitive("int")) is ir.NO_DEFAULT
    assert default_of({"default": 2}, ir.Primitive("float")) == 2
    assert '    mode: OpenEnum[Literal["a", "b"]] = "b"\n' in text
    assert "    flags: list[str] = []\n" in text


def test_long_annotations_are_laid_out_as_black_lays_them_out() -> None:
    values = [f"VALUE_NUMBER_{i:02d}" for i in range(12)]
    schema = {
        "type": "object",
        "required": ["first"],
        "properties": {
            "first": {"type": "string", "enum": values},
            "second": {"type": ["string", "null"], "enum": [*values, None]},
            "third": {"type": "array", "items": {"type": "string", "enum": values[:7]}},
            "fourth": {"type": "object", "additionalProperties": {"type": "string", "enum": values[:6]}},
        },
    }
    long_name = "ALongComponentName" + "X" * 42  # 60 characters
    # `    <field>: <long_name> | None = None` is 111 characters: one too many, while the line up
    # to `= (` fits, so black puts the default alone in parentheses.
    field = "field_" + "x" * (111 - 4 - 2 - len(long_name) - len(" | None = None") - 6)
    holder = {"type": "object", "properties": {field: _ref(long_name)}}
    paths = {
        "/a": _get(_ref("Thing")),
        "/b": _get({"type": "array", "items": _ref(long_name)}, "a_method_with_a_name_long_enough"),
        "/c": _get(_ref("Holder"), "holder"),
    }
    api = build_in_memory(
        paths, components={"Thing": schema, long_name: {"type": "object"}, "Holder": holder}
    )
    text = render_models(api)
    assert "= (\n        None\n    )" in text and "):\n" in text
    assert format_python(text, "_responses.py") == text


def _case_inputs(folder: Path) -> Inputs:
    return Inputs(folder / "spec.yaml", folder / "generator.yaml", "spec.yaml", "generator.yaml")


@pytest.mark.parametrize(
    "folder",
    [ROOT / "spec", *sorted(path.parent for path in GOLDEN.glob("*/spec.yaml"))],
    ids=lambda path: path.name if path.name != "spec" else "our-spec",
)
def test_black_leaves_the_rendered_models_module_unchanged(folder: Path) -> None:
    spec = folder / ("openapi.yaml" if folder.name == "spec" else "spec.yaml")
    api = load_api(Inputs(spec, folder / "generator.yaml", spec.name, "generator.yaml"))
    text = render_models(api)
    assert format_python(text, "_responses.py") == text


# ---------------------------------------------------------------------------------------------
# The models at run time: the golden model-shapes package.


@pytest.fixture(scope="module")
def kennel() -> Iterator[tuple[ModuleType, ModuleType]]:
    """The golden ``model-shapes`` package's models module and runtime ``_models``."""
    with imported_package(GOLDEN / "model-shapes" / "expected", "kennel_client"):
        yield importlib.import_module("kennel_client.types._responses"), importlib.import_module(
            "kennel_client._models"
        )


def _parse(kennel: tuple[ModuleType, ModuleType], model_name: str, body: object) -> Any:
    responses, models = kennel
    request = httpx.Request("GET", "http://127.0.0.1/x")
    response = httpx.Response(200, content=json.dumps(body).encode(), request=request)
    return models.validate_response(getattr(responses, model_name), response)


def test_a_union_response_parses_into_its_member(kennel: tuple[ModuleType, ModuleType]) -> None:
    responses, _ = kennel
    pet = _parse(kennel, "Pet", {"kind": "dog", "name": "Rex", "good": True})
    assert isinstance(pet.root, responses.Dog)
    cat = _parse(kennel, "Pet", {"kind": "cat", "name": "Tom"})
    assert isinstance(cat.root, responses.Cat) and cat.root.indoor is True
    newer = _parse(kennel, "Pet", {"kind": "parrot", "name": "Polly"})
    assert newer.root == {"kind": "parrot", "name": "Polly"}


def test_drift_names_the_schema_that_declares_the_field(kennel: tuple[ModuleType, ModuleType]) -> None:
    owner = _parse(kennel, "Owner", {"id": "o", "pets": [], "visits_by_pet": {"rex": "often"}})
    [drift] = owner.drift
    assert drift.spec_pointer == "#/components/schemas/Owner/properties/visits_by_pet/additionalProperties"
    item = _parse(
        kennel,
        "ItemsRetrieveResponse",
        {"strict": {"id": "1", "size": 2}, "tagged": {"id": "2"}, "plain": {"id": "3", "colour": 4}},
    )
    pointers = sorted(record.spec_pointer for record in item.drift)
    assert pointers == [
        "#/components/schemas/PlainItem/allOf/1/properties/colour",
        "#/components/schemas/TaggedItem/allOf/1/required",
    ]


def test_a_component_that_holds_itself_without_a_class_is_any_inside_itself() -> None:
    """A JSON value (a union of scalars and of lists and maps of itself) has no finite annotation."""
    json_value = {
        "anyOf": [
            {"type": "string"},
            {"type": "number"},
            {"type": "array", "items": _ref("Json")},
            {"type": "object", "additionalProperties": _ref("Json")},
        ]
    }
    holder = {"type": "object", "properties": {"value": _ref("Json")}}
    api = build_in_memory(
        {"/a": {**_get(_ref("Holder")), **_put(_ref("Json"))}},
        components={"Json": json_value, "Holder": holder},
    )
    [field] = _model(api, "Holder").fields
    assert model_annotation(field.type) == "str | float | list[Any] | dict[str, Any]"
    [arg] = [p for p in operation_named(api, "store").params if p.wire_name == "thing"]
    assert arg.type == ir.UnionOf(
        (
            ir.Primitive("str"),
            ir.Primitive("float"),
            ir.ListOf(ir.Primitive("object")),
            ir.MapOf(ir.Primitive("object")),
        )
    )


def test_an_all_of_that_only_describes_one_schema_is_that_schema() -> None:
    components = {
        "Status": {"type": "string", "enum": ["on", "off"]},
        "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Described": {"allOf": [_ref("Base"), {"description": "A base, described."}]},
        "Thing": {
            "type": "object",
            "properties": {
                "status": {"allOf": [_ref("Status"), {"description": "Whether it runs."}]},
                "base": {"allOf": [_ref("Base"), {"description": "Its base."}]},
            },
        },
    }
    api = build_in_memory(
        {"/a": _get(_ref("Thing")), "/b": _get(_ref("Described"), "described")}, components=components
    )
    assert _fields(_model(api, "Thing")) == {"status": 'OpenEnum[Literal["on", "off"]]', "base": "Base"}
    # A component made of one object and a description stays a class of its own, extending it.
    assert [base.class_name for base in _model(api, "Described").bases] == ["Base"]
    assert "Status" not in api.response_models


def test_a_nullable_object_component_is_its_class_or_none_on_both_sides() -> None:
    user = {
        "type": "object",
        "nullable": True,
        "required": ["login"],
        "properties": {"login": {"type": "string"}},
    }
    holder = {"type": "object", "required": ["user"], "properties": {"user": _ref("NullableUser")}}
    api = build_in_memory(
        {"/a": {**_get(_ref("Holder")), **_put(_ref("NullableUser"))}},
        components={"NullableUser": user, "Holder": holder},
        openapi="3.0.3",
    )
    assert _fields(_model(api, "Holder")) == {"user": "NullableUser | None"}
    [arg] = [p for p in operation_named(api, "store").params if p.wire_name == "thing"]
    assert arg.type == ir.Nullable(ir.Named("NullableUserParam"))


def test_a_field_named_like_a_type_its_class_uses_is_renamed_and_aliased() -> None:
    schema = {
        "type": "object",
        "required": ["date", "day"],
        "properties": {"date": {"type": "string"}, "day": {"type": "string", "format": "date"}},
    }
    alone = {"type": "object", "properties": {"date": {"type": "string"}}}
    api = build_in_memory(
        {"/a": _get(_ref("Thing")), "/b": _get(_ref("Alone"), "alone")},
        components={"Thing": schema, "Alone": alone},
    )
    assert _fields(_model(api, "Thing")) == {"date_": "str", "day": "date"}
    assert '    date_: Annotated[str, Field(alias="date")]\n' in render_models(api)
    # Where nothing in the class is of type `date`, the field keeps its name.
    assert _fields(_model(api, "Alone")) == {"date": "str"}


def test_two_wire_names_that_make_one_attribute_are_numbered_in_their_class() -> None:
    schema = {"type": "object", "properties": {"+1": {"type": "integer"}, "-1": {"type": "integer"}}}
    api = build_in_memory({"/a": _get(_ref("Reactions"))}, components={"Reactions": schema})
    assert [(f.wire_name, f.py_name) for f in _model(api, "Reactions").fields] == [
        ("+1", "field_1"),
        ("-1", "field_1_1"),
    ]


def test_a_union_of_unions_is_one_union_with_one_plain_dict_last() -> None:
    components = {
        "A": {"type": "object", "properties": {"a": {"type": "string"}}},
        "B": {"type": "object", "properties": {"b": {"type": "string"}}},
        "C": {"type": "object", "properties": {"c": {"type": "string"}}},
        "BorC": {"oneOf": [_ref("B"), _ref("C")]},
        "Thing": {"type": "object", "properties": {"x": {"anyOf": [_ref("A"), _ref("BorC")]}}},
    }
    api = build_in_memory({"/a": _get(_ref("Thing"))}, components=components)
    assert _fields(_model(api, "Thing")) == {"x": "A | B | C | dict[str, Any]"}
