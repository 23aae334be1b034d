"""`party-reports batch INPUT... -o OUT_DIR`: the corpus run from the command line."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from types import FrameType

from .writers import FORMATS


def _formats(value: str) -> set[str]:
    chosen = {v.strip() for v in value.split(",") if v.strip()}
    unknown = chosen - set(FORMATS)
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"formats are {', '.join(FORMATS)}; got {value!r}")
    return chosen


def _on_term(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import open_progress, run_batch
    from .inputs import iter_work

    signal.signal(signal.SIGTERM, _on_term)
    show = not args.no_progress and sys.stderr.isatty()
    step, close = open_progress(show, sys.stderr)

    def warn(message: str) -> None:
        print(f"party-reports: warning: {message}", file=sys.stderr)

    try:
        summary = run_batch(
            iter_work(args.inputs, encoding=args.encoding),
            Path(args.out),
            formats=args.format,
            jobs=args.jobs,
            resume=args.resume,
            bom=not args.no_bom,
            warn=warn,
            progress=step,
        )
    except KeyboardInterrupt:
        close()
        print("party-reports: interrupted; finished articles are kept, rerun with --resume", file=sys.stderr)
        return 130
    except (RuntimeError, OSError) as exc:
        close()
        print(f"party-reports: {exc}", file=sys.stderr)
        return 2
    close()
    print(f"party-reports: {summary.line()}; tables in {args.out}", file=sys.stderr)
    return 1 if summary.errors else 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `batch` subcommand."""
    p = sub.add_parser("batch", help="parse many articles into reports.jsonl and tables (CSV, Parquet)")
    p.add_argument("inputs", nargs="+", help=".txt, .html, .jsonl files, folders, or - for JSONL on stdin")
    p.add_argument("-o", "--out", required=True, help="output folder")
    p.add_argument("--format", type=_formats, default={"jsonl", "csv"}, help="jsonl,csv,parquet (default jsonl,csv)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)")
    p.add_argument("--resume", action="store_true", help="keep the articles of an interrupted run, parse the rest")
    p.add_argument("--encoding", default=None, help="encoding of text inputs (default UTF-8)")
    p.add_argument("--no-bom", action="store_true", help="CSV without the BOM that spreadsheets need for UTF-8")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_batch)
