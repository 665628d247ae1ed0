"""What the compare view shows: the rows, the outline, the row's comments, the counter.

Rows come with the alignment; the in-pair diffs (and the targets to emphasise) are
computed in a thread worker once the sentence matcher is published, and the rows are
drawn again with them. The keys are in :mod:`.compare` (the screen itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from plancompare.align.rows import CompareRow, Difference, diff_rows, differences
from plancompare.align.sentence_cursor import SentenceCursor
from plancompare.review.row_marks import (
    BySection,
    Span,
    changed_sections,
    comments_by_section,
    rows_showing,
    target_spans,
)
from plancompare.tui.screens.base import ViewScreen
from plancompare.tui.widgets.compare_bar import bar_text
from plancompare.tui.widgets.compare_rows import CompareRows
from plancompare.tui.widgets.outline import Outline
from plancompare.tui.widgets.pair_comments import PairComments
from plancompare.tui.widgets.pair_row import RowView, row_view
from plancompare.tui.widgets.side_input import side_input

if TYPE_CHECKING:
    from plancompare.align.diff import PairDiff, SentenceMatcher

#: Below this width the outline starts hidden (``o`` shows it).
OUTLINE_MIN_WIDTH = 100


class CompareView(ViewScreen):
    """Rows of aligned sections: plan A left, plan B right; an outline; the row's comments."""

    VIEW = "compare"

    def __init__(self) -> None:
        super().__init__()
        self.diffs: dict[int, PairDiff] = {}
        self.found: list[Difference] = []
        self.current_difference: int | None = None
        self.comment_index: BySection = {}
        self.targets: dict[tuple[str, str], list[Span]] = {}
        self.marked_rows: list[CompareRow] | None = None
        """The rows whose diffs and targets are shown (None before the first)."""
        self.outline_chosen = False

    def compose_body(self) -> ComposeResult:
        ws = self.workspace
        titles = (self.plan_title("a"), self.plan_title("b"))
        with Horizontal(id="compare-body"):
            yield Outline(ws.a, ws.b, titles, id="outline")
            with Vertical(id="compare-main"):
                yield Static(id="compare-bar")
                yield CompareRows(self.labels, self.row_view, id="rows")
                yield PairComments(self.labels, id="pair-comments")

    def plan_title(self, side: str) -> str:
        """How a plan is named in the view: its region, else its id."""
        plan = self.workspace.a if side == "a" else self.workspace.b
        return f"{side.upper()} {plan.meta.region or plan.id}"

    @property
    def rows(self) -> CompareRows:
        """The rows widget."""
        return self.query_one("#rows", CompareRows)

    @property
    def selected_row(self) -> CompareRow | None:
        """The selected row, if there are rows."""
        rows = self.rows
        return rows.rows[rows.selected] if rows.rows else None

    def on_mount(self) -> None:
        # (ViewScreen.on_mount runs too, after this: Textual calls every class's handler.)
        self.rows.focus()
        self.rows.empty_text = self.labels["aligning"]

    def on_resize(self) -> None:
        if not self.outline_chosen:
            self.query_one(Outline).display = self.app.size.width >= OUTLINE_MIN_WIDTH
        self.call_after_refresh(self.update_bar)

    # --- the workspace -------------------------------------------------------------------

    def workspace_changed(self, what: str) -> None:
        ws = self.workspace
        old = self.comment_index
        if what in ("comments", "mounted"):
            self.comment_index = comments_by_section(ws.comments())
        if what in ("alignment", "mounted") and ws.alignment is not None:
            self.diffs, self.found, self.current_difference = {}, [], None
            self.rows.show(ws.rows)
            self.row_moved(0)
        elif what == "comments":
            # Only the rows whose markers moved are drawn again (a long plan has thousands).
            touched = changed_sections(old, self.comment_index)
            again = rows_showing(self.rows.rows, ws.a.id, ws.b.id, touched)
            if again:
                self.rows.changed(*again)
            self.row_moved(self.rows.selected)
        if what in ("matcher", "mounted") and ws.matcher is not None and ws.rows:
            self.compute_marks(ws.rows, ws.matcher)

    def compute_marks(self, rows: list[CompareRow], matcher: SentenceMatcher) -> None:
        """Diff every pair and find the targets, in a thread; the app's handler shows errors."""
        ws = self.workspace

        def work() -> None:
            diffs = diff_rows(rows, matcher, ws.cancel)  # set when the app closes
            targets = {**target_spans(ws.a), **target_spans(ws.b)}
            if not ws.cancel.is_set():
                self.app.call_from_thread(self.apply_marks, rows, diffs, targets)

        self.app.run_worker(work, thread=True, group="compare-marks", exit_on_error=False)

    def apply_marks(
        self,
        rows: list[CompareRow],
        diffs: dict[int, PairDiff],
        targets: dict[tuple[str, str], list[Span]],
    ) -> None:
        """Show the diffs (unless the rows changed meanwhile)."""
        if rows is not self.workspace.rows:
            return
        self.diffs, self.targets, self.marked_rows = diffs, targets, rows
        self.found = differences(rows, diffs)
        self.rows.changed()
        self.update_bar()

    @property
    def diffs_ready(self) -> bool:
        """Whether the rows on screen show their differences (the diffs of the current
        alignment are computed and applied); what waits for "the compare view is done"."""
        rows = self.workspace.rows
        return bool(rows) and self.marked_rows is rows

    # --- drawing ----------------------------------------------------------------------------

    def row_view(self, i: int, cursor: SentenceCursor | None) -> RowView:
        """What row ``i`` shows (called by the rows widget)."""
        ws, rows = self.workspace, self.rows
        row, diff = rows.rows[i], self.diffs.get(i)
        spans: dict[str, Span | None] = {"a": None, "b": None}
        if cursor is not None and rows.sentences(i, cursor.side):
            spans[cursor.side] = cursor.span(rows.sentences(i, cursor.side))
        marks = self.comment_index, self.targets
        detail = i == rows.selected
        a = side_input(ws.a.id, row.a, "a", diff, *marks, spans["a"], detail)
        b = side_input(ws.b.id, row.b, "b", diff, *marks, spans["b"], detail)
        at = None
        span = spans[cursor.side] if cursor is not None else None
        if cursor is not None and span is not None:
            at = (cursor.side, span[0], span[1])
        return row_view(row, a, b, rows.row_styles, self.labels, at)

    def on_row_list_moved(self, event: CompareRows.Moved) -> None:
        self.row_moved(event.index)

    def row_moved(self, index: int) -> None:
        """Follow the selection: outline cursors, the comments panel, the counter."""
        if self.current_difference is not None and self.found[self.current_difference].row != index:
            self.current_difference = None
        row = self.selected_row
        if row is not None:
            ws = self.workspace
            self.query_one(Outline).follow(row.a.id if row.a else None, row.b.id if row.b else None)
            on_a = self.comment_index.get((ws.a.id, row.a.id), []) if row.a else []
            on_b = self.comment_index.get((ws.b.id, row.b.id), []) if row.b else []
            self.query_one(PairComments).show(on_a, on_b)
        self.update_bar()

    @property
    def counter(self) -> str:
        """差异 x/y: the difference the selection is on, of how many ("" before the diffs)."""
        if not self.diffs:
            return ""
        x = "–" if self.current_difference is None else str(self.current_difference + 1)
        return self.labels["differences"].format(x=x, y=len(self.found))

    def update_bar(self) -> None:
        """The line over the rows: which plan is on which side, and the counter."""
        bar = bar_text(
            self.rows.scrollable_content_region.width,
            self.plan_title("a"),
            self.labels["score_column"],
            self.plan_title("b"),
            self.counter,
            self.current_difference is not None,
        )
        self.query_one("#compare-bar", Static).update(bar)
