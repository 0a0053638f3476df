"""Render the intermediate model through the Jinja2 templates into formatted Python files."""

from __future__ import annotations

import functools
import hashlib
import keyword
import os
import sys
import re
import unicodedata
import textwrap
from dataclasses import dataclass
from collections.abc import Callable
from typing import Any, Protocol

import jinja2

from . import ir
from ._locations import RUNTIME_DIR, TEMPLATES_DIR, compiled_dir
from .errors import escape_char, visible

__all__ = [
    "render_package",
    "render_pyproject",
    "TEMPLATES_DIR",
    "RUNTIME_DIR",
    "RUNTIME_FILES",
    "CLIENT_REQUIREMENTS",
    "CLIENT_PYTHONS",
]


RUNTIME_FILES = (
    "_auth.py",
    "_base_client.py",
    "_drift.py",
    "_files.py",
    "_logging.py",
    "_models.py",
    "_page.py",
    "_response.py",
    "_streaming.py",
    "_types.py",
    "_utils.py",
)
LINE_LENGTH = 110

CLIENT_REQUIREMENTS = (
    "anyio>=3.7.1,<5",
    "httpx>=0.25.0,<1",
    "pydantic>=2.9.0,<3",
    "typing-extensions>=4.12.0",
)
"""What a generated client needs at run time: the lower bounds are the versions noxfile.py's
``lowest`` session tests with, the upper bounds the next major versions."""
CLIENT_PYTHONS = ("3.10", "3.11", "3.12", "3.13")
"""The Python versions a generated client claims, each tested by noxfile.py."""


# ------------------------------------------------------------------------------------------------
# Escaping: every piece of spec text goes through one of these on its way into generated code.


def py_repr(value: object) -> str:
    """A Python literal for a JSON value (strings, numbers, booleans, null, lists, dicts), written
    as black writes it, so that black has nothing to change (``py_str``)."""
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return f'float("{value}")'
        return repr(value)
    if isinstance(value, str):
        return py_str(value)
    if isinstance(value, bytes):
        return "b" + _black_quotes(repr(value)[1:], value.count(b'"'), value.count(b"'"))
    if isinstance(value, list):
        return "[" + ", ".join(py_repr(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_repr(str(k))}: {py_repr(v)}" for k, v in value.items()) + "}"
    return py_str(str(value))


def py_str(text: str) -> str:
    """A string literal in black's quotes: double quotes, unless the text holds more double quotes
    than single ones (then black keeps the single quotes, which need fewer backslashes)."""
    return _black_quotes(repr(text), text.count('"'), text.count("'"))


