"""The compare view's keys: differences (n/N), unmatched units (u), comments (c C E d),
the outline (o), search (/, then n/N between its hits as in less) and similar passages across
the corpus (s)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from plancompare.align.rows import (
    Difference,
    next_unmatched,
    row_of_section,
    rows_of_section,
    step_difference,
    stop_side,
)
from plancompare.align.sentence_cursor import cursor_on
from plancompare.model import Plan, Section
from plancompare.plan.search import TextHit
from plancompare.review.model import Comment
from plancompare.review.writing import pair_reference
from plancompare.tui.dialogs.search import SearchDialog
from plancompare.tui.dialogs.similar import SimilarQuery
from plancompare.tui.screens.compare_view import CompareView
from plancompare.tui.widgets.outline import Outline
from plancompare.tui.widgets.pair_comments import PairComments


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


class CompareScreen(CompareView):
    """The compare view and what its keys do."""

    # n/N step through the search hits while a search is on (Esc ends it), else through the
    # differences: of two bindings of a key, the first whose action is allowed is used (and
    # shown in the footer).
    FOOTER_LEAVES_OUT = (
        "export", "similar", "toggle_outline", "sentences", "search", "next_unmatched",
    )  # fmt: skip
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "hit(1)", "bind_next_hit"),
        Binding("N", "hit(-1)", "bind_prev_hit", show=False),
        Binding("escape", "end_search", "bind_end_search"),
        Binding("n", "difference(1)", "bind_next_diff"),
        Binding("N", "difference(-1)", "bind_prev_diff", show=False),
        Binding("u", "next_unmatched", "bind_next_unmatched"),
        Binding("c", "comment", "bind_comment"),
        Binding("C", "comment_pair", "bind_comment_pair", show=False),
        Binding("E", "edit_comment", "bind_edit_comment", show=False),
        Binding("d", "delete_comment", "bind_delete_comment", show=False),
        Binding("o", "toggle_outline", "bind_outline"),
        Binding("slash", "search", "bind_search", key_display="/"),
        Binding("s", "similar", "bind_similar"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[TextHit] = []
        """The hits of the search that is on (n/N step through them)."""
        self.hit: int | None = None
        """Index of the hit shown last."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("hit", "end_search"):
            return bool(self.hits)
        if action == "difference":
            return not self.hits
        return True

    # --- differences ----------------------------------------------------------------------

    def action_difference(self, step: int) -> None:
        """Select the next (1) or previous (-1) difference, its sentences under the cursor;
        say so when the differences are still being computed, or when the step wraps."""
        rows = self.rows
        if not self.marks_shown:
            self.notify(self.labels["differences_pending"])
            return
        if not self.found:
            self.notify(self.labels["no_differences"])
            return
        if self.current_difference is not None:
            here = self.found[self.current_difference]
            row, stop = here.row, here.stop
        else:
            row, stop = rows.selected, -1
        k = step_difference(self.found, row, stop, forward=step > 0)
        assert k is not None
        found = self.found[k]
        if (step > 0 and found <= Difference(row, stop)) or (
            step < 0 and found >= Difference(row, stop)
        ):
            self.notify(self.labels["wrapped_first" if step > 0 else "wrapped_last"])
        self.current_difference = k
        self.select_stop(found)

    def select_stop(self, found: Difference) -> None:
        """Select a difference's row with its sentences under the cursor (the partner
        sentences where its own side is not shown in the row)."""
        rows = self.rows
        stop = self.highlights[found.row].stops[found.stop]
        side = stop_side(rows.rows[found.row], stop) or stop.side
        span = (stop.start, stop.end) if side == stop.side else stop.other
        cursor = None
        if span is not None and rows.sentences(found.row, side):
            cursor = cursor_on(side, rows.sentences(found.row, side), *span)
        rows.select(found.row, cursor, jump=True)

    def action_next_unmatched(self) -> None:
        """Select the next unit that has no counterpart (saying so when it starts over)."""
        rows = self.rows
        i = next_unmatched(rows.rows, rows.selected) if rows.rows else None
        if i is None:
            self.notify(self.labels["no_unmatched"])
            return
        if i <= rows.selected:
            self.notify(self.labels["wrapped_unmatched"])
        rows.select(i, jump=True)

    # --- comments -------------------------------------------------------------------------

    def action_comment(self) -> None:
        """Comment on the sentences under the cursor, else on the row's unit."""
        here = self._under_cursor()
        if here is None:
            return
        plan, section, span = here
        if span is not None:
            start, end = span
            on_what = f"{section.label}：{_clip(section.text[start:end])}"
            self.write_comment(plan.id, section.id, on_what, start=start, end=end)
            return
        self.write_comment(plan.id, section.id, section.label)

    def _under_cursor(self) -> tuple[Plan, Section, tuple[int, int] | None] | None:
        """What ``c`` and ``s`` act on: the plan and unit of the side the sentence cursor is
        on, with the span of its sentences — else the row's unit (A's, unless only B shows),
        without a span; None without a row."""
        row, rows, ws = self.selected_row, self.rows, self.workspace
        if row is None:
            return None
        if rows.cursor is not None:
            side = rows.cursor.side
            span: tuple[int, int] | None = rows.cursor.span(rows.sentences(rows.selected, side))
        else:
            side = "a" if row.a is not None and (row.shows_a or not row.shows_b) else "b"
            span = None
        section = row.a if side == "a" else row.b
        assert section is not None
        return (ws.a if side == "a" else ws.b), section, span

    def action_comment_pair(self) -> None:
        """Comment on the pair: anchored on A's unit, about B's unit (score and kind kept)."""
        row, ws = self.selected_row, self.workspace
        if row is None or row.a is None or row.b is None or row.link is None:
            self.notify(self.labels["not_a_pair"])
            return
        reference = pair_reference(ws.b, row.b.id, score=row.link.score, kind=row.link.kind)
        on_what = f"{row.a.label} ⇄ {row.b.label}"
        self.write_comment(ws.a.id, row.a.id, on_what, reference=reference)

    def _panel_comment(self) -> Comment | None:
        """The comment selected in the panel — only when the panel has the focus, so that
        what E and d act on is the one the reviewer sees highlighted."""
        panel = self.query_one(PairComments)
        comment = panel.current if panel.has_focus else None
        if comment is None:
            key = "no_comment_here" if not panel.comments else "select_comment_first"
            self.notify(self.labels[key])
        return comment

    def action_edit_comment(self) -> None:
        """Edit the comment selected in the comments panel."""
        if comment := self._panel_comment():
            self.edit_comment(comment)

    def action_delete_comment(self) -> None:
        """Delete the comment selected in the comments panel (z brings it back)."""
        if comment := self._panel_comment():
            self.delete_comment(comment)

    # --- the outline ----------------------------------------------------------------------

    def action_toggle_outline(self) -> None:
        """Show or hide the outline."""
        outline = self.query_one(Outline)
        outline.display = not outline.display
        self.outline_chosen = True

    def on_outline_jump(self, event: Outline.Jump) -> None:
        i = row_of_section(self.rows.rows, event.side, event.section)
        if i is None:
            self.notify(self.labels["no_row"])
            return
        self.rows.select(i, jump=True)

    # --- search ---------------------------------------------------------------------------

    def action_search(self) -> None:
        """Search both plans; the chosen hit's row is selected, its sentence under the cursor,
        every hit of the term marked; n/N then go from hit to hit, Esc ends the search."""
        ws = self.workspace
        dialog = SearchDialog(self.labels, ws.a, ws.b, self.sources.search)
        self.app.push_screen(dialog, self.jump_to_hit)

    def jump_to_hit(self, chosen: tuple[str, list[TextHit], int] | None) -> None:
        """Select the row of the chosen hit (the sentence it is in, when it is in the text)."""
        if chosen is None:
            return
        query, hits, index = chosen
        self.hits, self.hit = hits, index
        self.sources.search = query
        self.rows.changed()
        self.refresh_bindings()
        self.show_hit()

    def action_hit(self, step: int) -> None:
        """The next (1) or previous (-1) hit of the search, wrapping round with a word."""
        if not self.hits:
            return
        k = (self.hit or 0) + step
        if not 0 <= k < len(self.hits):
            k %= len(self.hits)
            self.notify(self.labels["wrapped_first" if step > 0 else "wrapped_last"])
        self.hit = k
        self.show_hit()

    def show_hit(self) -> None:
        """Show the current hit and say which it is (n of m)."""
        assert self.hit is not None
        hit = self.hits[self.hit]
        self.show_section(hit.plan, hit.section, hit.start, hit.end)
        self.pc_app.set_status(
            self.labels["search_at"].format(
                query=self.sources.search, x=self.hit + 1, y=len(self.hits)
            )
        )

    def action_end_search(self) -> None:
        """End the search: its hits are no longer marked, n/N go through differences again."""
        self.hits, self.hit = [], None
        self.sources.search = ""
        self.rows.changed()
        self.refresh_bindings()
        self.pc_app.set_status(self.pc_app.ready_status())

    # --- similar passages -----------------------------------------------------------------

    def action_similar(self) -> None:
        """Passages like the sentences under the cursor (else the row's unit) in every other
        plan of the corpus; a hit in a plan under review opens here, beside plan A."""
        here = self._under_cursor()
        if here is None:
            return
        plan, section, span = here
        if span is not None:
            text = section.text[span[0] : span[1]].strip()
            query = SimilarQuery(plan=plan.id, label=_clip(text, 40), text=text)
        else:
            query = SimilarQuery(plan=plan.id, label=section.label, section=section.id)
        if not (query.text or query.section):
            self.notify(self.labels["similar_nothing_here"])
            return
        self.pc_app.show_similar(query, keep=self.workspace.a.id)

    # --- going to a place -----------------------------------------------------------------

    def show_section(
        self,
        plan_id: str,
        section_id: str,
        start: int | None = None,
        end: int | None = None,
        partner: str | None = None,
    ) -> bool:
        """Select the row of a section of plan ``plan_id``, with the sentences of
        ``start``–``end`` (offsets in its text) under the cursor; other views call this
        to jump here (after switching to the compare mode). Of the rows showing the section,
        the one where a differing target in the span is set beside its counterpart is
        chosen, so that both figures are on screen; else the one beside ``partner`` (a
        section of the other plan). False if it has no row."""
        side = "a" if plan_id == self.workspace.a.id else "b"
        rows = self.rows
        candidates = rows_of_section(rows.rows, side, section_id)
        if not candidates:
            self.notify(self.labels["no_row"])
            return False
        i = next((k for k in candidates if self._shows_figure(k, side, start, end)), None)
        if i is None and partner is not None:
            i = next((k for k in candidates if self._beside(k, side, partner)), None)
        if i is None:
            i = next((k for k in candidates if self._shows(k, side)), candidates[0])
        sentences = rows.sentences(i, side)
        cursor = None
        if start is not None and sentences:
            cursor = cursor_on(side, sentences, start, end)
        rows.select(i, cursor, jump=True)
        rows.focus()
        return True

    def _beside(self, i: int, side: str, partner: str) -> bool:
        """Whether row ``i`` sets its unit of ``side`` beside section ``partner`` of the other
        plan (a further partner's row shows the unit as 〃)."""
        row = self.rows.rows[i]
        other = row.b if side == "a" else row.a
        return other is not None and other.id == partner

    def _shows(self, i: int, side: str) -> bool:
        row = self.rows.rows[i]
        return row.shows_a if side == "a" else row.shows_b

    def _shows_figure(self, i: int, side: str, start: int | None, end: int | None) -> bool:
        """Whether row ``i`` shows its side ``side`` with a differing target figure inside
        ``start``–``end``."""
        highlight = self.highlights.get(i)
        if highlight is None or start is None or not self._shows(i, side):
            return False
        stop = end if end is not None else start + 1
        return any(f.start < stop and f.end > start for f in highlight.side_figures(side))
