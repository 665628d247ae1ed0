"""Scores of target extraction and benchmark pairing against hand-made gold files."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from plancompare.errors import PlanError
from plancompare.model import Benchmark, Target

#: The fields that must all be right for an extracted target to count (as the issue asks).
CORE_FIELDS = ("indicator", "value", "unit", "year", "comparator")
#: Fields reported one by one, beyond the core.
FIELDS = (*CORE_FIELDS, "period", "rate", "baseline")


@dataclass(slots=True)
class GoldTarget:
    """One target of a gold file, as a reviewer wrote it down."""

    section: str
    """Section id the target is in."""
    source: str
    """``text`` or ``table``."""
    indicators: list[str]
    """The indicator phrase, then other phrases that are as right."""
    value: Decimal | None
    """The value (None for a qualitative target)."""
    value_max: Decimal | None
    """Upper end of a range."""
    unit: str | None
    """Unit as written."""
    comparator: str | None
    """``>=``, ``<=``, ``=``, ``~``, ``range`` or None."""
    year: int | None
    """Deadline year."""
    period: str | None
    """``annual``, ``cumulative`` or None."""
    rate: bool
    """A rate of change rather than a level."""
    qualitative: str | None
    """Wording of a qualitative target."""
    baseline: Decimal | None
    """Baseline value, where stated."""
    quote: str
    """A fragment of the sentence or table row the target is in."""


@dataclass(slots=True)
class Miss:
    """A gold target not extracted right: what came out instead, and which fields differ."""

    gold: GoldTarget
    """The gold target."""
    found: Target | None
    """The extracted target it was matched with, or None."""
    wrong: list[str]
    """Fields that differ."""


@dataclass(slots=True)
class ExtractionScore:
    """Recall and precision of extraction, overall and field by field."""

    gold: int
    """Number of gold targets."""
    extracted: int
    """Number of extracted targets."""
    correct: int
    """Extracted targets with every core field right."""
    fields: dict[str, float]
    """Share of gold targets whose field was extracted right."""
    misses: list[Miss] = field(default_factory=list)
    """Gold targets not extracted right."""
    extra: list[Target] = field(default_factory=list)
    """Extracted targets matched with no gold target."""

    @property
    def recall(self) -> float:
        """Share of gold targets extracted with every core field right."""
        return self.correct / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        """Share of extracted targets that are right."""
        return self.correct / self.extracted if self.extracted else 1.0


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise PlanError(path, f"cannot read gold file: {e}") from None
    if not isinstance(data, dict):
        raise PlanError(path, "a gold file is a mapping")
    return data


def load_gold_targets(path: Path) -> list[GoldTarget]:
    """The targets of a gold file (``tests/data/targets/gold_*.yaml``)."""
    data = _load_yaml(path)
    gold = []
    for r in data.get("targets") or []:
        gold.append(
            GoldTarget(
                section=str(r["section"]),
                source=r.get("source", "text"),
                indicators=[r["indicator"], *r.get("also", [])],
                value=_decimal(r.get("value")),
                value_max=_decimal(r.get("value_max")),
                unit=r.get("unit"),
                comparator=r.get("comparator"),
                year=r.get("year"),
                period=r.get("period"),
                rate=bool(r.get("rate", False)),
                qualitative=r.get("qualitative"),
                baseline=_decimal(r.get("baseline")),
                quote=r["quote"],
            )
        )
    return gold


def _field_right(gold: GoldTarget, t: Target, name: str) -> bool:
    if name == "indicator":
        return t.indicator in gold.indicators
    if name == "value":
        return (t.value, t.value_max, t.qualitative) == (
            gold.value,
            gold.value_max,
            gold.qualitative,
        )
    return bool(getattr(gold, name) == getattr(t, name))


def _wrong_fields(gold: GoldTarget, t: Target) -> list[str]:
    return [f for f in FIELDS if not _field_right(gold, t, f)]


def score_targets(found: list[Target], gold: list[GoldTarget]) -> ExtractionScore:
    """Match extracted targets with gold ones (same section and source) and count what is right.

    Pairs are made greedily, best agreement first; an extracted target serves one gold target.
    """
    candidates: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for ti, t in enumerate(found):
            if t.section != g.section or t.source != g.source:
                continue
            wrong = _wrong_fields(g, t)
            same_value = "value" not in wrong
            if not same_value and "indicator" in wrong:
                continue
            if g.quote not in t.quote:
                continue
            candidates.append((len(wrong), gi, ti))
    candidates.sort()
    gold_match: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, ti in candidates:
        if gi in gold_match or ti in used:
            continue
        gold_match[gi] = ti
        used.add(ti)
    right = dict.fromkeys(FIELDS, 0)
    correct = 0
    misses = []
    for gi, g in enumerate(gold):
        ti_match = gold_match.get(gi)
        if ti_match is None:
            misses.append(Miss(g, None, list(FIELDS)))
            continue
        t = found[ti_match]
        wrong = _wrong_fields(g, t)
        for f in FIELDS:
            right[f] += f not in wrong
        if not any(f in wrong for f in CORE_FIELDS):
            correct += 1
        if wrong:
            misses.append(Miss(g, t, wrong))
    n = len(gold) or 1
    return ExtractionScore(
        gold=len(gold),
        extracted=len(found),
        correct=correct,
        fields={f: right[f] / n for f in FIELDS},
        misses=misses,
        extra=[t for ti, t in enumerate(found) if ti not in used],
    )


# ---------------------------------------------------------------------------- benchmark


@dataclass(slots=True)
class GoldPairs:
    """Comparable indicator names of two plans."""

    required: set[tuple[str, str]]
    """Pairs a reviewer expects to see side by side."""
    acceptable: set[tuple[str, str]]
    """Pairs that are not wrong either."""


@dataclass(slots=True)
class PairScore:
    """Recall and precision of benchmark pairs, by indicator names."""

    found: set[tuple[str, str]]
    """Indicator-name pairs of the benchmark."""
    gold: GoldPairs
    """The gold pairs."""

    @property
    def recall(self) -> float:
        """Share of required pairs found."""
        req = self.gold.required
        return len(self.found & req) / len(req) if req else 1.0

    @property
    def precision(self) -> float:
        """Share of found pairs that are required or acceptable."""
        ok = self.gold.required | self.gold.acceptable
        return len(self.found & ok) / len(self.found) if self.found else 1.0

    @property
    def missing(self) -> list[tuple[str, str]]:
        """Required pairs not found."""
        return sorted(self.gold.required - self.found)

    @property
    def wrong(self) -> list[tuple[str, str]]:
        """Found pairs that are neither required nor acceptable."""
        return sorted(self.found - self.gold.required - self.gold.acceptable)


def load_gold_pairs(path: Path) -> GoldPairs:
    """The pairs of a gold benchmark file (``tests/data/targets/gold_benchmark.yaml``)."""
    data = _load_yaml(path)

    def pairs(key: str) -> set[tuple[str, str]]:
        return {(str(a), str(b)) for a, b in data.get(key) or []}

    return GoldPairs(pairs("required"), pairs("acceptable"))


def score_pairs(benchmark: Benchmark, gold: GoldPairs) -> PairScore:
    """Score a benchmark's pairs by their indicator names against the gold pairs."""
    return PairScore({(p.a.indicator, p.b.indicator) for p in benchmark.pairs}, gold)