def _black_quotes(literal: str, double: int, single: int) -> str:
    """``repr``'s ``literal`` of a text holding ``double`` and ``single`` quote characters, in the
    quotes black chooses."""
    if literal[0] == '"' or double > single:
        # repr chose double quotes (a ' and no "), or single quotes escape less: black keeps it.
        return literal
    # In repr's single-quoted body a backslash is always doubled, so ``\'`` can only be an
    # escaped quote; a double quote is never escaped there.
    return '"' + literal[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'


def docstring_text(text: str) -> str:
    """Text that is safe inside a triple-double-quoted docstring."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if not text.replace("\n", "").replace("\t", "").isprintable():
        text = "".join(ch if ch in "\n\t" or ch.isprintable() else escape_char(ch) for ch in text)
    text = text.strip()
    if text.endswith('"'):
        text += " "
    return text


def docstring(text: str, indent: int = 4) -> str:
    """A complete docstring literal (quotes included), indented for its block, laid out as black
    lays out docstrings: on one line when it fits (a space between a quote of the text and the
    quotes around it), else from the line after the opening quotes, every line's indentation tabs
    expanded and its trailing spaces gone."""
    body = docstring_text(text)
    if not body:
        return '""""""'
    pad = " " * indent
    if "\n" not in body:
        line = " " + body if body.startswith('"') else body
        if len(line) + indent + 6 <= LINE_LENGTH:
            return f'"""{line}"""'
    lines = [_expand_leading_tabs(line).rstrip() for line in body.split("\n")]
    return '"""\n' + "\n".join(pad + line if line else "" for line in lines) + "\n" + pad + '"""'


def _expand_leading_tabs(line: str) -> str:
    """``line`` with the tabs of its indentation expanded to 4 columns (black does this to the
    lines of a docstring)."""
    stripped = line.lstrip()
    if not stripped or stripped == line:
        return line
    return line[: len(line) - len(stripped)].expandtabs(4) + stripped


def comment(text: str, indent: int = 0) -> str:
    """Text as ``#`` comment lines: a newline in spec text can never end the comment.

    Characters that are not printable (NUL, form feed, line separators...) are written as their
    escapes: Python refuses some of them in source, and tools split lines at others.
    """
    pad = " " * indent
    lines = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        paragraph = "".join(ch if ch.isprintable() or ch == "\t" else escape_char(ch) for ch in paragraph)
        wrapped = textwrap.wrap(paragraph, width=LINE_LENGTH - indent - 2) or [""]
        lines.extend(wrapped)
    return "\n".join(f"{pad}# {line}".rstrip() for line in lines).rstrip()


def toml_string(text: str) -> str:
    """A TOML basic string (quotes included) holding ``text``: quotes, backslashes and control
    characters escaped, everything else as is."""
    out = []
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch) if ord(ch) < 0xD800 else 0xFFFD:04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def comment_text(text: str) -> str:
    """Spec text inside one ``#`` comment line (YAML, Makefile): one line, controls escaped."""
    flat = " ".join(text.split())
    return visible(flat, keep="")


def yaml_key(text: str) -> str:
    """A YAML mapping key for ``text``: bare when it is a plain word, else a JSON (= YAML) string."""
    import json

    return text if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", text) else json.dumps(text)


def first_line(text: str) -> str:
    """Spec text on one line, whitespace runs collapsed (for one-line metadata fields)."""
    return " ".join(text.split())


def markdown_text(text: str) -> str:
    """Spec text for a Markdown table cell or list item: one line, pipes escaped, and characters
    that are not printable (NUL, terminal escapes...) written as their escapes (``\\x00``)."""
    return visible(" ".join(text.split()), keep="").replace("|", "\\|")


def visible_text(text: str) -> str:
    """Spec text shown as it is (inside a Markdown code span, say), but for characters that are
    not printable: those are written as their escapes."""
    return visible(text, keep="")


def first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    for stop in (". ", "! ", "? "):
        if stop in flat:
            return flat.split(stop, 1)[0] + stop.strip()
    return flat


# ------------------------------------------------------------------------------------------------
# Types.


def annotation(expr: ir.TypeExpr) -> str:
    """The annotation of a request argument or TypedDict field of this type."""
    if isinstance(expr, ir.Primitive):
        return {
            "str": "str",
            "int": "int",
            "float": "NumberArg",
            "bool": "bool",
            "object": "object",
            "none": "None",
        }[expr.name]
    if isinstance(expr, ir.DateTime):
        return "DateTimeArg"
    if isinstance(expr, ir.Date):
        return "DateArg"
    if isinstance(expr, ir.EnumOf):
        values = [v for v in expr.values if v is not None]
        if not values:
            return "None"
        return "Literal[" + ", ".join(py_repr(v) for v in values) + "]"
    if isinstance(expr, ir.ListOf):
        return f"Sequence[{annotation(expr.item)}]"
    if isinstance(expr, ir.MapOf):
        return f"Mapping[str, {annotation(expr.value)}]"
    if isinstance(expr, ir.Named):
        return expr.class_name
    if isinstance(expr, ir.UnionOf):
        return " | ".join(annotation(option) for option in expr.options)
    if isinstance(expr, ir.Nullable):
        return f"{annotation(expr.inner)} | None"
    if isinstance(expr, ir.FileInput):
        return _FILE_ANNOTATIONS[expr.kind]
    raise TypeError(f"unknown type expression {expr!r}")


_TYPING_NAMES = ("Literal", "Mapping", "Sequence")
_FILE_ANNOTATIONS: dict[str, str] = {
    "file": "FileTypes",
    "binary": "BinaryContent",
    "form": "Mapping[str, object]",
}
"""``FileInput``: a multipart file, a raw body, a free-form multipart body (files among its values)."""
_RUNTIME_TYPE_NAMES = ("DateArg", "DateTimeArg", "NumberArg")


def annotation_imports(expr: ir.TypeExpr) -> set[str]:
    """The names ``annotation(expr)`` uses that a module imports from ``typing`` or the runtime's
    ``_models`` (TypedDicts it names: ``named_types``). Read from the type, not its text."""
    if isinstance(expr, ir.Primitive):
        return {"NumberArg"} if expr.name == "float" else set()
    if isinstance(expr, ir.DateTime):
        return {"DateTimeArg"}
    if isinstance(expr, ir.Date):
        return {"DateArg"}
    if isinstance(expr, ir.EnumOf):
        return {"Literal"} if any(v is not None for v in expr.values) else set()
    if isinstance(expr, ir.ListOf):
        return {"Sequence"} | annotation_imports(expr.item)
    if isinstance(expr, ir.MapOf):
        return {"Mapping"} | annotation_imports(expr.value)
    if isinstance(expr, ir.UnionOf):
        return set().union(*(annotation_imports(option) for option in expr.options))
    if isinstance(expr, ir.Nullable):
        return annotation_imports(expr.inner)
    if isinstance(expr, ir.FileInput):
        return {"Mapping"} if expr.kind == "form" else {_FILE_ANNOTATIONS[expr.kind]}
    return set()


def functional_annotation(expr: ir.TypeExpr) -> str:
    """The annotation of a field of a functional-syntax TypedDict, whose values are evaluated at
    once: quoted (a forward reference) when it names a TypedDict, which may be defined later in
    the module or be the one being defined."""
    text = annotation(expr)
    return py_repr(text) if named_types(expr) else text


def named_types(expr: ir.TypeExpr) -> set[str]:
    if isinstance(expr, ir.Named):
        return {expr.class_name}
    if isinstance(expr, ir.ListOf):
        return named_types(expr.item)
    if isinstance(expr, ir.MapOf):
        return named_types(expr.value)
    if isinstance(expr, ir.UnionOf):
        return set().union(*(named_types(o) for o in expr.options))
    if isinstance(expr, ir.Nullable):
        return named_types(expr.inner)
    return set()


def param_annotation(param: ir.Param) -> str:
    if param.required:
        return annotation(param.type)
    if isinstance(param.type, ir.Nullable):
        # `None` last in the union, as linters (ruff RUF036) want it.
        return f"{annotation(param.type.inner)} | NotGiven | None"
    return f"{annotation(param.type)} | NotGiven"


def return_annotation(op: ir.Operation, *, is_async: bool) -> str:
    response = op.response
    pagination = op.pagination
    if pagination is not None:
        if is_async:
            return f"AsyncPaginator[{response.item_model}, {pagination.async_class}[{response.item_model}]]"
        return f"{pagination.sync_class}[{response.item_model}]"
    if response.kind == "sse":
        return f"{'AsyncStream' if is_async else 'Stream'}[{response.item_model or 'str'}]"
    if response.kind == "union":
        return " | ".join(dict.fromkeys(_simple_return(alt) for _, alt in response.alternatives))
    return _simple_return(response)


def _simple_return(response: ir.ResponseSpec) -> str:
    if response.kind == "model":
        return response.model or "None"
    if response.kind == "binary":
        return "BinaryResponse"
    if response.kind == "text":
        return "str"
    return "None"


def method_doc(op: ir.Operation) -> str:
    parts = []
    head = op.summary.strip()
    description = op.description.strip()
    if head:
        parts.append(head)
    if description and description != head:
        parts.append(description)
    if op.deprecated:
        parts.append("Deprecated: the API marks this operation as deprecated.")
    documented = [p for p in op.params if p.description.strip() or p.holds_file]
    if documented or op.content_type_arg:
        lines = ["Args:"]
        for param in documented:
            text = " ".join(f"{param.description} {_FILE_DOCS.get(annotation(param.type), '')}".split())
            wrapped = textwrap.wrap(f"{param.py_name}: {text}", width=LINE_LENGTH - 16) or [param.py_name]
            lines.append("  " + wrapped[0])
            lines.extend("    " + line for line in wrapped[1:])
        if op.content_type_arg:
            choices = ", ".join(f.content_type for f in op.body_formats)
            text = f"{op.content_type_arg}: the body's content type, one of {choices} (default: the first)."
            wrapped = textwrap.wrap(text, width=LINE_LENGTH - 16, break_on_hyphens=False)
            lines.append("  " + wrapped[0])
            lines.extend("    " + line for line in wrapped[1:])
        lines.append("")
        lines.append("  extra_headers, extra_query, extra_body: sent in addition to the above.")
        lines.append("  timeout, max_retries, deadline: override the client's settings for this call;")
        lines.append("    deadline (seconds) bounds the whole call, retries and waits included.")
        parts.append("\n".join(lines))
    if not parts:
        # Nothing documented: the endpoint itself, rather than an empty docstring.
        parts.append(f"{op.http_method.upper()} {op.path}")
    return "\n\n".join(parts)


def import_line(module: str, names: list[str], indent: int = 0) -> str:
    """``from module import names`` as black writes it at ``indent``: on one line when it fits,
    else one name a line in parentheses, with a trailing comma."""
    line = f"from {module} import {', '.join(names)}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    pad = " " * indent
    return f"from {module} import (\n" + "".join(f"{pad}    {name},\n" for name in names) + pad + ")"


def call_layout(indent: int, head: str, args: list[str], tail: str = "") -> str:
    """``head(args)tail``, a statement or an item whose last bracket pair is this call, as black
    lays it out at ``indent``: on one line when it fits; else the arguments on a line of their
    own between the call's brackets; else one argument a line, with a trailing comma. When even
    ``head(`` does not fit, black chooses otherwise: the one long line is left for it to lay out
    (``fastformat`` hands black such statements)."""
    one = f"{head}({', '.join(args)}){tail}"
    opening = f"{head}("
    if indent + len(one) <= LINE_LENGTH or indent + len(opening) > LINE_LENGTH:
        return one
    pad = " " * indent
    body = ", ".join(args)
    if indent + 4 + len(body) <= LINE_LENGTH:
        return f"{opening}\n{pad}    {body}\n{pad}){tail}"
    if all(indent + 4 + len(arg) + 1 <= LINE_LENGTH for arg in args):
        return opening + "\n" + "".join(f"{pad}    {arg},\n" for arg in args) + f"{pad}){tail}"
    return one


def tuple_literal(items: list[str], indent: int = 0) -> str:
    """A tuple of already-written literals as black writes it: ``()``, ``(a,)``, or one item a line
    with a trailing comma (the comma keeps black from joining them), closed at ``indent``."""
    if not items:
        return "()"
    if len(items) == 1:
        return f"({items[0]},)"
    pad = " " * indent
    return "(\n" + "".join(f"{pad}    {item},\n" for item in items) + pad + ")"


def tuples_literal(groups: list[list[str]], indent: int = 0) -> str:
    """A tuple of tuples of already-written literals as black writes it (``tuple_literal`` for
    each inner one): on one line when it holds one tuple of at most one item, else exploded."""
    inner = [tuple_literal(group, indent + 4) for group in groups]
    if not inner:
        return "()"
    if len(inner) == 1 and "\n" not in inner[0]:
        return f"({inner[0]},)"
    pad = " " * indent
    return "(\n" + "".join(f"{pad}    {item},\n" for item in inner) + pad + ")"


_FILE_DOCS = {
    "FileTypes": "A file: bytes, a binary file object, a path, or a (filename, content, content_type) tuple;"
    " streamed, not read into memory.",
    "Sequence[FileTypes]": "Files, each bytes, a binary file object, a path, or a (filename, content,"
    " content_type) tuple; streamed.",
    "BinaryContent": "The raw body: bytes, a binary file object, a path, or an iterator of bytes (an async"
    " one with the async client); streamed. A path or a seekable file is sent again on a retry; an"
    " iterator or pipe once only, so such a call is not retried once the body has started.",
}
"""What the docstring says about a file argument, by its annotation."""


def body_formats_literal(formats: tuple[ir.BodyFormat, ...]) -> str:
    """The ``body_formats`` tuple of an ``Operation``, written on one line (black splits it when
    it is too long: ``fastformat`` hands it the statement)."""
    items = []
    for body_format in formats:
        args = [py_repr(body_format.kind), py_repr(body_format.content_type)]
        if body_format.fields:
            encodings = ", ".join(
                f"{py_repr(e.wire_name)}: FieldEncoding({py_repr(e.content_type)}, {py_repr(e.style)}, "
                f"{py_repr(e.explode)})"
                for e in body_format.fields
            )
            args.append("{" + encodings + "}")
        items.append(f"BodyFormat({', '.join(args)})")
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def relative_root(module: str, is_package: bool) -> str:
    """The relative-import prefix that reaches the package root from ``module``."""
    depth = len(module.split(".")) + (1 if is_package else 0)
    return "." * depth


def resource_imports(resource: ir.Resource) -> list[str]:
    """The import block of one resource module: exactly what its code uses."""
    root = relative_root(resource.module, resource.is_package)
    ops = resource.operations
    used: set[str] = set().union(*(annotation_imports(p.type) for op in ops for p in op.params))
    if any(op.content_type_arg for op in ops):
        used.add("Literal")
    kinds = {op.response.kind for op in ops} | {alt.kind for op in ops for _, alt in op.response.alternatives}
    typing_names = sorted(
        {name for name in _TYPING_NAMES if name in used} | ({"TYPE_CHECKING"} if resource.children else set())
    )
    lines = ["from functools import cached_property"]
    if typing_names:
        lines.append(import_line("typing", typing_names))
    lines.append("")
    if ops:
        lines.append("import httpx")
    if any(op.deprecated for op in ops):
        lines.append("from typing_extensions import deprecated")
    if ops or any(op.deprecated for op in ops):
        lines.append("")
    base = ["AsyncAPIResource", "SyncAPIResource"] + (["CallOptions", "Operation"] if ops else [])
    lines.append(import_line(f"{root}_base_client", sorted(base)))
    file_names: list[str] = [name for name in ("BinaryContent", "FileTypes") if name in used]
    if any(op.body_formats for op in ops):
        file_names = ["BodyFormat", *file_names]
    if any(f.fields for op in ops for f in op.body_formats):
        file_names.append("FieldEncoding")
    if file_names:
        lines.append(import_line(f"{root}_files", sorted(file_names)))
    model_names = (["ArgsValidator"] if ops else []) + (["model_parser"] if "model" in kinds else [])
    model_names += [name for name in _RUNTIME_TYPE_NAMES if name in used]
    if model_names:
        lines.append(import_line(f"{root}_models", sorted(model_names)))
    if ops:
        response_names = [
            "async_to_raw_response_wrapper",
            "async_to_streamed_response_wrapper",
            "to_raw_response_wrapper",
            "to_streamed_response_wrapper",
        ]
        if "binary" in kinds:
            response_names += ["BinaryResponse", "parse_binary"]
        if "none" in kinds:
            response_names.append("parse_none")
        if "text" in kinds:
            response_names.append("parse_text")
        if "union" in kinds:
            response_names.append("StatusParser")
        lines.append(
            import_line(f"{root}_response", sorted(response_names, key=lambda n: (n[0].islower(), n)))
        )
        streams = [op.response for op in ops if op.response.kind == "sse"]
        if streams:
            stream_names = ["AsyncStream", "Stream"]
            if any(r.item_model for r in streams):
                stream_names += ["async_sse_parser", "sse_parser"]
            if any(not r.item_model for r in streams):
                stream_names += ["parse_async_sse_text", "parse_sse_text"]
            lines.append(f"from {root}_streaming import {', '.join(stream_names)}")
        lines.append(f"from {root}_types import NOT_GIVEN, Body, Headers, NotGiven, Query")
    pages = sorted(
        {
            cls
            for op in ops
            if op.pagination is not None
            for cls in (op.pagination.sync_class, op.pagination.async_class)
        }
    )
    if pages:
        lines.append(import_line(f"{root}pagination", ["AsyncPaginator", *pages]))
    models = sorted(
        {
            name
            for op in ops
            for response in (op.response, *(alt for _, alt in op.response.alternatives))
            for name in (response.model, response.item_model)
            if name and response.kind in ("model", "page", "sse")
        }
    )
    if models:
        lines.append(import_line(f"{root}types._responses", models))
    params = sorted(
        {op.args_class for op in ops}
        | {name for op in ops for p in op.params for name in named_types(p.type)}
    )
    if params:
        lines.append(import_line(f"{root}types._params", params))
    return lines


@dataclass(frozen=True)
class _RequestTypes:
    """What ``types/_params.py`` shows: the request types (as ``api`` in its template)."""

    typed_dicts: list[ir.TypedDictDef]
    args_dicts: list[ir.TypedDictDef]


def params_imports(api: ir.Api | _RequestTypes) -> list[str]:
    """The import block of ``types/_params.py``."""
    used: set[str] = set().union(
        *(annotation_imports(f.type) for td in [*api.typed_dicts, *api.args_dicts] for f in td.fields)
    )
    typing_names = [name for name in _TYPING_NAMES if name in used]
    lines = []
    if typing_names:
        lines += [f"from typing import {', '.join(typing_names)}", ""]
    dicts = [*api.typed_dicts, *api.args_dicts]
    fields = [f for td in dicts for f in td.fields]
    lines.append("from pydantic import ConfigDict" + (", with_config" if dicts else ""))
    extensions = (
        (["NotRequired"] if any(not f.required for f in fields) else [])
        + (["Required"] if any(f.required for f in fields) else [])
        + (["TypedDict"] if dicts else [])
    )
    if extensions:
        lines.append(import_line("typing_extensions", extensions))
    models = [name for name in _RUNTIME_TYPE_NAMES if name in used]
    if models:
        lines += ["", f"from .._models import {', '.join(models)}"]
    return lines


def is_identifier_key(name: str) -> bool:
    """Whether a wire name can be a field of a class-syntax TypedDict.

    Python normalizes identifiers (NFKC), so a name such as ``µL`` (with the micro sign) would
    become another key in a class body; such names take the functional syntax, as names that are
    not identifiers do.
    """
    return name.isidentifier() and not keyword.iskeyword(name) and unicodedata.normalize("NFKC", name) == name


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The templates compiled once, as Python keeps its modules' bytecode: Jinja's own cache, keyed
    by the template's name and file and checked against a digest of its source (an edited template
    is compiled again) and against Jinja's and Python's versions. A cache that cannot be read or
    written is only slower; with ``sys.dont_write_bytecode`` (``PYTHONDONTWRITEBYTECODE``) it is
    only read."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:  # an unreadable cache is compiled afresh (Jinja checks what it reads)
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if sys.dont_write_bytecode:
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _template_bytecode() -> jinja2.BytecodeCache | None:
    """The compiled templates' cache, where ``_locations.compiled_dir`` says (as installed, like the
    package's ``.pyc`` files); ``None`` when there is no such place."""
    directory = compiled_dir()
    if directory is None:
        return None
    return _CompiledTemplates(str(directory), f"%s.{sys.implementation.cache_tag}.jinja")


