"""Every error the client raises.

``BodiesError`` is the root. ``APIStatusError`` and its subclasses carry the HTTP
status, headers and body of a non-2xx response; ``APIConnectionError`` and ``APITimeoutError``
mean no usable response arrived; ``APIResponseValidationError`` means a response did not match
the schema the client expected.
"""

from __future__ import annotations

import json
from typing import Any, Final, cast

import httpx

__all__ = [
    "BodiesError",
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
]


class BodiesError(Exception):
    """Base class of every error raised by this client."""


class MissingCredentialsError(BodiesError):
    """The client holds no credentials that would do for a call (nothing was sent), or could not get
    a token for them. The message names the arguments and environment variables that would do; it
    never holds a credential."""


class APIError(BodiesError):
    """An error tied to an HTTP request."""

    message: str
    request: httpx.Request
    body: object | None
    """The decoded JSON body of the response, the raw text when it was not JSON, or ``None``."""

    def __init__(self, message: str, request: httpx.Request, *, body: object | None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body

    def __str__(self) -> str:
        return self.message


class APIStatusError(APIError):
    """The server answered with a non-2xx status."""

    response: httpx.Response
    status_code: int
    headers: httpx.Headers

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers

    @property
    def request_id(self) -> str | None:
        """The request id the server sent back, when it sent one."""
        value: str | None = self.headers.get("x-request-id") or self.headers.get("request-id")
        return value


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class InternalServerError(APIStatusError):
    """HTTP 5xx."""


class APIConnectionError(APIError):
    """The request could not be sent or the response could not be read."""

    def __init__(self, request: httpx.Request, *, message: str = "Connection error.") -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, request: httpx.Request, *, message: str = "Request timed out.") -> None:
        super().__init__(request, message=message)


class APIResponseValidationError(APIError):
    """A successful response whose body could not be used: not JSON at all (empty, truncated), or,
    on a client with ``strict_response_validation=True``, JSON that does not match the spec.

    ``body`` is the decoded JSON, or the whole text when it is not JSON; ``response.content`` keeps
    the bytes. ``drift`` lists where the body did not match the spec (empty when it is not JSON).
    """

    response: httpx.Response
    status_code: int
    drift: tuple[Any, ...]

    def __init__(
        self, response: httpx.Response, *, message: str, body: object | None, drift: tuple[Any, ...] = ()
    ) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.drift = drift


_STATUS_ERRORS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def decode_body(response: httpx.Response) -> object | None:
    """A read response's body as errors carry it: decoded JSON, else the whole text, ``None`` if empty."""
    if not response.content:
        return None
    try:
        decoded: object = json.loads(response.content)
    except ValueError:
        return response.text
    return decoded


def _detail(body: object) -> object:
    if isinstance(body, dict):
        fields = cast(dict[str, Any], body)
        found: object = fields.get("message") or fields.get("error")
        return found
    if isinstance(body, str) and body.strip():
        return body.strip()[:500]
    return None


def make_status_error(response: httpx.Response) -> APIStatusError:
    """Build the typed error for a non-2xx response whose body has been read."""
    body = decode_body(response)
    detail = _detail(body)
    message = f"HTTP {response.status_code} from {response.request.method} {response.request.url.path}"
    if detail:
        message = f"{message}: {detail}"
    status = response.status_code
    error_class = _STATUS_ERRORS.get(status)
    if error_class is None:
        error_class = InternalServerError if status >= 500 else APIStatusError
    return error_class(message, response=response, body=body)
