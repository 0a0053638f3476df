"""The whole run: spec -> files in memory -> checked -> written atomically."""

from __future__ import annotations

import contextlib
import difflib
import functools
import json
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable, Collection
from typing import Any

from . import importcheck, ir
from .cache import Cache, digest, distribution_version, toolchain_fingerprint
from .config import Config, load_config
from .errors import Location, SpecError, SpecErrors
from .fastformat import format_module
from .limits import in_deep_worker, recursion_guard
from .lint import Checked, Checks
from .loader import Document, is_error, load_document, validator_findings
from .naming import SpecNames
from .rules import Finding
from .progress import Progress
from .prose import patch, prose_slots
from .shapes import code_shape
from .render import LINE_LENGTH, RUNTIME_FILES, render_api_md, render_package, render_pyproject

__all__ = [
    "GenerationError",
    "UnsafeOutputError",
    "check_output_dir",
    "is_generated_package",
    "build_files",
    "build_checked",
    "StrictFailure",
    "load_api",
    "write_atomically",
    "generate",
    "check",
    "Inputs",
    "Outcome",
    "generate_cached",
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
    strict: bool = False
    """Warnings are fatal too (``--strict``): nothing is written when the spec has any."""

    @classmethod
    def from_paths(
        cls, spec: str | Path, config: str | Path | None = None, *, strict: bool = False
    ) -> Inputs:
        spec_path = Path(spec)
        config_path = Path(config) if config is not None else spec_path.with_name("generator.yaml")
        return cls(
            spec_path,
            config_path,
            str(spec),
            str(config) if config is not None else str(config_path),
            config_required=config is not None,
            strict=strict,
        )


def load_api(inputs: Inputs, *, cache: Cache | None = None, progress: Progress | None = None) -> ir.Api:
    """Load, check and build the intermediate model, response models included.

    With a ``cache``, a document whose validation-relevant content passed before is not validated
    again.
    """
    api, pending = _load_api(inputs, cache or Cache(None), progress or Progress(False))
    pending.findings()
    return api


class StrictFailure(SpecErrors):
    """``--strict`` and the spec has warnings: they are reported as the errors they now are."""

    def __str__(self) -> str:
        return (
            super().__str__() + "\n(--strict makes warnings fatal; without it the client would be generated)"
        )


@dataclass
class _Pending:
    """The checks of a document whose validation may still be running (``lint.Checks``)."""

    checks: Checks
    validation: _Validation
    strict: bool
    done: Checked | None = None
    key: str | None = None
    """``_checks_key``: the document up to descriptions, its config and the toolchain."""

    def findings(self) -> list[Finding]:
        """Every finding, once the validation is done; raises ``SpecErrors`` for the errors (and,
        when strict, ``StrictFailure`` for the warnings)."""
        if self.done is None:
            self.done = self.checks.checked(*self.validation.wait(), locate_advice=self.strict)
        checked = self.done
        if checked.errors:
            raise SpecErrors([f.as_error() for f in checked.errors])
        if self.strict and checked.warnings:
            raise StrictFailure([f.as_error() for f in checked.warnings])
        return checked.findings


def _load_api(inputs: Inputs, cache: Cache, progress: Progress) -> tuple[ir.Api, _Pending]:
    """``load_api`` with the validation of a large document possibly still running (in a child
    process): the caller must call ``findings()`` on the second value before using the result, and
    it is called first when anything fails (a build error on an invalid document is reported as the
    validation error)."""
    with progress.phase("read"):
        doc = load_document(inputs.spec, inputs.spec_name)
    with progress.phase("validate"):
        structure = structure_key(doc) if cache.enabled else None
        validation = _start_validation(doc, cache, structure=structure)
    try:
        title = SpecNames.of(doc.data)
        config = load_config(
            inputs.config, title=title, name=inputs.config_name, required=inputs.config_required
        )
    except BaseException:
        validation.wait()
        raise
    checks = Checks(doc, config)
    pending = _Pending(checks, validation, inputs.strict)
    key = pending.key = _checks_key(inputs, structure)
    builder = _ReusedBuild(cache, key, structure.texts) if key is not None and structure is not None else None
    checks.builder = builder.build if builder is not None else None
    reused = False
    try:
        with progress.phase("build"):
            with recursion_guard(inputs.spec_name, "building the client", doc.location):
                record = cache.get_json("checks", key) if key is not None else None
                reused = record is not None and checks.reuse(record, build=True)
                if not reused:
                    checks.run(build=True)
                    if key is not None:
                        cache.put_json("checks", key, checks.record())
        if reused:
            progress.note("checks: reused (the spec differs from one checked before at most in descriptions)")
        if builder is not None and builder.reused:
            progress.note("build: reused (with the new texts of the descriptions)")
        api = checks.api
        if api is None:
            pending.findings()  # raises the errors
            raise AssertionError("a build without a client must have found errors")
    except BaseException:
        pending.findings()
        raise
    return api, pending


class _ReusedBuild:
    """``build_api``, or the client built earlier from a document of the same structure (and
    config and toolchain: ``_checks_key``) with the new texts of its descriptions put in
    (``prose.patch``), when ``prose`` can tell where each of them goes."""

    def __init__(self, cache: Cache, key: str, texts: list[str]) -> None:
        self.cache, self.key, self.texts = cache, key, texts
        self.reused = False

    def build(self, doc: Document, config: Config) -> tuple[ir.Api, list[ir.ModelDef]]:
        kept = self.cache.get_pickled("built", self.key)
        if isinstance(kept, tuple) and len(kept) == 4:
            api, schemas, slots, texts = kept
            if slots is not None and patch((api, schemas), slots, texts, self.texts):
                # Their places are worked out afresh: an edit may have moved the lines.
                api.warnings[:] = [
                    (
                        w.relocated(Location(w.location.file, w.location.pointer))
                        if w.location.file == doc.name
                        else w
                    )
                    for w in api.warnings
                ]
                self.reused = True
                return api, schemas
        from .build import build_api

        api, schemas = build_api(doc, config)
        slots = prose_slots((api, schemas), set(self.texts))
        self.cache.put_pickled("built", self.key, (api, schemas, slots, self.texts))
        return api, schemas


def _checks_key(inputs: Inputs, structure: Structure | None) -> str | None:
    """What the refs and rules found depends on: the document up to descriptions, the config."""
    config = _config_parts(inputs) if structure is not None else None
    if structure is None or config is None:
        return None
    # The spec's name as given: what is kept names it (the build's warnings).
    return digest("checks", toolchain_fingerprint(), structure.key, inputs.spec_name, *config)


_PROSE_KEYS = frozenset({"description", "summary"})
_DATA_KEYS = frozenset({"example", "examples", "default", "const", "enum", "value", "x-examples"})
_NAME_MAPS = frozenset(
    {
        *("properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas"),
        *("parameters", "responses", "paths", "headers", "content", "requestBodies", "securitySchemes"),
        *("links", "callbacks", "pathItems", "encoding", "webhooks", "mapping", "scopes", "variables"),
    }
)
"""Keys whose values map names the author chose to values: a property, a scope or a discriminator
value may be called ``description``, and then its value is not prose."""


def _without_prose(node: object, texts: list[str], names: bool = False) -> object:
    """``node`` with the text of every ``description`` and ``summary`` replaced by whether it has
    any (``"*"`` or ``""``), outside instance data and maps of names; the texts are appended to
    ``texts`` in the order met (the same order in any document of the same structure).

    What validation and our rules find cannot tell two such documents apart: validation sees
    strings wherever there are strings, and the rules ask of a description only whether there is
    one. So both are kept by the digest of this (``structure_key``): a one-line edit of a
    description is neither validated nor linted again."""
    if isinstance(node, dict):
        out: dict[object, object] = {}
        for key, value in node.items():
            if not isinstance(value, (dict, list)):  # a scalar is itself (most values: no call)
                if not names and key in _PROSE_KEYS and isinstance(value, str):
                    out[key] = "*" if value.strip() else ""
                    texts.append(value)
                else:
                    out[key] = value
            elif not names and (key in _DATA_KEYS or (isinstance(key, str) and key.startswith("x-"))):
                out[key] = value
            else:
                out[key] = _without_prose(value, texts, not names and key in _NAME_MAPS)
        return out
    if isinstance(node, list):
        return [_without_prose(item, texts) if isinstance(item, (dict, list)) else item for item in node]
    return node


@dataclass
class Structure:
    """``structure_key``: the digest, and the texts it leaves out, in document order."""

    key: str
    texts: list[str]


def structure_key(doc: Document) -> Structure | None:
    """A digest of ``doc`` up to the text of its descriptions (``_without_prose``), with those
    texts; ``None`` when the document cannot be written as JSON (then nothing is kept by it)."""
    texts: list[str] = []
    try:
        text = json.dumps(_without_prose(doc.data, texts), ensure_ascii=False, default=repr)
    except (TypeError, ValueError, RecursionError):
        return None
    return Structure(digest("structure", text), texts)


def validate_once(doc: Document, cache: Cache) -> None:
    """``validate_document``, skipped when a document that validation cannot tell apart from this one
    passed before with the same toolchain. Only clean results are remembered: findings are always
    made afresh, with their locations."""
    meta, semantic = _start_validation(doc, cache, background=False).wait()
    errors = [error for error in meta + semantic if is_error(error)]
    if errors:
        raise SpecErrors(errors)


_BACKGROUND_MIN_PATHS = 100
"""A document with this many paths is validated in a child process while the rest of the run goes
on (validating GitHub's 800 paths takes longer than building and formatting the client)."""

_Found = tuple[list[SpecError], list[SpecError]]


class _Validation:
    """A validation that may still be running in a child process; ``wait`` gives its findings."""

    def __init__(self, doc: Document, cache: Cache, key: str | None, background: bool) -> None:
        self.doc = doc
        self.cache = cache
        self.key = key
        self.result: _Found | None = None
        self._process: Any = None
        self._connection: Any = None
        if background:
            import multiprocessing

            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_validate_in_child, args=(doc, sender), daemon=True)
            self._process.start()
            sender.close()
            self._connection = receiver

    def wait(self) -> _Found:
        """(meta-schema findings, OpenAPI's own rules' findings): ``loader.validator_findings``."""
        if self.result is not None:
            return self.result
        if self._process is None:
            self.result = _validate_guarded(self.doc)
        else:
            try:
                found = self._connection.recv()
            except (EOFError, OSError):
                found = None  # the child died: validate here instead
            finally:
                self._connection.close()
                self._process.join()
            if found is None:
                self.result = _validate_guarded(self.doc)
            else:
                meta, semantic = found
                self.result = (
                    [SpecError(message, Location(*where), rule=rule) for message, where, rule in meta],
                    [SpecError(message, Location(*where), rule=rule) for message, where, rule in semantic],
                )
        if self.key is not None and not (self.result[0] or self.result[1]):
            self.cache.put_text("validated", self.key, "ok")
        return self.result


