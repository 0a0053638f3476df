"""What a run after a small edit reuses, and that it still says exactly what a cold run says.

A description edit leaves the document's structure (``pipeline.structure_key``) as it was, so the
refs and rules are not run again (their findings are kept by pointer and located afresh), and a
module that does not show the edited text is not rendered again. Output and messages must be
those of a cold run of the edited spec, lines included.
"""

from __future__ import annotations

import io
import json
import random
import shutil
from pathlib import Path

import pytest
import yaml
from _genhelpers import MAIN_SPEC, ROOT, run_generator, tree_bytes

from generator.cache import Cache
from generator.loader import Document, json_positions, json_positions_of, load_document, parse_yaml
from generator.pipeline import Inputs, build_files, structure_key
from generator.progress import Progress

CONFIG = MAIN_SPEC.with_name("generator.yaml")


def generate(spec: Path, out: Path, cache: Path | None, *extra: str) -> tuple[int, str]:
    """``sdkgen generate --verbose``, with a temporary directory of its own that must be left empty."""
    scratch = out.parent / f".tmp-{out.name}"
    scratch.mkdir(exist_ok=True)
    env = {"SDKGEN_CACHE_DIR": str(cache) if cache is not None else "off", "TMPDIR": str(scratch)}
    done = run_generator("generate", "--verbose", "--spec", spec, "--out", out, *extra, env=env)
    assert not list(scratch.iterdir()), f"left behind: {sorted(p.name for p in scratch.iterdir())}"
    return done.returncode, done.stderr


def warnings_of(log: str) -> list[str]:
    """The findings a run printed (one per line, with file:line:col), without the phase times."""
    return [line for line in log.splitlines() if "warning[" in line or "error[" in line]


# ------------------------------------------------------------------------------------------------
# Locating a few pointers of a JSON text


@pytest.mark.parametrize("indent", [2, None])
def test_json_positions_of_gives_what_json_positions_gives(indent: int | None) -> None:
    text = json.dumps(parse_yaml(MAIN_SPEC.read_text(encoding="utf-8"), "spec").data, indent=indent)
    every = json_positions(text)
    pointers = sorted(every)
    chosen = [*random.Random(7).sample(pointers, 200), "", "/paths/~1nowhere", pointers[-1] + "/deeper/0"]
    some = json_positions_of(text, chosen)
    assert all(some[pointer] == every[pointer] for pointer in chosen if pointer in every)
    # What it records on the way is right too, and nothing it records is made up.
    assert all(every[pointer] == position for pointer, position in some.items())
    assert json_positions_of(text, pointers) == every


def test_json_positions_of_refuses_what_is_not_json() -> None:
    with pytest.raises(ValueError):
        json_positions_of('{"a": {"b" 1}}', ["/a/b"])


def test_a_json_documents_findings_name_their_lines_when_lines_are_worked_out_late(tmp_path: Path) -> None:
    data = parse_yaml(MAIN_SPEC.read_text(encoding="utf-8"), "spec").data
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(data, indent=2), encoding="utf-8")
    shutil.copyfile(CONFIG, tmp_path / "generator.yaml")
    doc = load_document(spec, "openapi.json")
    pointers = sorted(json_positions(spec.read_text(encoding="utf-8")))[::37]
    with doc.deferring():
        deferred = [doc.location(pointer) for pointer in pointers]
    assert all(location.line is None for location in deferred)
    eager = load_document(spec, "openapi.json")
    assert [doc._locations([p])[p] for p in pointers] == [eager.location(p) for p in pointers]


# ------------------------------------------------------------------------------------------------
# The structure of a document


