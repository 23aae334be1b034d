"""The article page (`party-reports show`): its marks, escaping, size, and a real browser."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from party_reports import parse
from party_reports.cli import main
from party_reports.render import html
from party_reports.render.article import COLOURS, TEXT_COLOUR
from party_reports.render.layout import CATEGORIES

from .browser import Page

SAMPLE = Path("fixtures/articles/sample.txt")
HOSTILE = (
    "Ngày 05/11/2021, <script>window.pwned = 1; alert('x')</script> Đảng bộ có 62 chi bộ </mark> & \"q\" {{ 7*7 }}\n"
    "kết nạp được 23/15 đồng chí (đạt 150% chỉ tiêu). <img src=x onerror=\"window.pwned=2\">"
)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("category", sorted(COLOURS))
def test_colours_pass_wcag_aa(category: str) -> None:
    light, dark = sorted([_luminance(COLOURS[category]), _luminance(TEXT_COLOUR)], reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_injection_is_text() -> None:
    page = html(HOSTILE, parse(HOSTILE))
    assert "<script>window.pwned" not in page and "<img src=x" not in page and "&lt;/mark&gt; &amp;" in page
    assert "{{ 7*7 }}" in page


def test_a_5_kib_article_page_is_small() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    while len(text.encode("utf-8")) < 5 * 1024:
        text += "\n" + SAMPLE.read_text(encoding="utf-8")
    assert len(html(text, parse(text)).encode("utf-8")) < 60 * 1024


def _write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(html(text, parse(text)), encoding="utf-8")
    return path


def test_in_a_browser(browser: Any, tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    report = parse(text)
    page = Page(browser, _write(tmp_path, "sample.html", text))
    try:
        p = page.page
        assert page.console_errors == []
        assert p.eval_on_selector("#article", "el => el.textContent") == text  # marks add and lose nothing
        for category in CATEGORIES:
            anchors = p.locator(f"#article a.anchor[data-category='{category}']").count()
            assert anchors == len(getattr(report, category)), category
        quota = report.quotas[0]
        mark = p.locator("#article a#quotas-0 + span[data-ids]")
        mark.focus()
        shown = p.locator("#info").inner_text()
        assert f"{quota.achieved}/{quota.target}" in shown
        doc = report.documents[0]
        p.locator("#article a#documents-0 + span[data-ids]").hover()
        assert doc.number is not None and doc.number in p.locator("#info").inner_text()
        p.screenshot(path=str(tmp_path / "sample.png"), full_page=True)
    finally:
        page.close()


def test_a_finding_link_scrolls_to_its_span(browser: Any, tmp_path: Path) -> None:
    filler = "Đảng ủy tiếp tục lãnh đạo thực hiện nhiệm vụ chính trị của địa phương.\n" * 150
    text = filler + "Năm qua kết nạp được 23/15 đảng viên (đạt 120% chỉ tiêu)."
    report = parse(text)
    assert report.findings and report.findings[0].spans
    page = Page(browser, _write(tmp_path, "finding.html", text))
    try:
        p = page.page
        target = p.locator("#article a#findings-0-0 + span")
        assert not target.is_visible() or p.evaluate("window.scrollY") == 0
        p.locator("#findings a.jump").first.click()
        assert p.evaluate("location.hash") == "#findings-0-0"
        assert p.evaluate("window.scrollY") > 0
        box = target.bounding_box()
        assert box is not None and 0 <= box["y"] <= 900
        outline = p.eval_on_selector("#article a#findings-0-0 + span", "el => getComputedStyle(el).outlineStyle")
        assert outline == "solid"  # the :target highlight
    finally:
        page.close()


def test_hostile_article_runs_no_script(browser: Any, tmp_path: Path) -> None:
    page = Page(browser, _write(tmp_path, "hostile.html", HOSTILE))
    try:
        assert page.dialogs == [] and page.page.evaluate("window.pwned") is None
        assert page.page.eval_on_selector("#article", "el => el.textContent") == HOSTILE
    finally:
        page.close()


def test_empty_and_huge_articles(browser: Any, tmp_path: Path) -> None:
    page = Page(browser, _write(tmp_path, "empty.html", ""))
    try:
        assert "empty" in page.page.locator("#empty").inner_text()
    finally:
        page.close()
    text = SAMPLE.read_text(encoding="utf-8")
    big = (text + "\n") * (1024 * 1024 // len((text + "\n").encode("utf-8")) + 1)
    path = _write(tmp_path, "big.html", big)
    started = time.perf_counter()
    page = Page(browser, path)
    try:
        loaded = time.perf_counter() - started
        print(f"1 MiB article: {path.stat().st_size // 1024} KiB page loaded in {loaded:.2f} s")
        assert page.console_errors == []
        assert page.page.eval_on_selector("#article", "el => el.textContent.length") == len(big)
    finally:
        page.close()


def test_show_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a.html"
    assert main(["show", str(SAMPLE), "-o", str(out)]) == 0
    assert "Đảng ủy Khối" in out.read_text(encoding="utf-8")
    assert main(["show", "fixtures/html/tan-phong-2023.html", "-o", str(out)]) == 0
    assert "Tân Phong" in out.read_text(encoding="utf-8") and "Bình luận" not in out.read_text(encoding="utf-8")
    assert main(["show", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert "no such file" in capsys.readouterr().err
