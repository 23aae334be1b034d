"""Report.metadata: the case table fixtures/metadata.toml, the seeds, and the invariants."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

import party_reports
from party_reports.extractors import metadata
from party_reports.models import Metadata, Report
from party_reports.patterns import Doc
from party_reports.text import normalise

ROOT = Path(__file__).resolve().parent.parent
TABLE = tomllib.loads((ROOT / "fixtures" / "metadata.toml").read_text(encoding="utf-8"))
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
_RULES_SEEN: set[str] = set()


def _page(case: dict[str, Any]) -> str:
    title, body, line = TABLE["settings"]["title"], TABLE["settings"]["body"], case["line"]
    where = case.get("where", "after_title")
    if where == "before_title":
        return f"{line}\n{title}\n\n{body}"
    if where == "body":
        return f"{title}\n\n{body}\n\n{line}\n\n{body}"
    return f"{title}\n{line}\n\n{body}"


def _parse(text: str) -> Report:
    report = party_reports.parse(text)
    md = report.metadata
    for mention in [md.title_span, md.published_span, *md.author_spans, *md.images]:
        if mention is not None:
            assert text[mention.start : mention.end] == mention.text
            _RULES_SEEN.add(mention.rule)
    for image in md.images:
        for part in (image.caption, image.credit):
            if part is not None:
                assert text[part.start : part.end] == part.text
                _RULES_SEEN.add(part.rule)
    for span in md.paragraphs:
        assert text[span.start : span.end].strip() == text[span.start : span.end] != ""
    return report


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _codes(report: Report) -> list[str]:
    return [f.code for f in report.findings if f.code.startswith("metadata.")]


def _param(case: dict[str, Any], text: str) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=text[:60], marks=marks)


@pytest.mark.parametrize("case", [_param(c, c["line"]) for c in TABLE["stamp"]])
def test_stamp(case: dict[str, Any]) -> None:
    text = _page(case)
    report = _parse(text)
    md = report.metadata
    assert _iso(md.published_at) == case.get("published")
    assert md.view_count == case.get("views")
    if "span" in case:
        assert md.published_span is not None and md.published_span.text == case["span"]
    assert _codes(report) == case.get("findings", [])
    if md.published_span is not None:  # the stamp is furniture: no date is read from it
        assert all(d.end <= md.published_span.start or d.start >= md.published_span.end for d in report.dates)


def _null(value: Any) -> Any:
    return None if value == "" else value


@pytest.mark.parametrize("case", [_param(c, c["note"]) for c in TABLE["layout"]])
def test_layout(case: dict[str, Any]) -> None:
    report = _parse(case["text"])
    md = report.metadata
    for key in ("title", "category", "view_count"):
        if key in case:
            assert getattr(md, key) == _null(case[key]), key
    if "views" in case:
        assert md.view_count == _null(case["views"])
    if "published" in case:
        assert _iso(md.published_at) == _null(case["published"])
    if "authors" in case:
        assert md.authors == case["authors"]
    if "images" in case:
        assert len(md.images) == len(case["images"])
        for image, want in zip(md.images, case["images"], strict=True):
            assert image.text.endswith(want["file"])
            assert (image.caption.text if image.caption else "") == want["caption"]
            assert (image.credit.text if image.credit else "") == want["credit"]
    for code in case.get("findings", []):
        assert code in _codes(report)


def test_table_size() -> None:
    """The issue asks for at least 30 stamp variants and 20 page layouts."""
    assert sum("published" in c for c in TABLE["stamp"]) >= 30
    assert len(TABLE["layout"]) >= 20


@pytest.mark.parametrize("name", ["long-bien-2022", "dong-anh-2023"])
def test_seed_matches_gold(name: str) -> None:
    if not (SEEDS / f"{name}.txt").exists():
        pytest.skip("shared seeds not available")
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((SEEDS / f"{name}.gold.json").read_text(encoding="utf-8"))
    md = _parse(text).metadata
    published = md.published_at.isoformat()[:16] if md.published_at is not None else None
    assert published == gold["published"]
    assert md.view_count == gold.get("view_count")
    assert md.category == gold.get("category")
    assert md.authors == gold["authors"]


def test_excluded_marks_furniture() -> None:
    text = (
        "Tiêu đề bài viết về hội nghị chi bộ\nNgày đăng 21/11/2022 | 10:35 | Lượt xem: 357\n\n"
        "anh-01.jpg\nQuang cảnh\n\nNội dung.\n\nPV"
    )
    doc = Doc(normalise(text))
    doc.start_clock()
    md = metadata.extract(doc)
    pieces = [doc.text[s:e] for s, e in doc.excluded]
    assert "Ngày đăng 21/11/2022 | 10:35 | Lượt xem: 357" in pieces
    assert "anh-01.jpg" in pieces
    assert md.authors == ["PV"] and "PV" in pieces


def test_empty_and_odd_inputs() -> None:
    for text in ["", "\n\n", "   ", "./.", "a" * 5000, "1/1/" * 2000]:
        md = party_reports.parse(text).metadata
        assert isinstance(md, Metadata)
        assert md.published_at is None and md.authors == []


def test_no_dead_patterns() -> None:
    """Every pattern and rule of the metadata extractor is produced by some case above."""
    rules = {p.name for p in metadata.PATTERNS} - {"metadata.view_count"}
    rules |= {
        metadata.RULE_TITLE,
        metadata.RULE_BYLINE_TOP,
        metadata.RULE_BYLINE_END,
        metadata.RULE_BYLINE_STAMP,
        metadata.RULE_CAPTION,
        metadata.RULE_CREDIT,
    }
    if not _RULES_SEEN:
        pytest.skip("run with the table cases")
    assert rules <= _RULES_SEEN, sorted(rules - _RULES_SEEN)
