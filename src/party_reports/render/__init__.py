"""Views of a report: `layout` turns (text, Report) into plain data (displaCy's idea:
layout as data, testable on literal dicts); `html` renders one article as a page,
`report.report_html` the corpus page (jinja2 templates, the `render` extra)."""

from .article import html
from .layout import layout, segments

__all__ = ["html", "layout", "segments"]
