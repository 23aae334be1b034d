"""From an anchor match to people: an honorific, a list after a colon, a title first, a bare name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...patterns import Doc, RegexMatch, compile_verbose
from .names import _direct_name, _tokens, _valid_name
from .patterns import _COLON_AHEAD, _HEAD_AT, _LIST_SEP, _MODS_BEFORE, _NAME_RUN, _SEP, _SP, match_near
from .titles import _Person, _post_titles, _pre_titles, _shared_title
from .words import _HON_KIND, _RANK_KEYS, fold


@dataclass
class _Found:
    person: _Person
    rule: str
    keep_untitled: bool


def _entry(doc: Doc, pos: int, rule: str, keep_untitled: bool, known: bool) -> tuple[_Found | None, int]:
    """One person at `pos` in honorific or list context: pre-roles or a name, then roles."""
    text = doc.text
    if _HEAD_AT.match(text, pos):
        person, end = _pre_titles(doc, pos, 3)
        if person is None:
            return None, end
        end = _post_titles(doc, end, person)
        return _Found(person, rule, keep_untitled), end
    span = _direct_name(doc, pos)
    if span is None:
        return None, pos
    person = _Person(span[0], span[1], start=span[0])
    end = _post_titles(doc, span[1], person)
    toks = _tokens(text, span[0], span[1])
    if not _valid_name(text, toks, known and not person.titles):
        return None, span[1]
    return _Found(person, rule, keep_untitled), end


def _resolve_honorific(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    text = doc.text
    words = m.group().split()
    if words[-1].lower() in ("như", "là"):  # "quần chúng như A, B"
        words = words[:-1]
    plural = fold(words[0]) == "các"
    kind = _HON_KIND.get(fold(" ".join(words[1:] if plural else words)), "courtesy")
    keep = kind in ("comrade", "member", "courtesy")  # the gold lists named people with no role too
    if plural:  # "các đồng chí: A, T; B, T" or "các đồng chí trong Ban Thường vụ: A, …"
        colon = match_near(_COLON_AHEAD, text, m.end())
        result = _list(doc, colon.end() if colon else _skip_space(text, m.end()), keep, "officials.list_entry")
        shared = _shared_title(text, m.end(), text.rfind(":", m.end(), colon.end())) if colon else None
        if shared is not None:  # "các đồng chí Ủy viên Ban Thường vụ Huyện ủy: A, T1; B, T2"
            for f in result["found"]:
                f.person.titles.insert(0, shared)
        return result
    found, end = _entry(doc, _skip_space(text, m.end()), "officials.honorific_name", keep, True)
    if found is None:
        return {"found": [], "end": end}
    sep = _LIST_SEP.match(text, end) if keep and not found.person.titles else None
    if sep is not None and sep.end() > end and _direct_name(doc, sep.end()) is not None:
        # attendees named with no role: "có đồng chí A, B và C" (one honorific for all)
        rest = _list(doc, sep.end(), keep, "officials.list_entry")
        return {"found": [found, *rest["found"]], "end": rest["end"]}
    return {"found": [found], "end": end}


_SPACES = compile_verbose(rf"{_SP}*+:?{_SP}*+")


def _skip_space(text: str, pos: int) -> int:
    m = _SPACES.match(text, pos)
    return m.end() if m else pos


def _joined_by_and(text: str, first: _Found, second: _Found) -> bool:
    """True when only "và" (or "và đồng chí") stands between two names."""
    end = max([first.person.name_end] + [e for _, e in first.person.titles])
    between = text[end : second.person.name_start].replace(",", " ").split()
    return bool(between) and between[0].lower() == "và" and len(between) <= 3


def _list(doc: Doc, pos: int, keep: bool, rule: str) -> dict[str, Any]:
    out: list[_Found] = []
    end = pos
    misses = 0
    for _ in range(40):
        found, end = _entry(doc, pos, rule, keep, True)
        if found is None:
            # one entry we cannot read as a name does not end the list: skip it if a list
            # separator follows ("gồm: A, <unreadable>, B và C"); two in a row do.
            skipped = _NAME_RUN.match(doc.text, pos)
            misses += 1
            if skipped is None or misses > 1:
                break
            sep = _LIST_SEP.match(doc.text, skipped.end())
            if sep is None or sep.end() == skipped.end():
                break
            pos = sep.end()
            continue
        misses = 0
        if found.person.elected is not None and out and _joined_by_and(doc.text, out[-1], found):
            # "A và B được bầu làm Phó Bí thư", "A, Chủ tịch UBND xã, và B được bầu giữ chức …"
            shared = found.person.titles[found.person.elected :]
            out[-1].person.titles.extend(t for t in shared if t not in out[-1].person.titles)
        out.append(found)
        sep = _LIST_SEP.match(doc.text, end)
        if sep is None:
            break
        pos = sep.end()
    return {"found": out, "end": end}


def _resolve_title(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    start = m.start()
    mods = _MODS_BEFORE.search(doc.text, max(0, start - 30), start)  # "các Phó", "nguyên"
    plural = False
    if mods:
        plural = fold(mods.group()).startswith("các")
        start = mods.start() + (len(mods.group()) - len(mods.group().lstrip()) if plural else 0)
        if plural:
            start = mods.start() + len(mods.group().split()[0]) + 1
    person, end = _pre_titles(doc, start, 3)
    if person is None:
        return {"found": [], "end": end}
    if all(fold(doc.text[s:e]) in _RANK_KEYS for s, e in person.titles):
        end = _post_titles(doc, end, person)  # "Đại tá Nguyễn Văn A, Giám đốc Công an tỉnh"
    found = [_Found(person, "officials.title_before_name", True)]
    while plural:  # "các Phó Chủ tịch HĐND tỉnh A, B và C"
        sep = _LIST_SEP.match(doc.text, end)
        span = _direct_name(doc, sep.end()) if sep else None
        if span is None or not _valid_name(doc.text, _tokens(doc.text, *span), True):
            break
        other = _Person(span[0], span[1], list(person.titles), span[0], person.weak)
        found.append(_Found(other, "officials.title_before_name", True))
        end = span[1]
    return {"found": found, "end": end}


def _resolve_bare(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    sep = _SEP.match(doc.text, m.end())
    if sep is None or not _HEAD_AT.match(doc.text, sep.end()):
        return {"found": [], "end": m.end()}
    found, end = _entry(doc, m.start(), "officials.name_then_title", False, True)
    return {"found": [found] if found else [], "end": end}


def _resolve_list(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    return _list(doc, m.end(), True, "officials.list_entry")
