"""The benchmark table of the targets view: rows filtered, sorted and fitted to the width."""

from __future__ import annotations

from rich.cells import cell_len

from plancompare.tui.i18n import Labels
from plancompare.tui.target_rows import COLUMNS, TargetRow, sort_rows
from plancompare.tui.widgets.view_table import ViewTable, fit


class TargetsTable(ViewTable):
    """Targets side by side: indicator, A and B value·year, difference, scope words.

    Cells are cut to their column with an ellipsis, measured in terminal cells (a Chinese
    character takes two), so the columns line up and never run over at 80 columns.
    """

    def __init__(self, labels: Labels, *, id: str | None = None) -> None:
        super().__init__("bind_jump", id=id)
        self.labels = labels
        self.all_rows: list[TargetRow] = []
        """Every row, in reading order."""
        self.shown: list[TargetRow] = []
        """The rows on screen, filtered and sorted."""
        self.sort_column: str | None = None
        """The column sorted on (one of COLUMNS), None for reading order."""
        self.descending = False
        """Whether the sort is reversed."""
        self.wanted = ""
        """Only indicators containing this (case-folded) are shown."""
        self.names = ("A", "B")
        """The plans' names (region, else id), for the headers."""

    def load(self, rows: list[TargetRow], names: tuple[str, str]) -> None:
        """Show new rows (the benchmark arrived)."""
        self.all_rows, self.names = rows, names
        self.redraw()

    def selected(self) -> TargetRow | None:
        """The row under the cursor, if any."""
        n = self.cursor_row
        return self.shown[n] if self.shown and 0 <= n < len(self.shown) else None

    def headers(self) -> dict[str, str]:
        """Column headers in the interface's language."""
        t = self.labels
        return {
            "indicator": t["col_indicator"],
            "a": t["col_target"].format(plan=self.names[0]),
            "b": t["col_target"].format(plan=self.names[1]),
            "difference": t["col_difference"],
            "scope": t["col_scope"],
        }

    def redraw(self, keep: bool = True) -> None:
        """Filter, sort and lay out the rows for the current width; the cursor stays on its
        row (``keep``) or, after a new sort or filter, goes to the top."""
        current = self.selected() if keep else None
        kept = [r for r in self.all_rows if self.wanted in r.indicator_text.casefold()]
        self.shown = sort_rows(kept, self.sort_column, self.descending)
        headers = self.headers()
        widths = self._widths(headers)
        self.clear(columns=True)
        for column in COLUMNS:
            mark = ("▼" if self.descending else "▲") if column == self.sort_column else ""
            width = widths[column]
            self.add_column(fit(headers[column] + mark, width), width=width, key=column)
        for row in self.shown:
            cells = row.cells(self.labels, *self.names)
            self.add_row(*(fit(cells[c], widths[c]) for c in COLUMNS), key=row.key)
        if current is not None and current in self.shown:
            self.move_cursor(row=self.shown.index(current), animate=False)
        else:
            self.move_cursor(row=0, animate=False)
            self.scroll_home(animate=False)

    def _widths(self, headers: dict[str, str]) -> dict[str, int]:
        """Widths that fill the table: values and difference as wide as they and their headers
        need (within limits), the indicator up to 30 cells, the scope what is left."""
        width = self.size.width or self.app.size.width or 120
        total = width - 2 - 2 * len(COLUMNS)  # the scrollbar, one cell of padding each side
        need = {
            c: max([cell_len(headers[c]) + 1, *(r.width(c) for r in self.all_rows)])
            for c in ("a", "b")
        }
        widths = {
            "a": min(max(need["a"], 10), 16),
            "b": min(max(need["b"], 10), 16),
            "difference": max(8, cell_len(headers["difference"]) + 1),
        }
        rest = total - sum(widths.values())
        widths["indicator"] = max(12, min(30, rest * 6 // 10))
        widths["scope"] = max(8, rest - widths["indicator"])
        return widths

    def sort_on(self, column: str | None, toggle: bool = False) -> None:
        """Sort on ``column`` (``toggle``: the same column again reverses the order)."""
        if toggle and column == self.sort_column:
            self.descending = not self.descending
        else:
            self.sort_column, self.descending = column, False
        self.redraw(keep=False)

    def sort_next(self) -> None:
        """Sort on the next column (reading order after the last)."""
        order: list[str | None] = [None, *COLUMNS]
        self.sort_on(order[(order.index(self.sort_column) + 1) % len(order)])

    def filter_on(self, text: str) -> None:
        """Show only indicators containing ``text``."""
        self.wanted = text.casefold()
        self.redraw(keep=False)