def _validate_guarded(doc: Document) -> _Found:
    """``validator_findings`` with a document too deep for it reported at its place, not as a crash;
    a document that is not OpenAPI 3.0 or 3.1 at all is one meta-schema error."""
    try:
        with recursion_guard(doc.name, "validating the spec", doc.location):
            return validator_findings(doc)
    except SpecErrors as exc:
        return list(exc.errors), []


def _plain(errors: list[SpecError]) -> list[tuple[str, tuple[str, str, int | None, int | None], str]]:
    return [
        (
            error.message,
            (error.location.file, error.location.pointer, error.location.line, error.location.column),
            error.rule,
        )
        for error in errors
    ]


def _validate_in_child(doc: Document, connection: Any) -> None:
    """The child's side: the findings, as plain tuples. On anything else it sends nothing, and the
    parent validates again itself, so it reports that failure as ever."""
    try:
        meta, semantic = _validate_guarded(doc)
        connection.send((_plain(meta), _plain(semantic)))
    except Exception:  # the parent finds it again, in its own process
        pass
    finally:
        connection.close()


def _start_validation(
    doc: Document, cache: Cache, *, background: bool = True, structure: Structure | None = None
) -> _Validation:
    key: str | None = None
    if cache.enabled:
        structure = structure or structure_key(doc)
        if structure is not None:
            key = digest("validated", toolchain_fingerprint(), structure.key)
            if cache.get_text("validated", key) is not None:
                done = _Validation(doc, cache, None, False)
                done.result = ([], [])
                return done
    paths = doc.data.get("paths")
    background = (
        background
        and _can_fork()
        and _usable_cpus() > 1
        and isinstance(paths, dict)
        and len(paths) >= _BACKGROUND_MIN_PATHS
    )
    validation = _Validation(doc, cache, key, background)
    if not background:
        validation.wait()
    return validation


