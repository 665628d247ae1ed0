"""The compare view hides nothing from the reviewer (Pilot, asserting state): a 〃 row shows the
figure it is compared with, the footer shows the keys of the mode the rows are in, ↓ goes on
into the next row, a typed comment is not thrown away unasked, d acts only on a comment seen
selected, messages say what is going on, the bar follows the columns, search works as in
less, and a cold start lays the rows out at once and refines them in place."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot

from plancompare.align.rows import compare_rows
from plancompare.align.sections import align_plans
from plancompare.embed.base import Embedder, Vectors
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.model import Plan
from plancompare.plan.search import search_plans
from plancompare.review.writing import Draft
from plancompare.tui import PlanCompareApp, make_app
from plancompare.tui.dialogs.comment_form import CommentForm
from plancompare.tui.dialogs.discard import DiscardDialog
from plancompare.tui.dialogs.search import SearchDialog
from plancompare.tui.screens.compare import CompareScreen
from plancompare.tui.widgets.compare_rows import CompareRows
from plancompare.tui.widgets.pair_comments import PairComments
from plancompare.tui.widgets.pair_row import GUTTER, MIDDLE, column_widths
from tests.tui_support import TIMEOUT, build_app, notices, scratch_settings, wait_until
from tests.tui_views_support import fill, ready_app, screen_text


@pytest.fixture(autouse=True)
def reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANCOMPARE_REVIEWER", "张三")


async def filled(pilot: Pilot[Any]) -> CompareScreen:
    """The core's results handed to the app; wait until the rows show their highlights."""
    app = pilot.app
    assert isinstance(app, PlanCompareApp)
    fill(app)
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    await wait_until(pilot, lambda: screen.diffs_ready, "the highlights")
    return screen


def footer(app: App[Any]) -> str:
    """What the footer shows: its keys and their words, in order."""
    keys = app.screen.query("FooterKey")
    return "  ".join(
        f"{getattr(k, 'key_display', '')} {getattr(k, 'description', '')}" for k in keys
    )


async def footer_shows(pilot: Pilot[Any], *words: str, absent: Sequence[str] = ()) -> str:
    """Wait until the footer (recomposed after a refresh) shows ``words`` and not ``absent``."""
    app = pilot.app
    await wait_until(
        pilot,
        lambda: all(w in footer(app) for w in words) and not any(w in footer(app) for w in absent),
        f"a footer with {words} and without {absent}",
    )
    return footer(app)


# --- nothing hidden ----------------------------------------------------------------------


