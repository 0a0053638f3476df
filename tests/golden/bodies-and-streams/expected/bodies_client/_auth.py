"""How a request is authenticated: the security schemes of the spec and the credentials for them.

Each scheme of ``components.securitySchemes`` the client supports is one object here, made from the
credentials the client was given: a static bearer token, basic credentials or an API key (in a
header, the query or a cookie), a token or a token-provider callable (any OAuth2 flow, OpenID
Connect), or OAuth2 client credentials (the token fetched from the token URL, cached, fetched again
shortly before it expires or once after a 401).

An operation's ``security`` lists alternatives, each a set of schemes applied together; the client
uses the first alternative it holds every credential for (an empty one means "no credentials"). The
credentials are added by an ``httpx.Auth`` flow as the request goes out, to a copy of the request,
so the request the client logs and keeps for its errors holds none of them, and a 401 answered to a
token that can be refreshed is retried once with a fresh one.

No credential is ever part of a ``repr``, a log line or an error message.
"""

from __future__ import annotations

import base64
import inspect
import json
import logging
import re
import threading
import time
from typing import (
    AsyncGenerator,
    Awaitable,
    Callable,
    Final,
    Generator,
    Literal,
    Mapping,
    Sequence,
    Union,
    cast,
)
from urllib.parse import quote

import anyio
import httpx

from ._exceptions import MissingCredentialsError, make_status_error
from ._logging import logger
from ._types import Timeout

__all__ = [
    "TokenProvider",
    "AsyncTokenProvider",
    "Requirements",
    "AuthScheme",
    "HTTPBearer",
    "HTTPBasic",
    "APIKey",
    "Token",
    "OAuth2ClientCredentials",
    "select_schemes",
    "SyncAuthFlow",
    "AsyncAuthFlow",
    "redact_query_params",
]

TokenProvider = Callable[[], str]
"""Returns the token to send; called for every request (and again after a 401), so it may refresh."""
AsyncTokenProvider = Callable[[], Union[str, Awaitable[str]]]
"""A ``TokenProvider`` the async client may also await."""

Requirements = Sequence[Sequence[str]]
"""Security alternatives: each a set of scheme names applied together; ``()`` among them: none."""

Location = Literal["header", "query", "cookie"]

_NO_AUTH: Final = httpx.Auth()
"""The token request carries only the client's own credentials (not an ``http_client``'s auth)."""


class AuthScheme:
    """One security scheme with the credentials the client holds for it (or without them)."""

    name: str
    """The scheme's name in the spec's ``components.securitySchemes``."""
    location: Location = "header"
    param: str = "Authorization"
    """The header, query parameter or cookie that carries the credential."""
    hint: str = ""
    """How to give the credential (argument and environment variable names), for messages."""

    def ready(self) -> bool:
        """Whether the client holds the credentials this scheme needs."""
        raise NotImplementedError

    def value(self, http: httpx.Client, timeout: Timeout) -> str:
        """What to send (``"Bearer ..."``, an API key...), fetching a token first if need be."""
        raise NotImplementedError

    async def avalue(self, http: httpx.AsyncClient, timeout: Timeout) -> str:
        """The async ``value``."""
        raise NotImplementedError

    def refresh(self, used: str) -> bool:
        """After a 401 answered to ``used``: forget it; whether asking again may give another value."""
        return False

    def static_value(self) -> str | None:
        """What ``value`` gives when no request or callable is needed for it, else ``None``."""
        return None

    def __repr__(self) -> str:
        state = "with credentials" if self.ready() else "without credentials"
        return f"{type(self).__name__}({self.name!r}, {state})"


class _Static(AuthScheme):
    _value: str | None

    def ready(self) -> bool:
        return bool(self._value)

    def value(self, http: httpx.Client, timeout: Timeout) -> str:
        return self._value or ""

    async def avalue(self, http: httpx.AsyncClient, timeout: Timeout) -> str:
        return self._value or ""

    def static_value(self) -> str | None:
        return self._value


