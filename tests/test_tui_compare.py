"""The compare view with a real app: differences, unmatched units, comments on sentences and
pairs, the outline, search, the small terminal and English labels (Pilot, asserting state)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Tree

from plancompare.align.rows import CompareRow, next_unmatched, row_of_section
from plancompare.model import Plan
from plancompare.plan.search import search_plans
from plancompare.review.model import PairRef
from plancompare.tui.dialogs.comment_form import CommentForm
from plancompare.tui.dialogs.search import SearchDialog
from plancompare.tui.screens.compare import CompareScreen
from plancompare.tui.widgets.diff_text import COMMENTED
from plancompare.tui.widgets.outline import Outline
from plancompare.tui.widgets.pair_comments import PairComments
from tests.tui_support import build_app, loaded, notices, wait_until
from tests.tui_views_support import fill, ready_app


async def settle(pilot: Pilot[Any]) -> CompareScreen:
    """Wait until the compare view shows the differences of its rows (the whole load)."""
    screen = await loaded(pilot)
    assert isinstance(screen, CompareScreen)
    return screen


def selected(screen: CompareScreen) -> CompareRow:
    row = screen.selected_row
    assert row is not None
    return row


@pytest.fixture(autouse=True)
def reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A known reviewer, so that `c` opens the comment form at once."""
    monkeypatch.setenv("PLANCOMPARE_REVIEWER", "张三")


