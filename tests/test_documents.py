"""Documents: resolver tables, lexicon coverage, findings and speed guards.

The phrase-level cases live in fixtures/corpus/documents.toml; here are the parts of
a reference (system, type code, issuer code, issuer) per symbol, and a check that every
type code and issuer code in the lexicon appears in a case that resolves it.
"""

from __future__ import annotations

import pytest

import party_reports
from party_reports.extractors import documents
from party_reports.models import DocumentRef

# symbol text -> (kind, system, type code, issuer code, issuer name).  Composed cases;
# a kind word in front fixes the kind, a bare symbol takes it from its type code.
TYPE_CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # party type codes
    ("số 09-NQ/TU", "nghị quyết", "party", "NQ", "TU"),
    ("số 77-QĐ/ĐU", "quyết định", "party", "QĐ", "ĐU"),
    ("số 36-CT/TU", "chỉ thị", "party", "CT", "TU"),
    ("số 48-KL/TW", "kết luận", "party", "KL", "TW"),
    ("số 02-QC/ĐU", "quy chế", "party", "QC", "ĐU"),
    ("số 04-QĐi/TU", "quy định", "party", "QĐi", "TU"),
    ("số 07-TT/TU", "thông tri", "party", "TT", "TU"),
    ("số 15-HD/BTGTU", "hướng dẫn", "party", "HD", "BTGTU"),
    ("số 714-TB/TU", "thông báo", "party", "TB", "TU"),
    ("số 03-TC/TW", "thông cáo", "party", "TC", "TW"),
    ("số 03-BC/CB", "báo cáo", "party", "BC", "CB"),
    ("số 19-KH/BCSĐ", "kế hoạch", "party", "KH", "BCSĐ"),
    ("số 06-CTr/TU", "chương trình", "party", "CTr", "TU"),
    ("số 83-CTHĐ/TU", "chương trình", "party", "CTHĐ", "TU"),
    ("số 11-ĐA/TU", "đề án", "party", "ĐA", "TU"),
    ("số 05-PA/HU", "phương án", "party", "PA", "HU"),
    ("số 41-TTr/ĐU", "tờ trình", "party", "TTr", "ĐU"),
    ("số 1465-CV/QU", "công văn", "party", "CV", "QU"),
    ("số 12-BB/CB", "biên bản", "party", "BB", "CB"),
    ("số 24-BS/UBKTTU", "bản sao", "party", "BS", "UBKTTU"),
    # state type codes
    ("số 117/NQ-CP", "nghị quyết", "state", "NQ", "CP"),
    ("số 01/2016/NQLT-CP", "nghị quyết", "state", "NQLT", "CP"),
    ("số 749/QĐ-TTg", "quyết định", "state", "QĐ", "TTg"),
    ("số 22/CT-TTg", "chỉ thị", "state", "CT", "TTg"),
    ("số 12/QC-UBND", "quy chế", "state", "QC", "UBND"),
    ("số 08/QyĐ-UBND", "quy định", "state", "QyĐ", "UBND"),
    ("số 45/HD-SNV", "hướng dẫn", "state", "HD", "SNV"),
    ("số 56/TB-UBND", "thông báo", "state", "TB", "UBND"),
    ("số 02/TC-UBND", "thông cáo", "state", "TC", "UBND"),
    ("số 92/BC-UBND", "báo cáo", "state", "BC", "UBND"),
    ("số 115/KH-UBND", "kế hoạch", "state", "KH", "UBND"),
    ("số 10/CTr-UBND", "chương trình", "state", "CTr", "UBND"),
    ("số 07/ĐA-UBND", "đề án", "state", "ĐA", "UBND"),
    ("số 316/PA-UBND", "phương án", "state", "PA", "UBND"),
    ("số 623/TTr-SNV", "tờ trình", "state", "TTr", "SNV"),
    ("số 03/BB-HĐND", "biên bản", "state", "BB", "HĐND"),
    ("số 15/2023/TT-BNV", "thông tư", "state", "TT", "BNV"),
    ("số 55/2005/TTLT-BNV-VPCP", "thông tư", "state", "TTLT", "BNV"),
    ("số 30/2020/NĐ-CP", "nghị định", "state", "NĐ", "CP"),
    ("số 02/2022/PL-UBTVQH15", "pháp lệnh", "state", "PL", "UBTVQH15"),
    ("số 05/CĐ-TTg", "công điện", "state", "CĐ", "TTg"),
    ("số 12/GM-UBND", "giấy mời", "state", "GM", "UBND"),
]

