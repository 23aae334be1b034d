"""The text layer: normalisation for matching, with an exact map back to the input.

`normalise` returns a `NormalText`: the text every extractor matches against (NFC,
one tone-mark placement, look-alike letters mapped, odd spaces, dashes and quotes
made plain, zero-width characters removed, ``\\r\\n`` made ``\\n``) together with
the one offset map from normalised positions to ORIGINAL positions.  Extractors
never see original offsets; `NormalText.original_span` translates at the end.

Also here: reading Vietnamese-formatted numbers ("5.356", "97,5", "09") and Roman
numerals, which every extractor shares.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import regex

# One character -> its replacement ('' deletes).  Keep in step with REFERENCE §7.3.
_CHAR_MAP: dict[str, str] = {
    "\u00d0": "Đ",  # Icelandic eth capital, a look-alike of Đ
    "\u0189": "Đ",  # African D
    "\u00f0": "đ",
    "\u0256": "đ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
    "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\r": "\n",
}
_TRANSLATE = str.maketrans(_CHAR_MAP)

# Runs of combining marks (NFD or mixed input; the base letter before them joins the
# chunk), a CR LF pair, or one of the characters above.  Stdlib `re` with explicit
# mark ranges scans about twice as fast as `regex` with \p{M}; marks outside these
# ranges are caught by the `is_normalized` check and the per-grapheme fallback.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"
_CHUNK = re.compile(r"\r\n|[" + re.escape("".join(_CHAR_MAP)) + "]|[" + _MARKS + "]+")


def _tone_table() -> dict[str, str]:
    """'uỷ' -> 'ủy', 'hoà' -> 'hòa', 'khoẻ' -> 'khỏe': tone on the first vowel of oa/oe/uy."""
    table: dict[str, str] = {}
    marks = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                for mark in marks:
                    new_style = f + unicodedata.normalize("NFC", s + mark)
                    old_style = unicodedata.normalize("NFC", f + mark) + s
                    table[new_style] = old_style
    return table


_TONES = _tone_table()
# Only open syllables differ between the styles ("hoàn" is written one way); after
# q the u belongs to the consonant ("quý" never moves).
_TONE_WORD = regex.compile(
    r"(?<![qQ])(?:" + "|".join(sorted(_TONES, key=len, reverse=True)) + r")(?!\p{L}|\p{M})"
)


@dataclass(frozen=True)
class NormalText:
    """Normalised text plus the map back to the original input.

    The map is a list of replaced chunks: ``(norm_start, norm_end, orig_start,
    orig_end)``; outside chunks, positions shift by a constant.  A span that starts
    or ends inside a chunk is widened to the whole chunk, so it always slices back
    to whole original characters.
    """

    original: str
    text: str
    _norm_starts: list[int] = field(default_factory=list, repr=False)
    _chunks: list[tuple[int, int, int, int]] = field(default_factory=list, repr=False)

    @property
    def identity(self) -> bool:
        """True when no character moved: normalised offsets are original offsets."""
        return not self._chunks

    @property
    def lower(self) -> str:
        """A lower-cased view with the same length as `text`, for case-blind matching."""
        low = self.text.lower()
        if len(low) == len(self.text):
            return low
        return "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)

    def original_start(self, pos: int) -> int:
        """Original offset of normalised position `pos` taken as a span start."""
        i = bisect_right(self._norm_starts, pos) - 1
        if i < 0:
            return pos
        _ns, ne, os, oe = self._chunks[i]
        if pos < ne:
            return os
        return oe + (pos - ne)

    def original_end(self, pos: int) -> int:
        """Original offset of normalised position `pos` taken as a span end."""
        i = bisect_left(self._norm_starts, pos) - 1
        if i < 0:
            return pos
        _ns, ne, _os, oe = self._chunks[i]
        if pos <= ne:
            return oe
        return oe + (pos - ne)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Translate a normalised ``[start, end)`` into original offsets."""
        if not self._chunks:
            return start, end
        ostart = self.original_start(start)
        oend = self.original_end(end) if end > start else ostart
        return ostart, max(ostart, oend)


def _move_tone(m: regex.Match[str]) -> str:
    return _TONES[m.group()]


def _nfc_chunk(chunk: str) -> str:
    return unicodedata.normalize("NFC", chunk).translate(_TRANSLATE)


def normalise(text: str) -> NormalText:
    """Normalise `text` for matching and keep the map back to it.

    >>> nt = normalise("Quận u\\u0309y\\u00a0Long Biên")
    >>> nt.text
    'Quận ủy Long Biên'
    >>> s, e = nt.original_span(0, 7)
    >>> nt.original[s:e] == "Quận u\\u0309y"
    True
    >>> normalise("").text
    ''
    """
    pieces: list[str] = []
    norm_starts: list[int] = []
    chunks: list[tuple[int, int, int, int]] = []
    last = 0
    npos = 0
    for m in _CHUNK.finditer(text):
        ostart, oend = m.span()
        chunk = m.group()
        if chunk == "\r\n":
            new = "\n"
        elif chunk[0] in _CHAR_MAP:
            new = chunk.translate(_TRANSLATE)
        else:
            if ostart > last:  # the base letter the marks sit on joins the chunk
                ostart -= 1
                chunk = text[ostart:oend]
            new = _nfc_chunk(chunk)
        if new == chunk:
            continue
        gap = text[last:ostart]
        pieces.append(gap)
        npos += len(gap)
        pieces.append(new)
        norm_starts.append(npos)
        chunks.append((npos, npos + len(new), ostart, oend))
        npos += len(new)
        last = oend
    if chunks:
        pieces.append(text[last:])
        joined = "".join(pieces)
    else:
        joined = text
    if not unicodedata.is_normalized("NFC", joined):
        return _normalise_graphemes(text)
    # Moving a tone mark keeps the length, so the offset map stays as it is.
    if _TONE_WORD.search(joined):
        joined = _TONE_WORD.sub(_move_tone, joined)
    return NormalText(text, joined, norm_starts, chunks)


