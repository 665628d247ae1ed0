"""Pictures of the compare view (pytest-textual-snapshot): one per screen state, at fixed
sizes, on 陆河 ⇄ 德宏 with the lexical embedder and a scratch database.

Regenerate with ``pytest tests/test_tui_snapshots_compare.py --snapshot-update`` and look
at the SVGs under ``tests/__snapshots__/`` before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label, OptionList

from plancompare.model import Plan
from plancompare.review.writing import Draft
from plancompare.tui import PlanCompareApp
from plancompare.tui.dialogs.search import SearchDialog
from plancompare.tui.screens.compare import CompareScreen
from tests.tui_support import build_app, loaded, wait_until

Snap = Callable[..., bool]


def settled(
    *keys: str, until: Callable[[CompareScreen], bool] | None = None, what: str = ""
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Before the picture: wait for the whole load (the compare view shows its diffs), press
    ``keys``, then wait ``until`` the view is in the state the picture is of."""

    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await loaded(pilot)
        assert isinstance(screen, CompareScreen)
        await pilot.press(*keys)
        if until is not None:
            await wait_until(pilot, lambda: until(screen), what)

    return run_before


def on_difference(k: int) -> Callable[[CompareScreen], bool]:
    """The selection is on difference ``k`` (counted from 0), its sentences under the cursor."""
    return lambda screen: screen.current_difference == k and screen.rows.cursor is not None


def on_unmatched(screen: CompareScreen) -> bool:
    """The selected row is a unit without a counterpart."""
    row = screen.selected_row
    return row is not None and row.unmatched


@pytest.fixture(autouse=True)
def reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANCOMPARE_REVIEWER", "张三")


def app_on(luhe: Plan, dehong: Plan, tmp_path: Path, lang: str = "zh") -> PlanCompareApp:
    return build_app(luhe, dehong, tmp_path, lang=lang)


def test_compare_view(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """Outline of A and B on the left; rows 陆河 | score | 德宏 wrapped in their columns; the
    first row (前言) selected with ▌, its paraphrases unmarked, ◇/◆ before measures one side
    lacks; 差异 –/N in the bar; ⏎ 逐句 first in the footer."""
    app = app_on(luhe, dehong, tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled())


def test_next_difference(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """After n n: the second difference (a measure one side lacks) selected, its sentences
    under the cursor with arrows in the bar beside them; 差异 2/N reversed in the bar; the
    footer shows tab 换边 and esc 退出逐句."""
    app = app_on(luhe, dehong, tmp_path)
    ready = settled("n", "n", until=on_difference(1), what="the second difference")
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_unmatched_row(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """After u: the row of 二、发展愿景 selected, its B side reading （无对应） and a dash in
    the score column."""
    app = app_on(luhe, dehong, tmp_path)
    ready = settled("u", until=on_unmatched, what="u")
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_comment_marked_and_listed(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    """Row 一、指导思想 selected: ✎ before 坚持以习近平… in A's text (underlined), and the
    comment in the panel under the rows: ✎ A [修改] 张三：「坚持以习近平新时代…」建议写明…"""
    app = app_on(luhe, dehong, tmp_path)
    draft = Draft(body="建议写明县域特色", reviewer="张三")
    app.workspace.add_comment("luhe", "1", draft, start=0, end=20)
    ready = settled("down", until=lambda screen: screen.rows.selected == 1, what="row 2")
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_search_dialog(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """The search dialog over the compare view: the query 融资, 共 2 处, and the hits numbered,
    each with its side, heading path (三、重点任务 › （七）加强金融支持) and snippet, 融资
    reversed."""
    app = app_on(luhe, dehong, tmp_path)

    def listed(screen: CompareScreen) -> bool:
        dialog = screen.app.screen
        if not isinstance(dialog, SearchDialog):
            return False
        hits = dialog.query_one("#hits", OptionList)
        count = str(dialog.query_one("#search-count", Label).render())
        return (
            dialog.query_one("#query", Input).value == "融资"
            and bool(dialog.hits)
            and hits.option_count == len(dialog.hits)
            and hits.highlighted == 0
            and count == f"共 {len(dialog.hits)} 处"
        )

    ready = settled("slash", "融", "资", until=listed, what="the hits of 融资")
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_small_terminal(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """At 80×24: no outline; 一、指导思想 with its sentences under the cursor, its paraphrases
    unmarked (no 二十大, 1310 or 1+2+9 as figures, no number cut at a line's end); the hint
    line of the comments panel, status, and a compact footer ending in q 退出 and ^p 命令."""
    app = app_on(luhe, dehong, tmp_path)
    ready = settled("down", "n", until=lambda s: s.current_difference is not None, what="n")
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_small_terminal_english(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    """At 80×24 in English: the bar reads A 陆河县 │score│ B 德宏州 … Difference –/N; the
    row 二、发展愿景 shows (no counterpart) on B's side; the footer ends in ? Keys, q Quit and
    ^p Commands."""
    app = app_on(luhe, dehong, tmp_path, lang="en")
    ready = settled("u", until=on_unmatched, what="u")
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def on_row_titled(title: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Before the picture: the whole load, then the row of A's unit ``title`` selected."""

    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await loaded(pilot)
        assert isinstance(screen, CompareScreen)
        rows = screen.rows
        i = next(k for k, r in enumerate(rows.rows) if r.a and r.a.title == title)
        rows.select(i)
        await wait_until(pilot, lambda: rows.selected == i, f"the row of {title}")

    return run_before


SIZES = [(120, 40), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_ditto_row_shows_both_figures(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Row ——惠民效应更加突出 selected: A's 5万人 reversed with 〔值·年份≠德宏州≥10万人（2027年）〕
    after it; B's side reads 〃 见上：二、主要目标 and below it the sentence with 10万人
    reversed and 〔值·年份≠陆河县≥5万人（2030年）〕 — both figures on screen."""
    app = app_on(luhe, dehong, tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=on_row_titled("惠民效应更加突出"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sentence_mode_in_a_small_terminal(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path, lang: str
) -> None:
    """At 80×24 after Enter: the first sentence of 前言 under the cursor (◀ beside it); the
    footer shows the keys of the sentence mode — tab 换边 (Other side), esc 退出逐句 (Leave
    text) — and still ends in ? q ^p, uncut."""
    app = app_on(luhe, dehong, tmp_path, lang=lang)
    ready = settled("enter", until=lambda s: s.rows.cursor is not None, what="Enter")
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_hits_marked(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path, size: tuple[int, int]
) -> None:
    """After / 2027, ↓ ↓ Enter: the second hit's row selected, its sentence under the cursor,
    every 2027 in the rows marked; the status says 搜索“2027”：第 2/N 处 · n/N … and the
    footer offers n 下一处."""
    app = app_on(luhe, dehong, tmp_path)
    ready = settled(
        "slash", "2", "0", "2", "7", "down", "down", "enter",
        until=lambda s: s.hit == 1 and s.rows.cursor is not None, what="the second hit",
    )  # fmt: skip
    assert snap_compare(app, terminal_size=size, run_before=ready)
