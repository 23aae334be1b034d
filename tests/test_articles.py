"""The composed corpus fixtures/articles: valid gold files, and scores that must not fall.

The articles are written by us in the manner of real ones (never pasted); each has a
gold file in the schema of corpus/GUIDE.md.  `evaluate` runs on the whole folder here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from party_reports.evaluate import CATEGORIES, Summary, article_pairs, check_gold, evaluate, load_gold, read_article

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


# The lowest F1 each category may score, per composed folder: just under what the
# extractors reach, so a change that loses accuracy fails here.  fixtures/articles
# was written beside the extractors; fixtures/holdout was written apart from them
# (see its README) and is the better guide to unseen articles; fixtures/holdout2 was
# written after the fixes that holdout prompted, from other regions and periods, and
# fixtures/holdout3 after those of holdout2 (its remaining misses are mostly calls
# its annotator made differently: see its README), and fixtures/holdout4 after those.
FLOORS = {
    "articles": {"dates": 0.98, "documents": 0.98, "officials": 0.97, "authors": 0.97, "quotas": 0.95, "counts": 0.98},
    "holdout": {"dates": 0.98, "documents": 0.97, "officials": 0.97, "authors": 0.95, "quotas": 0.95, "counts": 0.98},
    "holdout2": {"dates": 0.98, "documents": 0.97, "officials": 0.95, "authors": 0.95, "quotas": 0.95, "counts": 0.96},
    "holdout3": {"dates": 0.98, "documents": 0.97, "officials": 0.95, "authors": 0.95, "quotas": 0.95, "counts": 0.9},
    "holdout4": {"dates": 0.96, "documents": 0.97, "officials": 0.97, "authors": 0.95, "quotas": 0.97, "counts": 0.94},
}
# Publication-stamp accuracy and the findings the corpus expects (a wrong stated
# percent, a count repeated with another value), on fixtures/articles.
FLOOR_PUBLISHED = 0.95
FLOOR_FINDINGS = 0.5

PAIRS = article_pairs(ARTICLES)


@pytest.fixture(scope="module")
def summary() -> Summary:
    return evaluate(ARTICLES)


def test_corpus_size() -> None:
    names = {name for name, _, _ in PAIRS}
    assert "sample" in names, "the README's demo parses fixtures/articles/sample.txt"
    assert len(names - {"sample"}) >= 20
    assert {p.name.removesuffix(".txt") for p in ARTICLES.glob("*.txt")} == names, "an article without gold"


def test_every_category_is_annotated(summary: Summary) -> None:
    assert all(summary.scores[c].gold > 0 for c in CATEGORIES)
    assert summary.fields["findings"].total >= 2


@pytest.mark.parametrize("category", CATEGORIES)
def test_f1_floor(summary: Summary, category: str) -> None:
    assert summary.scores[category].f1 >= FLOORS["articles"][category], summary.scores[category]


HELD_OUT = {name: ARTICLES.parent / name for name in ("holdout", "holdout2", "holdout3", "holdout4")}


@pytest.fixture(scope="module")
def held_out() -> dict[str, Summary]:
    return {name: evaluate(folder) for name, folder in HELD_OUT.items()}


@pytest.mark.parametrize("folder", sorted(HELD_OUT))
@pytest.mark.parametrize("category", CATEGORIES)
def test_held_out_f1_floor(held_out: dict[str, Summary], folder: str, category: str) -> None:
    score = held_out[folder].scores[category]
    assert score.f1 >= FLOORS[folder][category], (folder, score)


ALL_PAIRS = PAIRS + [pair for folder in HELD_OUT.values() for pair in article_pairs(folder)]


@pytest.mark.parametrize(
    ("name", "text_path", "gold_path"), ALL_PAIRS, ids=[f"{p[1].parent.name}/{p[0]}" for p in ALL_PAIRS]
)
def test_gold_is_valid_and_its_texts_occur(name: str, text_path: Path, gold_path: Path) -> None:
    gold = load_gold(gold_path)
    assert gold.id == name
    assert check_gold(read_article(text_path), gold) == []


def test_field_floors(summary: Summary) -> None:
    assert (summary.fields["published"].value or 0.0) >= FLOOR_PUBLISHED
    assert (summary.fields["findings"].value or 0.0) >= FLOOR_FINDINGS
