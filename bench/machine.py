"""How fast this machine is right now, to read the benchmarks' figures by.

On a shared host the same code runs up to twice as fast at one moment as at
another (the host's other tenants); the benchmarks print this reference time
before and after they measure, so that figures from different runs (or a
regression against a slow moment) can be told apart:

    >>> reference_ms() > 0
    True
"""

from __future__ import annotations

import time


def reference_ms(rounds: int = 5) -> float:
    """Milliseconds of a fixed pure-Python loop, the fastest of `rounds` (40 to 80
    on the development machine, from its fastest moments to its slowest)."""
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i * i
        best = min(best, time.perf_counter() - began)
    return round(best * 1000, 1)


def report(when: str) -> str:
    return f"# machine reference ({when}): {reference_ms()} ms (lower is faster; see bench.machine)"
