"""Helpers shared by the generator's own tests (check, lint, diff, errors, hostile specs, determinism).

They run the generator the way users do (``python -m generator ...`` in a fresh interpreter) or in
process where the point is the result rather than the command line, and compare output trees
byte for byte.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from generator import ir
from generator.build import build_api
from generator.config import Config
from generator.loader import parse_yaml, validate_document

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests" / "specs"
BASE_SPEC = SPECS / "base" / "openapi.yaml"
BASE_CONFIG = SPECS / "base" / "generator.yaml"
MAIN_SPEC = ROOT / "spec" / "openapi.yaml"
GENERATED = ROOT / "generated"


def run_generator(
    *args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in a fresh interpreter; the repository is importable from any cwd."""
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *([environment["PYTHONPATH"]] if environment.get("PYTHONPATH") else [])]
    )
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (``__pycache__`` left out): relative POSIX path -> content."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def marked_lines(path: Path, marker: str) -> list[tuple[int, str]]:
    """(line number, text after the marker) for each line of ``path`` with a ``# <marker>`` comment."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        _, sep, tail = line.partition(f"# {marker}")
        if sep:
            found.append((number, tail.strip().lstrip(":").strip()))
    return found


@contextmanager
def imported_package(root: Path, package: str) -> Iterator[ModuleType]:
    """Import the generated ``package`` from ``root``; forget it (and the path) afterwards."""
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


def spec_document(
    paths: dict[str, Any],
    *,
    components: dict[str, Any] | None = None,
    security_schemes: dict[str, Any] | None = None,
    security: list[dict[str, list[str]]] | None = None,
    servers: list[dict[str, Any]] | None = None,
    openapi: str = "3.1.0",
) -> str:
    """The text of a small spec (JSON, which is YAML) made of the given parts."""
    data: dict[str, Any] = {
        "openapi": openapi,
        "info": {"title": "In memory", "version": "1"},
        "paths": paths,
    }
    if servers is not None:
        data["servers"] = servers
    parts: dict[str, Any] = {}
    if components:
        parts["schemas"] = components
    if security_schemes:
        parts["securitySchemes"] = security_schemes
    if parts:
        data["components"] = parts
    if security is not None:
        data["security"] = security
    return json.dumps(data, indent=1)


def build_in_memory(paths: dict[str, Any], *, config: Config | None = None, **parts: Any) -> ir.Api:
    """The intermediate model of a small spec: parsed and validated like a file, then built."""
    doc = parse_yaml(spec_document(paths, **parts), "in-memory.yaml")
    validate_document(doc)
    api, _ = build_api(doc, config or Config("in_memory_client", "InMemory", "IN_MEMORY"))
    return api


def operation_named(api: ir.Api, method_name: str) -> ir.Operation:
    [found] = [op for op in api.all_operations() if op.method_name == method_name]
    return found
