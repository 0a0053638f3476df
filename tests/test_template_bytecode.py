"""The templates are compiled once and kept, as Python keeps its modules' bytecode
(``render._CompiledTemplates``): a later run loads them, an edited template is compiled again,
and a place that cannot be written only costs the compilation."""

from __future__ import annotations

import sys
from pathlib import Path
from types import CodeType

import jinja2
import pytest

from generator import render


def _environment(templates: Path, cache: Path) -> tuple[jinja2.Environment, list[str]]:
    """A fresh environment (as in a new process) over ``templates``, and the names it compiles."""
    compiled: list[str] = []

    class Counting(jinja2.Environment):
        def _compile(self, source: str, filename: str) -> CodeType:
            compiled.append(Path(filename).name)
            return super()._compile(source, filename)

    env = Counting(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=render._CompiledTemplates(str(cache), f"%s.{sys.implementation.cache_tag}.jinja"),
    )
    return env, compiled


def test_a_template_is_compiled_once_and_again_after_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    templates, cache = tmp_path / "templates", tmp_path / "templates" / "__pycache__"
    templates.mkdir()
    (templates / "page.j2").write_text("{% for x in items %}{{ x }},{% endfor %}", encoding="utf-8")

    first, compiled = _environment(templates, cache)
    assert first.get_template("page.j2").render(items=[1, 2]) == "1,2,"
    assert compiled == ["page.j2"]
    assert len(list(cache.glob("*.jinja"))) == 1

    second, compiled = _environment(templates, cache)
    assert second.get_template("page.j2").render(items=[3]) == "3,"
    assert compiled == []  # loaded from the cache

    (templates / "page.j2").write_text("{% for x in items %}[{{ x }}]{% endfor %}", encoding="utf-8")
    third, compiled = _environment(templates, cache)
    assert third.get_template("page.j2").render(items=[3]) == "[3]"
    assert compiled == ["page.j2"]  # the source's digest changed


def test_without_bytecode_writing_the_cache_is_only_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("{{ 1 + 1 }}", encoding="utf-8")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    env, _ = _environment(templates, templates / "__pycache__")
    assert env.get_template("page.j2").render() == "2"
    assert not (templates / "__pycache__").exists()


def test_a_cache_that_cannot_be_written_only_costs_the_compilation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("ok", encoding="utf-8")
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    env, compiled = _environment(templates, tmp_path / "a-file" / "cache")  # cannot be a directory
    assert env.get_template("page.j2").render() == "ok"
    assert compiled == ["page.j2"]


def test_the_generators_templates_are_kept_beside_them_when_that_can_be_written() -> None:
    cache = render.make_environment().bytecode_cache
    assert isinstance(cache, render._CompiledTemplates)
    assert Path(cache.directory) == render.TEMPLATES_DIR / "__pycache__"
