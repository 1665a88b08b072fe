"""Ask one intent's benchmark questions, for counting the instructions they cost.

Wall-clock figures on a shared machine move by half between runs minutes apart;
instructions do not. Under valgrind, the count of a run that asks N questions,
less that of a run that asks none, is what N answers cost the process (with
PostgreSQL, the client's part only):

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python -m bench.instructions --keep /tmp/stores --size 100000 --intent decisions -n 120
    valgrind ... python -m bench.instructions --keep /tmp/stores --size 100000 -n 0

Run it from a `git worktree` of each commit to compare two versions of the code
on the same store (built once by `python -m bench.answers --keep /tmp/stores`).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from bench.answers import QUESTIONS, morning_after, open_store
from bench.corpus import TOPICS
from bot.answers import AskContext
from bot.assistant import Assistant
from storage.registry import MUNICIPALITIES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, required=True, help="the stores' folder")
    parser.add_argument("--size", type=int, default=100000)
    parser.add_argument("--intent", default="decisions", choices=list(QUESTIONS))
    parser.add_argument("-n", "--questions", type=int, default=120)
    parser.add_argument("--db", help="PostgreSQL URL, as given to bench.answers")
    args = parser.parse_args()
    store, days = open_store(args.size, args.db, args.keep, keep=True)
    assistant = Assistant(store, cache_size=0)
    context = AskContext(now=morning_after(days))
    rng = random.Random(1)
    for _ in range(args.questions):
        day = rng.choice(days)
        question = rng.choice(QUESTIONS[args.intent]).format(
            year=day.year,
            day=day.date().isoformat(),
            topic=rng.choice(TOPICS).lower(),
            town=rng.choice(MUNICIPALITIES),
        )
        assistant.answer(question, context)
    store.close()


if __name__ == "__main__":
    main()
