"""Microsoft Teams over the Bot Framework: activity in, Adaptive Card out.

Everything that knows the Bot Framework lives in this file and its outbound half,
`bot.teams_connector` (connector clients made once and posting over kept-open
connections), so moving to the Microsoft 365 Agents SDK means replacing this file
and deleting that one (the Agents SDK's own client is aiohttp). The path of a message:

    POST /api/messages -> parse_activity (400 if malformed) -> tenant allow-list (403)
    -> CloudAdapter (JWT validation, 401) -> TeamsBot.on_turn -> question + AskContext
    -> assistant.ask -> Answer -> Adaptive Card reply via the connector at serviceUrl

In a channel or group chat only messages that @mention the bot count; the
mention is removed before the question is read. When the bot is added to a
chat or team it introduces itself with the Assistant's help answer.

    >>> body = b'{"type": "message", "serviceUrl": "https://smba.example/", "channelId": "msteams",'
    >>> body += b' "conversation": {"id": "19:abc@thread.tacv2"}, "from": {"id": "29:u"},'
    >>> body += b' "recipient": {"id": "28:bot"}}'
    >>> conversation_key(parse_activity(body))
    'msteams:19:abc@thread.tacv2'
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

import jwt
from aiohttp import web
from botbuilder.core import CardFactory, MessageFactory, TurnContext, serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes, ConversationReference
from botframework.connector.auth import (
    AuthenticationConstants,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)

from bot.answers import Answer, AnswersQuestions, AskContext
from bot.calendar import CalendarLinks
from bot.cards import answer_card, plain_text
from bot.settings import Settings
from bot.teams_connector import ConnectorClients
from storage.parsing.records import STOCKHOLM

log = logging.getLogger(__name__)

MESSAGES_PATH = "/api/messages"
CHANNEL = "msteams"
# Bot Framework tokens live an hour; five minutes of clock skew, as the SDK allows.
CLOCK_SKEW_SECONDS = 300
# The turn-state key for this service's origin as the request reached it.
PUBLIC_BASE = "minutesbot.public_base"
# User-token clients kept, one per app id (the SDK makes one per message; unused here).
MAX_USER_TOKEN_CLIENTS = 16


class BadActivity(ValueError):
    """The request body is not a Bot Framework activity; the message says why."""


def parse_activity(body: bytes) -> Activity:
    """The activity in a request body, or BadActivity saying what is wrong.

    >>> parse_activity(b"[]")
    Traceback (most recent call last):
    ...
    bot.teams.BadActivity: the body must be a JSON object (a Bot Framework activity)
    """
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadActivity(f"the body is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BadActivity("the body must be a JSON object (a Bot Framework activity)")
    for key in ("type", "serviceUrl", "channelId"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise BadActivity(f"the activity has no {key!r}")
    if not data["serviceUrl"].startswith(("https://", "http://")):
        raise BadActivity("'serviceUrl' must be an http(s) URL")
    for key in ("conversation", "recipient", "from"):
        part = data.get(key)
        if not isinstance(part, dict) or not isinstance(part.get("id"), str):
            raise BadActivity(f"the activity has no {key}.id")
    if "text" in data and not isinstance(data["text"], str | None):
        raise BadActivity("'text' must be a string")
    try:
        return Activity().deserialize(data)
    except Exception as exc:  # msrest raises several kinds for bad shapes
        raise BadActivity(f"the activity does not fit the Bot Framework schema: {exc}") from None


def tenant_of(activity: Activity) -> str | None:
    """The Microsoft 365 tenant a Teams activity comes from."""
    tenant = getattr(activity.conversation, "tenant_id", None)
    if tenant:
        return str(tenant)
    data = activity.channel_data
    if isinstance(data, dict) and isinstance(data.get("tenant"), dict):
        found = data["tenant"].get("id")
        return str(found) if found else None
    return None


def conversation_key(activity: Activity) -> str:
    """ "msteams:<id>" for the chat or channel; the thread of a channel post is
    dropped, so a channel tied to a group stays tied in every thread."""
    return f"{CHANNEL}:{_without_thread(activity.conversation.id)}"


def conversation_reference(activity: Activity) -> dict[str, Any]:
    """Where later messages (reminders) go: a new post in the channel or chat,
    not a reply in the thread the question came from."""
    reference = TurnContext.get_conversation_reference(activity)
    reference.activity_id = None
    reference.conversation.id = _without_thread(reference.conversation.id)
    data: dict[str, Any] = reference.serialize()
    return data


def _without_thread(conversation_id: str) -> str:
    return conversation_id.split(";messageid=")[0]


def question_text(activity: Activity) -> str | None:
    """The question in a message, mentions of the bot removed; None when a
    channel or group chat message does not @mention the bot.

    Mention entities name the mentioned account and the exact `<at>…</at>`
    markup that stands for it in the text.
    """
    text = activity.text or ""
    mentioned = False
    for mention in TurnContext.get_mentions(activity):
        props = mention.additional_properties or {}
        who = props.get("mentioned")
        if isinstance(who, dict) and who.get("id") == activity.recipient.id:
            mentioned = True
            markup = props.get("text") or f"<at>{who.get('name', '')}</at>"
            text = text.replace(str(markup), " ")
    kind = getattr(activity.conversation, "conversation_type", None) or "personal"
    if kind != "personal" and not mentioned:
        return None
    return " ".join(text.split())


@dataclass(frozen=True)
class _BotConfig:
    """The configuration object ConfigurationBotFrameworkAuthentication reads."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str


