"""Speed and memory of `party_reports.parse`, against the targets of the benchmark issue.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/run.py --help``).  Never run by
the test suite: no timing is asserted anywhere.  What it measures (benchmarks/README.md):

1. throughput: `parse` over the composed articles and the seeds, replicated to at least
   5 MB, median of several runs: KiB/s, articles/s, ms/KiB; the same for metadata and
   for each `EXTRACTORS` entry timed alone on a `Doc` built as `parse` builds it; and a
   floor measured in the same run (one `regex` ``\\d+`` finditer over the same texts),
   with the ratio of all extractors to it;
2. memory: tracemalloc over a stream of articles, checking nothing is retained per article;
3. scaling: one text of 10 KiB, 100 KiB, 1 MiB (10 MiB with ``--big``) of article text
   and of each adversarial input, in ms/KiB, so that linear growth shows;
4. the hottest patterns: every extractor's `PATTERNS` timed alone over 1 MiB of text.

It prints a table of targets with measured values and PASS/MISS, and writes JSON to
benchmarks/results.json (git-ignored).  Sizes are UTF-8 bytes (KiB = 1024 bytes).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import statistics
import sys
import time
import tracemalloc
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from party_reports import Options, parse
from party_reports.extractors import EXTRACTORS, extract_metadata
from party_reports.patterns import Doc
from party_reports.text import normalise

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
RESULTS = ROOT / "benchmarks" / "results.json"
KIB = 1024
MIB = 1024 * KIB

# Targets (the benchmark issue).
TARGET_MS_PER_KIB = 0.2  # all extractors together, one core
TARGET_FLOOR_RATIO = 50.0  # all extractors / one \d+ finditer pass
TARGET_ADVERSARIAL_RATIO = 5.0  # ms/KiB of an adversarial input / that of article text
TARGET_LINEARITY = 2.0  # ms/KiB at the largest tier / at 100 KiB
TARGET_RETAINED_BYTES = 64.0  # bytes retained per parsed article (flat = about 0)
TARGET_DATEPARSER_RATIO = 30.0  # all extractors vs dateparser.search_dates on the same texts
DATEPARSER_MS_PER_KIB = 6.0  # for scale: dateparser.search_dates on such text (issue note)

_FLOOR = regex.compile(r"\d+")


# --- inputs ---------------------------------------------------------------------------


def load_articles() -> list[str]:
    """The composed articles and, when present, the seeds."""
    paths = sorted(ARTICLES.glob("*.txt"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    return [p.read_bytes().decode("utf-8-sig") for p in paths]


def size_kib(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / KIB


def replicate(articles: Sequence[str], min_bytes: int) -> list[str]:
    """The articles repeated, in order, until they hold at least `min_bytes`."""
    out: list[str] = []
    total = 0
    while total < min_bytes:
        for text in articles:
            out.append(text)
            total += len(text.encode("utf-8"))
    return out


def text_of_size(unit: str, n_bytes: int, sep: str = "") -> str:
    """`unit` repeated (joined by `sep`) and cut to at most `n_bytes` UTF-8 bytes.

    >>> text_of_size("số ", 10), text_of_size("ab", 5, "+")
    ('số số', 'ab+ab')
    """
    step = len((unit + sep).encode("utf-8"))
    whole = sep.join([unit] * (n_bytes // step + 1))
    return whole.encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore").rstrip()


def adversarial_units(articles: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Name -> (unit, separator) of each adversarial input of the issue."""
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    return {
        "1/1/1/…": ("1/", ""),
        "số số số …": ("số ", ""),
        "dashes": ("-", ""),
        "letters, no space": (letters, ""),
        "đồng chí × N": ("đồng chí ", ""),
        "NFD article text": (unicodedata.normalize("NFD", "\n\n".join(articles)), "\n\n"),
    }


# --- timing -------------------------------------------------------------------------------


