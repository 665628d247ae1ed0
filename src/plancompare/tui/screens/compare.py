"""The compare view's keys: differences (n/N), unmatched units (u), comments (c C E d),
the outline (o) and search (/)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from plancompare.align.rows import next_unmatched, row_of_section, step_difference
from plancompare.align.sentence_cursor import cursor_on
from plancompare.plan.search import TextHit
from plancompare.review.model import Comment
from plancompare.review.writing import pair_reference
from plancompare.tui.dialogs.search import SearchDialog
from plancompare.tui.screens.compare_view import CompareView
from plancompare.tui.widgets.outline import Outline
from plancompare.tui.widgets.pair_comments import PairComments


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


class CompareScreen(CompareView):
    """The compare view and what its keys do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "difference(1)", "bind_next_diff"),
        Binding("N", "difference(-1)", "bind_prev_diff", show=False),
        Binding("u", "next_unmatched", "bind_next_unmatched"),
        Binding("c", "comment", "bind_comment"),
        Binding("C", "comment_pair", "bind_comment_pair", show=False),
        Binding("E", "edit_comment", "bind_edit_comment", show=False),
        Binding("d", "delete_comment", "bind_delete_comment", show=False),
        Binding("o", "toggle_outline", "bind_outline"),
        Binding("slash", "search", "bind_search", key_display="/"),
    ]

    def action_difference(self, step: int) -> None:
        """Select the next (1) or previous (-1) difference, its sentences under the cursor."""
        rows = self.rows
        if not self.found:
            self.notify(self.labels["no_differences"])
            return
        if self.current_difference is not None:
            here = self.found[self.current_difference]
            row, group = here.row, here.group
        else:
            row, group = rows.selected, -1
        k = step_difference(self.found, row, group, forward=step > 0)
        assert k is not None
        found = self.found[k]
        diff_group = self.diffs[found.row].groups[found.group]
        side = "a" if diff_group.a and rows.rows[found.row].shows_a else "b"
        sentences = diff_group.a if side == "a" else diff_group.b
        cursor = cursor_on(
            side, rows.sentences(found.row, side), sentences[0].start, sentences[-1].end
        )
        self.current_difference = k
        rows.select(found.row, cursor)

    def action_next_unmatched(self) -> None:
        """Select the next unit that has no counterpart."""
        rows = self.rows
        i = next_unmatched(rows.rows, rows.selected) if rows.rows else None
        if i is None:
            self.notify(self.labels["no_unmatched"])
        else:
            rows.select(i)

    def action_comment(self) -> None:
        """Comment on the sentences under the cursor, else on the row's unit."""
        row, rows, ws = self.selected_row, self.rows, self.workspace
        if row is None:
            return
        if rows.cursor is not None:
            side = rows.cursor.side
            section = row.a if side == "a" else row.b
            assert section is not None
            start, end = rows.cursor.span(rows.sentences(rows.selected, side))
            on_what = f"{section.label}：{_clip(section.text[start:end])}"
            plan = ws.a if side == "a" else ws.b
            self.write_comment(plan.id, section.id, on_what, start=start, end=end)
            return
        side = "a" if row.a is not None and (row.shows_a or not row.shows_b) else "b"
        section = row.a if side == "a" else row.b
        assert section is not None
        self.write_comment((ws.a if side == "a" else ws.b).id, section.id, section.label)

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
        comment = self.query_one(PairComments).current
        if comment is None:
            self.notify(self.labels["no_comment_here"])
        return comment

    def action_edit_comment(self) -> None:
        """Edit the comment highlighted in the comments panel."""
        if comment := self._panel_comment():
            self.edit_comment(comment)

    def action_delete_comment(self) -> None:
        """Delete the comment highlighted in the comments panel (z brings it back)."""
        if comment := self._panel_comment():
            self.delete_comment(comment)

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
        self.rows.select(i)

    def action_search(self) -> None:
        """Search both plans; the chosen hit's row is selected, its sentence under the cursor."""
        ws = self.workspace
        self.app.push_screen(SearchDialog(self.labels, ws.a, ws.b), self.jump_to_hit)

    def jump_to_hit(self, hit: TextHit | None) -> None:
        """Select the row of a search hit (the sentence it is in, when it is in the text)."""
        if hit is not None:
            self.show_section(hit.plan, hit.section, hit.start, hit.end)

    def show_section(
        self, plan_id: str, section_id: str, start: int | None = None, end: int | None = None
    ) -> bool:
        """Select the row of a section of plan ``plan_id``, with the sentences of
        ``start``–``end`` (offsets in its text) under the cursor; other views call this
        to jump here (after switching to the compare mode). False if it has no row."""
        side = "a" if plan_id == self.workspace.a.id else "b"
        rows = self.rows
        i = row_of_section(rows.rows, side, section_id)
        if i is None:
            self.notify(self.labels["no_row"])
            return False
        sentences = rows.sentences(i, side)
        cursor = None
        if start is not None and sentences:
            cursor = cursor_on(side, sentences, start, end)
        rows.select(i, cursor)
        rows.focus()
        return True
