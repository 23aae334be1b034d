"""Organisations: party committees and their bodies named in the text, merged per body.

Forms handled (rule ``organisations.committee``):
- a committee with its place: "Huyện ủy Đông Anh", "Đảng ủy xã Đông Hòa", "Chi bộ thôn Đông",
  "Đảng ủy Khối doanh nghiệp quận Long Biên", "Đảng bộ khối Doanh nghiệp huyện Đông Anh";
- a body of a committee: "Ban Thường vụ Quận ủy", "Ủy ban Kiểm tra Đảng ủy", "UBKT Đảng ủy",
  "Ban Tổ chức Tỉnh ủy", "BCH Trung ương";
- a district or provincial committee on its own: "Huyện ủy", "Thành ủy";
- central bodies (rule ``organisations.central``): "Bộ Chính trị", "Ban Bí thư".

Level comes from the committee word or the administrative noun after it (tỉnh -> province,
huyện/quận -> district, xã/phường -> commune, thôn/bản -> grassroots); `kind` is the body.
Deliberately rejected: lower-case generic mentions ("các chi bộ", "đảng ủy cơ sở"); a bare
"Đảng ủy", "Đảng bộ" or "Chi bộ" with nothing after it (which one is meant is unknown); a
person after the place ("Huyện ủy Bố Trạch Đinh Hữu Thành" -> "Huyện ủy Bố Trạch").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Literal

import regex
from pydantic import BaseModel

from ..lexicon import load
from ..models import Organisation, OrganisationLevel
from ..patterns import Doc, Pattern, RegexMatch, compile_verbose, trie
from ..text import fold as _fold_raw
from .officials import PLACES, _split_run


class OrganRow(BaseModel):
    phrase: str
    role: Literal["committee", "organ", "central", "admin"]
    kind: str
    level: OrganisationLevel = "unknown"


# `fold` normalises its input: memoised, as the same few words come back in every article.
fold = lru_cache(maxsize=4096)(_fold_raw)

ORGANS = load("organs", OrganRow)
_BY_KEY = {fold(r.phrase): r for r in ORGANS}
_PROVINCES = {fold(r.name) for r in PLACES}


def _words(role: str) -> list[str]:
    return [r.phrase for r in ORGANS if r.role == role]


_SP = r"[^\S\n]"
_TOKEN = regex.compile(r"\S+")
_CAPWORD = r"(?-i:\p{Lu}[\p{L}\p{M}]*)"
# First letters of the organ and committee words, capitalised: a cheap test before the lists.
_FIRST = "".join(sorted({r.phrase[0].upper() for r in ORGANS if r.role in ("organ", "committee")}))
_COMMITTEE_SRC = rf"""
(?=(?-i:[{_FIRST}]))(?<![\p{{L}}\p{{M}}])              # written with a capital: a name, not "các chi bộ"
(?:(?P<organ>\L<organ>){_SP}+)?                          # Ban Thường vụ, Ủy ban Kiểm tra …
(?P<committee>\L<committee>)(?![\p{{L}}\p{{M}}])
(?P<khoi>(?:{_SP}+khối)?                                 # Khối doanh nghiệp, Khối các cơ quan
  (?:{_SP}+(?:doanh{_SP}+nghiệp|DN|các{_SP}+cơ{_SP}+quan|CCQ|cơ{_SP}+quan|dân{_SP}+chính{_SP}+đảng))?
  (?![\p{{L}}\p{{M}}]))
