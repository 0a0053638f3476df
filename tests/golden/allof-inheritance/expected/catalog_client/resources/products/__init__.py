"""The `products` resource."""

from __future__ import annotations

from functools import cached_property
from typing import Sequence, TYPE_CHECKING

import httpx

from ..._base_client import AsyncAPIResource, CallOptions, Operation, SyncAPIResource
from ..._models import ArgsValidator, NumberArg, model_parser
from ..._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query
from ...types._responses import Product
from ...types._params import ProductsCreateArgs, ProductsRetrieveArgs

if TYPE_CHECKING:
    from .digital import (
        ProductsDigitalResource,
        ProductsDigitalResourceWithRawResponse,
        ProductsDigitalResourceWithStreamingResponse,
        AsyncProductsDigitalResource,
        AsyncProductsDigitalResourceWithRawResponse,
        AsyncProductsDigitalResourceWithStreamingResponse,
    )

__all__ = [
    "ProductsResource",
    "AsyncProductsResource",
    "ProductsResourceWithRawResponse",
    "ProductsResourceWithStreamingResponse",
    "AsyncProductsResourceWithRawResponse",
    "AsyncProductsResourceWithStreamingResponse",
]

_RETRIEVE = Operation(
    name="products.retrieve",
    method="get",
    path="/products/{product_id}",
    path_params=("product_id",),
    query_params=(),
    header_params=(),
    validate=ArgsValidator(ProductsRetrieveArgs, "products.retrieve"),
)

_CREATE = Operation(
    name="products.create",
    method="post",
    path="/products",
    path_params=(),
    query_params=(),
    header_params=(),
    body_params=(
        "name",
        "price",
        "sku",
        "tags",
    ),
    validate=ArgsValidator(ProductsCreateArgs, "products.create"),
)


class ProductsResource(SyncAPIResource):
    """Methods of `client.products`."""

    @cached_property
    def with_raw_response(self) -> ProductsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return ProductsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ProductsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return ProductsResourceWithStreamingResponse(self)

    @cached_property
    def digital(self) -> ProductsDigitalResource:
        from .digital import ProductsDigitalResource

        return ProductsDigitalResource(self._client)

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
    ) -> Product:
        """
        Get a product.

        Args:
          product_id: Id of the product.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
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
            model_parser(Product),
        )

    def create(
        self,
        *,
        name: str,
        price: NumberArg,
        sku: str,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Product:
        """
        Create a product.

        Args:
          name: What the product is called.
          price: Price in the catalog's currency.
          sku: Stock keeping unit.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _CREATE,
            {
                "name": name,
                "price": price,
                "sku": sku,
                "tags": tags,
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
            model_parser(Product),
        )


class AsyncProductsResource(AsyncAPIResource):
    """Async methods of `client.products`."""

    @cached_property
    def with_raw_response(self) -> AsyncProductsResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncProductsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncProductsResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncProductsResourceWithStreamingResponse(self)

    @cached_property
    def digital(self) -> AsyncProductsDigitalResource:
        from .digital import AsyncProductsDigitalResource

        return AsyncProductsDigitalResource(self._client)

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
    ) -> Product:
        """
        Get a product.

        Args:
          product_id: Id of the product.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
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
            model_parser(Product),
        )

    async def create(
        self,
        *,
        name: str,
        price: NumberArg,
        sku: str,
        tags: Sequence[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> Product:
        """
        Create a product.

        Args:
          name: What the product is called.
          price: Price in the catalog's currency.
          sku: Stock keeping unit.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _CREATE,
            {
                "name": name,
                "price": price,
                "sku": sku,
                "tags": tags,
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
            model_parser(Product),
        )


class ProductsResourceWithRawResponse:
    """`ProductsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: ProductsResource) -> None:
        self._resource = resource
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.create = to_raw_response_wrapper(resource.create)

    @cached_property
    def digital(self) -> ProductsDigitalResourceWithRawResponse:
        from .digital import ProductsDigitalResourceWithRawResponse

        return ProductsDigitalResourceWithRawResponse(self._resource.digital)


class ProductsResourceWithStreamingResponse:
    """`ProductsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: ProductsResource) -> None:
        self._resource = resource
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.create = to_streamed_response_wrapper(resource.create)

    @cached_property
    def digital(self) -> ProductsDigitalResourceWithStreamingResponse:
        from .digital import ProductsDigitalResourceWithStreamingResponse

        return ProductsDigitalResourceWithStreamingResponse(self._resource.digital)


class AsyncProductsResourceWithRawResponse:
    """`AsyncProductsResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncProductsResource) -> None:
        self._resource = resource
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.create = async_to_raw_response_wrapper(resource.create)

    @cached_property
    def digital(self) -> AsyncProductsDigitalResourceWithRawResponse:
        from .digital import AsyncProductsDigitalResourceWithRawResponse

        return AsyncProductsDigitalResourceWithRawResponse(self._resource.digital)


class AsyncProductsResourceWithStreamingResponse:
    """`AsyncProductsResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncProductsResource) -> None:
        self._resource = resource
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.create = async_to_streamed_response_wrapper(resource.create)

    @cached_property
    def digital(self) -> AsyncProductsDigitalResourceWithStreamingResponse:
        from .digital import AsyncProductsDigitalResourceWithStreamingResponse

        return AsyncProductsDigitalResourceWithStreamingResponse(self._resource.digital)
