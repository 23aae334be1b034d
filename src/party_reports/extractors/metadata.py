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
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import regex
from pydantic import BaseModel

from ..lexicon import load
from ..models import Image, Mention, Metadata
from ..patterns import Doc, Pattern, RegexMatch, compile_verbose
from ..text import fold
from . import bylines, stamps

HEAD_LINES = 8  # lines read for the category, title, unlabelled stamps and the top byline
TAIL_LINES = 25  # lines read from the end for the closing byline
PROSE_MIN = 160  # a line this long is prose, not a heading
CAPTION_MAX = 220
# Furniture read per page.  Real pages have one stamp and a few dozen images; the caps
# keep `doc.excluded` (scanned by every other extractor) short on pathological input.
MAX_IMAGES = 200
MAX_VIEW_LINES = 10


class CategoryRow(BaseModel):
    """A category label, or (kind "word", written "tin *") a word that marks one."""

    label: str
    kind: Literal["label", "word"]
    note: str | None = None


CATEGORIES = load("metadata_categories", CategoryRow)
_CATEGORY_LABELS = frozenset(r.label for r in CATEGORIES if r.kind == "label")
_CATEGORY_WORDS = frozenset(r.label.removesuffix(" *") for r in CATEGORIES if r.kind == "word")


def _image_file(text: str, ext_start: int, ext_end: int) -> Span2 | None:
    """The whole file name: from its line's first non-space to the extension."""
    line_start = text.rfind("\n", 0, ext_start) + 1
    name = text[line_start:ext_end]
    start = line_start + len(name) - len(name.lstrip())
    if ext_end - start > 260 or ext_start == start:
        return None  # a prose line that happens to end in ".jpg", or a bare ".jpg"
    return (start, ext_end)