_GRAPHEME = regex.compile(r"\X", regex.DOTALL)


def _normalise_graphemes(text: str) -> NormalText:
    """Slow, general path: NFC per grapheme cluster (Hangul jamo, singletons)."""
    pieces: list[str] = []
    norm_starts: list[int] = []
    chunks: list[tuple[int, int, int, int]] = []
    npos = 0
    for m in _GRAPHEME.finditer(text):
        chunk = m.group()
        new = "\n" if chunk == "\r\n" else _nfc_chunk(chunk)
        if new != chunk:
            norm_starts.append(npos)
            chunks.append((npos, npos + len(new), m.start(), m.end()))
        pieces.append(new)
        npos += len(new)
    joined = _TONE_WORD.sub(_move_tone, "".join(pieces))
    return NormalText(text, joined, norm_starts, chunks)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A matching key: normalised, lower case, whitespace collapsed.

    >>> fold("  Quận  Uỷ ")
    'quận ủy'
    """
    return " ".join(normalise(text).text.lower().split())


# --- numbers ---------------------------------------------------------------------

_INT_DOTTED = regex.compile(r"\d{1,3}(?:\.\d{3})+")
# More digits than any real figure (10^24 đồng is a thousand times world GDP): such a
# digit run is noise, read as no number, so no caller meets int()'s 4300-digit limit or
# a float overflow.
MAX_DIGITS = 24


def parse_int(raw: str) -> int | None:
    """Read a Vietnamese-written integer: thousands dots, leading zeros.

    >>> parse_int("5.356"), parse_int("09"), parse_int("1.204.000")
    (5356, 9, 1204000)
    >>> parse_int("5.9") is None, parse_int("1" * 25) is None
    (True, True)
    """
    raw = raw.strip()
    if len(raw) > MAX_DIGITS * 4 // 3 or sum(c.isdigit() for c in raw) > MAX_DIGITS:
        return None
    if raw.isdigit():
        return int(raw)
    if _INT_DOTTED.fullmatch(raw):
        return int(raw.replace(".", ""))
    return None


def parse_decimal(raw: str) -> float | None:
    """Read a number with a decimal comma (or a dot and 1-2 decimals) or thousands dots.

    >>> parse_decimal("97,5"), parse_decimal("35,34"), parse_decimal("38.4"), parse_decimal("1.988")
    (97.5, 35.34, 38.4, 1988.0)
    >>> parse_decimal("abc") is None
    True
    """
    raw = raw.strip()
    if len(raw) > MAX_DIGITS * 2 or sum(c.isdigit() for c in raw) > MAX_DIGITS:
        return None
    whole = parse_int(raw)
    if whole is not None:
        return float(whole)
    m = regex.fullmatch(r"(\d{1,3}(?:\.\d{3})*|\d+),(\d+)", raw)
    if m:
        return float(m.group(1).replace(".", "") + "." + m.group(2))
    m = regex.fullmatch(r"(\d+)\.(\d{1,2})", raw)
    if m:
        return float(raw)
    return None


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def parse_roman(raw: str) -> int | None:
    """Read a Roman numeral from I to XX (case-blind); None if it is not one.

    >>> parse_roman("XIII"), parse_roman("iv"), parse_roman("XX")
    (13, 4, 20)
    >>> parse_roman("IIII") is None, parse_roman("XXI") is None
    (True, True)
    """
    up = raw.strip().upper()
    if not up or any(c not in "IVX" for c in up):
        return None
    total = 0
    for i, c in enumerate(up):
        value = _ROMAN[c]
        if i + 1 < len(up) and _ROMAN[up[i + 1]] > value:
            total -= value
        else:
            total += value
    if not 1 <= total <= 20 or to_roman(total) != up:
        return None
    return total


def to_roman(n: int) -> str:
    """Write 1..39 as a Roman numeral.

    >>> to_roman(14)
    'XIV'
    """
    out = "X" * (n // 10)
    n %= 10
    ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    return out + ones[n]


_NUMBER_WORDS: dict[str, int] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "bẩy": 7, "tám": 8, "chín": 9, "mười": 10,
}


def parse_number_word(raw: str) -> int | None:
    """Read a small Vietnamese number word (một … mười); None otherwise.

    >>> parse_number_word("Hai"), parse_number_word("mười")
    (2, 10)
    >>> parse_number_word("nhiều") is None
    True
    """
    return _NUMBER_WORDS.get(raw.strip().lower())