def format_python(source: str, name: str, formatter: Callable[[str], str] | None = None) -> str:
    """``source`` formatted by black (or by ``formatter``, which gives black's bytes) and checked to
    compile (``name`` is for messages)."""
    try:
        formatted = (formatter or _black)(source)
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


@functools.lru_cache(maxsize=1)
def black_mode_key() -> str:
    """black's version and the mode the generator formats with: what black's output depends on
    besides the text."""
    return f"black {distribution_version('black')} line_length={LINE_LENGTH} target_versions=py310"


def refresh_shipped_runtime() -> Path:
    """Rewrite ``generator/_runtime_formatted.py``: black's output of each static runtime module,
    keyed by the module's text, so that a run without a cache does not format them."""
    from .render import RUNTIME_DIR, RUNTIME_FILES

    entries: list[str] = []
    for name in RUNTIME_FILES:
        source = (RUNTIME_DIR / name).read_text(encoding="utf-8")
        formatted = format_python(source, name)
        entries.append(f"    # {name}\n    {digest('runtime', source)!r}: {formatted!r},\n")
    target = Path(__file__).with_name("_runtime_formatted.py")
    text = (
        '"""black\'s output of the static runtime modules (``templates/runtime/``), keyed by a digest of\n'
        "each module's text: a run without a cache takes them from here instead of formatting them.\n\n"
        "Written by ``make runtime-formatted`` (``python -m generator.pipeline --refresh-runtime``); an\n"
        "entry whose module has changed since is never used (its key no longer matches), and\n"
        "tests/test_cache.py checks that every entry that is used is what black makes of its module.\n"
        '"""\n\n'
        f"BLACK = {black_mode_key()!r}\n"
        "FORMATTED: dict[str, str] = {\n" + "".join(entries) + "}\n"
    )
    target.write_text(format_python(text, target.name), encoding="utf-8")
    return target


def _shipped(source: str) -> str | None:
    """black's output of ``source`` when it is a static runtime module formatted at release time."""
    try:
        from . import _runtime_formatted
    except ImportError:
        return None
    if black_mode_key() != _runtime_formatted.BLACK:
        return None
    return _runtime_formatted.FORMATTED.get(digest("runtime", source))


@functools.lru_cache(maxsize=1)
def _black_key() -> str:
    """What black's output depends on besides the text: its version and mode (and the Python whose
    ``compile`` checked the result)."""
    return (
        f"black {distribution_version('black')} line_length={LINE_LENGTH} target_versions=py310 "
        f"python {sys.version_info[0]}.{sys.version_info[1]}"
    )


_PARALLEL_MIN_CHARS = 100_000
"""Below this much text to format, starting worker processes costs more than it saves."""


def _format_one(item: tuple[str, str]) -> tuple[str, str | None, str | None]:
    """One file's job (in a worker or here): (name, formatted text or None, error or None)."""
    name, source = item
    try:
        return name, format_python(source, name), None
    except GenerationError as exc:
        return name, None, str(exc)


def _can_fork() -> bool:
    """Whether a child can be forked safely: on Linux, from a process without other threads, or
    from ``limits.run_deep``'s worker, the command line's (the main thread only waits for it)."""
    import threading

    if sys.platform != "linux":
        return False
    threads = threading.active_count()
    return threads == 1 or (threads == 2 and in_deep_worker())


