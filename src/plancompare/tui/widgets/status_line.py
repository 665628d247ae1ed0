"""One line of progress or result, replaced rather than appended to."""

from __future__ import annotations

from textual.widgets import Static

from plancompare.tui.plain import plain
from plancompare.tui.running import workspace_app


class StatusLine(Static):
    """Shows the app's status text (loading, aligning x%, ready)."""

    def on_mount(self) -> None:
        app = workspace_app(self)
        self.update(plain(app.status_text))
        app.workspace_changed.subscribe(self, self._changed)

    def _changed(self, what: str) -> None:
        if what == "status":
            self.update(plain(workspace_app(self).status_text))
