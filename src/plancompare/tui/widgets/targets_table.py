"""The 指标 table: one row per indicator concept, a column per plan, filtered, sorted and
fitted to the width, every text wrapped in its column (never cut)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from plancompare.tui.i18n import Labels
from plancompare.tui.target_rows import (
    CONCEPT,
    SECTION,
    VERDICT,
    ConceptLine,
    plan_column,
    sort_lines,
)
from plancompare.tui.widgets.view_table import ViewTable
from plancompare.tui.widgets.wrap import break_offsets

#: A plan's column is at least / at most this wide (in terminal cells).
PLAN_MIN, PLAN_MAX = 10, 24
#: The concept column is at least / at most this wide.
CONCEPT_MIN, CONCEPT_MAX = 12, 40
SECTION_MIN, SECTION_MAX = 6, 14


def wrapped(text: str, width: int) -> Text:
    """``text`` broken into lines of at most ``width`` cells (Chinese between any two
    characters, punctuation kept off the start of a line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        flat = " ".join(paragraph.split())
        starts = [0, *break_offsets(flat, max(width, 2))]
        ends = [*starts[1:], len(flat)]
        lines += [flat[a:b].strip() for a, b in zip(starts, ends, strict=True)]
    return Text("\n".join(lines))


class TargetsTable(ViewTable):
    """Concepts × plans: the concept, its section, each plan's figures, the verdict."""

    def __init__(self, labels: Labels, *, id: str | None = None) -> None:
        super().__init__("bind_jump", id=id)
        self.labels = labels
        self.all_rows: list[ConceptLine] = []
        """Every row, in reading order."""
        self.shown: list[ConceptLine] = []
        """The rows on screen, filtered and sorted."""
        self.sort_column: str | None = None
        """The column sorted on, None for reading order."""
        self.descending = False
        """Whether the sort is reversed."""
        self.wanted = ""
        """Only concepts whose names contain this (case-folded) are shown."""
        self.plans: list[tuple[str, str]] = []
        """(id, name) of each plan, in the benchmark's order."""

    @property
    def columns_order(self) -> list[str]:
        """Column keys, left to right."""
        return [CONCEPT, SECTION, *(plan_column(p) for p, _ in self.plans), VERDICT]

    def load(self, rows: list[ConceptLine], plans: list[tuple[str, str]]) -> None:
        """Show new rows (the benchmark arrived, or comments changed)."""
        self.all_rows, self.plans = rows, plans
        self.redraw()

    def selected(self) -> ConceptLine | None:
        """The row under the cursor, if any."""
        n = self.cursor_row
        return self.shown[n] if self.shown and 0 <= n < len(self.shown) else None

    def headers(self) -> dict[str, str]:
        """Column headers in the interface's language."""
        t = self.labels
        heads = {
            CONCEPT: t["bench_concept"],
            SECTION: t["bench_section"],
            VERDICT: t["bench_verdict"],
        }
        for plan_id, name in self.plans:
            heads[plan_column(plan_id)] = name
        return heads

    def _matches(self, line: ConceptLine) -> bool:
        names = [line.row.concept, *(n for c in line.row.cells.values() for n in c.names)]
        return any(self.wanted in n.casefold() for n in names)

    def redraw(self, keep: bool = True) -> None:
        """Filter, sort and lay out the rows for the current width; the cursor stays on its
        row (``keep``) or, after a new sort or filter, goes to the top."""
        current = self.selected() if keep else None
        kept = [r for r in self.all_rows if self._matches(r)]
        self.shown = sort_lines(kept, self.sort_column, self.descending)
        headers = self.headers()
        widths = self._widths(headers)
        self.clear(columns=True)
        for column in self.columns_order:
            mark = ("▼" if self.descending else "▲") if column == self.sort_column else ""
            self.add_column(
                wrapped(headers[column] + mark, widths[column]), width=widths[column], key=column
            )
        ids = [p for p, _ in self.plans]
        for line in self.shown:
            texts = line.cells(ids, self.labels.lang)
            cells = [wrapped(texts[c], widths[c]) for c in self.columns_order]
            height = max(len(c.plain.split("\n")) for c in cells)
            self.add_row(*cells, key=line.key, height=height)
        if current is not None and current in self.shown:
            self.move_cursor(row=self.shown.index(current), animate=False)
        else:
            self.move_cursor(row=0, animate=False)
            self.scroll_home(animate=False)

    def _widths(self, headers: dict[str, str]) -> dict[str, int]:
        """Widths that fill the table: each plan's column as wide as its figures need (within
        limits), the verdict as wide as its words, the section narrow, the concept the rest."""
        width = self.size.width or self.app.size.width or 120
        columns = self.columns_order
        total = width - 2 - 2 * len(columns)  # the scrollbar, one cell of padding each side
        lang = self.labels.lang
        ids = [p for p, _ in self.plans]
        texts = [r.cells(ids, lang) for r in self.all_rows]

        def need(column: str) -> int:
            lines = [line for t in texts for line in t[column].split("\n")]
            return max([cell_len(headers[column]) + 1, *(cell_len(line) for line in lines)])

        widths = {
            VERDICT: need(VERDICT),
            SECTION: min(max(need(SECTION), SECTION_MIN), SECTION_MAX),
        }
        share = (total - widths[VERDICT] - widths[SECTION] - CONCEPT_MIN) // max(len(ids), 1)
        for plan_id in ids:
            column = plan_column(plan_id)
            widths[column] = max(PLAN_MIN, min(need(column), PLAN_MAX, share))
        rest = total - sum(widths.values())
        widths[CONCEPT] = max(CONCEPT_MIN, min(CONCEPT_MAX, rest))
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
        order: list[str | None] = [None, *self.columns_order]
        self.sort_on(order[(order.index(self.sort_column) + 1) % len(order)])

    def filter_on(self, text: str) -> None:
        """Show only concepts whose names contain ``text``."""
        self.wanted = text.casefold()
        self.redraw(keep=False)
