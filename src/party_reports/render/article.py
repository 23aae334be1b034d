"""`party_reports.render.html(text, report)`: the article with every extracted span marked.

The text is cut at every span edge (`layout.segments`), so nested and overlapping items
neither copy nor drop a character: each piece is one element naming the items that
cover it, coloured by the innermost.  Each item starts with an empty anchor
(`<a id="dates-3">`) that findings link to.  The value of the items under the pointer or
the keyboard focus shows in a panel, from labels embedded as JSON; a 1 MiB article is
one element per piece, nothing per character.  jinja2 autoescapes everything.
"""

from __future__ import annotations

from typing import Any

from ..models import Report
from .layout import CATEGORIES, layout, segments
from .report import environment

# Background tints behind dark text (#1a1a1a): each pair passes WCAG AA (≥ 4.5:1).
COLOURS: dict[str, str] = {
    "dates": "#cfe8ff",
    "documents": "#ffe0b3",
    "officials": "#d9f2d0",
    "quotas": "#f6d0e6",
    "counts": "#e6dcff",
    "organisations": "#fff3a8",
    "findings": "#ffd6d1",
}
TEXT_COLOUR = "#1a1a1a"


def _finding_spans(report: Report) -> list[dict[str, Any]]:
    spans = []
    for i, finding in enumerate(report.findings):
        for j, span in enumerate(finding.spans):
            spans.append({"category": "findings", "id": f"findings-{i}-{j}", "start": span.start, "end": span.end,
                          "label": f"{finding.severity}: {finding.message}", "slot": 0})
    return spans


def page_parts(text: str, report: Report) -> dict[str, Any]:
    """What the template draws: pieces of text with the items covering them, labels, findings."""
    data = layout(text, report)
    data["spans"] = sorted(data["spans"] + _finding_spans(report), key=lambda s: (s["start"], -s["end"], s["id"]))
    by_id = {s["id"]: s for s in data["spans"]}
    starts: dict[int, list[dict[str, Any]]] = {}
    for s in data["spans"]:
        starts.setdefault(s["start"], []).append(s)
    pieces, pos = [], 0
    for seg in segments(data):
        anchors = [(s["id"], s["category"]) for s in starts.pop(pos, [])]
        ids = seg["ids"]
        category = next((by_id[i]["category"] for i in reversed(ids) if by_id[i]["category"] != "findings"),
                        "findings" if ids else None)
        pieces.append({"text": seg["text"], "ids": " ".join(ids), "category": category, "anchors": anchors})
        pos += len(seg["text"])
    findings = [
        {"code": f.code, "severity": f.severity, "message": f.message,
         "targets": [f"findings-{i}-{j}" for j in range(len(f.spans))]}
        for i, f in enumerate(report.findings)
    ]
    counts = {c: len(getattr(report, c)) for c in CATEGORIES}
    return {
        "pieces": pieces,
        "labels": {s["id"]: f"{s['category']}: {s['label']}" for s in data["spans"]},
        "findings": findings,
        "counts": counts,
    }


def html(text: str, report: Report, *, title: str | None = None) -> str:
    """The article view as one self-contained HTML document (needs the `render` extra)."""
    meta = report.metadata
    return str(
        environment()
        .get_template("article.html.j2")
        .render(
            title=title or meta.title or "Article",
            meta=meta,
            text=text,
            colours=COLOURS,
            text_colour=TEXT_COLOUR,
            categories=CATEGORIES,
            **page_parts(text, report),
        )
    )
