"""Quotas: figures measured against a target or plan.

Forms handled (pattern in brackets); achieved / target / percent as in the gold:

- X/Y [quota.ratio]: "68/68 chi bộ" -> 68, 68, percent null; with a percent after it:
  "26/17 đồng chí (đạt 153% chỉ tiêu được giao)" -> 26, 17, 153; "4/2 chi bộ đảng trong
  doanh nghiệp ngoài nhà nước (đạt 200% kế hoạch)"; "6/5 chỉ tiêu (120%)"; "35.599/35.900 đảng viên,
  đạt 99,16%"; "10/12 đảng viên, đạt tỷ lệ hơn 83% chỉ tiêu" (qualifier hơn).  Every
  X/Y achieved/target form is a quota, as the gold guide says ("68/68 chi bộ" is one),
  including part-of-a-whole readings ("15/17 chi bộ hoàn thành tốt nhiệm vụ"): the
  shape cannot tell them apart.  An X/Y needs a known noun or a percent after it.
- a percent of a plan or target [quota.percent]: "hoàn thành 116% kế hoạch", "đạt 67%
  so với chỉ tiêu kế hoạch", "hoàn thành 100% các chỉ tiêu kế hoạch", "100% các chỉ
  tiêu" (no verb needed), "đạt trên 111% kế hoạch", "vượt 12% chỉ tiêu" (percent_of
  excess); with a target after it: "đạt 94,7% kế hoạch (1.988/2.100 đảng viên)", "đạt
  87,4% chỉ tiêu (190 đảng viên)"; with a count before it: "kết nạp 241 ĐV (đạt 160%
  kế hoạch)" -> 241, null, 160.  The quota's span is then the percent phrase ("đạt 160%
  kế hoạch"): the count stays a count and `ratio_span` points at it.  Without a plan
  word only admissions qualify: "kết nạp 52 ĐV mới, đạt 50,98%", and a percent with its
  X/Y in brackets: "đạt 112% (56/50 đảng viên)".  An amount before a percent of a plan
  is what was achieved: "trồng mới 148 ha rừng, đạt 37% kế hoạch" -> 148.
- plan words include a budget ("đạt 106% dự toán"); verbs include the typo "đat".
- an X/Y's percent may stand after a long subject with a term in it ("42/42 cơ sở Hội tổ
  chức Đại hội nhiệm kỳ 2025-2030 (đạt 100%)"); past 12 words or a year it must fit the
  X/Y.  Capitalised organ nouns after an X/Y: "12/12 Ủy ban Hội", "14/15 Chi hội".

The shapes start at a digit so the engine only stops at numbers; the lead verb and
qualifier before a percent are read from a short window (counts.words_before) and the
mention's start moved back over them (resolvers may return ``_start``).

`subject` is what was achieved ("kết nạp", "thành lập", "kiểm tra"), read from the
clause before the figure or the plan phrase after it (lexicon/quota_subjects.toml).

Deliberately rejected:

- rates and shares with no plan or target word: "100% chi bộ", "tỷ lệ trên 70%",
  "chiếm 78,3%", "đạt tỷ lệ 7,61%", "78 đồng chí hoàn thành tốt nhiệm vụ, đạt 78,8%"
- growth: "tăng 1,2% so với nhiệm kỳ trước", "tăng 0,03% so với Nghị quyết"
- a rate compared with a target rate: "đạt 97,35% (chỉ tiêu Nghị quyết là 95%)"
- dates and numbers: "ngày 3/2 chi bộ …", "27/10/2022", "Nghị định 86/2015"; an X/Y
  with no known noun and no percent ("Đồng Cốc 8/7", "24/24 giờ")
- a surplus in units with no percent: "vượt chỉ tiêu 9 đảng viên" is a count (is_change)
"""

from __future__ import annotations

from typing import Any, Literal

import regex
from pydantic import BaseModel

from ..lexicon import load
from ..models import Quota, Span
from ..patterns import Doc, Pattern, RegexMatch, compile_verbose, longest_first, optional_group
from ..text import parse_decimal, parse_int
from .counts import BLOCKER_WORDS, NUMBER, QUALIFIERS, UNITS, first_letters, shape, unit_of, words_before
from .quota_subjects import same_activity as _same_activity
from .quota_subjects import subject_of as _subject

__all__ = ["PATTERNS", "extract"]


class PlanRow(BaseModel):
    """A word a percent is measured against."""

    word: str
    percent_of: Literal["plan", "target"]
    note: str | None = None


