"""Fuzzed requests to both chat endpoints: a 4xx or a normal answer, never a 5xx,
and the service answers normally afterwards."""

from __future__ import annotations

import json
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.faults.service import Reply, ThreadedService
from tests.slack.slack_fakes import BOT_USER, TEAM, sign
from tests.teams.teams_fakes import message

ENDPOINTS = ["/api/messages", "/slack/events"]
CONTENT_TYPES = [
    "application/json",
    "application/json; charset=latin-1",
    "application/x-www-form-urlencoded",
    "text/plain",
    "multipart/form-data; boundary=x",
    "application/octet-stream",
    "",
    "application/json; charset=utf-8; boundary=",
    "\u00e5\u00e4\u00f6/json",
]
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=25,
)
# Field values of the wrong type where an activity or event has a string or an object.
ODD: st.SearchStrategy[Any] = st.one_of(
    st.none(), st.integers(), st.text(max_size=20), st.lists(st.integers(), max_size=3), st.just({})
)


def not_5xx(reply: Reply, what: object) -> None:
    assert reply.status < 500, (reply.status, reply.body[:300], what)


def signed_headers(body: bytes, content_type: str = "application/json") -> dict[str, str]:
    timestamp = int(time.time())
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": sign(body, timestamp),
    }


@FUZZ
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    body=st.binary(max_size=2000),
    content_type=st.sampled_from(CONTENT_TYPES),
)
def test_random_bytes(
    service: ThreadedService, endpoint: str, body: bytes, content_type: str
) -> None:
    headers = (
        signed_headers(body, content_type)
        if endpoint == "/slack/events"
        else {"Content-Type": content_type}
    )
    not_5xx(service.request("POST", endpoint, body, headers), body)


@FUZZ
@given(endpoint=st.sampled_from(ENDPOINTS), data=JSON)
def test_random_json(service: ThreadedService, endpoint: str, data: Any) -> None:
    body = json.dumps(data).encode()
    not_5xx(service.request("POST", endpoint, body, signed_headers(body)), data)


@FUZZ
@given(
    field=st.sampled_from(
        [
            "text",
            "conversation",
            "from",
            "recipient",
            "entities",
            "channelData",
            "locale",
            "id",
            "type",
            "attachments",
            "value",
        ]
    ),
    value=ODD,
)
def test_activities_with_fields_of_the_wrong_type(
    service: ThreadedService, field: str, value: Any
) -> None:
    activity = message("När är nästa möte?", service_url=service.connector.url)
    activity[field] = value
    body = json.dumps(activity).encode()
    not_5xx(
        service.request("POST", "/api/messages", body, {"Content-Type": "application/json"}),
        activity,
    )


@FUZZ
@given(
    field=st.sampled_from(
        ["text", "channel", "ts", "user", "thread_ts", "type", "blocks", "bot_id"]
    ),
    value=ODD,
    outer=st.sampled_from(["event", "team_id", "event_id", "authorizations", "type", None]),
    outer_value=ODD,
)
def test_signed_slack_events_of_the_wrong_shape(
    service: ThreadedService, field: str, value: Any, outer: str | None, outer_value: Any
) -> None:
    event: dict[str, Any] = {
        "type": "app_mention",
        "user": "U0ANNA",
        "text": f"<@{BOT_USER}> nästa möte",
        "ts": "1.2",
        "channel": "C0FUZZ",
    }
    event[field] = value
    envelope: dict[str, Any] = {
        "team_id": TEAM,
        "api_app_id": "A0APP",
        "type": "event_callback",
        "event": event,
        "event_id": f"EvFuzz{time.monotonic_ns()}",
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
    }
    if outer is not None:
        envelope[outer] = outer_value
    body = json.dumps(envelope).encode()
    not_5xx(service.request("POST", "/slack/events", body, signed_headers(body)), envelope)


@FUZZ
@given(name=st.text(min_size=1, max_size=40).filter(str.isprintable), value=st.text(max_size=200))
def test_odd_headers(service: ThreadedService, name: str, value: str) -> None:
    body = json.dumps(message("nästa möte", service_url=service.connector.url)).encode()
    headers = [("Content-Type", "application/json"), (name, value)]
    for endpoint in ENDPOINTS:
        try:
            reply = service.request("POST", endpoint, body, headers)
        except (UnicodeEncodeError, ValueError):
            return  # http.client refuses to send it: nothing reached the service
        not_5xx(reply, (name, value))


def test_huge_headers_and_invalid_utf8_headers(service: ThreadedService) -> None:
    body = b"{}"
    cases: list[list[tuple[str, str]]] = [
        [("X-Big", "a" * 100_000)],
        [("Authorization", "Bearer " + "x" * 60_000)],
        [(f"X-Many-{i}", "v") for i in range(500)],
        [("X-Slack-Signature", "v0=" + "\udcff" * 10)],
        [("Content-Type", "application/json\udcff")],
    ]
    for headers in cases:
        for endpoint in ENDPOINTS:
            try:
                reply = service.request("POST", endpoint, body, headers)
            except UnicodeEncodeError:
                # http.client will not send lone surrogates: send the raw bytes instead
                reply = raw_request(service, endpoint, headers)
            except ConnectionError:
                continue  # the server closed the connection on an oversized head
            not_5xx(reply, headers[0][0])
    assert service.healthy()


def raw_request(service: ThreadedService, endpoint: str, headers: list[tuple[str, str]]) -> Reply:
    import socket

    head = f"POST {endpoint} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n".encode()
    for name, value in headers:
        head += name.encode() + b": " + value.encode("utf-8", "surrogateescape") + b"\r\n"
    with socket.create_connection(("127.0.0.1", service.port), timeout=10) as sock:
        sock.sendall(head + b"\r\n{}")
        data = sock.recv(65536)
    status = int(data.split(b" ", 2)[1])
    return Reply(status, data)


def test_bodies_far_too_large(service: ThreadedService) -> None:
    big = b"{" + b'"a": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    for endpoint in ENDPOINTS:
        reply = service.request("POST", endpoint, big, signed_headers(big))
        assert 400 <= reply.status < 500, (endpoint, reply.status)
    assert service.healthy()


def test_invalid_utf8_bodies(service: ThreadedService) -> None:
    for body in (b'{"type": "message", "text": "\xff\xfe"}', b"\xc3\x28", b"\xed\xa0\x80"):
        for endpoint in ENDPOINTS:
            not_5xx(service.request("POST", endpoint, body, signed_headers(body)), body)


def test_other_methods_and_paths(service: ThreadedService) -> None:
    for method in ("GET", "PUT", "DELETE", "PATCH", "OPTIONS"):
        for endpoint in [*ENDPOINTS, "/metrics", "/calendar/1.ics", "/../../etc/passwd"]:
            not_5xx(service.request(method, endpoint), (method, endpoint))


def test_the_service_still_answers_after_the_fuzzing(service: ThreadedService) -> None:
    activity = message(
        "När är nästa möte med Chefsgrupp folkhälsa?", service_url=service.connector.url
    )
    body = json.dumps(activity).encode()
    reply = service.request("POST", "/api/messages", body, {"Content-Type": "application/json"})
    assert reply.status == 201
    posted = next(p for p in service.connector.posted if p.reply_to == activity["id"])
    assert "Chefsgrupp folkhälsa" in json.dumps(posted.activity, ensure_ascii=False)
    assert service.healthy()
