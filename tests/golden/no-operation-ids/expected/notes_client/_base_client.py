"""HTTP plumbing shared by every generated client: request building, retries, timeouts, errors.

``SyncAPIClient`` and ``AsyncAPIClient`` differ only in how they send and sleep; everything that
decides *what* to send and *whether* to retry lives in ``BaseClient`` so both behave the same.
"""

from __future__ import annotations

import contextlib
import contextvars
import email.utils
import heapq
import itertools
import json
import math
import platform
import random
import socket
import threading
import time
import uuid
from urllib.parse import parse_qsl, urlencode, urlsplit
from dataclasses import dataclass, field, replace
from typing import (
    Any,
    AsyncIterator,
    Callable,
    ClassVar,
    Final,
    Generic,
    Iterator,
    Literal,
    Mapping,
    TypeVar,
    Union,
)

import anyio
import httpx

from ._auth import AsyncAuthFlow, AuthScheme, Requirements, SyncAuthFlow, select_schemes
from ._drift import DriftReporter
from ._constants import (
    DEFAULT_CONNECTION_LIMITS,
    IDEMPOTENCY_HEADER,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    PACKAGE_NAME,
    RETRYABLE_STATUS_CODES,
    VERSION,
)
from ._exceptions import APIConnectionError, APITimeoutError, MissingCredentialsError, make_status_error
from ._files import BodyFormat, EncodedBody, encode_body
from ._logging import logger, setup_logging
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout
from ._utils import (
    ArgumentError,
    build_path,
    check_header,
    encode_query,
    find_non_finite,
    format_scalar,
    json_default,
)

__all__ = [
    "Operation",
    "FinalRequest",
    "CallOptions",
    "BaseClient",
    "SyncAPIClient",
    "AsyncAPIClient",
    "SyncAPIResource",
    "AsyncAPIResource",
]

_T = TypeVar("_T")
HttpxClientT = TypeVar("HttpxClientT", httpx.Client, httpx.AsyncClient)

ResponseMode = Literal["parsed", "raw", "stream"]
RESPONSE_MODE: Final[contextvars.ContextVar[ResponseMode]] = contextvars.ContextVar(
    f"{PACKAGE_NAME}_response_mode", default="parsed"
)
"""Set by the ``with_raw_response`` / ``with_streaming_response`` wrappers for the duration of one call."""

_SAFE_METHODS: Final = frozenset({"get", "head", "options"})


def _is_count(value: object) -> bool:
    """A non-negative int (and not a bool): arguments are checked even where types say so."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_instance(value: object, expected: type[object]) -> bool:
    return isinstance(value, expected)


def _checked_deadline(value: object) -> float | None:
    """A deadline in seconds (``None``: none), refused unless it is a positive, finite number."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < math.inf:
        return float(value)
    raise ArgumentError(f"deadline must be a positive number of seconds or None, got {value!r}")


def _cap(limit: float | None, remaining: float) -> float:
    return remaining if limit is None else min(limit, remaining)


def _capped_timeout(timeout: Timeout, remaining: float) -> httpx.Timeout:
    """``timeout`` with every phase (connect, read, write, pool) cut to the time left before the deadline."""
    if not isinstance(timeout, httpx.Timeout):
        return httpx.Timeout(_cap(timeout, remaining))
    return httpx.Timeout(
        connect=_cap(timeout.connect, remaining),
        read=_cap(timeout.read, remaining),
        write=_cap(timeout.write, remaining),
        pool=_cap(timeout.pool, remaining),
    )


