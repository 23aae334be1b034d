"""Counts: a number bound to a countable party or organisational noun.

`unit` is the head noun, lower case, abbreviations expanded (lexicon/count_units.toml);
modifiers written after it stay outside the span, as in the gold ("62 chi bộ").

Forms handled (pattern in brackets):

- number + noun [count.number_unit]: "62 chi bộ trực thuộc" -> 62 "chi bộ";
  "5.356 đảng viên" -> 5356; "09 cuộc kiểm tra" -> 9; "1.988 ĐV" -> "đảng viên";
  "128 đ/c" -> "đồng chí"; "36 TCCS đảng" -> "tổ chức cơ sở đảng";
  "lượt" + noun keeps it: "40 lượt chi bộ" -> "lượt chi bộ";
  a qualifier is kept: "gần 400 lượt cán bộ" (gần), "trên 16.000 tổ chức đảng" (trên);
  scale words: "gần 6 ngàn đảng viên" -> 6000;
  a change, not a stock: "tăng 197 đảng viên", "vượt chỉ tiêu 9 đảng viên" (is_change);
  nouns that are also verbs or labels (count_nouns.py): "kết luận 3 tổ chức có vi phạm"
  but not "Chi bộ 3 tổ chức đại hội"; posts: "25 bí thư chi bộ" but not "Thôn 3 Bí thư";
  a lost space: "cùng5 đảng viên" (after a few function words only, not "F1").
- number word + noun [count.word_unit]: "hai chi bộ" -> 2; "Ba đồng chí" at the
  start of a sentence.
- at least [count.at_least_from]: "từ 3 đảng viên chính thức trở lên" (qualifier từ).

Shapes start at the number so the engine can skip ahead; what stands before it (a
qualifier, a change word, or a blocker such as "năm", "số", "1-") is read by the
resolvers from a short window, and a resolver may move the mention's start back
over it by returning ``_start``.

Links between counts for the checks in validate.py (``paired_with``, ``part_of``) are set
by count_links.py.

Deliberately rejected:

- durations and dates: "30 năm tuổi Đảng", "3 ngày", "10 năm", "Quý I/2023"
- nouns that are not counted: "6 nhiệm vụ", "4 không gian"
- numbers after năm / số / lần thứ / Phường / a document kind (count_blockers.toml):
  "năm 2022 đảng viên", "lần thứ 4", "phòng họp số 2", "Phường 12"
- target ranges: "1-2 đảng viên", "từ 90 - 100 đảng viên", "3 đến 5 đảng viên"
- percentages and decimals: "100% chi bộ", "2,5 đảng viên"
- a ceiling: "chi bộ có dưới 5 đảng viên" (a threshold)
- the numbers of an X/Y quota: "23/15 đồng chí" (a quota, see quotas.py)
- a bare year before a noun: "2022 đảng viên"
- number words that are mostly not numbers here: "một" (a), "năm" (year), "tư"
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from ..lexicon import load
from ..models import Count, Span
from ..patterns import Doc, Pattern, Regex, RegexMatch, compile_verbose, longest_first, trie
from ..text import parse_decimal, parse_int, parse_number_word
from .count_links import Hit as _Hit
from .count_links import link as _link
from .count_nouns import AMBIGUOUS, COMMITTEES, POSTS, organisation_noun, post_after_label

__all__ = [
    "BLOCKER_WORDS",
    "NUMBER",
    "PATTERNS",
    "QUALIFIERS",
    "UNITS",
    "UnitRow",
    "extract",
    "first_letters",
    "gated",
    "shape",
    "starts",
    "unit_of",
    "words_before",
]

UnitKind = Literal["organisation", "person", "activity", "record", "place", "award"]


class UnitRow(BaseModel):
    """A count noun as written and what it reports."""

    word: str
    unit: str
    kind: UnitKind
    counted: bool = True
    note: str | None = None


class WordRow(BaseModel):
    """A bare word list row."""

    word: str
    note: str | None = None


class QualifierRow(BaseModel):
    """An approximation word and the qualifier it stands for."""

    word: str
    qualifier: Literal["gần", "hơn", "trên", "khoảng", "dưới", "từ", "ít nhất", "tối đa", "gần như"]
    note: str | None = None


UNITS: dict[str, UnitRow] = {row.word: row for row in load("count_units", UnitRow)}
QUALIFIERS: dict[str, QualifierRow] = {row.word: row for row in load("figure_qualifiers", QualifierRow)}
_COUNTED = [w for w, row in UNITS.items() if row.counted]
_LISTS: dict[str, list[str]] = {
    "units": _COUNTED,
    "quals": list(QUALIFIERS),
    "changes": [r.word for r in load("count_changes", WordRow)],
    "blockers": [r.word for r in load("count_blockers", WordRow)],
    "nwords": [r.word for r in load("count_number_words", WordRow)]
    + [r.word.capitalize() for r in load("count_number_words", WordRow)],
}
_SCALES = {"nghìn": 1000, "ngàn": 1000, "vạn": 10_000, "triệu": 1_000_000}

# NOTE: quotas.py imports NUMBER, QUALIFIERS, UNITS, shape and unit_of from here.
NUMBER = r"""
    (?:\d{1,3}(?:\.\d{3})+|\d{1,7})      # 5.356 (thousands dot) or 09 (leading zero)
    (?!\d|[.,]\d)                        # not 2,5 (decimal) nor 5.9 (a date)
