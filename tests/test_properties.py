"""Hypothesis properties: parse never raises, spans slice back, NFD = NFC, normalise is stable."""

from __future__ import annotations

import unicodedata
from typing import Any

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import party_reports
from party_reports.text import normalise

# Pieces of text in the manner of party reports (composed for these tests), plus the
# hazards normalisation must survive: NFD, odd spaces, zero-width marks, CR LF, eth.
FRAGMENTS = [
    "Kế hoạch số 64-KH/ĐU ngày 05/11/2021 của Đảng ủy",
    "Công văn số 12 - CV/HU",
    "Nghị định 30/2020/NĐ-CP",
    "đồng chí Trần Văn Hùng - UVTV, Trưởng Ban Tổ chức Huyện uỷ",
    "Phó Bí thư Thường trực Tỉnh ủy Lê Thị Mai phát biểu",
    "kết nạp được 26/17 đồng chí (đạt 153% chỉ tiêu được giao)",
    "62 chi bộ trực thuộc với 647 đảng viên",
    "Quý I/2023",
    "6 tháng đầu năm 2022",
    "nhiệm kỳ 2020 – 2025",
    "sáng 16.7",
    "Ngày đăng 09/12/2022 | 15:50 | Lượt xem: 1.204",
    "Quận uỷ",
    "hoà",
    "\u00d0ảng bộ",
    "\u00a0",
    "\u200b",
    "\r\n",
    "\n\n",
    " ",
    ", ",
    ". ",
    "./.",
    "1/1/1/",
    "số số",
    "——",
    "ảnh-1679542303.jpg",
    "Phương Nam",
]


def _variant(draw: Any, piece: str) -> str:
    form = draw(st.sampled_from(["NFC", "NFD", "NFC", "mixed"]))
    if form == "mixed":
        return "".join(unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), c) for c in piece)
    return unicodedata.normalize(form, piece)


@st.composite
def articles(draw: Any) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(FRAGMENTS),
                st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
                st.text(alphabet="aăâeêioôơuưyđĐàáảãạểệộốờữừ0123456789/-.,:;()% \n", max_size=15),
            ),
            max_size=25,
        )
    )
    return "".join(_variant(draw, p) for p in parts)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(articles())
def test_parse_never_raises_and_spans_slice_back(text: str) -> None:
    report = party_reports.parse(text)
    # the Report validator already checked the slices; check them again in the open
    for name in ("dates", "documents", "officials", "quotas", "counts", "organisations"):
        for item in getattr(report, name):
            assert text[item.start : item.end] == item.text
    report.model_dump_json()


@SETTINGS
@given(st.text(max_size=60))
def test_parse_any_unicode(text: str) -> None:
    report = party_reports.parse(text)
    report.model_dump_json()  # lone surrogates must not break JSON output


@SETTINGS
@given(articles())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text).text
    assert normalise(once).text == once


_WORD = regex.compile(r"\w+")


@SETTINGS
@given(articles())
def test_offset_map_round_trips_tokens(text: str) -> None:
    nt = normalise(text)
    previous = (0, 0)
    for m in _WORD.finditer(nt.text):
        start, end = nt.original_span(*m.span())
        assert 0 <= start <= end <= len(text)
        assert (start, end) >= previous
        previous = (start, end)
        assert normalise(text[start:end]).text == m.group()


_SPAN_KEYS = {"text", "start", "end", "mentions", "spans", "number_span", "title_span", "published_span",
              "author_spans", "paragraphs", "images", "message"}


def _values(data: Any) -> Any:
    """A report's values without positions, every string NFC."""
    if isinstance(data, dict):
        return {k: _values(v) for k, v in data.items() if k not in _SPAN_KEYS}
    if isinstance(data, list):
        return [_values(v) for v in data]
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    return data


@SETTINGS
@given(articles())
def test_nfd_input_gives_the_same_values(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert _values(party_reports.parse(nfd).model_dump(mode="json")) == _values(
        party_reports.parse(nfc).model_dump(mode="json")
    )


@SETTINGS
@given(articles())
def test_values_are_nfc(text: str) -> None:
    report = party_reports.parse(unicodedata.normalize("NFD", text))
    values: list[str | None] = [report.metadata.title, report.metadata.category, *report.metadata.authors]
    for official in report.officials:
        values += [official.name, *official.titles]
    values += [d.number for d in report.documents] + [d.kind for d in report.documents]
    values += [c.unit for c in report.counts] + [o.name for o in report.organisations]
    for value in values:
        if value is not None:
            assert unicodedata.is_normalized("NFC", value), value
