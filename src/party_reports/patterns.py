"""What every extractor shares: the `Pattern` record, the `Doc` it reads, the overlap policy.

An extractor is a function ``extract(doc) -> list[Item]``.  It matches against
``doc.text`` (normalised, see `text.py`) and builds items with ``doc.mention(start,
end, rule)``, which translates normalised offsets into the original input's: no
extractor handles original offsets itself.  Searches go through `Doc.finditer`, which
passes the per-parse deadline to `regex` as ``timeout=`` so no input can hang.
"""

from __future__ import annotations

import re
import time
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

import regex

from .models import Finding, Options, Severity, Span
from .text import NormalText

Regex = regex.Pattern[str]
RegexMatch = regex.Match[str]


class ExtractionTimeout(Exception):
    """An extractor ran past its time budget (becomes a finding in `parse`)."""


@dataclass(frozen=True)
class Pattern:
    """One named shape: a compiled regex and the function that resolves a match.

    `resolve` returns the item's value fields (a dict), or None when the match is
    not a real instance (day 32, month 13): None means "no match", not an error.
    """

    name: str
    regex: Regex
    resolve: Callable[[RegexMatch, Doc], dict[str, Any] | None]


def compile_verbose(source: str, flags: int = 0, **named_lists: Iterable[str]) -> Regex:
    """Compile a VERBOSE pattern, case-blind by default, with optional ``\\L<name>`` lists."""
    lists: dict[str, Any] = {k: sorted(set(v), key=len, reverse=True) for k, v in named_lists.items()}
    return regex.compile(source, regex.VERBOSE | regex.IGNORECASE | regex.V0 | flags, False, None, **lists)


MAX_BUDGET = 1e6  # seconds: "no limit" in practice (eleven days per extractor)


