"""Server-sent events (``text/event-stream``): a response read event by event as it arrives.

The stream is parsed by the WHATWG rules: lines end in CRLF, LF or CR; a line starting with ``:``
is a comment; ``data`` lines are joined with newlines; ``event``, ``id`` and ``retry`` set the
event's fields; a blank line dispatches the event (one without data is not dispatched). Each
event's data is parsed into the spec's item type when that is JSON.

A ``Stream`` holds the connection open until it is read to the end or closed: use it in a ``with``
block (``async with`` for ``AsyncStream``), or iterate it; leaving the block or breaking out of the
loop closes the connection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, AsyncIterator, Callable, Generic, Iterable, Iterator, TypeVar

import httpx

from ._exceptions import APIConnectionError, APITimeoutError
from ._models import BaseModel, validate_response

if TYPE_CHECKING:
    from ._base_client import FinalRequest

__all__ = ["ServerSentEvent", "SSEDecoder", "Stream", "AsyncStream", "sse_parser", "async_sse_parser"]

_T = TypeVar("_T")
_M = TypeVar("_M", bound=BaseModel)


class ServerSentEvent(Generic[_T]):
    """One event: its type (``message`` unless named), its data parsed, the data as sent, and the
    last event id and reconnection time the stream gave."""

    __slots__ = ("data", "event", "id", "raw_data", "retry")

    def __init__(self, event: str, data: _T, raw_data: str, id: str | None, retry: int | None) -> None:
        self.event = event
        self.data = data
        self.raw_data = raw_data
        self.id = id
        self.retry = retry

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, id={self.id!r}, data={self.raw_data[:80]!r})"


class _RawEvent:
    __slots__ = ("data", "event", "id", "retry")

    def __init__(self, event: str, data: str, id: str | None, retry: int | None) -> None:
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry


class SSEDecoder:
    """Turns chunks of an event stream into events; keeps the last event id across events."""

    def __init__(self) -> None:
        self._pending = ""
        self._first = True
        self._event = ""
        self._data: list[str] = []
        self._last_id: str | None = None
        self._retry: int | None = None

    def feed(self, text: str) -> list[_RawEvent]:
        """Events completed by ``text`` (decoded UTF-8, split anywhere)."""
        if self._first and text:
            self._first = False
            if text.startswith("\ufeff"):
                text = text[1:]
        buffer = self._pending + text
        events: list[_RawEvent] = []
        start = 0
        length = len(buffer)
        while True:
            cut = _line_end(buffer, start)
            if cut is None:
                break
            end, after = cut
            if buffer[end] == "\r" and after == length:  # a CR at the end: an LF may follow in the next chunk
                break
            found = self._line(buffer[start:end])
            if found is not None:
                events.append(found)
            start = after
        self._pending = buffer[start:]
        return events

    def finish(self) -> list[_RawEvent]:
        """At the end of the stream: a pending line is read; an event not ended by a blank line is dropped."""
        if not self._pending:
            return []
        line, self._pending = self._pending.rstrip("\r"), ""
        found = self._line(line)
        return [] if found is None else [found]

    def _line(self, line: str) -> _RawEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id" and "\0" not in value:
            self._last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> _RawEvent | None:
        event, data = self._event, self._data
        self._event, self._data = "", []
        if not data:
            return None
        return _RawEvent(event or "message", "\n".join(data), self._last_id, self._retry)


def _line_end(buffer: str, start: int) -> tuple[int, int] | None:
    """Where the line from ``start`` ends and the next begins, or ``None`` when it has not ended yet."""
    lf = buffer.find("\n", start)
    cr = buffer.find("\r", start, lf if lf >= 0 else len(buffer))
    if cr >= 0:
        return cr, cr + 2 if buffer.startswith("\n", cr + 1) else cr + 1
    if lf >= 0:
        return lf, lf + 1
    return None


Convert = Callable[[_RawEvent, httpx.Response, "FinalRequest"], _T]


def _text(event: _RawEvent, _response: httpx.Response, _request: FinalRequest) -> str:
    return event.data


def _model(model: type[_M]) -> Callable[[_RawEvent, httpx.Response, FinalRequest], _M]:
    def convert(event: _RawEvent, response: httpx.Response, request: FinalRequest) -> _M:
        # One event's data parsed like a whole response body: tolerant or strict as the client is.
        part = httpx.Response(
            response.status_code,
            headers={"content-type": "application/json"},
            content=event.data.encode("utf-8"),
            request=response.request,
        )
        return validate_response(model, part, request)

    return convert


class _StreamBase(Generic[_T]):
    def __init__(self, response: httpx.Response, request: FinalRequest, convert: Convert[_T]) -> None:
        self.response = response
        self._request = request
        self._convert = convert
        self._decoder = SSEDecoder()

    def _events(self, raw: Iterable[_RawEvent]) -> Iterator[ServerSentEvent[_T]]:
        for event in raw:
            data = self._convert(event, self.response, self._request)
            yield ServerSentEvent(event.event, data, event.data, event.id, event.retry)

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers


class Stream(_StreamBase[_T]):
    """The events of a response, read as they arrive. Iterate once; closes the connection at the end,
    on ``break`` out of the loop, and on leaving a ``with`` block."""

    def __iter__(self) -> Iterator[ServerSentEvent[_T]]:
        try:
            for chunk in self.response.iter_text():
                yield from self._events(self._decoder.feed(chunk))
            yield from self._events(self._decoder.finish())
        except httpx.TimeoutException as exc:
            raise APITimeoutError(self.response.request) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(
                self.response.request, message="Connection lost while reading the events."
            ) from exc
        finally:
            self.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Stream[_T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncStream(_StreamBase[_T]):
    """The async ``Stream``: ``async for`` over it, in an ``async with`` block to close it on exit."""

    async def __aiter__(self) -> AsyncIterator[ServerSentEvent[_T]]:
        try:
            async for chunk in self.response.aiter_text():
                for event in self._events(self._decoder.feed(chunk)):
                    yield event
            for event in self._events(self._decoder.finish()):
                yield event
        except httpx.TimeoutException as exc:
            raise APITimeoutError(self.response.request) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(
                self.response.request, message="Connection lost while reading the events."
            ) from exc
        finally:
            await self.close()

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> AsyncStream[_T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


def sse_parser(model: type[_M]) -> Callable[[httpx.Response, FinalRequest], Stream[_M]]:
    """The parser of an event stream whose events carry ``model`` as JSON."""
    convert = _model(model)

    def parse(response: httpx.Response, request: FinalRequest) -> Stream[_M]:
        return Stream(response, request, convert)

    return parse


def async_sse_parser(model: type[_M]) -> Callable[[httpx.Response, FinalRequest], AsyncStream[_M]]:
    convert = _model(model)

    def parse(response: httpx.Response, request: FinalRequest) -> AsyncStream[_M]:
        return AsyncStream(response, request, convert)

    return parse


def parse_sse_text(response: httpx.Response, request: FinalRequest) -> Stream[str]:
    """The parser of an event stream whose events carry text (the data as sent)."""
    return Stream(response, request, _text)


def parse_async_sse_text(response: httpx.Response, request: FinalRequest) -> AsyncStream[str]:
    return AsyncStream(response, request, _text)
