"""Bad input stops the generator with a clear error and leaves the output directory untouched.

Every spec under ``tests/specs/errors/`` has one thing wrong and a ``# error: <pointer> | <text>``
comment on the line the error must point at. Each is run through the command line
(``generate --spec X --config Y --out Z``) where Z holds a good earlier generation: the exit code
is 2, the message names the file, line, JSON pointer and what is wrong, and Z (and the directory
around it, where the atomic write stages its work) is byte for byte what it was.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _genhelpers import (
    BASE_CONFIG,
    BASE_SPEC,
    SPECS,
    imported_package,
    marked_lines,
    run_generator,
    tree_bytes,
)
from generator.__main__ import main

ERROR_SPECS = sorted((SPECS / "errors").glob("*.yaml"))


@pytest.fixture(scope="module")
def prior_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output directory holding a complete, good generation of the base spec."""
    out = tmp_path_factory.mktemp("prior") / "out"
    done = run_generator("generate", "--spec", BASE_SPEC, "--config", BASE_CONFIG, "--out", out)
    assert done.returncode == 0, done.stderr
    assert (out / "widgets_client" / "__init__.py").is_file()
    return out


def expectation(spec: Path) -> tuple[int, str, str]:
    """(line, pointer or '', message fragment) from the spec's ``# error:`` comment."""
    marks = marked_lines(spec, "error")
    assert len(marks) == 1, f"{spec.name} must mark exactly one line with '# error:'"
    line, text = marks[0]
    pointer, _, fragment = text.partition(" | ")
    return line, "" if pointer.strip() == "-" else pointer.strip(), fragment.strip()


def test_every_case_is_marked() -> None:
    assert len(ERROR_SPECS) >= 10
    names = {spec.stem for spec in ERROR_SPECS}
    for required in (
        "yaml-syntax",
        "dangling-ref",
        "circular-ref",
        "duplicate-operation-id",
        "unknown-type",
        "collision-schemas",
        "collision-arguments",
        "collision-methods",
    ):
        assert required in names


@pytest.mark.parametrize("spec", ERROR_SPECS, ids=[spec.stem for spec in ERROR_SPECS])
def test_broken_spec_is_reported_and_nothing_is_written(
    spec: Path, prior_output: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line, pointer, fragment = expectation(spec)
    before = tree_bytes(prior_output)
    around = sorted(p.name for p in prior_output.parent.iterdir())
    name = spec.relative_to(SPECS.parent.parent).as_posix()

    code = main(["generate", "--spec", name, "--config", str(BASE_CONFIG), "--out", str(prior_output)])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0] == "1 problem in the spec:", captured.err
    location = f"{name}:{line}:"
    assert lines[1].strip().startswith(location), f"expected the error at {location}\n{captured.err}"
    if pointer:
        assert f" at {pointer}: " in lines[1], captured.err
    else:
        assert " at /" not in lines[1], captured.err
    assert fragment in lines[1], captured.err
    assert lines[-1] == f"Nothing was written; {prior_output}/ is unchanged."
    assert tree_bytes(prior_output) == before
    assert sorted(p.name for p in prior_output.parent.iterdir()) == around


def test_the_real_command_line_exits_2_and_leaves_the_output_alone(prior_output: Path) -> None:
    spec = SPECS / "errors" / "duplicate-operation-id.yaml"
    before = tree_bytes(prior_output)
    done = run_generator("generate", "--spec", spec, "--config", BASE_CONFIG, "--out", prior_output)
    assert done.returncode == 2
    assert (
        f"{spec}:12:7 at /paths/~1others/get/operationId: duplicate operationId 'listThings'" in done.stderr
    )
    assert done.stdout == ""
    assert tree_bytes(prior_output) == before


def test_several_problems_are_reported_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "two.yaml"
    spec.write_text(
        (SPECS / "errors" / "dangling-ref.yaml")
        .read_text(encoding="utf-8")
        .replace("properties: {id: {type: string}}", "properties: {id: {$ref: '#/components/schemas/Nope'}}"),
        encoding="utf-8",
    )
    code = main(
        ["generate", "--spec", str(spec), "--config", str(BASE_CONFIG), "--out", str(tmp_path / "out")]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("2 problems in the spec:")
    assert "'#/components/schemas/Thng' points to nothing" in err
    assert "'#/components/schemas/Nope' points to nothing" in err
    assert not (tmp_path / "out").exists()


def test_a_missing_spec_file_is_a_spec_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.yaml"
    code = main(
        ["generate", "--spec", str(missing), "--config", str(BASE_CONFIG), "--out", str(tmp_path / "o")]
    )
    assert code == 2
    assert f"{missing} at the document root: file not found" in capsys.readouterr().err


def test_a_config_file_named_explicitly_must_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "generatr.yaml"
    code = main(["generate", "--spec", str(BASE_SPEC), "--config", str(typo), "--out", str(tmp_path / "o")])
    assert code == 2
    assert f"{typo} at the document root: config file not found" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_recursion_through_properties_is_not_an_error(tmp_path: Path) -> None:
    """A tree (a node whose children are nodes) is a type the generator can express."""
    spec = tmp_path / "tree.json"
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.1.0",
                "info": {"title": "Tree", "version": "1"},
                "paths": {
                    "/tree": {
                        "get": {
                            "operationId": "getTree",
                            "responses": {
                                "200": {
                                    "description": "The tree.",
                                    "content": {
                                        "application/json": {"schema": {"$ref": "#/components/schemas/Node"}}
                                    },
                                }
                            },
                        }
                    }
                },
                "components": {
                    "schemas": {
                        "Node": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string"},
                                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                            },
                            "required": ["name"],
                        }
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "generator.yaml").write_text("package_name: tree_client\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(spec), "--out", str(out)]) == 0
    data = {"name": "root", "children": [{"name": "a", "children": [{"name": "b"}]}]}
    with imported_package(out, "tree_client") as package:
        node = package.types.Node.model_validate_json(json.dumps(data))
        assert node.children[0].children[0].name == "b"
        assert node.to_dict() == data
