"""HTML pages in a batch: trafilatura's main text, with the stamp and byline put back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from party_reports.cli import main
from party_reports.corpus.inputs import Work
from party_reports.corpus.run import process

PAGE = Path("fixtures/html/tan-phong-2023.html")


def test_a_page_becomes_its_article(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(PAGE), "-o", str(out), "--jobs", "1", "--no-progress"]) == 0
    (record,) = [json.loads(line) for line in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    text, report = record["text"], record["report"]
    meta = report["metadata"]
    assert meta["title"] == "Đảng bộ xã Tân Phong tổng kết công tác năm 2023"
    assert meta["published_at"] == "2023-12-20T09:15:00+07:00"
    assert meta["authors"] == ["Lê Hoàng"]
    assert [c["text"] for c in report["counts"]] == ["18 chi bộ", "420 đảng viên"]  # not the sidebar's figures
    assert [q["achieved"] for q in report["quotas"]] == [12]
    for item in report["counts"] + report["quotas"] + report["documents"] + report["dates"]:
        assert text[item["start"] : item["end"]] == item["text"]
    assert "Bình luận" not in text and "Tin liên quan" not in text and "Giấy phép" not in text


def test_a_page_with_no_article_is_an_error() -> None:
    p = process(Work("x.html", "x.html", text="<html><body><script>var x = 1;</script></body></html>", kind="html"))
    assert p.error == "x.html: no article text in this page"


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what `import` sees when it is not installed
    p = process(Work("x.html", "x.html", text=PAGE.read_text(encoding="utf-8"), kind="html"))
    assert p.error is not None and "pip install 'party_reports[html]'" in p.error
