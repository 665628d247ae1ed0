"""The decision on a comment (处理意见): 采纳, 部分采纳, 不采纳 or 待定, and its reason."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from plancompare.review.model import Comment, Disposition
from plancompare.tui.i18n import Labels, localize_bindings

Decision = tuple[Disposition, str]
"""The decision and its reason (处理说明)."""


class DecisionDialog(ModalScreen[Decision | None]):
    """Returns (disposition, reason); Esc returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "form_save"),
        Binding("escape", "cancel", "form_cancel"),
    ]

    def __init__(self, labels: Labels, comment: Comment) -> None:
        super().__init__()
        self.labels = labels
        self.comment = comment
        localize_bindings(self, labels)

    def compose(self) -> ComposeResult:
        t, c = self.labels, self.comment
        # A comment not yet decided is most often accepted: the choice starts there.
        start = Disposition.ACCEPTED if c.disposition is Disposition.PENDING else c.disposition
        with Vertical(id="decision-dialog", classes="dialog"):
            yield Label(t["decide_title"], classes="dialog-title")
            yield Label(c.body.splitlines()[0] if c.body else "", markup=False)
            yield Select(
                [(t.value(d), d.value) for d in Disposition],
                value=start.value,
                allow_blank=False,
                id="disposition",
            )
            yield Label(t["decide_note"])
            yield Input(c.disposition_note, id="note")
            with Horizontal(classes="form-buttons"):
                yield Button(t["form_save"], variant="primary", id="save")
                yield Button(t["form_cancel"], id="cancel")

    def on_mount(self) -> None:
        self.query_one("#disposition", Select).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        """The decision as chosen."""
        value = str(self.query_one("#disposition", Select).value)
        self.dismiss((Disposition(value), self.query_one("#note", Input).value))

    def action_cancel(self) -> None:
        """No decision."""
        self.dismiss(None)
