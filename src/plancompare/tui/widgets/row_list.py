"""The scrolling list of compare rows, drawn line by line (only what is on screen).

A widget per row would be simplest, but a plan of a thousand items makes thousands of
widgets that Textual lays out on every change; this one keeps each row's height (from
the cheap :mod:`wrap`) and renders a row only when one of its lines is on screen.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from plancompare.align.rows import CompareRow
from plancompare.align.sentence_cursor import SentenceCursor
from plancompare.text.sentences import Sentence, split_sentences
from plancompare.tui.widgets.diff_text import Palette
from plancompare.tui.widgets.pair_row import RowStyles, RowView, render_row, row_height

#: Builds the view of row ``i`` (given the cursor, if that row has it).
ViewOf = Callable[[int, SentenceCursor | None], RowView]

_PARTS = (
    "label", "dim", "selected", "gutter", "tint-a", "tint-b", "words-a", "words-b", "number",
    "unmatched", "target", "comment", "cursor", "marker", "same", "named", "search",
)  # fmt: skip


class RowList(ScrollView, can_focus=True):
    """Rows of A | score | B; one row is selected, and may have a sentence cursor
    (the keys that move them are in :class:`~.compare_rows.CompareRows`)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"row-list--{p}" for p in _PARTS}

    class Moved(Message):
        """The selected row or the sentence cursor changed."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Resized(Message):
        """The rows' width changed (the outline was shown or hidden, the terminal resized)."""

    def __init__(self, view_of: ViewOf, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view_of = view_of
        self.rows: list[CompareRow] = []
        self.selected = 0
        self.cursor: SentenceCursor | None = None
        self._width = 0
        self._heights: list[int] = []
        self._tops: list[int] = [0]
        self._views: dict[int, RowView] = {}
        self._strips: dict[int, tuple[list[Strip], int | None]] = {}
        self._sentences: dict[tuple[int, str], list[Sentence]] = {}
        self._styles: RowStyles | None = None
        #: Shown while there are no rows yet.
        self.empty_text = ""

    # --- what is shown ----------------------------------------------------------------------

    def show(self, rows: list[CompareRow]) -> None:
        """Show new rows, the first selected."""
        self.rows, self.selected, self.cursor = rows, 0, None
        self.refresh_bindings()  # keys that need rows (or a cursor) show, or no longer
        self._sentences.clear()
        self.changed()

    def changed(self, *rows: int) -> None:
        """Rows ``rows`` (all when none are given) must be drawn again."""
        if not rows or not self._heights:
            self._views.clear()
            self._strips.clear()
            self._layout()
        else:
            for i in rows:
                self._views.pop(i, None)
                self._strips.pop(i, None)
            if any(self._height(i) != self._heights[i] for i in rows):
                self._layout()
        self.refresh()

    def sentences(self, index: int, side: str) -> list[Sentence]:
        """The sentences of a row's unit of A (``side`` "a") or B."""
        key = (index, side)
        if key not in self._sentences:
            row = self.rows[index]
            unit = row.a if side == "a" else row.b
            shown = row.shows_a if side == "a" else row.shows_b
            self._sentences[key] = split_sentences(unit.text) if unit and shown else []
        return self._sentences[key]

    @property
    def row_styles(self) -> RowStyles:
        """The row styles, from this widget's CSS component classes."""
        if self._styles is None:

            def get(name: str) -> Style:
                return self.get_component_rich_style(f"row-list--{name}", partial=True)

            def palette(s: str) -> Palette:
                return Palette(
                    get(f"tint-{s}"), get(f"words-{s}"), get("number"), get("unmatched"),
                    get("target"), get("comment"), get("cursor"), get("marker"), get("same"),
                    get("named"), get("search"),
                )  # fmt: skip

            self._styles = RowStyles(
                palette("a"), palette("b"), get("label"), get("dim"), get("selected"), get("gutter")
            )
        return self._styles

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._views.clear()
        self._strips.clear()

    def _view(self, i: int) -> RowView:
        if i not in self._views:
            self._views[i] = self.view_of(i, self.cursor if i == self.selected else None)
        return self._views[i]

    def _row_strips(self, i: int) -> tuple[list[Strip], int | None]:
        """Row ``i`` drawn (cached), and the line its sentence cursor starts on."""
        if i not in self._strips:
            self._strips[i] = render_row(
                self._view(i), self._width, self.app.console, i == self.selected, self.row_styles
            )
        return self._strips[i]

    def _height(self, i: int) -> int:
        return row_height(self._view(i), self._width)

    def _layout(self) -> None:
        self._width = max(self.scrollable_content_region.width, 20)
        self._heights = [self._height(i) for i in range(len(self.rows))]
        self._tops = [0]
        for h in self._heights:
            self._tops.append(self._tops[-1] + h)
        self.virtual_size = Size(self._width, self._tops[-1])

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width and self.rows:
            self._strips.clear()
            self._layout()
            self.scroll_to_selected()
        self.post_message(self.Resized())

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        i = bisect.bisect_right(self._tops, line) - 1
        if not 0 <= i < len(self.rows):
            if not self.rows and line == 0 and self.empty_text:
                text = Text(f" {self.empty_text}")
                strip = Strip(text.render(self.app.console))
                # Every segment needs a style (the monochrome filter of NO_COLOR reads it).
                return strip.crop_extend(0, self.size.width, None).apply_style(
                    self.rich_style + Style(dim=True)
                )
            return Strip.blank(self.size.width, self.rich_style)
        strips, _ = self._row_strips(i)
        strip = strips[min(line - self._tops[i], len(strips) - 1)]
        return strip.crop_extend(0, self.size.width, self.rich_style).apply_style(self.rich_style)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """What Ctrl+C copies after a mouse selection over the rows: the selected row's text,
        A's unit then B's. The rows are drawn line by line without character offsets, so
        Textual can only tell that this widget was selected, not which characters."""
        if not self.rows:
            return None
        row = self.rows[self.selected]
        sides = ((row.a, row.shows_a), (row.b, row.shows_b))
        text = "\n\n".join(f"{s.label}\n{s.text}".rstrip() for s, shown in sides if s and shown)
        return text, "\n"

    def on_click(self, event: Click) -> None:
        i = bisect.bisect_right(self._tops, self.scroll_offset.y + event.y) - 1
        if 0 <= i < len(self.rows):
            self.focus()
            self.select(i)

    # --- selection ---------------------------------------------------------------------------

    def select(
        self, index: int, cursor: SentenceCursor | None = None, *, jump: bool = False
    ) -> None:
        """Select row ``index`` (with a sentence cursor, or none) and bring it into view;
        ``jump`` (a search hit, a difference, another view's place): near the top, the
        cursor's line with one line above it, rather than just inside the edge."""
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        mode_changed = (cursor is None) != (self.cursor is None)
        old, self.selected, self.cursor = self.selected, index, cursor
        self.changed(old, index)
        if mode_changed:
            self.refresh_bindings()  # the footer shows the keys of the sentence mode, or not
        self.scroll_to_selected(top=jump)
        self.post_message(self.Moved(index))

    def scroll_to_selected(self, top: bool = False) -> None:
        """Bring the selected row (or the cursor's line in a tall row) into view; ``top``:
        to the top of the view."""
        i, view_height = self.selected, self.scrollable_content_region.height
        if i >= len(self._heights):
            return
        row_top, height = self._tops[i], self._heights[i]
        _, cursor_line = self._row_strips(i)
        if cursor_line is not None and (height > view_height or top):
            row_top, height = row_top + max(cursor_line - 1, 0), 3
        region = Region(0, row_top, self._width, min(height, view_height))
        self.scroll_to_region(region, animate=False, immediate=True, force=True, top=top)

    def selected_line(self) -> int:
        """The line (of all the rows) the sentence cursor starts on, else the selected row's
        first line."""
        i = self.selected
        _, cursor_line = self._row_strips(i)
        return self._tops[i] + (cursor_line or 0)

    def shows_line(self, line: int) -> bool:
        """Whether line ``line`` (of all the rows) is on screen."""
        top = self.scroll_offset.y
        return top <= line < top + self.scrollable_content_region.height

    def row_a_page_away(self, direction: int) -> int:
        """The row a page up or down from the selected one."""
        line = self._tops[self.selected] + direction * self.scrollable_content_region.height
        return max(0, min(bisect.bisect_right(self._tops, line) - 1, len(self.rows) - 1))
