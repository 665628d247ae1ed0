"""Everything to mark on one side of a compare row, gathered for the row widget: the pair's
semantic highlight, targets, comments (from :mod:`plancompare.review.row_marks`), search
hits and the cursor."""

from __future__ import annotations

from dataclasses import dataclass, field

from plancompare.align.highlight import PairHighlight, SentenceKind, Span
from plancompare.model import Section
from plancompare.plan.search import occurrences
from plancompare.review.row_marks import BySection, comment_span
from plancompare.tui.widgets.diff_text import NameDifference, side_marks
from plancompare.tui.widgets.pair_row import SideInput


@dataclass(slots=True)
class MarkSources:
    """What the compare view knows besides a row's highlight: comments, targets, the search."""

    comments: BySection = field(default_factory=dict)
    """Comments by (plan id, section id)."""
    targets: dict[tuple[str, str], list[Span]] = field(default_factory=dict)
    """Target wordings by (plan id, section id)."""
    name: NameDifference | None = None
    """Words a difference after its figure."""
    search: str = ""
    """The search term whose hits are marked ("" for none)."""


def side_input(
    plan_id: str,
    section: Section | None,
    side: str,
    highlight: PairHighlight | None,
    sources: MarkSources,
    cursor: Span | None = None,
    detail: bool = True,
) -> SideInput:
    """Everything to mark on one side of a row (``detail``: colour the differences)."""
    marks = side_marks(highlight, side, detail, sources.name)
    if section is None:
        return SideInput(marks)
    key = (plan_id, section.id)
    marks.targets = sources.targets.get(key, [])
    marks.search = occurrences(section.text, sources.search) if sources.search else []
    whole = 0
    for comment in sources.comments.get(key, []):
        span = comment_span(comment, section.text)
        if span is None:
            whole += 1
        else:
            marks.comments.append(span)
    marks.cursor = cursor
    return SideInput(marks, whole, excerpt(highlight, side))


def excerpt(highlight: PairHighlight | None, side: str) -> list[Span]:
    """The sentences of a side to show even where the row only points at its unit (〃): those
    stating a differing target, and near-identical ones whose words changed."""
    if highlight is None:
        return []
    words = highlight.side_words(side)
    return [
        (s.start, s.end)
        for s in highlight.side_sentences(side)
        if s.kind is SentenceKind.TARGET or any(s.start <= w < s.end for w, _ in words)
    ]
