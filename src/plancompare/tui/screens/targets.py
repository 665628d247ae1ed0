"""The targets view: the benchmark of the two plans' targets."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable

from plancompare.tui.screens.base import ViewScreen


class TargetsScreen(ViewScreen):
    """Comparable targets side by side, and those found in one plan only."""

    VIEW = "targets"

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="benchmark", cursor_type="row")

    def workspace_changed(self, what: str) -> None:
        bench = self.workspace.benchmark
        if what not in ("benchmark", "mounted") or bench is None:
            return
        table = self.query_one("#benchmark", DataTable)
        table.clear(columns=True)
        table.add_columns(bench.a.id, bench.b.id, "")
        for pair in bench.pairs:
            table.add_row(pair.a.indicator, pair.b.indicator, pair.note)