def clock(fn: Callable[[], object]) -> float:
    """Seconds one call of `fn` takes (garbage collection off while it runs)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        gc.enable()


def median_of(runs: int, fn: Callable[[], object]) -> float:
    return statistics.median(clock(fn) for _ in range(runs))


def parse_all(texts: Sequence[str], options: Options | None = None) -> None:
    for text in texts:
        parse(text, options)


def floor_pass(texts: Sequence[str]) -> None:
    for text in texts:
        for _ in _FLOOR.finditer(text):
            pass


@dataclass
class StageTimes:
    """Seconds spent per stage over a list of texts, one run."""

    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, s: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + s


def time_stages(texts: Sequence[str]) -> StageTimes:
    """Metadata and each extractor alone, on a `Doc` built as `parse` builds it."""
    times = StageTimes()
    options = Options(timeout=60.0)
    for text in texts:
        t0 = time.perf_counter()
        doc = Doc(normalise(text), options)
        t1 = time.perf_counter()
        times.add("normalise", t1 - t0)
        doc.start_clock()
        metadata = extract_metadata(doc)
        doc.published = metadata.published_at
        t2 = time.perf_counter()
        times.add("metadata", t2 - t1)
        for extractor in EXTRACTORS:
            doc.start_clock()
            t3 = time.perf_counter()
            extractor.extract(doc)
            times.add(extractor.field, time.perf_counter() - t3)
    return times


# --- the measurements -------------------------------------------------------------------


def throughput(articles: Sequence[str], min_mb: float, runs: int) -> dict[str, Any]:
    texts = replicate(articles, int(min_mb * 1_000_000))
    kib = size_kib(texts)
    parse_all(texts[: len(articles)])  # warm caches (lexicons, compiled lists)
    parse_s = median_of(runs, lambda: parse_all(texts))
    floor_s = median_of(runs, lambda: floor_pass(texts))
    gc.disable()
    try:
        stage_runs = [time_stages(texts) for _ in range(runs)]
    finally:
        gc.enable()
    stages = {k: statistics.median(r.seconds[k] for r in stage_runs) for k in stage_runs[0].seconds}
    extractors_s = sum(v for k, v in stages.items() if k != "normalise")
    return {
        "articles": len(texts),
        "distinct_articles": len(articles),
        "kib": kib,
        "runs": runs,
        "parse": {
            "seconds": parse_s,
            "kib_per_s": kib / parse_s,
            "articles_per_s": len(texts) / parse_s,
            "ms_per_kib": parse_s * 1000 / kib,
        },
        "stages_ms_per_kib": {k: v * 1000 / kib for k, v in stages.items()},
        "extractors_ms_per_kib": extractors_s * 1000 / kib,
        "extractors_mib_per_s": kib / KIB / extractors_s if extractors_s else float("inf"),
        "floor_ms_per_kib": floor_s * 1000 / kib,
        "ratio_to_floor": extractors_s / floor_s if floor_s else float("inf"),
    }


def dateparser_ms_per_kib(articles: Sequence[str]) -> float | None:
    """dateparser's `search_dates(text, languages=["vi"])` on the distinct articles, when installed."""
    try:
        from dateparser.search import search_dates  # type: ignore[import-untyped, import-not-found, unused-ignore]  # `bench` extra, never a runtime dependency
    except ImportError:
        return None
    search_dates(articles[0], languages=["vi"])  # its first call loads the language data
    seconds = clock(lambda: [search_dates(t, languages=["vi"]) for t in articles])
    return seconds * 1000 / size_kib(articles)