@dataclass
class Doc:
    """One article being parsed: normalised text, options, what earlier stages found."""

    norm: NormalText
    options: Options = field(default_factory=Options)
    published: datetime | date | None = None
    findings: list[Finding] = field(default_factory=list)
    deadline: float = 0.0
    # Normalised regions that are page furniture, not prose (the publication stamp
    # line, image file names): set by metadata, skipped by the other extractors.
    excluded: list[tuple[int, int]] = field(default_factory=list)
    # The first day of the month a month-only extraction line gives (set by metadata).
    page_month: date | None = None
    _excluded_index: SpanSet | None = field(default=None, repr=False)
    _excluded_count: int = field(default=0, repr=False)

    @property
    def text(self) -> str:
        """The normalised text that patterns match against."""
        return self.norm.text

    @property
    def source(self) -> str:
        """The original input."""
        return self.norm.original

    @property
    def anchor(self) -> date | None:
        """The date that anchors years of partial dates.

        The publication stamp, else the month of a page's extraction line (`page_month`,
        " date 2023-10": no day, so no publication date, but the year is known), else
        `Options.reference_date`.
        """
        if self.published is not None:
            return self.published.date() if isinstance(self.published, datetime) else self.published
        return self.page_month or self.options.reference_date

    def is_excluded(self, start: int, end: int) -> bool:
        """True when normalised ``[start, end)`` overlaps an excluded region."""
        if not self.excluded:
            return False
        if self._excluded_index is None or self._excluded_count != len(self.excluded):
            self._excluded_index = SpanSet(self.excluded)  # rebuilt only after metadata adds more
            self._excluded_count = len(self.excluded)
        return self._excluded_index.overlaps(start, end)

    @property
    def budget(self) -> float:
        """Seconds each extractor may spend on this text: `Options.timeout` when given,
        else a base plus so much per MiB (`Options.budget`), at most `MAX_BUDGET`."""
        # Clamped: the regex engine's own timeout overflows on budgets past ~9e12 s (inf
        # included), which made every extractor time out at once.
        return min(self.options.budget(len(self.norm.text)), MAX_BUDGET)

    def start_clock(self) -> None:
        """Give the next extractor its full time budget."""
        self.deadline = time.monotonic() + self.budget

    def remaining(self) -> float:
        """Seconds left before the current extractor's deadline (raises past it)."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise ExtractionTimeout
        return left

    def finditer(
        self, pattern: Regex, text: str | None = None, pos: int = 0, endpos: int | None = None
    ) -> Iterator[RegexMatch]:
        """`pattern.finditer` over the normalised text, bounded by the deadline."""
        target = self.text if text is None else text
        end = len(target) if endpos is None else endpos
        try:
            yield from pattern.finditer(target, pos, end, timeout=self.remaining())
        except TimeoutError as exc:
            raise ExtractionTimeout from exc

    def span(self, start: int, end: int) -> Span:
        """The original-input `Span` of a normalised ``[start, end)``."""
        ostart, oend = self.norm.original_span(start, end)
        return Span(start=ostart, end=oend)

    def mention(self, start: int, end: int, rule: str) -> dict[str, Any]:
        """Mention fields (text, start, end, rule) for a normalised ``[start, end)``."""
        ostart, oend = self.norm.original_span(start, end)
        return {"text": self.source[ostart:oend], "start": ostart, "end": oend, "rule": rule}

    def as_written(self, start: int, end: int) -> str:
        """The original text of normalised ``[start, end)`` in NFC: a value "as written".

        Tone placement and look-alike letters stay as the author typed them; only the
        Unicode form is made canonical, so NFD and NFC inputs give equal values.
        """
        ostart, oend = self.norm.original_span(start, end)
        return unicodedata.normalize("NFC", self.source[ostart:oend])

    def add_finding(self, code: str, severity: Severity, message: str, spans: Sequence[tuple[int, int]] = ()) -> None:
        """Record a finding; `spans` are normalised ``(start, end)`` pairs."""
        self.findings.append(
            Finding(code=code, severity=severity, message=message, spans=[self.span(s, e) for s, e in spans])
        )


def optional_group(m: RegexMatch, name: str) -> str | None:
    """Group `name` of `m`; None when it did not match or the pattern has no such group."""
    return m.group(name) if name in m.re.groupindex else None


class SpanSet:
    """Spans merged and sorted once, so that an overlap test is a bisection, not a scan.

    >>> spans = SpanSet([(10, 20), (15, 30), (40, 41)])
    >>> spans.overlaps(29, 35), spans.overlaps(30, 40), spans.overlaps(0, 11)
    (True, False, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with a span of the set."""
        i = bisect_right(self.ends, start)  # the first span ending after `start`
        return i < len(self.starts) and self.starts[i] < end


def trie(words: Iterable[str]) -> str:
    """An alternation (for `re` or `regex`) of `words` (taken as written) shaped as a prefix tree.

    Longer words are tried first along each branch, as in a longest-first list.

    >>> trie(["hai", "ha", "ba"])
    '(?:ba|ha(?:i)?)'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Spanned)


def longest_first(items: Iterable[T]) -> list[T]:
    """The overlap policy: keep the longest of overlapping items, then the earliest.

    Items are kept in input order among equals, so list patterns in priority order.
    Returns the survivors sorted by position.
    """
    indexed = sorted(enumerate(items), key=lambda p: (-(p[1].end - p[1].start), p[0]))
    starts: list[int] = []  # kept spans are disjoint: sorted starts, ends in step
    ends: list[int] = []
    kept: list[T] = []
    for _, item in indexed:
        i = bisect_right(starts, item.start)
        if i > 0 and ends[i - 1] > item.start:
            continue  # overlaps the kept span that starts before it
        if i < len(starts) and starts[i] < item.end:
            continue  # overlaps the kept span that starts after it
        starts.insert(i, item.start)
        ends.insert(i, item.end)
        kept.append(item)
    return sorted(kept, key=lambda it: (it.start, it.end))


def overlaps(a: _Spanned, b: _Spanned) -> bool:
    """True when two half-open spans share at least one character."""
    return a.start < b.end and b.start < a.end
