"""The `Metronome` and `AsyncMetronome` clients."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, Mapping

import httpx
from typing_extensions import Self

from ._auth import AuthScheme, HTTPBearer
from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient
from ._constants import BASE_URL_ENV, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._exceptions import MissingCredentialsError
from ._types import NOT_GIVEN, NotGiven, Omit, Timeout
from ._utils import check_credential

if TYPE_CHECKING:
    from .resources.v1 import (
        V1Resource,
        V1ResourceWithRawResponse,
        V1ResourceWithStreamingResponse,
        AsyncV1Resource,
        AsyncV1ResourceWithRawResponse,
        AsyncV1ResourceWithStreamingResponse,
    )

__all__ = ["Metronome", "AsyncMetronome"]


def _resolve_settings(
    base_url: str | httpx.URL | None,
    timeout: Timeout | NotGiven,
    http_client: httpx.Client | httpx.AsyncClient | None,
) -> dict[str, Any]:
    if base_url is None:
        base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    return {
        "base_url": base_url,
        "timeout": _default_timeout(http_client) if isinstance(timeout, NotGiven) else timeout,
    }


def _credential(value: str | None, env: str, what: str, *, check: bool = True) -> str | None:
    """The credential given, else the environment variable's value, else ``None``. One that could
    not be sent is refused, with a message that never contains it."""
    if value is None:
        value = os.environ.get(env)
    if not value:
        return None
    if check:
        check_credential(value, f"{what} (or the {env} environment variable)")
    return value


def _default_timeout(http_client: httpx.Client | httpx.AsyncClient | None) -> Timeout:
    """Our default, unless the caller's own ``http_client`` was configured with a timeout of its own."""
    configured: object = getattr(http_client, "timeout", None)
    if isinstance(configured, httpx.Timeout) and configured != httpx.Timeout(5.0):
        return configured
    return DEFAULT_TIMEOUT


def _describe(client: BaseClient[Any]) -> str:
    return (
        f"{type(client).__name__}(base_url={str(client.base_url)!r}, max_retries={client.max_retries}, "
        f"timeout={client.timeout!r}, deadline={client.deadline!r})"
    )


