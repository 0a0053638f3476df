"""The generated client under every Python version it claims; ``make test`` runs these sessions.

The versions are the ``Programming Language :: Python :: 3.x`` classifiers of
``generated/pyproject.toml`` (what the generator claims for the clients it writes), so a claim
cannot go untested. Each session installs the package from ``generated/`` with pip, as a user
would, and runs the recorded-response tests (sync and async) and the streaming tests against the
installed copy (``SDKGEN_TEST_INSTALLED=1``; conftest.py checks that it is not the one in
``generated/``).

``client-3.x`` runs with the pinned versions of requirements/dev.txt; ``lowest`` runs on the
oldest Python with the lower bounds of the package's dependency ranges, so those are tested too.
Interpreters are found on the PATH as ``python3.x`` (the Makefile adds pyenv's).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
GENERATED = ROOT / "generated"
TESTS = [
    "tests/test_client.py",
    "tests/test_drift.py",
    "tests/test_hardening.py",
    "tests/test_parsing.py",
    "tests/test_streaming.py",
]
TEST_TOOLS = ["pytest", "pytest-timeout", "pyyaml"]
"""What the tests need besides the client: pytest (with anyio's plugin, which httpx brings) and
PyYAML, with which conftest.py reads spec/generator.yaml."""

nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = True


def _packaging() -> dict[str, object]:
    with open(GENERATED / "pyproject.toml", "rb") as handle:
        project: dict[str, object] = tomllib.load(handle)["project"]
    return project


def _claimed_pythons() -> list[str]:
    classifiers = _packaging().get("classifiers", [])
    assert isinstance(classifiers, list)
    found = [
        m.group(1)
        for c in classifiers
        if (m := re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", c))
    ]
    return sorted(found, key=lambda version: tuple(map(int, version.split("."))))


def _lower_bounds() -> list[str]:
    """Each dependency pinned to the lower bound of its range (``httpx>=0.25.0,<1`` -> ``httpx==0.25.0``)."""
    pins = []
    dependencies = _packaging().get("dependencies", [])
    assert isinstance(dependencies, list)
    for requirement in dependencies:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([^,]+)(,.*)?", requirement)
        assert match, f"{requirement}: every dependency needs a lower bound"
        pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


def _constraints(session: nox.Session) -> str:
    """requirements/dev.txt and what it includes, as one constraints file: the same pins as the
    main environment for whatever a session installs (a ``-r`` inside a constraints file would
    make its lines requirements, installing the whole toolchain)."""
    lines: list[str] = []
    for name in ("generate.txt", "dev.txt"):
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        lines += [line for line in text.splitlines() if line.strip() and not line.startswith(("#", "-"))]
    path = Path(session.create_tmp()) / "constraints.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


PYTHONS = _claimed_pythons()


def _run_tests(session: nox.Session) -> None:
    session.run(
        "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS, env={"SDKGEN_TEST_INSTALLED": "1"}
    )


@nox.session(python=PYTHONS)
def client(session: nox.Session) -> None:
    """The pinned dependency set."""
    session.install("--quiet", "-c", _constraints(session), *TEST_TOOLS, str(GENERATED))
    # A reused environment already has this version: put the current generated/ in anyway.
    session.install("--quiet", "--no-deps", "--force-reinstall", str(GENERATED))
    _run_tests(session)


@nox.session(python=PYTHONS[0])
def lowest(session: nox.Session) -> None:
    """The oldest claimed Python with the oldest dependency versions the package claims."""
    pins = _lower_bounds()
    session.install("--quiet", "-c", _constraints(session), *TEST_TOOLS)
    session.install("--quiet", *pins)
    session.install("--quiet", "--no-deps", "--force-reinstall", str(GENERATED))
    session.run("python", "-m", "pip", "check")
    _run_tests(session)
