"""The import check's interpreter: what it runs, and one started before it is needed.

The import check (``pipeline.verify_importable`` and ``pipeline.EarlyImportCheck``) imports a
generated package in a fresh interpreter with Python's default recursion limit: every module,
every response model rebuilt, every request TypedDict given to pydantic. Most of that process's
time on a small API goes to importing what the generated runtime imports (pydantic, httpx, anyio
and the standard library); that does not depend on the package. ``prewarmed`` starts the
interpreter when ``generate`` starts, has it import those modules while the generator reads and
renders the spec, and hands it the package once it is rendered (``claim``): then only the
package's own modules are left to import.

While it waits, it also works out the static runtime's code shapes (kept for the next run beside
the compiled templates) and compiles the runtime's modules: a module of the checked tree whose
bytes are a runtime module's gets that code, with the tree's file name, exactly as compiling it
there would give it.

The modules imported ahead are the absolute ones the runtime (``templates/runtime/``) and the
Python templates import at their top level, read from those files, so the list cannot fall behind
the runtime: each of them is imported by every generated package anyway, so importing it first
changes the order of imports, not what is imported. The package itself is checked by exactly the
script a cold check runs, at the same line numbers, at module level (no extra frame on the stack):
its failures read the same. A package whose name is already taken in that interpreter by a
module imported ahead is checked in a cold interpreter instead. The interpreter reads its job from
stdin: if the generator goes away without giving it one, it exits.

This module is imported at start-up, so it imports little.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path

from ._locations import RUNTIME_DIR, TEMPLATES_DIR, compiled_dir

__all__ = [
    "TOO_DEEP",
    "IMPORTED",
    "IMPORT_CHECK",
    "SHAPES",
    "check_script",
    "early_script",
    "Prewarmed",
    "prewarmed",
    "claim",
    "reap",
    "shadowed",
    "checker_environment",
    "usable_cpus",
]

TOO_DEEP = "too deep for pydantic: "
IMPORTED = b"sdkgen-imported: "
READY = "sdkgen-ready"
"""A started interpreter's first line of stdout, when it is done with everything it does ahead of its
job before the job arrives (ignored by the caller; tests wait for it)."""
"""Starts the line of stdout that says the check has passed (``SHAPES``)."""

IMPORT_CHECK = """
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
"""The check, run as ``python -c`` with argv ``ROOT PACKAGE MODULE...``; exit 1 with a traceback
(or a ``TOO_DEEP`` line) on stderr when the package does not import or a model cannot be built."""

SHAPE = """
def _sdkgen_shape(text):
    import ast, hashlib
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                first.value.value = ""
    hasher = hashlib.sha256()
    data = ast.dump(tree).encode("utf-8", "surrogatepass")
    hasher.update(f"{len(data)}:".encode())
    hasher.update(data)
    return hasher.hexdigest()
"""
"""What ``shapes.code_shape`` computes, as a function of the check's interpreter."""

SHAPES = SHAPE + """
import json, pathlib, sys
_sdkgen_known = globals().get("_sdkgen_premade", {})
root = pathlib.Path(sys.argv[1])
texts = {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8") for path in sorted(root.rglob("*.py"))}
print(IMPORTED + json.dumps({name: _sdkgen_known[text] for name, text in texts.items() if text in _sdkgen_known}))
sys.stdout.flush()
shapes = {}
for name, text in texts.items():
    shapes[name] = _sdkgen_known[text] = _sdkgen_known.get(text) or _sdkgen_shape(text)
print(json.dumps(shapes))
sys.stdout.flush()
sys.stderr.flush()
if "_sdkgen_save" in globals():
    _sdkgen_save()  # the runtime's shapes worked out only now
import os
os._exit(0)  # the verdict is in: tearing down pydantic and the package would only keep the caller waiting
"""
"""After the check has passed, two lines of JSON on stdout: first the verdict, with the shapes
already known (a started interpreter's premade ones, the static runtime's, worked out while it
waited for its job), then every module's shape. The caller may work out the rest itself meanwhile
(``EarlyImportCheck.shapes``) and stop waiting after the first line."""

