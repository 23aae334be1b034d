"""The word tables of dates and what is read around a match: leads, triggers, stamps, counts.

Patterns open with a literal or a digit (fast to search); what stands BEFORE a match
is read afterwards by the reverse-anchored `_BEFORE_*` patterns below.
"""

from __future__ import annotations

import regex
from pydantic import BaseModel

from ...lexicon import load
from ...patterns import Doc, RegexMatch, compile_verbose

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

# --- regex fragments ---------------------------------------------------------------
# Spaces are written \x20 (VERBOSE ignores blanks), never \s, so no match crosses a
# line; text is normalised (dashes are "-", NBSP a space).  Speed: `regex` searches
# fast only for a pattern that opens with a literal or a digit, so every pattern does;
# what stands BEFORE a match (a time of day, "ngày", a preposition) is read afterwards
# by the reverse-anchored `_BEFORE_*` patterns, or by a lookbehind placed after the
# first digits, where it runs only at digits.

# A number's first digit: not 123/10, 5.27, 1,5 or 58-KH/12; scraped text also glues a
# date to its word ("ngày12/4/2021"), so a digit right after "ngày" starts one too.
_D_START = r"(?:(?<![\w/.,])|(?<=(?<!\w)ngày))"
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
