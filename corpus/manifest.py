"""The corpus manifest (corpus/manifest.yaml): which documents, from which packages, pinned how.

``load()`` reads and checks it; every rule it enforces is one a run relies on (a digest it can
compare, a path inside the archive it can open, a document it can name in the table)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ._json import as_dict, is_dict

__all__ = ["MANIFEST", "HTTP_METHODS", "Package", "Spec", "ManifestError", "load", "count_operations"]

MANIFEST = Path(__file__).with_name("manifest.yaml")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REGISTRIES = ("npm", "pypi")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_VERSION = re.compile(r"3\.[01]\.\d+")
_SUFFIXES = {".json": "JSON", ".yaml": "YAML", ".yml": "YAML"}
_PACKAGE_KEYS = {"registry", "name", "version", "sha256", "licence", "about"}
_SPEC_KEYS = {"package", "file", "sha256", "openapi", "operations", "licence", "about"}


class ManifestError(ValueError):
    """The manifest breaks one of its rules; the message names the entry and the rule."""


@dataclass(frozen=True)
class Package:
    key: str
    registry: str
    name: str
    version: str
    sha256: str
    licence: str
    about: str

    @property
    def archive_name(self) -> str:
        """The file name ``npm pack`` writes: ``@scope/name`` 1.2.3 becomes ``scope-name-1.2.3.tgz``."""
        if self.registry == "npm":
            return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}.tgz"
        return f"{self.name}-{self.version}"


@dataclass(frozen=True)
class Spec:
    name: str
    package: Package
    file: str
    sha256: str
    openapi: str
    operations: int
    licence: str
    about: str

    @property
    def format(self) -> str:
        return _SUFFIXES[PurePosixPath(self.file).suffix]

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.file).suffix


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ManifestError(f"{where}: {key} must be a non-empty string")
    if value.startswith("/") or re.search(r"https?://", value):
        raise ManifestError(f"{where}: {key} must not hold an absolute path or a URL")
    return value


def _keys(entry: Any, allowed: set[str], where: str) -> dict[str, Any]:
    if not is_dict(entry):
        raise ManifestError(f"{where}: must be a mapping")
    mapping = as_dict(entry)
    unknown = set(mapping) - allowed
    missing = allowed - set(mapping)
    if unknown or missing:
        raise ManifestError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    return mapping


def _package(key: str, entry: Any) -> Package:
    where = f"packages.{key}"
    entry = _keys(entry, _PACKAGE_KEYS, where)
    registry = _text(entry, "registry", where)
    if registry not in REGISTRIES:
        raise ManifestError(f"{where}: registry must be one of {', '.join(REGISTRIES)}")
    sha256 = _text(entry, "sha256", where)
    if not _SHA256.fullmatch(sha256):
        raise ManifestError(f"{where}: sha256 must be 64 lower-case hex digits")
    version = _text(entry, "version", where)
    if not re.fullmatch(r"[0-9A-Za-z.+-]+", version):
        raise ManifestError(f"{where}: version {version!r} is not an exact version")
    return Package(
        key,
        registry,
        _text(entry, "name", where),
        version,
        sha256,
        _text(entry, "licence", where),
        _text(entry, "about", where),
    )


def _spec(name: str, entry: Any, packages: dict[str, Package]) -> Spec:
    where = f"specs.{name}"
    entry = _keys(entry, _SPEC_KEYS, where)
    package = _text(entry, "package", where)
    if package not in packages:
        raise ManifestError(f"{where}: package {package!r} is not under packages")
    file = _text(entry, "file", where)
    path = PurePosixPath(file)
    if ".." in path.parts or path.suffix not in _SUFFIXES:
        raise ManifestError(f"{where}: file must be a relative .json/.yaml/.yml path inside the archive")
    sha256 = _text(entry, "sha256", where)
    if not _SHA256.fullmatch(sha256):
        raise ManifestError(f"{where}: sha256 must be 64 lower-case hex digits")
    openapi = _text(entry, "openapi", where)
    if not _VERSION.fullmatch(openapi):
        raise ManifestError(f"{where}: openapi must be a 3.0.x or 3.1.x version, not {openapi!r}")
    operations = entry["operations"]
    if not isinstance(operations, int) or isinstance(operations, bool) or operations < 1:
        raise ManifestError(f"{where}: operations must be a positive integer")
    return Spec(
        name,
        packages[package],
        file,
        sha256,
        openapi,
        operations,
        _text(entry, "licence", where),
        _text(entry, "about", where),
    )


def parse(data: Any) -> list[Spec]:
    """The specs of a manifest already read from YAML, checked, in the manifest's order."""
    document = as_dict(data)
    if set(document) != {"packages", "specs"}:
        raise ManifestError("the manifest has exactly two sections: packages and specs")
    if not is_dict(document["packages"]) or not is_dict(document["specs"]):
        raise ManifestError("packages and specs are mappings keyed by name")
    raw_packages, raw_specs = as_dict(document["packages"]), as_dict(document["specs"])
    for key in [*raw_packages, *raw_specs]:
        if str(key) != key or not _NAME.fullmatch(key):
            raise ManifestError(f"{key!r}: names are lower-case letters, digits and dashes")
    packages = {key: _package(key, entry) for key, entry in raw_packages.items()}
    specs = [_spec(name, entry, packages) for name, entry in raw_specs.items()]
    used = {spec.package.key for spec in specs}
    if unused := sorted(set(packages) - used):
        raise ManifestError(f"packages no spec uses: {', '.join(unused)}")
    pins = [(spec.package.key, spec.file) for spec in specs]
    if len(set(pins)) != len(pins):
        raise ManifestError("two specs name the same file of the same package")
    return specs


def load(path: Path = MANIFEST) -> list[Spec]:
    return parse(yaml.safe_load(path.read_text(encoding="utf-8")))


def count_operations(document: Any) -> list[tuple[str, str]]:
    """``(METHOD, path)`` of every operation under ``paths``, in document order."""
    found: list[tuple[str, str]] = []
    for path, item in as_dict(as_dict(document).get("paths")).items():
        operations = as_dict(item)
        for method in operations:
            if method in HTTP_METHODS and isinstance(operations[method], dict):
                found.append((method.upper(), str(path)))
    return found
