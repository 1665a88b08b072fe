"""Who gets an answer: Bot Framework tokens, the tenant allow-list, malformed
bodies and the listening address. A refused request leaves the store as it was.

Tokens are signed here with PyJWT. The Bot Framework's signing keys are the
platform, so they are faked: the SDK's key cache is given our test key, the way
it would hold the keys it fetched from login.botframework.com.
"""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import jwt
import pytest
from aiohttp import ClientResponse
from botframework.connector.auth import AuthenticationConstants, MicrosoftAppCredentials
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor, _OpenIdMetadata
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from sqlalchemy import func, inspect, select, table
from teams_fakes import (
    CHANNEL_ID,
    NOW,
    FakeConnector,
    ServerFactory,
    TeamsClient,
    answer_lines,
    message,
    start_service,
)

from bot.answers import Answer
from bot.service import ServiceError, check_credentials, check_listen_address
from bot.settings import Settings
from bot.teams import TEAMS_BOT, conversation_reference, create_adapter, parse_activity

APP_ID = "5e1b7e7a-0000-4000-8000-00000000b07a"
KEY_ID = "test-signing-key"
BOT_TOKEN = "token-the-bot-got-from-entra-id"
BIND = "den här kanalen gäller Chefsgrupp folkhälsa"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


TRUSTED_KEY = new_key()


@pytest.fixture
def trusted_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SDK's cache of Bot Framework signing keys holds only TRUSTED_KEY."""
    url = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
    metadata = _OpenIdMetadata(url)
    jwk = json.loads(RSAAlgorithm.to_jwk(TRUSTED_KEY.public_key()))
    metadata.keys = [{**jwk, "kid": KEY_ID, "endorsements": ["msteams"]}]
    metadata.last_updated = datetime.now()
    monkeypatch.setitem(JwtTokenExtractor.metadataCache, url, metadata)


@pytest.fixture
def entra_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bot's own outbound token (Microsoft Entra ID is the platform too)."""
    monkeypatch.setattr(MicrosoftAppCredentials, "get_access_token", lambda *_a, **_k: BOT_TOKEN)


@pytest.fixture
async def secured(
    aiohttp_server: ServerFactory, assistant: Any, trusted_keys: None, entra_token: None
) -> AsyncIterator[TeamsClient]:
    settings = Settings(
        database_url="sqlite://",
        now=NOW,
        microsoft_app_id=APP_ID,
        microsoft_app_password="not-a-real-secret",
    )
    async for client in start_service(aiohttp_server, settings, assistant):
        yield client


def token(
    service_url: str,
    *,
    key: rsa.RSAPrivateKey = TRUSTED_KEY,
    audience: str = APP_ID,
    issuer: str = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER,
    expires_in: timedelta = timedelta(hours=1),
) -> str:
    now = datetime.now()
    claims = {
        "iss": issuer,
        "aud": audience,
        "serviceurl": service_url,
        "nbf": int((now - timedelta(minutes=1)).timestamp()),
        "exp": int((now + expires_in).timestamp()),
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KEY_ID})


def row_counts(assistant: Any) -> dict[str, int]:
    engine = assistant.store.engine
    with engine.connect() as connection:
        return {
            name: int(connection.scalar(select(func.count()).select_from(table(name))) or 0)
            for name in inspect(engine).get_table_names()
        }


def bind_message(connector: FakeConnector) -> dict[str, Any]:
    return message(
        BIND,
        service_url=connector.url,
        conversation_type="channel",
        conversation_id=CHANNEL_ID,
        mention=True,
    )


async def test_a_valid_token_is_answered_and_the_reply_carries_the_bots_token(
    secured: TeamsClient, connector: FakeConnector
) -> None:
    response = await secured.post(bind_message(connector), token=token(connector.url))
    assert response.status in (200, 201)
    assert len(connector.posted) == 1
    assert connector.posted[0].authorization == f"Bearer {BOT_TOKEN}"
    assert "Chefsgrupp folkhälsa" in " ".join(answer_lines(connector.posted[0].card))


