"""Typed results of `parse`: frozen Pydantic v2 models.

Field names and value formats follow the output contract (`design/OUTPUT.md`):
every extracted item is a `Mention` whose `start`/`end` index the ORIGINAL input
string, so that ``source[item.start:item.end] == item.text``.  The `Report`
validator checks that invariant when it is given the source text as validation
context (``Report.model_validate(data, context={"source": text})``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, ValidationInfo, field_validator, model_validator

_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _json_safe(value: str) -> str:
    """Lone surrogates cannot be encoded as UTF-8 JSON: show them as U+FFFD there only."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


# Text taken from the input.  In Python it is verbatim; in JSON a lone surrogate
# (possible in a str, impossible in UTF-8) is written as U+FFFD instead of failing.
Text = Annotated[str, PlainSerializer(_json_safe, when_used="json")]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A half-open character range ``[start, end)`` in the original input."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} < start {self.start}")
        return self


class Mention(Span):
    """Where an item stands in the input, verbatim, and which rule found it."""

    text: Text
    rule: str = Field(description="name of the pattern that produced the item")

    @model_validator(mode="after")
    def _text_fits_span(self) -> Mention:
        # Checkable without the source: a slice [start, end) has end - start characters.
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"text {self.text!r} has {len(self.text)} characters but span [{self.start}:{self.end}] "
                f"covers {self.end - self.start}, so it cannot slice back"
            )
        return self


Granularity = Literal["day", "month", "quarter", "half", "year", "range"]


class DateMention(Mention):
    """An explicit calendar reference: a day, month, quarter, half, year or range."""

    value: str = Field(description="2022-10-27, 2023-03, 2023-Q1, 2022-H1, 2022, 2020/2025, XXXX-07-16")
    granularity: Granularity
    first_day: date | None = Field(default=None, description="first calendar day covered")
    last_day: date | None = Field(default=None, description="last calendar day covered")
    year_inferred: bool = Field(default=False, description="year taken from the publication stamp or reference date")
    latent: bool = Field(default=False, description="an uncertain reading, e.g. a bare 4-digit year")


DocumentSystem = Literal["party", "state", "unknown"]


class DocumentRef(Mention):
    """A numbered reference to a party or state document."""

    kind: Text | None = Field(description="document type, lower case, spelled out: 'kế hoạch'")
    number: Text | None = Field(description="number and symbol as written, spaces removed: '58-KH/ĐU'")
    system: DocumentSystem = "unknown"
    number_span: Span | None = Field(default=None, description="where the number and symbol stand")
    serial: Text | None = Field(default=None, description="the serial part: '58'")
    type_code: Text | None = Field(default=None, description="'KH'")
    issuer_code: Text | None = Field(default=None, description="'ĐU', 'UBND', 'CP'")
    year: int | None = Field(default=None, description="year inside a state number: 2020 in 30/2020/NĐ-CP")
    issued_on: date | None = Field(default=None, description="date given by 'ngày …' after the reference")
    issuer: Text | None = Field(default=None, description="issuing body: from 'của …' or expanded from the code")


class Official(Mention):
    """A named person with the roles the article gives them, merged per person.

    `text`/`start`/`end` are the first mention; `mentions` lists every mention.
    """

    name: Text
    titles: list[Text] = Field(default_factory=list, description="each role as written")
    titles_expanded: list[Text] = Field(default_factory=list, description="titles with abbreviations expanded")
    mentions: list[Span] = Field(default_factory=list)


PercentOf = Literal["plan", "target", "excess", "unknown"]
Qualifier = Literal["gần", "hơn", "trên", "khoảng", "dưới", "từ", "ít nhất", "tối đa", "gần như"]


class Quota(Mention):
    """A figure measured against a target or plan."""

    achieved: int | None = Field(default=None, ge=0)
    target: int | None = Field(default=None, ge=0)
    stated_percent: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    computed_percent: float | None = Field(
        default=None, ge=0, allow_inf_nan=False, description="achieved/target*100, 2 decimals"
    )
    unit: Text | None = None
    subject: Text | None = Field(default=None, description="what was achieved: 'kết nạp', 'thành lập'")
    percent_of: PercentOf | None = None
    qualifier: Qualifier | None = None
    ratio_span: Span | None = Field(default=None, description="where achieved/target stand ('23/15', '241 ĐV')")
    percent_span: Span | None = Field(default=None, description="where the stated percent stands ('153%')")


class Count(Mention):
    """A number bound to a countable party or organisational noun."""

    value: int = Field(ge=0)
    unit: Text = Field(description="the counted noun, lower case, abbreviations expanded")
    qualifier: Qualifier | None = None
    is_change: bool = Field(default=False, description="'tăng 197 đảng viên': a change, not a stock")
    paired_with: Span | None = Field(
        default=None, description="'62 chi bộ … với 647 đảng viên': on the second count, the first one's span"
    )
    part_of: Span | None = Field(default=None, description="'58 tổ chức, gồm 16 … và 42 …': on each part, the total")


