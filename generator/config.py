"""The small generator config that sits beside the spec (``spec/generator.yaml``).

It names what the spec cannot: the Python package, the client class, environment variable prefix,
package version, runtime defaults and the pagination schemes operations refer to with
``x-sdk-pagination``.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from pathlib import Path

from .errors import Location, SpecError, SpecErrors
from .loader import Document, load_document
from .naming import SpecNames, default_names

__all__ = [
    "Config",
    "PaginationScheme",
    "PaginationKind",
    "PAGINATION_KINDS",
    "pagination_scheme",
    "resolve_pagination",
    "load_config",
    "default_config",
    "find_project_root",
    "project_config_path",
    "load_spec_config",
    "PROJECT_SPEC",
    "PROJECT_CONFIG",
]

PROJECT_SPEC = Path("spec") / "openapi.yaml"
PROJECT_CONFIG = Path("spec") / "generator.yaml"
"""Where a client project (this repository, or one ``sdkgen init`` made) keeps its spec and config."""


def find_project_root(start: Path | None = None) -> Path | None:
    """The nearest directory, from ``start`` (default: the working directory) up, holding
    ``spec/generator.yaml`` or ``spec/openapi.yaml``; ``None`` outside any project."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / PROJECT_CONFIG).is_file() or (directory / PROJECT_SPEC).is_file():
            return directory
    return None