def test_the_structure_key_sees_whether_there_is_a_description_not_its_text() -> None:
    base = parse_yaml(MAIN_SPEC.read_text(encoding="utf-8"), "spec")

    def key_after(change: object) -> str | None:
        doc = parse_yaml(MAIN_SPEC.read_text(encoding="utf-8"), "spec")
        assert callable(change)
        change(doc.data)
        structure = structure_key(doc)
        return structure.key if structure is not None else None

    first_op = next(iter(next(iter(base.data["paths"].values())).values()))
    assert isinstance(first_op, dict) and first_op.get("summary")
    path, method = next(iter(base.data["paths"])), next(iter(next(iter(base.data["paths"].values()))))

    def op(data: dict[str, object]) -> dict[str, object]:
        operation = data["paths"][path][method]  # type: ignore[index]
        assert isinstance(operation, dict)
        return operation

    found = structure_key(base)
    assert found is not None
    original = found.key
    assert key_after(lambda d: op(d).update(summary="Another text altogether.")) == original
    assert key_after(lambda d: op(d).update(summary="   ")) != original  # no text now
    assert key_after(lambda d: op(d).update(operationId="renamed")) != original
    # Not prose: a property called description, a discriminator value called summary, an example.
    schemas = base.data["components"]["schemas"]
    name = next(n for n, s in schemas.items() if isinstance(s, dict) and "properties" in s)

    def add_property(d: dict[str, object], schema: dict[str, object]) -> None:
        d["components"]["schemas"][name]["properties"]["description"] = schema  # type: ignore[index]

    with_text = key_after(lambda d: add_property(d, {"type": "string"}))
    assert with_text != key_after(lambda d: add_property(d, {"type": "integer"}))

    def mapping(target: str) -> object:
        def change(d: dict[str, object]) -> None:
            d["components"]["schemas"][name]["discriminator"] = {  # type: ignore[index]
                "propertyName": "kind",
                "mapping": {"summary": target},
            }

        return change

    assert key_after(mapping("#/components/schemas/A")) != key_after(mapping("#/components/schemas/B"))

    def example(text: str) -> object:
        def change(d: dict[str, object]) -> None:
            d["components"]["schemas"][name]["example"] = {"description": text}  # type: ignore[index]

        return change

    assert key_after(example("one")) != key_after(example("two"))


# ------------------------------------------------------------------------------------------------
# A run after a description edit


def spec_with_findings(tmp_path: Path) -> Path:
    """Our spec with a warning the generator prints (a default that does not fit its schema),
    far below the description that the test edits."""
    text = MAIN_SPEC.read_text(encoding="utf-8")
    marker = "\n  schemas:\n"
    assert marker in text[text.index("\ncomponents:") :]
    extra = (
        "    Odd:\n"
        "      type: object\n"
        "      properties:\n"
        "        size:\n"
        "          type: integer\n"
        '          default: "large"\n'
    )
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.parent.mkdir()
    at = text.index(marker, text.index("\ncomponents:")) + len(marker)
    spec.write_text(text[:at] + extra + text[at:], encoding="utf-8")
    shutil.copyfile(CONFIG, spec.with_name("generator.yaml"))
    return spec


def edit_description(spec: Path, text: str) -> None:
    source = spec.read_text(encoding="utf-8")
    marker = "      description: >-\n        "
    start = source.index(marker, source.index("\npaths:")) + len(marker)
    spec.write_text(source[:start] + text + source[start:], encoding="utf-8")


