"""Table tests for the officials lexicons (titles, surnames) and the name/title helpers."""

from __future__ import annotations

import unicodedata

import pytest

from party_reports.extractors import officials
from party_reports.extractors.officials import SURNAMES, TITLES, expand_title, is_surname, name_case


def test_titles_are_nfc_and_unique() -> None:
    phrases = [row.phrase for row in TITLES]
    assert len(phrases) == len(set(phrases))
    assert all(unicodedata.is_normalized("NFC", p) for p in phrases)


def test_every_abbreviation_has_an_expansion() -> None:
    missing = [row.phrase for row in TITLES if row.kind == "abbr" and not row.expansion]
    assert missing == []


@pytest.mark.parametrize(
    ("abbr", "expansion"),
    [
        ("UVTV", "Ủy viên Ban Thường vụ"),
        ("UVBTV", "Ủy viên Ban Thường vụ"),
        ("QUV", "Quận ủy viên"),
        ("HUV", "Huyện ủy viên"),
        ("TUV", "Tỉnh ủy viên"),
        ("ĐUV", "Đảng ủy viên"),
        ("UVBCH", "Ủy viên Ban Chấp hành"),
        ("PBT", "Phó Bí thư"),
        ("CT", "Chủ tịch"),
        ("PCT", "Phó Chủ tịch"),
        ("BT", "Bí thư"),
        ("UBKT", "Ủy ban Kiểm tra"),
        ("MTTQ", "Mặt trận Tổ quốc"),
        ("HĐND", "Hội đồng nhân dân"),
        ("UBND", "Ủy ban nhân dân"),
        ("ĐBQH", "Đại biểu Quốc hội"),
        ("CCB", "Cựu chiến binh"),
        ("LHPN", "Liên hiệp Phụ nữ"),
    ],
)
def test_abbreviation_expands(abbr: str, expansion: str) -> None:
    assert expand_title(abbr) == expansion


@pytest.mark.parametrize(
    ("title", "expanded"),
    [
        ("UV BTV Huyện ủy", "Ủy viên Ban Thường vụ Huyện ủy"),
        ("Chủ tịch UBMTTQ xã", "Chủ tịch Ủy ban Mặt trận Tổ quốc xã"),
        ("Chủ nhiệm UBKT Quận ủy", "Chủ nhiệm Ủy ban Kiểm tra Quận ủy"),
        ("Trưởng Ban Tổ chức Quận uỷ", "Trưởng Ban Tổ chức Quận uỷ"),
        ("Giám đốc CTCP", "Giám đốc CTCP"),  # unknown abbreviation: left as written
    ],
)
def test_title_expansion_in_context(title: str, expanded: str) -> None:
    assert expand_title(title) == expanded


def test_surnames_are_nfc_unique_and_grouped() -> None:
    names = [row.surname for row in SURNAMES]
    assert len(names) == len(set(names))
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    groups = {row.group for row in SURNAMES}
    assert {"kinh", "thái", "tày-nùng", "mông", "khmer", "highlands"} <= groups


@pytest.mark.parametrize(
    "word",
    ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
     "Dương", "Lý", "Đinh", "Lường", "Lò", "Nông", "Giàng", "Thạch", "Ksor", "NGUYỄN", "H'Hen"],
)
def test_known_surnames(word: str) -> None:
    assert is_surname(word)


@pytest.mark.parametrize("word", ["Ban", "Đảng", "Huyện", "Hội", "Trường", "Quang", "Xuân", "Thị"])
def test_not_surnames(word: str) -> None:
    assert not is_surname(word)


@pytest.mark.parametrize(
    ("raw", "name"),
    [("NGUYỄN THỊ LAN", "Nguyễn Thị Lan"), ("Vũ Thị Thân", "Vũ Thị Thân"), ("ĐINH  HỮU THÀNH", "Đinh Hữu Thành")],
)
def test_name_case(raw: str, name: str) -> None:
    assert name_case(raw) == name


def test_hundred_thousand_comrades_give_no_person() -> None:
    """Adversarial input from the team brief: no person (its speed is the benchmark's job)."""
    from party_reports.models import Options
    from party_reports.patterns import Doc
    from party_reports.text import normalise

    doc = Doc(normalise("đồng chí " * 100_000), Options())
    doc.start_clock()
    assert officials.extract(doc) == []
