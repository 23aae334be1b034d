"""Dates: not implemented yet (placeholder so the façade composes)."""

from __future__ import annotations

from ..models import DateMention
from ..patterns import Doc


def extract(doc: Doc) -> list[DateMention]:
    """Return the dates found in `doc` (none yet)."""
    return []