class VerbRow(BaseModel):
    """A verb that introduces a percent of plan."""

    word: str
    excess: bool
    note: str | None = None


PLANS: dict[str, PlanRow] = {row.word: row for row in load("quota_plan_words", PlanRow)}
VERBS: dict[str, VerbRow] = {row.word: row for row in load("quota_verbs", VerbRow)}
_BLOCKERS = BLOCKER_WORDS
# Words before an X/Y that make a day/month reading likely: "ngày 3/2", "dịp 2/9".
_DATE_WORDS = _BLOCKERS | {"sáng", "chiều", "tối", "trưa", "đêm", "dịp", "hôm", "lễ", "tết", "mừng", "từ",
                           "đến", "tới", "và", "nay", "trước", "sau"}  # fmt: skip

_LISTS: dict[str, list[str]] = {
    "units": list(UNITS),
    "cunits": [w for w, row in UNITS.items() if row.counted],
    "plans": list(PLANS),
    "verbs": list(VERBS),
    "quals": list(QUALIFIERS),
}


# A stated percent: "153%", "97,5%", "38.4 %".
_PCT = r"""
    (?P<pct>\d{1,4}(?:[,.]\d{1,3})?)\s?%
"""
# A percent phrase after an X/Y: "(đạt 153% chỉ tiêu)", ", đạt tỷ lệ hơn 83%", " chiếm 88,2%".
_VERB = r"""
    (?P<verb>\L<verbs>)(?!\p{L})\s+
    (?:(?P<rate>tỷ\s+lệ|tỉ\s+lệ)\s+)?
    (?:(?P<qual>\L<quals>)\s+)?          # hơn 83%, trên 111%
"""
# What the percent is measured against: "kế hoạch", "so với chỉ tiêu kế hoạch",
# "các chỉ tiêu", "chỉ tiêu được giao".  Without one, a percent is a rate or a share.
_PLAN = (
    r"""
    (?:\s+(?:so\s+với|so|của))?           # "so với nghị quyết", "so nghị quyết" (với left out)
    \s+(?:(?P<cac>các|tổng)\s+)?
    (?="""
    + first_letters(PLANS)
    + r""")(?P<plan>\L<plans>)(?!\p{L})
    (?:\s+được\s+giao)?
"""
)
# A target after the percent phrase: "(1.988/2.100 đảng viên)", "(190 đảng viên)".
_TARGET = r"""
    (?:(?:\s+\p{L}+){0,4}?(?:\s+(?:19|20)\d\d)?      # "kế hoạch năm 2012 (120 đảng viên)"
    \s*\(\s*
        (?:
            (?P<tach>{{NUMBER}})\s?/\s?(?P<ttgt>{{NUMBER}})\s+(?P<tunit>\L<units>)
          | (?P<tnum>{{NUMBER}})\s+(?P<tunit>\L<cunits>)
        )
    (?!\p{L})\s*\))?
"""
_FRAGMENTS = {"PCT": _PCT, "VERB": _VERB, "PLAN": _PLAN, "TARGET": _TARGET, "NUMBER": NUMBER}

_RATIO = shape(
    r"""
    (?<![\p{L}\d.,/])
    (?P<ach>{{NUMBER}})\s?/\s?(?P<tgt>{{NUMBER}})
    (?!/\d)                              # not a date 27/10/2022 nor a number 23/2019/NĐ-CP
    # Space runs are possessive (`\s++`): a letter or "(" must follow them, so giving
    # spaces back can never help, and "23/15" + a long run of spaces stays linear.
    (?:\s++(?P<luot>lượt\s++)?(?P<unit>\L<units>)(?!\p{L}))?     # "đồng chí", "chi bộ"
    (?:
        # "đảng trong doanh nghiệp", "bí thư chi bộ đồng thời là trưởng thôn", "cơ sở Hội tổ
        # chức Đại hội nhiệm kỳ 2025-2030": words, or a year or term (never another figure)
        (?P<gap>(?:\s++(?:\p{L}++|(?:19|20)\d\d(?:\s?-\s?(?:19|20)\d\d)?(?!\d))){0,24}?)
        (?:
            \s*+\(\s*(?:{{VERB}})?{{PCT}}(?:{{PLAN}})?\s*\)     # "(đạt 153% chỉ tiêu)", "(120%)"
          | (?:\s*+,\s++|\s++){{VERB}}{{PCT}}(?:{{PLAN}})?       # ", đạt 99,16%", " chiếm 88,2%"
        )
    )?
    """,
    _FRAGMENTS,
    _LISTS,
)

