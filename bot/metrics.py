"""Prometheus metrics of one service: requests, answers, reminders and ingest.

Each application owns a `Metrics` with its own `CollectorRegistry`, so tests
and several apps in one process never share counters. `GET /metrics` serves
`exposition()`; the reminders engine and ingest call the recording methods:

    >>> metrics = Metrics()
    >>> metrics.reminder_sent()
    >>> 'minutesbot_reminders_total{outcome="sent"} 1.0' in metrics.exposition().decode()
    True
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    write_to_textfile,
)

from bot.answers import Answer, AnswersQuestions, AskContext

if TYPE_CHECKING:
    from storage.loading import IngestReport

log = logging.getLogger(__name__)

# Answers take milliseconds when warm; seconds mean trouble (a slow database).
ANSWER_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
REMINDER_OUTCOMES = ("sent", "retried", "failed")
INGEST_STATUSES = ("loaded", "unchanged", "replaced", "failed")
# Requests to paths no route knows share one label: fuzzers and scanners must
# not create a time series per path they try.
UNMATCHED_ROUTE = "unmatched"
# nginx's code for "the client closed the connection before the answer".
CLIENT_CLOSED = 499


class Metrics:
    """The counters and histograms of one application (or one CLI run)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "minutesbot_http_requests",
            "HTTP requests handled, by route pattern, method and status code.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "minutesbot_http_request_duration_seconds",
            "Time from a request's arrival to its response, by route pattern.",
            ["route"],
            buckets=ANSWER_BUCKETS,
            registry=self.registry,
        )
        self.answer_seconds = Histogram(
            "minutesbot_answer_duration_seconds",
            "Time the assistant took to answer a question, by intent.",
            ["intent"],
            buckets=ANSWER_BUCKETS,
            registry=self.registry,
        )
        self.not_found = Counter(
            "minutesbot_answers_not_found",
            "Answers that found nothing in the minutes (Answer.found is false), by intent.",
            ["intent"],
            registry=self.registry,
        )
        self.reminders = Counter(
            "minutesbot_reminders",
            "Reminder messages: sent, retried after a failed delivery, failed for good.",
            ["outcome"],
            registry=self.registry,
        )
        self.ingested = Counter(
            "minutesbot_ingest_documents",
            "Minutes files ingested, by result: loaded, unchanged, replaced, failed.",
            ["status"],
            registry=self.registry,
        )
        # Known label values start at zero, so dashboards and alerts see them at once.
        for outcome in REMINDER_OUTCOMES:
            self.reminders.labels(outcome)
        for status in INGEST_STATUSES:
            self.ingested.labels(status)

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.request_seconds.labels(route).observe(seconds)

    def observe_answer(self, answer: Answer, seconds: float) -> None:
        self.answer_seconds.labels(answer.intent).observe(seconds)
        if not answer.found:
            self.not_found.labels(answer.intent).inc()

    def reminder_sent(self, count: int = 1) -> None:
        """A reminder message was delivered."""
        self.reminders.labels("sent").inc(count)

    def reminder_retried(self, count: int = 1) -> None:
        """A reminder's delivery failed and will be tried again."""
        self.reminders.labels("retried").inc(count)

    def reminder_failed(self, count: int = 1) -> None:
        """A reminder was given up: it will not be delivered."""
        self.reminders.labels("failed").inc(count)

    def record_ingest(self, report: IngestReport) -> None:
        """Count every file of an ingest by its result."""
        for result in report.results:
            self.ingested.labels(result.status).inc()

    def exposition(self) -> bytes:
        """Everything, in the Prometheus text format."""
        return generate_latest(self.registry)

    def write_textfile(self, path: Path) -> None:
        """For batch runs (`minutesbot ingest`): a file node_exporter's textfile
        collector serves; written atomically."""
        write_to_textfile(str(path), self.registry)


class MeasuredAssistant:
    """An assistant whose answers are timed and counted by intent.

    The adapters use it in place of the assistant, so the answering core never
    depends on the metrics library. The time includes waiting for a worker
    thread: it is the time a person waits.
    """

    def __init__(self, assistant: AnswersQuestions, metrics: Metrics) -> None:
        self.assistant = assistant
        self.metrics = metrics

    async def ask(self, question: str, context: AskContext) -> Answer:
        started = time.perf_counter()
        answer = await self.assistant.ask(question, context)
        self.metrics.observe_answer(answer, time.perf_counter() - started)
        return answer

    async def claim_delivery(self, keys: Sequence[str]) -> bool:
        return await self.assistant.claim_delivery(keys)


METRICS = web.AppKey("metrics", Metrics)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def observe_requests(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Count and time every request, and log one line for it (no path or query:
    the route's pattern only, which holds no question or name)."""
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    except asyncio.CancelledError:
        status = CLIENT_CLOSED
        raise
    finally:
        seconds = time.perf_counter() - started
        route = route_name(request)
        request.app[METRICS].observe_request(route, request.method, status, seconds)
        log.info(
            "request",
            extra={
                "route": route,
                "method": request.method,
                "status": status,
                "ms": round(seconds * 1000, 1),
            },
        )


def route_name(request: web.Request) -> str:
    """The pattern of the route that took the request, e.g. "/calendar/{meeting_id}.ics"."""
    resource = request.match_info.route.resource
    if resource is None:
        return UNMATCHED_ROUTE
    return resource.canonical


async def metrics_endpoint(request: web.Request) -> web.Response:
    """`GET /metrics`: the app's metrics in the Prometheus text format."""
    body = request.app[METRICS].exposition()
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def mount_metrics(app: web.Application, metrics: Metrics | None = None) -> Metrics:
    """Add `GET /metrics` and the request middleware; the metrics are `app[METRICS]`."""
    app[METRICS] = metrics or Metrics()
    app.middlewares.append(observe_requests)
    app.router.add_get("/metrics", metrics_endpoint)
    return app[METRICS]
