"""`Corpus`: an index opened read-only, answering with DuckDB relations.

Everything returned is DuckDB's own `DuckDBPyRelation`, so `.fetchall()`, `.df()`,
`.pl()`, `.arrow()` and further `.filter()`/`.order()` calls work as DuckDB users
expect.  Many readers may hold a corpus open while none writes it (DuckDB's rule);
`index` is the one writer.

    >>> Corpus("missing.duckdb")
    Traceback (most recent call last):
    ...
    party_reports.corpus.index.IndexingError: missing.duckdb: no such database
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .index import IndexingError, _first_line
from .views import create_views, parquet_sources

if TYPE_CHECKING:
    import duckdb


class Corpus:
    """A corpus index (`Corpus("corpus.duckdb")`) or batch Parquet tables (`Corpus.from_parquet`)."""

    def __init__(self, path: str | Path | None = None, *, _connection: duckdb.DuckDBPyConnection | None = None) -> None:
        if _connection is not None:
            self.con = _connection
            return
        import duckdb

        if path is None:
            raise TypeError("Corpus needs the path of a database made by 'party-reports index'")
        if not Path(path).is_file():
            raise IndexingError(f"{path}: no such database")
        try:
            self.con = duckdb.connect(str(path), read_only=True)
        except duckdb.Error as exc:
            raise IndexingError(f"{path}: cannot open as a DuckDB database ({_first_line(exc)})") from None

    @classmethod
    def from_parquet(cls, pattern: str) -> Corpus:
        """The views over Parquet tables where they lie: `pattern` holds `{table}` ('OUT/*/{table}.parquet')."""
        import duckdb

        con = duckdb.connect()
        create_views(con, parquet_sources(pattern))
        return cls(_connection=con)

    def sql(self, query: str, params: Any = None) -> duckdb.DuckDBPyRelation:
        """Any query over the tables and views."""
        return self.con.sql(query, params=params)

    def table(self, name: str) -> duckdb.DuckDBPyRelation:
        """A table or view by name."""
        return self.con.table(name)

    @property
    def people(self) -> duckdb.DuckDBPyRelation:
        return self.table("people")

    @property
    def person_titles(self) -> duckdb.DuckDBPyRelation:
        return self.table("person_titles")

    @property
    def cited_documents(self) -> duckdb.DuckDBPyRelation:
        return self.table("cited_documents")

    @property
    def citations(self) -> duckdb.DuckDBPyRelation:
        return self.table("citations")

    @property
    def figure_series(self) -> duckdb.DuckDBPyRelation:
        return self.table("figure_series")

    @property
    def corpus_findings(self) -> duckdb.DuckDBPyRelation:
        return self.table("corpus_findings")

    def career(self, name: str) -> duckdb.DuckDBPyRelation:
        """Every post held by the person `name` (any spelling), in the order seen."""
        from .keys import fold

        return self.sql(
            "SELECT seen_on, title, article_id FROM person_titles WHERE person_key = ? ORDER BY seen_on, title",
            [fold(name)],
        )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()
