"""`party-reports report CORPUS.duckdb -o CORPUS.html`: the corpus at a glance.

The data comes from the index's views (`corpus.overview`), the charts from
`render.charts` (inline SVG), the page from a jinja2 template with autoescaping, so
article titles, names and messages are always text.  The file needs no network: no
scripts from elsewhere, no fonts, the charts in the page itself.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from .charts import bar_chart, line_chart

if TYPE_CHECKING:
    from ..corpus.database import Corpus

# The quota subject of admissions ("kết nạp đảng viên"), as `figure_series` names it.
ADMISSIONS = "kết nạp"
MAX_SERIES = 6


def environment() -> Any:
    """The jinja2 environment of the package's templates (autoescape on for .html)."""
    try:
        import jinja2
    except ImportError:
        raise RuntimeError("HTML pages need jinja2: pip install 'party_reports[render]'") from None
    return jinja2.Environment(
        loader=jinja2.PackageLoader("party_reports.render", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def admissions_series(points: list[dict[str, Any]], limit: int = MAX_SERIES) -> dict[str, list[tuple[float, float]]]:
    """Admissions per year for the bodies with the most admitted, largest first."""
    series: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for p in points:
        if p["subject"] == ADMISSIONS and p["year"] is not None and p["achieved"] is not None:
            series[str(p["body"])].append((float(p["year"]), float(p["achieved"])))
    largest = sorted(series, key=lambda body: (-sum(v for _, v in series[body]), body))[:limit]
    return {body: series[body] for body in largest}


def careers(corpus: Corpus, people: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """person_key -> the posts of that person in the order seen, a run of the same post as one step.

    Each step: `title`, `first_seen`, `last_seen` (None when undated) and `n` sightings.
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for person in people:
        rows = corpus.sql(
            "SELECT seen_on, title FROM person_titles WHERE person_key = ? "
            "GROUP BY seen_on, title ORDER BY seen_on NULLS LAST, title",
            [person["person_key"]],
        ).fetchall()
        steps: list[dict[str, Any]] = []
        for seen, title in rows:
            day = seen.isoformat() if seen else None
            if steps and steps[-1]["title"] == title:
                steps[-1]["last_seen"] = day or steps[-1]["last_seen"]
                steps[-1]["n"] += 1
            else:
                steps.append({"title": title, "first_seen": day, "last_seen": day, "n": 1})
        out[person["person_key"]] = steps
    return out


def report_html(corpus: Corpus, *, title: str = "Corpus overview", limit: int = 10) -> str:
    """The corpus page as one self-contained HTML document."""
    from ..corpus.overview import page_data

    data = page_data(corpus, limit=limit)
    (n_articles,) = corpus.sql("SELECT count(*) FROM articles").fetchall()[0]
    (n_errors,) = corpus.sql("SELECT count(*) FROM errors").fetchall()[0]
    (n_documents,) = corpus.sql("SELECT count(*) FROM cited_documents").fetchall()[0]
    (n_people,) = corpus.sql("SELECT count(*) FROM people").fetchall()[0]
    months = data["articles_per_month"]
    dated = [m for m in months if m["month"] is not None]
    charts = {
        "months": bar_chart([m["month"] for m in dated], [m["n_articles"] for m in dated],
                            title="Articles per month", ylabel="articles"),
        "admissions": line_chart(admissions_series(data["figure_points"]), title="Party admissions per year",
                                 xlabel="year", ylabel="admitted"),
    }
    undated = sum(m["n_articles"] for m in months if m["month"] is None)
    return str(
        environment()
        .get_template("report.html.j2")
        .render(
            title=title, data=data, charts=charts, careers=careers(corpus, data["top_people"]),
            n_articles=n_articles, n_errors=n_errors, n_documents=n_documents, n_people=n_people, undated=undated,
        )
    )