(?:{_SP}+(?P<admin>\L<admin>)(?![\p{{L}}\p{{M}}]))?     # xã, huyện, thôn …
(?P<place>(?:{_SP}+{_CAPWORD}){{1,6}}|{_SP}+\d{{1,3}}(?![\p{{L}}\p{{M}}\d]))?   # Đông Anh, Long Biên, 5
"""
_CENTRAL_SRC = r"(?<![\p{L}\p{M}])(?-i:\L<central>)(?![\p{L}\p{M}])"


def _level(organ: str | None, committee: str, admin: str | None, place: str) -> OrganisationLevel:
    """The level of a committee: from its word, else from the administrative noun.

    >>> _level(None, "Đảng ủy", "xã", "Đông Hòa"), _level("Ban Thường vụ", "Quận ủy", None, "")
    ('commune', 'district')
    >>> _level(None, "Đảng ủy", None, "")
    'unknown'
    """
    row = _BY_KEY[fold(committee)]
    if row.level != "unknown":
        if row.kind == "thành ủy" and place and fold(place) not in _PROVINCES:
            return "district"  # "Thành ủy Thuận An": a provincial city
        return row.level
    if admin is None:
        return "unknown"
    level = _BY_KEY[fold(admin)].level
    if fold(admin) == "thành phố" and fold(place) not in _PROVINCES:
        return "district"
    return level


def _resolve_committee(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    organ, committee, admin = m.group("organ"), m.group("committee"), m.group("admin")
    end = m.end("committee")
    for name in ("khoi", "admin"):
        if m.group(name) and m.end(name) > end:
            end = m.end(name)
    place = ""
    if m.group("place"):
        run = [t.span() for t in _TOKEN.finditer(doc.text, m.start("place"), m.end("place"))]
        cut = _split_run(doc.text, run, 3) if len(run) >= 3 else None
        keep = run if cut is None else run[: cut[0]]
        keep = keep[:4]
        if keep:
            end = keep[-1][1]
            place = doc.text[keep[0][0] : end]
    if organ is None and _BY_KEY[fold(committee)].level == "central":
        return None  # "Trung ương", "TW 4" alone: a plenum or an adjective, not a body name
    bare = not (m.group("khoi") or admin or place)
    if bare and organ is None and _BY_KEY[fold(committee)].level in ("unknown", "grassroots"):
        return None  # "Đảng ủy", "Chi bộ" alone: which one is unknown
    kind = _BY_KEY[fold(organ)].kind if organ else _BY_KEY[fold(committee)].kind
    return {"end": end, "kind": kind, "level": _level(organ, committee, admin, place)}


def _resolve_central(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    return {"end": m.end(), "kind": _BY_KEY[fold(m.group())].kind, "level": "central"}


_LISTS = {"organ": _words("organ"), "committee": _words("committee"), "admin": _words("admin"),
          "central": _words("central")}


def _tree(words: list[str]) -> str:
    """A case-blind list as a prefix tree: the same matches as ``\\L<list>``, faster."""
    return trie(sorted({w.lower() for w in words}))


_TREES = {f"\\L<{k}>": _tree(v) for k, v in _LISTS.items()}
_CENTRAL_TREE = trie(_LISTS["central"])  # matched case-sensitively, as written
_CENTRAL = compile_verbose(_CENTRAL_SRC.replace(r"\L<central>", _CENTRAL_TREE))


def _fill(source: str) -> str:
    for slot, tree in _TREES.items():
        source = source.replace(slot, tree)
    return source


_COMMITTEE = compile_verbose(_fill(_COMMITTEE_SRC))

PATTERNS: tuple[Pattern, ...] = (
    Pattern("organisations.central", _CENTRAL, _resolve_central),
    Pattern("organisations.committee", _COMMITTEE, _resolve_committee),
)


def _gate(words: list[str], firsts: str) -> re.Pattern[str]:
    """A stdlib scan for where the shapes can start (see `counts.gated`): a capital in
    `firsts`, then the rest of one of `words`, case-blind.

    Each branch starts with a literal so the engine skips ahead to those capitals; only
    the capital is consumed, so no start inside a phrase is passed over.
    """
    branches = []
    for first in sorted(set(firsts)):
        rests = [w[1:].lower() for w in words if regex.fullmatch(regex.escape(w[0]), first, regex.IGNORECASE)]
        if rests:
            branches.append(re.escape(first) + "(?=(?i:" + trie(sorted(set(rests))) + "))")
    return re.compile("|".join(branches))


_CENTRAL_WORDS = tuple(_LISTS["central"])
_GATE = _gate(_LISTS["organ"] + _LISTS["committee"] + _LISTS["central"], _FIRST + "".join(w[0] for w in _CENTRAL_WORDS))


def _matches(doc: Doc) -> tuple[list[RegexMatch], list[RegexMatch]]:
    """The central and the committee matches, as `doc.finditer` gives them, from one gate scan."""
    text = doc.text
    central: list[RegexMatch] = []
    committee: list[RegexMatch] = []
    last_central = last_committee = 0
    for n, g in enumerate(_GATE.finditer(text)):
        if n % 256 == 0:
            doc.remaining()  # raises ExtractionTimeout past the budget
        pos = g.start()
        # no `timeout=` on these matches: it costs more than the match; the shapes are bounded
        if pos >= last_central and text.startswith(_CENTRAL_WORDS, pos):
            m = _CENTRAL.match(text, pos)
            if m is not None:
                central.append(m)
                last_central = m.end()
        if pos >= last_committee:
            m = _COMMITTEE.match(text, pos)
            if m is not None:
                committee.append(m)
                last_committee = m.end()
    return central, committee


# A match's value depends only on its text and the character after it (the shapes'
# lookarounds reach one character past the match): resolved once per such key.
_RESOLVED: dict[tuple[str, str, str], tuple[int, str, OrganisationLevel] | None] = {}


def _resolved(pattern: Pattern, m: RegexMatch, doc: Doc) -> tuple[int, str, OrganisationLevel] | None:
    """(end - start, kind, level) of a match, or None when it is no body name."""
    start, end = m.span()
    key = (pattern.name, m.group(), doc.text[end : end + 1])
    if key in _RESOLVED:
        return _RESOLVED[key]
    value = pattern.resolve(m, doc)
    out = None if value is None else (value["end"] - start, value["kind"], value["level"])
    if len(_RESOLVED) > 4096:
        _RESOLVED.clear()
    _RESOLVED[key] = out
    return out


@lru_cache(maxsize=4096)
def _name_key(written: str) -> tuple[str, str]:
    """The name of a mention as written (NFC, spaces collapsed, as `Doc.as_written`) and its merge key."""
    name = " ".join(unicodedata.normalize("NFC", written).split())
    return name, fold(name)


def extract(doc: Doc) -> list[Organisation]:
    """Every named party body in `doc`, one item per body (folded name), first mention first."""
    merged: dict[str, dict[str, Any]] = {}
    source, norm = doc.source, doc.norm
    for pattern, matches in zip(PATTERNS, _matches(doc), strict=True):
        for m in matches:
            if doc.excluded and doc.is_excluded(m.start(), m.end()):
                continue
            value = _resolved(pattern, m, doc)
            if value is None:
                continue
            length, kind, level = value
            ostart, oend = norm.original_span(m.start(), m.start() + length)
            written = source[ostart:oend]
            name, key = _name_key(written)
            item = merged.get(key)
            if item is None:
                item = merged[key] = {"text": written, "start": ostart, "end": oend, "rule": pattern.name,
                                      "name": name, "kind": kind, "level": level, "mentions": []}  # fmt: skip
            item["mentions"].append({"start": ostart, "end": oend})  # validated as Spans in one go below
    items = [Organisation(**v) for v in merged.values()]
    return sorted(items, key=lambda o: o.start)
