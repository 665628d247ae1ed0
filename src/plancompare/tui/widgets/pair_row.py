"""One compare row as lines of the screen: A's text | score and kind | B's text.

``row_view`` says what a row shows (the unit's label and styled text, or 〃 for a unit
repeated from the row above, 见上 for a unit of B shown earlier, （无对应） for a missing
counterpart); ``render_row`` wraps both sides to their columns and lays them side by side.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from plancompare.align.rows import CompareRow, RowKind
from plancompare.model import Section
from plancompare.tui.i18n import Labels
from plancompare.tui.widgets.diff_text import (
    COMMENTED,
    Palette,
    SideMarks,
    shifted,
    side_text,
)
from plancompare.tui.widgets.wrap import break_offsets, wrap_text

GUTTER = 1
"""Cells left of A's column: ▌ on the selected row."""
MIDDLE = 8
"""Cells of the middle column, bars included: │ 0.92 │."""


@dataclass(slots=True, frozen=True)
class RowStyles:
    """Styles of a row (filled from the widget's CSS component classes)."""

    a: Palette = field(default_factory=Palette)
    """Marks on A's side."""
    b: Palette = field(default_factory=Palette)
    """Marks on B's side."""
    label: Style = field(default_factory=lambda: Style(bold=True))
    """A unit's heading."""
    dim: Style = field(default_factory=lambda: Style(dim=True))
    """Placeholders, context headings, score, separators."""
    selected: Style = field(default_factory=lambda: Style(bgcolor="grey15"))
    """The selected row's background."""
    gutter: Style = field(default_factory=lambda: Style(color="blue", bold=True))
    """The ▌ left of the selected row."""


@dataclass(slots=True)
class RowView:
    """What one row shows."""

    a: Text
    """A's side: label line, then text."""
    b: Text
    """B's side."""
    middle: list[Text]
    """Lines of the middle column (score, link kind)."""
    cursor: tuple[str, int, int] | None = None
    """Side, and the offsets in that side's text where the sentence cursor starts and ends."""


@dataclass(slots=True)
class SideInput:
    """One side of a row, as the widget knows it."""

    marks: SideMarks
    """Differences, targets, comments, cursor."""
    whole_comments: int = 0
    """Comments on the whole section (shown as ✎ after the label)."""
    excerpt: list[tuple[int, int]] = field(default_factory=list)
    """Sentences shown even where the row only points at the unit (〃): the differing ones."""


def _side(
    section: Section | None,
    shown: bool,
    kind: RowKind,
    side: SideInput,
    styles: RowStyles,
    palette: Palette,
    labels: Labels,
    other_row: bool,
) -> tuple[Text, int]:
    """A side's text and the offset where the section's own text starts in it."""
    if section is None:
        return Text(labels["no_counterpart"], style=styles.dim + Style(italic=True)), 0
    if not shown:
        if other_row:  # a further partner of the unit of A in the row above
            out = Text(labels["ditto"], style=styles.dim)
        else:
            out = Text(labels["seen_above"].format(label=section.label), style=styles.dim)
        if side.excerpt:
            # What differs is shown here too, so that both figures are on screen at once.
            full = side_text(section.text, side.marks, palette)
            for start, end in side.excerpt:
                out.append("\n")
                out.append_text(full[shifted(side.marks, start) : shifted(side.marks, end)])
        return out, 0
    out = Text(section.label, style=styles.dim if kind is RowKind.CONTEXT else styles.label)
    if side.whole_comments:
        out.append(f" {COMMENTED}{side.whole_comments}", palette.marker)
    if not section.text.strip() and not section.tables:
        return out, len(out)
    out.append("\n")
    body_at = len(out)
    out.append_text(side_text(section.text, side.marks, palette))
    for table in section.tables:
        for cells in [table.header, *table.rows]:
            out.append("\n" + " │ ".join(cells), styles.dim)
    return out, body_at


def row_view(
    row: CompareRow,
    a: SideInput,
    b: SideInput,
    styles: RowStyles,
    labels: Labels,
    cursor: tuple[str, int, int] | None = None,
) -> RowView:
    """What ``row`` shows; ``cursor`` is the side and section offsets of the sentence cursor."""
    a_text, a_at = _side(row.a, row.shows_a, row.kind, a, styles, styles.a, labels, True)
    b_text, b_at = _side(row.b, row.shows_b, row.kind, b, styles, styles.b, labels, False)
    middle: list[Text] = []
    if row.link is not None:
        middle = [Text(f"{row.link.score:.2f}", style=styles.dim)]
        middle.append(Text(labels["kind_" + row.link.kind], style=styles.dim))
    elif row.unmatched:
        middle = [Text("—", style=styles.dim)]
    at = None
    if cursor is not None:
        side, start, end = cursor
        marks = (a if side == "a" else b).marks
        body_at = a_at if side == "a" else b_at
        at = (side, body_at + shifted(marks, start), body_at + shifted(marks, end - 1))
    return RowView(a_text, b_text, middle, at)


def column_widths(width: int) -> tuple[int, int]:
    """Widths of A's and B's columns in a row ``width`` cells wide."""
    a_width = max((width - GUTTER - MIDDLE) // 2, 4)
    return a_width, max(width - GUTTER - MIDDLE - a_width, 4)


def row_height(view: RowView, width: int) -> int:
    """How many lines :func:`render_row` makes of ``view`` (without rendering it)."""
    a_width, b_width = column_widths(width)
    a = len(break_offsets(view.a.plain, a_width)) + 1
    b = len(break_offsets(view.b.plain, b_width)) + 1
    return max(a, b, len(view.middle)) + 1


def render_row(
    view: RowView, width: int, console: Console, selected: bool, styles: RowStyles
) -> tuple[list[Strip], int | None]:
    """The row's lines at ``width`` cells, a separator line last; and the line the
    sentence cursor starts on, if any. The bar beside the cursor's lines turns into an
    arrow pointing at them (◀ for A, ▶ for B), which reads without colour."""
    a_width, b_width = column_widths(width)
    a_lines, a_starts = wrap_text(view.a, a_width)
    b_lines, b_starts = wrap_text(view.b, b_width)
    height = max(len(a_lines), len(b_lines), len(view.middle))
    base = styles.selected if selected else Style()
    gutter = Text("▌" if selected else " ", style=styles.gutter)
    bar = Text("│", style=styles.dim)
    pointed: range = range(0)
    cursor_line = None
    if view.cursor is not None:
        side, start, last = view.cursor
        starts = a_starts if side == "a" else b_starts
        cursor_line = bisect.bisect_right(starts, start) - 1
        pointed = range(cursor_line, bisect.bisect_right(starts, last))
    strips = []
    for i in range(height):
        left = right = bar
        if i in pointed:
            arrow = Text("◀" if view.cursor and view.cursor[0] == "a" else "▶", styles.gutter)
            left, right = (arrow, bar) if view.cursor and view.cursor[0] == "a" else (bar, arrow)
        a_line = a_lines[i].copy() if i < len(a_lines) else Text()
        b_line = b_lines[i].copy() if i < len(b_lines) else Text()
        mid = view.middle[i].copy() if i < len(view.middle) else Text()
        a_line.align("left", a_width)
        b_line.align("left", b_width)
        mid.align("center", MIDDLE - 2)
        line = Text.assemble(gutter, a_line, left, mid, right, b_line, style=base)
        strips.append(Strip(line.render(console), width))
    rule = Text("─" * a_width + "┼" + "─" * (MIDDLE - 2) + "┼" + "─" * b_width, styles.dim)
    strips.append(Strip(Text.assemble(" ", rule).render(console), width))
    return strips, cursor_line
