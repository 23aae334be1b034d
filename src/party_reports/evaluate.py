"""Score `parse` against annotated articles, by the rules of the gold guide.

A folder holds ``NAME.txt`` (the article) beside ``NAME.gold.json`` (its
annotation, in the schema of ``corpus/GUIDE.md``; `GoldArticle` below is that
schema as a model).  For every article the gold and the report are turned into
*sets of normalised keys* per category, paired, and counted; precision, recall and
F1 are micro-averaged over the articles (sums of counts, then the ratios).

Keys and the pairing rules (docs/evaluation.md has the full table):

- dates: ``(value, granularity)``; a ``XXXX-07-16`` on one side pairs with a
  resolved day ``2022-07-16`` on the other (same month and day).
- documents: ``(kind, number)``: the number folded (NFC, case-folded, spaces
  removed, dashes unified); kinds pair on their head: one kind's words begin the
  other's ("chương trình hành động" ~ "chương trình").
- officials: the folded name; for paired officials the folded gold titles found
  among the predicted ones give the *title recall*.
- authors: the folded string (report: ``metadata.authors``).
- quotas: ``(achieved, target, percent)``, percent as a float to 2 decimals
  (report: ``stated_percent``).
- counts: ``(value, unit)``, unit folded, with ``đv`` read as ``đảng viên``.
- published: accuracy over the articles where either side has a value, at the
  gold's precision (minute or day); title, category and view count likewise,
  where the gold file has the key.

Predictions are read the way any user reads them: ``json.loads(report.model_dump_json())``.

>>> s = score_article("a", "Ngày 16.7, họp 62 chi bộ.", {
...     "id": "a", "published": None, "dates": [{"text": "16.7", "value": "XXXX-07-16", "granularity": "day"}],
...     "documents": [], "officials": [], "authors": [], "quotas": [],
...     "counts": [{"text": "62 chi bộ", "value": 62, "unit": "chi bộ"}]},
...     {"metadata": {}, "dates": [{"text": "Ngày 16.7", "value": "2023-07-16", "granularity": "day"}],
...      "counts": [{"text": "62 chi bộ", "value": 62, "unit": "Chi bộ"}]})
>>> s.tallies["dates"].matched, s.tallies["counts"].matched
(1, 1)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .api import parse
from .models import Granularity
from .text import fold, normalise

CATEGORIES: tuple[str, ...] = ("dates", "documents", "officials", "authors", "quotas", "counts")

# Count units that the guide declares equal ("đv" = "đảng viên").
UNIT_ALIASES: dict[str, str] = {"đv": "đảng viên"}


# --- the gold schema ----------------------------------------------------------------


class _Gold(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldDate(_Gold):
    text: str
    value: str = Field(pattern=r"^(\d{4}|XXXX)(-\d{2}(-\d{2})?|-Q[1-4]|-H[12])?$|^\d{4}(-\d{2})?/\d{4}(-\d{2})?$")
    granularity: Granularity


class GoldDocument(_Gold):
    text: str
    kind: str = Field(min_length=1)
    number: str = Field(min_length=1)


class GoldOfficial(_Gold):
    name: str = Field(min_length=1)
    titles: list[str] = Field(default_factory=list)


class GoldQuota(_Gold):
    text: str
    achieved: int | None
    target: int | None
    percent: float | None


class GoldCount(_Gold):
    text: str
    value: int
    unit: str = Field(min_length=1)


class ExpectedFinding(_Gold):
    """An extension of the guide's schema: a finding `parse` must report.

    It is found when one finding's spans cover every text in `texts`.
    """

    texts: list[str] = Field(min_length=1)
    note: str | None = None


class GoldArticle(_Gold):
    """One ``NAME.gold.json``: the guide's schema.  Lists and `published` are required."""

    id: str
    url: str | None = None
    query: str | None = None
    note: str | None = None
    published: str | None = Field(pattern=r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$")
    title: str | None = None
    category: str | None = None
    view_count: int | None = None
    dates: list[GoldDate]
    documents: list[GoldDocument]
    officials: list[GoldOfficial]
    authors: list[str]
    quotas: list[GoldQuota]
    counts: list[GoldCount]
    findings: list[ExpectedFinding] = Field(default_factory=list)


def load_gold(path: Path) -> GoldArticle:
    """Read and validate one gold file; raises `ValueError` naming the file."""
    try:
        return GoldArticle.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        raise ValueError(f"{path}: not a valid gold file:\n{exc}") from None


def check_gold(text: str, gold: GoldArticle) -> list[str]:
    """Problems with a gold file against its article: texts that do not occur in it.

    Matching is on normalised, lower-cased text (an NFD article is annotated in NFC, as the
    guide says; a name written in capitals is annotated in Title Case).

    >>> g = GoldArticle.model_validate({"id": "x", "published": None, "dates": [], "documents": [],
    ...     "officials": [], "authors": ["Hà My"], "quotas": [], "counts": [
    ...     {"text": "5 chi bộ", "value": 5, "unit": "chi bộ"}]})
    >>> check_gold("Có 5 chi bộ. Hà My", g)
    []
    >>> check_gold("Có 6 chi bộ.", g)
    ["counts: '5 chi bộ' does not occur in the article", "authors: 'Hà My' does not occur in the article"]
    """
    body = normalise(text).text.lower()  # lower: names may be written in capitals
    wanted: list[tuple[str, str]] = []
    for name in ("dates", "documents", "quotas", "counts"):
        wanted += [(name, item.text) for item in getattr(gold, name)]
    wanted += [("officials", o.name) for o in gold.officials]
    wanted += [("officials", t) for o in gold.officials for t in o.titles]
    wanted += [("authors", a) for a in gold.authors]
    wanted += [("findings", t) for f in gold.findings for t in f.texts]
    if gold.title is not None:
        wanted.append(("title", gold.title))
    missing = [(where, s) for where, s in wanted if normalise(s).text.lower() not in body]
    return [f"{where}: {s!r} does not occur in the article" for where, s in missing]


# --- keys -------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One scored element: its normalised key and the text to show for it."""

    key: tuple[Any, ...]
    text: str


def _fold_title(title: str) -> str:
    return fold(title).strip(" ,.;:-")


def _number_key(number: str | None) -> str:
    return "".join(fold(number or "").split())


def _kind_key(kind: str | None) -> tuple[str, ...]:
    return tuple(fold(kind or "").split())


def _unit_key(unit: str) -> str:
    u = fold(unit)
    return UNIT_ALIASES.get(u, u)


def _percent(p: float | None) -> float | None:
    return None if p is None else round(float(p), 2)


def _items_gold(gold: GoldArticle, category: str) -> list[Item]:
    if category == "dates":
        return [Item((d.value, d.granularity), d.text) for d in gold.dates]
    if category == "documents":
        return [Item((_kind_key(d.kind), _number_key(d.number)), d.text) for d in gold.documents]
    if category == "officials":
        return [Item((fold(o.name),), o.name) for o in gold.officials]
    if category == "authors":
        return [Item((fold(a),), a) for a in gold.authors]
    if category == "quotas":
        return [Item((q.achieved, q.target, _percent(q.percent)), q.text) for q in gold.quotas]
    return [Item((c.value, _unit_key(c.unit)), c.text) for c in gold.counts]


def _items_report(report: dict[str, Any], category: str) -> list[Item]:
    if category == "authors":
        return [Item((fold(a),), a) for a in (report.get("metadata") or {}).get("authors", [])]
    rows: list[dict[str, Any]] = report.get(category, [])
    if category == "dates":
        return [Item((d["value"], d["granularity"]), d["text"]) for d in rows]
    if category == "documents":
        return [Item((_kind_key(d.get("kind")), _number_key(d.get("number"))), d["text"]) for d in rows]
    if category == "officials":
        return [Item((fold(o["name"]),), o["text"]) for o in rows]
    if category == "quotas":
        return [Item((q.get("achieved"), q.get("target"), _percent(q.get("stated_percent"))), q["text"]) for q in rows]
    return [Item((c["value"], _unit_key(c["unit"])), c["text"]) for c in rows]


def _dates_pair(g: tuple[Any, ...], p: tuple[Any, ...]) -> bool:
    """A day with an unknown year pairs with any day of the same month and day."""
    (gv, gg), (pv, pg) = g, p
    if gg != "day" or pg != "day" or len(gv) != 10 or len(pv) != 10:
        return False
    return bool((gv.startswith("XXXX") or pv.startswith("XXXX")) and gv[4:] == pv[4:])


def _documents_pair(g: tuple[Any, ...], p: tuple[Any, ...]) -> bool:
    """Same number; kinds pair when one's words begin the other's."""
    (gk, gn), (pk, pn) = g, p
    if gn != pn or not gk or not pk:
        return False
    n = min(len(gk), len(pk))
    return bool(gk[:n] == pk[:n])


_FUZZY: dict[str, Callable[[tuple[Any, ...], tuple[Any, ...]], bool]] = {
    "dates": _dates_pair,
    "documents": _documents_pair,
}


def _unique(items: Iterable[Item]) -> list[Item]:
    seen: dict[tuple[Any, ...], Item] = {}
    for item in items:
        seen.setdefault(item.key, item)
    return list(seen.values())


def pair(gold: Sequence[Item], pred: Sequence[Item], category: str) -> list[tuple[Item, Item]]:
    """Pair gold with predicted items of one article: equal keys first, then the category's looser rule."""
    pairs: list[tuple[Item, Item]] = []
    by_key = {p.key: p for p in pred}
    left_gold = []
    for g in gold:
        if g.key in by_key:
            pairs.append((g, by_key.pop(g.key)))
        else:
            left_gold.append(g)
    fuzzy = _FUZZY.get(category)
    if fuzzy is not None:
        left_pred = list(by_key.values())
        for g in left_gold:
            for p in left_pred:
                if fuzzy(g.key, p.key):
                    pairs.append((g, p))
                    left_pred.remove(p)
                    break
    return pairs


# --- results ----------------------------------------------------------------------


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tally(_Result):
    """Counts for one category, in one article or summed over many."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            gold=self.gold + other.gold,
            predicted=self.predicted + other.predicted,
            matched=self.matched + other.matched,
        )

    @property
    def precision(self) -> float:
        """Matched / predicted; with nothing predicted, 1.0 if the gold is empty too, else 0.0."""
        if self.predicted:
            return self.matched / self.predicted
        return 0.0 if self.gold else 1.0

    @property
    def recall(self) -> float:
        """Matched / gold; with an empty gold, 1.0 if nothing was predicted either, else 0.0."""
        if self.gold:
            return self.matched / self.gold
        return 0.0 if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Ratio(_Result):
    """A fraction: how many of `total` were `correct`."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(correct=self.correct + other.correct, total=self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


class Miss(_Result):
    """A gold item not found (`miss`) or a predicted one not in the gold (`false`)."""

    article: str
    category: str
    kind: Literal["miss", "false"]
    key: str
    text: str


FIELDS: tuple[str, ...] = ("published", "title", "category", "view_count", "official_titles", "findings")


class ArticleScore(_Result):
    """The scores of one article."""

    name: str
    tallies: dict[str, Tally]
    fields: dict[str, Ratio]
    misses: list[Miss] = Field(default_factory=list)


class Score(_Result):
    """One category over the whole folder, as printed in the table."""

    category: str
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float


class Summary(_Result):
    """Everything `evaluate` measured over a folder."""

    folder: str
    articles: list[ArticleScore]
    scores: dict[str, Score]
    overall: Score
    fields: dict[str, Ratio]

    def f1(self, category: str) -> float:
        return self.scores[category].f1


def _score(category: str, t: Tally) -> Score:
    return Score(
        category=category, gold=t.gold, predicted=t.predicted, matched=t.matched,
        precision=t.precision, recall=t.recall, f1=t.f1,
    )


def _field_ratio(gold_value: Any, pred_value: Any, same: Callable[[Any, Any], bool]) -> Ratio:
    if gold_value is None and pred_value is None:
        return Ratio()
    ok = gold_value is not None and pred_value is not None and same(gold_value, pred_value)
    return Ratio(correct=int(ok), total=1)


def _same_published(gold: str, pred: str) -> bool:
    """Compare at the gold's precision: minute ('2022-12-09T15:50') or day."""
    if "T" in gold:
        return "T" in pred and pred[:16] == gold
    return pred[:10] == gold


def _findings_ratio(expected: Sequence[ExpectedFinding], text: str, report: dict[str, Any]) -> Ratio:
    """How many expected findings have a reported finding whose spans cover all their texts."""
    found = 0
    for exp in expected:
        for finding in report.get("findings", []):
            covered = [text[s["start"] : s["end"]] for s in finding.get("spans", [])]
            norm = [normalise(c).text for c in covered]
            if all(any(normalise(t).text in c for c in norm) for t in exp.texts):
                found += 1
                break
    return Ratio(correct=found, total=len(expected))


def score_article(name: str, text: str, gold: GoldArticle | dict[str, Any], report: dict[str, Any]) -> ArticleScore:
    """Score one article's report (as JSON data) against its gold annotation."""
    if not isinstance(gold, GoldArticle):
        gold = GoldArticle.model_validate(gold)
    tallies: dict[str, Tally] = {}
    misses: list[Miss] = []
    title_ratio = Ratio()
    for category in CATEGORIES:
        g_items = _unique(_items_gold(gold, category))
        p_items = _unique(_items_report(report, category))
        pairs = pair(g_items, p_items, category)
        tallies[category] = Tally(gold=len(g_items), predicted=len(p_items), matched=len(pairs))
        paired_g = {id(g) for g, _ in pairs}
        paired_p = {id(p) for _, p in pairs}
        misses += [Miss(article=name, category=category, kind="miss", key=_show(g.key), text=g.text)
                   for g in g_items if id(g) not in paired_g]
        misses += [Miss(article=name, category=category, kind="false", key=_show(p.key), text=p.text)
                   for p in p_items if id(p) not in paired_p]
        if category == "officials":
            title_ratio = _official_titles(gold, report, pairs)
    meta = report.get("metadata") or {}
    fields = {
        "published": _field_ratio(gold.published, meta.get("published_at"), _same_published),
        "official_titles": title_ratio,
        "findings": _findings_ratio(gold.findings, text, report),
    }
    if gold.title is not None:  # a recall: only articles whose gold gives a title
        fields["title"] = _field_ratio(gold.title, meta.get("title"), lambda a, b: fold(a) == fold(b))
    if "category" in gold.model_fields_set:
        fields["category"] = _field_ratio(gold.category, meta.get("category"), lambda a, b: fold(a) == fold(b))
    if "view_count" in gold.model_fields_set:
        fields["view_count"] = _field_ratio(gold.view_count, meta.get("view_count"), lambda a, b: bool(a == b))
    for key in FIELDS:
        fields.setdefault(key, Ratio())
    return ArticleScore(name=name, tallies=tallies, fields=fields, misses=misses)


def _official_titles(gold: GoldArticle, report: dict[str, Any], pairs: Sequence[tuple[Item, Item]]) -> Ratio:
    """Of the paired officials' gold titles, how many the report gives (folded)."""
    by_name = {fold(o.name): o for o in gold.officials}
    predicted = {fold(o["name"]): o for o in report.get("officials", [])}
    ratio = Ratio()
    for g, _p in pairs:
        wanted = {_fold_title(t) for t in by_name[g.key[0]].titles}
        got = {_fold_title(t) for t in predicted.get(g.key[0], {}).get("titles", [])}
        ratio = ratio + Ratio(correct=len(wanted & got), total=len(wanted))
    return ratio


def _show(key: tuple[Any, ...]) -> str:
    return " | ".join("–" if k is None else " ".join(k) if isinstance(k, tuple) else str(k) for k in key)


# --- folders ----------------------------------------------------------------------


def article_pairs(folder: Path) -> list[tuple[str, Path, Path]]:
    """``(name, NAME.txt, NAME.gold.json)`` for every annotated article in `folder`, sorted."""
    found = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        text_path = folder / f"{name}.txt"
        if not text_path.is_file():
            raise ValueError(f"{gold_path}: no article {text_path.name} beside it")
        found.append((name, text_path, gold_path))
    return found


def read_article(path: Path) -> str:
    """An article's text exactly as stored (UTF-8, BOM dropped, line ends kept)."""
    return path.read_bytes().decode("utf-8-sig")


def summarise(folder: str, articles: Sequence[ArticleScore]) -> Summary:
    """Sum per-article scores into the folder's summary."""
    totals = {c: sum((a.tallies[c] for a in articles), Tally()) for c in CATEGORIES}
    overall = sum(totals.values(), Tally())
    fields = {f: sum((a.fields[f] for a in articles), Ratio()) for f in FIELDS}
    return Summary(
        folder=folder,
        articles=list(articles),
        scores={c: _score(c, t) for c, t in totals.items()},
        overall=_score("all", overall),
        fields=fields,
    )


def evaluate(folder: str | Path) -> Summary:
    """Parse every ``NAME.txt`` of `folder` and score it against ``NAME.gold.json``.

    Raises `ValueError` when the folder holds no annotated article or a gold file is invalid.
    """
    root = Path(folder)
    if not root.is_dir():
        raise ValueError(f"{root}: not a folder")
    found = article_pairs(root)
    if not found:
        raise ValueError(f"{root}: no NAME.txt with NAME.gold.json in it")
    scores = []
    for name, text_path, gold_path in found:
        text = read_article(text_path)
        gold = load_gold(gold_path)
        report = json.loads(parse(text).model_dump_json())
        scores.append(score_article(name, text, gold, report))
    return summarise(str(root), scores)


# --- printing ---------------------------------------------------------------------


def format_table(summary: Summary) -> str:
    """The printed table: per category gold, predicted, matched, P, R, F1; then the fields."""
    lines = [
        f"{len(summary.articles)} articles in {summary.folder}",
        f"{'category':<11} {'gold':>6} {'pred':>6} {'match':>6} {'P':>7} {'R':>7} {'F1':>7}",
    ]
    for s in [*summary.scores.values(), summary.overall]:
        lines.append(
            f"{s.category:<11} {s.gold:>6} {s.predicted:>6} {s.matched:>6} "
            f"{s.precision:>7.3f} {s.recall:>7.3f} {s.f1:>7.3f}"
        )
    labels = {
        "official_titles": "titles of matched officials (recall)",
        "published": "publication stamp (accuracy)",
        "title": "article title (recall)",
        "category": "category label (accuracy)",
        "view_count": "view count (accuracy)",
        "findings": "expected findings reported (recall)",
    }
    for key, label in labels.items():
        r = summary.fields[key]
        shown = "n/a" if r.value is None else f"{r.value:.3f}"
        lines.append(f"{label:<40} {r.correct:>4}/{r.total:<4} {shown:>7}")
    return "\n".join(lines)


def format_misses(summary: Summary) -> str:
    """Every miss and false hit, one per line: article, category, kind, key, text."""
    lines = []
    for article in summary.articles:
        for m in article.misses:
            lines.append(f"{m.article}\t{m.category}\t{m.kind}\t{m.key}\t{m.text!r}")
    return "\n".join(lines)
