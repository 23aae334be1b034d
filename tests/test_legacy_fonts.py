"""Text in the TCVN3 (ABC) or VNI font encodings gets a finding naming the encoding;
Unicode Vietnamese, English, French and other Latin-script text never does."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from party_reports import parse
from party_reports.legacy import legacy_font_encoding
from tests.legacy_fonts import TCVN3, to_tcvn3, to_vni

ARTICLES = sorted((Path(__file__).parent.parent / "fixtures" / "articles").glob("*.txt"))
CODE = "text.legacy_font_encoding"

SENTENCE = "Sáng 14/3/2021, Đảng bộ xã Tân Hòa có 312 đảng viên; người được kết nạp mới là 18 đồng chí."

# Composed non-Vietnamese prose, heavy in the letters and symbols the signatures use.
NEGATIVES = {
    "english": (
        "The committee met on Monday in the old town hall. Its report, © 2021 Acme Ltd®, "
        "lists 312 members, 14 branches and a budget of £2,300; § 4 covers the elections. "
        "Café owners and naïve newcomers were invited to the coöperative's résumé workshop."
    ),
    "french": (
        "« Bonjour », dit-il à Noël, où la réunion a eu lieu. Le coût du goût, août et "
        "l'été : un maïs naïf, une héroïne égoïste en Haïti, «citation» ; Citroën, aïeul, "
        "Loïc et Zoé créèrent l'idée d'une fête à Noël où l'on goûte le pâté. Être ou ne pas être."
    ),
    "catalan": "La col·lecció de l'il·lustre paral·lel va ser la intel·ligència de Sabadell·l; al·lot.",
    "spanish": "El año pasado, el señor Muñoz viajó a España con su niño; la cigüeña y el pingüino.",
    "german": "Die Häuser am Flußufer gehören Jürgen Müller; er öffnet sie täglich für Bürger.",
    "nordic": "Søren og Åse bor i Ærø; på øen er der få biler og søde mennesker i nærheden.",
    "math": "µ = 5 µm ± 0,3; ½ of ¼ is ⅛; 3 × 4 = 12; 12 ÷ 4 = 3; the price is ¥500 or ¢75.",
}


def test_the_tables_spell_the_known_mojibake() -> None:
    assert to_tcvn3("Đảng") == "§¶ng" and to_vni("Đảng") == "Ñaûng"
    assert to_tcvn3("Việt") == "ViÖt" and to_vni("Việt") == "Vieät"
    assert to_vni("người được") == "ngöôøi ñöôïc"
    assert len(set(TCVN3.values())) == len(TCVN3)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_each_composed_article_in_either_font_encoding_is_named(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert legacy_font_encoding(to_tcvn3(text)) == "TCVN3 (ABC)"
    assert legacy_font_encoding(to_vni(text)) == "VNI"
    # The same verdict when the mojibake arrives decomposed (Hypothesis found NFD input flagged differently).
    assert legacy_font_encoding(unicodedata.normalize("NFD", to_tcvn3(text))) == "TCVN3 (ABC)"
    assert legacy_font_encoding(unicodedata.normalize("NFD", to_vni(text))) == "VNI"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_unicode_vietnamese_is_not_flagged(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert legacy_font_encoding(text) is None
    assert legacy_font_encoding(unicodedata.normalize("NFD", text)) is None
    assert legacy_font_encoding(text.upper()) is None


@pytest.mark.parametrize("name", NEGATIVES)
def test_other_languages_are_not_flagged(name: str) -> None:
    assert legacy_font_encoding(NEGATIVES[name]) is None
    assert legacy_font_encoding(NEGATIVES[name] * 20) is None


def test_a_few_legacy_words_in_unicode_text_are_not_enough() -> None:
    # A stray pasted word is not a whole text in the old encoding.
    assert legacy_font_encoding(SENTENCE * 10 + to_vni("Đảng bộ") + " " + to_tcvn3("Đảng")) is None
    assert legacy_font_encoding(to_vni("Đảng bộ")) is None  # one word: too little to tell


def test_parse_reports_the_encoding_instead_of_an_empty_report() -> None:
    for encoded, name in ((to_tcvn3(SENTENCE * 3), "TCVN3 (ABC)"), (to_vni(SENTENCE * 3), "VNI")):
        report = parse(encoded)
        found = [f for f in report.findings if f.code == CODE]
        assert len(found) == 1 and found[0].severity == "warning"
        assert name in found[0].message and "Đảng" in found[0].message
    plain = parse(SENTENCE)
    assert CODE not in {f.code for f in plain.findings}
    assert plain.counts


def test_only_the_head_of_a_huge_text_is_read() -> None:
    # The verdict comes from the first 64 Ki characters: bounded cost.
    text = to_vni(SENTENCE) * 2000 + SENTENCE * 200_000
    assert legacy_font_encoding(text) == "VNI"
