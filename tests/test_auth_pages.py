"""Every kind of security scheme and every pagination kind, on the wire.

``tests/specs/auth-pages/`` is generated into a temporary directory and its client (sync and
async) calls the fault server (``tests/_faultserver.py``), which runs a small application of this
module's own: it checks the credentials each route needs, issues OAuth2 tokens that expire, and
serves seven items by cursor, offset, page number, next URL in the body and ``Link`` header.
"""

from __future__ import annotations

import base64
import logging
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, Literal
from urllib.parse import parse_qs

import anyio
import pytest

from _calls import collect, settle
from _faultserver import FaultServer, ReceivedRequest, Reply, json_reply
from _genhelpers import SPECS, imported_package, spec_document
from generator import ir
from generator.build import build_api
from generator.config import Config, PaginationScheme, pagination_scheme, resolve_pagination
from generator.errors import SpecErrors
from generator.lint import lint_file
from generator.loader import parse_yaml, validate_document
from generator.pipeline import Inputs, _write_tree, build_files

pytestmark = [pytest.mark.anyio, pytest.mark.timeout(60)]

SPEC = SPECS / "auth-pages" / "openapi.yaml"
ITEMS = [{"id": n} for n in range(1, 8)]
USER, PASSWORD = "ada", "pa:ss wörd"
BEARER = "bearer-secret-7f3a"
HEADER_KEY, APP_ID, QUERY_KEY, COOKIE_KEY = "hk-secret-91", "app-secret-22", "qk-secret-53", "ck-secret-64"
CLIENT_ID, CLIENT_SECRET = "vault-app", "cs-secret-85"
OIDC = "oidc-secret-16"
SECRETS = [PASSWORD, BEARER, HEADER_KEY, APP_ID, QUERY_KEY, COOKIE_KEY, CLIENT_SECRET, OIDC, "tok-secret-"]
Kind = Literal["sync", "async"]


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


