"""Ranges of days whose first day is written without a year: it takes the second's.

"từ ngày 3 tháng 4 đến ngày 5 tháng 5 năm 2023", "từ 28/12 đến ngày 2/1/2023", "ngày 15
tháng 6 - 20 tháng 7 năm 2024": two items, the first written without its year.  The
patterns read each day on its own (date.dmy_words, date.dm, date.dmy); this pass, run
on the settled items, gives the first the second's year (the year before when its month
comes later: a range over New Year) when only a link stands between them.  Shapes that
share one month ("từ 13 đến 15-8-1945", "02/5 đến ngày 11/5/2013") are read whole by
date.day_pair and date.day_range.

Likewise a list of three or more days before one month ("vào các ngày 10, 11 và
12/9/2024"; two days are date.day_pair's): `listed_days` adds the bare days, each with
the dated day's month and year (GUIDE: paired days are each listed).
"""

from __future__ import annotations

import regex

from ...patterns import Doc, compile_verbose
from .context import _LISTS
from .values import When, valid_day

__all__ = ["borrow_years", "listed_days"]

# What may stand between the two days: a link, then a time of day or "ngày".
_LINK = compile_verbose(
    r"""
    \x20{0,2}(?:-|đến|tới)\x20{1,2}
    (?:\L<tod>\x20{1,2})?(?:ngày\x20{1,2})?
    """,
    tod=_LISTS["tod"],
)
_MAX_GAP = 24
# Read backwards from a dated day: "ngày 10, 11 và " (two bare days or more before it).
_BEFORE_LISTED = compile_verbose(
    r"""
    (?<!\w)ngày\x20{1,2}
    (?P<days>(?:[0-3]?\d\x20?,\x20{1,2}){1,5}[0-3]?\d)
    \x20?(?:,|và)\x20{1,2}
    """,
    regex.REVERSE,
)
_DAY = regex.compile(r"[0-3]?\d")

Hit = tuple[int, int, str, When]


def borrow_years(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """`hits` (in text order) with each yearless day before a linked dated day given its year.

    >>> from party_reports.text import normalise
    >>> doc = Doc(normalise("từ ngày 3 tháng 4 đến ngày 5 tháng 5 năm 2023"))
    >>> a = (3, 17, "date.dmy_words", When("day", None, 4, 3))
    >>> b = (22, 45, "date.dmy_words", When("day", 2023, 5, 5))
    >>> [h[3].year for h in borrow_years(doc, [a, b])]
    [2023, 2023]
    """
    out = list(hits)
    for i in range(len(out) - 1):
        start, end, rule, first = out[i]
        second = out[i + 1][3]
        if first.granularity != "day" or first.year is not None or second.granularity != "day":
            continue
        if second.year is None or second.year_inferred or first.month is None or first.day is None:
            continue
        gap_end = out[i + 1][0]
        if gap_end - end > _MAX_GAP or _LINK.fullmatch(doc.text, end, gap_end) is None:
            continue
        year = second.year - 1 if second.month is not None and first.month > second.month else second.year
        if valid_day(first.day, first.month, year):
            out[i] = (start, end, rule, first._replace(year=year))
    return out


def listed_days(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """`hits` with the bare days listed before a dated day added, in text order.

    >>> from party_reports.text import normalise
    >>> doc = Doc(normalise("vào các ngày 10, 11 và 12/9/2024"))
    >>> [(h[0], h[1], h[3].day) for h in listed_days(doc, [(23, 32, "date.dmy", When("day", 2024, 9, 12))])]
    [(13, 15, 10), (17, 19, 11), (23, 32, 12)]
    """
    out: list[Hit] = []
    text = doc.text
    for start, end, rule, when in hits:
        low = max(0, start - 40)
        if when.granularity == "day" and when.month is not None and text.find("ngày", low, start) >= 0:
            m = _BEFORE_LISTED.match(text, low, start)
            if m is not None:
                for d in _DAY.finditer(text, m.start("days"), m.end("days")):
                    day = int(d.group())
                    if valid_day(day, when.month, when.year) and (not out or out[-1][1] <= d.start()):
                        out.append((d.start(), d.end(), rule, when._replace(day=day)))
        out.append((start, end, rule, when))
    return out
