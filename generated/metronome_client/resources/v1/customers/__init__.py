"""The `v1.customers` resource."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ...._base_client import AsyncAPIResource, SyncAPIResource

if TYPE_CHECKING:
    from .invoices import (
        V1CustomersInvoicesResource,
        V1CustomersInvoicesResourceWithRawResponse,
        V1CustomersInvoicesResourceWithStreamingResponse,
        AsyncV1CustomersInvoicesResource,
        AsyncV1CustomersInvoicesResourceWithRawResponse,
        AsyncV1CustomersInvoicesResourceWithStreamingResponse,
    )

__all__ = [
    "V1CustomersResource",
    "AsyncV1CustomersResource",
    "V1CustomersResourceWithRawResponse",
    "V1CustomersResourceWithStreamingResponse",
    "AsyncV1CustomersResourceWithRawResponse",
    "AsyncV1CustomersResourceWithStreamingResponse",
]


class V1CustomersResource(SyncAPIResource):
    """Methods of `client.v1.customers`."""

    @cached_property
    def with_raw_response(self) -> V1CustomersResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return V1CustomersResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V1CustomersResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return V1CustomersResourceWithStreamingResponse(self)

    @cached_property
    def invoices(self) -> V1CustomersInvoicesResource:
        from .invoices import V1CustomersInvoicesResource

        return V1CustomersInvoicesResource(self._client)


class AsyncV1CustomersResource(AsyncAPIResource):
    """Async methods of `client.v1.customers`."""

    @cached_property
    def with_raw_response(self) -> AsyncV1CustomersResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncV1CustomersResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV1CustomersResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncV1CustomersResourceWithStreamingResponse(self)

    @cached_property
    def invoices(self) -> AsyncV1CustomersInvoicesResource:
        from .invoices import AsyncV1CustomersInvoicesResource

        return AsyncV1CustomersInvoicesResource(self._client)


class V1CustomersResourceWithRawResponse:
    """`V1CustomersResource` methods that return the raw HTTP response."""

    def __init__(self, resource: V1CustomersResource) -> None:
        self._resource = resource

    @cached_property
    def invoices(self) -> V1CustomersInvoicesResourceWithRawResponse:
        from .invoices import V1CustomersInvoicesResourceWithRawResponse

        return V1CustomersInvoicesResourceWithRawResponse(self._resource.invoices)


class V1CustomersResourceWithStreamingResponse:
    """`V1CustomersResource` methods that return a streamed response context manager."""

    def __init__(self, resource: V1CustomersResource) -> None:
        self._resource = resource

    @cached_property
    def invoices(self) -> V1CustomersInvoicesResourceWithStreamingResponse:
        from .invoices import V1CustomersInvoicesResourceWithStreamingResponse

        return V1CustomersInvoicesResourceWithStreamingResponse(self._resource.invoices)


class AsyncV1CustomersResourceWithRawResponse:
    """`AsyncV1CustomersResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncV1CustomersResource) -> None:
        self._resource = resource

    @cached_property
    def invoices(self) -> AsyncV1CustomersInvoicesResourceWithRawResponse:
        from .invoices import AsyncV1CustomersInvoicesResourceWithRawResponse

        return AsyncV1CustomersInvoicesResourceWithRawResponse(self._resource.invoices)


class AsyncV1CustomersResourceWithStreamingResponse:
    """`AsyncV1CustomersResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncV1CustomersResource) -> None:
        self._resource = resource

    @cached_property
    def invoices(self) -> AsyncV1CustomersInvoicesResourceWithStreamingResponse:
        from .invoices import AsyncV1CustomersInvoicesResourceWithStreamingResponse

        return AsyncV1CustomersInvoicesResourceWithStreamingResponse(self._resource.invoices)
