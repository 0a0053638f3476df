"""The generation cache and the fast paths: whatever path a run takes (cold, cached, one edit,
JSON read with ``json``, validation in a child process), the output is the same bytes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from _genhelpers import GENERATED, MAIN_SPEC, run_generator, tree_bytes

from generator.cache import Cache, digest
from generator.errors import SpecErrors
from generator.loader import load_document, parse_json, parse_yaml, validate_document
from generator.pipeline import Inputs, build_files, import_fingerprint

CONFIG = MAIN_SPEC.with_name("generator.yaml")


def generate(spec: Path, out: Path, cache: Path | None, *extra: str) -> str:
    """``sdkgen generate --verbose``; the cache directory (``None``: no cache); stderr back."""
    env = {"SDKGEN_CACHE_DIR": str(cache) if cache is not None else "off"}
    done = run_generator("generate", "--verbose", "--spec", spec, "--out", out, *extra, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stderr


def project_copy(tmp_path: Path) -> Path:
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    shutil.copyfile(MAIN_SPEC, spec_dir / "openapi.yaml")
    shutil.copyfile(CONFIG, spec_dir / "generator.yaml")
    return spec_dir / "openapi.yaml"


def edit_description(spec: Path, text: str) -> None:
    """Put ``text`` in front of the first line of the first block-scalar operation description."""
    source = spec.read_text(encoding="utf-8")
    marker = "      description: >-\n        "
    start = source.index(marker, source.index("\npaths:")) + len(marker)
    spec.write_text(source[:start] + text + source[start:], encoding="utf-8")


def test_cold_cached_and_up_to_date_runs_give_the_committed_bytes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold_log = generate(MAIN_SPEC, tmp_path / "cold", None)
    filling_log = generate(MAIN_SPEC, tmp_path / "filling", cache)
    cached_log = generate(MAIN_SPEC, tmp_path / "cached", cache)
    again_log = generate(MAIN_SPEC, tmp_path / "cached", cache)
    committed = tree_bytes(GENERATED)
    for name in ("cold", "filling", "cached"):
        assert tree_bytes(tmp_path / name) == committed, name
    # Each path was the one meant: everything formatted and imported; then the whole run from
    # the cache (no black, no import check); then nothing to write.
    assert "format" in cold_log and "import " in cold_log
    assert "format" in filling_log
    assert "format" not in cached_log and "import check: skipped" in cached_log
    assert "nothing to write" not in cached_log
    assert "compare" in again_log and "format" not in again_log
    assert any(cache.rglob("*")), "the cache is written where SDKGEN_CACHE_DIR says"


def test_a_description_edit_reuses_the_cache_and_gives_the_cold_bytes(tmp_path: Path) -> None:
    spec = project_copy(tmp_path)
    cache = tmp_path / "cache"
    generate(spec, tmp_path / "warm", cache)
    edit_description(spec, "Edited once. ")
    warm_log = generate(spec, tmp_path / "warm", cache)
    generate(spec, tmp_path / "cold", None)
    warm, cold = tree_bytes(tmp_path / "warm"), tree_bytes(tmp_path / "cold")
    assert warm == cold
    assert any(b"Edited once." in content for content in warm.values())
    # Validation comes from the cache; only the docstring changed, so the
    # package imports as before and the import check is skipped.
    assert "import check: skipped" in warm_log
    assert " validate   ...   0.0" in warm_log
    # A change of code (an operation's parameter becomes required) is imported again.
    source = spec.read_text(encoding="utf-8")
    spec.write_text(source.replace("required: false", "required: true", 1), encoding="utf-8")
    assert source != spec.read_text(encoding="utf-8")
    changed_log = generate(spec, tmp_path / "warm", cache)
    assert "import check: skipped" not in changed_log and "import " in changed_log
    generate(spec, tmp_path / "cold2", None)
    assert tree_bytes(tmp_path / "warm") == tree_bytes(tmp_path / "cold2")


def test_no_cache_flag_neither_reads_nor_writes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    log = generate(MAIN_SPEC, tmp_path / "out", cache, "--no-cache")
    assert not cache.exists()
    assert "format" in log and "import " in log


def test_a_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put_text("black", "ab" * 32, "formatted\n")
    assert cache.get_text("black", "ab" * 32) == "formatted\n"
    (entry,) = [p for p in tmp_path.rglob("*") if p.is_file()]
    entry.write_bytes(entry.read_bytes().replace(b"formatted", b"tampered!"))
    assert cache.get_text("black", "ab" * 32) is None
    assert Cache(None).get_text("black", "ab" * 32) is None
    assert digest("a", "bc") != digest("ab", "c")


def test_in_process_builds_with_and_without_cache_are_identical(tmp_path: Path) -> None:
    inputs = Inputs.from_paths(MAIN_SPEC)
    _, plain = build_files(inputs)
    _, filled = build_files(inputs, cache=Cache(tmp_path))
    _, cached = build_files(inputs, cache=Cache(tmp_path))
    assert plain == filled == cached


def test_import_fingerprint_ignores_docstrings_and_comments_only(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    base = {"pkg/m.py": 'def f() -> int:\n    """Doc."""\n    return 1\n', "api.md": "x"}

    def fingerprint(files: dict[str, str]) -> str:
        return import_fingerprint(files, "pkg", ["m"], cache)

    same = {**base, "pkg/m.py": 'def f() -> int:\n    """Other\n    text."""\n\n    # note\n    return 1\n'}
    assert fingerprint(same) == fingerprint(base)
    assert fingerprint({**base, "api.md": "y"}) == fingerprint(base)
    assert fingerprint(
        {**base, "pkg/m.py": 'def f() -> int:\n    """Doc."""\n    return 2\n'}
    ) != fingerprint(base)
    # A string that is not a docstring is code.
    assert fingerprint({**base, "pkg/m.py": 'def f() -> str:\n    x = 1\n    "s"\n    return "a"\n'}) != (
        fingerprint({**base, "pkg/m.py": 'def f() -> str:\n    x = 1\n    "t"\n    return "a"\n'})
    )
    assert fingerprint({**base, "pkg/n.py": ""}) != fingerprint(base)


# ------------------------------------------------------------------------------------------------
# JSON read with json


def main_spec_data() -> dict[str, object]:
    return parse_yaml(MAIN_SPEC.read_text(encoding="utf-8"), "spec").data


@pytest.mark.parametrize("indent", [2, None])
def test_json_positions_are_the_yaml_readers(indent: int | None) -> None:
    text = json.dumps(main_spec_data(), indent=indent, ensure_ascii=indent is None)
    fast = parse_json(text, "spec.json")
    assert fast is not None
    assert fast.data == parse_yaml(text, "spec.json").data
    assert fast.positions == parse_yaml(text, "spec.json").positions
    assert len(fast.positions) > 1000


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 2}',  # duplicate key
        '{"a": NaN}',
        '{"a": "\\ud83d"}',  # half a surrogate pair
        '{"a": "\\ude00"}',
        "[1, 2]",  # not an object
        '{"a": 1,}',  # not JSON
    ],
)
def test_what_is_not_plain_json_goes_to_the_yaml_reader(text: str) -> None:
    assert parse_json(text, "x.json") is None


def test_a_surrogate_pair_stays_on_the_json_path() -> None:
    fast = parse_json('{"a": "\\ud83d\\ude00"}', "x.json")
    assert fast is not None and fast.data == {"a": "\U0001f600"}


def test_a_json_spec_error_names_its_line(tmp_path: Path) -> None:
    data = main_spec_data()
    text = json.dumps(data, indent=2)
    broken = text.replace('"in": "path"', '"in": "nowhere"', 1)
    assert broken != text
    line = broken[: broken.index('"nowhere"')].count("\n") + 1
    spec = tmp_path / "openapi.json"
    spec.write_text(broken, encoding="utf-8")
    doc = load_document(spec, "openapi.json")
    assert type(doc).__name__ == "_LazyPositions"
    with pytest.raises(SpecErrors) as raised:
        validate_document(doc)
    assert any(error.location.line is not None for error in raised.value.errors)
    assert any(abs((error.location.line or 0) - line) <= 3 for error in raised.value.errors), str(
        raised.value
    )


def test_a_json_spec_generates_what_its_yaml_does(tmp_path: Path) -> None:
    spec_dir = tmp_path / "json"
    spec_dir.mkdir()
    (spec_dir / "openapi.json").write_text(json.dumps(main_spec_data(), indent=2), encoding="utf-8")
    shutil.copyfile(CONFIG, spec_dir / "generator.yaml")
    generate(spec_dir / "openapi.json", tmp_path / "out", None)
    assert tree_bytes(tmp_path / "out") == tree_bytes(GENERATED)


# ------------------------------------------------------------------------------------------------
# Validation of a large document in a child process


def many_paths_spec(tmp_path: Path, *, broken: bool) -> Path:
    paths = {
        f"/things{index}/{{id}}": {
            "get": {
                "operationId": f"getThing{index}",
                "parameters": [
                    {
                        "name": "id",
                        "in": "nowhere" if broken and index == 57 else "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            }
        }
        for index in range(120)
    }
    data = {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Thing": {"type": "object", "properties": {"id": {"type": "string"}}}}},
    }
    spec = tmp_path / ("broken.json" if broken else "things.json")
    spec.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return spec


def test_background_validation_reports_what_validation_in_process_does(tmp_path: Path) -> None:
    spec = many_paths_spec(tmp_path, broken=True)
    with pytest.raises(SpecErrors) as in_process:
        validate_document(load_document(spec, str(spec)))
    for cache in (None, Cache(tmp_path / "cache")):
        with pytest.raises(SpecErrors) as background:
            build_files(Inputs.from_paths(spec), cache=cache)
        assert str(background.value) == str(in_process.value)
        assert "/paths/~1things57~1{id}/get/parameters/0" in str(background.value)


def test_background_validation_of_a_valid_document_generates(tmp_path: Path) -> None:
    spec = many_paths_spec(tmp_path, broken=False)
    cache = Cache(tmp_path / "cache")
    _, with_cache = build_files(Inputs.from_paths(spec), cache=cache)
    _, again = build_files(Inputs.from_paths(spec), cache=cache)
    _, plain = build_files(Inputs.from_paths(spec))
    assert with_cache == again == plain
    assert any("getThing119" in text or "get_thing119" in text for text in plain.values())


def test_the_shipped_formatted_runtime_is_what_black_makes_of_it() -> None:
    """Every entry of ``generator/_runtime_formatted.py`` that a run can use (its key matches a
    runtime module as it is now, and black is the version it was made with) is black's output."""
    from generator import _runtime_formatted
    from generator.pipeline import _black, black_mode_key
    from generator.render import RUNTIME_DIR, RUNTIME_FILES

    if black_mode_key() != _runtime_formatted.BLACK:
        pytest.skip(f"made with {_runtime_formatted.BLACK}; entries are not used with {black_mode_key()}")
    used = 0
    for name in RUNTIME_FILES:
        source = (RUNTIME_DIR / name).read_text(encoding="utf-8")
        shipped = _runtime_formatted.FORMATTED.get(digest("runtime", source))
        if shipped is not None:
            used += 1
            assert shipped == _black(source), name
    if used == 0:
        pytest.skip("no entry matches the runtime modules as they are now: run make runtime-formatted")
