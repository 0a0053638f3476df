"""The whole run: spec -> files in memory -> checked -> written atomically."""

from __future__ import annotations

import difflib
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import ir
from .build import build_api
from .config import load_config
from .limits import recursion_guard
from .loader import load_document, validate_document
from .models import generate_models
from .render import LINE_LENGTH, render_api_md, render_package, render_pyproject

__all__ = [
    "GenerationError",
    "UnsafeOutputError",
    "check_output_dir",
    "is_generated_package",
    "build_files",
    "load_api",
    "write_atomically",
    "generate",
    "check",
    "Inputs",
]


class GenerationError(Exception):
    """The generator produced something broken; nothing was written."""


@dataclass(frozen=True)
class Inputs:
    spec: Path
    config: Path
    spec_name: str
    config_name: str
    config_required: bool = False
    """True when the user named the config file: then it must exist."""

    @classmethod
    def from_paths(cls, spec: str | Path, config: str | Path | None = None) -> Inputs:
        spec_path = Path(spec)
        config_path = Path(config) if config is not None else spec_path.with_name("generator.yaml")
        return cls(
            spec_path,
            config_path,
            str(spec),
            str(config) if config is not None else str(config_path),
            config_required=config is not None,
        )


def load_api(inputs: Inputs) -> ir.Api:
    """Load, validate and build the intermediate model, response models included."""
    doc = load_document(inputs.spec, inputs.spec_name)
    with recursion_guard(inputs.spec_name, "validating the spec", doc.location):
        validate_document(doc)
    title = str((doc.data.get("info") or {}).get("title", "api"))
    config = load_config(inputs.config, title=title, name=inputs.config_name, required=inputs.config_required)
    with recursion_guard(inputs.spec_name, "building the client", doc.location):
        api, schemas = build_api(doc, config)
        required = sorted(
            {
                name
                for op in api.all_operations()
                for name in (op.response.model, op.response.item_model)
                if name
            }
        )
        source, classes = generate_models(schemas, spec_name=inputs.spec_name, required=required)
    api.models_source = source
    api.response_models = classes
    return api


def format_python(source: str, name: str) -> str:
    """``source`` formatted by black and checked to compile (``name`` is for messages)."""
    try:
        formatted = _black(source)
    except Exception as exc:  # black raises its own InvalidInput and friends
        raise GenerationError(
            f"generated {name} is not valid Python ({type(exc).__name__}: {exc}); nothing was written"
        ) from None
    try:
        compile(formatted, name, "exec")
    except SyntaxError as exc:
        raise GenerationError(f"generated {name} does not compile: {exc}; nothing was written") from None
    return formatted


@functools.lru_cache(maxsize=128)
def _black(source: str) -> str:
    """Pure, so cached: the static runtime modules are the same text in every run, and a process that
    generates several clients (the tests) formats them once."""
    import black
    from black.mode import Mode, TargetVersion

    return black.format_str(source, mode=Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY310}))


def build_files(inputs: Inputs) -> tuple[ir.Api, dict[str, str]]:
    """Every output file, formatted: path relative to the output directory -> text."""
    api = load_api(inputs)
    files: dict[str, str] = {}
    for name, text in sorted(render_package(api).items()):
        path = f"{api.package_name}/{name}"
        files[path] = format_python(text, path) if name.endswith(".py") else text
    files["api.md"] = render_api_md(api)
    files["pyproject.toml"] = render_pyproject(api)
    return api, files


def _write_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)


_IMPORT_CHECK = """
import importlib, sys, typing
sys.path.insert(0, sys.argv[1])
building = ""
try:
    package = importlib.import_module(sys.argv[2])
    for name in sys.argv[3:]:
        importlib.import_module(sys.argv[2] + "." + name)
    responses = importlib.import_module(sys.argv[2] + ".types._responses")
    for building in responses.__all__:
        getattr(responses, building).model_rebuild(force=True)
    building = ""
    from pydantic import TypeAdapter
    params = importlib.import_module(sys.argv[2] + ".types._params")
    for building, value in vars(params).items():
        if isinstance(value, type) and typing.is_typeddict(value):
            TypeAdapter(value)
except RecursionError:
    responses = sys.modules.get(sys.argv[2] + ".types._responses")
    where = getattr(responses, "_SPEC_POINTERS", {}).get(building, "")
    print(chr(10) + TOO_DEEP + (building or "-") + " " + where, file=sys.stderr)
    sys.exit(1)
"""

_TOO_DEEP = "too deep for pydantic: "


