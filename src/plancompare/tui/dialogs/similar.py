"""Similar passages (``s``): the sections of every other plan of the corpus most like the
selected unit or sentence, ranked — each with its score, the plan's title and the heading
path, then the passage. Enter returns the hit; the app opens it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from plancompare.plan.wording import path_place
from plancompare.tui.i18n import Labels, localize_bindings

if TYPE_CHECKING:
    from plancompare.coverage.similar import SimilarHit

#: Characters of a passage shown under its place.
PASSAGE_SHOWN = 120


@dataclass(frozen=True, slots=True)
class SimilarQuery:
    """What to look for: a section of a plan under review (like it, in every other plan), or a
    sentence of it (like it, in every other plan)."""

    plan: str
    """The plan the query comes from (left out of the hits)."""
    label: str
    """How the dialog names the query (a heading, or the sentence)."""
    section: str | None = None
    """A section of ``plan``: hits like the section as a whole."""
    text: str = ""
    """A sentence: hits like it (used when ``section`` is None)."""
    top: int = 20
    """How many hits."""


def hit_lines(hit: SimilarHit, labels: Labels, under_review: bool) -> Text:
    """A hit in two lines: score, plan title (marked when it is under review) and heading
    path; then the passage (plan text is data, never markup)."""
    line = Text(f"{hit.score:5.2f}  ", style="bold")
    line.append(f"《{hit.plan_title}》" if hit.plan_title else hit.plan, style="bold")
    if under_review:
        line.append(labels["similar_in_session"], style="bold")
    line.append(f"  {path_place(hit.path, labels.lang)}", style="dim")
    passage = " ".join(hit.text.split())
    if len(passage) > PASSAGE_SHOWN:
        passage = passage[: PASSAGE_SHOWN - 1] + "…"
    line.append(f"\n       {passage}")
    return line


class SimilarDialog(ModalScreen["SimilarHit | None"]):
    """Shows the progress of the search, then its hits; returns the chosen hit, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "form_cancel"),
    ]

    def __init__(self, labels: Labels, query: SimilarQuery, under_review: Iterable[str]) -> None:
        super().__init__()
        self.labels = labels
        self.query_of = query
        self.under_review = set(under_review)
        self.hits: list[SimilarHit] = []
        self.ready = False
        """Whether the hits are shown (the search is done)."""

    def compose(self) -> ComposeResult:
        t = self.labels
        with Vertical(id="similar-dialog"):
            title = t["similar_title"].format(query=self.query_of.label)
            yield Label(title, id="similar-title", markup=False)
            yield Label(t["similar_searching"], id="similar-count")
            yield OptionList(id="similar-hits")
            yield Label(t["similar_hint"], id="similar-hint")

    def on_mount(self) -> None:
        localize_bindings(self, self.labels)
        self.query_one(OptionList).focus()

    def show_progress(self, text: str) -> None:
        """Say how the search is getting on (building the index the first time)."""
        if not self.ready:
            self.query_one("#similar-count", Label).update(text)

    def show_hits(self, hits: list[SimilarHit]) -> None:
        """Show the hits, the best first and highlighted."""
        self.hits, self.ready = hits, True
        t = self.labels
        count = t("similar_count", n=len(hits)) if hits else t["similar_none"]
        self.query_one("#similar-count", Label).update(count)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(hit_lines(h, t, h.plan in self.under_review), id=str(n))
            for n, h in enumerate(hits)
        )
        if hits:
            options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.hits[event.option_index])

    def action_cancel(self) -> None:
        """Close without going anywhere."""
        self.dismiss(None)
