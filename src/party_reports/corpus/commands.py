"""`party-reports batch INPUT... -o OUT_DIR`: the corpus run from the command line."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from types import FrameType

from ..decoding import ENCODING_HELP
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
    if args.scheduler and args.engine != "dask":
        print("party-reports: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print(f"party-reports: --jobs must be at least 1, got {args.jobs}", file=sys.stderr)
        return 2
    if args.encoding and args.encoding.lower() == "auto":
        from ..decoding import DecodeError, require_detector

        try:
            require_detector()
        except DecodeError as exc:
            print(f"party-reports: {exc}", file=sys.stderr)
            return 2
    if "-" in args.inputs:
        from ..streams import StreamError, stdin_bytes

        try:
            stdin_bytes()
        except StreamError as exc:
            print(f"party-reports: {exc}", file=sys.stderr)
            return 2
    from .batch import open_progress, run_batch
    from .inputs import iter_work

    signal.signal(signal.SIGTERM, _on_term)
    show = not args.no_progress and sys.stderr.isatty()
    step, close = open_progress(show, sys.stderr)

    def warn(message: str) -> None:
        print(f"party-reports: warning: {message}", file=sys.stderr)

    work = iter_work(args.inputs, encoding=args.encoding)
    try:
        if args.engine == "dask":
            from .dask_engine import run_dask

            summary = run_dask(
                work,
                Path(args.out),
                scheduler=args.scheduler,
                jobs=args.jobs,
                formats=args.format,
                resume=args.resume,
                bom=not args.no_bom,
                warn=warn,
                progress=step,
            )
        else:
            summary = run_batch(
                work,
                Path(args.out),
                formats=args.format or {"jsonl", "csv"},
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
    except (RuntimeError, OSError, ValueError) as exc:
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
    p.add_argument(
        "--format", type=_formats, default=None, help="jsonl,csv,parquet (default jsonl,csv; dask: parquet)"
    )
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes (default) or Dask")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address (default: a local cluster)")
    p.add_argument("--resume", action="store_true", help="keep the articles of an interrupted run, parse the rest")
    p.add_argument("--encoding", default=None, help=ENCODING_HELP)
    p.add_argument("--no-bom", action="store_true", help="CSV without the BOM that spreadsheets need for UTF-8")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_batch)