OrganisationLevel = Literal["central", "province", "district", "commune", "grassroots", "unknown"]


class Organisation(Mention):
    """A party committee or body named in the text, merged per body."""

    name: Text
    level: OrganisationLevel = "unknown"
    kind: Text | None = Field(default=None, description="đảng ủy, chi bộ, ban thường vụ, ủy ban kiểm tra …")
    mentions: list[Span] = Field(default_factory=list)


Severity = Literal["info", "warning", "error"]


class Finding(_Frozen):
    """Something a check noticed about the data; never removes the data."""

    code: str
    severity: Severity
    message: Text
    spans: list[Span] = Field(default_factory=list)


class Image(Mention):
    """An image file name line, with its caption and photo credit if any."""

    caption: Mention | None = None
    credit: Mention | None = None


class Metadata(_Frozen):
    """What the page says about the article itself."""

    title: Text | None = None
    title_span: Mention | None = None
    category: Text | None = None
    published_at: datetime | date | None = Field(default=None, description="+07:00 when a time is given")
    published_span: Mention | None = None
    view_count: int | None = None
    authors: list[Text] = Field(default_factory=list)
    author_spans: list[Mention] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    paragraphs: list[Span] = Field(default_factory=list)


_ITEM_FIELDS = ("dates", "documents", "officials", "quotas", "counts", "organisations")


def _metadata_mentions(meta: Metadata) -> Iterator[tuple[str, Mention]]:
    """The metadata's spans, each with where it sits ("metadata.author_spans[0]")."""
    for name in ("title_span", "published_span"):
        single = getattr(meta, name)
        if single is not None:
            yield f"metadata.{name}", single
    for i, author in enumerate(meta.author_spans):
        yield f"metadata.author_spans[{i}]", author
    for i, image in enumerate(meta.images):
        yield f"metadata.images[{i}]", image
        for part in ("caption", "credit"):
            inner = getattr(image, part)
            if inner is not None:
                yield f"metadata.images[{i}].{part}", inner


def _located(name: str, value: object) -> Iterator[tuple[str, Mention]]:
    """The Mentions one `Report` field holds, each with its path ("quotas[3]")."""
    if isinstance(value, Metadata):
        yield from _metadata_mentions(value)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, Mention):
                yield f"{name}[{i}]", item


def _mentions_in(report: Report) -> Iterator[Mention]:
    """Every Mention a report holds (the items, and the metadata's spans)."""
    for name in _ITEM_FIELDS:
        for _, mention in _located(name, getattr(report, name)):
            yield mention
    for _, mention in _metadata_mentions(report.metadata):
        yield mention


class Report(_Frozen):
    """Everything `parse` found in one article.

    Validated with the article as context (``context={"source": text}``), every span
    must slice back to its text; the error names the field ("quotas[0]: span …").
    """

    metadata: Metadata = Field(default_factory=Metadata)
    dates: list[DateMention] = Field(default_factory=list)
    documents: list[DocumentRef] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    quotas: list[Quota] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    @field_validator("metadata", *_ITEM_FIELDS, mode="after")
    @classmethod
    def _spans_slice_back(cls, value: object, info: ValidationInfo) -> object:
        source = info.context.get("source") if isinstance(info.context, dict) else None
        if source is None or info.field_name is None:
            return value
        for where, mention in _located(info.field_name, value):
            piece = source[mention.start : mention.end]
            # Read back from JSON, a lone surrogate of the source is the U+FFFD it was written as.
            if piece != mention.text and _json_safe(piece) != mention.text:
                raise ValueError(
                    f"{where}: span [{mention.start}:{mention.end}] of rule {mention.rule!r} "
                    f"does not slice back to {mention.text!r}"
                )
        return value


class Options(_Frozen):
    """Settings for one `parse` call."""

    reference_date: date | None = Field(
        default=None, description="anchors years of partial dates when the article has no stamp"
    )
    timeout: float | None = Field(
        default=None,
        gt=0,
        description="seconds each extractor may spend matching; default: 5 s plus 2 s per MiB of input",
    )

    def budget(self, size: int) -> float:
        """Seconds each extractor may spend on a text of `size` characters.

        An explicit `timeout` is the budget whatever the size.  The default scales with
        the input: `BASE_BUDGET` plus `BUDGET_PER_MIB` for each MiB (2**20 characters), so
        a 100 MiB text gets 205 s per extractor where prose needs about 0.3 s per MiB.

        >>> Options().budget(0), Options().budget(10 * 2**20), Options(timeout=1).budget(10 * 2**20)
        (5.0, 25.0, 1.0)
        """
        if self.timeout is not None:
            return self.timeout
        return BASE_BUDGET + BUDGET_PER_MIB * size / 2**20


# The default time budget of each extractor: a base plus so much per MiB of input
# (`Options.budget`).  The slowest extractor takes about 0.3 s per MiB of composed
# articles on a loaded two-core machine, so the default leaves a margin of about 6x.
BASE_BUDGET = 5.0
BUDGET_PER_MIB = 2.0
