"""
Python client for the Notes.

Generated from the OpenAPI spec; do not edit. Start with ``Notes`` (or ``AsyncNotes``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._constants import VERSION as __version__

if TYPE_CHECKING:
    from . import types as types
    from ._client import AsyncNotes as AsyncNotes
    from ._client import Notes as Notes
    from ._exceptions import APIConnectionError as APIConnectionError
    from ._exceptions import APIError as APIError
    from ._exceptions import APIResponseValidationError as APIResponseValidationError
    from ._exceptions import APIStatusError as APIStatusError
    from ._exceptions import APITimeoutError as APITimeoutError
    from ._exceptions import AuthenticationError as AuthenticationError
    from ._exceptions import BadRequestError as BadRequestError
    from ._exceptions import ConflictError as ConflictError
    from ._exceptions import InternalServerError as InternalServerError
    from ._exceptions import MissingCredentialsError as MissingCredentialsError
    from ._exceptions import NotesError as NotesError
    from ._exceptions import NotFoundError as NotFoundError
    from ._exceptions import PermissionDeniedError as PermissionDeniedError
    from ._exceptions import RateLimitError as RateLimitError
    from ._exceptions import UnprocessableEntityError as UnprocessableEntityError
    from ._files import BinaryContent as BinaryContent
    from ._files import FileTypes as FileTypes
    from ._models import BaseModel as BaseModel
    from ._response import APIResponse as APIResponse
    from ._response import AsyncAPIResponse as AsyncAPIResponse
    from ._response import BinaryResponse as BinaryResponse
    from ._streaming import AsyncStream as AsyncStream
    from ._streaming import ServerSentEvent as ServerSentEvent
    from ._streaming import Stream as Stream
    from ._types import NOT_GIVEN as NOT_GIVEN
    from ._types import NotGiven as NotGiven
    from ._types import Omit as Omit
    from ._types import omit as omit
    from ._auth import AsyncTokenProvider as AsyncTokenProvider
    from ._auth import TokenProvider as TokenProvider
    from ._utils import ArgumentError as ArgumentError

__all__ = [
    "__version__",
    "types",
    "Notes",
    "AsyncNotes",
    "NotesError",
    "APIError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "MissingCredentialsError",
    "ArgumentError",
    "TokenProvider",
    "AsyncTokenProvider",
    "BaseModel",
    "APIResponse",
    "AsyncAPIResponse",
    "BinaryResponse",
    "Stream",
    "AsyncStream",
    "ServerSentEvent",
    "FileTypes",
    "BinaryContent",
    "NOT_GIVEN",
    "NotGiven",
    "Omit",
    "omit",
]

# Names load on first use, so ``import notes_client`` costs almost nothing.
_LAZY = {
    "Notes": "._client",
    "AsyncNotes": "._client",
    "NotesError": "._exceptions",
    "APIError": "._exceptions",
    "APIStatusError": "._exceptions",
    "BadRequestError": "._exceptions",
    "AuthenticationError": "._exceptions",
    "PermissionDeniedError": "._exceptions",
    "NotFoundError": "._exceptions",
    "ConflictError": "._exceptions",
    "UnprocessableEntityError": "._exceptions",
    "RateLimitError": "._exceptions",
    "InternalServerError": "._exceptions",
    "APIConnectionError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "APIResponseValidationError": "._exceptions",
    "MissingCredentialsError": "._exceptions",
    "ArgumentError": "._utils",
    "TokenProvider": "._auth",
    "AsyncTokenProvider": "._auth",
    "BaseModel": "._models",
    "APIResponse": "._response",
    "AsyncAPIResponse": "._response",
    "BinaryResponse": "._response",
    "Stream": "._streaming",
    "AsyncStream": "._streaming",
    "ServerSentEvent": "._streaming",
    "FileTypes": "._files",
    "BinaryContent": "._files",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
    "Omit": "._types",
    "omit": "._types",
}


def __getattr__(name: str) -> Any:
    if name == "types":
        import importlib

        return importlib.import_module(".types", __name__)
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
