"""The `Kennel` and `AsyncKennel` clients."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, Mapping

import httpx
from typing_extensions import Self

from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient
from ._constants import BASE_URL_ENV, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._types import NOT_GIVEN, NotGiven, Omit, Timeout

if TYPE_CHECKING:
    from .resources.pets import (
        PetsResource,
        PetsResourceWithRawResponse,
        PetsResourceWithStreamingResponse,
        AsyncPetsResource,
        AsyncPetsResourceWithRawResponse,
        AsyncPetsResourceWithStreamingResponse,
    )
    from .resources.owners import (
        OwnersResource,
        OwnersResourceWithRawResponse,
        OwnersResourceWithStreamingResponse,
        AsyncOwnersResource,
        AsyncOwnersResourceWithRawResponse,
        AsyncOwnersResourceWithStreamingResponse,
    )
    from .resources.items import (
        ItemsResource,
        ItemsResourceWithRawResponse,
        ItemsResourceWithStreamingResponse,
        AsyncItemsResource,
        AsyncItemsResourceWithRawResponse,
        AsyncItemsResourceWithStreamingResponse,
    )

__all__ = ["Kennel", "AsyncKennel"]


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


class Kennel(SyncAPIClient):
    """
    Synchronous client of the Kennel.

    the base URL from ``base_url``, ``KENNEL_BASE_URL``, or ``http://localhost``. Pass ``http_client`` to use your own httpx.Client (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        settings = _resolve_settings(base_url, timeout, http_client)
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

    def with_options(
        self,
        *,
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
    def with_raw_response(self) -> KennelWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return KennelWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> KennelWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return KennelWithStreamingResponse(self)

    @cached_property
    def pets(self) -> PetsResource:
        from .resources.pets import PetsResource

        return PetsResource(self)

    @cached_property
    def owners(self) -> OwnersResource:
        from .resources.owners import OwnersResource

        return OwnersResource(self)

    @cached_property
    def items(self) -> ItemsResource:
        from .resources.items import ItemsResource

        return ItemsResource(self)


class KennelWithRawResponse:
    def __init__(self, client: Kennel) -> None:
        self._client = client

    @cached_property
    def pets(self) -> PetsResourceWithRawResponse:
        from .resources.pets import PetsResourceWithRawResponse

        return PetsResourceWithRawResponse(self._client.pets)

    @cached_property
    def owners(self) -> OwnersResourceWithRawResponse:
        from .resources.owners import OwnersResourceWithRawResponse

        return OwnersResourceWithRawResponse(self._client.owners)

    @cached_property
    def items(self) -> ItemsResourceWithRawResponse:
        from .resources.items import ItemsResourceWithRawResponse

        return ItemsResourceWithRawResponse(self._client.items)


class KennelWithStreamingResponse:
    def __init__(self, client: Kennel) -> None:
        self._client = client

    @cached_property
    def pets(self) -> PetsResourceWithStreamingResponse:
        from .resources.pets import PetsResourceWithStreamingResponse

        return PetsResourceWithStreamingResponse(self._client.pets)

    @cached_property
    def owners(self) -> OwnersResourceWithStreamingResponse:
        from .resources.owners import OwnersResourceWithStreamingResponse

        return OwnersResourceWithStreamingResponse(self._client.owners)

    @cached_property
    def items(self) -> ItemsResourceWithStreamingResponse:
        from .resources.items import ItemsResourceWithStreamingResponse

        return ItemsResourceWithStreamingResponse(self._client.items)


class AsyncKennel(AsyncAPIClient):
    """
    Asynchronous client of the Kennel.

    the base URL from ``base_url``, ``KENNEL_BASE_URL``, or ``http://localhost``. Pass ``http_client`` to use your own httpx.AsyncClient (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        settings = _resolve_settings(base_url, timeout, http_client)
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

    def with_options(
        self,
        *,
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
    def with_raw_response(self) -> AsyncKennelWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return AsyncKennelWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncKennelWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return AsyncKennelWithStreamingResponse(self)

    @cached_property
    def pets(self) -> AsyncPetsResource:
        from .resources.pets import AsyncPetsResource

        return AsyncPetsResource(self)

    @cached_property
    def owners(self) -> AsyncOwnersResource:
        from .resources.owners import AsyncOwnersResource

        return AsyncOwnersResource(self)

    @cached_property
    def items(self) -> AsyncItemsResource:
        from .resources.items import AsyncItemsResource

        return AsyncItemsResource(self)


class AsyncKennelWithRawResponse:
    def __init__(self, client: AsyncKennel) -> None:
        self._client = client

    @cached_property
    def pets(self) -> AsyncPetsResourceWithRawResponse:
        from .resources.pets import AsyncPetsResourceWithRawResponse

        return AsyncPetsResourceWithRawResponse(self._client.pets)

    @cached_property
    def owners(self) -> AsyncOwnersResourceWithRawResponse:
        from .resources.owners import AsyncOwnersResourceWithRawResponse

        return AsyncOwnersResourceWithRawResponse(self._client.owners)

    @cached_property
    def items(self) -> AsyncItemsResourceWithRawResponse:
        from .resources.items import AsyncItemsResourceWithRawResponse

        return AsyncItemsResourceWithRawResponse(self._client.items)


class AsyncKennelWithStreamingResponse:
    def __init__(self, client: AsyncKennel) -> None:
        self._client = client

    @cached_property
    def pets(self) -> AsyncPetsResourceWithStreamingResponse:
        from .resources.pets import AsyncPetsResourceWithStreamingResponse

        return AsyncPetsResourceWithStreamingResponse(self._client.pets)

    @cached_property
    def owners(self) -> AsyncOwnersResourceWithStreamingResponse:
        from .resources.owners import AsyncOwnersResourceWithStreamingResponse

        return AsyncOwnersResourceWithStreamingResponse(self._client.owners)

    @cached_property
    def items(self) -> AsyncItemsResourceWithStreamingResponse:
        from .resources.items import AsyncItemsResourceWithStreamingResponse

        return AsyncItemsResourceWithStreamingResponse(self._client.items)
