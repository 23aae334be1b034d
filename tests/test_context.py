"""Every positive corpus case is still found, with the same values, inside a sentence.

The corpus tables check each form on its own; real articles put it between other
words.  Here each positive text is placed inside neutral prose (composed for this
test) and must give an item whose text is the case's text, with the same values.
"""

from __future__ import annotations

from typing import Any

import pytest

import party_reports

from .corpus import Case, all_cases

CONTEXTS = [
    "Theo báo cáo, {} tiếp tục được các chi bộ quan tâm thực hiện.",
    "Hội nghị đánh giá, năm qua {}; các chi bộ đã hoàn thành nhiệm vụ.",
]
# A text that opens with a capital number word ("Hai chi bộ") starts its sentence.
SENTENCE_CONTEXTS = [
    "Báo cáo nêu rõ những kết quả chính. {} tiếp tục được quan tâm.",
    "Hội nghị đánh giá cao. {}; các chi bộ đã hoàn thành nhiệm vụ.",
]
DIMENSIONS = {"dates", "documents", "quotas", "counts"}


def _positives() -> list[Any]:
    out = []
    for param in all_cases():
        case: Case = param.values[0]
        if case.kind == "positive" and case.dimension in DIMENSIONS and case.whole_span and not param.marks:
            if case.options or "\n" in case.text:
                continue
            out.append(pytest.param(case, id=param.id))
    return out


@pytest.mark.parametrize("context", CONTEXTS, ids=["lead", "clause"])
@pytest.mark.parametrize("case", _positives())
def test_found_in_context(case: Case, context: str) -> None:
    if case.text[:1].isupper() and case.text.split()[0].lower() in {"hai", "ba", "bốn", "năm", "sáu", "một", "mười"}:
        context = SENTENCE_CONTEXTS[CONTEXTS.index(context)]
    text = context.format(case.text)
    items = getattr(party_reports.parse(text), case.dimension)
    expected = case.expect[0]
    got = [
        {k: item.model_dump(mode="json").get(k) for k in expected}
        for item in items
        if item.text == case.text
    ]
    assert expected in got, f"{case.text!r} in context gave {[(i.text, i.rule) for i in items]}"
