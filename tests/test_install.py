"""What README promises a new user, each done in a temporary directory as the user would do it.

(a) ``make generate`` in a fresh copy of this repository regenerates its client (and the Makefile
    rebuilds ``.venv`` when the interpreter or the requirements change);
(b) the toolchain's wheel installed into a clean venv gives an ``sdkgen`` command that works from
    any directory: it regenerates this repository's client byte for byte, lints and diffs specs
    outside any project, and ``sdkgen init`` starts a project for another API whose own
    ``make generate``, ``check``, ``lint`` and ``test`` pass;
(c) the generated package builds a wheel that installs into a venv holding nothing else and
    calls a server (the fault server, on loopback).

pip installs from the sources it is configured with (those the Makefile uses); what it
downloaded once comes from its cache. The toolchain wheel is built once per session.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from _faultserver import FaultServer, Reply, json_reply
from conftest import GENERATED, PROJECT, ROOT, fixture_json

pytestmark = [pytest.mark.install, pytest.mark.timeout(600)]

BIN = "Scripts" if os.name == "nt" else "bin"


def environment(extra_path: list[Path] | None = None) -> dict[str, str]:
    """The environment a user's shell would have: no virtualenv of ours active, nothing on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    venv_bin = str(Path(sys.executable).parent)
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and p != venv_bin]
    env["PATH"] = os.pathsep.join([*(str(p) for p in extra_path or []), *path])
    env.pop("MAKEFLAGS", None)
    env.pop("MAKELEVEL", None)
    return env


def run(
    *command: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env or environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert (
        done.returncode == 0
    ), f"{done.args} exited {done.returncode}:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done.stdout


def base_python() -> Path:
    """The interpreter this test environment was made from (not the .venv's own)."""
    for name in (f"python{sys.version_info[0]}.{sys.version_info[1]}", "python3"):
        candidate = Path(sys.base_prefix) / "bin" / name
        if candidate.exists():
            return candidate
    raise AssertionError(f"no interpreter under {sys.base_prefix}")


def other_python() -> Path:
    """A second interpreter the toolchain claims (3.11 or newer, not the one running the tests)."""
    root = run("pyenv", "root", cwd=ROOT) if shutil.which("pyenv") else None
    candidates = []
    if root is not None and root.returncode == 0:
        candidates = sorted(Path(root.stdout.strip(), "versions").glob("3.1[1-9].*/bin/python3"))
    for candidate in reversed(candidates):
        if Path(candidate).resolve().parent.parent != Path(sys.base_prefix).resolve():
            return candidate
    found = next(
        (shutil.which(f"python3.{minor}") for minor in (13, 12, 11) if shutil.which(f"python3.{minor}")), None
    )
    assert found, "a second Python 3.11+ is needed (pyenv's); see README"
    return Path(found)


def older_python() -> Path:
    """Python 3.10: what the generated client supports, older than the toolchain needs."""
    root = run("pyenv", "root", cwd=ROOT) if shutil.which("pyenv") else None
    if root is not None and root.returncode == 0:
        found = sorted(Path(root.stdout.strip(), "versions").glob("3.10.*/bin/python3"))
        if found:
            return found[-1]
    which = shutil.which("python3.10")
    assert which, "Python 3.10 is needed (pyenv's); see README"
    return Path(which)


def fresh_venv(path: Path) -> Path:
    """A new virtual environment with pip and nothing else; its python."""
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    return path / BIN / "python"


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and "__pycache__" not in p.parts
        and not any(s.startswith(".") for s in p.relative_to(root).parts)
    }


@pytest.fixture(scope="session")
def toolchain_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The toolchain's wheel, built once from a copy of what pyproject.toml packages."""
    source = tmp_path_factory.mktemp("toolchain-src")
    for name in ("generator", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheels")
    ok(run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, source, cwd=source))
    (wheel,) = out.glob("sdkgen-*.whl")
    return wheel


