"""Legacy encodings: `--encoding NAME` and `--encoding auto` on `parse` and `batch`; text
from a legacy encoding is NFC, and the spans slice that text."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

from party_reports import Report, parse
from party_reports.cli import main
from party_reports.decoding import DecodeError, decode
from tests.legacy_fonts import to_cp1258

ARTICLE = Path(__file__).parent.parent / "fixtures" / "articles" / "sample.txt"


def _text() -> str:
    return unicodedata.normalize("NFC", ARTICLE.read_text(encoding="utf-8"))


def _cp1258_file(tmp_path: Path) -> Path:
    path = tmp_path / "bai-1258.txt"
    path.write_bytes(to_cp1258(_text()))
    return path


def test_windows_1258_bytes_hold_combining_tones() -> None:
    data = to_cp1258("Đảng ủy")
    assert b"\xd2" in data  # the combining hook above, not a precomposed letter
    raw = data.decode("cp1258")
    assert raw != "Đảng ủy" and unicodedata.normalize("NFC", raw) == "Đảng ủy"


def test_decode_a_named_legacy_encoding_gives_nfc() -> None:
    assert decode(to_cp1258(_text()), "a.txt", "cp1258") == _text()
    assert decode(to_cp1258(_text()), "a.txt", "CP1258") == _text()
    assert decode(to_cp1258(_text()), "a.txt", "windows-1258") == _text()


def test_utf8_stays_as_written_even_in_nfd() -> None:
    nfd = unicodedata.normalize("NFD", "Đảng ủy")
    assert decode(nfd.encode(), "a.txt") == nfd
    assert decode(nfd.encode(), "a.txt", "utf-8") == nfd
    assert decode(nfd.encode(), "a.txt", "auto") == nfd


def test_auto_detects_windows_1258() -> None:
    pytest.importorskip("charset_normalizer")
    assert decode(to_cp1258(_text()), "a.txt", "auto") == _text()


def test_auto_without_the_detector_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    with pytest.raises(DecodeError, match=r"pip install 'party_reports\[encodings\]'"):
        decode(b"abc", "a.txt", "auto")


def test_errors_name_the_encoding() -> None:
    with pytest.raises(DecodeError, match="--encoding cp1258 or auto"):
        decode(to_cp1258(_text()), "a.txt")
    with pytest.raises(DecodeError, match="unknown encoding 'tcvn9'"):
        decode(b"abc", "a.txt", "tcvn9")
    with pytest.raises(DecodeError, match="not ascii text"):
        decode("Đảng".encode(), "a.txt", "ascii")


@pytest.mark.parametrize("encoding", ["cp1258", "auto"])
def test_parse_cli_reads_windows_1258(
    encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if encoding == "auto":
        pytest.importorskip("charset_normalizer")
    path = _cp1258_file(tmp_path)
    assert main(["parse", str(path)]) == 2
    assert "not UTF-8" in capsys.readouterr().err
    assert main(["parse", str(path), "--encoding", encoding]) == 0
    out = capsys.readouterr().out
    text = _text()
    # The spans slice the NFC text that was parsed (the decoded file, NFC), and the
    # report is the one the same text gives in UTF-8.
    report = Report.model_validate_json(out, context={"source": text})
    assert report == parse(text)
    assert report.dates and report.counts and report.officials


def test_parse_cli_auto_without_the_detector(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    assert main(["parse", str(_cp1258_file(tmp_path)), "--encoding", "auto"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "party_reports[encodings]" in err


@pytest.mark.parametrize("encoding", ["cp1258", "auto"])
def test_batch_reads_windows_1258(encoding: str, tmp_path: Path) -> None:
    if encoding == "auto":
        pytest.importorskip("charset_normalizer")
    folder = tmp_path / "in"
    folder.mkdir()
    _cp1258_file(folder)
    if encoding == "auto":  # auto also reads the UTF-8 files of the same folder
        (folder / "utf8.txt").write_text(_text(), encoding="utf-8")
    out = tmp_path / "out"
    args = ["batch", str(folder), "-o", str(out), "--no-progress", "--jobs", "1", "--encoding", encoding]
    assert main(args) == 0
    records = [json.loads(line) for line in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == (2 if encoding == "auto" else 1)
    assert all(r["report"] == records[0]["report"] for r in records)
    report = Report.model_validate(records[0]["report"], context={"source": _text()})
    assert report == parse(_text())


def test_batch_auto_without_the_detector_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    assert main(["batch", str(ARTICLE), "-o", str(tmp_path / "o"), "--no-progress", "--encoding", "auto"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "party_reports[encodings]" in err
