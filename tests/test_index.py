"""`index`, `Corpus` and the views on a real DuckDB file: the composed corpus's known answers.

fixtures/corpus/index is composed so that every view has a known answer
(answers.toml there); these tests index it and compare.
"""

from __future__ import annotations

import shutil
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from party_reports.cli import main
from party_reports.corpus import Corpus

FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "index"
ANSWERS: dict[str, Any] = tomllib.loads((FOLDER / "answers.toml").read_text(encoding="utf-8"))


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index") / "corpus.duckdb"
    assert main(["index", str(FOLDER), "--db", str(path), "--jobs", "1"]) == 0
    return path


@pytest.fixture
def corpus(db: Path) -> Any:
    with Corpus(db) as c:
        yield c


def test_every_article_is_indexed(corpus: Corpus) -> None:
    assert corpus.sql("SELECT count(*) FROM articles").fetchall() == [(ANSWERS["articles"],)]
    assert corpus.sql("SELECT count(*) FROM errors").fetchall() == [(0,)]


@pytest.mark.parametrize("person", ANSWERS["people"], ids=lambda p: p["person_key"])
def test_people(corpus: Corpus, person: dict[str, Any]) -> None:
    rows = corpus.people.filter(f"person_key = '{person['person_key']}'")
    got = rows.select("n_articles, first_seen, last_seen, titles, names").fetchall()
    assert got == [
        (person["n_articles"], _day(person["first_seen"]), _day(person["last_seen"]), person["titles"], person["names"])
    ]


def test_people_with_most_articles_first(corpus: Corpus) -> None:
    top = corpus.sql("SELECT person_key FROM people ORDER BY n_articles DESC, person_key LIMIT 4").fetchall()
    assert [r[0] for r in top] == ["hoàng văn toàn", "trần quốc bảo", "lê thị hòa", "đinh văn lực"]


@pytest.mark.parametrize("career", ANSWERS["career"], ids=lambda c: c["name"])
def test_career_in_order(corpus: Corpus, career: dict[str, Any]) -> None:
    got = corpus.career(career["name"]).fetchall()
    assert got == [(date.fromisoformat(d), title, article) for d, title, article in career["posts"]]


def test_cited_documents_most_cited_first(corpus: Corpus) -> None:
    got = corpus.sql(
        "SELECT document_key, n_articles, first_seen, last_seen, issued_on FROM cited_documents "
        "ORDER BY n_articles DESC, document_key"
    ).fetchall()
    assert got == [(k, n, _day(f), _day(last), _day(i)) for k, n, f, last, i in ANSWERS["documents"]["most_cited"]]


def test_citations_of_one_document(corpus: Corpus) -> None:
    rows = corpus.citations.filter("document_key = 'nghị quyết 07-NQ/HU'").order("article_id")
    assert [r[0] for r in rows.select("article_id").fetchall()] == ANSWERS["documents"]["citing_07_NQ_HU"]
    dates = corpus.sql(
        "SELECT issued_on, count(*) FROM citations WHERE document_key = 'nghị quyết 07-NQ/HU' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert dates == [(date(2019, 3, 12), 7), (date(2019, 3, 21), 1)]


@pytest.mark.parametrize("expected", ANSWERS["admissions"], ids=lambda a: a["body"])
def test_admissions_per_year_is_one_select(corpus: Corpus, expected: dict[str, Any]) -> None:
    got = corpus.sql(
        "SELECT year, achieved, target FROM figure_series "
        "WHERE body = ? AND figure = 'quota' AND subject = 'kết nạp' ORDER BY year, achieved",
        [expected["body"]],
    ).fetchall()
    assert [list(r) for r in got] == expected["series"]


def test_corpus_findings_are_exactly_the_composed_ones(corpus: Corpus) -> None:
    rows = corpus.sql("SELECT code, key, message, article_ids, spans FROM corpus_findings ORDER BY code").fetchall()
    expected = sorted(ANSWERS["findings"], key=lambda f: f["code"])
    assert [(r[0], r[1], r[3]) for r in rows] == [(f["code"], f["key"], f["article_ids"]) for f in expected]
    texts = {
        r[0]: r[0]
        for r in corpus.sql("SELECT article_id || ':' || start || ':' || \"end\" FROM document_mentions").fetchall()
    }
    for (code, _key, message, ids, spans), answer in zip(rows, expected, strict=True):
        for part in answer["message_has"]:
            assert part in message, (code, message)
        assert {s["article_id"] for s in spans} == set(ids)
        assert all(s["start"] < s["end"] for s in spans)
        if code.startswith("document"):  # spans are the document mentions themselves
            assert all(f"{s['article_id']}:{s['start']}:{s['end']}" in texts for s in spans)


def test_relations_are_duckdb_relations(corpus: Corpus) -> None:
    import duckdb

    assert isinstance(corpus.people, duckdb.DuckDBPyRelation)
    assert corpus.cited_documents.order("n_articles DESC").limit(1).select("number").fetchall() == [("07-NQ/HU",)]


def _counts(path: Path) -> dict[str, int]:
    with Corpus(path) as c:
        tables = ["articles", "dates", "documents", "officials", "quotas", "counts", "organisations", "findings"]
        return {t: c.sql(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in tables}


def test_indexing_again_adds_nothing(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "again.duckdb"
    shutil.copy(db, copy)
    before = _counts(copy)
    assert main(["index", str(FOLDER), "--db", str(copy), "--jobs", "1"]) == 0
    assert "0 articles added, 0 replaced, 26 unchanged" in capsys.readouterr().err
    assert _counts(copy) == before


def test_more_articles_are_added_and_a_changed_text_replaces_its_rows(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "grow.duckdb"
    shutil.copy(db, copy)
    before = _counts(copy)
    folder = tmp_path / "in"
    shutil.copytree(FOLDER, folder)
    changed = folder / "a05-son-vi-2021-nhin-lai.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("212/200", "215/200"), encoding="utf-8")
    new = folder / "a27-tan-khe-2024.txt"
    new.write_text(
        "Xây dựng Đảng\n\nĐảng bộ xã Tân Khê tổng kết năm 2024\nThứ Sáu, 27/12/2024\n\n"
        "Năm 2024, Đảng bộ xã Tân Khê kết nạp được 13/12 đảng viên, đạt 108,3% chỉ tiêu.\n\nThu Trang\n",
        encoding="utf-8",
    )
    assert main(["index", str(folder), "--db", str(copy), "--jobs", "1"]) == 0
    after = _counts(copy)
    assert after["articles"] == before["articles"] + 1
    assert after["quotas"] == before["quotas"] + 1  # the new article's; a05's quota replaced, not doubled
    with Corpus(copy) as c:
        quotas = c.figure_series.filter("figure = 'quota'")
        got = quotas.filter("article_id = 'a05-son-vi-2021-nhin-lai.txt'").select("achieved").fetchall()
        assert got == [(215,)]
        assert (2024, 13) in quotas.filter("body = 'Đảng bộ xã Tân Khê'").select("year, achieved").fetchall()