# text -> (issuer code, issuer name expanded from the table)
ISSUER_CASES: list[tuple[str, str, str]] = [
    ("Kế hoạch số 5-KH/TW", "TW", "Trung ương"),
    ("Nghị quyết số 13-NQ/TƯ", "TƯ", "Tỉnh ủy/Thành ủy"),
    ("Hướng dẫn số 36-HD/VPTW", "VPTW", "Văn phòng Trung ương Đảng"),
    ("Hướng dẫn số 38-HD/BTCTW", "BTCTW", "Ban Tổ chức Trung ương"),
    ("Hướng dẫn số 151-HD/BTGTW", "BTGTW", "Ban Tuyên giáo Trung ương"),
    ("Hướng dẫn số 12-HD/BDVTW", "BDVTW", "Ban Dân vận Trung ương"),
    ("Quy định số 05-QĐ/UBKTTW", "UBKTTW", "Ủy ban Kiểm tra Trung ương"),
    ("Công văn số 30-CV/BNCTW", "BNCTW", "Ban Nội chính Trung ương"),
    ("Công văn số 31-CV/BKTTW", "BKTTW", "Ban Kinh tế Trung ương"),
    ("Công văn số 32-CV/BĐNTW", "BĐNTW", "Ban Đối ngoại Trung ương"),
    ("Quy định số 646/QĐ/QUTW", "QUTW", "Quân ủy Trung ương"),
    ("Kế hoạch số 20-KH/ĐUCA", "ĐUCA", "Đảng ủy Công an Trung ương"),
    ("Quyết định số 367-QĐ/TWĐTN-VP", "TWĐTN", "Trung ương Đoàn TNCS Hồ Chí Minh"),
    ("Đề án số 11-ĐA/TU", "TU", "Tỉnh ủy/Thành ủy"),
    ("Nghị quyết số 15-NQ/HU", "HU", "Huyện ủy"),
    ("Công văn số 1465-CV/QU", "QU", "Quận ủy"),
    ("Kế hoạch số 58-KH/ĐU", "ĐU", "Đảng ủy"),
    ("Kế hoạch số 97-KH/ĐUK", "ĐUK", "Đảng ủy Khối"),
    ("Báo cáo số 03-BC/CB", "CB", "Chi bộ"),
    ("Kế hoạch số 19-KH/BCSĐ", "BCSĐ", "Ban cán sự đảng"),
    ("Kế hoạch số 07-KH/BCS", "BCS", "Ban cán sự đảng"),
    ("Bản sao số 24-BS/UBKTTU", "UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("Kết luận số 09-KL/UBKTHU", "UBKTHU", "Ủy ban Kiểm tra Huyện ủy"),
    ("Kết luận số 10-KL/UBKTQU", "UBKTQU", "Ủy ban Kiểm tra Quận ủy"),
    ("Kết luận số 11-KL/UBKTĐU", "UBKTĐU", "Ủy ban Kiểm tra Đảng ủy"),
    ("Hướng dẫn số 02-HD/BTCTU", "BTCTU", "Ban Tổ chức Tỉnh ủy"),
    ("Hướng dẫn số 15-HD/BTGTU", "BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
    ("Hướng dẫn số 03-HD/BDVTU", "BDVTU", "Ban Dân vận Tỉnh ủy"),
    ("Công văn số 44-CV/BNCTU", "BNCTU", "Ban Nội chính Tỉnh ủy"),
    ("Công văn số 45-CV/VPTU", "VPTU", "Văn phòng Tỉnh ủy"),
    ("Hướng dẫn số 04-HD/BTCHU", "BTCHU", "Ban Tổ chức Huyện ủy"),
    ("Hướng dẫn số 05-HD/BTGHU", "BTGHU", "Ban Tuyên giáo Huyện ủy"),
    ("Hướng dẫn số 06-HD/BDVHU", "BDVHU", "Ban Dân vận Huyện ủy"),
    ("Công văn số 46-CV/VPHU", "VPHU", "Văn phòng Huyện ủy"),
    ("Hướng dẫn số 07-HD/BTCQU", "BTCQU", "Ban Tổ chức Quận ủy"),
    ("Hướng dẫn số 08-HD/BTGQU", "BTGQU", "Ban Tuyên giáo Quận ủy"),
    ("Hướng dẫn số 09-HD/BDVQU", "BDVQU", "Ban Dân vận Quận ủy"),
    ("Công văn số 47-CV/VPQU", "VPQU", "Văn phòng Quận ủy"),
    ("Hướng dẫn số 01-HD/BTCĐU", "BTCĐU", "Ban Tổ chức Đảng ủy"),
    ("Nghị định số 30/2020/NĐ-CP", "CP", "Chính phủ"),
    ("Quyết định số 749/QĐ-TTg", "TTg", "Thủ tướng Chính phủ"),
    ("Quyết định số 101/QĐ-TTG", "TTG", "Thủ tướng Chính phủ"),
    ("Công văn số 4021/VPCP-CN", "VPCP", "Văn phòng Chính phủ"),
    ("Luật số 16/2023/QH15", "QH15", "Quốc hội"),
    ("Nghị quyết số 35/2023/UBTVQH15", "UBTVQH15", "Ủy ban Thường vụ Quốc hội"),
    ("Thông tư số 15/2023/TT-BNV", "BNV", "Bộ Nội vụ"),
    ("Công văn số 11184/BTC-TCCB", "BTC", "Bộ Tài chính"),
    ("Thông tư số 12/2019/TT-BCA", "BCA", "Bộ Công an"),
    ("Thông tư số 05/2020/TT-BQP", "BQP", "Bộ Quốc phòng"),
    ("Thông tư số 04/2020/TT-BTP", "BTP", "Bộ Tư pháp"),
    ("Thông tư số 13/2023/TT-BYT", "BYT", "Bộ Y tế"),
    ("Thông tư số 20/2023/TT-BGDĐT", "BGDĐT", "Bộ Giáo dục và Đào tạo"),
    ("Công văn số 555/LĐTBXH-BTXH", "LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
    ("Công văn số 2191/BNN-TCTL", "BNN", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("Thông tư số 03/2021/TT-BTTTT", "BTTTT", "Bộ Thông tin và Truyền thông"),
    ("Thông tư số 02/2022/TT-BKHĐT", "BKHĐT", "Bộ Kế hoạch và Đầu tư"),
    ("Thông tư số 08/2021/TT-BVHTTDL", "BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("Quyết định số 1234/QĐ-UBND", "UBND", "Ủy ban nhân dân"),
    ("Nghị quyết số 20/NQ-HĐND", "HĐND", "Hội đồng nhân dân"),
    ("Tờ trình số 623/TTr-SNV", "SNV", "Sở Nội vụ"),
    ("Công văn số 197/STTTT", "STTTT", "Sở Thông tin và Truyền thông"),
    ("Tờ trình số 126/SKHĐT", "SKHĐT", "Sở Kế hoạch và Đầu tư"),
    ("Tờ trình số 66/TTr-SYT", "SYT", "Sở Y tế"),
    ("Kế hoạch số 16/KH-HĐTĐKT", "HĐTĐKT", "Hội đồng Thi đua - Khen thưởng"),
]


def _one(text: str) -> DocumentRef:
    report = party_reports.parse(text)
    assert len(report.documents) == 1, [d.text for d in report.documents]
    return report.documents[0]


@pytest.mark.parametrize(("text", "kind", "system", "type_code", "issuer_code"), TYPE_CASES)
def test_type_code_resolves(text: str, kind: str, system: str, type_code: str, issuer_code: str) -> None:
    ref = _one(text)
    assert (ref.kind, ref.system, ref.type_code, ref.issuer_code) == (kind, system, type_code, issuer_code)
    assert ref.text == text


@pytest.mark.parametrize(("text", "issuer_code", "issuer"), ISSUER_CASES)
def test_issuer_code_resolves(text: str, issuer_code: str, issuer: str) -> None:
    report = party_reports.parse(text)
    (ref,) = report.documents
    assert (ref.issuer_code, ref.issuer) == (issuer_code, issuer)
    assert not [f for f in report.findings if f.code == "document.unknown_code"]


def test_every_type_code_has_a_case() -> None:
    party = {c for _t, _k, system, c, _i in TYPE_CASES if system == "party"}
    state = {c for _t, _k, system, c, _i in TYPE_CASES if system == "state"}
    assert set(documents.PARTY_TYPES) <= party, set(documents.PARTY_TYPES) - party
    assert set(documents.STATE_TYPES) <= state, set(documents.STATE_TYPES) - state


def test_every_issuer_code_has_a_case() -> None:
    seen = {code.rstrip("0123456789") for _t, code, _n in ISSUER_CASES}
    missing = set(documents.ISSUER_BY_CODE) - seen
    assert not missing, f"issuer codes with no case: {sorted(missing)}"


def test_type_codes_are_unambiguous_per_system() -> None:
    for system in ("party_codes", "state_codes"):
        codes = [c for row in documents.KINDS for c in getattr(row, system)]
        assert len(codes) == len(set(codes)), f"a {system} code names two kinds"


# --- resolver tables ---------------------------------------------------------------------

SYMBOL_PARTS = [
    (("KH", "ĐU", None), ("party", "KH", "ĐU")),
    (("CV", "QU", None), ("party", "CV", "QU")),
    (("QĐ", "TWĐTN-VP", None), ("party", "QĐ", "TWĐTN")),
    ((None, None, "NĐ-CP"), ("state", "NĐ", "CP")),
    ((None, None, "TTLT-BNV-VPCP"), ("state", "TTLT", "BNV")),
    ((None, None, "TTLT/BTC-BNN"), ("state", "TTLT", "BTC")),
    ((None, None, "UBND-NC"), ("state", None, "UBND")),
    ((None, None, "SKHĐT"), ("state", None, "SKHĐT")),
    ((None, None, "QH15"), ("state", None, "QH15")),
    ((None, None, "CT-TW"), ("party", "CT", "TW")),
    ((None, None, "QĐ/QUTW"), ("party", "QĐ", "QUTW")),
    ((None, None, "XY-ZW"), ("state", "XY", "ZW")),
    ((None, None, None), ("unknown", None, None)),
]


@pytest.mark.parametrize(("parts", "expected"), SYMBOL_PARTS)
def test_resolve_symbol(parts: tuple[str | None, str | None, str | None], expected: tuple[str, ...]) -> None:
    assert documents.resolve_symbol(*parts) == expected


PARTS = [
    # text, serial, year, issued_on
    ("Nghị định số 30/2020/NĐ-CP ngày 06 tháng 3 năm 2020", "30", 2020, "2020-03-06"),
    ("Công văn số 1372-CV/QU ngày 19/10/2021", "1372", None, "2021-10-19"),
    ("Chỉ thị số 05-CT/TW, ngày 15-5-2016", "05", None, "2016-05-15"),
    ("Kế hoạch số 12-KH/ĐU ngày 12.3.2021", "12", None, "2021-03-12"),
    ("Kế hoạch số 12-KH/ĐU ngày 31/2/2021", "12", None, None),
    ("Chỉ thị 05", "05", None, None),
]


@pytest.mark.parametrize(("text", "serial", "year", "issued_on"), PARTS)
def test_parts(text: str, serial: str, year: int | None, issued_on: str | None) -> None:
    ref = party_reports.parse(text).documents[0]
    assert (ref.serial, ref.year) == (serial, year)
    assert (ref.issued_on.isoformat() if ref.issued_on else None) == issued_on


def test_number_span_covers_the_symbol_only() -> None:
    text = "Thực hiện Kế hoạch số 64-KH/ĐU ngày 05/11/2021 của Đảng ủy"
    ref = party_reports.parse(text).documents[0]
    assert ref.number_span is not None
    assert text[ref.number_span.start : ref.number_span.end] == "64-KH/ĐU"
    assert text[ref.start : ref.end] == "Kế hoạch số 64-KH/ĐU"


def test_original_offsets_through_normalisation() -> None:
    text = "Theo Kế hoa\u0323ch số 58 \u2013 KH/\u00d0U của Đảng ủy"  # NFD, en dash, eth
    ref = party_reports.parse(text).documents[0]
    assert text[ref.start : ref.end] == ref.text
    assert ref.number == "58-KH/ĐU"
    assert ref.number_span is not None
    assert text[ref.number_span.start : ref.number_span.end] == "58 \u2013 KH/\u00d0U"


def test_unknown_code_is_kept_with_a_finding() -> None:
    report = party_reports.parse("Thực hiện Quyết định số 988/QĐ-CĐKT và Kế hoạch số 4-KHX/ĐU.")
    assert [d.number for d in report.documents] == ["988/QĐ-CĐKT", "4-KHX/ĐU"]
    found = [f for f in report.findings if f.code == "document.unknown_code"]
    assert [f.severity for f in found] == ["info", "info"]
    assert "CĐKT" in found[0].message and "KHX" in found[1].message


def test_list_shares_the_last_issuer() -> None:
    refs = party_reports.parse("các Nghị quyết số 26-NQ/TW, 27-NQ/TW và 28-NQ/TW của Bộ Chính trị.").documents
    assert [r.issuer for r in refs] == ["Bộ Chính trị"] * 3
    assert [r.rule for r in refs] == ["document.kind_number", "document.list_item", "document.list_item"]


def test_list_year_needs_its_own_so() -> None:
    refs = party_reports.parse("các Kế hoạch số 15, 2023 và số 2024 của Đảng ủy").documents
    assert [r.number for r in refs] == ["15"]


def test_national_assembly_number_without_a_word_has_no_kind() -> None:
    """72/2025/QH15 may be a law or a resolution: no kind is made up for it."""
    refs = party_reports.parse("Thực hiện số 72/2025/QH15 về tổ chức chính quyền hai cấp.").documents
    assert [(r.kind, r.number, r.issuer_code) for r in refs] == [(None, "72/2025/QH15", "QH15")]
