"""Turning names from the spec into safe Python names, once, for the intermediate model."""

from __future__ import annotations

import builtins
import keyword
import re

__all__ = ["snake_case", "pascal_case", "safe_identifier", "safe_class_name", "RESERVED_CLASS_NAMES"]

_BUILTINS = frozenset(dir(builtins))

RESERVED_CLASS_NAMES = frozenset(
    {
        # Names the generated modules import or define themselves.
        "Any",
        "Annotated",
        "BaseModel",
        "ConfigDict",
        "Field",
        "Literal",
        "Optional",
        "Union",
        "RootModel",
        "TypedDict",
        "Required",
        "NotRequired",
        "Mapping",
        "Sequence",
        "Dict",
        "List",
        "date",
        "datetime",
        "NotGiven",
        "NOT_GIVEN",
        "Omit",
        "httpx",
        "pydantic",
        "annotations",
        "with_config",
        "DateTimeArg",
        "DateArg",
        "ArgsValidator",
        "Operation",
        "CallOptions",
        "SyncAPIResource",
        "AsyncAPIResource",
        "AsyncPaginator",
        "BinaryResponse",
        "Headers",
        "Query",
        "Body",
    }
)


def _words(text: str) -> list[str]:
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", text)
    return [word for word in re.split(r"[^A-Za-z0-9]+", text) if word]


def snake_case(text: str) -> str:
    """``listInvoices`` -> ``list_invoices``; ``my-field`` -> ``my_field``. May be empty."""
    return "_".join(word.lower() for word in _words(text))


def pascal_case(text: str) -> str:
    """``list_invoices`` -> ``ListInvoices``; keeps inner capitals of ``PDFFile``-like words."""
    return "".join(word[:1].upper() + word[1:] for word in _words(text))


def safe_identifier(name: str, *, avoid: frozenset[str] = frozenset(), allow_builtins: bool = True) -> str:
    """A valid, non-keyword Python identifier for ``name``.

    Illegal characters become ``_``, a leading digit gets a ``field_`` prefix, keywords (and the
    names in ``avoid``) get a trailing ``_``; builtins too unless ``allow_builtins``.
    """
    text = re.sub(r"[^0-9A-Za-z_]", "_", name)
    if not text or not re.search(r"[A-Za-z0-9]", text):
        text = "field_" + "_".join(f"{ord(ch):x}" for ch in name) if name else "field"
    if text[0].isdigit():
        text = "field_" + text
    while keyword.iskeyword(text) or text in avoid or (not allow_builtins and text in _BUILTINS):
        text += "_"
    return text


def safe_class_name(name: str) -> str:
    """A PascalCase class name that cannot clash with what the generated modules import."""
    text = pascal_case(name) or "Model"
    if text[0].isdigit():
        text = "Model" + text
    if keyword.iskeyword(text) or text in RESERVED_CLASS_NAMES or text in _BUILTINS:
        text += "Model"
    return text
