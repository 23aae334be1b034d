"""Count nouns that are also something else: read what stands around them.

- "tổ chức" is a noun ("kết luận 3 tổ chức có vi phạm", "kiểm tra 4 tổ chức và 9 đảng
  viên") and, far more often, a verb ("Chi bộ 3 tổ chức đại hội", "tổ chức 12 lớp").  The
  verb takes an object; the noun ends its phrase or goes on with a few words that never
  follow the verb ("và", "có vi phạm", "được", "trực thuộc"), so the bare noun counts only
  before those (`organisation_noun`); so do "tổ chức đoàn" and "tổ chức hội" ("tổ chức
  đoàn kiểm tra", "tổ chức hội nghị" are verbs).  "tổ chức đảng", "tổ chức công đoàn"
  need no look.
- "bản" is a village in the north-west ("19 bản", "3 bản và 2 thôn") and a copy ("3 bản
  cam kết", "5 bản kiểm điểm"): the same look as "tổ chức" (`AMBIGUOUS`).
- committees ("chi ủy", "cấp ủy", "đảng ủy") count in lower case only: capitalised after a
  number they mostly open a new clause (`COMMITTEES`).
- posts ("bí thư", "chủ tịch") count persons ("25 bí thư chi bộ", "30 chủ tịch UBND
  xã"), but after a place or cell label the number is the label's ("Thôn 3 Bí thư chi bộ
  …", "Chi bộ 4 chủ tịch …"): `post_after_label`.
"""

from __future__ import annotations

import regex

__all__ = ["AMBIGUOUS", "COMMITTEES", "POSTS", "organisation_noun", "post_after_label"]

# What may follow the bare noun "tổ chức": an end of phrase, or a word the verb never takes.
_NOUN_FOLLOWS = regex.compile(
    r"""
    \s*+(?:[,.;:)!?]|\Z)
  | \s++(?:và|hoặc|có|được|bị|đã|chưa|còn|với|gồm|thuộc|trực\s+thuộc|thành\s+viên|vi\s+phạm
        |trong|tại|ở|này|khác|cơ\s+sở|chính\s+trị)(?!\p{L})
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Words before a number that make it a label's number ("Thôn 3", "Chi bộ 4", "lớp 12").
_LABELS = frozenset(
    {"thôn", "ấp", "bản", "buôn", "làng", "xóm", "lớp", "bộ", "trường", "nhóm", "cụm", "điểm", "phố", "xã"}
    | {"đoàn", "hội"}
)

# Nouns that count only before `_NOUN_FOLLOWS`.
AMBIGUOUS = frozenset({"tổ chức", "tổ chức đoàn", "tổ chức hội", "bản"})
# Committees count in lower case only: "kết luận 01 chi ủy", but "… 5 Đảng ủy đã …" starts a clause.
COMMITTEES = frozenset({"chi ủy", "cấp ủy", "đảng ủy"})
POSTS = frozenset(
    {"bí thư", "bí thư chi bộ", "bí thư đảng ủy", "bí thư cấp ủy", "phó bí thư", "chủ tịch", "phó chủ tịch"}
)


def organisation_noun(text: str, end: int) -> bool:
    """True when a bare "tổ chức" or "bản" ending at `end` is the counted noun, judged by
    what follows it.

    >>> organisation_noun("kết luận 3 tổ chức có vi phạm", 18)
    True
    >>> organisation_noun("Chi bộ 3 tổ chức đại hội", 16)
    False
    """
    return _NOUN_FOLLOWS.match(text, end, min(len(text), end + 20)) is not None


def post_after_label(text: str, start: int) -> bool:
    """True when the number at `start` follows a place or cell label ("Thôn 3 Bí thư …").

    >>> post_after_label("Thôn 3 Bí thư chi bộ", 5)
    True
    >>> post_after_label("có 25 bí thư chi bộ", 3)
    False
    """
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in _LABELS
