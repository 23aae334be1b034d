"""Bytes of an article file -> its text, or one clear error saying why not.

Shared by the `parse` command and the corpus inputs so that both read files the same
way: UTF-8 (with or without a BOM) unless told otherwise.
"""

from __future__ import annotations


class DecodeError(ValueError):
    """The bytes are not text in the expected encoding; the message says where."""


def decode(data: bytes, label: str, encoding: str | None = None) -> str:
    """Decode `data` (from `label`, named in errors) as `encoding`, UTF-8 by default.

    >>> decode("Đảng".encode(), "a.txt")
    'Đảng'
    >>> decode(b"\\xff\\xfe", "a.txt")
    Traceback (most recent call last):
    ...
    party_reports.decoding.DecodeError: a.txt: not UTF-8 text (bad byte at offset 0)
    """
    codec = encoding or "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding is None else encoding
        raise DecodeError(f"{label}: not {name} text (bad byte at offset {exc.start})") from None
    except LookupError:
        raise DecodeError(f"{label}: unknown encoding {encoding!r}") from None
