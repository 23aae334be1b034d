"""Bylines and photo credits: who wrote the article, as printed (REFERENCE §3.6).

A byline is a short LINE of names, under the title or at the end of the article.

Forms handled:
- a name: "Ngô Thiệu Phương Nam", "Phương Nam", "THU HƯƠNG", "Piên", "Trần Quốc Khánh,"
- initials: "N.Mai", "T.Vương", "D.Q", "T.LĨNH - V.ANH" (two authors)
- several: "Vũ Nguyệt - Nhật Quang", "Ngọc Ánh, Piên", "Hằng Nga và Minh Anh"
- desk and collective bylines, kept as written: "PV", "P.V", "BTV", "BAN BIÊN TẬP", "Nhóm PV"
- a label before: "Tin, ảnh: Tuấn Anh", "Bài và ảnh: HÀ MY", "Tác giả: Lê Thị Hoa", "Thực hiện: A - B",
  "Bài: Hằng Nga - Ảnh: Tuấn Anh" (the photo part is a credit, not an author)
- a note after a name: "Kim Thủy (CTV)" -> "Kim Thủy"; an organisation after it:
  "Minh Kiên - Trung tâm Văn hóa huyện" -> "Minh Kiên"; an office after it (cut at the
  dash or comma before a title head word, `title` rows of metadata_layout.toml):
  "Bảo Lâm - Uỷ viên UBKT Huyện uỷ" -> "Bảo Lâm", "Tác giả: Hà Văn Quyết – Bí thư Đảng ủy xã"
  -> "Hà Văn Quyết"; a source after it: "Thu Hà - Theo Báo Tuyên Quang" -> "Thu Hà"
- an organisation alone as the last line of the article is a collective byline, kept as
  written ("PHƯỜNG MAI DỊCH", "Ban Tuyên giáo Huyện ủy"): see `is_collective_org`

Rejected: photo credits ("Ảnh: PHƯƠNG NAM", "Ảnh Thái Dương"), sources ("Nguồn: …",
"Theo TTXVN"), organisations and places ("Ban Tuyên giáo Huyện ủy", "Đảng bộ TP Cần
Thơ"), captions and headings ("Quang cảnh hội nghị", "QUANG CẢNH HỘI NGHỊ"), prose
(anything with a lower-case word), time words and weekdays ("Trưa", "Đêm", "Thứ Hai":
"Trưa 27/10/2022" is a time line, not a byline), 3+ syllable names whose first syllable is not a
family name, more than 5 syllables.
"""

from __future__ import annotations

import re
from typing import Literal

import regex
from pydantic import BaseModel

from ..lexicon import load
from ..patterns import Doc, compile_verbose
from ..text import fold

BylineKind = Literal[
    "article_prefix",
    "photo_prefix",
    "source_prefix",
    "collective",
    "break",
    "skip",
    "org",
    "stop",
    "signature",
    "surname",
]


class BylineRow(BaseModel):
    """A word of the byline table, with what it tells about a line."""

    word: str
    kind: BylineKind
    note: str | None = None


LayoutKind = Literal["title", "org_word", "banner", "site"]


class LayoutRow(BaseModel):
    """A word about the page layout around a byline (metadata_layout.toml)."""

    word: str
    kind: LayoutKind
    note: str | None = None


ROWS = load("metadata_bylines", BylineRow)
LAYOUT = load("metadata_layout", LayoutRow)


def words(kind: BylineKind) -> frozenset[str]:
    """The table's words of one kind."""
    return frozenset(row.word for row in ROWS if row.kind == kind)


def layout_words(kind: LayoutKind) -> frozenset[str]:
    """The layout table's words of one kind."""
    return frozenset(row.word for row in LAYOUT if row.kind == kind)


_ORG = words("org")
_TITLE = layout_words("title")
_ORG_WORDS = layout_words("org_word")
_SOURCE_WORDS = words("source_prefix")
_STOP = words("stop")
_SURNAMES = words("surname")
_COLLECTIVE = words("collective")
_LABEL_WORDS = words("photo_prefix") | words("source_prefix")
_NOT_NAMES = words("break") | words("skip") | _LABEL_WORDS

# The line: an optional article label ("Tin, ảnh:"), the names, an optional photo
# credit after them ("- Ảnh: Tuấn Anh"), an optional trailing comma or period.  The
# space runs are possessive (what follows each is not a space): before, the runs around
# each optional part were split every way for every length of the names, and a 135-
# character line of spaced words and separators took 90 ms (255 characters: 3 s).
_LINE = compile_verbose(
    r"""
    \G [ \t]*+                                    # where the caller starts: a line, or after "./."
    (?: (?P<prefix> \L<article_prefixes> ) [ \t]*+ : [ \t]*+ )?
    (?P<names> [^\n:]{1,90}? )
    (?: [ \t]*+ [-;,|(]? [ \t]*+ (?: \L<photo_prefixes> ) [ \t]*+ : [ \t]*+ (?P<credit> [^\n:()]{1,60}? )
        [ \t]*+ \)? )?
    [ \t]*+ [,.;]? [ \t]*+ $
    """,
    regex.MULTILINE,
    article_prefixes=words("article_prefix"),
    photo_prefixes=words("photo_prefix"),
)