def _usable_cpus() -> int:
    return importcheck.usable_cpus()


def format_all(
    sources: dict[str, str], cache: Cache | None = None, *, shaped: Collection[str] = ()
) -> dict[str, str]:
    """Every Python source formatted by black (and checked to compile), the same bytes whichever way:
    from the cache (keyed by the text, black's version and mode), in this process, or in worker
    processes when there is enough to format and more than one CPU to do it on.

    ``shaped`` names the sources that are already in black's layout but for the length of their
    lines (what the templates write): black sees only their statements with a line over the limit
    (``fastformat``), and gives the same bytes as on the whole file."""
    cache = cache or Cache(None)
    done: dict[str, str] = {}
    todo: dict[str, str] = {}
    keys: dict[str, str] = {}
    for name, source in sources.items():
        shipped = _shipped(source)
        if shipped is not None:
            done[name] = shipped
            continue
        if cache.enabled:
            keys[name] = digest("black", _black_key(), source)
            hit = cache.get_text("black", keys[name])
            if hit is not None:
                done[name] = hit
                continue
        if name in shaped:
            done[name] = _format_shaped(source, name, cache)
            if cache.enabled:
                cache.put_text("black", keys[name], done[name])
            continue
        todo[name] = source
    workers = min(_usable_cpus(), len(todo))
    results: list[tuple[str, str | None, str | None]]
    if workers > 1 and sum(map(len, todo.values())) >= _PARALLEL_MIN_CHARS:
        import concurrent.futures
        import multiprocessing

        # Largest first, so that the longest job does not start last.
        jobs = sorted(todo.items(), key=lambda item: -len(item[1]))
        context = multiprocessing.get_context("fork" if _can_fork() else "spawn")
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = list(pool.map(_format_one, jobs))
    else:
        results = [_format_one(item) for item in todo.items()]
    for name, formatted, error in sorted(results, key=lambda result: result[0]):
        if error is not None or formatted is None:
            raise GenerationError(error or f"generated {name} could not be formatted; nothing was written")
        done[name] = formatted
        if cache.enabled:
            cache.put_text("black", keys[name], formatted)
    return {name: done[name] for name in sources}


def _format_shaped(source: str, name: str, cache: Cache) -> str:
    """``format_python(source)`` for a source in black's layout but for its long lines: black runs
    on each statement that holds one (each cached by its text), not on the whole module."""

    def black_part(text: str) -> str:
        key = digest("black-part", _black_key(), text) if cache.enabled else None
        if key is not None:
            hit = cache.get_text("black", key)
            if hit is not None:
                return hit
        formatted = _black(text)
        if key is not None:
            cache.put_text("black", key, formatted)
        return formatted

    return format_python(source, name, lambda text: format_module(text, black_part, LINE_LENGTH))


def build_files(
    inputs: Inputs, *, cache: Cache | None = None, progress: Progress | None = None
) -> tuple[ir.Api, dict[str, str]]:
    """Every output file, formatted: path relative to the output directory -> text."""
    api, files, _ = build_checked(inputs, cache=cache, progress=progress)
    return api, files


def build_checked(
    inputs: Inputs, *, cache: Cache | None = None, progress: Progress | None = None
) -> tuple[ir.Api, dict[str, str], list[Finding]]:
    """``build_files`` and the findings of the checks (``lint.check_document``'s): all warnings,
    as an error (or, with ``inputs.strict``, a warning) raises ``SpecErrors`` before anything else."""
    api, files, findings, _ = _build(inputs, cache=cache, progress=progress, early_import=False)
    return api, files, findings


def _build(
    inputs: Inputs, *, cache: Cache | None, progress: Progress | None, early_import: bool
) -> tuple[ir.Api, dict[str, str], list[Finding], EarlyImportCheck | ShapeProbe | None]:
    """``build_checked``; with ``early_import``, the import check is started on the rendered
    modules before they are formatted (see ``EarlyImportCheck``; the caller waits for it)."""
    progress = progress or Progress(False)
    api, pending = _load_api(inputs, cache or Cache(None), progress)
    early: EarlyImportCheck | ShapeProbe | None = None
    try:
        reuse = _RenderReuse(cache) if cache is not None and cache.enabled else None
        with progress.phase("render"):
            package = render_package(api, reuse)
            rendered_names = list(package)
            rendered = {f"{api.package_name}/{name}": text for name, text in sorted(package.items())}
            api_md = render_api_md(api, reuse)
            pyproject = render_pyproject(api)
        if reuse is not None and reuse.hits:
            progress.note(f"render: {reuse.hits} of {reuse.hits + reuse.misses} modules reused")
        if early_import and _usable_cpus() > 1:
            early = _probe_imports(rendered, api, cache or Cache(None)) or EarlyImportCheck(
                rendered, api.package_name, import_modules(api)
            )
        with progress.phase("format"):
            shaped = {
                f"{api.package_name}/{name}"
                for name in rendered_names
                if name.endswith(".py") and name not in RUNTIME_FILES
            }
            formatted = format_all(
                {name: text for name, text in rendered.items() if name.endswith(".py")}, cache, shaped=shaped
            )
    except BaseException:
        if early is not None:
            early.close()
        pending.findings()
        raise
    try:
        with progress.phase("validated"):
            findings = pending.findings()
    except BaseException:
        if early is not None:
            early.close()
        raise
    files = {name: formatted.get(name, text) for name, text in rendered.items()}
    files["api.md"] = api_md
    files["pyproject.toml"] = pyproject
    return api, files, findings, early


