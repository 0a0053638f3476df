"""The `Vault` and `AsyncVault` clients."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, Mapping, TypeVar

import httpx
from typing_extensions import Self

from ._auth import (
    APIKey,
    AsyncTokenProvider,
    AuthScheme,
    HTTPBasic,
    HTTPBearer,
    OAuth2ClientCredentials,
    Token,
    TokenProvider,
    redact_query_params,
)
from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient
from ._constants import BASE_URL_ENV, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._types import NOT_GIVEN, NotGiven, Omit, Timeout
from ._utils import check_credential

if TYPE_CHECKING:
    from .resources.auth import (
        AuthResource,
        AuthResourceWithRawResponse,
        AuthResourceWithStreamingResponse,
        AsyncAuthResource,
        AsyncAuthResourceWithRawResponse,
        AsyncAuthResourceWithStreamingResponse,
    )
    from .resources.items import (
        ItemsResource,
        ItemsResourceWithRawResponse,
        ItemsResourceWithStreamingResponse,
        AsyncItemsResource,
        AsyncItemsResourceWithRawResponse,
        AsyncItemsResourceWithStreamingResponse,
    )

__all__ = ["Vault", "AsyncVault"]

_Provider = TypeVar("_Provider")


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


def _token(value: str | _Provider | None, env: str, what: str) -> str | _Provider | None:
    """A token, or a callable that provides one, else the environment variable's value."""
    if value is None or isinstance(value, str):
        return _credential(value, env, what)
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


