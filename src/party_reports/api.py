"""`parse`: the one façade.  normalise -> metadata -> extractors -> reconcile -> validate."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .extractors import EXTRACTORS, extract_metadata
from .models import _SURROGATE, Count, DateMention, DocumentRef, Mention, Metadata, Options, Quota, Report, Span
from .patterns import Doc, ExtractionTimeout, SpanSet
from .text import normalise
from .validate import check_figures


def parse(text: str, options: Options | None = None) -> Report:
    """Extract everything from one article's text.

    Accepts any `str` and returns a `Report` (bad input gives findings, not errors);
    anything else raises `TypeError`.

    >>> report = parse("Kế hoạch số 64-KH/ĐU ngày 05/11/2021")
    >>> isinstance(report, Report)
    True
    >>> parse(b"bytes")
    Traceback (most recent call last):
    ...
    TypeError: parse() expects the article text as a str, got bytes
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() expects the article text as a str, got {type(text).__name__}")
    if options is None:
        options = Options()
    elif not isinstance(options, Options):
        raise TypeError(f"parse() expects options as party_reports.Options, got {type(options).__name__}")
    doc = Doc(normalise(text), options)
    if _SURROGATE.search(text):
        doc.add_finding(
            "input.lone_surrogate",
            "warning",
            "the text holds lone surrogate code points (badly decoded input); "
            "they are written as U+FFFD in JSON output",
        )
    doc.start_clock()
    try:
        metadata = extract_metadata(doc)
    except ExtractionTimeout:
        metadata = Metadata()
        _timed_out(doc, "metadata")
    doc.published = metadata.published_at
    found: dict[str, Sequence[Mention]] = {}
    for extractor in EXTRACTORS:
        doc.start_clock()
        try:
            found[extractor.field] = extractor.extract(doc)
        except ExtractionTimeout:
            found[extractor.field] = []
            _timed_out(doc, extractor.field)
    found = reconcile(found)
    findings = list(doc.findings)
    findings += check_figures(
        [q for q in found["quotas"] if isinstance(q, Quota)],
        [c for c in found["counts"] if isinstance(c, Count)],
    )
    data: dict[str, Any] = {"metadata": metadata, **found, "findings": findings}
    return Report.model_validate(data, context={"source": text})


def _timed_out(doc: Doc, field: str) -> None:
    doc.add_finding(
        "extractor.timeout",
        "error",
        f"the {field} extractor ran past {doc.options.timeout:g} s and was stopped; "
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
    """
    documents = [d for d in found.get("documents", []) if isinstance(d, DocumentRef)]
    quotas = [q for q in found.get("quotas", []) if isinstance(q, Quota)]
    numbers = [_number_span(d) for d in documents]

    in_numbers = SpanSet((n.start, n.end) for n in numbers)
    in_figures = SpanSet((n.start, n.end) for n in [*numbers, *_ratios(quotas)])
    out = dict(found)
    out["dates"] = [
        d for d in found.get("dates", []) if isinstance(d, DateMention) and not in_numbers.overlaps(d.start, d.end)
    ]
    out["counts"] = [c for c in found.get("counts", []) if not in_figures.overlaps(c.start, c.end)]
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
