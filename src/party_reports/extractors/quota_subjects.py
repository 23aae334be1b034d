"""What a quota achieved ("kết nạp", "thành lập", "kiểm tra"), read from the words around it.

`subject_of` names the activity (lexicon/quota_subjects.toml); `same_activity` and
`admitted` decide whether a count before a percent is what the plan measures.  Moved
out of quotas.py unchanged.
"""

from __future__ import annotations

import regex
from pydantic import BaseModel

from ..lexicon import load
from ..patterns import Doc, compile_verbose, trie

__all__ = ["SUBJECTS", "SubjectRow", "admitted", "same_activity", "subject_of"]


class SubjectRow(BaseModel):
    """A verb phrase naming what was achieved."""

    word: str
    subject: str
    note: str | None = None


SUBJECTS: dict[str, SubjectRow] = {row.word: row for row in load("quota_subjects", SubjectRow)}

# The subject verbs as a prefix tree (the same matches as a case-blind \L<list>, faster).
_SUBJECT = compile_verbose(r"(?<!\p{L})" + trie(sorted({w.lower() for w in SUBJECTS})) + r"(?!\p{L})")
# The verbs whose object count is what a percent of plan measures (admissions, new cells).
_ADMISSION_VERB = regex.compile(r"(?<!\p{L})(?:kết\s+nạp|thành\s+lập|phát\s+triển)(?!\p{L})", regex.IGNORECASE)
_CLAUSE_EDGE = regex.compile(r"[,;.:\n(]")


def admitted(text: str, count_start: int) -> bool:
    """True when the count's own clause names an admission: "kết nạp được 52 đảng viên, đạt …".

    >>> admitted("Đảng ủy kết nạp được 52 đảng viên", 22)
    True
    >>> admitted("kết nạp 3 quần chúng, xét chuyển chính thức cho 05 đồng chí", 48)
    False
    """
    window = text[max(0, count_start - 80) : count_start]
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(window)]
    clause = window[edges[-1] :] if edges else window
    return _ADMISSION_VERB.search(clause) is not None


def same_activity(doc: Doc, count_start: int, plan_end: int | None) -> bool:
    """True when the count before a percent is what the plan measures.

    With no plan word, only admissions count ("kết nạp 52 ĐV mới, đạt 50,98%").  With a
    plan that names its activity ("kế hoạch phát triển đảng viên", "chương trình kiểm
    tra"), the count's clause must name the same activity; a plain "kế hoạch" takes the
    count as it stands ("sinh hoạt tại 28 lượt chi bộ, đạt 116% kế hoạch").
    """
    if plan_end is None:
        return admitted(doc.text, count_start)
    gap = doc.text[plan_end : plan_end + 3]
    after = _SUBJECT.match(doc.text, plan_end + len(gap) - len(gap.lstrip()))
    if after is None or not after.group()[:1].islower():
        return True  # a plain plan, or a named one ("chỉ tiêu Nghị quyết Đại hội XXIV")
    wanted = SUBJECTS[" ".join(after.group().lower().split())].subject
    if wanted == "kết nạp":
        return admitted(doc.text, count_start)
    window = doc.text[max(0, count_start - 80) : count_start + 40]
    return any(SUBJECTS[" ".join(x.group().lower().split())].subject == wanted for x in _SUBJECT.finditer(window))


def subject_of(doc: Doc, start: int, plan_end: int | None) -> str | None:
    """What was achieved: the last subject verb in the clause before, else the plan's object."""
    before = doc.text[max(0, start - 100) : start]
    cut = max(before.rfind(c) for c in ".;\n")
    found = None
    # Short windows: searched directly, without the `timeout=` set-up of `doc.finditer`.
    for m in _SUBJECT.finditer(before, cut + 1):
        found = m.group()
    if found is None and plan_end is not None:
        after = _SUBJECT.search(doc.text, plan_end, min(len(doc.text), plan_end + 30))
        if after is not None and not doc.text[plan_end : after.start()].strip():
            found = after.group()
    return SUBJECTS[" ".join(found.lower().split())].subject if found else None
