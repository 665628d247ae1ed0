"""Search both plans (``/``): type, see every place it occurs — each by its heading path and
a snippet — Enter jumps to its row; the compare view then marks every hit and n/N go from one
to the next."""

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

#: Characters of a heading path shown before it is cut at its start (…› （二）加强梯度培育).
PATH_SHOWN = 36


def hit_line(hit: TextHit, side: str, number: int) -> Text:
    """One result: its number, the side, where it is (the heading path, cut at its start
    when long) and the hit in a little of its context (plan text is data, never markup)."""
    path = hit.path or hit.label
    if len(path) > PATH_SHOWN:
        path = "…" + path[-(PATH_SHOWN - 1) :]
    line = Text(f"{number:>3} {side.upper()} ", style="bold")
    line.append(f"{path}  ", style="dim")
    line.append("…" + hit.before if hit.before else "")
    line.append(hit.match, style="reverse")
    line.append(hit.after + "…" if hit.after else "")
    return line


#: The dialog's result: the query, its hits, and the index of the one chosen.
Chosen = tuple[str, list[TextHit], int]


class SearchDialog(ModalScreen[Chosen | None]):
    """Returns the query, its hits and the chosen one's index; None when cancelled."""

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
        hits.add_options(
            Option(hit_line(h, "a" if h.plan == a.id else "b", n))
            for n, h in enumerate(self.hits, 1)
        )
        if self.hits:
            hits.highlighted = 0
        count = self.labels["search_count"].format(n=len(self.hits)) if query.strip() else ""
        self.query_one("#search-count", Label).update(count)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        hits = self.query_one("#hits", OptionList)
        if self.hits:
            self.choose(hits.highlighted or 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.choose(event.option_index)

    def choose(self, index: int) -> None:
        """Close with the hit at ``index`` chosen."""
        query = self.query_one("#query", Input).value
        self.dismiss((query, self.hits, index))

    def action_results(self) -> None:
        """Down from the query goes into the results."""
        if self.hits:
            self.query_one("#hits", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