async def test_n_and_N_step_through_differences_and_u_to_unmatched_units(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = build_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        rows = screen.rows
        assert rows.rows is app.workspace.rows and screen.highlights
        y = len(screen.found)
        assert y > 2 and screen.counter == f"差异 –/{y}"
        await pilot.press("n")
        first = screen.found[0]
        assert rows.selected == first.row and screen.counter == f"差异 1/{y}"
        stop = screen.highlights[first.row].stops[first.stop]
        assert rows.cursor is not None
        side = rows.cursor.side
        span = rows.cursor.span(rows.sentences(rows.selected, side))
        assert span == ((stop.start, stop.end) if side == stop.side else stop.other)
        await pilot.press("n")
        assert (rows.selected, screen.counter) == (screen.found[1].row, f"差异 2/{y}")
        await pilot.press("N")
        assert "回到" not in notices(app)
        await pilot.press("N")  # back to the first, then round to the last: said so
        assert (rows.selected, screen.counter) == (screen.found[-1].row, f"差异 {y}/{y}")
        assert "已到开头，回到最后一处" in notices(app)
        before = rows.selected
        await pilot.press("u")
        assert selected(screen).unmatched
        assert rows.selected == next_unmatched(rows.rows, before)
        assert screen.counter == f"差异 –/{y}"  # off the differences now


async def test_comment_on_selected_sentences_is_saved_marked_and_listed(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = build_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        rows = screen.rows
        i = next(k for k in range(len(rows.rows)) if len(rows.sentences(k, "a")) >= 3)
        rows.select(i)
        await pilot.press("enter", "down", "shift+down")
        assert rows.cursor is not None and (rows.cursor.first, rows.cursor.last) == (1, 2)
        await pilot.press("c")
        assert isinstance(app.screen, CommentForm)
        await pilot.press(*"建议核实数据", "ctrl+s")
        await pilot.pause()
        (comment,) = app.workspace.comments()
        section = selected(screen).a
        assert section is not None
        sentences = rows.sentences(i, "a")
        assert (comment.plan, comment.anchor.section) == ("luhe", section.id)
        assert comment.anchor.position is not None
        start, end = comment.anchor.position.start, comment.anchor.position.end
        assert (start, end) == (sentences[1].start, sentences[2].end)
        assert comment.quoted == section.text[start:end]
        assert (comment.body, comment.reviewer) == ("建议核实数据", "张三")
        # Marked in the text, listed in the panel.
        assert COMMENTED in screen.row_view(i, None).a.plain
        assert screen.query_one(PairComments).comments == [comment]
        # Tab takes the cursor to B's side; Esc takes it out of the text.
        if rows.sentences(i, "b"):
            await pilot.press("tab")
            assert rows.cursor is not None and rows.cursor.side == "b"
        await pilot.press("escape")
        assert rows.cursor is None


async def test_pair_comment_then_edit_delete_and_undo(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = build_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        rows = screen.rows
        i = next(k for k, r in enumerate(rows.rows) if r.link is not None and r.a and r.b)
        rows.select(i)
        await pilot.press("C")
        assert isinstance(app.screen, CommentForm)
        await pilot.press(*"两者目标不一致", "ctrl+s")
        await pilot.pause()
        (comment,) = app.workspace.comments()
        row = rows.rows[i]
        assert row.a is not None and row.b is not None and row.link is not None
        assert (comment.plan, comment.anchor.section, comment.anchor.exact) == (
            "luhe",
            row.a.id,
            "",
        )
        ref = comment.reference
        assert isinstance(ref, PairRef)
        assert (ref.plan, ref.anchor.section) == ("dehong", row.b.id)
        assert (ref.score, ref.kind) == (row.link.score, row.link.kind)
        panel = screen.query_one(PairComments)
        assert panel.comments == [comment]

        await pilot.press("tab")  # to the comments panel: its comment is selected, visibly
        assert panel.has_focus and panel.highlighted == 0
        await pilot.press("E")
        assert isinstance(app.screen, CommentForm)
        await pilot.press("end", *"请统一", "ctrl+s")
        await pilot.pause()
        assert app.workspace.comments()[0].body == "两者目标不一致请统一"

        await pilot.press("d")
        await pilot.pause()
        assert app.workspace.comments() == []
        assert screen.query_one(PairComments).comments == []
        await pilot.press("z")
        await pilot.pause()
        assert [c.id for c in app.workspace.comments()] == [comment.id]
        assert [c.id for c in screen.query_one(PairComments).comments] == [comment.id]


async def test_outline_jumps_to_a_section_and_both_trees_follow(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = build_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        outline = screen.query_one(Outline)
        assert outline.display  # wide enough to show it
        tree_a = screen.query_one("#outline-a", Tree)
        tree_b = screen.query_one("#outline-b", Tree)
        tree_b.focus()
        tree_b.select_node(outline.nodes["b"]["5.1"])
        target = row_of_section(screen.rows.rows, "b", "5.1")

        def followed(side: Tree[Any]) -> bool:
            row = selected(screen)
            other = row.a if side is tree_a else row.b
            return other is None or (
                side.cursor_node is not None and side.cursor_node.data == other.id
            )

        await wait_until(
            pilot,
            lambda: screen.rows.selected == target and followed(tree_a),
            "B's 5.1 chosen and A's tree on its partner",
        )
        row = selected(screen)
        assert row.b is not None and row.b.id == "5.1"
        # The other side follows to the counterpart.
        assert row.a is not None and tree_a.cursor_node is not None
        assert tree_a.cursor_node.data == row.a.id
        # Choosing in A's tree: that section's row, B's tree on its partner.
        tree_a.select_node(outline.nodes["a"]["6.3"])
        await wait_until(
            pilot,
            lambda: (a := selected(screen).a) is not None and a.id == "6.3" and followed(tree_b),
            "A's 6.3 chosen and B's tree on its partner",
        )
        row = selected(screen)
        assert row.a is not None and row.a.id == "6.3"
        if row.b is not None:
            assert tree_b.cursor_node is not None and tree_b.cursor_node.data == row.b.id


async def test_search_jumps_to_the_row_and_the_sentence(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = build_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchDialog)
        await pilot.press(*"融资")
        hits = search_plans([luhe, dehong], "融资")
        assert app.screen.hits == hits and hits
        await pilot.press("down", "down", "enter")  # into the results, the second hit
        await pilot.pause()
        hit = hits[1]
        side = "a" if hit.plan == "luhe" else "b"
        rows = screen.rows
        assert rows.selected == row_of_section(rows.rows, side, hit.section)
        assert hit.start is not None and rows.cursor is not None and rows.cursor.side == side
        start, end = rows.cursor.span(rows.sentences(rows.selected, side))
        assert start <= hit.start < end


async def test_small_terminal_hides_the_outline_until_o(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = build_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        outline = screen.query_one(Outline)
        assert not outline.display
        await pilot.press("o")
        assert outline.display
        await pilot.press("o")
        assert not outline.display


async def test_english_labels(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = build_app(luhe, dehong, tmp_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        y = len(screen.found)
        assert screen.counter == f"Difference –/{y}"
        await pilot.press("n")
        assert screen.counter == f"Difference 1/{y}"
        descriptions = {active.binding.description for active in app.active_bindings.values()}
        assert {"Next diff", "Unmatched", "Comment", "Outline", "Search"} <= descriptions
        bar = str(screen.query_one("#compare-bar").render())
        assert "score" in bar


async def test_text_selected_with_the_mouse_is_copied_with_ctrl_c(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    """Selecting in the rows (a double click selects the widget's text, as a drag over it
    does) and Ctrl+C copies the selected row's text; it used to crash the app, because the
    rows widget hid Textual's own ``Widget._render``."""
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        fill(app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert await pilot.double_click("#rows", offset=(10, 8))
        await pilot.pause()
        assert screen.rows in app.screen.selections
        await pilot.press("ctrl+c")
        await pilot.pause()
        row = selected(screen)
        assert row.a is not None and row.b is not None and row.shows_a and row.shows_b
        assert app.clipboard == f"{row.a.label}\n{row.a.text}\n\n{row.b.label}\n{row.b.text}"
        assert app.is_running
