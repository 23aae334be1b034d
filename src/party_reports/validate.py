"""Checks on extracted figures -> findings.  Never raises on bad data.

Placeholder until the quotas/counts work lands: no checks yet.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Count, Finding, Quota


def check_figures(quotas: Sequence[Quota], counts: Sequence[Count]) -> list[Finding]:
    """Findings about the figures (none yet)."""
    return []
