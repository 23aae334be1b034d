"""The corpus page's data (corpus/overview.py) on the composed corpus fixtures/corpus/index."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from party_reports.cli import main
from party_reports.corpus import Corpus, overview

FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "index"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    db = tmp_path_factory.mktemp("overview") / "corpus.duckdb"
    assert main(["index", str(FOLDER), "--db", str(db), "--jobs", "1"]) == 0
    with Corpus(db) as c:
        yield c


def test_articles_per_month(corpus: Corpus) -> None:
    months = dict(overview.articles_per_month(corpus).fetchall())
    assert sum(months.values()) == 26
    assert months["2022-06"] == 2  # the two Tân Khê articles of the same day
    assert months["2022-12"] == 3  # a07, a12, a24
    assert months["2019-11"] == 1  # a22, placed by the day it names (no stamp)
    assert list(months) == sorted(months)


def test_most_cited_documents(corpus: Corpus) -> None:
    rows = overview.most_cited_documents(corpus, limit=3).select("document_key, n_articles").fetchall()
    assert rows == [("nghị quyết 07-NQ/HU", 8), ("kế hoạch 58-KH/TU", 6), ("chỉ thị 09-CT/TU", 4)]


def test_top_people_with_their_titles(corpus: Corpus) -> None:
    rows = overview.top_people(corpus, limit=2).select("name, n_articles, titles").fetchall()
    assert rows[0] == (
        "Hoàng Văn Toàn",
        6,
        ["Phó Bí thư Thường trực Huyện ủy Sơn Vĩ", "Bí thư Huyện ủy Sơn Vĩ", "Phó Chủ tịch UBND tỉnh Lam Giang"],
    )
    assert rows[1][:2] == ("Trần Quốc Bảo", 5)


def test_figure_points_keep_every_value_of_a_contradicted_year(corpus: Corpus) -> None:
    rows = overview.figure_points(corpus).filter("body = 'Đảng bộ huyện Sơn Vĩ'")
    got = rows.select('year, achieved, "values", n_articles').fetchall()
    assert got == [
        (2019, 180, [180], 1),
        (2020, 195, [195], 1),
        (2021, 212, [212, 221], 3),
        (2022, 230, [230], 1),
        (2023, 241, [241], 1),
    ]
    bodies = {r[0] for r in overview.figure_points(corpus).select("body").fetchall()}
    assert "Đảng bộ tỉnh Lam Giang" not in bodies  # one year is not a series
    assert len(bodies) == 4


def test_page_data_is_json_ready(corpus: Corpus) -> None:
    data = overview.page_data(corpus)
    assert set(data) == {"articles_per_month", "most_cited_documents", "top_people", "figure_points", "findings"}
    assert [f["code"] for f in data["findings"]] == [
        "document_issue_dates",
        "document_kinds",
        "figure_values",
        "person_posts",
    ]
    assert data["most_cited_documents"][0]["issue_dates"] == ["2019-03-12", "2019-03-21"]
    json.dumps(data, ensure_ascii=False)  # dates are strings, spans are dicts
