"""A content-addressed cache of the generator's expensive, pure steps.

Every entry is keyed by a SHA-256 of everything its value depends on (the input text, the versions
of the tools that computed it, the generator's own code), so an entry can never be stale: a changed
input is a different key. Entries are written atomically (a temporary file, then a rename), so
concurrent runs and an interrupted run leave only whole entries. A lost or corrupt entry is a miss.

Where: ``$SDKGEN_CACHE_DIR`` when set (``off`` or an empty value disables the cache), else the
user's cache directory (``platformdirs``), under ``sdkgen/``. ``sdkgen generate --no-cache`` runs
without it. Deleting the directory at any time is safe.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["Cache", "default_cache", "digest", "toolchain_fingerprint", "distribution_version", "CACHE_ENV"]

CACHE_ENV = "SDKGEN_CACHE_DIR"
_FORMAT = "1"
"""Bumped when the layout of entries changes."""


def digest(*parts: str | bytes) -> str:
    """The SHA-256 (hex) of ``parts``, each length-prefixed so that no two splits collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(f"{len(data)}:".encode())
        hasher.update(data)
    return hasher.hexdigest()


class Cache:
    """Text and JSON values by (kind, key); ``Cache(None)`` is a cache that never hits."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0
        self._written: set[tuple[str, str]] = set()
        """(kind, key) written by this instance: an entry is its key's only value, so once is enough."""
        self._directories: set[Path] = set()
        """Directories this instance has made or found."""

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _path(self, kind: str, key: str) -> Path | None:
        if self.root is None:
            return None
        return self.root / f"v{_FORMAT}" / kind / key[:2] / key

    def has(self, kind: str, key: str) -> bool:
        """Whether an entry exists (not whether it is intact: ``get_text`` checks that, and removes
        a damaged one)."""
        path = self._path(kind, key)
        return path is not None and path.is_file()

    def get_text(self, kind: str, key: str) -> str | None:
        body = self._get(kind, key)
        return None if body is None else body.decode("utf-8", "surrogatepass")

    def put_text(self, kind: str, key: str, text: str) -> None:
        self._put(kind, key, lambda: text.encode("utf-8", "surrogatepass"))

    def _get(self, kind: str, key: str) -> bytes | None:
        path = self._path(kind, key)
        if path is None:
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            self._written.discard((kind, key))  # gone since (the directory cleared): written again
            return None
        # The entry's last line is the digest of the rest: a truncated or altered file is a miss.
        body, _, check = raw.rpartition(b"\n")
        if check.decode("ascii", "replace") != hashlib.sha256(body).hexdigest():
            self.misses += 1
            self._written.discard((kind, key))
            with contextlib.suppress(OSError):
                path.unlink()  # damaged: gone, so that ``has`` does not count it
            return None
        self.hits += 1
        return body

    def _put(self, kind: str, key: str, make: Callable[[], bytes]) -> None:
        """Keep the bytes ``make`` gives (only made when the entry is to be written)."""
        path = self._path(kind, key)
        if path is None or (kind, key) in self._written:
            return
        body = make()
        try:
            if path.parent not in self._directories:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._directories.add(path.parent)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(body + b"\n" + hashlib.sha256(body).hexdigest().encode("ascii"))
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            self._written.add((kind, key))
        except OSError:
            self._directories.discard(path.parent)  # perhaps removed meanwhile: made again next time
            # a cache that cannot be written is only slower

    def get_json(self, kind: str, key: str) -> Any:
        text = self.get_text(kind, key)
        if text is None:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return None

    def put_json(self, kind: str, key: str, value: Any) -> None:
        self.put_text(kind, key, json.dumps(value, sort_keys=True, separators=(",", ":")))

    def get_pickled(self, kind: str, key: str) -> Any:
        """A value ``put_pickled`` kept (``None`` when there is none, or it is damaged). Only this
        user's own cache directory is read, as Python reads its own ``__pycache__``."""
        body = self._get(kind, key)
        if body is None:
            return None
        try:
            return pickle.loads(body)
        except Exception:  # written by another version of the code: a miss
            self.hits -= 1
            self.misses += 1
            return None

    def put_pickled(self, kind: str, key: str, value: Any) -> None:
        self._put(kind, key, lambda: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def default_cache() -> Cache:
    """The cache ``$SDKGEN_CACHE_DIR`` names, else the user cache directory's ``sdkgen``."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        if configured.strip() in ("", "off", "0"):
            return Cache(None)
        return Cache(Path(configured))
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - a dependency of the toolchain
        return Cache(None)
    return Cache(Path(platformdirs.user_cache_dir("sdkgen", appauthor=False)))


_TOOL_DISTRIBUTIONS = (
    "black",
    "pydantic",
    "pydantic-core",
    "jinja2",
    "jsonschema",
    "jsonschema-rs",
    "openapi-spec-validator",
    "pyyaml",
    "httpx",
    "typing-extensions",
    "anyio",
)
"""The packages whose versions the output or its checks depend on (the import check imports the
generated package with pydantic, httpx, typing-extensions and anyio)."""


@functools.lru_cache(maxsize=1)
def toolchain_fingerprint() -> str:
    """A digest of the generator's code, its templates, the Python version and the tools' versions:
    part of every key, so that changing any of them starts from a cold cache."""
    here = Path(__file__).resolve().parent
    from ._locations import TEMPLATES_DIR

    parts: list[str | bytes] = [_FORMAT, sys.version]
    for dist in _TOOL_DISTRIBUTIONS:
        version = distribution_version(dist)
        parts.append(f"{dist}=={version}" if version is not None else f"{dist} missing")
    for root in (here, TEMPLATES_DIR):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                parts.append(path.relative_to(root).as_posix())
                parts.append(path.read_bytes())
    return digest(*parts)


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@functools.lru_cache(maxsize=1)
def _dist_infos() -> dict[str, list[Path]]:
    """The ``.dist-info`` directories of the first ``sys.path`` entry that has one for a name, by
    normalized name (several only when that entry holds more than one)."""
    found: dict[str, list[Path]] = {}
    for entry in sys.path:
        here: dict[str, list[Path]] = {}
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                here.setdefault(_normalized(name[: -len(".dist-info")].partition("-")[0]), []).append(
                    Path(entry or ".", name)
                )
        for name, paths in here.items():
            found.setdefault(name, paths)
    return found


@functools.cache
def distribution_version(name: str) -> str | None:
    """``importlib.metadata.version(name)`` (``None`` when not installed), read from the ``Version``
    header of the distribution's ``METADATA`` without parsing all of it; importlib.metadata answers
    what this cannot (an egg, a directory holding two versions, a missing header)."""
    paths = _dist_infos().get(_normalized(name), [])
    if len(paths) == 1:
        try:
            with open(paths[0] / "METADATA", encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("Version:"):
                        return line[len("Version:") :].strip()
                    if not line.strip():
                        break  # the end of the headers
        except (OSError, UnicodeDecodeError):
            pass
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