@pytest.fixture(scope="module")
def sdkgen_bin(toolchain_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv with only the toolchain wheel (and the pinned generation set) installed; its bin/."""
    python = fresh_venv(tmp_path_factory.mktemp("sdkgen-venv") / "venv")
    ok(
        run(
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            toolchain_wheel,
            "-c",
            ROOT / "requirements" / "generate.txt",
            cwd=toolchain_wheel.parent,
        )
    )
    return python.parent


def test_the_wheel_carries_the_templates_and_the_runtime(toolchain_wheel: Path) -> None:
    import zipfile

    names = set(zipfile.ZipFile(toolchain_wheel).namelist())
    for template in (ROOT / "templates").rglob("*"):
        if template.is_file() and "__pycache__" not in template.parts:
            assert "generator/templates/" + template.relative_to(ROOT / "templates").as_posix() in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "sdkgen = generator.__main__:run" in zipfile.ZipFile(toolchain_wheel).read(entry_points).decode()


def test_installed_sdkgen_regenerates_this_client_from_a_subdirectory(
    sdkgen_bin: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "spec", project / "spec")
    (project / "docs").mkdir()
    env = environment([sdkgen_bin])
    where = ok(
        run(
            sdkgen_bin / "python",
            "-c",
            "import generator.render as r; print(r.TEMPLATES_DIR)",
            cwd=tmp_path,
            env=env,
        )
    )
    assert Path(where.strip()).is_relative_to(
        sdkgen_bin.parent
    ), "the installed tool must use its own templates"
    # From a subdirectory: the project's spec and generated/ are found by walking up.
    out = ok(run("sdkgen", "generate", cwd=project / "docs", env=env))
    assert (
        out.strip() == f"Generated {len(tree(GENERATED))} files into ../generated/ from ../spec/openapi.yaml."
    )
    assert tree(project / "generated") == tree(GENERATED)
    assert (
        ok(run("sdkgen", "check", cwd=project, env=env)).strip()
        == "generated/ is up to date with spec/openapi.yaml."
    )
    assert ok(run("sdkgen", "config", "package_name", cwd=project, env=env)).strip() == PROJECT.package_name


def test_lint_and_diff_work_on_files_outside_any_project(sdkgen_bin: Path, tmp_path: Path) -> None:
    """A reviewer's copy of the old spec in a temporary file: diff uses the project's config, found from
    the working directory; without any config, a pagination scheme it cannot know is a warning."""
    env = environment([sdkgen_bin])
    old = tmp_path / "old.yaml"
    text = (ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new = tmp_path / "elsewhere" / "new.yaml"
    new.parent.mkdir()
    new.write_text(text.replace("x-sdk-method: list\n", "x-sdk-method: list_all\n", 1), encoding="utf-8")
    inside = run("sdkgen", "diff", old, new, cwd=ROOT / "tests", env=env)
    assert "list_all" in ok(inside) and "Breaking" in inside.stdout
    assert "warning" not in inside.stderr, inside.stderr
    outside = run("sdkgen", "diff", old, new, "--format", "json", cwd=tmp_path, env=env)
    report = json.loads(ok(outside))
    assert report["breaking"] >= 1
    assert report["warnings"] and all("unknown pagination scheme 'cursor'" in w for w in report["warnings"])
    assert "warning: " in outside.stderr
    # lint --format github: one annotation per finding, at the line of the spec.
    broken = tmp_path / "lint.yaml"
    broken.write_text(
        text.replace("x-sdk-pagination: cursor", "x-sdk-pagination: kursor", 1), encoding="utf-8"
    )
    linted = run(
        "sdkgen",
        "lint",
        broken,
        "--format",
        "github",
        "--config",
        ROOT / "spec" / "generator.yaml",
        cwd=tmp_path,
        env=env,
    )
    assert linted.returncode == 1
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if "x-sdk-pagination: cursor" in t)
    annotations = [a for a in linted.stdout.splitlines() if a.startswith("::")]
    assert any(
        re.fullmatch(
            rf"::error file={re.escape(str(broken))},line={line},col=\d+,title=error\[pagination\]::.*kursor.*",
            a,
        )
        for a in annotations
    ), linted.stdout


def test_init_starts_a_project_whose_make_targets_pass(sdkgen_bin: Path, tmp_path: Path) -> None:
    spec = tmp_path / "their-api.yaml"
    shutil.copy2(ROOT / "tests" / "specs" / "base" / "openapi.yaml", spec)
    env = environment([sdkgen_bin])
    started = ok(run("sdkgen", "init", "widgets", "--spec", spec, cwd=tmp_path, env=env))
    project = tmp_path / "widgets"
    assert "Next: cd widgets && make generate && make test" in started
    assert (project / "spec" / "openapi.yaml").read_bytes() == spec.read_bytes()
    config = (project / "spec" / "generator.yaml").read_text(encoding="utf-8")
    assert "package_name: widgets_client\n" in config and "client_name: Widgets\n" in config
    assert "# The client classes: Widgets and AsyncWidgets." in config
    assert os.access(project / ".ci" / "run", os.X_OK)
    # A second init refuses to overwrite.
    again = run("sdkgen", "init", "widgets", "--spec", spec, cwd=tmp_path, env=env)
    assert again.returncode == 3 and "already holds" in again.stderr
    generated = ok(run("make", "generate", cwd=project, env=env))
    assert "Generated" in generated and (project / "generated" / "pyproject.toml").is_file()
    ok(run("make", "check", "lint", cwd=project, env=env))
    tested = run("make", "test", f"PYTHON={sdkgen_bin / 'python'}", cwd=project, env=env)
    ok(tested)
    assert "Ran 2 tests" in tested.stderr and "\nOK" in tested.stderr, tested.stderr
    # The project's test would notice a client that parses the recorded response differently.
    recorded = next((project / "tests" / "responses").glob("*.json"))
    data = json.loads(recorded.read_text(encoding="utf-8"))
    data["unexpected"] = {"kept": True}
    recorded.write_text(json.dumps(data), encoding="utf-8")
    assert run("make", "test", cwd=project, env=env).returncode == 0, "unknown fields are kept and round-trip"
    (project / "spec" / "openapi.yaml").write_text(
        spec.read_text(encoding="utf-8").replace("/widgets/{widget_id}", "/gadgets/{widget_id}"),
        encoding="utf-8",
    )
    stale = run("make", "test", cwd=project, env=env)
    assert stale.returncode != 0 and "generated/ is stale" in stale.stderr


@pytest.fixture(scope="module")
def client_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("client-wheel")
    source = out / "src"
    shutil.copytree(GENERATED, source, ignore=shutil.ignore_patterns("__pycache__", ".*"))
    ok(run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, source, cwd=out))
    (wheel,) = out.glob("*.whl")
    return wheel


CALL = """
import sys
import {package} as sdk

client = sdk.{client}(bearer_token="t", base_url=sys.argv[1], max_retries=1)
invoice = client.v1.customers.invoices.retrieve(customer_id=sys.argv[2], invoice_id=sys.argv[3]).data
print(invoice.id, type(invoice).__module__)
"""


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


def test_the_generated_wheel_installs_alone_and_calls_a_server(
    client_wheel: Path, tmp_path: Path, server: FaultServer
) -> None:
    assert client_wheel.name == f"{PROJECT.package_name}-{PROJECT.version}-py3-none-any.whl"
    python = fresh_venv(tmp_path / "venv")
    ok(run(python, "-m", "pip", "install", "--quiet", client_wheel, cwd=tmp_path))
    installed = ok(run(python, "-m", "pip", "list", "--format=json", cwd=tmp_path))
    names = {entry["name"].lower().replace("_", "-") for entry in json.loads(installed)}
    expected = {"anyio", "httpx", "httpcore", "h11", "idna", "certifi", "pydantic", "pydantic-core"}
    assert expected | {PROJECT.package_name.replace("_", "-")} <= names
    allowed = expected | {
        "annotated-types",
        "typing-extensions",
        "typing-inspection",
        "sniffio",
        "exceptiongroup",
        "pip",
        "setuptools",
    }
    assert names - allowed == {PROJECT.package_name.replace("_", "-")}, names
    ok(run(python, "-m", "pip", "check", cwd=tmp_path))
    retrieved = fixture_json("retrieveInvoice.json")
    server.script(Reply(503, {"Retry-After": "0"}, b"busy"), json_reply(200, retrieved))
    customer, invoice = "7c9e6679-7425-40de-944b-e07fc1f90ae7", retrieved["data"]["id"]
    script = CALL.format(package=PROJECT.package_name, client=PROJECT.client_name)
    out = ok(run(python, "-c", script, server.url, customer, invoice, cwd=tmp_path))
    assert out.split() == [invoice, f"{PROJECT.package_name}.types._responses"]
    assert [(r.method, r.path) for r in server.requests] == [
        ("GET", f"/v1/customers/{customer}/invoices/{invoice}")
    ] * 2
    assert all(r.header("authorization") == "Bearer t" for r in server.requests)


def test_make_generate_in_a_fresh_checkout_and_venv_rebuilds(tmp_path: Path) -> None:
    """README (a): from a clean checkout, `make generate` makes its .venv with the generation set only
    and writes generated/ exactly as committed; a .venv from another Python or from other
    requirements is rebuilt, a current one reused."""
    checkout = tmp_path / "checkout"
    for name in ("spec", "generator", "templates", "requirements"):
        shutil.copytree(ROOT / name, checkout / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, checkout / name)
    env = environment()
    first = ok(run("make", "generate", f"PYTHON={base_python()}", cwd=checkout, env=env))
    assert tree(checkout / "generated") == tree(GENERATED)
    assert "Rebuilding" not in first
    venv_python = checkout / ".venv" / "bin" / "python"
    have = ok(run(venv_python, "-m", "pip", "list", "--format=json", cwd=checkout))
    names = {entry["name"].lower() for entry in json.loads(have)}
    assert "black" in names and not names & {"pytest", "mypy", "hypothesis", "ruff", "nox"}
    stamp = (checkout / ".venv" / ".stamp").read_text(encoding="utf-8")
    again = ok(run("make", "generate", f"PYTHON={base_python()}", cwd=checkout, env=env))
    assert "Rebuilding" not in again and (checkout / ".venv" / ".stamp").read_text(encoding="utf-8") == stamp
    with open(checkout / "requirements" / "generate.txt", "a", encoding="utf-8") as handle:
        handle.write("# changed\n")
    changed = ok(run("make", "generate", f"PYTHON={base_python()}", cwd=checkout, env=env))
    assert "Rebuilding .venv" in changed
    too_old = run("make", "generate", f"PYTHON={older_python()}", cwd=checkout, env=env)
    assert too_old.returncode != 0 and "needs Python 3.11 or newer" in too_old.stderr, too_old.stderr
    assert (checkout / ".venv" / ".stamp").is_file(), "a refused interpreter leaves .venv alone"
    other = other_python()
    switched = ok(run("make", "generate", f"PYTHON={other}", cwd=checkout, env=env))
    assert "Rebuilding .venv" in switched
    version = ok(run(venv_python, "-c", "import sys; print(sys.version.split()[0])", cwd=checkout))
    expected = ok(run(other, "-c", "import sys; print(sys.version.split()[0])", cwd=checkout))
    assert version == expected
    assert tree(checkout / "generated") == tree(GENERATED), f"generation under {expected.strip()} differs"
    # pip install -e: sdkgen runs from the checkout, with its templates/, from any directory in it.
    ok(run(venv_python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", checkout, cwd=tmp_path))
    checked = ok(run(checkout / ".venv" / "bin" / "sdkgen", "check", cwd=checkout / "spec", env=env))
    assert checked.strip() == "../generated/ is up to date with openapi.yaml."
