"""Publication stamps and view counters: the first half of the metadata extractor.

A stamp is a LINE.  The whole line must be the stamp, give or take a label before
it ("Ngày đăng"), a category or a byline before that, and a view counter or an
update stamp after it.  A date inside a sentence is never a stamp.

Forms handled (REFERENCE §5.6), dd/mm order always, local time (+07:00):

- labelled, anywhere in the text: "Ngày đăng 14/03/2023 | 09:20 | Lượt xem: 357",
  "Cập nhật ngày: 20/10/2020 17:53", "Cập nhật lúc 10:29, Thứ Hai, 27/08/2018 (GMT+7)",
  "Cập nhật, 07:46, Thứ Năm, 21/12/2017 (GMT+7)", "Đăng ngày 17 - 05 - 2024",
  "Đăng lúc: 08:30 12/04/2021", "Ngày xuất bản: 03/03/2023", "Tin đăng ngày: 6/2/2020 - Xem: 92"
- unlabelled, only among the first lines (the head): "THỨ BA, 29/11/2022 15:34:53",
  "09:15 | 12/03/2021", "Thứ sáu, 15/09/2023 - 10:05", "21:39 - 05/11/2019",
  "04/09/2023 | 12:47 GMT+7", "Thứ Hai, 10/08/2015, 08:10 [GMT+7]", "05/07/2022",
  "Thứ hai, 11 Tháng 12 2023 16:03", "19/05/2020 16:42 Số lượt xem: 76"
- after a category or byline: "Chính trị 28-05-2024", "Xã hội - Ngày đăng : 14:32, 25/10/2020",
  "VĂN HÀO - TRẦN HỮU 30/04/2016 11:39" (the caller checks what stands before)
- after the title, with a time: "… phường Chợ Lớn 08/08/2025 18:13", "… (03/02/2019 21:20)"
- the extraction line at the very start: " date 2025-10-03", " date 2020-06"
- in brackets, time first: "(06:40, 21/07/2005)"
- English labels of some portals: "Publish date 18/08/2022 | 10:05 | View count: 212",
  "Posted 12/03/2021", "Updated: 05/06/2020 08:00" (separators "|" or "¦")
- view counters on their own line: "Lượt xem: 1.204", "4664 Lượt xem", "Lượt đọc: 76",
  "View count: 212", "Lượt truy cập: 90"

Rejected: a date in prose ("ngày 27/10/2022 của Ban Thường vụ"); an unlabelled date
line below the head; day 32 / month 13 / hour 25; years before 1995; "lượt xem" in
prose ("thu hút 10.000 lượt xem" is not the page's counter).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import regex

from ..patterns import Doc, Pattern, RegexMatch
from ..text import parse_int
from .stamp_patterns import (
    _ISO,
    _KIND_OF,
    _LISTS,
    _STAMP_LINE,
    _TRAILING,
    _VIEWS,
    _WEEKDAY_OF,
    StampKind,
    _compile,
)
from .stamp_patterns import LABELS as LABELS
from .stamp_patterns import WEEKDAYS as WEEKDAYS
from .stamp_patterns import LabelRow as LabelRow
from .stamp_patterns import WeekdayRow as WeekdayRow

VIETNAM = timezone(timedelta(hours=7))
# Windows up to this many characters are searched directly: the `Doc.finditer` deadline
# costs more than the search itself there.  That is safe only while every pattern
# searched here stays linear in its space runs (all are possessive; tests/test_hardening.py
# grows them): a bounded window once took 25 s in STAMP_LINE.
SMALL_WINDOW = 4096
MAX_BODY_STAMPS = 20  # labelled stamp lines read below the head (a page has one or two)


# --- resolvers ---------------------------------------------------------------------


def when(year: int, month: int, day: int, hour: str | None = None, minute: str | None = None) -> datetime | date | None:
    """The stamp's value: an aware +07:00 datetime with a time, a date without; None if impossible.

    >>> when(2022, 12, 9, "15", "50").isoformat()
    '2022-12-09T15:50:00+07:00'
    >>> when(2021, 9, 30)
    datetime.date(2021, 9, 30)
    >>> when(2022, 2, 30) is None, when(1980, 1, 1) is None
    (True, True)
    """
    if not 1995 <= year <= 2100:
        return None
    try:
        if hour is not None and minute is not None:
            return datetime(year, month, day, int(hour), int(minute), tzinfo=VIETNAM)
        return date(year, month, day)
    except ValueError:
        return None


def weekday_of(word: str | None) -> int | None:
    """Monday = 0 for a weekday name as printed ("THỨ BA" -> 1); None if absent.

    >>> weekday_of("THỨ BA"), weekday_of("Chủ nhật"), weekday_of(None)
    (1, 6, None)
    """
    if word is None:
        return None
    return _WEEKDAY_OF.get(" ".join(word.lower().split()))


def read_views(raw: str | None) -> int | None:
    """A view counter's number: "1.204" and "1,204" are 1204.

    >>> read_views("1.204"), read_views("1,204"), read_views("483"), read_views(None)
    (1204, 1204, 483, None)
    """
    if raw is None:
        return None
    return parse_int(raw.replace(",", "."))


_GROUPS: dict[int, tuple[tuple[str, int], ...]] = {}


def _groupdict(m: RegexMatch) -> dict[str, str | None]:
    """`m.groupdict()`, built from `m.groups()` (`regex` reads groups by name slowly)."""
    names = _GROUPS.get(id(m.re))
    if names is None:
        names = _GROUPS[id(m.re)] = tuple(m.re.groupindex.items())
    got = m.groups()
    return {name: got[i - 1] for name, i in names}


def _twenty_four(hour: str | None, ampm: str | None) -> str | None:
    """The hour on a 24-hour clock: "SA"/"AM" mornings, "CH"/"PM" afternoons.

    >>> _twenty_four("6", "SA"), _twenty_four("3", "CH"), _twenty_four("12", "SA"), _twenty_four("15", None)
    ('6', '15', '0', '15')
    """
    if hour is None or ampm is None:
        return hour
    h = int(hour)
    if ampm.upper() in ("CH", "PM") and h < 12:
        return str(h + 12)
    if ampm.upper() in ("SA", "AM") and h == 12:
        return "0"
    return hour


def _resolve_stamp(m: RegexMatch, _doc: Doc) -> dict[str, Any] | None:
    caps = _groupdict(m)
    day = caps.get("day")
    hour = _twenty_four(caps.get("hour"), caps.get("ampm"))
    value = when(int(caps["year"]), int(caps["month"]), int(day) if day else 1, hour, caps.get("minute"))  # type: ignore[arg-type]
    if value is None:
        return None
    label = caps.get("label")
    return {
        "value": value,
        "kind": _KIND_OF.get(" ".join(label.lower().split())) if label else None,
        "weekday": weekday_of(caps.get("wd")),
        "views": read_views(caps.get("views")),
        "pre": _trimmed(m, "pre") if caps.get("pre") else None,
        "stamp": m.span("stamp"),
    }


def _trimmed(m: RegexMatch, group: str) -> tuple[int, int]:
    """The span of `group` without the separator and spaces at its end."""
    start = m.start(group)
    return start, start + len(m.group(group).rstrip(" \t-|,:"))


def _resolve_iso(m: RegexMatch, _doc: Doc) -> dict[str, Any] | None:
    day = m.group("day")
    value = when(int(m.group("year")), int(m.group("month")), int(day) if day else 1)
    if value is None:
        return None
    # Month-only (" date 2020-06") says nothing about the day: no value, but the span is furniture.
    return {
        "value": value if day else None,
        "kind": "published",
        "weekday": None,
        "views": None,
        "pre": None,
        "stamp": m.span("stamp"),
    }


def _resolve_views(m: RegexMatch, _doc: Doc) -> dict[str, Any] | None:
    views = read_views(m.group("views"))
    return None if views is None else {"views": views}


# Below the head only labelled stamps count, and there the label opens the line: this
# cheap anchored test picks the lines worth the full STAMP_LINE pattern.
_LABEL_START = _compile(r"^ (?=[^\n]{4,160}$) [ \t]* \L<stamp_labels> (?!\w)")

# The first two characters a label may open a line with, in any case `regex` matches
# case-blind: a cheap test for the lines worth `_LABEL_START` and `_VIEWS`.  Beyond
# str.lower/str.upper, simple case folding pairs these letters (checked over all of Unicode
# for the letters of the lexicon).
_EXTRA_CASES = {"i": "İ", "s": "ſ", "k": "\u212a", "å": "\u212b"}


def _openings(words: Iterable[str]) -> frozenset[str]:
    found: set[str] = set()
    for word in words:
        if len(word) < 2:
            raise ValueError(f"stamp label {word!r}: a label has at least two characters")
        a, b = ({c, c.lower(), c.upper(), *_EXTRA_CASES.get(c.lower(), "")} for c in word[:2])
        found |= {x + y for x in a for y in b if len(x) == len(y) == 1}
    return frozenset(found)


_LABEL_OPENINGS = _openings(_LISTS["stamp_labels"])
_VIEW_OPENINGS = _openings(_LISTS["view_labels"])


def may_open_label(text: str, start: int) -> bool:
    """False when the line starting at `start` surely does not open with a stamp label."""
    return text[start : start + 2] in _LABEL_OPENINGS


def may_be_views(text: str, start: int) -> bool:
    """False when the line starting at `start` surely is not a view counter (a label or a number)."""
    return text[start : start + 2] in _VIEW_OPENINGS or not text[start].isalpha()


STAMP_LINE = Pattern("metadata.stamp_line", _compile(_STAMP_LINE), _resolve_stamp)
STAMP_TRAILING = Pattern("metadata.stamp_after_title", _compile(_TRAILING), _resolve_stamp)
STAMP_ISO = Pattern("metadata.stamp_extraction_line", _compile(_ISO), _resolve_iso)
VIEW_LINE = Pattern("metadata.view_count", _compile(_VIEWS), _resolve_views)


@dataclass(frozen=True)
class Stamp:
    """An accepted stamp: where it is (normalised offsets) and what it says."""

    rule: str
    line: tuple[int, int]
    span: tuple[int, int]
    value: datetime | date | None
    kind: StampKind | None
    weekday: int | None
    views: int | None
    pre: tuple[int, int] | None

    @property
    def has_time(self) -> bool:
        return isinstance(self.value, datetime)

    @property
    def day(self) -> date | None:
        if isinstance(self.value, datetime):
            return self.value.date()
        return self.value


def scan(doc: Doc, pattern: regex.Pattern[str], pos: int, endpos: int) -> Iterator[RegexMatch]:
    """`doc.finditer` over ``[pos, endpos)``; a small window skips the deadline machinery."""
    if endpos - pos > SMALL_WINDOW:
        return doc.finditer(pattern, pos=pos, endpos=endpos)
    return pattern.finditer(doc.text, pos, endpos)


def first(doc: Doc, pattern: regex.Pattern[str], pos: int, endpos: int) -> RegexMatch | None:
    """The first match of `pattern` in ``doc.text[pos:endpos]``, or None."""
    if endpos - pos > SMALL_WINDOW:
        return next(doc.finditer(pattern, pos=pos, endpos=endpos), None)
    return pattern.search(doc.text, pos, endpos)


def find(doc: Doc, pattern: Pattern, pos: int = 0, endpos: int | None = None) -> list[Stamp]:
    """Every match of a stamp `pattern` in ``doc.text[pos:endpos]`` that resolves."""
    found = []
    for m in scan(doc, pattern.regex, pos, len(doc.text) if endpos is None else endpos):
        got = pattern.resolve(m, doc)
        if got is None:
            continue
        found.append(
            Stamp(
                pattern.name,
                m.span(),
                got["stamp"],
                got["value"],
                got["kind"],
                got["weekday"],
                got["views"],
                got["pre"],
            )
        )
    return found


def find_lines(doc: Doc, head: Iterable[tuple[int, int]], body: Iterable[tuple[int, int]]) -> list[Stamp]:
    """Stamp lines: any form in the `head` windows, labelled ones among the `body` lines.

    Both are ``(line start, line end)`` windows in line order: `head` holds the head
    lines that may carry a year (cut at the end of the head), `body` the lines below
    the head that may open with a label (see `may_open_label`).
    """
    found: list[Stamp] = []
    for s, e in head:
        found += find(doc, STAMP_LINE, s, e)
    n = 0
    for s, e in body:
        if first(doc, _LABEL_START, s, e) is None:
            continue
        if n >= MAX_BODY_STAMPS:
            break
        n += 1
        found += find(doc, STAMP_LINE, s, e)
    return found


def best(stamps: list[Stamp]) -> Stamp | None:
    """The publication stamp among the accepted ones.

    A labelled publication stamp beats an unlabelled head stamp with a time, which beats
    an update stamp, then an unlabelled bare date (often the site's "today" banner), then
    the extraction line; among equals a time beats a bare date and the earlier line wins.
    A stamp on the extraction line's day with a time replaces it.
    """
    dated = [s for s in stamps if s.value is not None]
    if not dated:
        return None

    def rank(s: Stamp) -> tuple[int, int, int]:
        tier = {"published": 0, None: 1, "updated": 2}[s.kind] if s.rule != STAMP_ISO.name else 4
        if s.kind is None and not s.has_time and tier == 1:
            tier = 3  # a bare date line (often the site's "today" banner) loses to a stamp with a time
        return (tier, 0 if s.has_time else 1, s.line[0])

    ordered = sorted(dated, key=rank)
    iso = next((s for s in ordered if s.rule == STAMP_ISO.name), None)
    if iso is not None:
        same_day = [s for s in ordered if s is not iso and s.has_time and s.day == iso.day]
        if same_day:
            return same_day[0]
    return ordered[0]
