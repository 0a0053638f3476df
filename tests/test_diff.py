"""``python -m generator diff OLD NEW``: client-level changes between two spec versions.

Each pair under ``tests/specs/diff/<case>/`` shows one rule; the expected changes (kind, breaking
or not, method, subject) are listed here, and the report must contain exactly those.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from _genhelpers import ROOT, SPECS, run_generator
from generator.__main__ import main
from generator.diff import diff_specs, format_markdown

DIFF = SPECS / "diff"
CONFIG = DIFF / "generator.yaml"

B, NB = True, False
EXPECTED: dict[str, set[tuple[bool, str, str, str]]] = {
    "reworded": set(),
    "method-added": {(NB, "method-added", "widgets.retrieve", "")},
    "method-removed": {
        (B, "method-removed", "widgets.create", ""),
        (B, "type-removed", "", "type `WidgetCreateDimensionsParam`"),
    },
    "argument-added-optional": {(NB, "argument-added", "widgets.list", "argument `sort`")},
    "argument-added-required": {(B, "argument-added-required", "widgets.list", "argument `owner`")},
    "argument-removed": {(B, "argument-removed", "widgets.list", "argument `color`")},
    "argument-now-required": {(B, "argument-now-required", "widgets.list", "argument `limit`")},
    "argument-type-changed": {(B, "request-type-changed", "widgets.list", "argument `limit`")},
    "argument-type-widened": {(NB, "request-type-changed", "widgets.list", "argument `limit`")},
    "request-enum": {
        (B, "request-enum-value-removed", "widgets.list", "argument `color`"),
        (NB, "request-enum-value-added", "widgets.list", "argument `color`"),
    },
    "body-field-added": {
        (B, "argument-added-required", "widgets.create", "argument `owner`"),
        (NB, "argument-added", "widgets.create", "argument `label`"),
    },
    "body-nested": {
        (B, "request-field-added-required", "widgets.create", "argument `dimensions.height`"),
        (NB, "request-field-added", "widgets.create", "argument `dimensions.depth`"),
    },
    "response-field-added": {
        (NB, "response-field-added", "widgets.create", "response field `weight`"),
        (NB, "response-field-added", "widgets.list", "response field `data[].weight`"),
    },
    "response-field-removed": {
        (B, "response-field-removed", "widgets.create", "response field `size`"),
        (B, "response-field-removed", "widgets.list", "response field `data[].size`"),
    },
    "response-nested": {
        (B, "response-field-now-optional", "widgets.create", "response field `parts[].name`"),
        (NB, "response-field-added", "widgets.create", "response field `parts[].sku`"),
        (B, "response-field-now-optional", "widgets.list", "response field `data[].parts[].name`"),
        (NB, "response-field-added", "widgets.list", "response field `data[].parts[].sku`"),
    },
    "response-enum": {
        (B, "response-enum-value-removed", "widgets.create", "response field `status`"),
        (NB, "response-enum-value-added", "widgets.create", "response field `status`"),
        (B, "response-enum-value-removed", "widgets.list", "response field `data[].status`"),
        (NB, "response-enum-value-added", "widgets.list", "response field `data[].status`"),
    },
    "response-nullable": {
        (B, "response-nullable", "widgets.create", "response field `id`"),
        (B, "response-nullable", "widgets.list", "response field `data[].id`"),
        (B, "response-nullable", "widgets.create", "response field `size`"),
        (B, "response-field-now-optional", "widgets.create", "response field `status`"),
        (B, "response-nullable", "widgets.list", "response field `data[].size`"),
        (B, "response-field-now-optional", "widgets.list", "response field `data[].status`"),
    },
    "response-type-changed": {
        (B, "response-type-changed", "widgets.create", "response field `size`"),
        (NB, "response-type-changed", "widgets.create", "response field `id`"),
        (B, "response-type-changed", "widgets.list", "response field `data[].size`"),
        (NB, "response-type-changed", "widgets.list", "response field `data[].id`"),
    },
    "return-type-changed": {(B, "return-type-changed", "widgets.create", "return value")},
    "type-renamed": {
        (B, "type-removed", "", "type `Widget`"),
        (NB, "type-added", "", "type `Gadget`"),
        # An inline object is named after its owner, so it follows the rename.
        (B, "type-removed", "", "type `WidgetPartsItem`"),
        (NB, "type-added", "", "type `GadgetPartsItem`"),
    },
    "openapi30-nullable": {
        (B, "response-nullable", "widgets.create", "response field `size`"),
        (B, "response-nullable", "widgets.list", "response field `data[].size`"),
        (NB, "request-null-allowed", "widgets.list", "argument `color`"),
    },
}


def test_every_case_on_disk_has_expectations() -> None:
    on_disk = {path.name for path in DIFF.iterdir() if path.is_dir()}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_case(case: str) -> None:
    report = diff_specs(str(DIFF / case / "old.yaml"), str(DIFF / case / "new.yaml"), config=str(CONFIG))
    found = [(c.breaking, c.kind, c.method, c.subject) for c in report.changes]
    assert len(found) == len(set(found)), f"a change is reported twice: {found}"
    assert set(found) == EXPECTED[case]


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_the_reverse_change_is_reported_too(case: str) -> None:
    """Going back from new to old changes the same things; what was added is now removed."""
    forward = diff_specs(str(DIFF / case / "old.yaml"), str(DIFF / case / "new.yaml"), config=str(CONFIG))
    backward = diff_specs(str(DIFF / case / "new.yaml"), str(DIFF / case / "old.yaml"), config=str(CONFIG))
    assert bool(forward.changes) == bool(backward.changes)
    assert {(c.method, c.subject) for c in forward.changes} == {
        (c.method, c.subject) for c in backward.changes
    }


def test_identical_specs_have_no_changes() -> None:
    spec = str(ROOT / "spec" / "openapi.yaml")
    report = diff_specs(spec, spec)
    assert report.changes == []
    assert "No changes for users of the generated client." in format_markdown(report)


def test_markdown_report() -> None:
    old, new = DIFF / "request-enum" / "old.yaml", DIFF / "request-enum" / "new.yaml"
    report = diff_specs(str(old), str(new), config=str(CONFIG))
    assert format_markdown(report) == (
        f"### Client changes: `{old}` → `{new}`\n"
        "\n"
        "**1 breaking change**, 1 non-breaking change.\n"
        "\n"
        "#### Breaking\n"
        "\n"
        '- `client.widgets.list()` argument `color`: enum value no longer accepted: "green"\n'
        "\n"
        "#### Non-breaking\n"
        "\n"
        '- `client.widgets.list()` argument `color`: enum value now accepted: "blue"\n'
    )


def test_fail_on_breaking_sets_the_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    breaking = [str(DIFF / "argument-removed" / name) for name in ("old.yaml", "new.yaml")]
    compatible = [str(DIFF / "argument-added-optional" / name) for name in ("old.yaml", "new.yaml")]
    assert main(["diff", *breaking, "--config", str(CONFIG)]) == 0
    assert "#### Breaking" in capsys.readouterr().out
    assert main(["diff", *breaking, "--config", str(CONFIG), "--fail-on-breaking"]) == 1
    capsys.readouterr()
    assert main(["diff", *compatible, "--config", str(CONFIG), "--fail-on-breaking"]) == 0
    out = capsys.readouterr().out
    assert "#### Non-breaking" in out and "#### Breaking" not in out


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    pair = [str(DIFF / "argument-now-required" / name) for name in ("old.yaml", "new.yaml")]
    assert main(["diff", *pair, "--config", str(CONFIG), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "old": pair[0],
        "new": pair[1],
        "breaking": 1,
        "changes": [
            {
                "breaking": True,
                "kind": "argument-now-required",
                "method": "widgets.list",
                "subject": "argument `limit`",
                "detail": "now required",
            }
        ],
        "warnings": [],
    }


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_git_ref_versions(tmp_path: Path) -> None:
    """``git-ref:path`` reads a committed version (with the generator.yaml committed beside it)."""
    repo = tmp_path / "repo"
    (repo / "api").mkdir(parents=True)
    shutil.copy(DIFF / "response-field-removed" / "old.yaml", repo / "api" / "openapi.yaml")
    shutil.copy(CONFIG, repo / "api" / "generator.yaml")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "old")
    shutil.copy(DIFF / "response-field-removed" / "new.yaml", repo / "api" / "openapi.yaml")
    git(repo, "commit", "-q", "-am", "new")

    done = run_generator(
        "diff", "HEAD~1:api/openapi.yaml", "HEAD:api/openapi.yaml", "--fail-on-breaking", cwd=repo
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("### Client changes: `HEAD~1:api/openapi.yaml` → `HEAD:api/openapi.yaml`\n")
    assert "- `client.widgets.list()` response field `data[].size`: removed" in done.stdout

    done = run_generator("diff", "HEAD:api/openapi.yaml", "api/openapi.yaml", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "No changes for users of the generated client." in done.stdout

    done = run_generator("diff", "HEAD:api/missing.yaml", "api/openapi.yaml", cwd=repo)
    assert done.returncode == 2
    assert "HEAD:api/missing.yaml: `git show HEAD:api/missing.yaml` found nothing" in done.stderr


def test_a_broken_spec_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    broken = SPECS / "errors" / "dangling-ref.yaml"
    assert main(["diff", str(DIFF / "reworded" / "old.yaml"), str(broken), "--config", str(CONFIG)]) == 2
    assert "$ref '#/components/schemas/Thng' points to nothing" in capsys.readouterr().err
    assert main(["diff", "no-such-file.yaml", str(broken)]) == 2
    assert "no-such-file.yaml: no such file" in capsys.readouterr().err
