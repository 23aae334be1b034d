"""Layout of an article as data: each extracted item becomes a span with its category,
an item id, a value label and a stacking slot, so overlapping or nested spans can be
drawn without copying or losing text."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ..models import Count, DateMention, DocumentRef, Mention, Official, Organisation, Quota, Report

CATEGORIES: tuple[str, ...] = ("dates", "documents", "officials", "quotas", "counts", "organisations")


def label(item: Mention) -> str:
    """The value shown on hover and focus for one item."""
    if isinstance(item, DateMention):
        days = f" ({item.first_day} – {item.last_day})" if item.first_day and item.last_day else ""
        return f"{item.value}{days}"
    if isinstance(item, DocumentRef):
        parts = [item.kind or "?", item.number or "", f"ngày {item.issued_on}" if item.issued_on else ""]
        return " ".join(p for p in parts if p)
    if isinstance(item, Official):
        return "; ".join([item.name, *item.titles])
    if isinstance(item, Quota):
        stated = f", {item.stated_percent}%" if item.stated_percent is not None else ""
        computed = f" (= {item.computed_percent}%)" if item.computed_percent is not None else ""
        return f"{item.achieved}/{item.target}{stated}{computed}"
    if isinstance(item, Count):
        return f"{item.value} {item.unit}"
    if isinstance(item, Organisation):
        return f"{item.name} ({item.level})"
    return item.text


def layout(text: str, report: Report) -> dict[str, Any]:
    """``{"text", "spans"}``: spans sorted by start (longest first), each with ``category``,
    ``id`` (``dates-0`` …), ``start``, ``end``, ``label`` and ``slot``: the lowest stacking
    level not taken by a span still open at its start (0 for spans that overlap nothing)."""
    raw: list[dict[str, Any]] = []
    for category in CATEGORIES:
        items: list[Mention] = getattr(report, category)
        for index, item in enumerate(items):
            raw.append(
                {
                    "category": category,
                    "id": f"{category}-{index}",
                    "start": item.start,
                    "end": item.end,
                    "label": label(item),
                }
            )
    raw.sort(key=lambda s: (s["start"], -s["end"], s["id"]))
    open_ends: list[int] = []  # open_ends[slot] = end of the span occupying that slot
    for span in raw:
        slot = next((i for i, end in enumerate(open_ends) if end <= span["start"]), len(open_ends))
        if slot == len(open_ends):
            open_ends.append(span["end"])
        else:
            open_ends[slot] = span["end"]
        span["slot"] = slot
    return {"text": text, "spans": raw}


def segments(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Cut the text at every span edge: ``[{"text", "ids"}]`` whose texts join back to the
    article exactly, each naming the spans covering it (outermost first), so nested and
    overlapping marks neither copy nor drop text. Linear in text plus spans."""
    text: str = data["text"]
    spans: list[dict[str, Any]] = data["spans"]
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    starting: dict[int, list[dict[str, Any]]] = {}
    for span in spans:
        starting.setdefault(span["start"], []).append(span)
    active: list[dict[str, Any]] = []
    out: list[dict[str, Any]] = []
    for left, right in pairwise(cuts):
        active = [s for s in active if s["end"] > left] + starting.get(left, [])
        active.sort(key=lambda s: s["slot"])
        out.append({"text": text[left:right], "ids": [s["id"] for s in active if s["end"] > s["start"]]})
    return out
