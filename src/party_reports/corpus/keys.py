"""Folded keys for the index: one person, body or post however it was typed.

`fold` is the key of a name, a title or an organisation: NFC, "Đ" look-alikes mapped
(Ð U+00D0, Ɖ U+0189, ð, ɖ), lower case, one space between words, and one tone placement
for the open syllables where two are in use ("hoà"/"hòa", "uỷ"/"ủy", "khoẻ"/"khỏe": the
tone goes on the first vowel, as in `text.normalise`).  It cannot tell apart two people
with the same name (the index has no province of birth): they share one key.

`party_body` turns an organisation name into the party organisation (đảng bộ) it stands
for, so "Huyện ủy Sơn Vĩ" and "Đảng bộ huyện Sơn Vĩ" are one body; `split_post` cuts a
title into its rank and the office it is held in ("Phó Bí thư" + "Huyện ủy Sơn Vĩ").
"""

from __future__ import annotations

import re
import unicodedata

_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ", "\u0256": "đ"})
_TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _tone_table() -> dict[str, str]:
    """Lower-case 'oà' -> 'òa', 'uỷ' -> 'ủy', 'oẻ' -> 'ỏe' (the second vowel's tone moves to the first)."""
    nfc = unicodedata.normalize
    return {
        first + nfc("NFC", second + mark): nfc("NFC", first + mark) + second
        for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
        for mark in _TONE_MARKS
    }


_TONES = _tone_table()
# An open syllable ends the word; after "q" the "u" is part of the consonant ("quý").
_TONE_WORD = re.compile(r"(?<!q)(?:" + "|".join(_TONES) + r")(?!\w)")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """The folded key of a name, title or organisation.

    >>> fold("Lê Thị  Hoà"), fold("LÊ THỊ HÒA"), fold(" lê thị hòa")
    ('lê thị hòa', 'lê thị hòa', 'lê thị hòa')
    >>> fold("Ðinh Văn Lực") == fold("Đinh Văn Lực")
    True
    >>> fold("Huyện uỷ Sơn Vĩ"), fold("Quý")
    ('huyện ủy sơn vĩ', 'quý')
    >>> fold("Lê Thị Hoa") == fold("Lê Thị Hòa")
    False
    """
    low = unicodedata.normalize("NFC", text).translate(_LOOKALIKES).lower()
    low = _SPACE.sub(" ", low).strip()
    return _TONE_WORD.sub(lambda m: _TONES[m.group()], low)


# Committees named after their level -> the level word of the đảng bộ they lead.
# NOTE: keys are folded (`fold`), so "uỷ" and "ủy" both arrive as "ủy".
_COMMITTEES = {
    "tỉnh ủy": "tỉnh",
    "thành ủy": "thành phố",
    "huyện ủy": "huyện",
    "quận ủy": "quận",
    "thị ủy": "thị xã",
}
_LEADING_ORGANS = ("ban thường vụ ", "ban chấp hành ", "thường trực ")
_COMMITTEE = re.compile(r"^(?P<kind>" + "|".join(_COMMITTEES) + r") (?P<place>.+)$")


def party_body(name: str) -> str | None:
    """The đảng bộ (or chi bộ) an organisation name stands for, or None when it names no place.

    >>> party_body("Huyện uỷ Sơn Vĩ"), party_body("Ban Thường vụ Tỉnh ủy Lam Giang")
    ('Đảng bộ huyện Sơn Vĩ', 'Đảng bộ tỉnh Lam Giang')
    >>> party_body("Đảng ủy xã Tân Khê"), party_body("Chi bộ thôn Nà Pan")
    ('Đảng bộ xã Tân Khê', 'Chi bộ thôn Nà Pan')
    >>> party_body("Huyện ủy") is None, party_body("UBND huyện Sơn Vĩ") is None
    (True, True)
    """
    words = _SPACE.sub(" ", unicodedata.normalize("NFC", name).translate(_LOOKALIKES)).strip()
    key = fold(words)
    for organ in _LEADING_ORGANS:
        if key.startswith(organ):
            words, key = words[len(organ) :], key[len(organ) :]
    if key.startswith(("đảng bộ ", "chi bộ ")):
        head = 7 if key.startswith("đảng bộ ") else 6
        return words[:head].capitalize() + words[head:]
    if key.startswith("đảng ủy ") and len(key) > 8:
        return "Đảng bộ " + words[8:]
    m = _COMMITTEE.match(key)
    if m:
        return f"Đảng bộ {_COMMITTEES[m['kind']]} " + words[m.start("place") :]
    return None


# Ranks a post can be held at, longest first; "thường trực" after a rank qualifies it
# ("Phó Bí thư Thường trực" is a Phó Bí thư) and is dropped.
_RANKS = (
    "phó bí thư",
    "bí thư",
    "phó chủ tịch",
    "chủ tịch",
    "phó trưởng ban",
    "trưởng ban",
    "phó giám đốc",
    "giám đốc",
    "phó chánh văn phòng",
    "chánh văn phòng",
    "phó chủ nhiệm",
    "chủ nhiệm",
    "phó trưởng phòng",
    "trưởng phòng",
)
_POST = re.compile(r"^(?P<rank>" + "|".join(_RANKS) + r")(?: thường trực)? (?P<office>.+)$")


def split_post(title: str) -> tuple[str, str] | None:
    """(rank, office) of a title, folded; None for a title with no rank ("Tỉnh ủy viên").

    >>> split_post("Phó Bí thư Thường trực Huyện uỷ Sơn Vĩ")
    ('phó bí thư', 'huyện ủy sơn vĩ')
    >>> split_post("Trưởng Ban Tổ chức Huyện ủy")
    ('trưởng ban', 'tổ chức huyện ủy')
    >>> split_post("Tỉnh ủy viên") is None
    True
    """
    m = _POST.match(fold(title))
    return (m["rank"], m["office"]) if m else None
