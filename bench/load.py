"""Load: many conversations asking at once through Teams and Slack, on loopback.

    python -m bench.load                          # SQLite and PostgreSQL, 20 s per leg
    python -m bench.load --backends sqlite --seconds 10 --rate 150
    python -m bench.load --rate 0 --concurrency 32  # closed loop: as fast as it answers
    python -m bench.load --workers 2                # two service processes on the port

`minutesbot serve` runs in a subprocess over the real minutes (../shared/minutes);
Teams activities go to `/api/messages` (no credentials: the connector is a local
stand-in at the activity's serviceUrl) and signed Slack events to `/slack/events`
(the Slack Web API is the same stand-in). A question counts as answered when its
reply reaches the stand-in; latency is from sending the request to that moment.

Open loop (default): questions are sent at `--rate` per second whatever the
replies do, spread over `--conversations` conversations, so a slow service shows
as growing latency, not as a politely lower rate. Errors: a non-2xx status, a
failed request, no reply within `--timeout`, or a reply saying the assistant
could not answer. Peak memory is the service process's VmHWM during the leg.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import uvloop
from aiohttp import ClientSession, ClientTimeout, TCPConnector

from bench import machine
from bench.harness import (
    TROUBLE,
    Reply,
    Service,
    StandIn,
    database,
    served,
    slack_event,
    slack_headers,
    teams_activity,
)

QUESTIONS = [
    "När är nästa möte?",
    "När är nästa möte med Chefsgrupp folkhälsa?",
    "Vilka möten har chefsgruppen 2023?",
    "Vem representerar Karlskoga?",
    "Vad beslutades om suicidsamordningen?",
    "Vilka var frånvarande på mötet den 29 maj 2026?",
    "Who chaired the meeting on 20 September 2024?",
    "Vilka beslut fattades 2023-09-08?",
    "Vem var sekreterare på mötet 13 oktober 2022?",
    "Vad beslutades om kärnkraft?",
    "När har chefsgrupp folkhälsa möten hösten 2020?",
    "Vem representerar Nora?",
    "Vem är Linnea Hedkvist?",
    "what was decided about the budget in 2024",
]
MAX_OUTSTANDING = 5000


@dataclass
class Leg:
    backend: str
    platform: str
    seconds: float
    sent: int
    answered: int
    errors: int
    answered_per_s: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    peak_rss_mb: float
    service_cpu_pct: float  # of one core, while the leg ran
    generator_cpu_pct: float  # this process's (the load and the stand-ins), of one core


@dataclass
class Outcome:
    latency: float | None  # seconds; None for an error
    error: str = ""


async def ask_teams(
    session: ClientSession, service: Service, stand_in: StandIn, question: str, conversation: int
) -> Outcome:
    activity = teams_activity(question, conversation, stand_in.url)
    reply = stand_in.expect(str(activity["id"]))
    started = time.perf_counter()
    async with session.post(service.url + "/api/messages", json=activity) as response:
        if response.status >= 300:
            stand_in.waiting.pop(str(activity["id"]), None)
            return Outcome(None, f"status {response.status}")
    return await _reply(reply, started)


async def ask_slack(
    session: ClientSession, service: Service, stand_in: StandIn, question: str, conversation: int
) -> Outcome:
    key, body = slack_event(question, conversation)
    reply = stand_in.expect(key)
    started = time.perf_counter()
    url = service.url + "/slack/events"
    async with session.post(url, data=body, headers=slack_headers(body)) as response:
        if response.status >= 300:
            stand_in.waiting.pop(key, None)
            return Outcome(None, f"status {response.status}")
    return await _reply(reply, started)


async def _reply(reply: asyncio.Future[Reply], started: float) -> Outcome:
    got = await reply
    if any(words in got.text for words in TROUBLE):
        return Outcome(None, "trouble reply")
    return Outcome(got.at - started)


ASK = {"teams": ask_teams, "slack": ask_slack}


async def run_leg(
    platform: str, service: Service, stand_in: StandIn, args: argparse.Namespace
) -> list[Outcome]:
    """Send for `args.seconds`, then wait for the replies still due."""
    ask = ASK[platform]
    outcomes: list[Outcome] = []

    async def one(n: int) -> None:
        question, conversation = QUESTIONS[n % len(QUESTIONS)], n % args.conversations
        try:
            async with asyncio.timeout(args.timeout):
                outcomes.append(await ask(session, service, stand_in, question, conversation))
        except TimeoutError:
            outcomes.append(Outcome(None, "no reply in time"))
        except Exception as exc:
            outcomes.append(Outcome(None, type(exc).__name__))

    connector = TCPConnector(limit=args.connections)
    async with ClientSession(connector=connector, timeout=ClientTimeout(total=60)) as session:
        tasks: set[asyncio.Task[None]] = set()
        loop = asyncio.get_running_loop()
        started = loop.time()
        n = 0
        while loop.time() - started < args.seconds:
            if args.rate > 0:
                due = started + n / args.rate
                await asyncio.sleep(max(0.0, due - loop.time()))
                if len(tasks) >= MAX_OUTSTANDING:
                    continue
            else:
                while len(tasks) >= args.concurrency:
                    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            task = asyncio.create_task(one(n))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            n += 1
        await asyncio.gather(*tasks)
    return outcomes


def summarize(
    backend: str,
    platform: str,
    outcomes: list[Outcome],
    seconds: float,
    rss: float,
    cpu: float,
    own_cpu: float,
) -> Leg:
    latencies = sorted(o.latency * 1000 for o in outcomes if o.latency is not None)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else []
    return Leg(
        backend=backend,
        platform=platform,
        seconds=round(seconds, 1),
        sent=len(outcomes),
        answered=len(latencies),
        errors=len(outcomes) - len(latencies),
        answered_per_s=round(len(latencies) / seconds, 1),
        p50_ms=round(cuts[49], 1) if cuts else float("nan"),
        p99_ms=round(cuts[98], 1) if cuts else float("nan"),
        max_ms=round(latencies[-1], 1) if latencies else float("nan"),
        peak_rss_mb=round(rss, 1),
        service_cpu_pct=round(100 * cpu / seconds),
        generator_cpu_pct=round(100 * own_cpu / seconds),
    )


async def run_backend(backend: str, args: argparse.Namespace, folder: Path) -> list[Leg]:
    legs = []
    async with StandIn.running() as stand_in:
        with (
            database(backend, folder) as url,
            served(url, stand_in.url, folder, MINUTESBOT_WORKERS=str(args.workers)) as service,
        ):
            for platform in args.platforms:
                await warm_up(platform, service, stand_in, args.workers)
                service.reset_peak_rss()
                began, cpu, own = time.perf_counter(), service.cpu_seconds(), time.process_time()
                outcomes = await run_leg(platform, service, stand_in, args)
                elapsed, cpu = time.perf_counter() - began, service.cpu_seconds() - cpu
                own = time.process_time() - own
                rss = service.peak_rss_mb()
                leg = summarize(backend, platform, outcomes, elapsed, rss, cpu, own)
                errors = sorted({o.error for o in outcomes if o.error})
                print(format_leg(leg) + (f"   errors: {', '.join(errors)}" if errors else ""))
                legs.append(leg)
                if not service.alive():
                    raise SystemExit(f"the service died:\n{service.log.read_text()[-3000:]}")
    return legs


async def warm_up(platform: str, service: Service, stand_in: StandIn, workers: int) -> None:
    """Every question once over each of several connections: caches and connection
    pools are warm before timing, in every worker (the kernel hands each connection
    to one of them)."""

    async def every_question(session: ClientSession) -> None:
        for n, question in enumerate(QUESTIONS):
            await ASK[platform](session, service, stand_in, question, n)

    connections = 1 if workers == 1 else 4 * workers
    async with ClientSession(connector=TCPConnector(limit=connections)) as session:
        await asyncio.gather(*(every_question(session) for _ in range(connections)))


HEADER = (
    f"{'backend':<10} {'platform':<8} {'sent':>6} {'answered':>8} {'errors':>6} "
    f"{'answered/s':>10} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'peak RSS MB':>11} "
    f"{'service CPU':>11} {'load CPU':>8}"
)


def format_leg(leg: Leg) -> str:
    return (
        f"{leg.backend:<10} {leg.platform:<8} {leg.sent:>6} {leg.answered:>8} {leg.errors:>6} "
        f"{leg.answered_per_s:>10.1f} {leg.p50_ms:>7.1f} {leg.p99_ms:>7.1f} {leg.max_ms:>7.1f} "
        f"{leg.peak_rss_mb:>11.1f} {leg.service_cpu_pct:>10.0f}% {leg.generator_cpu_pct:>7.0f}%"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--platforms", nargs="+", default=["teams", "slack"])
    parser.add_argument("--seconds", type=float, default=20.0, help="sending time per leg")
    parser.add_argument("--rate", type=float, default=300.0, help="questions/s; 0: closed loop")
    parser.add_argument("--concurrency", type=int, default=32, help="closed loop: in flight")
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--connections", type=int, default=100, help="client connections")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait a reply")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--workers", type=int, default=1, help="service processes (serve --workers)"
    )
    args = parser.parse_args()
    if args.seconds > 300 or args.conversations < 1:
        parser.error("--seconds is at most 300; --conversations at least 1")
    return args


def main() -> None:
    args = parse_args()
    mode = f"open loop at {args.rate:g}/s" if args.rate > 0 else f"closed loop x{args.concurrency}"
    print(f"{mode}, {args.seconds:g} s per leg, {args.conversations} conversations")
    print(machine.report("before"))
    print(HEADER)
    legs: list[Leg] = []
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends:
            # the load generator shares the cores: uvloop leaves more of them to the service
            legs += uvloop.run(run_backend(backend, args, Path(tmp)))
    print(machine.report("after"))
    if args.json:
        args.json.write_text(json.dumps([asdict(leg) for leg in legs], indent=2))


if __name__ == "__main__":
    main()
