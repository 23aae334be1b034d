"""The roles around a name: after it (position notes, asides), before it, shared before a colon."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...patterns import Doc, compile_verbose
from .names import _name_in_title, _name_in_title_text
from .patterns import _ASIDE, _CONNECTOR, _ELECTED, _HEAD_AT, _POSITION_NOTE, _SEP, _TAIL, _TITLE, match_near
from .words import _EXPANSIONS, fold


@dataclass
class _Person:
    name_start: int
    name_end: int
    titles: list[tuple[int, int]] = field(default_factory=list)
    start: int = -1
    weak: bool = False
    elected: int | None = None  # index of the first role given by "được bầu làm", "giữ chức" …


def expand_title(title: str) -> str:
    """Spell out the abbreviations in a title.

    >>> expand_title("UVBTV Huyện ủy")
    'Ủy viên Ban Thường vụ Huyện ủy'
    >>> expand_title("PCT UBND huyện")
    'Phó Chủ tịch Ủy ban nhân dân huyện'
    >>> expand_title("Bí thư Chi bộ")
    'Bí thư Chi bộ'
    """
    return _ABBR.sub(lambda m: _EXPANSIONS[m.group()], title)


_ABBR = compile_verbose(r"(?<![\p{L}\p{M}.])(?-i:\L<abbr>)(?![\p{L}\p{M}])", abbr=list(_EXPANSIONS))


def _post_titles(doc: Doc, pos: int, person: _Person) -> int:
    """Read the roles after a name into `person`; return where reading stopped."""
    text = doc.text
    for _ in range(10):
        note = match_near(_POSITION_NOTE, text, pos) or (match_near(_ASIDE, text, pos) if not person.titles else None)
        if note:
            pos = note.end()
        conn = _CONNECTOR.match(text, pos)
        sep = _SEP.match(text, pos)
        assert sep is not None
        begin = conn.end() if conn else sep.end()
        if not conn and sep.group("sep") is None and (person.titles or sep.end() == pos):
            break
        t = _TITLE.match(text, begin)
        inner = _name_in_title(doc, t.start(), t.end(), 3) if t else None
        if inner is not None and _named_after(text, inner[0]):
            inner = None  # "Hiệu trưởng Trường Tiểu học Lê Văn Tám": the school's name
        if t and inner is None:
            person.titles.append((t.start(), t.end()))
            if person.elected is None and conn is not None and _ELECTED.search(conn.group()):
                person.elected = len(person.titles) - 1
            pos = t.end()
            continue
        if t and inner is not None:
            head = text[t.start() : inner[0]].rstrip(" -,")
            if head.endswith(" và") and len(head) > 3:
                # "A, Bí thư Huyện ủy và B, Chủ tịch …": the title ends before "và B"
                person.titles.append((t.start(), t.start() + len(head) - 3))
                pos = t.start() + len(head) - 3
            break
        if not t and sep.group("sep") == "-" and person.titles:
            tail = _TAIL.match(text, begin)
            if tail:  # "Phòng Lao động - Thương binh và Xã hội": one title across a dash
                person.titles[-1] = (person.titles[-1][0], tail.end())
                pos = tail.end()
                continue
        break
    note = match_near(_POSITION_NOTE, text, pos)
    return note.end() if note else pos


# Words after which a name is that of a school, street or bridge, part of the title.
_NAMED_AFTER = {"học", "non", "thcs", "thpt", "ptdtbt", "ptdtnt", "trường", "đường", "phố", "cầu"}


def _named_after(text: str, name_start: int) -> bool:
    before = text[max(0, name_start - 12) : name_start].split()
    return bool(before) and fold(before[-1]) in _NAMED_AFTER


def _pre_titles(doc: Doc, pos: int, min_len: int) -> tuple[_Person | None, int]:
    """Roles before a name ("Phó Bí thư Tỉnh ủy Lê Văn Dũng"): the person, and where it ends."""
    text = doc.text
    titles: list[tuple[int, int]] = []
    for _ in range(6):
        t = _TITLE.match(text, pos)
        if t is None:
            break
        found = _name_in_title(doc, t.start(), t.end(), min_len)
        if found:
            name_start, name_end, weak = found
            cut = _title_end(text, t.start(), name_start)
            if cut > t.start():
                titles.append((t.start(), cut))
            person = _Person(name_start, name_end, titles, titles[0][0] if titles else name_start, weak)
            return person, name_end
        end = t.end()
        sep = _SEP.match(text, end)
        assert sep is not None
        tail = _TAIL.match(text, sep.end()) if sep.group("sep") == "-" else None
        if tail and not _HEAD_AT.match(text, sep.end()):
            # "Trưởng phòng Lao động - Thương binh và Xã hội huyện Đỗ Văn Lâm": one title across a dash
            found = _name_in_title(doc, tail.start(), tail.end(), min_len)
            if found:
                cut = _title_end(text, t.start(), found[0])
                person = _Person(found[0], found[1], [*titles, (t.start(), cut)], t.start(), found[2])
                person.start = (titles[0][0] if titles else t.start())
                return person, found[1]
            return None, tail.end()
        titles.append((t.start(), end))
        if sep.group("sep") not in ("-", ","):
            return None, end
        pos = sep.end()
    return None, pos


def _title_end(text: str, start: int, name_start: int) -> int:
    return start + len(text[start:name_start].rstrip(" -,"))


def _shared_title(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The title written once before a colon for every person listed after it, if any."""
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    t = _TITLE.match(text, start + lead, end)
    if t is None or t.end() != len(text[:end].rstrip()) or _name_in_title_text(text, t.start(), t.end()):
        return None
    return t.start(), t.end()
