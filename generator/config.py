"""The small generator config that sits beside the spec (``spec/generator.yaml``).

It names what the spec cannot: the Python package, the client class, environment variable prefix,
package version, runtime defaults and the pagination schemes operations refer to with
``x-sdk-pagination``.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Location, SpecError, SpecErrors
from .loader import Document, load_document
from .naming import SpecNames, default_names

__all__ = [
    "Config",
    "PaginationScheme",
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


@dataclass(frozen=True)
class PaginationScheme:
    """How one family of list endpoints pages: where the items and the next cursor are."""

    name: str
    class_name: str
    """Base name of the page classes: ``Sync{class_name}`` and ``Async{class_name}``."""
    items_field: str = "data"
    cursor_field: str = "next_page"
    cursor_param: str = "next_page"
    limit_param: str | None = "limit"


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
}


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
        if not isinstance(raw, dict):
            errors.append(doc.error(where, "a pagination scheme must be a mapping", rule="config"))
            continue
        bad = False
        for key, value in raw.items():
            expected = _SCHEME_KEYS.get(key)
            if expected is None:
                errors.append(
                    doc.error(
                        f"{where}/{key}",
                        f"unknown pagination key {key!r} (known: {', '.join(sorted(_SCHEME_KEYS))})",
                        rule="config",
                    )
                )
                bad = True
            elif not isinstance(value, expected):
                errors.append(
                    doc.error(
                        f"{where}/{key}", f"{key} has the wrong type: {type(value).__name__}", rule="config"
                    )
                )
                bad = True
        if raw.get("kind", "cursor") != "cursor":
            errors.append(
                doc.error(
                    f"{where}/kind",
                    f"unsupported pagination kind {raw.get('kind')!r}; supported: cursor",
                    rule="config",
                )
            )
            bad = True
        class_name = str(
            raw.get("class_name", "".join(w.capitalize() for w in _words(str(scheme_name))) + "Page")
        )
        if not _IDENTIFIER.match(class_name):
            errors.append(
                doc.error(
                    f"{where}/class_name",
                    f"class_name {class_name!r} is not a valid class name",
                    rule="config",
                )
            )
            bad = True
        if bad:
            continue
        schemes[str(scheme_name)] = PaginationScheme(
            name=str(scheme_name),
            class_name=class_name,
            items_field=str(raw.get("items_field", "data")),
            cursor_field=str(raw.get("cursor_field", "next_page")),
            cursor_param=str(raw.get("cursor_param", "next_page")),
            limit_param=raw.get("limit_param", "limit"),
        )
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
