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