SHADOWED = "sdkgen: the package's name is taken by a module imported ahead"
SHADOWED_EXIT = 75
"""How the started interpreter says it cannot check this package (then a cold one does)."""

_PREWARM = """
def _sdkgen_prewarm():
    import importlib, json, pathlib, sys
    runtime, templates, store = sys.argv[1:4]
    names = set()
    for directory in (runtime, templates):
        for path in sorted(pathlib.Path(directory).iterdir()):
            if not path.name.endswith((".py", ".py.j2")):
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("import "):
                    found = [part.split(" as ")[0].strip() for part in line[7:].split(",")]
                elif line.startswith("from ") and " import " in line:
                    found = [line[5:].split(" import ")[0].strip()]
                else:
                    continue
                for name in found:
                    if name != "__future__" and all(part.isidentifier() for part in name.split(".")):
                        names.add(name)
    for name in sorted(names):
        try:
            importlib.import_module(name)
        except Exception:
            pass  # the check itself reports what the package cannot import
    try:
        import select
        select.select([sys.stdin], [], [], 0)
        waiting = lambda: bool(select.select([sys.stdin], [], [], 0)[0])
    except Exception:  # no select() on pipes here (Windows): do it all ahead
        waiting = lambda: False
    import hashlib
    global _sdkgen_save
    kept = {}
    try:
        saved = json.loads(pathlib.Path(store).read_text(encoding="utf-8")) if store else {}
        if saved.get("python") == sys.version and isinstance(saved.get("shapes"), dict):
            kept = {str(key): str(shape) for key, shape in saved["shapes"].items()}
    except Exception:
        pass  # none kept, or unreadable: worked out here
    keys = {}
    for path in sorted(pathlib.Path(runtime).glob("*.py")):
        text = path.read_text(encoding="utf-8")
        keys[text] = key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        shape = kept.get(key)
        if shape is None and not waiting():  # else worked out after the check, if it needs it
            try:
                shape = _sdkgen_shape(text)
            except Exception:
                pass  # worked out again after the check, where it fails as it will
        if shape is not None:
            _sdkgen_premade[text] = shape

    def _sdkgen_save():
        import os
        found = {key: _sdkgen_premade.get(text) for text, key in keys.items()}
        if not store or None in found.values() or found == kept:
            return
        try:
            os.makedirs(os.path.dirname(store), exist_ok=True)
            temporary = f"{store}.{os.getpid()}.tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                json.dump({"python": sys.version, "shapes": found}, handle)
            os.replace(temporary, store)
        except OSError:
            pass  # only slower next time
    _sdkgen_save()
    import importlib.machinery, types, warnings
    codes = {}
    for text in keys:
        if waiting():
            break  # the job is here: the rest are compiled as they are imported
        data = text.encode("utf-8")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                code = compile(data, "<sdkgen-runtime>", "exec", dont_inherit=True)
            except Exception:
                continue  # the import reports it
        if not caught:  # a warning is left to the import, which shows it where it is
            codes[data] = code
    if codes:
        loader = importlib.machinery.SourceFileLoader
        compile_source = loader.source_to_code

        def refile(code, path):
            consts = tuple(refile(c, path) if isinstance(c, types.CodeType) else c for c in code.co_consts)
            return code.replace(co_filename=path, co_consts=consts)

        def source_to_code(self, data, path, *, _optimize=-1):
            code = codes.pop(data, None) if _optimize == -1 else None
            if code is None:
                return compile_source(self, data, path, _optimize=_optimize)
            return refile(code, path)  # what compiling it there gives

        loader.source_to_code = source_to_code
    if not waiting():
        print(READY, flush=True)  # ahead of the job: nothing more to do before it
    job = sys.stdin.readline()
    if not job:
        raise SystemExit(0)  # no package to check after all
    argv = json.loads(job)
    if any(module == argv[1] or module.startswith(argv[1] + ".") for module in sys.modules):
        print(SHADOWED, file=sys.stderr)
        raise SystemExit(SHADOWED_EXIT)
    sys.argv[1:] = argv
_sdkgen_prewarm()
del _sdkgen_prewarm
"""
"""Run on the first line of the started interpreter's script (``exec``, in the module's namespace),
so that the check's own lines keep their numbers; returns once its job is in ``sys.argv``."""


