"""Turn the case tables in fixtures/corpus/<dimension>.toml into pytest parameters.

A table is named after the `Report` field it tests (dates.toml -> report.dates) and
holds three kinds of case, all written by us (never pasted from real articles):

    [settings]
    whole_span = true        # positives must span the whole text (default true)

    [[positive]]             # each text gives exactly one item with these fields
    value = "2022-10-27"
    granularity = "day"
    texts = ["27/10/2022", "27-10-2022"]
    xfail = "optional reason: a known gap, run strictly"

    [[negative]]             # each text gives no item of this dimension
    texts = ["30 năm tuổi Đảng"]

    [[in_context]]           # a sentence: these items exactly, in order
    text = "Sáng 16.7, Đảng ủy họp."
    expect = [{ text = "Sáng 16.7", value = "XXXX-07-16" }]

Expected fields are compared with ``item.model_dump(mode="json")``; only the fields
named are checked.  Any other key (`note`, `source`) is documentation.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
_NOT_FIELDS = {"texts", "xfail", "note", "source", "text", "expect", "options"}


@dataclass(frozen=True)
class Case:
    """One generated test: a text, the dimension, and what must come out."""

    dimension: str
    kind: str  # positive | negative | in_context
    text: str
    expect: list[dict[str, Any]] = field(default_factory=list)
    whole_span: bool = True
    options: dict[str, Any] = field(default_factory=dict)


def tables() -> list[Path]:
    """Every case table, sorted."""
    return sorted(CORPUS.glob("*.toml"))


def load_cases(path: Path) -> list[Any]:
    """The pytest params of one table (ids are the texts)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    dimension = path.stem
    settings = data.get("settings", {})
    whole = bool(settings.get("whole_span", True))
    params: list[Any] = []

    def add(case: Case, xfail: str | None) -> None:
        marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
        params.append(pytest.param(case, id=f"{dimension}:{case.kind}:{case.text[:60]}", marks=marks))

    for group in data.get("positive", []):
        fields = {k: v for k, v in group.items() if k not in _NOT_FIELDS}
        for text in group["texts"]:
            add(Case(dimension, "positive", text, [fields], whole, group.get("options", {})), group.get("xfail"))
    for group in data.get("negative", []):
        for text in group["texts"]:
            add(Case(dimension, "negative", text, [], whole, group.get("options", {})), group.get("xfail"))
    for group in data.get("in_context", []):
        add(
            Case(dimension, "in_context", group["text"], list(group["expect"]), whole, group.get("options", {})),
            group.get("xfail"),
        )
    return params


def all_cases() -> list[Any]:
    """Params for every table under fixtures/corpus."""
    return [param for path in tables() for param in load_cases(path)]