def test_a_description_edit_reuses_checks_and_modules_and_says_what_a_cold_run_says(tmp_path: Path) -> None:
    spec = spec_with_findings(tmp_path)
    cache = tmp_path / "cache"
    code, first = generate(spec, tmp_path / "warm", cache)
    assert code == 0, first
    assert "checks: reused" not in first and "modules reused" not in first
    # Two more lines before the finding: its line moves by two.
    edit_description(
        spec, "Edited, and longer than one line,\n        so that every line below it\n        moves. "
    )
    code, warm = generate(spec, tmp_path / "warm", cache)
    assert code == 0, warm
    code, cold = generate(spec, tmp_path / "cold", None)
    assert code == 0, cold
    assert tree_bytes(tmp_path / "warm") == tree_bytes(tmp_path / "cold")
    assert "checks: reused" in warm and "checks: reused" not in cold
    assert "modules reused" in warm
    assert "import check: skipped" in warm  # the edited module's shape, worked out aside, is known
    shown = warnings_of(warm)
    assert shown and shown == warnings_of(cold)
    # Unchanged now: the run from the cache says the same, advice counted the same.
    code, again = generate(spec, tmp_path / "warm", cache)
    assert code == 0 and "compare" in again and "format" not in again
    assert warnings_of(again) == shown
    summary = [line for line in warm.splitlines() if " errors, " in line or "of advice" in line]
    assert summary and summary == [
        line for line in again.splitlines() if " errors, " in line or "of advice" in line
    ]
    before = [line for line in warnings_of(first) if "default" in line]
    after = [line for line in shown if "default" in line]
    assert before and after and before != after  # the line number moved, as it should
    # A structural edit is checked again.
    spec.write_text(
        spec.read_text(encoding="utf-8").replace('default: "large"', 'default: "huge"'), encoding="utf-8"
    )
    code, changed = generate(spec, tmp_path / "warm", cache)
    assert code == 0, changed
    assert "checks: reused" not in changed
    assert "huge" in "\n".join(warnings_of(changed))


def test_lint_and_strict_still_locate_every_finding_of_a_json_spec(tmp_path: Path) -> None:
    data = parse_yaml(spec_with_findings(tmp_path).read_text(encoding="utf-8"), "spec").data
    for item in data["paths"].values():  # advice: operations without a summary or a description
        for operation in item.values():
            if isinstance(operation, dict):
                operation.pop("summary", None)
                operation.pop("description", None)
    spec = tmp_path / "json" / "openapi.json"
    spec.parent.mkdir()
    spec.write_text(json.dumps(data, indent=2), encoding="utf-8")
    shutil.copyfile(CONFIG, spec.with_name("generator.yaml"))
    cache = tmp_path / "cache"
    code, log = generate(spec, tmp_path / "out", cache)
    assert code == 0, log
    code, strict = generate(spec, tmp_path / "out", cache, "--strict")
    assert code != 0

    def lines_named(output: str) -> list[str]:
        """What follows the file name on each line that names it: ``LINE:COL...``."""
        return [
            row.split(str(spec) + ":", 1)[1]
            for row in output.splitlines()
            if str(spec) + ":" in row and " errors, " not in row
        ]

    shown = lines_named(strict)
    assert len(shown) >= 9 and all(row.split(":")[0].isdigit() for row in shown), strict
    done = run_generator("lint", spec)
    rows = lines_named(done.stdout + done.stderr)
    assert len(rows) >= 9 and all(row.split(":")[0].isdigit() for row in rows), done.stdout


# ------------------------------------------------------------------------------------------------
# A build reused with the new texts of descriptions is the build of the edited document


GOLDEN_SPECS = sorted((ROOT / "tests" / "golden").glob("*/spec.yaml"))
PROSE_KEYS = ("description", "summary")
NAME_MAPS = {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas"} | {
    "parameters", "responses", "paths", "headers", "content", "requestBodies", "securitySchemes", "links",
    "callbacks", "pathItems", "encoding", "webhooks", "mapping", "scopes", "variables",
}  # fmt: skip
DATA_KEYS = {"example", "examples", "default", "const", "enum", "value", "x-examples"}


