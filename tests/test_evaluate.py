"""The scoring rules of `party_reports.evaluate` (docs/evaluation.md), the CLI, and a run on the seeds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from party_reports.cli import main
from party_reports.evaluate import (
    CATEGORIES,
    GoldArticle,
    Summary,
    Tally,
    check_gold,
    evaluate,
    score_article,
    summarise,
)

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"


def gold(**fields: Any) -> dict[str, Any]:
    """A gold record with every required key, empty unless given."""
    base: dict[str, Any] = {"id": "t", "published": None, **{c: [] for c in CATEGORIES}}
    base.update(fields)
    return base


def report(**fields: Any) -> dict[str, Any]:
    """A report as `parse` serialises it, with only the given parts."""
    base: dict[str, Any] = {"metadata": {"authors": []}, "findings": []}
    base.update(fields)
    return base


def tally(g: dict[str, Any], r: dict[str, Any], category: str, text: str = "") -> tuple[int, int, int]:
    t = score_article("t", text, g, r).tallies[category]
    return t.gold, t.predicted, t.matched


def d(text: str, value: str, granularity: str = "day") -> dict[str, str]:
    return {"text": text, "value": value, "granularity": granularity}


# --- dates --------------------------------------------------------------------------


def test_dates_match_on_value_and_granularity() -> None:
    g = gold(dates=[d("27/10/2022", "2022-10-27"), d("năm 2022", "2022", "year")])
    r = report(dates=[d("27/10/2022", "2022-10-27"), d("năm 2022", "2022", "range")])
    assert tally(g, r, "dates") == (2, 2, 1)


def test_unknown_year_gold_matches_resolved_day() -> None:
    g = gold(dates=[d("Sáng 16.7", "XXXX-07-16")])
    assert tally(g, report(dates=[d("Sáng 16.7", "2022-07-16")]), "dates") == (1, 1, 1)
    assert tally(g, report(dates=[d("Sáng 16.8", "2022-08-16")]), "dates") == (1, 1, 0)


def test_unknown_year_prediction_matches_resolved_gold() -> None:
    g = gold(dates=[d("16/7/2022", "2022-07-16")])
    assert tally(g, report(dates=[d("16.7", "XXXX-07-16")]), "dates") == (1, 1, 1)


def test_one_unknown_year_pairs_once() -> None:
    g = gold(dates=[d("16.7", "XXXX-07-16")])
    r = report(dates=[d("16/7/2021", "2021-07-16"), d("16/7/2022", "2022-07-16")])
    assert tally(g, r, "dates") == (1, 2, 1)


def test_exact_pairs_come_before_loose_ones() -> None:
    g = gold(dates=[d("16/7/2022", "2022-07-16"), d("16.7", "XXXX-07-16")])
    r = report(dates=[d("16.7", "XXXX-07-16"), d("16/7/2022", "2022-07-16")])
    assert tally(g, r, "dates") == (2, 2, 2)


def test_months_never_pair_loosely() -> None:
    g = gold(dates=[d("tháng 7", "XXXX-07", "month")])
    assert tally(g, report(dates=[d("tháng 7/2022", "2022-07", "month")]), "dates") == (1, 1, 0)


def test_repeated_mentions_count_once() -> None:
    g = gold(dates=[d("năm 2022", "2022", "year"), d("Năm 2022", "2022", "year")])
    r = report(dates=[d("năm 2022", "2022", "year")] * 3)
    assert tally(g, r, "dates") == (1, 1, 1)


# --- documents ----------------------------------------------------------------------


def doc(kind: str | None, number: str | None, text: str = "x") -> dict[str, Any]:
    return {"text": text, "kind": kind, "number": number}


def test_document_kinds_match_on_their_head() -> None:
    g = gold(documents=[doc("chương trình hành động", "83-CTHĐ/TU")])
    assert tally(g, report(documents=[doc("chương trình", "83-CTHĐ/TU")]), "documents") == (1, 1, 1)
    g = gold(documents=[doc("chương trình", "15-CTr/TU")])
    assert tally(g, report(documents=[doc("chương trình hành động", "15-CTr/TU")]), "documents") == (1, 1, 1)


def test_document_kinds_must_agree() -> None:
    g = gold(documents=[doc("quy định", "24-QĐ/TW")])
    assert tally(g, report(documents=[doc("quyết định", "24-QĐ/TW")]), "documents") == (1, 1, 0)
    assert tally(g, report(documents=[doc(None, "24-QĐ/TW")]), "documents") == (1, 1, 0)


def test_document_numbers_fold_case_spaces_dashes_and_nfd() -> None:
    g = gold(documents=[doc("kế hoạch", "58-KH/ĐU")])
    for written in ["58 - KH/ĐU", "58-kh/đu", "58–KH/ĐU", "58-KH/\u00d0U"]:
        assert tally(g, report(documents=[doc("Kế hoạch", written)]), "documents") == (1, 1, 1), written
    nfd_kind = "Ke\u0302\u0301 hoa\u0323ch"
    assert tally(g, report(documents=[doc(nfd_kind, "58-KH/ĐU")]), "documents") == (1, 1, 1)
    assert tally(g, report(documents=[doc("kế hoạch", "58-KH/QU")]), "documents") == (1, 1, 0)


# --- officials and authors ----------------------------------------------------------


def test_officials_match_on_folded_name_and_report_title_recall() -> None:
    g = gold(officials=[{"name": "Vũ Thị Thân", "titles": ["UVTV", "Trưởng Ban Tổ chức Quận uỷ"]}])
    r = report(officials=[{"text": "VŨ THỊ THÂN", "name": "Vũ  Thị Thân", "titles": ["Trưởng Ban Tổ chức Quận ủy"]}])
    score = score_article("t", "", g, r)
    assert (score.tallies["officials"].matched, score.fields["official_titles"].model_dump()) == (
        1, {"correct": 1, "total": 2},
    )


def test_titles_of_unmatched_officials_are_not_counted() -> None:
    g = gold(officials=[{"name": "Vũ Thị Thân", "titles": ["UVTV"]}])
    r = report(officials=[{"text": "Vũ Thị Thần", "name": "Vũ Thị Thần", "titles": ["UVTV"]}])
    score = score_article("t", "", g, r)
    assert score.tallies["officials"].matched == 0
    assert score.fields["official_titles"].total == 0


def test_authors_come_from_metadata_and_fold() -> None:
    g = gold(authors=["Phương Nam", "PV"])
    r = report(metadata={"authors": ["PHƯƠNG NAM"]})
    assert tally(g, r, "authors") == (2, 1, 1)


# --- quotas and counts --------------------------------------------------------------


def test_quotas_compare_stated_percent_as_a_float() -> None:
    g = gold(quotas=[{"text": "x", "achieved": 23, "target": 15, "percent": 153},
                     {"text": "y", "achieved": None, "target": None, "percent": 35.34}])
    r = report(quotas=[{"text": "x", "achieved": 23, "target": 15, "stated_percent": 153.0, "computed_percent": 153.33},
                       {"text": "y", "achieved": None, "target": None, "stated_percent": 35.34}])
    assert tally(g, r, "quotas") == (2, 2, 2)


def test_quota_computed_percent_is_not_the_stated_one() -> None:
    g = gold(quotas=[{"text": "68/68 chi bộ", "achieved": 68, "target": 68, "percent": None}])
    r = report(quotas=[{"text": "68/68 chi bộ", "achieved": 68, "target": 68, "stated_percent": None,
                        "computed_percent": 100.0}])
    assert tally(g, r, "quotas") == (1, 1, 1)


def test_count_units_fold_and_dv_means_dang_vien() -> None:
    g = gold(counts=[{"text": "1.988 ĐV", "value": 1988, "unit": "đv"},
                     {"text": "667 Đảng viên", "value": 667, "unit": "đảng viên"}])
    r = report(counts=[{"text": "1.988 ĐV", "value": 1988, "unit": "đảng viên"},
                       {"text": "667 Đảng viên", "value": 667, "unit": "Đảng viên"}])
    assert tally(g, r, "counts") == (2, 2, 2)
    r = report(counts=[{"text": "667 chi bộ", "value": 667, "unit": "chi bộ"}])
    assert tally(g, r, "counts") == (2, 1, 0)


# --- metadata fields ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_published", "predicted", "correct", "total"),
    [
        ("2022-12-09T15:50", "2022-12-09T15:50:00+07:00", 1, 1),
        ("2022-12-09T15:50", "2022-12-09T15:51:00+07:00", 0, 1),
        ("2022-12-09T15:50", "2022-12-09", 0, 1),
        ("2022-12-09", "2022-12-09T15:50:00+07:00", 1, 1),
        ("2022-12-09", None, 0, 1),
        (None, "2022-12-09", 0, 1),
        (None, None, 0, 0),
    ],
)
def test_published_is_compared_at_the_gold_precision(
    gold_published: str | None, predicted: str | None, correct: int, total: int
) -> None:
    score = score_article("t", "", gold(published=gold_published), report(metadata={"published_at": predicted}))
    assert score.fields["published"].model_dump() == {"correct": correct, "total": total}


def test_title_category_and_views_are_scored_only_when_the_gold_has_them() -> None:
    r = report(metadata={"title": "Hội  nghị", "category": "Đảng đoàn thể", "view_count": 483})
    bare = score_article("t", "", gold(), r)
    assert [bare.fields[f].total for f in ("title", "category", "view_count")] == [0, 0, 0]
    full = score_article("t", "", gold(title="Hội nghị", category="đảng đoàn thể", view_count=484), r)
    assert [(full.fields[f].correct, full.fields[f].total) for f in ("title", "category", "view_count")] == [
        (1, 1), (1, 1), (0, 1),
    ]


def test_expected_findings_must_cover_every_text() -> None:
    text = "kết nạp 23/15 đồng chí (đạt 135% chỉ tiêu)"
    g = gold(findings=[{"texts": ["23/15", "135%"]}])
    span = {"start": text.index("23/15"), "end": len(text)}
    hit = report(findings=[{"code": "quota.percent_mismatch", "severity": "warning", "message": "", "spans": [span]}])
    assert score_article("t", text, g, hit).fields["findings"].correct == 1
    miss = report(findings=[{"code": "x", "severity": "info", "message": "", "spans": [{"start": 0, "end": 7}]}])
    assert score_article("t", text, g, miss).fields["findings"].correct == 0


# --- sums ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "prf"),
    [
        ((10, 8, 6), (0.75, 0.6, 2 * 0.75 * 0.6 / 1.35)),
        ((0, 0, 0), (1.0, 1.0, 1.0)),
        ((5, 0, 0), (0.0, 0.0, 0.0)),
        ((0, 3, 0), (0.0, 0.0, 0.0)),
    ],
)
def test_precision_recall_f1(counts: tuple[int, int, int], prf: tuple[float, float, float]) -> None:
    t = Tally(gold=counts[0], predicted=counts[1], matched=counts[2])
    assert (t.precision, t.recall, t.f1) == pytest.approx(prf)


def test_scores_are_micro_averaged_over_articles() -> None:
    a = score_article("a", "", gold(counts=[{"text": "x", "value": 1, "unit": "chi bộ"}]), report())
    b = score_article("b", "", gold(), report(counts=[{"text": "y", "value": 2, "unit": "chi bộ"}]))
    s = summarise("f", [a, b]).scores["counts"]
    assert (s.gold, s.predicted, s.matched, s.precision, s.recall) == (1, 1, 0, 0.0, 0.0)


# --- the gold schema ----------------------------------------------------------------


def test_gold_schema_requires_the_guide_keys() -> None:
    with pytest.raises(ValueError, match="counts"):
        GoldArticle.model_validate({k: v for k, v in gold().items() if k != "counts"})
    with pytest.raises(ValueError, match="granularity"):
        GoldArticle.model_validate(gold(dates=[d("x", "2022", "week")]))
    with pytest.raises(ValueError, match="published"):
        GoldArticle.model_validate(gold(published="09/12/2022"))
    with pytest.raises(ValueError, match="extra"):
        GoldArticle.model_validate(gold(officals=[]))


def test_check_gold_finds_texts_missing_from_the_article() -> None:
    g = GoldArticle.model_validate(gold(officials=[{"name": "Nguyễn Thị Lan", "titles": ["Bí thư Chi bộ"]}]))
    assert check_gold("đồng chí NGUYỄN THỊ LAN, Bí thư Chi bộ", g) == []
    assert check_gold("đồng chí Nguyễn Thị Lan, Bí thư Đảng ủy", g) == [
        "officials: 'Bí thư Chi bộ' does not occur in the article"
    ]


# --- folders and the command ----------------------------------------------------------


def write_article(folder: Path, name: str, text: str, data: dict[str, Any]) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.gold.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_evaluate_folder_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_article(tmp_path, "a", "Có 62 chi bộ.", gold(counts=[{"text": "62 chi bộ", "value": 62, "unit": "chi bộ"}]))
    (tmp_path / "notes.txt").write_text("an article with no gold is not scored", encoding="utf-8")
    summary = evaluate(tmp_path)
    assert isinstance(summary, Summary)
    assert [a.name for a in summary.articles] == ["a"]
    assert summary.scores["counts"].gold == 1

    out_json = tmp_path / "summary.json"
    assert main(["evaluate", str(tmp_path), "--verbose", "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "category" in out and "counts" in out and "F1" in out
    saved = json.loads(out_json.read_text(encoding="utf-8"))
    assert saved["scores"]["counts"]["gold"] == 1
    if summary.scores["counts"].matched == 0:  # the miss is listed with its text
        assert "'62 chi bộ'" in out


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "no NAME.txt with NAME.gold.json" in capsys.readouterr().err
    (tmp_path / "b.gold.json").write_text("{}", encoding="utf-8")
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "no article b.txt" in capsys.readouterr().err
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "not a valid gold file" in capsys.readouterr().err


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside the repo")
def test_seeds_evaluate(capsys: pytest.CaptureFixture[str]) -> None:
    summary = evaluate(SEEDS)
    assert len(summary.articles) >= 2
    assert summary.scores["counts"].gold > 0
    assert main(["evaluate", str(SEEDS)]) == 0
    assert "dates" in capsys.readouterr().out
