"""The comment form: category, stance, body, suggested wording, rationale; returns a Draft."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select, Static, TextArea

from plancompare.review.model import Category, Stance, Status
from plancompare.review.writing import Draft
from plancompare.tui.dialogs.discard import DiscardDialog
from plancompare.tui.i18n import Labels


class CommentForm(ModalScreen[Draft | None]):
    """Write or edit a comment; Ctrl+S saves (returns the Draft), Esc cancels (returns None)
    — after asking, when something was typed or changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "form_save"),
        Binding("escape", "cancel", "form_cancel"),
    ]

    def __init__(
        self,
        labels: Labels,
        on_what: str,
        initial: Draft | None = None,
        editing: bool = False,
    ) -> None:
        super().__init__()
        self.labels = labels
        self.on_what = on_what
        self.initial = initial or Draft(body="")
        self.editing = editing

    def compose(self) -> ComposeResult:
        t = self.labels
        start = self.initial
        category = self.shown_category
        with Vertical(id="comment-form"):
            yield Label(t["form_edit_title" if self.editing else "form_title"], id="form-title")
            yield Static(f"{t['form_on']}：{self.on_what}", id="form-on", markup=False)
            with VerticalScroll():
                with Horizontal(classes="form-row"):
                    yield Label(t["form_category"])
                    yield Select(
                        [(t.value(c), c.value) for c in Category],
                        value=category,
                        allow_blank=False,
                        id="category",
                    )
                    yield Label(t["form_stance"])
                    yield Select(
                        [(t.value(s), s.value) for s in Stance],
                        value=start.stance.value,
                        allow_blank=False,
                        id="stance",
                    )
                yield Label(t["form_body"])
                yield TextArea(start.body, id="body", soft_wrap=True)
                yield Label(t["form_suggestion"])
                yield TextArea(start.suggestion, id="suggestion", soft_wrap=True)
                yield Label(t["form_rationale"])
                yield TextArea(start.rationale, id="rationale", soft_wrap=True)
                yield Checkbox(
                    t["form_submitted"], start.status is Status.SUBMITTED, id="submitted"
                )
            with Horizontal(classes="form-buttons"):
                yield Button(t["form_save"], variant="primary", id="save")
                yield Button(t["form_cancel"], id="cancel")

    def on_mount(self) -> None:
        self.query_one("#body", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def draft(self) -> Draft:
        """What the form holds now."""
        return Draft(
            body=self.query_one("#body", TextArea).text,
            category=str(self.query_one("#category", Select).value),
            stance=Stance(str(self.query_one("#stance", Select).value)),
            suggestion=self.query_one("#suggestion", TextArea).text,
            rationale=self.query_one("#rationale", TextArea).text,
            reviewer=self.initial.reviewer,
            organisation=self.initial.organisation,
            status=Status.SUBMITTED
            if self.query_one("#submitted", Checkbox).value
            else Status.DRAFT,
        )

    @property
    def dirty(self) -> bool:
        """Whether anything differs from what the form opened with."""
        now, start = self.draft(), self.initial
        return (now.body, now.suggestion, now.rationale, now.category, now.stance, now.status) != (
            start.body,
            start.suggestion,
            start.rationale,
            self.shown_category,
            start.stance,
            start.status,
        )

    @property
    def shown_category(self) -> str:
        """The category the form opens with (a project's own word shows as 其他)."""
        start = self.initial.category
        return start if start in set(Category) else Category.OTHER.value

    def action_save(self) -> None:
        draft = self.draft()
        if not draft.body.strip():
            self.notify(self.labels["form_needs_body"], severity="warning")
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        """Close without saving; what was typed is thrown away only once confirmed."""
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(DiscardDialog(self.labels), answered)
