"""`index`: batch output folders -> one DuckDB file with the tables and the views.

Loading is incremental and all-or-nothing.  Each folder's tables are read by DuckDB
from Parquet (the folder's own `NAME.parquet` when they are at least as new as its
`reports.jsonl`, else rebuilt from `reports.jsonl` into a scratch folder).  An article
whose `article_id` is new is added; one already indexed with the same text
(`text_sha256`) adds nothing; one with a changed text has its rows replaced.  The whole
run is one transaction: a failure leaves the database as it was (or no file at all
when it was new).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .batch import JOURNAL, Summary, write_tables
from .tables import COLUMNS, TABLES, ColumnType
from .views import NAME_KEYS_DDL, create_views

if TYPE_CHECKING:
    import duckdb

_SQL_TYPES: dict[ColumnType, str] = {
    "str": "VARCHAR",
    "int": "BIGINT",
    "float": "DOUBLE",
    "bool": "BOOLEAN",
    "date": "DATE",
    "list": "VARCHAR[]",
}
_KEYS = {"articles": ("article_id",), "errors": ()}


class IndexingError(RuntimeError):
    """The database or an input folder cannot be used; the message says why."""


@dataclass
class IndexSummary:
    """What one `index` run did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.added} articles added, {self.replaced} replaced, {self.unchanged} unchanged, "
            f"{len(self.errors)} errors; {self.articles} articles in the index"
        )


def require_index_extra() -> None:
    """Raise a clear error naming the extra when duckdb or pyarrow is missing."""
    try:
        import duckdb  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise IndexingError(f"the corpus index needs {exc.name}: pip install 'party_reports[index]'") from None


def table_ddl(table: str) -> str:
    """CREATE TABLE for one corpus table, columns and types from `tables.COLUMNS`."""
    cols = [f'"{name}" {_SQL_TYPES[kind]}' for name, kind in COLUMNS[table]]
    key = _KEYS.get(table, ("article_id", "item"))
    if key:
        cols.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in key) + ")")
    return f"CREATE TABLE IF NOT EXISTS {table} (" + ", ".join(cols) + ")"


def is_batch_folder(path: Path) -> bool:
    """True for a folder written by `batch` (its journal, its Parquet tables or their Dask partitions)."""
    return path.is_dir() and (
        (path / JOURNAL).is_file() or (path / "articles.parquet").is_file() or _has_partitions(path)
    )


def _has_partitions(path: Path) -> bool:
    return all(any((path / t).glob("part-*.parquet")) for t in TABLES)


def batch_table_files(out_dir: Path, scratch: Path) -> dict[str, Path]:
    """NAME -> Parquet file of every table of a batch folder (rebuilt into `scratch` when stale)."""
    journal = out_dir / JOURNAL
    if not journal.is_file() and _has_partitions(out_dir):  # `batch --engine dask`: read where they lie
        return {t: out_dir / t / "part-*.parquet" for t in TABLES}
    own = {t: out_dir / f"{t}.parquet" for t in TABLES}
    if all(p.is_file() for p in own.values()) and (
        not journal.is_file() or min(p.stat().st_mtime for p in own.values()) >= journal.stat().st_mtime
    ):
        return own
    if not journal.is_file():
        raise IndexingError(f"{out_dir}: not a batch output folder (no {JOURNAL} and not every table as Parquet)")
    scratch.mkdir(parents=True, exist_ok=True)
    write_tables(out_dir, {"parquet"}, Summary(), dest=scratch)
    return {t: scratch / f"{t}.parquet" for t in TABLES}


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


@contextmanager
def open_writer(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The database opened for writing; a file this call created is removed again on failure."""
    import duckdb

    existed = db.exists()
    try:
        con = duckdb.connect(str(db))
    except duckdb.Error as exc:
        raise IndexingError(f"{db}: cannot open as a DuckDB database for writing ({_first_line(exc)})") from None
    ok = False
    try:
        yield con
        ok = True
    finally:
        con.close()
        if not ok and not existed:
            for leftover in (db, db.with_name(db.name + ".wal")):
                leftover.unlink(missing_ok=True)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _load_folder(con: duckdb.DuckDBPyConnection, files: dict[str, Path], summary: IndexSummary) -> None:
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE stage_articles AS SELECT * FROM read_parquet({_quote(files['articles'])})"
    )
    con.execute(
        """CREATE OR REPLACE TEMP TABLE delta AS
        SELECT s.article_id,
               CASE WHEN a.article_id IS NULL THEN 'added'
                    WHEN a.text_sha256 IS DISTINCT FROM s.text_sha256 THEN 'replaced'
                    ELSE 'unchanged' END AS change
        FROM stage_articles AS s LEFT JOIN articles AS a USING (article_id)"""
    )
    counts = dict(con.sql("SELECT change, count(*) FROM delta GROUP BY change").fetchall())
    summary.added += counts.get("added", 0)
    summary.replaced += counts.get("replaced", 0)
    summary.unchanged += counts.get("unchanged", 0)
    fresh = "SELECT article_id FROM delta WHERE change <> 'unchanged'"
    for table in TABLES:
        if table == "errors":
            continue
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM delta WHERE change = 'replaced')")
        source = "stage_articles" if table == "articles" else f"read_parquet({_quote(files[table])})"
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {source} WHERE article_id IN ({fresh})")
    # An input that parses now is no longer an error; an error seen before is not added twice.
    con.execute("DELETE FROM errors WHERE article_id IN (SELECT article_id FROM stage_articles)")
    errors = f"read_parquet({_quote(files['errors'])})"
    summary.errors += [str(row[0]) for row in con.sql(f"SELECT error FROM {errors}").fetchall()]
    con.execute(f"INSERT INTO errors BY NAME (SELECT * FROM {errors} EXCEPT SELECT * FROM errors)")


def index_folders(db: Path, folders: Sequence[Path], *, warn: Callable[[str], None] = lambda _: None) -> IndexSummary:
    """Load batch output `folders` into the database `db` and (re)create the views."""
    import duckdb

    summary = IndexSummary()
    with tempfile.TemporaryDirectory(prefix="party-reports-index-") as scratch, open_writer(db) as con:
        try:
            con.begin()
            for table in TABLES:
                con.execute(table_ddl(table))
            con.execute(NAME_KEYS_DDL)
            for i, folder in enumerate(folders):
                _load_folder(con, batch_table_files(folder, Path(scratch) / str(i)), summary)
            create_views(con)
            summary.articles = int(con.sql("SELECT count(*) FROM articles").fetchall()[0][0])
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise IndexingError(f"{db}: indexing failed, nothing was written ({_first_line(exc)})") from None
        except BaseException:
            con.rollback()
            raise
    for message in summary.errors:
        warn(message)
    return summary
