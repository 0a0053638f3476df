"""The `auth` resource."""

from __future__ import annotations

from functools import cached_property

import httpx

from .._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from .._models import ArgsValidator, model_parser
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ..types._responses import Who
from ..types._params import (
    AuthCertificateArgs,
    AuthCookieKeyArgs,
    AuthHeaderKeysArgs,
    AuthOauthWhoamiArgs,
    AuthOidcWhoamiArgs,
    AuthOptionalArgs,
    AuthPublicArgs,
    AuthQueryKeyArgs,
    AuthWhoamiArgs,
)

__all__ = [
    "AuthResource",
    "AsyncAuthResource",
    "AuthResourceWithRawResponse",
    "AuthResourceWithStreamingResponse",
    "AsyncAuthResourceWithRawResponse",
    "AsyncAuthResourceWithStreamingResponse",
]

_WHOAMI = Operation(
    name="auth.whoami",
    method="get",
    path="/whoami",
    path_params=(),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(AuthWhoamiArgs, "auth.whoami"),
)

_PUBLIC = Operation(
    name="auth.public",
    method="get",
    path="/public",
    path_params=(),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(AuthPublicArgs, "auth.public"),
    security=(),
)

_OPTIONAL = Operation(
    name="auth.optional",
    method="get",
    path="/optional",
    path_params=(),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(AuthOptionalArgs, "auth.optional"),
    security=(
        ("bearer",),
        (),
    ),
)

_HEADER_KEYS = Operation(
    name="auth.header_keys",
    method="get",
    path="/keys/header",
    path_params=(),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(AuthHeaderKeysArgs, "auth.header_keys"),
    security=(
        (
            "headerKey",
            "appId",
        ),
    ),
)

_QUERY_KEY = Operation(
    name="auth.query_key",
    method="get",
    path="/keys/query",
    path_params=(),
    query_params=("q",),
    header_params=(),
    validate=ArgsValidator(AuthQueryKeyArgs, "auth.query_key"),
    security=(("queryKey",),),
)

_COOKIE_KEY = Operation(
    name="auth.cookie_key",
    method="get",
    path="/keys/cookie",
    path_params=(),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(AuthCookieKeyArgs, "auth.cookie_key"),
    security=(("cookieKey",),),
)

_OAUTH_WHOAMI = Operation(
    name="auth.oauth_whoami",
    method="get",
    path="/oauth/whoami",
    path_params=(),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(AuthOauthWhoamiArgs, "auth.oauth_whoami"),
    security=(("oauth",),),
)

_OIDC_WHOAMI = Operation(
    name="auth.oidc_whoami",
    method="get",
    path="/oidc/whoami",
    path_params=(),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(AuthOidcWhoamiArgs, "auth.oidc_whoami"),
    security=(("oidc",),),
)

_CERTIFICATE = Operation(
    name="auth.certificate",
    method="get",
    path="/certificate",
    path_params=(),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(AuthCertificateArgs, "auth.certificate"),
    security=(),
)


