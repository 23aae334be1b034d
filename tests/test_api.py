"""The façade: what `parse` accepts, what it refuses, and how it fails softly."""

from __future__ import annotations

import json
import unicodedata

import pytest

import party_reports
from party_reports import Options, Report


@pytest.mark.parametrize("bad", ["Kế hoạch".encode(), None, 42, 3.5, ["text"], bytearray(b"x")])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=r"expects the article text as a str, got " + type(bad).__name__):
        party_reports.parse(bad)  # type: ignore[arg-type]


def test_bad_options_raise_type_error() -> None:
    with pytest.raises(TypeError, match="Options"):
        party_reports.parse("x", {"timeout": 1})  # type: ignore[arg-type]


ODD_INPUTS = {
    "empty": "",
    "whitespace": " \n\t\r\n \u00a0 ",
    "control": "\x00\x01\x02 ngày 27/10/2022 \x1b[0m\x7f",
    "lone surrogates": "Đảng ủy \ud800 ngày \udfff 27/10/2022",
    "emoji": "Hội nghị 🎉🎉 năm 2022 👍",
    "chinese": "越南共产党 2022年 第十三届",
    "cyrillic": "Коммунистическая партия 27/10/2022",
    "no spaces": "a" * 200_000,
    "digits": "1/" * 50_000,
    "dashes": "-" * 10_000,
    "nfd": unicodedata.normalize("NFD", "Kế hoạch số 64-KH/ĐU ngày 05/11/2021 của Đảng ủy Khối"),
    "binary garbage": bytes(range(256)).decode("latin-1") * 20,
    "replacement chars": b"\xff\xfe\xfa ng\xe0y 27/10".decode("utf-8", errors="replace"),
}


@pytest.mark.parametrize("name", sorted(ODD_INPUTS))
def test_any_str_returns_a_report(name: str) -> None:
    text = ODD_INPUTS[name]
    report = party_reports.parse(text)
    assert isinstance(report, Report)
    json.loads(report.model_dump_json())
    for dimension in ("dates", "documents", "officials", "quotas", "counts", "organisations", "findings"):
        assert isinstance(getattr(report, dimension), list)


def test_lone_surrogate_gives_a_finding() -> None:
    report = party_reports.parse(ODD_INPUTS["lone surrogates"])
    assert any(f.code == "input.lone_surrogate" for f in report.findings)


def test_every_list_is_present_in_json() -> None:
    data = json.loads(party_reports.parse("").model_dump_json())
    for key in ("metadata", "dates", "documents", "officials", "quotas", "counts", "organisations", "findings"):
        assert key in data
    assert data["metadata"]["authors"] == []


def test_report_validator_rejects_spans_that_do_not_slice_back() -> None:
    data = {"dates": [{"text": "2022", "start": 0, "end": 4, "rule": "t", "value": "2022", "granularity": "year"}]}
    Report.model_validate(data, context={"source": "2022 là năm"})
    with pytest.raises(ValueError, match="does not slice back"):
        Report.model_validate(data, context={"source": "năm 2022"})


def test_models_are_frozen() -> None:
    report = party_reports.parse("")
    with pytest.raises(ValueError):
        report.dates = []  # type: ignore[misc]


def test_timeout_becomes_a_finding_not_a_crash() -> None:
    text = "Kế hoạch số 64-KH/ĐU ngày 05/11/2021; 57 chi bộ với 612 đảng viên. " * 50
    report = party_reports.parse(text, Options(timeout=1e-9))
    codes = {f.code for f in report.findings}
    assert "extractor.timeout" in codes
    assert all(f.severity == "error" for f in report.findings if f.code == "extractor.timeout")


def _walk(value: object) -> list[object]:
    """Every Mention nested anywhere, found the slow generic way."""
    from pydantic import BaseModel

    from party_reports.models import Mention

    found: list[object] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Mention):
            found.append(item)
        if isinstance(item, BaseModel):
            stack.extend(getattr(item, name) for name in type(item).model_fields)
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return found


def test_span_check_covers_every_mention() -> None:
    """The Report validator's targeted walk must see every Mention the models can hold."""
    from pathlib import Path

    from party_reports.models import _mentions_in

    root = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    for path in sorted(root.glob("*.txt"))[:8]:
        report = party_reports.parse(path.read_text(encoding="utf-8"))
        assert sorted(map(id, _walk(report))) == sorted(map(id, _mentions_in(report)))


RECONCILE = [
    # (text, counts expected to survive beside the quota)
    ("kết nạp được 26/17 đồng chí (đạt 153% chỉ tiêu được giao)", []),
    ("đạt 94,7% kế hoạch (1.988/2.100 đảng viên)", []),
    ("kết nạp 241 ĐV (đạt 160% kế hoạch)", [(241, "đảng viên")]),
    ("kết nạp 57 đảng viên, đạt 47,5% kế hoạch năm 2012 (120 đảng viên).", [(57, "đảng viên"), (120, "đảng viên")]),
]


@pytest.mark.parametrize(("text", "counts"), RECONCILE)
def test_counts_inside_a_quota_ratio_are_not_repeated(text: str, counts: list[tuple[int, str]]) -> None:
    report = party_reports.parse(text)
    assert report.quotas
    assert [(c.value, c.unit) for c in report.counts] == counts
