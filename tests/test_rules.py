"""One rule set with severities, run by both ``generate`` and ``lint`` (``generator/rules.py``).

Errors stop ``generate`` (exit 2, nothing written) and fail ``lint`` (exit 1); warnings are small
defects the generator works around (or advice), and generation goes on; ``--strict`` makes them
fatal in both commands. The two commands compute their findings with the same function, and the
test that runs both over every bad spec of the suite checks that they report the same.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from _genhelpers import SPECS, imported_package, tree_bytes
from generator.__main__ import main
from generator.errors import SpecErrors
from generator.lint import RULES, lint_file

DEFECTS = """\
openapi: 3.0.3
info: {title: Things, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      summary: The things.
      parameters:
        - name: limit
          in: query
          description: How many.
          schema: {type: integer, default: "inf"}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      description: A thing.
      required: [id, ghost]
      properties:
        id: {type: string, description: Id.}
        size: {type: integer, default: "inf", description: Size.}
        note:
          description: A note, or null.
          anyOf:
            - {type: string}
            - {type: 'null'}
"""
"""The three defects of real specs that used to stop generation: an integer default of "inf", a
``type: 'null'`` inside an ``anyOf`` of a 3.0 document, a ``required`` name without a property."""

ERROR_LINE = re.compile(
    r"^  (?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+) at (?P<pointer>\S+): (?P<message>.+)$"
)


def write(tmp_path: Path, text: str, name: str = "spec.yaml") -> Path:
    spec = tmp_path / name
    spec.write_text(text, encoding="utf-8")
    return spec


def test_each_real_defect_is_a_warning_at_its_place(tmp_path: Path) -> None:
    spec = write(tmp_path, DEFECTS)
    findings = [f for f in lint_file(spec, spec_name="spec.yaml") if not f.advice]
    assert [
        (f.severity, f.rule, f.location.line, f.location.column, f.location.pointer) for f in findings
    ] == [
        ("warning", "default-valid", 12, 35, "/paths/~1things/get/parameters/0/schema/default"),
        ("warning", "required-property", 24, 22, "/components/schemas/Thing/required/1"),
        ("warning", "default-valid", 27, 31, "/components/schemas/Thing/properties/size/default"),
        ("warning", "openapi-31-syntax", 32, 16, "/components/schemas/Thing/properties/note/anyOf/1/type"),
    ]
    assert findings[0].text() == (
        "spec.yaml:12:35: warning[default-valid] /paths/~1things/get/parameters/0/schema/default: default value "
        "does not match the schema at /paths/~1things/get/parameters/0/schema: 'inf' is not of type 'integer' "
        "(generated anyway: the default is left out of the client; the server's own default applies)"
    )
    assert "required property 'ghost' is not defined in properties" in findings[1].message


def test_a_spec_with_the_defects_generates_a_correct_client(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write(tmp_path, DEFECTS)
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(spec), "--out", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line.split(" ")[1].split("]")[0] for line in err[:4]] == [
        "warning[default-valid",
        "warning[required-property",
        "warning[default-valid",
        "warning[openapi-31-syntax",
    ]
    assert err[-1] == f"{spec}: 0 errors, 4 warnings"
    models = (out / "things_client" / "types" / "_responses.py").read_text(encoding="utf-8")
    assert "inf" not in models and "ghost" not in models  # the default left out, the name ignored
    with imported_package(out, "things_client") as package:
        thing = package.types.Thing.model_validate({"id": "a", "note": None})
        assert (thing.id, thing.note, thing.size) == ("a", None, None)
        assert package.types.Thing.model_validate({"id": "b", "note": "hi", "size": 3}).size == 3
        assert set(package.types.Thing.model_fields) == {"id", "size", "note"}
        assert package.types.Thing.model_fields["id"].is_required()


def test_validate_document_lets_the_defects_through_as_generate_does(tmp_path: Path) -> None:
    """``diff`` and ``sdkgen init`` validate with ``validate_document``: it runs the same stages as
    generate, so a spec generate accepts with warnings is not refused there."""
    from generator.loader import load_document, validate_document

    validate_document(load_document(write(tmp_path, DEFECTS)))
    broken = DEFECTS.replace('version: "1"}', 'version: "1"}\nbogus: true', 1)
    assert broken != DEFECTS
    with pytest.raises(SpecErrors):
        validate_document(load_document(write(tmp_path, broken)))


def test_strict_makes_the_warnings_fatal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = write(tmp_path, DEFECTS)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    before = tree_bytes(out)
    assert main(["generate", "--strict", "--spec", str(spec), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("4 problems in the spec:")
    assert "(--strict makes warnings fatal; without it the client would be generated)" in err
    assert tree_bytes(out) == before
    assert main(["lint", "--strict", str(spec)]) == 1
    assert main(["lint", str(spec)]) == 0
    capsys.readouterr()
    # check --strict too: the staleness check of `make test` runs our spec strict.
    assert main(["check", "--strict", "--spec", str(spec), "--out", str(out)]) == 2
    capsys.readouterr()


def test_a_clean_spec_passes_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = SPECS / "lint" / "clean.yaml"
    assert main(["generate", "--strict", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err == ""


def test_every_rule_has_a_severity_and_warnings_a_workaround_or_are_advice() -> None:
    for rule in RULES.values():
        assert rule.severity in ("error", "warning")
        if rule.severity == "warning":
            assert bool(rule.workaround) != rule.advice, rule.id
        else:
            assert not rule.workaround and not rule.advice, rule.id


BAD_SPECS = sorted(
    [spec for spec in (SPECS / "lint").glob("*.yaml") if spec.name != "generator.yaml"]
    + sorted((SPECS / "errors").glob("*.yaml"))
)


@pytest.mark.parametrize("spec", BAD_SPECS, ids=[f"{spec.parent.name}-{spec.stem}" for spec in BAD_SPECS])
def test_generate_and_lint_report_the_same_findings(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both commands over the same spec (with the same config, beside it or none): the same
    errors at the same places, the same warnings, and exit codes that mean the same."""
    name = str(spec)
    config = spec.with_name("generator.yaml")
    config_args = ["--config", str(config)] if config.is_file() else []
    findings = lint_file(spec, config=config if config.is_file() else None, spec_name=name)
    out = tmp_path / "out"
    for strict in (False, True):
        flags = ["--strict"] if strict else []
        code = main(["generate", *flags, "--spec", name, *config_args, "--out", str(out)])
        err = capsys.readouterr().err
        lint_code = main(["lint", *flags, name, *config_args])
        capsys.readouterr()
        errors = [f for f in findings if f.severity == "error"]
        warnings = [f for f in findings if f.severity == "warning"]
        fatal = errors or (strict and warnings)
        assert lint_code == (1 if fatal else 0)
        assert code == (2 if fatal else 0), err
        if fatal:
            reported = [
                m.group("line", "pointer", "message") for m in map(ERROR_LINE.match, err.splitlines()) if m
            ]
            expected = [
                (str(f.location.line), f.location.pointer, " ".join(f.message.split()))
                for f in (errors or warnings)
                if f.location.line is not None and f.location.pointer
            ]
            assert [
                (line, pointer, " ".join(message.split())) for line, pointer, message in reported if pointer
            ] == [e for e in expected], err
        else:
            lines = err.splitlines()
            assert [line for line in lines if "warning[" in line] == [
                f.text() for f in warnings if not f.advice
            ]
            advice = sum(1 for f in warnings if f.advice)
            assert any(f" {advice} more warning" in line for line in lines) == bool(advice)
            if findings:
                assert lines[
                    -1
                ] == f"{name}: 0 errors, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" + (
                    lines[-1][lines[-1].find(" (") :] if " (" in lines[-1] else ""
                )


def test_an_integer_cursor_is_accepted_by_generate_and_lint_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before the shared rules, generate accepted it, lint refused it, and the client stopped after
    page one. Now a cursor may be a string or an integer (the page follows either, see
    tests/test_auth_pages.py), and both commands say so."""
    base = (SPECS / "base" / "openapi.yaml").read_text(encoding="utf-8")
    marker = "        - name: next_page\n          in: query\n          description: Cursor from the previous page.\n          schema:\n            type: string"
    assert marker in base
    spec = write(
        tmp_path, base.replace(marker, marker.replace("type: string", "type: integer")), "openapi.yaml"
    )
    config = write(
        tmp_path, (SPECS / "base" / "generator.yaml").read_text(encoding="utf-8"), "generator.yaml"
    )
    assert main(["lint", str(spec), "--config", str(config)]) == 0
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 0
    assert "pagination" not in capsys.readouterr().err
    assert (tmp_path / "out").is_dir()
