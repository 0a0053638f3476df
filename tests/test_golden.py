"""Golden record: regenerating from the committed spec reproduces generated/ byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import GENERATED, PROJECT, ROOT


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and not any(part.startswith(".") for part in path.relative_to(root).parts)  # tool caches
    }


def test_regeneration_equals_the_committed_output_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for attempt in ("first", "second"):
        done = subprocess.run(
            [sys.executable, "-m", "generator", "generate", "--spec", "spec/openapi.yaml", "--out", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        produced = tree(out)
        committed = tree(GENERATED)
        assert sorted(produced) == sorted(committed), f"{attempt} run: different file set"
        changed = [name for name in produced if produced[name] != committed[name]]
        assert not changed, f"{attempt} run: regenerated files differ from generated/: {changed}"


def test_generated_package_is_self_contained() -> None:
    package = GENERATED / PROJECT.package_name
    assert (package / "py.typed").exists()
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")) and not stripped.startswith("from ."):
                module = stripped.split()[1].split(".")[0]
                # anyio comes with httpx (a hard dependency of it); it gives async sleeps that work under trio too.
                # pydantic_core is pydantic's own validator, installed with it (the tolerant parse builds on it).
                third_party = {"typing_extensions", "httpx", "pydantic", "pydantic_core", "anyio"}
                assert module in third_party or module in sys.stdlib_module_names, f"{path.name}: {stripped}"
