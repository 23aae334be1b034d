"""`batch`: inputs -> `reports.jsonl` (the journal) -> one table per dimension.

Only this process writes files.  Each finished article is one line appended to
`reports.jsonl` and each unreadable input one line of `errors.jsonl`; a line is written
whole or, if the run is killed inside the write, cut off and dropped by `--resume`.  Rows go
to the tables as articles finish, under temporary names renamed when the run is
complete, so a stopped run never leaves a half-written table; `write_tables` builds the
same tables from a finished journal.  `--resume` keeps the
articles already in the journal and parses the rest (errors are tried again).
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..models import Options
from .inputs import Work
from .journal import account, journal_line, read_journal, safe_text, table_record
from .run import parse_many
from .tables import ITEM_TABLES, error_row, record_rows
from .writers import TableWriter, open_writers, require_pyarrow

JOURNAL = "reports.jsonl"
ERRORS = "errors.jsonl"


@dataclass
class Summary:
    """What a run did: articles, items per table, findings, errors, seconds."""

    articles: int = 0
    resumed: int = 0
    errors: int = 0
    items: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        items = ", ".join(f"{self.items[t]} {t}" for t in ITEM_TABLES)
        resumed = f" ({self.resumed} from an earlier run)" if self.resumed else ""
        return (
            f"{self.articles} articles{resumed}, {items}, {self.items['findings']} findings, "
            f"{self.errors} errors in {self.seconds:.1f} s"
        )


def run_batch(
    work: Iterable[Work],
    out_dir: Path,
    *,
    formats: set[str],
    jobs: int = 1,
    resume: bool = False,
    options: Options | None = None,
    bom: bool = True,
    warn: Callable[[str], None] = lambda _: None,
    progress: Callable[[int, int], None] = lambda n, chars: None,
) -> Summary:
    """Parse `work` into `out_dir` and build the tables; returns the summary."""
    if "parquet" in formats:
        require_pyarrow()
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    journal_path, errors_path = out_dir / JOURNAL, out_dir / ERRORS
    done: set[str] = set()
    summary = Summary()
    resumed: list[dict[str, Any]] = []
    if resume:
        resumed, good = read_journal(journal_path)
        done = {str(r["article_id"]) for r in resumed}
        summary.resumed = len(done)
        with journal_path.open("ab") as f:
            f.truncate(good)

    # Rows go to the tables (under temporary names) as articles finish, in journal order,
    # so the tables equal what `write_tables` would build from the finished journal.
    writers = open_writers(out_dir, formats - {"jsonl"}, bom=bom)
    try:
        with (
            journal_path.open("a" if resume else "w", encoding="utf-8", errors="surrogatepass") as journal,
            errors_path.open("w", encoding="utf-8") as errors,
        ):
            for record in resumed:
                _record_to_tables(writers, record, summary)
            del resumed
            for p in parse_many(account(work, done), jobs=jobs, options=options):
                if p.note is not None:
                    warn(p.note)
                if p.error is None:
                    journal.write(journal_line(p))
                    _record_to_tables(writers, table_record(p), summary)
                else:
                    message = safe_text(p.error)
                    row = error_row(p.source, p.article_id, message)
                    errors.write(json.dumps(row, ensure_ascii=False) + "\n")
                    _write_all(writers["errors"], row)
                    summary.errors += 1
                    warn(message)
                journal.flush()
                errors.flush()
                progress(1, len(p.text or ""))
    except BaseException:
        _abort(writers)
        raise
    _close(writers)
    summary.articles = summary.items.pop("articles", 0)
    summary.seconds = time.perf_counter() - started
    return summary


def _rows_to_tables(
    writers: dict[str, list[TableWriter]], rows: Iterable[tuple[str, dict[str, Any]]], summary: Summary
) -> None:
    for table, row in rows:
        _write_all(writers[table], row)
        summary.items[table] += 1


def _record_to_tables(writers: dict[str, list[TableWriter]], record: dict[str, Any], summary: Summary) -> None:
    _rows_to_tables(writers, record_rows(record), summary)


def _close(writers: dict[str, list[TableWriter]]) -> None:
    for ws in writers.values():
        for w in ws:
            w.close()


def _abort(writers: dict[str, list[TableWriter]]) -> None:
    for ws in writers.values():
        for w in ws:
            w.abort()


def write_tables(
    out_dir: Path, formats: set[str], summary: Summary, *, bom: bool = True, dest: Path | None = None
) -> None:
    """Build every table of `formats` from the journal and the errors file (into `dest`, default `out_dir`).

    A line that is not a whole record (cut off by a killed run, or edited by hand) becomes
    an `errors` row naming the file and line, so nothing is dropped without a trace.
    """
    writers = open_writers(dest or out_dir, formats - {"jsonl"}, bom=bom)
    try:
        with (out_dir / JOURNAL).open(encoding="utf-8", errors="surrogatepass") as journal:
            for n, line in enumerate(journal, 1):
                rows, problem = _journal_rows(line, n)
                if problem is None:
                    _rows_to_tables(writers, rows, summary)
                else:
                    _write_all(writers["errors"], error_row(f"{out_dir / JOURNAL}:{n}", None, problem))
                    summary.errors += 1
        errors = out_dir / ERRORS
        with errors.open(encoding="utf-8") if errors.exists() else open(os.devnull, encoding="utf-8") as errs:
            for n, line in enumerate(errs, 1):
                try:
                    got = json.loads(line)
                    row = error_row(str(got["source"]), got.get("article_id"), str(got["error"]))
                except (ValueError, TypeError, AttributeError, KeyError):
                    row = error_row(f"{errors}:{n}", None, f"{errors} line {n}: not a whole error record")
                _write_all(writers["errors"], row)
                summary.errors += 1
    except BaseException:
        _abort(writers)
        raise
    _close(writers)
    summary.articles = summary.items.pop("articles", 0)


def _journal_rows(line: str, n: int) -> tuple[list[tuple[str, dict[str, Any]]], str | None]:
    """The table rows of journal line `n`, or why it has none."""
    try:
        record = json.loads(line)
    except ValueError:
        return [], f"{JOURNAL} line {n}: not whole JSON (cut off by a stopped run, or edited)"
    if not isinstance(record, dict) or "article_id" not in record or not isinstance(record.get("report"), dict):
        return [], f"{JOURNAL} line {n}: not an article record (no article_id or report)"
    try:
        return list(record_rows(record)), None
    except (TypeError, AttributeError, KeyError, ValueError) as exc:
        return [], f"{JOURNAL} line {n}: article {record['article_id']!r} has a malformed report ({exc!r})"


def _write_all(writers: list[TableWriter], row: dict[str, Any]) -> None:
    for w in writers:
        w.write(row)


def open_progress(enabled: bool, stream: IO[str]) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """A tqdm bar (articles/s, KiB/s) on `stream`, or a no-op when not enabled.

    The step takes the number of articles just finished and their characters.
    """
    if not enabled:
        return (lambda n, chars: None), (lambda: None)
    from tqdm import tqdm

    bar = tqdm(unit=" articles", file=stream, dynamic_ncols=True)
    started, kib = time.perf_counter(), 0.0

    def step(n: int, chars: int) -> None:
        nonlocal kib
        kib += chars / 1024
        bar.update(n)
        bar.set_postfix_str(f"{kib / max(time.perf_counter() - started, 1e-9):.0f} KiB/s", refresh=False)

    return step, bar.close
