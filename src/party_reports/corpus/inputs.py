"""Batch inputs -> one `Work` item per article, or per input that could not be read.

INPUT is a `.txt` file, an `.html`/`.htm` page, a `.jsonl` file, a folder (searched
recursively for those) or `-` for JSONL on standard input (`design/CORPUS.md`).  Every
input yields at least one item: what cannot be read becomes a `Work` with `error` set,
so a run accounts for all of its inputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from ..decoding import DecodeError, decode
from ..streams import StreamError, stdin_bytes

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class Work:
    """One article to parse (`text` or, for a page, `html`), or why an input could not be read."""

    article_id: str
    source: str
    text: str | None = None
    kind: Literal["text", "html"] = "text"
    error: str | None = None


def _file_work(path: Path, article_id: str, encoding: str | None) -> Iterator[Work]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Work(article_id, source, error=f"{source}: cannot read ({exc.strerror})")
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl_work(data.splitlines(), source, encoding)
        return
    if b"\x00" in data[:8192]:
        yield Work(article_id, source, error=f"{source}: binary data, not a text file")
        return
    try:
        text = decode(data, source, encoding)
    except DecodeError as exc:
        yield Work(article_id, source, error=str(exc))
        return
    if not text.strip():
        yield Work(article_id, source, error=f"{source}: empty file")
        return
    kind: Literal["text", "html"] = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    yield Work(article_id, source, text=text, kind=kind)


def _jsonl_work(lines: Iterable[bytes], name: str, encoding: str | None) -> Iterator[Work]:
    for n, line in enumerate(lines, 1):
        source = f"{name}:{n}"
        if not line.strip():
            continue  # blank lines are layout, not records
        try:
            record = json.loads(decode(line, source, encoding))
        except DecodeError as exc:
            yield Work(source, source, error=str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield Work(source, source, error=f"{source}: not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Work(source, source, error=f"{source}: a record needs a string 'text'")
            continue
        raw_id = record.get("id")
        article_id = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id) else source
        yield Work(article_id, str(record.get("url") or source), text=record["text"])


def _folder_work(folder: Path, encoding: str | None) -> Iterator[Work]:
    found = False
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
        found = True
        yield from _file_work(path, path.relative_to(folder).as_posix(), encoding)
    if not found:
        yield Work(str(folder), str(folder), error=f"{folder}: no articles (.txt, .html, .htm, .jsonl) in this folder")


def iter_work(inputs: Iterable[str], *, encoding: str | None = None, stdin: IO[bytes] | None = None) -> Iterator[Work]:
    """Every article (or unreadable input) named by `inputs`, in order, read lazily."""
    for name in inputs:
        if name == "-":
            try:
                stream = stdin if stdin is not None else stdin_bytes()
            except StreamError as exc:
                yield Work("<stdin>", "<stdin>", error=f"<stdin>: {exc}")
                continue
            try:
                yield from _jsonl_work(stream, "<stdin>", encoding)
            except OSError as exc:
                yield Work("<stdin>", "<stdin>", error=f"<stdin>: cannot read standard input ({exc.strerror})")
            continue
        path = Path(name)
        if path.is_dir():
            yield from _folder_work(path, encoding)
        elif path.exists():
            yield from _file_work(path, path.name, encoding)
        else:
            yield Work(name, name, error=f"{name}: no such file or folder")
