"""The `trees` resource."""

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
from ..types._responses import TreeNode
from ..types._params import TreeNodeParam, TreesCreateArgs, TreesRetrieveArgs

__all__ = [
    "TreesResource",
    "AsyncTreesResource",
    "TreesResourceWithRawResponse",
    "TreesResourceWithStreamingResponse",
    "AsyncTreesResourceWithRawResponse",
    "AsyncTreesResourceWithStreamingResponse",
]

_CREATE = Operation(
    name="trees.create",
    method="post",
    path="/trees",
    path_params=(),
    query_params=(),
    header_params=(),
    body_params=(
        "label",
        "children",
        "parent",
    ),
    validate=ArgsValidator(TreesCreateArgs, "trees.create"),
)

_RETRIEVE = Operation(
    name="trees.retrieve",
    method="get",
    path="/trees/{tree_id}",
    path_params=("tree_id",),
    query_params=("depth",),
    header_params=(),
    validate=ArgsValidator(TreesRetrieveArgs, "trees.retrieve"),
)


class TreesResource(SyncAPIResource):
    """Methods of `client.trees`."""

    @cached_property
    def with_raw_response(self) -> TreesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return TreesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> TreesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return TreesResourceWithStreamingResponse(self)

    def create(
        self,
        *,
        label: str,
        children: Sequence[TreeNodeParam] | NotGiven = NOT_GIVEN,
        parent: TreeNodeParam | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> TreeNode:
        """POST /trees"""
        return self._client.call(
            _CREATE,
            {
                "label": label,
                "children": children,
                "parent": parent,
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
            model_parser(TreeNode),
        )

    def retrieve(
        self,
        *,
        tree_id: str,
        depth: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> TreeNode:
        """
        Args:
          depth: How many levels to return.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return self._client.call(
            _RETRIEVE,
            {
                "tree_id": tree_id,
                "depth": depth,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(TreeNode),
        )


class AsyncTreesResource(AsyncAPIResource):
    """Async methods of `client.trees`."""

    @cached_property
    def with_raw_response(self) -> AsyncTreesResourceWithRawResponse:
        """Methods that return the HTTP response (status, headers) with ``parse()`` for the result."""
        return AsyncTreesResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncTreesResourceWithStreamingResponse:
        """Methods whose response body is streamed; use them in a ``with`` block."""
        return AsyncTreesResourceWithStreamingResponse(self)

    async def create(
        self,
        *,
        label: str,
        children: Sequence[TreeNodeParam] | NotGiven = NOT_GIVEN,
        parent: TreeNodeParam | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        idempotency_key: str | NotGiven = NOT_GIVEN,
    ) -> TreeNode:
        """POST /trees"""
        return await self._client.call(
            _CREATE,
            {
                "label": label,
                "children": children,
                "parent": parent,
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
            model_parser(TreeNode),
        )

    async def retrieve(
        self,
        *,
        tree_id: str,
        depth: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> TreeNode:
        """
        Args:
          depth: How many levels to return.

          extra_headers, extra_query, extra_body: sent in addition to the above.
          timeout, max_retries, deadline: override the client's settings for this call;
            deadline (seconds) bounds the whole call, retries and waits included.
        """
        return await self._client.call(
            _RETRIEVE,
            {
                "tree_id": tree_id,
                "depth": depth,
            },
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
            ),
            model_parser(TreeNode),
        )


class TreesResourceWithRawResponse:
    """`TreesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: TreesResource) -> None:
        self._resource = resource
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class TreesResourceWithStreamingResponse:
    """`TreesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: TreesResource) -> None:
        self._resource = resource
        self.create = to_streamed_response_wrapper(resource.create)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)


class AsyncTreesResourceWithRawResponse:
    """`AsyncTreesResource` methods that return the raw HTTP response."""

    def __init__(self, resource: AsyncTreesResource) -> None:
        self._resource = resource
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)


class AsyncTreesResourceWithStreamingResponse:
    """`AsyncTreesResource` methods that return a streamed response context manager."""

    def __init__(self, resource: AsyncTreesResource) -> None:
        self._resource = resource
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