def check_script() -> str:
    """The cold check's ``python -c`` script."""
    return f"TOO_DEEP = {TOO_DEEP!r}; IMPORTED = {IMPORTED.decode()!r}\n" + IMPORT_CHECK


def early_script() -> str:
    """The cold check that also prints the modules' shapes (``EarlyImportCheck``)."""
    return check_script() + SHAPES


def _prewarmed_script() -> str:
    """``early_script`` with the warming up on its first line: every other line keeps its number."""
    head = f"TOO_DEEP = {TOO_DEEP!r}; READY = {READY!r}; IMPORTED = {IMPORTED.decode()!r}; SHADOWED = {SHADOWED!r}; SHADOWED_EXIT = {SHADOWED_EXIT}; "
    return head + f"_sdkgen_premade = {{}}; exec({SHAPE!r}); exec({_PREWARM!r})\n" + IMPORT_CHECK + SHAPES


def usable_cpus() -> int:
    """The CPUs this process may run on (the early check runs only when there is more than one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def checker_environment() -> dict[str, str]:
    """The check's environment: this one, without writing bytecode into the checked tree."""
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def _shapes_store() -> Path | None:
    """Where the started interpreter keeps the static runtime's code shapes (they depend on the
    runtime's text and the Python version only): beside the compiled templates, like them written
    once per installation and Python (``None``: not kept, as under ``PYTHONDONTWRITEBYTECODE``)."""
    if sys.dont_write_bytecode:
        return None
    directory = compiled_dir()
    return directory / f"runtime-shapes.{sys.implementation.cache_tag}.json" if directory else None


class Prewarmed:
    """An interpreter importing the runtime's dependencies, waiting on stdin for a package."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process

    @classmethod
    def start(cls) -> Prewarmed | None:
        """Start one; ``None`` when it cannot be started (the check then starts cold, as ever)."""
        try:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    _prewarmed_script(),
                    str(RUNTIME_DIR),
                    str(TEMPLATES_DIR),
                    str(_shapes_store() or ""),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=checker_environment(),
            )
        except OSError:
            return None
        return cls(process)

    def give(self, root: Path, package: str, modules: list[str]) -> subprocess.Popen[str] | None:
        """Hand it the tree to check (what the cold check gets as argv); the process, which then
        runs ``early_script``'s check and shapes, or ``None`` when it is gone (then it is closed)."""
        stdin = self.process.stdin
        try:
            if stdin is None or self.process.poll() is not None:
                raise OSError("the started interpreter is gone")
            # Left open: ``communicate`` closes it (the job is one line, read as one).
            stdin.write(json.dumps([str(root), package, *modules]) + "\n")
            stdin.flush()
        except (OSError, ValueError):
            self.close()
            return None
        return self.process

    def close(self) -> None:
        """Stop it (when still running) and reap it."""
        reap(self.process)


def reap(process: subprocess.Popen[str]) -> None:
    """Kill ``process`` when it still runs, wait for it, and close its pipes."""
    if process.poll() is None:
        process.kill()
        process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            with contextlib.suppress(OSError):  # a write to its stdin left unflushed
                stream.close()


def shadowed(returncode: int, stderr: str) -> bool:
    """Whether a started interpreter declined the package (``SHADOWED``): check it cold instead."""
    return returncode == SHADOWED_EXIT and stderr.rstrip().endswith(SHADOWED)


_waiting: list[Prewarmed] = []
"""The interpreter ``prewarmed`` started, until an ``EarlyImportCheck`` claims it."""


@contextmanager
def prewarmed(enabled: bool = True) -> Generator[None, None, None]:
    """Within the block, an interpreter for the import check is warming up (when ``enabled``);
    whatever happens, it is gone at the end unless ``claim`` took it (its taker closes it)."""
    started = Prewarmed.start() if enabled else None
    if started is not None:
        _waiting.append(started)
    try:
        yield
    finally:
        if started is not None and started in _waiting:
            _waiting.remove(started)
            started.close()


def claim() -> Prewarmed | None:
    """The interpreter ``prewarmed`` started, now the caller's to ``give`` or ``close``."""
    return _waiting.pop() if _waiting else None
