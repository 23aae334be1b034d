"""Is it a person: family names, name case, where a name starts in a capitalised run."""

from __future__ import annotations

import unicodedata

import regex

from ...patterns import Doc
from .patterns import _HEAD_AT, _NAME_RUN, _TITLE_CASE, _TOKEN, _UPPER_TOKEN, _VERB_AFTER, _WRAP, _WRAP_END
from .words import (
    _MIDDLE_KEYS,
    _NOT_PERSON_KEYS,
    _ORG_WORDS,
    _PLACE_KEYS,
    _PLACE_NOUNS,
    _RANK_KEYS,
    _SURNAME_KEYS,
    fold,
)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text, start, end)]


# Central Highlands names open with a capital, an apostrophe and a capital: "H'Hen", "K'Prông".
_HIGHLANDS_NAME = regex.compile(r"\p{Lu}'\p{Lu}")


def is_surname(word: str) -> bool:
    """True when `word` can open a Vietnamese personal name.

    >>> is_surname("Nguyễn"), is_surname("NGÔ"), is_surname("H'Hen"), is_surname("K'Prông")
    (True, True, True, True)
    >>> is_surname("Ban")
    False
    """
    return fold(word) in _SURNAME_KEYS or _HIGHLANDS_NAME.match(word) is not None


def name_case(raw: str) -> str:
    """The name as written, NFC, with capital-only syllables put in Title Case.

    >>> name_case("NGUYỄN THỊ  LAN")
    'Nguyễn Thị Lan'
    >>> name_case("H'Hen Niê")
    "H'Hen Niê"
    """
    out = []
    for tok in unicodedata.normalize("NFC", raw).split():
        out.append(tok[:1] + tok[1:].lower() if len(tok) > 1 and _UPPER_TOKEN.fullmatch(tok) else tok)
    return " ".join(out)


def _valid_name(text: str, toks: list[tuple[int, int]], known_surname: bool) -> bool:
    words = [text[s:e] for s, e in toks]
    key = fold(" ".join(words))
    if key in _NOT_PERSON_KEYS or key in _PLACE_KEYS:
        return False
    if known_surname and not (is_surname(words[0]) or _middle_marked(words)):
        return False
    return not any(fold(w) in _ORG_WORDS for w in words[1:])


def _middle_marked(words: list[str]) -> bool:
    """A 3-4 word run whose second word is a middle name: a person even with a rare family name.

    >>> _middle_marked(["Quang", "Minh", "Hiếu"]), _middle_marked(["Kha", "Thị", "Ngọc", "Trâm"])
    (True, True)
    >>> _middle_marked(["Long", "Biên"]), _middle_marked(["Ban", "Tổ", "Chức"])
    (False, False)
    """
    return 3 <= len(words) <= 4 and fold(words[1]) in _MIDDLE_KEYS and _TITLE_CASE.fullmatch(words[0]) is not None


def _split_run(text: str, run: list[tuple[int, int]], min_len: int) -> tuple[int, int] | None:
    """Where the person starts in a capitalised run after a title: (first, last+1) indexes."""
    words = [fold(text[s:e]) for s, e in run]
    skip = 0
    for k in (4, 3, 2, 1):
        if len(words) > k and " ".join(words[:k]) in _PLACE_KEYS:
            skip = k
            break
    if skip:
        min_len = 2  # "Chủ tịch UBND tỉnh Quảng Bình Trần Thắng": the place marks where the name starts
    n = len(run) - skip
    if skip == 0 and 3 <= n <= 4 and n >= min_len and _middle_marked([text[s:e] for s, e in run]):
        return 0, len(run)  # "Đại tá Lù Văn Pao": a rare family name, read by its middle name
    if n >= 3 and len(words[skip]) == 1 and is_surname(text[run[skip + 1][0] : run[skip + 1][1]]):
        skip += 1  # "Chi bộ khu A Nguyễn Văn Bình": a one-letter unit name, then the person
        n -= 1
    if 2 <= n <= 4 and n >= min_len and is_surname(text[run[skip][0] : run[skip][1]]):
        return skip, len(run)
    for length in (3, 4, 2):
        j = len(run) - length
        if length >= min_len and j > skip and is_surname(text[run[j][0] : run[j][1]]):
            return j, len(run)
    return None


