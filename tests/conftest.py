"""Shared test setup: the generated package on sys.path, recorded responses, and a recording transport.

The recorded responses stand in for the network only: requests go through the real generated
client, its real ``httpx.Client`` and the real runtime, into an ``httpx.MockTransport`` that
records what was sent and answers with the recorded bytes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
FIXTURES = ROOT / "tests" / "fixtures"
RESPONSES = FIXTURES / "responses"

if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))


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
            httpx.Response(status, content=fixture_bytes(name), headers={"content-type": "application/json", **(headers or {})})
        )

    def add(self, response: httpx.Response) -> None:
        self.queue.append(response)


@pytest.fixture
def replay() -> Replay:
    return Replay()


@pytest.fixture
def client(replay: Replay, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from metronome_client import Metronome

    monkeypatch.delenv("METRONOME_BASE_URL", raising=False)
    http = httpx.Client(transport=httpx.MockTransport(replay.respond))
    with Metronome(bearer_token="test-token", http_client=http, max_retries=0) as sdk:
        yield sdk
    http.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def async_client(replay: Replay, monkeypatch: pytest.MonkeyPatch) -> Any:
    from metronome_client import AsyncMetronome

    monkeypatch.delenv("METRONOME_BASE_URL", raising=False)
    http = httpx.AsyncClient(transport=httpx.MockTransport(replay.respond))
    sdk = AsyncMetronome(bearer_token="test-token", http_client=http, max_retries=0)
    yield sdk
    await http.aclose()