async def test_a_ditto_row_shows_the_figure_it_is_compared_with_and_a_jump_lands_there(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await filled(pilot)
        rows = screen.rows.rows
        # 惠民效应更加突出 (5万人 jobs) is set against 德宏's 主要目标, shown in an earlier row.
        i = next(k for k, r in enumerate(rows) if r.a and r.a.title == "惠民效应更加突出")
        assert rows[i].b_seen and not rows[i].shows_b
        view = screen.row_view(i, None)
        assert "5万人" in view.a.plain and "〔值·年份≠德宏州≥10万人（2027年）〕" in view.a.plain
        assert view.b.plain.startswith("〃 见上：二、主要目标\n")
        assert "带动就业人数超10万人〔值·年份≠陆河县≥5万人（2030年）〕" in view.b.plain
        # The 指标 view's jump to the 5万人 target lands on that row, the figure under the cursor.
        section = luhe.section("3.4")
        assert section is not None
        at = section.text.index("5万人")
        screen.rows.select(0)
        app.show_in_compare("luhe", "3.4", at, at + 3)
        await wait_until(pilot, lambda: screen.rows.selected == i, "the jump to 3.4")
        cursor = screen.rows.cursor
        assert cursor is not None and cursor.side == "a"
        start, end = cursor.span(screen.rows.sentences(i, "a"))
        assert start <= at < end


async def test_the_footer_shows_the_keys_of_the_current_mode(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await filled(pilot)
        await footer_shows(pilot, "逐句", "下一差异", "退出", absent=["退出逐句", "换边"])
        await pilot.press("enter")  # into the text: how to move and how to leave are shown
        assert screen.rows.cursor is not None
        await footer_shows(pilot, "退出逐句", "换边")
        await pilot.press("escape")
        assert screen.rows.cursor is None
        await footer_shows(pilot, "逐句", absent=["退出逐句", "换边"])
        # After a comment dialog the footer is that of the mode the rows are in.
        await pilot.press("enter", "c")
        assert isinstance(app.screen, CommentForm)
        await pilot.press("escape")  # nothing typed: closes at once
        assert app.screen is screen and screen.rows.cursor is not None
        await footer_shows(pilot, "退出逐句", "换边")
        await pilot.press("escape")
        await footer_shows(pilot, "逐句", absent=["退出逐句", "换边"])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("lang", "words"), [("zh", ["快捷键", "退出", "命令"]),
                                             ("en", ["Keys", "Quit", "Commands"])])  # fmt: skip
async def test_the_footer_and_the_bar_are_whole_in_every_mode(
    luhe: Plan, dehong: Plan, tmp_path: Path, lang: str, words: list[str], size: tuple[int, int]
) -> None:
    app = ready_app(luhe, dehong, tmp_path, lang=lang)
    width = size[0]
    async with app.run_test(size=size) as pilot:
        screen = await filled(pilot)
        # Rows; the text; rows again; a search's hit in the text; the search, out of the text.
        steps = [(), ("enter",), ("escape",), ("slash", *"2027", "down", "down", "enter")]
        for keys in [*steps, ("escape",)]:
            await pilot.press(*keys)
            shown = await footer_shows(pilot, *words)
            footer_keys = list(app.screen.query("FooterKey"))
            palette = [k for k in footer_keys if k.has_class("-command-palette")]
            assert len(palette) == 1 and palette[0].region.right <= width, shown
            for key in footer_keys:  # none runs off the screen or under ^p, docked at the right
                if key is not palette[0]:
                    assert key.region.width and key.region.right <= palette[0].region.x, shown
        assert screen.hits  # the search is still on
        bar = str(screen.query_one("#compare-bar").render())
        assert "B 德宏州" in bar and screen.counter in bar


async def test_down_past_a_rows_last_sentence_goes_on_into_the_next_row(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await filled(pilot)
        rows = screen.rows
        i = next(k for k in range(len(rows.rows) - 1) if rows.sentences(k, "a"))
        rows.select(i)
        await pilot.press("enter")
        for _ in range(len(rows.sentences(i, "a")) - 1):
            await pilot.press("down")
        assert rows.selected == i
        await pilot.press("down")  # past the last sentence: the next row with text
        assert rows.selected > i and rows.cursor is not None
        assert (rows.cursor.first, rows.cursor.last) == (0, 0)
        after = rows.selected
        await pilot.press("up")  # and back: the last sentence of the row before
        assert rows.selected < after and rows.cursor is not None
        assert rows.cursor.head == len(rows.sentences(rows.selected, rows.cursor.side)) - 1


# --- comments ------------------------------------------------------------------------------


async def test_esc_on_a_comment_with_typed_text_asks_before_throwing_it_away(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await filled(pilot)
        await pilot.press("c", *"建议补充测算依据")
        form = app.screen
        assert isinstance(form, CommentForm) and form.dirty
        await pilot.press("escape")
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("escape")  # keep writing: the text is still there
        assert app.screen is form
        await pilot.press("escape", "y")  # discard: the form closes, nothing is saved
        assert app.screen is screen and app.workspace.comments() == []


async def test_d_deletes_only_a_comment_seen_selected(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    for body in ("第一条意见", "第二条意见", "第三条意见"):
        app.workspace.add_comment("luhe", "0", Draft(body=body, reviewer="张三"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await filled(pilot)
        panel = screen.query_one(PairComments)
        assert len(panel.comments) == 3 and panel.highlighted is None
        await pilot.press("d")  # the rows have the focus: no comment is seen selected
        assert len(app.workspace.comments()) == 3
        assert "请先按 Tab 到意见栏选中一条意见" in notices(app)
        await pilot.press("tab", "down")  # the panel: the second comment highlighted
        assert panel.has_focus and panel.highlighted == 1
        await pilot.press("d")
        assert [c.body for c in app.workspace.comments()] == ["第一条意见", "第三条意见"]


async def test_the_comment_panel_keeps_its_width_when_its_scrollbar_appears(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    """Lines wrapped before the scrollbar appeared lost a character under it."""
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await filled(pilot)
        panel = screen.query_one(PairComments)
        width = panel.scrollable_content_region.width
        body = "".join(chr(0x4E00 + k) for k in range(60))  # wraps onto a second line
        for _ in range(5):
            app.workspace.add_comment("luhe", "0", Draft(body=body, reviewer="张三"))
        app.workspace_changed.publish("comments")
        await wait_until(pilot, lambda: len(panel.comments) == 5, "the comments listed")
        assert panel.max_scroll_y > 0  # it scrolls now
        assert panel.scrollable_content_region.width == width
        lines = [panel.render_line(y).text.rstrip() for y in range(panel.size.height)]
        assert body in "".join(line.removeprefix("张三：") for line in lines[1:3])


# --- messages --------------------------------------------------------------------------------


async def test_n_says_the_differences_are_being_computed_and_u_says_it_wraps(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        ws = app.workspace
        ws.compute_first_alignment()  # rows, and no sentence matcher yet
        app.workspace_changed.publish("alignment")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_until(pilot, lambda: bool(screen.rows.rows), "the rows")
        await pilot.press("n")
        assert "正在计算差异…" in notices(app) and "没有差异" not in notices(app)
        assert "正在计算差异" in str(screen.query_one("#compare-bar").render())
        rows = screen.rows
        last = max(k for k, r in enumerate(rows.rows) if r.unmatched)
        rows.select(last)
        await pilot.press("u")
        assert rows.selected < last and rows.rows[rows.selected].unmatched
        assert "已到末尾，回到第一个无对应条目" in notices(app)


async def test_the_bar_follows_the_columns_when_the_outline_is_toggled(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await filled(pilot)

        def aligned() -> bool:
            """The bars of the header stand over those of the rows (in cells)."""
            width = screen.rows.scrollable_content_region.width
            a_width, _ = column_widths(width)
            bar = str(screen.query_one("#compare-bar").render())
            first = bar.index("│")
            second = bar.index("│", first + 1)
            return (
                cell_len(bar) == width
                and cell_len(bar[:first]) == GUTTER + a_width
                and cell_len(bar[:second]) == GUTTER + a_width + MIDDLE - 1
            )

        assert aligned()
        await pilot.press("o")  # the outline hidden: the rows widen, and no key is pressed
        await wait_until(pilot, aligned, "the bar over the wider columns")
        await pilot.press("o")
        await wait_until(pilot, aligned, "the bar over the narrower columns")


# --- search --------------------------------------------------------------------------------


async def test_search_marks_every_hit_and_n_N_go_from_hit_to_hit(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await filled(pilot)
        hits = search_plans([luhe, dehong], "2027")
        assert len(hits) >= 4
        await pilot.press("slash", *"2027")
        dialog = app.screen
        assert isinstance(dialog, SearchDialog)
        # Hits are told apart by where they are and what is around them.
        lines = [str(dialog.query_one("#hits").get_option_at_index(k).prompt) for k in range(4)]
        assert len(set(lines)) == 4 and all(hits[k].path in lines[k] for k in range(4))
        await pilot.press("down", "down", "enter")  # the second hit
        rows = screen.rows

        def on_hit(k: int) -> bool:
            hit = hits[k]
            cursor = rows.cursor
            if hit.start is None or cursor is None:
                return False
            start, end = cursor.span(rows.sentences(rows.selected, cursor.side))
            return screen.hit == k and start <= hit.start < end

        await wait_until(pilot, lambda: on_hit(1), "the second hit under the cursor")
        assert rows.shows_line(rows.selected_line())  # scrolled to, in a row taller than the view
        # Every hit of the term is marked in the rows.
        view = screen.row_view(rows.selected, rows.cursor)
        side = view.a if rows.cursor and rows.cursor.side == "a" else view.b
        assert any(side.plain[s.start : s.end] == "2027" for s in side.spans)
        # In the text Esc leaves it first; n/N go from hit to hit.
        await footer_shows(pilot, "下一处", "退出逐句", absent=["下一差异"])
        await pilot.press("n")
        await wait_until(pilot, lambda: on_hit(2), "the third hit")
        await pilot.press("N", "N", "N")  # back past the first: the last, said so
        await wait_until(pilot, lambda: screen.hit == len(hits) - 1, "the last hit")
        assert "已到开头，回到最后一处" in notices(app)
        assert "第 " in app.status_text and "2027" in app.status_text
        await pilot.press("escape")  # out of the text: Esc now ends the search
        await footer_shows(pilot, "下一处", "结束搜索", absent=["下一差异"])
        await pilot.press("escape")
        await footer_shows(pilot, "下一差异", absent=["下一处", "结束搜索"])
        assert screen.sources.search == ""


# --- a cold start ----------------------------------------------------------------------------


class HeldEmbedder(Embedder):
    """The lexical embedder, held back until released: a model still embedding on a cold
    cache (never cached, so the app makes its fast first alignment)."""

    id = "held-lexical"

    def __init__(self) -> None:
        self.inner = LexicalEmbedder()
        self.release = threading.Event()

    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        self.release.wait(TIMEOUT)
        return self.inner.embed_batch(texts)


async def until(pilot: Pilot[Any], condition: Callable[[], bool], what: str) -> None:
    """Wait for the app's state while a worker is held (wait_until waits for every worker):
    between looks, the app handles what it was sent."""
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"waited for {what}"
        await pilot.pause()
        await asyncio.sleep(0)


async def test_a_cold_start_lays_the_rows_out_at_once_and_refines_them_in_place(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    held = HeldEmbedder()
    app = make_app(luhe, dehong, scratch_settings(tmp_path), embedder=held)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        ws = app.workspace
        # Rows from the first alignment while the embedder has not given a single vector.
        await until(pilot, lambda: screen.marks_shown and ws.provisional, "the first rows")
        assert screen.rows.rows == ws.rows and screen.found
        assert ws.rows[5].key == compare_rows(align_plans(luhe, dehong, None))[5].key
        await until(pilot, lambda: app.status_text.startswith("已按字面初步对齐"), "the status")
        assert "embedding" not in app.status_text
        assert not screen.diffs_ready
        # The reviewer is at work on a row, in its text.
        i = next(
            k
            for k, r in enumerate(ws.rows)
            if k > 10 and r.a and r.b and len(screen.rows.sentences(k, "a")) >= 2
        )
        screen.rows.select(i)
        await pilot.press("enter", "down")
        before, cursor = ws.rows[i], screen.rows.cursor
        held.release.set()
        await until(pilot, lambda: screen.diffs_ready, "the refined rows and differences")
        assert not ws.provisional and app.status_text.startswith("已完成对照")
        # The same unit is selected in the refined rows, the cursor kept on the same pair.
        row = screen.selected_row
        assert row is not None and row.a is not None and before.a is not None
        assert row.a.id == before.a.id
        if row.key == before.key:
            assert screen.rows.cursor == cursor
        assert any(h.stops for h in screen.highlights.values())


def test_the_first_pass_is_skipped_on_a_warm_cache(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    from plancompare.align.diff import embedding_texts
    from plancompare.embed.cache import CachedEmbedder

    cached = CachedEmbedder(LexicalEmbedder(), tmp_path / "cache.db")
    app = make_app(luhe, dehong, scratch_settings(tmp_path), embedder=cached, compute=False)
    assert app.workspace.needs_first_pass()
    cached.embed_batch(embedding_texts(luhe) + embedding_texts(dehong))
    assert not app.workspace.needs_first_pass()
    # The lexical embedder is never cached (it loads jieba, slower than the first pass).
    assert build_app(luhe, dehong, tmp_path, compute=False).workspace.needs_first_pass()


async def test_while_the_segmenter_loads_the_highlights_come_first_then_the_words(
    luhe: Plan, dehong: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jieba's dictionary takes ~0.6 s to load: the view does not wait for it to show the
    highlights; a first pass (no word diff) is shown, then the pass with the changed words of
    near-identical sentences, and only that one is "the differences are ready"."""
    import plancompare.tui.screens.compare_view as compare_view

    monkeypatch.setattr(compare_view, "segmentation_loaded", lambda: False)
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        passes: list[tuple[bool, bool]] = []
        shown = screen.apply_marks

        def spy(*args: Any) -> None:
            shown(*args)
            passes.append((screen.highlights_ready, screen.diffs_ready))

        monkeypatch.setattr(screen, "apply_marks", spy)
        # The second pass waits until the reviewer has gone to a difference.
        go_on = threading.Event()
        load_segmentation = compare_view.load_segmentation

        def held() -> None:
            assert go_on.wait(TIMEOUT)
            load_segmentation()

        monkeypatch.setattr(compare_view, "load_segmentation", held)
        fill(app)
        await until(pilot, lambda: screen.highlights_ready, "the first pass")
        assert passes == [(True, False)]
        await pilot.press("n", "n")
        await until(pilot, lambda: screen.current_difference == 1, "the second difference")
        before = screen.found[1]
        stop = screen.highlights[before.row].stops[before.stop]
        go_on.set()
        await wait_until(pilot, lambda: screen.diffs_ready, "the highlights with their words")
        assert passes == [(True, False), (True, True)]
        assert screen.marked_words
        # Still at the same difference, however the words renumbered them.
        assert screen.current_difference is not None
        after = screen.found[screen.current_difference]
        again = screen.highlights[after.row].stops[after.stop]
        assert (after.row, again.side, again.start) == (before.row, stop.side, stop.start)


async def test_n_typed_fast_keeps_the_difference_it_went_to(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    """Keys typed faster than the screen follows: the move of an earlier n, handled after a
    later n went on to another row, must not clear the difference counter (差异 –/64)."""
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await filled(pilot)
        await pilot.press("n")
        first = screen.found[screen.current_difference or 0].row
        k = next(i for i, d in enumerate(screen.found) if d.row != first)
        for _ in range(k):
            await pilot.press("n")
        assert screen.current_difference == k
        screen.rows.post_message(CompareRows.Moved(first))  # the late move of the first n
        await pilot.pause()
        assert screen.current_difference == k
        assert f"{k + 1}/{len(screen.found)}" in screen_text(app)
