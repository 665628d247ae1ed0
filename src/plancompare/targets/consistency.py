"""Findings about a plan's targets: the same target stated twice with different figures, years
outside the plan period, cumulative targets that shrink, table rows that turn back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import combinations, pairwise

from rapidfuzz.fuzz import ratio

from plancompare.model import Finding, Plan, Target
from plancompare.targets.extract import extract_targets
from plancompare.targets.indicators import comparable_name, measure_of, plan_subject, show_value

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
        *_conflicts(targets, subject),
        *_outside_period(plan, targets),
        *_shrinking_cumulative(targets, subject),
        *_table_turns(targets),
    ]


def same_indicator(a: Target, b: Target, subject: str = "") -> bool:
    """True when two targets of one plan measure the same thing (净流入人口 and 净流入人数).

    The names must be near-identical once sector words are set aside, and numbers inside them
    (50万元以上 …) must agree; the measure and the period must be the same.
    """
    if measure_of(a) != measure_of(b) or _kind_class(a) != _kind_class(b):
        return False
    na, nb = comparable_name(a.indicator, subject), comparable_name(b.indicator, subject)
    if _DIGITS.findall(na) != _DIGITS.findall(nb):
        return False
    return na == nb or ratio(na, nb) >= SAME_NAME


def _kind_class(t: Target) -> str:
    """A level to reach and a running total (累计) both state how many there will be; a yearly
    figure and an increment state how many are added."""
    return "total" if t.kind in ("stock", "cumulative") else t.kind


def _measure_word(t: Target) -> str | None:
    """What a count counts in (家 or 个: 万家 is 家); for other units the base unit."""
    if t.dimension == "count" and t.unit:
        return re.sub(r"^[十百千万亿]+", "", t.unit)
    return t.base_unit


def _where(t: Target) -> str:
    return "the indicator table" if t.source == "table" else f"section {t.section}"


def _where_zh(t: Target) -> str:
    return "指标表" if t.source == "table" else f"第 {t.section} 节"


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


def _conflicts(targets: list[Target], subject: str) -> list[Finding]:
    """The same indicator and year stated with different values, or in different units."""
    findings = []
    for group in _groups(targets, subject):
        units = "、".join(sorted({t.unit or "—" for t in group}))
        if len({(t.base_value, t.value_max) for t in group}) > 1:
            kind, what, what_zh = "target-conflict", "is stated with different values", "前后不一致"
        elif len({_measure_word(t) for t in group}) > 1:
            kind = "target-unit-mismatch"
            what = f"is counted in different units ({units})"
            what_zh = f"计量单位不一致（{units}）"
        else:
            continue
        first = group[0]
        stated = "; ".join(f"{show_value(t)} in {_where(t)}" for t in group)
        stated_zh = "；".join(f"{show_value(t)}（{_where_zh(t)}）" for t in group)
        findings.append(
            Finding(
                kind=kind,
                section=first.section,
                message=f"{first.indicator} for {first.year} {what}: {stated}",
                evidence=list(dict.fromkeys(_evidence(t) for t in group)),
                message_zh=f"{first.indicator}的{first.year}年目标{what_zh}：{stated_zh}",
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
                    message=f"{t.indicator} has a target for {t.year}, outside the plan period "
                    f"{first}–{last}",
                    evidence=[_evidence(t)],
                    message_zh=f"{t.indicator}的目标年份 {t.year} 年超出规划期（{first}—{last}年）",
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
                    message=f"{late.indicator} is cumulative but falls from "
                    f"{show_value(early)} ({early.year}) to {show_value(late)} ({late.year})",
                    evidence=list(dict.fromkeys([_evidence(early), _evidence(late)])),
                    message_zh=f"{late.indicator}为累计目标，却从 {show_value(early)}"
                    f"（{early.year}年）降至 {show_value(late)}（{late.year}年）",
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
                    message=f"{first.indicator}: the table's years do not increase "
                    f"({' → '.join(map(str, years))})",
                    evidence=[quote],
                    message_zh=f"{first.indicator}：指标表中的年份未依次递增"
                    f"（{' → '.join(map(str, years))}）",
                )
            )
            continue
        turn = _turn(series)
        if turn:
            findings.append(
                Finding(
                    kind="table-direction",
                    section=section,
                    message=f"{first.indicator}: {turn[0]}",
                    evidence=[quote],
                    message_zh=f"{first.indicator}：{turn[1]}",
                )
            )
    return findings


def _turn(series: list[tuple[int, Decimal]]) -> tuple[str, str] | None:
    """Where a series of (year, value) turns back against the direction it starts in
    (in English and in Chinese)."""
    direction = 0
    for (y0, v0), (y1, v1) in pairwise(series):
        step = (v1 > v0) - (v1 < v0)
        if step == 0:
            continue
        if direction == 0:
            direction = step
        elif step != direction:
            trend = "rises" if direction > 0 else "falls"
            back = "falls" if direction > 0 else "rises"
            trend_zh, back_zh = ("上升", "回落") if direction > 0 else ("下降", "回升")
            return (
                f"{trend} until {y0} ({v0}) but {back} to {v1} in {y1}",
                f"至 {y0} 年{trend_zh}（{v0}），{y1} 年却{back_zh}至 {v1}",
            )
    return None
