"""The comments panel under the compare rows: the comments on the selected row's two units."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from plancompare.review.model import Category, Comment, CoverageRef, PairRef
from plancompare.tui.i18n import Labels
from plancompare.tui.widgets.diff_text import COMMENTED


def category_text(labels: Labels, category: str) -> str:
    """A category as it reads in the labels' language (a project's own word stays as is)."""
    try:
        return labels.value(Category(category))
    except ValueError:
        return category


def comment_line(comment: Comment, side: str, labels: Labels) -> Text:
    """One line for a comment: ✎ side, category, reviewer, what it quotes, its body."""
    line = Text(f"{COMMENTED} {side.upper()} ", style="bold")
    line.append(f"[{category_text(labels, comment.category)}] ")
    if comment.reviewer:
        line.append(f"{comment.reviewer}：", style="dim")
    if isinstance(comment.reference, PairRef):
        line.append(f"⇄{comment.reference.plan} {comment.reference.anchor.section} ", style="dim")
    if isinstance(comment.reference, CoverageRef):
        verdict = labels[f"verdict_{comment.reference.verdict}"]
        line.append(f"↑{comment.reference.plan} {verdict} ", style="dim")
    if comment.quoted:
        quoted = comment.quoted if len(comment.quoted) <= 16 else comment.quoted[:15] + "…"
        line.append(f"「{quoted}」", style="italic")
    line.append(comment.body.replace("\n", " "))
    return line


class PairComments(OptionList):
    """Comments on the selected row (A's unit, then B's); E edits, d deletes the highlighted
    one. A comment is highlighted only while the panel has the focus (Tab), so that E and d
    act on the comment the reviewer sees selected, never on one scrolled out of sight."""

    def __init__(self, labels: Labels, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.comments: list[Comment] = []

    def show(self, on_a: list[Comment], on_b: list[Comment]) -> None:
        """Show the comments of the row; keep the highlight on the same comment if it is there."""
        current = self.current
        self.comments = [*on_a, *on_b]
        self.clear_options()
        if not self.comments:
            self.add_option(
                Option(Text(self.labels["pair_no_comments"], style="dim"), disabled=True)
            )
            return
        sides = ["a"] * len(on_a) + ["b"] * len(on_b)
        self.add_options(
            Option(comment_line(c, side, self.labels), id=c.id)
            for c, side in zip(self.comments, sides, strict=True)
        )
        ids = [c.id for c in self.comments]
        if self.has_focus:
            self.highlighted = ids.index(current.id) if current and current.id in ids else 0

    def on_focus(self) -> None:
        if self.comments and self.highlighted is None:
            self.highlighted = 0

    def on_blur(self) -> None:
        self.highlighted = None

    @property
    def current(self) -> Comment | None:
        """The highlighted comment, if any."""
        if self.highlighted is None or not self.comments:
            return None
        if self.highlighted >= len(self.comments):
            return None
        return self.comments[self.highlighted]
