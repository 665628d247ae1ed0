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
from textual.command import CommandInput, CommandList
from textual.pilot import Pilot
from textual.widgets import Select

from plancompare.model import Plan
from plancompare.tui import PlanCompareApp
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


def steps(
    *keys: str, comments: bool = False, then: Any = None
) -> Callable[[Pilot], Awaitable[None]]:  # type: ignore[type-arg]
    """Fill the app with the core's results, (add comments,) press keys, settle."""

    async def run(pilot: Pilot) -> None:  # type: ignore[type-arg]
        app = pilot.app
        assert isinstance(app, PlanCompareApp)
        fill(app)
        if comments:
            add_comments(app)
            app.workspace_changed.publish("comments")
        await pilot.press(*keys)
        await pilot.pause()
        if then is not None:
            await then(pilot)
        await pilot.pause(0.3)
        await pilot.wait_for_scheduled_animations()

    return run


@pytest.fixture
def app(luhe: Plan, dehong: Plan, tmp_path: Path) -> PlanCompareApp:
    return ready_app(luhe, dehong, tmp_path)


@pytest.mark.parametrize("size", SIZES)
def test_targets_view(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """Benchmark table: indicator (A ⇄ B, cut with …), 陆河县/德宏州 值·年, 同值/×ratio, scope
    words (— ⇄ 规上); below, the first pair's full note and both source sentences; columns never
    overflow."""
    assert snap_compare(app, terminal_size=size, run_before=steps("2"))


@pytest.mark.parametrize("size", SIZES)
def test_targets_sorted_and_filtered(
    snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]
) -> None:
    """Only indicators containing 企业, sorted by the difference (▲ on 差异), ×30 at the top;
    the summary says how many of all rows are shown."""
    keys = ("2", "f", *"企业", "escape", "s", "s", "s", "s")
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_findings_view(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """Six findings of 陆河县 then one of 德宏州 (kind in Chinese); the numbering gap is
    selected and its message and both quotes (三、总体目标 / 五、保障措施) show below."""
    keys = ("3", "down", "down")
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_finding_turned_into_a_draft_comment(
    snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]
) -> None:
    """The comment form over the findings view: category 修改, body = the gap's message and its
    quoted headings (the prefilled rationale is further down the form)."""
    keys = ("3", "down", "down", "c")
    assert snap_compare(app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_comments_view(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """Three comments, 陆河县 first: plan, section, category, anchor state, reviewer, status,
    body; the filters (all) and search box above (two lines at 80 columns); the first comment's
    quote and body below."""
    assert snap_compare(app, terminal_size=size, run_before=steps("4", comments=True))


@pytest.mark.parametrize("size", SIZES)
def test_comments_filtered_and_searched(
    snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]
) -> None:
    """Reviewer 张三 chosen and 议事 typed in the search box: one comment (德宏州 5.1), 1/3."""

    async def choose(pilot: Pilot) -> None:  # type: ignore[type-arg]
        pilot.app.screen.query_one("#reviewer", Select).value = "张三"
        await pilot.pause()

    keys = ("4", "f", *"议事", "escape")  # back to the table: no blinking cursor in the picture
    assert snap_compare(
        app, terminal_size=size, run_before=steps(*keys, comments=True, then=choose)
    )


@pytest.mark.parametrize("size", SIZES)
def test_comment_shown_in_full(
    snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]
) -> None:
    """The first comment in a dialog: where (path), what it quotes (成立由县), category, stance,
    status, disposition, body, and 张三（县发展和改革局）写于 2025-03-14 09:30."""
    assert snap_compare(app, terminal_size=size, run_before=steps("4", "enter", comments=True))


@pytest.mark.parametrize("size", SIZES)
def test_command_palette(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """The palette over the targets view, in Chinese: the view's actions first (排序, 筛选,
    评论 …) each with its key."""

    async def listed(pilot: Pilot) -> None:  # type: ignore[type-arg]
        # The palette gathers its commands in a task: wait until all of them are listed.
        pilot.app.screen.query_one(CommandInput).cursor_blink = False
        commands = pilot.app.screen.query_one(CommandList)
        while commands.option_count < 13 or commands.has_class("--populating"):
            await pilot.pause(0.05)

    assert snap_compare(app, terminal_size=size, run_before=steps("2", "ctrl+p", then=listed))


@pytest.mark.parametrize("size", SIZES)
def test_key_help(snap_compare: Snap, app: PlanCompareApp, size: tuple[int, int]) -> None:
    """The key help panel at the right of the targets view, every description in Chinese
    (上移, 下一页, 查看原文, 排序 …), the table still readable beside it."""
    assert snap_compare(app, terminal_size=size, run_before=steps("2", "question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_targets_view_in_english(
    snap_compare: Snap, luhe: Plan, dehong: Plan, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The targets view with --lang en: Indicator, 陆河县 value·yr, Diff (same, ×3), Scope, the
    note in English below, English footer."""
    app = ready_app(luhe, dehong, tmp_path, lang="en")
    assert snap_compare(app, terminal_size=size, run_before=steps("2"))
