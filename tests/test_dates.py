"""Value tables for the dates resolvers: value strings, intervals, year inference, findings."""

from __future__ import annotations

from datetime import date

import pytest

import party_reports
from party_reports import Options
from party_reports.extractors.dates import When, infer_year, interval_of, valid_day, value_of

VALUES = [
    (When("day", 2022, 10, 27), "2022-10-27", (date(2022, 10, 27), date(2022, 10, 27))),
    (When("day", None, 7, 16), "XXXX-07-16", None),
    (When("month", 2023, 3), "2023-03", (date(2023, 3, 1), date(2023, 3, 31))),
    (When("month", 2023, 2), "2023-02", (date(2023, 2, 1), date(2023, 2, 28))),
    (When("quarter", 2023, part=1), "2023-Q1", (date(2023, 1, 1), date(2023, 3, 31))),
    (When("quarter", 2022, part=4), "2022-Q4", (date(2022, 10, 1), date(2022, 12, 31))),
    (When("half", 2022, part=1), "2022-H1", (date(2022, 1, 1), date(2022, 6, 30))),
    (When("half", 2019, part=2), "2019-H2", (date(2019, 7, 1), date(2019, 12, 31))),
    (When("year", 2022), "2022", (date(2022, 1, 1), date(2022, 12, 31))),
    (When("range", 2020, end_year=2025), "2020/2025", (date(2020, 1, 1), date(2025, 12, 31))),
    (
        When("range", 2020, 1, end_year=2020, end_month=9),
        "2020-01/2020-09",
        (date(2020, 1, 1), date(2020, 9, 30)),
    ),
]


@pytest.mark.parametrize(("when", "value", "interval"), VALUES, ids=[v for _, v, _ in VALUES])
def test_value_and_interval(when: When, value: str, interval: tuple[date, date] | None) -> None:
    assert value_of(when) == value
    assert interval_of(when) == interval


INFERENCE = [
    # (reading, anchor, inferred year or None when left open)
    (When("day", None, 7, 16), date(2022, 12, 9), 2022),
    (When("day", None, 12, 21), date(2023, 1, 5), 2022),  # a month after the anchor's: the year before
    (When("day", None, 1, 3), date(2023, 1, 5), 2023),
    (When("day", None, 2, 29), date(2023, 3, 1), None),  # no 29/2/2023: left open
    (When("quarter", None, part=2), date(2023, 3, 23), 2023),  # plans ahead keep the anchor's year
    (When("half", None, part=2), date(2022, 7, 1), 2022),
]


@pytest.mark.parametrize(("when", "anchor", "year"), INFERENCE)
def test_infer_year(when: When, anchor: date, year: int | None) -> None:
    inferred = infer_year(when, anchor)
    assert inferred.year == year
    assert inferred.year_inferred is (year is not None)


@pytest.mark.parametrize(
    ("day", "month", "year", "ok"),
    [(31, 1, 2023, True), (31, 4, None, False), (29, 2, None, True), (29, 2, 2024, True), (29, 2, 2023, False),
     (0, 5, 2022, False), (12, 13, None, False), (45, 13, 2022, False)],
)
def test_valid_day(day: int, month: int, year: int | None, ok: bool) -> None:
    assert valid_day(day, month, year) is ok


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Văn bản ký ngày 31/02/2023.", "date.impossible"),
        ("Hạn cuối 45/13/2022 theo kế hoạch.", "date.impossible"),
        ("Chiều ngày 31/4, chi bộ họp.", "date.impossible"),
        ("Quy hoạch giai đoạn 2025-2020 được thông qua.", "date.reversed_range"),
    ],
)
def test_findings_not_items(text: str, code: str) -> None:
    report = party_reports.parse(text)
    assert report.dates == []
    assert [f.code for f in report.findings if f.code.startswith("date.")] == [code]
    finding = next(f for f in report.findings if f.code == code)
    assert all(0 <= s.start < s.end <= len(text) for s in finding.spans)


def test_no_finding_for_quota_fractions() -> None:
    report = party_reports.parse("Kết nạp được 23/15 đồng chí, chỉ đạo 68/68 chi bộ, đến 45/13 chỉ tiêu.")
    assert report.dates == []
    assert not [f for f in report.findings if f.code.startswith("date.")]


def test_reference_date_anchors_yearless_days() -> None:
    text = "Sáng 16.7, Đảng ủy họp; chiều 21/12 tổng kết."
    report = party_reports.parse(text, Options(reference_date=date(2023, 1, 5)))
    assert [(d.value, d.year_inferred) for d in report.dates] == [("2022-07-16", True), ("2022-12-21", True)]
    assert report.dates[0].first_day == date(2022, 7, 16)


def test_spans_slice_back_through_normalisation() -> None:
    text = "Nhiệm kỳ 2020\u00a0\u2013\u00a02025 và Quy\u0301 I/2023 được tổng kết."  # NBSP, en dash, NFD
    report = party_reports.parse(text)
    assert [(d.value, text[d.start : d.end] == d.text) for d in report.dates] == [
        ("2020/2025", True),
        ("2023-Q1", True),
    ]