class Metronome(SyncAPIClient):
    """
    Synchronous client of the Metronome API.

    Credentials come from ``bearer_token`` or the ``METRONOME_BEARER_TOKEN`` environment variable; the base URL from ``base_url``, ``METRONOME_BASE_URL``, or ``https://api.metronome.com``. Pass ``http_client`` to use your own httpx.Client (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    bearer_token: str
    default_security = (("bearerAuth",),)

    def __init__(
        self,
        *,
        bearer_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        bearer_token = _credential(bearer_token, "METRONOME_BEARER_TOKEN", "bearer_token")
        if bearer_token is None:
            raise MissingCredentialsError(
                "No credentials: pass bearer_token=... to the client or set the "
                "METRONOME_BEARER_TOKEN environment variable."
            )
        settings = _resolve_settings(base_url, timeout, http_client)
        self.bearer_token = bearer_token
        super().__init__(
            base_url=settings["base_url"],
            timeout=settings["timeout"],
            max_retries=max_retries,
            custom_headers=default_headers,
            custom_query=default_query,
            http_client=http_client,
            strict_response_validation=strict_response_validation,
            deadline=deadline,
        )

    def auth_schemes(self) -> dict[str, AuthScheme]:
        """The spec's security schemes with the credentials this client holds now."""
        return {
            "bearerAuth": HTTPBearer(
                "bearerAuth",
                self.bearer_token,
                hint="bearer_token=... (or the METRONOME_BEARER_TOKEN environment variable)",
            ),
        }

    def with_options(
        self,
        *,
        bearer_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with some settings changed, sharing its connection pool.

        Headers and query parameters are merged with this client's; closing the copy leaves the
        shared pool open. A mismatch already logged by this client is not logged again by the copy.
        """
        clone = type(self)(
            bearer_token=bearer_token or self.bearer_token,
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers={**self._custom_headers, **(default_headers or {})},
            default_query={**self._custom_query, **(default_query or {})},
            http_client=self._client,
            deadline=self.deadline if isinstance(deadline, NotGiven) else deadline,
        )
        strict = strict_response_validation
        clone._drift = self._drift.with_strict(self._drift.strict if isinstance(strict, NotGiven) else strict)
        return clone

    copy = with_options

    def __repr__(self) -> str:
        return _describe(self)

    @cached_property
    def with_raw_response(self) -> MetronomeWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return MetronomeWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> MetronomeWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return MetronomeWithStreamingResponse(self)

    @cached_property
    def v1(self) -> V1Resource:
        from .resources.v1 import V1Resource

        return V1Resource(self)


class MetronomeWithRawResponse:
    def __init__(self, client: Metronome) -> None:
        self._client = client

    @cached_property
    def v1(self) -> V1ResourceWithRawResponse:
        from .resources.v1 import V1ResourceWithRawResponse

        return V1ResourceWithRawResponse(self._client.v1)


class MetronomeWithStreamingResponse:
    def __init__(self, client: Metronome) -> None:
        self._client = client

    @cached_property
    def v1(self) -> V1ResourceWithStreamingResponse:
        from .resources.v1 import V1ResourceWithStreamingResponse

        return V1ResourceWithStreamingResponse(self._client.v1)


class AsyncMetronome(AsyncAPIClient):
    """
    Asynchronous client of the Metronome API.

    Credentials come from ``bearer_token`` or the ``METRONOME_BEARER_TOKEN`` environment variable; the base URL from ``base_url``, ``METRONOME_BASE_URL``, or ``https://api.metronome.com``. Pass ``http_client`` to use your own httpx.AsyncClient (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    bearer_token: str
    default_security = (("bearerAuth",),)

    def __init__(
        self,
        *,
        bearer_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        bearer_token = _credential(bearer_token, "METRONOME_BEARER_TOKEN", "bearer_token")
        if bearer_token is None:
            raise MissingCredentialsError(
                "No credentials: pass bearer_token=... to the client or set the "
                "METRONOME_BEARER_TOKEN environment variable."
            )
        settings = _resolve_settings(base_url, timeout, http_client)
        self.bearer_token = bearer_token
        super().__init__(
            base_url=settings["base_url"],
            timeout=settings["timeout"],
            max_retries=max_retries,
            custom_headers=default_headers,
            custom_query=default_query,
            http_client=http_client,
            strict_response_validation=strict_response_validation,
            deadline=deadline,
        )

    def auth_schemes(self) -> dict[str, AuthScheme]:
        """The spec's security schemes with the credentials this client holds now."""
        return {
            "bearerAuth": HTTPBearer(
                "bearerAuth",
                self.bearer_token,
                hint="bearer_token=... (or the METRONOME_BEARER_TOKEN environment variable)",
            ),
        }

    def with_options(
        self,
        *,
        bearer_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with some settings changed, sharing its connection pool.

        Headers and query parameters are merged with this client's; closing the copy leaves the
        shared pool open. A mismatch already logged by this client is not logged again by the copy.
        """
        clone = type(self)(
            bearer_token=bearer_token or self.bearer_token,
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers={**self._custom_headers, **(default_headers or {})},
            default_query={**self._custom_query, **(default_query or {})},
            http_client=self._client,
            deadline=self.deadline if isinstance(deadline, NotGiven) else deadline,
        )
        strict = strict_response_validation
        clone._drift = self._drift.with_strict(self._drift.strict if isinstance(strict, NotGiven) else strict)
        return clone

    copy = with_options

    def __repr__(self) -> str:
        return _describe(self)

    @cached_property
    def with_raw_response(self) -> AsyncMetronomeWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return AsyncMetronomeWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncMetronomeWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return AsyncMetronomeWithStreamingResponse(self)

    @cached_property
    def v1(self) -> AsyncV1Resource:
        from .resources.v1 import AsyncV1Resource

        return AsyncV1Resource(self)


class AsyncMetronomeWithRawResponse:
    def __init__(self, client: AsyncMetronome) -> None:
        self._client = client

    @cached_property
    def v1(self) -> AsyncV1ResourceWithRawResponse:
        from .resources.v1 import AsyncV1ResourceWithRawResponse

        return AsyncV1ResourceWithRawResponse(self._client.v1)


class AsyncMetronomeWithStreamingResponse:
    def __init__(self, client: AsyncMetronome) -> None:
        self._client = client

    @cached_property
    def v1(self) -> AsyncV1ResourceWithStreamingResponse:
        from .resources.v1 import AsyncV1ResourceWithStreamingResponse

        return AsyncV1ResourceWithStreamingResponse(self._client.v1)
