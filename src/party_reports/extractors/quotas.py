"""Quotas: not implemented yet (placeholder so the façade composes)."""

from __future__ import annotations

from ..models import Quota
from ..patterns import Doc


def extract(doc: Doc) -> list[Quota]:
    """Return the quotas found in `doc` (none yet)."""
    return []
