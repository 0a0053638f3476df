"""Helpers the generated resources call: path building, argument checks and query encoding."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timezone
from typing import Final, Iterable, Mapping, Union, cast
from urllib.parse import quote

from ._types import NotGiven

__all__ = [
    "ArgumentError",
    "MAX_PATH_ARGUMENT_LENGTH",
    "build_path",
    "check_credential",
    "check_header",
    "find_non_finite",
    "format_datetime",
    "format_scalar",
    "json_default",
    "encode_query",
]

MAX_PATH_ARGUMENT_LENGTH: Final = 2048
"""Longest a path argument may be once percent-encoded, in characters.

Servers and proxies commonly refuse a request line longer than 8 KiB (HTTP 414) and httpx refuses
URLs past 64 KiB; an identifier is far shorter than either. A longer value is refused before
anything is sent, naming the argument, rather than failing somewhere on the way.
"""


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
            raise ArgumentError(
                f"{method}(): expected a non-empty value for path argument `{name}`, got {value!r}"
            )
        try:
            segment = quote(text, safe="")
        except UnicodeEncodeError:  # a lone surrogate: not text that UTF-8 (or any URL) can carry
            raise ArgumentError(
                f"{method}(): path argument `{name}` cannot be sent: it is not valid Unicode text"
            ) from None
        if len(segment) > MAX_PATH_ARGUMENT_LENGTH:
            raise ArgumentError(
                f"{method}(): path argument `{name}` is too long to send: {len(segment)} characters "
                f"once percent-encoded, at most {MAX_PATH_ARGUMENT_LENGTH}"
            )
        if segment in (".", ".."):
            # A bare dot segment would be resolved away by the URL layer and address another endpoint.
            segment = segment.replace(".", "%2E")
        encoded[name] = segment

    def fill(match: re.Match[str]) -> str:
        return encoded.get(match.group(1), match.group(0))

    return _PLACEHOLDER.sub(fill, template)


_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
"""RFC 9110 ``token``: what a header name may be."""
_HEADER_VALUE = re.compile(r"(?:[\x21-\x7e](?:[ \t]*[\x21-\x7e])*)?")
"""Visible ASCII with inner spaces and tabs: what a header value given as ``str`` may be.

httpx encodes ``str`` header values as ASCII and h11 refuses line breaks, NUL and surrounding
whitespace; control characters are refused here too, since servers and proxies treat them unevenly.
"""


def _value_problem(value: object) -> str | None:
    """Why ``value`` cannot be an HTTP header value, or ``None`` when it can. Never quotes the value."""
    if not isinstance(value, str):
        return f"it is of type {type(value).__name__}, not str"
    if _HEADER_VALUE.fullmatch(value):
        return None
    if "\r" in value or "\n" in value:
        return "it contains a line break"
    if not value.isascii():
        return "it contains a character outside ASCII"
    if value != value.strip(" \t"):
        return "it starts or ends with whitespace"
    return "it contains a control character"


def check_header(name: object, value: object, where: str) -> None:
    """Refuse a header that cannot be sent as given, before anything is sent.

    ``where`` names the call (``resource.method()``, ``request()``, the client). A bad name is
    quoted; a value never is (headers carry secrets), only what is wrong with it.
    """
    if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
        raise ArgumentError(f"{where}: {str(name)[:100]!r} is not a valid HTTP header name")
    problem = _value_problem(value)
    if problem is not None:
        raise ArgumentError(
            f"{where}: the value of header {name!r} cannot be sent in an HTTP header: {problem}"
        )


def check_credential(value: object, what: str) -> None:
    """Refuse a token that cannot be sent in a header, without ever putting the token in the message."""
    problem = _value_problem(value)
    if problem is not None:
        hint = (
            " (a token read from a file often ends in a newline: strip it)" if "line break" in problem else ""
        )
        raise ArgumentError(f"{what} cannot be sent in an HTTP header: {problem}{hint}")


def find_non_finite(value: object, path: str = "") -> tuple[str, float] | None:
    """The first NaN or infinity inside JSON-like data, with its path (``a.b[0]``), or ``None``.

    Only used to explain a failure, so it may walk the whole value.
    """
    if isinstance(value, float):
        return None if math.isfinite(value) else (path, value)
    if isinstance(value, Mapping):
        for key, item in cast(Mapping[object, object], value).items():
            found = find_non_finite(item, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(cast(Iterable[object], value)):
            found = find_non_finite(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None


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
