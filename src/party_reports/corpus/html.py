"""A saved HTML page -> the article's text, through `trafilatura` (the `html` extra).

Navigation, comments and related-article lists are what trafilatura is made to leave out,
so they never become figures.  Trafilatura also drops the publication stamp and the
byline from the body; it reads them into its metadata, so they are put back as lines the
way article pages print them (title, stamp, body, byline last) and `parse` finds them
in its metadata.  Without the extra the page is an `errors` row saying what to install.
"""

from __future__ import annotations

from typing import Any


class MissingExtra(RuntimeError):
    """An optional dependency is not installed; the message names the extra."""


# Day/month/year and a 24-hour time, as stamps on Vietnamese news pages are printed.
_STAMP = {"extensive_search": True, "original_date": True, "outputformat": "%d/%m/%Y %H:%M"}


def extract_main_text(html: str) -> str:
    """The article text of a page: title, stamp, paragraphs one per line, byline ('' when none)."""
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra("HTML input needs trafilatura: pip install 'party_reports[html]'") from None
    doc: Any = trafilatura.bare_extraction(
        html, with_metadata=True, favor_recall=True, include_comments=False, include_tables=True,
        date_extraction_params=_STAMP,
    )
    body = str(getattr(doc, "text", "") or "").strip() if doc is not None else ""
    if not body:
        return ""
    head: list[str] = []
    title = str(doc.title or "").strip()
    lines = body.splitlines()
    if title and lines[0].strip() != title:
        head.append(title)
    elif title:
        head.append(lines.pop(0).strip())
    if doc.date:
        head.append(str(doc.date).removesuffix(" 00:00"))
    tail = [str(doc.author).strip()] if doc.author and str(doc.author).strip() not in body[-200:] else []
    return "\n".join([*head, *lines, *tail])
