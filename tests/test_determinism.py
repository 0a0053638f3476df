"""Generation is deterministic: same input, byte-identical output, whatever the hash seed, the
working directory, the way the spec path is spelled, the time zone or the locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from _genhelpers import MAIN_SPEC, ROOT, tree_bytes


def start(cwd: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT), **env}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", *args],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_output_does_not_depend_on_hash_seed_or_working_directory(tmp_path: Path) -> None:
    elsewhere = tmp_path / "some" / "other" / "place"
    elsewhere.mkdir(parents=True)
    first_out, second_out = tmp_path / "first", tmp_path / "second"
    runs = [
        # From the repository root, relative paths, one hash seed.
        start(ROOT, {"PYTHONHASHSEED": "0"}, "--spec", "spec/openapi.yaml", "--out", str(first_out)),
        # From an unrelated directory, the spec reached through a long relative path, another
        # seed, another time zone and locale.
        start(
            elsewhere,
            {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Chatham", "LC_ALL": "C", "LANG": "C"},
            "--spec",
            os.path.relpath(MAIN_SPEC, elsewhere),
            "--config",
            os.path.relpath(MAIN_SPEC.with_name("generator.yaml"), elsewhere),
            "--out",
            os.path.relpath(second_out, elsewhere),
        ),
    ]
    for run in runs:
        stdout, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stdout + stderr
    first, second = tree_bytes(first_out), tree_bytes(second_out)
    assert len(first) > 10
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    # Nothing about the machine or the run leaks into the output.
    for name, content in first.items():
        text = content.decode("utf-8")
        assert str(ROOT) not in text, name
        assert str(tmp_path) not in text, name
