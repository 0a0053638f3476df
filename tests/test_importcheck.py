"""The import check's pre-warmed interpreter (``generator.importcheck``) judges a package exactly as
a cold one does, with the same words, and leaves no process or directory behind.

Every test runs real interpreters on real trees: our generated package, and copies of it broken
on purpose.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from _genhelpers import GENERATED, MAIN_SPEC, ROOT
from generator import importcheck, pipeline
from generator.__main__ import _main
from generator.config import load_spec_config
from generator.render import RUNTIME_DIR, RUNTIME_FILES
from generator.shapes import code_shape

PACKAGE = load_spec_config(MAIN_SPEC).package_name


def _files(package: str = PACKAGE) -> dict[str, str]:
    """Our generated package as the early check gets it (path in the output -> text): rendered, not
    yet formatted, so the static runtime modules are the runtime's own text."""
    files = {
        f"{package}/{name.split('/', 1)[1]}": text
        for name, text in pipeline.read_tree(GENERATED).items()
        if name.startswith(PACKAGE + "/")
    }
    for name in RUNTIME_FILES:
        files[f"{package}/{name}"] = (RUNTIME_DIR / name).read_text(encoding="utf-8")
    return files


def _modules(files: dict[str, str], package: str = PACKAGE) -> list[str]:
    resources = sorted(
        name[len(package) + 1 : -3].removesuffix("/__init__").replace("/", ".")
        for name in files
        if name.startswith(f"{package}/resources/") and name.endswith(".py")
    )
    return ["_client", "pagination", "types", *[r for r in resources if r != "resources"]]


def _broken(files: dict[str, str], package: str = PACKAGE) -> dict[str, str]:
    """``files`` with a resource module that imports something that is not there."""
    broken = dict(files)
    name = next(n for n in sorted(files) if n.startswith(f"{package}/resources/") and n.count("/") > 2)
    broken[name] = files[name] + "\nimport a_module_that_is_not_there_at_all\n"
    return broken


def _settle(started: importcheck.Prewarmed) -> None:
    """Wait until the started interpreter has done all it does ahead of its job."""
    assert started.process.stdout is not None
    line = b""
    while not line.endswith(b"\n"):
        byte = os.read(started.process.stdout.fileno(), 1)  # unbuffered: the rest is the check's
        assert byte, "the interpreter ended before it was ready"
        line += byte
    assert line == importcheck.READY.encode() + b"\n"


def _outcome(
    files: dict[str, str], package: str, *, warm: bool, settled: bool = False
) -> tuple[str, dict[str, str] | None, Path]:
    """(the error message or '', the shapes, the check's directory) of an early check of ``files``;
    ``settled``: given to the started interpreter once it is done with all it does ahead."""
    with importcheck.prewarmed(enabled=warm):
        if warm:
            assert importcheck._waiting, "the interpreter did not start"
            if settled:
                _settle(importcheck._waiting[0])
        early = pipeline.EarlyImportCheck(files, package, _modules(files, package))
        assert not importcheck._waiting, "the early check did not take the started interpreter"
        process = early.process
        try:
            shapes: dict[str, str] | None = early.shapes()
            message = ""
        except pipeline.GenerationError as exc:
            shapes, message = None, str(exc)
    assert process is not None and process.returncode is not None, "the interpreter was left running"
    return message, shapes, early.root


