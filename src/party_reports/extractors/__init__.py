"""The registry: one line per dimension, in the order `parse` runs them.

`metadata` runs first on its own (its publication stamp anchors partial dates);
the list dimensions follow.  Adding a dimension = a module, a line here, a model and
a `Report` field (docs/adding-a-pattern.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..models import Mention
from ..patterns import Doc
from . import counts, dates, documents, metadata, officials, organisations, quotas

__all__ = ["EXTRACTORS", "Extractor", "extract_metadata"]


@dataclass(frozen=True)
class Extractor:
    """A dimension: the `Report` field it fills and the function that fills it."""

    field: str
    extract: Callable[[Doc], Sequence[Mention]]


extract_metadata = metadata.extract

EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("dates", dates.extract),
    Extractor("documents", documents.extract),
    Extractor("officials", officials.extract),
    Extractor("organisations", organisations.extract),
    Extractor("quotas", quotas.extract),
    Extractor("counts", counts.extract),
)
