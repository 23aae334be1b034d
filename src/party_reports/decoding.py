"""Bytes of an article file -> its text, or one clear error saying why not.

Shared by the `parse` command and the corpus inputs so that both read files the same
way: UTF-8 (with or without a BOM) unless told otherwise.  A named legacy encoding
(``--encoding cp1258``) or one detected with ``--encoding auto`` (charset-normalizer,
the ``encodings`` extra) gives text in NFC: Windows-1258 writes tone marks as combining
characters, and the NFC text is what is parsed and kept, so spans slice it.
"""

from __future__ import annotations

import codecs
import unicodedata

AUTO = "auto"
_UTF8 = {"utf-8", "utf-8-sig"}
INSTALL_HINT = "pip install 'party_reports[encodings]'"
ENCODING_HELP = "encoding of text inputs: a codec name such as cp1258, or auto to detect it (default UTF-8)"


class DecodeError(ValueError):
    """The bytes are not text in the expected encoding; the message says where."""


def decode(data: bytes, label: str, encoding: str | None = None) -> str:
    """Decode `data` (from `label`, named in errors) as `encoding`, UTF-8 by default.

    ``encoding="auto"``: UTF-8 when the bytes are UTF-8, else the encoding that
    charset-normalizer finds.  Text from an encoding other than UTF-8 is NFC.

    >>> decode("Đảng".encode(), "a.txt")
    'Đảng'
    >>> decode(b"\\xff\\xfe", "a.txt")
    Traceback (most recent call last):
    ...
    party_reports.decoding.DecodeError: a.txt: not UTF-8 text (bad byte at offset 0); try --encoding cp1258 or auto
    >>> decode(b"\\xd0a\\xd2ng", "a.txt", "cp1258")  # a + combining hook above -> NFC
    'Đảng'
    """
    if encoding is not None and encoding.lower() == AUTO:
        return _detect(data, label)
    codec = encoding or "utf-8-sig"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if encoding is None:
            raise DecodeError(
                f"{label}: not UTF-8 text (bad byte at offset {exc.start}); try --encoding cp1258 or auto"
            ) from None
        raise DecodeError(f"{label}: not {encoding} text (bad byte at offset {exc.start})") from None
    except LookupError:
        raise DecodeError(f"{label}: unknown encoding {encoding!r}") from None
    return text if codecs.lookup(codec).name in _UTF8 else unicodedata.normalize("NFC", text)


def require_detector() -> None:
    """`DecodeError` saying what to install when ``--encoding auto`` cannot detect."""
    try:
        import charset_normalizer  # noqa: F401
    except ImportError:
        raise DecodeError(f"--encoding auto needs charset-normalizer: {INSTALL_HINT}") from None


def _detect(data: bytes, label: str) -> str:
    require_detector()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError(f"{label}: not text in any encoding charset-normalizer knows")
    return decode(data, label, best.encoding)
