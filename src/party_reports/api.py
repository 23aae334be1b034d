"""`parse` and one `parse_<dimension>` per `Report` field, all over one pipeline.

`parse` runs every stage (`pipeline.extract`), then the figure checks, and builds the
`Report`.  `parse_dates` and the others run the same pipeline with only the extractors
their field needs, and return exactly what `parse(text)` puts in that field.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from .models import Count, DateMention, DocumentRef, Mention, Metadata, Official, Options, Organisation, Quota, Report
from .patterns import ExtractionTimeout
from .pipeline import FIELDS, Extraction, check_input, extract
from .validate import check_figures

M = TypeVar("M", bound=Mention)


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
    run = extract(text, check_input(text, options, "parse"), FIELDS)
    findings = list(run.doc.findings)
    findings += check_figures(
        [q for q in run.found["quotas"] if isinstance(q, Quota)],
        [c for c in run.found["counts"] if isinstance(c, Count)],
    )
    data: dict[str, Any] = {"metadata": run.metadata, **run.found, "findings": findings}
    return Report.model_validate(data, context={"source": text})


def parse_dates(
    text: str, *, published: datetime | date | None = None, options: Options | None = None
) -> list[DateMention]:
    """The dates `parse(text)` reports: a date inside a document number is not one.

    `published` (the article's publication date or time, when known from elsewhere)
    anchors the year of partial dates such as "sáng 16.7" in place of the stamp the
    text carries.  Raises `ExtractionTimeout` where `parse` would add a timeout finding.

    >>> [d.value for d in parse_dates("Nghị định 30/2020/NĐ-CP ngày 23/3/2020")]
    ['2020-03-23']
    >>> [d.value for d in parse_dates("Sáng 16.7, Đảng ủy họp.", published=date(2023, 8, 1))]
    ['2023-07-16']
    """
    if published is not None and not isinstance(published, date):
        raise TypeError(f"parse_dates() expects published as a date or datetime, got {type(published).__name__}")
    return _items(_run(text, options, "dates", published), "dates", DateMention)


def parse_documents(text: str, *, options: Options | None = None) -> list[DocumentRef]:
    """The document references `parse(text)` reports.

    >>> [(d.kind, d.number) for d in parse_documents("Kế hoạch số 41-KH/ĐU ngày 17/3/2023")]
    [('kế hoạch', '41-KH/ĐU')]
    """
    return _items(_run(text, options, "documents"), "documents", DocumentRef)


def parse_officials(text: str, *, options: Options | None = None) -> list[Official]:
    """The officials `parse(text)` reports, merged per person."""
    return _items(_run(text, options, "officials"), "officials", Official)


def parse_quotas(text: str, *, options: Options | None = None) -> list[Quota]:
    """The quotas `parse(text)` reports (checks on them: `validate`, `check_quota`)."""
    return _items(_run(text, options, "quotas"), "quotas", Quota)


def parse_counts(text: str, *, options: Options | None = None) -> list[Count]:
    """The counts `parse(text)` reports: numbers inside a quota's X/Y are not counts."""
    return _items(_run(text, options, "counts"), "counts", Count)


def parse_organisations(text: str, *, options: Options | None = None) -> list[Organisation]:
    """The party bodies `parse(text)` reports, merged per body."""
    return _items(_run(text, options, "organisations"), "organisations", Organisation)


def parse_metadata(text: str, *, options: Options | None = None) -> Metadata:
    """The `Metadata` `parse(text)` reports: title, stamp, bylines, images."""
    run = _run(text, options, None)
    return Report.model_validate({"metadata": run.metadata}, context={"source": text}).metadata


def _run(text: str, options: Options | None, field: str | None, published: datetime | date | None = None) -> Extraction:
    """The pipeline for one field (None: metadata alone); a timeout raises instead."""
    caller = f"parse_{field or 'metadata'}"
    run = extract(text, check_input(text, options, caller), () if field is None else (field,), published)
    if run.timed_out:
        stopped = ", ".join(run.timed_out) + (" extractors" if len(run.timed_out) > 1 else " extractor")
        raise ExtractionTimeout(f"{caller}(): the {stopped} ran past {run.doc.budget:g} s")
    return run


def _items(run: Extraction, field: str, kind: type[M]) -> list[M]:
    """One field's items, through the same `Report` validation as `parse` (spans slice back)."""
    found: Sequence[Mention] = run.found[field]
    report = Report.model_validate({field: found}, context={"source": run.doc.source})
    return [item for item in getattr(report, field) if isinstance(item, kind)]