@functools.lru_cache(maxsize=1)
def make_environment() -> jinja2.Environment:
    """The templates' environment (one per process: its templates are loaded once)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        bytecode_cache=_template_bytecode(),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(
        pyrepr=py_repr,
        body_formats=body_formats_literal,
        pytuple=lambda values, indent=0: tuple_literal([py_repr(v) for v in values], indent),
        pytuples=lambda groups, indent=0: tuples_literal([[py_repr(v) for v in g] for g in groups], indent),
        docstring=docstring,
        comment=comment,
        annotation=annotation,
        functional_annotation=functional_annotation,
        param_annotation=param_annotation,
        method_doc=method_doc,
        markdown=markdown_text,
        visible=visible_text,
        first_sentence=first_sentence,
        tomlstr=toml_string,
        first_line=first_line,
        comment_text=comment_text,
        yaml_key=yaml_key,
    )
    env.tests["is_identifier_key"] = is_identifier_key
    env.globals.update(
        return_annotation=return_annotation,
        relative_root=relative_root,
        named_types=named_types,
        call_layout=call_layout,
        import_line=import_line,
    )
    return env


class Reuse(Protocol):
    """Rendered text kept from earlier runs, for ``render_package``: ``get`` gives what was kept
    under (``name``, ``part``), ``put`` keeps it. The keeper must tell toolchains apart (the
    templates and this module): the part is all else a module shows."""

    def get(self, name: str, part: str) -> str | None: ...

    def put(self, name: str, part: str, text: str) -> None: ...


def render_package(api: ir.Api, reuse: Reuse | None = None) -> dict[str, str]:
    """Every file of the package: relative path -> text (not yet formatted).

    With ``reuse``, the largest modules are taken from it when what they show is unchanged:
    a resource module shows its resource (its operations, their arguments, the names of the
    types they use, their documentation; its template is given nothing else),
    ``types/_responses.py`` the models and ``types/_params.py`` the request types (its template
    is given only those). The part each is kept under is the ``repr`` of what it shows."""
    env = make_environment()
    files: dict[str, str] = {}
    context: dict[str, Any] = {"api": api}

    def render(template: str, **extra: Any) -> str:
        return env.get_template(template).render(**context, **extra)

    def render_resource(resource: ir.Resource) -> str:
        # Without ``api``: what the module shows is its resource and nothing else (``reused``).
        return env.get_template("resource.py.j2").render(resource=resource, resource_imports=resource_imports)

    def render_params(shown: _RequestTypes) -> str:
        return env.get_template("params.py.j2").render(api=shown, imports=params_imports(shown))

    def reused(name: str, shown: object, make: Callable[[], str]) -> str:
        if reuse is None:
            return make()
        part = repr(shown)
        text = reuse.get(name, part)
        if text is None:
            text = make()
            reuse.put(name, part, text)
        return text

    for name in RUNTIME_FILES:
        files[name] = (RUNTIME_DIR / name).read_text(encoding="utf-8")
    files["py.typed"] = ""
    files["__init__.py"] = render("__init__.py.j2")
    files["_client.py"] = render("_client.py.j2")
    files["_constants.py"] = render("_constants.py.j2")
    files["_exceptions.py"] = render("_exceptions.py.j2")
    files["pagination.py"] = render("pagination.py.j2")
    files["types/__init__.py"] = render("types_init.py.j2")
    from .models import render_models

    files["types/_responses.py"] = reused("types/_responses.py", api.models, lambda: render_models(api))
    request_types = _RequestTypes(api.typed_dicts, api.args_dicts)
    files["types/_params.py"] = reused(
        "types/_params.py", request_types, lambda: render_params(request_types)
    )
    files["resources/__init__.py"] = render("resources_init.py.j2")
    for resource in api.all_resources():
        parts = resource.module.split(".")
        rel = "/".join(parts) + ("/__init__.py" if resource.is_package else ".py")
        files[rel] = reused(rel, resource, functools.partial(render_resource, resource))
    return files


# ------------------------------------------------------------------------------------------------
# The reference (api.md) and its examples.

_FORMAT_EXAMPLES = {
    "uuid": "3f0c1a8e-5b7d-4c2e-9a61-0d8b7e6f5a41",
    "email": "someone@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
}


def example_value(
    expr: ir.TypeExpr, example: object, typed_dicts: dict[str, ir.TypedDictDef], *, full: bool, depth: int = 0
) -> object:
    """A JSON value for an argument: the spec's example when it has one, else one made from the type."""
    if example is not None:
        return example
    if isinstance(expr, ir.Nullable):
        return example_value(expr.inner, None, typed_dicts, full=full, depth=depth)
    if isinstance(expr, ir.Primitive):
        if expr.name == "str":
            return _FORMAT_EXAMPLES.get(expr.format or "", "string")
        return {"int": 1, "float": 1.0, "bool": True, "object": {}, "none": None}[expr.name]
    if isinstance(expr, ir.DateTime):
        return "2024-01-01T00:00:00Z"
    if isinstance(expr, ir.Date):
        return "2024-01-01"
    if isinstance(expr, ir.EnumOf):
        return next((v for v in expr.values if v is not None), None)
    if isinstance(expr, ir.ListOf):
        return [example_value(expr.item, None, typed_dicts, full=full, depth=depth + 1)]
    if isinstance(expr, ir.MapOf):
        return {
            "key": example_value(
                expr.value,
                "value" if expr.value == ir.Primitive("str") else None,
                typed_dicts,
                full=full,
                depth=depth + 1,
            )
        }
    if isinstance(expr, ir.UnionOf):
        return example_value(expr.options[0], None, typed_dicts, full=full, depth=depth)
    if isinstance(expr, ir.FileInput):
        return {} if expr.kind == "form" else b"file content"
    if isinstance(expr, ir.Named):
        td = typed_dicts.get(expr.class_name)
        if td is None or depth > 6:
            return {}
        return {
            f.wire_name: example_value(f.type, f.example, typed_dicts, full=full, depth=depth + 1)
            for f in td.fields
            if f.required or (full and depth < 3)
        }
    raise TypeError(f"unknown type expression {expr!r}")


