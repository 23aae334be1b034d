"""Checks on extracted figures -> findings.  Never raises on bad data, never drops a figure.

Codes, severities and tolerance rules are documented in docs/findings.md; keep the
two in step.

Quotas (one quota at a time):

- ``quota.zero_target`` (error): a target of 0 ("5/0 chi bộ").
- ``quota.percent_implausible`` (warning): a stated percent over 1000.
- ``quota.direction_mismatch`` (warning): achieved above target with a stated percent
  under 100, or the reverse; reported instead of the two checks below.
- ``quota.percent_mismatch`` (warning): no qualifier, and ``|r - p| >= 10^-d`` where
  r = achieved/target*100, p the stated percent, d the decimals written (so both
  rounding and truncation pass: 23/15 = 153.33 vs "153%").  For "vượt p%" (excess)
  r - 100 is compared with p.
- ``quota.qualifier_mismatch`` (warning): the qualifier's inequality fails: hơn/trên
  r > p; gần/gần như/dưới r < p; khoảng |r - p| <= 1; ít nhất/từ r >= p; tối đa r <= p.

Counts (across the article):

- ``count.inconsistent_total`` (warning): the same organisations count stated with
  different persons totals ("62 chi bộ … với 647 đảng viên", later "62 chi bộ … với
  667 Đảng viên").  Both persons counts are named.
- ``count.parts_mismatch`` (warning): parts listed after "gồm" do not add up to the
  total they follow.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from fractions import Fraction

from .models import Count, Finding, PercentOf, Qualifier, Quota, Report, Severity, Span

PERCENT_LIMIT = 1000


def validate(report: Report) -> list[Finding]:
    """Re-run the figure checks on a `Report`, e.g. one loaded from JSON and corrected.

    Returns what `parse` would add to `findings` for these quotas and counts; the
    report's own `findings` are left as they are.  Never raises on odd figures.

    >>> from party_reports import parse
    >>> report = parse("kết nạp 23/15 đồng chí (đạt 135% chỉ tiêu)")
    >>> [f.code for f in validate(report)]
    ['quota.percent_mismatch']
    >>> fixed = report.model_copy(update={"quotas": [report.quotas[0].model_copy(update={"stated_percent": 153.0})]})
    >>> validate(fixed)
    []
    """
    if not isinstance(report, Report):
        raise TypeError(f"validate() expects a party_reports.Report, got {type(report).__name__}")
    return check_figures(report.quotas, report.counts)


def check_quota(
    *,
    achieved: int | None,
    target: int | None,
    stated_percent: float | None = None,
    qualifier: Qualifier | None = None,
    percent_of: PercentOf | None = None,
) -> list[Finding]:
    """The quota checks for one figure given as numbers ("23/15, đạt 153%").

    The decimals of `stated_percent` count as written (35.34 has two).  Findings have
    no spans, as there is no text; a value the `Quota` model refuses (a negative
    `achieved`) raises pydantic's `ValidationError` naming the field.

    >>> check_quota(achieved=23, target=15, stated_percent=153)
    []
    >>> [f.code for f in check_quota(achieved=23, target=15, stated_percent=95)]
    ['quota.direction_mismatch']
    >>> [f.code for f in check_quota(achieved=10, target=12, stated_percent=84, qualifier="hơn")]
    ['quota.qualifier_mismatch']
    """
    ratio = f"{achieved}/{target}"
    text, percent_span = ratio, None
    if isinstance(stated_percent, int | float) and stated_percent == stated_percent:  # the model refuses NaN
        written = repr(float(stated_percent)).removesuffix(".0").replace(".", ",")
        text = f"{ratio} (đạt {written}%)"
        percent_span = Span(start=len(ratio) + 6, end=len(text) - 1)
    quota = Quota.model_validate(
        {
            "text": text,
            "start": 0,
            "end": len(text),
            "rule": "check_quota",
            "achieved": achieved,
            "target": target,
            "stated_percent": stated_percent,
            "qualifier": qualifier,
            "percent_of": percent_of,
            "ratio_span": Span(start=0, end=len(ratio)),
            "percent_span": percent_span,
        }
    )
    return [f.model_copy(update={"spans": []}) for f in check_quota_item(quota)]


def check_figures(quotas: Sequence[Quota], counts: Sequence[Count]) -> list[Finding]:
    """Findings about the figures: quota arithmetic and plausibility, count consistency.

    >>> from party_reports.models import Quota, Span
    >>> q = Quota(text="23/15 đồng chí (đạt 135%)", start=0, end=25, rule="t", achieved=23, target=15,
    ...           stated_percent=135, ratio_span=Span(start=0, end=5), percent_span=Span(start=20, end=24))
    >>> [f.code for f in check_figures([q], [])]
    ['quota.percent_mismatch']
    >>> check_figures([q.model_copy(update={"stated_percent": 153.0, "text": "23/15 đồng chí (đạt 153%)"})], [])
    []
    """
    findings: list[Finding] = []
    for quota in quotas:
        findings += check_quota_item(quota)
    findings += check_totals(counts)
    findings += check_parts(counts)
    return findings


def _spans(quota: Quota) -> list[Span]:
    """The figures a quota finding names: where achieved/target and the percent stand."""
    spans = [s for s in (quota.ratio_span, quota.percent_span) if s is not None]
    return spans or [Span(start=quota.start, end=quota.end)]


def _decimals(quota: Quota) -> int:
    """Decimals written in the stated percent ("35,34%" -> 2; "1.200%" -> 0)."""
    span = quota.percent_span
    if span is None or not quota.start <= span.start <= span.end <= quota.end:
        written = repr(quota.stated_percent or 0.0)
        return 0 if written.endswith(".0") else len(written.split(".")[-1])
    raw = quota.text[span.start - quota.start : span.end - quota.start].rstrip("% ")
    for sep in (",", "."):
        if sep in raw:
            tail = raw.rsplit(sep, 1)[1]
            if sep == "." and len(tail) == 3 and "," not in raw:  # thousands dot
                return 0
            return len(tail)
    return 0


def _finding(code: str, severity: Severity, message: str, spans: Sequence[Span]) -> Finding:
    return Finding(code=code, severity=severity, message=message, spans=list(spans))


def check_quota_item(quota: Quota) -> list[Finding]:
    """Findings about one quota: arithmetic, qualifier and plausibility.

    >>> from party_reports.models import Quota
    >>> q = Quota(text="5/0 chi bộ", start=0, end=10, rule="t", achieved=5, target=0)
    >>> [f.code for f in check_quota_item(q)]
    ['quota.zero_target']
    """
    findings: list[Finding] = []
    stated, achieved, target = quota.stated_percent, quota.achieved, quota.target
    spans = _spans(quota)
    label = repr(quota.text)
    if target == 0:
        message = f"{label}: the target is 0, so no percent can be computed"
        findings.append(_finding("quota.zero_target", "error", message, spans))
    if stated is not None and stated > PERCENT_LIMIT:
        message = f"{label}: a stated percent of {stated:g} is implausible (over {PERCENT_LIMIT})"
        findings.append(_finding("quota.percent_implausible", "warning", message, spans))
    if stated is None or achieved is None or not target:
        return findings
    ratio = Fraction(achieved * 100, target)
    excess = quota.percent_of == "excess"
    done = ratio - 100 if excess else ratio
    shown = f"{achieved}/{target} = {_two_places(ratio)}%" + (f", {_two_places(done)}% over" if excess else "")
    if not excess and ((achieved > target and stated < 100) or (achieved < target and stated > 100)):
        message = f"{label}: {shown} is on the other side of 100% from the stated {stated:g}%"
        findings.append(_finding("quota.direction_mismatch", "warning", message, spans))
        return findings
    p = Fraction(str(stated))
    if quota.qualifier is None:
        tolerance = Fraction(1, 10 ** _decimals(quota))
        if abs(done - p) >= tolerance:
            message = f"{label}: stated {stated:g}% but {shown} (allowed difference: under {float(tolerance):g})"
            findings.append(_finding("quota.percent_mismatch", "warning", message, spans))
    elif not _qualifier_holds(quota.qualifier, done, p):
        message = f"{label}: '{quota.qualifier} {stated:g}%' does not hold for {shown}"
        findings.append(_finding("quota.qualifier_mismatch", "warning", message, spans))
    return findings


def _two_places(x: Fraction) -> str:
    """`x` with two decimals, exactly: a float would overflow on a 400-digit achieved.

    >>> _two_places(Fraction(2300, 15)), _two_places(Fraction(-1, 3)), _two_places(Fraction(10**30))
    ('153.33', '-0.33', '1000000000000000000000000000000.00')
    """
    cents = round(x * 100)
    whole, part = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole}.{part:02d}"


def _qualifier_holds(qualifier: str, r: Fraction, p: Fraction) -> bool:
    """The inequality a qualifier asserts between the computed r and the stated p."""
    if qualifier in ("hơn", "trên"):
        return r > p
    if qualifier in ("gần", "gần như", "dưới"):
        return r < p
    if qualifier == "khoảng":
        return abs(r - p) <= 1
    if qualifier in ("ít nhất", "từ"):
        return r >= p
    if qualifier == "tối đa":
        return r <= p
    return True


def _key(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _span(item: Span) -> Span:
    return Span(start=item.start, end=item.end)


def check_totals(counts: Sequence[Count]) -> list[Finding]:
    """The same organisations count stated with different persons totals."""
    by_span = {(c.start, c.end): c for c in counts}
    groups: dict[tuple[int, str, str], dict[int, Count]] = defaultdict(dict)
    for count in counts:
        anchor = by_span.get(_key(count.paired_with)) if count.paired_with else None
        if anchor is None:
            continue
        groups[(anchor.value, anchor.unit, count.unit)].setdefault(count.value, count)
    findings: list[Finding] = []
    for (value, unit, persons), seen in groups.items():
        if len(seen) < 2:
            continue
        stated = sorted(seen.values(), key=lambda c: c.start)
        figures = ", ".join(repr(c.text) for c in stated)
        message = f"{value} {unit} are stated with different totals of {persons}: {figures}"
        findings.append(_finding("count.inconsistent_total", "warning", message, [_span(c) for c in stated]))
    return findings


def check_parts(counts: Sequence[Count]) -> list[Finding]:
    """Parts listed after "gồm" that do not add up to their total."""
    by_span = {(c.start, c.end): c for c in counts}
    parts: dict[tuple[int, int], list[Count]] = defaultdict(list)
    for count in counts:
        if count.part_of is not None:
            parts[_key(count.part_of)].append(count)
    findings: list[Finding] = []
    for key, listed in parts.items():
        total = by_span.get(key)
        if total is None or len(listed) < 2:
            continue
        added = sum(c.value for c in listed)
        if added != total.value:
            shown = " + ".join(str(c.value) for c in listed)
            message = f"{total.text!r} is listed as {shown} = {added}, not {total.value}"
            findings.append(_finding("count.parts_mismatch", "warning", message, [_span(c) for c in (total, *listed)]))
    return findings
