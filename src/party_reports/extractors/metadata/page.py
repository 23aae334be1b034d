"""The page as lines: its stripped non-empty lines, what each one is, the shared limits and rule names."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ...models import Mention
from ...patterns import Doc

HEAD_LINES = 8  # lines read for the category, title, unlabelled stamps and the top byline
TAIL_LINES = 25  # lines read from the end for the closing byline
PROSE_MIN = 160  # a line this long is prose, not a heading
CAPTION_MAX = 220
# Furniture read per page.  Real pages have one stamp and a few dozen images; the caps
# keep `doc.excluded` (scanned by every other extractor) short on pathological input.
MAX_IMAGES = 200
MAX_VIEW_LINES = 10

# Rules of the non-pattern items (titles, categories, bylines, captions, credits).
RULE_TITLE = "metadata.title_line"
RULE_BYLINE_TOP = "metadata.byline_under_title"
RULE_BYLINE_END = "metadata.byline_at_end"
RULE_BYLINE_STAMP = "metadata.byline_in_stamp"
RULE_CAPTION = "metadata.caption"
RULE_CREDIT = "metadata.photo_credit"

# A line, stripped: after the spaces that open it (`regex`'s \s but the newline), from the
# first non-space to the last character that str.rstrip keeps (none on a line of
# "\x1c"-like separators, which `regex` reads as text and str.isspace as space).
_WS = "\t\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_LINE = re.compile("^[" + _WS + "]*+(?=[^\n" + _WS + "])((?:[^\n]*[^\\s])?)", re.MULTILINE)

Span2 = tuple[int, int]


@dataclass
class _Page:
    """The lines of the article (normalised, stripped) and what each one is."""

    doc: Doc
    lines: list[Span2]
    starts: list[int] = field(default_factory=list)
    role: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [s for s, _ in self.lines]

    def text(self, i: int) -> str:
        s, e = self.lines[i]
        return self.doc.text[s:e]

    def index(self, pos: int) -> int:
        """The line holding normalised position `pos`."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def has_letters(self, i: int) -> bool:
        # A line with letters changes under case mapping: no per-character loop needed.
        t = self.text(i)
        return t.upper() != t.lower()

    def window(self, i: int, limit: int) -> Span2:
        """Line `i` from its first character (spaces included) to its newline or `limit`."""
        s = self.lines[i][0]
        end = self.doc.text.find("\n", s)
        return self.doc.text.rfind("\n", 0, s) + 1, min(limit, len(self.doc.text) if end < 0 else end)


def _lines(doc: Doc) -> list[Span2]:
    """Every non-empty line, stripped (normalised offsets)."""
    return [m.span(1) for m in _LINE.finditer(doc.text)]


def _is_prose(text: str) -> bool:
    return len(text) >= PROSE_MIN or (text.endswith((".", "!", "?", "…", ";")) and len(text.split()) >= 8)


def _is_heading(text: str) -> bool:
    return len(text) < 300 and len(text.split()) >= 2 and not text.endswith((".", ";", ","))



def _mention(doc: Doc, span: Span2, rule: str) -> Mention:
    return Mention(**doc.mention(span[0], span[1], rule))



def _key(text: str) -> str:
    """`bylines.key` for normalised text (a line of `doc.text`): lower case, spaces collapsed."""
    return " ".join(text.lower().split()).strip(" .,:;>»«<-|*/")
