"""The heavier fault runs, against `minutesbot serve` in a subprocess, on loopback.

    python -m bench.faults                       # all three parts
    python -m bench.faults --parts fuzz --requests 20000

- fuzz: many random requests to /api/messages and /slack/events (random bytes,
  random JSON, activities and signed Slack events with fields of the wrong type,
  wrong content types, odd and huge headers, invalid UTF-8), several at a time.
  Every status is counted; any 5xx fails the run, and afterwards the service
  must still answer a question normally.
- files: `minutesbot ingest` of a 50 MB file, truncated Word and PDF files and a
  zip bomb next to good minutes: exit status 1, each bad file named, the good
  ones loaded, and a second run loads nothing twice.
- outage: PostgreSQL goes away (the service's role may not log in, its sessions
  are terminated) in the middle of a steady stream of Teams questions and comes
  back; every question gets the normal answer or the "databasen går inte att nå"
  answer, never a 5xx or silence, and answers are normal again afterwards.

The tests in tests/faults/ are the quick version of the same (`pytest tests/faults`).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, ClientTimeout
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.harness import (
    MINUTES,
    POSTGRES_SERVER,
    StandIn,
    database,
    require_loopback,
    served,
    slack_event,
    slack_headers,
    teams_activity,
)

QUESTION = "När är nästa möte med Chefsgrupp folkhälsa?"
UNREACHABLE = "databasen går inte att nå"
CONTENT_TYPES = [
    "application/json",
    "application/x-www-form-urlencoded",
    "text/plain",
    "application/octet-stream",
    "",
    "multipart/form-data; boundary=x",
    "application/json; charset=latin-1",
]


def random_json(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(7 if depth < 3 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False, 0, -1, 2**70, 1.5e308])
    if kind in (2, 3):
        return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(20)))
    if kind in (4, 5):
        return {random_json(rng, 3): random_json(rng, depth + 1) for _ in range(rng.randrange(5))}
    return [random_json(rng, depth + 1) for _ in range(rng.randrange(5))]


def fuzzed_request(rng: random.Random, stand_in_url: str) -> tuple[str, bytes, dict[str, str]]:
    """One hostile request: endpoint, body, headers."""
    endpoint = rng.choice(["/api/messages", "/slack/events"])
    style = rng.randrange(5)
    if style == 0:
        body = rng.randbytes(rng.randrange(3000))
    elif style == 1:
        body = json.dumps(random_json(rng)).encode()
    elif style == 2 and endpoint == "/api/messages":
        activity = teams_activity(QUESTION, rng.randrange(50), stand_in_url)
        activity[rng.choice(list(activity))] = random_json(rng)
        body = json.dumps(activity).encode()
    elif style == 2:
        _, body = slack_event(QUESTION, rng.randrange(50))
        envelope = json.loads(body)
        target = envelope["event"] if rng.random() < 0.7 else envelope
        target[rng.choice(list(target))] = random_json(rng)
        body = json.dumps(envelope).encode()
    elif style == 3:
        body = b'{"text": "' + rng.randbytes(50) + b'"}'
    else:
        body = b"{" * rng.randrange(1, 100_000)
    headers = slack_headers(body) if endpoint == "/slack/events" else {}
    headers["Content-Type"] = rng.choice(CONTENT_TYPES)
    if rng.random() < 0.1:
        headers["X-Fuzz"] = "x" * rng.choice([10, 9000, 70_000])
    return endpoint, body, headers


async def fuzz(args: argparse.Namespace, folder: Path) -> bool:
    rng = random.Random(args.seed)
    statuses: collections.Counter[str] = collections.Counter()
    async with StandIn.running() as stand_in:
        with database("sqlite", folder) as url, served(url, stand_in.url, folder) as service:
            began = time.perf_counter()
            async with ClientSession(timeout=ClientTimeout(total=30)) as session:
                queue = [fuzzed_request(rng, stand_in.url) for _ in range(args.requests)]

                async def worker() -> None:
                    while queue:
                        endpoint, body, headers = queue.pop()
                        try:
                            url = service.url + endpoint
                            async with session.post(url, data=body, headers=headers) as reply:
                                statuses[str(reply.status)] += 1
                        except Exception as exc:
                            statuses[type(exc).__name__] += 1

                await asyncio.gather(*(worker() for _ in range(args.concurrency)))
                elapsed = time.perf_counter() - began
                answered = await answers_normally(session, service.url, stand_in)
            alive = service.alive()
    five = sum(n for status, n in statuses.items() if status.startswith("5"))
    print(f"fuzz: {args.requests} requests in {elapsed:.1f} s: {dict(sorted(statuses.items()))}")
    print(f"fuzz: 5xx {five}; still up {alive}; answers normally afterwards {answered}")
    return five == 0 and alive and answered


async def answers_normally(session: ClientSession, url: str, stand_in: StandIn) -> bool:
    activity = teams_activity(QUESTION, 999_999, stand_in.url)
    reply = stand_in.expect(str(activity["id"]))
    async with session.post(url + "/api/messages", json=activity) as response:
        if response.status != 201:
            return False
    got = await asyncio.wait_for(reply, 10)
    return "Chefsgrupp folkhälsa" in got.text


def files(args: argparse.Namespace, folder: Path) -> bool:
    from tests.faults.files import docx_bytes, lying_zip_bomb, pdf_bytes

    bad = {
        "fifty.txt": b"Tid: 2025-03-14 kl. 13.00\n" * (50 * 1024 * 1024 // 26 + 1),
        "cut.docx": docx_bytes()[:1500],
        "cut.pdf": pdf_bytes()[:600],
        "bomb.docx": lying_zip_bomb(),
        "binary.txt": bytes(range(256)) * 100,
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    paths = [str(folder / name) for name in bad] + [str(p) for p in sorted(MINUTES.glob("*.txt"))]
    command = [str(Path(sys.executable).with_name("minutesbot")), "ingest", "-q"]
    command += ["--db", f"sqlite:///{folder / 'files.db'}"]
    ok = True
    for attempt, expected in (
        (1, f"5 loaded, 0 unchanged, {len(bad)} failed"),
        (2, f"0 loaded, 5 unchanged, {len(bad)} failed"),
    ):
        began = time.perf_counter()
        run = subprocess.run(command + paths, capture_output=True, text=True, timeout=300)
        elapsed = time.perf_counter() - began
        named = all(f"{name}: " in run.stderr for name in bad)
        good = run.returncode == 1 and named and expected in run.stdout
        print(
            f"files, run {attempt}: exit {run.returncode} in {elapsed:.1f} s, "
            f"{run.stdout.strip().splitlines()[-1]!r}, every bad file named: {named}"
        )
        for line in run.stderr.strip().splitlines():
            print(f"   {line.replace(str(folder) + '/', '')}")
        ok = ok and good
    return ok


async def outage(args: argparse.Namespace, folder: Path) -> bool:
    require_loopback(POSTGRES_SERVER)
    role = f"minutesbot_faults_{random.randrange(10**6)}"
    admin = create_engine(POSTGRES_SERVER)

    def sql(*statements: str) -> None:
        with admin.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))

    sql(f"CREATE ROLE {role} LOGIN", f"CREATE SCHEMA {role} AUTHORIZATION {role}")
    server = make_url(POSTGRES_SERVER).set(username=role).render_as_string(hide_password=False)
    url = f"{server}?options=-csearch_path%3D{role}"
    counts: collections.Counter[str] = collections.Counter()
    after: collections.Counter[str] = collections.Counter()
    try:
        async with StandIn.running() as stand_in:
            with served(url, stand_in.url, folder) as service:
                async with ClientSession(timeout=ClientTimeout(total=30)) as session:

                    async def one(n: int, tally: collections.Counter[str]) -> None:
                        activity = teams_activity(QUESTION, n, stand_in.url)
                        reply = stand_in.expect(str(activity["id"]))
                        try:
                            async with session.post(
                                service.url + "/api/messages", json=activity
                            ) as response:
                                if response.status != 201:
                                    tally[f"status {response.status}"] += 1
                                    return
                            got = await asyncio.wait_for(reply, 15)
                        except Exception as exc:
                            tally[type(exc).__name__] += 1
                            return
                        tally[
                            "normal"
                            if "Chefsgrupp" in got.text
                            else "unreachable"
                            if UNREACHABLE in got.text
                            else "other"
                        ] += 1

                    tasks = []
                    began = time.perf_counter()
                    for n in range(int(args.outage_seconds * 30)):
                        elapsed = time.perf_counter() - began
                        if n == int(args.outage_seconds * 10):
                            await asyncio.to_thread(
                                sql,
                                f"ALTER ROLE {role} NOLOGIN",
                                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                f"WHERE usename = '{role}'",
                            )
                            print(f"outage: database away at {elapsed:.1f} s")
                        if n == int(args.outage_seconds * 20):
                            await asyncio.to_thread(sql, f"ALTER ROLE {role} LOGIN")
                            print(f"outage: database back at {elapsed:.1f} s")
                        tasks.append(asyncio.create_task(one(n, counts)))
                        await asyncio.sleep(max(0.0, began + (n + 1) / 30 - time.perf_counter()))
                    await asyncio.gather(*tasks)
                    await asyncio.gather(*(one(10_000 + n, after) for n in range(30)))
                alive = service.alive()
    finally:
        sql(
            f"ALTER ROLE {role} LOGIN",
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'",
            f"DROP SCHEMA IF EXISTS {role} CASCADE",
            f"DROP ROLE IF EXISTS {role}",
        )
        admin.dispose()
    print(f"outage: during the run {dict(counts)}; afterwards {dict(after)}; still up {alive}")
    clean = set(counts) <= {"normal", "unreachable"} and counts["unreachable"] > 0
    return clean and after == {"normal": 30} and alive


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--parts", nargs="+", default=["fuzz", "files", "outage"])
    parser.add_argument("--requests", type=int, default=5000, help="fuzz: requests to send")
    parser.add_argument("--concurrency", type=int, default=16, help="fuzz: requests in flight")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--outage-seconds", type=float, default=15.0)
    args = parser.parse_args()
    if args.requests > 200_000 or args.outage_seconds > 120:
        parser.error("--requests at most 200000, --outage-seconds at most 120")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "fuzz" in args.parts:
            results["fuzz"] = asyncio.run(fuzz(args, folder))
        if "files" in args.parts:
            results["files"] = files(args, folder)
        if "outage" in args.parts:
            results["outage"] = asyncio.run(outage(args, folder))
    print(
        "result: " + ", ".join(f"{part} {'ok' if ok else 'FAILED'}" for part, ok in results.items())
    )
    sys.exit(0 if all(results.values()) else 1)


if __name__ == "__main__":
    main()
