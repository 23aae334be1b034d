"""Resolution of dates: one function per pattern turns a match into its items, or None.

Each returns {"span": (start, end), "items": [(start, end, When), ...]}, or None when
the match is not a date (day 32, no trigger, a publication stamp).
"""

from __future__ import annotations

from typing import Any

import regex

from ...patterns import Doc, RegexMatch, optional_group
from .context import (
    _BEFORE_LISTED_DAY,
    _BEFORE_MONTH_COUNT,
    _BEFORE_NGAY,
    _BEFORE_PREPOSITION,
    _BEFORE_TERM,
    _MONTH_WORDS,
    _NUMBER_WORDS,
    _before,
    _counted,
    _is_stamp,
    _lead_start,
)
from .holidays import names_holiday
from .values import DAY_YEAR_MIN, YEAR_MAX, YEAR_MIN, When, valid_day


def _int(m: RegexMatch, name: str) -> int | None:
    return _num(optional_group(m, name))


def _num(raw: str | None) -> int | None:
    return int(raw) if raw is not None and raw.isdigit() else None


def _month_of(m: RegexMatch, name: str = "month") -> int | None:
    word = optional_group(m, "month_word")
    if word is not None:
        return _MONTH_WORDS.get(word.lower())
    return _int(m, name)


def _impossible(doc: Doc, start: int, end: int) -> None:
    doc.add_finding(
        "date.impossible",
        "warning",
        f"{doc.text[start:end]!r} is shaped like a date but no such day exists; not read as a date",
        [(start, end)],
    )


def _day(doc: Doc, span: tuple[int, int], day: int, month: int, year: int | None, strong: bool) -> When | None:
    """A checked day; an impossible one read with confidence leaves a finding."""
    if year is not None and not DAY_YEAR_MIN <= year <= YEAR_MAX:
        return None
    if not valid_day(day, month, year):
        if strong:
            _impossible(doc, *span)
        return None
    return When("day", year, month, day)


def _found(start: int, end: int, *items: tuple[int, int, When]) -> dict[str, Any]:
    return {"span": (start, end), "items": list(items)}


