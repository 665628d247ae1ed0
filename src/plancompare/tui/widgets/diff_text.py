"""One side of a compared pair as styled text: differences, targets, comments, the cursor.

Two intensities and a marker that reads without colour: a differing sentence is tinted,
its differing words are in a stronger colour AND underlined (a changed figure also bold
and reversed); a sentence without a partner in the pair opens with ◇ (◆ when nothing
like it is anywhere in the other plan); a commented span opens with ✎ and is underlined
in the comment colour; the sentence cursor is reversed. Only the selected row is
coloured; the others keep just their markers. Pure functions of their inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from plancompare.review.row_marks import Span
from plancompare.text.numbers import find_numbers

if TYPE_CHECKING:
    from plancompare.align.diff import PairDiff

#: Opens a sentence with no partner in the pair / none anywhere in the other plan.
UNMATCHED, NOWHERE = "◇", "◆"
#: Opens a commented span.
COMMENTED = "✎"


@dataclass(slots=True, frozen=True)
class Palette:
    """The styles of one side (the widget fills it from its CSS component classes)."""

    tint: Style = field(default_factory=lambda: Style(bgcolor="grey23"))
    """A sentence of a group that differs."""
    words: Style = field(default_factory=lambda: Style(color="yellow", underline=True))
    """The words that differ."""
    number: Style = field(default_factory=lambda: Style(bold=True, reverse=True))
    """A figure that differs (added on top of ``words``)."""
    unmatched: Style = field(default_factory=lambda: Style(italic=True, bgcolor="grey19"))
    """A sentence with no partner in the pair."""
    target: Style = field(default_factory=lambda: Style(bold=True))
    """The wording of a target."""
    comment: Style = field(default_factory=lambda: Style(color="magenta", underline=True))
    """A commented span."""
    cursor: Style = field(default_factory=lambda: Style(reverse=True))
    """The sentences under the sentence cursor."""
    marker: Style = field(default_factory=lambda: Style(color="magenta", bold=True))
    """The ◇ ◆ ✎ markers."""


@dataclass(slots=True)
class SideMarks:
    """What to mark in one side's text; every offset indexes the section's ``text``."""

    changed: list[Span] = field(default_factory=list)
    """Sentences of groups whose words differ."""
    words: list[Span] = field(default_factory=list)
    """Differing words."""
    numbers: list[Span] = field(default_factory=list)
    """Figures among the differing words."""
    unmatched: list[tuple[int, int, bool]] = field(default_factory=list)
    """Sentences with no partner in the pair, and whether none is in the other plan."""
    targets: list[Span] = field(default_factory=list)
    """Wording of targets."""
    comments: list[Span] = field(default_factory=list)
    """Commented spans."""
    cursor: Span | None = None
    """The sentences under the cursor."""
    detail: bool = True
    """Colour the differences (the selected row); else only their markers show, so that a
    row keeps its height and the rows around the selected one stay quiet."""


def side_marks(diff: PairDiff | None, side: str, detail: bool = True) -> SideMarks:
    """The differences of ``diff`` as seen from side ``a`` or ``b``."""
    marks = SideMarks(detail=detail)
    if diff is None:
        return marks
    text = diff.a.text if side == "a" else diff.b.text
    for group in diff.groups:
        sentences = group.a if side == "a" else group.b
        if not sentences:
            continue
        if not group.a or not group.b:
            # A responsibility note without a partner is not a difference worth a marker.
            marks.unmatched.extend((s.start, s.end, group.nowhere) for s in sentences if not s.note)
            continue
        ops = [op for op in group.ops if op.kind != "equal"]
        if not ops:
            continue
        marks.changed.append((sentences[0].start, sentences[-1].end))
        for op in ops:
            start, end = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
            if end <= start:
                continue
            marks.words.append((start, end))
            if op.number:  # only the figures themselves, not the words around them
                found = find_numbers(text[start:end])
                marks.numbers.extend((start + n.start, start + n.end) for n in found)
    return marks


def _inserts(marks: SideMarks) -> list[tuple[int, str]]:
    """The one-character markers and the offsets they go before, in order."""
    inserts = [(s, NOWHERE if nowhere else UNMATCHED) for s, _, nowhere in marks.unmatched]
    inserts += [(s, COMMENTED) for s, _ in marks.comments]
    return sorted(inserts, key=lambda p: p[0])


def shifted(marks: SideMarks, offset: int) -> int:
    """Where offset ``offset`` of the section's text is in the text :func:`side_text` makes."""
    return offset + sum(1 for at, _ in _inserts(marks) if at <= offset)


def side_text(text: str, marks: SideMarks, palette: Palette, base: Style | None = None) -> Text:
    """``text`` styled with ``marks``; markers are inserted (see :func:`shifted`)."""
    out = Text(text, style=base or Style())
    for start, end in marks.targets:
        out.stylize(palette.target, start, end)
    if marks.detail:
        for start, end in marks.changed:
            out.stylize(palette.tint, start, end)
        for start, end, _ in marks.unmatched:
            out.stylize(palette.unmatched, start, end)
        for start, end in marks.words:
            out.stylize(palette.words, start, end)
        for start, end in marks.numbers:
            out.stylize(palette.number, start, end)
    for start, end in marks.comments:
        out.stylize(palette.comment, start, end)
    if marks.cursor is not None:
        out.stylize(palette.cursor, *marks.cursor)
    inserts = _inserts(marks)
    if not inserts:
        return out
    pieces = out.divide(at for at, _ in inserts)
    result = pieces[0]
    for (_, marker), piece in zip(inserts, pieces[1:], strict=True):
        result.append(marker, palette.marker)
        result.append_text(piece)
    return result
