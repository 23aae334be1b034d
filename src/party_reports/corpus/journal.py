"""The journal: one JSON line per parsed article, the record every table is built from.

A line is `{"article_id", "source", "report", "text", "n_chars", "text_sha256"}`, where
`report` is exactly `parse(text).model_dump_json()`.  Both engines (local processes and
Dask) write these lines and `tables.record_rows` turns them into rows, so their tables
cannot drift apart.  A line is written whole or, if the run is killed inside the write,
cut off; `read_journal` stops at the first incomplete line so `--resume` drops it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .inputs import Work
from .run import Parsed, valid_unicode


def journal_line(p: Parsed) -> str:
    """The journal line of a parsed article (the report embedded verbatim)."""
    head = json.dumps({"article_id": p.article_id, "source": p.source}, ensure_ascii=False)[:-1]
    tail = json.dumps(
        {"text": p.text, "n_chars": len(p.text or ""), "text_sha256": p.text_sha256}, ensure_ascii=False
    )[1:]
    return f'{head}, "report": {p.report_json}, {tail}\n'


def table_record(p: Parsed) -> dict[str, Any]:
    """The journal record of a parsed article as `tables.record_rows` reads it, without the text."""
    return {
        "article_id": p.article_id,
        "source": p.source,
        "report": json.loads(p.report_json or "{}"),
        "n_chars": len(p.text or ""),
        "text_sha256": p.text_sha256,
    }


def read_journal(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The complete records of a journal and the byte length they fill (a cut last line is not one)."""
    records: list[dict[str, Any]] = []
    good = 0
    if not path.exists():
        return records, 0
    with path.open("rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                break
            good += len(line)
    return records, good


def safe_text(text: str) -> str:
    """`text` with lone surrogates replaced, so it can be written as UTF-8 (error messages)."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def account(work: Iterable[Work], done: set[str]) -> Iterator[Work]:
    """Drop the articles already in `done`; a second article with a seen id becomes an error."""
    seen = set(done)
    for w in work:
        key = valid_unicode(w.article_id)[0]  # the id as the tables will hold it
        if w.error is None and key in done:
            continue
        if w.error is None and key in seen:
            w = Work(w.article_id, w.source, error=f"{w.source}: duplicate article_id {key!r}")
        seen.add(key)
        yield w
