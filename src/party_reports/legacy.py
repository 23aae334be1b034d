"""Vietnamese in the old 8-bit font encodings, read as Latin-1: say so instead of finding nothing.

Before Unicode (and on many sites until about 2010), Vietnamese was typed in font
encodings: TCVN3 (ABC, fonts ".VnTime") and VNI ("VNI-Times").  Read as Latin-1 or
Windows-1252, as a page that declares no charset is, their bytes are valid Unicode
letters and symbols that spell mojibake: "Đảng" is "§¶ng" in TCVN3 and "Ñaûng" in VNI.
No extractor matches such text, so a report would be silently empty.

`legacy_font_encoding` names the likely encoding from a small table of the byte-letters
each one uses where Unicode Vietnamese, English or French never has them:

- TCVN3 writes most toned lowercase vowels with bytes 0xA1-0xBE, which Latin-1 shows as
  symbols ("µ" à, "¶" ả, "¸" á, "¹" ạ, "©" â, "¨" ă, "®" đ, "§" Đ ...): a symbol glued
  inside a word ("c¸c", "nh©n"), at the end of one ("vµ"), or "§"/"®" starting one;
  and 0xC6-0xDE, toned lowercase vowels there, are capitals after a small letter in
  Latin-1 ("ViÖt", "vÒ");
- VNI writes a base vowel followed by a mark byte: "aø" (à), "aõ" (ã), "eä" (ệ), "oå"
  (ổ), "ö" for ư, "ô" for ơ ("öôø", ườ) and "ñ" for đ at the start of a word ("aû" ả
  and "aï" ạ are left out: French has "goût", "naïf").

A text is flagged when at least `MIN_HITS` words carry a signature and they are at
least `MIN_SHARE` of its words (Vietnamese in these encodings has one in most words;
French "naïf", "goût", "Noël" stay far below).  Only the first `SAMPLE` characters are
read, so the cost is bounded whatever the size.
"""

from __future__ import annotations

import re
import unicodedata

SAMPLE = 1 << 16
MIN_HITS = 3
MIN_SHARE = 0.1

_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
# TCVN3 letters that Latin-1 shows as symbols (0xA1-0xBE, and 0xD7 ì, 0xF7 ữ).
_TCVN3_SYMBOLS = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾×÷"
# Those that also end words in TCVN3 ("vµ", "lµ", "n¨m" ends in a letter); not ®, ©, «, »,
# · (trademarks, quotes and the Catalan middle dot end words in ordinary text).
_TCVN3_FINAL = "¨ª¬\u00adµ¶¸¹¼½¾×÷"
_TCVN3 = re.compile(
    rf"(?<=[{_LETTER}])[{_TCVN3_SYMBOLS}](?=[{_LETTER}])"
    rf"|(?<=[{_LETTER}])[{_TCVN3_FINAL}](?![{_LETTER}\d])"
    rf"|(?<![{_LETTER}\d])[§®](?=[{_LETTER}{_TCVN3_SYMBOLS}])"
    # 0xC6-0xDE are toned lowercase letters in TCVN3 but capitals in Latin-1: "ViÖt" (Việt).
    r"|(?<=[a-z])[\u00c6-\u00d6\u00d8-\u00de]"
)
_VNI = re.compile(
    # A vowel then a tone or hat byte that Unicode Vietnamese never has and Latin-script
    # languages do not put after a vowel (not ï, û, ë, ü: French "naïf", "goût", "Noël").
    r"[aeiouyAEIOUY][øõäåæ]"
    r"|[öÖôÔ][ùøûõïÙØÛÕÏ]"  # ư / ơ then a tone byte ("öø" ừ, "ôù" ớ)
    r"|[öÖ][ôÔ]"  # ươ
    rf"|(?<![{_LETTER}])[ñÑ][aeiouyAEIOUYöÖôÔ]"  # đ / Đ starting a word ("ñaûng", "Ñoàn")
)
# The quick test: a byte-letter of either table that Unicode Vietnamese never holds
# (TCVN3 symbols; VNI's huyền "ø", hats "ä", "å", ư "ö" and đ "ñ").  Every text in
# these encodings has some; ordinary Vietnamese has none, so its check stops here.
_ANY = re.compile(f"[{_TCVN3_SYMBOLS}øäåæöñØÄÅÆÖÑ]")
_WORD = re.compile(rf"[{_LETTER}{_TCVN3_SYMBOLS}]+")

ENCODINGS: dict[str, tuple[re.Pattern[str], str]] = {
    "TCVN3 (ABC)": (_TCVN3, '"§¶ng" for "Đảng"'),
    "VNI": (_VNI, '"Ñaûng" for "Đảng"'),
}


def _hit_words(pattern: re.Pattern[str], sample: str) -> int:
    """Words of `sample` holding at least one match of `pattern`."""
    words = 0
    last_end = -1
    for m in pattern.finditer(sample):
        if m.start() >= last_end:
            word = _WORD.search(sample, max(m.start() - 1, 0))
            words += 1
            last_end = word.end() if word is not None else m.end()
    return words


def legacy_font_encoding(text: str) -> str | None:
    """The font encoding the text is likely in ("TCVN3 (ABC)" or "VNI"), or None.

    >>> legacy_font_encoding("§¶ng bé x· T©n Hßa cã 312 ®¶ng viªn vµ 14 chi bé")
    'TCVN3 (ABC)'
    >>> legacy_font_encoding("Ñaûng boä xaõ Taân Hoøa coù 312 ñaûng vieân vaø 14 chi boä")
    'VNI'
    >>> legacy_font_encoding("Đảng bộ xã Tân Hòa có 312 đảng viên và 14 chi bộ") is None
    True
    """
    # The Catalan middle dot ("col·lecció") is not TCVN3 "ã" (no syllable is "lãl").
    # NFC first: the byte-letters are precomposed (À, Æ), so NFD input reads the same.
    sample = unicodedata.normalize("NFC", text[:SAMPLE]).replace("l·l", "ll").replace("L·L", "LL")
    if _ANY.search(sample) is None:
        return None
    words = sum(1 for _ in _WORD.finditer(sample))
    best: tuple[int, str] | None = None
    for name, (pattern, _example) in ENCODINGS.items():
        hits = _hit_words(pattern, sample)
        if hits >= MIN_HITS and hits >= MIN_SHARE * words and (best is None or hits > best[0]):
            best = (hits, name)
    return None if best is None else best[1]


def legacy_message(name: str) -> str:
    """The finding's message for encoding `name`."""
    example = ENCODINGS[name][1]
    return (
        f"the text looks like Vietnamese in the {name} font encoding read as Latin-1 ({example}): "
        "convert it to Unicode first; dates, names and figures in it are not found"
    )
