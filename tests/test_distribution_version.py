"""``cache.distribution_version`` answers what ``importlib.metadata.version`` answers, for the
distributions the toolchain's fingerprint names (and for one that is not installed)."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

from generator import cache


def _reference(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


@pytest.mark.parametrize("name", [*cache._TOOL_DISTRIBUTIONS, "PyYAML", "typing_extensions", "no-such-dist"])
def test_the_version_is_the_one_importlib_metadata_reads(name: str) -> None:
    assert cache.distribution_version(name) == _reference(name)


def test_a_directory_with_two_versions_of_a_distribution_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for version in ("1.0", "2.0"):
        info = tmp_path / f"twice_here-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: twice-here\nVersion: {version}\n\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    cache._dist_infos.cache_clear()
    cache.distribution_version.cache_clear()
    try:
        assert cache.distribution_version("twice-here") == _reference("twice-here")
        assert cache.distribution_version("twice-here") in ("1.0", "2.0")
    finally:
        cache._dist_infos.cache_clear()
        cache.distribution_version.cache_clear()