def example_call(op: ir.Operation, api: ir.Api, *, full: bool = False, client: str = "client") -> str:
    """Python source of one call of ``op`` with example arguments (required ones, or all)."""
    typed_dicts = {td.class_name: td for td in api.typed_dicts}
    args = []
    for param in op.params:
        if not (param.required or full):
            continue
        value = example_value(param.type, param.example, typed_dicts, full=full)
        args.append(f"{param.py_name}={py_repr(value)}")
    call = f"{client}.{op.dotted_name}(" + ", ".join(args) + ")"
    return call


def example_snippet(op: ir.Operation, api: ir.Api) -> str:
    call = example_call(op, api)
    kind = op.response.kind
    if kind == "page":
        return f"for item in {call}:\n    print(item)"
    if kind == "binary":
        suffix = ".pdf" if (op.response.content_type or "").endswith("pdf") else ".bin"
        return f'downloaded = {call}\ndownloaded.write_to_file("{op.method_name}{suffix}")'
    if kind == "none":
        return call
    if kind == "sse":
        return f"with {call} as stream:\n    for event in stream:\n        print(event.event, event.data)"
    return f"result = {call}\nprint(result)"


def signature_text(op: ir.Operation, api: ir.Api) -> str:
    args = []
    for param in op.params:
        text = f"{param.py_name}: {annotation(param.type)}"
        if not param.required:
            text += " = NOT_GIVEN"
        args.append(text)
    if op.content_type_arg:
        choices = ", ".join(py_repr(f.content_type) for f in op.body_formats)
        args.append(f"{op.content_type_arg}: Literal[{choices}] = NOT_GIVEN")
    inner = ", ".join(["*", *args]) if args else ""
    return f"{op.dotted_name}({inner}) -> {return_annotation(op, is_async=False)}"


