"""Dates and periods: every explicit calendar reference, with the interval it covers.

Forms handled (pattern name: example -> value, granularity):

- ``date.dmy``: "27/10/2022", "27-10-2022", "27.10.2022", "17 - 05 - 2024", "Thứ Hai,
  27/08/2018", "Sáng ngày 19/11/2024", "ngày 27/10/22" -> 2022-10-27 (day); years
  1800-2100, a two-digit year only after "ngày" or a time of day.
- ``date.dmy_words``: "ngày 8 tháng 12 năm 2022", "ngày 08 tháng 12/2022", "ngày 22 tháng 12",
  "28 tháng 05 năm 2004" (without "ngày" only with its year), "tháng Mười năm 2022".
- ``date.dm``: a day and month with no year, after a trigger: "Sáng 16.7", "Chiều 18-7",
  "Thứ Bảy, 16/7" (the lead joins the span), "ngày 30/4", "hôm nay 7-7", "(17/10)",
  "đến 30/6", "14/10, 15/10" -> XXXX-07-16, or the anchor's year (publication stamp or
  `Options.reference_date`; the year before when the month lies after the anchor's
  month), flagged year_inferred.
- ``date.day_pair``: "ngày 6 và 7/8", "các ngày 19-25/1", "chiều ngày 21 và sáng ngày 22
  tháng 12 năm 2022", "từ 13 đến 15-8-1945", "ngày 04-10/3/2024": two days, the first
  taking the second's month and year.
- ``date.day_range``: "02/5 đến ngày 11/5/2013", "(16/7 - 18/7)": two days, the first
  taking the end's year.
- ``date.month_year``: "tháng 3/2023", "tháng 3 năm 2023", "tháng 03-2023", "tháng Ba năm
  2023" -> 2023-03 (month).  ``date.month_pair``: "tháng 7-8/2023", "tháng 3 và tháng 4
  năm 2024" -> two months.
- ``date.quarter``: "Quý I/2023", "quý II năm 2023", "quý 3/2023" -> 2023-Q1; "quý IV"
  without a year takes the nearest explicit year of its sentence, else the anchor's,
  else it is left out (the gold leaves such a "quý I" out).
- ``date.part_of_year``: "6 tháng đầu năm 2022" -> 2022-H1, "6 tháng cuối năm" -> H2 (year
  as for a quarter), "9 tháng đầu năm 2020" / "9 tháng năm 2020" -> 2020-01/2020-09,
  "3 tháng cuối năm 2022" -> 2022-10/2022-12 (range).  ``date.half_word``: "nửa đầu năm
  2023" -> 2023-H1.
- ``date.year_range``: after an introducer, or alone in brackets ("3 năm liền (2019 -
  2021)"): "nhiệm kỳ 2020-2025", "giai đoạn 2021 -
  2025", "thời kỳ 2021-2030", "năm học 2022-23", "nhiệm kỳ (2015-2020)", "từ năm 2015 đến
  năm 2020", "năm 2021-2022", "2026 -2030" in "giai đoạn 2023 - 2025 và 2026 -2030" ->
  2020/2025 (range).
- ``date.year``: "năm 2022", "NĂM 2023", and each year of "các năm 2020, 2021 và 2022"
  -> 2022 (year), 1930-2100.
- ``date.year_bare``: "trong 2023", "đến 2025" -> 2023 (year), flagged latent.

Rejected on purpose (no item): durations ("30 năm tuổi Đảng", "10 năm", "trong 6 tháng"),
relative phrases ("từ đầu năm đến nay", "năm qua"), "quý I" with no year in reach, month
alone ("tháng 3"), quota fractions and counts ("23/15 đồng chí", "3/2 chi bộ", "từ 3/2 chi
bộ": a yearless day needs a trigger and no count noun after a weak one), holiday labels
in names ("đường 30/4", "Trường Mầm non 3/2", "Quốc khánh 2-9", "đợt 3/2"), bare year
ranges ("nhiệm vụ 2020-2025", a seed typo its gold leaves out; "trang 82-83"), years
inside document numbers ("23/2019/NĐ-CP"), publication stamps ("Ngày đăng 09/12/2022 |
15:50", "20/03/2020 00:00", "Thứ Năm, 30/09/2021" on its own line), anything in
``doc.excluded`` (image file names), "Cách mạng Tháng Tám" (its "năm 1945" is a year),
long runs of figures ("1/1/1/…").  Impossible dates ("31/02/2023", "45/13/2022", "ngày
31/4") give a ``date.impossible`` finding and no item; "giai đoạn 2025-2020" a
``date.reversed_range`` finding.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, NamedTuple

import regex
from pydantic import BaseModel

from ..lexicon import load
from ..models import DateMention, Granularity
from ..patterns import Doc, Pattern, RegexMatch, SpanSet, compile_verbose, longest_first, optional_group

# --- word tables -------------------------------------------------------------------


class _WordRow(BaseModel):
    word: str
    value: int | None = None
    note: str | None = None


class _PrepositionRow(BaseModel):
    word: str
    day_month: bool
    year: bool
    note: str | None = None


_MONTH_WORDS = {row.word: row.value for row in load("dates_months", _WordRow) if row.value}
_NUMBER_WORDS = {row.word: row.value for row in load("dates_number_words", _WordRow) if row.value}
_PREPOSITIONS = load("dates_prepositions", _PrepositionRow)

_LISTS: dict[str, list[str]] = {
    "weekday": [row.word for row in load("dates_weekdays", _WordRow)],
    "tod": [row.word for row in load("dates_times_of_day", _WordRow)],
    "month_word": list(_MONTH_WORDS),
    "number_word": list(_NUMBER_WORDS),
    "period": [row.word for row in load("dates_period_words", _WordRow)],
    "count_noun": [row.word for row in load("dates_count_nouns", _WordRow)],
    "prep_dm": [row.word for row in _PREPOSITIONS if row.day_month],
    "prep_year": [row.word for row in _PREPOSITIONS if row.year],
}

# Named years (not full dates) outside this window are not read: "năm 1925" is history,
# "năm 2500" a count.  Full day dates accept older years ("19/5/1890").
YEAR_MIN, YEAR_MAX = 1930, 2100
DAY_YEAR_MIN = 1800


# --- the reading of one match ------------------------------------------------------


class When(NamedTuple):
    """What a match says, before the year is completed from context.

    `month` is the (first) month, `part` the quarter (1-4) or half (1-2); a range has
    `end_year` (and `end_month` for a range of months).  A named tuple (immutable, and
    several times cheaper to make than a frozen dataclass: one is made per match).
    """

    granularity: Granularity
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    latent: bool = False
    year_inferred: bool = False


def value_of(when: When) -> str:
    """The value string of the output contract.

    >>> value_of(When("day", 2022, 10, 27)), value_of(When("day", None, 7, 16))
    ('2022-10-27', 'XXXX-07-16')
    >>> value_of(When("quarter", 2023, part=1)), value_of(When("half", 2022, part=2))
    ('2023-Q1', '2022-H2')
    >>> value_of(When("range", 2020, end_year=2025)), value_of(When("range", 2020, 1, end_year=2020, end_month=9))
    ('2020/2025', '2020-01/2020-09')
    """
    year = "XXXX" if when.year is None else f"{when.year:04d}"
    g = when.granularity
    if g == "day":
        return f"{year}-{when.month:02d}-{when.day:02d}"
    if g == "month":
        return f"{year}-{when.month:02d}"
    if g == "quarter":
        return f"{year}-Q{when.part}"
    if g == "half":
        return f"{year}-H{when.part}"
    if g == "year":
        return year
    if when.month is not None:
        return f"{year}-{when.month:02d}/{when.end_year:04d}-{when.end_month:02d}"
    return f"{year}/{when.end_year:04d}"


def interval_of(when: When) -> tuple[date, date] | None:
    """First and last calendar day covered; None while the year is unknown.

    >>> interval_of(When("quarter", 2023, part=2))
    (datetime.date(2023, 4, 1), datetime.date(2023, 6, 30))
    >>> interval_of(When("month", 2024, 2))
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    >>> interval_of(When("day", None, 7, 16)) is None
    True
    """
    y = when.year
    if y is None:
        return None
    g = when.granularity
    if g == "day" and when.month and when.day:
        d = date(y, when.month, when.day)
        return d, d
    if g == "month" and when.month:
        return date(y, when.month, 1), _month_end(y, when.month)
    if g == "quarter" and when.part:
        first = 3 * when.part - 2
        return date(y, first, 1), _month_end(y, first + 2)
    if g == "half" and when.part:
        first = 6 * when.part - 5
        return date(y, first, 1), _month_end(y, first + 5)
    if g == "year":
        return date(y, 1, 1), date(y, 12, 31)
    if g == "range" and when.end_year is not None:
        if when.month and when.end_month:
            return date(y, when.month, 1), _month_end(when.end_year, when.end_month)
        return date(y, 1, 1), date(when.end_year, 12, 31)
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, _days_in(month, year))


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(month: int, year: int) -> int:
    """`calendar.monthrange(year, month)[1]` for a month 1-12, without its weekday work."""
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]


def valid_day(day: int, month: int, year: int | None = None) -> bool:
    """Whether day/month (of `year`, or of some leap year when unknown) exists.

    >>> valid_day(29, 2), valid_day(29, 2, 2023), valid_day(31, 4), valid_day(16, 7, 2022)
    (True, False, False, True)
    """
    if not (1 <= month <= 12 and day >= 1):
        return False
    return day <= _days_in(month, 2000 if year is None else year)


def infer_year(when: When, anchor: date) -> When:
    """Give a yearless reading the anchor's year (a day after the anchor's month: the year before).

    >>> infer_year(When("day", None, 12, 21), date(2023, 1, 5)).year
    2022
    >>> infer_year(When("quarter", None, part=2), date(2023, 3, 23)).year
    2023
    """
    year = anchor.year
    if when.granularity == "day" and when.month is not None and when.month > anchor.month:
        year -= 1
    if when.granularity == "day" and when.month and when.day and not valid_day(when.day, when.month, year):
        return when  # 29/2 in a common year: leave the year open
    return when._replace(year=year, year_inferred=True)


# --- regex fragments ---------------------------------------------------------------
# Spaces are written \x20 (VERBOSE ignores blanks), never \s, so no match crosses a
# line; text is normalised (dashes are "-", NBSP a space).  Speed: `regex` searches
# fast only for a pattern that opens with a literal or a digit, so every pattern does;
# what stands BEFORE a match (a time of day, "ngày", a preposition) is read afterwards
# by the reverse-anchored `_BEFORE_*` patterns, or by a lookbehind placed after the
# first digits, where it runs only at digits.

_D_START = r"(?<![\w/.,])"  # a number's first digit: not 123/10, 5.27, 1,5 or 58-KH/12
_YEAR_LINK = r"(?:\x20{1,2}năm\x20{1,2}|\x20?[/.-]\x20?)"  # tháng 3/2023, tháng 3 năm 2023
# Context read backwards from a match start (flag REVERSE: `match` ends at the start).
_WEEKDAY = r"(?<!\w)(?<!lần\x20)\L<weekday>\x20?,?\x20{0,2}"
_TOD = r"(?<!\w)\L<tod>\x20{1,2}(?:(?:nay|qua|mai)\x20?,?\x20{0,2})?"
_BEFORE_LEAD = compile_verbose(  # kept in the span: "Sáng ", "Thứ Hai, ", "Chiều ngày "
    rf"(?:{_WEEKDAY})?{_TOD}(?:ngày\x20{{1,2}})? | {_WEEKDAY}(?:ngày\x20{{1,2}})?",
    regex.REVERSE,
    weekday=_LISTS["weekday"],
    tod=_LISTS["tod"],
)
_BEFORE_NGAY = compile_verbose(r"(?<!\w)(?:ngày|hôm\x20nay|hôm\x20qua|hôm)\x20{1,2}", regex.REVERSE)
_BEFORE_PREPOSITION = compile_verbose(r"(?<!\w)\L<prep>\x20{1,2}", regex.REVERSE, prep=_LISTS["prep_dm"])
_BEFORE_LISTED_DAY = compile_verbose(  # "14/10, " before "15/10"
    r"(?<![\d/])(?:[12]?\d|3[01])\x20?/\x20?(?:0?[1-9]|1[0-2])\x20?(?:,|và|;)\x20{0,2}", regex.REVERSE
)
_BEFORE_TERM = compile_verbose(  # "nhiệm kỳ ", "giai đoạn (", "từ năm ", "các năm "
    r"""
      (?P<term>(?<!\w)\L<period>:?\x20{1,2}(?P<paren>\(\x20?)?(?:từ\x20{1,2})?(?:năm\x20{1,2})?)
    | (?P<from>(?<!\w)từ\x20{1,2}(?:năm\x20{1,2})?)
    | (?P<years>(?<!\w)năm\x20{1,2})
    | (?P<next>(?<!\w)\L<period>\x20{1,2}\(?\d{4}\x20?-\x20?\d{2,4}\)?\x20?(?:,|và)\x20{0,2})
    """,
    regex.REVERSE,
    period=_LISTS["period"],
)
_BEFORE_MONTH_COUNT = compile_verbose(  # "6 " / "sáu " before "tháng đầu năm"
    r"(?<![\w.,])(?P<months>\d{1,2}|\L<number_word>)\x20{1,2}", regex.REVERSE, number_word=_LISTS["number_word"]
)
# A clock time glued to a full date marks a publication stamp (see `_is_stamp`).
_BEFORE_TIME = compile_verbose(
    r"\d{1,2}:\d{2}(?::\d{2})?\x20?[,|-]?\x20{0,3}(?:\L<weekday>\x20?,?\x20{0,3})?",
    regex.REVERSE,
    weekday=_LISTS["weekday"],
)
_AFTER_TIME = regex.compile(r"[ ]?[,|]?[ ]{0,3}\d{1,2}:\d{2}")
_LINE_IS_WEEKDAY_DATE = compile_verbose(
    r"\x20*\L<weekday>\x20?,\x20{0,3}\d{1,2}\x20?[/.-]\x20?\d{1,2}\x20?[/.-]\x20?\d{4}\x20*",
    weekday=_LISTS["weekday"],
)
_AFTER_COUNT = compile_verbose(r"\x20{1,2}\L<count_noun>(?!\w) | \x20?%", count_noun=_LISTS["count_noun"])
_SENTENCE_END = regex.compile(r"[.!?…](?=\s|$)|\n")
SENTENCE_REACH = 400


def _before(rx: regex.Pattern[str], doc: Doc, start: int) -> RegexMatch | None:
    """`rx` (a REVERSE pattern) matched right before `start`."""
    return rx.match(doc.text, max(0, start - 64), start)


def _lead_start(doc: Doc, start: int) -> int | None:
    """Where a weekday / time-of-day lead before `start` begins, if there is one."""
    m = _before(_BEFORE_LEAD, doc, start)
    return m.start() if m else None


def _is_stamp(doc: Doc, start: int, end: int) -> bool:
    """A full date that is a publication stamp, not a date of the article (a guard).

    "20/03/2020 00:00", "11:12, 03/02/2023", "THỨ NĂM, 05/08/2021 21:31:30" (a clock
    time glued to the date; prose writes "8h30 ngày 5/10"), and "Thứ Năm, 30/09/2021"
    alone on its line.
    """
    text = doc.text
    if _AFTER_TIME.match(text, end):
        return True
    # `_BEFORE_TIME` needs a ":" in its window: a cheap test spares the reverse match.
    if text.find(":", max(0, start - 64), start) >= 0 and _before(_BEFORE_TIME, doc, start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start < 48 and _LINE_IS_WEEKDAY_DATE.fullmatch(text, line_start, line_end) is not None


def _counted(doc: Doc, end: int) -> bool:
    """Whether a count noun or "%" follows: "3/2 chi bộ", "từ 2021 hồ sơ"."""
    return _AFTER_COUNT.match(doc.text, end) is not None


# --- resolvers ---------------------------------------------------------------------
# Each returns {"span": (start, end), "items": [(start, end, When), ...]} or None.




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
    listed day ("14/10, 15/10"), unless a count noun follows ("từ 3/2 chi bộ").
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
        if not (bracketed or weak):
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
    """"02/5 đến 11/5/2013", "16/7 - 18/7": two days; the first takes the end's year."""
    start, end = m.span()
    year = _int(m, "year")
    lead = _lead_start(doc, start)
    if year is None and lead is None and not (
        _before(_BEFORE_NGAY, doc, start) or doc.text[max(0, start - 2) : start].rstrip().endswith("(")
    ):
        return None
    start = start if lead is None else lead
    s2 = m.start("second")
    first = _day(doc, (start, m.end("month")), _int(m, "day") or 0, _month_of(m) or 0, year, strong=True)
    second = _day(doc, (s2, end), _int(m, "day2") or 0, _int(m, "month2") or 0, year, strong=True)
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


def _compile(source: str) -> regex.Pattern[str]:
    """Compile with the word lists the source names (`regex` refuses unused ones)."""
    return compile_verbose(source, 0, **{k: v for k, v in _LISTS.items() if f"\\L<{k}>" in source})


# --- patterns ----------------------------------------------------------------------

# What follows a stamp label: an optional clock time and weekday, then the date.
_STAMP_TAIL = r"""\x20?:?\x20{0,3}(?:\d{1,2}:\d{2}(?::\d{2})?\x20?[,|-]?\x20{0,3})?
    (?:\L<weekday>\x20?,?\x20{0,3})?\d{1,2}\x20?[/.-]\x20?\d{1,2}\x20?[/.-]\x20?\d{4}"""

GUARDS: tuple[Pattern, ...] = (
    # "Ngày đăng 09/12/2022 | 15:50", "Đăng ngày 15-05-2022 10:48", "Cập nhật lúc 10:29,
    # Thứ Hai, 27/08/2018": the publication stamp is metadata (`published`), not a date of
    # the article.  Stamps without a label are caught by `_is_stamp`.
    Pattern(
        "date_guard.posted_label",
        _compile(rf"(?<!\w)đăng(?:\x20ngày|\x20lúc)?{_STAMP_TAIL}"),
        _reject,
    ),
    Pattern(
        "date_guard.updated_label",
        _compile(rf"(?<!\w)cập\x20nhật(?:\x20lúc|\x20ngày)?{_STAMP_TAIL}"),
        _reject,
    ),
    # "Cách mạng Tháng Tám năm 1945": an event name (its "năm 1945" is still a year).
    Pattern("date_guard.revolution_name", _compile(r"(?<!\w)cách\x20mạng\x20tháng\x20(?:tám|mười)(?!\w)"), _reject),
)

PATTERNS: tuple[Pattern, ...] = (
    # "27/10/2022", "27 - 10 - 2022", "27.10.2022", "ngày 27/10/22"; leads join in resolve.
    Pattern(
        "date.dmy",
        _compile(
            rf"""
            {_D_START}(?P<day>\d{{1,2}})
            (?:\x20?/\x20?(?P<month>\d{{1,2}})\x20?/\x20?
            |  \x20?-\x20?(?P<month>\d{{1,2}})\x20?-\x20?
            |  \.(?P<month>\d{{1,2}})\.)
            (?P<year>\d{{4}}|\d{{2}})(?!\d)
            (?!\x20?/\x20?\w)(?!\.\d)           # 12/5/2019/QĐ-UBND is a symbol, 1.2.2022.5 a number
            """
        ),
        resolve_dmy,
    ),
    # "ngày 8 tháng 12 năm 2022", "ngày 08 tháng 12/2022", "ngày 22 tháng 12", "28 tháng 05 năm 2004".
    Pattern(
        "date.dmy_words",
        _compile(
            rf"""
            {_D_START}(?P<day>\d{{1,2}})\x20{{1,2}}tháng\x20{{1,2}}
            (?:(?P<month>\d{{1,2}})(?!\d)
            |  (?P<month_word>\L<month_word>)(?=\x20{{1,2}}năm\x20{{1,2}}\d{{4}}))  # a month word needs its year
            (?:(?:\x20{{1,2}}năm\x20{{1,2}}|\x20?[/-]\x20?)(?P<year>\d{{4}})(?!\d))?
            """
        ),
        resolve_dmy_words,
    ),
    # "Sáng 16.7", "Chiều 18-7", "ngày 30/4", "(17/10)", "đến 30/6", "14/10, 15/10".
    Pattern(
        "date.dm",
        _compile(
            rf"""
            {_D_START}(?<!\d\x20?[/.-]\x20?)        # not the tail of 1/1/1 or 19-25/1
            (?P<day>\d{{1,2}})
            (?<=(?:\(|\w\x20{{1,2}}|\w,\x20{{1,2}}|[,;]\x20{{0,2}})\d{{1,2}})   # some trigger may precede
            (?:\x20?(?P<sep>/)\x20?(?P<month>\d{{1,2}}) | \x20?(?P<sep>-)\x20?(?P<month>\d{{1,2}})
            |  (?P<sep>\.)(?P<month>\d{{1,2}}))(?!\d)
            (?![/.,]\d)(?!\x20?[/.-]\x20?\d)       # not the head of 16/7/2022 or 1 - 1 - 1
            """
        ),
        resolve_dm,
    ),
    # "ngày 6 và 7/8", "các ngày 19-25/1", "chiều ngày 21 và sáng ngày 22 tháng 12 năm 2022",
    # "từ 13 đến 15-8-1945", "ngày 04-10/3/2024": the first day borrows the second's month.
    Pattern(
        "date.day_pair",
        _compile(
            rf"""
            {_D_START}(?P<day>\d{{1,2}})(?!\d)
            (?<=(?:(?<!\w)(?:ngày|từ)\x20{{1,2}}|\(\x20?)\d{{1,2}})     # "(10 - 11/6)": brackets of its own
            \x20?(?:,|và|-|đến|tới)\x20{{0,2}}
            (?P<second>(?:\L<tod>\x20{{1,2}})?(?:ngày\x20{{1,2}})?
                (?P<day2>\d{{1,2}})
                (?:\x20?/\x20?(?P<month>\d{{1,2}})(?:\x20?/\x20?(?P<year>\d{{4}}))?
                |  \x20?-\x20?(?P<month>\d{{1,2}})(?:\x20?-\x20?(?P<year>\d{{4}}))?
                |  \.(?P<month>\d{{1,2}})(?:\.(?P<year>\d{{4}}))?
                |  \x20{{1,2}}tháng\x20{{1,2}}(?P<month>\d{{1,2}})(?:{_YEAR_LINK}(?P<year>\d{{4}}))?
                )(?!\d)(?![/.]\d))
            """
        ),
        resolve_day_pair,
    ),
    # "02/5 đến ngày 11/5/2013", "(16/7 - 18/7)": two days; the first takes the end's year.
    Pattern(
        "date.day_range",
        _compile(
            rf"""
            {_D_START}(?P<day>\d{{1,2}})\x20?[/.]\x20?(?P<month>\d{{1,2}})(?!\d)(?![/.]\d)
            (?:\x20?-\x20?|\x20{{1,2}}(?:đến|tới)\x20{{1,2}})(?:\L<tod>\x20{{1,2}})?(?:ngày\x20{{1,2}})?
            (?P<second>(?P<day2>\d{{1,2}})\x20?[/.]\x20?(?P<month2>\d{{1,2}})(?:\x20?[/.]\x20?(?P<year>\d{{4}}))?)
            (?!\d)(?![/.]\d)
            """
        ),
        resolve_day_range,
    ),
    # "tháng 3/2023", "tháng 3 năm 2023", "tháng 03-2023", "tháng Mười năm 2022".
    Pattern(
        "date.month_year",
        _compile(
            rf"""
            (?<!\w)tháng\x20{{1,2}}
            (?:(?P<month>\d{{1,2}})(?!\d){_YEAR_LINK}
            |  (?P<month_word>\L<month_word>)(?:\x20{{1,2}}năm\x20{{1,2}}|\x20?/\x20?))
            (?P<year>\d{{4}})(?!\d)(?!\x20?/\x20?\w)
            """
        ),
        resolve_month,
    ),
    # "tháng 7-8/2023", "tháng 3 và tháng 4 năm 2023".
    Pattern(
        "date.month_pair",
        _compile(
            rf"""
            (?<!\w)tháng\x20{{1,2}}(?P<month>\d{{1,2}})(?!\d)\x20?(?:,|và|-|đến|tới)\x20{{0,2}}
            (?P<second>(?:tháng\x20{{1,2}})?(?P<month2>\d{{1,2}}){_YEAR_LINK}(?P<year>\d{{4}})(?!\d))
            """
        ),
        resolve_month_pair,
    ),
    # "Quý I/2023", "quý II năm 2023", "quý 3/2023", "quý IV" (year from the context).
    Pattern(
        "date.quarter",
        _compile(
            rf"""
            (?<!\w)quý\x20{{1,2}}(?P<quarter>iv|iii|ii|i|[1-4])(?!\w)
            (?:(?:{_YEAR_LINK}|\x20?,\x20{{0,2}}năm\x20{{1,2}})(?P<year>\d{{4}})(?!\d))?
            """
        ),
        resolve_quarter,
    ),
    # "6 tháng đầu năm 2022", "06 tháng cuối năm", "sáu tháng đầu năm", "9 tháng đầu năm 2020",
    # "9 tháng năm 2020", "6 tháng đầu 2023"; never "6 tháng" alone.  The count is read in resolve.
    Pattern(
        "date.part_of_year",
        _compile(
            r"""
            (?<!\w)tháng\x20{1,2}
            (?:(?P<edge>đầu|cuối)
               (?:\x20{1,2}năm(?!\x20học)(?:\x20{1,2}(?P<year>\d{4})(?!\d))?   # … đầu năm (2022)
               |  \x20{1,2}(?P<year>\d{4})(?!\d))                              # … đầu 2023
            |  năm\x20{1,2}(?P<year>\d{4})(?!\d))                               # 9 tháng năm 2020
            """
        ),
        resolve_part_of_year,
    ),
    # "nửa đầu năm 2023", "nửa cuối năm".
    Pattern(
        "date.half_word",
        _compile(
            r"""
            (?<!\w)nửa\x20{1,2}(?P<half>(?P<edge>đầu|cuối))\x20{1,2}năm(?!\x20học)
            (?:\x20{1,2}(?P<year>\d{4})(?!\d))?
            """
        ),
        resolve_part_of_year,
    ),
    # "nhiệm kỳ 2020-2025", "giai đoạn 2021 - 2025", "năm học 2022-23", "nhiệm kỳ (2015-2020)",
    # "từ năm 2015 đến năm 2020", "năm 2021-2022", "2026 -2030" in "giai đoạn … và 2026 -2030".
    Pattern(
        "date.year_range",
        _compile(
            r"""
            (?<![\w/.,-])(?P<year>\d{4})
            (?<=(?:\w:?\x20{1,2}|\(\x20?|[,;]\x20{0,2})\d{4})  # an introducer may precede
            (?P<link>\x20?[-/]\x20?|\x20{1,2}(?:đến|tới)\x20{1,2}(?:năm\x20{1,2})?)
            (?P<end_year>\d{4}|\d{2})(?![\d.,]?\d)(?!\w)
            """
        ),
        resolve_year_range,
    ),
    # "năm 2022", "Năm 2023", "NĂM 2023", "các năm 2020, 2021 và 2022".
    Pattern(
        "date.year",
        _compile(
            r"""
            (?<!\w)năm\x20{1,2}(?P<year>\d{4})(?!\d)(?![.,]\d)
            (?:\x20?(?:,|và)\x20{0,2}(?P<more>\d{4})(?!\d)(?![.,]\d)){0,6}
            """
        ),
        resolve_year,
    ),
    # "trong 2023", "đến 2025": latent; not "từ 2021 hồ sơ", "đến 2020-2025", "đến 2021,5".
    Pattern(
        "date.year_bare",
        _compile(
            r"""
            (?<![\w/.,-])(?P<year>\d{4})(?<=(?<!\w)\L<prep_year>\x20{1,2}\d{4})
            (?!\d)(?![.,/]\d)(?!\x20?-\x20?\d)
            """
        ),
        resolve_bare_year,
    ),
)


# --- extraction --------------------------------------------------------------------
# Speed (about 0.08 ms per KiB of article): what costs is Python work per match and per
# number run, not the regex engine, so the code below keeps calls per run few.


class _Found(NamedTuple):
    """One pattern match that survived resolution: its span and the items it gives."""

    start: int
    end: int
    rule: str
    items: list[tuple[int, int, When]]


_Resolve = Callable[[RegexMatch, Doc], dict[str, Any] | None]


def _scan(doc: Doc, rx: regex.Pattern[str]) -> list[RegexMatch]:
    """Every match of `rx` in the whole text, under the time budget (`Doc.finditer`).

    Whole-text scans keep the ``timeout=`` guard, as every extractor's do; only the
    bounded windows after a number run are matched without it.
    """
    return list(doc.finditer(rx))


# Digit-led patterns do not scan the whole text: `regex` pays for every digit it tries,
# which adds up on number-heavy text.  They run inside short number runs only ("16/7 ",
# "27/10/2022", "2020-2025", "6 " before "và"), each gated by what the run holds; a
# run longer than `MAX_RUN` ("1/1/1/…", a table of figures) holds no date.
# NOTE: keep in sync with PATTERNS (a digit-led pattern missing here never runs).
_NUMBER_RUN = regex.compile(r"\d[\d/.\-\x20]*")
_LINK_WORDS = ("và", "đến", "tới", "Và", "Đến", "Tới", "VÀ", "ĐẾN", "TỚI", ",")
_PAIR_WORDS = (*_LINK_WORDS, "tháng", "Tháng", "THÁNG")
MAX_RUN = 48
RUN_WINDOW = 200  # how far past its run a digit-led match may reach
_ASCII_DIGITS = "0123456789"


def _last_words(*lists: list[str]) -> frozenset[str]:
    return frozenset(word.split()[-1] for words in lists for word in words)


# The word right before a yearless day must be one that can lead or trigger it.
_DAY_TRIGGERS = _last_words(
    _LISTS["tod"], _LISTS["weekday"], _LISTS["prep_dm"], ["ngày", "hôm", "nay", "qua", "mai", "và"]
)
_YEAR_TRIGGERS = _last_words(_LISTS["prep_year"])
_PAIR_TRIGGERS = frozenset({"ngày", "từ", "("})  # "(" for a pair alone in brackets: "(10 - 11/6)"

_Gated = tuple[str, regex.Pattern[str], _Resolve]
_BY_NAME = {p.name: p for p in PATTERNS}
_DMY, _DMY_WORDS, _DM, _DAY_PAIR, _DAY_RANGE, _YEAR_RANGE, _YEAR_BARE = (
    (name, _BY_NAME[name].regex, _BY_NAME[name].resolve)
    for name in (
        "date.dmy",
        "date.dmy_words",
        "date.dm",
        "date.day_pair",
        "date.day_range",
        "date.year_range",
        "date.year_bare",
    )
)
_DIGIT_LED = frozenset(g[0] for g in (_DMY, _DMY_WORDS, _DM, _DAY_PAIR, _DAY_RANGE, _YEAR_RANGE, _YEAR_BARE))
_TEXT_PATTERNS = tuple(p for p in PATTERNS if p.name not in _DIGIT_LED)
# Where date.dmy matches ("27/10/2022", "17 - 05 - 2024", "27.10.2022"), date.dm and
# date.day_range cannot (the year after the month fails their lookaheads, the dash
# form also date.day_range's separator), so they are not tried there.
_FAIL_AFTER_DMY = frozenset({_DM[0], _DAY_RANGE[0]})


def _previous(text: str, start: int) -> str:
    """The word before a run, lower case, or the "(" / "," / ";" right before it."""
    before = text[max(0, start - 24) : start].rstrip(" ")
    if before.endswith(("(", ",", ";")):
        return before[-1:]
    words = before.rsplit(None, 1)
    return words[-1].lower() if words else ""


def _gated(text: str, start: int, end: int, body: str, digits: int) -> list[_Gated]:
    """The digit-led patterns whose gate the run `body` at [start, end) opens, in PATTERNS order.

    `digits` counts the ASCII digits that open the run.  The gates:
    date.dmy: a day-sized number and two separators ("27/10/2022"); date.dmy_words: a
    day-sized number before "tháng"; date.dm: a day-sized number, a separator and a
    trigger word (or "(", ",", ";") before; date.day_pair: a day-sized number after
    "ngày" / "từ"; date.day_range: a day-sized number, a separator and a link word after
    (or three separators); date.year_range: four digits with a separator or a link word
    after; date.year_bare: four digits after a year preposition ("trong 2023").
    """
    if digits == 4:
        out = []
        if "/" in body or "." in body or "-" in body or text.startswith(_LINK_WORDS, end):
            out.append(_YEAR_RANGE)
        if _previous(text, start) in _YEAR_TRIGGERS:
            out.append(_YEAR_BARE)
        return out
    if digits > 2:
        return []
    separators = body.count("/") + body.count(".") + body.count("-")
    previous = _previous(text, start)
    out = []
    if separators >= 2:
        out.append(_DMY)
    if text[end : end + 5].lower() == "tháng":
        out.append(_DMY_WORDS)
    if separators and (previous in _DAY_TRIGGERS or previous in "(,;"):
        out.append(_DM)
    if previous in _PAIR_TRIGGERS:
        out.append(_DAY_PAIR)
    if separators >= 3 or (separators and text.startswith(_LINK_WORDS, end)):
        out.append(_DAY_RANGE)
    return out


def _starts(start: int, body: str) -> list[int]:
    """Where a digit-led match may start in a run: its first digit, and a digit after " " or "-".

    Every digit-led pattern opens with a lookbehind refusing a word character, "/", "."
    or "," before its first digit, so no match starts anywhere else.
    """
    if " " not in body and "-" not in body:
        return [start]
    out = [start]
    for i in range(1, len(body)):
        if body[i - 1] in " -" and body[i] not in " /.-":
            out.append(start + i)
    return out


def extract(doc: Doc) -> list[DateMention]:
    """Every date and period in `doc`, in text order.

    A match overlapping a guard or the excluded page furniture (stamp line, image file
    names) is dropped, then overlapping matches are settled by `longest_first`.
    """
    blocked = SpanSet(doc.excluded + [m.span() for g in GUARDS for m in _scan(doc, g.regex)])
    found: list[_Found] = []
    for pattern in _TEXT_PATTERNS:
        _collect(doc, pattern.name, pattern.resolve, _scan(doc, pattern.regex), blocked, found)
    _collect_runs(doc, blocked, found)
    if not found:
        return []
    hits = [(s, e, f.rule, w) for f in longest_first(found) for s, e, w in f.items]
    return [_mention(doc, *hit) for hit in _complete_years(doc, hits)]


def _collect(
    doc: Doc, rule: str, resolve: _Resolve, matches: Iterable[RegexMatch], blocked: SpanSet, found: list[_Found]
) -> None:
    """Resolve `matches` of one pattern into `found`, skipping blocked ones."""
    for m in matches:
        if blocked and blocked.overlaps(m.start(), m.end()):
            continue
        fields = resolve(m, doc)
        if fields is not None:
            start, end = fields["span"]
            found.append(_Found(start, end, rule, fields["items"]))


def _collect_runs(doc: Doc, blocked: SpanSet, found: list[_Found]) -> None:
    """Resolve the digit-led patterns inside the number runs of the text into `found`.

    Each gated pattern is matched at each possible start of the run in turn (resuming
    after a match), which finds what `finditer` over the run and its window would.
    """
    text = doc.text
    size = len(text)
    doc.remaining()
    # One character class repeated cannot backtrack: this scan is linear without the
    # `timeout=` of `Doc.finditer` (which costs about 0.6 µs per run); the budget is
    # checked per gated run below instead.
    for run in _NUMBER_RUN.finditer(text):
        body = run.group().rstrip(" ./-")
        if len(body) > MAX_RUN:
            continue  # a long run of figures ("1/1/1/…", a table) holds no date
        start, end = run.span()
        if body.isdigit() and len(body) != 4 and not text.startswith(_PAIR_WORDS, end):
            continue  # a plain count: "62 chi bộ", not "6" of "ngày 6 và 7/8"
        digits = len(body) - len(body.lstrip(_ASCII_DIGITS))
        gated = _gated(text, start, end, body, digits)
        if not gated:
            continue
        # A 200-character window cannot hang the engine: match in it directly, and
        # check the budget once per run instead.
        doc.remaining()
        window = min(size, end + RUN_WINDOW)
        starts = _starts(start, body)
        linked_first = body[digits : digits + 1] not in ("/", ".")  # not "27/10": a day pair needs a link
        full_dates: list[int] = []  # where date.dmy matched
        for rule, rx, resolve in gated:
            resume = start
            for pos in starts:
                if pos < resume or (pos in full_dates and rule in _FAIL_AFTER_DMY):
                    continue
                if pos == start and not linked_first and rule == "date.day_pair":
                    continue
                m = rx.match(text, pos, window)
                if m is None:
                    continue
                if rule == "date.dmy":
                    full_dates.append(pos)
                resume = m.end()
                if blocked and blocked.overlaps(pos, resume):
                    continue
                fields = resolve(m, doc)
                if fields is not None:
                    span_start, span_end = fields["span"]
                    found.append(_Found(span_start, span_end, rule, fields["items"]))


_Hit = tuple[int, int, str, When]


def _complete_years(doc: Doc, hits: list[_Hit]) -> list[_Hit]:
    """Give yearless readings a year: a quarter or half takes its sentence's, else the anchor's.

    A yearless day takes only the anchor's year (else stays ``XXXX``); a yearless quarter
    or half with neither is dropped (the gold leaves "quý I" out when nothing gives a year).
    """
    if all(w.year is not None for *_, w in hits):
        return hits
    known = [h for h in hits if h[3].year is not None and not h[3].latent and h[3].granularity != "range"]
    starts = [h[0] for h in known]
    out: list[_Hit] = []
    for start, end, rule, when in hits:
        if when.year is None and when.granularity != "day":
            year = _sentence_year(doc, start, end, known, starts)
            if year is not None:
                when = when._replace(year=year, year_inferred=True)
        if when.year is None and doc.anchor is not None:
            when = infer_year(when, doc.anchor)
        if when.end_month is not None:
            when = when._replace(end_year=when.year)
        if when.year is None and when.granularity != "day":
            continue
        out.append((start, end, rule, when))
    return out


# Only periods lend their year to a yearless quarter or half in the same sentence: a full
# date there is often a document's issue date ("Kết luận 01 ngày 18/5/2021 …, phấn đấu 6
# tháng cuối năm …") and a term spans several years.
_PERIOD_GRANULARITIES = frozenset({"year", "month", "quarter", "half"})


def _sentence_year(doc: Doc, start: int, end: int, known: list[_Hit], starts: list[int]) -> int | None:
    """The year of the nearest explicit year, month, quarter or half in the sentence holding [start, end).

    Sentence bounds are looked for at most `SENTENCE_REACH` characters away.
    """
    text = doc.text  # bounded windows: searched directly (the budget is checked per extract)
    low = max(0, start - SENTENCE_REACH)
    for m in _SENTENCE_END.finditer(text, low, start):
        low = m.end()
    after = _SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_REACH))
    high = after.start() if after else end + SENTENCE_REACH
    best: tuple[int, int] | None = None
    j = bisect_left(starts, start)
    for k in (j - 1, j):  # the nearest known item on each side
        if 0 <= k < len(known):
            s, e, _, when = known[k]
            if (
                s >= low
                and e <= high
                and when.year is not None
                and when.granularity in _PERIOD_GRANULARITIES
                and (best is None or abs(s - start) < best[0])
            ):
                best = (abs(s - start), when.year)
    return None if best is None else best[1]


def _mention(doc: Doc, start: int, end: int, rule: str, when: When) -> DateMention:
    span = interval_of(when)
    ostart, oend = doc.norm.original_span(start, end)  # as `doc.mention`, without its dict
    return DateMention(
        text=doc.source[ostart:oend],
        start=ostart,
        end=oend,
        rule=rule,
        value=value_of(when),
        granularity=when.granularity,
        first_day=span[0] if span else None,
        last_day=span[1] if span else None,
        year_inferred=when.year_inferred,
        latent=when.latent,
    )
