"""Dates and periods: every explicit calendar reference, with the interval it covers.

Forms handled (pattern name: example -> value, granularity):

- ``date.dmy``: "27/10/2022", "27-10-2022", "27.10.2022", "17 - 05 - 2024", "Thứ Hai,
  27/08/2018", "Sáng ngày 19/11/2024", "ngày 27/10/22" -> 2022-10-27 (day); years
  1800-2100, a two-digit year only after "ngày" or a time of day.
- ``date.dmy_words``: "ngày 8 tháng 12 năm 2022", "ngày 08 tháng 12/2022", "ngày 22 tháng 12",
  "28 tháng 05 năm 2004" (without "ngày" only with its year), "tháng Mười năm 2022".
- ``date.dm``: a day and month with no year, after a trigger: "Sáng 16.7", "Chiều 18-7",
  "Thứ Bảy, 16/7" (the lead joins the span), "ngày 30/4", "hôm nay 7-7", "(17/10)",
  "đến 30/6", "14/10, 15/10" -> XXXX-07-16, or the anchor's year (publication stamp or
  `Options.reference_date`; the year before when the month lies after the anchor's
  month), flagged year_inferred.  Also a listed anniversary after a holiday word or
  name: "Quốc khánh 2-9", "kỷ niệm 30-4", "Ngày thành lập Đảng 3/2" (holidays.py).
- ``date.day_pair``: "ngày 6 và 7/8", "các ngày 19-25/1", "chiều ngày 21 và sáng ngày 22
  tháng 12 năm 2022", "từ 13 đến 15-8-1945", "ngày 04-10/3/2024": two days, the first
  taking the second's month and year.
- ``date.day_range``: "02/5 đến ngày 11/5/2013", "(16/7 - 18/7)": two days, the first
  taking the end's year (the year before over New Year: "28/12 đến 2/1/2023").  Two
  days read apart but linked ("từ ngày 3 tháng 4 đến ngày 5 tháng 5 năm 2023"): the
  first takes the second's year (ranges.py).
- ``date.month_year``: "tháng 3/2023", "tháng 3 năm 2023", "tháng 03-2023", "tháng Ba năm
  2023" -> 2023-03 (month).  ``date.month_pair``: "tháng 7-8/2023", "tháng 3 và tháng 4
  năm 2024" -> two months.
- ``date.quarter``: "Quý I/2023", "quý II năm 2023", "quý 3/2023" -> 2023-Q1; "quý IV"
  without a year takes the nearest explicit year of its sentence, else the anchor's,
  else it is left out (the gold leaves such a "quý I" out).
- ``date.part_of_year``: "6 tháng đầu năm 2022" -> 2022-H1, "6 tháng cuối năm" -> H2 (year
  as for a quarter), "9 tháng đầu năm 2020" / "9 tháng năm 2020" -> 2020-01/2020-09,
  "3 tháng cuối năm 2022" -> 2022-10/2022-12 (range).  ``date.half_word``: "nửa đầu năm
  2023" -> 2023-H1.
- ``date.year_range``: after an introducer, or alone in brackets ("3 năm liền (2019 -
  2021)"): "nhiệm kỳ 2020-2025", "giai đoạn 2021 -
  2025", "thời kỳ 2021-2030", "năm học 2022-23", "nhiệm kỳ (2015-2020)", "từ năm 2015 đến
  năm 2020", "năm 2021-2022", "2026 -2030" in "giai đoạn 2023 - 2025 và 2026 -2030" ->
  2020/2025 (range).
- ``date.year``: "năm 2022", "NĂM 2023", and each year of "các năm 2020, 2021 và 2022"
  -> 2022 (year), 1930-2100.
- ``date.year_bare``: "trong 2023", "đến 2025" -> 2023 (year), flagged latent.

Rejected on purpose (no item): durations ("30 năm tuổi Đảng", "10 năm", "trong 6 tháng"),
relative phrases ("từ đầu năm đến nay", "năm qua"), "quý I" with no year in reach, month
alone ("tháng 3"), quota fractions and counts ("23/15 đồng chí", "3/2 chi bộ", "từ 3/2 chi
bộ": a yearless day needs a trigger and no count noun after a weak one), holiday labels
in names ("đường 30/4", "Trường Mầm non 3/2", "đợt 3/2"), bare year
ranges ("nhiệm vụ 2020-2025", a seed typo its gold leaves out; "trang 82-83"), years
inside document numbers ("23/2019/NĐ-CP"), publication stamps ("Ngày đăng 09/12/2022 |
15:50", "20/03/2020 00:00", "Thứ Năm, 30/09/2021" on its own line), anything in
``doc.excluded`` (image file names), "Cách mạng Tháng Tám" (its "năm 1945" is a year),
long runs of figures ("1/1/1/…").  Impossible dates ("31/02/2023", "45/13/2022", "ngày
31/4") give a ``date.impossible`` finding and no item; "giai đoạn 2025-2020" a
``date.reversed_range`` finding.

The package, one idea per module: `values` (what a match says, its value string and
interval), `context` (word tables, what is read around a match), `patterns` (GUARDS and
PATTERNS), `resolve` (a match -> items), `scan` (`extract`: the passes over the text).
"""

from __future__ import annotations

from .patterns import GUARDS, PATTERNS
from .scan import extract
from .values import DAY_YEAR_MIN, YEAR_MAX, YEAR_MIN, When, infer_year, interval_of, valid_day, value_of

__all__ = [
    "DAY_YEAR_MIN",
    "GUARDS",
    "PATTERNS",
    "YEAR_MAX",
    "YEAR_MIN",
    "When",
    "extract",
    "infer_year",
    "interval_of",
    "valid_day",
    "value_of",
]
