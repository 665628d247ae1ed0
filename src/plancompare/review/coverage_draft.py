"""The comment a coverage cell suggests (``c`` in the 衔接 view): where in the draft it is
anchored, what it asks for, and the cell kept with it as its reference.

**On which plan.** A gap is commented on the lower plan — the draft under consultation, whose
drafting office reads the feedback report and the 意见反馈表 — never on the reference plan
(上位规划), which is not being consulted on: a comment anchored there would land in a part of
the report addressed to nobody. The reference plan's unit travels with the comment as its
:class:`~plancompare.review.model.CoverageRef` (plan, version, section and heading path, the
verdict, score and basis), so the report can quote it and re-anchoring can follow a new
version of the reference plan.

**Where in the draft** (:func:`gap_section`): the place a reviewer would ask the drafters to
amend —

- 部分衔接 (and 已衔接): the plan's best counterpart of the unit, the passage that responds in
  part (for a heading judged by its items, the section holding its items' best counterpart:
  二、重点工作 rather than one of its items);
- 未体现: the counterpart of the nearest heading above the unit that the plan does take up
  (a task absent from 三、重点任务 belongs in the plan's own 二、主要任务), else the unit's own
  nearest passage;
- with neither, the plan's first top-level section (the comment is then about the plan as a
  whole; its text names the reference plan's unit).
"""

from __future__ import annotations

from plancompare.coverage.model import Basis, Coverage, CoverageCell, CoverageRow, Verdict
from plancompare.i18n import t
from plancompare.model import Plan, SectionKind
from plancompare.plan.wording import path_place, plan_title
from plancompare.review.anchoring import make_anchor
from plancompare.review.model import Category, CoverageRef
from plancompare.review.writing import Draft


def _ancestors(coverage: Coverage, row: CoverageRow) -> list[CoverageRow]:
    """The rows of the headings above ``row``, nearest first."""
    parts = row.section.split(".")
    out = []
    for n in range(len(parts) - 1, 0, -1):
        above = coverage.row(".".join(parts[:n]))
        if above is not None:
            out.append(above)
    return out


def _place(cell: CoverageCell | None, plan: Plan) -> str | None:
    """The section of ``plan`` that responds to a unit: its best counterpart, or for a heading
    judged by its items (whose counterparts are the items') the section that holds it."""
    if cell is None or not cell.counterparts:
        return None
    section = cell.counterparts[0].section
    parent = section.rpartition(".")[0]
    if cell.basis is Basis.ITEMS and parent and plan.section(parent) is not None:
        return parent
    return section


def gap_section(coverage: Coverage, row: CoverageRow, plan: Plan) -> str:
    """The section of ``plan`` a comment on ``row``'s cell is anchored in (see the module's
    docstring)."""
    cell = row.cells.get(plan.id)
    own = _place(cell, plan)
    if cell is not None and cell.verdict is not Verdict.ABSENT and own is not None:
        return own
    for above in _ancestors(coverage, row):
        theirs = above.cells.get(plan.id)
        if theirs is not None and theirs.verdict is not Verdict.ABSENT:
            place = _place(theirs, plan)
            if place is not None:
                return place
    if own is not None:
        return own
    tops = [s for s in plan.sections if s.kind is not SectionKind.PREAMBLE] or plan.sections
    return tops[0].id


def coverage_reference(ref: Plan, row: CoverageRow, cell: CoverageCell) -> CoverageRef:
    """The cell of ``row`` (a unit of ``ref``), as a comment keeps it."""
    best = cell.counterparts[0].path if cell.counterparts else []
    return CoverageRef(
        plan=ref.id,
        plan_version=ref.meta.version,
        anchor=make_anchor(ref, row.section),
        verdict=cell.verdict.value,
        score=cell.score,
        basis=cell.basis.value,
        sentences=cell.sentences,
        found=cell.found,
        counterpart=list(best),
    )


def draft_for_gap(ref: Plan, row: CoverageRow, verdict: Verdict, lang: str = "zh") -> Draft:
    """A draft comment on how a plan takes up ``row`` of ``ref``, in ``lang``: for 未体现 a
    request to add it (补充), for 部分衔接 to complete it (补充); for 已衔接 no body (the
    reviewer says what they want); the reference plan's place as the reason."""
    title = plan_title(ref.meta, lang)
    place = path_place(row.path, lang)
    body = ""
    category = Category.AMEND
    if verdict is Verdict.ABSENT:
        body, category = t("gap_body_absent", lang, ref=title, unit=row.label), Category.ADD
    elif verdict is Verdict.PARTIAL:
        body, category = t("gap_body_partial", lang, ref=title, unit=row.label), Category.ADD
    return Draft(
        body=body,
        category=category.value,
        rationale=t("gap_rationale", lang, ref=title, place=place),
    )
