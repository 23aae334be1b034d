"""Ranges of days whose first day is written without a year: it takes the second's.

"từ ngày 3 tháng 4 đến ngày 5 tháng 5 năm 2023", "từ 28/12 đến ngày 2/1/2023", "ngày 15
tháng 6 - 20 tháng 7 năm 2024": two items, the first written without its year.  The
patterns read each day on its own (date.dmy_words, date.dm, date.dmy); this pass, run
on the settled items, gives the first the second's year (the year before when its month
comes later: a range over New Year) when only a link stands between them.  Shapes that
share one month ("từ 13 đến 15-8-1945", "02/5 đến ngày 11/5/2013") are read whole by
date.day_pair and date.day_range.
"""

from __future__ import annotations

from ...patterns import Doc, compile_verbose
from .context import _LISTS
from .values import When, valid_day

__all__ = ["borrow_years"]

# What may stand between the two days: a link, then a time of day or "ngày".
_LINK = compile_verbose(
    r"""
    \x20{0,2}(?:-|đến|tới)\x20{1,2}
    (?:\L<tod>\x20{1,2})?(?:ngày\x20{1,2})?
    """,
    tod=_LISTS["tod"],
)
_MAX_GAP = 24

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
