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
from textual.widgets import Input

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
    first row (前言) selected with ▌ and its differences tinted; 差异 –/N in the bar."""
    app = app_on(luhe, dehong, tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled())


def test_next_difference(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """After n n: the second difference selected, its sentences under the cursor (blue) with
    arrows in the bar beside them; the counter 差异 2/N reversed in the bar."""
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
    """The search dialog over the compare view: the query 融资, 共 N 处, and hits of both plans
    (A/B, the section's label, the hit reversed in its context)."""
    app = app_on(luhe, dehong, tmp_path)

    def listed(screen: CompareScreen) -> bool:
        dialog = screen.app.screen
        if not isinstance(dialog, SearchDialog):
            return False
        return dialog.query_one("#query", Input).value == "融资" and bool(dialog.hits)

    ready = settled("slash", "融", "资", until=listed, what="the hits of 融资")
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_small_terminal(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """At 80×24: no outline; two columns of wrapped Chinese (no horizontal scroll bar), the
    score column between, the hint line of the comments panel, status and keys below."""
    app = app_on(luhe, dehong, tmp_path)
    ready = settled("down", "n", until=lambda s: s.current_difference is not None, what="n")
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_small_terminal_english(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    """At 80×24 in English: the bar reads A 陆河县 │score│ B 德宏州 … Difference –/N; the
    row 二、发展愿景 shows (no counterpart) on B's side."""
    app = app_on(luhe, dehong, tmp_path, lang="en")
    ready = settled("u", until=on_unmatched, what="u")
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
