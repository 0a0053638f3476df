"""Patterns from real-world specs: each small spec under ``tests/specs/real/`` is generated and the
client is used through ``httpx.MockTransport``; what it sends and what it returns is asserted.

Also: what ``generate`` may replace in an output directory, and the modes it leaves behind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from _genhelpers import ROOT, SPECS, imported_package, run_generator, tree_bytes
from generator import ir
from generator.errors import SpecErrors
from generator.lint import lint_file
from generator.pipeline import Inputs, UnsafeOutputError, _write_tree, build_files, generate

REAL = SPECS / "real"

Handler = Callable[[httpx.Request], httpx.Response]


def build(spec: str, out: Path) -> tuple[ir.Api, dict[str, str]]:
    """Generate ``tests/specs/real/<spec>`` into ``out`` (no import check: the tests import it)."""
    api, files = build_files(Inputs.from_paths(REAL / spec))
    _write_tree(out, files)
    return api, files


def client_for(module: ModuleType, api: ir.Api, handler: Handler, **options: Any) -> Any:
    client_class = getattr(module, api.client_name)
    return client_class(http_client=httpx.Client(transport=httpx.MockTransport(handler)), **options)


class Recorder:
    """Answers every request with one JSON body (or none), keeping the requests."""

    def __init__(self, body: object = None, status: int = 200) -> None:
        self.body = body
        self.status = status
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.body is None:
            return httpx.Response(204 if self.status == 200 else self.status)
        return httpx.Response(self.status, json=self.body)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def last_json(self) -> Any:
        return json.loads(self.last.content)


@pytest.fixture
def generated(tmp_path: Path) -> Iterator[Callable[[str], tuple[ir.Api, ModuleType]]]:
    """Generate a spec from ``tests/specs/real/`` and import its package (forgotten afterwards)."""
    stack: list[Any] = []

    def make(spec: str) -> tuple[ir.Api, ModuleType]:
        out = tmp_path / Path(spec).stem
        api, _ = build(spec, out)
        context = imported_package(out, api.package_name)
        stack.append(context)
        return api, context.__enter__()

    yield make
    for context in reversed(stack):
        context.__exit__(None, None, None)


# ------------------------------------------------------------------------------------------------
# 1. The output directory.


def test_generate_refuses_a_directory_holding_files_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "src").mkdir()
    before = tree_bytes(tmp_path)
    result = run_generator("--spec", REAL / "basics.yaml", "--out", out)
    assert result.returncode == 3, result.stderr
    assert "notes.txt, src, which the generator did not write" in result.stderr
    assert "nothing was written" in result.stderr
    assert tree_bytes(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "no staging or backup directory is left"


def test_generate_replaces_its_own_output_and_tool_caches_with_the_default_mode(tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = Inputs.from_paths(REAL / "basics.yaml")
    api, files = generate(inputs, out)
    (out / ".mypy_cache").mkdir()
    (out / ".mypy_cache" / "x.json").write_text("{}", encoding="utf-8")
    (out / api.package_name / "stale.py").write_text("", encoding="utf-8")
    (out / "__pycache__").mkdir()
    generate(inputs, out)
    assert set(tree_bytes(out)) == set(files)
    umask = os.umask(0o022)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask
    assert (out / api.package_name).stat().st_mode & 0o777 == 0o777 & ~umask

    (out / "README.md").write_text("keep me", encoding="utf-8")
    with pytest.raises(UnsafeOutputError, match=r"README\.md"):
        generate(inputs, out)
    assert (out / "README.md").read_text(encoding="utf-8") == "keep me"
    assert set(tree_bytes(out)) == set(files) | {"README.md"}


def test_generate_refuses_to_replace_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("a file", encoding="utf-8")
    with pytest.raises(UnsafeOutputError, match="not a directory"):
        generate(Inputs.from_paths(REAL / "basics.yaml"), target)
    assert target.read_text(encoding="utf-8") == "a file"


# ------------------------------------------------------------------------------------------------
# 2. Request types that refer to themselves or to types defined later, with non-identifier keys.


def test_functional_typed_dicts_may_refer_forward_and_to_themselves(tmp_path: Path) -> None:
    out = tmp_path / "out"
    # generate() runs the import check: every module imported, a TypeAdapter built per TypedDict.
    api, files = generate(Inputs.from_paths(REAL / "forward-refs.yaml"), out)
    params = files[f"{api.package_name}/types/_params.py"]
    assert "NodeParam = TypedDict(" in params
    assert params.index("NodeParam = TypedDict(") < params.index("class ZoneParam(")
    answer = Recorder({"kind": "leaf"})
    with imported_package(out, api.package_name) as module:
        client = client_for(module, api, answer)
        client.nodes.create_node(
            kind='it\'s "quoted"',
            child_node={"kind": "leaf", "child-node": {"kind": "leaf"}, "class": {"name": "z"}},
            all_kids=[{"kind": "leaf", "all-kids": []}],
            class_={"name": "a"},
            tag_or_node={"kind": "leaf", "tag-or-node": 'say "hi"\\n'},
        )
        assert answer.last_json() == {
            "kind": 'it\'s "quoted"',
            "child-node": {"kind": "leaf", "child-node": {"kind": "leaf"}, "class": {"name": "z"}},
            "all-kids": [{"kind": "leaf", "all-kids": []}],
            "class": {"name": "a"},
            "tag-or-node": {"kind": "leaf", "tag-or-node": 'say "hi"\\n'},
        }
        with pytest.raises(module.ArgumentError, match="tag-or-node"):
            client.nodes.create_node(kind="leaf", tag_or_node="it is")
        with pytest.raises(module.ArgumentError, match=r"child-node\.child-node\.kind"):
            client.nodes.create_node(kind="leaf", child_node={"kind": "leaf", "child-node": {"kind": "oak"}})
        with pytest.raises(module.ArgumentError, match=r"class\.name"):
            client.nodes.create_node(kind="leaf", class_={})


# ------------------------------------------------------------------------------------------------
# 3, 4, 8. Success responses under `default` / `2XX`, server variables, undocumented operations.


def test_default_and_range_responses_server_variables_and_docstrings(
    generated: Callable[[str], tuple[ir.Api, ModuleType]],
) -> None:
    api, module = generated("basics.yaml")
    assert api.base_url == "https://demo.acme.example/eu/v2"
    answer = Recorder({"id": "i1", "name": "n", "extra": True})
    client = client_for(module, api, answer)

    item = client.items.get_item(id="i1")
    assert isinstance(item, module.types.Item)
    assert (item.id, item.name, item.model_extra) == ("i1", "n", {"extra": True})
    assert str(answer.last.url) == "https://demo.acme.example/eu/v2/items/i1"

    created = client.items.create_item(name="n")
    assert isinstance(created, module.types.Item) and created.id == "i1"

    answer.body = None
    assert client.items.delete_item(id="i1") is None

    resource = type(client.items)
    assert resource.get_item.__doc__ == "GET /items/{id}"
    assert resource.delete_item.__doc__ == "DELETE /items/{id}"
    assert resource.create_item.__doc__ == "Create an item."


# ------------------------------------------------------------------------------------------------
# 5a. Body properties named like other parameters.


def test_body_properties_named_like_parameters_get_a_body_prefix(
    generated: Callable[[str], tuple[ir.Api, ModuleType]],
) -> None:
    api, module = generated("collisions.yaml")
    update = next(op for op in api.all_operations() if op.method_name == "update_widget")
    names = {(p.location, p.wire_name): p.py_name for p in update.params}
    assert names == {
        ("path", "id"): "id",
        ("query", "version"): "version",
        ("header", "X-Trace"): "x_trace",
        ("body", "id"): "body_id",
        ("body", "version"): "body_version",
        ("body", "x_trace"): "body_x_trace",
        ("body", "label"): "label",
    }
    answer = Recorder({"id": "w1"})
    client = client_for(module, api, answer)
    client.widgets.update_widget(id="w1", body_id="b1", version=3, body_version=4, x_trace="t", label="l")
    assert answer.last.url.path == "/widgets/w1"
    assert dict(answer.last.url.params) == {"version": "3"}
    assert answer.last.headers["X-Trace"] == "t"
    assert answer.last_json() == {"id": "b1", "version": 4, "label": "l"}

    client.widgets.update_widget(id="w1", body_id="b1", body_x_trace=True)
    assert dict(answer.last.url.params) == {}
    assert "X-Trace" not in answer.last.headers
    assert answer.last_json() == {"id": "b1", "x_trace": True}

    with pytest.raises(module.ArgumentError, match="version"):
        client.widgets.update_widget(id="w1", body_id="b1", body_version="four")
    with pytest.raises(TypeError):
        client.widgets.update_widget(id="w1")  # body_id is required

    answer.body = None
    client.widgets.replace_widget(id="w1", label="l")
    assert answer.last_json() == {"label": "l"}


def test_a_body_prefix_that_collides_again_is_an_error() -> None:
    with pytest.raises(SpecErrors) as caught:
        build_files(Inputs.from_paths(REAL / "collisions-unresolvable.yaml"))
    [error] = caught.value.errors
    assert error.rule == "naming"
    assert error.location.pointer == "/paths/~1widgets~1{id}/patch"
    assert "both become the Python argument 'body_id'" in error.message


# ------------------------------------------------------------------------------------------------
# 5b. Request bodies that are not JSON.


def test_operations_whose_bodies_cannot_be_sent_are_left_out_with_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_generator("--spec", REAL / "non-json-bodies.yaml", "--out", out)
    assert result.returncode == 0, result.stderr
    # Each left-out operation is named with the reason, where it is; the summary line counts them.
    warnings = [line for line in result.stderr.splitlines() if "warning[skipped-operation]" in line]
    assert len(warnings) == 3, result.stderr
    assert result.stderr.splitlines()[-1].endswith("warnings (3 operations left out of the client)")
    assert "POST /files is left out of the client" in warnings[0]
    assert "(multipart/mixed)" in warnings[0]
    assert "/paths/~1files/post/requestBody/content" in warnings[0]
    assert "PUT /files/raw" in warnings[1] and "application/xml" in warnings[1]
    assert "POST /login" in warnings[2] and "application/yaml" in warnings[2]

    with imported_package(out, "uploads_client") as module:
        resource = type(module.Uploads(http_client=httpx.Client()).files)
        assert hasattr(resource, "list_files")
        assert not hasattr(resource, "upload_file") and not hasattr(resource, "put_raw")
        answer = Recorder(["a.txt"])
        client = module.Uploads(http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        assert client.files.list_files().root == ["a.txt"]
    assert "login" not in (out / "api.md").read_text(encoding="utf-8")

    findings = [f for f in lint_file(REAL / "non-json-bodies.yaml") if f.rule == "skipped-operation"]
    assert [(f.severity, f.location.pointer) for f in findings] == [
        ("warning", "/paths/~1files/post/requestBody/content"),
        ("warning", "/paths/~1files~1raw/put/requestBody/content"),
        ("warning", "/paths/~1login/post/requestBody/content"),
    ]


def test_a_spec_whose_every_operation_is_left_out_gives_an_empty_client(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    text = (REAL / "non-json-bodies.yaml").read_text(encoding="utf-8")
    spec.write_text(text.replace("    get:\n      operationId: listFiles", "    x-get:"), encoding="utf-8")
    api, files = build_files(Inputs.from_paths(spec))
    assert api.all_operations() == [] and len(api.warnings) == 3
    _write_tree(tmp_path / "out", files)
    with imported_package(tmp_path / "out", api.package_name) as module:
        assert module.Uploads(base_url="https://x.test").base_url == "https://x.test/"


# ------------------------------------------------------------------------------------------------
# 5c. readOnly and writeOnly properties.


def test_read_only_properties_are_not_arguments_and_write_only_ones_not_required_in_responses(
    generated: Callable[[str], tuple[ir.Api, ModuleType]],
) -> None:
    api, module = generated("read-write-only.yaml")
    create = next(op for op in api.all_operations() if op.method_name == "create_account")
    assert [(p.py_name, p.required) for p in create.params] == [("email", True), ("password", True)]
    [account_param] = [td for td in api.typed_dicts if td.class_name == "AccountParam"]
    assert [f.wire_name for f in account_param.fields] == ["email", "password"]

    answer = Recorder({"id": "a1", "created_at": "2024-01-02T03:04:05Z", "email": "e@x.test"}, status=201)
    client = client_for(module, api, answer)
    account = client.accounts.create_account(email="e@x.test", password="secret")
    assert answer.last_json() == {"email": "e@x.test", "password": "secret"}
    assert (account.id, account.email, account.created_at.year) == ("a1", "e@x.test", 2024)
    assert "password" not in module.types.Account.model_fields
    with pytest.raises(TypeError):
        client.accounts.create_account(email="e", password="p", id="a2")

    answer.body = None
    client.teams.create_team(owner={"email": "o@x.test", "password": "p"})
    assert answer.last_json() == {"owner": {"email": "o@x.test", "password": "p"}}
    with pytest.raises(module.ArgumentError, match=r"owner\.id"):
        client.teams.create_team(owner={"email": "o@x.test", "password": "p", "id": "a3"})


# ------------------------------------------------------------------------------------------------
# 6. Query parameter styles.


def test_query_parameters_follow_style_and_explode(
    generated: Callable[[str], tuple[ir.Api, ModuleType]],
) -> None:
    api, module = generated("query-style.yaml")
    [op] = api.all_operations()
    assert op.comma_params == ("fields", "ids")
    answer = Recorder()
    client = client_for(module, api, answer)
    client.search.search(
        fields=["id", "name"], ids=[1, 2], tags=["a", "b"], flag=True, filter={"owner": "me"}
    )
    assert answer.last.url.params.multi_items() == [
        ("fields", "id,name"),
        ("ids", "1,2"),
        ("tags", "a"),
        ("tags", "b"),
        ("flag", "true"),
        ("filter[owner]", "me"),
    ]
    assert answer.last.url.query.startswith(b"fields=id,name&ids=1,2&")  # the comma goes on the wire as is
    client.search.search(fields=["one"], ids=None)
    assert answer.last.url.params.multi_items() == [("fields", "one")]


def test_unsupported_query_styles_are_reported_where_they_are() -> None:
    with pytest.raises(SpecErrors) as caught:
        build_files(Inputs.from_paths(REAL / "query-style-unsupported.yaml"))
    found = {(e.location.pointer, e.location.line): e.message for e in caught.value.errors}
    assert set(found) == {
        ("/paths/~1search/get/parameters/0", 8),
        ("/paths/~1search/get/parameters/1", 9),
        ("/paths/~1search/get/parameters/2", 10),
    }
    messages = list(found.values())
    assert "query parameter 'words' uses style: spaceDelimited" in messages[0]
    assert "query parameter 'pipes' uses style: pipeDelimited" in messages[1]
    assert "'point' is an object with style: form and explode: false" in messages[2]
    assert all(e.rule == "params" and e.message.startswith("unsupported") for e in caught.value.errors)


# ------------------------------------------------------------------------------------------------
# 7. Unions of objects accept variants the spec does not know yet.


@pytest.mark.parametrize(
    ("body", "shape", "pet"),
    [
        ({"shape": {"kind": "c", "radius": 1}, "pet": {"petType": "Cat", "meow": True}}, "Circle", "Cat"),
        ({"shape": {"kind": "round"}, "pet": {"petType": "Dog", "meow": True}}, "Circle", "Dog"),
        ({"shape": {"kind": "sq", "side": 2, "radius": 1}, "pet": {"petType": "Dog"}}, "Square", "Dog"),
        ({"shape": {"kind": "hexagon", "radius": 1}, "pet": {"petType": "Fish", "fins": 2}}, "dict", "dict"),
    ],
)
def test_unions_of_objects_parse_known_variants_to_their_model_and_unknown_ones_to_dicts(
    generated: Callable[[str], tuple[ir.Api, ModuleType]], body: dict[str, Any], shape: str, pet: str
) -> None:
    api, module = generated("discriminator.yaml")
    client = client_for(module, api, Recorder({**body, "plain": body["shape"], "maybe": None}))
    result = client.shapes.get_shape()
    assert type(result.shape).__name__ == shape
    assert type(result.plain).__name__ == shape
    assert type(result.pet).__name__ == pet
    assert result.maybe is None
    expected_shape = body["shape"] if shape == "dict" else result.shape.to_dict()
    assert expected_shape == body["shape"]
    # The tag decides, not the fields: a Dog that also has a `meow` is still a Dog.
    if pet != "dict":
        assert result.pet.petType == body["pet"]["petType"]


def test_union_schemas_handed_to_the_model_generator() -> None:
    api, files = build_files(Inputs.from_paths(REAL / "discriminator.yaml"))
    source = files[f"{api.package_name}/types/_responses.py"]
    assert "shape: Circle | Square | dict[str, Any] | None = None" in source
    assert "plain: Circle | Square | dict[str, Any] | None = None" in source
    assert "maybe: Circle | None = None" in source  # a nullable reference is not a union of objects
    assert "discriminator" not in source
    assert 'kind: Literal["c", "round"]' in source
    assert 'petType: Literal["Dog"]' in source


# ------------------------------------------------------------------------------------------------
# 9. No unused imports (pyright strict and ruff report them), with or without pagination.


def test_ruff_finds_nothing_in_the_generated_code(tmp_path: Path) -> None:
    specs = sorted(
        p.name for p in REAL.glob("*.yaml") if not p.name.startswith(("collisions-", "query-style-"))
    )
    for spec in specs:
        api, files = build(spec, tmp_path / Path(spec).stem)
        assert api.paginations == []
        assert "SyncPageBase" not in files[f"{api.package_name}/pagination.py"]
        assert "types import `" not in files["api.md"], "an empty import line in the reference"
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
