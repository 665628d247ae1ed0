"""The plan as plancompare understands it: metadata, a section tree, tables and findings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class SectionKind(StrEnum):
    """How a section came to be in the tree."""

    PREAMBLE = "preamble"
    """Text before the first heading; it has no heading of its own."""
    NUMBERED = "numbered"
    """A heading with a number as written (三、, （一）, 第二章, 1., ①)."""
    HEADING = "heading"
    """A heading without a number (a Word heading style, a Markdown heading)."""
    DASH = "dash"
    """A paragraph opened by ——phrase。, one item of a dash list."""
    LEAD = "lead"
    """A paragraph opened by a short lead phrase ending in 。, one of a list."""
    INFERRED = "inferred"
    """A heading the source lacks; the importer inferred it from the numbering."""
    BOX = "box"
    """A 专栏 (专栏1, 专栏一 …): a boxed list inside the section it illustrates; its numbered
    entries (01, 1., （1）) are its children."""
    ANNEX = "annex"
    """An 附件 (附件1, 附件：…) after the plan's body, at the top level."""


#: The labels of headless sections: keys stored in comment anchors (their paths), never shown
#: as such — :mod:`plancompare.plan.wording` words them in the reader's language.
PREAMBLE_LABEL = "（前言）"
INFERRED_LABEL = "〔缺失标题〕"

#: Kinds that are paragraph-level items rather than headings: each owns one paragraph.
ITEM_KINDS = frozenset({SectionKind.DASH, SectionKind.LEAD})


@dataclass(slots=True)
class Paragraph:
    """One paragraph of body text, as written in the plan."""

    text: str
    """The paragraph's text after clean-up of export artefacts."""


@dataclass(slots=True)
class Table:
    """A table of the plan, e.g. an indicator table."""

    header: list[str]
    """Column names of the first row."""
    rows: list[list[str]]
    """Data rows, each as long as ``header``."""
    notes: list[str] = field(default_factory=list)
    """What the importer did to reconstruct the table (merged cells carried down, units split)."""


Block = Paragraph | Table
"""A piece of a section's own body."""


