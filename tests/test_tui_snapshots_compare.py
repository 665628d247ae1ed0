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

from plancompare.model import Plan
from plancompare.review.writing import Draft
from plancompare.tui import PlanCompareApp
from tests.tui_support import build_app

Snap = Callable[..., bool]


def settled(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Before the picture: wait for every worker (and the diffs they start), press ``keys``."""

    async def run_before(pilot: Pilot[Any]) -> None:
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


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
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled("n", "n"))


def test_unmatched_row(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """After u: the row of 二、发展愿景 selected, its B side reading （无对应） and a dash in
    the score column."""
    app = app_on(luhe, dehong, tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled("u"))


def test_comment_marked_and_listed(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    """Row 一、指导思想 selected: ✎ before 坚持以习近平… in A's text (underlined), and the
    comment in the panel under the rows: ✎ A [修改] 张三：「坚持以习近平新时代…」建议写明…"""
    app = app_on(luhe, dehong, tmp_path)
    draft = Draft(body="建议写明县域特色", reviewer="张三")
    app.workspace.add_comment("luhe", "1", draft, start=0, end=20)
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled("down"))


def test_search_dialog(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """The search dialog over the compare view: the query 融资, 共 N 处, and hits of both plans
    (A/B, the section's label, the hit reversed in its context)."""
    app = app_on(luhe, dehong, tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled("slash", "融", "资"))


def test_small_terminal(snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    """At 80×24: no outline; two columns of wrapped Chinese (no horizontal scroll bar), the
    score column between, the hint line of the comments panel, status and keys below."""
    app = app_on(luhe, dehong, tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled("down", "n"))


def test_small_terminal_english(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    """At 80×24 in English: the bar reads A 陆河县 │score│ B 德宏州 … Difference –/N; the
    row 二、发展愿景 shows (no counterpart) on B's side."""
    app = app_on(luhe, dehong, tmp_path, lang="en")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled("u"))
