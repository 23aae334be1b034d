"""The `party-reports` command: ``parse FILE`` prints a report as JSON;
``evaluate DIR`` scores `parse` against the annotated articles of a folder."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from .api import parse
from .decoding import ENCODING_HELP, DecodeError, decode
from .streams import EXIT_BROKEN_PIPE, BrokenPipe, StreamError, discard_stdout, read_stdin, write_stdout


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2."""


# Modules that add subcommands: each has `register(subparsers)`, adds its parsers with
# `set_defaults(func=...)` and imports its heavy dependencies only inside the handler.
COMMAND_MODULES: tuple[str, ...] = (
    "party_reports.corpus.commands",
    "party_reports.corpus.index_commands",
    "party_reports.render.report_command",
    "party_reports.render.show_command",
)


def read_text(name: str, encoding: str | None = None) -> str:
    """The text of file `name` (``-`` for standard input), UTF-8 unless `encoding` says
    otherwise (``auto``: detected), or a one-line error."""
    try:
        data = read_stdin() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise CliError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{name}: is a directory, expected a text file") from None
    except OSError as exc:
        raise CliError(f"{name}: cannot read ({exc.strerror})") from None
    try:
        return decode(data, "standard input" if name == "-" else name, encoding)
    except DecodeError as exc:
        raise CliError(str(exc)) from None


def _write(text: str) -> None:
    """Write UTF-8 to standard output whatever the locale says (JSON is UTF-8)."""
    write_stdout(text)


def _cmd_parse(args: argparse.Namespace) -> int:
    report = parse(read_text(args.file, args.encoding))
    out = report.model_dump_json(indent=2)
    _write(out + "\n")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    # Imported here: `parse` alone should not pay for the scoring code.
    from .evaluate import evaluate, format_misses, format_table

    try:
        summary = evaluate(args.dir)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.verbose:
        misses = format_misses(summary)
        _write("article\tcategory\tkind\tkey\ttext\n" + (misses + "\n" if misses else "") + "\n")
    _write(format_table(summary) + "\n")
    if args.json:
        try:
            Path(args.json).write_text(summary.model_dump_json(indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise CliError(f"{args.json}: cannot write ({exc.strerror})") from None
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; subcommands register here."""
    parser = argparse.ArgumentParser(prog="party-reports", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_parse = sub.add_parser("parse", help="print the report of one article as JSON")
    p_parse.add_argument("file", help="a UTF-8 text file, or - for standard input")
    p_parse.add_argument("--encoding", default=None, help=ENCODING_HELP)
    p_parse.set_defaults(func=_cmd_parse)
    p_eval = sub.add_parser(
        "evaluate", help="score parse against a folder of NAME.txt + NAME.gold.json (docs/evaluation.md)"
    )
    p_eval.add_argument("dir", help="folder of articles NAME.txt, each with its NAME.gold.json")
    p_eval.add_argument("--verbose", action="store_true", help="also print every miss and false hit with its text")
    p_eval.add_argument("--json", metavar="FILE", help="write the summary as JSON to FILE")
    p_eval.set_defaults(func=_cmd_evaluate)
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    0 on success; 1 when a batch or index run could not parse some inputs; 2 for a usage
    error, a file that cannot be read or written, or a closed or full standard stream (one
    line on standard error); 141 (128 + SIGPIPE, what a shell shows for Unix tools) and no
    message when the reader of standard output has gone (``| head``); 130 on Ctrl-C.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except (CliError, StreamError) as exc:
        print(f"party-reports: {exc}", file=sys.stderr)
        discard_stdout()
        return 2
    except (BrokenPipe, BrokenPipeError):
        discard_stdout()
        return EXIT_BROKEN_PIPE
    return status


if __name__ == "__main__":
    raise SystemExit(main())
