"""The targets view: the benchmark of the two plans' targets, sortable and filterable."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.widgets import DataTable

from plancompare.model import Target
from plancompare.review.anchoring import anchor_for_target
from plancompare.review.model import TargetFigure, TargetRef
from plancompare.tui.screens.base import ViewScreen
from plancompare.tui.target_rows import TargetRow, target_rows
from plancompare.tui.widgets.detail_panel import DetailPanel
from plancompare.tui.widgets.filter_bar import FilterBar
from plancompare.tui.widgets.targets_table import TargetsTable


class TargetsScreen(ViewScreen):
    """Comparable targets side by side, then those found in one plan only."""

    VIEW = "targets"
    AUTO_FOCUS = "#benchmark"
    # Textual declares the breakpoints without ClassVar (mypy reads them as instance
    # variables), so they are overridden the same way.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "bind_sort"),
        Binding("f", "filter", "bind_filter"),
        Binding("c", "comment", "bind_write_comment"),
        Binding("escape", "focus_table", "bind_back", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        yield FilterBar(self.labels["targets_filter"], id="targets-filter")
        yield TargetsTable(self.labels, id="benchmark")
        yield DetailPanel("", id="target-detail", markup=False)

    @property
    def table(self) -> TargetsTable:
        """The benchmark table."""
        return self.query_one(TargetsTable)

    def plan_name(self, plan_id: str) -> str:
        """A plan as the reviewer names it: its region (陆河县), else its id."""
        plan = self.workspace.plan(plan_id)
        return plan.meta.region or plan.id

    def workspace_changed(self, what: str) -> None:
        bench = self.workspace.benchmark
        if what not in ("benchmark", "mounted"):
            return
        if bench is None:
            self.query_one(FilterBar).set_summary(self.labels["benchmarking"])
            return
        names = (self.plan_name(bench.a.id), self.plan_name(bench.b.id))
        self.table.load(target_rows(bench), names)
        self._changed()

    def _changed(self) -> None:
        """Say how many rows show, and show the selected one in full."""
        bench, table, t = self.workspace.benchmark, self.table, self.labels
        assert bench is not None
        if len(table.shown) != len(table.all_rows):
            summary = t["targets_shown"].format(shown=len(table.shown), total=len(table.all_rows))
        else:
            summary = t["targets_summary"].format(
                pairs=len(bench.pairs),
                a=table.names[0],
                only_a=len(bench.only_a),
                b=table.names[1],
                only_b=len(bench.only_b),
            )
        self.query_one(FilterBar).set_summary(summary)
        self._show_detail()

    def _show_detail(self) -> None:
        """The note in full, then each side's source sentence (Enter shows it whole)."""
        row, t = self.table.selected(), self.labels
        lines: list[tuple[str, bool]] = []
        if row is not None and row.pair is not None:
            lines.append((f"{t['col_note']}{t['colon']}{row.pair.note_text(t.lang)}", True))
        if row is not None:
            lines += [(self._source(p, target), False) for p, target in row.sides(self.workspace)]
        self.query_one(DetailPanel).show(lines)

    def _source(self, plan_id: str, target: Target) -> str:
        quote = " ".join(target.quote.split())
        if target.source == "table":
            quote += self.labels["target_table_row"]
        return self.labels["target_detail"].format(
            plan=self.plan_name(plan_id), section=target.section, quote=quote
        )

    # --- events and actions --------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        if self.table.all_rows:
            self.call_after_refresh(self.table.redraw)

    @on(FilterBar.Changed)
    def _filter_changed(self) -> None:
        self.table.filter_on(self.query_one(FilterBar).text)
        self._changed()

    @on(DataTable.RowHighlighted, "#benchmark")
    def _row_highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.HeaderSelected, "#benchmark")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        self.table.sort_on(str(event.column_key.value), toggle=True)
        self._changed()

    @on(DataTable.RowSelected, "#benchmark")
    def _row_selected(self) -> None:
        self.action_jump()

    def action_sort(self) -> None:
        """Sort by the next column (reading order after the last)."""
        self.table.sort_next()
        self._changed()

    def action_filter(self) -> None:
        """Type to keep only the indicators that contain the text."""
        self.query_one(FilterBar).focus_text()

    def action_focus_table(self) -> None:
        """Back from the filter box to the table."""
        self.table.focus()

    def _target(self) -> tuple[TargetRow, str, Target] | None:
        """The selected row, and the target it is about: A's, or B's when A has none."""
        row = self.table.selected()
        if row is None:
            return None
        plan_id, target = row.sides(self.workspace)[0]
        return row, plan_id, target

    def action_jump(self) -> None:
        """Show the sentence the target was read from in the compare view."""
        chosen = self._target()
        if chosen is None:
            return
        _, plan_id, target = chosen
        position = anchor_for_target(self.workspace.plan(plan_id), target).position
        start, end = (position.start, position.end) if position else (None, None)
        self.pc_app.show_in_compare(plan_id, target.section, start, end)

    def action_comment(self) -> None:
        """Comment on the selected target (on A's side, with both figures, for a pair)."""
        chosen = self._target()
        if chosen is None:
            return
        row, plan_id, target = chosen
        ws = self.workspace
        if row.pair is not None:
            reference = TargetRef.of_pair(ws.a, ws.b, row.pair)
        else:
            reference = TargetRef([TargetFigure.of(ws.plan(plan_id), target)])
        cells = row.cells(self.labels, *self.table.names)
        self.write_comment(
            plan_id,
            target.section,
            f"{cells['indicator']}  {cells['a']} | {cells['b']}",
            anchor=anchor_for_target(ws.plan(plan_id), target),
            reference=reference,
        )
