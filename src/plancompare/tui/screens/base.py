"""What every view has: header, view tabs, its body, a status line and the key footer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header

from plancompare.tui.i18n import Labels, localize_bindings
from plancompare.tui.widgets.status_line import StatusLine
from plancompare.tui.widgets.view_tabs import ViewTabs

if TYPE_CHECKING:
    from plancompare.tui.app import PlanCompareApp
    from plancompare.tui.workspace import Workspace


class ViewScreen(Screen[None]):
    """A view of the workspace; subclasses compose their body and react to changes."""

    #: The view's name (compare, targets, findings, comments).
    VIEW = ""

    @property
    def pc_app(self) -> PlanCompareApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def workspace(self) -> Workspace:
        """The shared workspace."""
        return self.pc_app.workspace

    @property
    def labels(self) -> Labels:
        """Labels in the app's language."""
        return self.pc_app.labels

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.labels)
        yield Header()
        yield ViewTabs(self.VIEW, self.labels)
        yield from self.compose_body()
        yield StatusLine(id="status")
        yield Footer()

    def compose_body(self) -> ComposeResult:
        """The view's own widgets."""
        yield from ()

    def on_mount(self) -> None:
        self.pc_app.workspace_changed.subscribe(self, self.workspace_changed)
        self.workspace_changed("mounted")

    def workspace_changed(self, what: str) -> None:
        """Called when part of the workspace changed (or the view was mounted)."""
