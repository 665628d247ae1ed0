"""The line over the compare rows: which plan is in which column, and 差异 x/y."""

from __future__ import annotations

from rich.text import Text

from plancompare.tui.widgets.pair_row import GUTTER, MIDDLE, column_widths


def bar_text(width: int, a: str, score: str, b: str, counter: str, on_one: bool) -> Text:
    """The bar for rows ``width`` cells wide: ``a`` over A's column, ``score`` over the middle,
    ``b`` over B's column and the counter at its right end (reversed when the selection is on
    a difference)."""
    a_width, b_width = column_widths(max(width, 20))
    bar = Text(" " * GUTTER)
    bar.append(a, style="bold")
    bar.align("left", GUTTER + a_width)
    middle = Text(score, style="dim")
    middle.align("center", MIDDLE - 2)
    right = Text(b, style="bold")
    shown = Text(counter, style="bold reverse" if on_one else "bold")
    right.align("left", max(b_width - shown.cell_len, 0))
    bar.append_text(Text.assemble("│", middle, "│", right, shown))
    return bar
