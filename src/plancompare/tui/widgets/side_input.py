"""Everything to mark on one side of a compare row, gathered for the row widget: the pair's
diff, targets, comments (from :mod:`plancompare.review.row_marks`) and the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancompare.model import Section
from plancompare.review.row_marks import BySection, Span, comment_span
from plancompare.tui.widgets.diff_text import side_marks
from plancompare.tui.widgets.pair_row import SideInput

if TYPE_CHECKING:
    from plancompare.align.diff import PairDiff


def side_input(
    plan_id: str,
    section: Section | None,
    side: str,
    diff: PairDiff | None,
    comments: BySection,
    targets: dict[tuple[str, str], list[Span]],
    cursor: Span | None = None,
    detail: bool = True,
) -> SideInput:
    """Everything to mark on one side of a row (``detail``: colour the differences)."""
    marks = side_marks(diff, side, detail)
    if section is None:
        return SideInput(marks)
    key = (plan_id, section.id)
    marks.targets = targets.get(key, [])
    whole = 0
    for comment in comments.get(key, []):
        span = comment_span(comment, section.text)
        if span is None:
            whole += 1
        else:
            marks.comments.append(span)
    marks.cursor = cursor
    return SideInput(marks, whole)
