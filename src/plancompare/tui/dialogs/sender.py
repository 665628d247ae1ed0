"""Asked once, before the first 意见反馈表: the header block's 提出单位, 联系人 and 联系电话,
remembered in the review database."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from plancompare.report.form import Sender
from plancompare.tui.i18n import Labels, localize_bindings


class SenderDialog(ModalScreen[Sender | None]):
    """Returns the header block; Esc returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "form_cancel")]

    def __init__(self, labels: Labels, initial: Sender) -> None:
        super().__init__()
        self.labels = labels
        self.initial = initial
        localize_bindings(self, labels)

    def compose(self) -> ComposeResult:
        t, start = self.labels, self.initial
        with Vertical(id="sender-dialog", classes="dialog"):
            yield Label(t["sender_title"], classes="dialog-title")
            yield Label(t["sender_org"])
            yield Input(start.organisation, id="organisation")
            yield Label(t["sender_contact"])
            yield Input(start.contact, id="contact")
            yield Label(t["sender_phone"])
            yield Input(start.phone, id="phone")
            yield Button(t["reviewer_ok"], variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#organisation", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "phone":
            self._done()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._done()

    def _done(self) -> None:
        self.dismiss(
            Sender(
                organisation=self.query_one("#organisation", Input).value.strip(),
                contact=self.query_one("#contact", Input).value.strip(),
                phone=self.query_one("#phone", Input).value.strip(),
            )
        )

    def action_cancel(self) -> None:
        """Leave the header as it was; export nothing."""
        self.dismiss(None)