def project_config_path(start: Path | None = None) -> Path | None:
    """The project's ``spec/generator.yaml`` found from ``start`` (default: the working directory)
    up, or ``None``: what ``lint`` and ``diff`` use for a spec that has no config beside it."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / PROJECT_CONFIG).is_file():
            return directory / PROJECT_CONFIG
    return None


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_VERSION = re.compile(r"^[0-9]+(\.[0-9]+)*((a|b|rc)[0-9]+)?(\.post[0-9]+)?(\.dev[0-9]+)?$")
"""A public version as PEP 440 spells it canonically: the generated pyproject.toml carries it."""


PaginationKind = Literal["cursor", "offset", "page", "next_url", "link_header"]
PAGINATION_KINDS: tuple[PaginationKind, ...] = ("cursor", "offset", "page", "next_url", "link_header")

_DEFAULT_CLASS = {
    "cursor": "CursorPage",
    "offset": "OffsetPage",
    "page": "PageNumberPage",
    "next_url": "NextUrlPage",
    "link_header": "LinkHeaderPage",
}


@dataclass(frozen=True)
class PaginationScheme:
    """How one family of list endpoints pages: where the items are and how the next page is asked for.

    ``kind``: ``cursor`` (the response's ``cursor_field`` goes back as ``cursor_param``), ``offset``
    (``offset_param`` advances by the items received; ``total_field``, if set, is the item count),
    ``page`` (``page_param`` counts up from ``first_page``; ``total_pages_field``, if set, the page
    count), ``next_url`` (the response's ``next_url_field`` is the URL of the next page) or
    ``link_header`` (the ``Link`` response header's ``rel="next"`` URL, RFC 8288).
    """

    name: str
    class_name: str
    """Base name of the page classes: ``Sync{class_name}`` and ``Async{class_name}``."""
    items_field: str = "data"
    cursor_field: str = "next_page"
    cursor_param: str = "next_page"
    limit_param: str | None = "limit"
    kind: PaginationKind = "cursor"
    offset_param: str = "offset"
    page_param: str = "page"
    first_page: int = 1
    next_url_field: str = "next"
    total_field: str | None = None
    total_pages_field: str | None = None

    def response_fields(self) -> list[tuple[str, tuple[str, ...], str]]:
        """The response's fields this scheme reads besides the items: (name, JSON types, role)."""
        fields: list[tuple[str, tuple[str, ...], str]] = []
        if self.kind == "cursor":
            fields.append((self.cursor_field, ("string", "integer", "null"), "cursor"))
        elif self.kind == "next_url":
            fields.append((self.next_url_field, ("string", "null"), "next-page URL"))
        if self.kind == "offset" and self.total_field:
            fields.append((self.total_field, ("integer", "null"), "total"))
        if self.kind == "page" and self.total_pages_field:
            fields.append((self.total_pages_field, ("integer", "null"), "page count"))
        return fields

    def query_params(self) -> list[tuple[str, tuple[str, ...], str]]:
        """The query parameters an operation of this scheme declares: (name, JSON types, role)."""
        params: list[tuple[str, tuple[str, ...], str]] = []
        if self.kind == "cursor":
            params.append((self.cursor_param, ("string", "integer"), "cursor"))
        elif self.kind == "offset":
            params.append((self.offset_param, ("integer",), "offset"))
        elif self.kind == "page":
            params.append((self.page_param, ("integer",), "page"))
        if self.limit_param is not None:
            params.append((self.limit_param, ("integer",), "limit"))
        return params


@dataclass(frozen=True)
class Config:
    package_name: str
    client_name: str
    env_prefix: str
    version: str = "0.1.0"
    max_retries: int = 2
    timeout_seconds: float = 60.0
    connect_timeout_seconds: float = 5.0
    idempotency_header: str = "Idempotency-Key"
    base_url: str | None = None
    pagination: dict[str, PaginationScheme] = field(default_factory=dict)


_TOP_KEYS: dict[str, type | tuple[type, ...]] = {
    "package_name": str,
    "client_name": str,
    "env_prefix": str,
    "version": str,
    "max_retries": int,
    "timeout_seconds": (int, float),
    "connect_timeout_seconds": (int, float),
    "idempotency_header": str,
    "base_url": str,
    "pagination": dict,
}
_SCHEME_KEYS: dict[str, type | tuple[type, ...]] = {
    "class_name": str,
    "items_field": str,
    "cursor_field": str,
    "cursor_param": str,
    "limit_param": (str, type(None)),
    "kind": str,
    "offset_param": str,
    "page_param": str,
    "first_page": int,
    "next_url_field": str,
    "total_field": (str, type(None)),
    "total_pages_field": (str, type(None)),
    "scheme": str,
}
"""Keys of a pagination scheme (``scheme``: only in an ``x-sdk-pagination`` mapping, the
configured scheme it starts from)."""


def _words(text: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    return [word for word in re.split(r"[^A-Za-z0-9]+", spaced) if word]


def default_config(title: str | SpecNames) -> Config:
    """What a spec without a config file gets: the names ``naming.default_names`` derives from the
    spec's title (or its server's host), e.g. ``github_client``, ``GitHub``, ``GITHUB``."""
    names = title if isinstance(title, SpecNames) else SpecNames(title)
    package, client, prefix = default_names(names)
    return Config(package_name=package, client_name=client, env_prefix=prefix)


def load_config(
    path: Path, *, title: str | SpecNames, name: str | None = None, required: bool = False
) -> Config:
    """Load and check the config.

    An absent file means the defaults derived from the title, unless the caller named the file
    explicitly (``required``): then a typo must not silently fall back to defaults.
    """
    if not path.exists():
        if required:
            raise SpecErrors([SpecError("config file not found", Location(name or str(path)), rule="config")])
        return default_config(title)
    doc = load_document(path, name)
    return parse_config(doc, title=title)


def load_spec_config(spec: Path, config: Path | None = None) -> Config:
    """The config generation uses for ``spec``: ``config`` (must exist), else the generator.yaml
    beside the spec, else the defaults from its title. Reads only the spec's ``info``; no
    validation beyond what the config needs (for tools and tests that want the package's names)."""
    doc = load_document(spec)
    title = SpecNames.of(doc.data)
    path = config if config is not None else spec.with_name("generator.yaml")
    return load_config(path, title=title, name=str(path), required=config is not None)


def parse_config(doc: Document, *, title: str | SpecNames) -> Config:
    errors: list[SpecError] = []
    data = doc.data
    defaults = default_config(title)
    for key, value in data.items():
        expected = _TOP_KEYS.get(key)
        if expected is None:
            errors.append(
                doc.error(
                    f"/{key}",
                    f"unknown config key {key!r} (known: {', '.join(sorted(_TOP_KEYS))})",
                    rule="config",
                )
            )
        elif not isinstance(value, expected) or isinstance(value, bool):
            errors.append(
                doc.error(f"/{key}", f"{key} has the wrong type: {type(value).__name__}", rule="config")
            )
    if errors:
        raise SpecErrors(errors)
    package = str(data.get("package_name", defaults.package_name))
    if not _IDENTIFIER.match(package) or keyword.iskeyword(package) or package.startswith("_"):
        errors.append(
            doc.error(
                "/package_name", f"package_name {package!r} is not a valid Python package name", rule="config"
            )
        )
    client = str(data.get("client_name", defaults.client_name))
    if not _IDENTIFIER.match(client) or keyword.iskeyword(client) or client.startswith("_"):
        errors.append(
            doc.error(
                "/client_name", f"client_name {client!r} is not a valid Python class name", rule="config"
            )
        )
    prefix = str(data.get("env_prefix", defaults.env_prefix))
    if not re.match(r"^[A-Z][A-Z0-9_]*$", prefix):
        errors.append(
            doc.error(
                "/env_prefix",
                f"env_prefix {prefix!r} must be upper-case letters, digits and _",
                rule="config",
            )
        )
    version = str(data.get("version", "0.1.0"))
    if not _VERSION.match(version):
        errors.append(
            doc.error(
                "/version",
                f"version {version!r} is not a release version such as 1.2.0, 1.2.0rc1 or 1.2.0.dev3",
                rule="config",
            )
        )
    max_retries = int(data.get("max_retries", 2))
    if max_retries < 0:
        errors.append(doc.error("/max_retries", "max_retries must not be negative", rule="config"))
    schemes: dict[str, PaginationScheme] = {}
    for scheme_name, raw in dict(data.get("pagination", {})).items():
        where = f"/pagination/{scheme_name}"
        if isinstance(raw, dict) and "scheme" in raw:
            errors.append(
                doc.error(f"{where}/scheme", "`scheme` belongs in x-sdk-pagination only", rule="config")
            )
            continue
        scheme, problems = pagination_scheme(str(scheme_name), raw)
        errors.extend(doc.error(f"{where}{sub}", message, rule="config") for sub, message in problems)
        if scheme is not None:
            schemes[str(scheme_name)] = scheme
    if errors:
        raise SpecErrors(errors)
    timeout = float(data.get("timeout_seconds", 60.0))
    connect = float(data.get("connect_timeout_seconds", 5.0))
    return Config(
        package_name=package,
        client_name=client,
        env_prefix=prefix,
        version=version,
        max_retries=max_retries,
        timeout_seconds=timeout,
        connect_timeout_seconds=connect,
        idempotency_header=str(data.get("idempotency_header", "Idempotency-Key")),
        base_url=data.get("base_url"),
        pagination=schemes,
    )


def pagination_scheme(
    name: str, raw: object, base: PaginationScheme | None = None
) -> tuple[PaginationScheme | None, list[tuple[str, str]]]:
    """A pagination scheme from its mapping (config or ``x-sdk-pagination``), on top of ``base``;
    or ``None`` and the problems: (pointer below the mapping, message)."""
    if not isinstance(raw, dict):
        return None, [("", "a pagination scheme must be a mapping")]
    problems: list[tuple[str, str]] = []
    for key, value in raw.items():
        expected = _SCHEME_KEYS.get(key)
        if expected is None:
            problems.append(
                (f"/{key}", f"unknown pagination key {key!r} (known: {', '.join(sorted(_SCHEME_KEYS))})")
            )
        elif not isinstance(value, expected) or (isinstance(value, bool) and expected is int):
            problems.append((f"/{key}", f"{key} has the wrong type: {type(value).__name__}"))
    kind = raw.get("kind", base.kind if base else "cursor")
    if kind not in PAGINATION_KINDS:
        problems.append(("/kind", f"unknown pagination kind {kind!r}; known: {', '.join(PAGINATION_KINDS)}"))
    if problems:
        return None, problems
    defaults: dict[str, Any] = {"limit_param": "limit" if kind in ("cursor", "offset") else None}
    if base is not None and kind == base.kind:
        defaults = {key: getattr(base, key) for key in _SCHEME_KEYS if hasattr(base, key)}
    settings: dict[str, Any] = {**defaults, **{k: v for k, v in raw.items() if k != "scheme"}}
    settings["kind"] = kind
    class_name = str(
        settings.get("class_name")
        or (
            "".join(w.capitalize() for w in _words(name)) + "Page"
            if base is None and name
            else _DEFAULT_CLASS[kind]
        )
    )
    settings["class_name"] = class_name
    if not _IDENTIFIER.match(class_name):
        return None, [("/class_name", f"class_name {class_name!r} is not a valid class name")]
    if settings.get("first_page", 1) < 0:
        return None, [("/first_page", "first_page must not be negative")]
    return PaginationScheme(name=name, **settings), []


def resolve_pagination(config: Config, value: object) -> tuple[PaginationScheme | None, str]:
    """The scheme an operation's ``x-sdk-pagination`` names (a configured scheme's name) or
    describes (a mapping of the same keys, optionally ``scheme: <name>`` to start from); else
    ``None`` and what is wrong."""
    if isinstance(value, str):
        found = config.pagination.get(value)
        if found is None:
            known = ", ".join(sorted(config.pagination)) or "none configured"
            return None, f"unknown pagination scheme {value!r} (known: {known})"
        return found, ""
    if not isinstance(value, dict):
        return None, "x-sdk-pagination must be a scheme name or a mapping"
    base: PaginationScheme | None = None
    if "scheme" in value:
        base = config.pagination.get(str(value["scheme"]))
        if base is None:
            known = ", ".join(sorted(config.pagination)) or "none configured"
            return None, f"unknown pagination scheme {value['scheme']!r} (known: {known})"
    name = base.name if base is not None else ""
    scheme, problems = pagination_scheme(name, value, base)
    if scheme is None:
        return None, "; ".join(f"{message}" for _, message in problems)
    if base is not None and scheme == base:
        return base, ""
    return replace(scheme, name=scheme.class_name), ""
