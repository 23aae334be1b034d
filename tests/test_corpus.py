"""Generated tests: every case in fixtures/corpus/*.toml, and no dead patterns."""

from __future__ import annotations

import importlib
from collections import defaultdict
from datetime import date
from typing import Any

import pytest

import party_reports
from party_reports import Options
from party_reports.models import Mention

from .corpus import Case, all_cases

CASES = all_cases()
_RULES_SEEN: dict[str, set[str]] = defaultdict(set)


def _options(raw: dict[str, Any]) -> Options:
    if "reference_date" in raw:
        return Options(reference_date=date.fromisoformat(raw["reference_date"]))
    return Options()


def _items(case: Case) -> list[Mention]:
    report = party_reports.parse(case.text, _options(case.options))
    items = getattr(report, case.dimension)
    assert isinstance(items, list), f"Report.{case.dimension} is not a list dimension"
    for item in items:
        assert case.text[item.start : item.end] == item.text
        _RULES_SEEN[case.dimension].add(item.rule)
    return items


def _subset(expected: dict[str, Any], item: Mention) -> dict[str, Any]:
    dumped = item.model_dump(mode="json")
    return {k: dumped.get(k, f"<no field {k}>") for k in expected}


@pytest.mark.parametrize("case", CASES)
def test_case(case: Case) -> None:
    items = _items(case)
    if case.kind == "negative":
        assert items == [], f"expected nothing, got {[(i.text, i.rule) for i in items]}"
    elif case.kind == "positive":
        assert len(items) == 1, f"expected one item, got {[(i.text, i.rule) for i in items]}"
        item = items[0]
        if case.whole_span:
            assert (item.start, item.end) == (0, len(case.text)), f"matched only {item.text!r}"
        assert _subset(case.expect[0], item) == case.expect[0]
    else:
        got = [_subset(exp, item) for exp, item in zip(case.expect, items, strict=False)]
        assert len(items) == len(case.expect), f"got {[(i.text, i.rule) for i in items]}"
        assert got == case.expect


def test_no_dead_patterns() -> None:
    """Every named pattern of an extractor produced at least one corpus item."""
    dead: list[str] = []
    for dimension, seen in sorted(_RULES_SEEN.items()):
        try:
            module = importlib.import_module(f"party_reports.extractors.{dimension}")
        except ImportError:
            continue
        names = {p.name for p in getattr(module, "PATTERNS", ())}
        dead += sorted(names - seen)
    assert not dead, f"patterns that no corpus case exercises: {dead}"