class HTTPBearer(_Static):
    """``Authorization: Bearer <token>``."""

    def __init__(self, name: str, token: str | None, *, hint: str) -> None:
        self.name, self.hint = name, hint
        self._value = f"Bearer {token}" if token else None


class HTTPBasic(_Static):
    """``Authorization: Basic <base64 of username:password>`` (RFC 7617, UTF-8)."""

    def __init__(self, name: str, username: str | None, password: str | None, *, hint: str) -> None:
        self.name, self.hint = name, hint
        if username is None or password is None:
            self._value = None
        else:
            pair = f"{username}:{password}".encode()
            self._value = "Basic " + base64.b64encode(pair).decode("ascii")


class APIKey(_Static):
    """An API key in a header, a query parameter or a cookie."""

    def __init__(self, name: str, location: Location, param: str, key: str | None, *, hint: str) -> None:
        self.name, self.location, self.param, self.hint = name, location, param, hint
        self._value = key or None


class Token(AuthScheme):
    """A bearer token given as a string or by a provider callable (OAuth2 flows, OpenID Connect)."""

    def __init__(self, name: str, token: str | AsyncTokenProvider | None, *, hint: str) -> None:
        self.name, self.hint = name, hint
        self._token = token

    def ready(self) -> bool:
        return bool(self._token)

    def _checked(self, token: object) -> str:
        if not isinstance(token, str) or not token:
            raise MissingCredentialsError(
                f"The token provider of the {self.name!r} security scheme returned "
                f"{'an empty string' if token == '' else 'a ' + type(token).__name__}, not a token."
            )
        return "Bearer " + token

    def value(self, http: httpx.Client, timeout: Timeout) -> str:
        token = self._token
        if callable(token):
            found = token()
            if inspect.isawaitable(found):
                if inspect.iscoroutine(found):
                    found.close()
                raise MissingCredentialsError(
                    f"The token provider of the {self.name!r} security scheme is async: "
                    "use it with the async client."
                )
            return self._checked(found)
        return self._checked(token)

    async def avalue(self, http: httpx.AsyncClient, timeout: Timeout) -> str:
        token = self._token
        if callable(token):
            found = token()
            if inspect.isawaitable(found):
                found = await found
            return self._checked(found)
        return self._checked(token)

    def refresh(self, used: str) -> bool:
        return callable(self._token)