@dataclass(slots=True, eq=False)
class Section:
    """A node of the section tree: numbered heading, item, inferred parent or preamble."""

    id: str
    """Dotted position in the tree ("3", "5.2.1"); "0" is the preamble."""
    kind: SectionKind
    """How the section came to be (see :class:`SectionKind`)."""
    number: str | None
    """The number as written ("三、", "（一）", "——"); None for unnumbered sections."""
    title: str
    """The heading or lead phrase without its number and trailing 。; "" when there is none."""
    heading: str
    """The heading as written, number and punctuation included; "" for preamble and inferred."""
    level: int
    """Depth in the tree, 1 for top-level sections."""
    content: list[Block | Section] = field(default_factory=list)
    """Body blocks and child sections, in document order."""
    style: str | None = None
    """Numbering style key ("cn_dun" for 一、, "cn_paren" for （一） …) or None."""
    ordinal: int | None = None
    """The number's value (三、 → 3), None when unnumbered."""

    @property
    def children(self) -> list[Section]:
        """Child sections in document order."""
        return [c for c in self.content if isinstance(c, Section)]

    @property
    def blocks(self) -> list[Block]:
        """The section's own paragraphs and tables, in order."""
        return [c for c in self.content if not isinstance(c, Section)]

    @property
    def paragraphs(self) -> list[str]:
        """The section's own paragraph texts, in order."""
        return [c.text for c in self.content if isinstance(c, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        """The section's own tables, in order."""
        return [c for c in self.content if isinstance(c, Table)]

    @property
    def text(self) -> str:
        """The section's own body text: its paragraphs joined by newlines (tables excluded)."""
        return "\n".join(self.paragraphs)

    @property
    def inferred(self) -> bool:
        """True when the source has no heading for this section."""
        return self.kind is SectionKind.INFERRED

    @property
    def is_item(self) -> bool:
        """True for paragraph-level items (dash and lead-phrase items)."""
        return self.kind in ITEM_KINDS

    @property
    def label(self) -> str:
        """A short human label: the heading as written, or a placeholder for headless sections."""
        if self.kind is SectionKind.PREAMBLE:
            return PREAMBLE_LABEL
        if self.kind is SectionKind.INFERRED:
            return INFERRED_LABEL
        number = self.number or ""
        if self.kind in (SectionKind.BOX, SectionKind.ANNEX) and number[-1:].isalnum():
            # "专栏 1" + "智能制造技术攻关行动": the word number needs a space before its title.
            return f"{number} {self.title}".strip()
        return number + self.title

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self) -> str:
        """Heading and body of this section and all its descendants, in document order."""
        parts: list[str] = []
        if self.heading:
            parts.append(self.heading)
        for c in self.content:
            if isinstance(c, Section):
                parts.append(c.full_text())
            elif isinstance(c, Paragraph):
                parts.append(c.text)
        return "\n".join(p for p in parts if p)


@dataclass(slots=True)
class PlanMeta:
    """The front matter of a canonical plan file."""

    id: str
    """Short corpus id ("luhe")."""
    title: str = ""
    """The document title, without subtitle lines."""
    region: str | None = None
    """The region the plan is for ("陆河县")."""
    level: str | None = None
    """Administrative level, the last unit of the region ("县", "州", "市", "省")."""
    period: str | None = None
    """The plan period as written in the subtitle, normalised to "2025-2027"."""
    status: str | None = None
    """Draft status ("征求意见稿")."""
    version: int = 1
    """Version of this plan in the corpus; a changed source makes a new version."""
    source: str | None = None
    """File name of the source the plan was imported from."""
    sha256: str | None = None
    """SHA-256 of the source file's bytes."""
    encoding: str | None = None
    """Text encoding of the source, where it was a text file."""
    imported: str | None = None
    """When the source was imported (ISO 8601, UTC)."""
    notes: list[str] = field(default_factory=list)
    """What the importer had to infer or could not find (e.g. no title line)."""

    @property
    def period_years(self) -> tuple[int, int] | None:
        """The first and last year of the plan period, when known."""
        if not self.period:
            return None
        first, _, last = self.period.partition("-")
        try:
            return int(first), int(last or first)
        except ValueError:
            return None


@dataclass(slots=True, eq=False)
class Plan:
    """A parsed plan: metadata and the section tree."""

    meta: PlanMeta
    """Front matter."""
    sections: list[Section]
    """Top-level sections; the preamble, if any, comes first with id "0"."""

    @property
    def id(self) -> str:
        """The corpus id."""
        return self.meta.id

    def walk(self) -> Iterator[Section]:
        """Every section in document order."""
        for s in self.sections:
            yield from s.walk()

    def section(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        for s in self.walk():
            if s.id == section_id:
                return s
        return None

    def path(self, section_id: str) -> list[Section]:
        """The sections from the top level down to ``section_id`` (empty if unknown)."""

        def find(nodes: list[Section], trail: list[Section]) -> list[Section]:
            for n in nodes:
                if n.id == section_id:
                    return [*trail, n]
                found = find(n.children, [*trail, n])
                if found:
                    return found
            return []

        return find(self.sections, [])


@dataclass(slots=True)
class FindingFigure:
    """One statement of a target that a finding sets against others: its value and where."""

    value: str
    """The value as a reviewer reads it (≥10个, 15个)."""
    section: str
    """Id of the section that states it."""
    path: list[str] = field(default_factory=list)
    """Labels of the sections from the top down to it (see ``Section.label``)."""
    table: bool = False
    """True when it is read from an indicator table of that section."""
    quote: str = ""
    """The words that state it (a sentence's wording, or the table row)."""


@dataclass(slots=True)
class Finding:
    """Something a reviewer should look at: a structural problem or an inconsistency.

    A finding carries its kind and what the wording fills in, never words of its own: it is
    worded where it is shown, in the reader's language (``plancompare.checks.finding_text``).
    """

    kind: str
    """A stable key: missing-heading, numbering-gap, duplicate-number, out-of-sequence, …"""
    section: str | None
    """Id of the section the finding is about."""
    evidence: list[str] = field(default_factory=list)
    """The quotes that show it, exactly as in the plan."""
    values: dict[str, str] = field(default_factory=dict)
    """What its wording fills in: headings, numbers, years, an indicator (by kind)."""
    figures: list[FindingFigure] = field(default_factory=list)
    """The statements of a target it compares, in document order (target findings)."""
    variant: str = ""
    """Which wording of the kind applies ("" for the usual one; e.g. ``between``)."""

    @property
    def wording(self) -> str:
        """The catalogue key of its wording: ``finding_numbering-gap_between``."""
        return f"finding_{self.kind}" + (f"_{self.variant}" if self.variant else "")


@dataclass(slots=True)
class Link:
    """Two units of two plans that deal with the same topic."""

    a: str
    """Section id in plan A."""
    b: str
    """Section id in plan B."""
    score: float
    """How strongly they correspond, 0–1."""
    kind: str
    """``match`` (same topic) or ``partial`` (overlapping topic)."""


@dataclass(slots=True)
class Alignment:
    """Which parts of two plans deal with the same topic."""

    a: Plan
    """Plan A."""
    b: Plan
    """Plan B."""
    embedder: str
    """Id of the embedder used."""
    links: list[Link]
    """Links, best first within each unit of A, in document order of A."""
    only_a: list[str]
    """Section ids of A with no counterpart in B."""
    only_b: list[str]
    """Section ids of B with no counterpart in A."""


#: What sort of figure a target states, by the plan's own words.
TARGET_KINDS = ("stock", "increment", "cumulative", "annual")


@dataclass(slots=True)
class Target:
    """A quantitative (or qualitative) target stated by a plan."""

    indicator: str
    """The thing measured, the noun phrase a reader would write in a table (智能制造标杆企业)."""
    value: Decimal | None
    """The value as written, in ``unit``; None for a qualitative target."""
    value_max: Decimal | None
    """Upper end of a range (3-5家 → 5), else None."""
    unit: str | None
    """Unit as written, magnitude included (亿元, 万人, 家, %, PFlops); None when there is none."""
    base_value: Decimal | None
    """``value`` in the base unit of its dimension (亿元 → 元, 万人 → 人, EFLOPS → FLOPS)."""
    base_unit: str | None
    """The base unit (元, 人, 个, %, FLOPS)."""
    comparator: str | None
    """``>=``, ``<=``, ``=``, ``~`` or ``range``; None for a qualitative target."""
    year: int | None
    """The year the target is for (a deadline)."""
    kind: str
    """``stock`` (a level to reach), ``increment`` (新增: added over the period), ``cumulative``
    (累计: a running total) or ``annual`` (每年, 年均: per year)."""
    baseline: Decimal | None
    """The baseline value where stated (2025年基期 in a table, 由30亿元增长到…)."""
    section: str
    """Id of the section the target comes from."""
    quote: str
    """The exact text it was read from (a sentence, or a table row)."""
    source: str
    """``text`` or ``table``."""
    baseline_year: int | None = None
    """The year of the baseline, where stated."""
    qualitative: str | None = None
    """The wording of a qualitative target (零发生, 全覆盖), else None."""
    rate: bool = False
    """True when the value is a change (年均增长10%, 下降10%, 翻一番), not a level."""
    scope: list[str] = field(default_factory=list)
    """Scope words that qualify the indicator (全产业链, 规上, 省级, 全省 …), as written."""
    year_source: str | None = None
    """Where the year came from: ``text`` (the sentence), ``paragraph`` or ``section`` (the
    到2030年 that governs the passage or an enclosing section), ``period`` (the plan period),
    ``table`` (a column header); None when there is no year."""
    wording: str = ""
    """The words of the quote that state the target (服装产业年总产值突破100亿元)."""
    unit_known: bool = True
    """False when the unit is not in the registry (kept as written, comparable only with itself)."""
    dimension: str | None = None
    """What the unit measures (money, people, count, share, points, computing …), from the
    registry; ``unknown:…`` for an unknown unit; None without a unit."""

    @property
    def period(self) -> str | None:
        """``annual`` or ``cumulative`` for those kinds, else None (the older field of the JSON)."""
        return self.kind if self.kind in ("annual", "cumulative") else None


#: What sort of figure a benchmark cell holds: the target kinds, and for percentages a level
#: (``share``: 占比50%) or a change (``rate``: 年均增长10%).
MEASURE_KINDS = ("stock", "increment", "cumulative", "annual", "share", "rate")

#: Whether the figures of a benchmark row can be compared as they stand (evaluation/gold/README §2).
VERDICTS = ("comparable", "conditional", "not_comparable")

#: Why a row is not simply comparable: the unit's dimension, the measure kind, a threshold or a
#: level of what is counted, the scope (geographic level, 规上 vs all), the target years, or
#: what the names define.
REASONS = ("dimension", "kind", "threshold", "level", "scope", "horizon", "definition")


@dataclass(slots=True)
class Milestone:
    """One figure of a trajectory: a value for a year (or without one)."""

    year: int | None
    """The target year, None when the plan gives none."""
    value: Decimal
    """The value as written, in ``unit``."""
    value_max: Decimal | None
    """The high end of a range."""
    unit: str | None
    """The unit as written."""
    comparator: str | None
    """``>=``, ``<=``, ``=``, ``~`` or ``range``."""
    base_value: Decimal | None
    """``value`` in the base unit of its dimension."""
    base_unit: str | None
    """That base unit."""
    common: Decimal | None = None
    """``value`` in the unit the row shows every cell in (PFlops ↔ EFLOPS, 万人 ↔ 人)."""


@dataclass(slots=True)
class ConceptCell:
    """Every statement of one indicator concept in one plan, merged: its trajectory and sources."""

    plan: str
    """The plan's id."""
    indicator: str
    """The indicator as the plan first names it."""
    names: list[str]
    """Every name the plan gives it (text and table)."""
    kind: str
    """One of :data:`MEASURE_KINDS`."""
    dimension: str | None
    """What the unit measures (people, money, count …)."""
    milestones: list[Milestone]
    """The values by year, earliest first; two for one year when the statements disagree."""
    baseline: Decimal | None
    """The baseline value where stated, in the unit of the first milestone."""
    baseline_year: int | None
    """Its year."""
    section: str
    """Section id of the first statement."""
    path: list[str]
    """The headings from the top down to that section, as the plan writes them."""
    sources: list[Target]
    """The statements, in document order."""
    scope: list[str]
    """Scope words of the statements (规上, 亿元以上, 省级 …), as written, once each."""
    disagreements: list[Finding] = field(default_factory=list)
    """Consistency findings on these statements (values or units that disagree)."""
    per_year: Decimal | None = None
    """The yearly amount the cell implies, in the row's unit: an annual figure itself, an
    increment or a cumulative figure over the plan period, a stock's rise from its baseline."""
    growth: Decimal | None = None
    """Implied average annual growth (a fraction) from the baseline to the last milestone."""
    ratio: Decimal | None = None
    """The last milestone over the reference cell's (the row's first), where the row allows a
    ratio (never for a row that is not comparable)."""


@dataclass(slots=True)
class ConceptRow:
    """One indicator concept across the plans: a cell per plan that states it, and whether the
    figures compare."""

    concept: str
    """The concept's name (the first cell's indicator)."""
    dimension: str | None
    """What the values measure."""
    verdict: str
    """One of :data:`VERDICTS`; ``comparable`` for a row of one cell (nothing to compare)."""
    reasons: list[str]
    """Every difference that applies (:data:`REASONS`), empty for ``comparable``."""
    cells: dict[str, ConceptCell]
    """By plan id, in the order of the plans."""
    unit: str | None = None
    """The unit every cell's milestones are shown in (``Milestone.common``)."""
    similarity: float = 1.0
    """How alike the cells' names are (the weakest link), 1 for a row of one cell."""


@dataclass(slots=True)
class Benchmark:
    """The targets of any number of plans, one row per indicator concept."""

    plans: list[Plan]
    """The plans, in the order given (the first is the reference of ratios)."""
    rows: list[ConceptRow]
    """Rows of several plans first, then those found in one plan only."""
    embedder: str = "lexical"
    """Id of the embedder that helped compare indicator names; ``lexical`` when none did."""

    @property
    def shared(self) -> list[ConceptRow]:
        """Rows with cells of two plans or more."""
        return [r for r in self.rows if len(r.cells) > 1]
