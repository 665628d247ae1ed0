"""The findings view: structure and consistency findings of both plans."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable

from plancompare.tui.screens.base import ViewScreen


class FindingsScreen(ViewScreen):
    """Findings of plan A, then of plan B."""

    VIEW = "findings"

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="findings", cursor_type="row")

    def workspace_changed(self, what: str) -> None:
        if what not in ("findings", "mounted") or not self.workspace.findings:
            return
        table = self.query_one("#findings", DataTable)
        table.clear(columns=True)
        table.add_columns("", "", "")
        for plan_id, findings in self.workspace.findings.items():
            for f in findings:
                table.add_row(plan_id, f.section or "", f.text(self.labels.lang))
