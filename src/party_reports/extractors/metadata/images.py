"""Image file-name lines, the caption under each and its photo credit."""

from __future__ import annotations

import re
from typing import Any

import regex

from ...models import Image, Mention
from ...patterns import Doc, Pattern, RegexMatch, compile_verbose
from .. import bylines, stamps
from .page import CAPTION_MAX, MAX_IMAGES, RULE_CAPTION, RULE_CREDIT, Span2, _is_prose, _mention, _Page


def _image_file(text: str, ext_start: int, ext_end: int) -> Span2 | None:
    """The whole file name: from its line's first non-space to the extension."""
    line_start = text.rfind("\n", 0, ext_start) + 1
    name = text[line_start:ext_end]
    start = line_start + len(name) - len(name.lstrip())
    if ext_end - start > 260 or ext_start == start:
        return None  # a prose line that happens to end in ".jpg", or a bare ".jpg"
    return (start, ext_end)


def _resolve_image(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    file = _image_file(doc.text, m.start(), m.end())
    return None if file is None else {"file": file}


# An image file-name line: "le-so-ket-…-1679542303.jpg", "ANH 1_6.jpg".  The regex
# finds the extension at a line end (a fast scan); the resolver takes the line.
IMAGE_LINE = Pattern(
    "metadata.image_file",
    compile_verbose(r"\. (?:jpe?g|png|gif|webp|bmp) (?=[ \t]*$)", regex.MULTILINE),
    _resolve_image,
)

# The same shape for stdlib `re` (a faster scan), the case-blind letters spelt out as
# `regex` folds them (i also matches "İ").
_IMAGE_FAST = re.compile(
    r"\.(?:[jJ][pP][eE]?[gG]|[pP][nN][gG]|[gG][iIİ][fF]|[wW][eE][bB][pP]|[bB][mM][pP])(?=[ \t]*$)", re.MULTILINE
)


def _images(page: _Page) -> list[Image]:
    """Image file-name lines, each with the caption line after it and a photo credit."""
    doc = page.doc
    found: list[Span2] = []
    for m in _IMAGE_FAST.finditer(doc.text):
        if len(found) >= MAX_IMAGES:
            break
        got = _image_file(doc.text, m.start(), m.end())
        if got is not None:
            found.append(got)
            page.role[page.index(m.start())] = "image"
            doc.excluded.append(got)
    images = []
    for file in found:
        caption: Mention | None = None
        credit: Mention | None = None
        j = page.index(file[0]) + 1
        gap = doc.text.count("\n", file[1], page.lines[j][0]) if j < len(page.lines) else 99
        # Right under the image: a caption up to CAPTION_MAX; after a blank line: not prose.
        fits = (gap == 1 and len(page.text(j)) <= CAPTION_MAX) or (gap == 2 and not _is_prose(page.text(j)))
        if j not in page.role and fits:
            s, e = page.lines[j]
            page.role[j] = "caption"
            cred = stamps.first(doc, bylines.CREDIT, s, e)
            if cred is None or cred.start() > s:
                caption = _mention(doc, (s, e), RULE_CAPTION)
            if cred is None and j + 1 < len(page.lines) and j + 1 not in page.role:
                s, e = page.lines[j + 1]
                cred = stamps.first(doc, bylines.CREDIT, s, e)
                if cred is not None and cred.start() == s:
                    page.role[j + 1] = "credit"
                else:
                    cred = None
            if cred is not None:
                credit = _mention(doc, cred.span("credit"), RULE_CREDIT)
                doc.excluded.append(cred.span("credit"))
        images.append(Image(**doc.mention(*file, IMAGE_LINE.name), caption=caption, credit=credit))
    return images
