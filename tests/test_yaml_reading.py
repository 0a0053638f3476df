"""YAML is read from libyaml's events when PyYAML has it, and means exactly what PyYAML's own parser
reads: the same data, the same positions, the same errors in the same words.

``loader._compose`` composes the node tree from libyaml's events (``_CBoundedLoader``) with the
same bounded composer as the pure-Python path (``_BoundedLoader``), and reads any document libyaml
does not read to the end again with PyYAML's parser, whose messages are reported. These tests run
every YAML file of the repository and a set of awkward snippets through both paths.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _genhelpers import ROOT
from generator import loader
from generator.errors import SpecErrors

pytestmark = pytest.mark.skipif(loader._CParser is None, reason="PyYAML was built without libyaml")

Outcome = tuple[str, object, object]


def _read(text: str, name: str, *, libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    with monkeypatch.context() as patch:
        if not libyaml:
            patch.setattr(loader, "_CParser", None)
        try:
            doc = loader.parse_yaml(text, name)
        except SpecErrors as exc:
            return ("error", str(exc), None)
    return ("ok", doc.data, doc.positions)


def _yaml_files() -> list[Path]:
    found = sorted((ROOT / "spec").glob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))
    return [path for path in found if "expected" not in path.parts]


def test_every_yaml_file_of_the_repository_reads_the_same_through_libyaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = _yaml_files()
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast = _read(text, path.name, libyaml=True, monkeypatch=monkeypatch)
        reference = _read(text, path.name, libyaml=False, monkeypatch=monkeypatch)
        assert fast == reference, path


SNIPPETS = [
    "\ufeffopenapi: 3.1.0\ninfo: {title: é, version: '1'}\n",
    "a: é\nb: [é, ü, {c: ß}]\nd: \U0001f600 x\ne: 1\n",
    "a:\r\n  b: 1\r\n  c: [x,\r\n y]\r\n",
    "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  z: 3\n",
    "base: &b {x: 1}\nc: &c {w: 2}\nd:\n  <<: [*b, *c]\n  v: 9\n",
    "a: 1\na: 2\n",
    "%YAML 1.1\n---\na: 1\n...\n",
    "a: 1\n---\nb: 2\n",
    'a: "\\ud83d\\ude00"\nb: "\\ud83d"\n',
    "? [a, b]\n: 1\n",
    "a: !foo bar\n",
    "a: {<<: 5}\n",
    "a:\n\t- b\n",
    "a: 'unterminated\n",
    "a: [1, 2\n",
    "a: yes\nb: on\nc: 2024-01-01\nd: 0x1F\ne: 1_000\nf: .inf\ng: ~\nh: 0o17\ni: 1.5e3\nj: +1\n",
    "a: &x [1, *x]\n",
    "a: *nope\n",
    "a: &x 1\nb: &x 2\nc: *x\n",
    "a: |\n  line1\n  line2\n\n\nb: >-\n  folded\n  text\nc: |+\n  kept\n\n",
    'a: "x\\/y\\N\\_\\L\\P\\x41\\u00e9"\n',
    "- 1\n- 2\n",
    "",
    "# only a comment\n",
    "a: b: c\n",
    "  a: 1\n b: 2\n",
    "a: \x07\n",
    "a: !!binary Zm9v\nb: !!str 1\nc: !!int '7'\nd: !!float 1\n",
    "a: " + "[" * 200 + "]" * 200 + "\n",
    '{"a": [1, 2, {"b": null}], "c": "\\u00e9", "d": -0.5e-3}',
    "a:\n  - b: 1\n    c: 2\n  -   d: 3\n  - - nested\n    - list\n",
    "key with spaces: 1\n'quoted': 2\n\"dq\": 3\n? complex\n: 4\n5: int key\nnull: n\ntrue: t\n",
    "a: 1 # comment\n#c\nb:   # x\n  - 1\n",
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_a_snippet_reads_the_same_through_libyaml(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _read(text, "t.yaml", libyaml=True, monkeypatch=monkeypatch)
    reference = _read(text, "t.yaml", libyaml=False, monkeypatch=monkeypatch)
    assert fast == reference


def test_a_valid_document_is_composed_from_libyamls_events() -> None:
    text = (ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8")
    composer, node = loader._compose(text, "openapi.yaml")
    try:
        assert isinstance(composer, loader._CBoundedLoader)
        assert composer.nodes > 1000  # the bounds were counted on the way
    finally:
        composer.dispose()
    assert node.start_mark.line == 0


def test_errors_are_worded_by_pyyamls_parser_with_their_place() -> None:
    with pytest.raises(SpecErrors) as caught:
        loader.parse_yaml("a: [1, 2\nb: 3\n", "t.yaml")
    (error,) = caught.value.errors
    # libyaml would say "did not find expected ',' or ']'"; the message is PyYAML's.
    assert error.message.startswith("YAML syntax error: while parsing a flow sequence")
    assert (error.location.line, error.location.column) == (2, 2)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("a: 1\nb: x\x07y\n", (2, 5), "the character #x0007 is not allowed in YAML"),
        ("a:\n  b: {<<: 5}\n", (2, 11), "expected a mapping or list of mappings for merging"),
        ("a:\n  b: !custom thing\n", (2, 6), "could not determine a constructor for the tag '!custom'"),
    ],
)
def test_what_no_yaml_parser_reads_is_a_spec_error_with_its_place(
    text: str, where: tuple[int, int], words: str
) -> None:
    with pytest.raises(SpecErrors) as caught:
        loader.parse_yaml(text, "t.yaml")
    (error,) = caught.value.errors
    assert words in error.message
    assert (error.location.line, error.location.column) == where
    assert error.rule == "yaml"