class _StrictAuthentication(ConfigurationBotFrameworkAuthentication):  # type: ignore[misc]
    """The SDK's validation, with every failure a PermissionError (so a 401), and its
    outbound clients reused.

    The SDK lets decoding errors and key-fetch failures escape as other
    exceptions, which would be a 500; and it fetches signing keys before it
    looks at the expiry, so malformed and expired tokens are refused first.

    For every message the SDK would build new connector clients (see
    `bot.teams_connector`) and a user-token client this bot never uses; here both
    are made once and reused.
    """

    def __init__(self, config: _BotConfig, *, keep_connections: bool = False) -> None:
        super().__init__(config)
        self.connectors = ConnectorClients(keep_connections=keep_connections)
        self._user_token_clients: dict[str, UserTokenClient] = {}

    async def authenticate_request(self, activity: Activity, auth_header: str) -> Any:
        if auth_header:
            _check_token_shape(auth_header)
        try:
            result = await super().authenticate_request(activity, auth_header)
        except PermissionError:
            raise
        except Exception as exc:  # any failure to validate means "not authorized"
            raise PermissionError(f"token not accepted: {exc.__class__.__name__}") from exc
        result.connector_factory = self.connectors.factory(
            _app_id(result.claims_identity), result.connector_factory
        )
        return result

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        """For proactive messages (continue_conversation): the same reused clients."""
        made = super().create_connector_factory(claims_identity)
        return self.connectors.factory(_app_id(claims_identity), made)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        app_id = _app_id(claims_identity)
        client = self._user_token_clients.get(app_id)
        if client is None:
            client = await super().create_user_token_client(claims_identity)
            if len(self._user_token_clients) >= MAX_USER_TOKEN_CLIENTS:
                self._user_token_clients.clear()
            self._user_token_clients[app_id] = client
        return client


def _app_id(claims_identity: ClaimsIdentity) -> str:
    """The app id the SDK's connector factory uses for a request's claims."""
    claim = claims_identity.get_claim_value(
        AuthenticationConstants.AUDIENCE_CLAIM
    ) or claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)
    return str(claim or "")


