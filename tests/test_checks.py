"""validate(report) and check_quota(numbers): the figure checks on demand; strict models.

The check_quota cases are a table in fixtures/checks/check_quota.toml.
"""

from __future__ import annotations

import json
import tomllib
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import party_reports
from party_reports import Count, Quota, Report, Span, check_quota, validate

ROOT = Path(__file__).resolve().parent.parent
TABLE = tomllib.loads((ROOT / "fixtures" / "checks" / "check_quota.toml").read_text(encoding="utf-8"))
ARTICLES = sorted((ROOT / "fixtures").rglob("*.txt"))
NUMBERS = ("achieved", "target", "stated_percent", "qualifier", "percent_of")
WRONG_PERCENT = ROOT / "fixtures" / "articles" / "xa-yen-bai-2021.txt"  # states 161% for 14/12


def _numbers(case: dict[str, Any]) -> dict[str, Any]:
    return {"achieved": None, **{k: case[k] for k in NUMBERS if k in case}}


@pytest.mark.parametrize(
    "case", TABLE["case"], ids=lambda c: f"{c.get('achieved')}/{c['target']}-{c.get('stated_percent')}"
)
def test_check_quota_table(case: dict[str, Any]) -> None:
    findings = check_quota(**_numbers(case))
    assert [f.code for f in findings] == case["codes"]
    assert all(f.spans == [] for f in findings), "no text, so no spans"
    assert all(f.message for f in findings)


@pytest.mark.parametrize("case", TABLE["refused"], ids=lambda c: c["field"])
def test_check_quota_refuses_what_the_model_refuses(case: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as info:
        check_quota(**_numbers(case))
    assert [e["loc"] for e in info.value.errors()] == [(case["field"],)]


def test_check_quota_agrees_with_the_checks_inside_parse() -> None:
    """The numbers of every checkable quota in the fixtures give the codes parse gave it."""
    seen = 0
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        report = party_reports.parse(text)
        for quota in report.quotas:
            written = text[quota.percent_span.start : quota.percent_span.end] if quota.percent_span else ""
            if quota.stated_percent is None or quota.percent_span is None or "." in written:
                continue  # a thousands dot ("1.200%") counts decimals differently from the number
            by_numbers = check_quota(**{k: getattr(quota, k) for k in NUMBERS})
            in_report = [f for f in report.findings if f.code.startswith("quota.") and quota.ratio_span in f.spans]
            assert [f.code for f in by_numbers] == [f.code for f in in_report], quota.text
            seen += 1
    assert seen >= 10


def test_validate_after_a_json_round_trip_finds_what_parse_found() -> None:
    with_findings = 0
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        report = party_reports.parse(text)
        loaded = Report.model_validate_json(report.model_dump_json(), context={"source": text})
        again = validate(loaded)
        assert again == validate(report)
        assert report.findings[len(report.findings) - len(again) :] == again  # parse appends the same checks
        with_findings += bool(again)
    assert with_findings >= 1


def test_validate_after_a_hand_correction() -> None:
    text = WRONG_PERCENT.read_text(encoding="utf-8")
    data = json.loads(party_reports.parse(text).model_dump_json())
    (i,) = [i for i, q in enumerate(data["quotas"]) if q["stated_percent"] == 161]
    assert [f.code for f in validate(Report.model_validate(data))] == ["quota.percent_mismatch"]
    data["quotas"][i]["stated_percent"] = 116.67  # the article meant 14/12
    assert validate(Report.model_validate(data, context={"source": text})) == []
    data["quotas"][i]["achieved"] = 20  # a wrong hand correction is caught too
    assert [f.code for f in validate(Report.model_validate(data))] == ["quota.percent_mismatch"]


def test_validate_checks_counts_built_by_hand() -> None:
    total = Count(text="5 chi bộ", start=0, end=8, rule="user", value=5, unit="chi bộ")
    parts = [
        Count(text="2 chi bộ", start=14, end=22, rule="user", value=2, unit="chi bộ", part_of=Span(start=0, end=8)),
        Count(text="2 chi bộ", start=26, end=34, rule="user", value=2, unit="chi bộ", part_of=Span(start=0, end=8)),
    ]
    assert [f.code for f in validate(Report(counts=[total, *parts]))] == ["count.parts_mismatch"]
    assert validate(Report()) == []


def test_validate_refuses_what_is_not_a_report() -> None:
    with pytest.raises(TypeError, match=r"expects a party_reports\.Report, got dict"):
        validate({"quotas": []})  # type: ignore[arg-type]


# --- models stay strict ------------------------------------------------------------


def _quota(**change: Any) -> dict[str, Any]:
    return {"text": "14/12 đảng viên", "start": 0, "end": 15, "rule": "user", "achieved": 14, "target": 12, **change}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"achieved": -1}, "achieved"),
        ({"target": -12}, "target"),
        ({"stated_percent": -5.0}, "stated_percent"),
        ({"computed_percent": float("nan")}, "computed_percent"),
        ({"start": -1, "end": 14}, "start"),
        ({"qualifier": "chừng"}, "qualifier"),
        ({"ratio": "14/12"}, "ratio"),
    ],
)
def test_quota_refuses_bad_values_naming_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Quota.model_validate(_quota(**change))
    assert [e["loc"] for e in info.value.errors()] == [(field,)]
    with pytest.raises(ValidationError) as nested:
        Report.model_validate({"quotas": [_quota(), _quota(**change)]})
    assert [e["loc"] for e in nested.value.errors()] == [("quotas", 1, field)]