class _RenderReuse:
    """``render.Reuse`` in the cache: a module is rendered again when the toolchain changed or
    what the module shows did."""

    def __init__(self, cache: Cache) -> None:
        self.cache, self.key = cache, toolchain_fingerprint()
        self.hits = self.misses = 0

    def get(self, name: str, part: str) -> str | None:
        text = self.cache.get_text("rendered", digest("rendered", self.key, name, part))
        if text is None:
            self.misses += 1
        else:
            self.hits += 1
        return text

    def put(self, name: str, part: str, text: str) -> None:
        self.cache.put_text("rendered", digest("rendered", self.key, name, part), text)


def _write_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)


_TOO_DEEP = importcheck.TOO_DEEP


def import_modules(api: ir.Api) -> list[str]:
    """The modules the import check imports, besides the package itself."""
    return ["_client", "pagination", "types", *(r.module for r in api.all_resources())]


def verify_importable(root: Path, api: ir.Api) -> None:
    """Import every generated module and build every model in a fresh interpreter.

    The interpreter has Python's default recursion limit, as the client's users will. The runtime
    builds the models a model holds first (so chains of any length build), but models that hold one
    another in a cycle are built together, a dozen frames for each: a cycle of more than about 80
    cannot be built, and is reported with the model the build started from.
    """
    _import_check(root, api.package_name, import_modules(api))


def _import_check(root: Path, package: str, modules: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", importcheck.check_script(), str(root), package, *modules],
        capture_output=True,
        text=True,
        env=importcheck.checker_environment(),
        check=False,
    )
    _import_failure(result.returncode, result.stderr)


def _import_failure(returncode: int, stderr: str) -> None:
    """Raise what an import check that exited with ``returncode`` found (nothing when it passed)."""
    if returncode != 0:
        last = stderr.strip().splitlines()[-1:]
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
        tail = "\n".join(stderr.strip().splitlines()[-12:])
        raise GenerationError(f"the generated package does not import; nothing was written:\n{tail}")


def _probe_imports(rendered: dict[str, str], api: ir.Api, cache: Cache) -> ShapeProbe | None:
    """A ``ShapeProbe`` when the cache knows the shape of nearly every module (an edit of a few),
    else ``None`` (then the early import check runs): working the shapes out of a whole package
    would cost what the early check saves."""
    if not cache.enabled:
        return None
    shapes: dict[str, str | None] = {}
    for name, text in rendered.items():
        if name.endswith(".py"):
            shapes[name] = cache.get_text("shape", digest("shape", sys.version, text))
    missing = {name: rendered[name] for name, shape in shapes.items() if shape is None}
    if len(missing) > 3:
        return None
    names = sorted({*rendered, "api.md", "pyproject.toml"})
    return ShapeProbe(names, shapes, missing, api.package_name, import_modules(api), cache)