def render_pyproject(api: ir.Api) -> str:
    """``pyproject.toml`` beside the package, so the output directory installs with pip."""
    return (
        make_environment()
        .get_template("pyproject.toml.j2")
        .render(api=api, client_requirements=CLIENT_REQUIREMENTS, client_pythons=CLIENT_PYTHONS)
    )


def response_type_names(resource: ir.Resource) -> list[str]:
    """The response models a resource's methods return (alone, in a union, or as stream events)."""
    names: list[str] = []
    for op in resource.operations:
        for response in (op.response, *(alt for _, alt in op.response.alternatives)):
            name = response.item_model if response.kind == "sse" else response.model
            if name and name not in names:
                names.append(name)
    return names


def render_api_md(api: ir.Api, reuse: Reuse | None = None) -> str:
    """``api.md``; with ``reuse``, each resource's section is taken from it when what it shows is
    unchanged: its resource, the package's name, and the request types (its examples are made
    from them), which are digested once for all the sections."""
    env = make_environment()
    env.globals.update(
        example_snippet=example_snippet,
        signature_text=signature_text,
        response_type_names=response_type_names,
    )
    module: Any = env.get_template("api_resource.md.j2").make_module({"api": api})
    macro: Callable[[ir.Resource], object] = module.resource_section
    shown = f"{api.package_name}|{hashlib.sha256(repr(api.typed_dicts).encode('utf-8', 'surrogatepass')).hexdigest()}|"

    def section(resource: ir.Resource) -> str:
        if reuse is None:
            return str(macro(resource))
        part = shown + repr(resource)
        text = reuse.get("api.md#" + ".".join(resource.path), part)
        if text is None:
            text = str(macro(resource))
            reuse.put("api.md#" + ".".join(resource.path), part, text)
        return text

    return env.get_template("api.md.j2").render(api=api, section=section)