class VaultApp:
    """The API of ``tests/specs/auth-pages``, answering on the fault server."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.lifetime: float = 3600
        self.tokens: dict[str, float] = {}
        """Issued access tokens -> when they expire (``time.monotonic()``)."""
        self.issued = 0
        self.reject_tokens = False
        self.next_origin = ""
        """Set to make the next-URL pages point at another origin."""
        self.repeat_next = False

    def token_requests(self, server: FaultServer) -> list[ReceivedRequest]:
        return [r for r in server.requests if r.path == "/oauth/token"]

    def __call__(self, request: ReceivedRequest) -> Reply | None:
        path = request.path.removeprefix("/api")
        if request.path == "/oauth/token":
            return self.token(request)
        if path.startswith("/items/"):
            if request.header("authorization") not in (f"Bearer {BEARER}", _basic(USER, PASSWORD)):
                return json_reply(401, {"message": "no credentials"})
            return self.items(path, request)
        who = self.who(path, request)
        return (
            json_reply(401, {"message": "bad credentials"})
            if who is None
            else json_reply(200, {"scheme": who})
        )

    def token(self, request: ReceivedRequest) -> Reply:
        form = parse_qs(request.body.decode())
        if request.header("authorization") != _basic(CLIENT_ID, CLIENT_SECRET):
            return json_reply(401, {"error": "invalid_client"})
        if form != {"grant_type": ["client_credentials"], "scope": ["read"]}:
            return json_reply(400, {"error": "invalid_request"})
        with self.lock:
            self.issued += 1
            token = f"tok-secret-{self.issued}"
            self.tokens[token] = time.monotonic() + self.lifetime
        return json_reply(200, {"access_token": token, "token_type": "Bearer", "expires_in": self.lifetime})

    def who(self, path: str, request: ReceivedRequest) -> str | None:
        authorization = request.header("authorization")
        if path == "/whoami":
            return {_basic(USER, PASSWORD): "basic", f"Bearer {BEARER}": "bearer"}.get(authorization or "")
        if path in ("/public", "/certificate", "/optional"):
            sent = [
                request.header(name) for name in ("authorization", "cookie", "x-api-key", "x-app-id")
            ] + request.query.get("api_key", [])
            if path == "/optional" and authorization == f"Bearer {BEARER}":
                return "bearer"
            return "none" if not any(sent) else f"unexpected {sent}"
        if path == "/keys/header":
            ok = request.header("x-api-key") == HEADER_KEY and request.header("x-app-id") == APP_ID
            return "headerKey+appId" if ok and authorization is None else None
        if path == "/keys/query":
            return "queryKey" if request.query.get("api_key") == [QUERY_KEY] else None
        if path == "/keys/cookie":
            cookies = [c.strip() for c in (request.header("cookie") or "").split(";")]
            return "cookieKey" if f"session={COOKIE_KEY}" in cookies else None
        if path == "/oauth/whoami":
            token = (authorization or "").removeprefix("Bearer ")
            with self.lock:
                expires = self.tokens.get(token)
            valid = expires is not None and time.monotonic() < expires and not self.reject_tokens
            return "oauth" if valid else None
        if path == "/oidc/whoami":
            return "oidc" if authorization in (f"Bearer {OIDC}", f"Bearer {OIDC}-2") else None
        return None

    def items(self, path: str, request: ReceivedRequest) -> Reply:
        query = {key: values[0] for key, values in request.query.items()}
        if path == "/items/cursor":
            start, size = int(query.get("cursor", 0)), int(query.get("limit", 3))
            following = start + size if start + size < len(ITEMS) else None
            return json_reply(200, {"data": ITEMS[start : start + size], "next_cursor": following})
        if path == "/items/offset":
            start, size = int(query.get("offset", 0)), int(query.get("limit", 3))
            return json_reply(200, {"data": ITEMS[start : start + size], "total": len(ITEMS)})
        if path == "/items/skip":
            start, size = int(query.get("skip", 0)), int(query.get("take", 3))
            return json_reply(200, {"results": ITEMS[start : start + size]})
        if path == "/items/page":
            page, size = int(query.get("page", 1)), int(query.get("per_page", 3))
            return json_reply(200, {"items": ITEMS[(page - 1) * size : page * size]})
        if path == "/items/next":
            after = int(query.get("after", 0))
            chunk = ITEMS[after : after + 3]
            tenant = f"tenant={query['tenant']}&" if "tenant" in query else ""
            target = f"/api/items/next?{tenant}color={query.get('color', '')}&after={after + 3}"
            if self.repeat_next:
                target = f"/api/items/next?color={query.get('color', '')}&after=0"
            elif after == 0:
                target = (
                    self.next_origin or f"http://127.0.0.1:{request.headers['host'].split(':')[1]}"
                ) + target
            return json_reply(200, {"data": chunk, "next": target if after + 3 < len(ITEMS) else None})
        if path == "/items/link":
            page, size = int(query.get("page", 1)), int(query.get("per_page", 3))
            links = (
                [f'</api/items/link?page={page + 1}&per_page={size}>; rel="next"']
                if page * size < len(ITEMS)
                else []
            )
            links.append(f'</api/items/link?page=3&per_page={size}>; rel="last"')
            return json_reply(
                200, {"data": ITEMS[(page - 1) * size : page * size]}, headers={"Link": ", ".join(links)}
            )
        return json_reply(404, {"message": "no such route"})


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ir.Api, ModuleType]]:
    out = tmp_path_factory.mktemp("auth-pages")
    api, files = build_files(Inputs.from_paths(SPEC))
    _write_tree(out, files)
    with imported_package(out, api.package_name) as package:
        yield api, package


@pytest.fixture
def app() -> VaultApp:
    return VaultApp()


@pytest.fixture
def vault(app: VaultApp) -> Iterator[FaultServer]:
    with FaultServer(route=app) as running:
        yield running
    assert not running.errors, running.errors


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> Kind:
    value: Kind = request.param
    return value


class Maker:
    def __init__(self, package: ModuleType, server: FaultServer, kind: Kind) -> None:
        self.package = package
        self.server = server
        self.kind = kind
        self.made: list[Any] = []

    def __call__(self, **credentials: Any) -> Any:
        cls = getattr(self.package, "Vault" if self.kind == "sync" else "AsyncVault")
        client = cls(base_url=self.server.url + "/api", **credentials)
        self.made.append(client)
        return client


@pytest.fixture
async def make(
    generated: tuple[ir.Api, ModuleType], vault: FaultServer, kind: Kind, monkeypatch: pytest.MonkeyPatch
) -> Any:
    for name in [c.env_var for c in generated[0].credentials]:
        monkeypatch.delenv(name, raising=False)
    maker = Maker(generated[1], vault, kind)
    yield maker
    for client in maker.made:
        await settle(client.close())


def api_requests(server: FaultServer) -> list[ReceivedRequest]:
    return [r for r in server.requests if r.path != "/oauth/token"]


# ------------------------------------------------------------------------------------------------ generation


def test_every_scheme_kind_is_built_and_an_unsupported_one_is_a_warning(
    generated: tuple[ir.Api, ModuleType],
) -> None:
    api, _ = generated
    assert [(s.name, s.kind, s.location) for s in api.auth_schemes] == [
        ("basic", "basic", "header"),
        ("bearer", "bearer", "header"),
        ("headerKey", "api_key", "header"),
        ("appId", "api_key", "header"),
        ("queryKey", "api_key", "query"),
        ("cookieKey", "api_key", "cookie"),
        ("oauth", "oauth2_client_credentials", "header"),
        ("oidc", "token", "header"),
    ]
    assert api.security == (("basic",), ("bearer",))
    ops = {op.method_name: op.security for op in api.all_operations()}
    assert ops["whoami"] is None and ops["public"] == () and ops["certificate"] == ()
    assert ops["header_keys"] == (("headerKey", "appId"),) and ops["optional"] == (("bearer",), ())
    assert not api.auth_required
    [warning] = [w for w in api.warnings if w.rule == "auth"]
    assert "'mtls' (mutualTLS) is not supported" in warning.message
    assert {p.kind for p in api.paginations} == {"cursor", "offset", "page", "next_url", "link_header"}
    assert "SyncSkipPage" in {p.sync_class for p in api.paginations}


# ------------------------------------------------------------------------------------------------ auth


async def test_the_client_takes_whichever_alternative_it_has_credentials_for(make: Maker) -> None:
    basic = make(username=USER, password=PASSWORD)
    assert (await settle(basic.auth.whoami())).scheme == "basic"
    bearer = make(bearer_token=BEARER)
    assert (await settle(bearer.auth.whoami())).scheme == "bearer"
    both = make(username=USER, password=PASSWORD, bearer_token=BEARER)
    assert (await settle(both.auth.whoami())).scheme == "basic"  # the spec's first alternative
    assert both.auth_headers == {"Authorization": _basic(USER, PASSWORD)} and make().auth_headers == {}
    sent = api_requests(make.server)
    assert [r.header("authorization") for r in sent] == [
        _basic(USER, PASSWORD),
        f"Bearer {BEARER}",
        _basic(USER, PASSWORD),
    ]


async def test_security_none_and_optional_security_send_nothing_they_need_not(make: Maker) -> None:
    everything = make(
        username=USER,
        password=PASSWORD,
        header_key=HEADER_KEY,
        app_id=APP_ID,
        query_key=QUERY_KEY,
        cookie_key=COOKIE_KEY,
        oidc_token=OIDC,
    )
    assert (await settle(everything.auth.public())).scheme == "none"
    assert (await settle(everything.auth.certificate())).scheme == "none"  # only mTLS would do
    assert (await settle(everything.auth.optional())).scheme == "none"  # no bearer token: none sent
    assert (await settle(make(bearer_token=BEARER).auth.optional())).scheme == "bearer"
    nothing = make()  # every credential is optional for this API: some operations need none
    assert (await settle(nothing.auth.public())).scheme == "none"
    assert len(api_requests(make.server)) == 5


async def test_api_keys_go_in_their_header_query_parameter_and_cookie(make: Maker) -> None:
    client = make(header_key=HEADER_KEY, app_id=APP_ID, query_key=QUERY_KEY, cookie_key=COOKIE_KEY)
    assert (await settle(client.auth.header_keys())).scheme == "headerKey+appId"
    assert (await settle(client.auth.query_key(q="x y"))).scheme == "queryKey"
    assert (
        await settle(client.auth.cookie_key(extra_headers={"Cookie": "theme=dark"}))
    ).scheme == "cookieKey"
    header, query, cookie = api_requests(make.server)
    assert header.header("x-api-key") == HEADER_KEY and header.header("x-app-id") == APP_ID
    assert header.header("cookie") is None and header.query == {}
    assert query.query == {"q": ["x y"], "api_key": [QUERY_KEY]} and query.header("x-api-key") is None
    assert cookie.header("cookie") == f"theme=dark; session={COOKIE_KEY}"
    assert all(r.header("authorization") is None for r in (header, query, cookie))


async def test_a_call_without_the_credentials_it_needs_sends_nothing(make: Maker) -> None:
    package = make.package
    half = make(header_key=HEADER_KEY, username=USER)  # the app id and the password are missing
    with pytest.raises(package.MissingCredentialsError) as caught:
        await settle(half.auth.header_keys())
    assert str(caught.value) == (
        "auth.header_keys() needs credentials: pass header_key=... (or the VAULT_HEADER_KEY environment "
        "variable) and app_id=... (or the VAULT_APP_ID environment variable) to the client."
    )
    with pytest.raises(package.MissingCredentialsError) as caught:
        await settle(half.auth.whoami())
    message = str(caught.value)
    assert "username=... and password=..." in message and "; or bearer_token=..." in message
    assert "VAULT_BEARER_TOKEN" in message and USER not in message
    assert make.server.requests == []


async def test_a_header_or_query_parameter_the_caller_sets_is_theirs(make: Maker) -> None:
    omit = make.package.omit
    client = make(bearer_token=BEARER, app_id=APP_ID, query_key=QUERY_KEY)
    with pytest.raises(make.package.AuthenticationError):
        await settle(client.auth.whoami(extra_headers={"Authorization": omit}))
    # The caller's own key counts as the key: no MissingCredentialsError, and theirs is sent.
    assert (await settle(client.auth.header_keys(extra_headers={"X-Api-Key": HEADER_KEY}))).scheme == (
        "headerKey+appId"
    )
    with pytest.raises(make.package.AuthenticationError):
        await settle(client.auth.query_key(extra_query={"api_key": "theirs"}))
    first, second, third = make.server.requests
    assert first.header("authorization") is None
    assert second.header("x-api-key") == HEADER_KEY and second.header("x-app-id") == APP_ID
    assert third.query["api_key"] == ["theirs"]


async def test_credentials_come_from_the_environment(make: Maker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VAULT_USERNAME", USER)
    monkeypatch.setenv("VAULT_PASSWORD", PASSWORD)
    monkeypatch.setenv("VAULT_QUERY_KEY", QUERY_KEY)
    client = make()
    assert (await settle(client.auth.whoami())).scheme == "basic"
    assert (await settle(client.auth.query_key())).scheme == "queryKey"


async def test_client_credentials_fetch_one_token_and_reuse_it(make: Maker, app: VaultApp) -> None:
    client = make(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    for _ in range(3):
        assert (await settle(client.auth.oauth_whoami())).scheme == "oauth"
    copy = client.with_options(max_retries=1)
    assert (await settle(copy.auth.oauth_whoami())).scheme == "oauth"
    [token_request] = app.token_requests(make.server)
    assert token_request.method == "POST"
    assert token_request.header("content-type") == "application/x-www-form-urlencoded"
    assert [r.header("authorization") for r in api_requests(make.server)] == ["Bearer tok-secret-1"] * 4


async def test_a_token_is_fetched_again_shortly_before_it_expires(make: Maker, app: VaultApp) -> None:
    app.lifetime = 1.0  # refreshed a tenth of its lifetime early
    client = make(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    await settle(client.auth.oauth_whoami())
    await settle(client.auth.oauth_whoami())
    assert len(app.token_requests(make.server)) == 1
    time.sleep(0.95)  # past 0.9 s: expired for the client, still valid for the server
    assert (await settle(client.auth.oauth_whoami())).scheme == "oauth"
    assert len(app.token_requests(make.server)) == 2
    assert [r.header("authorization") for r in api_requests(make.server)] == [
        "Bearer tok-secret-1",
        "Bearer tok-secret-1",
        "Bearer tok-secret-2",
    ]


async def test_a_401_refreshes_the_token_once_and_not_in_a_loop(make: Maker, app: VaultApp) -> None:
    client = make(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    await settle(client.auth.oauth_whoami())
    with app.lock:
        app.tokens.clear()  # the server forgets every token it issued
    assert (await settle(client.auth.oauth_whoami())).scheme == "oauth"
    assert len(app.token_requests(make.server)) == 2
    assert [r.header("authorization") for r in api_requests(make.server)][-2:] == [
        "Bearer tok-secret-1",
        "Bearer tok-secret-2",
    ]
    app.reject_tokens = True  # now no token will do
    before = len(make.server.requests)
    with pytest.raises(make.package.AuthenticationError):
        await settle(client.auth.oauth_whoami())
    later = make.server.requests[before:]
    assert [r.path for r in later] == ["/api/oauth/whoami", "/oauth/token", "/api/oauth/whoami"]


async def test_concurrent_calls_share_one_token_request(make: Maker, app: VaultApp) -> None:
    client = make(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    results: list[str] = []
    if make.kind == "sync":
        threads = [
            threading.Thread(target=lambda: results.append(client.auth.oauth_whoami().scheme))
            for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    else:

        async def one() -> None:
            results.append((await client.auth.oauth_whoami()).scheme)

        async with anyio.create_task_group() as group:
            for _ in range(8):
                group.start_soon(one)
    assert results == ["oauth"] * 8
    assert len(app.token_requests(make.server)) == 1


async def test_a_token_endpoint_refusal_is_an_error_without_the_secret(make: Maker) -> None:
    client = make(client_id=CLIENT_ID, client_secret="wrong-" + CLIENT_SECRET)
    with pytest.raises(make.package.AuthenticationError) as caught:
        await settle(client.auth.oauth_whoami())
    shown = "".join(traceback.format_exception(caught.value)) + repr(caught.value)
    assert "invalid_client" in str(caught.value)
    assert CLIENT_SECRET not in shown
    assert [r.path for r in make.server.requests] == ["/oauth/token"]


async def test_token_providers_are_asked_for_each_request_and_again_after_a_401(make: Maker) -> None:
    issued = iter([OIDC + "-stale", OIDC, OIDC, OIDC + "-2"])

    def sync_provider() -> str:
        return next(issued)

    async def async_provider() -> str:
        await anyio.sleep(0)
        return next(issued)

    client = make(oidc_token=sync_provider if make.kind == "sync" else async_provider)
    assert (await settle(client.auth.oidc_whoami())).scheme == "oidc"  # stale, 401, asked again
    assert (await settle(client.auth.oidc_whoami())).scheme == "oidc"
    assert (await settle(make(oidc_token=OIDC).auth.oidc_whoami())).scheme == "oidc"
    assert [r.header("authorization") for r in make.server.requests] == [
        f"Bearer {OIDC}-stale",
        f"Bearer {OIDC}",
        f"Bearer {OIDC}",
        f"Bearer {OIDC}",
    ]
    if make.kind == "sync":
        with pytest.raises(make.package.MissingCredentialsError, match="async"):
            make(oidc_token=async_provider).auth.oidc_whoami()


async def test_no_secret_shows_in_repr_logs_or_errors(make: Maker, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx's and httpcore's included
    client = make(
        username=USER,
        password=PASSWORD,
        bearer_token=BEARER,
        header_key=HEADER_KEY,
        app_id=APP_ID,
        query_key=QUERY_KEY,
        cookie_key=COOKIE_KEY,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        oidc_token=OIDC,
    )
    await settle(client.auth.whoami())
    await settle(client.auth.header_keys())
    await settle(client.auth.query_key(q="1"))
    await settle(client.auth.cookie_key())
    await settle(client.auth.oauth_whoami())
    await settle(client.auth.oidc_whoami())
    wrong = client.with_options(query_key="wrong-" + QUERY_KEY, bearer_token="wrong-" + BEARER)
    errors: list[BaseException] = []
    try:
        await settle(wrong.auth.query_key())
    except make.package.AuthenticationError as exc:
        errors.append(exc)
    assert len(errors) == 1
    shown = [repr(client), repr(wrong), repr(client.auth_schemes()), caplog.text]
    shown += [str(e) + repr(e) + "".join(traceback.format_exception(e)) for e in errors]
    assert "api_key=[redacted]" in caplog.text  # httpx logs the URL, without the key
    for text in shown:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} shows in {text[:300]!r}"


# ------------------------------------------------------------------------------------------------ pagination


async def _walk(page_call: Any) -> list[int]:
    return [item.id for item in await collect(page_call)]


@pytest.mark.parametrize(
    ("method", "queries"),
    [
        (
            "by_cursor",
            [{"limit": ["3"]}, {"limit": ["3"], "cursor": ["3"]}, {"limit": ["3"], "cursor": ["6"]}],
        ),
        (
            "by_offset",
            [{"limit": ["3"]}, {"limit": ["3"], "offset": ["3"]}, {"limit": ["3"], "offset": ["6"]}],
        ),
        (
            "by_skip",
            [
                {"take": ["3"]},
                {"take": ["3"], "skip": ["3"]},
                {"take": ["3"], "skip": ["6"]},
                {"take": ["3"], "skip": ["7"]},
            ],
        ),
        (
            "by_page",
            [
                {"per_page": ["3"]},
                {"per_page": ["3"], "page": ["2"]},
                {"per_page": ["3"], "page": ["3"]},
                {"per_page": ["3"], "page": ["4"]},
            ],
        ),
        (
            "by_link",
            [{"per_page": ["3"]}, {"page": ["2"], "per_page": ["3"]}, {"page": ["3"], "per_page": ["3"]}],
        ),
        (
            "by_next_url",
            [{"color": ["red"]}, {"color": ["red"], "after": ["3"]}, {"color": ["red"], "after": ["6"]}],
        ),
    ],
)
async def test_iterating_a_list_walks_every_item_of_every_page(
    make: Maker, method: str, queries: list[dict[str, list[str]]]
) -> None:
    client = make(bearer_token=BEARER)
    call = getattr(client.items, method)
    size = {
        "by_cursor": "limit",
        "by_offset": "limit",
        "by_skip": "take",
        "by_page": "per_page",
        "by_link": "per_page",
    }
    arguments: dict[str, Any] = {size[method]: 3} if method in size else {"color": "red"}
    assert await _walk(call(**arguments)) == [item["id"] for item in ITEMS]
    sent = make.server.requests
    assert [r.query for r in sent] == queries
    assert all(r.header("authorization") == f"Bearer {BEARER}" for r in sent)  # every page authenticated

    first = await settle(call(**arguments))
    assert [item.id for item in first.items] == [1, 2, 3] and len(first) == 3
    assert first.has_next_page()
    info = first.next_page_info()
    assert info is not None and (info.url is not None) == (method in ("by_link", "by_next_url"))
    pages = [page async for page in first.iter_pages()] if make.kind == "async" else list(first.iter_pages())
    assert [len(page) for page in pages][:3] == [3, 3, 1]
    assert not pages[-1].has_next_page() and pages[-1].next_page_info() is None


async def test_an_integer_cursor_is_followed(make: Maker) -> None:
    first = await settle(make(bearer_token=BEARER).items.by_cursor(limit=3))
    assert first.next_cursor == 3 and first.next_page_info().params == {"cursor": 3}
    second = await settle(first.get_next_page())
    assert second.next_cursor == 6 and [item.id for item in second.items] == [4, 5, 6]


async def test_a_next_url_on_another_origin_is_not_followed(
    make: Maker, app: VaultApp, caplog: pytest.LogCaptureFixture
) -> None:
    app.next_origin = f"http://localhost:{make.server.port}"
    assert await _walk(make(bearer_token=BEARER).items.by_next_url(color="red")) == [1, 2, 3]
    assert len(make.server.requests) == 1
    assert "the next page is on another origin (http://localhost)" in caplog.text


async def test_a_next_url_keeps_the_default_query_once(make: Maker) -> None:
    client = make(bearer_token=BEARER).with_options(default_query={"tenant": "t1"})
    assert await _walk(client.items.by_next_url(color="red")) == [item["id"] for item in ITEMS]
    assert [r.query.get("tenant") for r in make.server.requests] == [["t1"]] * 3


async def test_a_next_url_pointing_back_ends_the_walk(make: Maker, app: VaultApp) -> None:
    app.repeat_next = True
    client = make(bearer_token=BEARER)
    first = await settle(client.items.by_next_url(color="red"))
    pages = [page async for page in first.iter_pages()] if make.kind == "async" else list(first.iter_pages())
    assert len(pages) == 2 and pages[-1].stopped_on_repeated_cursor
    assert len(make.server.requests) == 2


# ------------------------------------------------------------------------------------------------ lint


def test_lint_and_generate_agree_on_every_pagination_kind_and_scheme(tmp_path: Path) -> None:
    findings = lint_file(SPEC)
    assert [f for f in findings if f.severity == "error"] == []
    assert [f.rule for f in findings if "mtls" in f.message] == ["auth"]
    # The same spec with each kind's own field or parameter taken away: both refuse it, each naming it.
    broken = (
        SPEC.read_text(encoding="utf-8")
        .replace('next_cursor: {type: [integer, "null"]}', "next_cursor: {type: boolean}")
        .replace("- {name: offset, in: query, schema: {type: integer}}", "")
        .replace('next: {type: [string, "null"]}', "following: {type: string}")
        .replace("offset_param: skip", "offset_param: start")
    )
    (tmp_path / "openapi.yaml").write_text(broken, encoding="utf-8")
    (tmp_path / "generator.yaml").write_bytes((SPEC.parent / "generator.yaml").read_bytes())
    errors = sorted(
        f.message.split(": ", 1)[-1] for f in lint_file(tmp_path / "openapi.yaml") if f.severity == "error"
    )
    assert errors == [
        "no offset query parameter 'offset' is declared",
        "no offset query parameter 'start' is declared",
        "the cursor property 'next_cursor' must be string or integer",
        "the response has no next-page URL property 'next'",
    ]
    # generate runs the same rules (generator/rules.py), so it refuses the same four, worded alike.
    with pytest.raises(SpecErrors) as caught:
        build_files(Inputs.from_paths(tmp_path / "openapi.yaml"))
    assert sorted(e.message.split(": ", 1)[-1] for e in caught.value.errors) == errors
    assert {e.rule for e in caught.value.errors} == {"pagination"}


# ------------------------------------------------------------------------------------------------ config


def test_a_pagination_scheme_is_checked_and_an_inline_one_resolved() -> None:
    base = PaginationScheme(name="cursor", class_name="CursorPage")
    config = Config("c_client", "C", "C", pagination={"cursor": base})
    assert resolve_pagination(config, "cursor") == (base, "")
    assert resolve_pagination(config, {"scheme": "cursor"}) == (base, "")
    derived, problem = resolve_pagination(
        config, {"scheme": "cursor", "class_name": "TokenPage", "cursor_field": "t"}
    )
    assert problem == "" and derived is not None
    assert (derived.name, derived.kind, derived.cursor_field, derived.cursor_param) == (
        "TokenPage",
        "cursor",
        "t",
        "next_page",
    )
    inline, _ = resolve_pagination(config, {"kind": "page", "items_field": "rows"})
    assert inline is not None and (inline.class_name, inline.page_param, inline.limit_param) == (
        "PageNumberPage",
        "page",
        None,
    )
    assert resolve_pagination(config, {"kind": "sideways"})[1].startswith(
        "unknown pagination kind 'sideways'"
    )
    assert (
        resolve_pagination(config, {"scheme": "pages"})[1]
        == "unknown pagination scheme 'pages' (known: cursor)"
    )
    assert "unknown pagination key 'cursor_feld'" in resolve_pagination(config, {"cursor_feld": "x"})[1]
    assert resolve_pagination(config, ["cursor"])[1] == "x-sdk-pagination must be a scheme name or a mapping"
    scheme, problems = pagination_scheme("offset", {"kind": "offset", "first_page": True})
    assert scheme is None and problems == [("/first_page", "first_page has the wrong type: bool")]


def test_two_schemes_making_the_same_page_class_are_an_error() -> None:
    page = {
        "type": "object",
        "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}},
    }
    operation = {
        "parameters": [{"name": "offset", "in": "query", "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "A page.", "content": {"application/json": {"schema": page}}}},
    }
    doc = parse_yaml(
        spec_document(
            {
                "/a": {"get": {**operation, "operationId": "a", "x-sdk-pagination": {"kind": "offset"}}},
                "/b": {
                    "get": {
                        **operation,
                        "operationId": "b",
                        "x-sdk-pagination": {"kind": "offset", "limit_param": None},
                    }
                },
            },
            components={"Item": {"type": "object", "properties": {"id": {"type": "integer"}}}},
        ),
        "in-memory.yaml",
    )
    validate_document(doc)
    with pytest.raises(SpecErrors) as caught:
        build_api(doc, Config("c_client", "C", "C"))
    [error] = caught.value.errors
    assert error.location.pointer == "/paths/~1b/get/x-sdk-pagination"
    assert "both make the page class 'SyncOffsetPage'; give this one a class_name of its own" in error.message


def test_a_credential_argument_and_a_resource_of_the_same_name_are_an_error() -> None:
    doc = parse_yaml(
        spec_document(
            {"/token/info": {"get": {"operationId": "info", "responses": {"204": {"description": "None."}}}}},
            security_schemes={
                "token": {"type": "openIdConnect", "openIdConnectUrl": "https://id.example.test/"}
            },
            security=[{"token": []}],
        ),
        "in-memory.yaml",
    )
    validate_document(doc)
    with pytest.raises(SpecErrors) as caught:
        build_api(doc, Config("c_client", "C", "C"))
    [error] = caught.value.errors
    assert error.rule == "naming" and error.location.pointer == "/components/securitySchemes/token"
    assert "argument 'token' of security scheme 'token' and the resource client.token" in error.message
