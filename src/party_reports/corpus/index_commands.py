"""`party-reports index INPUT_OR_OUT_DIR... --db CORPUS.duckdb` and `party-reports query CORPUS.duckdb SQL`.

An input that is a `batch` output folder is loaded as it is.  Any other input (files,
folders of articles, `-`) is first parsed by `batch` into a temporary folder that is
removed afterwards, or into `--batch-out DIR`, which is kept.  Exit status: 0 when every
input was parsed, 1 when some could not be (each printed, each a row of `errors`), 2 for
a usage error (a database that cannot be opened or written, bad SQL).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
from contextlib import redirect_stdout
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..decoding import ENCODING_HELP
from ..streams import write_stdout


def _err(message: str) -> None:
    print(f"party-reports: {message}", file=sys.stderr)


def _write(text: str) -> None:
    """UTF-8 on standard output whatever the locale says."""
    write_stdout(text)


def _run_batch(inputs: list[str], out: Path, jobs: int, encoding: str | None) -> None:
    """Parse raw inputs into `out` (its errors are reported when the folder is indexed)."""
    from .batch import run_batch
    from .inputs import iter_work

    run_batch(iter_work(inputs, encoding=encoding), out, formats={"jsonl", "parquet"}, jobs=jobs)


def _cmd_index(args: argparse.Namespace) -> int:
    from .index import IndexingError, index_folders, is_batch_folder, require_index_extra

    try:
        require_index_extra()
    except IndexingError as exc:
        _err(str(exc))
        return 2
    db = Path(args.db)
    folders = [Path(i) for i in args.inputs if i != "-" and is_batch_folder(Path(i))]
    raw = [i for i in args.inputs if i == "-" or not is_batch_folder(Path(i))]
    try:
        with tempfile.TemporaryDirectory(prefix="party-reports-batch-") as tmp:
            if raw:
                out = Path(args.batch_out) if args.batch_out else Path(tmp)
                _run_batch(raw, out, args.jobs, args.encoding)
                folders.append(out)
            summary = index_folders(db, folders, warn=lambda m: _err(f"warning: {m}"))
    except (IndexingError, RuntimeError, OSError) as exc:
        _err(str(exc))
        return 2
    except KeyboardInterrupt:
        _err(f"interrupted; {db} is as it was before this run")
        return 130
    _err(f"{summary.line()}; database {db}")
    return 1 if summary.errors else 0


def _cell(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_cell(v) for v in value]
    if isinstance(value, dict):
        return {k: _cell(v) for k, v in value.items()}
    return value


def _csv_cell(value: Any) -> Any:
    value = _cell(value)
    if isinstance(value, list):
        return "; ".join(json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def format_result(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> str:
    """Rows as CSV (lists joined with '; ', as batch writes them) or JSON (an array of objects)."""
    if fmt == "json":
        records = [{c: _cell(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def _cmd_query(args: argparse.Namespace) -> int:
    from .database import Corpus
    from .index import IndexingError, require_index_extra

    try:
        require_index_extra()
    except IndexingError as exc:
        _err(str(exc))
        return 2
    import duckdb

    try:
        with Corpus(args.db) as corpus:
            rel = corpus.sql(args.sql)
            if rel is None:
                return 0
            if args.format == "table":
                buf = io.StringIO()
                with redirect_stdout(buf):
                    rel.show(max_rows=args.max_rows, max_width=args.max_width)
                text = buf.getvalue()
            else:
                text = format_result(list(rel.columns), rel.fetchall(), args.format)
    except IndexingError as exc:
        _err(str(exc))
        return 2
    except duckdb.Error as exc:
        _err(f"query failed: {str(exc).strip()}")
        return 2
    _write(text)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `index` and `query` subcommands."""
    p = sub.add_parser("index", help="load batch output (or parse inputs first) into a DuckDB corpus index")
    p.add_argument("inputs", nargs="+", help="batch output folders, or .txt/.html/.jsonl files, folders, -")
    p.add_argument("--db", required=True, help="the DuckDB file to create or add to")
    p.add_argument("--batch-out", help="for raw inputs: keep the batch output here (default: a temporary folder)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for raw inputs")
    p.add_argument("--encoding", default=None, help=ENCODING_HELP)
    p.set_defaults(func=_cmd_index)
    q = sub.add_parser("query", help="run SQL on a corpus index and print the result")
    q.add_argument("db", help="a DuckDB file made by 'party-reports index'")
    q.add_argument("sql", help='the query, e.g. "SELECT * FROM cited_documents ORDER BY n_articles DESC LIMIT 10"')
    q.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output (default table)")
    q.add_argument("--max-rows", type=int, default=1000, help="rows shown in a table (default 1000)")
    q.add_argument("--max-width", type=int, default=160, help="width of a table in characters (default 160)")
    q.set_defaults(func=_cmd_query)
