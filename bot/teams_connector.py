"""The Bot Framework connector clients that post Teams replies, made once and reused.

Part of the Teams adapter (`bot.teams`), and replaced with it. For every message the
Bot Framework SDK builds a new connector client, with new credentials (so a new token
from Microsoft Entra ID, fetched on the event loop) and a new `requests` session (so
a new connection), and posts the reply from a worker thread. Here a client is made
once per app id, service URL and audience, and posts over one aiohttp session of
this process, on the event loop:

    clients = ConnectorClients(keep_connections=True)
    factory = clients.factory(app_id, sdk_factory)   # where the SDK wants a ConnectorFactory
    ...
    await clients.close()                              # when the service stops

Without `keep_connections` (a one-off reminder pass, which has no shutdown to close
a shared session in) each request has an HTTP session of its own.

Everything else is the SDK's own: its request building, serialisation, user agent and
errors (`ErrorResponseException` for a refusal; msrest's `ClientRequestError` for a
failed request, wrapping the aiohttp error).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import aiohttp
from aiohttp.helpers import get_env_proxy_for_url
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import ConnectorFactory
from msrest.exceptions import ClientRequestError
from msrest.pipeline import Request, Response
from msrest.pipeline.async_abc import AsyncHTTPPolicy, AsyncHTTPSender, AsyncPipeline
from msrest.pipeline.universal import RawDeserializer
from msrest.universal_http import ClientRequest
from msrest.universal_http.async_abc import AsyncClientResponse
from yarl import URL

# Clients kept, least recently used dropped first. Teams has a handful of service URLs
# (one per region), so this bounds memory, not reuse.
MAX_CLIENTS = 64
# A connection that was never made is tried again, as msrest does (urllib3 retries
# connecting three times); a request that may have reached the connector is not.
CONNECT_ATTEMPTS = 4
CONNECT_BACKOFF_SECONDS = 0.8
CONNECT_TIMEOUT_SECONDS = 10.0
# The bot's token header is reused this long; msal hands out tokens with at least five
# minutes left, so a reused one still has four.
TOKEN_REUSE_SECONDS = 60.0
# Deeper values are left to msrest (cards nest a few levels).
MAX_PLAIN_DEPTH = 32

ClientKey = tuple[str, str, str]
Sent = Request[ClientRequest]
Answered = Response[ClientRequest, AsyncClientResponse]


class ConnectorClients:
    """Connector clients per (app id, service URL, audience), sharing one HTTP session."""

    def __init__(self, *, keep_connections: bool = False) -> None:
        self.clients: OrderedDict[ClientKey, ConnectorClient] = OrderedDict()
        self.keep_connections = keep_connections
        self._session: aiohttp.ClientSession | None = None

    def factory(self, app_id: str, made: ConnectorFactory) -> ConnectorFactory:
        """`made` (the SDK's factory for `app_id`), its clients kept here."""
        return _ReusedConnectors(self, app_id, made)

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[aiohttp.ClientSession]:
        """The shared HTTP session (made on first use, in the running event loop),
        or without `keep_connections` one for this request."""
        if not self.keep_connections:
            async with _new_session() as session:
                yield session
            return
        if self._session is None or self._session.closed:
            self._session = _new_session()
        yield self._session

    async def close(self) -> None:
        self.clients.clear()
        if self._session is not None:
            await self._session.close()

    def _adopt(self, client: ConnectorClient, proxy: _Proxy) -> ConnectorClient:
        """Post `client`'s requests through the shared session, with its own policies."""
        config = client.config
        sender = _AiohttpSender(self, float(config.connection.timeout), proxy)
        policies = [
            config.user_agent_policy,
            _BearerToken(config.credentials),
            RawDeserializer(),
            config.http_logger_policy,
        ]
        config.pipeline = AsyncPipeline(policies, sender)
        # Reply bodies are serialised by msrest value by value, Adaptive Cards too (a
        # quarter of the service's CPU under load). Plain JSON data comes out of that
        # unchanged, so it is taken as it is. (The client's serializer is private to
        # the SDK, which is archived: it will not change under us.)
        serializer = client._serialize
        serializer.serialize_type["object"] = _as_it_is_if_plain(serializer.serialize_object)
        # No Bot Framework model declares constraints: validating is a walk that finds nothing.
        serializer.client_side_validation = False
        return client


def _new_session() -> aiohttp.ClientSession:
    # Not trust_env: that looks the proxy up in a worker thread on every request.
    # Proxies are looked up once per client instead (_Proxy).
    return aiohttp.ClientSession()


@dataclass(frozen=True)
class _Proxy:
    """The proxy for a service URL from HTTP(S)_PROXY and NO_PROXY (as `requests` honoured
    them), looked up once per client."""

    url: URL | None = None
    headers: dict[str, str] | None = None

    @classmethod
    def for_url(cls, service_url: str) -> _Proxy:
        try:
            proxy, auth = get_env_proxy_for_url(URL(service_url))
        except LookupError:
            return cls()
        return cls(proxy, {"Proxy-Authorization": auth.encode()} if auth else None)


def _as_it_is_if_plain(
    serialize_object: Callable[..., object],
) -> Callable[..., object]:
    """msrest's serialisation of an `object`-typed value, skipped for plain JSON data."""

    def serialize(value: object, **kwargs: Any) -> object:
        return value if is_plain_json(value) else serialize_object(value, **kwargs)

    return serialize


def is_plain_json(value: object, depth: int = 0) -> bool:
    """True for str, int, float, bool and None, and dicts (str keys) and lists of them,
    of exactly those types (not subclasses such as str enums, which msrest turns into
    their values).

    >>> is_plain_json({"type": "AdaptiveCard", "body": [{"wrap": True, "size": None}]})
    True
    >>> is_plain_json({"when": object()})
    False
    """
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return True
    if depth > MAX_PLAIN_DEPTH:
        return False
    if kind is dict:
        items = value.items()  # type: ignore[attr-defined]
        return all(type(key) is str and is_plain_json(item, depth + 1) for key, item in items)
    if kind is list:
        return all(is_plain_json(item, depth + 1) for item in value)  # type: ignore[attr-defined]
    return False


class _ReusedConnectors(ConnectorFactory):  # type: ignore[misc]
    def __init__(self, clients: ConnectorClients, app_id: str, made: ConnectorFactory) -> None:
        self.clients = clients
        self.app_id = app_id
        self.made = made

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        kept = self.clients.clients
        key = (self.app_id, service_url, audience or "")
        client = kept.get(key)
        if client is not None:
            kept.move_to_end(key)
            return client
        made = await self.made.create(service_url, audience)
        # Reads the environment and perhaps ~/.netrc: off the event loop.
        client = self.clients._adopt(made, await asyncio.to_thread(_Proxy.for_url, service_url))
        kept[key] = client
        while len(kept) > MAX_CLIENTS:
            kept.popitem(last=False)
        return client


class _BearerToken(AsyncHTTPPolicy[ClientRequest, AsyncClientResponse]):
    """The bot's own token on every request, as the credentials' `signed_session` sets it.

    Getting it may be a blocking HTTPS call to Microsoft Entra ID (msal keeps the token
    and renews it when it has under five minutes left), so it is got in a worker
    thread, and the header is reused for TOKEN_REUSE_SECONDS.
    """

    def __init__(self, credentials: Any) -> None:
        super().__init__()
        self.credentials = credentials
        self._header: str | None = None
        self._got_at = -math.inf

    async def send(self, request: Sent, **kwargs: Any) -> Answered:
        header = await self._authorization()
        if header:
            request.http_request.headers["Authorization"] = header
        assert self.next is not None  # the pipeline links every policy to the next
        return await self.next.send(request, **kwargs)

    async def _authorization(self) -> str | None:
        if self.credentials is None:
            return None
        # signed_session sets the header on a requests.Session; it only uses .headers.
        headers: dict[str, str] = {}
        session = SimpleNamespace(headers=headers)
        if not getattr(self.credentials, "microsoft_app_id", None):
            self.credentials.signed_session(session)  # no app id: no token to get
            return headers.get("Authorization")
        now = time.monotonic()
        if now - self._got_at >= TOKEN_REUSE_SECONDS:
            await asyncio.to_thread(self.credentials.signed_session, session)
            self._header, self._got_at = headers.get("Authorization"), now
        return self._header


class _AiohttpSender(AsyncHTTPSender[ClientRequest, AsyncClientResponse]):
    """Sends msrest's requests with the shared aiohttp session, the body read in full."""

    def __init__(self, clients: ConnectorClients, timeout: float, proxy: _Proxy) -> None:
        self.clients = clients
        self.proxy = proxy
        self.timeout = aiohttp.ClientTimeout(
            total=timeout, sock_connect=min(timeout, CONNECT_TIMEOUT_SECONDS)
        )

    async def __aenter__(self) -> _AiohttpSender:
        return self

    async def __aexit__(self, *exc_details: object) -> None:
        """The session belongs to ConnectorClients, which closes it."""

    async def send(self, request: Sent, **config: Any) -> Answered:
        http = request.http_request
        if http.files:
            raise ValueError("the Teams connector transport sends JSON bodies only")
        for attempt in range(CONNECT_ATTEMPTS):
            try:
                return Response(request, await self._send_once(http))
            except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
                if attempt + 1 == CONNECT_ATTEMPTS:
                    raise ClientRequestError("Error occurred in request.", exc) from exc
                await asyncio.sleep(CONNECT_BACKOFF_SECONDS * 2**attempt)
            except (aiohttp.ClientError, TimeoutError) as exc:
                raise ClientRequestError("Error occurred in request.", exc) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    async def _send_once(self, http: ClientRequest) -> _Received:
        async with (
            self.clients.session() as session,
            session.request(
                http.method,
                http.url,
                headers=http.headers,
                data=http.data,
                timeout=self.timeout,
                proxy=self.proxy.url,
                proxy_headers=self.proxy.headers,
            ) as raw,
        ):
            return _Received(http, raw, await raw.read())


class _Received(AsyncClientResponse):
    """A response as msrest reads it: status, headers, the whole body."""

    def __init__(self, request: ClientRequest, raw: aiohttp.ClientResponse, body: bytes) -> None:
        super().__init__(request, raw)
        self.status_code = raw.status
        self.headers = dict(raw.headers)
        self.reason = raw.reason
        self._body = body

    def body(self) -> bytes:
        return self._body
