"""Article metadata: title, category, publication stamp, views, authors, images, paragraphs.

Runs first in `parse`: its `published_at` anchors the year of partial dates, and the
page furniture it finds is appended to `doc.excluded` (normalised offsets) so the
other extractors skip it: the stamp line, view-counter lines, image file-name lines,
byline lines and photo credits.

The page as scraped, top to bottom (REFERENCE §3.6, §5.6):

- `` date 2023-03-23`` extraction line (optional; the rest of its line is content)
- site furniture above the title, never the title, a date or the stamp: a stray word
  ("news"), a banner ("Hôm nay, ngày 14 tháng 11 năm 2018 | Cỡ chữ: A+ A-", put in
  `doc.excluded`), a breadcrumb ("Trang chủ > Xây dựng Đảng", "BAN TỔ CHỨC TỈNH UỶ | TIN
  HOẠT ĐỘNG": its last part is the category when it reads as one)
- category label (optional): "Đảng đoàn thể", "TIN TỨC - SỰ KIỆN" (lexicon), or a short
  line (up to 6 words) opening with a category word ("Tin Đảng ủy", "CÔNG TÁC ĐẢNG - ĐOÀN
  THỂ") right above a longer heading
- title: the first heading line ("Đảng ủy Khối … tổ chức hội nghị …")
- stamp line (before or after the title; see stamps.py): "Ngày đăng 14/03/2023 | 09:20 | Lượt xem: 357"
- byline under the title (optional): "Ngô Thiệu Phương Nam", or up to three stacked
  lines ("ĐINH HẠNH" / "THU NGÂN") (see bylines.py)
- body paragraphs; image file-name lines ("…-1679542303.jpg") each with the caption
  line after it ("Quang cảnh hội nghị") and a credit ("Ảnh: PHƯƠNG NAM")
- byline at the end: the last line before "./.", view counters, "Nguồn: …", "Chia sẻ
  bài viết", "In bài viết   Gửi email", "Từ khóa: …", "Tin liên quan" and other furniture
  ("Phương Nam", "PV", "T.LĨNH - V.ANH"); an organisation alone there, with no personal
  byline above it, is a collective byline ("PHƯỜNG MAI DỊCH", "Ban Tuyên giáo Huyện ủy")

The same person under the title and at the end ("Ngô Thiệu Phương Nam" … "Phương Nam")
is one author, kept in the longer form.

Rejected: a date in prose is not a stamp (no stamp: `published_at` is None, never a
guess); a prose line is never a byline (Long Biên seed: its last line ends "./."); a
photo credit is not an author; a time word, weekday or category label is never an author
("Trưa 27/10/2022" is a time line); an organisation is an author only as the last line; a
source line ("Nguồn: …", "Theo TTXVN") is not an author;
a name under a role line of a signed document ("T/M BAN THƯỜNG VỤ", "BÍ THƯ") is a
signer, not a byline.

The package, one idea per module: `page` (the lines of the page, shared limits and rule
names), `head` (category, banner, breadcrumb, leftovers above the title), `images` (image
lines, captions, credits), `closing` (the byline at the end), `scan` (`extract`: the passes).
"""

from __future__ import annotations

from ...patterns import Pattern
from .. import stamps
from .head import CATEGORIES, CategoryRow, is_category
from .images import IMAGE_LINE
from .page import (
    CAPTION_MAX,
    HEAD_LINES,
    MAX_IMAGES,
    MAX_VIEW_LINES,
    PROSE_MIN,
    RULE_BYLINE_END,
    RULE_BYLINE_STAMP,
    RULE_BYLINE_TOP,
    RULE_CAPTION,
    RULE_CREDIT,
    RULE_TITLE,
    TAIL_LINES,
    Span2,
)
from .scan import extract

PATTERNS: tuple[Pattern, ...] = (
    stamps.STAMP_LINE,
    stamps.STAMP_TRAILING,
    stamps.STAMP_ISO,
    stamps.VIEW_LINE,
    IMAGE_LINE,
)

__all__ = [
    "CAPTION_MAX",
    "CATEGORIES",
    "HEAD_LINES",
    "IMAGE_LINE",
    "MAX_IMAGES",
    "MAX_VIEW_LINES",
    "PATTERNS",
    "PROSE_MIN",
    "RULE_BYLINE_END",
    "RULE_BYLINE_STAMP",
    "RULE_BYLINE_TOP",
    "RULE_CAPTION",
    "RULE_CREDIT",
    "RULE_TITLE",
    "TAIL_LINES",
    "CategoryRow",
    "Span2",
    "extract",
    "is_category",
]
