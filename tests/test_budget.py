"""The time budget of each extractor: by default a base plus so much per MiB of input, so a
big text is not cut short by `extractor.timeout`; an explicit `Options(timeout=...)` is
the budget whatever the size."""

from __future__ import annotations

from pathlib import Path

import pytest

from party_reports import Options, parse
from party_reports.models import BASE_BUDGET, BUDGET_PER_MIB
from party_reports.patterns import MAX_BUDGET, Doc
from party_reports.pipeline import extract
from party_reports.text import normalise

ARTICLES = sorted((Path(__file__).parent.parent / "fixtures" / "articles").glob("*.txt"))
MIB = 2**20


def _composed(size: int) -> str:
    """The composed fixture articles, repeated to about `size` characters."""
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in ARTICLES) + "\n\n"
    return base * (size // len(base) + 1)


@pytest.mark.parametrize("mib", [0, 1, 20, 100])
def test_the_default_budget_grows_with_the_input(mib: int) -> None:
    assert Options().budget(mib * MIB) == BASE_BUDGET + BUDGET_PER_MIB * mib


def test_an_explicit_timeout_is_the_budget_whatever_the_size() -> None:
    assert Options(timeout=0.5).budget(100 * MIB) == 0.5
    assert Doc(normalise("x" * (3 * MIB)), Options(timeout=2)).budget == 2
    assert Doc(normalise("x" * (3 * MIB))).budget == BASE_BUDGET + 3 * BUDGET_PER_MIB
    assert Doc(normalise(""), Options(timeout=float("inf"))).budget == MAX_BUDGET


def test_an_explicit_small_timeout_still_stops_a_big_input() -> None:
    text = _composed(MIB // 4)
    report = parse(text, Options(timeout=1e-6))
    stopped = [f for f in report.findings if f.code == "extractor.timeout"]
    assert stopped and "1e-06 s" in stopped[0].message
    assert not report.dates and not report.counts


def test_the_timeout_message_names_the_scaled_budget() -> None:
    # A default budget on a text of 4 MiB is 13 s: the message says so, not the base.
    doc = Doc(normalise(" " * (4 * MIB)))
    assert f"{doc.budget:g}" == "13"


@pytest.mark.slow
def test_twenty_mib_of_articles_lose_nothing_to_the_default_budget() -> None:
    # 20 MiB of composed articles: dates and counts took 5-6 s each on a loaded two-core
    # machine, past the old flat 5 s; the scaled budget (45 s) leaves a wide margin.
    text = _composed(20 * MIB)
    run = extract(text, Options())
    assert run.timed_out == []
    assert not [f for f in run.doc.findings if f.code == "extractor.timeout"]
    assert all(run.found[field] for field in ("dates", "documents", "quotas", "counts"))
