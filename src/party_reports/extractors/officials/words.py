"""The officials lexicons: titles, family and middle names, honorifics, title words, places."""

from __future__ import annotations

from typing import Literal

import regex
from pydantic import BaseModel

from ...lexicon import load
from ...patterns import compile_verbose
from ...text import fold as _fold_raw


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
