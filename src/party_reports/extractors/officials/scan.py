"""The scan: one pass of anchors over the text, the shapes tried at each, people merged."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from ...models import Official
from ...patterns import Doc, Pattern, trie
from ...text import _CHAR_MAP
from .anchors import _BARE_SRC, _CS_LISTS, _HONORIFIC_SRC, _LIST_SRC, _TITLE_ANCHOR_SRC, _compile_cs
from .names import name_case
from .patterns import _VERB_AFTER
from .resolve import _Found, _joined_by_and, _resolve_bare, _resolve_honorific, _resolve_list, _resolve_title
from .titles import expand_title
from .words import fold

PATTERNS: tuple[Pattern, ...] = (
    Pattern("officials.honorific_name", _compile_cs(_HONORIFIC_SRC), _resolve_honorific),
    Pattern("officials.list_entry", _compile_cs(_LIST_SRC), _resolve_list),
    Pattern("officials.title_before_name", _compile_cs(_TITLE_ANCHOR_SRC), _resolve_title),
    Pattern("officials.name_then_title", _compile_cs(_BARE_SRC), _resolve_bare),
)
# The scan: one prefix tree of every word a shape can start with, on the standard `re`
# engine.  Its top level is a branch of single literal characters, so `re` skips ahead
# in C to the next possible first letter (a leading \b or a named group would turn
# that off); the word boundary before the word is checked right after its first
# letter.  At each hit the shapes are tried in PATTERNS order, the first that matches
# wins, and scanning resumes after that match, as one alternation of the shapes would.
# A prefix tree cannot backtrack, so the time budget is checked in the loop instead
# of via `doc.finditer` (see `extract`).
def _starter_trie(words: list[str]) -> str:
    """`trie` of `words` with a word-boundary check after each first letter.

    >>> print(_starter_trie(["ab", "b"]))
    (?:a(?<!\\w.)b|b(?<!\\w.))
    """
    firsts: dict[str, list[str]] = {}
    for w in words:
        firsts.setdefault(w[0], []).append(w[1:])
    alts = []
    for ch, rests in sorted(firsts.items()):
        tails = [r for r in rests if r]
        body = trie(tails) if tails else ""
        if tails and "" in rests:
            body = "(?:" + body + ")?"
        alts.append(re.escape(ch) + r"(?<!\w.)" + body)
    return "(?:" + "|".join(alts) + ")"


# The words each shape (in PATTERNS order) can start with.  NOTE: keep in step with the
# sources of PATTERNS (_HONORIFIC_SRC, _LIST_SRC, _TITLE_ANCHOR_SRC, _BARE_SRC).
_SHAPE_STARTERS: tuple[frozenset[str], ...] = (
    frozenset({"các", "Các"} | set(_CS_LISTS["hon_v"])),
    frozenset({"gồm", "Gồm"}),
    frozenset(_CS_LISTS["head_v"]),
    frozenset(_CS_LISTS["sur_v"]),
)
_STARTERS = sorted(set().union(*_SHAPE_STARTERS))
_ANCHOR = re.compile(_starter_trie(_STARTERS))
_SHAPES_FOR: dict[str, tuple[Pattern, ...]] = {}


def _shapes_for(word: str) -> tuple[Pattern, ...]:
    """The shapes that can start with `word` or with one of its prefixes, in PATTERNS order."""
    shapes = _SHAPES_FOR.get(word)
    if shapes is None:
        prefixes = {word[:i] for i in range(1, len(word) + 1)}
        shapes = tuple(p for p, starters in zip(PATTERNS, _SHAPE_STARTERS, strict=True) if prefixes & starters)
        if len(_SHAPES_FOR) < 4096:
            _SHAPES_FOR[word] = shapes
    return shapes


def extract(doc: Doc) -> list[Official]:
    """Every named official in `doc`, one item per person, in order of first mention."""
    found: list[_Found] = []
    consumed = 0
    resume = 0  # where the shape matched at the last hit ends: hits before it are inside it
    text = doc.text
    for count, m in enumerate(_ANCHOR.finditer(text)):
        if count % 256 == 0:
            doc.remaining()  # raises ExtractionTimeout past the budget
        start = m.start()
        if start < resume:
            continue
        for pattern in _shapes_for(m.group()):
            branch = pattern.regex.match(text, start)
            if branch is not None:
                break
        else:
            continue
        resume = branch.end()
        if start < consumed or doc.is_excluded(start, branch.end()):
            continue
        result = pattern.resolve(branch, doc)
        if result is None:
            continue
        found.extend(result["found"])
        consumed = max(consumed, result["end"], branch.end() if result["found"] else 0)
    _share_elected(text, found)
    return _merge(doc, found)


def _share_elected(text: str, found: list[_Found]) -> None:
    """ "đồng chí A và đồng chí B được bầu giữ chức Phó Bí thư": A is elected to it too."""
    for first, second in pairwise(found):
        elected = second.person.elected
        if elected is None or first.person.elected is not None or not _joined_by_and(text, first, second):
            continue
        shared = second.person.titles[elected:]
        first.person.titles.extend(t for t in shared if t not in first.person.titles)


# Characters the text layer drops (zero-width spaces and joiners, soft hyphens): a name or
# title read back "as written" leaves them out too, so "Nguyễn\u200b Văn An" is "Nguyễn Văn An".
_INVISIBLE = str.maketrans({c: None for c, to in _CHAR_MAP.items() if to == ""})


def _written(doc: Doc, start: int, end: int) -> str:
    return doc.as_written(start, end).translate(_INVISIBLE)


def _merge(doc: Doc, found: list[_Found]) -> list[Official]:
    text = doc.text
    strong = {fold(text[f.person.name_start : f.person.name_end]) for f in found if not f.person.weak}
    people: dict[str, dict[str, Any]] = {}
    for f in found:
        p = f.person
        if doc.is_excluded(p.name_start, p.name_end):
            continue
        key = fold(text[p.name_start : p.name_end])
        if p.weak and key not in strong and not _VERB_AFTER.match(text, p.name_end):
            continue
        if not p.titles and not f.keep_untitled and key not in people:
            continue
        end = max([p.name_end] + [e for _, e in p.titles])
        start = min([p.name_start, p.start] + [s for s, _ in p.titles])
        mention = doc.mention(start, end, f.rule)
        titles = [_written(doc, s, e) for s, e in p.titles]
        titles = [" ".join(t.split()) for t in titles if t.strip()]
        if key not in people:
            name = name_case(_written(doc, p.name_start, p.name_end))
            people[key] = {**mention, "name": name, "titles": [], "mentions": []}
        entry = people[key]
        entry["mentions"].append(doc.span(start, end))
        for t in titles:
            if fold(t) not in {fold(x) for x in entry["titles"]}:
                entry["titles"].append(t)
    out = []
    for entry in people.values():
        entry["titles_expanded"] = [expand_title(t) for t in entry["titles"]]
        out.append(Official(**entry))
    return sorted(out, key=lambda o: o.start)