"""

# What stands right before the number: not a word, a number, a date or a percent.
_NUMBER_START = r"""
    (?:
        (?<![\p{L}\d.,/%-])              # F1, the tail of 1.988, 30,40, 3/2, 100%, 1-2
      # "cùng5 đảng viên": a space lost after a function word (never after "đến": "3 đến5")
      | (?<=(?<!\p{L})(?:cùng|với|có|gồm|cho|và|được|nạp|luận|tổng|lên|trên|hơn|gần|khoảng))
    )
"""





def starts(gate: re.Pattern[str], text: str) -> Iterator[int]:
    """Where the stdlib `gate` matches in `text`: candidate starts for `gated`."""
    return (g.start() for g in gate.finditer(text))


def gated(doc: Doc, pattern: Regex, candidates: Iterable[int]) -> Iterator[RegexMatch]:
    """The matches ``doc.finditer(pattern)`` gives, but `pattern` is tried only at the
    `candidates` (ascending positions, see `starts`).

    The `regex` engine tries a pattern at every position, which is slow for a list of
    words; a stdlib scan for a necessary condition (a prefix tree of the first words,
    one leading character class so the engine skips ahead) is several times faster.
    Every match of `pattern` must start at a candidate (a superset).
    """
    text = doc.text
    last = 0
    for n, pos in enumerate(candidates):
        if n % 256 == 0:
            doc.remaining()  # raises ExtractionTimeout past the budget
        if pos < last:
            continue
        # no `timeout=` here: it costs more than the match; the shapes are bounded
        m = pattern.match(text, pos)
        if m is not None:
            last = m.end()
            yield m


def first_letters(words: Iterable[str]) -> str:
    """A character class of the first letters of `words`, both cases: a cheap gate before a list.

    >>> first_letters(["chi bộ", "đảng viên"])
    '[CcĐđ]'
    """
    letters = {w[0] for w in words} | {w[0].upper() for w in words}
    return "[" + "".join(sorted(letters)) + "]"


# The counted noun, whole words only ("xã" not the head of "xã hội").  The class in
# front lets the engine give up on "1 1 1 …" before trying the list.
_UNIT = (
    r"""
    (?=[lL]|"""
    + first_letters(_COUNTED)
    + r""")
    (?P<luot>lượt\s+)?                   # "40 lượt chi bộ": visits, kept in the unit
    (?P<unit>\L<units>)
    (?![\p{L}\p{M}])
