"""One line of filters over a table: drop-down choices, a text box and a count of what shows."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Select, Static

#: A drop-down of a filter bar: id, what the blank choice says ("all plans"), the options.
Choice = tuple[str, str, Sequence[tuple[str, str]]]


class FilterBar(Horizontal):
    """Compact Selects and an Input on one line (two on a narrow screen), then a summary.

    Posts :class:`FilterBar.Changed` whenever a choice or the text changes, so the view only
    reads :attr:`text` and :meth:`choice` and redraws.
    """

    class Changed(Message):
        """A filter changed."""

    def __init__(
        self, placeholder: str, choices: Sequence[Choice] = (), *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.placeholder = placeholder
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        for choice_id, prompt, options in self.choices:
            yield Select(
                [(label, value) for label, value in options],
                prompt=prompt,
                id=choice_id,
                compact=True,
                classes="filter-choice",
            )
        yield Input(placeholder=self.placeholder, id="filter-text", compact=True)
        yield Static("", id="filter-summary", markup=False)

    @property
    def text(self) -> str:
        """What is typed in the text box, stripped."""
        return self.query_one("#filter-text", Input).value.strip()

    def choice(self, choice_id: str) -> str | None:
        """The chosen value of a drop-down, None for "all"."""
        value = self.query_one(f"#{choice_id}", Select).value
        return None if value is Select.NULL else str(value)

    def set_options(self, choice_id: str, options: Sequence[tuple[str, str]]) -> None:
        """Replace a drop-down's options, keeping the choice when it is still offered."""
        select: Select[str] = self.query_one(f"#{choice_id}", Select)
        kept = select.value
        with self.prevent(Select.Changed):
            select.set_options([(label, value) for label, value in options])
            if kept is not Select.NULL and any(value == kept for _, value in options):
                select.value = kept

    def set_summary(self, text: str) -> None:
        """Show how many rows the filters let through."""
        self.query_one("#filter-summary", Static).update(text)

    def focus_text(self) -> None:
        """Put the cursor in the text box."""
        self.query_one("#filter-text", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed())
