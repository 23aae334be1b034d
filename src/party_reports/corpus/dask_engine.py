"""`batch --engine dask`: the same run on a Dask cluster, tables written as partitions.

The client reads the inputs (as the local engine does, with the same accounting of
duplicates and unreadable inputs) and sends chunks of consecutive articles to the
workers with `distributed` futures, a bounded number in flight so memory stays flat.
Each worker parses its chunk and writes partition `i` of every table itself
(`OUT/NAME/part-NNNNN.parquet`, and the journal `OUT/reports/part-NNNNN.jsonl`), so
nothing but a few counts comes back.  Partitions in name order hold exactly the rows of
the local engine's tables, in the same order.  `OUT` must be a folder every worker can
write (a shared file system).  A retried task rewrites its partition whole: files are
renamed into place only when complete, and the journal part last, so `--resume` can
trust any partition that has one and deletes the others.

Why futures and not `dask.bag.from_sequence`: a bag is built from a materialised list,
which for a corpus means holding every text on the client; a window of futures streams.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import Options
from .batch import Summary
from .html import MissingExtra
from .inputs import Work
from .journal import account, journal_line, read_journal, safe_text
from .run import CHUNK, process
from .tables import COLUMNS, error_row, record_rows
from .writers import TableWriter, open_writers, part_name, require_pyarrow

JOURNAL_DIR = "reports"


def require_dask() -> None:
    """Raise a clear error naming the extra when `distributed` is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise MissingExtra("the dask engine needs dask[distributed]: pip install 'party_reports[dask]'") from None


@dataclass
class PartResult:
    """What one partition held: counts per table and the error messages (for warnings)."""

    part: int
    items: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings that are not errors rows
    chars: int = 0


def write_partition(part: int, chunk: list[Work], out_dir: str, formats: set[str], options: Options | None,
                    bom: bool) -> PartResult:
    """Parse `chunk` and write partition `part` of the journal and of every table (runs on a worker)."""
    out = Path(out_dir)
    result = PartResult(part)
    writers = open_writers(out, formats, bom=bom, part=part)
    journal_path = out / JOURNAL_DIR / part_name(part, "jsonl")
    journal_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = journal_path.with_name(journal_path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8", errors="surrogatepass") as journal:
            for w in chunk:
                p = process(w, options)
                if p.note is not None:
                    result.notes.append(p.note)
                if p.error is not None:
                    message = safe_text(p.error)
                    _write(writers["errors"], error_row(p.source, p.article_id, message))
                    result.errors.append(message)
                    continue
                line = journal_line(p)
                journal.write(line)
                result.chars += len(p.text or "")
                for table, row in record_rows(json.loads(line)):
                    _write(writers[table], row)
                    result.items[table] += 1
    except BaseException:
        for ws in writers.values():
            for wr in ws:
                wr.abort()
        tmp.unlink(missing_ok=True)
        raise
    for ws in writers.values():
        for wr in ws:
            wr.close()
    os.replace(tmp, journal_path)
    return result


def _write(writers: list[TableWriter], row: dict[str, Any]) -> None:
    for w in writers:
        w.write(row)


def _parts(folder: Path, ext: str) -> dict[int, Path]:
    found: dict[int, Path] = {}
    for path in folder.glob(f"part-*.{ext}") if folder.is_dir() else ():
        try:
            found[int(path.stem.removeprefix("part-"))] = path
        except ValueError:
            continue
    return found


def prepare(out_dir: Path, resume: bool) -> tuple[set[str], int]:
    """Clear or keep earlier partitions; returns the ids already done and the next part number.

    Without `resume`, every earlier partition goes.  With it, the partitions that have a
    journal part are kept (their tables are complete), the others and all errors
    partitions are deleted (errors are tried again).
    """
    journal_parts = _parts(out_dir / JOURNAL_DIR, "jsonl") if resume else {}
    done: set[str] = set()
    for path in journal_parts.values():
        records, _ = read_journal(path)
        done.update(str(r["article_id"]) for r in records)
    for table in COLUMNS:
        for ext in ("csv", "parquet"):
            for part, path in _parts(out_dir / table, ext).items():
                if table == "errors" or part not in journal_parts:
                    path.unlink()
    if not resume:
        for path in _parts(out_dir / JOURNAL_DIR, "jsonl").values():
            path.unlink()
    return done, max(journal_parts, default=-1) + 1


def _chunks(work: Iterator[Work], size: int) -> Iterator[list[Work]]:
    chunk: list[Work] = []
    for w in work:
        chunk.append(w)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_dask(
    work: Iterable[Work],
    out_dir: Path,
    *,
    scheduler: Any = None,
    jobs: int = 1,
    formats: set[str] | None = None,
    resume: bool = False,
    options: Options | None = None,
    bom: bool = True,
    chunk: int = CHUNK,
    warn: Callable[[str], None] = lambda _: None,
    progress: Callable[[int, int], None] = lambda n, chars: None,
) -> Summary:
    """Run `batch` on a Dask cluster; returns the same summary as the local engine.

    `scheduler` is a `distributed.Client`, a scheduler address (`tcp://host:8786`), or
    None to start a `LocalCluster` of `jobs` worker processes for this run.
    `formats`: `parquet` (the default) and/or `csv` partitions; the journal is always written.
    """
    require_dask()
    from distributed import Client, LocalCluster

    table_formats = (formats or {"parquet"}) - {"jsonl"} or {"parquet"}
    if "parquet" in table_formats:
        require_pyarrow()
    started = time.perf_counter()
    out_dir = out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    done, next_part = prepare(out_dir, resume)
    summary = Summary(resumed=len(done))
    owned: list[Any] = []
    if isinstance(scheduler, Client):
        client = scheduler
    elif scheduler:
        client = Client(scheduler)
        owned.append(client)
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        owned += [client, cluster]
    try:
        window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[Any] = deque()

        def collect() -> None:
            result: PartResult = pending.popleft().result()
            summary.items.update(result.items)
            summary.errors += len(result.errors)
            for message in result.notes + result.errors:
                warn(message)
            progress(result.items["articles"] + len(result.errors), result.chars)

        for part, piece in enumerate(_chunks(account(work, done), chunk), next_part):
            pending.append(client.submit(write_partition, part, piece, str(out_dir), table_formats, options, bom,
                                         pure=False))
            if len(pending) >= window:
                collect()
        while pending:
            collect()
    finally:
        for thing in owned:
            thing.close()
    summary.articles = summary.items.pop("articles", 0) + summary.resumed
    summary.seconds = time.perf_counter() - started
    return summary
