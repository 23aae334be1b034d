"""Extraction of dates: the whole-text patterns, the digit-led ones inside number runs, years completed.

`extract` is the dimension's entry point (see the package docstring for the forms).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

import regex

from ...models import DateMention
from ...patterns import Doc, RegexMatch, SpanSet, longest_first
from .context import _LISTS, _SENTENCE_END, SENTENCE_REACH
from .holidays import is_holiday
from .patterns import GUARDS, PATTERNS
from .ranges import borrow_years, listed_days
from .values import When, infer_year, interval_of, value_of

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
    if separators and (previous in _DAY_TRIGGERS or previous in "(,;" or (separators == 1 and is_holiday(body))):
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
    return [_mention(doc, *hit) for hit in _complete_years(doc, borrow_years(doc, listed_days(doc, hits)))]


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
