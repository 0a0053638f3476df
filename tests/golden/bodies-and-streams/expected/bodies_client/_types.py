"""Small shared types: the "not given" sentinel, header omission, timeouts and per-call options."""

from __future__ import annotations

from typing import Final, Literal, Mapping, TypeVar, Union

import httpx

__all__ = [
    "NOT_GIVEN",
    "NotGiven",
    "Omit",
    "omit",
    "Headers",
    "Query",
    "Body",
    "Timeout",
]

_T = TypeVar("_T")


class NotGiven:
    """Marks an argument the caller did not pass.

    It is distinct from ``None``: for a nullable field ``None`` is sent as JSON ``null``, and for
    ``timeout`` it means "no timeout", while ``NOT_GIVEN`` means "use the default / leave it out".
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


class Omit:
    """Pass as a header value in ``extra_headers`` or ``default_headers`` to remove that header."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"


omit: Final = Omit()

Headers = Mapping[str, Union[str, Omit]]
Query = Mapping[str, object]
Body = Mapping[str, object]
Timeout = Union[float, httpx.Timeout, None]
