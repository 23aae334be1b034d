"""`party-reports show ARTICLE -o ARTICLE.html`: one article with every extracted span marked."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..decoding import ENCODING_HELP
from .page_file import write_page


def _read(name: str, encoding: str | None) -> str:
    from ..corpus.html import extract_main_text
    from ..decoding import decode
    from ..streams import read_stdin

    data = read_stdin() if name == "-" else Path(name).read_bytes()
    text = decode(data, name, encoding)
    if name != "-" and Path(name).suffix.lower() in {".html", ".htm"}:
        return extract_main_text(text)
    return text


def _cmd_show(args: argparse.Namespace) -> int:
    from .. import parse
    from ..decoding import DecodeError

    try:
        from .article import html

        text = _read(args.article, args.encoding)
        page = html(text, parse(text))
    except FileNotFoundError:
        print(f"party-reports: {args.article}: no such file", file=sys.stderr)
        return 2
    except (OSError, DecodeError, RuntimeError) as exc:
        print(f"party-reports: {exc}", file=sys.stderr)
        return 2
    return write_page(Path(args.out), page)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `show` subcommand."""
    p = sub.add_parser("show", help="one article as an HTML page with every extracted span marked")
    p.add_argument("article", help="a .txt file, an .html page, or - for text on standard input")
    p.add_argument("-o", "--out", required=True, help="the HTML file to write")
    p.add_argument("--encoding", default=None, help=ENCODING_HELP)
    p.set_defaults(func=_cmd_show)
