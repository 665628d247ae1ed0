"""What coverage finds: for each unit of a reference plan, each other plan's verdict, its
counterparts and the evidence — plain dataclasses both front ends and the report read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from plancompare.model import Plan, Target
from plancompare.plan.roles import SectionRole


class Verdict(StrEnum):
    """How a plan takes up a unit of the reference plan (与上位规划衔接)."""

    COVERED = "covered"
    """已衔接: the plan does what the unit asks (reworded or localised)."""
    PARTIAL = "partial"
    """部分衔接: only part of it, or the topic only in passing."""
    ABSENT = "absent"
    """未体现: nothing in the plan responds to it."""


class Basis(StrEnum):
    """What a verdict rests on, so that a reviewer can weigh it."""

    ROLE = "role"
    """The unit plays a role every plan may have (指导思想, 保障措施, 发展现状): the plan has a
    section of the same role, or (for a background or a glossary) has none."""
    ITEMS = "items"
    """A heading over items: judged by its items' verdicts."""
    CONTENT = "content"
    """The unit's own counterparts (alignment) and how many of its sentences the plan says too."""
    NAMED = "named"
    """The unit's heading is found whole in a sentence or heading of the plan (a 专栏 entry such
    as 研发设计类软件 listed in the plan's 工业软件 task)."""


@dataclass(slots=True)
class Counterpart:
    """A part of the plan that responds to a unit of the reference plan."""

    section: str
    """Section id in the plan (as in ``outline``)."""
    title: str
    """Its label as the plan writes it (number and heading)."""
    path: list[str]
    """Labels from the top of the plan down to it (三、重点任务, （二）增加智能制造装备供给)."""
    score: float
    """How strongly it corresponds, 0–1 (the alignment's score, or the best sentence's)."""


@dataclass(slots=True)
class Evidence:
    """A sentence of the reference unit and the plan's sentence most like it."""

    ref_sentence: str
    """The reference plan's sentence."""
    sentence: str
    """The plan's sentence, as written."""
    section: str
    """Id of the plan's section that holds it."""
    score: float
    """How alike they are, 0–1 (0.5 at the threshold of a counterpart)."""


@dataclass(slots=True)
class BenchmarkEntry:
    """Where a target of the reference unit stands against one plan in the N-plan benchmark.
    Coverage leaves these empty; a benchmark hook (see :func:`coverage` and
    :func:`~plancompare.coverage.benchmark.benchmark_hook`) fills them."""

    indicator: str
    """The reference target's indicator."""
    concept: str | None
    """The concept of the benchmark row the target is in (None if the benchmark has none)."""
    verdict: str | None
    """The row's verdict (``comparable``, ``conditional``, ``not_comparable``) when the plan
    states the concept too; None when it does not."""
    counterpart: str | None
    """The plan's indicator for the concept as it writes it; None when it states none."""


#: Fills the benchmark entries of one cell: (the unit's targets, the plan) → entries.
BenchmarkHook = Callable[[list[Target], Plan], list[BenchmarkEntry]]


@dataclass(slots=True)
class CoverageCell:
    """How one plan takes up one unit of the reference plan."""

    plan: str
    """The plan's id."""
    verdict: Verdict
    """covered, partial or absent."""
    score: float
    """How much of the unit the plan takes up, 0–1: for a heading over items the share of its
    items covered (partial ones count half); for a role 1 (the plan has one) or 0; else the
    mean of its best counterpart's score and the share of its sentences found in the plan."""
    basis: Basis
    """What the verdict rests on."""
    counterparts: list[Counterpart] = field(default_factory=list)
    """The plan's parts that respond, best first."""
    evidence: list[Evidence] = field(default_factory=list)
    """The plan's sentences most like the unit's, best first."""
    sentences: int = 0
    """Sentences of the unit and its items."""
    found: int = 0
    """Of those, the ones with a counterpart anywhere in the plan."""
    benchmark: list[BenchmarkEntry] = field(default_factory=list)
    """The unit's targets in the benchmark against this plan (filled by a benchmark hook)."""


@dataclass(slots=True)
class CoverageRow:
    """A section or item of the reference plan, and how each plan takes it up."""

    section: str
    """Section id in the reference plan."""
    number: str | None
    """Its number as written (三、, （一）, 01), or None."""
    title: str
    """Its heading or lead phrase without the number; "" when it has none."""
    label: str
    """How a reviewer names it: number and heading, or number and first words."""
    path: list[str]
    """Labels from the top of the reference plan down to it."""
    level: int
    """Depth in the reference plan's tree, 1 at the top."""
    kind: str
    """The section kind (numbered, lead, dash, box, annex …)."""
    role: SectionRole | None
    """The role its heading names (指导思想 → guidance), else None."""
    targets: list[Target] = field(default_factory=list)
    """Targets the reference plan states in the unit's own text."""
    cells: dict[str, CoverageCell] = field(default_factory=dict)
    """One cell per plan, by plan id, in the order of :attr:`Coverage.plans`."""


@dataclass(slots=True)
class Coverage:
    """A reference plan against N plans: one row per section and item of the reference."""

    ref: Plan
    """The reference plan (上位规划)."""
    plans: list[Plan]
    """The plans that should take it up."""
    embedder: str
    """Id of the embedder used ("none" for lexical evidence only)."""
    rows: list[CoverageRow]
    """The reference plan's units in document order (the preamble left out)."""

    def row(self, section_id: str) -> CoverageRow | None:
        """The row of a reference section, or None."""
        return next((r for r in self.rows if r.section == section_id), None)

    def tally(self, plan_id: str) -> Counter[Verdict]:
        """How many rows have each verdict for one plan."""
        return Counter(r.cells[plan_id].verdict for r in self.rows if plan_id in r.cells)
