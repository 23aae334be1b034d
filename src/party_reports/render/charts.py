"""Charts for the corpus page, drawn by matplotlib as inline SVG (the `render` extra).

Text stays text (`svg.fonttype = none`: no embedded glyphs, so the page stays small and
the labels can be searched and copied), no timestamps or random ids in the output (two
runs give the same bytes), and no network: the SVG is put straight into the page.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

_RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "party_reports",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
# Colour-blind-safe (Okabe-Ito), each ≥ 3:1 against white as WCAG asks of graphics.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56B4E9")


def _figure(width: float, height: float) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return fig, ax


def _svg(fig: Any, title: str) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Title": title})
    plt.close(fig)
    svg = _METADATA.sub("", buf.getvalue())  # an RDF block naming creativecommons.org: no use in a page
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def bar_chart(labels: Sequence[str], values: Sequence[float], *, title: str, ylabel: str) -> str:
    """A bar chart as an `<svg>` element ('' when there is nothing to draw)."""
    if not labels:
        return ""
    import matplotlib

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig, ax = _figure(max(4.0, min(10.0, 0.35 * len(labels) + 2)), 2.6)
        ax.bar(range(len(labels)), values, color=PALETTE[0])
        step = max(1, len(labels) // 12)
        ax.set_xticks(range(0, len(labels), step), [labels[i] for i in range(0, len(labels), step)], rotation=45,
                      ha="right")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylabel(ylabel)
        ax.set_title(title, loc="left")
        return _svg(fig, title)


def line_chart(series: Mapping[str, Sequence[tuple[float, float]]], *, title: str, xlabel: str, ylabel: str) -> str:
    """One line per named series of (x, y) points, as an `<svg>` element ('' when empty)."""
    if not any(series.values()):
        return ""
    import matplotlib

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig, ax = _figure(7.0, 3.0)
        for i, (name, points) in enumerate(series.items()):
            xs, ys = zip(*sorted(points), strict=True) if points else ((), ())
            ax.plot(xs, ys, marker="o", label=name, color=PALETTE[i % len(PALETTE)])
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_title(title, loc="left")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
        return _svg(fig, title)
