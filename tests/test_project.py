"""The pieces behind an installable toolchain, in process: packaging metadata of the generated
package, output directories from an earlier package name, ``init``, ``config``, ``lint --format
github``, diff without a config, and the config lookup from the working directory.

The end-to-end runs (wheels, fresh venvs, ``make``) are in test_install.py.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from _genhelpers import BASE_SPEC, MAIN_SPEC, ROOT, SPECS, run_generator
from generator.__main__ import main
from generator.config import find_project_root, load_spec_config, project_config_path
from generator.diff import diff_specs, format_markdown
from generator.errors import Location
from generator.lint import Finding, format_github
from generator.pipeline import Inputs, build_files
from generator.project import init_project


def test_the_generated_pyproject_names_the_package_and_claims_what_nox_tests() -> None:
    packaging = tomllib.loads((ROOT / "generated" / "pyproject.toml").read_text(encoding="utf-8"))
    config = load_spec_config(MAIN_SPEC)
    project = packaging["project"]
    assert project["name"] == config.package_name.replace("_", "-")
    assert project["version"] == config.version
    assert packaging["tool"]["flit"]["module"]["name"] == config.package_name
    assert project["requires-python"] == ">=3.10"
    claimed = [
        c.rsplit(" ", 1)[1]
        for c in project["classifiers"]
        if c.startswith("Programming Language :: Python :: 3.")
    ]
    assert claimed == ["3.10", "3.11", "3.12", "3.13"]
    assert {r.split(">=")[0] for r in project["dependencies"]} == {
        "anyio",
        "httpx",
        "pydantic",
        "typing-extensions",
    }


def test_spec_text_in_the_pyproject_is_escaped(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    text = BASE_SPEC.read_text(encoding="utf-8").replace(
        "title: Widgets API", 'title: "Widgets \\"quoted\\" \\\\ API\\u0007"', 1
    )
    spec.write_text(text, encoding="utf-8")
    shutil.copy2(SPECS / "base" / "generator.yaml", tmp_path / "generator.yaml")
    _, files = build_files(Inputs.from_paths(spec))
    parsed = tomllib.loads(files["pyproject.toml"])
    assert parsed["project"]["description"] == 'Python client for the Widgets "quoted" \\ API\x07.'


def test_a_version_pip_would_refuse_stops_the_generator(tmp_path: Path) -> None:
    shutil.copy2(BASE_SPEC, tmp_path / "openapi.yaml")
    config = (SPECS / "base" / "generator.yaml").read_text(encoding="utf-8")
    (tmp_path / "generator.yaml").write_text(config + "version: one-point-oh\n", encoding="utf-8")
    done = run_generator("generate", "--spec", tmp_path / "openapi.yaml", "--out", tmp_path / "out")
    assert done.returncode == 2
    assert (
        "generator.yaml:" in done.stderr and "version 'one-point-oh' is not a release version" in done.stderr
    )


def test_a_package_generated_under_an_earlier_name_is_replaced(tmp_path: Path) -> None:
    """Forking: the spec and package_name change; generated/ still holds the old package."""
    project = tmp_path / "fork"
    (project / "spec").mkdir(parents=True)
    shutil.copy2(BASE_SPEC, project / "spec" / "openapi.yaml")
    config = project / "spec" / "generator.yaml"
    shutil.copy2(SPECS / "base" / "generator.yaml", config)
    assert run_generator("generate", cwd=project).returncode == 0
    config.write_text(
        config.read_text(encoding="utf-8").replace("package_name: widgets_client", "package_name: gadgets"),
        encoding="utf-8",
    )
    (project / "generated" / "notes").mkdir()
    refused = run_generator("generate", cwd=project)
    assert refused.returncode == 3 and "holds notes, which the generator did not write" in refused.stderr
    (project / "generated" / "notes").rmdir()
    done = run_generator("generate", cwd=project)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (project / "generated").iterdir()) == [
        "api.md",
        "gadgets",
        "pyproject.toml",
    ]


def test_project_files_are_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "generator.yaml").write_text("package_name: x_client\n", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_project_root(deep) == tmp_path.resolve()
    assert project_config_path(deep) == (tmp_path / "spec" / "generator.yaml").resolve()


def test_config_prints_the_names_generation_uses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--spec", str(BASE_SPEC)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "package_name=widgets_client",
        "client_name=Widgets",
        "env_prefix=WIDGETS",
        "version=0.1.0",
        "distribution_name=widgets-client",
    ]
    assert main(["config", "client_name", "--spec", str(BASE_SPEC)]) == 0
    assert capsys.readouterr().out == "Widgets\n"
    assert main(["config", "nonsense", "--spec", str(BASE_SPEC)]) == 2


def test_github_annotations_escape_what_would_end_a_property_or_the_message() -> None:
    findings = [
        Finding(
            "pagination", "error", Location("dir,1/a:b.yaml", "/paths/~1x", 7, 3), "100% wrong\nsecond line"
        ),
        Finding("operation-summary", "warning", Location("spec.yaml", ""), "no summary"),
    ]
    assert format_github(findings).splitlines() == [
        "::error file=dir%2C1/a%3Ab.yaml,line=7,col=3,title=error[pagination]::/paths/~1x: 100%25 wrong second line",
        "::warning file=spec.yaml,title=warning[operation-summary]::(document): no summary",
    ]


def test_lint_finds_the_project_config_from_the_working_directory(tmp_path: Path) -> None:
    """A spec copied out of the project has no generator.yaml beside it: the project's is used."""
    copy = tmp_path / "review.yaml"
    shutil.copy2(MAIN_SPEC, copy)
    inside = run_generator("lint", "--strict", copy, cwd=ROOT / "tests")
    assert inside.returncode == 0, inside.stdout + inside.stderr
    outside = run_generator("lint", copy, cwd=tmp_path)
    assert outside.returncode == 1
    assert "error[pagination]" in outside.stdout and "unknown pagination scheme 'cursor'" in outside.stdout


