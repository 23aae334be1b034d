"""The long fuzz campaign: ``python -m tests.fuzz.campaign --n 1000000 --jobs 2``
(``make fuzz N=1000000``).

Each process draws inputs from its own seed (a fixture, sometimes a window of it, then
one to eight ops of tests/fuzz/mutate.py), checks each (tests/fuzz/checks.py, the time
bound included, against the prose time it measures itself) and reports in chunks.  The
campaign prints inputs tried, distinct failures (each with the recipe of its first
input) and the slowest inputs per KiB; ``--out FILE`` also writes them as JSON.  A
recipe replays with ``--replay '[base, start, length, ops]'``.
"""

from __future__ import annotations

import argparse
import heapq
import json
import random
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from .checks import check, prose_per_kib
from .mutate import Op, fixtures, mutant, random_ops

CHUNK = 250
SLOWEST = 10

Recipe = tuple[int, int, int, list[Op]]


@dataclass
class Tally:
    """What a chunk (or the whole campaign) saw."""

    tried: int = 0
    seconds: float = 0.0
    kib: float = 0.0
    failures: dict[str, list[Any]] = field(default_factory=dict)  # key -> [count, recipe]
    slowest: list[tuple[float, float, bool, Recipe]] = field(default_factory=list)  # per KiB, KiB, dense
    prose: float = 0.0

    def add(self, other: Tally) -> None:
        self.tried += other.tried
        self.seconds += other.seconds
        self.kib += other.kib
        for key, (count, recipe) in other.failures.items():
            self.failures.setdefault(key, [0, recipe])[0] += count
        self.slowest = heapq.nlargest(SLOWEST, self.slowest + other.slowest, key=lambda s: s[0])
        self.prose = max(self.prose, other.prose)


def _recipe(rng: random.Random) -> Recipe:
    base = rng.randrange(len(fixtures()))
    windowed = rng.random() < 0.3
    length = rng.randint(1, 3000) if windowed else 0
    return base, rng.getrandbits(16), length, random_ops(rng)


_PROSE: list[float] = []


def run_chunk(seed: int, count: int) -> Tally:
    """`count` inputs from `seed`, checked (in a worker process)."""
    if not _PROSE:
        _PROSE.append(prose_per_kib())
    rng = random.Random(seed)
    tally = Tally(prose=_PROSE[0])
    for _ in range(count):
        recipe = _recipe(rng)
        outcome = check(mutant(*recipe), prose=_PROSE[0])
        tally.tried += 1
        tally.seconds += outcome.seconds
        tally.kib += outcome.kib
        for key in dict.fromkeys(outcome.failures):
            tally.failures.setdefault(key, [0, recipe])[0] += 1
        entry = (outcome.per_kib, outcome.kib, outcome.dense, recipe)
        if len(tally.slowest) < SLOWEST:
            heapq.heappush(tally.slowest, entry)
        elif entry[0] > tally.slowest[0][0]:
            heapq.heapreplace(tally.slowest, entry)
    return tally


def campaign(n: int, jobs: int, seed: int, minutes: float | None, progress: bool = True) -> tuple[Tally, float]:
    """Run up to `n` inputs on `jobs` processes (stopping after `minutes`)."""
    total = Tally()
    start = time.monotonic()
    deadline = None if minutes is None else start + minutes * 60
    chunks = iter(range(0, n, CHUNK))
    pending: set[Future[Tally]] = set()
    with ProcessPoolExecutor(max_workers=jobs) as pool:

        def submit() -> None:
            if deadline is not None and time.monotonic() > deadline:
                return
            first = next(chunks, None)
            if first is not None:
                pending.add(pool.submit(run_chunk, seed * 1_000_003 + first, min(CHUNK, n - first)))

        for _ in range(jobs * 2):
            submit()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                pending.discard(future)
                total.add(future.result())
                submit()
            if progress:
                print(
                    f"\r{total.tried} inputs, {len(total.failures)} distinct failures, "
                    f"{time.monotonic() - start:.0f} s",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
    if progress:
        print(file=sys.stderr)
    return total, time.monotonic() - start


def report(total: Tally, elapsed: float) -> str:
    """The summary: inputs, failures, the slowest inputs per KiB against the bounds."""
    lines = [
        f"inputs tried: {total.tried} in {elapsed:.0f} s ({total.kib / 1024:.1f} MiB parsed, "
        f"{total.seconds:.0f} s in parse)",
        f"prose: {total.prose * 1e3:.2f} ms per KiB; bounds 5x = {5 * total.prose * 1e3:.2f}, "
        f"10x (dense) = {10 * total.prose * 1e3:.2f} ms per KiB",
        f"distinct failures: {len(total.failures)}",
    ]
    for key, (count, recipe) in sorted(total.failures.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"  {count:7d}  {key}  replay: {json.dumps(recipe, ensure_ascii=True)}")
    lines.append("slowest inputs per KiB (ms per KiB, KiB, dense, recipe):")
    for per_kib, kib, dense, recipe in sorted(total.slowest, reverse=True):
        ratio = per_kib / total.prose if total.prose else 0.0
        lines.append(
            f"  {per_kib * 1e3:8.2f}  ({ratio:4.1f}x prose)  {kib:8.1f}  {'dense' if dense else 'prose'}  "
            f"{json.dumps(recipe, ensure_ascii=True)}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """The command line of the campaign; exit 1 when any input failed."""
    p = argparse.ArgumentParser(prog="python -m tests.fuzz.campaign", description=__doc__)
    p.add_argument("--n", type=int, default=100_000, help="inputs to try (default 100000)")
    p.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    p.add_argument("--seed", type=int, default=0, help="campaign seed (default 0)")
    p.add_argument("--minutes", type=float, default=None, help="stop submitting work after this long")
    p.add_argument("--out", default=None, help="also write the summary as JSON to this file")
    p.add_argument("--replay", default=None, help="check one recipe [base, start, length, ops] and print it")
    args = p.parse_args(argv)
    if args.replay:
        base, start, length, ops = json.loads(args.replay)
        text = mutant(base, start, length, [tuple(op) for op in ops])
        outcome = check(text, prose=prose_per_kib())
        print(json.dumps({"text": text, "failures": outcome.failures, "ms_per_kib": outcome.per_kib * 1e3}))
        return 1 if outcome.failures else 0
    total, elapsed = campaign(args.n, args.jobs, args.seed, args.minutes)
    print(report(total, elapsed))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({"tried": total.tried, "seconds": elapsed, "prose_s_per_kib": total.prose,
                       "failures": total.failures, "slowest": total.slowest}, f, indent=1)
    return 1 if total.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