class ShapeProbe:
    """In place of an ``EarlyImportCheck`` after an edit of a few modules: their code shapes are
    worked out (in a child process, on two CPUs, while this one formats and writes), and then
    ``fingerprint`` says whether code of these shapes imported before (``None``: it did not, and
    the import check must run). Formatting keeps the syntax tree, so the formatted files have the
    shapes of the rendered ones."""

    def __init__(
        self,
        names: list[str],
        shapes: dict[str, str | None],
        missing: dict[str, str],
        package: str,
        modules: list[str],
        cache: Cache,
    ) -> None:
        self.names, self.shapes, self.missing = names, shapes, missing
        self.package, self.modules, self.cache = package, modules, cache
        self._process: subprocess.Popen[str] | None = None
        self._input: Path | None = None
        if missing and _usable_cpus() > 1:
            # A fresh interpreter that imports nothing of ours but ``shapes``: a fork of this
            # (large) process would copy its pages as soon as either side touched them.
            handle, name = tempfile.mkstemp(prefix=".sdkgen-shapes-", suffix=".json")
            self._input = Path(name)
            try:
                with os.fdopen(handle, "w", encoding="ascii") as stream:
                    json.dump(missing, stream)
                self._process = subprocess.Popen(
                    [sys.executable, "-c", "from generator.shapes import main; main()", name],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    text=True,
                    env=_child_environment(),
                )
            except BaseException:
                self.close()
                raise

    def fingerprint(self) -> str | None:
        """The ``import_fingerprint`` of the files, when code of it imported before; else ``None``."""
        found: dict[str, str] | None = None
        if self._process is not None:
            try:
                out, _ = self._process.communicate()
                answer = json.loads(out) if self._process.returncode == 0 else None
                if isinstance(answer, dict) and set(answer) == set(self.missing):
                    found = {str(name): str(shape) for name, shape in answer.items()}
            except (OSError, ValueError):
                found = None  # the child failed: work them out here
            finally:
                self.close()
        if found is None:
            found = {name: code_shape(text) for name, text in self.missing.items()}
        for name, shape in found.items():
            self.cache.put_text("shape", digest("shape", sys.version, self.missing[name]), shape)
            self.shapes[name] = shape
        fingerprint = _fingerprint(self.names, self.shapes, self.package, self.modules)
        return fingerprint if self.cache.get_text("imports", fingerprint) is not None else None

    def close(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait()
            self._process = None
        if self._input is not None:
            self._input.unlink(missing_ok=True)
            self._input = None


def _child_environment() -> dict[str, str]:
    """The environment of a child that imports ``generator``: this copy of it first on the path."""
    here = str(Path(__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH")
    return {
        **os.environ,
        "PYTHONPATH": here + (os.pathsep + path if path else ""),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


class EarlyImportCheck:
    """The import check of a package, run on its rendered modules while they are being formatted.

    Formatting changes layout only (black keeps the syntax tree; ``fastformat`` puts black's own
    lines back), so the rendered text imports exactly as the formatted files will, and the two
    have the same code shapes (``shapes.code_shape``), which the check's process works out after the
    check, or (the ones it did not know ahead) this one while it waits. On two CPUs this takes the
    import check (seconds, for a large API) off the run's critical path. The process is the one
    ``importcheck.prewarmed`` started, when there is one (``importcheck.claim``)."""

    def __init__(self, files: dict[str, str], package: str, modules: list[str]) -> None:
        self.root = Path(tempfile.mkdtemp(prefix=".sdkgen-import-"))
        self.package, self.modules = package, modules
        self.rendered = {name: text for name, text in files.items() if name.endswith(".py")}
        self.process: subprocess.Popen[str] | None = None
        warm = importcheck.claim()
        try:
            _write_tree(
                self.root, {name: text for name, text in files.items() if name.startswith(package + "/")}
            )
            if warm is not None:
                # Started at launch with the runtime's imports done (``importcheck.prewarmed``).
                self.process = warm.give(self.root, package, modules)
                warm = None
            if self.process is None:
                self.process = self._cold()
        except BaseException:
            if warm is not None:
                warm.close()
            self.close()
            raise
        self._shapes: dict[str, str] | None = None

    def _cold(self) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", importcheck.early_script(), str(self.root), self.package, *self.modules],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=importcheck.checker_environment(),
        )

    def shapes(self) -> dict[str, str]:
        """Wait for the check: each module's code shape (by path in the output), or raise what the
        import found, as ``verify_importable`` does. The shapes the check's process has not worked
        out by the time it has imported the package are worked out here meanwhile (with the
        ones it knew, the static runtime's, they are all once it has passed)."""
        if self._shapes is None:
            assert self.process is not None
            try:
                returncode, lines, err = self._wait()
                if importcheck.shadowed(returncode, err):
                    self.process = self._cold()
                    returncode, lines, err = self._wait()
                _import_failure(returncode, err)
                found = json.loads(lines[-1])
                self._shapes = {str(name): str(shape) for name, shape in found.items()}
            finally:
                self.close()
        return self._shapes

    def _wait(self) -> tuple[int, list[str], str]:
        """(exit code, the lines of stdout, stderr) of the check, the last line being every shape
        (exit code 0 as soon as the check has passed and every shape is known here)."""
        process = self.process
        assert process is not None and process.stdout is not None and process.stderr is not None
        if sys.platform == "win32":  # no select() on pipes: the shapes all come from the process
            out, err = process.communicate()
            return process.returncode, out.strip().splitlines(), err
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        out, err = process.stdout.fileno(), process.stderr.fileno()
        buffers = {out: bytearray(), err: bytearray()}
        modules = sorted(self.rendered)
        runtime = {f"{self.package}/{name}" for name in RUNTIME_FILES}.intersection(modules)
        todo = [name for name in reversed(modules) if name not in runtime]
        mine: dict[str, str] = {}
        known: dict[str, str] | None = None
        seen = 0
        lines: list[bytes] = []
        verdict: int | None = None
        with selectors.DefaultSelector() as selector:
            for fd in buffers:
                selector.register(fd, selectors.EVENT_READ)
            while selector.get_map():
                for key, _ in selector.select(timeout=0 if todo else None):
                    data = os.read(key.fd, 65536)
                    if data:
                        buffers[key.fd] += data
                    else:
                        selector.unregister(key.fd)
                if len(buffers[out]) != seen:  # only what is new is looked at again
                    seen = len(buffers[out])
                    lines = bytes(buffers[out]).split(b"\n")[:-1]
                    verdict = next(
                        (i for i, line in enumerate(lines) if line.startswith(importcheck.IMPORTED)), None
                    )
                if verdict is not None and len(lines) > verdict + 1:
                    break  # every shape, from the check's process
                if verdict is not None and known is None:
                    known = json.loads(lines[verdict][len(importcheck.IMPORTED) :])
                    if not runtime <= known.keys():
                        # The runtime's shapes were not ready: the process works them out (and keeps
                        # them for the next run), so its last line is awaited.
                        todo.clear()
                if (
                    known is not None
                    and not todo
                    and runtime <= known.keys()
                    and all(name in known or name in mine for name in modules)
                ):
                    shapes = {name: known[name] if name in known else mine[name] for name in modules}
                    return 0, [json.dumps(shapes)], ""
                if todo:
                    name = todo.pop()
                    try:
                        mine[name] = code_shape(self.rendered[name])
                    except (SyntaxError, ValueError, RecursionError, MemoryError):
                        todo.clear()  # the check's process says what is wrong with it
        process.wait()
        return (
            process.returncode,
            buffers[out].decode("utf-8", "replace").strip().splitlines(),
            buffers[err].decode("utf-8", "replace"),
        )

    def close(self) -> None:
        if self.process is not None:
            importcheck.reap(self.process)
        shutil.rmtree(self.root, ignore_errors=True)


def import_fingerprint(files: dict[str, str], package: str, modules: list[str], cache: Cache) -> str:
    """A digest two file sets share only when importing them must go the same way: the same file
    names, the same code up to docstrings, comments and layout, the same toolchain (pydantic's
    version and the rest). A package with this fingerprint that imported once imports again."""
    shapes: dict[str, str | None] = {}
    for name in files:
        if name.endswith(".py"):
            key = digest("shape", sys.version, files[name])
            shape = cache.get_text("shape", key)
            if shape is None:
                shape = code_shape(files[name])
                cache.put_text("shape", key, shape)
            shapes[name] = shape
    return _fingerprint(sorted(files), shapes, package, modules)


def _fingerprint(names: list[str], shapes: dict[str, str | None], package: str, modules: list[str]) -> str:
    """``import_fingerprint`` of the files ``names`` (sorted), the modules among them of ``shapes``."""
    parts: list[str | bytes] = [toolchain_fingerprint(), package, *modules, "|"]
    for name in names:
        parts.append(name)
        if name.endswith(".py"):
            parts.append(shapes[name] or "")
    return digest(*parts)


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


def write_atomically(
    out_dir: Path,
    files: dict[str, str],
    api: ir.Api | None = None,
    *,
    package: str | None = None,
    modules: list[str] | None = None,
    cache: Cache | None = None,
    progress: Progress | None = None,
    early: EarlyImportCheck | ShapeProbe | None = None,
) -> None:
    """Replace ``out_dir`` with exactly ``files``, or leave it untouched if anything fails.

    The new tree is imported in a fresh interpreter first (every module, every model built); with a
    ``cache``, that check is skipped when a tree of the same ``import_fingerprint`` (the same code
    up to docstrings, comments and layout) passed it before. Raises ``UnsafeOutputError`` (before
    touching anything) when ``out_dir`` holds files the generator did not write.
    """
    if api is not None:
        package, modules = api.package_name, import_modules(api)
    if package is None or modules is None:
        raise TypeError("write_atomically needs the api, or the package and its modules")
    cache = cache or Cache(None)
    progress = progress or Progress(False)
    out_dir = out_dir.resolve()
    try:
        check_output_dir(out_dir, files)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    except BaseException:
        if early is not None:
            early.close()  # its process and directory go too
        raise
    backup = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    try:
        # mkdtemp creates the directory private (0700); the output gets the mode mkdir would give it.
        os.chmod(staging, _default_dir_mode())
        with progress.phase("write"):
            _write_tree(staging, files)
        if isinstance(early, ShapeProbe):
            if early.fingerprint() is not None:
                progress.note("import check: skipped (the same code, up to docstrings, imported before)")
            else:
                with progress.phase("import"):
                    _import_check(staging, package, modules)
                if cache.enabled:
                    cache.put_text("imports", import_fingerprint(files, package, modules, cache), "ok")
        elif early is not None:
            # Started on the rendered modules while they were formatted; it also knows their shapes.
            with progress.phase("import"):
                shapes = early.shapes()
            if cache.enabled:
                for name, shape in shapes.items():
                    # Under the formatted text and the rendered one (``_probe_imports`` asks that).
                    for text in (files.get(name), early.rendered.get(name)):
                        if text is not None:
                            cache.put_text("shape", digest("shape", sys.version, text), shape)
                cache.put_text("imports", import_fingerprint(files, package, modules, cache), "ok")
        else:
            fingerprint = import_fingerprint(files, package, modules, cache) if cache.enabled else ""
            if cache.enabled and cache.get_text("imports", fingerprint) is not None:
                progress.note("import check: skipped (the same code, up to docstrings, imported before)")
            else:
                with progress.phase("import"):
                    _import_check(staging, package, modules)
                if cache.enabled:
                    cache.put_text("imports", fingerprint, "ok")
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
        if early is not None:
            early.close()
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if backup.exists():
            shutil.rmtree(backup, ignore_errors=True)


def generate(
    inputs: Inputs, out_dir: Path, *, cache: Cache | None = None, progress: Progress | None = None
) -> tuple[ir.Api, dict[str, str]]:
    """Generate into ``out_dir``; the model (``api.warnings`` says what was left out) and the files."""
    api, files = build_files(inputs, cache=cache, progress=progress)
    write_atomically(out_dir, files, api, cache=cache, progress=progress)
    return api, files


@dataclass
class Outcome:
    """What ``generate_cached`` did: the files, the findings to show (warnings, all of them), and
    whether the output directory already held exactly these files (then nothing was written)."""

    files: dict[str, str]
    findings: list[Finding]
    up_to_date: bool
    more_advice: int = 0
    """Warnings of advice not in ``findings`` (a run taken from the cache keeps only their number)."""

    @property
    def warnings(self) -> list[str]:
        return [finding.text() for finding in self.findings]


def _run_key(inputs: Inputs) -> str | None:
    """A digest of everything a generation reads: the spec's and config's bytes and the toolchain.
    ``None`` when a file cannot be read (the ordinary path reports that)."""
    try:
        spec = inputs.spec.read_bytes()
    except OSError:
        return None
    config = _config_parts(inputs)
    if config is None:
        return None
    # The names as given: the files do not depend on them, but the warnings name the spec.
    return digest("run", toolchain_fingerprint(), inputs.spec_name, spec, *config)


def _config_parts(inputs: Inputs) -> list[str | bytes] | None:
    """What a key holds of the config: its name as given, whether it exists, its bytes, whether it
    was required (``None`` when it cannot be read)."""
    try:
        config = inputs.config.read_bytes() if inputs.config.exists() else None
    except OSError:
        return None
    return [
        inputs.config_name,
        b"absent" if config is None else b"present",
        config or b"",
        "required" if inputs.config_required else "optional",
    ]


def _cached_run(inputs: Inputs, cache: Cache) -> tuple[str | None, dict[str, object] | None]:
    """The run key and, when this exact input was generated before, its record with its files and
    findings. With ``inputs.strict``, a record with warnings is not used (the run fails on them)."""
    key = _run_key(inputs) if cache.enabled else None
    if key is None:
        return None, None
    record = cache.get_json("run", key)
    if (
        not isinstance(record, dict)
        or not isinstance(record.get("files"), dict)
        or not isinstance(record.get("findings"), list)
    ):
        return key, None
    files: dict[str, str] = {}
    for name, blob in record["files"].items():
        text = cache.get_text("blob", str(blob))
        if text is None:
            return key, None
        files[str(name)] = text
    record["files"] = files
    findings = [Finding.from_dict(entry) for entry in record["findings"]]
    record["findings"] = findings
    if not isinstance(record.get("advice"), int):
        return key, None
    if inputs.strict and (findings or record["advice"]):
        # The record keeps advice as a count (``generate`` only counts it): the run that fails on
        # the warnings works out each one, and where it is.
        return key, None
    return key, record


def _remember_run(
    cache: Cache, key: str | None, api: ir.Api, files: dict[str, str], findings: list[Finding]
) -> None:
    if key is None:
        return
    blobs: dict[str, str] = {}
    for name, text in files.items():
        blob = digest("blob", text)
        if not cache.has("blob", blob):  # (a damaged one is a miss when read: the run is made again)
            cache.put_text("blob", blob, text)
        blobs[name] = blob
    cache.put_json(
        "run",
        key,
        {
            "files": blobs,
            # Advice is only counted when a run is shown again (``lint`` lists it).
            "findings": [
                {**finding.as_dict(), "repair": finding.repair} for finding in findings if not finding.advice
            ],
            "advice": sum(1 for finding in findings if finding.advice),
            "package": api.package_name,
            "modules": import_modules(api),
        },
    )


def _tree_matches(root: Path, files: dict[str, str]) -> bool:
    """Whether ``root`` holds exactly ``files``, byte for byte (``read_tree``'s view of it)."""
    if not root.is_dir():
        return False
    found = set()
    for path in root.rglob("*"):
        parts = path.relative_to(root).parts
        if path.is_file() and "__pycache__" not in parts and not any(part.startswith(".") for part in parts):
            found.add("/".join(parts))
    if found != set(files):
        return False
    return all((root / name).read_bytes() == text.encode("utf-8") for name, text in files.items())


def generate_cached(inputs: Inputs, out_dir: Path, cache: Cache, progress: Progress | None = None) -> Outcome:
    """``generate`` for the command line: when the spec, config and toolchain are byte for byte
    those of an earlier run, that run's files are taken from the cache; when ``out_dir`` already
    holds exactly them, nothing is written. Otherwise the files are built (each step reusing what
    the cache has) and written as ``write_atomically`` does."""
    progress = progress or Progress(False)
    with progress.phase("lookup"):
        key, record = _cached_run(inputs, cache)
    if record is not None:
        files = record["files"]
        assert isinstance(files, dict)
        findings: list[Finding] = record["findings"]  # type: ignore[assignment]
        advice = int(record["advice"])  # type: ignore[call-overload]
        with progress.phase("compare"):
            same = _tree_matches(out_dir, files)
        if same:
            check_output_dir(out_dir.resolve(), files)
            return Outcome(files, findings, up_to_date=True, more_advice=advice)
        package = str(record.get("package"))
        modules = [str(m) for m in record.get("modules") or []]  # type: ignore[attr-defined]
        write_atomically(out_dir, files, package=package, modules=modules, cache=cache, progress=progress)
        return Outcome(files, findings, up_to_date=False, more_advice=advice)
    api, files, findings, early = _build(inputs, cache=cache, progress=progress, early_import=True)
    if _tree_matches(out_dir, files):
        if early is not None:
            early.close()
        check_output_dir(out_dir.resolve(), files)
        _remember_run(cache, key, api, files, findings)
        return Outcome(files, findings, up_to_date=True)
    write_atomically(out_dir, files, api, cache=cache, progress=progress, early=early)
    _remember_run(cache, key, api, files, findings)
    return Outcome(files, findings, up_to_date=False)


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


def check(inputs: Inputs, out_dir: Path, *, cache: Cache | None = None) -> str:
    """A unified diff between ``out_dir`` and what the generator produces now ('' when equal)."""
    key, record = _cached_run(inputs, cache) if cache is not None else (None, None)
    if record is not None and isinstance(record.get("files"), dict):
        files: dict[str, str] = record["files"]  # type: ignore[assignment]
    else:
        api, files, findings = build_checked(inputs, cache=cache)
        if cache is not None:
            _remember_run(cache, key, api, files, findings)
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


if __name__ == "__main__":
    if sys.argv[1:] != ["--refresh-runtime"]:
        raise SystemExit("usage: python -m generator.pipeline --refresh-runtime")
    print(f"wrote {refresh_shipped_runtime().name}")
