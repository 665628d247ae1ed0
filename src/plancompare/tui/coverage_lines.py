"""What the 衔接 view shows of a coverage: a row per unit of the reference plan indented as its
outline, a cell per plan (a mark that reads without colour, the verdict, the score), the
filters (verdict, plan, words of the heading path) and the cells comments are about."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from plancompare.coverage import CoverageCell, CoverageRow, Verdict
from plancompare.review.model import Comment, CoverageRef
from plancompare.tui.i18n import Labels
from plancompare.tui.widgets.diff_text import COMMENTED

#: A mark per verdict, so that cells read without colour (NO_COLOR, a printout).
MARKS = {Verdict.COVERED: "●", Verdict.PARTIAL: "◐", Verdict.ABSENT: "○"}
#: The verdict filter's choices, in the order ``v`` steps through them (None: all).
VERDICT_CHOICES: tuple[str | None, ...] = (None, "gaps", "absent", "partial", "covered")


def unit_indent(row: CoverageRow) -> str:
    """What the unit's label is indented by: two spaces a level below the top."""
    return "  " * (row.level - 1)


def cell_text(cell: CoverageCell | None, labels: Labels, commented: bool = False) -> str:
    """● 已衔接 0.82 — or the word that it is still being judged; ✎ first when a comment is
    about it."""
    mark = COMMENTED if commented else " "
    if cell is None:
        return f"{mark} {labels['coverage_cell_pending']}"
    verdict = labels[f"verdict_{cell.verdict.value}"]
    return f"{mark}{MARKS[cell.verdict]} {verdict} {cell.score:.2f}"


def verdicts_of(choice: str | None) -> set[Verdict] | None:
    """The verdicts a choice of the filter keeps (None: every one, and cells not judged)."""
    if choice is None:
        return None
    if choice == "gaps":
        return {Verdict.ABSENT, Verdict.PARTIAL}
    return {Verdict(choice)}


def kept_rows(
    rows: Sequence[CoverageRow],
    plan_ids: Sequence[str],
    verdicts: set[Verdict] | None,
    words: str = "",
) -> list[tuple[CoverageRow, bool]]:
    """The rows the filters keep, each with whether it matches: a row matches when one of
    ``plan_ids``' cells has one of ``verdicts`` and its heading path holds ``words``; the
    headings above a matching row are kept too (not matching), so that it is read in its
    place."""
    wanted = words.casefold()

    def matches(row: CoverageRow) -> bool:
        if wanted and not any(wanted in label.casefold() for label in row.path):
            return False
        if verdicts is None:
            return True
        cells = (row.cells.get(p) for p in plan_ids)
        return any(c is not None and c.verdict in verdicts for c in cells)

    matching = {row.section for row in rows if matches(row)}
    if verdicts is None and not wanted:
        return [(row, True) for row in rows]
    above = {
        ".".join(section.split(".")[:n])
        for section in matching
        for n in range(1, section.count(".") + 1)
    }
    return [(row, row.section in matching) for row in rows if row.section in matching | above]


def commented_cells(comments: Iterable[Comment], ref: str) -> set[tuple[str, str]]:
    """(unit of the reference plan, plan) of every cell a comment is about."""
    return {
        (c.reference.anchor.section, c.plan)
        for c in comments
        if isinstance(c.reference, CoverageRef)
        and c.reference.plan == ref
        and c.reference.anchor.section is not None
    }
