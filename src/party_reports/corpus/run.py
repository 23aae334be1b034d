"""`parse_many`: many articles through `parse`, in input order, on one or more processes.

The worker (`process`) is a pure function of one `Work` item that never raises: a
failure inside `parse` becomes the result's `error`.  With `jobs > 1`, chunks of work go
to a process pool with a bounded number in flight (spaCy's `Language.pipe` idea) and
come back in order, so the output equals the `jobs=1` output and memory stays flat.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..api import parse
from ..models import Options, Report
from .html import extract_main_text
from .inputs import Work

CHUNK = 16
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Parsed:
    """What one input became: its report (as JSON, and as a `Report` on request) or an error."""

    article_id: str
    source: str
    text: str | None
    report_json: str | None = None
    error: str | None = None
    note: str | None = None  # what was done to the input before parsing (a warning for the user)
    _report: list[Report] = field(default_factory=list, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def report(self) -> Report | None:
        """The `Report` (validated against the text, so every span slices back)."""
        if self.report_json is None or self.text is None:
            return None
        if not self._report:
            self._report.append(Report.model_validate_json(self.report_json, context={"source": self.text}))
        return self._report[0]

    @functools.cached_property  # read by the journal line and the table record alike
    def text_sha256(self) -> str:
        return hashlib.sha256((self.text or "").encode("utf-8", "surrogatepass")).hexdigest()


def _as_work(item: Any, n: int) -> Work:
    """A `str`, an `(article_id, text)` pair, a JSONL-like record or a `Work` -> `Work`."""
    if isinstance(item, Work):
        return item
    if isinstance(item, str):
        return Work(str(n), str(n), text=item)
    if isinstance(item, tuple) and len(item) == 2:
        article_id, text = item
        if isinstance(text, str):
            return Work(str(article_id), str(article_id), text=text)
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        article_id = str(item.get("id") or n)
        return Work(article_id, str(item.get("url") or article_id), text=item["text"])
    return Work(str(n), str(n), error=f"input {n}: expected a str, an (id, text) pair or a record with 'text'")


def valid_unicode(value: str) -> tuple[str, int]:
    """`value` with lone surrogates (from JSON escapes or Python strings) replaced by U+FFFD.

    Tables are UTF-8 (CSV, Parquet, DuckDB) and cannot hold them; one code point for one
    keeps every span where it was.
    """
    found = len(_SURROGATE.findall(value))
    return (_SURROGATE.sub("\ufffd", value), found) if found else (value, 0)


def _clean(work: Work) -> tuple[Work, int]:
    """`work` with lone surrogates replaced in its id, source and text; how many there were."""
    (article_id, a), (source, b) = valid_unicode(work.article_id), valid_unicode(work.source)
    text, c = valid_unicode(work.text) if work.text is not None else (None, 0)
    if not a + b + c:
        return work, 0
    return dataclasses.replace(work, article_id=article_id, source=source, text=text), a + b + c


def process(work: Work, options: Options | None = None) -> Parsed:
    """Parse one work item; never raises (an exception becomes the error)."""
    work, replaced = _clean(work)
    parsed = _process(work, options)
    if replaced and parsed.error is None:  # an error row says enough
        note = f"{work.source}: {replaced} lone surrogate(s) replaced by U+FFFD before parsing"
        parsed = dataclasses.replace(parsed, note=note)
    return parsed


def _process(work: Work, options: Options | None) -> Parsed:
    if work.error is not None or work.text is None:
        return Parsed(work.article_id, work.source, None, error=work.error or "no text")
    text = work.text
    if work.kind == "html":
        try:
            text = extract_main_text(work.text)
        except Exception as exc:  # a broken page must not end the run
            return Parsed(work.article_id, work.source, None, error=f"{work.source}: {exc}")
        if not text.strip():
            return Parsed(work.article_id, work.source, None, error=f"{work.source}: no article text in this page")
    try:
        report = parse(text, options)
        return Parsed(work.article_id, work.source, text, report.model_dump_json(), _report=[report])
    except Exception as exc:  # parse should never raise; if it does, it is one error row
        return Parsed(work.article_id, work.source, text, error=f"{work.source}: parse failed: {exc!r}")


def _process_chunk(chunk: list[Work], options: Options | None) -> list[Parsed]:
    # Reports cross the process boundary as JSON only: the parent never needs the model.
    done = (process(w, options) for w in chunk)
    return [Parsed(p.article_id, p.source, p.text, p.report_json, p.error, p.note) for p in done]


def parse_many(items: Iterable[Any], *, jobs: int = 1, options: Options | None = None) -> Iterator[Parsed]:
    """Parse every item, yielding one `Parsed` per input in input order.

    Items are `str`, `(article_id, text)` pairs, records like the JSONL ones
    (`{"id", "text", "url"?}`) or `Work`.  Streams: at most a few chunks per process are
    in flight.  `jobs > 1` gives the same results as `jobs=1`.

    >>> [p.article_id for p in parse_many([("a", "Kế hoạch số 64-KH/ĐU"), ("b", "ngày 1/1/2020")])]
    ['a', 'b']
    >>> next(parse_many([42])).error
    "input 0: expected a str, an (id, text) pair or a record with 'text'"
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    work = (_as_work(item, n) for n, item in enumerate(items))
    if jobs == 1:
        for w in work:
            yield process(w, options)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[Parsed]]] = deque()
        chunks = iter(lambda: list(itertools.islice(work, CHUNK)), [])
        try:
            for chunk in chunks:
                pending.append(pool.submit(_process_chunk, chunk, options))
                if len(pending) >= 4 * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
