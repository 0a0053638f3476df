"""The package and client names a spec gets without a ``generator.yaml`` (``naming.default_names``):
short and sane from a long title, from the server's host when the title says nothing, and a client
class never named like a model."""

from __future__ import annotations

from pathlib import Path

import pytest

from _genhelpers import imported_package
from generator.__main__ import main
from generator.naming import MAX_PACKAGE_LENGTH, SpecNames, default_names


@pytest.mark.parametrize(
    ("title", "host", "expected"),
    [
        ("GitHub's official OpenAPI spec + Octokit extension", None, ("github_client", "GitHub", "GITHUB")),
        ("Swagger Petstore - OpenAPI 3.0", None, ("petstore_client", "Petstore", "PETSTORE")),
        ("Settings Store", None, ("settings_store_client", "SettingsStore", "SETTINGS_STORE")),
        ("Metronome API", None, ("metronome_client", "Metronome", "METRONOME")),
        (
            "The Official Kubernetes API Specification v1.28",
            None,
            ("kubernetes_client", "Kubernetes", "KUBERNETES"),
        ),
        (
            "Payments Platform Ledger Reconciliation Service",
            None,
            ("payments_platform_client", "PaymentsPlatform", "PAYMENTS_PLATFORM"),
        ),
        ("API", "api.stripe.com", ("stripe_client", "Stripe", "STRIPE")),
        ("OpenAPI definition", "localhost", ("api_client", "Api", "API")),
        (
            "1Password Connect",
            None,
            ("api_1password_connect_client", "Api1PasswordConnect", "API_1PASSWORD_CONNECT"),
        ),
    ],
)
def test_default_names_from_titles(title: str, host: str | None, expected: tuple[str, str, str]) -> None:
    assert default_names(SpecNames(title, host)) == expected


def test_a_default_package_name_is_bounded() -> None:
    package, client, _ = default_names(
        SpecNames("Pneumonoultramicroscopicsilicovolcanoconiosis Extraordinaire")
    )
    assert len(package) <= MAX_PACKAGE_LENGTH and package.endswith("_client")
    assert client.isidentifier()


def test_a_default_client_is_not_named_like_a_model() -> None:
    assert default_names(SpecNames("Todo", None, frozenset({"Todo"})))[1] == "TodoClient"
    assert default_names(SpecNames("Todo", None, frozenset({"AsyncTodo"})))[1] == "TodoClient"
    assert default_names(SpecNames("Todo", None, frozenset({"TodoItem"})))[1] == "Todo"


TODO = """\
openapi: 3.1.0
info: {title: Todo, version: "1"}
servers: [{url: "https://todo.example.com"}]
paths:
  /todos/{id}:
    get:
      operationId: getTodo
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: The todo.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Todo'}
components:
  schemas:
    Todo:
      type: object
      properties:
        id: {type: string}
"""


def test_a_spec_named_like_its_model_gets_a_client_and_a_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(TODO, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(spec), "--out", str(out)]) == 0
    assert main(["config", "client_name", "--spec", str(spec)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "TodoClient"
    with imported_package(out, "todo_client") as package:
        client = package.TodoClient(base_url="https://todo.example.com")
        assert package.AsyncTodoClient.__name__ == "AsyncTodoClient"
        assert package.types.Todo.model_validate({"id": "1"}).id == "1"
        assert client.base_url == "https://todo.example.com/"


def test_a_configured_client_name_like_a_model_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(TODO, encoding="utf-8")
    (tmp_path / "generator.yaml").write_text("client_name: Todo\n", encoding="utf-8")
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert (
        "at /components/schemas/Todo: the client class 'Todo' would have the name of the model 'Todo'" in err
    )
    assert main(["lint", str(spec)]) == 1
    assert "error[generator] /components/schemas/Todo" in capsys.readouterr().out
