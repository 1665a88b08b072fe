"""Answer latency per intent, warm and in-process, at 1,000 / 10,000 / 100,000 meetings.

    python -m bench.answers                                  # SQLite, all sizes
    python -m bench.answers --sizes 1000 --db postgresql://postgres@127.0.0.1/test
    python -m bench.answers --sizes 100000 --keep /tmp/stores  # build once, measure again
    python -m bench.answers --db postgresql://postgres@127.0.0.1/test --keep /tmp/stores

(On PostgreSQL the benchmark works in schemas of its own, minutesbot_bench_<size>.)

The corpus is written straight from generated records (the parser is measured by
bench.ingest); each intent is asked with varied wording, groups, places and dates.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from bench import machine
from bench.corpus import TOPICS, documents
from bot.answers import AskContext
from bot.assistant import Assistant
from storage.loading import analyze_at
from storage.models import Document
from storage.parsing.records import STOCKHOLM, ParsedDocument
from storage.registry import MUNICIPALITIES
from storage.rows import RowWriter
from storage.store import Store, normalize_url, schema_tables

QUESTIONS = {
    "next_meeting": [
        "När är nästa möte?",
        "nästa möte för chefsgrupp folkhälsa",
        "when is the next meeting of ssr folkhälsa",
    ],
    "meetings": [
        "Vilka möten har chefsgruppen {year}?",
        "möten hösten {year}",
        "meetings of chefsgrupp folkhälsa in {year}",
    ],
    "decisions": [
        "Vad beslutades om {topic}?",
        "vilka beslut fattades {day}",
        "what was decided about {topic} in {year}",
    ],
    "representatives": [
        "Vem representerar {town}?",
        "vem representerade {town} {year}",
        "who represents {town} in chefsgruppen",
    ],
    "meeting_roles": ["Vem var ordförande på mötet {day}?", "who took the minutes on {day}"],
    "attendance": ["Vilka var frånvarande på mötet {day}?", "who attended the meeting on {day}"],
    "search": ["Vad sades om {topic}?", "what was said about {topic}"],
}


def build(size: int, url: str) -> tuple[Store, list[datetime]]:
    store = Store.open(url)
    writer = RowWriter()
    days = []
    batch = 500
    docs = documents(size)
    for first in range(0, size, batch):
        with store.transaction() as session:
            for i, parsed in zip(range(first, min(size, first + batch)), docs, strict=False):
                assert parsed.meeting.start is not None
                days.append(parsed.meeting.start)
                write_parsed(session, writer, i, parsed)
        if analyze_at(first // batch + 1, first=1):  # as the tables double, as loading does
            store.analyze()
    store.analyze()  # as loading does
    if store.dialect == "postgresql":
        _vacuum(store)
    return store, days


def write_parsed(session: Session, writer: RowWriter, i: int, parsed: ParsedDocument) -> None:
    """Generated document `i` stored as loading stores one, without its text."""
    assert parsed.meeting.start is not None
    document = Document(
        name=f"gen_{i:06d}.txt",
        path=f"/gen/{i}",
        content_hash=f"{i:064d}",
        format="text",
        ingested_at=datetime.now(STOCKHOLM),
        document_date=parsed.meeting.start.date(),
        title=parsed.title,
        kind=parsed.kind,
        text="",
        warnings=[],
    )
    session.add(document)
    session.flush()
    writer.write(session, document.id, parsed)


def _vacuum(store: Store) -> None:
    """Mark the new rows all-visible, as autovacuum does in a live database (this
    development server runs with autovacuum off): an index-only scan would otherwise
    visit the table for every row it reads."""
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM (ANALYZE) " + ", ".join(schema_tables(conn)))


def measure(
    stores: dict[int, tuple[Store, list[datetime]]], rounds: int, intents: list[str] | None = None
) -> dict[tuple[int, str], tuple[list[float], list[float]]]:
    """Per size and intent, wall and CPU milliseconds of each answer. The sizes take
    turns question by question, so that a change in the machine's speed while the
    benchmark runs (a shared host's neighbours) falls on every size alike."""
    timings: dict[tuple[int, str], tuple[list[float], list[float]]] = {}
    # No answer cache: every question is answered from the store, as a new one would be.
    # Asked the morning after the newest minutes, as a live store is: every minutes
    # written, the meetings their schedules plan still ahead. (Asked in the middle of
    # the store's years, answers would keep to the minutes written by then: a replay
    # of the past, see bot.answering.written, which `--now` offers, not what the
    # service is asked.)
    askers = {
        size: (Assistant(store, cache_size=0), AskContext(now=morning_after(days)), days)
        for size, (store, days) in stores.items()
    }
    for intent, templates in QUESTIONS.items():
        if intents and intent not in intents:
            continue
        rngs = {size: random.Random(1) for size in stores}
        for k in range(rounds):
            for size, (assistant, context, days) in askers.items():
                rng = rngs[size]
                day = rng.choice(days)
                question = rng.choice(templates).format(
                    year=day.year,
                    day=day.date().isoformat(),
                    topic=rng.choice(TOPICS).lower(),
                    town=rng.choice(MUNICIPALITIES),
                )
                began, cpu = time.perf_counter(), time.thread_time()
                answer = assistant.answer(question, context)
                elapsed = (time.perf_counter() - began) * 1000
                cpu_used = (time.thread_time() - cpu) * 1000
                if answer.intent == "error":
                    raise RuntimeError(f"{question!r} failed")
                if k >= 3:  # the first answers warm caches
                    samples, cpu_samples = timings.setdefault((size, intent), ([], []))
                    samples.append(elapsed)
                    cpu_samples.append(cpu_used)
    return timings


def morning_after(days: list[datetime]) -> datetime:
    """8.00 the day after the newest of `days`."""
    newest = max(days).astimezone(STOCKHOLM)
    return datetime.combine(newest.date() + timedelta(days=1), clock(8), STOCKHOLM)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


BENCH_SCHEMA = "minutesbot_bench"


def postgres_url(url: str, schema: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{normalize_url(url)}{joiner}options=-csearch_path%3D{schema}"


def reset_postgres(url: str, schema: str = BENCH_SCHEMA) -> str:
    """A URL for a fresh schema of the benchmark's own in the database at `url`
    (the database's other schemas are left alone)."""
    engine = create_engine(normalize_url(url))
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    return postgres_url(url, schema)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument(
        "--db", help="PostgreSQL URL (schemas minutesbot_bench_<size> are made in it)"
    )
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep each size's store (SQLite: in this folder) and reuse it on later runs",
    )
    parser.add_argument("--intents", nargs="+", help="only these intents")
    args = parser.parse_args()
    print("Wall-clock latency, and the CPU time of the answering thread (what the answer costs")
    print("on an otherwise idle core; with SQLite all the work is in this thread).")
    print(
        f"{'meetings':>9} {'intent':>16} {'p50 ms':>8} {'p99 ms':>8} {'cpu p50':>8} {'cpu p99':>8}"
    )
    print(machine.report("before"), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        stores = {}
        for size in args.sizes:
            began = time.perf_counter()
            stores[size] = open_store(size, args.db, args.keep or Path(tmp), keep=bool(args.keep))
            print(f"# {size} meetings ready in {time.perf_counter() - began:.0f} s", flush=True)
        timings = measure(stores, args.rounds, args.intents)
        order = list(QUESTIONS)
        for (size, intent), (samples, cpu) in sorted(
            timings.items(), key=lambda kv: (kv[0][0], order.index(kv[0][1]))
        ):
            print(
                f"{size:>9} {intent:>16} {statistics.median(samples):>8.2f} "
                f"{percentile(samples, 99):>8.2f} {statistics.median(cpu):>8.2f} "
                f"{percentile(cpu, 99):>8.2f}",
                flush=True,
            )
        for store, _ in stores.values():
            store.close()
    print(machine.report("after"))


def open_store(
    size: int, db: str | None, folder: Path, keep: bool = False
) -> tuple[Store, list[datetime]]:
    """The benchmark store of `size` meetings, built afresh; with `keep`, reused when
    an earlier run left it complete (SQLite: a file in `folder`; PostgreSQL: the
    schema minutesbot_bench_<size>, with its meetings' days in `folder`)."""
    done = folder / f"bench_{size}{'_pg' if db else ''}.days"
    if db:
        schema = f"{BENCH_SCHEMA}_{size}"
        url = postgres_url(db, schema) if keep and done.exists() else None
    else:
        path = folder / f"bench_{size}.db"
        url = f"sqlite:///{path}" if keep and path.exists() and done.exists() else None
    if url is not None:
        return Store.open(url), [datetime.fromisoformat(d) for d in done.read_text().split()]
    if db:
        url = reset_postgres(db, schema)
    else:
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    store, days = build(size, url)
    done.write_text(" ".join(d.isoformat() for d in days))
    return store, days


if __name__ == "__main__":
    main()