# Separators between several authors: "T.LĨNH - V.ANH", "Ngọc Ánh, Piên", "A và B".
# Not inside a bracketed note: "Lê Hà (Trung tâm VH-TT&TT huyện)" is one author.
_SEPARATOR = compile_verbose(r"(?: [ \t]* [-,;&] [ \t]* | [ \t]+ và [ \t]+ ) (?![^(\n]*\))")

# One author: a name of capitalised syllables, initials, or a collective code; a short
# note in brackets may follow ("(CTV)") and is left out of the author.
_AUTHOR = compile_verbose(
    r"""
    (?-i:                                                        # capitals matter here
    (?P<author>
        (?: PV | BTV | CTV ) [ \t] (?i: tổng [ \t] hợp ) (?!\w)     # PV tổng hợp: a desk byline
      | (?: \p{Lu} \. [ \t]? ){1,3} \p{Lu} [\p{L}']{0,9}        # N.Mai, T.LĨNH, T. Vương, D.Q
      | \p{Lu} [\p{L}']{0,9} (?: [ \t] \p{Lu} [\p{L}']{0,9} ){0,4}   # Phương Nam, THU HƯƠNG, H'Hen Niê
      | \p{Lu} (?: \. \p{Lu} )+ \.?                              # P.V, L.T.
    )
    (?: [ \t]* \( [^()\n]{1,25} \) )?                            # (CTV)
    )
    """
)

# A photo credit at the end of a caption or alone on a line: "- Ảnh: Trương Văn Hòa",
# "(Ảnh: Tiến Tuấn).", "ẢNH: DƯƠNG TRANG", "Ảnh: T.Vương".  Linear in a line's space
# runs: every run is possessive (what follows each is not a space), and a match opens at
# a line start, where the search starts or after a non-space, never inside a run (the
# leftmost match is the same).  Before, two runs around the optional separator, tried
# from every space of a run, made a caption with a long space run cost k³ (205 s on a
# 6.5 KB page whose odd spaces became spaces).
CREDIT = compile_verbose(
    r"""
    (?: ^ [ \t]*+ | (?: \G | (?<![ \t]) ) [ \t]*+ [-(|.,]? [ \t]*+ )
    (?: \L<photo_prefixes> ) [ \t]*+ : [ \t]*+
    (?P<credit> (?-i:\p{Lu}) [^\n:()]{0,60}? )
    [ \t]*+ \)? [ \t]*+ [.]? [ \t]*+ $
    """,
    regex.MULTILINE,
    photo_prefixes=words("photo_prefix"),
)


def key(text: str) -> str:
    """A matching key for a line: folded, trailing punctuation and arrows dropped.

    >>> key("Xem thêm >>"), key("  Chia sẻ bài viết: ")
    ('xem thêm', 'chia sẻ bài viết')
    """
    return fold(text).strip(" .,:;>»«<-|*/")


def _starts_with(folded: str, phrases: frozenset[str]) -> bool:
    parts = folded.split()
    return any(" ".join(parts[:n]) in phrases for n in range(1, min(4, len(parts)) + 1))


def _any_of(phrases: frozenset[str]) -> re.Pattern[str] | None:
    """One search for "any phrase, as whole words": the phrases padded with spaces, as literals."""
    if not phrases:
        return None
    return re.compile("|".join(re.escape(f" {p} ") for p in sorted(phrases, key=len, reverse=True)))


_STOP_ANY = _any_of(_STOP)


def _contains_stop(folded: str) -> bool:
    """True when a stop phrase stands in `folded` as whole words."""
    return _STOP_ANY is not None and _STOP_ANY.search(f" {folded} ") is not None


def is_org(text: str) -> bool:
    """True for a line that names an organisation or place ("Ban Tuyên giáo Huyện ủy").

    >>> is_org("Trung tâm Văn hóa huyện"), is_org("Minh Kiên")
    (True, False)
    """
    return _starts_with(fold(text[:40]), _ORG)


