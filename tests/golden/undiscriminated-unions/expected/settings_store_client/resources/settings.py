"""The `settings` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Sequence

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
from ..types._responses import Setting
from ..types._params import EmailParam, MoneyParam, PhoneParam, SettingsRetrieveArgs, SettingsUpdateArgs

__all__ = [
    "SettingsResource",
    "AsyncSettingsResource",
    "SettingsResourceWithRawResponse",
    "SettingsResourceWithStreamingResponse",
    "AsyncSettingsResourceWithRawResponse",
    "AsyncSettingsResourceWithStreamingResponse",
]

_RETRIEVE = Operation(
    name="settings.retrieve",
    method="get",
    path="/settings/{key}",
    path_params=("key",),
    query_params=("version",),
    header_params=(),
    validate=ArgsValidator(SettingsRetrieveArgs, "settings.retrieve"),
)

_UPDATE = Operation(
    name="settings.update",
    method="put",
    path="/settings/{key}",
    path_params=("key",),
    query_params=(),
    header_params=(),
    body_params=(
        "value",
        "owner",
        "history",
    ),
    validate=ArgsValidator(SettingsUpdateArgs, "settings.update"),
)


class SettingsResource(SyncAPIResource):
    """Methods of `client.settings`."""

    @cached_property
    def with_raw_response(self) -> SettingsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return SettingsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> SettingsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return SettingsResourceWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        key: str,
        version: int | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Setting:
        """
        Args:
          version: A version number or a label such as "latest".

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _RETRIEVE,
            {
                "key": key,
                "version": version,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Setting),
        )

    def update(
        self,
        *,
        key: str,
        value: str | int | bool | MoneyParam,
        owner: EmailParam | PhoneParam | NotGiven = NOT_GIVEN,
        history: Sequence[str | int | bool | MoneyParam] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Setting:
        """PUT /settings/{key}"""
        return self._client.call(
            _UPDATE,
            {
                "key": key,
                "value": value,
                "owner": owner,
                "history": history,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                idempotency_key=idempotency_key,
            ),
            model_parser(Setting),
        )


class AsyncSettingsResource(AsyncAPIResource):
    """Async methods of `client.settings`."""

    @cached_property
    def with_raw_response(self) -> AsyncSettingsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncSettingsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncSettingsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncSettingsResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        key: str,
        version: int | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Setting:
        """
        Args:
          version: A version number or a label such as "latest".

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _RETRIEVE,
            {
                "key": key,
                "version": version,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(Setting),
        )

    async def update(
        self,
        *,
        key: str,
        value: str | int | bool | MoneyParam,
        owner: EmailParam | PhoneParam | NotGiven = NOT_GIVEN,
        history: Sequence[str | int | bool | MoneyParam] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Setting:
        """PUT /settings/{key}"""
        return await self._client.call(
            _UPDATE,
            {
                "key": key,
                "value": value,
                "owner": owner,
                "history": history,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                idempotency_key=idempotency_key,
            ),
            model_parser(Setting),
        )


class SettingsResourceWithRawResponse:
    """`SettingsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: SettingsResource) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.update = to_raw_response_wrapper(resource.update)


class SettingsResourceWithStreamingResponse:
    """`SettingsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: SettingsResource) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.update = to_streamed_response_wrapper(resource.update)


class AsyncSettingsResourceWithRawResponse:
    """`AsyncSettingsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncSettingsResource) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.update = async_to_raw_response_wrapper(resource.update)


class AsyncSettingsResourceWithStreamingResponse:
    """`AsyncSettingsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncSettingsResource) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.update = async_to_streamed_response_wrapper(resource.update)
