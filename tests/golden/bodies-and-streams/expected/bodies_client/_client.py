"""The `Bodies` and `AsyncBodies` clients."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, Mapping

import httpx
from typing_extensions import Self

from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient
from ._constants import BASE_URL_ENV, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._types import NOT_GIVEN, NotGiven, Omit, Timeout

if TYPE_CHECKING:
    from .resources.forms import (
        FormsResource,
        FormsResourceWithRawResponse,
        FormsResourceWithStreamingResponse,
        AsyncFormsResource,
        AsyncFormsResourceWithRawResponse,
        AsyncFormsResourceWithStreamingResponse,
    )
    from .resources.uploads import (
        UploadsResource,
        UploadsResourceWithRawResponse,
        UploadsResourceWithStreamingResponse,
        AsyncUploadsResource,
        AsyncUploadsResourceWithRawResponse,
        AsyncUploadsResourceWithStreamingResponse,
    )
    from .resources.blobs import (
        BlobsResource,
        BlobsResourceWithRawResponse,
        BlobsResourceWithStreamingResponse,
        AsyncBlobsResource,
        AsyncBlobsResourceWithRawResponse,
        AsyncBlobsResourceWithStreamingResponse,
    )
    from .resources.notes import (
        NotesResource,
        NotesResourceWithRawResponse,
        NotesResourceWithStreamingResponse,
        AsyncNotesResource,
        AsyncNotesResourceWithRawResponse,
        AsyncNotesResourceWithStreamingResponse,
    )
    from .resources.things import (
        ThingsResource,
        ThingsResourceWithRawResponse,
        ThingsResourceWithStreamingResponse,
        AsyncThingsResource,
        AsyncThingsResourceWithRawResponse,
        AsyncThingsResourceWithStreamingResponse,
    )
    from .resources.events import (
        EventsResource,
        EventsResourceWithRawResponse,
        EventsResourceWithStreamingResponse,
        AsyncEventsResource,
        AsyncEventsResourceWithRawResponse,
        AsyncEventsResourceWithStreamingResponse,
    )

__all__ = ["Bodies", "AsyncBodies"]


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


class Bodies(SyncAPIClient):
    """
    Synchronous client of the Bodies.

    the base URL from ``base_url``, ``BODIES_BASE_URL``, or ``https://bodies.example.com``. Pass ``http_client`` to use your own httpx.Client (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        settings = _resolve_settings(base_url, timeout, http_client)
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

    def with_options(
        self,
        *,
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
    def with_raw_response(self) -> BodiesWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return BodiesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BodiesWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return BodiesWithStreamingResponse(self)

    @cached_property
    def forms(self) -> FormsResource:
        from .resources.forms import FormsResource

        return FormsResource(self)

    @cached_property
    def uploads(self) -> UploadsResource:
        from .resources.uploads import UploadsResource

        return UploadsResource(self)

    @cached_property
    def blobs(self) -> BlobsResource:
        from .resources.blobs import BlobsResource

        return BlobsResource(self)

    @cached_property
    def notes(self) -> NotesResource:
        from .resources.notes import NotesResource

        return NotesResource(self)

    @cached_property
    def things(self) -> ThingsResource:
        from .resources.things import ThingsResource

        return ThingsResource(self)

    @cached_property
    def events(self) -> EventsResource:
        from .resources.events import EventsResource

        return EventsResource(self)


class BodiesWithRawResponse:
    def __init__(self, client: Bodies) -> None:
        self._client = client

    @cached_property
    def forms(self) -> FormsResourceWithRawResponse:
        from .resources.forms import FormsResourceWithRawResponse

        return FormsResourceWithRawResponse(self._client.forms)

    @cached_property
    def uploads(self) -> UploadsResourceWithRawResponse:
        from .resources.uploads import UploadsResourceWithRawResponse

        return UploadsResourceWithRawResponse(self._client.uploads)

    @cached_property
    def blobs(self) -> BlobsResourceWithRawResponse:
        from .resources.blobs import BlobsResourceWithRawResponse

        return BlobsResourceWithRawResponse(self._client.blobs)

    @cached_property
    def notes(self) -> NotesResourceWithRawResponse:
        from .resources.notes import NotesResourceWithRawResponse

        return NotesResourceWithRawResponse(self._client.notes)

    @cached_property
    def things(self) -> ThingsResourceWithRawResponse:
        from .resources.things import ThingsResourceWithRawResponse

        return ThingsResourceWithRawResponse(self._client.things)

    @cached_property
    def events(self) -> EventsResourceWithRawResponse:
        from .resources.events import EventsResourceWithRawResponse

        return EventsResourceWithRawResponse(self._client.events)


class BodiesWithStreamingResponse:
    def __init__(self, client: Bodies) -> None:
        self._client = client

    @cached_property
    def forms(self) -> FormsResourceWithStreamingResponse:
        from .resources.forms import FormsResourceWithStreamingResponse

        return FormsResourceWithStreamingResponse(self._client.forms)

    @cached_property
    def uploads(self) -> UploadsResourceWithStreamingResponse:
        from .resources.uploads import UploadsResourceWithStreamingResponse

        return UploadsResourceWithStreamingResponse(self._client.uploads)

    @cached_property
    def blobs(self) -> BlobsResourceWithStreamingResponse:
        from .resources.blobs import BlobsResourceWithStreamingResponse

        return BlobsResourceWithStreamingResponse(self._client.blobs)

    @cached_property
    def notes(self) -> NotesResourceWithStreamingResponse:
        from .resources.notes import NotesResourceWithStreamingResponse

        return NotesResourceWithStreamingResponse(self._client.notes)

    @cached_property
    def things(self) -> ThingsResourceWithStreamingResponse:
        from .resources.things import ThingsResourceWithStreamingResponse

        return ThingsResourceWithStreamingResponse(self._client.things)

    @cached_property
    def events(self) -> EventsResourceWithStreamingResponse:
        from .resources.events import EventsResourceWithStreamingResponse

        return EventsResourceWithStreamingResponse(self._client.events)


class AsyncBodies(AsyncAPIClient):
    """
    Asynchronous client of the Bodies.

    the base URL from ``base_url``, ``BODIES_BASE_URL``, or ``https://bodies.example.com``. Pass ``http_client`` to use your own httpx.AsyncClient (transports, proxies, limits); it is then yours to close.

    ``timeout`` bounds each network operation of an attempt (connect, each read, each write); ``deadline`` (seconds, default none) bounds a whole call: every attempt, the waits between retries and the whole response body, ending in ``APITimeoutError``. Each page of a list is one call.

    A response that does not match the spec is returned all the same, with the mismatches on its ``drift`` and logged; ``strict_response_validation=True`` raises ``APIResponseValidationError`` instead.
    """

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str | Omit] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        settings = _resolve_settings(base_url, timeout, http_client)
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

    def with_options(
        self,
        *,
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
    def with_raw_response(self) -> AsyncBodiesWithRawResponse:
        """Resources whose methods return the HTTP response with ``parse()`` for the result."""
        return AsyncBodiesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBodiesWithStreamingResponse:
        """Resources whose methods stream the response body inside a ``with`` block."""
        return AsyncBodiesWithStreamingResponse(self)

    @cached_property
    def forms(self) -> AsyncFormsResource:
        from .resources.forms import AsyncFormsResource

        return AsyncFormsResource(self)

    @cached_property
    def uploads(self) -> AsyncUploadsResource:
        from .resources.uploads import AsyncUploadsResource

        return AsyncUploadsResource(self)

    @cached_property
    def blobs(self) -> AsyncBlobsResource:
        from .resources.blobs import AsyncBlobsResource

        return AsyncBlobsResource(self)

    @cached_property
    def notes(self) -> AsyncNotesResource:
        from .resources.notes import AsyncNotesResource

        return AsyncNotesResource(self)

    @cached_property
    def things(self) -> AsyncThingsResource:
        from .resources.things import AsyncThingsResource

        return AsyncThingsResource(self)

    @cached_property
    def events(self) -> AsyncEventsResource:
        from .resources.events import AsyncEventsResource

        return AsyncEventsResource(self)


class AsyncBodiesWithRawResponse:
    def __init__(self, client: AsyncBodies) -> None:
        self._client = client

    @cached_property
    def forms(self) -> AsyncFormsResourceWithRawResponse:
        from .resources.forms import AsyncFormsResourceWithRawResponse

        return AsyncFormsResourceWithRawResponse(self._client.forms)

    @cached_property
    def uploads(self) -> AsyncUploadsResourceWithRawResponse:
        from .resources.uploads import AsyncUploadsResourceWithRawResponse

        return AsyncUploadsResourceWithRawResponse(self._client.uploads)

    @cached_property
    def blobs(self) -> AsyncBlobsResourceWithRawResponse:
        from .resources.blobs import AsyncBlobsResourceWithRawResponse

        return AsyncBlobsResourceWithRawResponse(self._client.blobs)

    @cached_property
    def notes(self) -> AsyncNotesResourceWithRawResponse:
        from .resources.notes import AsyncNotesResourceWithRawResponse

        return AsyncNotesResourceWithRawResponse(self._client.notes)

    @cached_property
    def things(self) -> AsyncThingsResourceWithRawResponse:
        from .resources.things import AsyncThingsResourceWithRawResponse

        return AsyncThingsResourceWithRawResponse(self._client.things)

    @cached_property
    def events(self) -> AsyncEventsResourceWithRawResponse:
        from .resources.events import AsyncEventsResourceWithRawResponse

        return AsyncEventsResourceWithRawResponse(self._client.events)


class AsyncBodiesWithStreamingResponse:
    def __init__(self, client: AsyncBodies) -> None:
        self._client = client

    @cached_property
    def forms(self) -> AsyncFormsResourceWithStreamingResponse:
        from .resources.forms import AsyncFormsResourceWithStreamingResponse

        return AsyncFormsResourceWithStreamingResponse(self._client.forms)

    @cached_property
    def uploads(self) -> AsyncUploadsResourceWithStreamingResponse:
        from .resources.uploads import AsyncUploadsResourceWithStreamingResponse

        return AsyncUploadsResourceWithStreamingResponse(self._client.uploads)

    @cached_property
    def blobs(self) -> AsyncBlobsResourceWithStreamingResponse:
        from .resources.blobs import AsyncBlobsResourceWithStreamingResponse

        return AsyncBlobsResourceWithStreamingResponse(self._client.blobs)

    @cached_property
    def notes(self) -> AsyncNotesResourceWithStreamingResponse:
        from .resources.notes import AsyncNotesResourceWithStreamingResponse

        return AsyncNotesResourceWithStreamingResponse(self._client.notes)

    @cached_property
    def things(self) -> AsyncThingsResourceWithStreamingResponse:
        from .resources.things import AsyncThingsResourceWithStreamingResponse

        return AsyncThingsResourceWithStreamingResponse(self._client.things)

    @cached_property
    def events(self) -> AsyncEventsResourceWithStreamingResponse:
        from .resources.events import AsyncEventsResourceWithStreamingResponse

        return AsyncEventsResourceWithStreamingResponse(self._client.events)
