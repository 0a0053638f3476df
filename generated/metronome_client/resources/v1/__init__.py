"""The `v1` resource."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._base_client import AsyncAPIResource, SyncAPIResource

if TYPE_CHECKING:
    from .customers import (
        CustomersResource,
        CustomersResourceWithRawResponse,
        CustomersResourceWithStreamingResponse,
        AsyncCustomersResource,
        AsyncCustomersResourceWithRawResponse,
        AsyncCustomersResourceWithStreamingResponse,
    )
    from .contracts import (
        ContractsResource,
        ContractsResourceWithRawResponse,
        ContractsResourceWithStreamingResponse,
        AsyncContractsResource,
        AsyncContractsResourceWithRawResponse,
        AsyncContractsResourceWithStreamingResponse,
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
    def customers(self) -> CustomersResource:
        from .customers import CustomersResource

        return CustomersResource(self._client)

    @cached_property
    def contracts(self) -> ContractsResource:
        from .contracts import ContractsResource

        return ContractsResource(self._client)

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
    def customers(self) -> AsyncCustomersResource:
        from .customers import AsyncCustomersResource

        return AsyncCustomersResource(self._client)

    @cached_property
    def contracts(self) -> AsyncContractsResource:
        from .contracts import AsyncContractsResource

        return AsyncContractsResource(self._client)

    @cached_property
    def invoices(self) -> AsyncV1InvoicesResource:
        from .invoices import AsyncV1InvoicesResource

        return AsyncV1InvoicesResource(self._client)


class V1ResourceWithRawResponse:
    """`V1Resource` methods that return the raw HTTP response."""

    def __init__(self, resource: V1Resource) -> None:
        self._resource = resource

    @cached_property
    def customers(self) -> CustomersResourceWithRawResponse:
        from .customers import CustomersResourceWithRawResponse

        return CustomersResourceWithRawResponse(self._resource.customers)

    @cached_property
    def contracts(self) -> ContractsResourceWithRawResponse:
        from .contracts import ContractsResourceWithRawResponse

        return ContractsResourceWithRawResponse(self._resource.contracts)

    @cached_property
    def invoices(self) -> V1InvoicesResourceWithRawResponse:
        from .invoices import V1InvoicesResourceWithRawResponse

        return V1InvoicesResourceWithRawResponse(self._resource.invoices)


class V1ResourceWithStreamingResponse:
    """`V1Resource` methods that return a streamed response context manager."""

    def __init__(self, resource: V1Resource) -> None:
        self._resource = resource

    @cached_property
    def customers(self) -> CustomersResourceWithStreamingResponse:
        from .customers import CustomersResourceWithStreamingResponse

        return CustomersResourceWithStreamingResponse(self._resource.customers)

    @cached_property
    def contracts(self) -> ContractsResourceWithStreamingResponse:
        from .contracts import ContractsResourceWithStreamingResponse

        return ContractsResourceWithStreamingResponse(self._resource.contracts)

    @cached_property
    def invoices(self) -> V1InvoicesResourceWithStreamingResponse:
        from .invoices import V1InvoicesResourceWithStreamingResponse

        return V1InvoicesResourceWithStreamingResponse(self._resource.invoices)


class AsyncV1ResourceWithRawResponse:
    """`AsyncV1Resource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncV1Resource) -> None:
        self._resource = resource

    @cached_property
    def customers(self) -> AsyncCustomersResourceWithRawResponse:
        from .customers import AsyncCustomersResourceWithRawResponse

        return AsyncCustomersResourceWithRawResponse(self._resource.customers)

    @cached_property
    def contracts(self) -> AsyncContractsResourceWithRawResponse:
        from .contracts import AsyncContractsResourceWithRawResponse

        return AsyncContractsResourceWithRawResponse(self._resource.contracts)

    @cached_property
    def invoices(self) -> AsyncV1InvoicesResourceWithRawResponse:
        from .invoices import AsyncV1InvoicesResourceWithRawResponse

        return AsyncV1InvoicesResourceWithRawResponse(self._resource.invoices)


class AsyncV1ResourceWithStreamingResponse:
    """`AsyncV1Resource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncV1Resource) -> None:
        self._resource = resource

    @cached_property
    def customers(self) -> AsyncCustomersResourceWithStreamingResponse:
        from .customers import AsyncCustomersResourceWithStreamingResponse

        return AsyncCustomersResourceWithStreamingResponse(self._resource.customers)

    @cached_property
    def contracts(self) -> AsyncContractsResourceWithStreamingResponse:
        from .contracts import AsyncContractsResourceWithStreamingResponse

        return AsyncContractsResourceWithStreamingResponse(self._resource.contracts)

    @cached_property
    def invoices(self) -> AsyncV1InvoicesResourceWithStreamingResponse:
        from .invoices import AsyncV1InvoicesResourceWithStreamingResponse

        return AsyncV1InvoicesResourceWithStreamingResponse(self._resource.invoices)
