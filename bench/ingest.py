"""Ingest throughput: generated minutes files -> `load_paths`, documents per second.

    python -m bench.ingest                      # 1,000 and 10,000 documents on SQLite
    python -m bench.ingest --sizes 1000 --db postgresql://postgres@127.0.0.1/test

(--db on PostgreSQL resets that database's public schema.)

One process, one core. Reports parse-only and parse+store rates.
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
            path = folder / f"minutes_{i:06d}.txt"
            text = render(doc)
            path.write_text(text, encoding="utf-8")
            texts.append(text)
        began = time.perf_counter()
        for text in texts:
            parse_text(text)
        parse_rate = size / (time.perf_counter() - began)
        store = Store.open(db or f"sqlite:///{folder / 'bench.db'}")
        began = time.perf_counter()
        report = load_paths(store, sorted(folder.glob("*.txt")))
        elapsed = time.perf_counter() - began
        store.close()
    assert report.ok, [r.message for r in report.results if r.failed][:3]
    return {
        "documents": size,
        "parse_per_s": parse_rate,
        "ingest_per_s": size / elapsed,
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    args = parser.parse_args()
    print(f"{'documents':>10} {'parse/s':>10} {'ingest/s':>10} {'seconds':>9}")
    for size in args.sizes:
        if args.db and args.db.startswith("postgres"):
            reset_postgres(args.db)
        r = run(size, args.db)
        print(
            f"{r['documents']:>10.0f} {r['parse_per_s']:>10.1f} {r['ingest_per_s']:>10.1f} "
            f"{r['seconds']:>9.1f}"
        )


if __name__ == "__main__":
    main()