class OAuth2ClientCredentials(AuthScheme):
    """OAuth2 client credentials (RFC 6749 section 4.4): the token comes from ``token_url``.

    The client authenticates at the token endpoint with HTTP basic (section 2.3.1). The token is
    kept until shortly before its ``expires_in`` runs out (a tenth of its lifetime, at most 30
    seconds, early), or until a request is answered 401, and is shared by the clients
    ``with_options`` makes. One token request at a time: threads (sync) and tasks (async) that need
    a token while one is being fetched wait for it rather than fetch their own.
    """

    def __init__(
        self,
        name: str,
        client_id: str | None,
        client_secret: str | None,
        *,
        token_url: str,
        scopes: Sequence[str],
        base_url: httpx.URL,
        hint: str,
    ) -> None:
        self.name, self.hint = name, hint
        self._client_id = client_id
        self._client_secret = client_secret
        absolute = token_url.startswith(("http://", "https://"))
        self._token_url = httpx.URL(token_url) if absolute else base_url.join(token_url)
        self._scopes = tuple(scopes)
        self._held: tuple[str, float | None] | None = None
        """The token and when to stop using it (``time.monotonic()``; ``None``: until a 401)."""
        self._thread_lock = threading.Lock()
        self._async_lock: anyio.Lock | None = None
        self.fetches = 0
        """How many tokens this scheme has fetched (for tests and diagnostics)."""

    def ready(self) -> bool:
        return bool(self._client_id) and self._client_secret is not None

    def with_credentials(self, client_id: str | None, client_secret: str | None) -> OAuth2ClientCredentials:
        """This scheme (and its token) for the same credentials, else a new one for these."""
        if (client_id, client_secret) == (self._client_id, self._client_secret):
            return self
        return OAuth2ClientCredentials(
            self.name,
            client_id,
            client_secret,
            token_url=str(self._token_url),
            scopes=self._scopes,
            base_url=self._token_url,
            hint=self.hint,
        )

    def _fresh(self) -> str | None:
        held = self._held  # one read: another thread may replace it meanwhile
        if held is None or (held[1] is not None and time.monotonic() >= held[1]):
            return None
        return held[0]

    def _token_request(self) -> tuple[dict[str, str], dict[str, str]]:
        # RFC 6749 2.3.1: the id and secret are form-encoded before they are joined.
        pair = f"{quote(self._client_id or '', safe='')}:{quote(self._client_secret or '', safe='')}"
        headers = {
            "Authorization": "Basic " + base64.b64encode(pair.encode()).decode("ascii"),
            "Accept": "application/json",
        }
        data = {"grant_type": "client_credentials"}
        if self._scopes:
            data["scope"] = " ".join(self._scopes)
        return headers, data

    def _keep(self, response: httpx.Response) -> str:
        if not response.is_success:
            raise make_status_error(response)
        try:
            decoded: object = json.loads(response.content)
        except ValueError:
            decoded = None
        payload = cast("dict[str, object]", decoded) if isinstance(decoded, dict) else {}
        token = payload.get("access_token")
        if not isinstance(token, str) or not token:
            # The body is not repeated: it may hold a credential under another name.
            raise MissingCredentialsError(
                f"The token endpoint of the {self.name!r} security scheme ({self._token_url.copy_with(query=None)}) "
                "answered without an access_token."
            )
        lifetime = payload.get("expires_in")
        until: float | None = None
        if isinstance(lifetime, (int, float)) and not isinstance(lifetime, bool) and lifetime >= 0:
            until = time.monotonic() + float(lifetime) - min(30.0, float(lifetime) / 10.0)
        self._held = (token, until)
        self.fetches += 1
        return token

    def value(self, http: httpx.Client, timeout: Timeout) -> str:
        token = self._fresh()
        if token is None:
            with self._thread_lock:
                token = self._fresh()
                if token is None:
                    headers, data = self._token_request()
                    response = http.post(
                        self._token_url, data=data, headers=headers, timeout=timeout, auth=_NO_AUTH
                    )
                    token = self._keep(response)
        return "Bearer " + token

    async def avalue(self, http: httpx.AsyncClient, timeout: Timeout) -> str:
        token = self._fresh()
        if token is None:
            if self._async_lock is None:
                self._async_lock = anyio.Lock()
            async with self._async_lock:
                token = self._fresh()
                if token is None:
                    headers, data = self._token_request()
                    response = await http.post(
                        self._token_url, data=data, headers=headers, timeout=timeout, auth=_NO_AUTH
                    )
                    token = self._keep(response)
        return "Bearer " + token

    def refresh(self, used: str) -> bool:
        with self._thread_lock:  # held only briefly, or by a sync fetch that is about to end
            held = self._held
            if held is not None and "Bearer " + held[0] == used:
                self._held = None
        return True


def _never(scheme: AuthScheme) -> bool:
    return False


def select_schemes(
    schemes: Mapping[str, AuthScheme],
    requirements: Requirements,
    operation: str,
    *,
    provided: Callable[[AuthScheme], bool] = _never,
) -> list[AuthScheme]:
    """The schemes of the first alternative of ``requirements`` the client holds credentials for.

    A scheme whose header or query parameter the caller sets (or removes) themselves is
    ``provided``: it counts as met and is not applied. An empty alternative (the operation may be
    called without credentials) is taken only when no other one can be; with no alternative at
    all, nothing is sent. Raises ``MissingCredentialsError`` naming the credentials that would do
    when none can be met.
    """
    if not requirements:
        return []
    anonymous = False
    for alternative in requirements:
        if not alternative:
            anonymous = True
            continue
        chosen = [schemes[name] for name in alternative if name in schemes]
        if len(chosen) == len(alternative) and all(scheme.ready() or provided(scheme) for scheme in chosen):
            return [scheme for scheme in chosen if not provided(scheme)]
    if anonymous:
        return []
    options = [
        " and ".join(schemes[name].hint for name in alternative)
        for alternative in requirements
        if alternative and all(name in schemes for name in alternative)
    ]
    where = f"{operation}() needs" if operation else "This request needs"
    raise MissingCredentialsError(
        f"{where} credentials: pass {'; or '.join(options) or 'them'} to the client."
    )


