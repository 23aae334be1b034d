"""The head of the page: category labels, the site's banner, breadcrumbs and scraper leftovers above the title."""

from __future__ import annotations

import re
from typing import Literal

import regex
from pydantic import BaseModel

from ...lexicon import load
from ...patterns import compile_verbose
from ...text import fold
from .. import bylines, stamps
from .page import HEAD_LINES, PROSE_MIN, _is_heading, _is_prose, _key, _Page


class CategoryRow(BaseModel):
    """A category label, or (kind "word", written "tin *") a word that marks one."""

    label: str
    kind: Literal["label", "word"]
    note: str | None = None


CATEGORIES = load("metadata_categories", CategoryRow)
_CATEGORY_LABELS = frozenset(r.label for r in CATEGORIES if r.kind == "label")
_CATEGORY_WORDS = frozenset(r.label.removesuffix(" *") for r in CATEGORIES if r.kind == "word")
_DASH = regex.compile(r"\s*-\s*")
_SKIP = bylines.words("skip")
_BANNER = bylines.layout_words("banner")
_SITE = bylines.layout_words("site")
_HOME = ("trang chủ", "home", "trang chu", "skip to", "skip ribbon", "skip navigation", "menu", "đăng nhập")
# The parts of a furniture or banner line: links set apart by bars, bullets or wide gaps.
_PARTS = re.compile(r"[ \t]*[|¦•·][ \t]*|[ \t]{2,}")
# A breadcrumb's separators ("Trang chủ > Xây dựng Đảng", "A » B", "A | B").
_CRUMB = re.compile(r"[ \t]*(?:>>?|»|›|→|\||¦)[ \t]*")
# The site's own date banner: "Hôm nay, ngày 14 tháng 11 năm 2018", "Hôm nay: Thứ Tư, 14/11/2018".
_TODAY = compile_verbose(
    r"""
    \A hôm [ \t]+ nay (?!\w) [ \t,:-]*
    (?: \L<weekdays> (?!\w) [ \t,-]* )?
    (?: ngày [ \t]* )?
    \d{1,2}
    (?: [ \t]* [/.-] [ \t]* \d{1,2} [ \t]* [/.-] [ \t]* \d{4}                       # 14/11/2018
      | [ \t]+ tháng [ \t]+ \d{1,2} [ \t]* ,? [ \t]* (?: năm [ \t]+ )? \d{4} )     # 14 tháng 11 năm 2018
    (?= [ \t]* (?: $ | [|¦•] | [ \t]{2} ) )
    """,
    weekdays=[row.word for row in stamps.WEEKDAYS],
)


def is_category(text: str, following: str | None = None) -> bool:
    """True for a category label: listed, or a short line with a category word before a longer heading.

    >>> is_category("Đảng đoàn thể"), is_category("TIN TỨC - SỰ KIỆN")
    (True, True)
    >>> is_category("Tin Đảng ủy", "Đảng ủy xã Tân Lập tổ chức hội nghị sơ kết công tác quý I năm 2024")
    True
    >>> is_category("CÔNG TÁC ĐẢNG - ĐOÀN THỂ", "Chi bộ tổ dân phố số 9 tổ chức Đại hội nhiệm kỳ 2022 - 2025")
    True
    >>> is_category("Hội nghị sơ kết"), is_category("Ngô Thiệu Phương Nam")
    (False, False)
    >>> is_category("Đảng bộ Khối Doanh nghiệp", "Kết nạp 215 đảng viên mới trong 5 tháng đầu năm 2019")
    False
    """
    if len(text) > 60:
        return False
    folded = " ".join(_DASH.sub(" - ", fold(text)).split())
    if folded in _CATEGORY_LABELS:
        return True
    if following is None or len(text) > 45 or any(c.isdigit() for c in text):
        return False
    if len([w for w in folded.split() if w not in ("-", "|", "&", "/")]) > 6:
        return False
    if text.endswith((".", ":", ",", ";", "!", "?")) or bylines.is_org(text) or not _is_heading(following):
        return False
    return len(following) >= max(40, 3 * len(text) // 2) and bylines._starts_with(folded, _CATEGORY_WORDS)



def _head(page: _Page) -> list[int]:
    """Indices of the head lines: the first few, up to the first prose line."""
    head = []
    for i in range(min(HEAD_LINES, len(page.lines))):
        if i > 0 and _is_prose(page.text(i)):
            break
        head.append(i)
        if i == 0 and len(page.text(0)) >= PROSE_MIN:
            break  # the page opens with prose: what follows is body
    return head


def _is_banner(text: str) -> bool:
    """True for the site's own head line: "Hôm nay, ngày 14 tháng 11 năm 2018 | Cỡ chữ: A+ A-".

    >>> _is_banner("Hôm nay, ngày 14 tháng 11 năm 2018 | Cỡ chữ: A+ A-"), _is_banner("Cỡ chữ")
    (True, True)
    >>> _is_banner("Hôm nay, ngày 14/11/2018 khai mạc Đại hội Đảng bộ tỉnh"), _is_banner("Liên hệ thực tiễn ở cơ sở")
    (False, False)
    """
    if len(text) > 160:
        return False
    if text[:3].lower() == "hôm" and _TODAY.match(text) is not None:
        return True
    if len(text) >= 40 and _PARTS.search(text) is None:
        return False  # every banner word is shorter: a long line is a banner only by its parts
    if _key(text) in _BANNER:
        return True
    if _PARTS.search(text) is None:
        return False
    return any(bylines._starts_with(_key(p[:30]), _BANNER) for p in _PARTS.split(text) if p)


def _breadcrumb(text: str, following: str | None) -> tuple[int, bool] | None:
    """A breadcrumb line: (where its last part starts, whether that part is the category); None if not one.

    >>> _breadcrumb("Trang chủ > Xây dựng Đảng", None), _breadcrumb("BAN TỔ CHỨC TỈNH UỶ | TIN HOẠT ĐỘNG", None)
    ((12, True), (22, True))
    >>> _breadcrumb("Trang chủ > Tin tức > Bài viết", None), _breadcrumb("Đảng bộ xã | Nhiệm kỳ mới", None)
    ((22, False), None)
    """
    if len(text) > 120:
        return None
    seps = list(_CRUMB.finditer(text))
    if not seps:
        return None
    parts = [p for p in _CRUMB.split(text)]
    if any(not p or len(p.split()) > 8 or p.endswith((".", ";", ",", "!", "?")) for p in parts):
        return None
    last = parts[-1]
    is_cat = is_category(last, following) or is_category(last)
    home = fold(parts[0]).startswith(_HOME)
    if not (home or is_cat or any(m.group().strip() not in ("|", "¦") for m in seps)):
        return None  # "A | B" is a breadcrumb only when B reads as a category
    return seps[-1].end(), is_cat


def _is_junk(text: str, above_heading: bool = True) -> bool:
    """Scraper leftovers above the title: "menu_WAR_portlet_INSTANCE_x", "Trang chủ > …", the site's name.

    >>> _is_junk("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐẠI TỪ"), _is_junk("Cổng làng được tu sửa khang trang")
    (True, False)
    """
    folded = fold(text[:40])
    if (" " not in text and "_" in text) or folded.startswith(_HOME):
        return True
    if len(text) <= 40 and folded.rstrip(" :") in _SKIP:
        return True  # a share or print widget's label alone on its line: "Chia sẻ:"
    return above_heading and len(text) <= 80 and bylines._starts_with(folded, _SITE)