@pytest.fixture
def no_leftovers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Temporary directories go to a private one for the test, which must be empty at its end."""
    private = tmp_path / "temporary"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    yield
    assert list(private.iterdir()) == []


@pytest.mark.parametrize("settled", [True, False])
def test_a_good_package_passes_with_the_shapes_the_generator_computes(
    no_leftovers: None, settled: bool
) -> None:
    files = _files()
    message, shapes, root = _outcome(files, PACKAGE, warm=True, settled=settled)
    assert message == ""
    assert shapes is not None
    assert set(shapes) == {name for name in files if name.endswith(".py")}
    # The static runtime's shapes were worked out while the interpreter waited; all are the
    # generator's own.
    assert shapes == {name: code_shape(files[name]) for name in shapes}
    assert not root.exists()


def test_a_package_that_does_not_import_fails_in_the_same_words(no_leftovers: None) -> None:
    files = _broken(_files())
    warm, _, warm_root = _outcome(files, PACKAGE, warm=True)
    cold, _, cold_root = _outcome(files, PACKAGE, warm=False)
    assert warm.startswith("the generated package does not import; nothing was written:")
    assert "No module named 'a_module_that_is_not_there_at_all'" in warm
    assert warm == cold.replace(str(cold_root), str(warm_root))
    assert not warm_root.exists() and not cold_root.exists()


def test_a_package_named_like_a_module_imported_ahead_is_checked_cold(no_leftovers: None) -> None:
    """``anyio`` is imported ahead (the runtime imports it). A package of that name is checked in a
    cold interpreter, where it is the package that is imported: there it shadows the real anyio,
    which its own runtime needs, so it does not import (the started interpreter would have
    imported the real anyio and passed it)."""
    files = {"anyio/" + name.split("/", 1)[1]: text for name, text in _files().items()}
    message, _, _ = _outcome(files, "anyio", warm=True)
    assert message.startswith("the generated package does not import")
    assert "No module named 'anyio.to_thread'" in message


def test_the_started_interpreter_is_gone_after_an_error_and_when_nobody_claims_it() -> None:
    with pytest.raises(RuntimeError):
        with importcheck.prewarmed():
            (started,) = importcheck._waiting
            raise RuntimeError("a spec error, say")
    assert started.process.returncode is not None
    with importcheck.prewarmed():
        (unused,) = importcheck._waiting
    assert unused.process.returncode is not None
    assert not importcheck._waiting


def test_what_is_imported_ahead_a_cold_check_imports_anyway() -> None:
    """Importing ahead changes the order of imports, never what is imported: every module the
    started interpreter has before its job is one a cold import of our package loads too."""
    probe = (
        "import json, sys\n"
        "sys.stdout.write(json.dumps(sorted(sys.modules)))\n"
        "sys.stdout.flush()\n"
        "import os\n"
        "os._exit(0)\n"
    )
    with tempfile.TemporaryDirectory(prefix="sdkgen-probe-") as name:
        root = Path(name)
        (root / "probe_package").mkdir()
        (root / "probe_package" / "__init__.py").write_text(probe, encoding="utf-8")
        started = importcheck.Prewarmed.start()
        assert started is not None
        process = started.give(root, "probe_package", [])
        assert process is not None
        out, _ = process.communicate(timeout=120)
        started.close()
    ahead = set(json.loads(out.strip().splitlines()[-1])) - {"probe_package"}
    cold = subprocess.run(
        [
            sys.executable,
            "-c",
            "import importlib, json, sys\n"
            f"sys.path.insert(0, {str(GENERATED)!r})\n"
            f"for name in {[PACKAGE] + [PACKAGE + '.' + m for m in _modules(_files())]!r}:\n"
            "    importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))\n",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=importcheck.checker_environment(),
    )
    loaded = set(json.loads(cold.stdout))
    assert {"pydantic", "httpx", "anyio"} <= ahead
    assert ahead - loaded == set(), "imported ahead but not by the package"


def _record_starts(monkeypatch: pytest.MonkeyPatch) -> list[importcheck.Prewarmed]:
    started: list[importcheck.Prewarmed] = []
    real = importcheck.Prewarmed.start

    def start() -> importcheck.Prewarmed | None:
        found = real()
        if found is not None:
            started.append(found)
        return found

    monkeypatch.setattr(importcheck.Prewarmed, "start", staticmethod(start))
    return started


def test_only_generate_starts_the_interpreter_and_it_never_outlives_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if pipeline._usable_cpus() < 2:
        pytest.skip("the early import check runs only on more than one CPU")
    started = _record_starts(monkeypatch)
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    spec, config = str(MAIN_SPEC), str(ROOT / "spec" / "generator.yaml")
    assert _main(["lint", spec]) == 0
    assert _main(["check", "--spec", spec, "--config", config, "--out", str(GENERATED)]) == 0
    assert started == []
    out = tmp_path / "out"
    assert _main(["generate", "--spec", spec, "--config", config, "--out", str(out)]) == 0
    assert len(started) == 1
    # Nothing left to write: started, unused, stopped.
    assert _main(["generate", "--spec", spec, "--config", config, "--out", str(out)]) == 0
    assert len(started) == 2
    assert all(s.process.returncode is not None for s in started)
    assert pipeline.read_tree(out) == pipeline.read_tree(GENERATED)


def test_the_runtimes_shapes_are_kept_once_worked_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The static runtime's shapes depend on its text and Python's version only: the started
    interpreter keeps them (beside the compiled templates) and takes them from there next time."""
    store = tmp_path / "runtime-shapes.json"
    monkeypatch.setattr(importcheck, "_shapes_store", lambda: store)
    files = _files()
    runtime = {f"{PACKAGE}/{name}" for name in RUNTIME_FILES}
    _, shapes, _ = _outcome(files, PACKAGE, warm=True, settled=True)
    kept = json.loads(store.read_text(encoding="utf-8"))
    assert kept["python"] == sys.version
    assert sorted(kept["shapes"].values()) == sorted(code_shape(files[name]) for name in runtime)
    assert shapes is not None and all(shapes[name] == code_shape(files[name]) for name in shapes)
    # What is kept is what is used (a shape altered in the store comes back altered) ...
    store.write_text(
        json.dumps({"python": sys.version, "shapes": dict.fromkeys(kept["shapes"], "altered")}),
        encoding="utf-8",
    )
    _, shapes, _ = _outcome(files, PACKAGE, warm=True)
    assert shapes is not None and {shapes[name] for name in runtime} == {"altered"}
    # ... for the Python that worked it out only.
    store.write_text(
        json.dumps({"python": "another", "shapes": dict.fromkeys(kept["shapes"], "altered")}),
        encoding="utf-8",
    )
    _, shapes, _ = _outcome(files, PACKAGE, warm=True)
    assert shapes is not None and all(shapes[name] == code_shape(files[name]) for name in shapes)
    assert json.loads(store.read_text(encoding="utf-8")) == kept


