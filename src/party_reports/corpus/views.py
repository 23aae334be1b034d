"""The views of `views.sql` over any source tables, and the `name_keys` table they join.

`create_views(con)` puts the views on the index's own tables; `create_views(con,
parquet_sources("OUT/*/{table}.parquet"))` puts the same views on batch tables where they
lie (the Parquet partitions of several runs or machines), so a corpus too big to load
is queried in place.  `update_name_keys` folds the names not folded yet (keys.py) and
stores them, so the views themselves are plain SQL that any DuckDB client can run.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

from .keys import fold, party_body, split_post
from .tables import TABLES

if TYPE_CHECKING:
    import duckdb

VIEWS: tuple[str, ...] = ("people", "person_titles", "cited_documents", "citations", "figure_series", "corpus_findings")
HELPER_VIEWS: tuple[str, ...] = ("article_days", "person_mentions", "document_mentions", "article_bodies", "year_marks")
SOURCES: tuple[str, ...] = (*TABLES, "name_keys")

NAME_KEYS_DDL = """CREATE TABLE IF NOT EXISTS name_keys (
    name VARCHAR PRIMARY KEY, key VARCHAR, body VARCHAR, body_key VARCHAR, post_rank VARCHAR, post_office VARCHAR
)"""

# Every string the views look up in name_keys: people, their titles, organisations, titles of articles.
_NAMES = """
SELECT DISTINCT n.name FROM (
    SELECT name FROM ${officials}
    UNION ALL SELECT unnest(titles) FROM ${officials}
    UNION ALL SELECT name FROM ${organisations}
    UNION ALL SELECT title FROM ${articles}
) AS n
ANTI JOIN name_keys AS k ON k.name = n.name
WHERE n.name IS NOT NULL
"""


def _render(sql: str, sources: Mapping[str, str] | None) -> str:
    chosen = {name: name for name in SOURCES}
    chosen.update(sources or {})
    return Template(sql).substitute(chosen)


def view_statements(sources: Mapping[str, str] | None = None) -> list[str]:
    """The CREATE VIEW statements of views.sql with `sources` filled in (default: the tables themselves)."""
    text = resources.files("party_reports.corpus").joinpath("views.sql").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in _render(body, sources).split("\n;") if s.strip()]


def parquet_sources(pattern: str) -> dict[str, str]:
    """Sources that scan Parquet files: `pattern` holds `{table}`, e.g. 'OUT/*/{table}.parquet'."""
    if "{table}" not in pattern:
        raise ValueError(f"{pattern!r}: the pattern needs {{table}} where the table name goes")
    quoted = pattern.replace("'", "''")
    return {table: f"read_parquet('{quoted.replace('{table}', table)}')" for table in TABLES}


def update_name_keys(con: duckdb.DuckDBPyConnection, sources: Mapping[str, str] | None = None) -> int:
    """Fold every name of the sources that `name_keys` lacks; returns how many were added."""
    import pyarrow as pa

    con.execute(NAME_KEYS_DDL)
    names = [row[0] for row in con.sql(_render(_NAMES, sources)).fetchall()]
    if not names:
        return 0
    bodies = [party_body(n) for n in names]
    posts = [split_post(n) for n in names]
    new_keys = pa.table(
        {
            "name": names,
            "key": [fold(n) for n in names],
            "body": bodies,
            "body_key": [fold(b) if b else None for b in bodies],
            "post_rank": [p[0] if p else None for p in posts],
            "post_office": [p[1] if p else None for p in posts],
        }
    )
    con.register("new_name_keys", new_keys)
    try:
        con.execute("INSERT INTO name_keys BY NAME SELECT * FROM new_name_keys")
    finally:
        con.unregister("new_name_keys")
    return len(names)


def create_views(con: duckdb.DuckDBPyConnection, sources: Mapping[str, str] | None = None) -> None:
    """(Re)create every view on `sources` (default: the index's tables), name_keys brought up to date."""
    update_name_keys(con, sources)
    for statement in view_statements(sources):
        con.execute(statement)
