"""Organisations: not implemented yet (placeholder so the façade composes)."""

from __future__ import annotations

from ..models import Organisation
from ..patterns import Doc


def extract(doc: Doc) -> list[Organisation]:
    """Return the organisations found in `doc` (none yet)."""
    return []
