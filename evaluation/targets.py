"""Target extraction scored against the gold files of `evaluation/gold/targets/` (README there).

A gold target and an extracted one are the same statement when the gold quote lies in the
sentence the target was read from; they agree when every strict field is right: indicator
(one of the gold names), value (and the high end of a range), unit, year and kind.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from evaluation.gold import GoldError
from plancompare.model import Target

#: The fields that must all be right for an extracted target to count (as issue 9 asks:
#: indicator, value, unit, range, year/period).
STRICT_FIELDS = ("indicator", "value", "unit", "year", "kind")
#: Fields reported one by one besides the strict ones.
FIELDS = (*STRICT_FIELDS, "comparator", "rate")

_SPACE = re.compile(r"\s+")
_WORDS_ONLY = re.compile(r"[^\w]|_")


def squeeze(text: str) -> str:
    """Text as quotes and names are compared: NFKC, without spaces and line breaks."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@dataclass(slots=True)
class GoldTarget:
    """One target of a gold file, as a reader wrote it down."""

    quote: str
    """The words that state it, an exact fragment of the plan."""
    names: list[str]
    """The indicator, then the other names a reader accepts as just as right."""
    value: Decimal
    """The value in ``unit``."""
    value_max: Decimal | None
    """The high end of a range."""
    unit: str
    """The unit as written."""
    comparator: str
    """``>=``, ``<=``, ``=``, ``~`` or ``range``."""
    year: int | None
    """The deadline."""
    kind: str
    """``stock``, ``increment``, ``cumulative`` or ``annual``."""
    rate: bool
    """A change rather than a level."""
    doubtful: bool
    """A reader could fairly decide either way whether it is a target: scored neither way."""


@dataclass(slots=True)
class Miss:
    """A gold target not extracted right."""

    gold: GoldTarget
    """The gold target."""
    found: Target | None
    """The extracted target it was matched with, or None."""
    wrong: list[str]
    """The fields that differ."""


@dataclass(slots=True)
class TargetScore:
    """Recall and precision of extraction for one plan (or summed over several)."""

    gold: int
    """Gold targets that count (doubtful ones do not)."""
    extracted: int
    """Extracted quantitative targets that count (those matched to doubtful gold do not)."""
    correct: int
    """Extracted targets matched to a gold target with every strict field right."""
    field_right: dict[str, int]
    """Per field, how many matched gold targets have it right."""
    misses: list[Miss] = field(default_factory=list)
    """Gold targets not extracted right."""
    extra: list[Target] = field(default_factory=list)
    """Extracted targets matched to no gold target."""

    @property
    def recall(self) -> float:
        """Share of gold targets extracted with every strict field right."""
        return self.correct / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        """Share of extracted targets that are right."""
        return self.correct / self.extracted if self.extracted else 1.0

    def field_share(self, name: str) -> float:
        """Share of gold targets whose field ``name`` was extracted right."""
        return self.field_right[name] / self.gold if self.gold else 1.0

    def __add__(self, other: TargetScore) -> TargetScore:
        return TargetScore(
            self.gold + other.gold,
            self.extracted + other.extracted,
            self.correct + other.correct,
            {f: self.field_right[f] + other.field_right[f] for f in FIELDS},
            self.misses + other.misses,
            self.extra + other.extra,
        )


