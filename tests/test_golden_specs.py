"""Golden records of small specs of different styles (``tests/golden/``, see ``refresh_golden.py``).

Each case is regenerated into a temporary directory through the whole pipeline (the import check
included) and compared with its ``expected/`` tree byte for byte; then all regenerated packages are
type-checked together, in one mypy --strict run and one pyright strict run.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.render import RUNTIME_FILES
from refresh_golden import GOLDEN, ROOT, cases, expected_dir, regenerate

CASES = cases()
REFRESH = "if the change is intended, run `make golden` and review the diff"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` but tool caches (hidden entries, ``__pycache__``): path -> bytes."""
    found: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if path.is_file() and "__pycache__" not in parts and not any(p.startswith(".") for p in parts):
            found["/".join(parts)] = path.read_bytes()
    return found


def packages(out: Path) -> list[str]:
    """The package directories a generated output holds (one per case)."""
    return sorted(entry.name for entry in out.iterdir() if (entry / "__init__.py").is_file())


@pytest.fixture(scope="session")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every case regenerated under one temporary directory: ``<root>/<case>/``."""
    root = tmp_path_factory.mktemp("golden")
    for case in CASES:
        regenerate(case, root / case)
    return root


def test_the_cases_cover_the_styles_the_design_names() -> None:
    """Each style keeps a case of its own, and each case still shows its style, so that editing
    a spec cannot quietly drop what it was there to pin."""
    assert set(CASES) >= {
        "allof-inheritance",
        "discriminated-unions",
        "undiscriminated-unions",
        "recursive-tree",
        "openapi30-nullable",
        "no-operation-ids",
    }

    def spec(case: str) -> str:
        return (GOLDEN / case / "spec.yaml").read_text(encoding="utf-8")

    def responses(case: str) -> str:
        [package] = packages(expected_dir(case))
        return (expected_dir(case) / package / "types" / "_responses.py").read_text(encoding="utf-8")

    assert "class DigitalProduct(Product):" in responses("allof-inheritance")
    assert "class Product(Entity, ProductFields):" in responses("allof-inheritance")

    def has_key(case: str, key: str) -> bool:
        return re.search(rf"^\s*{key}:", spec(case), re.MULTILINE) is not None

    assert has_key("discriminated-unions", "discriminator")
    assert 'kind: Literal["lion"]' in responses("discriminated-unions")
    assert not has_key("undiscriminated-unions", "discriminator")
    assert "value: str | int | bool | Money" in responses("undiscriminated-unions")
    assert "children: list[TreeNode] | None = None" in responses("recursive-tree")
    assert "entries: list[Folder | File | dict[str, Any]]" in responses("recursive-tree")
    assert spec("openapi30-nullable").count("nullable: true") >= 6
    assert "openapi: 3.0.3" in spec("openapi30-nullable")
    assert "nickname: str | None" in responses("openapi30-nullable")
    assert not has_key("no-operation-ids", "operationId") and not has_key("no-operation-ids", "tags")
    assert not has_key("no-operation-ids", "x-sdk-method") and not has_key(
        "no-operation-ids", "x-sdk-resource"
    )


@pytest.mark.parametrize("case", CASES)
def test_regenerating_a_case_reproduces_its_record_byte_for_byte(regenerated: Path, case: str) -> None:
    produced = tree(regenerated / case)
    recorded = tree(expected_dir(case))
    assert len(recorded) > 10, f"tests/golden/{case}/expected is missing or nearly empty; {REFRESH}"
    missing, extra = sorted(set(recorded) - set(produced)), sorted(set(produced) - set(recorded))
    assert (
        not missing and not extra
    ), f"{case}: files no longer generated {missing}, new files {extra}; {REFRESH}"
    changed = [name for name in produced if produced[name] != recorded[name]]
    if changed:
        first = changed[0]
        diff = "".join(
            difflib.unified_diff(
                recorded[first].decode("utf-8", "replace").splitlines(keepends=True),
                produced[first].decode("utf-8", "replace").splitlines(keepends=True),
                fromfile=f"tests/golden/{case}/expected/{first}",
                tofile=f"regenerated/{first}",
            )
        )
        pytest.fail(f"{case}: {len(changed)} file(s) differ: {changed}; {REFRESH}\n{diff[:4000]}")


def test_every_regenerated_package_passes_mypy_strict(regenerated: Path) -> None:
    found = {case: packages(regenerated / case) for case in CASES}
    assert all(len(names) == 1 for names in found.values()), found
    names = [name for [name] in found.values()]
    assert len(set(names)) == len(names), f"two cases generate the same package name: {found}"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(regenerated / ".mypy_cache"),
            *[arg for name in names for arg in ("-p", name)],
        ],
        cwd=regenerated,
        env={**os.environ, "MYPYPATH": os.pathsep.join(str(regenerated / case) for case in CASES)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # Every module of every package was checked, not just found.
    checked = sum(1 for case in CASES for _ in (regenerated / case).rglob("*.py"))
    assert f"Success: no issues found in {checked} source files" in done.stdout, done.stdout


def test_every_regenerated_package_passes_pyright_strict(regenerated: Path) -> None:
    """pyright strict over every package, but for the static runtime modules: those are the same
    bytes in every package as in ``generated/`` (asserted here), which ``make lint`` checks, so
    they are read for their types only and not checked six times more (half the time of this run)."""
    pyright = ROOT / "node_modules" / ".bin" / "pyright"
    if not pyright.exists():
        pytest.fail("pyright is not installed: `make test` installs it with `npm ci` (see package.json)")
    [ours] = packages(ROOT / "generated")
    runtime = {name: (ROOT / "generated" / ours / name).read_bytes() for name in RUNTIME_FILES}
    for case in CASES:
        [package] = packages(regenerated / case)
        for name, content in runtime.items():
            assert (regenerated / case / package / name).read_bytes() == content, f"{case}: {name}"
    config = regenerated / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {
                "include": CASES,
                "exclude": [f"**/{name}" for name in RUNTIME_FILES],
                "typeCheckingMode": "strict",
                "pythonVersion": "3.10",
            }
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [str(pyright), "--outputjson", "--project", str(config), "--pythonpath", sys.executable],
        cwd=regenerated,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(done.stdout)
    problems = [
        f"{d['file']}:{d['range']['start']['line'] + 1}: {d['severity']}: {d['message']}"
        for d in report["generalDiagnostics"]
    ]
    assert done.returncode == 0 and not problems, "\n".join(problems) or done.stderr
    checked = sum(
        1 for case in CASES for path in (regenerated / case).rglob("*.py") if path.name not in runtime
    )
    assert report["summary"]["filesAnalyzed"] == checked
