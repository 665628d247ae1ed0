"""A passage of a plan that is not under review (a similar-passage hit): its plan, its heading
path and its text, the sentence that matched marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from plancompare.plan.wording import path_place
from plancompare.tui.i18n import Labels, localize_bindings


def marked(text: str, sentence: str) -> Text:
    """``text`` as plain text with ``sentence`` in it reversed (plan text is never markup)."""
    out = Text(text)
    at = text.find(sentence) if sentence else -1
    if at >= 0:
        out.stylize("reverse", at, at + len(sentence))
    return out


class PassageDialog(ModalScreen[None]):
    """Shows the passage; Esc or Enter closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "comment_close"),
    ]

    def __init__(
        self, labels: Labels, plan: str, path: Sequence[str], text: str, sentence: str
    ) -> None:
        super().__init__()
        self.labels = labels
        self.plan_title = plan
        self.path = list(path)
        self.text = text
        self.sentence = sentence
        localize_bindings(self, labels)

    def compose(self) -> ComposeResult:
        t = self.labels
        title = t["passage_title"].format(plan=self.plan_title, path=path_place(self.path, t.lang))
        with Vertical(id="passage-dialog"):
            yield Label(title, id="passage-title", markup=False)
            with VerticalScroll():
                yield Static(marked(self.text, self.sentence), id="passage-text")
            yield Button(t["comment_close"], id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        """Back to where the reviewer was."""
        self.dismiss(None)
