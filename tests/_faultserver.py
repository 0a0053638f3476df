"""A fault-injecting HTTP/1.1 server on loopback, for the retry and timeout tests.

The server writes every byte of its answers itself (no ``http.server`` in between), so a test can
script exactly what the client sees: a status with headers and a body, a response cut off halfway
through its declared ``Content-Length``, a connection closed before any response, a stall longer
than the client's timeout, a body trickling in a byte at a time, the request echoed back, or an
open-ended stream (server-sent events) held open until the client hangs up. Behaviours are taken
from a queue, one per request, in arrival order; every request that arrives is logged (method,
path, query, headers, the raw body with chunked transfer encoding undone, and which TCP connection
carried it). A ``route`` callable, when given, answers first: a small application of the test's
own (checking credentials, serving pages); a request it returns ``None`` for takes the queue's
next behaviour.

Nothing here can block the test process: every thread is a daemon, every socket read has a short
timeout and re-checks the stop flag, stalls wait on an event that ``stop()`` sets, and ``stop()``
shuts down and closes every socket and joins every thread with a bound.

    with FaultServer() as server:
        server.script(Reply(503, headers={"Retry-After": "1"}), json_reply(200, {"ok": True}))
        ...  # point a client at server.url
        assert len(server.requests) == 2
"""

from __future__ import annotations

import collections
import contextlib
import http
import itertools
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Union
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "Reply",
    "DropMidBody",
    "CloseWithoutResponse",
    "Stall",
    "Trickle",
    "Echo",
    "Hold",
    "Behaviour",
    "json_reply",
    "ReceivedRequest",
    "FaultServer",
]

_POLL = 0.05
"""Seconds a blocked accept/recv waits before it looks at the stop flag again."""
_MAX_HEAD = 64 * 1024
_MAX_BODY = 16 * 1024 * 1024
_JOIN_TIMEOUT = 2.0


def _no_headers() -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class Reply:
    """Answer with this status, headers and body (``Content-Length`` is added)."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=_no_headers)
    body: bytes = b""
    close: bool = False
    """Close the connection after the response (and say so with ``Connection: close``)."""


@dataclass(frozen=True)
class DropMidBody:
    """Send the status line, the headers and half of the declared ``Content-Length``, then close."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=_no_headers)
    body: bytes = b'{"data": {"id": "0895ac87-b131-4175-84dd-82cd63e7b49a"}}'


@dataclass(frozen=True)
class CloseWithoutResponse:
    """Close the connection as soon as the request has been read, without a byte of response."""


@dataclass(frozen=True)
class Stall:
    """Wait ``seconds`` before answering (with ``then``) or, without ``then``, before closing.

    The wait ends early when the server stops, so a stall never outlives its test.
    """

    seconds: float
    then: Reply | None = None


@dataclass(frozen=True)
class Trickle:
    """Send the status line and headers of ``reply`` at once, then its body one byte every ``interval`` seconds.

    Each byte comes well within any read timeout, so only a bound on the whole call can end it.
    With ``stall_after``, the server falls silent after that many body bytes and holds the
    connection open. The waits end early when the server stops.
    """

    reply: Reply
    interval: float
    stall_after: int | None = None


@dataclass(frozen=True)
class Echo:
    """Answer with the request's own body and content type, and its method in ``X-Echo-Method``."""

    status: int = 200


