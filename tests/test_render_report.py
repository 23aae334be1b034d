"""The corpus page (`party-reports report`): its data, its escaping, and a real browser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from party_reports.cli import main

from .browser import Page

CORPUS = Path("fixtures/corpus/index")


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    db = tmp / "corpus.duckdb"
    assert main(["index", str(CORPUS), "--db", str(db)]) == 0
    assert main(["report", str(db), "-o", str(tmp / "corpus.html")]) == 0
    return tmp / "corpus.html"


def _hostile_db(tmp: Path) -> Path:
    """Two articles citing one document with different issue dates, under ids that are markup."""
    bad = ['<img src=x onerror="alert(1)">', "</table><script>alert(2)</script>{{ 7*7 }} & \"q\""]
    records = [
        {"id": bad[0], "text": "Ngày 10/3/2022, Huyện ủy triển khai Nghị quyết số 12-NQ/HU ngày 02/01/2022."},
        {"id": bad[1], "text": "Ngày 20/5/2022, Huyện ủy sơ kết Nghị quyết số 12-NQ/HU ngày 09/01/2022."},
    ]
    dump = tmp / "hostile.jsonl"
    dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = tmp / "hostile.duckdb"
    assert main(["index", str(dump), "--db", str(db)]) == 0
    return db


def test_the_page_holds_every_section(corpus_page: Path) -> None:
    html = corpus_page.read_text(encoding="utf-8")
    for section in ("months", "documents", "people", "figures", "findings"):
        assert f'id="{section}"' in html
    assert html.count("<svg") == 2  # articles per month, admissions per year
    assert "Hoàng Văn Toàn" in html and "07-NQ/HU" in html and "document_issue_dates" in html
    assert "http://" not in html.replace('"http://www.w3.org/', "")  # nothing fetched from elsewhere
    assert "<script" not in html and "@font-face" not in html


def test_markup_in_the_data_is_text(tmp_path: Path) -> None:
    db = _hostile_db(tmp_path)
    out = tmp_path / "h.html"
    assert main(["report", str(db), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(2)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;{{ 7*7 }} &amp;" in html


def test_a_missing_database_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "x.html")]) == 2
    assert "no such database" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_in_a_browser(corpus_page: Path, browser: Any, tmp_path: Path) -> None:
    page = Page(browser, corpus_page)
    try:
        assert page.console_errors == []
        p = page.page
        assert p.locator("#people tbody tr").count() == 8
        bars = p.locator("#months svg g[id^='patch_']")
        assert bars.count() > 10  # the bars (and the axes' background patch)
        assert "Trần Quốc Bảo" in p.locator("#people").inner_text()
        assert p.locator("#findings .finding").count() == 4
        p.screenshot(path=str(tmp_path / "corpus.png"), full_page=True)
    finally:
        page.close()


def test_hostile_page_runs_no_script(tmp_path: Path, browser: Any) -> None:
    db = _hostile_db(tmp_path)
    out = tmp_path / "h.html"
    assert main(["report", str(db), "-o", str(out)]) == 0
    page = Page(browser, out)
    try:
        assert page.dialogs == [] and page.console_errors == []
        text = page.page.locator("#findings").inner_text()
        assert "<script>alert(2)</script>{{ 7*7 }}" in text
    finally:
        page.close()


def test_an_empty_corpus_says_so(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text(" \n", encoding="utf-8")
    db, out = tmp_path / "e.duckdb", tmp_path / "e.html"
    assert main(["index", str(tmp_path / "in"), "--db", str(db)]) == 1  # the one input is an errors row
    assert main(["report", str(db), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "0 articles" in html and "1 inputs that could not be read" in html
    assert "No article has a date." in html and "No contradiction found." in html and "<svg" not in html
