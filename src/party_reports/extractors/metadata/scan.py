"""`extract`: the passes over the page, from the stamps to the closing byline."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from ...models import Mention, Metadata
from ...patterns import Doc
from ...text import fold
from .. import bylines, stamps
from .closing import _closing_byline
from .head import _CATEGORY_LABELS, _breadcrumb, _head, _is_banner, _is_junk, is_category
from .images import _images
from .page import (
    MAX_VIEW_LINES,
    RULE_BYLINE_STAMP,
    RULE_BYLINE_TOP,
    RULE_TITLE,
    Span2,
    _is_heading,
    _is_prose,
    _lines,
    _mention,
    _Page,
)

# What every date of a stamp holds (stamps.py `_DATE`): a year after its separator
# ("/2022", "- 2024"), the word "tháng", or an ISO year ("2021-"); a cheap test first.
_DATE_HINT = re.compile(r"[/.-][ \t]?(?:19|20)|[tT][hH][áÁ][nN][gG]|(?:19|20)[^\n][^\n]-")
_TIME_HINT = re.compile(r"[:hH][ \t]?[0-5]")  # what every time of a stamp holds (hours, minutes)


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


_ISO_MONTH = re.compile(r"date[ \t]+((?:19|20)\d\d)-([01]\d)")


def _page_month(doc: Doc, accepted: list[stamps.Stamp]) -> date | None:
    """The month of a month-only extraction line (" date 2023-10"): anchors yearless days."""
    for st in accepted:
        if st.rule == stamps.STAMP_ISO.name:
            m = _ISO_MONTH.match(doc.text, *st.span)
            if m and 1 <= int(m.group(2)) <= 12:
                return date(int(m.group(1)), int(m.group(2)), 1)
    return None


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