class Vault(SyncAPIClient):
    """
    Synchronous client of the Vault.

    Credentials come from the arguments ``username``, ``password``, ``bearer_token``, ``header_key``, ``app_id``, ``query_key``, ``cookie_key``, ``client_id``, ``client_secret``, ``oauth_token``, ``oidc_token`` or the environment variables ``VAULT_USERNAME``, ``VAULT_PASSWORD``, ``VAULT_BEARER_TOKEN``, ``VAULT_HEADER_KEY``, ``VAULT_APP_ID``, ``VAULT_QUERY_KEY``, ``VAULT_COOKIE_KEY``, ``VAULT_CLIENT_ID``, ``VAULT_CLIENT_SECRET``, ``VAULT_OAUTH_TOKEN``, ``VAULT_OIDC_TOKEN``: the credentials of any security alternative the spec offers will do (see ``auth_schemes``); the base URL from ``base_url``, ``VAULT_BASE_URL``, or ``http://127.0.0.1:9/api``. Pass ``http_client`` to use your own httpx.Client (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    username: str | None
    password: str | None
    bearer_token: str | None
    header_key: str | None
    app_id: str | None
    query_key: str | None
    cookie_key: str | None
    client_id: str | None
    client_secret: str | None
    oauth_token: str | TokenProvider | None
    oidc_token: str | TokenProvider | None
    default_security = (
        ("basic",),
        ("bearer",),
    )
    _oauth2: dict[str, OAuth2ClientCredentials]

    def __init__(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        bearer_token: str | None = None,
        header_key: str | None = None,
        app_id: str | None = None,
        query_key: str | None = None,
        cookie_key: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        oauth_token: str | TokenProvider | None = None,
        oidc_token: str | TokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        username = _credential(username, "VAULT_USERNAME", "username", check=False)
        password = _credential(password, "VAULT_PASSWORD", "password", check=False)
        bearer_token = _credential(bearer_token, "VAULT_BEARER_TOKEN", "bearer_token")
        header_key = _credential(header_key, "VAULT_HEADER_KEY", "header_key")
        app_id = _credential(app_id, "VAULT_APP_ID", "app_id")
        query_key = _credential(query_key, "VAULT_QUERY_KEY", "query_key")
        cookie_key = _credential(cookie_key, "VAULT_COOKIE_KEY", "cookie_key")
        client_id = _credential(client_id, "VAULT_CLIENT_ID", "client_id", check=False)
        client_secret = _credential(client_secret, "VAULT_CLIENT_SECRET", "client_secret", check=False)
        oauth_token = _token(oauth_token, "VAULT_OAUTH_TOKEN", "oauth_token")
        oidc_token = _token(oidc_token, "VAULT_OIDC_TOKEN", "oidc_token")
        settings = _resolve_settings(base_url, timeout, http_client)
        self.username = username
        self.password = password
        self.bearer_token = bearer_token
        self.header_key = header_key
        self.app_id = app_id
        self.query_key = query_key
        self.cookie_key = cookie_key
        self.client_id = client_id
        self.client_secret = client_secret
        self.oauth_token = oauth_token
        self.oidc_token = oidc_token
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
        self._oauth2 = {}
        self._oauth2["oauth"] = OAuth2ClientCredentials(
            "oauth",
            client_id,
            client_secret,
            token_url="/oauth/token",
            scopes=("read",),
            base_url=self.base_url,
            hint="client_id=... and client_secret=... (or the VAULT_CLIENT_ID and VAULT_CLIENT_SECRET environment variables), or oauth_token=...",
        )
        redact_query_params(("api_key",))

    def auth_schemes(self) -> dict[str, AuthScheme]:
        """The spec's security schemes with the credentials this client holds now."""
        oauth2_1 = self._oauth2["oauth"] = self._oauth2["oauth"].with_credentials(
            self.client_id, self.client_secret
        )
        return {
            "basic": HTTPBasic(
                "basic",
                self.username,
                self.password,
                hint="username=... and password=... (or the VAULT_USERNAME and VAULT_PASSWORD environment variables)",
            ),
            "bearer": HTTPBearer(
                "bearer",
                self.bearer_token,
                hint="bearer_token=... (or the VAULT_BEARER_TOKEN environment variable)",
            ),
            "headerKey": APIKey(
                "headerKey",
                "header",
                "X-Api-Key",
                self.header_key,
                hint="header_key=... (or the VAULT_HEADER_KEY environment variable)",
            ),
            "appId": APIKey(
                "appId",
                "header",
                "X-App-Id",
                self.app_id,
                hint="app_id=... (or the VAULT_APP_ID environment variable)",
            ),
            "queryKey": APIKey(
                "queryKey",
                "query",
                "api_key",
                self.query_key,
                hint="query_key=... (or the VAULT_QUERY_KEY environment variable)",
            ),
            "cookieKey": APIKey(
                "cookieKey",
                "cookie",
                "session",
                self.cookie_key,
                hint="cookie_key=... (or the VAULT_COOKIE_KEY environment variable)",
            ),
            "oauth": (
                Token(
                    "oauth",
                    self.oauth_token,
                    hint="client_id=... and client_secret=... (or the VAULT_CLIENT_ID and VAULT_CLIENT_SECRET environment variables), or oauth_token=...",
                )
                if self.oauth_token is not None
                else oauth2_1
            ),
            "oidc": Token(
                "oidc", self.oidc_token, hint="oidc_token=... (or the VAULT_OIDC_TOKEN environment variable)"
            ),
        }

    def with_options(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        bearer_token: str | None = None,
        header_key: str | None = None,
        app_id: str | None = None,
        query_key: str | None = None,
        cookie_key: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        oauth_token: str | TokenProvider | None = None,
        oidc_token: str | TokenProvider | None = None,
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
        With the same client credentials, the copy shares the OAuth2 token too.
        """
        clone = type(self)(
            username=username or self.username,
            password=password or self.password,
            bearer_token=bearer_token or self.bearer_token,
            header_key=header_key or self.header_key,
            app_id=app_id or self.app_id,
            query_key=query_key or self.query_key,
            cookie_key=cookie_key or self.cookie_key,
            client_id=client_id or self.client_id,
            client_secret=client_secret or self.client_secret,
            oauth_token=oauth_token or self.oauth_token,
            oidc_token=oidc_token or self.oidc_token,
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
        clone._oauth2["oauth"] = self._oauth2["oauth"].with_credentials(clone.client_id, clone.client_secret)
        return clone

    copy = with_options

    def __repr__(self) -> str:
        return _describe(self)

    @cached_property
    def with_raw_response(self) -> VaultWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return VaultWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> VaultWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return VaultWithStreamingResponse(self)

    @cached_property
    def auth(self) -> AuthResource:
        from .resources.auth import AuthResource

        return AuthResource(self)

    @cached_property
    def items(self) -> ItemsResource:
        from .resources.items import ItemsResource

        return ItemsResource(self)


class VaultWithRawResponse:
    def __init__(self, client: Vault) -> None:
        self._client = client

    @cached_property
    def auth(self) -> AuthResourceWithRawResponse:
        from .resources.auth import AuthResourceWithRawResponse

        return AuthResourceWithRawResponse(self._client.auth)

    @cached_property
    def items(self) -> ItemsResourceWithRawResponse:
        from .resources.items import ItemsResourceWithRawResponse

        return ItemsResourceWithRawResponse(self._client.items)


class VaultWithStreamingResponse:
    def __init__(self, client: Vault) -> None:
        self._client = client

    @cached_property
    def auth(self) -> AuthResourceWithStreamingResponse:
        from .resources.auth import AuthResourceWithStreamingResponse

        return AuthResourceWithStreamingResponse(self._client.auth)

    @cached_property
    def items(self) -> ItemsResourceWithStreamingResponse:
        from .resources.items import ItemsResourceWithStreamingResponse

        return ItemsResourceWithStreamingResponse(self._client.items)


class AsyncVault(AsyncAPIClient):
    """
    Asynchronous client of the Vault.

    Credentials come from the arguments ``username``, ``password``, ``bearer_token``, ``header_key``, ``app_id``, ``query_key``, ``cookie_key``, ``client_id``, ``client_secret``, ``oauth_token``, ``oidc_token`` or the environment variables ``VAULT_USERNAME``, ``VAULT_PASSWORD``, ``VAULT_BEARER_TOKEN``, ``VAULT_HEADER_KEY``, ``VAULT_APP_ID``, ``VAULT_QUERY_KEY``, ``VAULT_COOKIE_KEY``, ``VAULT_CLIENT_ID``, ``VAULT_CLIENT_SECRET``, ``VAULT_OAUTH_TOKEN``, ``VAULT_OIDC_TOKEN``: the credentials of any security alternative the spec offers will do (see ``auth_schemes``); the base URL from ``base_url``, ``VAULT_BASE_URL``, or ``http://127.0.0.1:9/api``. Pass ``http_client`` to use your own httpx.AsyncClient (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    username: str | None
    password: str | None
    bearer_token: str | None
    header_key: str | None
    app_id: str | None
    query_key: str | None
    cookie_key: str | None
    client_id: str | None
    client_secret: str | None
    oauth_token: str | AsyncTokenProvider | None
    oidc_token: str | AsyncTokenProvider | None
    default_security = (
        ("basic",),
        ("bearer",),
    )
    _oauth2: dict[str, OAuth2ClientCredentials]

    def __init__(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        bearer_token: str | None = None,
        header_key: str | None = None,
        app_id: str | None = None,
        query_key: str | None = None,
        cookie_key: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        oauth_token: str | AsyncTokenProvider | None = None,
        oidc_token: str | AsyncTokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        username = _credential(username, "VAULT_USERNAME", "username", check=False)
        password = _credential(password, "VAULT_PASSWORD", "password", check=False)
        bearer_token = _credential(bearer_token, "VAULT_BEARER_TOKEN", "bearer_token")
        header_key = _credential(header_key, "VAULT_HEADER_KEY", "header_key")
        app_id = _credential(app_id, "VAULT_APP_ID", "app_id")
        query_key = _credential(query_key, "VAULT_QUERY_KEY", "query_key")
        cookie_key = _credential(cookie_key, "VAULT_COOKIE_KEY", "cookie_key")
        client_id = _credential(client_id, "VAULT_CLIENT_ID", "client_id", check=False)
        client_secret = _credential(client_secret, "VAULT_CLIENT_SECRET", "client_secret", check=False)
        oauth_token = _token(oauth_token, "VAULT_OAUTH_TOKEN", "oauth_token")
        oidc_token = _token(oidc_token, "VAULT_OIDC_TOKEN", "oidc_token")
        settings = _resolve_settings(base_url, timeout, http_client)
        self.username = username
        self.password = password
        self.bearer_token = bearer_token
        self.header_key = header_key
        self.app_id = app_id
        self.query_key = query_key
        self.cookie_key = cookie_key
        self.client_id = client_id
        self.client_secret = client_secret
        self.oauth_token = oauth_token
        self.oidc_token = oidc_token
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
        self._oauth2 = {}
        self._oauth2["oauth"] = OAuth2ClientCredentials(
            "oauth",
            client_id,
            client_secret,
            token_url="/oauth/token",
            scopes=("read",),
            base_url=self.base_url,
            hint="client_id=... and client_secret=... (or the VAULT_CLIENT_ID and VAULT_CLIENT_SECRET environment variables), or oauth_token=...",
        )
        redact_query_params(("api_key",))

    def auth_schemes(self) -> dict[str, AuthScheme]:
        """The spec's security schemes with the credentials this client holds now."""
        oauth2_1 = self._oauth2["oauth"] = self._oauth2["oauth"].with_credentials(
            self.client_id, self.client_secret
        )
        return {
            "basic": HTTPBasic(
                "basic",
                self.username,
                self.password,
                hint="username=... and password=... (or the VAULT_USERNAME and VAULT_PASSWORD environment variables)",
            ),
            "bearer": HTTPBearer(
                "bearer",
                self.bearer_token,
                hint="bearer_token=... (or the VAULT_BEARER_TOKEN environment variable)",
            ),
            "headerKey": APIKey(
                "headerKey",
                "header",
                "X-Api-Key",
                self.header_key,
                hint="header_key=... (or the VAULT_HEADER_KEY environment variable)",
            ),
            "appId": APIKey(
                "appId",
                "header",
                "X-App-Id",
                self.app_id,
                hint="app_id=... (or the VAULT_APP_ID environment variable)",
            ),
            "queryKey": APIKey(
                "queryKey",
                "query",
                "api_key",
                self.query_key,
                hint="query_key=... (or the VAULT_QUERY_KEY environment variable)",
            ),
            "cookieKey": APIKey(
                "cookieKey",
                "cookie",
                "session",
                self.cookie_key,
                hint="cookie_key=... (or the VAULT_COOKIE_KEY environment variable)",
            ),
            "oauth": (
                Token(
                    "oauth",
                    self.oauth_token,
                    hint="client_id=... and client_secret=... (or the VAULT_CLIENT_ID and VAULT_CLIENT_SECRET environment variables), or oauth_token=...",
                )
                if self.oauth_token is not None
                else oauth2_1
            ),
            "oidc": Token(
                "oidc", self.oidc_token, hint="oidc_token=... (or the VAULT_OIDC_TOKEN environment variable)"
            ),
        }

    def with_options(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        bearer_token: str | None = None,
        header_key: str | None = None,
        app_id: str | None = None,
        query_key: str | None = None,
        cookie_key: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        oauth_token: str | AsyncTokenProvider | None = None,
        oidc_token: str | AsyncTokenProvider | None = None,
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
        With the same client credentials, the copy shares the OAuth2 token too.
        """
        clone = type(self)(
            username=username or self.username,
            password=password or self.password,
            bearer_token=bearer_token or self.bearer_token,
            header_key=header_key or self.header_key,
            app_id=app_id or self.app_id,
            query_key=query_key or self.query_key,
            cookie_key=cookie_key or self.cookie_key,
            client_id=client_id or self.client_id,
            client_secret=client_secret or self.client_secret,
            oauth_token=oauth_token or self.oauth_token,
            oidc_token=oidc_token or self.oidc_token,
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
        clone._oauth2["oauth"] = self._oauth2["oauth"].with_credentials(clone.client_id, clone.client_secret)
        return clone

    copy = with_options

    def __repr__(self) -> str:
        return _describe(self)

    @cached_property
    def with_raw_response(self) -> AsyncVaultWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return AsyncVaultWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncVaultWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return AsyncVaultWithStreamingResponse(self)

    @cached_property
    def auth(self) -> AsyncAuthResource:
        from .resources.auth import AsyncAuthResource

        return AsyncAuthResource(self)

    @cached_property
    def items(self) -> AsyncItemsResource:
        from .resources.items import AsyncItemsResource

        return AsyncItemsResource(self)


class AsyncVaultWithRawResponse:
    def __init__(self, client: AsyncVault) -> None:
        self._client = client

    @cached_property
    def auth(self) -> AsyncAuthResourceWithRawResponse:
        from .resources.auth import AsyncAuthResourceWithRawResponse

        return AsyncAuthResourceWithRawResponse(self._client.auth)

    @cached_property
    def items(self) -> AsyncItemsResourceWithRawResponse:
        from .resources.items import AsyncItemsResourceWithRawResponse

        return AsyncItemsResourceWithRawResponse(self._client.items)


class AsyncVaultWithStreamingResponse:
    def __init__(self, client: AsyncVault) -> None:
        self._client = client

    @cached_property
    def auth(self) -> AsyncAuthResourceWithStreamingResponse:
        from .resources.auth import AsyncAuthResourceWithStreamingResponse

        return AsyncAuthResourceWithStreamingResponse(self._client.auth)

    @cached_property
    def items(self) -> AsyncItemsResourceWithStreamingResponse:
        from .resources.items import AsyncItemsResourceWithStreamingResponse

        return AsyncItemsResourceWithStreamingResponse(self._client.items)
