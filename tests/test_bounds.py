"""Bad input ends in a clear error, within bounds of memory and time.

Each hostile document (an alias bomb, a recursive alias, deep nesting, long reference chains,
control characters in descriptions) goes through the real command line in a fresh interpreter
whose address space is capped (``RLIMIT_AS``) and which must finish within a timeout. Before these
limits existed, the 1 KB alias bomb took over 6 GiB, and the deep documents ended in a raw
``RecursionError`` traceback (exit 1); now each one exits with the documented code and a message
that names the file, line and JSON pointer.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _genhelpers import ROOT, imported_package
from generator.errors import SpecErrors
from generator.limits import MAX_ALIAS_EXPANSION, MAX_ALIASES, MAX_NESTING, MAX_REF_CHAIN, recursion_guard
from generator.loader import Document, iter_objects, parse_yaml, validate_document

MEMORY_LIMIT = 768 * 1024 * 1024
"""Address space for one run: generating our own spec needs well under half of it."""
TIME_LIMIT = 60.0
"""Seconds one run may take (the slowest here takes a few on a busy two-core machine)."""

CONFIG = "package_name: bounds_client\nclient_name: Bounds\n"


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` with capped memory and a timeout; fails the test if it runs over."""
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=TIME_LIMIT,
        preexec_fn=_cap_memory,
    )
    assert time.monotonic() - started < TIME_LIMIT
    assert "Traceback" not in done.stderr, done.stderr
    return done


def write_spec(directory: Path, text: str, name: str = "openapi.yaml") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "generator.yaml").write_text(CONFIG, encoding="utf-8")
    spec = directory / name
    spec.write_text(text, encoding="utf-8")
    return spec


HEAD = """openapi: 3.1.0
info: {title: Bounds, version: '1'}
paths:
  /things:
    get:
      operationId: listThings
      summary: List things.
      responses:
        '200':
          description: Things.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/%s'
components:
  schemas:
"""


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line holding ``fragment``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} is not in the text")


def only_problem(done: subprocess.CompletedProcess[str]) -> str:
    """The one problem a failed ``generate`` reported (its line after the header)."""
    lines = done.stderr.splitlines()
    assert lines[0] == "1 problem in the spec:", done.stderr
    assert lines[-1].startswith("Nothing was written"), done.stderr
    return lines[1].strip()


# ------------------------------------------------------------------------------------------------
# YAML: aliases and nesting.


def alias_bomb() -> str:
    """Nine levels of nine aliases each: 1 KB that would expand to 9^9 (387 million) values."""
    lines = ["  a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous, current = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"  {current}: &{current} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "openapi: 3.1.0\ninfo: {title: Bomb, version: '1'}\npaths: {}\nx-bomb:\n" + "\n".join(lines) + "\n"


def test_an_alias_bomb_stops_at_the_expansion_limit(tmp_path: Path) -> None:
    text = alias_bomb()
    assert len(text) < 1024
    spec = write_spec(tmp_path, text)
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    problem = only_problem(done)
    # The first alias whose expansion goes past the budget: in the anchor of level f, at f's first item.
    line = line_of(text, "f: &f")
    column = text.splitlines()[line - 1].index("*e") + 1
    assert problem.startswith(f"openapi.yaml:{line}:{column} at /x-bomb/f/0: "), problem
    assert f"expand to more than {MAX_ALIAS_EXPANSION:,} values" in problem
    assert not (tmp_path / "out").exists()


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path: Path) -> None:
    text = "openapi: 3.1.0\ninfo: {title: Loop, version: '1'}\npaths: {}\nx-loop: &loop\n  self: *loop\n"
    spec = write_spec(tmp_path, text)
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    assert only_problem(done).startswith(
        "openapi.yaml:5:9: the alias *loop is inside its own anchor &loop"
    ), done.stderr


def test_more_aliases_than_the_limit_are_refused(tmp_path: Path) -> None:
    items = "\n".join("  - *one" for _ in range(MAX_ALIASES + 1))
    text = (
        f"openapi: 3.1.0\ninfo: {{title: Many, version: '1'}}\npaths: {{}}\nx-one: &one 1\nx-many:\n{items}\n"
    )
    spec = write_spec(tmp_path, text)
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    line = 6 + MAX_ALIASES  # the aliases start on line 6; the one past the limit
    assert only_problem(done).startswith(
        f"openapi.yaml:{line}:5: more than {MAX_ALIASES:,} YAML aliases in one document"
    ), done.stderr


