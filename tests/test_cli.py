"""The command line: `parse FILE` prints JSON; bad files give one line, not a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from party_reports.cli import main

ARTICLE = "Kế hoạch số 64-KH/ĐU ngày 05/11/2021 của Đảng ủy Khối.\n"


def test_parse_prints_unescaped_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\\u" not in out  # Vietnamese unescaped
    data = json.loads(out)
    assert set(data) >= {"metadata", "dates", "documents", "findings"}


def test_parse_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["parse", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["metadata"] is not None


def test_missing_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/no/such/bai.txt"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "party-reports: /no/such/bai.txt: no such file"


def test_undecodable_bytes_name_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cp1258.txt"
    path.write_bytes(b"\xd0\xa3ng \xff\xfe")
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "not UTF-8" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_directory_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_module_entry_point(tmp_path: Path) -> None:
    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "party_reports", "parse", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"] is not None


def test_output_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    import os

    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    done = subprocess.run(
        [sys.executable, "-m", "party_reports", "parse", str(path)], capture_output=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Kế hoạch" in done.stdout.decode("utf-8")
