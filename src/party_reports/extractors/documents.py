"""Documents: numbered references to party and state documents.

Forms handled (kind word case-blind, codes as written; dashes and the eth look-alike
of Đ are already normalised by `text.py`):

- kind word + party symbol ``number-TYPE/ISSUER``: "Công văn số 1465-CV/QU",
  "Kế hoạch 108-KH/QU" (no "số"), "Chỉ thị số: 35-CT/TW", "Kết luận số 100 - KL/TW"
  (spaced dash), "Quyết định số 84 QĐ/TWĐTN" (no dash), "Quyết định số 367-QĐ/TWĐTN-VP",
  "kế hoạch số 58-kh/đu" (lower-case codes), "Thông báo kết luận số 159-TB" (no issuer);
- kind word + state symbol ``number/TYPE-ISSUER`` or ``number/year/TYPE-ISSUER``:
  "Quyết định số 1234/QĐ-UBND", "Nghị định 30/2020/NĐ-CP", "Luật số 16/2023/QH15",
  "văn bản số 4912/UBND-NC" (a state công văn has no type code), "Chỉ thị 03/CT-TW"
  (a party document written the state way);
- an upper-case abbreviation used as the kind word: "NQ 05", "QĐ số 988/QĐ-CĐKT";
- kind word + bare number: "Chỉ thị 05 của Bộ Chính trị", "Kết luận 21", "Nghị quyết
  số 13", "Quy định 144 về …", "Nghị quyết số 01 năm 2023"; the number must be followed
  by punctuation, "ngày <date>", "năm <year>" (after "số") or a linking word from the
  lexicon (`followers`); a year-like number needs "số"; after an abbreviation only NQ,
  QĐ, KH, CT, KL take a bare number ("TB 2" is a grade, not a thông báo);
- a symbol with no kind word, its kind taken from the type code: "theo 58-KH/ĐU",
  "Số: 21-NQ/TW", "15-CTr/TU", "08-QĐi/TW", "123/QĐ-UBND", "4912/UBND-NC";
- lists, the kind carried over: "Nghị quyết số 26-NQ/TW, 27-NQ/TW và 28-NQ/TW",
  "các Kế hoạch số 94, 155";
- after a reference: its issue date ("ngày 27/10/2022", ", ngày 15-5-2016", "ngày 27
  tháng 10 năm 2022") and issuing body ("của Ban Thường vụ Quận ủy"); without "của …"
  the issuer is expanded from the issuer code (QU -> Quận ủy).

The item spans the kind word, "số" and the number ("Kế hoạch số 58-KH/ĐU"); the date
and the issuer after it are parsed into fields but stay outside the span, for bare
numbers too ("chỉ thị 05" in "chỉ thị 05 của Bộ chính trị").  `number_span` covers
the number and symbol only, so the façade can drop dates and counts inside it.

Deliberately rejected:

- a plenum or congress resolution with no number: "Nghị quyết TW 4 (khóa XII)",
  "Nghị quyết Trung ương 4", "Nghị quyết Đại hội Đảng bộ … lần thứ II", and a bare
  number before "khóa": "Nghị quyết 4 (khóa XII)";
- kind words before a figure: "kế hoạch 5 năm", "báo cáo 6 tháng", "kết luận 3 nội
  dung", "kế hoạch 2023" (a year), "kế hoạch 23/15" (a quota), "chương trình 135"
  (a programme: chương trình, báo cáo, tờ trình … need "số" before a bare number);
- numbers with no kind word and no symbol: "phòng họp số 2", "số 12 đường Lê Lợi",
  "Trường THCS số 1", "Điều 32 Điều lệ Đảng", phone numbers, dates, quotas;
- form names and templates: "Mẫu 2-KNĐ", "Số -/ĐU".

An unknown type or issuer code is kept as written and reported as an info finding
("document.unknown_code").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, Literal

import regex
from pydantic import BaseModel

from ..lexicon import load, raw
from ..models import DocumentRef, DocumentSystem, Finding
from ..patterns import Doc, Pattern, RegexMatch, compile_verbose, longest_first, trie

__all__ = ["PATTERNS", "extract", "resolve_symbol"]


# --- lexicon -----------------------------------------------------------------------------


class KindRow(BaseModel):
    """One document kind with its surfaces, abbreviations and type codes."""

    kind: str
    surfaces: list[str]
    abbrevs: list[str]
    party_codes: list[str]
    state_codes: list[str]
    bare: Literal["any", "with_so", "never"]
    abbrev_bare: bool


class IssuerRow(BaseModel):
    """One issuer code and the body it stands for."""

    code: str
    name: str
    level: Literal["central", "province", "district", "commune", "grassroots", "unknown"]
    system: Literal["party", "state"]
    note: str | None = None


KINDS = load("document_kinds", KindRow)
ISSUERS = load("issuers", IssuerRow)
_FOLLOWERS: list[str] = list(raw("document_kinds").get("followers", []))
_HEADS: list[str] = list(raw("issuers").get("heads", []))
_STOPS: list[str] = list(raw("issuers").get("stop_words", []))

_KIND_BY_SURFACE = {s: row for row in KINDS for s in row.surfaces}
_KIND_BY_ABBREV = {a: row for row in KINDS for a in row.abbrevs}
PARTY_TYPES = {c: row.kind for row in KINDS for c in row.party_codes}
STATE_TYPES = {c: row.kind for row in KINDS for c in row.state_codes}
ISSUER_BY_CODE = {row.code: row for row in ISSUERS}
# Codes typed in lower case ("58-kh/đu") are looked up case-blind, after the exact form.
_PARTY_FOLDED = {c.casefold(): k for c, k in PARTY_TYPES.items()}
_STATE_FOLDED = {c.casefold(): k for c, k in STATE_TYPES.items()}
_ISSUER_FOLDED = {c.casefold(): row for c, row in ISSUER_BY_CODE.items()}
_STATE_ISSUERS = [row.code for row in ISSUERS if row.system == "state"]
_BARE_POLICY = {row.kind: row.bare for row in KINDS}

# --- shapes ----------------------------------------------------------------------------
# Spaces inside a reference are [^\S\n]: a reference never runs across a line break
# ("…các nghị quyết\n2. Nội dung…").
# Codes are matched case-sensitively inside (?-i: …): "KH", "QĐi", "CTr", "TTg", "ĐUK".
# NOTE: keep _NUMBER's group names in step with resolve_symbol.
_NUMBER = r"""
    (?P<num>
      (?P<serial>\d{1,5})
      (?:
          # party, upper case: 58-KH/ĐU, 58 - KH/ĐU, 84 QĐ/TWĐTN, 367-QĐ/TWĐTN-VP
          (?:[^\S\n]{0,2}-[^\S\n]{0,2}|[^\S\n])
          (?-i:(?P<ptype>[A-ZĐƯ][A-Za-zĐđƯư]{0,5}))
          [^\S\n]?/[^\S\n]?
          (?-i:(?P<pissuer>[A-ZĐƯ][A-Za-zĐđƯư]{0,11}(?:-[A-ZĐƯ][A-Za-zĐđƯư0-9]{0,11}){0,3}))
          (?![\p{L}\p{N}])
        | # party, lower case as typed: 58-kh/đu (dash required)
          -(?-i:(?P<ptype>[a-zđ]{1,5}))/(?-i:(?P<pissuer>[a-zđư]{1,12}))
          (?![\p{L}\p{N}])
        | # party with no issuer: 159-TB (known type codes only)
          [^\S\n]{0,2}-[^\S\n]{0,2}(?-i:(?P<ptype>\L<party_types>))
          (?![\p{L}\p{N}/])
        | # state: 123/QĐ-UBND, 30/2020/NĐ-CP, 16/2023/QH15, 4912/UBND-NC, 03/CT - TW
          [^\S\n]?/[^\S\n]?
          (?:(?P<year>(?:19|20)\d\d)[^\S\n]?/[^\S\n]?)?
          (?-i:(?P<scodes>
              [A-ZĐƯ][A-Za-zĐđƯư&]{0,11}\d{0,2}
              (?:[^\S\n]?[-/][^\S\n]?[A-ZĐƯ][A-Za-zĐđƯư&]{0,11}\d{0,2}(?![\p{L}\p{N}])){0,4}
          ))
          (?![\p{L}\p{N}])
        | # bare number: only before punctuation, "ngày <date>" or a linking word
          (?P<bare>)
          (?!\d)
          (?=
              [^\S\n]{0,3}(?:,(?!\d)|[;:)"'!?\]]|\.(?!\d)|\((?![^\S\n]{0,2}khóa)|\n|\Z)
            | [^\S\n]{1,3}(?:\L<followers>)(?![\p{L}\p{N}])
            | [^\S\n]{1,3},?[^\S\n]{0,2}ngày[^\S\n]{1,3}\d{1,2}[^\S\n]{0,2}(?:[/.-]|tháng)
            | (?P<then_year>[^\S\n]{1,3}năm[^\S\n]{1,2}(?:19|20)\d\d(?!\d))   # "số 01 năm 2023": needs "số"
          )
      )
    )
"""

_SO = r"(?P<so>số)(?![\p{L}\p{N}])[^\S\n]{0,2}:?"

# Both head shapes match at the NUMBER, the rarer token, and look back for the kind
# word and "số" (captured inside the lookbehind): scanning for kind words at every
# letter is ten times slower.  The item starts at the kind word (or "số").
_KIND_NUMBER_SHAPE = r"""
    (?<=[\x20:])                                         # "Kế hoạch số 58…", "số:58…"
    (?<=
        (?:
            (?<![\p{L}\p{N}])(?P<word>\L<surfaces>)     # "Kế hoạch", "chỉ thị", "Chương trình hành động"
          | (?<![\p{L}\p{N}/-])(?-i:(?P<abbrev>\L<abbrevs>))  # "NQ", "QĐ" used as a word
        )
        (?![\p{L}\p{N}])
        (?:[^\S\n]{1,3}""" + _SO + r""")?                   # "số", "số:", "Số :"
        [^\S\n]{1,3}
    )
    """ + _NUMBER

# A symbol with no kind word: strict shapes, known type codes, upper case.
_SYMBOL_SHAPE = r"""
    (?:(?<=(?<![\p{L}\p{N}])""" + _SO + r"""[^\S\n]{0,3})|)   # "Số: 21-NQ/TW" keeps its "Số:"
    (?P<num>
      (?P<serial>\d{1,5})
      (?:
          [^\S\n]?-[^\S\n]?(?-i:(?P<ptype>\L<party_types>))/                      # 58-KH/ĐU, 08-QĐi/TW
          (?-i:(?P<pissuer>[A-ZĐƯ][A-Za-zĐđƯư]{0,11}(?:-[A-ZĐƯ][A-Za-zĐđƯư0-9]{0,11}){0,3}))
        | /(?:(?P<year>(?:19|20)\d\d)/)?                                   # 123/QĐ-UBND, 30/2020/NĐ-CP
          (?-i:(?P<scodes>
              (?:\L<state_types>)(?:[-/][A-ZĐƯ][A-Za-zĐđƯư&]{0,11}\d{0,2}){1,3}
            | (?:\L<state_issuers>)(?:-[A-ZĐƯ][A-Za-zĐđƯư&]{0,11}){1,2}  # 4912/UBND-NC
            | (?<=/(?:19|20)\d\d/)(?:UBTVQH|QH)\d{1,2}                    # 72/2025/QH15 (a year first)
          ))
      )
      (?![\p{L}\p{N}])
    )
    """

# One pass for both: a number not inside a word or another number (the guard
# comes first: on "1/1/1/…" it fails at once), then either shape (the kind word
# first, so "Kế hoạch số 58-KH/ĐU" is one item, not a kind-less "số 58-KH/ĐU").
_HEAD = compile_verbose(
    r"(?<![\p{L}\p{N}/.,-])(?=\d)(?:" + _KIND_NUMBER_SHAPE + "|" + _SYMBOL_SHAPE + ")",
    surfaces=_KIND_BY_SURFACE,
    abbrevs=_KIND_BY_ABBREV,
    party_types=PARTY_TYPES,
    state_types=STATE_TYPES,
    state_issuers=_STATE_ISSUERS,
    followers=_FOLLOWERS,
)

# A kind word with the document's name between it and "số": "Luật Tổ chức chính quyền địa
# phương số", "Nghị định quy định chi tiết … số".  Only used before a full symbol.
_NAMED_KIND = compile_verbose(
    r"""
    (?<![\p{L}\p{N}])(?P<word>\L<surfaces>)(?![\p{L}\p{N}])
    (?:[^\S\n]{1,2}[\p{L}][\p{L}\p{M}]*,?){1,9}      # the name: words only, no figures
    [^\S\n]{1,2}\Z
    """,
    surfaces=_KIND_BY_SURFACE,
)

# The next item of a list, right after the previous one (\G: no gap allowed).
_LIST_ITEM = compile_verbose(
    r"""
    \G
    [^\S\n]{0,2}(?:,[^\S\n]{0,2}và|,|;|&|(?<![\p{L}])và)(?![\p{L}])   # ", " "; " " và " ", và "
    (?:[^\S\n]{0,3}""" + _SO + r""")?
    [^\S\n]{0,3}
    """ + _NUMBER,
    party_types=PARTY_TYPES,
    followers=_FOLLOWERS,
)

# What may follow a reference: its date, then its issuer.
_TAIL_SHAPE = r"""
    \G
    (?P<date>
        [^\S\n]{0,2},?[^\S\n]{0,3}\(?ngày[^\S\n]{1,3}
        (?:
            (?P<d>\d{1,2})[^\S\n]?[/.-][^\S\n]?(?P<m>\d{1,2})[^\S\n]?[/.-][^\S\n]?(?P<y>(?:19|20)\d\d)
          | (?P<d>\d{1,2})[^\S\n]+tháng[^\S\n]+(?P<m>\d{1,2})[^\S\n]+năm[^\S\n]+(?P<y>(?:19|20)\d\d)
        )
        (?!\d)\)?
    )?
    (?P<of>
        [^\S\n]{0,2},?[^\S\n]{0,3}của[^\S\n]{1,3}
        (?P<issuer>
            (?:\L<heads>|(?-i:\p{Lu})[\p{L}\p{N}]*)(?![\p{L}\p{N}])        # "Ban", "Bộ", "UBND", "Thành ủy"
            (?:[^\S\n]{1,2}(?!(?-i:\L<stops>)(?![\p{L}]))[\p{L}\p{N}][\p{L}\p{N}&]*){0,11}
        )
    )?
    """
# The two lists as prefix trees (the same matches as \L<heads>, \L<stops>, but faster).
_TAIL = compile_verbose(
    _TAIL_SHAPE.replace(r"\L<heads>", trie(sorted({w.lower() for w in _HEADS}))).replace(
        r"\L<stops>", trie(sorted(set(_STOPS)))
    )
)

_TAIL_WINDOW = 200  # a date and a ten-word issuer after a reference fit in this
_ITEM_WINDOW = 80  # ", và số 367-QĐ/TWĐTN-VP" and the lookahead after it
_SPACE = regex.compile(r"\s+")


# --- resolution ----------------------------------------------------------------------------


def resolve_symbol(
    ptype: str | None, pissuer: str | None, scodes: str | None
) -> tuple[DocumentSystem, str | None, str | None]:
    """(system, type code, issuer code) of a symbol's code part.

    >>> resolve_symbol("KH", "ĐU", None)
    ('party', 'KH', 'ĐU')
    >>> resolve_symbol("QĐ", "TWĐTN-VP", None)
    ('party', 'QĐ', 'TWĐTN')
    >>> resolve_symbol(None, None, "NĐ-CP")
    ('state', 'NĐ', 'CP')
    >>> resolve_symbol(None, None, "UBND-NC")
    ('state', None, 'UBND')
    >>> resolve_symbol(None, None, "QH15")
    ('state', None, 'QH15')
    >>> resolve_symbol(None, None, "CT - TW")
    ('party', 'CT', 'TW')
    >>> resolve_symbol(None, None, None)
    ('unknown', None, None)
    """
    if ptype is not None:
        issuer = pissuer.split("-")[0] if pissuer else None
        return "party", ptype, issuer
    if scodes is None:
        return "unknown", None, None
    segments = [s for s in regex.split(r"\s*[-/]\s*", scodes) if s]
    first = segments[0]
    if _issuer_row(first) is not None and (first not in STATE_TYPES or len(segments) == 1):
        type_code, issuer = None, first  # a state công văn: 4912/UBND-NC; a law: 16/2023/QH15
    elif len(segments) > 1:
        type_code, issuer = first, segments[1]
    else:
        type_code, issuer = None, first
    row = _issuer_row(issuer)
    system: DocumentSystem = "party" if row is not None and row.system == "party" else "state"
    return system, type_code, issuer


def _issuer_row(code: str | None) -> IssuerRow | None:
    """The issuer table row of a code; "QH15" is looked up as "QH", "đu" as "ĐU"."""
    if code is None:
        return None
    bare = code.rstrip("0123456789")
    return ISSUER_BY_CODE.get(code) or ISSUER_BY_CODE.get(bare) or _ISSUER_FOLDED.get(bare.casefold())


def _type_kind(system: DocumentSystem, code: str) -> str | None:
    """The kind of a type code: a party symbol's code is a party code; a state-shaped
    symbol may carry either ("03/CT-TW" is a party chỉ thị written the state way).

    >>> _type_kind("party", "QĐi"), _type_kind("party", "kh"), _type_kind("state", "TT")
    ('quy định', 'kế hoạch', 'thông tư')
    >>> _type_kind("party", "NĐ") is None
    True
    """
    tables = [(PARTY_TYPES, _PARTY_FOLDED)]
    if system != "party":
        tables.insert(0, (STATE_TYPES, _STATE_FOLDED))
    for exact, folded in tables:
        kind = exact.get(code) or folded.get(code.casefold())
        if kind is not None:
            return kind
    return None


def _kind_of_code(system: DocumentSystem, type_code: str | None, issuer: str | None) -> str | None:
    """The kind a symbol's type code stands for (no kind word in the text)."""
    if type_code is None:
        if issuer is not None and issuer.rstrip("0123456789") in ("QH", "UBTVQH"):
            return None  # 72/2025/QH15: a law or a resolution of the National Assembly
        return "công văn" if issuer is not None and system == "state" else None
    return _type_kind(system, type_code)


def _resolve(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """The item fields of a kind-number, symbol or list-item match (kind may be None)."""
    g = m.groupdict()
    serial, has_so, word, abbrev = g["serial"], g["so"] is not None, g.get("word"), g.get("abbrev")
    row = _KIND_BY_SURFACE.get(word.lower()) if word else _KIND_BY_ABBREV.get(abbrev) if abbrev else None
    system: DocumentSystem
    if g.get("bare") is not None:
        if row is not None and not _bare_allowed(row.kind, serial, has_so):
            return None
        if g.get("then_year") is not None and not has_so:
            return None  # "kế hoạch 5 năm 2021-2025"
        if abbrev and row is not None and not (row.abbrev_bare or has_so):
            return None  # "TB 2", "HD 3": figures after trung bình, hợp đồng
        system, type_code, issuer_code = "unknown", None, None
    else:
        system, type_code, issuer_code = resolve_symbol(g.get("ptype"), g.get("pissuer"), g.get("scodes"))
    start = next((m.start(k) for k in ("word", "abbrev", "so") if g.get(k) is not None), m.start("num"))
    if row is None and has_so:
        named = _NAMED_KIND.search(doc.text, max(0, m.start("so") - 70), m.start("so"))
        if named is not None:  # "Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
            row, start = _KIND_BY_SURFACE.get(named.group("word").lower()), named.start()
    return {
        "serial": serial,
        "number": _SPACE.sub("", g["num"]),
        "kind": row.kind if row is not None else _kind_of_code(system, type_code, issuer_code),
        "system": system,
        "type_code": type_code,
        "issuer_code": issuer_code,
        "year": int(g["year"]) if g.get("year") else None,
        "number_span": doc.span(*m.span("num")),
        "_start": start,
    }


def _bare_allowed(kind: str, serial: str, has_so: bool, year_so: bool | None = None) -> bool:
    """A bare number counts for this kind: "kế hoạch 2023" (a year) and
    "chương trình 135" (no "số") do not.  `year_so` ("số" right before this very
    number, default `has_so`) lets a year-like number through.

    >>> _bare_allowed("chỉ thị", "05", False), _bare_allowed("kế hoạch", "2023", False)
    (True, False)
    >>> _bare_allowed("kế hoạch", "2023", True), _bare_allowed("chương trình", "135", False)
    (True, False)
    >>> _bare_allowed("kế hoạch", "2023", True, year_so=False)
    False
    """
    policy = _BARE_POLICY.get(kind, "with_so")
    if policy == "never" or (policy == "with_so" and not has_so):
        return False
    return (has_so if year_so is None else year_so) or not 1900 <= int(serial) <= 2099


# The two head shapes share the union regex `_HEAD` (one pass over the text); the
# branch that matched names the rule.  List items are matched right after a head.
PATTERNS: tuple[Pattern, ...] = (
    Pattern(name="document.kind_number", regex=_HEAD, resolve=_resolve),
    Pattern(name="document.symbol", regex=_HEAD, resolve=_resolve),
    Pattern(name="document.list_item", regex=_LIST_ITEM, resolve=_resolve),
)
_KIND_NUMBER_P, _SYMBOL_P, _LIST_ITEM_P = PATTERNS


def issue_date(m: RegexMatch) -> date | None:
    """The date of a `_TAIL` match, None when absent or impossible (31/2)."""
    if m.group("date") is None:
        return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _match_at(doc: Doc, pattern: regex.Pattern[str], pos: int, window: int) -> RegexMatch | None:
    """The match of a \\G-anchored pattern at `pos`, searched in a short window: a failed
    \\G search still tries every position up to `endpos`."""
    end = min(len(doc.text), pos + window)
    # The first search result of a \G pattern is its match at `pos`.  No `timeout=`: it
    # costs more than this bounded match in a short window.
    return pattern.match(doc.text, pos, end)


# --- extraction ------------------------------------------------------------------------------


def _build(doc: Doc, start: int, end: int, fields: dict[str, Any], rule: str, tail: RegexMatch | None) -> DocumentRef:
    """Make the item, with the date and the issuer of the `_TAIL` match after it."""
    issuer = tail.group("issuer") if tail is not None else None
    if issuer is None:
        row = _issuer_row(fields.get("issuer_code"))
        issuer = row.name if row is not None else None
    issued_on = issue_date(tail) if tail is not None else None
    return DocumentRef(**doc.mention(start, end, rule), **fields, issued_on=issued_on, issuer=issuer)


def _heads(doc: Doc) -> Iterator[tuple[RegexMatch, Pattern]]:
    """Head matches with the pattern (shape) that matched."""
    for m in doc.finditer(_HEAD):
        yield m, _KIND_NUMBER_P if m.group("word") or m.group("abbrev") else _SYMBOL_P


_LIST_GATE = (",", ";", "&", "và")
_TAIL_GATE = ("ngày", "của")


def _tail(doc: Doc, end: int) -> RegexMatch | None:
    """The date and issuer after a reference ending at `end`, if any."""
    if not doc.text[end : end + 12].lstrip(" ,(").lower().startswith(_TAIL_GATE):
        return None  # the usual case, settled without a regex search
    return _match_at(doc, _TAIL, end, _TAIL_WINDOW)


def _next_item(doc: Doc, pos: int, kind: str, has_so: bool) -> tuple[int, int, dict[str, Any]] | None:
    """The next item of a list at `pos` ("…, 27-NQ/TW và 28-NQ/TW"), kind carried over."""
    if not doc.text[pos : pos + 8].lstrip().startswith(_LIST_GATE):
        return None  # the usual case, settled without a regex search
    m = _match_at(doc, _LIST_ITEM, pos, _ITEM_WINDOW)
    if m is None:
        return None
    item = _LIST_ITEM_P.resolve(m, doc)
    own_so = m.group("so") is not None  # "…số 15, 2023": a year needs its own "số"
    if item is None or (item["system"] == "unknown" and not _bare_allowed(kind, item["serial"], has_so, own_so)):
        return None
    item["kind"] = kind
    return item.pop("_start"), m.end(), item


def extract(doc: Doc) -> list[DocumentRef]:
    """Return the document references found in `doc`."""
    found: list[DocumentRef] = []
    for m, pattern in _heads(doc):
        fields = pattern.resolve(m, doc)
        if fields is None or doc.is_excluded(start := fields.pop("_start"), m.end()):
            continue
        step: tuple[int, int, dict[str, Any]] | None = (start, m.end(), fields)
        rule, chain = pattern.name, []
        while step is not None:
            start, end, item = step
            tail = _tail(doc, end)
            if not doc.is_excluded(start, end):
                named = tail is not None and tail.group("issuer") is not None
                chain.append((_build(doc, start, end, item, rule, tail), named))
            if pattern is not _KIND_NUMBER_P or fields["kind"] is None:
                break
            # "…, ngày 9/11/2022, 28-NQ/TW": a list may go on after an item's date
            after = tail.end("date") if tail is not None and tail.group("date") else end
            step, rule = _next_item(doc, after, fields["kind"], m.group("so") is not None), _LIST_ITEM_P.name
        found += _share_issuer(chain)
    kept = longest_first(found)
    for ref in kept:
        _check_codes(doc, ref)
    return kept


def _share_issuer(chain: list[tuple[DocumentRef, bool]]) -> list[DocumentRef]:
    """ "26-NQ/TW, 27-NQ/TW và 28-NQ/TW của Bộ Chính trị": the last "của …" names them all."""
    if len(chain) < 2 or not chain[-1][1]:
        return [ref for ref, _ in chain]
    issuer = chain[-1][0].issuer
    return [ref if own else ref.model_copy(update={"issuer": issuer}) for ref, own in chain]


def _check_codes(doc: Doc, ref: DocumentRef) -> None:
    """An unknown type or issuer code: keep the item, say so in a finding."""
    unknown = []
    if ref.type_code is not None and _type_kind(ref.system, ref.type_code) is None:
        unknown.append(f"type code {ref.type_code!r}")
    if ref.issuer_code is not None and _issuer_row(ref.issuer_code) is None:
        unknown.append(f"issuer code {ref.issuer_code!r}")
    if unknown:
        doc.findings.append(
            Finding(
                code="document.unknown_code",
                severity="info",
                message=f"document {ref.number!r}: unknown {' and '.join(unknown)}, kept as written",
                spans=[ref.number_span] if ref.number_span is not None else [],
            )
        )