class _Watchdog:
    """Cuts off sync reads of a response body that are still waiting when their call's deadline comes.

    A socket read that has started keeps the timeout it started with, but a socket shut down by
    another thread ends the read at once; it fails and the call ends in ``APITimeoutError``. One
    daemon thread serves the process, started on first use; it sleeps while nothing is armed. Only
    calls with a deadline use it.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._armed: dict[int, tuple[float, socket.socket]] = {}
        self._queue: list[tuple[float, int]] = []
        self._ids = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, at: float, sock: socket.socket) -> int:
        with self._condition:
            ident = next(self._ids)
            self._armed[ident] = (at, sock)
            if len(self._queue) > 2 * len(self._armed) + 64:  # drop entries disarmed long ago
                self._queue = [(when, key) for when, key in self._queue if key in self._armed]
                heapq.heapify(self._queue)
            heapq.heappush(self._queue, (at, ident))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name=f"{PACKAGE_NAME}-deadline", daemon=True
                )
                self._thread.start()
            elif self._queue[0][1] == ident:
                self._condition.notify()
            return ident

    def disarm(self, ident: int) -> None:
        with self._condition:
            self._armed.pop(ident, None)

    def _run(self) -> None:
        with self._condition:
            while True:
                while self._queue and self._queue[0][1] not in self._armed:
                    heapq.heappop(self._queue)
                if not self._queue:
                    self._condition.wait()
                    continue
                at, ident = self._queue[0]
                delay = at - time.monotonic()
                if delay > 0:
                    self._condition.wait(delay)
                    continue
                heapq.heappop(self._queue)
                _, sock = self._armed.pop(ident)
                # The plain socket's shutdown, also for a TLS socket (whose own shutdown would
                # unwrap it under the reading thread); a socket closed meanwhile raises, harmlessly.
                with contextlib.suppress(OSError):
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)


_WATCHDOG: Final = _Watchdog()


def _socket_of(response: httpx.Response) -> socket.socket | None:
    """The socket a response arrives on, when the transport says (httpx's default one does)."""
    stream: object = response.extensions.get("network_stream")
    get_extra_info = getattr(stream, "get_extra_info", None)
    sock: object = get_extra_info("socket") if callable(get_extra_info) else None
    return sock if isinstance(sock, socket.socket) else None


class _DeadlineStream(httpx.SyncByteStream):
    """A response body that fails with a read timeout once the call's deadline has passed.

    Checked after every chunk, which bounds a body whose bytes keep trickling in, each soon enough
    to reset the read timeout; a read still waiting at the deadline is cut off by ``_WATCHDOG``.
    """

    def __init__(
        self,
        stream: httpx.SyncByteStream,
        deadline: float,
        request: httpx.Request,
        sock: socket.socket | None,
    ) -> None:
        self._stream = stream
        self._deadline = deadline
        self._request = request
        self._socket = sock
        self._watch: int | None = None

    def __iter__(self) -> Iterator[bytes]:
        if self._socket is not None and self._watch is None:
            self._watch = _WATCHDOG.arm(self._deadline, self._socket)
        try:
            for chunk in self._stream:
                if time.monotonic() >= self._deadline:
                    raise httpx.ReadTimeout(_BODY_PAST_DEADLINE, request=self._request)
                yield chunk
        except httpx.TransportError as exc:
            if isinstance(exc, httpx.TimeoutException) or time.monotonic() < self._deadline:
                raise
            raise httpx.ReadTimeout(_BODY_PAST_DEADLINE, request=self._request) from exc
        finally:
            self._disarm()

    def _disarm(self) -> None:
        if self._watch is not None:
            _WATCHDOG.disarm(self._watch)
            self._watch = None

    def close(self) -> None:
        self._disarm()
        self._stream.close()


class _AsyncDeadlineStream(httpx.AsyncByteStream):
    """The async ``_DeadlineStream``: a read still waiting at the deadline is cancelled too."""

    def __init__(self, stream: httpx.AsyncByteStream, deadline: float, request: httpx.Request) -> None:
        self._stream = stream
        self._deadline = deadline
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunks = self._stream.__aiter__()
        while True:
            chunk: bytes | None = None
            with anyio.move_on_after(self._deadline - time.monotonic()):
                try:
                    chunk = await chunks.__anext__()
                except StopAsyncIteration:
                    return
            if chunk is None or time.monotonic() >= self._deadline:
                raise httpx.ReadTimeout(_BODY_PAST_DEADLINE, request=self._request)
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


_BODY_PAST_DEADLINE: Final = "the call's deadline passed while the response body was arriving"


def _no_entries() -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Operation:
    """Everything the runtime needs to know about one API operation, generated from the spec."""

    name: str
    """Dotted client name, e.g. ``resource.sub.method``; used in error messages."""
    method: str
    path: str
    path_params: tuple[str, ...] = ()
    query_params: tuple[str, ...] = ()
    header_params: tuple[str, ...] = ()
    body_params: tuple[str, ...] = ()
    """Wire names of the top-level body properties, when the body is a flattened JSON object."""
    body_key: str | None = None
    """Name of the single argument that *is* the body: a non-object body, or an object body packed
    into one argument because its properties clash with parameter names."""
    body_optional: bool = False
    """The body is an object the spec does not require: with none of its properties given, none is sent."""
    comma_params: tuple[str, ...] = ()
    """Query parameters whose list value is sent as one comma-separated value (``explode: false``)."""
    headers: Mapping[str, str] = field(default_factory=_no_entries)
    """Fixed headers, e.g. the ``Accept`` of a binary download."""
    body_formats: tuple[BodyFormat, ...] = ()
    """The content types the body can be sent as, the default first (none: JSON)."""
    file_params: tuple[str, ...] = ()
    """Arguments holding files or raw content: passed through as given, not validated as data."""
    stream: bool = False
    """The response is a stream of events: its body is read as it arrives, not before parsing."""
    validate: Callable[[dict[str, object]], dict[str, Any]] | None = None
    """Checks and serializes the arguments; raises ``ArgumentError`` naming what is wrong."""
    security: Requirements | None = None
    """The operation's own security alternatives (``()``: none); ``None``: the client's default."""


@dataclass(frozen=True)
class CallOptions:
    """Per-call overrides every generated method accepts."""

    extra_headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Body | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    idempotency_key: str | NotGiven = NOT_GIVEN
    deadline: float | NotGiven | None = NOT_GIVEN
    content_type: str | NotGiven = NOT_GIVEN
    """Which of the operation's request content types to send (its default when not given)."""


@dataclass(frozen=True)
class FinalRequest:
    """A request ready to send (and to resend: retries and the next page reuse it)."""

    method: str
    path: str
    params: Mapping[str, object] = field(default_factory=_no_entries)
    headers: Mapping[str, Union[str, Omit]] = field(default_factory=_no_entries)
    json_data: object | NotGiven = NOT_GIVEN
    timeout: Timeout | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    idempotency_key: str | NotGiven = NOT_GIVEN
    operation: str = ""
    """The generated method this request is for (``resource.sub.method``), for messages."""
    drift: DriftReporter | None = None
    """How the client handles a response that does not match the spec (strict or tolerant)."""
    deadline: float | NotGiven | None = NOT_GIVEN
    """Seconds the whole call may take, retries and waits included; each page of a list is one call."""
    security: Requirements | None = None
    """The security alternatives of the operation (``None``: the client's default ones)."""
    body: EncodedBody | None = None
    """A body that is not JSON (form, multipart, binary, text); ``json_data`` is then unused."""
    stream: bool = False
    """Leave a successful response unread for the parser (a stream of events)."""

    def with_params(self, **params: object) -> FinalRequest:
        """A copy with some query parameters replaced (used to ask for the next page)."""
        return replace(self, params={**self.params, **params})


def _merge_headers(*layers: Mapping[str, Union[str, Omit]] | None) -> dict[str, str]:
    """Later layers win, names compared case-insensitively; an ``Omit`` value removes the header."""
    merged: dict[str, tuple[str, Union[str, Omit]]] = {}
    for layer in layers:
        if layer:
            for key, value in layer.items():
                merged[key.lower()] = (key, value)
    return {key: value for key, value in merged.values() if isinstance(value, str)}


def _seconds_until(http_date: str) -> float | None:
    """Seconds from now until an HTTP date (0 once it has passed: retry now), or ``None`` when it
    is not a date Python can represent."""
    parsed = email.utils.parsedate_tz(http_date)
    if parsed is None:
        return None
    try:
        return max(0.0, float(email.utils.mktime_tz(parsed)) - time.time())
    except (ValueError, OverflowError):  # e.g. a year past 9999 from a broken server
        return None


def _retry_after_seconds(headers: httpx.Headers) -> float | None:
    """The wait a server asked for via ``retry-after-ms`` or ``Retry-After``, if it is usable."""
    wait: float | None = None
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            wait = float(millis) / 1000.0
        except ValueError:
            wait = None
    if wait is None:
        value = headers.get("retry-after")
        if value is not None:
            try:
                wait = float(value)
            except ValueError:
                wait = _seconds_until(value)
    if wait is None or wait != wait or wait < 0 or wait > MAX_RETRY_AFTER:
        return None
    return wait


def _return_response(response: httpx.Response, _request: FinalRequest) -> httpx.Response:
    return response


def _check_idempotency_key(value: object, where: str) -> None:
    if not isinstance(value, str) or not value:
        given = "an empty string" if value == "" else f"a value of type {type(value).__name__}"
        raise ArgumentError(f"{where}: idempotency_key must be a non-empty string, got {given}")
    check_header(IDEMPOTENCY_HEADER, value, f"{where}: idempotency_key")


def _encode_json(request: FinalRequest) -> bytes:
    """The JSON body as UTF-8, refusing what JSON cannot carry with the place it was found."""
    where = f"{request.method.upper()} {request.path}"
    try:
        text = json.dumps(
            request.json_data,
            separators=(",", ":"),
            ensure_ascii=False,
            allow_nan=False,
            default=json_default,
        )
        return text.encode("utf-8")
    except ArgumentError:
        raise
    except UnicodeEncodeError:
        raise ArgumentError(
            f"{where}: the JSON body holds text that is not valid Unicode (a lone surrogate)"
        ) from None
    except ValueError as exc:
        found = find_non_finite(request.json_data)
        if found is None:
            raise ArgumentError(f"{where}: the body cannot be sent as JSON: {exc}") from None
        path, value = found
        raise ArgumentError(
            f"{where}: cannot send {value!r} at `{path or '(body)'}` in the JSON body: JSON has no NaN or "
            "infinity; send a finite number"
        ) from None


def _body_format(op: Operation, options: CallOptions) -> BodyFormat | None:
    """The format the body goes in: the one ``content_type`` names, else the operation's default."""
    if isinstance(options.content_type, NotGiven):
        return op.body_formats[0] if op.body_formats else None
    for body_format in op.body_formats:
        if body_format.content_type == options.content_type:
            return body_format
    known = ", ".join(repr(f.content_type) for f in op.body_formats) or "none"
    raise ArgumentError(f"{op.name}(): content_type must be one of {known}, got {options.content_type!r}")


def _with_body_headers(
    headers: dict[str, str], body: EncodedBody, given: Mapping[str, Union[str, Omit]]
) -> dict[str, str]:
    """The body's ``Content-Type`` (unless the call set one) and, when known, its ``Content-Length``,
    which lets even a streamed body go without chunked transfer encoding."""
    own = {k.lower() for k in given}
    merged = {
        k: v
        for k, v in headers.items()
        if k.lower() not in ("content-type", "content-length") or k.lower() in own
    }
    if "content-type" not in own:
        merged["Content-Type"] = body.content_type
    if body.length is not None and "content-length" not in own:
        merged["Content-Length"] = str(body.length)
    return merged


class BaseClient(Generic[HttpxClientT]):
    """Configuration and decisions shared by the sync and async clients."""

    _client: HttpxClientT
    _base_url: httpx.URL
    max_retries: int
    timeout: Timeout
    deadline: float | None
    """Seconds a whole call may take, all attempts and waits between them included; ``None``: no bound."""
    _custom_headers: Mapping[str, Union[str, Omit]]
    _custom_query: Mapping[str, object]

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        custom_headers: Mapping[str, Union[str, Omit]] | None,
        custom_query: Mapping[str, object] | None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        if not _is_count(max_retries):
            raise ArgumentError(f"max_retries must be a non-negative integer, got {max_retries!r}")
        setup_logging()
        self._base_url = self._enforce_trailing_slash(httpx.URL(str(base_url)))
        self._base_url_text = str(self._base_url)
        self.timeout = timeout
        self.max_retries = max_retries
        self.deadline = _checked_deadline(deadline)
        self._custom_headers = dict(custom_headers or {})
        self._custom_query = dict(custom_query or {})
        self._drift = DriftReporter(strict=bool(strict_response_validation))
        for name, value in self._custom_headers.items():
            if not isinstance(value, Omit):
                check_header(name, value, "default_headers")

    @property
    def strict_response_validation(self) -> bool:
        """Whether a response that does not match the spec raises instead of being returned with ``drift``."""
        return self._drift.strict

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @staticmethod
    def _enforce_trailing_slash(url: httpx.URL) -> httpx.URL:
        text = str(url)
        return url if text.endswith("/") else httpx.URL(text + "/")

    @property
    def auth_headers(self) -> dict[str, str]:
        """The headers the client's credentials add to a call under the spec's default security
        (a token still to be fetched or provided is not in it). They are added as each request is
        sent, after ``default_headers``, and only where the operation's security asks for them."""
        try:
            schemes = select_schemes(self.auth_schemes(), self.default_security, "")
        except MissingCredentialsError:
            return {}
        found = {scheme.param: scheme.static_value() for scheme in schemes if scheme.location == "header"}
        return {name: value for name, value in found.items() if value is not None}

    # Hooks the generated client fills in.

    default_security: ClassVar[Requirements] = ()
    """The spec's top-level security alternatives, for operations that declare none of their own."""

    def auth_schemes(self) -> Mapping[str, AuthScheme]:
        """The security schemes with the credentials the client holds now, by their names in the spec."""
        return {}

    def _schemes_for(self, request: FinalRequest) -> list[AuthScheme]:
        """The schemes to apply to ``request``; raises ``MissingCredentialsError`` (nothing is sent)
        when the client holds credentials for none of its alternatives."""
        security = self.default_security if request.security is None else request.security
        if not security:
            return []
        # A header or query parameter the caller sets (or omits with ``omit``) is theirs to decide.
        own = {name.lower() for layer in (self._custom_headers, request.headers) for name in layer}
        own_query = {*self._custom_query, *request.params}
        return select_schemes(
            self.auth_schemes(),
            security,
            request.operation,
            provided=lambda scheme: (scheme.location == "header" and scheme.param.lower() in own)
            or (scheme.location == "query" and scheme.param in own_query),
        )

    @property
    def user_agent(self) -> str:
        return f"{PACKAGE_NAME}/{VERSION} python/{platform.python_version()} httpx/{httpx.__version__}"

    @property
    def default_headers(self) -> dict[str, Union[str, Omit]]:
        return {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "User-Agent": self.user_agent,
            **self._custom_headers,
        }

    # Building requests.
    def prepare(self, op: Operation, args: Mapping[str, object], options: CallOptions) -> FinalRequest:
        """Validate the arguments of one call and lay them out as a request."""
        values: dict[str, Any] = {
            key: value for key, value in args.items() if not isinstance(value, NotGiven)
        }
        files = {name: values.pop(name) for name in op.file_params if name in values}
        if op.validate is not None:
            values = op.validate(values)
        values.update(files)
        path = build_path(op.path, op.name, {name: values.get(name) for name in op.path_params})
        params: dict[str, object] = {name: values[name] for name in op.query_params if name in values}
        for name in op.comma_params:
            if isinstance(values.get(name), (list, tuple)):
                params[name] = ",".join(format_scalar(item) for item in values[name])
        if options.extra_query:
            params.update(options.extra_query)
        headers: dict[str, Union[str, Omit]] = dict(op.headers)
        for name in op.header_params:
            if values.get(name) is not None:
                headers[name] = format_scalar(values[name])
        if options.extra_headers:
            headers.update(options.extra_headers)
        for name, value in headers.items():
            if not isinstance(value, Omit):
                check_header(name, value, f"{op.name}()")
        if not isinstance(options.idempotency_key, NotGiven):
            _check_idempotency_key(options.idempotency_key, f"{op.name}()")
        json_data: object | NotGiven = NOT_GIVEN
        if op.body_key is not None:
            if op.body_key in values:
                json_data = values[op.body_key]
        elif op.body_params:
            json_data = {name: values[name] for name in op.body_params if name in values}
        if op.body_optional and json_data == {}:
            json_data = NOT_GIVEN
        if options.extra_body:
            if json_data is NOT_GIVEN:
                json_data = {}
            if not isinstance(json_data, dict):
                raise ArgumentError(f"{op.name}(): extra_body can only extend a JSON object body")
            json_data = {**json_data, **options.extra_body}
        body_format = _body_format(op, options)
        body: EncodedBody | None = None
        if body_format is not None and body_format.kind != "json" and not isinstance(json_data, NotGiven):
            body = encode_body(body_format, json_data, f"{op.name}()", op.file_params)
        elif body_format is not None and not any(k.lower() == "content-type" for k in headers):
            headers["Content-Type"] = body_format.content_type  # a JSON type of its own, e.g. merge-patch
        return FinalRequest(
            method=op.method,
            path=path,
            params=params,
            headers=headers,
            json_data=json_data,
            timeout=options.timeout,
            max_retries=options.max_retries,
            idempotency_key=options.idempotency_key,
            operation=op.name,
            drift=self._drift,
            deadline=options.deadline,
            security=op.security,
            body=body,
            stream=op.stream,
        )

    @staticmethod
    def _raw_request(
        method: str,
        path: str,
        query: Query | None,
        body: object | NotGiven,
        headers: Headers | None,
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        deadline: float | NotGiven | None,
    ) -> FinalRequest:
        if not method or not path:
            raise ArgumentError("request() needs an HTTP method and a path")
        for name, value in (headers or {}).items():
            if not isinstance(value, Omit):
                check_header(name, value, "request()")
        return FinalRequest(
            method=method.lower(),
            path=path,
            params=dict(query or {}),
            headers=dict(headers or {}),
            json_data=body,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
        )

    def _build_request(
        self, request: FinalRequest, *, idempotency_key: str | None, ends_at: float | None = None
    ) -> httpx.Request:
        """The httpx request of one attempt; with a deadline (``ends_at``, monotonic), every timeout
        is cut to the time left."""
        headers = _merge_headers(self.default_headers, request.headers)
        if idempotency_key is not None and not any(k.lower() == IDEMPOTENCY_HEADER.lower() for k in headers):
            headers[IDEMPOTENCY_HEADER] = idempotency_key
        content: bytes | Iterator[bytes] | AsyncIterator[bytes] | None = None
        if request.body is not None:
            headers = _with_body_headers(headers, request.body, request.headers)
            content = request.body.content()
            if content is None:
                content = (
                    request.body.__aiter__()
                    if isinstance(self._client, httpx.AsyncClient)
                    else iter(request.body)
                )
        elif isinstance(request.json_data, NotGiven):
            headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        else:
            content = _encode_json(request)
        timeout = self.timeout if isinstance(request.timeout, NotGiven) else request.timeout
        if ends_at is not None:
            timeout = _capped_timeout(timeout, max(ends_at - time.monotonic(), 0.001))
        try:
            return self._client.build_request(
                request.method.upper(),
                self._url_for(request),
                headers=headers,
                content=content,
                timeout=timeout,
            )
        except (httpx.InvalidURL, UnicodeEncodeError) as exc:
            # Path and header arguments were checked already; what is left is a query value that is
            # not valid text or a URL past httpx's limit.
            raise ArgumentError(
                f"{request.method.upper()} {request.path}: cannot build the URL: {type(exc).__name__}: {exc}"
            ) from None

    def _url_for(self, request: FinalRequest) -> str:
        """The full URL as text: base URL + already-encoded path + encoded query.

        Built as a string (httpx parses it once) rather than with ``URL.join``, which parses twice
        and costs as much as the rest of request building.
        """
        path = request.path
        url = path if path.startswith(("http://", "https://")) else self._base_url_text + path.lstrip("/")
        custom = self._custom_query
        if custom and url is path and "?" in path:  # a next-page URL may carry default_query already
            present = {key for key, _ in parse_qsl(urlsplit(path).query, keep_blank_values=True)}
            custom = {key: value for key, value in custom.items() if key not in present}
        pairs = encode_query({**custom, **request.params})
        if pairs:
            url += ("&" if "?" in url else "?") + urlencode(pairs, safe=",")
        return url

    def _timeout_for(self, request: FinalRequest) -> Timeout:
        return self.timeout if isinstance(request.timeout, NotGiven) else request.timeout

    def _ends_at(self, request: FinalRequest) -> float | None:
        """When (``time.monotonic()``) the call sent now must be finished, or ``None``."""
        seconds = (
            self.deadline if isinstance(request.deadline, NotGiven) else _checked_deadline(request.deadline)
        )
        return None if seconds is None else time.monotonic() + seconds

    def _max_retries_for(self, request: FinalRequest) -> int:
        if isinstance(request.max_retries, NotGiven):
            return self.max_retries
        if not _is_count(request.max_retries):
            raise ArgumentError(f"max_retries must be a non-negative integer, got {request.max_retries!r}")
        return request.max_retries

    @staticmethod
    def _idempotency_key_for(request: FinalRequest) -> str | None:
        if request.method.lower() in _SAFE_METHODS:
            return None
        if isinstance(request.idempotency_key, str):
            return request.idempotency_key
        return f"{PACKAGE_NAME}-{uuid.uuid4()}"

    @staticmethod
    def should_retry(response: httpx.Response) -> bool:
        """Whether a non-2xx response may be retried: 408, 409, 429 and every 5xx."""
        return response.status_code in RETRYABLE_STATUS_CODES or response.status_code >= 500

    @staticmethod
    def retry_delay(retries_taken: int, headers: httpx.Headers | None) -> float:
        """Seconds to wait before the next attempt.

        A usable ``retry-after-ms`` / ``Retry-After`` wins; otherwise exponential backoff from
        ``INITIAL_RETRY_DELAY``, capped at ``MAX_RETRY_DELAY``, with up to 25% jitter taken off.
        """
        if headers is not None:
            asked = _retry_after_seconds(headers)
            if asked is not None:
                return asked
        backoff = min(INITIAL_RETRY_DELAY * (2.0**retries_taken), MAX_RETRY_DELAY)
        return backoff * (1.0 - 0.25 * random.random())

    def _next_wait(
        self,
        request: FinalRequest,
        http_request: httpx.Request,
        outcome: httpx.Response | APIConnectionError,
        retries_taken: int,
        max_retries: int,
        ends_at: float | None,
    ) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` when this outcome is final.

        The one place that decides whether to retry, for the sync and the async client alike.
        Raises ``APITimeoutError`` when the wait would end past the call's deadline (``ends_at``),
        or when the final outcome is a timeout at the deadline.
        """
        if isinstance(outcome, httpx.Response):
            self._log_response(http_request, outcome)
            if outcome.is_success or not self.should_retry(outcome):
                return None
            headers: httpx.Headers | None = outcome.headers
            reason = f"HTTP {outcome.status_code}"
        else:
            if not isinstance(outcome.__cause__, httpx.TransportError):
                return None  # e.g. too many redirects or an undecodable body: retrying cannot help
            headers = None
            reason = outcome.message
        remaining = max_retries - retries_taken
        if remaining > 0 and request.body is not None and not request.body.can_resend:
            logger.info(
                "%s %s: not retried: its streamed body was sent and cannot be read again",
                http_request.method,
                http_request.url,
            )
            return None
        if remaining <= 0:
            if ends_at is not None and isinstance(outcome, APITimeoutError) and time.monotonic() >= ends_at:
                raise self._past_deadline(request, http_request, outcome, retries_taken + 1)
            return None
        wait = self.retry_delay(retries_taken, headers)
        if ends_at is not None and time.monotonic() + wait >= ends_at:
            raise self._past_deadline(request, http_request, outcome, retries_taken + 1)
        self._log_retry(http_request, wait, reason, remaining - 1)
        return wait

    def _finish(
        self,
        outcome: httpx.Response | APIConnectionError,
        request: FinalRequest,
        parse: Callable[[httpx.Response, FinalRequest], _T],
        mode: ResponseMode,
        retries_taken: int,
    ) -> _T:
        """Raise the final error, or parse the response (or wrap it for the raw/stream wrappers)."""
        if isinstance(outcome, APIConnectionError):
            raise outcome from outcome.__cause__
        if not outcome.is_success:
            raise make_status_error(outcome)
        if mode == "parsed":
            return parse(outcome, request)
        wrapped = self._wrap(outcome, request, parse, retries_taken)
        return wrapped  # type: ignore[return-value]  # the raw/stream wrappers declare this type

    def _wrap(
        self,
        response: httpx.Response,
        request: FinalRequest,
        parse: Callable[[httpx.Response, FinalRequest], _T],
        retries_taken: int,
    ) -> object:
        raise NotImplementedError

    def _past_deadline(
        self,
        request: FinalRequest,
        http_request: httpx.Request,
        outcome: httpx.Response | APIConnectionError | None,
        attempts: int,
    ) -> APITimeoutError:
        """The error of a call that did not finish within its deadline; the last outcome is its cause."""
        seconds = self.deadline if isinstance(request.deadline, NotGiven) else request.deadline
        error = APITimeoutError(
            http_request,
            message=f"Request timed out: {http_request.method} {http_request.url.path} did not finish within "
            f"its deadline of {seconds or 0:g} s ({attempts} attempt{'' if attempts == 1 else 's'}).",
        )
        if isinstance(outcome, httpx.Response):
            error.__cause__ = make_status_error(outcome)
        elif outcome is not None:
            error.__cause__ = outcome.__cause__
        logger.info(
            "%s %s: deadline reached after %d attempt(s)", http_request.method, http_request.url, attempts
        )
        return error

    @staticmethod
    def _transport_error(request: httpx.Request, exc: httpx.RequestError) -> APIConnectionError:
        """The client error for a request that got no usable response (or one httpx could not read)."""
        if isinstance(exc, httpx.LocalProtocolError):
            # The request itself could not be written (arguments and settings are checked earlier, so
            # this means one was changed afterwards). h11 quotes an offending header value, which may
            # be a credential: it is not repeated, not chained, and the call is not retried, since
            # sending the same request again cannot help.
            detail = "a header value is not allowed in HTTP" if "header value" in str(exc) else str(exc)
            return APIConnectionError(request, message=f"Could not send the request: {detail}")
        error = (
            APITimeoutError(request)
            if isinstance(exc, httpx.TimeoutException)
            else APIConnectionError(
                request, message=f"Connection error: {type(exc).__name__}: {exc}".rstrip(": ")
            )
        )
        error.__cause__ = exc
        return error

    @staticmethod
    def _log_request(request: httpx.Request, attempt: int) -> None:
        logger.debug("HTTP request: %s %s (attempt %d)", request.method, request.url, attempt + 1)

    @staticmethod
    def _log_response(request: httpx.Request, response: httpx.Response) -> None:
        logger.debug(
            'HTTP response: %s %s "%d %s"',
            request.method,
            request.url,
            response.status_code,
            response.reason_phrase,
        )

    @staticmethod
    def _log_retry(request: httpx.Request, wait: float, reason: str, remaining: int) -> None:
        logger.info(
            "Retrying %s %s in %.2f seconds after %s (%d retr%s left)",
            request.method,
            request.url,
            wait,
            reason,
            remaining,
            "y" if remaining == 1 else "ies",
        )


class SyncAPIClient(BaseClient[httpx.Client]):
    """Sends requests with an ``httpx.Client``."""

    _owns_client: bool

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        custom_headers: Mapping[str, Union[str, Omit]] | None,
        custom_query: Mapping[str, object] | None,
        http_client: httpx.Client | None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=custom_headers,
            custom_query=custom_query,
            strict_response_validation=strict_response_validation,
            deadline=deadline,
        )
        if http_client is not None and not _is_instance(http_client, httpx.Client):
            raise ArgumentError(f"http_client must be an httpx.Client, got {type(http_client).__name__}")
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(limits=DEFAULT_CONNECTION_LIMITS, follow_redirects=True)

    def _sleep(self, seconds: float) -> None:
        """Waits between retries; tests replace it to observe the waits without taking them."""
        time.sleep(seconds)

    def _wrap(
        self,
        response: httpx.Response,
        request: FinalRequest,
        parse: Callable[[httpx.Response, FinalRequest], _T],
        retries_taken: int,
    ) -> object:
        from ._response import APIResponse

        return APIResponse(response, request, parse, retries_taken=retries_taken)

    def is_closed(self) -> bool:
        return self._client.is_closed

    def close(self) -> None:
        """Close the connection pool, unless it belongs to an ``http_client`` the caller passed in."""
        if self._owns_client:
            self._client.close()

    def __enter__(self: _SelfSync) -> _SelfSync:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def call(
        self,
        op: Operation,
        args: Mapping[str, object],
        options: CallOptions,
        parse: Callable[[httpx.Response, FinalRequest], _T],
    ) -> _T:
        """Validate, send (with retries) and parse one call of a generated method."""
        return self.send(self.prepare(op, args, options), parse)

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Query | None = None,
        body: object | NotGiven = NOT_GIVEN,
        headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> httpx.Response:
        """Call an endpoint the spec does not describe (yet) with this client's auth, retries and errors.

        ``path`` is relative to the base URL; ``body`` is sent as JSON. Returns the read response.
        """
        prepared = self._raw_request(method, path, query, body, headers, timeout, max_retries, deadline)
        return self.send(prepared, _return_response)

    def send(self, request: FinalRequest, parse: Callable[[httpx.Response, FinalRequest], _T]) -> _T:
        """Send a prepared request, retrying as the rules allow, and parse (or wrap) the response.

        With a deadline, every timeout of an attempt is cut to the time left, the body fails once
        the deadline passes, and a retry whose wait would end past the deadline is not made.
        """
        mode = RESPONSE_MODE.get()
        max_retries = self._max_retries_for(request)
        idempotency_key = self._idempotency_key_for(request)
        ends_at = self._ends_at(request)
        schemes = self._schemes_for(request)
        retries_taken = 0
        while True:
            http_request = self._build_request(request, idempotency_key=idempotency_key, ends_at=ends_at)
            self._log_request(http_request, retries_taken)
            outcome: httpx.Response | APIConnectionError
            try:
                auth = SyncAuthFlow(schemes, self._client, self._timeout_for(request)) if schemes else None
                outcome = self._client.send(http_request, stream=True, auth=auth or httpx.USE_CLIENT_DEFAULT)
                if ends_at is not None and isinstance(outcome.stream, httpx.SyncByteStream):
                    outcome.stream = _DeadlineStream(
                        outcome.stream, ends_at, http_request, _socket_of(outcome)
                    )
                try:
                    if not (outcome.is_success and (mode == "stream" or request.stream)):
                        outcome.read()
                except BaseException:
                    outcome.close()
                    raise
            except httpx.RequestError as exc:
                outcome = self._transport_error(http_request, exc)
            wait = self._next_wait(request, http_request, outcome, retries_taken, max_retries, ends_at)
            if wait is None:
                return self._finish(outcome, request, parse, mode, retries_taken)
            retries_taken += 1
            self._sleep(wait)


_SelfSync = TypeVar("_SelfSync", bound=SyncAPIClient)
_SelfAsync = TypeVar("_SelfAsync", bound="AsyncAPIClient")


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    """Sends requests with an ``httpx.AsyncClient``."""

    _owns_client: bool

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        custom_headers: Mapping[str, Union[str, Omit]] | None,
        custom_query: Mapping[str, object] | None,
        http_client: httpx.AsyncClient | None,
        strict_response_validation: bool = False,
        deadline: float | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=custom_headers,
            custom_query=custom_query,
            strict_response_validation=strict_response_validation,
            deadline=deadline,
        )
        if http_client is not None and not _is_instance(http_client, httpx.AsyncClient):
            raise ArgumentError(f"http_client must be an httpx.AsyncClient, got {type(http_client).__name__}")
        self._owns_client = http_client is None
        self._client = http_client or httpx.AsyncClient(
            limits=DEFAULT_CONNECTION_LIMITS, follow_redirects=True
        )

    async def _sleep(self, seconds: float) -> None:
        """Waits between retries; tests replace it to observe the waits without taking them."""
        await anyio.sleep(seconds)

    def _wrap(
        self,
        response: httpx.Response,
        request: FinalRequest,
        parse: Callable[[httpx.Response, FinalRequest], _T],
        retries_taken: int,
    ) -> object:
        from ._response import AsyncAPIResponse

        return AsyncAPIResponse(response, request, parse, retries_taken=retries_taken)

    def is_closed(self) -> bool:
        return self._client.is_closed

    async def close(self) -> None:
        """Close the connection pool, unless it belongs to an ``http_client`` the caller passed in."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self: _SelfAsync) -> _SelfAsync:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def call(
        self,
        op: Operation,
        args: Mapping[str, object],
        options: CallOptions,
        parse: Callable[[httpx.Response, FinalRequest], _T],
    ) -> _T:
        """Validate, send (with retries) and parse one call of a generated method."""
        return await self.send(self.prepare(op, args, options), parse)

    async def request(
        self,
        method: str,
        path: str,
        *,
        query: Query | None = None,
        body: object | NotGiven = NOT_GIVEN,
        headers: Headers | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> httpx.Response:
        """Call an endpoint the spec does not describe (yet) with this client's auth, retries and errors."""
        prepared = self._raw_request(method, path, query, body, headers, timeout, max_retries, deadline)
        return await self.send(prepared, _return_response)

    async def send(self, request: FinalRequest, parse: Callable[[httpx.Response, FinalRequest], _T]) -> _T:
        """Send a prepared request, retrying as the rules allow, and parse (or wrap) the response.

        With a deadline, the attempts run in a cancel scope that ends at the deadline, so nothing
        (a stall, a trickling body, a wait) outlasts it; a retry whose wait would end past the
        deadline is not made.
        """
        ends_at = self._ends_at(request)
        if ends_at is None:
            return await self._attempts(request, parse, None, [])
        sent: list[httpx.Request] = []
        with anyio.move_on_after(ends_at - time.monotonic()):
            return await self._attempts(request, parse, ends_at, sent)
        last = sent[-1] if sent else self._build_request(request, idempotency_key=None)
        raise self._past_deadline(request, last, None, len(sent))

    async def _attempts(
        self,
        request: FinalRequest,
        parse: Callable[[httpx.Response, FinalRequest], _T],
        ends_at: float | None,
        sent: list[httpx.Request],
    ) -> _T:
        mode = RESPONSE_MODE.get()
        max_retries = self._max_retries_for(request)
        idempotency_key = self._idempotency_key_for(request)
        schemes = self._schemes_for(request)
        retries_taken = 0
        while True:
            http_request = self._build_request(request, idempotency_key=idempotency_key, ends_at=ends_at)
            sent.append(http_request)
            self._log_request(http_request, retries_taken)
            outcome: httpx.Response | APIConnectionError
            try:
                auth = AsyncAuthFlow(schemes, self._client, self._timeout_for(request)) if schemes else None
                outcome = await self._client.send(
                    http_request, stream=True, auth=auth or httpx.USE_CLIENT_DEFAULT
                )
                if ends_at is not None and isinstance(outcome.stream, httpx.AsyncByteStream):
                    outcome.stream = _AsyncDeadlineStream(outcome.stream, ends_at, http_request)
                try:
                    if not (outcome.is_success and (mode == "stream" or request.stream)):
                        await outcome.aread()
                except BaseException:
                    await outcome.aclose()
                    raise
            except httpx.RequestError as exc:
                outcome = self._transport_error(http_request, exc)
            wait = self._next_wait(request, http_request, outcome, retries_taken, max_retries, ends_at)
            if wait is None:
                return self._finish(outcome, request, parse, mode, retries_taken)
            retries_taken += 1
            await self._sleep(wait)


class SyncAPIResource:
    """Base of the generated sync resources: holds the client."""

    _client: SyncAPIClient

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    """Base of the generated async resources: holds the client."""

    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
