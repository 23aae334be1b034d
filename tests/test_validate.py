"""The figure checks (validate.py): a table of figure sets that must and must not give findings.

Each row is a sentence we composed (never pasted from an article) and the finding codes
it must produce among the ``quota.*`` / ``count.*`` findings of `parse`; an empty
tuple means the figures are consistent and no such finding may appear.  Codes and
tolerance rules: docs/findings.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import party_reports
from party_reports.models import Count, Quota, Span
from party_reports.validate import check_figures, check_quota_item

SEEDS = Path("/work/shared/corpus/seeds")

# (sentence, expected finding codes)
MUST_FIND: list[tuple[str, tuple[str, ...]]] = [
    ("Đảng ủy kết nạp được 23/15 đồng chí (đạt 135% chỉ tiêu được giao).", ("quota.percent_mismatch",)),
    ("Phối hợp thành lập 3/2 chi bộ (đạt 160% kế hoạch).", ("quota.percent_mismatch",)),
    ("Toàn khối có 35.210/35.600 đảng viên, đạt 99,9% tham gia học tập.", ("quota.percent_mismatch",)),
    ("Kết nạp 288/815 đảng viên, đạt 35,43% chỉ tiêu.", ("quota.percent_mismatch",)),
    ("Kết nạp đạt 94,7% kế hoạch (1.988/2.200 đảng viên).", ("quota.percent_mismatch",)),
    ("Kết nạp 27/20 đồng chí, vượt 45% chỉ tiêu.", ("quota.percent_mismatch",)),
    ("Đã kết nạp 10/12 đảng viên, đạt tỷ lệ hơn 85% chỉ tiêu.", ("quota.qualifier_mismatch",)),
    ("Đã kết nạp 9/12 đảng viên (đạt gần 70% kế hoạch).", ("quota.qualifier_mismatch",)),
    ("Đã kết nạp 10/12 đảng viên, đạt khoảng 90% chỉ tiêu.", ("quota.qualifier_mismatch",)),
    ("Năm nay kết nạp 23/15 đồng chí (đạt 95% chỉ tiêu).", ("quota.direction_mismatch",)),
    ("Năm nay kết nạp 12/15 đảng viên (đạt 120% kế hoạch).", ("quota.direction_mismatch",)),
    ("Thành lập mới 3/2 chi bộ (đạt 15% kế hoạch).", ("quota.direction_mismatch",)),
    ("Chỉ đạo 5/0 chi bộ tổ chức đại hội.", ("quota.zero_target",)),
    ("Công tác kiểm tra đạt 1.530% kế hoạch năm.", ("quota.percent_implausible",)),
    ("Riêng phần học tập đạt 2.500% kế hoạch.", ("quota.percent_implausible",)),
    (
        "Đến tháng 6, Đảng bộ có 41 chi bộ trực thuộc với 512 đảng viên. Sau sáp nhập, hiện "
        "Đảng bộ có 41 chi bộ trực thuộc với 538 Đảng viên.",
        ("count.inconsistent_total",),
    ),
    ("Toàn Đảng bộ có 58 tổ chức cơ sở đảng, gồm 16 đảng bộ cơ sở và 40 chi bộ cơ sở.", ("count.parts_mismatch",)),
    ("Đại hội có 120 đại biểu, gồm 80 đảng viên và 30 quần chúng ưu tú.", ("count.parts_mismatch",)),
]

MUST_NOT_FIND: list[str] = [
    "Đảng ủy kết nạp được 26/17 đồng chí (đạt 153% chỉ tiêu được giao).",
    "Thành lập mới 3/2 chi bộ (đạt 150% kế hoạch).",
    "Đã kết nạp 10/12 đảng viên, đạt tỷ lệ hơn 83% chỉ tiêu.",
    "Kết nạp 100/90 đảng viên, đạt trên 111% kế hoạch.",
    "Kết nạp 52/102 đảng viên, đạt 50,98% kế hoạch.",
    "Kết nạp 288/815 đảng viên, đạt 35,34% chỉ tiêu.",
    "Có 3/7 chi bộ, đạt 42,85% kế hoạch.",
    "Kết nạp 166/190 đảng viên, đạt 87,4% chỉ tiêu.",
    "Chỉ đạo 71/71 chi bộ tổ chức xong đại hội.",
    "Hoàn thành 116% kế hoạch kiểm tra, giám sát.",
    "Kết nạp 27/20 đồng chí, vượt 35% chỉ tiêu.",
    "Đã kết nạp 9/12 đảng viên (đạt gần 76% kế hoạch).",
    "Đã kết nạp 9/12 đảng viên, đạt khoảng 75,5% kế hoạch.",
    "Có 5/5 chi bộ (100%) hoàn thành đại hội.",
    "Kết nạp đạt 94,7% kế hoạch (1.988/2.100 đảng viên).",
    "Đảng bộ có 41 chi bộ với 512 đảng viên; UBKT tiến hành 09 cuộc kiểm tra đối với 40 lượt chi bộ, "
    "còn khối cơ quan có 41 chi bộ với 512 đảng viên.",
    "Khối doanh nghiệp có 12 chi bộ với 90 đảng viên, khối cơ quan có 41 chi bộ với 512 đảng viên.",
    "Toàn Đảng bộ có 58 tổ chức cơ sở đảng, gồm 16 đảng bộ cơ sở và 42 chi bộ cơ sở.",
    "Đảng bộ tỉnh có 31 đảng bộ trực thuộc, gồm 27 đảng bộ huyện, thị xã, thành phố và 4 đảng bộ khối.",
    "Đảng bộ có 3.324 đảng viên; trong đó có 1.433 đảng viên nữ và 786 đảng viên người dân tộc thiểu số.",
    "Toàn huyện có 36 TCCS đảng (giảm 1 đảng bộ do sáp nhập) gồm: 12 đảng bộ cơ sở và 24 chi bộ cơ sở.",
]


def _figure_codes(text: str) -> list[str]:
    report = party_reports.parse(text)
    return sorted(f.code for f in report.findings if f.code.startswith(("quota.", "count.")))


@pytest.mark.parametrize(("text", "codes"), MUST_FIND, ids=[t[:50] for t, _ in MUST_FIND])
def test_must_find(text: str, codes: tuple[str, ...]) -> None:
    assert _figure_codes(text) == sorted(codes)


@pytest.mark.parametrize("text", MUST_NOT_FIND, ids=[t[:50] for t in MUST_NOT_FIND])
def test_must_not_find(text: str) -> None:
    assert _figure_codes(text) == []


def test_tables_are_big_enough() -> None:
    assert len(MUST_FIND) >= 15 and len(MUST_NOT_FIND) >= 15


def test_mismatch_names_both_figures_and_keeps_the_quota() -> None:
    text = "Đảng ủy kết nạp được 23/15 đồng chí (đạt 135% chỉ tiêu được giao)."
    report = party_reports.parse(text)
    (finding,) = [f for f in report.findings if f.code == "quota.percent_mismatch"]
    assert [text[s.start : s.end] for s in finding.spans] == ["23/15", "135%"]
    (quota,) = report.quotas
    assert (quota.achieved, quota.target, quota.stated_percent, quota.computed_percent) == (23, 15, 135.0, 153.33)


def test_dong_anh_seed_reports_the_membership_inconsistency() -> None:
    path = SEEDS / "dong-anh-2023.txt"
    if not path.exists():
        pytest.skip("seed corpus not available")
    text = path.read_text(encoding="utf-8")
    report = party_reports.parse(text)
    found = [f for f in report.findings if f.code == "count.inconsistent_total"]
    assert len(found) == 1
    assert [text[s.start : s.end] for s in found[0].spans] == ["647 đảng viên", "667 Đảng viên"]
    assert {(c.value, c.unit) for c in report.counts} >= {(647, "đảng viên"), (667, "đảng viên")}


@pytest.mark.parametrize(
    ("achieved", "target", "stated", "written", "qualifier", "ok"),
    [
        (23, 15, 153.0, "153%", None, True),  # rounded
        (3, 7, 42.85, "42,85%", None, True),  # truncated
        (288, 815, 35.34, "35,34%", None, True),  # 2 decimals, rounded
        (166, 190, 87.4, "87,4%", None, True),
        (3, 2, 151.0, "151%", None, False),  # |150 - 151| is not < 1
        (288, 815, 35.33, "35,33%", None, True),  # 35.337 truncated
        (288, 815, 35.32, "35,32%", None, False),
        (10, 12, 83.0, "83%", "hơn", True),
        (10, 12, 84.0, "84%", "hơn", False),
        (10, 12, 84.0, "84%", "gần", True),
        (10, 12, 84.3, "84,3%", "khoảng", True),
        (10, 12, 85.0, "85%", "khoảng", False),
        (10, 12, 80.0, "80%", "ít nhất", True),
        (10, 12, 80.0, "80%", "tối đa", False),
    ],
)
def test_tolerance_rule(
    achieved: int, target: int, stated: float, written: str, qualifier: str | None, ok: bool
) -> None:
    text = f"{achieved}/{target} (đạt {written})"
    pct_start = text.index(written)
    quota = Quota(
        text=text, start=0, end=len(text), rule="test", achieved=achieved, target=target,
        stated_percent=stated, qualifier=qualifier, percent_of="plan",
        ratio_span=Span(start=0, end=text.index(" ")), percent_span=Span(start=pct_start, end=pct_start + len(written)),
    )  # fmt: skip
    assert (check_quota_item(quota) == []) is ok


def test_checks_never_raise_on_odd_data() -> None:
    odd = [
        Quota(text="x", start=0, end=1, rule="t", achieved=None, target=0, stated_percent=None),
        Quota(text="x", start=0, end=1, rule="t", achieved=0, target=None, stated_percent=0.0),
        Quota(text="x", start=0, end=1, rule="t", achieved=5, target=5, stated_percent=100.0,
              percent_span=Span(start=9, end=12)),
    ]  # fmt: skip
    orphan = Count(text="5 chi bộ", start=0, end=8, rule="t", value=5, unit="chi bộ", part_of=Span(start=50, end=60))
    codes = [f.code for f in check_figures(odd, [orphan])]
    assert codes == ["quota.zero_target"]


def test_every_finding_code_is_documented() -> None:
    """A code raised anywhere in the package has a row in docs/findings.md."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in (root / "src" / "party_reports").rglob("*.py"))
    raised = set(re.findall(r"(?:add_finding|_finding)\(\s*\"([a-z]+\.[a-z_]+)\"", source))
    raised |= set(re.findall(r"code=\"([a-z]+\.[a-z_]+)\"", source))
    documented = (root / "docs" / "findings.md").read_text(encoding="utf-8")
    assert raised, "no finding codes found: the search pattern is stale"
    assert {c for c in raised if f"`{c}`" not in documented} == set()
