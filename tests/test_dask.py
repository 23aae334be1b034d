"""The Dask engine on a real `distributed.LocalCluster` (two worker processes).

Its partitions, read in name order, must hold exactly the local engine's rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

from party_reports.cli import main
from party_reports.corpus.dask_engine import JOURNAL_DIR, run_dask
from party_reports.corpus.inputs import iter_work
from party_reports.corpus.tables import COLUMNS

LOCAL_ARGS = ["--format", "jsonl,parquet", "--jobs", "1", "--no-progress"]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as c,
    ):
        assert len(c.scheduler_info()["workers"]) == 2
        yield c


def _parts(out: Path, table: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((out / table).glob("part-*.parquet")):
        rows += pq.read_table(path).to_pylist()
    return rows


def _journal(out: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted((out / JOURNAL_DIR).glob("part-*.jsonl")))


def _assert_same(local: Path, dask: Path) -> None:
    for table in COLUMNS:
        assert _parts(dask, table) == pq.read_table(local / f"{table}.parquet").to_pylist(), table
    assert _journal(dask) == (local / "reports.jsonl").read_bytes()


def test_cluster_tables_equal_the_local_run(inputs: Path, tmp_path: Path, client: Client) -> None:
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["batch", str(inputs), "-o", str(local), *LOCAL_ARGS]) == 1
    warnings: list[str] = []
    summary = run_dask(iter_work([str(inputs)]), dask, scheduler=client, chunk=3, warn=warnings.append)
    assert summary.errors == len(warnings) == 6  # binary, cp1258, empty, bad JSON, no text, duplicate id
    assert summary.articles == len(pq.read_table(local / "articles.parquet"))
    assert len(list((dask / "articles").glob("part-*.parquet"))) > 2  # really split over partitions
    _assert_same(local, dask)


def test_cli_on_a_scheduler_address_and_resume(inputs: Path, tmp_path: Path, client: Client) -> None:
    local, dask = tmp_path / "local", tmp_path / "dask"
    main(["batch", str(inputs), "-o", str(local), *LOCAL_ARGS])
    address = str(client.scheduler_info()["address"])
    args = ["batch", str(inputs), "-o", str(dask), "--engine", "dask", "--scheduler", address, "--no-progress"]
    assert main(args) == 1
    _assert_same(local, dask)
    # A partition lost its journal part (killed between the table and journal renames):
    # resume deletes its orphan table parts and parses those articles again.
    journal_parts = sorted((dask / JOURNAL_DIR).glob("part-*.jsonl"))
    journal_parts[-1].unlink()
    assert main([*args, "--resume"]) == 1
    assert _parts(dask, "articles") == pq.read_table(local / "articles.parquet").to_pylist()
    assert sorted(r["article_id"] for r in _parts(dask, "errors")) == sorted(
        r["article_id"] for r in pq.read_table(local / "errors.parquet").to_pylist()
    )


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["batch", "x", "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"]) == 2


def test_index_reads_the_partitions_where_they_lie(client: Client, tmp_path: Path) -> None:
    import duckdb

    corpus = Path("fixtures/corpus/index")
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["batch", str(corpus), "-o", str(local), *LOCAL_ARGS]) == 0
    run_dask(iter_work([str(corpus)]), dask, scheduler=client)
    for out in (local, dask):
        assert main(["index", str(out), "--db", str(out) + ".duckdb"]) == 0
    views = ("people", "person_titles", "cited_documents", "citations", "figure_series", "corpus_findings")
    with (
        duckdb.connect(str(local) + ".duckdb", read_only=True) as a,
        duckdb.connect(str(dask) + ".duckdb", read_only=True) as b,
    ):
        for view in views:
            rows = a.sql(f"SELECT * FROM {view} ORDER BY ALL").fetchall()
            assert rows and rows == b.sql(f"SELECT * FROM {view} ORDER BY ALL").fetchall(), view