@dataclass(frozen=True)
class Hold:
    """Send the status line, the headers and ``body`` without a length (the body runs to the end of
    the connection), then keep the connection open until the client closes it, which is recorded
    (``FaultServer.hung_up``), or the server stops."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=_no_headers)
    body: bytes = b""


Behaviour = Union[Reply, DropMidBody, CloseWithoutResponse, Stall, Trickle, Echo, Hold]


def json_reply(status: int, payload: object, headers: Mapping[str, str] | None = None) -> Reply:
    """A ``Reply`` whose body is ``payload`` as JSON, with the JSON content type."""
    return Reply(
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
        body=json.dumps(payload).encode("utf-8"),
    )


NOTHING_SCRIPTED: Reply = json_reply(
    418, {"message": "fault server: no scripted behaviour left for this request"}
)
"""What an unscripted request gets: a status no client retries, naming the problem."""


@dataclass(frozen=True)
class ReceivedRequest:
    """One request as it arrived on the wire."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    """Header names lowercased; a repeated header keeps its values joined with ``", "``."""
    body: bytes
    connection: int
    """Serial number of the TCP connection that carried the request (1 for the first accepted)."""
    received_at: float
    """``time.monotonic()`` when the request had been read completely."""
    chunked: bool = False
    """Whether the body came with chunked transfer encoding (``body`` holds it decoded)."""

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> Any:
        return json.loads(self.body)


class _ConnectionClosed(Exception):
    """The peer went away, or the server is stopping."""


class FaultServer:
    """A scripted HTTP/1.1 server on ``127.0.0.1`` and an ephemeral port, run in daemon threads."""

    def __init__(
        self,
        *,
        default: Behaviour = NOTHING_SCRIPTED,
        route: Callable[[ReceivedRequest], Behaviour | None] | None = None,
    ) -> None:
        self._default = default
        self._route = route
        self._script: collections.deque[Behaviour] = collections.deque()
        self._requests: list[ReceivedRequest] = []
        self._errors: list[BaseException] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connection_ids = itertools.count(1)
        self._connections: dict[int, socket.socket] = {}
        self._hung_up: list[int] = []
        self._hang_up = threading.Condition(self._lock)
        self._threads: list[threading.Thread] = []
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self.port = 0

    # --------------------------------------------------------------------------------- public API

    @property
    def url(self) -> str:
        """Base URL of the server (no trailing slash)."""
        if self._listener is None:
            raise RuntimeError("the fault server is not running")
        return f"http://127.0.0.1:{self.port}"

    def script(self, *behaviours: Behaviour) -> None:
        """Queue behaviours; each request that arrives takes the next one."""
        with self._lock:
            self._script.extend(behaviours)

    @property
    def pending(self) -> int:
        """How many scripted behaviours no request has taken yet."""
        with self._lock:
            return len(self._script)

    @property
    def requests(self) -> list[ReceivedRequest]:
        """Every request received so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def hung_up(self) -> list[int]:
        """Connections (by serial number) whose client closed them while a ``Hold`` kept them open."""
        with self._lock:
            return list(self._hung_up)

    def wait_hung_up(self, connection: int, timeout: float = 5.0) -> bool:
        """Wait until the client has closed ``connection`` during a ``Hold``; whether it did in time."""
        with self._hang_up:
            return self._hang_up.wait_for(lambda: connection in self._hung_up, timeout)

    @property
    def errors(self) -> list[BaseException]:
        """Unexpected exceptions in the server's own threads (a broken test setup, not a client bug)."""
        with self._lock:
            return list(self._errors)

    @property
    def threads_alive(self) -> int:
        """How many of the server's threads are still running (0 once ``stop()`` has returned cleanly)."""
        with self._lock:
            threads = list(self._threads)
        if self._acceptor is not None:
            threads.append(self._acceptor)
        return sum(thread.is_alive() for thread in threads)

    def start(self) -> FaultServer:
        if self._listener is not None:
            raise RuntimeError("the fault server is already running")
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", 0))
            listener.listen(64)
            listener.settimeout(_POLL)
        except BaseException:
            listener.close()
            raise
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept_loop, name="faultserver-accept", daemon=True)
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """Stop accepting, end every stall, close every socket and join every thread (bounded)."""
        self._stopping.set()
        if self._listener is not None:
            _close(self._listener)  # shutting it down also wakes the blocked accept()
        with self._lock:
            connections = list(self._connections.values())
        for conn in connections:
            _close(conn)
        deadline = time.monotonic() + _JOIN_TIMEOUT
        threads = [self._acceptor] if self._acceptor is not None else []
        with self._lock:
            threads.extend(self._threads)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ---------------------------------------------------------------------------------- internals

    def _accept_loop(self) -> None:
        listener = self._listener
        assert listener is not None
        while not self._stopping.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # the listener was closed by stop()
            conn_id = next(self._connection_ids)
            thread = threading.Thread(
                target=self._serve_connection,
                args=(conn, conn_id),
                name=f"faultserver-conn-{conn_id}",
                daemon=True,
            )
            with self._lock:
                if self._stopping.is_set():
                    conn.close()
                    return
                self._connections[conn_id] = conn
                self._threads.append(thread)
            thread.start()

    def _serve_connection(self, conn: socket.socket, conn_id: int) -> None:
        buffer = bytearray()
        try:
            try:
                conn.settimeout(_POLL)
            except OSError:  # stop() closed the connection before this thread got to it
                return
            while not self._stopping.is_set():
                request = self._read_request(conn, conn_id, buffer)
                if request is None:
                    return
                routed = self._route(request) if self._route is not None else None
                with self._lock:
                    self._requests.append(request)
                    if routed is not None:
                        behaviour: Behaviour = routed
                    else:
                        behaviour = self._script.popleft() if self._script else self._default
                keep_open = self._act(conn, behaviour, request)
                if not keep_open or (request.header("connection") or "").lower() == "close":
                    return
        except _ConnectionClosed:
            return
        except Exception as exc:  # a bug in the server or the test script: keep it for the test to see
            with self._lock:
                self._errors.append(exc)
        finally:
            _close(conn)
            with self._lock:
                self._connections.pop(conn_id, None)

    def _recv(self, conn: socket.socket) -> bytes:
        while True:
            if self._stopping.is_set():
                raise _ConnectionClosed
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError as exc:
                raise _ConnectionClosed from exc
            if not chunk:
                raise _ConnectionClosed
            return chunk

    def _read_request(self, conn: socket.socket, conn_id: int, buffer: bytearray) -> ReceivedRequest | None:
        """Read one request from the connection; ``None`` when the client closed an idle connection."""
        while b"\r\n\r\n" not in buffer:
            if len(buffer) > _MAX_HEAD:
                raise ValueError("request head too large")
            try:
                buffer += self._recv(conn)
            except _ConnectionClosed:
                if buffer:
                    raise
                return None
        head_end = buffer.index(b"\r\n\r\n")
        head = bytes(buffer[:head_end]).decode("latin-1")
        del buffer[: head_end + 4]
        request_line, *header_lines = head.split("\r\n")
        method, target, _version = request_line.split(" ", 2)
        headers: dict[str, str] = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            key = name.strip().lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
        chunked = "chunked" in headers.get("transfer-encoding", "").lower()
        if chunked:
            body = self._read_chunked(conn, buffer)
        else:
            length = int(headers.get("content-length", "0"))
            if length > _MAX_BODY:
                raise ValueError("request body too large")
            while len(buffer) < length:
                buffer += self._recv(conn)
            body = bytes(buffer[:length])
            del buffer[:length]
        parts = urlsplit(target)
        return ReceivedRequest(
            method=method,
            path=parts.path,
            query=parse_qs(parts.query, keep_blank_values=True),
            headers=headers,
            body=body,
            connection=conn_id,
            received_at=time.monotonic(),
            chunked=chunked,
        )

    def _read_chunked(self, conn: socket.socket, buffer: bytearray) -> bytes:
        """A body in chunked transfer encoding, decoded (trailers are read and dropped)."""
        body = bytearray()
        while True:
            while b"\r\n" not in buffer:
                buffer += self._recv(conn)
            line_end = buffer.index(b"\r\n")
            size = int(bytes(buffer[:line_end]).split(b";")[0].strip(), 16)
            del buffer[: line_end + 2]
            if size == 0:
                while not buffer.startswith(b"\r\n"):  # trailer fields, up to the blank line
                    while b"\r\n" not in buffer:
                        buffer += self._recv(conn)
                    del buffer[: buffer.index(b"\r\n") + 2]
                del buffer[:2]
                return bytes(body)
            while len(buffer) < size + 2:
                buffer += self._recv(conn)
            body += buffer[:size]
            del buffer[: size + 2]
            if len(body) > _MAX_BODY:
                raise ValueError("request body too large")

    def _act(self, conn: socket.socket, behaviour: Behaviour, request: ReceivedRequest | None = None) -> bool:
        """Carry out one behaviour; whether the connection stays open for another request."""
        try:
            if isinstance(behaviour, Echo):
                assert request is not None
                headers = {"X-Echo-Method": request.method}
                if request.header("content-type") is not None:
                    headers["Content-Type"] = request.header("content-type") or ""
                conn.sendall(_response_bytes(behaviour.status, headers, request.body, close=False))
                return True
            if isinstance(behaviour, Hold):
                lines = [
                    f"HTTP/1.1 {behaviour.status} OK",
                    *(f"{k}: {v}" for k, v in behaviour.headers.items()),
                ]
                conn.sendall(
                    ("\r\n".join([*lines, "Connection: close"]) + "\r\n\r\n").encode("latin-1")
                    + behaviour.body
                )
                try:
                    while self._recv(conn):
                        pass
                except _ConnectionClosed:
                    if not self._stopping.is_set():
                        with self._hang_up:
                            self._hung_up.append(request.connection if request is not None else 0)
                            self._hang_up.notify_all()
                return False
            if isinstance(behaviour, Reply):
                conn.sendall(
                    _response_bytes(behaviour.status, behaviour.headers, behaviour.body, behaviour.close)
                )
                return not behaviour.close
            if isinstance(behaviour, DropMidBody):
                head = _response_bytes(behaviour.status, behaviour.headers, behaviour.body, close=False)
                head = head[: len(head) - len(behaviour.body)]
                conn.sendall(head + behaviour.body[: len(behaviour.body) // 2])
                return False
            if isinstance(behaviour, CloseWithoutResponse):
                return False
            if isinstance(behaviour, Trickle):
                reply = behaviour.reply
                whole = _response_bytes(reply.status, reply.headers, reply.body, reply.close)
                conn.sendall(whole[: len(whole) - len(reply.body)])
                for index in range(len(reply.body)):
                    if index == behaviour.stall_after:
                        self._stopping.wait()
                    if self._stopping.wait(behaviour.interval):
                        return False
                    conn.sendall(reply.body[index : index + 1])
                return not reply.close
            if isinstance(behaviour, Stall):
                if self._stopping.wait(behaviour.seconds) or behaviour.then is None:
                    return False
                return self._act(conn, behaviour.then)
        except OSError:
            return False  # the client already gave up on this connection
        raise TypeError(f"unknown fault server behaviour: {behaviour!r}")


def _response_bytes(status: int, headers: Mapping[str, str], body: bytes, close: bool) -> bytes:
    try:
        reason = http.HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines.extend(f"{name}: {value}" for name, value in headers.items())
    lines.append(f"Content-Length: {len(body)}")
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _close(conn: socket.socket) -> None:
    """Shut a socket down (which also wakes a thread blocked on it) and close it."""
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)
    conn.close()
