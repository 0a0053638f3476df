"""Raw and streamed access to responses, and the binary download type.

``resource.with_raw_response.method(...)`` returns an ``APIResponse`` (status, headers, and
``parse()`` for the usual result); ``resource.with_streaming_response.method(...)`` is a context
manager whose response body has not been read yet, for large downloads.
"""

from __future__ import annotations

import contextlib
import functools
import os
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Generic,
    Iterator,
    Mapping,
    TypeVar,
    cast,
)

import httpx
from typing_extensions import ParamSpec

from ._base_client import RESPONSE_MODE
from ._drift import Drift
from ._exceptions import APIConnectionError, APITimeoutError

if TYPE_CHECKING:
    from ._base_client import FinalRequest

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "BinaryResponse",
    "StatusParser",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
]

_T = TypeVar("_T")
_P = ParamSpec("_P")
_CHUNK = 64 * 1024


class BinaryResponse:
    """A downloaded file: its bytes and content type, with a way to save it."""

    __slots__ = ("content", "content_type")

    def __init__(self, content: bytes, content_type: str | None) -> None:
        self.content = content
        self.content_type = content_type

    def read(self) -> bytes:
        return self.content

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the bytes to ``file``, replacing it."""
        with open(file, "wb") as handle:
            handle.write(self.content)

    def __len__(self) -> int:
        return len(self.content)

    def __repr__(self) -> str:
        return f"BinaryResponse(content_type={self.content_type!r}, size={len(self.content)})"


def parse_binary(response: httpx.Response, _request: FinalRequest) -> BinaryResponse:
    return BinaryResponse(response.content, response.headers.get("content-type"))


def parse_none(_response: httpx.Response, _request: FinalRequest) -> None:
    return None


def parse_text(response: httpx.Response, _request: FinalRequest) -> str:
    return response.text


class StatusParser(Generic[_T]):
    """Parses a response by its status code, for operations whose 2xx responses differ; a 2xx code
    the spec does not list is parsed like the first one it does."""

    __slots__ = ("_first", "_parsers")

    def __init__(self, parsers: Mapping[int, Callable[[httpx.Response, FinalRequest], _T]]) -> None:
        self._parsers = dict(parsers)
        self._first = next(iter(self._parsers.values()))

    def __call__(self, response: httpx.Response, request: FinalRequest) -> _T:
        return self._parsers.get(response.status_code, self._first)(response, request)


class _ResponseBase(Generic[_T]):
    http_response: httpx.Response
    retries_taken: int

    def __init__(
        self,
        response: httpx.Response,
        request: FinalRequest,
        parse: Callable[[httpx.Response, FinalRequest], _T],
        *,
        retries_taken: int,
    ) -> None:
        self.http_response = response
        self.retries_taken = retries_taken
        self._request = request
        self._parse = parse
        self._parsed: list[_T] = []

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def content_type(self) -> str | None:
        value: str | None = self.http_response.headers.get("content-type")
        return value

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] {self.http_request.method} {self.url}>"


class APIResponse(_ResponseBase[_T]):
    """An HTTP response together with the way to parse it into the method's usual result."""

    def parse(self) -> _T:
        """The result the method returns without ``with_raw_response`` (reads the body if needed)."""
        if not self._parsed:
            self.http_response.read()
            self._parsed.append(self._parse(self.http_response, self._request))
        return self._parsed[0]

    @property
    def drift(self) -> tuple[Drift, ...]:
        """Where the body did not match the spec (parses it if needed); empty when it did."""
        return _drift_of(self.parse())

    def read(self) -> bytes:
        return self.http_response.read()

    def text(self) -> str:
        self.http_response.read()
        return self.http_response.text

    def json(self) -> Any:
        self.http_response.read()
        return self.http_response.json()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks as it arrives; a dropped connection raises ``APIConnectionError``."""
        try:
            yield from self.http_response.iter_bytes(chunk_size)
        except httpx.TimeoutException as exc:
            raise APITimeoutError(self.http_request) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(
                self.http_request, message="Connection lost while reading the response."
            ) from exc

    def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int = _CHUNK) -> int:
        """Write the body to ``file`` chunk by chunk, never holding it all in memory; returns the byte count."""
        written = 0
        with open(file, "wb") as handle:
            for chunk in self.iter_bytes(chunk_size):
                handle.write(chunk)
                written += len(chunk)
        return written

    def close(self) -> None:
        self.http_response.close()


class AsyncAPIResponse(_ResponseBase[_T]):
    """The async counterpart of ``APIResponse``."""

    async def parse(self) -> _T:
        if not self._parsed:
            await self.http_response.aread()
            self._parsed.append(self._parse(self.http_response, self._request))
        return self._parsed[0]

    async def drift(self) -> tuple[Drift, ...]:
        """Where the body did not match the spec (parses it if needed); empty when it did."""
        return _drift_of(await self.parse())

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.http_response.aread()
        return self.http_response.text

    async def json(self) -> Any:
        await self.http_response.aread()
        return self.http_response.json()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks as it arrives; a dropped connection raises ``APIConnectionError``."""
        try:
            async for chunk in self.http_response.aiter_bytes(chunk_size):
                yield chunk
        except httpx.TimeoutException as exc:
            raise APITimeoutError(self.http_request) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(
                self.http_request, message="Connection lost while reading the response."
            ) from exc

    async def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int = _CHUNK) -> int:
        """Write the body to ``file`` chunk by chunk; returns the byte count."""
        written = 0
        with open(file, "wb") as handle:
            async for chunk in self.iter_bytes(chunk_size):
                handle.write(chunk)
                written += len(chunk)
        return written

    async def close(self) -> None:
        await self.http_response.aclose()


