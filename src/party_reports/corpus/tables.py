"""One report (its JSON form, as `reports.jsonl` holds it) -> rows of the corpus tables.

The table and column names are the contract of `design/CORPUS.md`; `COLUMNS` lists
them in order with a type each, so the CSV header, the Parquet schema and the DuckDB
tables all come from one place.  Rows are built from the JSON form of a report (never
from extractor internals), so `batch`, the Dask engine and `index` share this code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any, Literal

ColumnType = Literal["str", "int", "float", "bool", "date", "list"]

_ITEM: tuple[tuple[str, ColumnType], ...] = (
    ("article_id", "str"),
    ("item", "int"),
    ("start", "int"),
    ("end", "int"),
    ("text", "str"),
    ("rule", "str"),
)

COLUMNS: dict[str, tuple[tuple[str, ColumnType], ...]] = {
    "articles": (
        ("article_id", "str"),
        ("source", "str"),
        ("title", "str"),
        ("category", "str"),
        ("published_at", "str"),
        ("published_on", "date"),
        ("view_count", "int"),
        ("authors", "list"),
        ("n_chars", "int"),
        ("text_sha256", "str"),
    ),
    "dates": (
        *_ITEM,
        ("value", "str"),
        ("granularity", "str"),
        ("first_day", "date"),
        ("last_day", "date"),
        ("year_inferred", "bool"),
        ("latent", "bool"),
    ),
    "documents": (
        *_ITEM,
        ("kind", "str"),
        ("number", "str"),
        ("system", "str"),
        ("serial", "str"),
        ("type_code", "str"),
        ("issuer_code", "str"),
        ("year", "int"),
        ("issued_on", "date"),
        ("issuer", "str"),
    ),
    "officials": (*_ITEM, ("name", "str"), ("titles", "list"), ("titles_expanded", "list"), ("n_mentions", "int")),
    "quotas": (
        *_ITEM,
        ("achieved", "int"),
        ("target", "int"),
        ("stated_percent", "float"),
        ("computed_percent", "float"),
        ("unit", "str"),
        ("subject", "str"),
        ("percent_of", "str"),
        ("qualifier", "str"),
    ),
    "counts": (*_ITEM, ("value", "int"), ("unit", "str"), ("qualifier", "str"), ("is_change", "bool")),
    "organisations": (*_ITEM, ("name", "str"), ("level", "str"), ("kind", "str")),
    "findings": (
        ("article_id", "str"),
        ("item", "int"),
        ("code", "str"),
        ("severity", "str"),
        ("message", "str"),
        ("spans", "list"),
    ),
    "errors": (("source", "str"), ("article_id", "str"), ("error", "str")),
}

TABLES: tuple[str, ...] = tuple(COLUMNS)
ITEM_TABLES: tuple[str, ...] = ("dates", "documents", "officials", "quotas", "counts", "organisations")

Row = dict[str, Any]

# Parquet and DuckDB hold 64-bit integers; a figure outside that range keeps its digits
# in `text` and gets a null value rather than failing the whole table.
_INT64 = 2**63


def _as_date(raw: Any) -> date:
    return date.fromisoformat(str(raw)[:10])


def _as_int(raw: Any) -> int | None:
    return raw if isinstance(raw, int) and -_INT64 <= raw < _INT64 else None


def _as_list(raw: Any) -> list[str]:
    return [str(v) for v in raw]


# How a JSON value becomes the column's Python value (dates parsed, lists kept, big ints
# nulled); str and bool columns keep the value as it is.
_CONVERT: dict[ColumnType, Callable[[Any], Any]] = {"date": _as_date, "int": _as_int, "float": float, "list": _as_list}
_NAMES: dict[str, tuple[str, ...]] = {table: tuple(name for name, _ in columns) for table, columns in COLUMNS.items()}
_CONVERSIONS: dict[str, tuple[tuple[str, Callable[[Any], Any], bool], ...]] = {
    table: tuple((name, _CONVERT[kind], kind == "list") for name, kind in columns if kind in _CONVERT)
    for table, columns in COLUMNS.items()
}


def _row(table: str, data: Mapping[str, Any], extra: Mapping[str, Any] | None = None) -> Row:
    """The row of `table` from a JSON object (and `extra` columns that override it)."""
    get = data.get
    row: Row = {name: get(name) for name in _NAMES[table]}
    if extra:
        row.update(extra)
    for name, convert, is_list in _CONVERSIONS[table]:
        raw = row[name]
        row[name] = ([] if is_list else None) if raw is None else convert(raw)
    return row


def article_row(article_id: str, source: str, text_sha256: str, report: Mapping[str, Any]) -> Row:
    """The `articles` row of one parsed article."""
    meta = report.get("metadata") or {}
    published = meta.get("published_at")
    data = {
        "article_id": article_id,
        "source": source,
        "title": meta.get("title"),
        "category": meta.get("category"),
        "published_at": published,
        "published_on": published,
        "view_count": meta.get("view_count"),
        "authors": meta.get("authors"),
        "n_chars": report.get("n_chars"),
        "text_sha256": text_sha256,
    }
    return _row("articles", data)


def item_rows(article_id: str, report: Mapping[str, Any]) -> Iterator[tuple[str, Row]]:
    """(table, row) for every item and finding of one report, in report order."""
    for table in ITEM_TABLES:
        for i, item in enumerate(report.get(table) or ()):
            extra: dict[str, Any] = {"article_id": article_id, "item": i}
            if table == "officials":
                extra["n_mentions"] = len(item.get("mentions") or ()) or 1
            yield table, _row(table, item, extra)
    for i, finding in enumerate(report.get("findings") or ()):
        spans = [f"{s['start']}:{s['end']}" for s in finding.get("spans") or ()]
        yield "findings", _row("findings", finding, {"article_id": article_id, "item": i, "spans": spans})


def error_row(source: str, article_id: str | None, error: str) -> Row:
    """The `errors` row of an input that could not be read or parsed."""
    return _row("errors", {"source": source, "article_id": article_id, "error": error})


def record_rows(record: Mapping[str, Any]) -> Iterator[tuple[str, Row]]:
    """All rows of one `reports.jsonl` record (`article_id`, `source`, `report`, ...)."""
    article_id = str(record["article_id"])
    report = {**record["report"], "n_chars": record.get("n_chars")}
    yield "articles", article_row(article_id, str(record.get("source", "")), str(record.get("text_sha256", "")), report)
    yield from item_rows(article_id, report)