# Anchored at the percent; the verb, the qualifier and a count before it are read
# by the resolver (`_lead`), so the engine only stops at digits.
_PERCENT = shape(
    r"""
    (?<![\p{L}\d.,/])
    {{PCT}}
    (?:
        {{PLAN}}{{TARGET}}
      | \s*\(\s*(?P<tach>{{NUMBER}})\s?/\s?(?P<ttgt>{{NUMBER}})\s+(?P<tunit>\L<units>)(?!\p{L})\s*\)
                                         # "đạt 112% (56/50 đảng viên)": the X/Y in brackets
      | (?=\s*(?:[.;,)\n]|\Z))           # "kết nạp 52 ĐV mới, đạt 50,98%." (admissions only)
    )
    """,
    _FRAGMENTS,
    _LISTS,
)

# A count right before a percent phrase: "241 ĐV (", "5 đồng chí, ", "1.988 đảng viên (ĐV), ".
_COUNT_BEFORE = shape(
    r"""
    (?<![\p{L}\d.,/])
    (?P<ach>{{NUMBER}})\s(?P<luot>lượt\s+)?(?P<unit>\L<cunits>)(?!\p{L})
    (?:\s+mới|\s+vào\s+Đảng|\s*\(ĐV\)){0,3}
    \s*[,(-]?\s*\Z                        # "5 đảng viên mới đạt 100% kế hoạch" has no comma
    """,
    _FRAGMENTS,
    _LISTS,
)

# A measured amount right before a percent of a named plan: "trồng mới 148 ha rừng, đạt
# 37% kế hoạch", "thu 1.250 tỷ đồng, bằng 104% dự toán" (the amount is what was achieved).
_AMOUNT_BEFORE = compile_verbose(
    r"""
    (?<![\p{L}\d.,/])
    (?P<ach>"""
    + NUMBER
    + r""")\s(?:ha|héc-ta|tấn|km|m²|m2|tỷ(?:\s+đồng)?|triệu(?:\s+đồng)?)(?!\p{L})
    (?:\s+\p{Ll}+){0,2}
    \s*,\s*\Z
    """
)

_VERB_WORDS = frozenset(VERBS)
_RATE_WORDS = frozenset({"tỷ lệ", "tỉ lệ"})
_QUAL_WORDS = frozenset(QUALIFIERS)


def _computed(achieved: int | None, target: int | None) -> float | None:
    if achieved is None or not target:
        return None
    return round(achieved / target * 100, 2)


def _looks_like_date(m: RegexMatch, doc: Doc, achieved: int, target: int, raw_target: str) -> bool:
    """True when an X/Y reads better as a date or a document number.

    "ngày 3/2 chi bộ …", "dịp 2/9 …" (day/month after a date word), "86/2015 …" (a year).
    """
    if len(raw_target) == 4 and raw_target.isdigit() and 1900 <= target <= 2100:
        return True
    if not (1 <= achieved <= 31 and 1 <= target <= 12):
        return False
    words = doc.text[max(0, m.start() - 16) : m.start()].lower().split()
    return bool(words) and (words[-1] in _DATE_WORDS or " ".join(words[-2:]) in _DATE_WORDS)


# "chưa đạt", "không hoàn thành": the percent is a shortfall, not an achievement.
_NEGATED = regex.compile(r"(?<!\p{L})(?:chưa|không|chẳng)(?:\s+(?:thể|được))?\s+\Z", regex.IGNORECASE)
_SO_VOI = regex.compile(r"so\s+với", regex.IGNORECASE)


def _percent_span(m: RegexMatch, doc: Doc) -> Span | None:
    """Where "153%" (or "153 %") stands: the number and its sign."""
    if not optional_group(m, "pct"):
        return None
    sign = doc.text.find("%", m.end("pct"), m.end("pct") + 2)
    return doc.span(m.start("pct"), sign + 1 if sign >= 0 else m.end("pct"))


def _percent_fields(
    m: RegexMatch, doc: Doc, verb: str | None, qual: str | None, subject: bool = True, with_percent: bool = True
) -> dict[str, Any]:
    """Stated percent, qualifier, what it is a percent of, where it stands, the subject
    (left out when `subject` is false: the caller reads it from elsewhere; the percent
    left out when `with_percent` is false)."""
    pct = optional_group(m, "pct") if with_percent else None
    if not pct:
        plan_end = None
        fields: dict[str, Any] = {"stated_percent": None, "percent_of": None, "qualifier": None}
    else:
        plan = optional_group(m, "plan")
        plan_end = m.end("plan") if plan else None
        if verb and VERBS[" ".join(verb.lower().split())].excess:
            percent_of = "excess"
        elif plan:
            percent_of = PLANS[" ".join(plan.lower().split())].percent_of
        else:
            percent_of = "unknown"
        fields = {
            "stated_percent": parse_decimal(pct),
            "percent_of": percent_of,
            "qualifier": QUALIFIERS[" ".join(qual.lower().split())].qualifier if qual else None,
        }
    fields["percent_span"] = _percent_span(m, doc) if pct else None
    if subject:
        fields["subject"] = _subject(doc, m.start(), plan_end)
    return fields


