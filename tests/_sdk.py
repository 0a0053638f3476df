"""Both clients of this repository's API over recorded responses, typed (a pytest plugin of conftest).

The generic setup (the package under test, recorded responses, the fault server, Prism) is in
``conftest.py``, which names no package; this module is about this API's clients, like the tests
that use it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Literal, Union

import httpx
import pytest

from conftest import ENV_BASE_URL, Replay, Route
from metronome_client import AsyncMetronome, Metronome

Client = Union[Metronome, AsyncMetronome]
"""Either client: a test typed with it is checked against both."""


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
    monkeypatch.delenv(ENV_BASE_URL, raising=False)
    maker = ClientMaker(kind, replay, monkeypatch)
    try:
        yield maker
    finally:
        await maker.close()


@pytest.fixture
def sdk(make_sdk: ClientMaker) -> Client:
    """The sync client, then the async one (one test run each), over ``replay``, strict about responses."""
    return make_sdk(bearer_token="test-token", max_retries=0, strict_response_validation=True)
