"""Views of a report: `layout` turns (text, Report) into plain data (displaCy's idea:
layout as data, testable on literal dicts); an HTML step renders that data later."""

from .layout import layout, segments

__all__ = ["layout", "segments"]
