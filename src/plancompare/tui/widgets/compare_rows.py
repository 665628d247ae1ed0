"""The keys of the compare rows: move between rows, and through sentences inside one.

Outside a row, ↑/↓ (j/k) move the selection. Enter puts a sentence cursor in the row's
text: ↑/↓ then move by sentence (past a row's last or first sentence, into the next or
previous row's text), shift+↑/↓ (J/K) extend the selection, Tab goes to the other side, Esc
leaves the text. The footer shows the keys of the mode the rows are in.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from plancompare.align.sentence_cursor import SentenceCursor
from plancompare.tui.i18n import Labels, localize_bindings
from plancompare.tui.widgets.row_list import RowList, ViewOf


class CompareRows(RowList):
    """The compare rows with their keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "bind_up", show=False),
        Binding("down,j", "move(1)", "bind_down", show=False),
        Binding("shift+up,K", "extend(-1)", "bind_extend_up", show=False),
        Binding("shift+down,J", "extend(1)", "bind_extend", show=False),
        Binding("pageup", "page(-1)", "bind_page_up", show=False),
        Binding("pagedown", "page(1)", "bind_page_down", show=False),
        Binding("home", "jump(0)", "bind_first", show=False),
        Binding("end", "jump(-1)", "bind_last", show=False),
        Binding("enter", "sentences", "bind_sentences"),
        Binding("tab", "switch_side", "bind_switch_side"),
        Binding("escape", "leave", "bind_leave"),
    ]

    def __init__(self, labels: Labels, view_of: ViewOf, *, id: str | None = None) -> None:
        super().__init__(view_of, id=id)
        self.labels = labels

    def on_mount(self) -> None:
        localize_bindings(self, self.labels)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Without a sentence cursor, Tab and Esc keep their usual meaning (next widget, …);
        # with one, Enter has nothing more to do.
        if action in ("switch_side", "leave"):
            return self.cursor is not None
        if action == "sentences":
            return self.cursor is None and bool(self.rows)
        return True

    def first_cursor(self, index: int) -> SentenceCursor | None:
        """A cursor on the first sentence of the row's first side that has text."""
        for side in ("a", "b"):
            if self.sentences(index, side):
                return SentenceCursor(side, 0, 0)
        return None

    def action_move(self, delta: int) -> None:
        """The next or previous sentence with a cursor — past the row's last (first) one,
        the first (last) sentence of the next (previous) row with text — else the next or
        previous row."""
        if self.cursor is None:
            self.select(self.selected + delta)
            return
        count = len(self.sentences(self.selected, self.cursor.side))
        if 0 <= self.cursor.head + delta < count:
            self.select(self.selected, self.cursor.moved(delta, count))
            return
        i = self.selected + delta
        while 0 <= i < len(self.rows):
            for side in (self.cursor.side, "b" if self.cursor.side == "a" else "a"):
                n = len(self.sentences(i, side))
                if n:
                    at = 0 if delta > 0 else n - 1
                    self.select(i, SentenceCursor(side, at, at))
                    return
            i += delta  # a heading without text of its own: on to the next row

    def action_extend(self, delta: int) -> None:
        """Grow or shrink the selected run of sentences (starting a cursor if need be)."""
        if self.cursor is None:
            self.select(self.selected, self.first_cursor(self.selected))
            return
        count = len(self.sentences(self.selected, self.cursor.side))
        self.select(self.selected, self.cursor.extended(delta, count))

    def action_page(self, direction: int) -> None:
        """A page up or down."""
        self.select(self.row_a_page_away(direction))

    def action_jump(self, index: int) -> None:
        """The first or last row."""
        self.select(index if index >= 0 else len(self.rows) - 1)

    def action_sentences(self) -> None:
        """Put the sentence cursor in the selected row's text."""
        if self.cursor is None and self.rows:
            cursor = self.first_cursor(self.selected)
            if cursor is None:
                self.notify(self.labels["no_text"])
            self.select(self.selected, cursor)

    def action_switch_side(self) -> None:
        """Move the sentence cursor to the other side of the row."""
        if self.cursor is None:
            return
        other = "b" if self.cursor.side == "a" else "a"
        count = len(self.sentences(self.selected, other))
        if count:
            head = min(self.cursor.head, count - 1)
            self.select(self.selected, SentenceCursor(other, head, head))

    def action_leave(self) -> None:
        """Take the sentence cursor out of the text."""
        self.select(self.selected, None)
