"""The comments view: every comment on the plans under review, filtered and searched."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.widgets import DataTable

from plancompare.plan.wording import path_place
from plancompare.review.model import AnchorState, Category, Comment, Disposition
from plancompare.review.store import CommentFilter
from plancompare.tui.dialogs.comment_view import CommentView
from plancompare.tui.dialogs.decision import Decision, DecisionDialog
from plancompare.tui.screens.base import ViewScreen
from plancompare.tui.widgets.comments_table import CommentsTable
from plancompare.tui.widgets.detail_panel import DetailPanel
from plancompare.tui.widgets.filter_bar import FilterBar


class CommentsScreen(ViewScreen):
    """All live comments, by plan then oldest first; filters and full-text search above."""

    VIEW = "comments"
    AUTO_FOCUS = "#comments"
    # Textual declares the breakpoints without ClassVar (mypy reads them as instance
    # variables), so they are overridden the same way.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide", "bind_decide"),
        Binding("s", "submit", "bind_submit"),
        Binding("S", "submit_all", "bind_submit_all", key_display="S", show=False),
        Binding("E", "edit", "bind_edit", key_display="E"),
        Binding("d", "delete", "bind_delete"),
        Binding("f", "search", "bind_search"),
        Binding("escape", "focus_table", "bind_back", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        t, ws = self.labels, self.workspace
        plans = [(self._plan_name(p.id), p.id) for p in ws.plans]
        categories = [(t.value(c), c.value) for c in Category]
        states = [(t.value(s), s.value) for s in AnchorState]
        yield FilterBar(
            t["comments_search"],
            [
                ("plan", t["all_plans"], plans),
                ("category", t["all_categories"], categories),
                ("state", t["all_states"], states),
                ("reviewer", t["all_reviewers"], []),
            ],
            id="comments-filter",
        )
        names = {p.id: self._plan_name(p.id) for p in ws.plans}
        yield CommentsTable(t, names, id="comments")
        yield DetailPanel("", id="comment-detail", markup=False)

    @property
    def table(self) -> CommentsTable:
        """The comments table."""
        return self.query_one(CommentsTable)

    def _plan_name(self, plan_id: str) -> str:
        return self.workspace.name(plan_id)

    def workspace_changed(self, what: str) -> None:
        if what in ("comments", "mounted"):
            self.redraw()

    def current_filter(self) -> CommentFilter:
        """The filters as chosen above the table."""
        bar = self.query_one(FilterBar)
        plan, category = bar.choice("plan"), bar.choice("category")
        state, reviewer = bar.choice("state"), bar.choice("reviewer")
        ws = self.workspace
        return CommentFilter(
            plans=(plan,) if plan else tuple(p.id for p in ws.plans),
            categories=(category,) if category else (),
            states=(AnchorState(state),) if state else (),
            reviewers=(reviewer,) if reviewer else (),
        )

    def redraw(self) -> None:
        """Read the comments through the filters (and the store's search) and show them."""
        ws, t, bar = self.workspace, self.labels, self.query_one(FilterBar)
        everything = ws.comments()
        reviewers = sorted({c.reviewer for c in everything if c.reviewer})
        bar.set_options("reviewer", [(r, r) for r in reviewers])
        own = sorted({c.category for c in everything} - {c.value for c in Category})
        bar.set_options(
            "category", [(t.value(c), c.value) for c in Category] + [(w, w) for w in own]
        )
        filters = self.current_filter()
        found = ws.store.search(bar.text, filters) if bar.text else ws.comments(filters)
        # The store orders by plan id; the view puts the plans in the session's order (plan
        # A first), as everywhere else.
        order = {p.id: n for n, p in enumerate(ws.plans)}
        self.table.load(sorted(found, key=lambda c: order.get(c.plan, len(order))))
        shown = len(self.table.shown)
        summary = t["comments_summary"].format(shown=shown, total=len(everything))
        bar.set_summary(summary if everything else t["no_comments"])
        self._show_detail()

    def selected(self) -> Comment | None:
        """The comment under the cursor."""
        return self.table.selected()

    def shown(self) -> list[Comment]:
        """The comments the view shows, filters and search applied (what ``e`` exports)."""
        return list(self.table.shown)

    def _show_detail(self) -> None:
        """Where the selected comment is and what it quotes, then its body and decision."""
        comment = self.selected()
        lines = []
        if comment is not None:
            t = self.labels
            place = path_place(comment.anchor.path, t.lang)
            where = f"{self._plan_name(comment.plan)} · {place}{t['colon']}"
            lines = [(where + (comment.quoted or t["whole_section"]), False), (comment.body, True)]
            if comment.disposition is not Disposition.PENDING or comment.disposition_note:
                decision = t.value(comment.disposition)
                if comment.disposition_note:
                    decision += t["colon"] + comment.disposition_note
                lines.append((f"{t['decide_title']}{t['colon']}{decision}", True))
        self.query_one(DetailPanel).show(lines)

    # --- events and actions --------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self.redraw)

    @on(FilterBar.Changed)
    def _filter_changed(self) -> None:
        self.redraw()

    @on(DataTable.RowHighlighted, "#comments")
    def _row_highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#comments")
    def _row_selected(self) -> None:
        comment = self.selected()
        if comment is not None:
            self.app.push_screen(CommentView(self.labels, comment, self._plan_name(comment.plan)))

    def action_decide(self) -> None:
        """Record the decision on the selected comment (采纳, 部分采纳, 不采纳) and its reason."""
        comment = self.selected()
        if comment is None:
            return

        def decided(decision: Decision | None) -> None:
            if decision is None:
                return
            disposition, note = decision
            self.workspace.decide(comment.id, disposition, note)
            self.pc_app.workspace_changed.publish("comments")
            self.notify(self.labels["decided"].format(disposition=self.labels.value(disposition)))

        self.app.push_screen(DecisionDialog(self.labels, comment), decided)

    def action_submit(self) -> None:
        """Mark the selected comment submitted (it stays editable)."""
        comment = self.selected()
        self._submit([comment] if comment is not None else [])

    def action_submit_all(self) -> None:
        """Mark every draft the view shows submitted."""
        self._submit(self.shown())

    def _submit(self, comments: list[Comment]) -> None:
        n = self.workspace.submit(comments)
        if not n:
            self.notify(self.labels["nothing_to_submit"])
            return
        self.pc_app.workspace_changed.publish("comments")
        self.notify(self.labels("submitted", n=n))

    def action_edit(self) -> None:
        """Change the selected comment."""
        comment = self.selected()
        if comment is not None:
            self.edit_comment(comment)

    def action_delete(self) -> None:
        """Delete the selected comment (``z`` brings it back)."""
        comment = self.selected()
        if comment is not None:
            self.delete_comment(comment)

    def action_search(self) -> None:
        """Type words to find in the comments' text."""
        self.query_one(FilterBar).focus_text()

    def action_focus_table(self) -> None:
        """Back from the filters to the table."""
        self.table.focus()