def test_aliases_within_the_limits_are_expanded(tmp_path: Path) -> None:
    """An anchor reused is the ordinary use of aliases; it loads as the values written out."""
    doc = parse_yaml(
        "a: &shared {type: string, enum: [x, y]}\nb: [*shared, *shared]\nc: {<<: *shared, title: C}\n",
        "t.yaml",
    )
    assert doc.data["b"] == [{"type": "string", "enum": ["x", "y"]}] * 2
    assert doc.data["c"] == {"type": "string", "enum": ["x", "y"], "title": "C"}


@pytest.mark.parametrize("opening", ["[", "{a: "], ids=["sequences", "mappings"])
def test_nesting_20000_deep_is_refused_where_it_passes_the_limit(tmp_path: Path, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    text = "openapi: 3.1.0\ninfo: {title: Deep, version: '1'}\npaths: {}\nx-deep: " + opening * 20_000
    text += closing * 20_000 + "\n"
    spec = write_spec(tmp_path, text)
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    # x-deep is level 1 inside the document mapping; the collection that is one too many opens at
    # column 9 + (MAX_NESTING - 1) openings.
    column = len("x-deep: ") + 1 + (MAX_NESTING - 1) * len(opening)
    assert only_problem(done).startswith(
        f"openapi.yaml:4:{column}: the document nests more than {MAX_NESTING} mappings and sequences deep"
    ), done.stderr


def test_nesting_through_aliases_counts_what_they_expand_to() -> None:
    half = MAX_NESTING // 2 + 1
    anchor = "[" * half + "]" * half
    text = f"a: &deep {anchor}\nb: {'[' * (half - 1)}*deep{']' * (half - 1)}\n"
    with pytest.raises(SpecErrors) as caught:
        parse_yaml(text, "t.yaml")
    (error,) = caught.value.errors
    assert error.location.line == 2
    assert "counting what aliases expand to" in error.message


def test_a_mapping_key_that_is_not_a_plain_value_is_an_error() -> None:
    with pytest.raises(SpecErrors) as caught:
        parse_yaml("openapi: 3.1.0\n? [a, b]\n: 1\n", "t.yaml")
    (error,) = caught.value.errors
    assert (error.location.line, error.location.column) == (2, 3)
    assert "a mapping key must be a plain value" in error.message


def test_lint_and_diff_report_a_bomb_with_their_own_exit_codes(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, alias_bomb())
    linted = run_cli("lint", spec.name, cwd=tmp_path)
    assert linted.returncode == 1
    assert re.match(
        r"openapi\.yaml:10:10: error\[yaml\] /x-bomb/f/0: the YAML aliases", linted.stdout
    ), linted.stdout
    diffed = run_cli("diff", spec.name, spec.name, cwd=tmp_path)
    assert diffed.returncode == 2
    assert "expand to more than" in diffed.stderr


# ------------------------------------------------------------------------------------------------
# $ref chains and cycles.


def ref_chain(length: int) -> str:
    """``A0`` is ``A1`` is ... ``A<length>``, an object: a chain of pure references."""
    text = HEAD % "A0"
    for index in range(length):
        text += f"    A{index}:\n      $ref: '#/components/schemas/A{index + 1}'\n"
    return text + f"    A{length}:\n      type: object\n      properties:\n        id: {{type: string}}\n"


def test_a_100_deep_acyclic_ref_chain_resolves(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, ref_chain(100))
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with imported_package(tmp_path / "out", "bounds_client") as package:
        things = importlib.import_module("bounds_client.resources.things")
        assert things.ThingsResource.list_things.__annotations__["return"] == "A0"
        # The whole response is a root model of what the chain ends at, the object; the links in
        # between stand for it and are no classes of their own.
        value = package.types.A0.model_validate_json(b'{"id": "x"}')
        assert isinstance(value.root, package.types.A100) and value.root.id == "x"
        assert not hasattr(package.types, "A1") and not hasattr(package.types, "A99")


def test_a_ref_chain_past_the_limit_is_one_error(tmp_path: Path) -> None:
    text = ref_chain(MAX_REF_CHAIN + 5)
    spec = write_spec(tmp_path, text)
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    line = line_of(text, "$ref: '#/components/schemas/A0'")
    assert only_problem(done).startswith(
        f"openapi.yaml:{line}:17 at /paths/~1things/get/responses/200/content/application~1json/schema/$ref: "
        f"a chain of more than {MAX_REF_CHAIN:,} references"
    ), done.stderr


def test_each_real_cycle_is_reported_once(tmp_path: Path) -> None:
    text = HEAD % "Ring0"
    for index in range(100):  # a ring of 100 references, entered from everywhere
        text += f"    Ring{index}:\n      $ref: '#/components/schemas/Ring{(index + 1) % 100}'\n"
    text += "    Self:\n      allOf:\n        - $ref: '#/components/schemas/Self'\n"
    for index in range(20):
        text += f"    User{index}:\n      type: object\n      properties:\n"
        text += f"        ring: {{$ref: '#/components/schemas/Ring{index * 5}'}}\n"
        text += "        self: {$ref: '#/components/schemas/Self'}\n"
    spec = write_spec(tmp_path, text)
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[0] == "2 problems in the spec:", done.stderr
    ring, loop = sorted(line.strip() for line in lines[1:3])
    ring_path = " -> ".join(f"#/components/schemas/Ring{index}" for index in [*range(100), 0])
    assert ring.endswith(f"circular $ref the generator cannot resolve: {ring_path}"), ring
    assert ring.startswith(f"openapi.yaml:{line_of(text, 'Ring0') }:"), ring
    assert loop.endswith("#/components/schemas/Self -> #/components/schemas/Self"), loop
    assert "at /components/schemas/Self/allOf/0/$ref: " in loop


# ------------------------------------------------------------------------------------------------
# Chains of schemas through properties: deep, legitimate, and past what pydantic can build.


def property_chain(length: int) -> str:
    """``S0`` has a field ``next`` of ``S1``, which has one of ``S2``... down to ``S<length - 1>``."""
    text = HEAD % "S0"
    for index in range(length):
        text += f"    S{index}:\n      type: object\n      properties:\n        name: {{type: string}}\n"
        if index + 1 < length:
            text += f"        next: {{$ref: '#/components/schemas/S{index + 1}'}}\n"
    return text


def nested(depth: int) -> dict[str, object]:
    value: dict[str, object] = {"name": "leaf"}
    for index in range(depth - 1):
        value = {"name": str(index), "next": value}
    return value


def test_a_chain_of_120_schemas_generates_a_client_that_parses_it(tmp_path: Path) -> None:
    """Pydantic alone cannot build a chain of more than about 80 models under Python's default
    recursion limit; the runtime builds the far end first, so the client parses all 120 levels."""
    spec = write_spec(tmp_path, property_chain(120))
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    check = (
        "import json, sys\n"
        "from bounds_client.types import S0\n"
        "value = S0.model_validate_json(sys.stdin.read())\n"
        "depth = 1\n"
        "while getattr(value, 'next', None) is not None:\n"
        "    value, depth = value.next, depth + 1\n"
        "print(depth, value.name, sys.getrecursionlimit())\n"
    )
    # In a fresh interpreter, so that no model is built yet and the limit is the default.
    parsed = subprocess.run(
        [sys.executable, "-c", check],
        input=json.dumps(nested(120)),
        cwd=tmp_path / "out",
        capture_output=True,
        text=True,
        check=False,
        timeout=TIME_LIMIT,
        preexec_fn=_cap_memory,
    )
    assert parsed.returncode == 0, parsed.stderr
    assert parsed.stdout.split() == ["120", "leaf", "1000"]


def test_a_chain_of_200_schemas_builds_lints_and_diffs(tmp_path: Path) -> None:
    """The generator's own walks take 200 chained schemas; lint and diff (which need no pydantic
    models) succeed, where they used to end in a RecursionError."""
    old = write_spec(tmp_path / "old", property_chain(150))
    new = write_spec(tmp_path / "new", property_chain(200))
    linted = run_cli("lint", new, cwd=tmp_path)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert re.search(r": 0 errors, \d+ warnings$", linted.stderr.strip()), linted.stderr
    diffed = run_cli("diff", old, new, "--format", "json", cwd=tmp_path)
    assert diffed.returncode == 0, diffed.stderr
    report = json.loads(diffed.stdout)
    assert not report["breaking"]
    assert any("S199" in json.dumps(change) for change in report["changes"])


def test_a_cycle_pydantic_cannot_build_is_a_clear_generator_error(tmp_path: Path) -> None:
    """Models that hold one another in a cycle are built together; pydantic cannot build a cycle of
    100 under Python's default recursion limit, so no working client can be written: the
    generator says so (exit 3, the documented code for output it will not write)."""
    text = HEAD % "R0"
    for index in range(100):
        text += f"    R{index}:\n      type: object\n      properties:\n"
        text += f"        next: {{$ref: '#/components/schemas/R{(index + 1) % 100}'}}\n"
    spec = write_spec(tmp_path, text)
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 3, done.stderr
    assert done.stderr.startswith(
        "error: the type R0 (#/components/schemas/R0) cannot be built: pydantic builds a model"
    ), done.stderr
    assert "hold one another in a cycle too long" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_recursion_error_that_escapes_a_walk_names_where_it_was() -> None:
    """The last line of defence: a walk the limits do not bound (here ``iter_objects`` on data that
    did not come through the loader) becomes a spec error at the deepest pointer it reached."""
    schema: dict[str, object] = {"type": "string"}
    for _ in range(5_000):
        schema = {"type": "object", "properties": {"a": schema}}
    data = {"components": {"schemas": {"Deep": schema}}}
    doc = Document("deep.yaml", data, {"/components/schemas/Deep": (7, 5)})
    with pytest.raises(SpecErrors) as caught:
        with recursion_guard(doc.name, "walking the schemas", doc.location):
            list(iter_objects(data))
    (error,) = caught.value.errors
    assert error.rule == "generator"
    assert error.location.line == 7
    assert error.location.pointer.startswith("/components/schemas/Deep/properties/a/properties/a/")
    assert str(error).startswith("deep.yaml:7:5 at /components/schemas/Deep/properties/a/")
    assert "walking the schemas: the spec nests or chains schemas too deeply" in error.message


def test_validation_of_a_document_at_the_nesting_limit_needs_no_more_than_run_deep_gives() -> None:
    """A document as deep as the loader allows passes every check (the limit is below the stack)."""
    depth = (MAX_NESTING - 12) // 2
    schema = "{type: string}"
    for _ in range(depth):
        schema = f"{{type: object, properties: {{a: {schema}}}}}"
    text = (HEAD % "Deep") + f"    Deep: {schema}\n"
    doc = parse_yaml(text, "deep.yaml")
    assert max(pointer.count("/") for pointer in doc.positions) >= MAX_NESTING - 12
    from generator.limits import run_deep

    run_deep(lambda: validate_document(doc))


# ------------------------------------------------------------------------------------------------
# Control characters in spec text.

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")

CONTROL_SPEC = r"""openapi: 3.1.0
info: {title: "Bounds\0API\e[2J", version: "1\x07"}
paths:
  /things:
    get:
      operationId: listThings
      summary: "List \0 things \x1b[31m in red"
      description: "Lists\0 the \x07things. More \x0b text."
      parameters:
        - name: q
          in: query
          description: "a \0 query \x1b] with | a pipe, a \\ backslash and \"\"\" quotes"
          schema: {type: string, enum: ["a\0b", "plain"]}
      responses:
        '200':
          description: Things.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thing'
components:
  schemas:
    Thing:
      type: object
      description: "nul \0 bell \x07 escape \x1b[31m quotes \"\"\" backslash \\ separator \u2028 end"
      properties:
        id: {type: string, description: "x\0y \x1b[0m"}
        kind: {type: string, enum: ["k\0", "k\x1b"]}
"""


def test_control_characters_are_escaped_wherever_spec_text_lands(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, CONTROL_SPEC)
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    files = {path: path.read_text(encoding="utf-8") for path in sorted(out.rglob("*")) if path.is_file()}
    for path, text in files.items():
        found = CONTROL.search(text)
        assert found is None, f"{path.relative_to(out)} holds {found.group()!r}" if found else ""
    api_md = (out / "api.md").read_text(encoding="utf-8")
    assert api_md.startswith("# Bounds\\x00API\\x1b[2J: Python client reference")
    assert "`GET /things`: List \\x00 things \\x1b[31m in red" in api_md
    assert "Lists\\x00 the \\x07things." in api_md
    assert '| a \\x00 query \\x1b] with \\| a pipe, a \\ backslash and """ quotes |' in api_md
    # Docstrings still compile with the quotes and backslashes of the description in them.
    models = (out / "bounds_client" / "types" / "_responses.py").read_text(encoding="utf-8")
    tree = ast.parse(models)
    (thing,) = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Thing"]
    doc = ast.get_docstring(thing) or ""
    assert 'quotes """ backslash \\ separator' in doc
    assert "nul \\x00 bell \\x07 escape \\x1b[31m" in doc
    with imported_package(out, "bounds_client") as package:
        assert package.types.Thing.model_validate_json(b'{"kind": "k\\u0000"}').kind == "k\x00"


def test_error_messages_escape_control_characters(tmp_path: Path) -> None:
    text = 'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\n"x-\\e[2J": 1\n"x-\\e[2J": 2\n'
    spec = write_spec(tmp_path, text)
    done = run_cli("generate", "--spec", spec.name, "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    assert "\x1b" not in done.stderr
    assert (
        only_problem(done) == "openapi.yaml:5:1 at /x-\\x1b[2J: duplicate key 'x-\\x1b[2J' (first at line 4)"
    )
    linted = run_cli("lint", spec.name, cwd=tmp_path)
    assert linted.returncode == 1
    assert "\x1b" not in linted.stdout
    assert "/x-\\x1b[2J: duplicate key" in linted.stdout
