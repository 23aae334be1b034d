"""`party-reports report CORPUS.duckdb -o CORPUS.html`: the corpus page from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .page_file import write_page


def _cmd_report(args: argparse.Namespace) -> int:
    try:
        from ..corpus.database import Corpus
        from ..corpus.index import IndexingError, require_index_extra
        from .report import report_html

        require_index_extra()
        with Corpus(args.db) as corpus:
            page = report_html(corpus, title=args.title or f"Corpus overview: {Path(args.db).name}")
    except (IndexingError, RuntimeError) as exc:
        print(f"party-reports: {exc}", file=sys.stderr)
        return 2
    return write_page(Path(args.out), page)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `report` subcommand."""
    p = sub.add_parser("report", help="the corpus at a glance as one HTML page (from an index)")
    p.add_argument("db", help="a database made by 'party-reports index'")
    p.add_argument("-o", "--out", required=True, help="the HTML file to write")
    p.add_argument("--title", default=None, help="the page title (default: the database's name)")
    p.set_defaults(func=_cmd_report)
