"""Anniversaries written as a day and month: "Quốc khánh 2-9", "kỷ niệm 30-4", "Ngày
thành lập Đảng 3/2", "dịp 19/5".

The gold guide lists every explicit calendar reference, and these name a calendar day
(a day with no year: ``XXXX-09-02``, completed from the anchor as any yearless day).
They are read only for the days of lexicon/dates_holidays.toml and only right after a
holiday word ("Quốc khánh", "kỷ niệm", "chào mừng", "dịp", "lễ", "Tết") or a holiday's
name ("Ngày Giải phóng miền Nam", "ngày thành lập Đảng"): a street or school named
after the day ("đường 30/4", "Trường Mầm non 3/2") and a badge batch ("đợt 3/2") have
neither, and "dịp 3/2 chi bộ …" is a count (the caller checks what follows).  Two
holidays in a row ("kỷ niệm 30/4 - 1/5", "dịp lễ 30-4, 1-5") are both read.
"""

from __future__ import annotations

import regex
from pydantic import BaseModel

from ...lexicon import load
from ...patterns import Doc, compile_verbose

__all__ = ["is_holiday", "names_holiday"]


class _HolidayRow(BaseModel):
    word: str
    name: str


def _pair(word: str) -> tuple[int, int]:
    day, month = word.split("/")
    return int(day), int(month)


_DAYS = frozenset(_pair(row.word) for row in load("dates_holidays", _HolidayRow))
_BODY = regex.compile(r"0?(\d{1,2})\x20?[/.-]\x20?0?(\d{1,2})")

# Read backwards from the day (REVERSE: the match ends where the day starts).
_BEFORE_HOLIDAY = compile_verbose(
    r"""
      (?<!\w)(?:quốc\x20khánh|kỷ\x20niệm|kỉ\x20niệm|chào\x20mừng|mừng|dịp|lễ|tết)\x20{1,2}
    | (?-i:Ngày)(?:,?\x20\p{L}+){1,10}\x20{1,2}                  # "Ngày Giải phóng miền Nam, thống nhất đất nước "
    | (?<!\w)(?:quốc\x20khánh|kỷ\x20niệm|kỉ\x20niệm|mừng|dịp|lễ)\x20{1,2}           # "dịp lễ 30-4, " before "1-5"
        \d{1,2}\x20?[/.-]\x20?\d{1,2}\x20?(?:,|và)\x20{0,2}
    | (?<!\w)ngày\x20(?:thành\x20lập|sinh|truyền\x20thống|giải\x20phóng|quốc\x20tế|chiến\x20thắng)
        (?:\x20\p{L}+){0,6}\x20{1,2}                              # "ngày sinh Chủ tịch Hồ Chí Minh "
    """,
    regex.REVERSE,
)


def is_holiday(body: str) -> bool:
    """Whether a number run such as "2-9" or "30/4" is a listed holiday's day and month.

    >>> is_holiday("2-9"), is_holiday("30/4"), is_holiday("3.2"), is_holiday("4/9")
    (True, True, True, False)
    """
    m = _BODY.fullmatch(body)
    return m is not None and (int(m.group(1)), int(m.group(2))) in _DAYS


def names_holiday(doc: Doc, start: int, day: int, month: int) -> bool:
    """Whether the day/month at `start` is a listed holiday after a holiday word or name.

    >>> from party_reports.text import normalise
    >>> names_holiday(Doc(normalise("mừng Quốc khánh 2-9")), 16, 2, 9)
    True
    >>> names_holiday(Doc(normalise("trên đường 30/4")), 11, 30, 4)
    False
    """
    if (day, month) not in _DAYS:
        return False
    return _BEFORE_HOLIDAY.match(doc.text, max(0, start - 80), start) is not None
