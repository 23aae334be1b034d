"""Speed and memory of the corpus runs (`parse_many`, `batch`, the Dask engine).

Run with ``make bench`` (after ``benchmarks/run.py``) or
``.venv/bin/python benchmarks/corpus.py --help``.  Never run by the test suite.  It prints:

1. `parse_many` articles/s at 1 and 2 jobs, and the speed-up (target ≥ 1.8× on 2 cores);
2. the overhead of `run_batch(jobs=1)` (journal + tables) over plain `parse` calls in one
   process (target ≤ 10 %);
3. resident memory (VmRSS) of a `parse_many(jobs=2)` stream sampled as it goes: flat means
   the last sample is within a few MiB of the one after warm-up;
4. the Dask engine on a `LocalCluster` of 2 workers against the local engine at 2 jobs on
   the same articles (its overhead, printed; skipped when dask is not installed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from party_reports import parse
from party_reports.corpus import parse_many
from party_reports.corpus.batch import run_batch
from party_reports.corpus.inputs import Work

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))


def stream(texts: Sequence[str], n: int) -> Iterator[tuple[str, str]]:
    for i in range(n):
        yield f"a{i:06d}", texts[i % len(texts)]


def works(texts: Sequence[str], n: int) -> Iterator[Work]:
    for article_id, text in stream(texts, n):
        yield Work(article_id, article_id, text=text)


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def articles_per_s(texts: Sequence[str], n: int, jobs: int) -> float:
    started = time.perf_counter()
    count = sum(1 for _ in parse_many(stream(texts, n), jobs=jobs))
    return count / (time.perf_counter() - started)


def batch_overhead(texts: Sequence[str], n: int, rounds: int = 3) -> tuple[float, float]:
    """CPU seconds (this process) of plain parse calls and of `run_batch(jobs=1)`, best of `rounds`.

    CPU time, not wall time: at one job everything runs in this process, and other work
    on a shared machine moves wall time by more than the overhead being measured.
    """
    plains, batches = [], []
    for _ in range(rounds):
        started = time.process_time()
        for _, text in stream(texts, n):
            parse(text).model_dump_json()
        plains.append(time.process_time() - started)
        with tempfile.TemporaryDirectory() as out:
            started = time.process_time()
            run_batch(works(texts, n), Path(out), formats={"jsonl", "csv"}, jobs=1)
            batches.append(time.process_time() - started)
    return min(plains), min(batches)


def memory_samples(texts: Sequence[str], n: int, every: int) -> list[tuple[int, float]]:
    samples: list[tuple[int, float]] = []
    for i, _ in enumerate(parse_many(stream(texts, n), jobs=2), 1):
        if i % every == 0:
            samples.append((i, rss_mib()))
    return samples


def dask_vs_local(texts: Sequence[str], n: int) -> tuple[float, float] | None:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        return None
    from party_reports.corpus.dask_engine import run_dask

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        run_batch(works(texts, n), Path(tmp) / "local", formats={"jsonl", "parquet"}, jobs=2)
        local = time.perf_counter() - started
        with (
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,  # type: ignore[no-untyped-call]
        ):
            started = time.perf_counter()
            run_dask(works(texts, n), Path(tmp) / "dask", scheduler=client)
            dask = time.perf_counter() - started
    return local, dask


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--articles", type=int, default=2000, help="articles per figure; default 2000")
    ap.add_argument("--stream", type=int, default=20000, help="articles in the memory stream; default 20000")
    args = ap.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    if not texts:
        print("no articles under fixtures/articles", file=sys.stderr)
        return 2
    n = args.articles
    one, two = articles_per_s(texts, n, 1), articles_per_s(texts, n, 2)
    print(f"parse_many over {n} articles: {one:.0f} articles/s at 1 job, {two:.0f} at 2 jobs, "
          f"speed-up {two / one:.2f}× (target ≥ 1.8×) {'PASS' if two / one >= 1.8 else 'MISS'}")
    plain, batch = batch_overhead(texts, n)
    over = batch / plain - 1
    print(f"batch --jobs 1 over plain parse calls (CPU, best of 3): {plain:.2f} s vs {batch:.2f} s, "
          f"overhead {over:.1%} "
          f"(target ≤ 10%) {'PASS' if over <= 0.10 else 'MISS'}")
    samples = memory_samples(texts, args.stream, max(1, args.stream // 10))
    if samples:
        warm, end = samples[0][1], samples[-1][1]
        print(f"resident memory over {args.stream} articles: {warm:.1f} MiB after {samples[0][0]}, "
              f"{end:.1f} MiB at the end (growth {end - warm:+.1f} MiB) {'PASS' if end - warm < 16 else 'MISS'}")
    figures = dask_vs_local(texts, n)
    if figures is None:
        print("dask engine: not measured (pip install 'party_reports[dask]')")
    else:
        local, dask = figures
        print(f"dask engine on a LocalCluster of 2 workers: {dask:.2f} s vs local engine at 2 jobs {local:.2f} s "
              f"(overhead {dask / local - 1:+.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
