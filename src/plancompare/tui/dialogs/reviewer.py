"""Asked once: the reviewer's name and organisation, remembered in the review database."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from plancompare.tui.i18n import Labels


class ReviewerDialog(ModalScreen[tuple[str, str] | None]):
    """Returns (name, organisation), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "form_cancel")]

    def __init__(self, labels: Labels) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        t = self.labels
        with Vertical(id="reviewer-dialog"):
            yield Label(t["reviewer_title"])
            yield Label(t["reviewer_name"])
            yield Input(id="name")
            yield Label(t["reviewer_org"])
            yield Input(id="org")
            yield Button(t["reviewer_ok"], variant="primary", id="ok")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "name":
            self.query_one("#org", Input).focus()
        else:
            self._done()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._done()

    def _done(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.query_one("#name", Input).focus()
            return
        self.dismiss((name, self.query_one("#org", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