def resolve_dmy(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """"27/10/2022", "Thứ Hai, 27/08/2018"; a two-digit year only after "ngày" or a lead."""
    start, end = m.span()
    if _is_stamp(doc, start, end):
        return None
    lead = _lead_start(doc, start)
    raw_day, raw_month, raw_year = m.group("day", "month", "year")  # no month word in this shape
    year = _num(raw_year)
    if year is not None and year < 100:
        if lead is None and not _before(_BEFORE_NGAY, doc, start):
            return None
        year += 2000 if year <= 50 else 1900
    start = start if lead is None else lead
    day, month = _num(raw_day), _num(raw_month)
    when = _day(doc, (start, end), day or 0, month or 0, year, strong=True)
    return None if when is None else _found(start, end, (start, end, when))


def resolve_dmy_words(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """"ngày 8 tháng 12 năm 2022" ("ngày" joins the span); no "ngày": only with a year."""
    start, end = m.span()
    ngay = _before(_BEFORE_NGAY, doc, start)
    year = _int(m, "year")
    if ngay is None and year is None:
        return None
    if ngay is not None and ngay.group().lower().startswith("ngày"):
        start = ngay.start()
        lead = _lead_start(doc, start)
        start = start if lead is None else lead
    when = _day(doc, (start, end), _int(m, "day") or 0, _month_of(m) or 0, year, strong=True)
    return None if when is None else _found(start, end, (start, end, when))


def resolve_dm(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """A day and month with no year, read only after a trigger.

    In the span: a weekday or time of day ("Sáng 16.7").  Outside it: "ngày", "hôm
    nay", brackets ("(17/10)"); for the slash form also a preposition ("đến 30/6") or a
    listed day ("14/10, 15/10"), unless a count noun follows ("từ 3/2 chi bộ"); any form
    after a holiday word or name, for a listed holiday ("Quốc khánh 2-9", see holidays).
    """
    start, end = m.span()
    lead = _lead_start(doc, start)
    strong = lead is not None or _before(_BEFORE_NGAY, doc, start) is not None
    if not strong:
        text = doc.text
        bracketed = _bracketed(text, start, end)
        weak = (
            m.group("sep") == "/"
            and (_before(_BEFORE_PREPOSITION, doc, start) or _before(_BEFORE_LISTED_DAY, doc, start))
            and not _counted(doc, end)
        )
        holiday = not _counted(doc, end) and names_holiday(doc, start, _int(m, "day") or 0, _month_of(m) or 0)
        if not (bracketed or weak or holiday):
            return None
    start = start if lead is None else lead
    when = _day(doc, (start, end), _int(m, "day") or 0, _month_of(m) or 0, None, strong)
    return None if when is None else _found(start, end, (start, end, when))


def resolve_day_pair(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """"ngày 6 và 7/8", "các ngày 19-25/1", "từ 13 đến 15-8-1945", "(10 - 11/6)": two days, one month."""
    start, end = m.span()
    if doc.text[max(0, start - 2) : start].rstrip().endswith("(") and not _bracketed(doc.text, start, end):
        return None  # "(1-2/3 số …)": only a pair alone in its brackets is read
    ngay = _before(_BEFORE_NGAY, doc, start)
    first_start = start
    if ngay is not None and ngay.group().lower().startswith("ngày"):
        first_start = ngay.start()
        lead = _lead_start(doc, first_start)
        first_start = first_start if lead is None else lead
    month, year = _month_of(m), _int(m, "year")
    s2 = m.start("second")
    first = _day(doc, (start, m.end("day")), _int(m, "day") or 0, month or 0, year, strong=True)
    second = _day(doc, (s2, end), _int(m, "day2") or 0, month or 0, year, strong=True)
    if first is None or second is None:
        return None
    return _found(first_start, end, (first_start, m.end("day"), first), (s2, end, second))


def resolve_day_range(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """"02/5 đến 11/5/2013", "16/7 - 18/7": two days; the first takes the end's year (the
    year before when its month comes later: "28/12 đến 2/1/2023")."""
    start, end = m.span()
    year = _int(m, "year")
    lead = _lead_start(doc, start)
    if year is None and lead is None and not (
        _before(_BEFORE_NGAY, doc, start)
        or doc.text[max(0, start - 2) : start].rstrip().endswith("(")
        or (  # "kỷ niệm 30/4 - 1/5": two listed holidays after a holiday word
            names_holiday(doc, start, _int(m, "day") or 0, _month_of(m) or 0)
            and names_holiday(doc, start, _int(m, "day2") or 0, _int(m, "month2") or 0)
        )
    ):
        return None
    start = start if lead is None else lead
    s2 = m.start("second")
    month, month2 = _month_of(m) or 0, _int(m, "month2") or 0
    year1 = year - 1 if year is not None and month > month2 else year  # "28/12 đến 2/1/2023": over New Year
    first = _day(doc, (start, m.end("month")), _int(m, "day") or 0, month, year1, strong=True)
    second = _day(doc, (s2, end), _int(m, "day2") or 0, month2, year, strong=True)
    if first is None or second is None:
        return None
    return _found(start, end, (start, m.end("month"), first), (s2, end, second))


def _month_when(month: int | None, year: int | None) -> When | None:
    if month is None or year is None or not 1 <= month <= 12 or not YEAR_MIN <= year <= YEAR_MAX:
        return None
    return When("month", year, month)


def resolve_month(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """"tháng 3/2023", "tháng Mười năm 2022"."""
    when = _month_when(_month_of(m), _int(m, "year"))
    return None if when is None else _found(*m.span(), (*m.span(), when))


def resolve_month_pair(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """"tháng 7-8/2023", "tháng 3 và tháng 4 năm 2023": two months of one year."""
    year = _int(m, "year")
    first, second = _month_when(_int(m, "month"), year), _month_when(_int(m, "month2"), year)
    if first is None or second is None:
        return None
    return _found(*m.span(), (m.start(), m.end("month"), first), (*m.span("second"), second))


def resolve_quarter(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """A quarter, Roman or Arabic; a missing year is left for `_complete_years`."""
    raw = (optional_group(m, "quarter") or "").lower()
    part = int(raw) if raw.isdigit() else {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(raw)
    year = _int(m, "year")
    if part is None or (year is not None and not YEAR_MIN <= year <= YEAR_MAX):
        return None
    return _found(*m.span(), (*m.span(), When("quarter", year, part=part)))


def resolve_part_of_year(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """"6 tháng đầu năm" (H1), "nửa cuối năm" (H2), "9 tháng đầu năm" (Jan-Sep).

    The pattern starts at "tháng" (a literal is fast to search); the count before it
    ("6 ", "sáu ") is read backwards and joins the span.  "9 tháng năm 2020" (no
    đầu/cuối) is read for any count from 2 to 11 when the year is written.
    """
    start, end = m.span()
    months = 6
    if optional_group(m, "half") is None:
        count = _before(_BEFORE_MONTH_COUNT, doc, start)
        if count is None:
            return None
        raw = count.group("months").lower()
        months = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 0)
        if optional_group(m, "edge") is None and optional_group(m, "year") is None and months not in (3, 6, 9):
            return None  # "8 tháng năm 2021" names its year; a yearless count stays 3, 6 or 9
        start = count.start()
    year = _int(m, "year")
    if not 2 <= months <= 11 or (year is not None and not YEAR_MIN <= year <= YEAR_MAX):
        return None
    last = (optional_group(m, "edge") or "").lower() == "cuối"
    if months == 6:
        when = When("half", year, part=2 if last else 1)
    else:
        first, final = (13 - months, 12) if last else (1, months)
        when = When("range", year, first, end_year=year, end_month=final)
    return _found(start, end, (start, end, when))


def _bracketed(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands alone in brackets: "(2019 - 2021)".

    >>> _bracketed("liền (2019 - 2021).", 6, 17), _bracketed("(2019 - 2021 và 2023)", 1, 12)
    (True, False)
    """
    return text[max(0, start - 2) : start].rstrip().endswith("(") and text[end : end + 2].lstrip().startswith(")")


# A stand-in introducer for a bracketed span of years: every group empty but `next`,
# so the span keeps its own start.
_NO_INTRO = regex.match(r"(?P<term>x)?(?P<paren>x)?(?P<from>x)?(?P<years>x)?(?P<next>)", "")


def resolve_year_range(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """A span of years, read only after its introducer ("nhiệm kỳ", "giai đoạn", "từ", "năm").

    The span takes the introducer in; a two-digit end takes the start's century.
    """
    start, end = m.span()
    intro = _before(_BEFORE_TERM, doc, start)
    if intro is None and _bracketed(doc.text, start, end) and m.group("link").strip() == "-":
        intro = _NO_INTRO  # "3 năm liền (2019 - 2021)", "Đại hội lần thứ XX (2020-2025)"
    if intro is None or (intro.group("years") is not None and m.group("link").strip() != "-"):
        return None
    if intro.group("from") is not None and _counted(doc, end):
        return None
    if intro.group("next") is None:
        start = intro.start()
    if intro.group("paren") is not None and doc.text[end : end + 2].lstrip()[:1] == ")":
        end = doc.text.index(")", end) + 1
    first, last = _int(m, "year"), _int(m, "end_year")
    if first is None or last is None:
        return None
    if last < 100:
        last += first - first % 100
    if not (YEAR_MIN <= first <= YEAR_MAX and YEAR_MIN <= last <= YEAR_MAX) or last == first:
        return None
    if last < first:
        message = f"{doc.text[start:end]!r} ends before it starts; not read as a range"
        doc.add_finding("date.reversed_range", "warning", message, [(start, end)])
        return None
    return _found(start, end, (start, end, When("range", first, end_year=last)))


def resolve_year(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """"năm 2022"; "các năm 2020, 2021 và 2022" gives one year each."""
    # A named year is a calendar reference however old: "sinh năm 1929" on a 75-year badge.
    items = [(s, e, When("year", y)) for (s, e), y in _years(m) if DAY_YEAR_MIN <= y <= YEAR_MAX]
    return _found(*m.span(), *items) if items else None


def _years(m: RegexMatch) -> list[tuple[tuple[int, int], int]]:
    first = (m.start(), m.end("year")), int(m.group("year"))
    return [first] + [(span, int(y)) for span, y in zip(m.spans("more"), m.captures("more"), strict=True)]


def resolve_bare_year(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """"trong 2023": a year, flagged latent; not "từ 2021 hồ sơ"."""
    year = int(m.group("year"))
    if not YEAR_MIN <= year <= YEAR_MAX or _counted(doc, m.end()):
        return None
    return _found(*m.span(), (*m.span(), When("year", year, latent=True)))


def _reject(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """Guards produce nothing: their spans only cancel the dates they overlap."""
    return None