def memory(articles: Sequence[str], n: int) -> dict[str, Any]:
    """Peak and retained traced memory over a stream of `n` articles."""
    warmup = max(len(articles), n // 10)

    def stream() -> Iterator[str]:
        for i in range(n):
            yield articles[i % len(articles)]

    gc.collect()
    tracemalloc.start()
    checkpoints: list[tuple[int, int, int]] = []
    base = 0
    base_peak = 0
    start = time.perf_counter()
    for i, text in enumerate(stream(), 1):
        parse(text)
        if i == warmup:
            gc.collect()
            base, base_peak = tracemalloc.get_traced_memory()
        if i % max(1, n // 10) == 0 or i == n:
            gc.collect()
            current, peak = tracemalloc.get_traced_memory()
            checkpoints.append((i, current, peak))
    elapsed = time.perf_counter() - start
    gc.collect()
    end, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    retained = (end - base) / max(1, n - warmup)
    return {
        "articles": n,
        "warmup": warmup,
        "seconds_traced": elapsed,
        "current_after_warmup_mib": base / MIB,
        "current_end_mib": end / MIB,
        "peak_after_warmup_mib": base_peak / MIB,
        "peak_end_mib": peak / MIB,
        "retained_bytes_per_article": retained,
        "checkpoints": [{"articles": i, "current_mib": c / MIB, "peak_mib": p / MIB} for i, c, p in checkpoints],
    }


def timed_parse(text: str, timeout: float) -> tuple[float, list[str]]:
    """Seconds of one `parse` and the fields whose extractor timed out."""
    out: list[str] = []

    def run() -> None:
        report = parse(text, Options(timeout=timeout))
        out.extend(f.message.split()[1] for f in report.findings if f.code == "extractor.timeout")

    return clock(run), out


def scaling(articles: Sequence[str], tiers: Sequence[int], timeout: float) -> dict[str, Any]:
    """ms/KiB of `parse` on one text per tier, for article text and each adversarial input."""
    inputs: dict[str, tuple[str, str]] = {"article text": ("\n\n".join(articles), "\n\n")}
    inputs.update(adversarial_units(articles))
    out: dict[str, Any] = {}
    for name, (unit, sep) in inputs.items():
        rows = []
        for tier in tiers:
            text = text_of_size(unit, tier, sep)
            kib = len(text.encode("utf-8")) / KIB
            seconds, timed_out = timed_parse(text, timeout)
            rows.append({"tier_kib": tier / KIB, "kib": kib, "seconds": seconds,
                         "ms_per_kib": seconds * 1000 / kib, "timed_out": timed_out})
            print(f"  {name:<20} {kib:>9.0f} KiB {seconds * 1000:>10.1f} ms {seconds * 1000 / kib:>8.4f} ms/KiB"
                  + (f"  TIMED OUT: {', '.join(timed_out)}" if timed_out else ""), file=sys.stderr)
        out[name] = rows
    return out


def _finditer_all(compiled: regex.Pattern[str], text: str) -> Callable[[], object]:
    return lambda: sum(1 for _ in compiled.finditer(text, timeout=30.0))


def hottest_patterns(articles: Sequence[str], top: int) -> list[dict[str, Any]]:
    """Each extractor's PATTERNS timed alone (one finditer) over about 1 MiB of article text."""
    text = normalise(text_of_size("\n\n".join(articles), MIB, "\n\n")).text
    kib = len(text.encode("utf-8")) / KIB
    rows = []
    for extractor in EXTRACTORS:
        module = importlib.import_module(f"party_reports.extractors.{extractor.field}")
        for pattern in getattr(module, "PATTERNS", ()):
            try:
                seconds = clock(_finditer_all(pattern.regex, text))
            except TimeoutError:
                seconds = 30.0
            rows.append({"pattern": pattern.name, "ms_per_kib": seconds * 1000 / kib})
    return sorted(rows, key=lambda r: -float(r["ms_per_kib"]))[:top]


# --- the verdicts -------------------------------------------------------------------------


@dataclass
class Verdict:
    target: str
    measured: str
    ok: bool
    margin: str


def by_how_much(measured: float, limit: float, unit: str = "") -> str:
    if measured <= limit:
        return f"{(1 - measured / limit) * 100:.0f}% under"
    return f"{measured / limit:.1f}× the limit (+{measured - limit:.3g}{unit})"


def verdicts(results: dict[str, Any]) -> list[Verdict]:
    tp = results["throughput"]
    out = []
    ms = tp["extractors_ms_per_kib"]
    out.append(Verdict(f"extractors ≤ {TARGET_MS_PER_KIB} ms/KiB (≥ 5 MiB/s)",
                       f"{ms:.4f} ms/KiB ({tp['extractors_mib_per_s']:.1f} MiB/s)",
                       ms <= TARGET_MS_PER_KIB, by_how_much(ms, TARGET_MS_PER_KIB, " ms/KiB")))
    ratio = tp["ratio_to_floor"]
    out.append(Verdict(f"extractors ≤ {TARGET_FLOOR_RATIO:g}× the \\d+ floor", f"{ratio:.1f}×",
                       ratio <= TARGET_FLOOR_RATIO, by_how_much(ratio, TARGET_FLOOR_RATIO, "×")))
    dp = results.get("dateparser_ms_per_kib")
    if dp is not None:
        faster = dp / ms
        out.append(Verdict(f"extractors ≥ {TARGET_DATEPARSER_RATIO:g}× faster than dateparser.search_dates",
                           f"{faster:.1f}× ({dp:.2f} ms/KiB)", faster >= TARGET_DATEPARSER_RATIO,
                           "met" if faster >= TARGET_DATEPARSER_RATIO else
                           f"{TARGET_DATEPARSER_RATIO / faster:.1f}× short of it"))
    scale = results["scaling"]
    base = {row["tier_kib"]: row["ms_per_kib"] for row in scale["article text"]}
    for name, rows in scale.items():
        largest = rows[-1]
        if name != "article text":
            r = largest["ms_per_kib"] / base[largest["tier_kib"]]
            note = " (timed out)" if largest["timed_out"] else ""
            out.append(Verdict(f"{name}: ≤ {TARGET_ADVERSARIAL_RATIO:g}× article ms/KiB",
                               f"{r:.2f}× at {largest['kib']:.0f} KiB{note}",
                               r <= TARGET_ADVERSARIAL_RATIO and not largest["timed_out"],
                               by_how_much(r, TARGET_ADVERSARIAL_RATIO, "×")))
        # Compare with the 100 KiB tier: below it the fixed cost per call dominates.
        ref = next((row for row in rows if row["tier_kib"] >= 100 and row is not largest), rows[0])
        lin = largest["ms_per_kib"] / ref["ms_per_kib"] if ref["ms_per_kib"] else 1.0
        out.append(Verdict(f"{name}: linear (ms/KiB at {largest['tier_kib']:.0f} KiB ≤ {TARGET_LINEARITY:g}× at "
                           f"{ref['tier_kib']:.0f} KiB)", f"{lin:.2f}×", lin <= TARGET_LINEARITY,
                           by_how_much(lin, TARGET_LINEARITY, "×")))
    mem = results["memory"]
    kept = mem["retained_bytes_per_article"]
    out.append(Verdict(f"memory flat: ≤ {TARGET_RETAINED_BYTES:g} B retained per article",
                       f"{kept:.1f} B/article over {mem['articles']} articles, peak {mem['peak_end_mib']:.1f} MiB",
                       kept <= TARGET_RETAINED_BYTES, by_how_much(max(kept, 0.0), TARGET_RETAINED_BYTES, " B")))
    return out


def _dateparser_figure(results: dict[str, Any]) -> str:
    dp = results.get("dateparser_ms_per_kib")
    if dp is None:
        return f"not installed (pip install -e '.[bench]'); about {DATEPARSER_MS_PER_KIB:g} ms/KiB in the issue's run"
    return f"{dp:.2f} ms/KiB measured"


def print_report(results: dict[str, Any], table: Sequence[Verdict]) -> None:
    tp = results["throughput"]
    p = tp["parse"]
    print(f"\nthroughput over {tp['articles']} articles ({tp['kib'] / KIB:.1f} MiB, "
          f"{tp['distinct_articles']} distinct), median of {tp['runs']} runs")
    print(f"  parse          {p['kib_per_s']:>10.0f} KiB/s {p['articles_per_s']:>9.0f} articles/s "
          f"{p['ms_per_kib']:>9.4f} ms/KiB")
    for stage, ms in tp["stages_ms_per_kib"].items():
        print(f"  {stage:<14} {ms:>9.4f} ms/KiB")
    print(f"  all extractors {tp['extractors_ms_per_kib']:>9.4f} ms/KiB  (metadata + EXTRACTORS, not normalise)")
    print(f"  floor \\d+      {tp['floor_ms_per_kib']:>9.4f} ms/KiB  ratio {tp['ratio_to_floor']:.1f}×  "
          f"(dateparser.search_dates: {_dateparser_figure(results)})")
    print("\nscaling (ms/KiB of parse, one text per tier)")
    for name, rows in results["scaling"].items():
        cells = "  ".join(f"{r['kib']:>7.0f} KiB {r['ms_per_kib']:>8.4f}" for r in rows)
        print(f"  {name:<20} {cells}")
    if results["hottest_patterns"]:
        print("\nhottest patterns (one finditer over 1 MiB of article text)")
        for row in results["hottest_patterns"]:
            print(f"  {row['pattern']:<40} {row['ms_per_kib']:>8.4f} ms/KiB")
    mem = results["memory"]
    print(f"\nmemory over a stream of {mem['articles']} articles (tracemalloc): "
          f"after warm-up {mem['current_after_warmup_mib']:.2f} MiB, end {mem['current_end_mib']:.2f} MiB, "
          f"peak {mem['peak_end_mib']:.2f} MiB")
    print("\n" + f"{'target':<62} {'measured':<46} {'':<5} by how much")
    for v in table:
        print(f"{v.target:<62} {v.measured:<46} {'PASS' if v.ok else 'MISS':<5} {v.margin}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=3, help="runs per throughput figure (median); default 3")
    ap.add_argument("--mb", type=float, default=5.0, help="replicate the articles to this many MB; default 5")
    ap.add_argument("--stream", type=int, default=5000,
                    help="articles in the memory stream; default 5000 (the issue's figure is 100000)")
    ap.add_argument("--big", action="store_true", help="add the 10 MiB scaling tier (slow)")
    ap.add_argument("--timeout", type=float, default=10.0, help="per-extractor timeout in the scaling runs")
    ap.add_argument("--quick", action="store_true", help="a smoke run: 1 run, 1 MB, 500 articles, tiers to 100 KiB")
    ap.add_argument("--json", type=Path, default=RESULTS, help=f"where to write the results; default {RESULTS}")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs, args.mb, args.stream = 1, 1.0, 500
    tiers = [10 * KIB, 100 * KIB] if args.quick else [10 * KIB, 100 * KIB, MIB] + ([10 * MIB] if args.big else [])

    articles = load_articles()
    if not articles:
        print("no articles found under fixtures/articles", file=sys.stderr)
        return 2
    print(f"{len(articles)} distinct articles ({size_kib(articles):.0f} KiB); seeds "
          f"{'included' if SEEDS.is_dir() else 'not found'}", file=sys.stderr)
    results: dict[str, Any] = {"python": sys.version.split()[0], "started": time.strftime("%Y-%m-%dT%H:%M:%S")}
    print("throughput …", file=sys.stderr)
    results["throughput"] = throughput(articles, args.mb, args.runs)
    print("dateparser …", file=sys.stderr)
    results["dateparser_ms_per_kib"] = dateparser_ms_per_kib(articles)
    print("scaling …", file=sys.stderr)
    results["scaling"] = scaling(articles, tiers, args.timeout)
    print("patterns …", file=sys.stderr)
    results["hottest_patterns"] = hottest_patterns(articles, top=10)
    print("memory …", file=sys.stderr)
    results["memory"] = memory(articles, args.stream)
    table = verdicts(results)
    results["targets"] = [v.__dict__ for v in table]
    print_report(results, table)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