"""
)


def shape(source: str, fragments: dict[str, str], lists: dict[str, list[str]]) -> Regex:
    """Compile a VERBOSE shape: fill its ``{{NAME}}`` slots, pass the ``\\L<name>`` lists it uses.

    >>> shape("{{N}}[ ]đảng viên", {"N": "[0-9]+"}, {"u": ["chi bộ"]}).pattern
    '[0-9]+[ ]đảng viên'
    """
    for name, text in fragments.items():
        source = source.replace("{{" + name + "}}", text)
    return compile_verbose(source, 0, **{k: v for k, v in lists.items() if f"\\L<{k}>" in source})


FRAGMENTS = {"NUMBER": NUMBER, "NUMBER_START": _NUMBER_START, "UNIT": _UNIT}

# Shapes start at the number (a digit or a number word): the engine skips ahead to
# candidates quickly.  What stands before the number (a qualifier, a change word, a
# blocker) is read by the resolvers from a short window (_LEFT, _BLOCKED below).
_NUMBER_UNIT = shape(
    r"""
    {{NUMBER_START}}
    (?:
        (?P<num>{{NUMBER}})
      | (?P<dec>\d{1,3},\d{1,2})(?=\s(?:nghìn|ngàn|vạn|triệu)(?!\p{L}))   # 1,4 triệu
    )
    (?=\s?\p{L})                         # a word follows: give up early on "1 1 1 …"
    (?:\s(?P<scale>nghìn|ngàn|vạn|triệu)(?!\p{L}))?
    \s?                                  # "3.004tổ chức đảng": the space is sometimes lost
    {{UNIT}}
    """,
    FRAGMENTS,
    _LISTS,
)

_WORD_UNIT = shape(
    r"""
    (?<![\p{L}])
    (?P<word>(?-i:\L<nwords>))           # case-sensitive: "Ba" only at a sentence start
    \s+
    {{UNIT}}
    """,
    FRAGMENTS,
    _LISTS,
)

_AT_LEAST_FROM = shape(
    r"""
    (?<![\p{L}])từ\s+
    (?P<num>{{NUMBER}})\s
    {{UNIT}}
    (?:\s\p{L}+){0,3}?                   # "đảng viên chính thức"
    \s trở \s lên
    """,
    FRAGMENTS,
    _LISTS,
)

_CHANGES = frozenset(_LISTS["changes"])
_QUALS = frozenset(QUALIFIERS)
BLOCKER_WORDS = frozenset(_LISTS["blockers"])  # the table's words (quotas reads them too)
_BLOCKERS = BLOCKER_WORDS | {"thứ", "lần", "mười", "mươi"}  # lần thứ ba, mười hai
# Two-word leads whose last word is a blocker but which do introduce a count.
# "với tổng số 346 đảng viên", "kết luận 3 tổ chức" ("Kết luận 21" has no noun after it)
_UNBLOCKED = frozenset({"kỷ luật", "kỉ luật", "tổng số", "thiểu số", "đa số", "kết luận"})


_OPENERS = "([\"'“‘-,:;"


@cache
def _last_words(groups: tuple[frozenset[str], ...]) -> frozenset[str]:
    return frozenset(phrase.rsplit(None, 1)[-1] for group in groups for phrase in group)


def words_before(text: str, start: int, groups: Sequence[frozenset[str]]) -> tuple[int, list[str | None]]:
    """Optional word groups (given in text order) standing right before `start`.

    Each group is a set of lower-case phrases of one to three words; at most one
    phrase per group, the groups in order, only whitespace between them and `start`.
    A phrase may follow an opening bracket or a comma ("(đạt 160%"), which ends the
    search.  Returns the start of the first phrase found (or `start`) and the phrase
    found per group.

    >>> words_before("đã tăng gần 400", 12, [frozenset({"tăng"}), frozenset({"gần", "hơn"})])
    (3, ['tăng', 'gần'])
    >>> words_before("241 ĐV (đạt 160%", 12, [frozenset({"đạt"}), frozenset({"gần"})])
    (8, ['đạt', None])
    >>> words_before("(400", 1, [frozenset({"gần"})])
    (1, [None])
    """
    window = text[max(0, start - 40) : start]
    found: list[str | None] = [None] * len(groups)
    if not window[-1:].isspace():
        return start, found
    last = window.rsplit(None, 1)[-1:]
    if not last or last[0].lstrip(_OPENERS).lower() not in _last_words(tuple(groups)):
        return start, found  # the common case: an ordinary word before the number
    tokens = window.split()
    k, pos = len(tokens), len(window)
    for g in reversed(range(len(groups))):
        for n in (3, 2, 1):
            if k < n or any(t[0] in _OPENERS for t in tokens[k - n + 1 : k]):
                continue
            first = tokens[k - n].lstrip(_OPENERS)
            if " ".join([first, *tokens[k - n + 1 : k]]).lower() in groups[g]:
                found[g] = " ".join([first, *tokens[k - n + 1 : k]]).lower()
                for token in reversed(tokens[k - n + 1 : k]):
                    pos = window.rfind(token, 0, pos)
                pos = window.rfind(first, 0, pos)
                if first != tokens[k - n]:  # an opener ends the phrase run
                    return start - len(window) + pos, found
                k -= n
                break
    return start - len(window) + pos, found


def _blocked(text: str, start: int) -> bool:
    """True when the number at `start` is not a count: "năm 2022", "số 2", "1 - 2", "3 đến 5"."""
    window = text[max(0, start - 30) : start]
    stripped = window.rstrip()
    if stripped.endswith("-") and stripped[:-1].rstrip()[-1:].isdigit():
        return True
    if not window[-1:].isspace():
        return False
    tokens = window.lower().split()
    if not tokens:
        return False
    if " ".join(tokens[-2:]) in _UNBLOCKED:
        return False  # "kỷ luật 2 đảng viên": "luật" blocks law numbers, not this
    if tokens[-1] in _BLOCKERS or " ".join(tokens[-2:]) in _BLOCKERS:
        return True
    return tokens[-1] in ("đến", "tới") and len(tokens) > 1 and tokens[-2].replace(".", "").isdigit()


def _left(doc: Doc, start: int) -> tuple[int, str | None, bool] | None:
    """The mention start, qualifier and change flag before a number at `start`.

    None when the number is blocked (see `_blocked`) or under a ceiling ("dưới 5 …").
    """
    if _blocked(doc.text, start):
        return None
    begin, (change, qual) = words_before(doc.text, start, [_CHANGES, _QUALS])
    qualifier = QUALIFIERS[qual].qualifier if qual else None
    if qualifier == "dưới":
        return None  # a ceiling is a threshold: "chi bộ có dưới 5 đảng viên"
    return begin, qualifier, change is not None


def unit_of(match: RegexMatch) -> str:
    """The reported unit of a match with `unit` (and optional `luot`) groups."""
    unit = UNITS[match.group("unit").lower()].unit
    return f"lượt {unit}" if match.group("luot") else unit


def resolve_number_unit(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """Value, unit, qualifier and change flag of a number + noun.

    Returns None for a blocked number (see `_left`) and for a bare year ("2022 đảng
    viên"): real counts that large are written with a thousands dot.
    """
    left = _left(doc, m.start())
    if left is None:
        return None
    start, qualifier, change = left
    if m.group("num"):
        raw = m.group("num")
        value = parse_int(raw)
        if value is None or (raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100):
            return None
        number: float = value  # an int stays an int (no float rounding of 17+ digits)
    else:
        decimal = parse_decimal(m.group("dec"))
        if decimal is None:
            return None
        number = decimal
    if not _noun_reading(m, doc):
        return None
    if m.group("scale"):
        number *= _SCALES[m.group("scale").lower()]
    if isinstance(number, float) and not number.is_integer():
        return None
    return {"_start": start, "value": int(number), "unit": unit_of(m), "qualifier": qualifier, "is_change": change}


def _noun_reading(m: RegexMatch, doc: Doc) -> bool:
    """False for a verb "tổ chức" ("Chi bộ 3 tổ chức đại hội"), a copy "bản" ("3 bản cam
    kết") and a label's number before a post or such a noun ("Thôn 3 Bí thư …"); see
    count_nouns."""
    written = m.group("unit")
    word = " ".join(written.lower().split())
    if word in AMBIGUOUS and not organisation_noun(doc.text, m.end("unit")):
        return False
    if word in COMMITTEES and written[:1].isupper():
        return False
    return (word not in POSTS and word not in AMBIGUOUS) or not post_after_label(doc.text, m.start())


def resolve_word_unit(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """Read "hai chi bộ" -> 2; a capitalised word only at a sentence start ("Ba đồng chí").

    "Nguyễn Văn Ba đảng viên …" is a name, not a count.
    """
    word = m.group("word")
    if word[0].isupper():
        before = doc.text[max(0, m.start() - 3) : m.start()].rstrip()
        if before and before[-1] not in ".!?:;\n(\"'-":
            return None
    left = _left(doc, m.start())
    value = parse_number_word(word)
    if left is None or value is None:
        return None
    start, qualifier, change = left
    if not _noun_reading(m, doc):
        return None
    return {"_start": start, "value": value, "unit": unit_of(m), "qualifier": qualifier, "is_change": change}


def resolve_at_least_from(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """Read "từ 3 đảng viên chính thức trở lên" -> 3, qualifier "từ"."""
    value = parse_int(m.group("num"))
    if value is None:
        return None
    return {"value": value, "unit": unit_of(m), "qualifier": "từ", "is_change": False}


PATTERNS: tuple[Pattern, ...] = (
    Pattern("count.at_least_from", _AT_LEAST_FROM, resolve_at_least_from),
    Pattern("count.number_unit", _NUMBER_UNIT, resolve_number_unit),
    Pattern("count.word_unit", _WORD_UNIT, resolve_word_unit),
)


_KINDS = {row.unit: row.kind for row in UNITS.values()}


def _kind(unit: str) -> str:
    return "visit" if unit.startswith("lượt ") else _KINDS.get(unit, "other")


# Where word_unit can start, found by a stdlib scan (see `gated`): a number word as
# written in the list (case-sensitive, as the shape), then a space.
_WORD_GATE = re.compile(trie(_LISTS["nwords"]) + r"\s")


def _hits(doc: Doc, patterns: Sequence[Pattern]) -> list[_Hit]:
    found: dict[str, list[_Hit]] = {p.name: [] for p in patterns}

    def add(pattern: Pattern, m: RegexMatch) -> None:
        start, end = m.span()
        if doc.is_excluded(start, end):
            return
        fields = pattern.resolve(m, doc)
        if fields is not None:
            start = fields.pop("_start", start)
            found[pattern.name].append(_Hit(start, end, pattern.name, fields, _kind(fields["unit"])))

    for pattern in patterns:
        if pattern.regex is _WORD_UNIT:
            matches = gated(doc, pattern.regex, starts(_WORD_GATE, doc.text))
        else:
            matches = doc.finditer(pattern.regex)
        for m in matches:
            add(pattern, m)
    return longest_first([hit for p in patterns for hit in found[p.name]])


def extract(doc: Doc) -> list[Count]:
    """Return the counts found in `doc`, in text order.

    >>> from party_reports.text import normalise
    >>> doc = Doc(normalise("có 62 chi bộ trực thuộc với 1.988 ĐV"))
    >>> doc.start_clock()
    >>> [(c.value, c.unit) for c in extract(doc)]
    [(62, 'chi bộ'), (1988, 'đảng viên')]
    >>> doc = Doc(normalise("trao Huy hiệu 30 năm tuổi Đảng, đề ra 6 nhiệm vụ"))
    >>> doc.start_clock()
    >>> extract(doc)
    []
    """
    counts: list[Count] = []
    for hit in _link(doc, _hits(doc, PATTERNS)):
        links: dict[str, Span | None] = {
            "paired_with": doc.span(*hit.paired_with) if hit.paired_with else None,
            "part_of": doc.span(*hit.part_of) if hit.part_of else None,
        }
        counts.append(Count(**doc.mention(hit.start, hit.end, hit.rule), **hit.fields, **links))
    return counts