def _drift_of(parsed: object) -> tuple[Drift, ...]:
    found: object = getattr(parsed, "drift", ())
    return found if isinstance(found, tuple) else ()  # pyright: ignore[reportUnknownVariableType]


def _expect(result: object, expected: type[object]) -> None:
    if not isinstance(result, expected):
        raise TypeError(
            f"expected the wrapped method to return {expected.__name__}, got {type(result).__name__}"
        )


def to_raw_response_wrapper(func: Callable[_P, _T]) -> Callable[_P, APIResponse[_T]]:
    """Wrap a generated method so that it returns the ``APIResponse`` instead of the parsed result."""

    @functools.wraps(func)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_T]:
        token = RESPONSE_MODE.set("raw")
        try:
            result: Any = func(*args, **kwargs)
        finally:
            RESPONSE_MODE.reset(token)
        _expect(result, APIResponse)
        return cast("APIResponse[_T]", result)

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[_P, _T],
) -> Callable[_P, contextlib.AbstractContextManager[APIResponse[_T]]]:
    """Wrap a generated method so that it yields an unread ``APIResponse`` inside a ``with`` block."""

    @functools.wraps(func)
    @contextlib.contextmanager
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> Generator[APIResponse[_T], None, None]:
        token = RESPONSE_MODE.set("stream")
        try:
            result: Any = func(*args, **kwargs)
        finally:
            RESPONSE_MODE.reset(token)
        _expect(result, APIResponse)
        response = cast("APIResponse[_T]", result)
        try:
            yield response
        finally:
            response.close()

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[_P, Awaitable[_T]],
) -> Callable[_P, Awaitable[AsyncAPIResponse[_T]]]:
    """Async counterpart of ``to_raw_response_wrapper``."""

    @functools.wraps(func)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncAPIResponse[_T]:
        token = RESPONSE_MODE.set("raw")
        try:
            result: Any = await func(*args, **kwargs)
        finally:
            RESPONSE_MODE.reset(token)
        _expect(result, AsyncAPIResponse)
        return cast("AsyncAPIResponse[_T]", result)

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[_P, Awaitable[_T]],
) -> Callable[_P, contextlib.AbstractAsyncContextManager[AsyncAPIResponse[_T]]]:
    """Async counterpart of ``to_streamed_response_wrapper``."""

    @functools.wraps(func)
    @contextlib.asynccontextmanager
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncGenerator[AsyncAPIResponse[_T], None]:
        token = RESPONSE_MODE.set("stream")
        try:
            result: Any = await func(*args, **kwargs)
        finally:
            RESPONSE_MODE.reset(token)
        _expect(result, AsyncAPIResponse)
        response = cast("AsyncAPIResponse[_T]", result)
        try:
            yield response
        finally:
            await response.close()

    return wrapped
