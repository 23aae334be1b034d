"""A saved HTML page -> the article's main text, through `trafilatura` (the `html` extra).

Navigation, comments and related-article lists are what trafilatura is made to leave out,
so they never become figures.  Without the extra the page is an `errors` row saying what
to install.
"""

from __future__ import annotations


class MissingExtra(RuntimeError):
    """An optional dependency is not installed; the message names the extra."""


def extract_main_text(html: str) -> str:
    """The main text of a page, paragraphs on their own lines ('' when none is found)."""
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra("HTML input needs trafilatura: pip install 'party_reports[html]'") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    return text or ""
