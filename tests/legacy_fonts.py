"""Composed Vietnamese written in the legacy encodings, for tests: Windows-1258 bytes
(tone marks as combining characters), and TCVN3 (ABC) or VNI font-encoded text as it
reads once its bytes are taken for Latin-1."""

from __future__ import annotations

import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """`text` in Windows-1258: a letter it lacks is its base letter plus a combining tone."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
        out.append(base.encode("cp1258") + "".join(c for c in nfd if c in _TONES).encode("cp1258"))
    return b"".join(out)


# TCVN3 byte of each Vietnamese letter (lowercase, and the untoned capitals it has).
_TCVN3_ROWS = {
    "àảãáạ": "b5 b6 b7 b8 b9",
    "ăằẳẵắặ": "a8 bb bc bd be c6",
    "âầẩẫấậ": "a9 c7 c8 c9 ca cb",
    "èẻẽéẹ": "cc ce cf d0 d1",
    "êềểễếệ": "aa d2 d3 d4 d5 d6",
    "ìỉĩíị": "d7 d8 dc dd de",
    "òỏõóọ": "df e1 e2 e3 e4",
    "ôồổỗốộ": "ab e5 e6 e7 e8 e9",
    "ơờởỡớợ": "ac ea eb ec ed ee",
    "ùủũúụ": "ef f1 f2 f3 f4",
    "ưừửữứự": "ad f5 f6 f7 f8 f9",
    "ỳỷỹýỵ": "fa fb fc fd fe",
    "đĂÂÊÔƠƯĐ": "ae a1 a2 a3 a4 a5 a6 a7",
}
TCVN3 = {
    letter: bytes([int(code, 16)]).decode("latin-1")
    for letters, codes in _TCVN3_ROWS.items()
    for letter, code in zip(letters, codes.split(), strict=True)
}


def to_tcvn3(text: str) -> str:
    """`text` typed in TCVN3 and read as Latin-1 (toned capitals as their lowercase)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in TCVN3:
            out.append(TCVN3[ch])
        elif ch.lower() in TCVN3 and not ch.isascii():
            out.append(TCVN3[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT_TONE = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def _vni_letter(ch: str) -> str:
    if ch in "đĐ":
        return "ñ" if ch == "đ" else "Ñ"
    nfd = unicodedata.normalize("NFD", ch)
    base, marks = nfd[0], nfd[1:]
    tone = "".join(m for m in marks if m in _TONES)
    shape = "".join(m for m in marks if m not in _TONES)
    upper = base.isupper()
    if not marks or not base.isascii():
        return ch
    if shape == "\u0302":  # circumflex
        code = base + _VNI_HAT_TONE[tone]
    elif shape == "\u0306":  # breve
        code = base + _VNI_BREVE_TONE[tone]
    elif shape == "\u031b":  # horn: ơ is "ô", ư is "ö", then the tone
        code = ("ô" if base in "oO" else "ö") + _VNI_TONE.get(tone, "")
    elif base in "iI":
        code = _VNI_I[tone]
    else:
        code = base + _VNI_TONE[tone]
    return code.upper() if upper else code


def to_vni(text: str) -> str:
    """`text` typed in VNI and read as Latin-1."""
    return "".join(_vni_letter(ch) for ch in unicodedata.normalize("NFC", text))
