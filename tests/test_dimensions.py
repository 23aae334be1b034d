"""parse_<dimension> returns exactly what parse puts in that field, on every article we have.

Articles: every composed fixture (fixtures/**/*.txt) and, when it sits beside the repo,
the real text under ../shared/corpus (read at test time only).  Hypothesis then cuts,
repeats, rewraps and re-encodes pieces of them, so the equality is also checked on
text no fixture holds.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import party_reports
from party_reports import ExtractionTimeout, Options, Report
from party_reports.models import Count, DateMention, DocumentRef, Mention, Quota, Span
from party_reports.pipeline import FIELDS, RECONCILE_READS, plan, reconcile

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"

PARSERS: dict[str, Callable[..., Any]] = {
    "dates": party_reports.parse_dates,
    "documents": party_reports.parse_documents,
    "officials": party_reports.parse_officials,
    "quotas": party_reports.parse_quotas,
    "counts": party_reports.parse_counts,
    "organisations": party_reports.parse_organisations,
    "metadata": party_reports.parse_metadata,
}

FIXTURES = sorted((ROOT / "fixtures").rglob("*.txt"))
SHARED_TEXTS = sorted(SHARED.rglob("*.txt")) if SHARED.is_dir() else []


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def assert_same_as_parse(text: str, options: Options | None = None) -> None:
    """Every parse_<field>(text) equals parse(text).<field>, item by item, span by span."""
    report = party_reports.parse(text, options)
    for name, parser in PARSERS.items():
        got = parser(text) if options is None else parser(text, options=options)
        expected = getattr(report, name)
        assert got == expected, f"parse_{name} differs from parse().{name}"
        if isinstance(expected, list):
            assert [type(g) for g in got] == [type(e) for e in expected]


def test_every_field_has_a_parser() -> None:
    assert set(PARSERS) == set(FIELDS) | {"metadata"}
    assert set(PARSERS) == set(Report.model_fields) - {"findings"}
    assert all(f"parse_{name}" in party_reports.__all__ for name in PARSERS)


def test_there_are_fixture_articles() -> None:
    assert len(FIXTURES) >= 40, "fixtures/**/*.txt went missing"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT / "fixtures")))
def test_equal_to_parse_on_fixture_articles(path: Path) -> None:
    assert_same_as_parse(_read(path))


@pytest.mark.skipif(not SHARED_TEXTS, reason="../shared/corpus is not beside the repo")
@pytest.mark.parametrize("path", SHARED_TEXTS, ids=lambda p: p.name)
def test_equal_to_parse_on_shared_corpus(path: Path) -> None:
    assert_same_as_parse(_read(path))


def _case_texts(table: Path) -> list[str]:
    data = tomllib.loads(table.read_text(encoding="utf-8"))
    texts = [t for kind in ("positive", "negative") for case in data.get(kind, []) for t in case["texts"]]
    return texts + [case["text"] for case in data.get("in_context", [])]


@pytest.mark.parametrize("table", sorted((ROOT / "fixtures" / "corpus").glob("*.toml")), ids=lambda p: p.name)
def test_equal_to_parse_on_case_tables(table: Path) -> None:
    """The short texts of the pattern case tables, including the near misses."""
    texts = _case_texts(table)
    assert texts
    for text in texts:
        assert_same_as_parse(text)


def test_equal_to_parse_with_options() -> None:
    text = "Sáng 16.7, Đảng ủy xã họp; kết nạp 23/15 đồng chí (đạt 153% chỉ tiêu)."
    assert_same_as_parse(text, Options(reference_date=date(2021, 1, 1)))
    assert [d.value for d in party_reports.parse_dates(text, options=Options(reference_date=date(2021, 1, 1)))] == [
        "2020-07-16"
    ]


def _corpus_texts() -> list[str]:
    return [_read(p) for p in FIXTURES if p.stat().st_size > 0]


TEXTS = _corpus_texts()


@st.composite
def mutated_articles(draw: Any) -> str:
    """A fixture article with a few pieces cut, repeated, rewrapped, re-encoded or spliced in."""
    text: str = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 400)))
        how = draw(st.sampled_from(["cut", "repeat", "wrap", "unwrap", "nfd", "upper", "splice", "crop"]))
        if how == "cut":
            text = text[:a] + text[b:]
        elif how == "repeat":
            text = text[:b] + text[a:b] + text[b:]
        elif how == "wrap":  # scraped text breaks lines inside sentences
            text = text[:a] + "\n" + text[a:]
        elif how == "unwrap":
            text = text[:a] + text[a:b].replace("\n", " ") + text[b:]
        elif how == "nfd":
            text = text[:a] + unicodedata.normalize("NFD", text[a:b]) + text[b:]
        elif how == "upper":
            text = text[:a] + text[a:b].upper() + text[b:]
        elif how == "splice":
            other = draw(st.sampled_from(TEXTS))
            c = draw(st.integers(0, len(other)))
            text = text[:a] + other[c : c + 300] + text[a:]
        else:
            text = text[a:b]
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_articles())
def test_equal_to_parse_on_mutated_articles(text: str) -> None:
    assert_same_as_parse(text)


# --- only the extractors a field needs ---------------------------------------------


@pytest.mark.parametrize(
    ("field", "runs"),
    [
        ("dates", ["dates", "documents"]),
        ("documents", ["documents"]),
        ("officials", ["officials"]),
        ("organisations", ["organisations"]),
        ("quotas", ["quotas"]),
        ("counts", ["documents", "quotas", "counts"]),
    ],
)
def test_plan_runs_only_what_a_field_needs(field: str, runs: list[str]) -> None:
    assert sorted(e.field for e in plan([field])) == sorted(runs)
    assert sorted(e.field for e in plan([field])) == sorted({field, *RECONCILE_READS.get(field, ())})


def test_plan_of_everything_is_the_registry_order() -> None:
    assert tuple(e.field for e in plan(FIELDS)) == FIELDS
    assert plan([]) == ()


@pytest.mark.parametrize(
    ("text", "dates", "counts"),
    [
        # the date inside the number is dropped, the date after the reference stays
        ("Nghị định số 23/2019/NĐ-CP ngày 02/11/2022", ["2022-11-02"], []),
        # numbers inside the X/Y are not counts; the target written alone is one
        ("kết nạp 57 đảng viên, đạt 47,5% kế hoạch năm 2012 (120 đảng viên).", ["2012"], [57, 120]),
        ("kết nạp được 26/17 đồng chí (đạt 153% chỉ tiêu được giao)", [], []),
    ],
)
def test_reconcile_rules_hold_per_dimension(text: str, dates: list[str], counts: list[int]) -> None:
    assert [d.value for d in party_reports.parse_dates(text)] == dates
    assert [c.value for c in party_reports.parse_counts(text)] == counts


# --- published, bad input, timeouts ------------------------------------------------


def test_reconcile_reads_what_plan_runs() -> None:
    """reconcile filters dates by documents and counts by documents and quotas.

    The extractors already avoid these overlaps on every text we have, so the rule is
    shown on items built by hand: dropped only when what it reads was extracted.
    """
    text = "Nghị định số 23/2019/NĐ-CP; 26/17 đảng viên"
    number = Span(start=13, end=26)
    document = DocumentRef(text=text[0:26], start=0, end=26, rule="t", kind="nghị định", number="23/2019/NĐ-CP",
                           number_span=number)  # fmt: skip
    inside = DateMention(text="2019", start=16, end=20, rule="t", value="2019", granularity="year")
    quota = Quota(text=text[28:], start=28, end=43, rule="t", achieved=26, target=17, ratio_span=Span(start=28, end=33))
    count = Count(text="17 đảng viên", start=31, end=43, rule="t", value=17, unit="đảng viên")
    found: dict[str, Sequence[Mention]] = {
        "dates": [inside],
        "documents": [document],
        "quotas": [quota],
        "counts": [count],
    }
    assert reconcile(found)["dates"] == [] and reconcile(found)["counts"] == []
    # what each rule reads is what plan() runs beside the field (RECONCILE_READS)
    assert reconcile({"dates": [inside]})["dates"] == [inside]
    assert reconcile({"dates": [inside], "documents": [document]})["dates"] == []
    assert reconcile({"counts": [count], "documents": [document]})["counts"] == [count]
    assert reconcile({"counts": [count], "quotas": [quota]})["counts"] == []
    assert RECONCILE_READS == {"dates": ("documents",), "counts": ("documents", "quotas")}


def test_published_anchors_partial_dates() -> None:
    text = "Ngày đăng 09/12/2022 | 15:50\nSáng 16.7, Đảng ủy họp."
    assert [d.value for d in party_reports.parse_dates(text)][-1] == "2022-07-16"
    given_day = party_reports.parse_dates(text, published=date(2019, 8, 1))
    assert given_day[-1].value == "2019-07-16" and given_day[-1].year_inferred
    given_time = party_reports.parse_dates("Sáng 16.7, Đảng ủy họp.", published=datetime(2020, 8, 1, 9, 30))
    assert [d.value for d in given_time] == ["2020-07-16"]
    assert [d.value for d in party_reports.parse_dates("Sáng 16.7, Đảng ủy họp.")] == ["XXXX-07-16"]


def test_published_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="published as a date or datetime, got str"):
        party_reports.parse_dates("Sáng 16.7", published="2022-12-09")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_non_str_raises_type_error_naming_the_function(name: str) -> None:
    with pytest.raises(TypeError, match=rf"parse_{name}\(\) expects the article text as a str, got bytes"):
        PARSERS[name](b"Ngh\xe1\xbb\x8b quy\xe1\xba\xbft")
    with pytest.raises(TypeError, match=rf"parse_{name}\(\) expects options as party_reports.Options"):
        PARSERS[name]("x", options={"timeout": 1})


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_timeout_raises_instead_of_returning_too_little(name: str) -> None:
    """Where parse notes a timeout in a stage this field needs, parse_<field> raises."""
    text = "Kế hoạch số 64-KH/ĐU ngày 05/11/2021; 57 chi bộ với 612 đảng viên. " * 50
    fast = Options(timeout=1e-9)
    report = party_reports.parse(text, fast)
    stopped = {f.message.split()[1] for f in report.findings if f.code == "extractor.timeout"}
    assert {"dates", "documents", "quotas", "counts"} <= stopped  # the premise: these did time out
    needs = {"metadata", *(e.field for e in plan([name] if name != "metadata" else []))}
    if needs & stopped:
        with pytest.raises(ExtractionTimeout, match=r"ran past 1e-09 s"):
            PARSERS[name](text, options=fast)
    else:
        assert PARSERS[name](text, options=fast) == getattr(report, name)


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_empty_text_gives_empty_results(name: str) -> None:
    got = PARSERS[name]("")
    assert got == ([] if name != "metadata" else party_reports.Metadata())
    assert isinstance(got, list | BaseModel)


def test_a_field_does_not_run_the_extractors_it_does_not_need() -> None:
    """Seen from outside: with a budget every other extractor overruns, organisations
    and metadata still finish, because parse_organisations runs neither dates nor
    documents (it would raise if it had)."""
    text = "Kế hoạch số 64-KH/ĐU ngày 05/11/2021; 57 chi bộ với 612 đảng viên. " * 40
    fast = Options(timeout=1e-9)
    stopped = {f.message.split()[1] for f in party_reports.parse(text, fast).findings if f.code == "extractor.timeout"}
    assert {"dates", "documents"} <= stopped and not {"metadata", "organisations"} & stopped
    assert party_reports.parse_organisations(text, options=fast) == party_reports.parse(text).organisations
    assert party_reports.parse_metadata(text, options=fast) == party_reports.parse(text).metadata
    with pytest.raises(ExtractionTimeout, match=r"parse_dates\(\): the dates, documents extractors ran past"):
        party_reports.parse_dates(text, options=fast)
