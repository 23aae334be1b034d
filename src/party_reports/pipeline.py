"""The one extraction pipeline behind `parse` and the per-dimension `parse_*` functions.

normalise -> metadata -> the extractors asked for (and those `reconcile` reads) ->
reconcile.  `parse` asks for every dimension; `parse_dates` asks for dates, which
brings documents along because a date inside a document number is not a date.
Both paths run this code, so their results cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from .extractors import EXTRACTORS, Extractor, extract_metadata
from .legacy import legacy_font_encoding, legacy_message
from .models import _SURROGATE, DateMention, DocumentRef, Mention, Metadata, Options, Quota, Span
from .patterns import Doc, ExtractionTimeout, SpanSet
from .text import normalise

FIELDS: tuple[str, ...] = tuple(e.field for e in EXTRACTORS)

# What `reconcile` reads besides the field it filters.  NOTE: keep in sync with
# `reconcile` (tests/test_dimensions.py::test_reconcile_reads_what_plan_runs).  The
# extractors already avoid these overlaps on every text we have, so a missing entry
# here would not show as a difference on the fixtures: that test is the guard.
RECONCILE_READS: dict[str, tuple[str, ...]] = {
    "dates": ("documents",),
    "counts": ("documents", "quotas"),
}


def plan(fields: Iterable[str]) -> tuple[Extractor, ...]:
    """The extractors that filling `fields` takes, in registry order.

    >>> [e.field for e in plan(["counts"])]
    ['documents', 'quotas', 'counts']
    >>> [e.field for e in plan(["officials"])]
    ['officials']
    >>> plan(["people"])
    Traceback (most recent call last):
    ...
    ValueError: unknown dimension 'people'; known: dates, documents, officials, organisations, quotas, counts
    """
    wanted = set()
    for name in fields:
        if name not in FIELDS:
            raise ValueError(f"unknown dimension {name!r}; known: {', '.join(FIELDS)}")
        wanted.add(name)
        wanted.update(RECONCILE_READS.get(name, ()))
    return tuple(e for e in EXTRACTORS if e.field in wanted)


@dataclass
class Extraction:
    """What one pipeline run produced, before figure checks and the `Report` is built."""

    doc: Doc
    metadata: Metadata
    found: dict[str, Sequence[Mention]]
    timed_out: list[str] = field(default_factory=list)


def check_input(text: object, options: object, caller: str) -> Options:
    """The options to use; `TypeError` naming `caller` for anything but a str and `Options`."""
    if not isinstance(text, str):
        raise TypeError(f"{caller}() expects the article text as a str, got {type(text).__name__}")
    if options is None:
        return Options()
    if not isinstance(options, Options):
        raise TypeError(f"{caller}() expects options as party_reports.Options, got {type(options).__name__}")
    return options


def extract(
    text: str,
    options: Options,
    fields: Iterable[str] = FIELDS,
    published: datetime | date | None = None,
) -> Extraction:
    """Run metadata, then the extractors `fields` need, then `reconcile`.

    `published`, when given, anchors years of partial dates in place of the stamp the
    metadata step reads.  A timed-out stage leaves its field empty, adds an
    ``extractor.timeout`` finding and is listed in `timed_out`.
    """
    steps = plan(fields)
    doc = Doc(normalise(text), options)
    if _SURROGATE.search(text):
        doc.add_finding(
            "input.lone_surrogate",
            "warning",
            "the text holds lone surrogate code points (badly decoded input); "
            "they are written as U+FFFD in JSON output",
        )
    legacy = legacy_font_encoding(text)
    if legacy is not None:
        doc.add_finding("text.legacy_font_encoding", "warning", legacy_message(legacy))
    run = Extraction(doc, Metadata(), {})
    doc.start_clock()
    try:
        run.metadata = extract_metadata(doc)
    except ExtractionTimeout:
        _timed_out(run, "metadata")
    doc.published = run.metadata.published_at if published is None else published
    for extractor in steps:
        doc.start_clock()
        try:
            run.found[extractor.field] = extractor.extract(doc)
        except ExtractionTimeout:
            run.found[extractor.field] = []
            _timed_out(run, extractor.field)
    run.found = reconcile(run.found)
    return run


def _timed_out(run: Extraction, field: str) -> None:
    run.timed_out.append(field)
    run.doc.add_finding(
        "extractor.timeout",
        "error",
        f"the {field} extractor ran past {run.doc.budget:g} s and was stopped; "
        f"{field} are missing from this report",
    )


def reconcile(found: dict[str, Sequence[Mention]]) -> dict[str, Sequence[Mention]]:
    """Cross-dimension rules from the gold guide, in one visible place.

    - A date inside a document's number ("23/2019/NĐ-CP") is not a date; a date
      after the reference ("ngày 02/11/2022 của …") lies outside it and stays.
    - Numbers inside a quota's X/Y ("23/15 đồng chí", "(1.988/2.100 đảng viên)") are not
      also counts; a count the quota only refers to ("kết nạp 241 ĐV (đạt 160% …)") or a
      target written alone ("(120 đảng viên)") stays a count.
    - A date or count overlapping a document's number is dropped.

    Only fields present in `found` are filtered (NOTE: what each reads is `RECONCILE_READS`).
    """
    documents = [d for d in found.get("documents", []) if isinstance(d, DocumentRef)]
    quotas = [q for q in found.get("quotas", []) if isinstance(q, Quota)]
    numbers = [_number_span(d) for d in documents]

    in_numbers = SpanSet((n.start, n.end) for n in numbers)
    in_figures = SpanSet((n.start, n.end) for n in [*numbers, *_ratios(quotas)])
    out = dict(found)
    if "dates" in found:
        out["dates"] = [
            d for d in found["dates"] if isinstance(d, DateMention) and not in_numbers.overlaps(d.start, d.end)
        ]
    if "counts" in found:
        out["counts"] = [c for c in found["counts"] if not in_figures.overlaps(c.start, c.end)]
    return out


def _ratios(quotas: Sequence[Quota]) -> list[Span]:
    """The X/Y parts of quotas: where achieved/target stand inside the quota's own span."""
    spans = []
    for q in quotas:
        r = q.ratio_span
        if r is not None and q.start <= r.start and r.end <= q.end:
            spans.append(r)
    return spans


def _number_span(doc_ref: DocumentRef) -> Span:
    """The part of a reference that is its number ("58-KH/ĐU"), else the whole reference."""
    return doc_ref.number_span or Span(start=doc_ref.start, end=doc_ref.end)