def _resolve_image(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    file = _image_file(doc.text, m.start(), m.end())
    return None if file is None else {"file": file}


# An image file-name line: "le-so-ket-…-1679542303.jpg", "ANH 1_6.jpg".  The regex
# finds the extension at a line end (a fast scan); the resolver takes the line.
IMAGE_LINE = Pattern(
    "metadata.image_file",
    compile_verbose(r"\. (?:jpe?g|png|gif|webp|bmp) (?=[ \t]*$)", regex.MULTILINE),
    _resolve_image,
)

# The same shape for stdlib `re` (a faster scan), the case-blind letters spelt out as
# `regex` folds them (i also matches "İ").
_IMAGE_FAST = re.compile(
    r"\.(?:[jJ][pP][eE]?[gG]|[pP][nN][gG]|[gG][iIİ][fF]|[wW][eE][bB][pP]|[bB][mM][pP])(?=[ \t]*$)", re.MULTILINE
)

PATTERNS: tuple[Pattern, ...] = (
    stamps.STAMP_LINE,
    stamps.STAMP_TRAILING,
    stamps.STAMP_ISO,
    stamps.VIEW_LINE,
    IMAGE_LINE,
)

# Rules of the non-pattern items (titles, categories, bylines, captions, credits).
RULE_TITLE = "metadata.title_line"
RULE_BYLINE_TOP = "metadata.byline_under_title"
RULE_BYLINE_END = "metadata.byline_at_end"
RULE_BYLINE_STAMP = "metadata.byline_in_stamp"
RULE_CAPTION = "metadata.caption"
RULE_CREDIT = "metadata.photo_credit"

# A line, stripped: after the spaces that open it (`regex`'s \s but the newline), from the
# first non-space to the last character that str.rstrip keeps (none on a line of
# "\x1c"-like separators, which `regex` reads as text and str.isspace as space).
_WS = "\t\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_LINE = re.compile("^[" + _WS + "]*+(?=[^\n" + _WS + "])((?:[^\n]*[^\\s])?)", re.MULTILINE)
_DASH = regex.compile(r"\s*-\s*")
# What every date of a stamp holds (stamps.py `_DATE`): a year after its separator
# ("/2022", "- 2024"), the word "tháng", or an ISO year ("2021-"); a cheap test first.
_DATE_HINT = re.compile(r"[/.-][ \t]?(?:19|20)|[tT][hH][áÁ][nN][gG]|(?:19|20)[^\n][^\n]-")
_TIME_HINT = re.compile(r"[:hH][ \t]?[0-5]")  # what every time of a stamp holds (hours, minutes)
_END_MARK = compile_verbose(r"\./\.? [ \t]* (?= \S [^\n]{1,60} $)")  # "… về dự./. Nguyễn Phương Hoạt"
_SOURCE = ("nguồn", "theo ", "(theo", "(nguồn", "http", "www.", "link:")
_BREAK = bylines.words("break")
_SKIP = bylines.words("skip")
_SIGNATURE = bylines.words("signature")
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
_COUNT_TAIL = re.compile(r"[ \t]*\(\d{0,6}\)$")  # "Bình luận (0)"
# A related-news or comments heading alone on its line ("Tin liên quan", "Bình luận (0)"):
# matched on the short lines of the tail (a stripped line, as `re.match` with pos/endpos).
_BREAK_LINE = re.compile(
    r"(?:"
    + "|".join(re.escape(w).replace(r"\ ", "[ \t]+") for w in sorted(_BREAK, key=len, reverse=True))
    + r")[ \t.:;,>»|*-]*(?:\(\d{0,6}\))?\Z",
    re.IGNORECASE,
)

Span2 = tuple[int, int]


@dataclass
class _Page:
    """The lines of the article (normalised, stripped) and what each one is."""

    doc: Doc
    lines: list[Span2]
    starts: list[int] = field(default_factory=list)
    role: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [s for s, _ in self.lines]

    def text(self, i: int) -> str:
        s, e = self.lines[i]
        return self.doc.text[s:e]

    def index(self, pos: int) -> int:
        """The line holding normalised position `pos`."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def has_letters(self, i: int) -> bool:
        # A line with letters changes under case mapping: no per-character loop needed.
        t = self.text(i)
        return t.upper() != t.lower()

    def window(self, i: int, limit: int) -> Span2:
        """Line `i` from its first character (spaces included) to its newline or `limit`."""
        s = self.lines[i][0]
        end = self.doc.text.find("\n", s)
        return self.doc.text.rfind("\n", 0, s) + 1, min(limit, len(self.doc.text) if end < 0 else end)


def _lines(doc: Doc) -> list[Span2]:
    """Every non-empty line, stripped (normalised offsets)."""
    return [m.span(1) for m in _LINE.finditer(doc.text)]


def _is_prose(text: str) -> bool:
    return len(text) >= PROSE_MIN or (text.endswith((".", "!", "?", "…", ";")) and len(text.split()) >= 8)


def _is_heading(text: str) -> bool:
    return len(text) < 300 and len(text.split()) >= 2 and not text.endswith((".", ";", ","))


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


def _mention(doc: Doc, span: Span2, rule: str) -> Mention:
    return Mention(**doc.mention(span[0], span[1], rule))


def extract(doc: Doc) -> Metadata:
    """Read the article's metadata from `doc` and mark its page furniture in `doc.excluded`."""
    lines = _lines(doc)
    if not lines:
        return Metadata()
    # -- stamps -------------------------------------------------------------------
    dtext = doc.text
    accepted = stamps.find(doc, stamps.STAMP_ISO, 0, min(len(dtext), 120)) if "date" in dtext[:120].lower() else []
    if accepted:
        rest = accepted[0].span[1]
        rest += len(doc.text[rest : lines[0][1]]) - len(doc.text[rest : lines[0][1]].lstrip())
        lines[0] = (rest, lines[0][1])  # the title or category written on the extraction line
    page = _Page(doc, lines)
    if lines[0][0] == lines[0][1]:
        page.role[0] = "iso"
    head = _head(page)
    head_end = page.lines[head[-1]][1] if head else 0
    for i in head:
        if i not in page.role and _is_banner(page.text(i)):
            page.role[i] = "banner"  # the site's date and tools: not the title, a date or the stamp
            doc.excluded.append(page.lines[i])
    category: Span2 | None = None
    authors: list[tuple[Span2, str]] = []
    units = {i: page.lines[i] for i in head if i not in page.role}
    # Stamp lines: head lines holding a date (and 4 to 160 characters long, as STAMP_LINE
    # requires), and the lines below the head that may open with a label.
    windows = [page.window(i, head_end) for i in head if page.role.get(i) != "banner"]
    if accepted and windows and windows[0][0] < accepted[0].span[1]:
        windows[0] = (accepted[0].span[1], windows[0][1])  # the extraction line is read already
    head_windows = [(s, e) for s, e in windows if 4 <= e - s <= 160 and _DATE_HINT.search(dtext, s, e)]
    body = range(head[-1] + 1 if head else 0, len(lines))
    labelled = (
        page.window(i, len(dtext))
        for i in body
        if lines[i][1] - lines[i][0] <= 160 and stamps.may_open_label(dtext, lines[i][0])
    )
    for st in stamps.find_lines(doc, head_windows, labelled):
        i = page.index(st.line[0])
        if st.kind is None and st.line[0] >= head_end:
            continue  # an unlabelled date line in the body is not a stamp
        if st.pre is not None:
            pre_text = doc.text[st.pre[0] : st.pre[1]]
            got = bylines.parse_line(doc, *st.pre)
            if is_category(pre_text):
                category = category or st.pre
            elif got and got[0]:
                authors += [(a, RULE_BYLINE_STAMP) for a in got[0]]
            elif st.kind is None and not (st.has_time and st.line[0] < head_end):
                continue  # "Khai mạc đại hội 12/3/2023": a heading with a date, not a stamp
        accepted.append(st)
        page.role[i] = "stamp"
        units.pop(i, None)
    for i, (s, e) in list(units.items()):
        if e - s > 320:
            continue  # prose, not a title with its stamp
        if not _TIME_HINT.search(dtext, s, e) or not _DATE_HINT.search(dtext, s, e):
            continue  # no time ("15:50", "08h30") or no date: STAMP_TRAILING cannot match
        for st in stamps.find(doc, stamps.STAMP_TRAILING, s, e):
            accepted.append(st)
            units[i] = (s, s + len(doc.text[s : st.span[0]].rstrip(" \t-|,([")))
    for st in accepted:
        doc.excluded.append(st.span if st.rule != stamps.STAMP_LINE.name else st.line)
        if st.weekday is not None and st.day is not None and st.day.weekday() != st.weekday:
            doc.add_finding(
                "metadata.weekday_mismatch",
                "warning",
                f"the stamp names a weekday that {st.day.isoformat()} is not",
                [st.span],
            )
    published = stamps.best(accepted)
    if published is None or published.value is None:
        doc.page_month = _page_month(doc, accepted)

    # -- view counter -------------------------------------------------------------
    views = published.views if published is not None else None
    views = views if views is not None else next((s.views for s in accepted if s.views is not None), None)
    n = 0
    for i, (s, e) in enumerate(lines):
        if e - s > 60 or not stamps.may_be_views(dtext, s):
            continue  # a view counter is a short line opening with its label or number
        line_start, line_end = page.window(i, len(dtext))
        m = stamps.first(doc, stamps.VIEW_LINE.regex, line_start, line_end)
        if m is None:
            continue
        if n >= MAX_VIEW_LINES:
            break
        n += 1
        got_views = stamps.VIEW_LINE.resolve(m, doc)
        if got_views is not None:
            page.role[page.index(m.start())] = "views"
            doc.excluded.append(m.span())
            views = views if views is not None else int(got_views["views"])

    images = _images(page)

    # -- category, title, byline under the title -------------------------------------
    title: Span2 | None = None
    order = sorted(i for i in units if i not in page.role)
    for n, i in enumerate(order):
        text = doc.text[units[i][0] : units[i][1]]
        following = doc.text[units[order[n + 1]][0] : units[order[n + 1]][1]] if n + 1 < len(order) else None
        crumb = _breadcrumb(text, following)
        if crumb is not None:  # "Trang chủ > Xây dựng Đảng": its last part may be the category
            page.role[i] = "junk"
            if crumb[1] and category is None:
                category = (units[i][0] + crumb[0], units[i][1])
            continue
        stray = following is not None and (" " not in text or _is_junk(text, True))
        if not page.has_letters(i) or _is_junk(text, False) or stray:
            page.role[i] = "junk"  # scraper leftovers, a stray word ("news") above the title
            continue
        if category is None and is_category(text, following):
            category = units[i]
            page.role[i] = "category"
            continue
        if _is_heading(text) and not _is_prose(text):
            title = units[i]
            page.role[i] = "title"
            for j in order[n + 1 : n + 4]:  # one byline line, or names stacked one per line
                got = bylines.parse_line(doc, *units[j])
                if not got or not got[0]:
                    break
                authors += [(a, RULE_BYLINE_TOP) for a in got[0]]
                page.role[j] = "byline"
                doc.excluded.append(units[j])
        break

    authors += _closing_byline(page, page.index(title[0]) if title else -1)
    merged = _merge(doc, authors)
    role = page.role
    # Every other line with letters (a line with letters changes under case mapping).
    kept = [(s, e) for i, (s, e) in enumerate(lines) if i not in role and (t := dtext[s:e]).upper() != t.lower()]
    # Handed to `Metadata` as plain fields: pydantic builds the same `Span`s faster.
    if doc.norm.identity:  # normalised offsets are the original's
        paragraphs = [{"start": s, "end": e} for s, e in kept]
    else:
        to_original = doc.norm.original_span
        paragraphs = [{"start": a, "end": b} for a, b in (to_original(s, e) for s, e in kept)]
    return Metadata(
        title=doc.as_written(*title) if title else None,
        title_span=_mention(doc, title, RULE_TITLE) if title else None,
        category=doc.as_written(*category) if category else None,
        published_at=published.value if published else None,
        published_span=_mention(doc, published.span, published.rule) if published else None,
        view_count=views,
        authors=[unicodedata.normalize("NFC", m.text) for m in merged],
        author_spans=merged,
        images=images,
        paragraphs=paragraphs,
    )


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


def _key(text: str) -> str:
    """`bylines.key` for normalised text (a line of `doc.text`): lower case, spaces collapsed."""
    return " ".join(text.lower().split()).strip(" .,:;>»«<-|*/")


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


_ISO_MONTH = re.compile(r"date[ \t]+((?:19|20)\d\d)-([01]\d)")


def _page_month(doc: Doc, accepted: list[stamps.Stamp]) -> date | None:
    """The month of a month-only extraction line (" date 2023-10"): anchors yearless days."""
    for st in accepted:
        if st.rule == stamps.STAMP_ISO.name:
            m = _ISO_MONTH.match(doc.text, *st.span)
            if m and 1 <= int(m.group(2)) <= 12:
                return date(int(m.group(1)), int(m.group(2)), 1)
    return None


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


def _images(page: _Page) -> list[Image]:
    """Image file-name lines, each with the caption line after it and a photo credit."""
    doc = page.doc
    found: list[Span2] = []
    for m in _IMAGE_FAST.finditer(doc.text):
        if len(found) >= MAX_IMAGES:
            break
        got = _image_file(doc.text, m.start(), m.end())
        if got is not None:
            found.append(got)
            page.role[page.index(m.start())] = "image"
            doc.excluded.append(got)
    images = []
    for file in found:
        caption: Mention | None = None
        credit: Mention | None = None
        j = page.index(file[0]) + 1
        gap = doc.text.count("\n", file[1], page.lines[j][0]) if j < len(page.lines) else 99
        # Right under the image: a caption up to CAPTION_MAX; after a blank line: not prose.
        fits = (gap == 1 and len(page.text(j)) <= CAPTION_MAX) or (gap == 2 and not _is_prose(page.text(j)))
        if j not in page.role and fits:
            s, e = page.lines[j]
            page.role[j] = "caption"
            cred = stamps.first(doc, bylines.CREDIT, s, e)
            if cred is None or cred.start() > s:
                caption = _mention(doc, (s, e), RULE_CAPTION)
            if cred is None and j + 1 < len(page.lines) and j + 1 not in page.role:
                s, e = page.lines[j + 1]
                cred = stamps.first(doc, bylines.CREDIT, s, e)
                if cred is not None and cred.start() == s:
                    page.role[j + 1] = "credit"
                else:
                    cred = None
            if cred is not None:
                credit = _mention(doc, cred.span("credit"), RULE_CREDIT)
                doc.excluded.append(cred.span("credit"))
        images.append(Image(**doc.mention(*file, IMAGE_LINE.name), caption=caption, credit=credit))
    return images


def _closing_byline(page: _Page, title_index: int) -> list[tuple[Span2, str]]:
    """The byline at the end of the article, past its trailing furniture."""
    doc = page.doc
    first = max(title_index + 1, len(page.lines) - TAIL_LINES)
    window = range(first, len(page.lines))
    lines = page.lines
    end = next(
        (i for i in window if lines[i][1] - lines[i][0] < 60 and _BREAK_LINE.match(doc.text, *lines[i])), len(lines)
    )
    for i in range(end, len(page.lines)):
        page.role.setdefault(i, "furniture")
    org_line: int | None = None
    for i in range(end - 1, first - 1, -1):
        text = page.text(i)
        s, e = page.lines[i]
        if len(text) > 300:  # prose: only a byline after its end mark may stand on it
            mark = stamps.first(doc, _END_MARK, e - 80, e)
            got = bylines.parse_line(doc, mark.end(), e) if mark else None
            if not got or not got[0]:
                return _collective(page, org_line, first)
            doc.excluded.append((mark.end(), e))  # type: ignore[union-attr]
            return [(a, RULE_BYLINE_END) for a in got[0]]
        folded = fold(text)
        if i in page.role or not page.has_letters(i) or _furniture(text) or folded.startswith(_SOURCE):
            page.role.setdefault(i, "furniture")
            continue
        cred = stamps.first(doc, bylines.CREDIT, s, e)
        if cred is not None and cred.start() == s:
            doc.excluded.append((s, e))
            page.role[i] = "credit"
            continue
        if org_line is None and bylines.is_org(text) and not _is_prose(text) and len(text.split()) <= 10:
            org_line = i  # the writer's office under a byline, or a collective byline
            continue
        mark = stamps.first(doc, _END_MARK, s, e)
        if mark is not None:
            s = mark.end()  # "… về dự./. Nguyễn Phương Hoạt"
        got = bylines.parse_line(doc, s, e)
        if not got or not got[0] or _signed(page, i, first):
            return _collective(page, org_line, first)
        if mark is None:
            page.role[i] = "byline"
        doc.excluded.append((s, e))
        return [(a, RULE_BYLINE_END) for a in got[0]]
    return _collective(page, org_line, first)


def _collective(page: _Page, i: int | None, first: int) -> list[tuple[Span2, str]]:
    """The organisation on the last line `i` as a collective byline ("PHƯỜNG MAI DỊCH"), if it reads as one."""
    if i is None or not bylines.is_collective_org(page.text(i)) or _signed(page, i, first):
        return []
    page.role[i] = "byline"
    page.doc.excluded.append(page.lines[i])
    return [(page.lines[i], RULE_BYLINE_END)]


def _furniture(text: str) -> Literal["break", "skip"] | None:
    """What a trailing furniture line is: "break" (related news and comments: the article
    is over), "skip" (print, e-mail, share, tags: passed over), or None (not furniture).

    >>> _furniture("In bài viết   Gửi email"), _furniture("Tin liên quan"), _furniture("Từ khóa: đại hội, chi bộ")
    ('skip', 'break', 'skip')
    >>> _furniture("Bình luận (0)"), _furniture("Hồ Thị Lệ Thu"), _furniture("In  Hồ Thị Lệ Thu")
    ('break', None, None)
    """
    if len(text) > 120:
        return None
    parted = _PARTS.search(text) is not None
    if len(text) >= 40 and not parted and ":" not in text:
        return None  # every furniture word is shorter: a long line is furniture only as parts or "Label: …"
    k = _key(text)
    if k.endswith(")"):
        k = _COUNT_TAIL.sub("", k)
    if len(k) < 40 and k in _BREAK:
        return "break"
    if k in _SKIP:
        return "skip"
    label, colon, _ = k.partition(":")
    if colon and label.strip() in _SKIP:
        return "skip"  # "Từ khóa: đại hội, chi bộ", "Tags: …"
    if not parted:
        return None
    parts = [_COUNT_TAIL.sub("", _key(p)) for p in _PARTS.split(text)]
    parts = [p for p in parts if p]
    if len(parts) < 2 or any(p not in _SKIP and p not in _BREAK for p in parts):
        return None
    return "break" if any(p in _BREAK for p in parts) else "skip"


def _signed(page: _Page, i: int, first: int) -> bool:
    """True when a role line of a signed document stands just above line `i`."""
    for j in range(max(first, i - 3), i):
        text = page.text(j)
        if len(text) <= 40 and bylines._starts_with(bylines.key(text), _SIGNATURE):
            return True
    return False


def _merge(doc: Doc, found: list[tuple[Span2, str]]) -> list[Mention]:
    """One author per person: "Phương Nam" at the end is "Ngô Thiệu Phương Nam" under the title."""
    kept: list[Mention] = []
    for span, rule in found:
        if fold(doc.text[span[0] : span[1]]) in _CATEGORY_LABELS:
            continue  # a category label is never an author
        new = _mention(doc, span, rule)
        for n, old in enumerate(kept):
            if bylines.same_person(new.text, old.text):
                break
            if bylines.same_person(old.text, new.text):
                kept[n] = new
                break
        else:
            kept.append(new)
    return kept
