"""The `v1` resource."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._base_client import AsyncAPIResource, SyncAPIResource

if TYPE_CHECKING:
    from .customers import (
        V1CustomersResource,
        V1CustomersResourceWithRawResponse,
        V1CustomersResourceWithStreamingResponse,
        AsyncV1CustomersResource,
        AsyncV1CustomersResourceWithRawResponse,
        AsyncV1CustomersResourceWithStreamingResponse,
    )
    from .contracts import (
        V1ContractsResource,
        V1ContractsResourceWithRawResponse,
        V1ContractsResourceWithStreamingResponse,
        AsyncV1ContractsResource,
        AsyncV1ContractsResourceWithRawResponse,
        AsyncV1ContractsResourceWithStreamingResponse,
    )
    from .invoices import (
        V1InvoicesResource,
        V1InvoicesResourceWithRawResponse,
        V1InvoicesResourceWithStreamingResponse,
        AsyncV1InvoicesResource,
        AsyncV1InvoicesResourceWithRawResponse,
        AsyncV1InvoicesResourceWithStreamingResponse,
    )

__all__ = [
    "V1Resource",
    "AsyncV1Resource",
    "V1ResourceWithRawResponse",
    "V1ResourceWithStreamingResponse",
    "AsyncV1ResourceWithRawResponse",
    "AsyncV1ResourceWithStreamingResponse",
]


class V1Resource(SyncAPIResource):
    """Methods of `client.v1`."""

    @cached_property
    def with_raw_response(self) -> V1ResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return V1ResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> V1ResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return V1ResourceWithStreamingResponse(self)

    @cached_property
    def customers(self) -> V1CustomersResource:
        from .customers import V1CustomersResource

        return V1CustomersResource(self._client)

    @cached_property
    def contracts(self) -> V1ContractsResource:
        from .contracts import V1ContractsResource

        return V1ContractsResource(self._client)

    @cached_property
    def invoices(self) -> V1InvoicesResource:
        from .invoices import V1InvoicesResource

        return V1InvoicesResource(self._client)


class AsyncV1Resource(AsyncAPIResource):
    """Async methods of `client.v1`."""

    @cached_property
    def with_raw_response(self) -> AsyncV1ResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncV1ResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncV1ResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncV1ResourceWithStreamingResponse(self)

    @cached_property
    def customers(self) -> AsyncV1CustomersResource:
        from .customers import AsyncV1CustomersResource

        return AsyncV1CustomersResource(self._client)

    @cached_property
    def contracts(self) -> AsyncV1ContractsResource:
        from .contracts import AsyncV1ContractsResource

        return AsyncV1ContractsResource(self._client)

    @cached_property
    def invoices(self) -> AsyncV1InvoicesResource:
        from .invoices import AsyncV1InvoicesResource

        return AsyncV1InvoicesResource(self._client)


class V1ResourceWithRawResponse:
    """`V1Resource` methods that return the raw HTTP response."""

    def __init__(self, resource: V1Resource) -> None:
        self._resource = resource

    @cached_property
    def customers(self) -> V1CustomersResourceWithRawResponse:
        from .customers import V1CustomersResourceWithRawResponse

        return V1CustomersResourceWithRawResponse(self._resource.customers)

    @cached_property
    def contracts(self) -> V1ContractsResourceWithRawResponse:
        from .contracts import V1ContractsResourceWithRawResponse

        return V1ContractsResourceWithRawResponse(self._resource.contracts)

    @cached_property
    def invoices(self) -> V1InvoicesResourceWithRawResponse:
        from .invoices import V1InvoicesResourceWithRawResponse

        return V1InvoicesResourceWithRawResponse(self._resource.invoices)


class V1ResourceWithStreamingResponse:
    """`V1Resource` methods that return a streamed response context manager."""

    def __init__(self, resource: V1Resource) -> None:
        self._resource = resource

    @cached_property
    def customers(self) -> V1CustomersResourceWithStreamingResponse:
        from .customers import V1CustomersResourceWithStreamingResponse

        return V1CustomersResourceWithStreamingResponse(self._resource.customers)

    @cached_property
    def contracts(self) -> V1ContractsResourceWithStreamingResponse:
        from .contracts import V1ContractsResourceWithStreamingResponse

        return V1ContractsResourceWithStreamingResponse(self._resource.contracts)

    @cached_property
    def invoices(self) -> V1InvoicesResourceWithStreamingResponse:
        from .invoices import V1InvoicesResourceWithStreamingResponse

        return V1InvoicesResourceWithStreamingResponse(self._resource.invoices)


class AsyncV1ResourceWithRawResponse:
    """`AsyncV1Resource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncV1Resource) -> None:
        self._resource = resource

    @cached_property
    def customers(self) -> AsyncV1CustomersResourceWithRawResponse:
        from .customers import AsyncV1CustomersResourceWithRawResponse

        return AsyncV1CustomersResourceWithRawResponse(self._resource.customers)

    @cached_property
    def contracts(self) -> AsyncV1ContractsResourceWithRawResponse:
        from .contracts import AsyncV1ContractsResourceWithRawResponse

        return AsyncV1ContractsResourceWithRawResponse(self._resource.contracts)

    @cached_property
    def invoices(self) -> AsyncV1InvoicesResourceWithRawResponse:
        from .invoices import AsyncV1InvoicesResourceWithRawResponse

        return AsyncV1InvoicesResourceWithRawResponse(self._resource.invoices)


class AsyncV1ResourceWithStreamingResponse:
    """`AsyncV1Resource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncV1Resource) -> None:
        self._resource = resource

    @cached_property
    def customers(self) -> AsyncV1CustomersResourceWithStreamingResponse:
        from .customers import AsyncV1CustomersResourceWithStreamingResponse

        return AsyncV1CustomersResourceWithStreamingResponse(self._resource.customers)

    @cached_property
    def contracts(self) -> AsyncV1ContractsResourceWithStreamingResponse:
        from .contracts import AsyncV1ContractsResourceWithStreamingResponse

        return AsyncV1ContractsResourceWithStreamingResponse(self._resource.contracts)

    @cached_property
    def invoices(self) -> AsyncV1InvoicesResourceWithStreamingResponse:
        from .invoices import AsyncV1InvoicesResourceWithStreamingResponse

        return AsyncV1InvoicesResourceWithStreamingResponse(self._resource.invoices)
