"""The `Catalog` and `AsyncCatalog` clients."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, Mapping

import httpx
from typing_extensions import Self

from ._auth import APIKey, AuthScheme
from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient
from ._constants import BASE_URL_ENV, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._exceptions import MissingCredentialsError
from ._types import NOT_GIVEN, NotGiven, Omit, Timeout
from ._utils import check_credential

if TYPE_CHECKING:
    from .resources.products import (
        ProductsResource,
        ProductsResourceWithRawResponse,
        ProductsResourceWithStreamingResponse,
        AsyncProductsResource,
        AsyncProductsResourceWithRawResponse,
        AsyncProductsResourceWithStreamingResponse,
    )

__all__ = ["Catalog", "AsyncCatalog"]


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


class Catalog(SyncAPIClient):
    """
    Synchronous client of the Catalog API.

    Credentials come from ``catalog_key`` or the ``CATALOG_CATALOG_KEY`` environment variable; the base URL from ``base_url``, ``CATALOG_BASE_URL``, or ``https://catalog.example.test/v2``. Pass ``http_client`` to use your own httpx.Client (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    catalog_key: str
    default_security = (("catalogKey",),)

    def __init__(
        self,
        *,
        catalog_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        catalog_key = _credential(catalog_key, "CATALOG_CATALOG_KEY", "catalog_key")
        if catalog_key is None:
            raise MissingCredentialsError(
                "No credentials: pass catalog_key=... to the client or set the "
                "CATALOG_CATALOG_KEY environment variable."
            )
        settings = _resolve_settings(base_url, timeout, http_client)
        self.catalog_key = catalog_key
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
            "catalogKey": APIKey(
                "catalogKey",
                "header",
                "X-Catalog-Key",
                self.catalog_key,
                hint="catalog_key=... (or the CATALOG_CATALOG_KEY environment variable)",
            ),
        }

    def with_options(
        self,
        *,
        catalog_key: str | None = None,
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
            catalog_key=catalog_key or self.catalog_key,
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
    def with_raw_response(self) -> CatalogWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return CatalogWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> CatalogWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return CatalogWithStreamingResponse(self)

    @cached_property
    def products(self) -> ProductsResource:
        from .resources.products import ProductsResource

        return ProductsResource(self)


class CatalogWithRawResponse:
    def __init__(self, client: Catalog) -> None:
        self._client = client

    @cached_property
    def products(self) -> ProductsResourceWithRawResponse:
        from .resources.products import ProductsResourceWithRawResponse

        return ProductsResourceWithRawResponse(self._client.products)


class CatalogWithStreamingResponse:
    def __init__(self, client: Catalog) -> None:
        self._client = client

    @cached_property
    def products(self) -> ProductsResourceWithStreamingResponse:
        from .resources.products import ProductsResourceWithStreamingResponse

        return ProductsResourceWithStreamingResponse(self._client.products)


class AsyncCatalog(AsyncAPIClient):
    """
    Asynchronous client of the Catalog API.

    Credentials come from ``catalog_key`` or the ``CATALOG_CATALOG_KEY`` environment variable; the base URL from ``base_url``, ``CATALOG_BASE_URL``, or ``https://catalog.example.test/v2``. Pass ``http_client`` to use your own httpx.AsyncClient (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    catalog_key: str
    default_security = (("catalogKey",),)

    def __init__(
        self,
        *,
        catalog_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        catalog_key = _credential(catalog_key, "CATALOG_CATALOG_KEY", "catalog_key")
        if catalog_key is None:
            raise MissingCredentialsError(
                "No credentials: pass catalog_key=... to the client or set the "
                "CATALOG_CATALOG_KEY environment variable."
            )
        settings = _resolve_settings(base_url, timeout, http_client)
        self.catalog_key = catalog_key
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
            "catalogKey": APIKey(
                "catalogKey",
                "header",
                "X-Catalog-Key",
                self.catalog_key,
                hint="catalog_key=... (or the CATALOG_CATALOG_KEY environment variable)",
            ),
        }

    def with_options(
        self,
        *,
        catalog_key: str | None = None,
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
            catalog_key=catalog_key or self.catalog_key,
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
    def with_raw_response(self) -> AsyncCatalogWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return AsyncCatalogWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncCatalogWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return AsyncCatalogWithStreamingResponse(self)

    @cached_property
    def products(self) -> AsyncProductsResource:
        from .resources.products import AsyncProductsResource

        return AsyncProductsResource(self)


class AsyncCatalogWithRawResponse:
    def __init__(self, client: AsyncCatalog) -> None:
        self._client = client

    @cached_property
    def products(self) -> AsyncProductsResourceWithRawResponse:
        from .resources.products import AsyncProductsResourceWithRawResponse

        return AsyncProductsResourceWithRawResponse(self._client.products)


class AsyncCatalogWithStreamingResponse:
    def __init__(self, client: AsyncCatalog) -> None:
        self._client = client

    @cached_property
    def products(self) -> AsyncProductsResourceWithStreamingResponse:
        from .resources.products import AsyncProductsResourceWithStreamingResponse

        return AsyncProductsResourceWithStreamingResponse(self._client.products)
