"""The table of the comments view: one row per comment, cut to fit the width."""

from __future__ import annotations

from plancompare.plan.wording import path_place
from plancompare.review.model import Comment
from plancompare.tui.dialogs.comment_view import category_text
from plancompare.tui.i18n import Labels
from plancompare.tui.widgets.view_table import ViewTable, fit

#: Columns and their widths; the body takes what is left.
WIDTHS = {
    "plan": 6,
    "section": 16,
    "category": 6,
    "state": 8,
    "reviewer": 6,
    "status": 6,
    "disposition": 8,
}


class CommentsTable(ViewTable):
    """Plan, place, category, anchor state, reviewer, status, decision and the start of the
    body."""

    def __init__(self, labels: Labels, names: dict[str, str], *, id: str | None = None) -> None:
        super().__init__("bind_show", id=id)
        self.labels = labels
        self.names = names
        """How each plan is named (its region, else its id), by plan id."""
        self.shown: list[Comment] = []
        """The comments on screen."""

    def selected(self) -> Comment | None:
        """The comment under the cursor."""
        n = self.cursor_row
        return self.shown[n] if self.shown and 0 <= n < len(self.shown) else None

    def load(self, comments: list[Comment]) -> None:
        """Show these comments, the cursor staying on the same comment when it is still there."""
        kept = self.selected()
        self.shown = comments
        self.clear(columns=True)
        widths = dict(WIDTHS)
        width = self.size.width or self.app.size.width or 120
        widths["body"] = max(16, width - 2 - 2 * len(widths) - 2 - sum(WIDTHS.values()))
        for column, size in widths.items():
            self.add_column(fit(self.labels[f"col_{column}"], size), width=size, key=column)
        for comment in comments:
            cells = self.cells(comment)
            self.add_row(*(fit(cells[c], size) for c, size in widths.items()), key=comment.id)
        ids = [c.id for c in comments]
        if kept is not None and kept.id in ids:
            self.move_cursor(row=ids.index(kept.id), animate=False)

    def cells(self, c: Comment) -> dict[str, str]:
        """The text of each column."""
        t = self.labels
        return {
            "plan": self.names.get(c.plan, c.plan),
            "section": path_place(c.anchor.path[-1:], t.lang),
            "category": category_text(t, c.category),
            "state": t.value(c.anchor.state),
            "reviewer": c.reviewer,
            "status": t.value(c.status),
            "disposition": t.value(c.disposition),
            "body": c.body,
        }