def verify_importable(root: Path, api: ir.Api) -> None:
    """Import every generated module and build every model in a fresh interpreter.

    The interpreter has Python's default recursion limit, as the client's users will. The runtime
    builds the models a model holds first (so chains of any length build), but models that hold one
    another in a cycle are built together, a dozen frames for each: a cycle of more than about 80
    cannot be built, and is reported with the model the build started from.
    """
    modules = ["_client", "pagination", "types", *(r.module for r in api.all_resources())]
    check = f"TOO_DEEP = {_TOO_DEEP!r}\n" + _IMPORT_CHECK
    result = subprocess.run(
        [sys.executable, "-c", check, str(root), api.package_name, *modules],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    if result.returncode != 0:
        last = result.stderr.strip().splitlines()[-1:]
        if last and last[0].startswith(_TOO_DEEP):
            model, _, pointer = last[0][len(_TOO_DEEP) :].partition(" ")
            which = f"the type {model} ({pointer or 'a request type'})" if model != "-" else "the models"
            raise GenerationError(
                f"{which} cannot be built: pydantic builds a model together with the models it holds "
                "that are not built yet, and these hold one another in a cycle too long for Python's "
                "default recursion limit (about 80 schemas, each a field of the one before, back to "
                "the first). Shorten the cycle, for example with a free-form object at some depth. "
                "Nothing was written"
            )
        tail = "\n".join(result.stderr.strip().splitlines()[-12:])
        raise GenerationError(f"the generated package does not import; nothing was written:\n{tail}")


class UnsafeOutputError(GenerationError):
    """The output directory holds things the generator did not write; it was left alone."""


_CACHE_ENTRIES = frozenset({"__pycache__"})
"""Visible top-level entries that may be replaced although the generator never writes them."""


def check_output_dir(out_dir: Path, files: dict[str, str]) -> None:
    """Refuse to replace ``out_dir`` unless everything visible in it is something a generation writes.

    The whole directory is replaced, so a wrong ``--out`` (the repository root, a home directory)
    would otherwise delete everything in it. Hidden entries (``.mypy_cache`` from type-checking
    the output in place) and ``__pycache__`` may go, and so may a package an earlier generation
    wrote under another ``package_name`` (the name changed in the config); any other file or
    directory the generator would not write stops the run before anything is touched.
    """
    if not out_dir.exists() and not out_dir.is_symlink():
        return
    if not out_dir.is_dir():
        raise UnsafeOutputError(f"{out_dir} exists and is not a directory; nothing was written")
    ours = {name.split("/", 1)[0] for name in files}
    foreign = sorted(
        entry.name
        for entry in out_dir.iterdir()
        if not entry.name.startswith(".")
        and entry.name not in ours
        and entry.name not in _CACHE_ENTRIES
        and not is_generated_package(entry)
    )
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise UnsafeOutputError(
            f"{out_dir} holds {shown}, which the generator did not write; the output directory is "
            f"replaced as a whole, so it must be empty or hold only {', '.join(sorted(ours))}. "
            "Choose another --out or remove them; nothing was written"
        )


_PACKAGE_MARKS = ("__init__.py", "_client.py", "_base_client.py", "_constants.py", "py.typed")
"""Files every generated package has at its top: a directory with all of them (and ``resources/``
and ``types/``) is a package an earlier generation wrote, under a ``package_name`` since changed."""


def is_generated_package(entry: Path) -> bool:
    """Whether ``entry`` is a package the generator wrote (possibly under another name)."""
    return (
        entry.is_dir()
        and not entry.is_symlink()
        and all((entry / mark).is_file() for mark in _PACKAGE_MARKS)
        and (entry / "resources").is_dir()
        and (entry / "types").is_dir()
    )


def _default_dir_mode() -> int:
    """The mode ``mkdir`` gives a new directory: 0o777 less the process umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o777 & ~umask


def write_atomically(out_dir: Path, files: dict[str, str], api: ir.Api) -> None:
    """Replace ``out_dir`` with exactly ``files``, or leave it untouched if anything fails.

    Raises ``UnsafeOutputError`` (before touching anything) when ``out_dir`` holds files the
    generator did not write.
    """
    out_dir = out_dir.resolve()
    check_output_dir(out_dir, files)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    backup = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    try:
        # mkdtemp creates the directory private (0700); the output gets the mode mkdir would give it.
        os.chmod(staging, _default_dir_mode())
        _write_tree(staging, files)
        verify_importable(staging, api)
        if backup.exists():
            shutil.rmtree(backup)
        if out_dir.exists():
            os.replace(out_dir, backup)
        try:
            os.replace(staging, out_dir)
        except BaseException:
            if backup.exists():
                os.replace(backup, out_dir)
            raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if backup.exists():
            shutil.rmtree(backup, ignore_errors=True)


def generate(inputs: Inputs, out_dir: Path) -> tuple[ir.Api, dict[str, str]]:
    """Generate into ``out_dir``; the model (``api.warnings`` says what was left out) and the files."""
    api, files = build_files(inputs)
    write_atomically(out_dir, files, api)
    return api, files


def read_tree(root: Path) -> dict[str, str]:
    """The files of an output directory as the generator would have written them.

    Left out: ``__pycache__`` and hidden files and directories (``.mypy_cache`` from type-checking
    the output in place...), which the generator never writes. Bytes that are not UTF-8 are shown
    as replacement characters rather than stopping the comparison.
    """
    found: dict[str, str] = {}
    if not root.is_dir():
        return found
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if path.is_file() and "__pycache__" not in parts and not any(part.startswith(".") for part in parts):
            found["/".join(parts)] = path.read_bytes().decode("utf-8", errors="replace")
    return found


def check(inputs: Inputs, out_dir: Path) -> str:
    """A unified diff between ``out_dir`` and what the generator produces now ('' when equal)."""
    _, files = build_files(inputs)
    current = read_tree(out_dir)
    chunks: list[str] = []
    for name in sorted(set(files) | set(current)):
        old = current.get(name)
        new = files.get(name)
        if old == new:
            continue
        chunks.extend(
            difflib.unified_diff(
                (old or "").splitlines(keepends=True),
                (new or "").splitlines(keepends=True),
                fromfile=f"{out_dir.name}/{name}" if old is not None else "/dev/null",
                tofile=f"regenerated/{name}" if new is not None else "/dev/null",
            )
        )
    return "".join(chunks)
