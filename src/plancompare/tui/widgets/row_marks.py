"""What to mark on each side of a row: the pair's diff, targets, comments, the cursor.

Pure functions from the workspace's data (comments, targets, diffs) to the offsets
:mod:`diff_text` styles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from plancompare.align.rows import CompareRow
from plancompare.model import Plan, Section
from plancompare.review.model import Comment
from plancompare.targets.extract import extract_targets
from plancompare.tui.widgets.diff_text import Span, side_marks
from plancompare.tui.widgets.pair_row import SideInput

if TYPE_CHECKING:
    from plancompare.align.diff import PairDiff

#: Comments or target spans by (plan id, section id).
BySection = dict[tuple[str, str], list[Comment]]


def comments_by_section(comments: Iterable[Comment]) -> BySection:
    """Comments grouped by the section they are anchored in."""
    grouped: BySection = defaultdict(list)
    for c in comments:
        if c.anchor.section is not None:
            grouped[(c.plan, c.anchor.section)].append(c)
    return dict(grouped)


def changed_sections(old: BySection, new: BySection) -> set[tuple[str, str]]:
    """The sections whose comment markers differ between two groupings."""

    def marks(comments: list[Comment]) -> list[tuple[str, str]]:
        return [(c.id, c.anchor.exact) for c in comments]

    return {k for k in old.keys() | new.keys() if marks(old.get(k, [])) != marks(new.get(k, []))}


def rows_showing(
    rows: list[CompareRow], a_id: str, b_id: str, sections: set[tuple[str, str]]
) -> list[int]:
    """Indexes of the rows that hold any of ``sections`` ((plan id, section id) pairs)."""
    return [
        i
        for i, row in enumerate(rows)
        if (row.a and (a_id, row.a.id) in sections) or (row.b and (b_id, row.b.id) in sections)
    ]


def comment_span(comment: Comment, text: str) -> Span | None:
    """Where a comment's quote is in ``text``: at its offsets if the text there is still the
    quote, else where the quote occurs; None for a comment on the whole section (or a
    quote no longer in the text)."""
    exact = comment.anchor.exact
    if not exact:
        return None
    position = comment.anchor.position
    if position is not None and text[position.start : position.end] == exact:
        return position.start, position.end
    at = text.find(exact)
    return (at, at + len(exact)) if at >= 0 else None


def target_spans(plan: Plan) -> dict[tuple[str, str], list[Span]]:
    """Where the wording of each target stated in the text is, by (plan id, section id)."""
    texts = {s.id: s.text for s in plan.walk()}
    spans: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for target in extract_targets(plan):
        wording = target.wording or target.quote
        if target.source != "text" or not wording:
            continue
        at = texts.get(target.section, "").find(wording)
        if at >= 0:
            spans[(plan.id, target.section)].append((at, at + len(wording)))
    return dict(spans)


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
