"""Shared test setup: the generated package on sys.path, recorded responses, and a recording transport.

Which package and client classes are under test is read from ``spec/generator.yaml`` (through the
generator's own config loader), so nothing here names them. The package is imported from
``generated/``, or, with ``SDKGEN_TEST_INSTALLED=1`` (the nox sessions of ``noxfile.py``), from
wherever pip installed it.

The recorded responses stand in for the network only: requests go through the real generated
client, its real ``httpx.Client`` and the real runtime, into an ``httpx.MockTransport`` that
records what was sent and answers with the recorded bytes.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import anyio
import httpx
import pytest

from _faultserver import FaultServer, ReceivedRequest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
FIXTURES = ROOT / "tests" / "fixtures"
RESPONSES = FIXTURES / "responses"

INSTALLED = os.environ.get("SDKGEN_TEST_INSTALLED") == "1"
"""Test the package pip installed (nox) rather than the one in generated/."""

# Generation in the tests runs without the cache (``generator/cache.py``) unless a test gives it
# one (tests/test_cache.py does): the golden and determinism tests must take the cold path.
os.environ.setdefault("SDKGEN_CACHE_DIR", "off")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if not INSTALLED and str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

from generator.config import load_spec_config  # noqa: E402  (needs the repository on sys.path)

PROJECT = load_spec_config(ROOT / "spec" / "openapi.yaml")
"""The names generation gives the package (``spec/generator.yaml``)."""
PACKAGE = importlib.import_module(PROJECT.package_name)
_from_generated = Path(PACKAGE.__file__ or "").resolve().is_relative_to(GENERATED)
assert _from_generated != INSTALLED, f"{PROJECT.package_name} was imported from {PACKAGE.__file__}"
SyncClient: Any = getattr(PACKAGE, PROJECT.client_name)
AsyncClient: Any = getattr(PACKAGE, "Async" + PROJECT.client_name)
ENV_BASE_URL = f"{PROJECT.env_prefix}_BASE_URL"


pytest_plugins = ["_sdk"]
"""Both clients of this API over recorded responses, typed: ``make_sdk``, ``sdk``, ``kind``."""


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
def client(replay: Replay, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.delenv(ENV_BASE_URL, raising=False)
    http = httpx.Client(transport=httpx.MockTransport(replay.respond))
    with SyncClient(
        bearer_token="test-token", http_client=http, max_retries=0, strict_response_validation=True
    ) as sdk:
        yield sdk
    http.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def async_client(replay: Replay, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.delenv(ENV_BASE_URL, raising=False)
    http = httpx.AsyncClient(transport=httpx.MockTransport(replay.respond))
    sdk = AsyncClient(
        bearer_token="test-token", http_client=http, max_retries=0, strict_response_validation=True
    )
    yield sdk
    await http.aclose()


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

Client = Any
"""A sync or an async client of the package under test."""


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
            client = SyncClient(bearer_token="test", base_url=self.server.url, **options)
        else:
            client = AsyncClient(bearer_token="test", base_url=self.server.url, **options)
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

        self._monkeypatch.setattr(
            client, "_sleep", record if isinstance(client, SyncClient) else record_async
        )
        return client

    async def close(self) -> None:
        for client in self._clients:
            if isinstance(client, SyncClient):
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
