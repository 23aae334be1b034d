"""Faults in a batch run: a killed run resumes to the full result; a raising parse is one error row."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from party_reports.cli import main
from party_reports.corpus import run as run_module
from party_reports.corpus.batch import JOURNAL

from .conftest import ARTICLES


def _dump(path: Path, copies: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    with path.open("w", encoding="utf-8") as f:
        for n in range(copies):
            f.write(json.dumps({"id": f"a{n:04d}", "text": texts[n % len(texts)]}, ensure_ascii=False) + "\n")


def test_killed_run_resumes_to_the_full_result(tmp_path: Path) -> None:
    dump, full, killed = tmp_path / "dump.jsonl", tmp_path / "full", tmp_path / "killed"
    _dump(dump, 400)
    assert main(["batch", str(dump), "-o", str(full), "--jobs", "2", "--no-progress"]) == 0
    cmd = [sys.executable, "-m", "party_reports", "batch", str(dump), "-o", str(killed), "--jobs", "2", "--no-progress"]
    proc = subprocess.Popen(cmd, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    journal = killed / JOURNAL
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.stat().st_size > 50_000:
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes, mid-write
            break
        time.sleep(0.005)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert not (killed / "articles.csv").exists()  # tables are only renamed into place when complete
    assert main(["batch", str(dump), "-o", str(killed), "--resume", "--jobs", "2", "--no-progress"]) == 0
    assert journal.read_bytes() == (full / JOURNAL).read_bytes()
    for table in ("articles", "quotas", "counts", "errors"):
        assert (killed / f"{table}.csv").read_bytes() == (full / f"{table}.csv").read_bytes()


def test_an_exception_inside_parse_is_one_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = run_module.parse  # type: ignore[attr-defined]

    def failing(text: str, options: object = None) -> object:
        if "BOOM" in text:
            raise RecursionError("injected")
        return real(text)

    monkeypatch.setattr(run_module, "parse", failing)  # parse must never raise; this forces it to
    dump, out = tmp_path / "d.jsonl", tmp_path / "out"
    records = [{"id": "ok", "text": "Ngày 05/11/2021"}, {"id": "bad", "text": "BOOM"}, {"id": "ok2", "text": "2022"}]
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["batch", str(dump), "-o", str(out), "--jobs", "1", "--no-progress"]) == 1
    errors = (out / "errors.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(errors) == 2 and "bad" in errors[1] and "RecursionError('injected')" in errors[1]
    assert len((out / "articles.csv").read_text(encoding="utf-8-sig").splitlines()) == 3


def test_lone_surrogates_become_replacement_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dump, out = tmp_path / "s.jsonl", tmp_path / "out"
    lines = [
        '{"id": "s1", "text": "Ng\\u00e0y 05/11/2021 \\udc80 c\\u00f3 12 \\u0111\\u1ea3ng vi\\u00ean"}',
        '{"id": "s\\ud800", "text": "K\\u1ebf ho\\u1ea1ch s\\u1ed1 64-KH/\\u0110U"}',
        '{"id": "s\\udc00", "text": "again"}',  # the same id once made valid: a duplicate
    ]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["batch", str(dump), "-o", str(out), "--format", "jsonl,csv,parquet", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert err.count("lone surrogate(s) replaced by U+FFFD") == 2 and "duplicate article_id 's\ufffd'" in err
    records = [json.loads(line) for line in (out / JOURNAL).read_text(encoding="utf-8").splitlines()]
    assert [r["article_id"] for r in records] == ["s1", "s\ufffd"]
    first = records[0]
    assert "\ufffd" in first["text"] and [c["text"] for c in first["report"]["counts"]] == ["12 đảng viên"]
    for c in first["report"]["counts"] + first["report"]["dates"]:
        assert first["text"][c["start"] : c["end"]] == c["text"]
    assert main(["index", str(out), "--db", str(tmp_path / "c.duckdb")]) == 1  # loads; the duplicate is an error
