"""Turning names from the spec into safe Python names, once, for the intermediate model.

Every generated name is a function of the one thing it names and of nothing else in the spec, so
adding or removing an unrelated operation or schema renames nothing (README: "How names are made"):

* a resource class is its whole resource path in PascalCase (``v1.customers.invoices`` ->
  ``V1CustomersInvoicesResource``), see ``resource_class_name``;
* the types made for one operation (its ``*Args``, inline request objects, an inline response)
  start with its resource path and method name (``V1CustomersInvoicesList``), see
  ``operation_type_name``;
* a schema of ``components.schemas`` keeps its own name; an object written inline is named after
  where it sits: its owner's name and the property (``Invoice`` + ``payer`` -> ``InvoicePayer``),
  ``Item`` for array items, ``Value`` for map values, ``Variant<n>`` for union members, see
  ``member_name``.

Two things that would get the same name are an error for the spec's author to resolve, never a
number appended to whichever came second.
"""

from __future__ import annotations

import builtins
import keyword
import functools
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "snake_case",
    "pascal_case",
    "safe_identifier",
    "safe_class_name",
    "resource_class_name",
    "operation_type_name",
    "member_name",
    "RESERVED_CLASS_NAMES",
    "SpecNames",
    "default_names",
    "name_words",
]

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


_LOWER_UPPER = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
"""Between a lower-case letter or digit and a capital: ``listInvoices``."""
_UPPER_RUN = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")
"""Before the last capital of a run that starts a word: ``PDFFile``."""
_SEPARATORS = re.compile(r"[^A-Za-z0-9]+")


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    text = _UPPER_RUN.sub(" ", _LOWER_UPPER.sub(" ", text))
    return tuple(word for word in _SEPARATORS.split(text) if word)


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


def resource_class_name(path: tuple[str, ...]) -> str:
    """The class of the resource at ``path``: every segment, so ``("v1", "invoices")`` -> ``V1InvoicesResource``.

    Async and wrapper classes derive from it (``AsyncV1InvoicesResource``,
    ``V1InvoicesResourceWithRawResponse``...).
    """
    return "".join(pascal_case(part) for part in path) + "Resource"


def operation_type_name(resource_path: tuple[str, ...], method_name: str) -> str:
    """The stem of the types made for one operation: its resource path and method name.

    ``(("v1", "invoices"), "list")`` -> ``V1InvoicesList``, giving ``V1InvoicesListArgs``,
    ``V1InvoicesListResponse`` (an inline response schema) and so on.
    """
    return "".join(pascal_case(part) for part in (*resource_path, method_name)) or "Operation"


def member_name(owner: str, member: str | int, kind: str) -> str:
    """The name of a schema written inline inside the schema named ``owner``.

    ``kind`` says where it sits: ``property`` (``member`` is the property name), ``items`` (an
    array's items), ``value`` (a map's values), ``variant`` (``member`` is the index in
    ``anyOf``/``oneOf``; a union with one member besides ``null`` passes its owner's name on
    instead).
    """
    if kind == "property":
        return owner + (pascal_case(str(member)) or pascal_case(safe_identifier(str(member))))
    if kind == "items":
        return owner + "Item"
    if kind == "value":
        return owner + "Value"
    if kind == "variant":
        return f"{owner}Variant{member}"
    raise ValueError(f"unknown member kind {kind!r}")


# ------------------------------------------------------------------------------------------------
# The default package and client names (what a spec without a ``generator.yaml`` gets).

MAX_NAME_WORDS = 2
"""A default name takes at most this many words of the title."""
MAX_PACKAGE_LENGTH = 30
"""A default package name (``_client`` included) is at most this long."""

_TITLE_NOISE = frozenset(
    {
        "a",
        "an",
        "and",
        "api",
        "apis",
        "definition",
        "description",
        "documentation",
        "extension",
        "extensions",
        "for",
        "http",
        "interface",
        "of",
        "official",
        "openapi",
        "public",
        "rest",
        "restful",
        "sdk",
        "spec",
        "specification",
        "swagger",
        "the",
        "to",
        "web",
    }
)
"""Words of a title that say what the document is rather than whose API it is."""
_HOST_NOISE = frozenset({"api", "apis", "www", "rest", "gateway", "service", "dev", "prod", "sandbox"})
_TITLE_SEPARATOR = re.compile(r"\s[-+|/:\u2013\u2014]\s|[(\[:|+,;]")
"""Where a title's name ends and the rest begins (``Swagger Petstore - OpenAPI 3.0``)."""


@dataclass(frozen=True)
class SpecNames:
    """What default names are made from: the spec's ``info.title``, the host of its first server,
    and the names its component schemas take as classes (a client must not be named like one)."""

    title: str
    host: str | None = None
    taken: frozenset[str] = frozenset()

    @classmethod
    def of(cls, data: dict[str, Any]) -> SpecNames:
        info = data.get("info")
        title = str(info.get("title", "")) if isinstance(info, dict) else ""
        servers = data.get("servers")
        url = (
            servers[0].get("url")
            if isinstance(servers, list) and servers and isinstance(servers[0], dict)
            else None
        )
        host = urlsplit(url).hostname if isinstance(url, str) and "//" in url else None
        components = data.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        taken = (
            frozenset(safe_class_name(str(name)) for name in schemas)
            if isinstance(schemas, dict)
            else frozenset()
        )
        return cls(title, host, taken)


def name_words(names: SpecNames) -> list[str]:
    """The words default names are made of: the first meaningful words of the title (before a
    separator such as `` - `` or ``+``, without words like "API", "official", "spec" or versions,
    possessives dropped), else the main label of the server's host, else ``api``."""
    head = _TITLE_SEPARATOR.split(names.title, maxsplit=1)[0]
    words = []
    for token in re.findall(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?", head):
        word = re.sub(r"['\u2019][A-Za-z]+$", "", token)
        if word.lower() in _TITLE_NOISE or re.fullmatch(r"v?\d+", word.lower()):
            continue
        words.append(word)
    if not words and names.host:
        labels = [label for label in names.host.split(".") if label and not label.isdigit()]
        main = [label for label in labels[:-1] if label.lower() not in _HOST_NOISE]
        words = [w for w in re.split(r"[^A-Za-z0-9]+", main[-1]) if w] if main else []
    words = words[:MAX_NAME_WORDS] or ["api"]
    while len(words) > 1 and len("_".join(words)) + len("_client") > MAX_PACKAGE_LENGTH:
        words.pop()
    limit = MAX_PACKAGE_LENGTH - len("_client")
    return [words[0][:limit], *words[1:]]


def default_names(names: SpecNames) -> tuple[str, str, str]:
    """(package, client class, environment prefix) for a spec without those in its config:
    ``GitHub's official OpenAPI spec + Octokit extension`` gives ``github_client``, ``GitHub``,
    ``GITHUB``. A client that would be named like a model class gets ``Client`` appended."""
    words = name_words(names)
    package = "_".join(word.lower() for word in words) + "_client"
    if package[0].isdigit():
        package = "api_" + package
    client = "".join(word[:1].upper() + word[1:] for word in words)
    if client[0].isdigit():
        client = "Api" + client
    if client in names.taken or "Async" + client in names.taken or keyword.iskeyword(client):
        client += "Client"
    prefix = "_".join(word.upper() for word in words)
    if prefix[0].isdigit():
        prefix = "API_" + prefix
    return package, client, prefix