def is_name(text: str) -> bool:
    """True when `text` reads as one author: a name, initials or a collective code.

    >>> is_name("Ngô Thiệu Phương Nam"), is_name("THU HƯƠNG"), is_name("T.LĨNH"), is_name("PV")
    (True, True, True, True)
    >>> is_name("Quang cảnh hội nghị"), is_name("QUANG CẢNH HỘI NGHỊ"), is_name("Đảng Bộ Khối"), is_name("Xem Thêm")
    (False, False, False, False)
    """
    folded = fold(text)
    if folded in _COLLECTIVE:
        return True
    if not folded or folded in _NOT_NAMES or _starts_with(folded, _ORG) or _contains_stop(folded):
        return False
    if _starts_with(folded, _LABEL_WORDS):  # "Ảnh Thái Dương" (a credit without its colon), "Theo Hùng"
        return False
    syllables = text.split()
    if "." in text:  # initials: N.Mai, T.LĨNH, D.Q
        return len(syllables) <= 3
    if any(not (s.istitle() or s.isupper()) for s in syllables):
        return False
    if len(syllables) >= 3 and fold(syllables[0]) not in _SURNAMES:
        return False
    return len(syllables[0]) >= 2 or len(syllables) > 1


def parse_line(doc: Doc, start: int, end: int) -> tuple[list[tuple[int, int]], tuple[int, int] | None] | None:
    """The authors on the byline line ``doc.text[start:end]`` (normalised offsets), and its photo credit.

    None when the line is not a byline.  An organisation after the names is dropped
    ("Minh Kiên - Trung tâm …"); anything else that is not a name rejects the line.
    """
    if end - start > 120:
        return None
    m = _LINE.search(doc.text, start, end)  # a short window (120 characters, possessive runs): no deadline needed
    if m is None:
        return None
    names_start, names_end = m.span("names")
    names = doc.text[names_start:names_end]
    if len(names.split()) > 12:
        return None
    pieces: list[tuple[int, int]] = []
    last = 0
    for sep in _SEPARATOR.finditer(names):
        pieces.append((last, sep.start()))
        last = sep.end()
    pieces.append((last, len(names)))
    authors: list[tuple[int, int]] = []
    for a, b in pieces:
        piece = names[a:b].strip()
        if not piece:
            return None
        if authors and _is_affiliation(piece):
            break  # "Minh Kiên - Trung tâm Văn hóa huyện", "Bảo Lâm - Uỷ viên UBKT Huyện uỷ", "- TRƯỞNG BAN"
        found = _AUTHOR.search(piece)
        whole = found is not None and found.span() == (0, len(piece))
        if found is not None and whole and is_name(found.group("author")):
            offset = names_start + a + (len(names[a:b]) - len(names[a:b].lstrip()))
            authors.append((offset + found.start("author"), offset + found.end("author")))
        else:
            return None
    credit = m.span("credit") if m.group("credit") else None
    return authors, credit


def _is_affiliation(piece: str) -> bool:
    """True when `piece`, after a name on a byline, is the writer's office or source: cut there."""
    folded = fold(piece[:40])
    return _starts_with(folded, _ORG) or _starts_with(folded, _TITLE) or _starts_with(folded, _SOURCE_WORDS)


def is_collective_org(text: str) -> bool:
    """True for an organisation written as a byline: an org head, then names or admin words only.

    Only the caller's position makes it a byline (the last line of the article, with no
    personal byline above it).

    >>> is_collective_org("PHƯỜNG MAI DỊCH"), is_collective_org("Ban Tuyên giáo Huyện ủy")
    (True, True)
    >>> is_collective_org("Trung tâm Văn hóa - Thông tin huyện"), is_collective_org("Đoàn công tác thăm mô hình")
    (True, False)
    >>> is_collective_org("Ban Chấp hành Đảng bộ xã khóa mới"), is_collective_org("Minh Kiên")
    (False, False)
    >>> is_collective_org("BAN TUYÊN GIÁO ĐẢNG ỦY PHƯỜNG 7"), is_collective_org("Tổ Văn phòng")
    (True, True)
    """
    syllables = [s for s in text.split() if s not in ("-", "&")]
    if syllables and syllables[-1].isdigit() and len(syllables[-1]) <= 3:
        syllables = syllables[:-1]  # a numbered ward: "BAN TUYÊN GIÁO ĐẢNG ỦY PHƯỜNG 7"
        text = " ".join(syllables)
    if len(text) > 60 or any(c.isdigit() for c in text) or text.endswith((".", ":", ";", ",")) or not is_org(text):
        return False
    if not 2 <= len(syllables) <= 10:
        return False
    return all(s[0].isupper() or fold(s) in _ORG_WORDS for s in syllables)


def same_person(short: str, long: str) -> bool:
    """True when `short` is `long` written shorter (given names only) or in other capitals.

    >>> same_person("Phương Nam", "Ngô Thiệu Phương Nam"), same_person("PHƯƠNG NAM", "Phương Nam")
    (True, True)
    >>> same_person("Nam", "Ngô Thiệu Phương Nam"), same_person("Hằng Nga", "Phương Nam")
    (False, False)
    """
    a, b = fold(short).split(), fold(long).split()
    if a == b:
        return True
    return 2 <= len(a) < len(b) and b[-len(a) :] == a