class AuthResource(SyncAPIResource):
    """Methods of `client.auth`."""

    @cached_property
    def with_raw_response(self) -> AuthResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AuthResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AuthResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AuthResourceWithStreamingResponse(self)

    def whoami(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """Who the credentials say the caller is (basic or bearer)."""
        return self._client.call(
            _WHOAMI,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    def public(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """Needs no credentials."""
        return self._client.call(
            _PUBLIC,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    def optional(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """A bearer token if the client has one, else nothing."""
        return self._client.call(
            _OPTIONAL,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    def header_keys(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """Two API keys in headers, both needed."""
        return self._client.call(
            _HEADER_KEYS,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    def query_key(
        self,
        *,
        q: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """GET /keys/query"""
        return self._client.call(
            _QUERY_KEY,
            {
                "q": q,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    def cookie_key(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """GET /keys/cookie"""
        return self._client.call(
            _COOKIE_KEY,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    def oauth_whoami(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """GET /oauth/whoami"""
        return self._client.call(
            _OAUTH_WHOAMI,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    def oidc_whoami(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """GET /oidc/whoami"""
        return self._client.call(
            _OIDC_WHOAMI,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    def certificate(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """Only a client certificate would do, which the generator does not support."""
        return self._client.call(
            _CERTIFICATE,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )


class AsyncAuthResource(AsyncAPIResource):
    """Async methods of `client.auth`."""

    @cached_property
    def with_raw_response(self) -> AsyncAuthResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncAuthResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncAuthResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncAuthResourceWithStreamingResponse(self)

    async def whoami(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """Who the credentials say the caller is (basic or bearer)."""
        return await self._client.call(
            _WHOAMI,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    async def public(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """Needs no credentials."""
        return await self._client.call(
            _PUBLIC,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    async def optional(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """A bearer token if the client has one, else nothing."""
        return await self._client.call(
            _OPTIONAL,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    async def header_keys(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """Two API keys in headers, both needed."""
        return await self._client.call(
            _HEADER_KEYS,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    async def query_key(
        self,
        *,
        q: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """GET /keys/query"""
        return await self._client.call(
            _QUERY_KEY,
            {
                "q": q,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    async def cookie_key(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """GET /keys/cookie"""
        return await self._client.call(
            _COOKIE_KEY,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    async def oauth_whoami(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """GET /oauth/whoami"""
        return await self._client.call(
            _OAUTH_WHOAMI,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    async def oidc_whoami(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """GET /oidc/whoami"""
        return await self._client.call(
            _OIDC_WHOAMI,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )

    async def certificate(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Who:
        """Only a client certificate would do, which the generator does not support."""
        return await self._client.call(
            _CERTIFICATE,
            {},
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Who),
        )


class AuthResourceWithRawResponse:
    """`AuthResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AuthResource) -> None:
        self._resource = resource
        self.whoami = to_raw_response_wrapper(resource.whoami)
        self.public = to_raw_response_wrapper(resource.public)
        self.optional = to_raw_response_wrapper(resource.optional)
        self.header_keys = to_raw_response_wrapper(resource.header_keys)
        self.query_key = to_raw_response_wrapper(resource.query_key)
        self.cookie_key = to_raw_response_wrapper(resource.cookie_key)
        self.oauth_whoami = to_raw_response_wrapper(resource.oauth_whoami)
        self.oidc_whoami = to_raw_response_wrapper(resource.oidc_whoami)
        self.certificate = to_raw_response_wrapper(resource.certificate)


class AuthResourceWithStreamingResponse:
    """`AuthResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AuthResource) -> None:
        self._resource = resource
        self.whoami = to_streamed_response_wrapper(resource.whoami)
        self.public = to_streamed_response_wrapper(resource.public)
        self.optional = to_streamed_response_wrapper(resource.optional)
        self.header_keys = to_streamed_response_wrapper(resource.header_keys)
        self.query_key = to_streamed_response_wrapper(resource.query_key)
        self.cookie_key = to_streamed_response_wrapper(resource.cookie_key)
        self.oauth_whoami = to_streamed_response_wrapper(resource.oauth_whoami)
        self.oidc_whoami = to_streamed_response_wrapper(resource.oidc_whoami)
        self.certificate = to_streamed_response_wrapper(resource.certificate)


class AsyncAuthResourceWithRawResponse:
    """`AsyncAuthResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncAuthResource) -> None:
        self._resource = resource
        self.whoami = async_to_raw_response_wrapper(resource.whoami)
        self.public = async_to_raw_response_wrapper(resource.public)
        self.optional = async_to_raw_response_wrapper(resource.optional)
        self.header_keys = async_to_raw_response_wrapper(resource.header_keys)
        self.query_key = async_to_raw_response_wrapper(resource.query_key)
        self.cookie_key = async_to_raw_response_wrapper(resource.cookie_key)
        self.oauth_whoami = async_to_raw_response_wrapper(resource.oauth_whoami)
        self.oidc_whoami = async_to_raw_response_wrapper(resource.oidc_whoami)
        self.certificate = async_to_raw_response_wrapper(resource.certificate)


class AsyncAuthResourceWithStreamingResponse:
    """`AsyncAuthResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncAuthResource) -> None:
        self._resource = resource
        self.whoami = async_to_streamed_response_wrapper(resource.whoami)
        self.public = async_to_streamed_response_wrapper(resource.public)
        self.optional = async_to_streamed_response_wrapper(resource.optional)
        self.header_keys = async_to_streamed_response_wrapper(resource.header_keys)
        self.query_key = async_to_streamed_response_wrapper(resource.query_key)
        self.cookie_key = async_to_streamed_response_wrapper(resource.cookie_key)
        self.oauth_whoami = async_to_streamed_response_wrapper(resource.oauth_whoami)
        self.oidc_whoami = async_to_streamed_response_wrapper(resource.oidc_whoami)
        self.certificate = async_to_streamed_response_wrapper(resource.certificate)