# A noun after an X/Y that the unit table does not list: "31/34 đại hội", "87/112 hộ".
_OTHER_NOUN = regex.compile(r"[^\S\n]{1,2}(?P<noun>\p{Ll}[\p{L}\p{M}]*)(?:[^\S\n]\p{Ll}[\p{L}\p{M}]*)?")
# Words after X/Y that make it a time, a fraction or a score, not a quota.
_NOT_QUOTA_NOUNS = frozenset(
    {"giờ", "phút", "giây", "ngày", "tuần", "tháng", "năm", "số", "tổng", "lần", "điểm", "bàn", "trận", "và", "của"}
)


def resolve_ratio(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """Read "23/15 đồng chí (đạt 153% …)" or "68/68 chi bộ".

    None for a date-like X/Y and for an X/Y with neither a known noun nor a percent
    ("Đồng Cốc 8/7").
    """
    achieved, target = parse_int(m.group("ach")), parse_int(m.group("tgt"))
    if achieved is None or target is None or _looks_like_date(m, doc, achieved, target, m.group("tgt")):
        return None
    end = m.end()
    with_percent = bool(m.group("pct")) and _percent_reaches(m, achieved, target)
    if m.group("pct") and not with_percent:
        end = m.end("unit") if m.group("unit") else m.end("tgt")
    if not m.group("unit") and not with_percent:
        noun = _OTHER_NOUN.match(doc.text, m.end("tgt"))
        if noun is None or noun.group("noun").lower() in _NOT_QUOTA_NOUNS:
            return None  # "Đồng Cốc 8/7", "24/24 giờ", "1/3 số đảng viên"
        if target <= 12 and achieved <= 31 and words_before(doc.text, m.start(), [_VERB_WORDS])[1][0] is None:
            return None  # "8/7 hộ" could be a day and month: only known nouns or a verb ("hoàn thành 5/5 nhóm")
        end = noun.end()  # "31/34 đại hội", "163/207 đối tượng": any noun, when not a date
    return {
        "_end": end,
        "achieved": achieved,
        "target": target,
        "computed_percent": _computed(achieved, target),
        "unit": unit_of(m) if m.group("unit") else None,
        "ratio_span": doc.span(m.start("ach"), m.end("tgt")),
        **_percent_fields(m, doc, m.group("verb"), m.group("qual"), with_percent=with_percent),
    }


def _percent_reaches(m: RegexMatch, achieved: int, target: int) -> bool:
    """False when a percent far from its X/Y (a gap of over 12 words, or a year in it)
    does not fit the X/Y: it then belongs to some other figure of the clause.

    A near percent is kept as written (the checks report a mismatch); a far one must
    agree within 1 point, or its excess over 100 must ("3/2 …, vượt 50% chỉ tiêu").
    """
    gap = m.group("gap") or ""
    if len(gap.split()) <= 12 and not any(c.isdigit() for c in gap):
        return True
    stated, computed = parse_decimal(m.group("pct")), _computed(achieved, target)
    if stated is None or computed is None:
        return False
    return abs(computed - stated) <= 1 or abs(computed - 100 - stated) <= 1


def _fits(m: RegexMatch) -> bool:
    """Whether the stated percent is the bracketed X/Y's ("đạt tỷ lệ 90% (9/10 chi bộ)")."""
    stated = parse_decimal(m.group("pct"))
    computed = _computed(parse_int(m.group("tach")), parse_int(m.group("ttgt")))
    return stated is not None and computed is not None and abs(computed - stated) <= 1


def resolve_percent(m: RegexMatch, doc: Doc) -> dict[str, Any] | None:
    """A percent of a plan or target, with its lead verb and a count or target around it.

    "hoàn thành 116% kế hoạch"; "100% các chỉ tiêu" (no verb needed); "241 ĐV (đạt 160%
    kế hoạch)" (achieved from the count before; the quota's span starts at the verb);
    "đạt 94,7% kế hoạch (1.988/2.100 đảng viên)" (achieved/target from the parenthesis).
    Without a plan word only admissions qualify ("kết nạp 52 ĐV mới, đạt 50,98%"):
    "78 đồng chí hoàn thành tốt nhiệm vụ, đạt 78,8%" is a share, not a quota.
    """
    start, (verb, rate, qual) = words_before(doc.text, m.start(), [_VERB_WORDS, _RATE_WORDS, _QUAL_WORDS])
    plan = m.group("plan")
    if verb is None and (rate or not (plan and (m.group("cac") or "").lower() == "các" and plan.lower() == "chỉ tiêu")):
        return None  # "tăng 1,2% so với", "tỷ lệ 7,61% …": no verb, not "100% các chỉ tiêu"
    if verb == "với" and (plan is None or _SO_VOI.search(m.group())):
        return None  # "với 152,7% chỉ tiêu" only: not "tăng với 7% so với kế hoạch"
    if _NEGATED.search(doc.text, max(0, start - 12), start):
        return None  # "4 đảng bộ chưa đạt 80% chỉ tiêu": a shortfall, not a figure achieved
    count, count_span, achieved = None, None, None
    if verb is not None:
        offset = max(0, start - 60)
        count = _COUNT_BEFORE.search(doc.text[offset:start])  # a 60-character window
        if count is not None and not _same_activity(doc, offset + count.start(), m.end("plan") if plan else None):
            count = None  # "xét chuyển chính thức cho 05 đồng chí, hoàn thành 108% kế hoạch phát triển đảng viên"
        if count is not None:
            count_span = doc.span(offset + count.start(), offset + count.end("unit"))
        elif plan is not None:
            amount = _AMOUNT_BEFORE.search(doc.text[offset:start])
            if amount is not None:
                achieved = parse_int(amount.group("ach"))
                count_span = doc.span(offset + amount.start(), offset + amount.end("ach"))
    bracketed = plan is None and optional_group(m, "tach") is not None
    if bracketed and (verb is None or (rate and not _fits(m))):
        return None  # "tăng 12% (56/50 …)": a verb of achievement leads; a rate must be the X/Y's
    if plan is None and not bracketed and (
        rate or verb != "đạt" or count is None or _subject(doc, start, None) != "kết nạp"
    ):
        return None
    fields = {
        "_start": start,
        "achieved": parse_int(count.group("ach")) if count else achieved,
        "target": None,
        "unit": unit_of(count) if count else None,
        "ratio_span": count_span,
        **_percent_fields(m, doc, verb, qual, subject=False),
    }
    fields["subject"] = _subject(doc, start, m.end("plan") if plan else None)
    tach, tnum, tunit = optional_group(m, "tach"), optional_group(m, "tnum"), optional_group(m, "tunit")
    if tach:
        fields["achieved"] = parse_int(tach)
        fields["target"] = parse_int(m.group("ttgt"))
        fields["ratio_span"] = doc.span(m.start("tach"), m.end("ttgt"))
    elif tnum:
        fields["target"] = parse_int(tnum)
    if tunit:
        fields["unit"] = fields["unit"] or UNITS[tunit.lower()].unit
    fields["computed_percent"] = _computed(fields["achieved"], fields["target"])
    return fields


PATTERNS: tuple[Pattern, ...] = (
    Pattern("quota.ratio", _RATIO, resolve_ratio),
    Pattern("quota.percent", _PERCENT, resolve_percent),
)


def extract(doc: Doc) -> list[Quota]:
    """Return the quotas found in `doc`, in text order.

    >>> from party_reports.text import normalise
    >>> d = Doc(normalise("đã kết nạp được 26/17 đồng chí (đạt 153% chỉ tiêu được giao)"))
    >>> d.start_clock()
    >>> [(q.achieved, q.target, q.stated_percent, q.computed_percent) for q in extract(d)]
    [(26, 17, 153.0, 152.94)]
    >>> d = Doc(normalise("100% chi bộ đạt tỷ lệ trên 70%"))
    >>> d.start_clock()
    >>> extract(d)
    []
    """
    found: list[Quota] = []
    for pattern in PATTERNS:
        for m in doc.finditer(pattern.regex):
            fields = pattern.resolve(m, doc)
            if fields is None:
                continue
            start = fields.pop("_start", m.start())
            end = fields.pop("_end", m.end())
            if not doc.is_excluded(start, end):
                found.append(Quota(**doc.mention(start, end, pattern.name), **fields))
    return longest_first(found)
