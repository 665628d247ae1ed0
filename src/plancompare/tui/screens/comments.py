"""The comments view: every comment on the two plans."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable

from plancompare.tui.screens.base import ViewScreen


class CommentsScreen(ViewScreen):
    """All live comments, newest last."""

    VIEW = "comments"

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="comments", cursor_type="row")

    def workspace_changed(self, what: str) -> None:
        if what not in ("comments", "mounted"):
            return
        table = self.query_one("#comments", DataTable)
        table.clear(columns=True)
        table.add_columns("", "", "", "")
        for c in self.workspace.comments():
            table.add_row(c.plan, c.anchor.section or "", self.labels.value(c.category), c.body)
