"""One comment in full: where it points, what it quotes, what it says and who wrote it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from plancompare.plan.wording import figure_place, path_place, value_text
from plancompare.review.model import (
    Comment,
    CoverageRef,
    FindingRef,
    PairRef,
    TargetRef,
    category_term,
)
from plancompare.tui.i18n import Labels, localize_bindings


def category_text(labels: Labels, category: str) -> str:
    """A standard category in the interface's language (修改), a project's own word as is."""
    return category_term(category, labels.lang)


def comment_text(labels: Labels, comment: Comment, plan_name: str) -> str:
    """The comment as lines of plain text, in the interface's language."""
    t = labels
    c = comment
    category = category_text(t, c.category)
    lines = [
        f"{plan_name} · {path_place(c.anchor.path, t.lang)}",
        f"{t['form_on']}{t['colon']}{c.quoted or t['whole_section']}",
        f"{t['col_state']}{t['colon']}{t.value(c.anchor.state)}",
        f"{t['form_category']}{t['colon']}{category}"
        f" · {t['form_stance']}{t['colon']}{t.value(c.stance)}"
        f" · {t['col_status']}{t['colon']}{t.value(c.status)}"
        f" · {t['comment_disposition']}{t['colon']}{t.value(c.disposition)}",
        "",
        f"{t['form_body']}{t['colon']}",
        c.body,
    ]
    if c.suggestion:
        lines += ["", f"{t['form_suggestion']}{t['colon']}", c.suggestion]
    if c.rationale:
        lines += ["", f"{t['form_rationale']}{t['colon']}", c.rationale]
    ref = c.reference
    if isinstance(ref, FindingRef):
        lines += ["", f"{t['comment_about']}{t['colon']}{ref.text(t.lang)}"]
    elif isinstance(ref, TargetRef):
        figures = t["sep"].join(
            f"{f.indicator} "
            f"{value_text(f.value, f.value_max, f.unit, f.comparator, f.qualitative, t.lang)}"
            f"{t['paren'].format(text=figure_place(f.path, f.table, t.lang))}"
            for f in ref.targets
        )
        lines += ["", f"{t['comment_about']}{t['colon']}{figures}"]
    elif isinstance(ref, PairRef):
        place = path_place(ref.anchor.path, t.lang)
        lines += ["", f"{t['comment_about']}{t['colon']}{place}"]
    elif isinstance(ref, CoverageRef):
        said = t["report_coverage_line"].format(
            ref=ref.plan,
            place=path_place(ref.anchor.path, t.lang),
            verdict=t[f"verdict_{ref.verdict}"],
            score=ref.score,
        )
        lines += ["", f"{t['report_coverage_about']}{t['colon']}{said}"]
    written = c.created.astimezone().strftime("%Y-%m-%d %H:%M")
    who = t["comment_written"].format(
        reviewer=c.reviewer or "—", organisation=c.organisation or "—", created=written
    )
    return "\n".join([*lines, "", who])


class CommentView(ModalScreen[None]):
    """Shows one comment; Esc or Enter closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "comment_close"),
    ]

    def __init__(self, labels: Labels, comment: Comment, plan_name: str) -> None:
        super().__init__()
        self.labels = labels
        self.comment = comment
        self.plan_name = plan_name
        localize_bindings(self, labels)

    def compose(self) -> ComposeResult:
        with Vertical(id="comment-view"):
            yield Label(self.labels["comment_title"], id="comment-view-title")
            with VerticalScroll():
                yield Static(
                    comment_text(self.labels, self.comment, self.plan_name),
                    id="comment-view-text",
                    markup=False,
                )
            yield Button(self.labels["comment_close"], id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        """Back to the list."""
        self.dismiss(None)
