"""Hand-made gold alignments of two plans, and the scores of an alignment against one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from plancompare.model import Alignment, Plan, SectionKind

STRONG = "strong"
PARTIAL = "partial"


class GoldError(ValueError):
    """A gold file that does not read as written: the file (and line), then what is wrong.

    Gold files are the project's own evaluation data, written by its developers, so this says
    its problems in English; what plancompare says to its users is in the wording catalogue
    (:class:`plancompare.errors.PlanError`).
    """

    def __init__(self, where: str | Path, problem: str) -> None:
        self.where = str(where)
        self.problem = problem
        super().__init__(f"{where}: {problem}")


_LINE = re.compile(r"^(?P<a>.+?)\s*<->\s*(?P<b>.+?)(?:\s*:\s*(?P<grade>strong|partial))?$")


@dataclass(slots=True, frozen=True)
class GoldLink:
    """Two units a person judged to deal with the same topic."""

    a: str
    """Section id in plan A."""
    b: str
    """Section id in plan B."""
    grade: str
    """``strong`` (the partner is about the unit's main topic) or ``partial``."""


@dataclass(slots=True)
class GoldAlignment:
    """A gold file: the links a person made, and the units they found no partner for."""

    a: str
    """Plan id of A."""
    b: str
    """Plan id of B."""
    links: list[GoldLink]
    """Every acceptable pair."""
    only_a: list[str]
    """Units of A with no counterpart in B."""
    only_b: list[str]
    """Units of B with no counterpart in A."""

    def partners(self, side: str, unit: str) -> dict[str, str]:
        """The acceptable partners of ``unit`` on the other side, with their grades."""
        if side == "a":
            return {link.b: link.grade for link in self.links if link.a == unit}
        return {link.a: link.grade for link in self.links if link.b == unit}


@dataclass(slots=True)
class AlignmentScores:
    """How an alignment compares with a gold file."""

    top1: float
    """Share of units with a strong partner whose first-ranked partner is acceptable."""
    strong_units: int
    """How many units (of both plans) have a strong partner."""
    precision: float
    """Share of the alignment's links that the gold accepts (strong or partial)."""
    recall: float
    """Share of the gold's links that the alignment makes."""
    strong_recall: float
    """Share of the gold's strong links that the alignment makes."""
    none_flagged: float
    """Share of the gold's no-counterpart units that the alignment leaves unlinked."""
    none_units: int
    """How many units (of both plans) the gold says have no counterpart."""
    false_none: float
    """Share of units with a strong partner that the alignment leaves unlinked."""
    misses: list[str] = field(default_factory=list)
    """One line per mistake: a wrong first partner, a missed or a wrongly made only-in-one."""


def read_gold(path: Path, a: Plan, b: Plan) -> GoldAlignment:
    """Parse a gold file and check it against the two plans: ids, titles and completeness."""
    plans: tuple[str, str] | None = None
    links: list[GoldLink] = []
    only_a: list[str] = []
    only_b: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        if line.startswith("plans:"):
            ids = [x.strip() for x in line[len("plans:") :].split("<->")]
            if len(ids) != 2:
                raise GoldError(where, "write the plans as: plans: A <-> B")
            plans = (ids[0], ids[1])
            continue
        m = _LINE.match(line)
        if m is None:
            raise GoldError(where, f"not a gold line: {line!r}")
        left, right, grade = m["a"], m["b"], m["grade"]
        if left == "none" and right == "none":
            raise GoldError(where, "a line needs at least one unit")
        if left == "none":
            only_b.append(_unit(right, b, where))
        elif right == "none":
            only_a.append(_unit(left, a, where))
        elif grade is None:
            raise GoldError(where, "a link needs a grade: strong or partial")
        else:
            links.append(GoldLink(_unit(left, a, where), _unit(right, b, where), grade))
    if plans != (a.id, b.id):
        raise GoldError(path, f"gold is for {plans}, not for ({a.id!r}, {b.id!r})")
    for side, plan, nones, linked in (
        ("A", a, only_a, {x.a for x in links}),
        ("B", b, only_b, {x.b for x in links}),
    ):
        missing = [s.id for s in plan.walk() if s.id not in linked and s.id not in nones]
        if missing:
            raise GoldError(path, f"units of {side} ({plan.id}) not judged: {', '.join(missing)}")
        both = sorted(set(nones) & linked)
        if both:
            raise GoldError(path, f"units of {side} both linked and 'none': {', '.join(both)}")
    return GoldAlignment(a.id, b.id, links, only_a, only_b)


def _unit(field_text: str, plan: Plan, where: str) -> str:
    """The section id at the start of ``field_text``, checked against the title after it."""
    section_id, _, title = field_text.partition(" ")
    section = plan.section(section_id)
    if section is None:
        raise GoldError(where, f"{plan.id} has no section {section_id}")
    title = title.strip()
    headless = section.kind in (SectionKind.PREAMBLE, SectionKind.INFERRED)
    if headless and not title.startswith("["):
        raise GoldError(where, f"{plan.id} {section_id} has no title; write a [note] instead")
    if not headless and title != section.title:
        raise GoldError(where, f"{plan.id} {section_id} is titled {section.title!r}, not {title!r}")
    return section_id


def score_alignment(alignment: Alignment, gold: GoldAlignment) -> AlignmentScores:
    """Top-1 accuracy on units with a strong partner, link precision and recall, and how
    many no-counterpart units the alignment flags; the misses say which units went wrong."""
    made = {(link.a, link.b) for link in alignment.links}
    accepted = {(x.a, x.b) for x in gold.links}
    strong = {(x.a, x.b) for x in gold.links if x.grade == STRONG}
    misses: list[str] = []
    top1_hits = strong_units = 0
    unlinked_strong = 0
    for side, plan, nones in (("a", alignment.a, gold.only_a), ("b", alignment.b, gold.only_b)):
        ranked = _ranked_partners(alignment, side)
        for section in plan.walk():
            partners = gold.partners(side, section.id)
            first = ranked.get(section.id, [])
            name = f"{plan.id} {section.id} {section.label}"
            if section.id in nones:
                if first:
                    misses.append(f"{name}: gold has no partner, linked to {first[0]}")
                continue
            if STRONG not in partners.values():
                continue
            strong_units += 1
            if not first:
                unlinked_strong += 1
                misses.append(f"{name}: left unlinked, gold {_gold_text(partners)}")
            elif first[0] in partners:
                top1_hits += 1
            else:
                misses.append(f"{name}: first partner {first[0]}, gold {_gold_text(partners)}")
    nones_total = len(gold.only_a) + len(gold.only_b)
    linked_a = {link.a for link in alignment.links}
    linked_b = {link.b for link in alignment.links}
    flagged = sum(1 for x in gold.only_a if x not in linked_a)
    flagged += sum(1 for x in gold.only_b if x not in linked_b)
    return AlignmentScores(
        top1=_share(top1_hits, strong_units),
        strong_units=strong_units,
        precision=_share(len(made & accepted), len(made)),
        recall=_share(len(made & accepted), len(accepted)),
        strong_recall=_share(len(made & strong), len(strong)),
        none_flagged=_share(flagged, nones_total),
        none_units=nones_total,
        false_none=_share(unlinked_strong, strong_units),
        misses=misses,
    )


def _ranked_partners(alignment: Alignment, side: str) -> dict[str, list[str]]:
    """For each unit of one side, its partners best first."""
    ranked: dict[str, list[tuple[float, str]]] = {}
    for link in alignment.links:
        unit, partner = (link.a, link.b) if side == "a" else (link.b, link.a)
        ranked.setdefault(unit, []).append((link.score, partner))
    return {u: [p for _, p in sorted(v, key=lambda x: -x[0])] for u, v in ranked.items()}


def _gold_text(partners: dict[str, str]) -> str:
    return ", ".join(f"{p} ({g})" for p, g in partners.items())


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0
