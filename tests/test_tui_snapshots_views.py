"""Pictures of the targets, findings and comments views, the palette, the key help and the
dialogs of these views, at 120×40 and at 80×24 (陆河 ⇄ 德宏, lexical embedder, fixed dates).

Regenerate with ``pytest tests/test_tui_snapshots_views.py --snapshot-update`` and look at
``__snapshots__/test_tui_snapshots_views/*.svg``: each test says what its picture must show.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, HelpPanel, Input, Select, TextArea

from plancompare.model import Plan
from plancompare.tui import PlanCompareApp
from plancompare.tui.dialogs.comment_form import CommentForm
from plancompare.tui.dialogs.comment_view import CommentView
from plancompare.tui.screens.comments import CommentsScreen
from plancompare.tui.screens.findings import FindingsScreen
from plancompare.tui.screens.targets import TargetsScreen
from tests.test_tui_views_targets import third_plan
from tests.tui_support import build_app, wait_until
from tests.tui_views_support import add_comments, fill, ready_app

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
Snap = Callable[..., bool]


@pytest.fixture(autouse=True)
def fixed_place(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times shown in UTC and a known reviewer, whatever the machine."""
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("PLANCOMPARE_REVIEWER", "张三")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


#: What the app must show before its picture is taken, and how to say it when it does not.
Ready = tuple[Callable[[PlanCompareApp], bool], str]


def steps(
    *keys: str,
    ready: Ready,
    comments: bool = False,
    then: Callable[[Pilot[Any]], Awaitable[None]] | None = None,
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Fill the app with the core's results, (add comments,) press keys, (do ``then``,) and
    wait until the app is in the ``ready`` state the picture is of."""
    condition, what = ready

    async def run(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, PlanCompareApp)
        fill(app)
        if comments:
            add_comments(app)
            app.workspace_changed.publish("comments")
        await pilot.press(*keys)
        if then is not None:
            await then(pilot)
        await wait_until(pilot, lambda: condition(app), what)
        # A blinking text cursor would be in the picture or not depending on how long the
        # steps took: keep every cursor drawn.
        for field in app.screen.query(Input).results():
            field.cursor_blink = False
        for area in app.screen.query(TextArea).results():
            area.cursor_blink = False

    return run


def view_with_rows(view: str) -> Ready:
    """The view ``view`` is shown and its table has rows."""

    def shown(app: PlanCompareApp) -> bool:
        tables = app.screen.query(DataTable)
        return app.current_mode == view and bool(tables) and tables.first().row_count > 0

    return shown, f"the {view} view with its rows"


def dialog(kind: type[Screen[Any]]) -> Ready:
    """A dialog of ``kind`` is open."""
    return (lambda app: isinstance(app.screen, kind)), f"the {kind.__name__} dialog"


@pytest.fixture
def app(luhe: Plan, dehong: Plan, tmp_path: Path) -> PlanCompareApp:
    return ready_app(luhe, dehong, tmp_path)


@pytest.mark.parametrize("size", SIZES)
def test_targets_view(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """指标 view: a wrapped row per concept (指标, 章节, 陆河县, 德宏州, 可比性), shared concepts
    first; below, the first row's verdict with its reasons, its sources and its chart's title."""
    ready = steps("2", ready=view_with_rows("targets"))
    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_targets_sorted_and_filtered(
    snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]
) -> None:
    """Only concepts naming 企业, sorted by 陆河县's value (▲ on 陆河县), smallest first; the
    summary says how many of all rows are shown."""
    keys = ("2", "f", *"企业", "escape", "s", "s", "s")

    def sorted_and_filtered(app: PlanCompareApp) -> bool:
        screen = app.screen
        if not isinstance(screen, TargetsScreen):
            return False
        table = screen.table
        return (table.sort_column, table.wanted) == ("plan:luhe", "企业") and table.has_focus

    ready = (sorted_and_filtered, "企业 kept, sorted by 陆河县's value")
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys, ready=ready))


@pytest.mark.parametrize("size", SIZES)
def test_targets_of_three_plans(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Three plans: the tabs start with 0 衔接; the 指标 view has a column each for 陆河县,
    德宏州 and 另一县 (陆河's plan under another name), concepts of all three at the top as
    可比 or 有条件可比."""
    app = build_app(luhe, dehong, tmp_path, compute=False, more=[third_plan(luhe)])

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.press("2")
        app.workspace.compute_benchmark()
        app.workspace_changed.publish("benchmark")
        app.set_status("")
        await wait_until(pilot, lambda: view_with_rows("targets")[0](app), "three columns")

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_findings_view(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """Six findings of 陆河县 then one of 德宏州 (kind in Chinese); the numbering gap is
    selected and its message and both quotes (三、总体目标 / 五、保障措施) show below."""
    keys = ("3", "down", "down")

    def on_the_gap(app: PlanCompareApp) -> bool:
        screen = app.screen
        chosen = screen.selected() if isinstance(screen, FindingsScreen) else None
        return chosen is not None and chosen[1].kind == "numbering-gap"

    ready = (on_the_gap, "the numbering gap selected")
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys, ready=ready))