def prose_places(node: object, found: list[tuple[dict[str, object], str]], names: bool = False) -> None:
    """Where each text ``structure_key`` leaves out sits (its dict and key), in its order."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not names and key in PROSE_KEYS and isinstance(value, str):
                found.append((node, key))
            elif not names and (key in DATA_KEYS or key.startswith("x-")):
                continue
            else:
                prose_places(value, found, not names and key in NAME_MAPS)
    elif isinstance(node, list):
        for item in node:
            prose_places(item, found)


@pytest.mark.parametrize("spec", [MAIN_SPEC, *GOLDEN_SPECS], ids=lambda p: p.parent.name)
def test_a_build_with_new_descriptions_put_in_is_the_build_of_the_edited_spec(
    spec: Path, tmp_path: Path
) -> None:
    original = yaml.safe_load(spec.read_text(encoding="utf-8"))
    places: list[tuple[dict[str, object], str]] = []
    prose_places(original, places)
    structure = structure_key(Document("spec", original))
    assert structure is not None and [str(d[k]) for d, k in places] == structure.texts
    texts = [str(d[k]) for d, k in places]
    editable = [i for i, text in enumerate(texts) if text.strip() and texts.count(text) == 1]
    assert editable, "a spec with no description to edit"
    config = spec.with_name("generator.yaml")
    cache = Cache(tmp_path / "cache")
    target = tmp_path / "spec" / "openapi.yaml"
    target.parent.mkdir()
    if config.is_file():
        shutil.copyfile(config, target.with_name("generator.yaml"))
    target.write_text(yaml.safe_dump(original, sort_keys=False, allow_unicode=True), encoding="utf-8")
    build_files(Inputs.from_paths(target), cache=cache)
    for round_number, index in enumerate(random.Random(spec.name).sample(editable, min(4, len(editable)))):
        dict_, key = places[index]
        dict_[key] = f"Edited {round_number}: {dict_[key]}\n\nWith a second paragraph."
        target.write_text(yaml.safe_dump(original, sort_keys=False, allow_unicode=True), encoding="utf-8")
        log = io.StringIO()
        reused_api, reused = build_files(Inputs.from_paths(target), cache=cache, progress=Progress(True, log))
        assert "build: reused" in log.getvalue()
        fresh_api, fresh = build_files(Inputs.from_paths(target))
        assert reused == fresh, f"the files differ after an edit of {key} #{index}"
        assert repr(reused_api) == repr(fresh_api)
        assert [repr(m) for m in reused_api.models] == [repr(m) for m in fresh_api.models]


def test_a_text_the_spec_has_twice_is_built_again(tmp_path: Path) -> None:
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.parent.mkdir()
    data = yaml.safe_load(MAIN_SPEC.read_text(encoding="utf-8"))
    places: list[tuple[dict[str, object], str]] = []
    prose_places(data, places)
    (first, first_key), (second, second_key) = [p for p in places if str(p[0][p[1]]).strip()][:2]
    first[first_key] = second[second_key] = "The same words in two places."
    shutil.copyfile(CONFIG, spec.with_name("generator.yaml"))
    spec.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    build_files(Inputs.from_paths(spec), cache=cache)
    first[first_key] = "Only here now."
    spec.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    log = io.StringIO()
    _, reused = build_files(Inputs.from_paths(spec), cache=cache, progress=Progress(True, log))
    assert "checks: reused" in log.getvalue() and "build: reused" not in log.getvalue()
    assert reused == build_files(Inputs.from_paths(spec))[1]


def test_strict_fails_on_advice_after_a_run_that_kept_it_as_a_count(tmp_path: Path) -> None:
    """A run's record keeps advice as a number; ``--strict`` on the same spec must still fail, and
    name every finding with its line."""
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.parent.mkdir()
    data = yaml.safe_load(MAIN_SPEC.read_text(encoding="utf-8"))
    for item in data["paths"].values():  # advice only: operations without a summary or description
        for operation in item.values():
            if isinstance(operation, dict):
                operation.pop("summary", None)
                operation.pop("description", None)
    spec.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    shutil.copyfile(CONFIG, spec.with_name("generator.yaml"))
    cache = tmp_path / "cache"
    code, log = generate(spec, tmp_path / "out", cache)
    assert code == 0 and "of advice" in log, log
    code, strict = generate(spec, tmp_path / "out", cache, "--strict")
    assert code == 2, strict
    assert "has neither a summary nor a description" in strict
