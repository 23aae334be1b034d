"""Mutations of the composed fixture articles, as plain data so that every driver (the
Hypothesis stand-in, the campaign, atheris) makes the same inputs from the same ops.

An op is ``(name, a, b)`` with two non-negative ints: `apply` reads positions and sizes
from them modulo the text's length, so any op applies to any text and a shrinker can
make them small.  Only the composed fixtures (fixtures/articles/*.txt) are mutated.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures" / "articles"

Op = tuple[str, int, int]

SNIPPETS: tuple[str, ...] = (
    # separators and punctuation the patterns read
    "/", "-", ".", ",", ":", ";", "|", "(", ")", "%", "\n", "\n\n", "\t", " – ", '"',
    # odd spaces the text layer maps to a space, zero-width characters it removes
    "\u00a0", "\u2007", "\u2009", "\u1680", "\u3000", "\u202f", "\u205f",
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad",
    # control characters, line separators, lone surrogates, a private-use letter
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\r\n",
    "\ud800", "\udfff", "\udbff", "\ue000",
    # look-alike letters (Cyrillic, Greek, Icelandic eth), combining marks alone
    "\u0430", "\u0435", "\u043e", "\u0440", "\u0441", "\u03bf", "\u00f0", "\u00d0", "\u0301", "\u0323",
    # trigger words of the extractors
    "đồng chí ", "ngày ", "số ", " đảng viên", "Nghị quyết ", "Bí thư ", "đạt ", "tháng ",
    "năm ", "Kế hoạch số ", "-NQ/TW", "/QĐ-UBND", "Ảnh: ", "Lượt xem: ", "chi bộ", "tỷ lệ ",
    "quý ", "giai đoạn ", "nhiệm kỳ ", "Đảng ủy ", "Huyện ủy ", "ông ", "bà ", "các đồng chí ",
    "100%", "15/23", "1.234.567", "12,5", "XIII", "2020-2025", "13:40", "| ",
)
LOOKALIKES = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "đ": "\u00f0", "Đ": "\u00d0"}
SPACES = (" ", "\t", "\u00a0", "\u2007", "\u2009", "\u3000", "\u1680", "\u202f")
OPS: tuple[str, ...] = (
    "insert", "delete", "splice", "digit", "digit_run", "space_run", "nfd", "lookalike",
    "repeat", "upper", "swap_lines", "truncate",
)


@lru_cache(maxsize=1)
def fixtures() -> tuple[str, ...]:
    """The composed articles, read once (never real text)."""
    return tuple(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))


def _at(text: str, a: int) -> int:
    return a % (len(text) + 1)


def _window(text: str, a: int, b: int, most: int) -> tuple[int, int]:
    start = _at(text, a)
    return start, min(len(text), start + b % (most + 1))


def _digits(a: int, b: int) -> str:
    n = 1 + b % 6000
    digits = "".join(str((a + i * 7) % 10) for i in range(n))
    if a % 3 == 0:  # thousands-dotted, as figures are written
        digits = ".".join(digits[i : i + 3] for i in range(0, len(digits), 3))
    return digits + ("" if a % 2 else " đảng viên")


def apply_op(text: str, op: Op) -> str:
    """`text` with one mutation."""
    name, a, b = op
    if name == "insert":
        at = _at(text, a)
        return text[:at] + SNIPPETS[b % len(SNIPPETS)] + text[at:]
    if name == "delete":
        start, end = _window(text, a, b, 64)
        return text[:start] + text[end:]
    if name == "splice":
        other = fixtures()[b % len(fixtures())]
        start, end = _window(other, a // 7, b, 400)
        at = _at(text, a)
        return text[:at] + other[start:end] + text[at:]
    if name == "digit":
        spots = [i for i, ch in enumerate(text) if ch.isdigit()]
        if not spots:
            return text
        i = spots[a % len(spots)]
        return text[:i] + str(b % 10) + text[i + 1 :]
    if name == "digit_run":
        at = _at(text, a)
        return text[:at] + _digits(a, b) + text[at:]
    if name == "space_run":
        at = _at(text, a)
        return text[:at] + SPACES[a % len(SPACES)] * (1 + b % 5000) + text[at:]
    if name == "nfd":
        start, end = _window(text, a, b, 2000)
        return text[:start] + unicodedata.normalize("NFD", text[start:end]) + text[end:]
    if name == "lookalike":
        start, end = _window(text, a, b, 200)
        piece = "".join(LOOKALIKES.get(ch, ch) for ch in text[start:end])
        return text[:start] + piece + text[end:]
    if name == "repeat":
        start, end = _window(text, a, b, 200)
        return text[:end] + text[start:end] * (1 + b % 40) + text[end:]
    if name == "upper":
        start, end = _window(text, a, b, 300)
        return text[:start] + text[start:end].upper() + text[end:]
    if name == "swap_lines":
        lines = text.split("\n")
        i, j = a % len(lines), b % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)
    if name == "truncate":
        return text[: _at(text, a)]
    raise ValueError(f"unknown op {name!r}")


def mutant(base: int, start: int, length: int, ops: Sequence[Op]) -> str:
    """Fixture `base` (modulo their number), a window of it (all of it for `length` 0),
    then `ops` in order."""
    text = fixtures()[base % len(fixtures())]
    if length:
        lo = start % len(text)
        text = text[lo : lo + length]
    for op in ops:
        text = apply_op(text, op)
    return text


def random_ops(rng: random.Random, most: int = 8) -> list[Op]:
    """Ops for the campaign: mostly one to four; sizes log-uniform from 1 to 65 536, so
    that runs of 10, 100 and 1 000 characters are drawn about as often."""
    return [
        (rng.choice(OPS), rng.getrandbits(20), int(2 ** rng.uniform(0, 16)))
        for _ in range(1 + min(most - 1, int(rng.expovariate(0.6))))
    ]