def _with_credentials(request: httpx.Request, applied: Sequence[tuple[AuthScheme, str]]) -> httpx.Request:
    """A copy of ``request`` carrying the credentials (the original keeps none, for logs and errors)."""
    # A new request on the same body stream (``copy.copy`` would detach the stream, as pickling does).
    sent = httpx.Request(
        request.method,
        request.url,
        headers=request.headers,
        stream=request.stream,
        extensions=request.extensions,
    )
    query: dict[str, str] = {}
    cookies: list[str] = []
    for scheme, value in applied:
        if scheme.location == "header":
            sent.headers[scheme.param] = value
        elif scheme.location == "query":
            query[scheme.param] = value
        else:
            cookies.append(f"{scheme.param}={value}")
    if query:
        sent.url = request.url.copy_merge_params(query)
    if cookies:
        existing = sent.headers.get("Cookie")
        sent.headers["Cookie"] = "; ".join([*([existing] if existing else []), *cookies])
    return sent


class SyncAuthFlow(httpx.Auth):
    """Adds the credentials of ``schemes`` to a request; after a 401, refreshes them and resends once."""

    def __init__(self, schemes: Sequence[AuthScheme], http: httpx.Client, timeout: Timeout) -> None:
        self._schemes = schemes
        self._http = http
        self._timeout = timeout

    def _values(self) -> list[tuple[AuthScheme, str]]:
        return [(scheme, scheme.value(self._http, self._timeout)) for scheme in self._schemes]

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        applied = self._values()
        response = yield _with_credentials(request, applied)
        if response.status_code != 401:
            return
        if not [scheme for scheme, used in applied if scheme.refresh(used)]:
            return
        again = self._values()
        if [value for _, value in again] != [value for _, value in applied]:
            yield _with_credentials(request, again)


class AsyncAuthFlow(httpx.Auth):
    """The async ``SyncAuthFlow``."""

    def __init__(self, schemes: Sequence[AuthScheme], http: httpx.AsyncClient, timeout: Timeout) -> None:
        self._schemes = schemes
        self._http = http
        self._timeout = timeout

    async def _values(self) -> list[tuple[AuthScheme, str]]:
        return [(scheme, await scheme.avalue(self._http, self._timeout)) for scheme in self._schemes]

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        applied = await self._values()
        response = yield _with_credentials(request, applied)
        if response.status_code != 401:
            return
        if not [scheme for scheme, used in applied if scheme.refresh(used)]:
            return
        again = await self._values()
        if [value for _, value in again] != [value for _, value in applied]:
            yield _with_credentials(request, again)


class _RedactQuery(logging.Filter):
    """Masks the values of some query parameters in the records of httpx's logger (it logs URLs)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def add(self, names: Sequence[str]) -> None:
        self.names.update(names)
        alternatives = "|".join(sorted(re.escape(quote(name, safe="")) for name in self.names))
        self._pattern = re.compile(rf"([?&](?:{alternatives})=)[^&#\s\"']*")

    def filter(self, record: logging.LogRecord) -> bool:
        if self._pattern is not None:
            message = record.getMessage()
            redacted = self._pattern.sub(r"\1[redacted]", message)
            if redacted != message:
                record.msg, record.args = redacted, None
        return True


_REDACT = _RedactQuery()
_redact_installed = False
_redact_lock = threading.Lock()


def redact_query_params(names: Sequence[str]) -> None:
    """Keep the API keys sent in these query parameters out of the log records of httpx and of this client."""
    global _redact_installed
    with _redact_lock:
        if not set(names) <= _REDACT.names:
            _REDACT.add(names)
        if not _redact_installed:
            logging.getLogger("httpx").addFilter(_REDACT)
            logger.addFilter(_REDACT)  # ours logs a next-page URL as the server sent it
            _redact_installed = True
