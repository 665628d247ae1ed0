"""Findings about a plan's targets: the same target stated twice with different figures, years
outside the plan period, cumulative targets that shrink, table rows that turn back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import combinations, pairwise

from rapidfuzz.fuzz import ratio

from plancompare.model import Finding, FindingFigure, Plan, Target
from plancompare.plan.wording import section_path
from plancompare.targets.extract import extract_targets
from plancompare.targets.indicators import (
    comparable_name,
    kind_class,
    measure_of,
    plan_subject,
    show_value,
)
from plancompare.text.lexicon import SETTLEMENTS

#: Names at least this alike (rapidfuzz ratio of their comparable forms) are one indicator.
SAME_NAME = 80.0
_DIGITS = re.compile(r"\d+")


def target_findings(plan: Plan, targets: list[Target] | None = None) -> list[Finding]:
    """Inconsistencies among a plan's targets (extracted unless given), each with the quotes
    that contradict each other."""
    if targets is None:
        targets = extract_targets(plan)
    subject = plan_subject(plan.meta.title, plan.meta.region)
    return [
        *_conflicts(plan, targets, subject),
        *_outside_period(plan, targets),
        *_shrinking_cumulative(targets, subject),
        *_table_turns(targets),
    ]


def same_indicator(a: Target, b: Target, subject: str = "") -> bool:
    """True when two targets of one plan measure the same thing (净流入人口 and 净流入人数).

    The names must be near-identical once sector words are set aside, and numbers inside them
    (50万元以上 …) must agree; the measure and the period must be the same.
    """
    if measure_of(a) != measure_of(b) or kind_class(a.kind, a.dimension) != kind_class(
        b.kind, b.dimension
    ):
        return False
    na, nb = comparable_name(a.indicator, subject), comparable_name(b.indicator, subject)
    if _DIGITS.findall(na) != _DIGITS.findall(nb):
        return False
    if _settlements(na) != _settlements(nb):
        return False  # 城镇居民 / 农村居民人均可支配收入: one word apart, two statistics
    return na == nb or ratio(na, nb) >= SAME_NAME


def _settlements(name: str) -> set[str]:
    """The kinds of settlement a name is about (城镇, 农村 …)."""
    return {w for w in SETTLEMENTS if w in name}


def _measure_word(t: Target) -> str | None:
    """What a count counts in (家 or 个: 万家 is 家); for other units the base unit."""
    if t.dimension == "count" and t.unit:
        return re.sub(r"^[十百千万亿]+", "", t.unit)
    return t.base_unit


def _figure(plan: Plan, t: Target) -> FindingFigure:
    """A statement of a target: its value and where the plan makes it."""
    path = section_path(plan, t.section)
    return FindingFigure(show_value(t), t.section, path, t.source == "table", _evidence(t))


def _evidence(t: Target) -> str:
    """The exact words that state a target: its wording in a sentence, or its table row."""
    return t.quote if t.source == "table" or not t.wording else t.wording


def _groups(targets: list[Target], subject: str) -> Iterator[list[Target]]:
    """Targets that state the same indicator for the same year, in document order."""
    quantitative = [t for t in targets if t.base_value is not None and t.year is not None]
    seen: set[int] = set()
    for i, t in enumerate(quantitative):
        if i in seen:
            continue
        group = [t]
        for j in range(i + 1, len(quantitative)):
            u = quantitative[j]
            if (
                j not in seen
                and u.year == t.year
                and any(same_indicator(g, u, subject) for g in group)
            ):
                group.append(u)
                seen.add(j)
        if len(group) > 1:
            yield group


def _conflicts(plan: Plan, targets: list[Target], subject: str) -> list[Finding]:
    """The same indicator and year stated with different values, or in different units."""
    findings = []
    for group in _groups(targets, subject):
        if len({(t.base_value, t.value_max) for t in group}) > 1:
            kind = "target-conflict"
        elif len({_measure_word(t) for t in group}) > 1:
            kind = "target-unit-mismatch"
        else:
            continue
        first = group[0]
        units = "、".join(sorted({t.unit or "—" for t in group}))
        findings.append(
            Finding(
                kind=kind,
                section=first.section,
                evidence=list(dict.fromkeys(_evidence(t) for t in group)),
                values={"indicator": first.indicator, "year": str(first.year), "units": units},
                figures=[_figure(plan, t) for t in group],
            )
        )
    return findings


def _outside_period(plan: Plan, targets: list[Target]) -> list[Finding]:
    period = plan.meta.period_years
    if period is None:
        return []
    first, last = period
    findings = []
    for t in targets:
        if (
            t.year is not None
            and t.year_source in ("text", "table")
            and not first <= t.year <= last
        ):
            findings.append(
                Finding(
                    kind="target-year-outside-period",
                    section=t.section,
                    evidence=[_evidence(t)],
                    values={
                        "indicator": t.indicator,
                        "year": str(t.year),
                        "first": str(first),
                        "last": str(last),
                    },
                )
            )
    return findings


def _shrinking_cumulative(targets: list[Target], subject: str) -> list[Finding]:
    """A cumulative target for a later year that is smaller than one for an earlier year."""
    cumulative = [t for t in targets if t.period == "cumulative" and t.base_value is not None]
    findings = []
    for a, b in combinations(cumulative, 2):
        if (
            a.year is None
            or b.year is None
            or a.year == b.year
            or not same_indicator(a, b, subject)
        ):
            continue
        early, late = (a, b) if a.year < b.year else (b, a)
        assert early.base_value is not None and late.base_value is not None
        if late.base_value < early.base_value:
            findings.append(
                Finding(
                    kind="cumulative-decrease",
                    section=late.section,
                    evidence=list(dict.fromkeys([_evidence(early), _evidence(late)])),
                    values={
                        "indicator": late.indicator,
                        "early": show_value(early),
                        "early_year": str(early.year),
                        "late": show_value(late),
                        "late_year": str(late.year),
                    },
                )
            )
    return findings


def _table_turns(targets: list[Target]) -> list[Finding]:
    """Indicator-table rows whose values over the years do not keep one direction."""
    findings = []
    rows: dict[tuple[str, str], list[Target]] = {}
    for t in targets:
        if t.source == "table":
            rows.setdefault((t.section, t.quote), []).append(t)
    for (section, quote), row in rows.items():
        series: list[tuple[int, Decimal]] = []
        first = row[0]
        if first.baseline is not None and first.baseline_year is not None:
            series.append((first.baseline_year, first.baseline))
        series += [(t.year, t.value) for t in row if t.year is not None and t.value is not None]
        years = [y for y, _ in series]
        if years != sorted(years) or len(set(years)) != len(years):
            findings.append(
                Finding(
                    kind="table-years-order",
                    section=section,
                    evidence=[quote],
                    values={"indicator": first.indicator, "years": " → ".join(map(str, years))},
                )
            )
            continue
        turn = _turn(series)
        if turn:
            variant, values = turn
            findings.append(
                Finding(
                    kind="table-direction",
                    section=section,
                    evidence=[quote],
                    values={"indicator": first.indicator, **values},
                    variant=variant,
                )
            )
    return findings


def _turn(series: list[tuple[int, Decimal]]) -> tuple[str, dict[str, str]] | None:
    """Where a series of (year, value) turns back against the direction it starts in: the
    direction it starts in (``rises`` or ``falls``) and the years and values of the turn."""
    direction = 0
    for (y0, v0), (y1, v1) in pairwise(series):
        step = (v1 > v0) - (v1 < v0)
        if step == 0:
            continue
        if direction == 0:
            direction = step
        elif step != direction:
            values = {"y0": str(y0), "v0": str(v0), "y1": str(y1), "v1": str(v1)}
            return ("rises" if direction > 0 else "falls"), values
    return None
