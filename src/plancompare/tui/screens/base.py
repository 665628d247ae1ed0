"""What every view has: header, view tabs, its body, a status line and the key footer."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Header

from plancompare.errors import PlanError
from plancompare.review.model import Anchor, Comment, Reference
from plancompare.review.writing import Draft
from plancompare.tui.dialogs.comment_form import CommentForm
from plancompare.tui.dialogs.reviewer import ReviewerDialog
from plancompare.tui.i18n import Labels, localize_bindings
from plancompare.tui.running import workspace_app
from plancompare.tui.widgets.status_line import StatusLine
from plancompare.tui.widgets.view_tabs import ViewTabs

if TYPE_CHECKING:
    from plancompare.session import ReviewSession
    from plancompare.tui.app import PlanCompareApp


#: Below this width the footer of a view that fits it (see ``FOOTER_LEAVES_OUT``) is compact.
NARROW = 100


class ViewScreen(Screen[None]):
    """A view of the workspace; subclasses compose their body and react to changes."""

    #: The view's name (compare, targets, findings, comments, coverage).
    VIEW = ""
    #: Actions left out of the footer, first to last, while it does not fit the width (they
    #: still work, and ``?`` lists them), so that it is never cut: ? 快捷键, q 退出 and ^p 命令
    #: stay, in both languages, at 80 columns too. A view that sets them also gets a compact
    #: footer below :data:`NARROW` columns.
    FOOTER_LEAVES_OUT: ClassVar[tuple[str, ...]] = ()

    @property
    def pc_app(self) -> PlanCompareApp:
        """The app, typed."""
        return workspace_app(self)

    @property
    def workspace(self) -> ReviewSession:
        """The review session all views share."""
        return self.pc_app.workspace

    @property
    def labels(self) -> Labels:
        """Labels in the app's language."""
        return self.pc_app.labels

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.labels)
        yield Header()
        yield ViewTabs(self.VIEW, self.labels, self.pc_app.views)
        yield from self.compose_body()
        yield StatusLine(id="status")
        yield Footer()

    def compose_body(self) -> ComposeResult:
        """The view's own widgets."""
        yield from ()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows: as many of the current mode's as fit (see
        ``FOOTER_LEAVES_OUT``)."""
        bindings = super().active_bindings
        if not self.FOOTER_LEAVES_OUT:
            return bindings
        width = self.app.size.width
        # A footer key is its key and description with a space between, and around them one
        # more space when compact (narrow), two when not.
        padding = 2 if width < NARROW else 3

        def cells(active: ActiveBinding) -> int:
            key = self.app.get_key_display(active.binding)
            return cell_len(key) + cell_len(active.binding.description) + padding

        shown = [a for a in bindings.values() if a.binding.show]
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        used = sum(cells(a) for a in shown) + (cells(palette) + 1 if palette else 0)
        hidden: set[str] = set()
        for action in self.FOOTER_LEAVES_OUT:
            if used <= width:
                break
            for active in shown:
                if active.binding.action == action:
                    used -= cells(active)
                    hidden.add(action)
        return {
            key: active._replace(binding=replace(active.binding, show=False))
            if active.binding.action in hidden
            else active
            for key, active in bindings.items()
        }

    @on(Resize)
    def _fit_footer(self) -> None:
        # (The views' own on_resize handlers run too.)
        if self.FOOTER_LEAVES_OUT:
            self.query_one(Footer).compact = self.app.size.width < NARROW
            self.refresh_bindings()

    def on_mount(self) -> None:
        self.pc_app.workspace_changed.subscribe(self, self.workspace_changed)
        self.workspace_changed("mounted")

    def workspace_changed(self, what: str) -> None:
        """Called when part of the workspace changed (or the view was mounted)."""

    # --- writing comments (one flow for every view) ------------------------------------------

    def write_comment(
        self,
        plan_id: str,
        section_id: str,
        on_what: str,
        *,
        start: int | None = None,
        end: int | None = None,
        reference: Reference | None = None,
        anchor: Anchor | None = None,
        initial: Draft | None = None,
    ) -> None:
        """Ask for the reviewer's name if it is not known yet, open the form, save at once."""

        def save(draft: Draft | None) -> None:
            if draft is None:
                return
            try:
                self.workspace.add_comment(
                    plan_id,
                    section_id,
                    draft,
                    start=start,
                    end=end,
                    reference=reference,
                    anchor=anchor,
                )
            except PlanError as e:
                self.notify(e.line(self.labels.lang), severity="error", markup=False)
                return
            self.pc_app.workspace_changed.publish("comments")
            self.notify(self.labels["saved"])

        def open_form(who: tuple[str, str] | None) -> None:
            if who is None:
                return
            self.workspace.remember_reviewer(*who)
            self.app.push_screen(CommentForm(self.labels, on_what, initial), save)

        known = self.workspace.reviewer()
        if known is None:
            self.app.push_screen(ReviewerDialog(self.labels), open_form)
        else:
            self.app.push_screen(CommentForm(self.labels, on_what, initial), save)

    def edit_comment(self, comment: Comment) -> None:
        """Open the form on a comment; saving changes it in the database."""
        initial = Draft.of(comment)

        def save(draft: Draft | None) -> None:
            if draft is None:
                return
            self.workspace.update_comment(comment.id, draft)
            self.pc_app.workspace_changed.publish("comments")
            self.notify(self.labels["updated"])

        on_what = comment.quoted or comment.anchor.section or comment.plan
        self.app.push_screen(CommentForm(self.labels, on_what, initial, editing=True), save)

    def delete_comment(self, comment: Comment) -> None:
        """Delete a comment softly; ``z`` anywhere brings it back."""
        self.workspace.delete_comment(comment.id)
        self.pc_app.workspace_changed.publish("comments")
        self.notify(self.labels["deleted"])
