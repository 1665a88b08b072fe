"""Ingest throughput: generated minutes files -> `load_paths`, documents per second.

    python -m bench.ingest                      # 1,000 and 10,000 documents on SQLite
    python -m bench.ingest --sizes 1000 --db postgresql://postgres@127.0.0.1/test

(--db on PostgreSQL works in a schema of its own, minutesbot_bench.)

One process, one thread. Rates per CPU-second are rates per core: with SQLite all
the work (parsing and the database) runs in this thread, so they do not depend on
what else the machine is doing. Wall-clock rates are shown too.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.answers import reset_postgres
from bench.corpus import documents, render
from storage.loading import load_paths
from storage.parsing import parse_text
from storage.store import Store


def run(size: int, db: str | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = []
        for i, doc in enumerate(documents(size)):
            text = render(doc)
            (folder / f"minutes_{i:06d}.txt").write_text(text, encoding="utf-8")
            texts.append(text)
        cpu = time.process_time()
        for text in texts:
            parse_text(text)
        parse_cpu = time.process_time() - cpu
        store = Store.open(db or f"sqlite:///{folder / 'bench.db'}")
        began, cpu = time.perf_counter(), time.process_time()
        report = load_paths(store, sorted(folder.glob("*.txt")))
        wall, cpu_used = time.perf_counter() - began, time.process_time() - cpu
        store.close()
    assert report.ok, [r.message for r in report.results if r.failed][:3]
    return {
        "documents": size,
        "parse_per_cpu_s": size / parse_cpu,
        "ingest_per_cpu_s": size / cpu_used,
        "ingest_per_s": size / wall,
        "seconds": wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    args = parser.parse_args()
    print(
        f"{'documents':>10} {'parse/cpu-s':>12} {'ingest/cpu-s':>13} {'ingest/s':>9} {'seconds':>8}"
    )
    for size in args.sizes:
        db = reset_postgres(args.db) if args.db and args.db.startswith("postgres") else args.db
        r = run(size, db)
        print(
            f"{r['documents']:>10.0f} {r['parse_per_cpu_s']:>12.1f} {r['ingest_per_cpu_s']:>13.1f} "
            f"{r['ingest_per_s']:>9.1f} {r['seconds']:>8.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
