"""The data of the corpus page (`party-reports report CORPUS.duckdb -o CORPUS.html`), no HTML.

Each function is one section of the page and returns a DuckDB relation over the views;
`page_data` runs them all and gives plain, JSON-ready dicts for the templates (dates as
ISO strings).  Rendering is the template step's job (render/).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

    from .database import Corpus


def articles_per_month(corpus: Corpus) -> duckdb.DuckDBPyRelation:
    """month ('2021-12'), n_articles; articles with no day at all are counted under month NULL, last."""
    return corpus.sql(
        "SELECT strftime(seen_on, '%Y-%m') AS month, count(*) AS n_articles "
        "FROM article_days GROUP BY month ORDER BY month NULLS LAST"
    )


def most_cited_documents(corpus: Corpus, limit: int = 10) -> duckdb.DuckDBPyRelation:
    """The documents cited by most articles, with when they were first and last seen."""
    return corpus.sql(
        "SELECT document_key, kind, number, n_articles, first_seen, last_seen, issued_on, issue_dates "
        "FROM cited_documents ORDER BY n_articles DESC, document_key LIMIT ?",
        [limit],
    )


def top_people(corpus: Corpus, limit: int = 10) -> duckdb.DuckDBPyRelation:
    """The people in most articles, with every title in the order first seen."""
    return corpus.sql(
        "SELECT person_key, name, n_articles, first_seen, last_seen, titles "
        "FROM people ORDER BY n_articles DESC, person_key LIMIT ?",
        [limit],
    )


def figure_points(corpus: Corpus, min_years: int = 2) -> duckdb.DuckDBPyRelation:
    """One row per (body, subject, unit, year) of quota figures, for bodies with `min_years` years or more.

    `values` lists every achieved figure given for that year (more than one is a
    contradiction, see `corpus_findings`); `achieved` is the one most articles give.
    """
    return corpus.sql(
        """
        WITH given AS (
            SELECT body, body_key, subject, unit, year, achieved, target,
                   count(DISTINCT article_id) AS n
            FROM figure_series
            WHERE figure = 'quota' AND body_key IS NOT NULL AND subject IS NOT NULL AND achieved IS NOT NULL
            GROUP BY ALL
        ), points AS (
            SELECT min(body) AS body, body_key, subject, unit, year,
                   concat_ws('|', body_key, subject, unit) AS series,
                   first(achieved ORDER BY n DESC, achieved) AS achieved,
                   first(target ORDER BY n DESC, achieved) AS target,
                   list(DISTINCT achieved ORDER BY achieved) AS values,
                   sum(n) AS n_articles
            FROM given
            GROUP BY body_key, subject, unit, year
        )
        SELECT body, subject, unit, year, achieved, target, values, n_articles FROM points
        WHERE series IN (SELECT series FROM points GROUP BY series HAVING count(*) >= ?)
        ORDER BY body_key, subject, unit, year
        """,
        [min_years],
    )


def findings(corpus: Corpus) -> duckdb.DuckDBPyRelation:
    """Every cross-article contradiction, grouped by code."""
    return corpus.sql("SELECT code, key, message, article_ids, spans FROM corpus_findings ORDER BY code, key")


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def records(rel: duckdb.DuckDBPyRelation) -> list[dict[str, Any]]:
    """A relation's rows as dicts of plain values (dates as ISO strings)."""
    columns = list(rel.columns)
    return [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rel.fetchall()]


def page_data(corpus: Corpus, *, limit: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Every section of the corpus page as JSON-ready rows."""
    return {
        "articles_per_month": records(articles_per_month(corpus)),
        "most_cited_documents": records(most_cited_documents(corpus, limit)),
        "top_people": records(top_people(corpus, limit)),
        "figure_points": records(figure_points(corpus)),
        "findings": records(findings(corpus)),
    }
