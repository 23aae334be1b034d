"""What every fuzzed input must satisfy, and the failures as short distinct keys.

For any `str`, `parse`:
- raises nothing;
- gives items whose every span (nested ones included) slices back to its text;
- gives a report whose `model_dump_json()` is read back by `Report.model_validate_json`
  (with the text as context) and dumps to the same JSON again;
- gives no `extractor.timeout` finding on an input under 100 KiB;
- takes at most 5x the prose time per KiB (10x for inputs dense with figures), an
  input under 1 KiB counted as 1 KiB.  A slow first measure is re-timed (best of 3,
  in turn with a prose article) before it counts, so a busy machine makes no failures.
"""

from __future__ import annotations

import statistics
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from party_reports import Report, parse
from party_reports.models import Mention, Span

from .mutate import fixtures

TIMEOUT_LIMIT = 100 * 1024  # bytes of UTF-8: below it, no extractor may time out
PROSE_FACTOR = 5.0
DENSE_FACTOR = 10.0
DENSE_SHARE = 0.08  # digits per character above which an input is "dense with figures"


@dataclass
class Outcome:
    """One input's result: its failure keys (empty when it passed) and its cost."""

    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    kib: float = 0.0
    dense: bool = False

    @property
    def per_kib(self) -> float:
        """Seconds per KiB, an input under 1 KiB counted as 1 KiB."""
        return self.seconds / max(self.kib, 1.0)


def prose_per_kib(rounds: int = 3) -> float:
    """The median seconds per KiB of `parse` on the unmutated fixtures, on this machine."""
    rates = []
    for text in fixtures():
        kib = len(text.encode("utf-8", "surrogatepass")) / 1024
        best = min(_timed(text)[1] for _ in range(rounds))
        rates.append(best / max(kib, 1.0))
    return statistics.median(rates)


def _timed(text: str) -> tuple[Report, float]:
    """The report and the CPU time of this thread in `parse`: on a shared machine the
    wall clock adds whole scheduler slices (4 ms here) to a 1 ms parse."""
    start = time.thread_time()
    report = parse(text)
    return report, time.thread_time() - start


def _where(exc: BaseException) -> str:
    """The innermost frame in party_reports: file name and line."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "party_reports" in f.filename]
    last = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"


def _spans(value: object, path: str) -> Iterator[tuple[str, Span]]:
    """Every Span (Mentions included) inside a model, with where it sits."""
    if isinstance(value, Span):
        yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _spans(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _spans(item, f"{path}[{i}]")


def _span_failures(report: Report, text: str) -> list[str]:
    out = []
    for path, span in _spans(report, "report"):
        field_name = path.split(".")[1].split("[")[0]
        if not 0 <= span.start <= span.end <= len(text):
            out.append(f"span.out_of_range:{field_name}")
        elif isinstance(span, Mention) and text[span.start : span.end] != span.text:
            out.append(f"span.slice:{field_name}:{span.rule}")
    return out


def _json_failures(report: Report, text: str) -> list[str]:
    try:
        dumped = report.model_dump_json()
    except Exception as exc:
        return [f"json.dump:{type(exc).__name__}:{_where(exc)}"]
    try:
        again = Report.model_validate_json(dumped, context={"source": text})
    except Exception as exc:
        return [f"json.read:{type(exc).__name__}"]
    return [] if again.model_dump_json() == dumped else ["json.not_idempotent"]


def check(text: str, prose: float | None = None) -> Outcome:
    """Parse `text` and check it; `prose` (seconds per KiB) turns the time bound on."""
    size = len(text.encode("utf-8", "surrogatepass"))
    digits = sum(ch.isdigit() for ch in text)
    outcome = Outcome(kib=size / 1024, dense=digits > DENSE_SHARE * max(len(text), 1))
    try:
        report, outcome.seconds = _timed(text)
    except Exception as exc:
        outcome.failures.append(f"exception:{type(exc).__name__}:{_where(exc)}")
        return outcome
    outcome.failures += _span_failures(report, text)
    outcome.failures += _json_failures(report, text)
    if size < TIMEOUT_LIMIT:
        for finding in report.findings:
            if finding.code == "extractor.timeout":
                outcome.failures.append(f"timeout:{finding.message.split()[1]}")
    if prose is not None:
        factor = DENSE_FACTOR if outcome.dense else PROSE_FACTOR
        if outcome.per_kib > factor * prose and _paired_ratio(text, outcome) > factor:
            outcome.failures.append("slow:dense" if outcome.dense else "slow:prose")
    return outcome


def _paired_ratio(text: str, outcome: Outcome, rounds: int = 3) -> float:
    """The input's time per KiB over the prose time per KiB, both best of `rounds` and
    measured in turn now, so that the load of the moment weighs on both alike."""
    reference = fixtures()[0]
    ref_kib = len(reference.encode("utf-8")) / 1024
    best_input, best_ref = outcome.seconds, float("inf")
    for _ in range(rounds):
        best_ref = min(best_ref, _timed(reference)[1])
        best_input = min(best_input, _timed(text)[1])
    outcome.seconds = best_input
    return outcome.per_kib / (best_ref / max(ref_kib, 1.0))
