"""``python -m generator check`` (``make check``): a stale output directory fails with a readable diff.

The command runs on copies of the committed ``generated/`` (via ``--out``): an exact copy passes,
a copy with an edited, a missing and an extra file fails, naming each in a unified diff.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from _genhelpers import GENERATED, ROOT, SPECS

EDITED = "metronome_client/_constants.py"


def copy_generated(target: Path) -> Path:
    shutil.copytree(GENERATED, target, ignore=shutil.ignore_patterns("__pycache__", ".*"))
    return target


def start_check(out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "check", "--spec", "spec/openapi.yaml", "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, str, Path]]:
    """Run ``check`` on a fresh and a stale copy at the same time (each takes a few seconds)."""
    root = tmp_path_factory.mktemp("check")
    fresh = copy_generated(root / "fresh")
    stale = copy_generated(root / "stale")
    edited = stale / EDITED
    text = edited.read_text(encoding="utf-8")
    assert text.count("\n") > 3
    lines = text.splitlines(keepends=True)
    lines[1] = "# edited by hand\n"
    edited.write_text("".join(lines), encoding="utf-8")
    (stale / "api.md").unlink()
    (stale / "metronome_client" / "stray.py").write_text("x = 1\n", encoding="utf-8")
    # Tool caches inside the output (mypy is run there by `make lint`) are not output: ignored.
    cache = fresh / ".mypy_cache"
    cache.mkdir()
    (cache / "cache.db").write_bytes(b"\x83\x00binary")
    processes = {"fresh": (start_check(fresh), fresh), "stale": (start_check(stale), stale)}
    done = {}
    for name, (process, out) in processes.items():
        stdout, stderr = process.communicate(timeout=300)
        done[name] = (process.returncode, stdout, stderr, out)
    done["original line"] = (0, text.splitlines(keepends=True)[1], "", edited)
    return done


def test_an_exact_copy_passes(results: dict[str, tuple[int, str, str, Path]]) -> None:
    code, stdout, stderr, out = results["fresh"]
    assert code == 0, stdout + stderr
    assert stdout.strip() == f"{out}/ is up to date with spec/openapi.yaml."


def test_a_stale_copy_fails_with_a_unified_diff(results: dict[str, tuple[int, str, str, Path]]) -> None:
    code, stdout, stderr, out = results["stale"]
    original = results["original line"][1]
    assert code == 1
    assert f"{out}/ is stale: run `sdkgen generate` (`make generate`) and commit the result." in stderr
    # The edited file: the hand-made line is removed, the generated one comes back.
    assert f"--- stale/{EDITED}\n+++ regenerated/{EDITED}\n" in stdout
    assert "\n-# edited by hand\n" in stdout
    assert f"\n+{original}" in stdout
    # The missing file is added in full, the extra file removed.
    api_md = (GENERATED / "api.md").read_text(encoding="utf-8").splitlines()
    assert "--- /dev/null\n+++ regenerated/api.md\n" in stdout
    assert f"\n+{api_md[0]}\n" in stdout
    assert "--- stale/metronome_client/stray.py\n+++ /dev/null\n" in stdout
    assert "\n-x = 1\n" in stdout
    # Nothing else differs.
    assert stdout.count("\n--- ") + stdout.startswith("--- ") == 3


def test_a_spec_error_exits_2(tmp_path: Path) -> None:
    out = copy_generated(tmp_path / "out")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "check",
            "--spec",
            str(SPECS / "errors" / "unknown-type.yaml"),
            "--config",
            str(SPECS / "base" / "generator.yaml"),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "unknown type 'int'" in done.stderr
    assert done.stdout == ""
