"""The shapes of dates: GUARDS (look-alikes that cancel a date) and PATTERNS, in priority order.

Spaces are written \x20 (VERBOSE ignores blanks), never \\s, so no match crosses a
line.  Each pattern opens with a literal or a digit; see `context.py` for what is read
before a match.
"""

from __future__ import annotations

import regex

from ...patterns import Pattern, compile_verbose
from .context import _D_START, _LISTS, _YEAR_LINK
from .resolve import (
    _reject,
    resolve_bare_year,
    resolve_day_pair,
    resolve_day_range,
    resolve_dm,
    resolve_dmy,
    resolve_dmy_words,
    resolve_month,
    resolve_month_pair,
    resolve_part_of_year,
    resolve_quarter,
    resolve_year,
    resolve_year_range,
)


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
            (?<!\w)tháng\x20{{0,2}}                  # "tháng12/2023" glued, as scraped text has it
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
            (?<!\w)năm\x20{0,2}(?P<year>\d{4})(?!\d)(?![.,]\d)     # "năm2022" glued too
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