async def test_the_bots_token_is_got_once_for_many_replies_and_off_the_event_loop(
    secured: TeamsClient, connector: FakeConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Getting it may be a blocking call to Microsoft Entra ID."""
    threads: list[threading.Thread] = []

    def get_access_token(*_args: Any, **_kwargs: Any) -> str:
        threads.append(threading.current_thread())
        return BOT_TOKEN

    monkeypatch.setattr(MicrosoftAppCredentials, "get_access_token", get_access_token)
    for question in ("När är nästa möte?", "hjälp", "Vem representerar Kumla?"):
        activity = message(question, service_url=connector.url)
        response = await secured.post(activity, token=token(connector.url))
        assert response.status == 201

    assert [posted.authorization for posted in connector.posted] == [f"Bearer {BOT_TOKEN}"] * 3
    assert len(threads) == 1 and threads[0] is not threading.main_thread()


async def test_later_messages_carry_the_bots_token_too(
    secured: TeamsClient, connector: FakeConnector
) -> None:
    await secured.post(bind_message(connector), token=token(connector.url))
    bot = secured.server.app[TEAMS_BOT]
    reference = conversation_reference(parse_activity(json.dumps(bind_message(connector)).encode()))

    await bot.notify(reference, Answer(intent="reminder", text="Möte i morgon."))

    assert connector.posted[-1].authorization == f"Bearer {BOT_TOKEN}"
    assert connector.posted[-1].conversation == CHANNEL_ID


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda url: None, id="no-token"),
        pytest.param(lambda url: "not-a-jwt", id="malformed"),
        pytest.param(lambda url: "a.b.c", id="malformed-segments"),
        pytest.param(lambda url: token(url, expires_in=timedelta(hours=-2)), id="expired"),
        pytest.param(lambda url: token(url, key=new_key()), id="forged-signature"),
        pytest.param(lambda url: token(url, audience="another-bot"), id="other-audience"),
        pytest.param(lambda url: token(url, issuer="https://evil.example"), id="other-issuer"),
        pytest.param(lambda url: token("https://elsewhere.example/"), id="other-service-url"),
    ],
)
async def test_without_a_valid_token_nothing_is_answered_or_stored(
    secured: TeamsClient, connector: FakeConnector, assistant: Any, make_token: Any
) -> None:
    before = row_counts(assistant)
    response = await secured.post(bind_message(connector), token=make_token(connector.url))
    assert response.status == 401
    assert connector.posted == []
    assert row_counts(assistant) == before


async def test_a_basic_auth_header_is_refused(
    secured: TeamsClient, connector: FakeConnector
) -> None:
    url = secured.server.make_url("/api/messages")
    response = await secured.session.post(
        url, json=bind_message(connector), headers={"Authorization": "Basic dXNlcjpwdw=="}
    )
    assert response.status == 401
    assert connector.posted == []


@pytest.fixture
async def tenant_limited(
    aiohttp_server: ServerFactory, assistant: Any
) -> AsyncIterator[TeamsClient]:
    settings = Settings(database_url="sqlite://", now=NOW, allowed_tenants=frozenset({"tenant-a"}))
    async for client in start_service(aiohttp_server, settings, assistant):
        yield client


async def test_only_tenants_on_the_allow_list_are_answered(
    tenant_limited: TeamsClient, connector: FakeConnector, assistant: Any
) -> None:
    before = row_counts(assistant)
    outsider = bind_message(connector)
    outsider["conversation"]["tenantId"] = "tenant-b"
    outsider["channelData"]["tenant"]["id"] = "tenant-b"
    assert (await tenant_limited.post(outsider)).status == 403
    assert connector.posted == []
    assert row_counts(assistant) == before

    member = message("hjälp", service_url=connector.url, tenant="tenant-a")
    assert (await tenant_limited.post(member)).status in (200, 201)
    assert len(connector.posted) == 1


async def test_tenant_is_read_from_channel_data_too(
    tenant_limited: TeamsClient, connector: FakeConnector
) -> None:
    activity = message("hjälp", service_url=connector.url, tenant="tenant-a")
    del activity["conversation"]["tenantId"]
    assert (await tenant_limited.post(activity)).status in (200, 201)
    assert len(connector.posted) == 1


MALFORMED: list[Any] = [
    pytest.param(b"this is not json", id="not-json"),
    pytest.param(b"", id="empty"),
    pytest.param(b"\xff\xfe", id="not-utf8"),
    pytest.param(b"[1, 2]", id="json-array"),
    pytest.param(b'"message"', id="json-string"),
    pytest.param(b'{"text": "hej"}', id="no-type"),
    pytest.param(b'{"type": "message", "text": "hej"}', id="no-service-url"),
]


def _activity_bytes(change: Any, connector_url: str = "http://127.0.0.1:9/") -> bytes:
    activity = message("hej", service_url=connector_url)
    change(activity)
    return json.dumps(activity).encode()


MALFORMED += [
    pytest.param(_activity_bytes(lambda a: a.update(conversation="x")), id="conversation-str"),
    pytest.param(_activity_bytes(lambda a: a.pop("recipient")), id="no-recipient"),
    pytest.param(_activity_bytes(lambda a: a.update(text=["hej"])), id="text-list"),
    pytest.param(_activity_bytes(lambda a: a.update(timestamp="igår")), id="bad-timestamp"),
    pytest.param(_activity_bytes(lambda a: a.update(entities="x")), id="entities-str"),
    pytest.param(_activity_bytes(lambda a: a.update(serviceUrl="file:///etc")), id="file-url"),
]


@pytest.mark.parametrize("body", MALFORMED)
async def test_a_malformed_body_is_a_400(
    teams: TeamsClient, connector: FakeConnector, body: bytes
) -> None:
    response: ClientResponse = await teams.post(None, raw=body)
    assert response.status == 400
    assert "error" in await response.json()
    assert connector.posted == []


async def test_a_mention_entity_without_an_account_is_not_a_500(
    teams: TeamsClient, connector: FakeConnector
) -> None:
    activity = message("hjälp", service_url=connector.url, conversation_type="groupChat")
    activity["entities"].append({"type": "mention", "text": "<at>x</at>"})
    response = await teams.post(activity)
    assert response.status in (200, 201)
    assert connector.posted == []  # the bot itself was not mentioned


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "minutes.example.org"])
def test_without_credentials_only_loopback_is_allowed(host: str) -> None:
    with pytest.raises(ServiceError, match="MicrosoftAppId"):
        check_listen_address(Settings(host=host))
    check_listen_address(Settings(host=host, microsoft_app_id=APP_ID))
    check_listen_address(Settings(host=host, allow_insecure_public=True))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_credentials(host: str) -> None:
    check_listen_address(Settings(host=host))


@pytest.mark.parametrize(
    ("kind", "password", "tenant", "missing"),
    [
        ("SingleTenant", "secret", "", "MicrosoftAppTenantId"),
        ("SingleTenant", "", "tenant-a", "MicrosoftAppPassword"),
        ("MultiTenant", "", "", "MicrosoftAppPassword"),
        ("UserAssignedMSI", "", "", "MicrosoftAppTenantId"),
        ("Anonymous", "secret", "tenant-a", "not one of"),
    ],
)
def test_credentials_that_do_not_fit_together_are_named(
    kind: str, password: str, tenant: str, missing: str
) -> None:
    settings = Settings(
        microsoft_app_id=APP_ID,
        microsoft_app_type=kind,
        microsoft_app_password=password,
        microsoft_app_tenant_id=tenant,
    )
    with pytest.raises(ServiceError, match=missing):
        check_credentials(settings)


def test_complete_credentials_pass() -> None:
    check_credentials(Settings())  # none at all: local development
    check_credentials(
        Settings(
            microsoft_app_id=APP_ID,
            microsoft_app_type="SingleTenant",
            microsoft_app_password="secret",
            microsoft_app_tenant_id="tenant-a",
        )
    )


def test_a_type_without_an_app_id_asks_for_no_token() -> None:
    """A Slack-only operator may leave MicrosoftAppType=SingleTenant from the example
    file with the app id blank: the service still starts (the SDK refused for want of
    an APP_ID) and asks Teams requests for no token."""
    settings = Settings(microsoft_app_type="SingleTenant", microsoft_app_tenant_id="tenant-a")
    check_credentials(settings)
    assert create_adapter(settings) is not None
