"""Speed of `index` and of a full scan of each view, on the composed corpus replicated.

    .venv/bin/python benchmarks/index_bench.py                      # 10 000, 30 000, 100 000 articles
    .venv/bin/python benchmarks/index_bench.py --sizes 2000,5000    # a smoke run

The 26 articles of fixtures/corpus/index are parsed once; their table rows are
replicated under new article ids (the same people, documents and bodies recur, as in a
real corpus) and written as a batch folder of Parquet tables, so the parse time is not
in the figures.  For each size it prints the seconds to build the index from scratch,
seconds per 1000 articles (flat = linear), the seconds to index the same folder again
(nothing changes), and each view's full scan.  Never run by the tests; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from party_reports.corpus import Corpus, parse_many
from party_reports.corpus.index import index_folders
from party_reports.corpus.tables import TABLES, record_rows
from party_reports.corpus.views import VIEWS
from party_reports.corpus.writers import ParquetWriter

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "fixtures" / "corpus" / "index"


def _records() -> list[dict[str, Any]]:
    work = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(FOLDER.glob("*.txt"))]
    out = []
    for p in parse_many(work):
        assert p.report_json is not None, p.error
        out.append(
            {
                "article_id": p.article_id,
                "source": p.source,
                "report": json.loads(p.report_json),
                "n_chars": len(p.text or ""),
                "text_sha256": p.text_sha256,
            }
        )
    return out


def write_replicated(records: list[dict[str, Any]], n: int, out: Path) -> None:
    """A batch folder of Parquet tables holding `n` articles (copies of `records` under new ids)."""
    out.mkdir(parents=True, exist_ok=True)
    writers = {t: ParquetWriter(out / f"{t}.parquet", t) for t in TABLES}
    for i in range(n):
        base = records[i % len(records)]
        record = {**base, "article_id": f"{i:07d}-{base['article_id']}", "text_sha256": f"{base['text_sha256']}{i}"}
        for table, row in record_rows(record):
            writers[table].write(row)
    for w in writers.values():
        w.close()


def _time(fn: Any) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,30000,100000", help="numbers of articles, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    records = _records()
    print(f"{'articles':>9} {'build s':>8} {'s/1k':>6} {'again s':>8}  " + " ".join(f"{v:>15}" for v in VIEWS))
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            out, db = Path(tmp) / "out", Path(tmp) / "corpus.duckdb"
            print(f"writing {n} articles' tables ...", file=sys.stderr)
            write_replicated(records, n, out)
            build = _time(lambda out=out, db=db: index_folders(db, [out]))
            again = _time(lambda out=out, db=db: index_folders(db, [out]))
            scans = []
            with Corpus(db) as corpus:
                for view in VIEWS:
                    scans.append(_time(lambda c=corpus, v=view: c.sql(f"SELECT * FROM {v}").fetchall()))
            print(
                f"{n:>9} {build:>8.2f} {build / n * 1000:>6.3f} {again:>8.2f}  "
                + " ".join(f"{s:>14.2f}s" for s in scans)
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
