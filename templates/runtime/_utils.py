"""Helpers the generated resources call: path building, argument checks and query encoding."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Iterable, Mapping, Union, cast
from urllib.parse import quote

from ._types import NotGiven

__all__ = ["ArgumentError", "build_path", "format_datetime", "format_scalar", "json_default", "encode_query"]


class ArgumentError(ValueError):
    """An argument passed to a client method is missing, of the wrong type or out of range.

    Raised before any request is sent. The message names the method and every offending argument.
    """


def build_path(template: str, method: str, values: Mapping[str, object]) -> str:
    """Fill the ``{name}`` placeholders of a path template with percent-encoded values.

    Placeholders are replaced by name, whatever characters the name holds. An empty value would
    silently address a different endpoint, so it is refused, as is a missing one.
    """
    encoded: dict[str, str] = {}
    for name, value in values.items():
        if isinstance(value, NotGiven) or value is None:
            raise ArgumentError(f"{method}(): missing required path argument `{name}`")
        text = format_scalar(value)
        if not text:
            raise ArgumentError(f"{method}(): expected a non-empty value for path argument `{name}`, got {value!r}")
        segment = quote(text, safe="")
        if segment in (".", ".."):
            # A bare dot segment would be resolved away by the URL layer and address another endpoint.
            segment = segment.replace(".", "%2E")
        encoded[name] = segment

    def fill(match: re.Match[str]) -> str:
        return encoded.get(match.group(1), match.group(0))

    return _PLACEHOLDER.sub(fill, template)


_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def format_datetime(value: datetime) -> str:
    """RFC 3339 in UTC with a ``Z`` suffix. A naive datetime is taken to be UTC already."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    else:
        value = value.astimezone(timezone.utc)
    text = value.isoformat()
    if text.endswith("+00:00"):
        text = text[:-6] + "Z"
    return text


def json_default(value: object) -> object:
    """``json.dumps`` fallback for values passed through ``extra_body``: datetimes and dates."""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    raise ArgumentError(f"cannot send a {type(value).__name__} as JSON: {value!r}")


def format_scalar(value: object) -> str:
    """A value as it appears in a path, query or header: ``true``/``false``, RFC 3339, or ``str``."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


QueryPair = tuple[str, Union[str, int, float, bool, None]]


def encode_query(params: Mapping[str, object]) -> list[QueryPair]:
    """Turn query values into the pairs the server expects.

    Booleans become ``true``/``false``, datetimes RFC 3339 with ``Z``, sequences repeat the key
    (OpenAPI's default ``form``/``explode`` style), mappings become ``key[sub]``. ``None`` and
    ``NOT_GIVEN`` values are left out.
    """
    pairs: list[QueryPair] = []
    for key, value in params.items():
        _encode_into(pairs, key, value)
    return pairs


def _encode_into(pairs: list[QueryPair], key: str, value: object) -> None:
    if value is None or isinstance(value, NotGiven):
        return
    if isinstance(value, Mapping):
        for sub_key, sub_value in cast(Mapping[str, object], value).items():
            _encode_into(pairs, f"{key}[{sub_key}]", sub_value)
        return
    if isinstance(value, (list, tuple, set, frozenset)):
        members = cast(Iterable[object], value)
        items: Iterable[object] = sorted(members, key=str) if isinstance(value, (set, frozenset)) else members
        for item in items:
            _encode_into(pairs, key, item)
        return
    pairs.append((key, format_scalar(value)))
