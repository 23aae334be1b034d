"""The layout step on literal dicts: categories, ids, labels and stacking slots."""

from party_reports.models import Count, DateMention, Report
from party_reports.render import layout, segments


def test_nested_spans_get_stacked_slots() -> None:
    text = "ngày 3/2/2024 có 12 chi bộ"
    report = Report(
        dates=[DateMention(start=0, end=13, text="ngày 3/2/2024", rule="t", value="2024-02-03", granularity="day")],
        counts=[
            Count(start=5, end=7, text="3/", rule="t", value=3, unit="x"),
            Count(start=17, end=26, text="12 chi bộ", rule="t", value=12, unit="chi bộ"),
        ],
    )
    assert layout(text, report) == {
        "text": text,
        "spans": [
            {"category": "dates", "id": "dates-0", "start": 0, "end": 13, "label": "2024-02-03", "slot": 0},
            {"category": "counts", "id": "counts-0", "start": 5, "end": 7, "label": "3 x", "slot": 1},
            {"category": "counts", "id": "counts-1", "start": 17, "end": 26, "label": "12 chi bộ", "slot": 0},
        ],
    }


def test_empty_report() -> None:
    assert layout("", Report()) == {"text": "", "spans": []}


def test_segments_join_back_to_the_text_and_name_covering_spans() -> None:
    data = {
        "text": "abcdefgh",
        "spans": [
            {"id": "a", "start": 1, "end": 5, "slot": 0},
            {"id": "b", "start": 3, "end": 7, "slot": 1},
        ],
    }
    out = segments(data)
    assert "".join(s["text"] for s in out) == "abcdefgh"
    assert out == [
        {"text": "a", "ids": []},
        {"text": "bc", "ids": ["a"]},
        {"text": "de", "ids": ["a", "b"]},
        {"text": "fg", "ids": ["b"]},
        {"text": "h", "ids": []},
    ]
