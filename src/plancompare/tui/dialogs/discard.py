"""Asked when a comment form with typed text is closed with Esc: throw the text away?"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from plancompare.tui.i18n import Labels, localize_bindings


class DiscardDialog(ModalScreen[bool]):
    """Returns True to discard what was typed, False to go on writing (Esc, the default)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep", "discard_keep"),
        Binding("y", "discard", "discard_yes", show=False),
    ]

    def __init__(self, labels: Labels) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        t = self.labels
        with Vertical(id="discard-dialog"):
            yield Label(t["discard_title"])
            with Horizontal(classes="form-buttons"):
                yield Button(t["discard_yes"], variant="error", id="discard")
                yield Button(t["discard_keep"], variant="primary", id="keep")

    def on_mount(self) -> None:
        localize_bindings(self, self.labels)
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "discard")

    def action_keep(self) -> None:
        """Back to the form, the text kept."""
        self.dismiss(False)

    def action_discard(self) -> None:
        """Close the form and throw the text away."""
        self.dismiss(True)
