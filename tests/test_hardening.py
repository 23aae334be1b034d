"""Regression cases of the hardening issue: long digit runs, infinite budgets, JSON round trips, space runs."""

from __future__ import annotations

import gc
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from party_reports import Options, Report, parse
from party_reports.extractors import officials
from party_reports.patterns import Doc
from party_reports.text import normalise

CASES = tomllib.loads(Path(__file__).with_name("cases").joinpath("hardening.toml").read_text(encoding="utf-8"))["case"]


def _text(case: dict[str, Any]) -> str:
    if "text" in case:
        return str(case["text"])
    r = case["repeat"]
    return str(r["before"] + r["unit"] * r["times"] + r["after"])


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    text = _text(case)
    report = parse(text)
    if "counts" in case:
        assert [c.value for c in report.counts] == case["counts"]
    if "quota_achieved" in case:
        assert [q.achieved for q in report.quotas if q.achieved is not None] == case["quota_achieved"]
    if "officials" in case:
        assert [[o.name, o.titles] for o in report.officials] == case["officials"]
    if "authors" in case:
        assert report.metadata.authors == case["authors"]
    if "published" in case:
        assert str(report.metadata.published_at).lower() == case["published"]
    if "findings" in case:
        assert [f.code for f in report.findings] == case["findings"]
    for item in [*report.counts, *report.quotas, *report.officials]:
        assert text[item.start : item.end] == item.text
    assert Report.model_validate_json(report.model_dump_json(), context={"source": text}) == report


@pytest.mark.parametrize("timeout", [float("inf"), 1e13, 1e300])
def test_a_huge_budget_is_no_budget(timeout: float) -> None:
    report = parse("Ngày 05/11/2021, Huyện ủy có 62 chi bộ.", Options(timeout=timeout))
    assert [f.code for f in report.findings] == []
    assert [d.value for d in report.dates] == ["2021-11-05"] and [c.value for c in report.counts] == [62]


def test_lone_surrogate_round_trips_through_json() -> None:
    text = "â \udbff Toàn huyện có 12 đảng viên"
    report = parse(text)
    again = Report.model_validate_json(report.model_dump_json(), context={"source": text})
    assert [c.value for c in again.counts] == [12]


@pytest.mark.parametrize("k", [10, 100_000])
def test_a_space_run_after_a_ratio_stays_linear(k: int) -> None:
    # Quadratic before the space runs became possessive: 2 s at k = 4 000, hours at 100 000.
    text = "kết nạp được 23/15 đảng viên" + " " * k + "(đạt 153% chỉ tiêu)"
    (quota,) = parse(text).quotas
    assert (quota.achieved, quota.target, quota.stated_percent) == (23, 15, 153)
    assert [q.achieved for q in parse("23/15" + " " * k).quotas] in ([], [23])


@pytest.mark.parametrize("k", [10, 150, 3000])
def test_a_space_run_in_a_head_line_stays_linear(k: int) -> None:
    # ":" + 150 spaces + "--20 | 13:40", seven lines, took about 5 s before the fix.
    text = (":" + " " * k + "--20 | 13:40\n") * 7
    report = parse(text)
    assert report.findings == [] and report.metadata.published_at is None
    titled = "Hội nghị tổng kết công tác Đảng" + " " * min(k, 100) + "20/12/2022 13:40\nNội dung."
    assert parse(titled).metadata.published_at is not None


def _seconds(text: str) -> float:
    """The best of five runs of the officials extractor alone on `text` (noise only adds time)."""
    doc = Doc(normalise(text), Options())
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            doc.start_clock()
            started = time.perf_counter()
            officials.extract(doc)
            best = min(best, time.perf_counter() - started)
    finally:
        gc.enable()
    return best


def _stays_linear(make: Callable[[int], str], n: int, factor: int = 16) -> None:
    """Growing the input `factor` times grows the time at most twice as much as linear.

    Up to three tries: load on the machine only ever adds time, a quadratic cost fails all three.
    """
    ratios = []
    for _ in range(3):
        small, large = _seconds(make(n)), _seconds(make(n * factor))
        ratios.append(large / small)
        if large < 2 * factor * small:
            return
    pytest.fail(f"{factor}x the input took {min(ratios):.0f}x the time")


@pytest.mark.parametrize("honorific", ["đồng chí", "đảng viên", "ông", "các đồng chí"])
def test_a_space_run_after_an_honorific_stays_linear(honorific: str) -> None:
    # Quadratic before the look-ahead after an honorific became possessive: 4 000 spaces
    # took 0.13 s, 64 000 about 30 s.
    _stays_linear(lambda k: honorific + " " * k, 4000)


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u3000", "\t", "\u200b"])
def test_odd_spaces_after_an_honorific_stay_linear(space: str) -> None:
    _stays_linear(lambda k: "đồng chí" + space * k + "Lò Văn Thắm, Bí thư" + space * k, 4000)


@pytest.mark.parametrize("filler", ["x" * 4000, "một hai ba " * 300])
def test_officials_far_apart_stay_linear(filler: str) -> None:
    # The note and aside after each name ("(sinh năm …)") were matched against the whole
    # rest of the text, which `regex` first searches for a "(": 47-60x the time for 16x
    # the text of "đồng chí A, Bí thư" + filler, before the match looked only nearby.
    _stays_linear(lambda n: ("đồng chí Nguyễn Văn An, Bí thư " + filler + "\n") * n, 25)


_CAPTIONED = "Hội nghị tổng kết công tác Đảng năm 2023\n\nNội dung.\n\nanh-01.jpg\nQuang cảnh hội nghị\n"


@pytest.mark.parametrize("space", [" ", "\t", "\u2007", "\u2009", "\u1680", "\u3000"])
@pytest.mark.parametrize("k", [10, 5000])
def test_a_space_run_around_a_photo_credit_stays_linear(space: str, k: int) -> None:
    # The credit pattern split a run two ways from each of its spaces: 26 s at k = 800.
    s = space * k
    report = parse(_CAPTIONED + "Ảnh" + s + "-" + s + "Ảnh: Minh" + s + "x\n\nKết thúc./.\nMinh Khoa")
    assert report.findings == [] and report.metadata.authors == ["Minh Khoa"]
    (image,) = parse(_CAPTIONED + s + "Ảnh:" + s + "Tuấn Anh" + s + "\n\nKết thúc.").metadata.images
    if normalise(space).text == " ":  # U+1680 stays itself in the text layer: no credit then
        assert image.credit is not None and image.credit.text == "Tuấn Anh"


@pytest.mark.parametrize("k", [3, 15, 23])
def test_a_space_run_between_stamp_labels_stays_linear(k: int) -> None:
    # Labels and brackets set apart by k spaces on a head line: 1 s at k = 15, 25 s at 23.
    s = " " * k
    line = s.join(["12/03/2023", "Cập nhật", "Ngày đăng", "[", "]", "Thứ Hai"])
    report = parse("Hội nghị tổng kết công tác Đảng năm 2023\n" + line + "\n\nNội dung.")
    assert report.findings == [] and report.metadata.published_at is None
    stamp = s.join(["Ngày đăng", "12/03/2023", "|", "Cập nhật:", "13/03/2023 08:00"])
    published = parse("Hội nghị tổng kết công tác Đảng năm 2023\n" + stamp + "\n\nNội dung.").metadata.published_at
    assert str(published) == "2023-03-12"

