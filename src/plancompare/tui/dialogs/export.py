"""What ``e`` exports: the report or the 意见反馈表, as Markdown, HTML or Word, drafts or not —
of exactly the comments the view shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select

from plancompare.tui.i18n import Labels, localize_bindings

#: The formats offered, with what the reviewer reads for each.
FORMAT_NAMES = (("docx", "Word (.docx)"), ("html", "HTML"), ("md", "Markdown"))


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the reviewer chose."""

    form: bool
    """The 意见反馈表 (True) or the report."""
    fmt: str
    """``md``, ``html`` or ``docx``."""
    drafts: bool
    """Whether drafts go in (marked 草稿)."""
    coverage: bool = False
    """Whether the report appends how the commented plans take up the reference plan."""


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Returns the choice; Esc returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "export_ok"),
        Binding("escape", "cancel", "form_cancel"),
    ]

    def __init__(self, labels: Labels, shown: int, reference: str | None = None) -> None:
        super().__init__()
        self.labels = labels
        self.shown = shown
        self.reference = reference
        """The reference plan's title, when the workspace has one (three plans or more): the
        report may then append the coverage of it (checked by default)."""
        localize_bindings(self, labels)

    def compose(self) -> ComposeResult:
        t = self.labels
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label(t["export_title"], classes="dialog-title")
            yield Label(t("export_shown", n=self.shown), id="export-shown")
            yield Label(t["export_form"])
            yield Select(
                [(t["export_kind_form"], "form"), (t["export_kind_report"], "report")],
                value="form",
                allow_blank=False,
                id="form",
            )
            yield Label(t["export_format"])
            yield Select(
                [(name, fmt) for fmt, name in FORMAT_NAMES],
                value="docx",
                allow_blank=False,
                id="format",
            )
            yield Checkbox(t["export_drafts"], True, id="drafts")
            if self.reference is not None:
                label = Text(t["export_coverage"].format(ref=self.reference))  # never markup
                yield Checkbox(label, True, id="coverage")
            with Horizontal(classes="form-buttons"):
                yield Button(t["export_ok"], variant="primary", id="ok")
                yield Button(t["form_cancel"], id="cancel")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_export()
        else:
            self.action_cancel()

    def action_export(self) -> None:
        """Export as chosen."""
        self.dismiss(
            ExportChoice(
                form=self.query_one("#form", Select).value == "form",
                fmt=str(self.query_one("#format", Select).value),
                drafts=self.query_one("#drafts", Checkbox).value,
                coverage=self.reference is not None and self.query_one("#coverage", Checkbox).value,
            )
        )

    def action_cancel(self) -> None:
        """Export nothing."""
        self.dismiss(None)