def empty_score() -> TargetScore:
    """A score of nothing, to sum scores from."""
    return TargetScore(0, 0, 0, dict.fromkeys(FIELDS, 0))


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def load_gold(path: Path) -> list[GoldTarget]:
    """The quantitative targets of a gold file (records without a value are left out)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise GoldError(path, f"cannot read gold file: {e}") from None
    gold = []
    for r in data.get("targets") or []:
        value = _decimal(r.get("value"))
        if value is None:
            continue
        gold.append(
            GoldTarget(
                quote=r["quote"],
                names=[r["indicator"], *(r.get("also") or [])],
                value=value,
                value_max=_decimal(r.get("value_max")),
                unit=r["unit"],
                comparator=r.get("comparator", "="),
                year=r.get("year"),
                kind=r.get("kind", "stock"),
                rate=bool(r.get("rate", False)),
                doubtful=bool(r.get("doubtful", False)),
            )
        )
    return gold


#: How a name of a change may end (地区生产总值增长, 经济年均增速): words the ``rate`` field
#: already carries.
_GROWTH_END = re.compile(r"(?:年均)?(?:增长|增速|增幅)率?$")


def _growth_stem(name: str) -> str:
    return _GROWTH_END.sub("", name) or name


def _right(g: GoldTarget, t: Target, name: str) -> bool:
    if name == "indicator":
        names = {squeeze(n) for n in g.names}
        if g.rate and t.rate:
            # Readers differ on whether a growth's name says 增长 (13% of the growth gold
            # does): 地区生产总值增长 and 地区生产总值 with the rate field are one statement.
            return _growth_stem(squeeze(t.indicator)) in {_growth_stem(n) for n in names}
        return squeeze(t.indicator) in names
    if name == "value":
        return (t.value, t.value_max) == (g.value, g.value_max)
    if name == "unit":
        return squeeze(t.unit or "") == squeeze(g.unit)
    return bool(getattr(t, name) == getattr(g, name))


def wrong_fields(g: GoldTarget, t: Target) -> list[str]:
    """The fields of ``t`` that differ from the gold."""
    return [f for f in FIELDS if not _right(g, t, f)]


def longest_part(quote: str, value: Decimal | None = None) -> str:
    """A quote that runs over a sentence end (进一步提升。每年培育…) stands for its longest part
    — of the parts that write the target's ``value`` in digits, when any does (a quote made
    unique by the sentence before it: 重要力量。到2015年,国内旅游人数达33亿人次)."""
    pieces = [p for p in re.split(r"[。！？；;!?]", quote) if p]
    if value is not None:
        digits = re.compile(rf"(?<![0-9.]){re.escape(_plain(abs(value)))}(?![0-9])")
        pieces = [p for p in pieces if digits.search(p)] or pieces
    return max(pieces, key=len) if pieces else quote


def _plain(value: Decimal) -> str:
    """A value as a plan writes it in digits: 33, 4.5 (not 3.3E+1 or 4.50)."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _same_statement(g: GoldTarget, t: Target) -> bool:
    """The gold quote lies in the target's sentence; a quote that runs over a sentence end
    (进一步提升。每年培育…) is judged by its longest part that writes the target's value."""
    tq = squeeze(t.quote)
    gq = longest_part(squeeze(g.quote), g.value)
    if t.source == "table":
        tq, gq = words_only(tq), words_only(gq)
    return gq in tq or (len(tq) >= 6 and tq in gq)


def words_only(text: str) -> str:
    """A table row's quote as words and figures alone: a row is quoted cell by cell (名称 | 单位 |
    2025), the gold copies it as the text lays it out (名称(单位) 2025)."""
    return _WORDS_ONLY.sub("", text)


def score_targets(found: list[Target], gold: list[GoldTarget]) -> TargetScore:
    """Match extracted targets with gold ones and count what is right.

    Candidates are pairs from the same statement that agree on the value or the indicator;
    pairs are taken greedily, fewest wrong fields first, each target serving one gold target;
    of two gold targets as right, the one scored takes it before a doubtful copy of it.
    """
    quantitative = [t for t in found if t.value is not None]
    candidates: list[tuple[int, bool, int, int]] = []
    for gi, g in enumerate(gold):
        for ti, t in enumerate(quantitative):
            if not _same_statement(g, t):
                continue
            wrong = wrong_fields(g, t)
            if "value" in wrong and "indicator" in wrong:
                continue
            strict_wrong = sum(f in STRICT_FIELDS for f in wrong)
            candidates.append((strict_wrong * 10 + len(wrong), g.doubtful, gi, ti))
    candidates.sort()
    match: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, ti in candidates:
        if gi in match or ti in used:
            continue
        match[gi] = ti
        used.add(ti)
    score = empty_score()
    doubtful_matched = 0
    for gi, g in enumerate(gold):
        matched = match.get(gi)
        if g.doubtful:
            doubtful_matched += matched is not None
            continue
        score.gold += 1
        if matched is None:
            score.misses.append(Miss(g, None, list(FIELDS)))
            continue
        t = quantitative[matched]
        wrong = wrong_fields(g, t)
        for f in FIELDS:
            score.field_right[f] += f not in wrong
        if not any(f in wrong for f in STRICT_FIELDS):
            score.correct += 1
        if wrong:
            score.misses.append(Miss(g, t, wrong))
    score.extracted = len(quantitative) - doubtful_matched
    score.extra = [t for ti, t in enumerate(quantitative) if ti not in used]
    return score


def describe(t: Target) -> str:
    """A target in one line, for lists of misses."""
    value = f"{t.value}" + (f"–{t.value_max}" if t.value_max is not None else "")
    rate = " rate" if t.rate else ""
    return f"{t.indicator} {t.comparator} {value} {t.unit} {t.year} {t.kind}{rate}"


def describe_gold(g: GoldTarget) -> str:
    """A gold target in one line."""
    value = f"{g.value}" + (f"–{g.value_max}" if g.value_max is not None else "")
    rate = " rate" if g.rate else ""
    return f"{g.names[0]} {g.comparator} {value} {g.unit} {g.year} {g.kind}{rate}"