def _name_in_title(doc: Doc, start: int, end: int, min_len: int) -> tuple[int, int, bool] | None:
    """The person's name inside a matched title span: (start, end, weak) or None."""
    text = doc.text
    toks = _tokens(text, start, end)
    i = 0
    while i < len(toks):
        if not _TITLE_CASE.fullmatch(text, toks[i][0], toks[i][1]):
            i += 1
            continue
        j = i
        while j < len(toks) and _TITLE_CASE.fullmatch(text, toks[j][0], toks[j][1]):
            j += 1
        run = toks[i:j]
        before = fold(text[toks[i - 1][0] : toks[i - 1][1]]) if i > 0 else ""
        two_before = fold(text[toks[i - 2][0] : toks[i - 1][1]]) if i > 1 else ""
        need = 2 if before in _RANK_KEYS or two_before in _RANK_KEYS else min_len  # "Đại tá Lê Hùng"
        cut = _split_run(text, run, need)
        if cut is not None:
            name = run[cut[0] : cut[1]]
            if _valid_name(text, name, True):
                weak = cut[0] == 0 and before in _PLACE_NOUNS
                return name[0][0], name[-1][1], weak
        i = j
    return None


def _direct_name(doc: Doc, pos: int) -> tuple[int, int] | None:
    """A name starting exactly at `pos`, cut before any role word: (start, end)."""
    m = _NAME_RUN.match(doc.text, pos)
    if m is None:
        return None
    toks = _tokens(doc.text, m.start(), m.end())
    keep: list[tuple[int, int]] = []
    title_case = bool(toks) and _TITLE_CASE.fullmatch(doc.text, toks[0][0], toks[0][1]) is not None
    for s, e in toks:
        if keep and _HEAD_AT.match(doc.text, s):
            break
        if keep and title_case and e - s > 1 and _UPPER_TOKEN.fullmatch(doc.text, s, e):
            break  # "Võ Tấn Lực BTĐU": an abbreviated role glued to a Title Case name
        keep.append((s, e))
    if keep == toks and len(keep) <= 3:
        keep += _wrapped(doc.text, keep)
    alone = len(keep) == 1 and _HIGHLANDS_NAME.match(doc.text, keep[0][0]) is not None  # "Ông K'Prông"
    if not (2 <= len(keep) <= 5 or alone) or _HEAD_AT.match(doc.text, keep[0][0]):
        return None
    return keep[0][0], keep[-1][1]


def _wrapped(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words a name goes on with on the next line, when a scraper wrapped it there.

    "đồng chí Nguyễn Văn\\nAn - Bí thư": at most four words in all, the next line's words
    are no role or organisation word, and a separator or a clause verb follows them.
    """
    brk = _WRAP.match(text, toks[-1][1])
    more = _NAME_RUN.match(text, brk.end()) if brk else None
    if more is None:
        return []
    extra = _tokens(text, more.start(), more.end())[: 4 - len(toks)]
    if any(_HEAD_AT.match(text, s) or fold(text[s:e]) in _ORG_WORDS for s, e in extra):
        return []
    if fold(text[extra[0][0] : extra[-1][1]]) in _PLACE_KEYS:  # "Lê Hùng\nHà Nội, ngày …"
        return []
    after = extra[-1][1]
    return extra if _WRAP_END.match(text, after) or _VERB_AFTER.match(text, after) else []


def _name_in_title_text(text: str, start: int, end: int) -> bool:
    """True when a capitalised run inside the span starts with a family name (a person)."""
    return any(is_surname(text[s:e]) for s, e in _tokens(text, start, end)[1:] if text[s:e][:1].isupper())
