"""Pictures of the 衔接 view (three plans: 某省's plan the reference, 某市's and 某县's), its
filters, the similar-passages dialog and the compare view it opens, at 120×40 and 80×24, in
Chinese and English (lexical embedder, so every score is fixed).

Regenerate with ``pytest tests/test_tui_snapshots_coverage.py --snapshot-update`` and read the
text of ``__snapshots__/test_tui_snapshots_coverage/*.svg``: each test says what its picture
must show.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from plancompare.tui import PlanCompareApp
from plancompare.tui.dialogs.similar import SimilarDialog
from plancompare.tui.screens.compare import CompareScreen
from plancompare.tui.screens.coverage import CoverageScreen
from tests.tui_coverage_support import coverage_app, coverage_ready
from tests.tui_support import wait_until

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
LANGS = [pytest.param("zh", id="zh"), pytest.param("en", id="en")]
Snap = Callable[..., bool]


@pytest.fixture(autouse=True)
def reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANCOMPARE_REVIEWER", "张三")


def on_cell(section: str, plan: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Put the cursor on a unit's cell of a plan."""

    async def move(pilot: Pilot[Any]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, CoverageScreen)
        table = screen.table
        row = next(i for i, (r, _) in enumerate(table.shown) if r.section == section)
        column = [p for p, _ in table.plans].index(plan) + 1
        table.move_cursor(row=row, column=column, animate=False)
        await pilot.pause()

    return move


def judged_then(
    *keys: str,
    before: Callable[[Pilot[Any]], Awaitable[None]] | None = None,
    ready: tuple[Callable[[PlanCompareApp], bool], str] | None = None,
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait until every plan is judged, (do ``before``,) press keys, and wait until the app is
    ``ready``; notifications are cleared so that no toast's timing is in the picture."""

    async def run(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, PlanCompareApp)
        await coverage_ready(pilot)
        if before is not None:
            await before(pilot)
        await pilot.press(*keys)
        if ready is not None:
            await wait_until(pilot, lambda: ready[0](app), ready[1])
        app.clear_notifications()
        for field in app.screen.query(Input).results():
            field.cursor_blink = False
        await pilot.pause()

    return run


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_coverage_view(
    snap_compare: Snap, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    """Tabs 0 衔接 … 4 意见; the filters (all); the counts of 某市 and 某县; nine rows of 某省's
    outline indented (01/02 under 专栏1 under 三、), a column each for 某市 and 某县 with ● 已衔接,
    ◐ 部分衔接 or ○ 未体现 and the score; the cursor on （一）建设智能工厂 × 某市, and below it:
    ● 已衔接 0.98 by content, the counterpart （一）推进智能工厂建设, two similar sentences and
    the target 智能工厂 ↔ 智能工厂 (有条件可比 at 120×40; cut at 80×24); status: all judged."""
    app = coverage_app(tmp_path, lang=lang)
    assert snap_compare(
        app, terminal_size=size, run_before=judged_then(before=on_cell("3.1", "shi"))
    )


@pytest.mark.parametrize("size", SIZES)
def test_rows_before_the_verdicts(
    snap_compare: Snap, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Opened, nothing judged yet: the nine rows already there, every cell 计算中…, the counts
    line 某市：计算中…；某县：计算中…, the detail saying 某市 is being judged."""
    app = coverage_app(tmp_path, compute=False)

    async def drawn(pilot: Pilot[Any]) -> None:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CoverageScreen), "the view")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=drawn)


@pytest.mark.parametrize("size", SIZES)
def test_gaps_of_one_plan(snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
    """v then p: 未体现或部分衔接 and 某市 chosen in the filters, 显示 2/9 项; only 某市's column:
    一、发展现状 and （二）加强网络安全保障 (○ 未体现), with 三、重点任务 dimmed above it."""

    def filtered(app: PlanCompareApp) -> bool:
        screen = app.screen
        return isinstance(screen, CoverageScreen) and [p for p, _ in screen.table.plans] == ["shi"]

    run = judged_then("v", "p", ready=(filtered, "the gaps of 某市"))
    assert snap_compare(app_of(tmp_path), terminal_size=size, run_before=run)


def app_of(tmp_path: Path, lang: str = "zh") -> PlanCompareApp:
    return coverage_app(tmp_path, lang=lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_similar_passages(
    snap_compare: Snap, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    """s on （二）加强网络安全保障: a dialog titled with it, the count of passages, the hits
    best first — 某县's （二）加强工业网络安全 first, marked as under review —, each with its
    score, the plan's title, the heading path and the passage; the hint (Enter, Esc) below."""

    def listed(app: PlanCompareApp) -> bool:
        return isinstance(app.screen, SimilarDialog) and app.screen.ready

    run = judged_then("s", before=on_cell("3.2", "shi"), ready=(listed, "the hits"))
    assert snap_compare(app_of(tmp_path, lang), terminal_size=size, run_before=run)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_enter_opens_the_compare_view_on_that_pair(
    snap_compare: Snap, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    """Enter on （二）加强网络安全保障 × 某县: the compare view on A 某省 ⇄ B 某县 (its outline at
    120×40, 某县's tree), the row 某省 （二）加强网络安全保障 beside 某县 （二）加强工业网络安全
    selected at the top of the rows, their scores and the difference counter."""

    def there(app: PlanCompareApp) -> bool:
        screen = app.screen
        return (
            isinstance(screen, CompareScreen)
            and app.jump_request is None
            and screen.diffs_ready
            and app.workspace.b.id == "xian"
        )

    run = judged_then("enter", before=on_cell("3.2", "xian"), ready=(there, "the pair at the row"))
    assert snap_compare(app_of(tmp_path, lang), terminal_size=size, run_before=run)
