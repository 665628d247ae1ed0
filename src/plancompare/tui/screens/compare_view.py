"""What the compare view shows: the rows, the outline, the row's comments, the counter.

Rows come with the alignment — first the fast one (lexical evidence, no embeddings), then the
refined one, laid out in place with the selection kept. The in-pair diffs and their semantic
highlight (:mod:`plancompare.align.highlight`) are computed in a thread worker once a
sentence matcher is published, and the rows are drawn again with them. The keys are in
:mod:`.compare` (the screen itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from plancompare.align.diff import load_segmentation, segmentation_loaded
from plancompare.align.highlight import Aspect, FigureMark, PairHighlight, Span, Stop
from plancompare.align.rows import CompareRow, Difference, diff_rows, differences
from plancompare.align.sentence_cursor import SentenceCursor
from plancompare.review.row_marks import (
    changed_sections,
    comments_by_section,
    rows_showing,
    target_spans,
)
from plancompare.review.target_marks import PlanTargets, plan_targets, row_highlights
from plancompare.targets.indicators import show_value
from plancompare.tui.screens.base import ViewScreen
from plancompare.tui.widgets.compare_bar import bar_text
from plancompare.tui.widgets.compare_rows import CompareRows
from plancompare.tui.widgets.outline import Outline
from plancompare.tui.widgets.pair_comments import PairComments
from plancompare.tui.widgets.pair_row import RowView, row_view
from plancompare.tui.widgets.side_input import MarkSources, side_input

if TYPE_CHECKING:
    from plancompare.align.diff import SentenceMatcher

#: Below this width the outline starts hidden (``o`` shows it).
OUTLINE_MIN_WIDTH = 100


class CompareView(ViewScreen):
    """Rows of aligned sections: plan A left, plan B right; an outline; the row's comments."""

    VIEW = "compare"

    def __init__(self) -> None:
        super().__init__()
        self.highlights: dict[int, PairHighlight] = {}
        self.found: list[Difference] = []
        self.current_difference: int | None = None
        self.sources = MarkSources()
        self.marked_rows: list[CompareRow] | None = None
        """The rows whose highlights are shown (None before the first)."""
        self.marked_matcher: SentenceMatcher | None = None
        """The sentence matcher those highlights were computed with."""
        self.marked_words = False
        """Whether they hold the changed words of near-identical sentences."""
        self.plan_targets: dict[tuple[str, str], PlanTargets] = {}
        """The targets of each pair's two plans, located (once per pair)."""
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
        return f"{side.upper()} {self.workspace.name(plan.id)}"

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
        self.sources.name = self.name_difference

    def on_resize(self) -> None:
        if not self.outline_chosen:
            self.query_one(Outline).display = self.app.size.width >= OUTLINE_MIN_WIDTH
        self.call_after_refresh(self.update_bar)

    def on_row_list_resized(self, event: CompareRows.Resized) -> None:
        # The rows changed width (the outline shown or hidden): the bar follows their columns.
        self.update_bar()

    # --- the workspace -------------------------------------------------------------------

    def workspace_changed(self, what: str) -> None:
        if what == "pair":
            self.show_pair()
            return
        ws = self.workspace
        old = self.sources.comments
        if what in ("comments", "mounted"):
            self.sources.comments = comments_by_section(ws.comments())
        if what in ("alignment", "mounted") and ws.alignment is not None:
            self.show_rows(ws.rows)
        elif what == "comments":
            # Only the rows whose markers moved are drawn again (a long plan has thousands).
            touched = changed_sections(old, self.sources.comments)
            again = rows_showing(self.rows.rows, ws.a.id, ws.b.id, touched)
            if again:
                self.rows.changed(*again)
            self.row_moved(self.rows.selected)
        if what in ("matcher", "mounted") and ws.matcher is not None and ws.rows:
            self.compute_marks(ws.rows, ws.matcher)
        if what == "status":
            self.update_bar()

    def show_pair(self) -> None:
        """Show the compare pair the reviewer switched to: its plans' outline, its rows as far
        as they are computed (the rest arrives as for the first pair), the same unit of A kept
        selected when it has a row."""
        ws = self.workspace
        self.query_one(Outline).set_plans(ws.a, ws.b, (self.plan_title("a"), self.plan_title("b")))
        self.sources.comments = comments_by_section(ws.comments())
        self.show_rows(ws.rows)
        if ws.matcher is not None and ws.rows:
            self.compute_marks(ws.rows, ws.matcher)

    @property
    def shows_pair_rows(self) -> bool:
        """Whether the rows on screen are the compare pair's, aligned (what a jump waits for)."""
        ws = self.workspace
        return ws.alignment is not None and self.rows.rows is ws.rows

    def show_rows(self, rows: list[CompareRow]) -> None:
        """Lay out new rows; when they refine rows already shown, the same units stay
        selected (and the sentence cursor, if its unit is the same)."""
        widget = self.rows
        before = self.selected_row
        cursor = widget.cursor
        self.highlights, self.found, self.current_difference = {}, [], None
        self.marked_rows = None
        widget.show(rows)
        if self.pc_app.jump_request is not None:
            # Another view asked for a place in these rows.
            self.call_after_refresh(self.pc_app.carry_out_jump)
        at = _same_place(rows, before) if before is not None else None
        if at is None:
            self.row_moved(0)
            return
        same_unit = before is not None and rows[at].key == before.key
        widget.select(at, cursor if same_unit else None)

    def compute_marks(self, rows: list[CompareRow], matcher: SentenceMatcher) -> None:
        """Diff every pair and highlight it, in a thread; the app's handler shows errors."""
        ws = self.workspace
        a, b = ws.a, ws.b  # the pair may be switched while this runs

        def work() -> None:
            # While jieba's dictionary is still loading (~0.6 s), a first pass shows every
            # highlight but the changed words of near-identical sentences; then the words
            # (the highlight diffs the words of a group the first pass left without).
            words = segmentation_loaded()
            diffs = diff_rows(rows, matcher, ws.cancel, words=False, segment=words)
            if (a.id, b.id) not in self.plan_targets:
                self.plan_targets[a.id, b.id] = plan_targets(a, b)
            targets = self.plan_targets[a.id, b.id]
            spans = {**target_spans(a), **target_spans(b)}
            for final in [True] if words else [False, True]:
                if final and not words:
                    load_segmentation()
                if ws.cancel.is_set():  # the app closes
                    return
                highlights = row_highlights(rows, diffs, targets, words=final)
                self.app.call_from_thread(self.apply_marks, rows, matcher, highlights, spans, final)

        self.app.run_worker(work, thread=True, group="compare-marks", exit_on_error=False)

    def apply_marks(
        self,
        rows: list[CompareRow],
        matcher: SentenceMatcher,
        highlights: dict[int, PairHighlight],
        targets: dict[tuple[str, str], list[Span]],
        words: bool = True,
    ) -> None:
        """Show the highlights (unless the rows changed meanwhile); ``words`` False: a first
        pass, the changed words of near-identical sentences still to come."""
        if rows is not self.workspace.rows:
            return
        here = self._current_stop() if self.marked_rows is rows else None
        self.highlights, self.sources.targets = highlights, targets
        self.marked_rows, self.marked_matcher = rows, matcher
        self.marked_words = words
        self.found = differences(rows, highlights)
        # Marks that refine those shown (the words of a second pass): the reviewer stays on
        # the difference they were at, which may now have another number.
        self.current_difference = None
        if here is not None:
            row, stop = here
            self.current_difference = next(
                (
                    k
                    for k, d in enumerate(self.found)
                    if d.row == row
                    and (s := highlights[row].stops[d.stop]).side == stop.side
                    and s.start == stop.start
                ),
                None,
            )
        self.rows.changed()
        self.update_bar()

    def _current_stop(self) -> tuple[int, Stop] | None:
        """The row and the stop of the difference the reviewer is at, if any."""
        if self.current_difference is None or self.current_difference >= len(self.found):
            return None
        d = self.found[self.current_difference]
        return d.row, self.highlights[d.row].stops[d.stop]

    @property
    def marks_shown(self) -> bool:
        """Whether the rows on screen show their differences (maybe a first, lexical pass)."""
        rows = self.workspace.rows
        return bool(rows) and self.marked_rows is rows

    @property
    def highlights_ready(self) -> bool:
        """Whether the rows on screen show the highlights of the refined alignment and the
        matcher of the session's embedder (maybe not yet the changed words of near-identical
        sentences, which wait for jieba's dictionary)."""
        ws = self.workspace
        return self.marks_shown and not ws.provisional and self.marked_matcher is ws.matcher

    @property
    def diffs_ready(self) -> bool:
        """Whether the rows on screen show their final differences, the changed words of
        near-identical sentences included; what waits for "the compare view is done"."""
        return self.highlights_ready and self.marked_words

    # --- drawing ----------------------------------------------------------------------------

    def name_difference(self, figure: FigureMark) -> str:
        """The words after a differing figure: what differs, and the other plan's figure."""
        labels, other = self.labels, figure.other
        aspects = "·".join(labels["aspect_" + a.value] for a in figure.difference.aspects)
        value = show_value(other, lang=labels.lang)
        if Aspect.YEAR in figure.difference.aspects and other.year is not None:
            value = labels["difference_year"].format(value=value, year=other.year)
        plan = self.workspace.b if figure.side == "a" else self.workspace.a
        name = self.workspace.name(plan.id)
        return labels["difference_label"].format(aspects=aspects, plan=name, value=value)

    def row_view(self, i: int, cursor: SentenceCursor | None) -> RowView:
        """What row ``i`` shows (called by the rows widget)."""
        ws, rows = self.workspace, self.rows
        row, highlight = rows.rows[i], self.highlights.get(i)
        spans: dict[str, Span | None] = {"a": None, "b": None}
        if cursor is not None and rows.sentences(i, cursor.side):
            spans[cursor.side] = cursor.span(rows.sentences(i, cursor.side))
        detail = i == rows.selected
        a = side_input(ws.a.id, row.a, "a", highlight, self.sources, spans["a"], detail)
        b = side_input(ws.b.id, row.b, "b", highlight, self.sources, spans["b"], detail)
        at = None
        span = spans[cursor.side] if cursor is not None else None
        if cursor is not None and span is not None:
            at = (cursor.side, span[0], span[1])
        return row_view(row, a, b, rows.row_styles, self.labels, at)

    def on_row_list_moved(self, event: CompareRows.Moved) -> None:
        if event.index != self.rows.selected:
            # Queued before a later move (n n n typed fast): that move's message follows, and
            # this one must not undo what the later key set (the difference it went to).
            return
        self.row_moved(event.index)

    def row_moved(self, index: int) -> None:
        """Follow the selection: outline cursors, the comments panel, the counter."""
        if self.current_difference is not None and self.found[self.current_difference].row != index:
            self.current_difference = None
        row = self.selected_row
        if row is not None:
            ws = self.workspace
            self.query_one(Outline).follow(row.a.id if row.a else None, row.b.id if row.b else None)
            comments = self.sources.comments
            on_a = comments.get((ws.a.id, row.a.id), []) if row.a else []
            on_b = comments.get((ws.b.id, row.b.id), []) if row.b else []
            self.query_one(PairComments).show(on_a, on_b)
        self.update_bar()

    @property
    def counter(self) -> str:
        """差异 x/y: the difference the selection is on, of how many (… while computing)."""
        if not self.marks_shown:
            return self.labels["differences_pending"] if self.workspace.rows else ""
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


def _same_place(rows: list[CompareRow], before: CompareRow) -> int | None:
    """The row of ``rows`` that shows what ``before`` showed: the same pair, else the same
    unit of A, else the same unit of B."""
    for i, row in enumerate(rows):
        if row.key == before.key:
            return i
    for side in ("a", "b"):
        unit = before.a if side == "a" else before.b
        if unit is None:
            continue
        for i, row in enumerate(rows):
            mine = row.a if side == "a" else row.b
            if mine is not None and mine.id == unit.id:
                return i
    return None
