"""The shapes of publication stamps and view counters (regex sources), and the label and weekday tables they read.

`stamps` compiles them into its patterns and resolves their matches.
"""

from __future__ import annotations

from typing import Literal

import regex
from pydantic import BaseModel, Field

from ..lexicon import load
from ..patterns import compile_verbose

StampKind = Literal["published", "updated", "views"]


class LabelRow(BaseModel):
    """A word printed before a stamp or a view counter."""

    word: str
    kind: StampKind
    note: str | None = None


class WeekdayRow(BaseModel):
    """A weekday name; Monday = 0 as in `date.weekday()`."""

    word: str
    weekday: int = Field(ge=0, le=6)
    note: str | None = None


LABELS = load("metadata_stamps", LabelRow)
WEEKDAYS = load("metadata_weekdays", WeekdayRow)
_KIND_OF = {row.word: row.kind for row in LABELS}
_WEEKDAY_OF = {row.word: row.weekday for row in WEEKDAYS}
_LISTS = {
    "stamp_labels": [row.word for row in LABELS if row.kind != "views"],
    "view_labels": [row.word for row in LABELS if row.kind == "views"],
    "weekdays": [row.word for row in WEEKDAYS],
}

# --- shapes ------------------------------------------------------------------------

# Every space run is possessive: what follows each is not a space (or the end), so giving
# spaces back never helps.  Before, a head line of labels and brackets set apart by 23
# spaces (151 characters) took 25 s in STAMP_LINE, whose window had no deadline: an update
# label's value class holds spaces, and every run around it was split every way.  The one
# change: an update label's value no longer starts with spaces ("| Cập nhật" + 4 spaces
# was read as a label with a value of spaces).

_NUM = r"(?:\d{1,3}(?:[.,]\d{3})+|\d{1,9})"  # 483, 1.204, 1,204

_DATE = r"""
(?:ngày [ \t]*+)?                                     # "Thứ Sáu, ngày 03/02/2023"
(?:
    (?P<day>\d{1,2}) [ \t]? (?P<sep>[/.-]) [ \t]?    # 09/12/2022, 15-05-2022, 17 - 05 - 2024, 30.09.2021
    (?P<month>\d{1,2}) [ \t]? (?P=sep) [ \t]?
    (?P<year>(?:19|20)\d{2})
  | (?P<day>\d{1,2}) [ \t]++ tháng [ \t]++             # 11 Tháng 12 2023, 8 tháng 12 năm 2022
    (?P<month>\d{1,2}) [ \t]*+ ,? [ \t]*+ (?:năm [ \t]++)? (?P<year>(?:19|20)\d{2})
  | (?P<year>(?:19|20)\d{2}) - (?P<month>\d{2}) - (?P<day>\d{2})   # 2021-11-12
)
(?!\d)
"""

_TIME = r"""
(?:lúc [ \t]*+)?
(?P<hour>[01]?\d|2[0-3]) [ \t]? [:h] [ \t]? (?P<minute>[0-5]\d)   # 15:50, 08h30
(?: : (?P<second>[0-5]\d) )?                                      # 15:34:53
(?![\d:])
(?: [ \t]*+ (?P<ampm>SA|CH|AM|PM) (?!\w) )?                        # "6:56:28 SA" (sáng), "CH" (chiều)
"""

_WEEKDAY = r"(?P<wd>\L<weekdays>) (?!\w) [ \t]*+ [,-]? [ \t]*+"

# (GMT+7), and the typo GTM
_TZ = r"(?: [ \t]*+ [(\[]? [ \t]*+ (?:GMT|GTM|UTC) [ \t]*+ \+ [ \t]*+ 0?7 (?::?00)? [ \t]*+ [)\]]? )?"

_CORE = rf"""
(?: {_WEEKDAY} )?
(?:
    {_DATE} (?: [ \t]*+ [,|¦-]? [ \t]*+ {_TIME} )?                    # date first, time optional
  | {_TIME} [ \t]*+ [,|¦-]? [ \t]*+ (?: {_WEEKDAY} )? {_DATE}         # time first: "10:29, Thứ Hai, 27/08/2018"
)
{_TZ}
"""

_LABEL = r"(?P<label>\L<stamp_labels>) (?!\w) [ \t]*+ [:,]? [ \t]*+"

# What may follow a stamp on its line: a view counter, or a second (update) stamp.
_AFTER = rf"""
(?:
    (?P<vlabel>\L<view_labels>) [ \t]*+ :? [ \t]*+ (?P<views>{_NUM})    # | Lượt xem: 483
  | (?P<views>{_NUM}) [ \t]*+ (?P<vlabel>\L<view_labels>)             # 4664 Lượt xem
  | (?P<vlabel>xem) [ \t]*+ : [ \t]*+ (?P<views>{_NUM})                # - Xem: 92
  | (?<=[|¦][ \t]{{0,3}}) (?P<vlabel>:) [ \t]*+ (?P<views>{_NUM})         # "| :974": the eye icon was an image
  | \L<stamp_labels> (?!\w) [ \t]*+ [:,]? [ \t]*+ [\d/:,. \t()GMTU+-]{{4,40}}   # | Cập nhật: 10/03/2023 08:00
)
"""

_STAMP_LINE = rf"""
^ (?=[^\n]{{4,160}}$)                                     # stamp lines are short: prose fails here, fast
[ \t]*+
(?: (?P<pre> (?: [^\s\d] \S{{0,20}} (?: [ \t]++ [-|,:] )? [ \t]++ ){{1,8}}? ) )??   # words before the stamp: a
                                                        # category or a byline (checked later)
(?: \( [ \t]*+ )?                                         # "(06:40, 21/07/2005)"
(?P<stamp> (?: {_LABEL} )? {_CORE} )
(?P<post> (?: [ \t]*+ [|¦,;-]? [ \t]*+ {_AFTER} ){{0,3}} )
[ \t]*+ \)? [ \t]*+ [|.]? [ \t]*+ $
"""

# A head line that ends in a date and a time after other text (the title).  The space
# runs are possessive: what follows each is not a space, and giving spaces back made a
# space run in a head line cost k² (":" + 150 spaces + "--20 | 13:40": 0.8 s a line).
_TRAILING = rf"""
(?:^|\G)                                   # \G: the title may follow the extraction line
[ \t]*+ (?P<pre> [^\n]{{8,300}}? ) [ \t]*+ [-|,]? [ \t]*+ [(\[]? [ \t]*+   # possessive runs: no
(?P<stamp> {_DATE} [ \t]*+ [,|-]? [ \t]*+ {_TIME} {_TZ} )
[ \t]*+ [)\]]? [ \t]*+ $
"""

_ISO = r"""
\A [ \t\n]*
(?P<stamp> date [ \t]++ (?P<year>(?:19|20)\d{2}) - (?P<month>[01]\d) (?: - (?P<day>[0-3]\d) )? )   # " date 2020-06"
(?![\d-])
"""

_VIEWS = rf"""
^ (?=[^\n]{{1,60}}$) [ \t]*+                                # a short line (checked first: fast)
(?:
    (?P<vlabel>\L<view_labels>) [ \t]*+ :? [ \t]*+ (?P<views>{_NUM})
  | (?P<views>{_NUM}) [ \t]*+ (?P<vlabel>\L<view_labels>)
)
[ \t]*+ $
"""


def _compile(source: str) -> regex.Pattern[str]:
    used = {name: words for name, words in _LISTS.items() if f"\\L<{name}>" in source}
    return compile_verbose(source, regex.MULTILINE, **used)
