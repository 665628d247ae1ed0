"""The 衔接 table: the reference plan's units as rows, a column per plan with its verdict, a
cell cursor (the plan is the column), fitted to the width."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from plancompare.coverage import CoverageRow, Verdict
from plancompare.tui.coverage_lines import cell_text, unit_indent
from plancompare.tui.i18n import Labels
from plancompare.tui.widgets.view_table import ViewTable, fit

UNIT = "unit"
#: The unit column is at least this wide (the table scrolls sideways below it).
UNIT_MIN = 16


def plan_column(plan_id: str) -> str:
    """The key of a plan's column."""
    return f"plan:{plan_id}"


class CoverageTable(ViewTable):
    """Units × plans; the cursor is on a cell of a plan's column (never on the unit)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "coverage-table--covered",
        "coverage-table--partial",
        "coverage-table--absent",
        "coverage-table--pending",
        "coverage-table--context",
    }

    def __init__(self, labels: Labels, *, id: str | None = None) -> None:
        super().__init__("bind_open_compare", id=id)
        self.cursor_type = "cell"
        self.labels = labels
        self.shown: list[tuple[CoverageRow, bool]] = []
        """The rows on screen, each with whether it matches the filters (False: a heading
        kept to place the rows under it)."""
        self.plans: list[tuple[str, str]] = []
        """(id, name) of each plan whose column is shown."""
        self.commented: set[tuple[str, str]] = set()
        """(unit, plan) of the cells a comment is about."""

    def load(
        self,
        rows: list[tuple[CoverageRow, bool]],
        plans: list[tuple[str, str]],
        commented: set[tuple[str, str]],
    ) -> None:
        """Show these rows and plans, the cursor kept on its unit and plan when they still
        show."""
        self.shown, self.plans, self.commented = rows, plans, commented
        self.redraw()

    def selected(self) -> tuple[CoverageRow, str] | None:
        """The unit and the plan of the cell under the cursor."""
        if not self.shown or not self.plans:
            return None
        row, column = self.cursor_coordinate
        if not 0 <= row < len(self.shown):
            return None
        plan = self.plans[min(max(column - 1, 0), len(self.plans) - 1)]
        return self.shown[row][0], plan[0]

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"coverage-table--{name}", partial=True)

    def redraw(self) -> None:
        """Lay the rows out for the current width."""
        current = self.selected()
        widths = self._widths()
        self.clear(columns=True)
        self.add_column(
            fit(self.labels["col_ref_unit"], widths[UNIT]), width=widths[UNIT], key=UNIT
        )
        for plan_id, name in self.plans:
            key = plan_column(plan_id)
            self.add_column(fit(name, widths[key]), width=widths[key], key=key)
        for row, matching in self.shown:
            indent = unit_indent(row)
            unit = Text(indent) + fit(row.label, widths[UNIT] - len(indent))
            if not matching:
                unit.stylize(self._style("context"))
            cells = [unit]
            for plan_id, _ in self.plans:
                cell = row.cells.get(plan_id)
                commented = (row.section, plan_id) in self.commented
                text = Text(cell_text(cell, self.labels, commented), no_wrap=True)
                if cell is None:
                    text.stylize(self._style("pending"))
                elif matching:
                    text.stylize(self._style(_STYLE_OF[cell.verdict]))
                else:
                    text.stylize(self._style("context"))
                cells.append(text)
            self.add_row(*cells, key=row.section)
        self._put_cursor(current)

    def _put_cursor(self, current: tuple[CoverageRow, str] | None) -> None:
        rows = [row.section for row, _ in self.shown]
        plans = [p for p, _ in self.plans]
        if current is not None and current[0].section in rows:
            at = rows.index(current[0].section)
            column = plans.index(current[1]) + 1 if current[1] in plans else 1
            self.move_cursor(row=at, column=column, animate=False)
        else:
            self.move_cursor(row=0, column=1, animate=False)
            self.scroll_home(animate=False)

    def _widths(self) -> dict[str, int]:
        """Each plan's column as wide as its verdicts need; the unit gets the rest."""
        width = self.size.width or self.app.size.width or 120
        total = width - 2 - 2 * (len(self.plans) + 1)  # the scrollbar; padding each side
        words = [self.labels[f"verdict_{v.value}"] for v in Verdict]
        need = max(cell_len(w) for w in words) + 8  # ✎● word 0.00
        need = max(need, cell_len(self.labels["coverage_cell_pending"]) + 2)
        widths = {
            plan_column(plan_id): max(need, cell_len(name) + 1) for plan_id, name in self.plans
        }
        widths[UNIT] = max(UNIT_MIN, total - sum(widths.values()))
        return widths


_STYLE_OF = {Verdict.COVERED: "covered", Verdict.PARTIAL: "partial", Verdict.ABSENT: "absent"}
