"""The templates write black's layout, and ``fastformat`` gives black only what is left.

The claim the generator's speed rests on: for every module the templates render, black run on
the statements with a line over the limit gives the bytes black gives on the whole module. It is
checked on every golden spec and our own, and on fuzzed text of the shapes spec text takes (names
of any length, enum values, quotes, backslashes, tabs, long descriptions).
"""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

from _genhelpers import MAIN_SPEC
from generator import pipeline
from generator.cache import Cache
from generator.fastformat import format_module
from generator.progress import Progress
from generator.render import (
    LINE_LENGTH,
    RUNTIME_FILES,
    call_layout,
    docstring,
    import_line,
    py_str,
    render_package,
    tuple_literal,
)
from refresh_golden import GOLDEN, cases

black = pipeline._black


def fast(source: str) -> str:
    return format_module(source, black, LINE_LENGTH)


def rendered_modules(spec: Path, config: Path | None) -> dict[str, str]:
    """The modules the templates write for ``spec`` (all but the static runtime)."""
    inputs = pipeline.Inputs.from_paths(spec, config)
    api, validation = pipeline._load_api(inputs, Cache(None), Progress(False))
    validation.findings()
    return {
        name: text
        for name, text in render_package(api).items()
        if name.endswith(".py") and name not in RUNTIME_FILES
    }


def spec_cases() -> list[tuple[str, Path, Path | None]]:
    found: list[tuple[str, Path, Path | None]] = [("ours", MAIN_SPEC, MAIN_SPEC.with_name("generator.yaml"))]
    for case in cases():
        config = GOLDEN / case / "generator.yaml"
        found.append((case, GOLDEN / case / "spec.yaml", config if config.is_file() else None))
    return found


@pytest.mark.parametrize("name, spec, config", spec_cases(), ids=[case[0] for case in spec_cases()])
def test_every_rendered_module_comes_out_as_black_writes_it(
    name: str, spec: Path, config: Path | None
) -> None:
    modules = rendered_modules(spec, config)
    assert len(modules) >= 8
    for module, text in modules.items():
        assert fast(text) == black(text), f"{name}: {module}"


def test_the_templates_leave_black_nothing_to_do_on_our_spec() -> None:
    """The fast path is only fast if the templates write black's layout: on our own spec no
    module needs black at all (no line is over the limit)."""
    calls: list[str] = []

    def counting(text: str) -> str:
        calls.append(text)
        return black(text)

    for text in rendered_modules(MAIN_SPEC, MAIN_SPEC.with_name("generator.yaml")).values():
        format_module(text, counting, LINE_LENGTH)
    assert calls == []


def _name(rng: random.Random, longest: int) -> str:
    return "n" + "".join(rng.choice("abcdefgh_") for _ in range(rng.randint(0, longest)))


def _module(rng: random.Random) -> str:
    """A module of the statement shapes the templates write, with spec-sized names and values."""
    parts = ['"""A module."""', "", "from __future__ import annotations", ""]
    parts.append(import_line("..types._params", sorted({_name(rng, 40) for _ in range(rng.randint(1, 6))})))
    parts += [""]
    for _ in range(rng.randint(1, 4)):
        const = _name(rng, 60).upper()
        params = [py_str(_name(rng, 30)) for _ in range(rng.randint(0, 3))]
        validator = call_layout(4, "validate=ArgsValidator", [_name(rng, 70), py_str(_name(rng, 70))], ",")
        parts += [
            f"{const} = Operation(",
            f"    path={py_str('/' + _name(rng, 120))},",
            f"    path_params={tuple_literal(params, 4)},",
            f"    {validator}",
            ")",
            "",
        ]
    cls = _name(rng, 120).capitalize()
    parts += ["", f"class {cls}(SyncAPIResource):", "    " + docstring(_description(rng), 4), ""]
    method = _name(rng, 70)
    values = ", ".join(py_str(_name(rng, 20)) for _ in range(rng.randint(1, 12)))
    if rng.random() < 0.5:
        parts.append(
            "    "
            + call_layout(4, "@deprecated", [py_str(f"The API marks {_name(rng, 90)}() as deprecated.")])
        )
    parts += [
        f"    def {method}(",
        "        self,",
        "        *,",
        f"        {_name(rng, 40)}: Literal[{values}] | NotGiven = NOT_GIVEN,",
        f"        {_name(rng, 40)}: {_name(rng, 90).capitalize()} | None = None,",
        "    ) -> None:",
        "        " + docstring(_description(rng), 8),
        f"        return self._client.call({const}, {{{py_str(_name(rng, 60))}: {method}}})",
        "",
        "",
        f"class {cls}WithRawResponse:",
        f"    def __init__(self, resource: {cls}) -> None:",
        "        self._resource = resource",
    ]
    for wrap in ("to_raw_response_wrapper", "async_to_streamed_response_wrapper"):
        target = _name(rng, 90)
        parts.append("        " + call_layout(8, f"self.{target} = {wrap}", [f"resource.{target}"]))
    return "\n".join(parts) + "\n"


def _description(rng: random.Random) -> str:
    pieces = ["word", " ", "  ", "\n", "\n\n", "\t", '"', "'", "\\", "é", "x" * 100, '"""', "\n  indented"]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))


@pytest.mark.parametrize("seed", range(40))
def test_fuzzed_modules_of_the_templates_shapes_come_out_as_black_writes_them(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5):
        source = _module(rng)
        assert fast(source) == black(source), source


def test_strings_are_in_blacks_quotes() -> None:
    rng = random.Random(7)
    alphabet = ["a", "'", '"', "\\", "\n", "\x00", "é", "\u2028", " ", "\t", "{"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        literal = py_str(text)
        assert ast.literal_eval(literal) == text
        source = f"x = {literal}\n"
        assert black(source) == source, text


def test_docstrings_are_laid_out_as_black_lays_them_out() -> None:
    rng = random.Random(11)
    for _ in range(600):
        text = _description(rng)
        for indent, head, tail in (
            (0, "", ""),
            (4, "class A:\n", ""),
            (8, "class A:\n    def f(self) -> None:\n", "        pass\n"),
        ):
            source = head + " " * indent + docstring(text, indent) + "\n" + tail
            assert black(source) == source, repr(text)


@pytest.mark.parametrize(
    "source",
    [
        "x = 1\nif x:\n\ty = 2\n",  # a tab
        'x = """\nnot a docstring\n"""\n',  # a triple-quoted string that is not a docstring
        "x = 1 + \\\n    2\n",  # a backslash continuation
        "x = (\n\n    1)\n",  # a blank line inside brackets
        "@decorator(" + "a" * 120 + ")\ndef f() -> None:\n    pass\n",  # a long decorator
        "if x:\n    pass\nelse:  # " + "c" * 120 + "\n    pass\n",  # a header that cannot stand alone
        "x = [" + ", ".join(["1"] * 60) + "]\n\n\n\n",
    ],
)
def test_what_the_rules_do_not_cover_is_formatted_whole(source: str) -> None:
    assert fast(source) == black(source)
