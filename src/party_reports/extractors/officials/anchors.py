"""The anchors each shape starts at: case-sensitive variant lists inlined as prefix trees."""

from __future__ import annotations

import regex

from ...patterns import trie
from .words import _LISTS


# Anchors: one alternation, one finditer pass.  NOTE: keep group names in step with PATTERNS.
# Anchors are matched case-sensitively against spelling variants of each word (lower, Capital,
# Capital then lower case as in "Tổng bí thư", Title Case, UPPER): much faster than a
# case-blind list, and a capital can be required.
def _variants(words: list[str]) -> list[str]:
    out: set[str] = set()
    for w in words:
        out |= {w, w.lower(), w[:1].upper() + w[1:], w[:1].upper() + w[1:].lower(), w.title(), w.upper()}
    return sorted(out)


_CS_LISTS: dict[str, list[str]] = {
    "hon_v": _variants(_LISTS["hon"]),
    # two-letter abbreviations ("BT", "CT") start a title only after "Phó": "Phó BT chi bộ A"
    "head_v": _variants(_LISTS["heads"] + _LISTS["ranks"])
    + [a for a in _LISTS["abbr_start"] if len(a) > 2]
    + [f"{p} {a}" for a in _LISTS["abbr_start"] if len(a) == 2 for p in ("Phó", "phó")],
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
    (?: [qQ]uần[ \t]++chúng(?:[ \t]++ưu[ \t]++tú)?[ \t]++(?:như|là)\b(?=[ \t]*+{_UP})  # "quần chúng như A, B"
      | [cC]ác[ \t]++\L<hon_v>\b(?=[^\n:;.()]{{0,60}}:)             # "các đồng chí trong BTV:"
      | (?:[cC]ác[ \t]++)?\L<hon_v>\b(?=[ \t]*+:?[ \t]*+{_UP})        # a capital follows
    )"""
_TITLE_ANCHOR_SRC = r"\L<head_v>\b"
# A name followed by a separator; the caller checks that a role comes next.
_BARE_SRC = rf"\L<sur_v>\b(?:[ \t]++{_UP}\w*+){{1,4}}(?=[ \t]*+[-,:])"
_LIST_SRC = r"""[gG]ồm(?:[ \t]++(?:có|các|\d{1,3}))?                  # "gồm", "gồm các", "gồm 5"
    (?:[ \t]++(?:đồng[ \t]++chí|đảng[ \t]++viên|quần[ \t]++chúng(?:[ \t]++ưu[ \t]++tú)?|ông|bà))?
    [ \t]*+:[ \t]*+"""
