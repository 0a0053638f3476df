"""Shared test setup: the generated package on sys.path, recorded responses, and a recording transport.

The recorded responses stand in for the network only: requests go through the real generated
client, its real ``httpx.Client`` and the real runtime, into an ``httpx.MockTransport`` that
records what was sent and answers with the recorded bytes.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union

import anyio
import httpx
import pytest

from _faultserver import FaultServer, ReceivedRequest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
FIXTURES = ROOT / "tests" / "fixtures"
RESPONSES = FIXTURES / "responses"

for _path in (GENERATED, ROOT):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from metronome_client import AsyncMetronome, Metronome  # noqa: E402  (needs generated/ on sys.path)


def fixture_bytes(name: str) -> bytes:
    return (RESPONSES / name).read_bytes()


def fixture_json(name: str) -> Any:
    return json.loads(fixture_bytes(name))


@dataclass
class Recorded:
    """Requests the client sent, with their bodies decoded."""

    requests: list[httpx.Request] = field(default_factory=list)

    @property
    def last(self) -> httpx.Request:
        assert self.requests, "the client sent no request"
        return self.requests[-1]

    def json(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


Route = Callable[[httpx.Request], httpx.Response]


@dataclass
class Replay:
    """A transport answering from a queue of responses (or a router), recording every request."""

    recorded: Recorded = field(default_factory=Recorded)
    queue: list[httpx.Response] = field(default_factory=list)
    router: Route | None = None

    def respond(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.recorded.requests.append(request)
        if self.queue:
            return self.queue.pop(0)
        if self.router is not None:
            return self.router(request)
        raise AssertionError(f"unexpected request {request.method} {request.url}")

    def add_json(self, name: str, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.queue.append(
            httpx.Response(
                status,
                content=fixture_bytes(name),
                headers={"content-type": "application/json", **(headers or {})},
            )
        )

    def add(self, response: httpx.Response) -> None:
        self.queue.append(response)


@pytest.fixture
def replay() -> Replay:
    return Replay()


@pytest.fixture
def client(replay: Replay, monkeypatch: pytest.MonkeyPatch) -> Iterator[Metronome]:
    monkeypatch.delenv("METRONOME_BASE_URL", raising=False)
    http = httpx.Client(transport=httpx.MockTransport(replay.respond))
    with Metronome(
        bearer_token="test-token", http_client=http, max_retries=0, strict_response_validation=True
    ) as sdk:
        yield sdk
    http.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def async_client(replay: Replay, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[AsyncMetronome]:
    monkeypatch.delenv("METRONOME_BASE_URL", raising=False)
    http = httpx.AsyncClient(transport=httpx.MockTransport(replay.respond))
    sdk = AsyncMetronome(
        bearer_token="test-token", http_client=http, max_retries=0, strict_response_validation=True
    )
    yield sdk
    await http.aclose()


# ------------------------------------------------------------------------------------------------
# Both clients over recorded responses: a test taking `sdk` (or `make_sdk`) runs once with the sync
# `Metronome` and once with the async `AsyncMetronome`; `_calls.settle` and friends take either's
# results, so one test body serves both.

Kind = Literal["sync", "async"]


class ClientMaker:
    """Builds clients of one kind whose requests go to a recorded-response transport (by default
    the test's ``replay``); closes the HTTP clients it made when the test ends."""

    def __init__(self, kind: Kind, replay: Replay, monkeypatch: pytest.MonkeyPatch) -> None:
        self.kind = kind
        self.replay = replay
        self._monkeypatch = monkeypatch
        self._http: list[httpx.Client | httpx.AsyncClient] = []

    @property
    def client_class(self) -> type[Metronome] | type[AsyncMetronome]:
        return Metronome if self.kind == "sync" else AsyncMetronome

    def __call__(
        self,
        handler: Route | None = None,
        *,
        follow_redirects: bool = False,
        max_redirects: int = 20,
        **options: Any,
    ) -> Client:
        """A client of this kind answering from ``handler`` (default: the replay), with ``options``."""
        transport = httpx.MockTransport(handler or self.replay.respond)
        if self.kind == "sync":
            http = httpx.Client(
                transport=transport, follow_redirects=follow_redirects, max_redirects=max_redirects
            )
            self._http.append(http)
            return Metronome(http_client=http, **options)
        async_http = httpx.AsyncClient(
            transport=transport, follow_redirects=follow_redirects, max_redirects=max_redirects
        )
        self._http.append(async_http)
        return AsyncMetronome(http_client=async_http, **options)

    def skip_waits(self, client: Client) -> None:
        """Make ``client`` retry without waiting for its backoff."""

        def wait(seconds: float) -> None:
            pass

        async def wait_async(seconds: float) -> None:
            pass

        self._monkeypatch.setattr(client, "_sleep", wait if isinstance(client, Metronome) else wait_async)

    def chunked(self, chunks: list[bytes]) -> Iterator[bytes] | AsyncIterator[bytes]:
        """A response body that arrives in ``chunks``, as this kind's HTTP client reads one."""
        if self.kind == "sync":
            return iter(chunks)

        async def arrive() -> AsyncIterator[bytes]:
            for chunk in chunks:
                yield chunk

        return arrive()

    async def close(self) -> None:
        for http in self._http:
            if isinstance(http, httpx.Client):
                http.close()
            else:
                await http.aclose()


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> Kind:
    chosen: Kind = request.param
    return chosen


@pytest.fixture
async def make_sdk(kind: Kind, replay: Replay, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[ClientMaker]:
    monkeypatch.delenv("METRONOME_BASE_URL", raising=False)
    maker = ClientMaker(kind, replay, monkeypatch)
    try:
        yield maker
    finally:
        await maker.close()


@pytest.fixture
def sdk(make_sdk: ClientMaker) -> Client:
    """The sync client, then the async one (one test run each), over ``replay``, strict about responses."""
    return make_sdk(bearer_token="test-token", max_retries=0, strict_response_validation=True)


# ------------------------------------------------------------------------------------------------
# Prism: a real mock server built from spec/openapi.yaml, on loopback, for the whole session.

PRISM = ROOT / "node_modules" / ".bin" / "prism"
SPEC = ROOT / "spec" / "openapi.yaml"


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def prism_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start Prism (installed by `make test` from package-lock.json), wait until it answers, stop it after."""
    import os
    import signal
    import subprocess
    import time

    if not PRISM.exists():
        pytest.fail("Prism is not installed: `make test` installs it with `npm ci` (see package.json)")
    log_path = tmp_path_factory.mktemp("prism") / "prism.log"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(PRISM), "mock", str(SPEC), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"Prism exited with {process.returncode}:\n{log_path.read_text(errors='replace')[-3000:]}"
                )
            try:
                httpx.get(f"{url}/__ready__", timeout=1.0)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"Prism did not answer within 90 s:\n{log_path.read_text(errors='replace')[-3000:]}"
                    )
                time.sleep(0.2)
        yield url
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


# ------------------------------------------------------------------------------------------------
# The fault-injecting loopback server (tests/_faultserver.py) and clients that record their waits.

Client = Union[Metronome, AsyncMetronome]


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running
    assert not running.errors, f"the fault server itself failed: {running.errors!r}"


class Harness:
    """Builds clients of one kind against the fault server and records the waits they ask for."""

    def __init__(
        self, server: FaultServer, kind: Literal["sync", "async"], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.server = server
        self.kind = kind
        self.waits: list[float] = []
        self._monkeypatch = monkeypatch
        self._clients: list[Client] = []

    def client(self, **options: Any) -> Client:
        """A client of this harness's kind whose waits are recorded, not taken."""
        return self._build(options, sleep=False)

    def sleeping_client(self, **options: Any) -> Client:
        """A client whose waits are recorded and also taken (for the deadline tests)."""
        return self._build(options, sleep=True)

    def _build(self, options: dict[str, Any], *, sleep: bool) -> Client:
        client: Client
        if self.kind == "sync":
            client = Metronome(bearer_token="test", base_url=self.server.url, **options)
        else:
            client = AsyncMetronome(bearer_token="test", base_url=self.server.url, **options)
        self._clients.append(client)
        return self.observe(client, sleep=sleep)

    def observe(self, client: Client, *, sleep: bool = False) -> Client:
        """Replace the client's sleep with a recorder (also needed on ``with_options`` copies) that
        also sleeps when ``sleep`` is true."""

        def record(seconds: float) -> None:
            self.waits.append(seconds)
            if sleep:
                time.sleep(seconds)

        async def record_async(seconds: float) -> None:
            self.waits.append(seconds)
            if sleep:
                await anyio.sleep(seconds)

        self._monkeypatch.setattr(client, "_sleep", record if isinstance(client, Metronome) else record_async)
        return client

    async def close(self) -> None:
        for client in self._clients:
            if isinstance(client, Metronome):
                client.close()
            else:
                await client.close()

    @property
    def requests(self) -> list[ReceivedRequest]:
        return self.server.requests


@pytest.fixture(params=["sync", "async"])
async def harness(
    request: pytest.FixtureRequest, server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Harness]:
    built = Harness(server, request.param, monkeypatch)
    try:
        yield built
    finally:
        await built.close()
