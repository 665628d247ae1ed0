"""One line of progress or result, replaced rather than appended to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

if TYPE_CHECKING:
    from plancompare.tui.app import PlanCompareApp


class StatusLine(Static):
    """Shows the app's status text (loading, aligning x%, ready)."""

    def on_mount(self) -> None:
        app: PlanCompareApp = self.app  # type: ignore[assignment]
        self.update(app.status_text)
        app.workspace_changed.subscribe(self, self._changed)

    def _changed(self, what: str) -> None:
        if what == "status":
            app: PlanCompareApp = self.app  # type: ignore[assignment]
            self.update(app.status_text)
