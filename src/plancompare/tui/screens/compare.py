"""The compare view: the two plans side by side as aligned rows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from plancompare.compare import CompareRow
from plancompare.tui.screens.base import ViewScreen


class CompareScreen(ViewScreen):
    """Rows of aligned sections: plan A left, plan B right."""

    VIEW = "compare"

    def compose_body(self) -> ComposeResult:
        yield VerticalScroll(id="rows")

    def workspace_changed(self, what: str) -> None:
        if what in ("alignment", "mounted") and self.workspace.alignment is not None:
            rows = self.query_one("#rows", VerticalScroll)
            rows.remove_children()
            rows.mount_all(Static(self._row_text(r), classes="row") for r in self.workspace.rows)

    def _row_text(self, row: CompareRow) -> str:
        a = row.a.label if row.a else self.labels["no_counterpart"]
        b = row.b.label if row.b else self.labels["no_counterpart"]
        return f"{a}  ⇄  {b}"
