"""`batch` and `parse_many`: every input accounted for, jobs=1 equals jobs=2, resume after a cut."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from party_reports import parse
from party_reports.cli import main
from party_reports.corpus import parse_many
from party_reports.corpus.batch import JOURNAL

from .conftest import ARTICLES


def _table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_parse_many_same_output_on_two_processes() -> None:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in ARTICLES] * 3
    one = [(p.article_id, p.report_json, p.error) for p in parse_many(texts, jobs=1)]
    two = [(p.article_id, p.report_json, p.error) for p in parse_many(texts, jobs=2)]
    assert one == two and len(one) == len(texts)
    first = next(parse_many(texts[:1], jobs=2))
    assert first.report == parse(texts[0][1])


def test_every_input_is_one_row(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    status = main(
        [
            "batch",
            str(inputs),
            str(tmp_path / "empty_dir"),
            str(tmp_path / "missing"),
            "-o",
            str(out),
            "--format",
            "jsonl,csv,parquet",
            "--jobs",
            "2",
            "--no-progress",
        ]
    )
    assert status == 1
    articles, errors = _table(out / "articles.csv"), _table(out / "errors.csv")
    assert len(articles) == len(ARTICLES) + 1  # the fixtures and the one good JSONL record
    assert len(errors) == 8  # binary, cp1258, empty, bad JSON, no text, duplicate id, empty folder, missing
    assert len(capsys.readouterr().err.splitlines()) == 8 + 1  # a warning each and the summary
    assert (out / "quotas.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert pq.read_table(out / "quotas.parquet").num_rows == len(_table(out / "quotas.csv"))
    for line in (out / JOURNAL).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        assert record["report"] == json.loads(parse(text).model_dump_json())
        for q in record["report"]["quotas"]:
            assert text[q["start"] : q["end"]] == q["text"]


def test_two_runs_give_identical_tables(inputs: Path, tmp_path: Path) -> None:
    for name, jobs in (("a", "1"), ("b", "2")):
        main(["batch", str(inputs), "-o", str(tmp_path / name), "--jobs", jobs, "--no-progress"])
    for table in ("articles", "dates", "officials", "quotas", "counts", "findings", "errors"):
        assert (tmp_path / "a" / f"{table}.csv").read_bytes() == (tmp_path / "b" / f"{table}.csv").read_bytes()


def test_resume_after_a_cut_journal(inputs: Path, tmp_path: Path) -> None:
    full, cut = tmp_path / "full", tmp_path / "cut"
    main(["batch", str(inputs), "-o", str(full), "--jobs", "1", "--no-progress"])
    main(["batch", str(inputs), "-o", str(cut), "--jobs", "1", "--no-progress"])
    journal = (cut / JOURNAL).read_bytes()
    lines = journal.splitlines(keepends=True)
    (cut / JOURNAL).write_bytes(b"".join(lines[:2]) + lines[2][:40])  # killed inside the third line
    (cut / "counts.csv").unlink()
    main(["batch", str(inputs), "-o", str(cut), "--resume", "--jobs", "2", "--no-progress"])
    assert (cut / JOURNAL).read_bytes() == journal
    assert (cut / "counts.csv").read_bytes() == (full / "counts.csv").read_bytes()


def test_bad_format_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["batch", "x", "-o", str(tmp_path), "--format", "xlsx"])
    assert exc.value.code == 2
