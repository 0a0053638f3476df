"""The `products.digital` resource."""

from __future__ import annotations

from functools import cached_property

import httpx

from ..._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from ..._models import ArgsValidator, model_parser
from ..._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ...types._responses import DigitalProduct
from ...types._params import ProductsDigitalRetrieveArgs

__all__ = [
    "ProductsDigitalResource",
    "AsyncProductsDigitalResource",
    "ProductsDigitalResourceWithRawResponse",
    "ProductsDigitalResourceWithStreamingResponse",
    "AsyncProductsDigitalResourceWithRawResponse",
    "AsyncProductsDigitalResourceWithStreamingResponse",
]

_RETRIEVE = Operation(
    name="products.digital.retrieve",
    method="get",
    path="/digital-products/{product_id}",
    path_params=("product_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(ProductsDigitalRetrieveArgs, "products.digital.retrieve"),
)


class ProductsDigitalResource(SyncAPIResource):
    """Methods of `client.products.digital`."""

    @cached_property
    def with_raw_response(self) -> ProductsDigitalResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return ProductsDigitalResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ProductsDigitalResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return ProductsDigitalResourceWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        product_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> DigitalProduct:
        """GET /digital-products/{product_id}"""
        return self._client.call(
            _RETRIEVE,
            {
                "product_id": product_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(DigitalProduct),
        )


class AsyncProductsDigitalResource(AsyncAPIResource):
    """Async methods of `client.products.digital`."""

    @cached_property
    def with_raw_response(self) -> AsyncProductsDigitalResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncProductsDigitalResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncProductsDigitalResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncProductsDigitalResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        product_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> DigitalProduct:
        """GET /digital-products/{product_id}"""
        return await self._client.call(
            _RETRIEVE,
            {
                "product_id": product_id,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(DigitalProduct),
        )


class ProductsDigitalResourceWithRawResponse:
    """`ProductsDigitalResource` methods that return the raw HTTP response."""

    def __init__(self, resource: ProductsDigitalResource) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class ProductsDigitalResourceWithStreamingResponse:
    """`ProductsDigitalResource` methods that return a streamed response context manager."""

    def __init__(self, resource: ProductsDigitalResource) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)


class AsyncProductsDigitalResourceWithRawResponse:
    """`AsyncProductsDigitalResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncProductsDigitalResource) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)


class AsyncProductsDigitalResourceWithStreamingResponse:
    """`AsyncProductsDigitalResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncProductsDigitalResource) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