def test_count_value_cannot_be_negative() -> None:
    with pytest.raises(ValidationError) as info:
        Count(text="5 chi bộ", start=0, end=8, rule="user", value=-5, unit="chi bộ")
    assert [e["loc"] for e in info.value.errors()] == [("value",)]


def test_a_span_that_cannot_fit_its_text_is_refused_without_the_source() -> None:
    with pytest.raises(ValidationError, match=r"has 15 characters but span \[0:20\] covers 20") as info:
        Report.model_validate({"quotas": [_quota(end=20)]})
    assert [e["loc"] for e in info.value.errors()] == [("quotas", 0)]


def test_a_span_that_does_not_slice_back_names_the_field() -> None:
    source = "Chi bộ kết nạp 14/12 đảng viên."
    good = _quota(start=15, end=30)
    assert Report.model_validate({"quotas": [good]}, context={"source": source}).quotas[0].achieved == 14
    with pytest.raises(
        ValidationError, match=r"quotas\[1\]: span \[14:29\] of rule 'user' does not slice back"
    ) as info:
        Report.model_validate({"quotas": [good, _quota(start=14, end=29)]}, context={"source": source})
    assert [e["loc"] for e in info.value.errors()] == [("quotas",)]


def test_metadata_spans_are_checked_and_named() -> None:
    source = "Đảng ủy xã họp\nPV"
    author = {"text": "PV", "start": 14, "end": 16, "rule": "user"}
    with pytest.raises(ValidationError, match=r"metadata.author_spans\[0\]: span \[14:16\]") as info:
        Report.model_validate({"metadata": {"authors": ["PV"], "author_spans": [author]}}, context={"source": source})
    assert [e["loc"] for e in info.value.errors()] == [("metadata",)]
    author_ok = {**author, "start": 15, "end": 17}
    meta = {"authors": ["PV"], "author_spans": [author_ok]}
    assert Report.model_validate({"metadata": meta}, context={"source": source}).metadata.authors == ["PV"]


CODES = {"quota.zero_target", "quota.percent_implausible", "quota.direction_mismatch", "quota.percent_mismatch",
         "quota.qualifier_mismatch"}  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    achieved=st.none() | st.integers(0, 10**400),
    target=st.none() | st.integers(0, 10**400),
    stated=st.none() | st.integers(0, 10**6) | st.floats(0, 1e300, allow_nan=False, allow_infinity=False),
    qualifier=st.none() | st.sampled_from(["gần", "hơn", "khoảng", "ít nhất", "tối đa"]),
    percent_of=st.none() | st.sampled_from(["plan", "target", "excess", "unknown"]),
)
def test_check_quota_never_raises_on_values_the_model_accepts(
    achieved: int | None, target: int | None, stated: float | None, qualifier: Any, percent_of: Any
) -> None:
    findings = check_quota(
        achieved=achieved, target=target, stated_percent=stated, qualifier=qualifier, percent_of=percent_of
    )
    assert {f.code for f in findings} <= CODES
    if achieved is not None and target and stated is not None and qualifier is None and percent_of != "excess":
        exact = Fraction(achieved * 100, target) == Fraction(stated)
        # an exact percent gives no arithmetic finding (only "implausible" past 1000%)
        assert exact <= ({f.code for f in findings} <= {"quota.percent_implausible"})


def _spans() -> st.SearchStrategy[Span]:
    return st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: Span(start=p[0], end=p[0] + p[1]))


@st.composite
def _hand_built_reports(draw: Any) -> Report:
    """Reports as a user might assemble them: any figures, spans pointing anywhere."""
    quotas, counts = [], []
    for _ in range(draw(st.integers(0, 4))):
        where = draw(_spans())
        quotas.append(
            Quota(
                text="x" * (where.end - where.start), start=where.start, end=where.end, rule="user",
                achieved=draw(st.none() | st.integers(0, 10**30)), target=draw(st.none() | st.integers(0, 10**30)),
                stated_percent=draw(st.none() | st.floats(0, 1e6, allow_nan=False)),
                percent_of=draw(st.none() | st.sampled_from(["plan", "excess"])),
                ratio_span=draw(st.none() | _spans()), percent_span=draw(st.none() | _spans()),
            )
        )  # fmt: skip
    for _ in range(draw(st.integers(0, 6))):
        where = draw(_spans())
        counts.append(
            Count(
                text="x" * (where.end - where.start), start=where.start, end=where.end, rule="user",
                value=draw(st.integers(0, 10**12)), unit=draw(st.sampled_from(["chi bộ", "đảng viên"])),
                paired_with=draw(st.none() | _spans()), part_of=draw(st.none() | _spans()),
            )
        )  # fmt: skip
    return Report(quotas=quotas, counts=counts)


@settings(max_examples=150, deadline=None)
@given(_hand_built_reports())
def test_validate_never_raises_on_hand_built_reports(report: Report) -> None:
    findings = validate(report)
    assert all(f.severity in ("warning", "error") and f.message for f in findings)
