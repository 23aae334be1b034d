"""Officials: not implemented yet (placeholder so the façade composes)."""

from __future__ import annotations

from ..models import Official
from ..patterns import Doc


def extract(doc: Doc) -> list[Official]:
    """Return the officials found in `doc` (none yet)."""
    return []
