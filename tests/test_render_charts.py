"""The corpus page's charts: inline SVG, text kept as text, the same bytes every run."""

from __future__ import annotations

from party_reports.render.charts import bar_chart, line_chart

SERIES = {"Đảng bộ huyện Kim Sơn": [(2021.0, 30.0), (2023.0, 38.0), (2022.0, 41.0)], "Đảng bộ xã Lộc An": []}


def test_bar_chart_is_inline_svg_with_its_labels_as_text() -> None:
    svg = bar_chart(["2023-01", "2023-02"], [3, 5], title="Bài theo tháng", ylabel="bài")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "Bài theo tháng" in svg and "2023-02" in svg
    assert "<image" not in svg and "@font-face" not in svg and "http://" not in svg.split(">", 1)[1].split("xmlns")[0]


def test_charts_are_deterministic() -> None:
    kwargs = {"title": "Kết nạp", "xlabel": "năm", "ylabel": "đảng viên"}
    assert line_chart(SERIES, **kwargs) == line_chart(SERIES, **kwargs)
    assert "Đảng bộ huyện Kim Sơn" in line_chart(SERIES, **kwargs)


def test_nothing_to_draw_is_empty() -> None:
    assert bar_chart([], [], title="t", ylabel="y") == ""
    assert line_chart({"a": []}, title="t", xlabel="x", ylabel="y") == ""
