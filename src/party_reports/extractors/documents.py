"""Documents: not implemented yet (placeholder so the façade composes)."""

from __future__ import annotations

from ..models import DocumentRef
from ..patterns import Doc


def extract(doc: Doc) -> list[DocumentRef]:
    """Return the documents found in `doc` (none yet)."""
    return []
