"""``python -m generator lint``: every rule fires where it should, and only there.

Each spec under ``tests/specs/lint/`` announces its findings with ``# expect: severity[rule]``
comments on the lines they must point at; the linter must report exactly those (so a rule that
stops firing, or fires on the clean parts of a case, fails). Our own spec must lint clean.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from _genhelpers import MAIN_SPEC, ROOT, SPECS, marked_lines, run_generator
from generator.__main__ import main
from generator.lint import RULES, Finding, lint_file

LINT_SPECS = sorted((SPECS / "lint").glob("*.yaml"))
LINT_CASES = [spec for spec in LINT_SPECS if spec.name != "generator.yaml"]
LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning)\[(?P<rule>[a-z0-9-]+)\] (?P<pointer>\S+): (?P<message>.+)$"
)


def expected_findings(spec: Path) -> Counter[tuple[int, str, str]]:
    expected: Counter[tuple[int, str, str]] = Counter()
    for line, text in marked_lines(spec, "expect"):
        for severity, rule in re.findall(r"(error|warning)\[([a-z0-9-]+)\]", text):
            expected[(line, severity, rule)] += 1
    return expected


def actual_findings(findings: list[Finding]) -> Counter[tuple[int, str, str]]:
    return Counter((f.location.line or 0, f.severity, f.rule) for f in findings)


@pytest.mark.parametrize("spec", LINT_CASES, ids=[spec.stem for spec in LINT_CASES])
def test_each_case_yields_exactly_the_announced_findings(spec: Path) -> None:
    findings = lint_file(spec)
    expected = expected_findings(spec)
    actual = actual_findings(findings)
    report = "\n".join(f.text() for f in findings)
    assert actual == expected, f"missing: {expected - actual}\nunexpected: {actual - expected}\n{report}"
    for finding in findings:
        assert finding.location.file == str(spec)
        assert finding.severity == RULES[finding.rule].severity


def test_the_cases_cover_every_rule() -> None:
    announced = {rule for spec in LINT_CASES for (_, _, rule) in expected_findings(spec)}
    # "io" and "config" are about other files than the spec; they are tested below.
    assert announced == set(RULES) - {"io", "config"}
    assert not expected_findings(SPECS / "lint" / "clean.yaml")
    assert not expected_findings(SPECS / "lint" / "clean30.yaml")


def test_our_spec_lints_clean() -> None:
    findings = lint_file(MAIN_SPEC, spec_name="spec/openapi.yaml")
    assert [f.text() for f in findings] == []


def test_findings_point_at_file_line_column_and_pointer() -> None:
    spec = SPECS / "lint" / "unused.yaml"
    findings = lint_file(spec, spec_name="unused.yaml")
    orphan = next(f for f in findings if f.location.pointer == "/components/schemas/Orphan")
    assert orphan.text() == (
        "unused.yaml:36:5: warning[unused-component] /components/schemas/Orphan: schema component 'Orphan' is "
        "not used by any operation (directly or through other components)"
    )


def test_example_findings_point_inside_the_example() -> None:
    findings = lint_file(SPECS / "lint" / "examples.yaml")
    by_pointer = {f.location.pointer: f for f in findings}
    color = by_pointer[
        "/paths/~1things~1{thing_id}/get/responses/200/content/application~1json/examples/wrongColor/value/color"
    ]
    assert "'blue' is not one of ['red', 'green']" in color.message
    assert "/components/schemas/Thing" in color.message  # the schema it was checked against, $ref resolved
    shared = by_pointer["/components/examples/Shared/value/size"]
    assert "(used at /paths/" in shared.message
    assert "'big' is not of type 'integer'" in shared.message
    assert (
        "'not-a-uuid' is not a 'uuid'"
        in by_pointer["/paths/~1things~1{thing_id}/get/parameters/0/example"].message
    )


def test_command_line_text_output_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    errors = SPECS / "lint" / "path-params.yaml"
    assert main(["lint", str(errors)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2
    for line in lines:
        match = LINE.match(line)
        assert match, line
        assert match["file"] == str(errors)
        assert match["rule"] == "path-params" and match["severity"] == "error"
    assert err.strip() == f"{errors}: 2 errors, 0 warnings"

    # Warnings the generator works around: exit 0, each line says how; --strict fails on them.
    defects = SPECS / "lint" / "required.yaml"
    assert main(["lint", str(defects)]) == 0
    out, err = capsys.readouterr()
    assert [LINE.match(line)["rule"] for line in out.splitlines()] == ["required-property"] * 2  # type: ignore[index]
    assert all(
        line.endswith("(generated anyway: the name is not required of anything)") for line in out.splitlines()
    )
    assert err.strip() == f"{defects}: 0 errors, 2 warnings"
    assert main(["lint", "--strict", str(defects)]) == 1
    capsys.readouterr()

    warnings_only = SPECS / "lint" / "descriptions.yaml"
    assert main(["lint", str(warnings_only)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 6
    assert main(["lint", "--strict", str(warnings_only)]) == 1
    capsys.readouterr()

    clean = SPECS / "lint" / "clean.yaml"
    assert main(["lint", str(clean)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == f"{clean}: 0 errors, 0 warnings"


def test_command_line_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    spec = SPECS / "lint" / "operation-ids.yaml"
    assert main(["lint", "--format", "json", str(spec)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1 and report["warnings"] == 1
    first = report["findings"][0]
    assert first == {
        "rule": "operation-id-unique",
        "severity": "error",
        "file": str(spec),
        "line": 12,
        "column": 7,
        "pointer": "/paths/~1b/get/operationId",
        "message": "duplicate operationId 'getThing': GET /a at line 6 already uses it",
    }
    assert report["findings"][1]["rule"] == "operation-id-missing"


def test_a_broken_config_is_reported_in_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "generator.yaml"
    config.write_text(
        "package_name: ok_client\npagination:\n  cursor:\n    items_feild: data\n", encoding="utf-8"
    )
    findings = lint_file(SPECS / "lint" / "clean.yaml", config=config)
    assert [(f.rule, f.location.file, f.location.line, f.location.pointer) for f in findings] == [
        ("config", str(config), 4, "/pagination/cursor/items_feild")
    ]
    assert "unknown pagination key 'items_feild'" in findings[0].message


def test_a_missing_file_is_an_io_error(tmp_path: Path) -> None:
    findings = lint_file(tmp_path / "nope.yaml")
    assert [(f.rule, f.severity, f.message) for f in findings] == [("io", "error", "file not found")]


def test_lint_spec_through_python_dash_m() -> None:
    """What ``make lint-spec`` runs: our spec, from the repository root, exit 0 and no findings."""
    done = run_generator("lint", "spec/openapi.yaml", cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    assert done.stderr.strip() == "spec/openapi.yaml: 0 errors, 0 warnings"


def test_rules_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--rules"]) == 0
    listed = {line.split()[0]: line.split()[1] for line in capsys.readouterr().out.splitlines()}
    assert listed == {rule.id: rule.severity for rule in RULES.values()}
