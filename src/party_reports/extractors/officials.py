"""Officials: named people with the roles the article gives them, merged per person.

Forms handled (the pattern name is the item's `rule`):

- ``officials.honorific_name``: an honorific, the name, then roles split at "," "-" ":"
  "đồng chí Lương Thị Hạnh - UVTV, Trưởng Ban Tổ chức Quận uỷ" -> ["UVTV", "Trưởng Ban Tổ chức Quận uỷ"];
  "Đồng chí Trịnh Thị Bích Ngọc - QUV, Bí thư Đảng ủy Khối chủ trì" (the roles stop at a
  clause word); "đ/c Nguyễn Ngọc Mỹ - Chủ tịch Hội CCB tỉnh"; "Ông Phạm Văn Thảo- Bí thư Đảng uỷ
  phường"; "đồng chí NGUYỄN THỊ LAN, Bí thư Chi bộ" -> "Nguyễn Thị Lan"; the role before the
  name: "đồng chí Bí thư Tỉnh ủy Đỗ Trọng Hưng"; elected roles: "bầu đồng chí A giữ chức Bí thư";
  caption notes skipped: "Đồng chí A (thứ 3 từ trái sang)".  "đồng chí"/"đ/c" and member words
  ("quần chúng ưu tú A") keep a person with no role; "ông", "bà", "anh", "chị" need a role.
- ``officials.title_before_name``: news style, no honorific: "Phó Bí thư Thường trực Tỉnh ủy
  Lê Văn Dũng"; "Bí thư Huyện ủy Bố Trạch Đinh Hữu Thành" (the place between stays in the
  title; the person starts at a family name); "Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy A";
  ranks: "Đại tá Nguyễn Văn A, Giám đốc Công an tỉnh"; plural: "các Phó Chủ tịch HĐND tỉnh A, B".
- ``officials.name_then_title``: a name directly followed by a role: "Nguyễn Châu Giang – Bí thư Chi bộ II".
- ``officials.list_entry``: lists after a colon: "các đồng chí: A, T1, T2; B - T3",
  "gồm: Phạm Thị Yến Nhi, Hồ Thành Long" (new members, titles []).

Deliberately rejected: a role with no name ("đồng chí Bí thư Đảng ủy đã trình bày"); bylines
and photo credits (no anchor: "Ảnh: Phương Nam"); organisations and places in capitals
("Đảng bộ khối Doanh nghiệp huyện Đông Anh"); historical figures and the streets, schools and
wards named after them ("tư tưởng Hồ Chí Minh", "Chủ tịch Hồ Chí Minh", "Trường THPT Nguyễn
Trãi", "phường Phùng Chí Kiên" unless the name is also used for a person); two-syllable names
after a title without an honorific ("Bí thư Huyện ủy Mai Sơn").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

import regex
from pydantic import BaseModel

from ..lexicon import load
from ..models import Official
from ..patterns import Doc, Pattern, RegexMatch, compile_verbose, trie
from ..text import fold as _fold_raw


def fold(text: str) -> str:
    """A matching key for text that is already normalised (the lexicons and `doc.text`).

    >>> fold("  Quận  Ủy ")
    'quận ủy'
    """
    return " ".join(text.lower().split())


class TitleRow(BaseModel):
    phrase: str
    kind: Literal["head", "rank", "modifier", "abbr"]
    expansion: str | None = None
    starts_title: bool = True


class SurnameRow(BaseModel):
    surname: str
    group: str = "kinh"


class WordRow(BaseModel):
    word: str
    kind: str = "complement"


class NameRow(BaseModel):
    name: str


TITLES = load("titles", TitleRow)
SURNAMES = load("surnames", SurnameRow)
HONORIFICS = load("officials_honorifics", WordRow)
TITLE_WORDS = load("officials_title_words", WordRow)
PLACES = load("officials_places", NameRow)
NOT_PERSONS = load("officials_not_persons", NameRow)
MIDDLE_NAMES = load("middle_names", WordRow)


def _phrases(rows: tuple[TitleRow, ...] | tuple[WordRow, ...], kind: str) -> list[str]:
    return [r.phrase if isinstance(r, TitleRow) else r.word for r in rows if r.kind == kind]


_LISTS: dict[str, list[str]] = {
    "heads": _phrases(TITLES, "head"),
    "ranks": _phrases(TITLES, "rank"),
    "mods": [m for m in _phrases(TITLES, "modifier") if m != "các"],
    "abbr_start": [r.phrase for r in TITLES if r.kind == "abbr" and r.starts_title],
    "words": _phrases(TITLE_WORDS, "complement"),
    "capwords": _phrases(TITLE_WORDS, "cap_complement"),
    "connectors": _phrases(TITLE_WORDS, "connector"),
    "positions": _phrases(TITLE_WORDS, "position"),
    "verbs": _phrases(TITLE_WORDS, "verb"),
    "surnames": [r.surname for r in SURNAMES],
    "hon": [r.word for r in HONORIFICS],
}


def _compile(source: str) -> regex.Pattern[str]:
    """`compile_verbose` with the named lists that `source` uses."""
    used = {k: v for k, v in _LISTS.items() if f"\\L<{k}>" in source}
    return compile_verbose(source, 0, **used)


_EXPANSIONS = {r.phrase: r.expansion for r in TITLES if r.kind == "abbr" and r.expansion}
_SURNAME_KEYS = {_fold_raw(r.surname) for r in SURNAMES}
_MIDDLE_KEYS = {_fold_raw(r.word) for r in MIDDLE_NAMES}
_HON_KIND = {_fold_raw(r.word): r.kind for r in HONORIFICS}
_RANK_KEYS = {_fold_raw(p) for p in _LISTS["ranks"]}
_PLACE_KEYS = {_fold_raw(r.name) for r in PLACES}
_NOT_PERSON_KEYS = {_fold_raw(r.name) for r in NOT_PERSONS}
_PLACE_NOUNS = {_fold_raw(w) for w in _phrases(TITLE_WORDS, "place_noun")} | {
    "xã", "phường", "thị trấn", "thôn", "ấp", "bản", "xóm", "khu phố", "trường"}
# Capitalised words that never occur inside a personal name (organisation heads).
_ORG_WORDS = {"ban", "đảng", "hội", "khối", "ủy", "uỷ", "sở", "phòng", "huyện", "tỉnh", "quận",
              "xã", "phường", "bộ", "cục", "viện", "ubnd", "hđnd"}

# --- shapes -------------------------------------------------------------------------------

_SP = r"[^\S\n]"  # a space that does not cross a line: captions and bylines are lines
_END = r"(?![\p{L}\p{M}\p{N}])"
_CAP = r"(?-i:\p{Lu}[\p{L}\p{M}]*(?:'[\p{L}\p{M}]+)?)"  # "Nguyễn", "NGUYỄN", "H'Hen"
_HEAD = rf"(?:(?:\L<mods>){_SP}+){{0,3}}(?:\L<heads>|\L<ranks>|(?-i:\L<abbr_start>)){_END}"

# A word a title may continue with.  Capitalised words are taken as they come (place and
# organisation names); the caller cuts a person's name out of the title afterwards.
_COMP = rf"""
  (?: (?-i:\L<capwords>){_END}                       # Ban Tổ chức, Ủy ban Kiểm tra
    | \L<words>{_END}                                  # tỉnh, thường trực, nhân dân …
    | (?:(?:\L<mods>){_SP}+)*\L<heads>{_END}          # "Bí thư Chi bộ kiêm trưởng thôn"
    | (?-i:\p{{Lu}}[\p{{L}}\p{{M}}]*(?:[.'][\p{{L}}\p{{M}}]+)*)   # Capitalised word, UBND, T.Ư
    | \d{{1,4}}{_END}                                  # Chi bộ 5, Phường 12
    | (?:và|kiêm){_END}(?={_SP}+(?-i:\p{{Lu}}))        # Tài nguyên và Môi trường
    | kiêm{_END}(?={_SP}+(?:(?:\L<mods>){_SP}+)*\L<heads>)
  )"""
# One title: a head, then up to 16 words.
_TITLE_SRC = rf"(?<![\p{{L}}\p{{M}}]){_HEAD}(?:{_SP}+{_COMP}){{0,16}}"
# The rest of an organisation name after a dash: "Lao động - Thương binh và Xã hội huyện".
_TAIL_SRC = rf"(?=(?-i:\p{{Lu}})){_COMP}(?:{_SP}+{_COMP}){{0,12}}"
_TITLE = _compile(_TITLE_SRC)
_HEAD_AT = _compile(rf"(?:\L<heads>|\L<ranks>|(?:\L<mods>){_SP}+\L<heads>|(?-i:\L<abbr_start>)){_END}")
_NAME_RUN = compile_verbose(rf"{_CAP}(?:{_SP}+{_CAP}){{0,7}}")
# Between a name and its role, or between roles.
_SEP = compile_verbose(rf"{_SP}*(?P<sep>[,:]|-)?{_SP}*")
_CONNECTOR = _compile(rf"{_SP}*,?{_SP}+(?:\L<connectors>){_SP}+")  # ", đồng thời là"
_POSITION_NOTE = _compile(rf"{_SP}*\((?:\L<positions>){_END}[^()\n]{{0,40}}\)")
# A short aside between a name and its role: "(sinh năm 1929)", "(thôn Lao Chải)", "(SN 1990)".
_ASIDE = compile_verbose(rf"{_SP}*\((?!\d{{1,2}}/)[^()\n]{{1,40}}\)(?={_SP}*[,:-])")
_TAIL = _compile(_TAIL_SRC)
_LIST_SEP = compile_verbose(rf"{_SP}*(?:;|,|và{_END}){_SP}*(?:(?:đồng{_SP}+chí|đ/c){_SP}+)?")
_VERB_AFTER = _compile(rf"{_SP}*,?{_SP}*(?:\L<verbs>){_END}")
_COLON_AHEAD = compile_verbose(rf"{_SP}*(?:[^\n:;.()]{{0,60}}?)?:{_SP}*")
_TOKEN = regex.compile(r"\S+")
_TITLE_CASE = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*(?:'\p{L}[\p{Ll}\p{M}]*)?")
_UPPER_TOKEN = regex.compile(r"[\p{Lu}\p{M}']+")

# Anchors: one alternation, one finditer pass.  NOTE: keep group names in step with PATTERNS.
# Anchors are matched case-sensitively against spelling variants of each word (lower, Capital,
# Title Case, UPPER): much faster than a case-blind list, and a capital can be required.
def _variants(words: list[str]) -> list[str]:
    out: set[str] = set()
    for w in words:
        out |= {w, w.lower(), w[:1].upper() + w[1:], w.title(), w.upper()}
    return sorted(out)


_CS_LISTS: dict[str, list[str]] = {
    "hon_v": _variants(_LISTS["hon"]),
    "head_v": _variants(_LISTS["heads"] + _LISTS["ranks"]) + [a for a in _LISTS["abbr_start"] if len(a) > 2],
    "sur_v": sorted({w for s in _LISTS["surnames"] for w in (s, s.upper())}),
}





def _inline(source: str) -> str:
    """`source` with its ``\\L<name>`` variant lists written out as prefix trees."""
    for key, words in _CS_LISTS.items():
        source = source.replace(f"\\L<{key}>", trie(words))
    return source


def _compile_cs(source: str) -> regex.Pattern[str]:
    """A case-sensitive VERBOSE pattern with its variant lists inlined."""
    return regex.compile(_inline(source), regex.VERBOSE | regex.V0)


# The anchor sources use only syntax that both `regex` and the standard `re` accept
# (no \p{..}): see `_ANCHOR` for why the scan itself runs on `re`.
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha())
_UP = f"[{_UPPER}]"
_HONORIFIC_SRC = rf"""
    (?: [cC]ác[ \t]+\L<hon_v>\b(?=[^\n:;.()]{{0,60}}:)             # "các đồng chí trong BTV:"
      | (?:[cC]ác[ \t]+)?\L<hon_v>\b(?=[ \t]*:?[ \t]*{_UP})        # a capital follows
    )"""
_TITLE_ANCHOR_SRC = r"\L<head_v>\b"
# A name followed by a separator; the caller checks that a role comes next.
_BARE_SRC = rf"\L<sur_v>\b(?:[ \t]+{_UP}\w*){{1,4}}(?=[ \t]*[-,:])"
_LIST_SRC = r"""[gG]ồm(?:[ \t]+(?:có|các|\d{1,3}))?                  # "gồm", "gồm các", "gồm 5"
    (?:[ \t]+(?:đồng[ \t]+chí|đảng[ \t]+viên|quần[ \t]+chúng(?:[ \t]+ưu[ \t]+tú)?|ông|bà))?
    [ \t]*:[ \t]*"""


@dataclass
class _Person:
    name_start: int
    name_end: int
    titles: list[tuple[int, int]] = field(default_factory=list)
    start: int = -1
    weak: bool = False
    elected: int | None = None  # index of the first role given by "được bầu làm", "giữ chức" …


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


def expand_title(title: str) -> str:
    """Spell out the abbreviations in a title.

    >>> expand_title("UVBTV Huyện ủy")
    'Ủy viên Ban Thường vụ Huyện ủy'
    >>> expand_title("PCT UBND huyện")
    'Phó Chủ tịch Ủy ban nhân dân huyện'
    >>> expand_title("Bí thư Chi bộ")
    'Bí thư Chi bộ'
    """
    return _ABBR.sub(lambda m: _EXPANSIONS[m.group()], title)


_ABBR = compile_verbose(r"(?<![\p{L}\p{M}.])(?-i:\L<abbr>)(?![\p{L}\p{M}])", abbr=list(_EXPANSIONS))


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
    alone = len(keep) == 1 and _HIGHLANDS_NAME.match(doc.text, keep[0][0]) is not None  # "Ông K'Prông"
    if not (2 <= len(keep) <= 5 or alone) or _HEAD_AT.match(doc.text, keep[0][0]):
        return None
    return keep[0][0], keep[-1][1]


def _post_titles(doc: Doc, pos: int, person: _Person) -> int:
    """Read the roles after a name into `person`; return where reading stopped."""
    text = doc.text
    for _ in range(10):
        note = _POSITION_NOTE.match(text, pos) or (_ASIDE.match(text, pos) if not person.titles else None)
        if note:
            pos = note.end()
        conn = _CONNECTOR.match(text, pos)
        sep = _SEP.match(text, pos)
        assert sep is not None
        begin = conn.end() if conn else sep.end()
        if not conn and sep.group("sep") is None and (person.titles or sep.end() == pos):
            break
        t = _TITLE.match(text, begin)
        inner = _name_in_title(doc, t.start(), t.end(), 3) if t else None
        if t and inner is None:
            person.titles.append((t.start(), t.end()))
            if person.elected is None and conn is not None and _ELECTED.search(conn.group()):
                person.elected = len(person.titles) - 1
            pos = t.end()
            continue
        if t and inner is not None:
            head = text[t.start() : inner[0]].rstrip(" -,")
            if head.endswith(" và") and len(head) > 3:
                # "A, Bí thư Huyện ủy và B, Chủ tịch …": the title ends before "và B"
                person.titles.append((t.start(), t.start() + len(head) - 3))
                pos = t.start() + len(head) - 3
            break
        if not t and sep.group("sep") == "-" and person.titles:
            tail = _TAIL.match(text, begin)
            if tail:  # "Phòng Lao động - Thương binh và Xã hội": one title across a dash
                person.titles[-1] = (person.titles[-1][0], tail.end())
                pos = tail.end()
                continue
        break
    note = _POSITION_NOTE.match(text, pos)
    return note.end() if note else pos


def _pre_titles(doc: Doc, pos: int, min_len: int) -> tuple[_Person | None, int]:
    """Roles before a name ("Phó Bí thư Tỉnh ủy Lê Văn Dũng"): the person, and where it ends."""
    text = doc.text
    titles: list[tuple[int, int]] = []
    for _ in range(6):
        t = _TITLE.match(text, pos)
        if t is None:
            break
        found = _name_in_title(doc, t.start(), t.end(), min_len)
        if found:
            name_start, name_end, weak = found
            cut = _title_end(text, t.start(), name_start)
            if cut > t.start():
                titles.append((t.start(), cut))
            person = _Person(name_start, name_end, titles, titles[0][0] if titles else name_start, weak)
            return person, name_end
        end = t.end()
        sep = _SEP.match(text, end)
        assert sep is not None
        tail = _TAIL.match(text, sep.end()) if sep.group("sep") == "-" else None
        if tail and not _HEAD_AT.match(text, sep.end()):
            # "Trưởng phòng Lao động - Thương binh và Xã hội huyện Đỗ Văn Lâm": one title across a dash
            found = _name_in_title(doc, tail.start(), tail.end(), min_len)
            if found:
                cut = _title_end(text, t.start(), found[0])
                person = _Person(found[0], found[1], [*titles, (t.start(), cut)], t.start(), found[2])
                person.start = (titles[0][0] if titles else t.start())
                return person, found[1]
            return None, tail.end()
        titles.append((t.start(), end))
        if sep.group("sep") not in ("-", ","):
            return None, end
        pos = sep.end()
    return None, pos


def _title_end(text: str, start: int, name_start: int) -> int:
    return start + len(text[start:name_start].rstrip(" -,"))


@dataclass
class _Found:
    person: _Person
    rule: str
    keep_untitled: bool


def _entry(doc: Doc, pos: int, rule: str, keep_untitled: bool, known: bool) -> tuple[_Found | None, int]:
    """One person at `pos` in honorific or list context: pre-roles or a name, then roles."""
    text = doc.text
    if _HEAD_AT.match(text, pos):
        person, end = _pre_titles(doc, pos, 3)
        if person is None:
            return None, end
        end = _post_titles(doc, end, person)
        return _Found(person, rule, keep_untitled), end
    span = _direct_name(doc, pos)
    if span is None:
        return None, pos
    person = _Person(span[0], span[1], start=span[0])
    end = _post_titles(doc, span[1], person)
    toks = _tokens(text, span[0], span[1])
    if not _valid_name(text, toks, known and not person.titles):
        return None, span[1]
    return _Found(person, rule, keep_untitled), end


def _resolve_honorific(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    text = doc.text
    words = m.group().split()
    plural = fold(words[0]) == "các"
    kind = _HON_KIND.get(fold(" ".join(words[1:] if plural else words)), "courtesy")
    keep = kind in ("comrade", "member", "courtesy")  # the gold lists named people with no role too
    if plural:  # "các đồng chí: A, T; B, T" or "các đồng chí trong Ban Thường vụ: A, …"
        colon = _COLON_AHEAD.match(text, m.end())
        result = _list(doc, colon.end() if colon else _skip_space(text, m.end()), keep, "officials.list_entry")
        shared = _shared_title(text, m.end(), text.rfind(":", m.end(), colon.end())) if colon else None
        if shared is not None:  # "các đồng chí Ủy viên Ban Thường vụ Huyện ủy: A, T1; B, T2"
            for f in result["found"]:
                f.person.titles.insert(0, shared)
        return result
    found, end = _entry(doc, _skip_space(text, m.end()), "officials.honorific_name", keep, True)
    return {"found": [found] if found else [], "end": end}


def _shared_title(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The title written once before a colon for every person listed after it, if any."""
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    t = _TITLE.match(text, start + lead, end)
    if t is None or t.end() != len(text[:end].rstrip()) or _name_in_title_text(text, t.start(), t.end()):
        return None
    return t.start(), t.end()


def _name_in_title_text(text: str, start: int, end: int) -> bool:
    """True when a capitalised run inside the span starts with a family name (a person)."""
    return any(is_surname(text[s:e]) for s, e in _tokens(text, start, end)[1:] if text[s:e][:1].isupper())


_SPACES = compile_verbose(rf"{_SP}*:?{_SP}*")


def _skip_space(text: str, pos: int) -> int:
    m = _SPACES.match(text, pos)
    return m.end() if m else pos


# Connectors that give a role by election or appointment (shared by "A và B …"), not "kiêm".
_ELECTED = regex.compile(r"bầu|giữ\s+chức|bổ\s+nhiệm|đắc\s+cử", regex.IGNORECASE)


def _joined_by_and(text: str, first: _Found, second: _Found) -> bool:
    """True when only "và" (or "và đồng chí") stands between two names."""
    end = max([first.person.name_end] + [e for _, e in first.person.titles])
    between = text[end : second.person.name_start].replace(",", " ").split()
    return bool(between) and between[0].lower() == "và" and len(between) <= 3


def _list(doc: Doc, pos: int, keep: bool, rule: str) -> dict[str, Any]:
    out: list[_Found] = []
    end = pos
    misses = 0
    for _ in range(40):
        found, end = _entry(doc, pos, rule, keep, True)
        if found is None:
            # one entry we cannot read as a name does not end the list: skip it if a list
            # separator follows ("gồm: A, <unreadable>, B và C"); two in a row do.
            skipped = _NAME_RUN.match(doc.text, pos)
            misses += 1
            if skipped is None or misses > 1:
                break
            sep = _LIST_SEP.match(doc.text, skipped.end())
            if sep is None or sep.end() == skipped.end():
                break
            pos = sep.end()
            continue
        misses = 0
        if found.person.elected is not None and out and _joined_by_and(doc.text, out[-1], found):
            # "A và B được bầu làm Phó Bí thư", "A, Chủ tịch UBND xã, và B được bầu giữ chức …"
            shared = found.person.titles[found.person.elected :]
            out[-1].person.titles.extend(t for t in shared if t not in out[-1].person.titles)
        out.append(found)
        sep = _LIST_SEP.match(doc.text, end)
        if sep is None:
            break
        pos = sep.end()
    return {"found": out, "end": end}


_MODS_BEFORE = _compile(rf"(?:(?<![\p{{L}}\p{{M}}])(?:\L<mods>|các){_SP}+){{1,3}}\Z")


def _resolve_title(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    start = m.start()
    mods = _MODS_BEFORE.search(doc.text, max(0, start - 30), start)  # "các Phó", "nguyên"
    plural = False
    if mods:
        plural = fold(mods.group()).startswith("các")
        start = mods.start() + (len(mods.group()) - len(mods.group().lstrip()) if plural else 0)
        if plural:
            start = mods.start() + len(mods.group().split()[0]) + 1
    person, end = _pre_titles(doc, start, 3)
    if person is None:
        return {"found": [], "end": end}
    if all(fold(doc.text[s:e]) in _RANK_KEYS for s, e in person.titles):
        end = _post_titles(doc, end, person)  # "Đại tá Nguyễn Văn A, Giám đốc Công an tỉnh"
    found = [_Found(person, "officials.title_before_name", True)]
    while plural:  # "các Phó Chủ tịch HĐND tỉnh A, B và C"
        sep = _LIST_SEP.match(doc.text, end)
        span = _direct_name(doc, sep.end()) if sep else None
        if span is None or not _valid_name(doc.text, _tokens(doc.text, *span), True):
            break
        other = _Person(span[0], span[1], list(person.titles), span[0], person.weak)
        found.append(_Found(other, "officials.title_before_name", True))
        end = span[1]
    return {"found": found, "end": end}


def _resolve_bare(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    sep = _SEP.match(doc.text, m.end())
    if sep is None or not _HEAD_AT.match(doc.text, sep.end()):
        return {"found": [], "end": m.end()}
    found, end = _entry(doc, m.start(), "officials.name_then_title", False, True)
    return {"found": [found] if found else [], "end": end}


def _resolve_list(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    return _list(doc, m.end(), True, "officials.list_entry")


PATTERNS: tuple[Pattern, ...] = (
    Pattern("officials.honorific_name", _compile_cs(_HONORIFIC_SRC), _resolve_honorific),
    Pattern("officials.list_entry", _compile_cs(_LIST_SRC), _resolve_list),
    Pattern("officials.title_before_name", _compile_cs(_TITLE_ANCHOR_SRC), _resolve_title),
    Pattern("officials.name_then_title", _compile_cs(_BARE_SRC), _resolve_bare),
)
# The scan: one prefix tree of every word a shape can start with, on the standard `re`
# engine.  Its top level is a branch of single literal characters, so `re` skips ahead
# in C to the next possible first letter (a leading \b or a named group would turn
# that off); the word boundary before the word is checked right after its first
# letter.  At each hit the shapes are tried in PATTERNS order, the first that matches
# wins, and scanning resumes after that match, as one alternation of the shapes would.
# A prefix tree cannot backtrack, so the time budget is checked in the loop instead
# of via `doc.finditer` (see `extract`).
def _starter_trie(words: list[str]) -> str:
    """`trie` of `words` with a word-boundary check after each first letter.

    >>> print(_starter_trie(["ab", "b"]))
    (?:a(?<!\\w.)b|b(?<!\\w.))
    """
    firsts: dict[str, list[str]] = {}
    for w in words:
        firsts.setdefault(w[0], []).append(w[1:])
    alts = []
    for ch, rests in sorted(firsts.items()):
        tails = [r for r in rests if r]
        body = trie(tails) if tails else ""
        if tails and "" in rests:
            body = "(?:" + body + ")?"
        alts.append(re.escape(ch) + r"(?<!\w.)" + body)
    return "(?:" + "|".join(alts) + ")"


# The words each shape (in PATTERNS order) can start with.  NOTE: keep in step with the
# sources of PATTERNS (_HONORIFIC_SRC, _LIST_SRC, _TITLE_ANCHOR_SRC, _BARE_SRC).
_SHAPE_STARTERS: tuple[frozenset[str], ...] = (
    frozenset({"các", "Các"} | set(_CS_LISTS["hon_v"])),
    frozenset({"gồm", "Gồm"}),
    frozenset(_CS_LISTS["head_v"]),
    frozenset(_CS_LISTS["sur_v"]),
)
_STARTERS = sorted(set().union(*_SHAPE_STARTERS))
_ANCHOR = re.compile(_starter_trie(_STARTERS))
_SHAPES_FOR: dict[str, tuple[Pattern, ...]] = {}


def _shapes_for(word: str) -> tuple[Pattern, ...]:
    """The shapes that can start with `word` or with one of its prefixes, in PATTERNS order."""
    shapes = _SHAPES_FOR.get(word)
    if shapes is None:
        prefixes = {word[:i] for i in range(1, len(word) + 1)}
        shapes = tuple(p for p, starters in zip(PATTERNS, _SHAPE_STARTERS, strict=True) if prefixes & starters)
        if len(_SHAPES_FOR) < 4096:
            _SHAPES_FOR[word] = shapes
    return shapes


def extract(doc: Doc) -> list[Official]:
    """Every named official in `doc`, one item per person, in order of first mention."""
    found: list[_Found] = []
    consumed = 0
    resume = 0  # where the shape matched at the last hit ends: hits before it are inside it
    text = doc.text
    for count, m in enumerate(_ANCHOR.finditer(text)):
        if count % 256 == 0:
            doc.remaining()  # raises ExtractionTimeout past the budget
        start = m.start()
        if start < resume:
            continue
        for pattern in _shapes_for(m.group()):
            branch = pattern.regex.match(text, start)
            if branch is not None:
                break
        else:
            continue
        resume = branch.end()
        if start < consumed or doc.is_excluded(start, branch.end()):
            continue
        result = pattern.resolve(branch, doc)
        if result is None:
            continue
        found.extend(result["found"])
        consumed = max(consumed, result["end"], branch.end() if result["found"] else 0)
    return _merge(doc, found)


def _merge(doc: Doc, found: list[_Found]) -> list[Official]:
    text = doc.text
    strong = {fold(text[f.person.name_start : f.person.name_end]) for f in found if not f.person.weak}
    people: dict[str, dict[str, Any]] = {}
    for f in found:
        p = f.person
        if doc.is_excluded(p.name_start, p.name_end):
            continue
        key = fold(text[p.name_start : p.name_end])
        if p.weak and key not in strong and not _VERB_AFTER.match(text, p.name_end):
            continue
        if not p.titles and not f.keep_untitled and key not in people:
            continue
        end = max([p.name_end] + [e for _, e in p.titles])
        start = min([p.name_start, p.start] + [s for s, _ in p.titles])
        mention = doc.mention(start, end, f.rule)
        titles = [doc.as_written(s, e) for s, e in p.titles]
        titles = [" ".join(t.split()) for t in titles if t.strip()]
        if key not in people:
            name = name_case(doc.as_written(p.name_start, p.name_end))
            people[key] = {**mention, "name": name, "titles": [], "mentions": []}
        entry = people[key]
        entry["mentions"].append(doc.span(start, end))
        for t in titles:
            if fold(t) not in {fold(x) for x in entry["titles"]}:
                entry["titles"].append(t)
    out = []
    for entry in people.values():
        entry["titles_expanded"] = [expand_title(t) for t in entry["titles"]]
        out.append(Official(**entry))
    return sorted(out, key=lambda o: o.start)
