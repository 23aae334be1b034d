"""Metadata: not implemented yet (placeholder so the façade composes)."""

from __future__ import annotations

from ..models import Metadata
from ..patterns import Doc


def extract(doc: Doc) -> Metadata:
    """Return the article metadata found in `doc` (nothing yet)."""
    return Metadata()