def test_diff_without_the_scheme_warns_and_still_compares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    text = MAIN_SPEC.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("x-sdk-method: void\n", "x-sdk-method: cancel\n", 1), encoding="utf-8")
    report = diff_specs(str(old), str(new))
    assert any(change.method == "v1.invoices.void" for change in report.breaking)
    assert report.warnings and "unknown pagination scheme 'cursor'" in report.warnings[0]
    markdown = format_markdown(report)
    assert "#### Breaking" in markdown and "> **Warning:** " in markdown


def test_init_writes_a_project_and_refuses_to_overwrite_it(tmp_path: Path) -> None:
    result = init_project(BASE_SPEC, tmp_path / "p")
    assert result.operation == "client.widgets.retrieve()"
    assert set(result.files) == {
        "spec/openapi.yaml",
        "spec/generator.yaml",
        "Makefile",
        "README.md",
        ".gitignore",
        ".ci/run",
        "tests/test_client.py",
        "tests/responses/widgets.retrieve.json",
    }
    # What init wrote is what generation reads: the same names as without the file.
    written = load_spec_config(tmp_path / "p" / "spec" / "openapi.yaml")
    assert (written.package_name, written.client_name, written.env_prefix) == (
        "widgets_client",
        "Widgets",
        "WIDGETS",
    )
    assert list(written.pagination) == ["cursor"]
    makefile = (tmp_path / "p" / "Makefile").read_text(encoding="utf-8")
    assert "\n\t$(SDKGEN) generate\n" in makefile, "recipes need tabs"
    before = (tmp_path / "p" / "Makefile").read_bytes()
    assert main(["init", str(tmp_path / "p"), "--spec", str(BASE_SPEC)]) == 3
    assert (tmp_path / "p" / "Makefile").read_bytes() == before


def test_init_on_a_spec_without_json_objects_writes_an_import_test(tmp_path: Path) -> None:
    spec = tmp_path / "ping.yaml"
    spec.write_text(
        "openapi: 3.1.0\n"
        "info: {title: Ping Service, version: '1'}\n"
        "paths:\n"
        "  /ping:\n"
        "    get:\n"
        "      operationId: ping\n"
        "      summary: Ping\n"
        "      description: Answers with text.\n"
        "      responses:\n"
        "        '200':\n"
        "          description: pong\n"
        "          content: {text/plain: {schema: {type: string}}}\n",
        encoding="utf-8",
    )
    result = init_project(spec, tmp_path / "ping")
    assert result.operation is None
    test = (tmp_path / "ping" / "tests" / "test_client.py").read_text(encoding="utf-8")
    assert "from ping_service_client import AsyncPingService, PingService" in test
    assert "def test_the_client_can_be_built" in test
    compile(test, "test_client.py", "exec")


def test_init_on_a_broken_spec_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: X}\npaths: {}\n", encoding="utf-8")
    assert main(["init", str(tmp_path / "out"), "--spec", str(spec)]) == 2
    assert not (tmp_path / "out").exists()


def test_sample_responses_follow_the_schema() -> None:
    from generator.loader import parse_yaml
    from generator.project import sample

    doc = parse_yaml(
        "components:\n"
        "  schemas:\n"
        "    Base: {type: object, required: [id], properties: {id: {type: string, format: uuid}}}\n"
        "    Thing:\n"
        "      allOf:\n"
        "        - $ref: '#/components/schemas/Base'\n"
        "        - type: object\n"
        "          properties:\n"
        "            at: {type: string, format: date-time}\n"
        "            kind: {enum: [null, a, b]}\n"
        "            size: {type: [integer, 'null'], example: 7}\n"
        "            secret: {type: string, writeOnly: true}\n"
        "            owner: {oneOf: [{type: 'null'}, {type: object, properties: {name: {type: string}}}]}\n"
        "            tags: {type: array, items: {type: string, example: red}}\n",
        "inline.yaml",
    )
    assert sample(doc, {"$ref": "#/components/schemas/Thing"}, "") == {
        "id": "3f0c1a8e-5b7d-4c2e-9a61-0d8b7e6f5a41",
        "at": "2024-01-02T03:04:05Z",
        "kind": "a",
        "size": 7,
        "owner": {"name": "string"},
        "tags": ["red"],
    }
