"""Which targets of a compare row differ from their counterpart on the other side, and where
their figures are: the only numbers the compare view ever marks as figures.

A target counts when it is stated in the section's text (not in a table) with a figure; it
pairs with a target of the other section of the row that measures the same kind of thing
(:func:`~plancompare.targets.indicators.measure_of`) under an alike indicator name (each
plan's own subject set aside); the pair differs in value (值), year (年份) or 口径 (kind, or
scope words such as 规上). The highlight of each row (:mod:`plancompare.align.highlight`)
places the marks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from plancompare.align.diff import PairDiff
from plancompare.align.highlight import (
    Aspect,
    PairHighlight,
    TargetDifference,
    TargetFigure,
    highlight_pair,
)
from plancompare.align.rows import CompareRow
from plancompare.model import Plan, Target
from plancompare.targets.extract import extract_targets, plan_period
from plancompare.targets.figures import find_figures
from plancompare.targets.indicators import comparable_name, measure_of, plan_subject, same_value
from plancompare.text.lexicon import year_mentions
from plancompare.text.sentences import split_sentences
from plancompare.text.similarity import char_grams, dice

#: Indicator names (each plan's subject set aside) this alike (Dice of characters and
#: character bigrams) name the same thing, inside a pair of sections already aligned on one
#: topic: 年总产值 ⇄ 规上企业总产值 reach it, 带动就业人数 ⇄ 外来熟练工人 do not.
NAME_ALIKE = 0.5


@dataclass(slots=True)
class PlanTargets:
    """The located targets of two plans, by section id, and what each plan is about."""

    a: dict[str, list[TargetFigure]]
    """Plan A's targets by section id."""
    b: dict[str, list[TargetFigure]]
    """Plan B's targets by section id."""
    subjects: tuple[str, str]
    """Each plan's subject (服装产业), set aside when names are compared."""


def plan_targets(a: Plan, b: Plan) -> PlanTargets:
    """The targets of two plans, located in their sections' text."""
    return PlanTargets(
        target_figures(a),
        target_figures(b),
        (plan_subject(a.meta.title, a.meta.region), plan_subject(b.meta.title, b.meta.region)),
    )


def target_figures(plan: Plan) -> dict[str, list[TargetFigure]]:
    """Every target a plan states in its text with a figure, located: by section id."""
    period = plan_period(plan)
    texts = {s.id: s.text for s in plan.walk()}
    found: dict[str, list[TargetFigure]] = defaultdict(list)
    for target in extract_targets(plan):
        text = texts.get(target.section, "")
        wording = target.wording or target.quote
        if target.source != "text" or target.value is None or not wording:
            continue
        at = text.find(wording)
        figure = _figure(wording, target) if at >= 0 else None
        if figure is None:
            continue
        start, end = at + figure[0], at + figure[1]
        found[target.section].append(
            TargetFigure(target, start, end, _year(text, start, target, period))
        )
    return dict(found)


def _figure(wording: str, target: Target) -> tuple[int, int] | None:
    """Where the target's own figure is in its wording (a decrease is stated unsigned)."""
    assert target.value is not None
    for f in find_figures(wording):
        if f.value == abs(target.value) and f.value_max == target.value_max:
            return f.start, f.end
    return None


def _year(
    text: str, figure: int, target: Target, period: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The words of the target's year in the sentence of its figure (nearest before it)."""
    if target.year is None or target.year_source != "text":
        return None
    for s in split_sentences(text):
        if s.start <= figure < s.end:
            mentions = [
                m for m in year_mentions(s.text, period) if m.year == target.year and not m.baseline
            ]
            before = [m for m in mentions if s.start + m.start <= figure] or mentions
            if before:
                m = before[-1]
                return s.start + m.start, s.start + m.end
    return None


def differing_targets(
    figures_a: list[TargetFigure], figures_b: list[TargetFigure], subjects: tuple[str, str]
) -> list[TargetDifference]:
    """Targets of two aligned sections on the same indicator that differ: each target is
    paired with its most alike counterparts (same measure, :data:`NAME_ALIKE` names)."""
    alike: dict[tuple[int, int], float] = {}
    for i, fa in enumerate(figures_a):
        for j, fb in enumerate(figures_b):
            if measure_of(fa.target) == measure_of(fb.target):
                score = name_likeness(fa.target.indicator, fb.target.indicator, subjects)
                if score >= NAME_ALIKE:
                    alike[(i, j)] = score
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for (i, j), score in alike.items():
        best_a[i] = max(best_a[i], score)
        best_b[j] = max(best_b[j], score)
    found = []
    for (i, j), score in sorted(alike.items()):
        if score < best_a[i] and score < best_b[j]:
            continue
        aspects = target_aspects(figures_a[i].target, figures_b[j].target)
        if aspects:
            found.append(TargetDifference(figures_a[i], figures_b[j], aspects))
    return found


def name_likeness(a: str, b: str, subjects: tuple[str, str]) -> float:
    """How alike two indicator names are, 0–1: 1 when they name the same thing once each
    plan's subject is set aside, else the Dice of their characters and bigrams — as written,
    or without the subjects, whichever is higher (setting a subject aside can take words of
    the name with it: 智能制造 out of 建材行业智能制造标准 in a 智能制造 plan)."""
    plain_a, plain_b = comparable_name(a, subjects[0]), comparable_name(b, subjects[1])
    if plain_a == plain_b:
        return 1.0
    return max(dice(char_grams(plain_a), char_grams(plain_b)), dice(char_grams(a), char_grams(b)))


def target_aspects(a: Target, b: Target) -> tuple[Aspect, ...]:
    """What differs between two targets of one indicator: value, year, 口径."""
    aspects = []
    if not same_value(a, b):
        aspects.append(Aspect.VALUE)
    if a.year is not None and b.year is not None and a.year != b.year:
        aspects.append(Aspect.YEAR)
    if a.kind != b.kind or sorted(a.scope) != sorted(b.scope):
        aspects.append(Aspect.SCOPE)
    return tuple(aspects)


def row_highlights(
    rows: list[CompareRow],
    diffs: Mapping[int, PairDiff],
    targets: PlanTargets,
    *,
    words: bool = True,
) -> dict[int, PairHighlight]:
    """The highlight of every diffed row, by row index (``words`` False: without the changed
    words of near-identical sentences, see :func:`highlight_pair`)."""
    out = {}
    for i, diff in diffs.items():
        row = rows[i]
        assert row.a is not None and row.b is not None
        differing = differing_targets(
            targets.a.get(row.a.id, []), targets.b.get(row.b.id, []), targets.subjects
        )
        out[i] = highlight_pair(diff, differing, words=words)
    return out


__all__ = [
    "NAME_ALIKE",
    "PlanTargets",
    "differing_targets",
    "name_likeness",
    "plan_targets",
    "row_highlights",
    "target_aspects",
    "target_figures",
]
