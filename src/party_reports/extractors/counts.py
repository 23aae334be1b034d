"""Counts: not implemented yet (placeholder so the façade composes)."""

from __future__ import annotations

from ..models import Count
from ..patterns import Doc


def extract(doc: Doc) -> list[Count]:
    """Return the counts found in `doc` (none yet)."""
    return []
