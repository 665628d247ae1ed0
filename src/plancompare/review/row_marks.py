"""What marks the sections of a compare row besides the pair's diff: the comments anchored
in them (and where each one's quote is), and the wording of their targets; which rows show
which sections.

Pure functions from a review session's data (comments, plans, rows) to offsets in a
section's ``text``; the TUI styles them (``tui.widgets.diff_text``), another front end may
list them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from plancompare.align.highlight import Span
from plancompare.align.rows import CompareRow
from plancompare.model import Plan
from plancompare.review.model import Comment
from plancompare.targets.extract import extract_targets

#: Comments by the (plan id, section id) they are anchored in.
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
