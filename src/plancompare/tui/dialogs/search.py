"""Search both plans (``/``): type, see every place it occurs, Enter jumps to its row."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from plancompare.model import Plan
from plancompare.plan.search import TextHit, search_plans
from plancompare.tui.i18n import Labels, localize_bindings


def hit_line(hit: TextHit, side: str) -> Text:
    """One result: the side, the section, and the hit in a little of its context."""
    line = Text(f"{side.upper()} ", style="bold")
    line.append(f"{hit.label}  ", style="dim")
    line.append(hit.before)
    line.append(hit.match, style="reverse")
    line.append(hit.after)
    return line


class SearchDialog(ModalScreen[TextHit | None]):
    """Returns the chosen hit, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "form_cancel"),
        Binding("down", "results", show=False),
    ]

    def __init__(self, labels: Labels, a: Plan, b: Plan, query: str = "") -> None:
        super().__init__()
        self.labels = labels
        self.plans = (a, b)
        self.query_text = query
        self.hits: list[TextHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Label(self.labels["search_title"], id="search-title")
            yield Input(self.query_text, placeholder=self.labels["search_placeholder"], id="query")
            yield Label("", id="search-count")
            yield OptionList(id="hits")

    def on_mount(self) -> None:
        localize_bindings(self, self.labels)
        self.query_one("#query", Input).focus()
        if self.query_text:
            self._search(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def _search(self, query: str) -> None:
        a, _ = self.plans
        self.hits = search_plans(list(self.plans), query)
        hits = self.query_one("#hits", OptionList)
        hits.clear_options()
        hits.add_options(Option(hit_line(h, "a" if h.plan == a.id else "b")) for h in self.hits)
        if self.hits:
            hits.highlighted = 0
        count = self.labels["search_count"].format(n=len(self.hits)) if query.strip() else ""
        self.query_one("#search-count", Label).update(count)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        hits = self.query_one("#hits", OptionList)
        if self.hits:
            self.dismiss(self.hits[hits.highlighted or 0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def action_results(self) -> None:
        """Down from the query goes into the results."""
        if self.hits:
            self.query_one("#hits", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