def _check_token_shape(auth_header: str) -> None:
    scheme, _, token = auth_header.partition(" ")
    if scheme != "Bearer" or not token:
        raise PermissionError("the Authorization header is not 'Bearer <token>'")
    try:
        jwt.decode(
            token,
            options={"verify_signature": False, "verify_exp": True, "verify_nbf": True},
            leeway=CLOCK_SKEW_SECONDS,
        )
    except jwt.PyJWTError as exc:
        raise PermissionError(f"token not accepted: {exc}") from exc


def create_adapter(settings: Settings, *, keep_connections: bool = False) -> CloudAdapter:
    """A CloudAdapter with the app's credentials; none means no token is asked for.

    `keep_connections`: replies go over connections kept open, which `TeamsBot.close`
    closes; else each reply opens its own.
    """
    config = _BotConfig(
        APP_ID=settings.microsoft_app_id,
        APP_PASSWORD=settings.microsoft_app_password,
        # Without an app id no token is asked for, whatever the type says: a Slack-only
        # operator may leave MicrosoftAppType=SingleTenant from the example file (the
        # SDK then refuses to start for want of an APP_ID).
        APP_TYPE=settings.microsoft_app_type if settings.microsoft_app_id else "MultiTenant",
        APP_TENANTID=settings.microsoft_app_tenant_id,
    )
    return CloudAdapter(_StrictAuthentication(config, keep_connections=keep_connections))


