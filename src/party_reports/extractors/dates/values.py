"""Values and intervals of dates: what a match says (`When`), its value string and calendar span.

Pure functions of the reading, no text: `value_of` gives the output contract's string
("2022-10-27", "XXXX-07-16", "2023-Q1"), `interval_of` the first and last day covered,
`infer_year` completes a yearless reading from the anchor.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import NamedTuple

from ...models import Granularity

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