def test_a_failure_inside_the_runtime_reads_the_same_with_its_files_and_lines(no_leftovers: None) -> None:
    """The started interpreter compiles the runtime's modules ahead: a traceback through one of
    them names the checked tree's file and the line, as a cold check's does."""
    files = _files()
    name = f"{PACKAGE}/pagination.py"
    files[name] += '\nfrom ._utils import check_header\ncheck_header("no good", "value", "probe")\n'
    warm, _, warm_root = _outcome(files, PACKAGE, warm=True, settled=True)
    cold, _, cold_root = _outcome(files, PACKAGE, warm=False)
    line = next(
        number
        for number, text in enumerate((RUNTIME_DIR / "_utils.py").read_text(encoding="utf-8").splitlines(), 1)
        if "is not a valid HTTP header name" in text
    )
    assert f'{PACKAGE}/_utils.py", line {line}, in check_header' in warm
    assert "is not a valid HTTP header name" in warm
    assert warm == cold.replace(str(cold_root), str(warm_root))


def test_a_refused_output_directory_leaves_no_check_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_leftovers: None
) -> None:
    """``generate`` refuses to replace a directory holding files it did not write (exit 3) after
    the early check has started: its process and directory go too."""
    if pipeline._usable_cpus() < 2:
        pytest.skip("the early import check runs only on more than one CPU")
    started = _record_starts(monkeypatch)
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    spec, config = str(MAIN_SPEC), str(ROOT / "spec" / "generator.yaml")
    assert _main(["generate", "--spec", spec, "--config", config, "--out", str(out)]) == 3
    assert len(started) == 1 and started[0].process.returncode is not None
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
