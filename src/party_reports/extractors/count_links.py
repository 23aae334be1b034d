"""Links between the counts of one article, for the checks in validate.py.

- ``paired_with``: "62 chi bộ trực thuộc với 647 đảng viên": the persons count points at
  the organisations count it is stated with (a total-membership statement).
- ``part_of``: "58 tổ chức cơ sở đảng, gồm 16 đảng bộ cơ sở và 42 chi bộ cơ sở": each part
  (two or more, of the total's kind) points at the total.

Moved out of counts.py unchanged: the extractor finds counts, this module relates them.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..patterns import Doc, compile_verbose

__all__ = ["Hit", "link"]


class Hit(NamedTuple):
    """A resolved match in normalised offsets, before links are set (a tuple: cheap to make)."""

    start: int
    end: int
    rule: str
    fields: dict[str, Any]
    kind: str
    paired_with: tuple[int, int] | None = None
    part_of: tuple[int, int] | None = None


# Between "62 chi bộ" and "647 đảng viên": a few modifier words, then "với", not
# "đối với" ("09 cuộc kiểm tra đối với 40 lượt chi bộ" is not a membership total).
_PAIR_GAP = compile_verbose(
    r"""
    [ ](?:\p{L}+[ ]){0,4}?               # "trực thuộc", "trực thuộc Huyện ủy"
    (?<!đối[ ])với[ ]
    (?:tổng[ ]số[ ])?
    """
)
# Between a total and its first part: modifiers, an optional parenthesis, "gồm".
_PARTS_OPEN = compile_verbose(
    r"""
    (?:[ ]\p{L}+){0,4}
    [ ]?(?:\([^()\n]{0,120}\)[ ]?)?      # "36 TCCS đảng (giảm 1 đảng bộ …) gồm"
    [,:]?[ ]?(?:bao[ ])?gồm[ ]?(?:có[ ]?)?:?[ ]?
    """
)
# Between two parts: modifiers (commas allowed: "huyện, thị xã"), then "," or "và".
_PARTS_SEP = compile_verbose(r"[\p{L} ,]{0,50}?(?P<sep>,|[ ]và)[ ]")


def link(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """Set `paired_with` and `part_of` on hits sorted by position.

    The gap patterns are bounded and run on short gaps: matched without `timeout=`,
    which costs more than the match; the budget is checked once here.
    """
    doc.remaining()
    out = list(hits)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind == "organisation" and b.kind == "person" and b.fields["qualifier"] is None:
            gap = doc.text[a.end : b.start]
            if len(gap) <= 60 and _PAIR_GAP.fullmatch(gap):
                out[i + 1] = b._replace(paired_with=(a.start, a.end))
    for i, total in enumerate(out):
        if i + 2 >= len(out) or total.fields["qualifier"] or total.fields["is_change"]:
            continue
        gap = doc.text[total.end : out[i + 1].start]
        if len(gap) > 200 or not _PARTS_OPEN.fullmatch(gap):
            continue
        parts = _parts(doc, out, i + 1, total.kind)
        if len(parts) >= 2:
            for j in parts:
                out[j] = out[j]._replace(part_of=(total.start, total.end))
    return out


def _parts(doc: Doc, hits: list[Hit], first: int, kind: str) -> list[int]:
    """Indexes of the parts listed after "gồm", or [] when the list is not clean."""
    parts = [first]
    j = first
    while True:
        if hits[j].kind != kind or hits[j].fields["qualifier"] or hits[j].fields["is_change"]:
            return []
        if j + 1 >= len(hits):
            return parts
        gap = doc.text[hits[j].end : hits[j + 1].start]
        sep = _PARTS_SEP.fullmatch(gap) if len(gap) <= 60 else None
        if sep is None:
            return parts
        j += 1
        parts.append(j)
        if sep.group("sep").strip() == "và":  # the last part
            if hits[j].kind != kind or hits[j].fields["qualifier"] or hits[j].fields["is_change"]:
                return []
            return parts
