"""The byline at the end of the article: past the trailing furniture, a name, a collective byline or none."""

from __future__ import annotations

import re
from typing import Literal

from ...patterns import compile_verbose
from ...text import fold
from .. import bylines, stamps
from .head import _PARTS, _SKIP
from .page import RULE_BYLINE_END, TAIL_LINES, Span2, _is_prose, _key, _Page

_END_MARK = compile_verbose(r"\./\.? [ \t]*+ (?= \S [^\n]{1,60} $)")  # "… về dự./. Nguyễn Phương Hoạt"
_SOURCE = ("nguồn", "theo ", "(theo", "(nguồn", "http", "www.", "link:")
_BREAK = bylines.words("break")
_SIGNATURE = bylines.words("signature")
_COUNT_TAIL = re.compile(r"[ \t]*\(\d{0,6}\)$")  # "Bình luận (0)"
# A related-news or comments heading alone on its line ("Tin liên quan", "Bình luận (0)"):
# matched on the short lines of the tail (a stripped line, as `re.match` with pos/endpos).
_BREAK_LINE = re.compile(
    r"(?:"
    + "|".join(re.escape(w).replace(r"\ ", "[ \t]+") for w in sorted(_BREAK, key=len, reverse=True))
    + r")[ \t.:;,>»|*-]*(?:\(\d{0,6}\))?\Z",
    re.IGNORECASE,
)


def _closing_byline(page: _Page, title_index: int) -> list[tuple[Span2, str]]:
    """The byline at the end of the article, past its trailing furniture."""
    doc = page.doc
    first = max(title_index + 1, len(page.lines) - TAIL_LINES)
    window = range(first, len(page.lines))
    lines = page.lines
    end = next(
        (i for i in window if lines[i][1] - lines[i][0] < 60 and _BREAK_LINE.match(doc.text, *lines[i])), len(lines)
    )
    for i in range(end, len(page.lines)):
        page.role.setdefault(i, "furniture")
    org_line: int | None = None
    for i in range(end - 1, first - 1, -1):
        text = page.text(i)
        s, e = page.lines[i]
        if len(text) > 300:  # prose: only a byline after its end mark may stand on it
            mark = stamps.first(doc, _END_MARK, e - 80, e)
            got = bylines.parse_line(doc, mark.end(), e) if mark else None
            if not got or not got[0]:
                return _collective(page, org_line, first)
            doc.excluded.append((mark.end(), e))  # type: ignore[union-attr]
            return [(a, RULE_BYLINE_END) for a in got[0]]
        folded = fold(text)
        if i in page.role or not page.has_letters(i) or _furniture(text) or folded.startswith(_SOURCE):
            page.role.setdefault(i, "furniture")
            continue
        cred = stamps.first(doc, bylines.CREDIT, s, e)
        if cred is not None and cred.start() == s:
            doc.excluded.append((s, e))
            page.role[i] = "credit"
            continue
        if org_line is None and bylines.is_org(text) and not _is_prose(text) and len(text.split()) <= 10:
            org_line = i  # the writer's office under a byline, or a collective byline
            continue
        mark = stamps.first(doc, _END_MARK, s, e)
        if mark is not None:
            s = mark.end()  # "… về dự./. Nguyễn Phương Hoạt"
        got = bylines.parse_line(doc, s, e)
        if not got or not got[0] or _signed(page, i, first):
            return _collective(page, org_line, first)
        if mark is None:
            page.role[i] = "byline"
        doc.excluded.append((s, e))
        return [(a, RULE_BYLINE_END) for a in got[0]]
    return _collective(page, org_line, first)


def _collective(page: _Page, i: int | None, first: int) -> list[tuple[Span2, str]]:
    """The organisation on the last line `i` as a collective byline ("PHƯỜNG MAI DỊCH"), if it reads as one."""
    if i is None or not bylines.is_collective_org(page.text(i)) or _signed(page, i, first):
        return []
    page.role[i] = "byline"
    page.doc.excluded.append(page.lines[i])
    return [(page.lines[i], RULE_BYLINE_END)]


def _furniture(text: str) -> Literal["break", "skip"] | None:
    """What a trailing furniture line is: "break" (related news and comments: the article
    is over), "skip" (print, e-mail, share, tags: passed over), or None (not furniture).

    >>> _furniture("In bài viết   Gửi email"), _furniture("Tin liên quan"), _furniture("Từ khóa: đại hội, chi bộ")
    ('skip', 'break', 'skip')
    >>> _furniture("Bình luận (0)"), _furniture("Hồ Thị Lệ Thu"), _furniture("In  Hồ Thị Lệ Thu")
    ('break', None, None)
    """
    if len(text) > 120:
        return None
    parted = _PARTS.search(text) is not None
    if len(text) >= 40 and not parted and ":" not in text:
        return None  # every furniture word is shorter: a long line is furniture only as parts or "Label: …"
    k = _key(text)
    if k.endswith(")"):
        k = _COUNT_TAIL.sub("", k)
    if len(k) < 40 and k in _BREAK:
        return "break"
    if k in _SKIP:
        return "skip"
    label, colon, _ = k.partition(":")
    if colon and label.strip() in _SKIP:
        return "skip"  # "Từ khóa: đại hội, chi bộ", "Tags: …"
    if not parted:
        return None
    parts = [_COUNT_TAIL.sub("", _key(p)) for p in _PARTS.split(text)]
    parts = [p for p in parts if p]
    if len(parts) < 2 or any(p not in _SKIP and p not in _BREAK for p in parts):
        return None
    return "break" if any(p in _BREAK for p in parts) else "skip"


def _signed(page: _Page, i: int, first: int) -> bool:
    """True when a role line of a signed document stands just above line `i`."""
    for j in range(max(first, i - 3), i):
        text = page.text(j)
        if len(text) <= 40 and bylines._starts_with(bylines.key(text), _SIGNATURE):
            return True
    return False
