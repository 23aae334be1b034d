"""Value tables for the text layer: normalisation, the offset map, number reading."""

from __future__ import annotations

import unicodedata

import pytest

from party_reports.text import (
    fold,
    normalise,
    parse_decimal,
    parse_int,
    parse_number_word,
    parse_roman,
)

NORMALISE = [
    # (input, normalised)
    ("Quận uỷ", "Quận ủy"),
    ("QUẬN UỶ", "QUẬN ỦY"),
    ("văn hoá, hoà bình, khoẻ mạnh", "văn hóa, hòa bình, khỏe mạnh"),
    ("Thuỳ, thuý, Thuỷ", "Thùy, thúy, Thủy"),
    ("quý, quỳ", "quý, quỳ"),  # after q the u belongs to the consonant
    ("hoàn thành, toán, thuyết", "hoàn thành, toán, thuyết"),  # closed syllables agree
    ("\u00d0ảng ủy, \u00f0ảng viên", "Đảng ủy, đảng viên"),  # Icelandic eth look-alikes
    ("\u0189ảng", "Đảng"),
    ("2020\u20132025, 2020\u20142025, 58\u2010KH", "2020-2025, 2020-2025, 58-KH"),
    ("15:50\u00a0|\u00a0Lượt xem", "15:50 | Lượt xem"),
    ("tự\u200bsoi\ufeff", "tựsoi"),
    ("\u201ctự soi, tự sửa\u201d", '"tự soi, tự sửa"'),
    ("dòng một\r\ndòng hai\rdòng ba", "dòng một\ndòng hai\ndòng ba"),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALISE)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


@pytest.mark.parametrize(("raw", "expected"), NORMALISE)
def test_normalise_nfd_input(raw: str, expected: str) -> None:
    nfd = unicodedata.normalize("NFD", raw)
    assert normalise(nfd).text == unicodedata.normalize("NFC", expected)


@pytest.mark.parametrize(("raw", "expected"), NORMALISE)
def test_normalise_is_idempotent(raw: str, expected: str) -> None:
    once = normalise(raw).text
    assert normalise(once).text == once


SPANS = [
    # (input, normalised substring to find, the original text it must map to)
    (unicodedata.normalize("NFD", "Kế hoạch số 58"), "Kế hoạch", unicodedata.normalize("NFD", "Kế hoạch")),
    ("a\u200bb Quận uỷ c", "Quận ủy", "Quận uỷ"),
    ("x\r\ny Đảng", "Đảng", "Đảng"),
    ("x\r\ny", "x\ny", "x\r\ny"),
    ("\u200bĐảng\u200b", "Đảng", "Đảng"),
    ("\u00d0ảng bộ", "Đảng bộ", "\u00d0ảng bộ"),
]


@pytest.mark.parametrize(("raw", "needle", "original"), SPANS)
def test_offset_map(raw: str, needle: str, original: str) -> None:
    nt = normalise(raw)
    i = nt.text.index(needle)
    start, end = nt.original_span(i, i + len(needle))
    assert raw[start:end] == original


def test_identity_when_nothing_changes() -> None:
    nt = normalise("Đảng ủy Khối")
    assert nt.identity
    assert nt.original_span(2, 5) == (2, 5)


def test_lower_view_keeps_length() -> None:
    nt = normalise("İstanbul ĐẢNG")
    assert len(nt.lower) == len(nt.text)
    assert nt.lower.endswith("đảng")


@pytest.mark.parametrize(
    ("raw", "value"),
    [("5.356", 5356), ("1.204", 1204), ("09", 9), ("0", 0), ("150.000.000", 150000000), ("647", 647)],
)
def test_parse_int(raw: str, value: int) -> None:
    assert parse_int(raw) == value


@pytest.mark.parametrize("raw", ["5.9", "1.2345", "12.34.567", "", "abc", "3,5"])
def test_parse_int_rejects(raw: str) -> None:
    assert parse_int(raw) is None


@pytest.mark.parametrize(
    ("raw", "value"),
    [("97,5", 97.5), ("35,34", 35.34), ("7,61", 7.61), ("38.4", 38.4), ("153", 153.0), ("1.988", 1988.0)],
)
def test_parse_decimal(raw: str, value: float) -> None:
    assert parse_decimal(raw) == pytest.approx(value)


@pytest.mark.parametrize("raw", ["", "x", "1,2,3", "1..2"])
def test_parse_decimal_rejects(raw: str) -> None:
    assert parse_decimal(raw) is None


@pytest.mark.parametrize(
    ("raw", "value"),
    [("I", 1), ("II", 2), ("III", 3), ("IV", 4), ("V", 5), ("IX", 9), ("XII", 12), ("XIII", 13), ("XX", 20),
     ("xiv", 14)],
)
def test_parse_roman(raw: str, value: int) -> None:
    assert parse_roman(raw) == value


@pytest.mark.parametrize("raw", ["", "IIII", "VV", "IC", "XXI", "ABC", "IL"])
def test_parse_roman_rejects(raw: str) -> None:
    assert parse_roman(raw) is None


@pytest.mark.parametrize(("raw", "value"), [("một", 1), ("Hai", 2), ("ba", 3), ("tư", 4), ("mười", 10)])
def test_parse_number_word(raw: str, value: int) -> None:
    assert parse_number_word(raw) == value


def test_fold() -> None:
    assert fold("Trưởng Ban Tổ chức Quận uỷ") == fold("trưởng ban tổ chức  quận ủy")