@pytest.mark.parametrize("size", SIZES)
def test_finding_turned_into_a_draft_comment(
    snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]
) -> None:
    """The comment form over the findings view: category 修改, body = the gap's message and its
    quoted headings (the prefilled rationale is further down the form)."""
    keys = ("3", "down", "down", "c")
    ready = steps(*keys, ready=dialog(CommentForm))
    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_comments_view(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """Three comments, 陆河县 first: plan, section, category, anchor state, reviewer, status,
    body; the filters (all) and search box above (two lines at 80 columns); the first comment's
    quote and body below."""
    ready = steps("4", comments=True, ready=view_with_rows("comments"))
    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_comments_filtered_and_searched(
    snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]
) -> None:
    """Reviewer 张三 chosen and 议事 typed in the search box: one comment (德宏州 5.1), 1/3."""

    async def choose(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one("#reviewer", Select).value = "张三"

    def one_left(app: PlanCompareApp) -> bool:
        screen = app.screen
        return isinstance(screen, CommentsScreen) and len(screen.table.shown) == 1

    keys = ("4", "f", *"议事", "escape")  # back to the table: the picture is of the table
    ready = steps(*keys, comments=True, then=choose, ready=(one_left, "one comment left"))
    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_comment_shown_in_full(
    snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]
) -> None:
    """The first comment in a dialog: where (path), what it quotes (成立由县), category, stance,
    status, disposition, body, and 张三（县发展和改革局）写于 2025-03-14 09:30."""
    ready = steps("4", "enter", comments=True, ready=dialog(CommentView))
    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_command_palette(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """The palette over the targets view, in Chinese: the view's actions first (排序, 筛选,
    评论 …) each with its key."""

    def listed(app: PlanCompareApp) -> bool:
        # The palette gathers its commands in a worker and marks itself -ready when done.
        palette = app.screen
        if not isinstance(palette, CommandPalette) or not palette.has_class("-ready"):
            return False
        return palette.query_one(CommandList).option_count >= 13

    ready = steps("2", "ctrl+p", ready=(listed, "the palette's commands"))
    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_key_help(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """The key help panel at the right of the targets view, every description in Chinese
    (上移, 下一页, 查看原文, 排序 …), the table still readable beside it."""

    def helped(app: PlanCompareApp) -> bool:
        return app.current_mode == "targets" and bool(app.screen.query(HelpPanel))

    ready = steps("2", "question_mark", ready=(helped, "the key help"))
    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_targets_view_in_english(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The targets view with --lang en: Indicator, 陆河县 value·yr, Diff (same, ×3), Scope, the
    note in English below, English footer."""
    app = ready_app(luhe, dehong, tmp_path, lang="en")
    ready = steps("2", ready=view_with_rows("targets"))
    assert snap_compare(app, terminal_size=size, run_before=ready)
