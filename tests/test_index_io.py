"""`index` inputs and faults, the views over Parquet partitions, and `query`'s output formats."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from party_reports.cli import main
from party_reports.corpus import Corpus
from party_reports.corpus.index import IndexingError
from party_reports.corpus.tables import TABLES
from party_reports.corpus.views import VIEWS

FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "index"
ARTICLES = sorted(FOLDER.glob("*.txt"))


def _index(*args: str) -> int:
    return main(["index", *args, "--jobs", "1"])


def _view_rows(corpus: Corpus, view: str) -> list[tuple[object, ...]]:
    return corpus.sql(f"SELECT * FROM {view} ORDER BY ALL").fetchall()


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("io") / "corpus.duckdb"
    assert _index(str(FOLDER), "--db", str(path)) == 0
    return path


def test_views_run_over_parquet_partitions_where_they_lie(indexed: Path, tmp_path: Path) -> None:
    # Two runs (two machines, two partitions of a Dask run) each write their own tables.
    halves = [tmp_path / "half1", tmp_path / "half2"]
    for half, part in zip(halves, (ARTICLES[:13], ARTICLES[13:]), strict=True):
        half.mkdir()
        for path in part:
            shutil.copy(path, half / path.name)
    for i, half in enumerate(halves):
        out = tmp_path / "OUT" / f"part-{i}"
        assert main(["batch", str(half), "-o", str(out), "--format", "jsonl,parquet", "--no-progress"]) == 0
    # The same files laid out one folder per table (OUT2/quotas/part-0.parquet, ...), as Dask writes partitions.
    for i in range(2):
        for table in TABLES:
            (tmp_path / "OUT2" / table).mkdir(parents=True, exist_ok=True)
            shutil.copy(
                tmp_path / "OUT" / f"part-{i}" / f"{table}.parquet", tmp_path / "OUT2" / table / f"part-{i}.parquet"
            )
    patterns = [tmp_path / "OUT" / "*" / "{table}.parquet", tmp_path / "OUT2" / "{table}" / "*.parquet"]
    with Corpus(indexed) as loaded:
        for pattern in patterns:
            with Corpus.from_parquet(str(pattern)) as lying:
                for view in VIEWS:
                    rows = _view_rows(lying, view)
                    assert rows, view
                    assert rows == _view_rows(loaded, view), (pattern, view)


def test_a_batch_folder_is_loaded_as_it_is(indexed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(FOLDER), "-o", str(out), "--format", "jsonl,csv", "--no-progress"]) == 0
    db = tmp_path / "from_batch.duckdb"
    assert _index(str(out), "--db", str(db)) == 0  # no Parquet there: the tables are rebuilt from reports.jsonl
    assert not list(out.glob("*.parquet"))
    with Corpus(db) as got, Corpus(indexed) as expected:
        for view in VIEWS:
            assert _view_rows(got, view) == _view_rows(expected, view), view


def test_raw_inputs_can_keep_their_batch_output(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    assert _index(str(ARTICLES[0]), "--db", str(tmp_path / "c.duckdb"), "--batch-out", str(kept)) == 0
    assert (kept / "reports.jsonl").is_file() and (kept / "quotas.parquet").is_file()


def test_an_errors_row_is_reported_and_the_rest_indexed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in ARTICLES[:2]:
        shutil.copy(path, folder / path.name)
    (folder / "scan.txt").write_bytes(b"\x00\x01 not text")
    db = tmp_path / "c.duckdb"
    assert _index(str(folder), "--db", str(db)) == 1
    err = capsys.readouterr().err
    assert "warning:" in err and "scan.txt: binary data" in err
    assert "2 articles added" in err and "1 errors" in err
    with Corpus(db) as c:
        assert c.sql("SELECT count(*) FROM articles").fetchall() == [(2,)]
        assert c.sql("SELECT article_id FROM errors").fetchall() == [("scan.txt",)]
    # Fixed and indexed again: the error row goes, the article comes.
    shutil.copy(ARTICLES[2], folder / "scan.txt")
    assert _index(str(folder), "--db", str(db)) == 0
    with Corpus(db) as c:
        assert c.sql("SELECT count(*) FROM errors").fetchall() == [(0,)]
        assert c.sql("SELECT count(*) FROM articles").fetchall() == [(3,)]


def test_a_file_that_is_not_duckdb_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_bytes(b"these are my notes, not a database\n" * 200)
    before = db.read_bytes()
    assert _index(str(ARTICLES[0]), "--db", str(db)) == 2
    assert "cannot open as a DuckDB database" in capsys.readouterr().err
    assert db.read_bytes() == before
    with pytest.raises(IndexingError, match="cannot open as a DuckDB database"):
        Corpus(db)
    assert main(["query", str(db), "SELECT 1"]) == 2


@pytest.mark.parametrize("where", ["/proc/party-reports-test.duckdb", "{tmp}/a-file/corpus.duckdb"])
def test_a_path_that_cannot_be_written(where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    db = Path(where.format(tmp=tmp_path))
    assert _index(str(ARTICLES[0]), "--db", str(db)) == 2
    assert "cannot open as a DuckDB database for writing" in capsys.readouterr().err
    assert not db.exists()


def test_a_failed_load_leaves_the_database_as_it_was(indexed: Path, tmp_path: Path) -> None:
    copy = tmp_path / "c.duckdb"
    shutil.copy(indexed, copy)
    out = tmp_path / "out"
    assert main(["batch", str(ARTICLES[0]), "-o", str(out), "--format", "jsonl,parquet", "--no-progress"]) == 0
    (out / "quotas.parquet").write_bytes(b"PAR1 broken")
    os.utime(out / "quotas.parquet", (2**31, 2**31))  # newer than the journal, so it is read
    with Corpus(copy) as c:
        before = {t: c.sql(f"SELECT count(*) FROM {t}").fetchall() for t in ("articles", "quotas", "name_keys")}
    assert _index(str(out), "--db", str(copy)) == 2
    with Corpus(copy) as c:
        assert {t: c.sql(f"SELECT count(*) FROM {t}").fetchall() for t in before} == before
    fresh = tmp_path / "new.duckdb"
    assert _index(str(out), "--db", str(fresh)) == 2
    assert not fresh.exists() and not Path(str(fresh) + ".wal").exists()


def test_query_prints_a_table_csv_or_json(indexed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql = "SELECT document_key, n_articles, issue_dates FROM cited_documents ORDER BY n_articles DESC LIMIT 2"
    assert main(["query", str(indexed), sql]) == 0
    table = capsys.readouterr().out
    assert "document_key" in table and "nghị quyết 07-NQ/HU" in table
    assert main(["query", str(indexed), sql, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["document_key", "n_articles", "issue_dates"]
    assert rows[1] == ["nghị quyết 07-NQ/HU", "8", "2019-03-12; 2019-03-21"]
    assert main(["query", str(indexed), sql, "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[1] == {"document_key": "kế hoạch 58-KH/TU", "n_articles": 6, "issue_dates": None}


def test_query_with_bad_sql_or_no_database(indexed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(indexed), "SELECT nothing FROM nowhere"]) == 2
    assert "query failed" in capsys.readouterr().err
    assert main(["query", str(tmp_path / "missing.duckdb"), "SELECT 1"]) == 2
    assert "no such database" in capsys.readouterr().err
    assert not (tmp_path / "missing.duckdb").exists()
    assert main(["query", str(indexed), "DELETE FROM articles"]) == 2  # read-only: the index has one writer


def test_a_journal_with_broken_lines_is_indexed_with_an_error_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["batch", *(str(p) for p in ARTICLES[:3]), "-o", str(out), "--format", "jsonl", "--jobs", "1",
                 "--no-progress"]) == 0
    journal = out / "reports.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = ['{"article_id": "cut", "rep\n', '{"article_id": "odd", "report": {"dates": [1]}}\n', "[1, 2]\n"]
    journal.write_text(lines[0] + bad[0] + lines[1] + bad[1] + bad[2] + lines[2], encoding="utf-8")
    db = tmp_path / "c.duckdb"
    assert _index(str(out), "--db", str(db)) == 1
    err = capsys.readouterr().err
    assert "reports.jsonl line 2: not whole JSON" in err
    assert "reports.jsonl line 4: article 'odd' has a malformed report" in err
    assert "reports.jsonl line 5: not an article record" in err
    assert "3 articles added" in err and "3 errors" in err
    with Corpus(db) as c:
        assert c.sql("SELECT count(*) FROM articles").fetchall() == [(3,)]
        assert c.sql("SELECT count(*) FROM errors").fetchall() == [(3,)]
        # The malformed record brought none of its rows: all or nothing per article.
        assert c.sql("SELECT count(*) FROM dates WHERE article_id = 'odd'").fetchall() == [(0,)]