class TeamsBot:
    """Turns Teams activities into questions and Answers into cards."""

    def __init__(
        self,
        settings: Settings,
        assistant: AnswersQuestions,
        links: CalendarLinks,
        adapter: CloudAdapter | None = None,
    ) -> None:
        self.settings = settings
        self.assistant = assistant
        self.links = links
        self.adapter = adapter or create_adapter(settings)
        self.adapter.on_turn_error = self._on_turn_error
        # Where people reach this service (configured, else from the last
        # authenticated request): calendar links in messages sent outside a request.
        self.public_base: str | None = settings.public_url.rstrip("/") or None

    async def handle(self, request: web.Request) -> web.Response:
        """`POST /api/messages`."""
        try:
            activity = parse_activity(await request.read())
        except BadActivity as exc:
            return web.json_response({"error": str(exc)}, status=400)
        tenant = tenant_of(activity)
        if self.settings.allowed_tenants and tenant not in self.settings.allowed_tenants:
            log.warning("teams: refused an activity from a tenant not on the allow-list")
            return web.json_response({"error": "this tenant is not allowed"}, status=403)
        base = _public_base(request)

        async def turn_with_base(turn: TurnContext) -> None:
            # Runs only once the request is authenticated, so its headers are trusted.
            turn.turn_state[PUBLIC_BASE] = self.public_base = base
            await self.on_turn(turn)

        auth_header = request.headers.get("Authorization", "")
        try:
            invoke = await self.adapter.process_activity(auth_header, activity, turn_with_base)
        except PermissionError:
            return web.json_response(
                {"error": "a valid Bot Framework token is required"}, status=401
            )
        if invoke is not None:
            return web.json_response(serializer_helper(invoke.body), status=invoke.status)
        return web.Response(status=201)

    async def on_turn(self, turn: TurnContext) -> None:
        activity = turn.activity
        if activity.type == ActivityTypes.message:
            await self._on_message(turn)
        elif activity.type == ActivityTypes.conversation_update and any(
            member.id == activity.recipient.id for member in activity.members_added or []
        ):
            await self._introduce(turn)

    async def _on_message(self, turn: TurnContext) -> None:
        question = question_text(turn.activity)
        if question is None:
            return
        if self.settings.debug:
            log.debug("teams: question %r", question)
        answer = await self.assistant.ask(question or self._help_word(turn), self._context(turn))
        log.debug("teams: answered intent=%s found=%s", answer.intent, answer.found)
        await turn.send_activity(self._reply(turn, answer))

    async def _introduce(self, turn: TurnContext) -> None:
        answer = await self.assistant.ask(self._help_word(turn), self._context(turn))
        heading = (
            "Hi! I answer questions about the minutes."
            if answer.language == "en"
            else "Hej! Jag svarar på frågor om protokollen."
        )
        await turn.send_activity(self._reply(turn, answer, heading=heading))

    def _context(self, turn: TurnContext) -> AskContext:
        return AskContext(
            now=self.settings.now or datetime.now(STOCKHOLM),
            conversation=conversation_key(turn.activity),
            reference=partial(conversation_reference, turn.activity),  # made when stored
        )

    @staticmethod
    def _help_word(turn: TurnContext) -> str:
        return "help" if (turn.activity.locale or "").lower().startswith("en") else "hjälp"

    def _reply(self, turn: TurnContext, answer: Answer, heading: str | None = None) -> Activity:
        """The answer as an Adaptive Card, its plain text for clients without cards."""
        base = turn.turn_state.get(PUBLIC_BASE) or self.public_base

        def calendar_url(meeting_id: int) -> str | None:
            return f"{base}{self.links.path(meeting_id)}" if base else None

        card = answer_card(answer, calendar_url=calendar_url, heading=heading)
        reply = MessageFactory.attachment(CardFactory.adaptive_card(card))
        # The plain text goes in `summary` ("text to display if the channel cannot
        # render cards"): in `text` Teams would show it twice, above the card too.
        reply.summary = plain_text(answer)
        return reply

    async def notify(self, reference: dict[str, Any], answer: Answer) -> None:
        """Post `answer` into a conversation later (reminders), from its stored reference.

        Raises what the connector raised (botbuilder's ErrorResponseException for a
        refusal, msrest's ClientRequestError for a failed connection), so the caller can retry
        or give up; nothing else is posted in its place.
        """
        target = ConversationReference().deserialize(reference)
        failures: list[Exception] = []

        async def send(turn: TurnContext) -> None:
            # The SDK's continuation activity has a made-up id that the message
            # would "reply" to; without it the message is a new post.
            turn.activity.id = None
            try:
                await turn.send_activity(self._reply(turn, answer))
            except Exception as exc:
                # Kept from the turn's error handler, which would post an apology.
                failures.append(exc)

        await self.adapter.continue_conversation(target, send, self.settings.microsoft_app_id)
        if failures:
            raise failures[0]

    async def close(self) -> None:
        """Close the connections to the connector (when the service stops)."""
        auth = self.adapter.bot_framework_authentication
        if isinstance(auth, _StrictAuthentication):
            await auth.connectors.close()

    async def _on_turn_error(self, turn: TurnContext, error: Exception) -> None:
        log.error("teams: the turn failed", exc_info=error)
        try:
            await turn.send_activity(
                "Något gick fel när jag skulle svara. Försök igen om en stund. "
                "(Something went wrong; please try again.)"
            )
        except Exception:  # the connector itself may be what failed
            log.warning("teams: could not tell the user about the failure")


def _public_base(request: web.Request) -> str:
    """The service's own origin as callers see it (behind a TLS proxy too)."""
    scheme = request.headers.get("X-Forwarded-Proto", request.scheme).split(",")[0].strip()
    host = request.headers.get("X-Forwarded-Host", request.host).split(",")[0].strip()
    return f"{scheme}://{host}"


TEAMS_BOT = web.AppKey("teams_bot", TeamsBot)


def mount_teams(
    app: web.Application, settings: Settings, assistant: AnswersQuestions, links: CalendarLinks
) -> TeamsBot:
    """Add `POST /api/messages` to `app`; the bot is `app[TEAMS_BOT]` (for reminders)."""
    bot = TeamsBot(settings, assistant, links, create_adapter(settings, keep_connections=True))
    app[TEAMS_BOT] = bot
    app.router.add_post(MESSAGES_PATH, bot.handle)

    async def close(_: web.Application) -> None:
        await bot.close()

    app.on_cleanup.append(close)
    return bot
