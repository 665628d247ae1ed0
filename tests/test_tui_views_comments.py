"""The comments view: every comment, filtered, searched, shown, edited, deleted and restored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Select

from plancompare.model import Plan
from plancompare.review.writing import Draft
from plancompare.tui import PlanCompareApp
from plancompare.tui.dialogs.comment_form import CommentForm
from plancompare.tui.dialogs.comment_view import CommentView
from plancompare.tui.screens.comments import CommentsScreen
from tests.tui_views_support import add_comments, fill, ready_app, screen_text


async def open_comments(app: PlanCompareApp, pilot: Any) -> CommentsScreen:
    fill(app)
    add_comments(app)
    await pilot.press("4")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CommentsScreen)
    return screen


def bodies(screen: CommentsScreen) -> list[str]:
    return [c.body for c in screen.table.shown]


async def choose(screen: CommentsScreen, pilot: Any, select_id: str, value: str | None) -> None:
    select = screen.query_one(f"#{select_id}", Select)
    select.value = Select.NULL if value is None else value
    await pilot.pause()


async def test_lists_every_comment_plan_a_first(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        assert bodies(screen) == [
            "建议明确牵头单位和责任分工",
            "产值目标偏高，建议补充测算依据",
            "建议写明领导小组的议事规则",
        ]
        assert screen.table.row_count == 3
        row = [str(c) for c in screen.table.get_row_at(0)]
        assert row[0] == "陆河县" and row[1].startswith("（一）建立高位")
        assert row[2:] == ["修改", "已定位", "张三", "草稿", "待定", "建议明确牵头单位和责任分工"]
        assert [str(c) for c in screen.table.get_row_at(2)][2:7] == [
            "补充", "已定位", "张三", "已提交", "待定",
        ]  # fmt: skip
        shown = screen_text(app)
        assert "3/3 条意见" in shown
        assert "陆河县 · 五、保障措施 › （一）建立高位推进机制：成立由县" in shown


async def test_filters_by_plan_category_state_and_reviewer(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        reviewers = screen.query_one("#reviewer", Select)
        assert [value for _, value in reviewers._options if value is not Select.NULL] == [
            "张三",
            "李四",
        ]
        await choose(screen, pilot, "plan", "dehong")
        assert bodies(screen) == ["建议写明领导小组的议事规则"]
        await choose(screen, pilot, "plan", None)
        await choose(screen, pilot, "category", "question")
        assert bodies(screen) == ["产值目标偏高，建议补充测算依据"]
        await choose(screen, pilot, "category", None)
        await choose(screen, pilot, "reviewer", "张三")
        assert len(bodies(screen)) == 2
        await choose(screen, pilot, "state", "orphaned")
        assert bodies(screen) == []
        assert "0/3 条意见" in screen_text(app)
        await choose(screen, pilot, "state", "anchored")
        assert len(bodies(screen)) == 2


async def test_the_plan_filter_works_from_the_keyboard(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        screen.query_one("#plan", Select).focus()
        await pilot.press("enter", "down", "down", "enter")  # blank, 陆河县, 德宏州
        await pilot.pause()
        assert bodies(screen) == ["建议写明领导小组的议事规则"]


async def test_full_text_search_goes_through_the_store(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        await pilot.press("f", *"测算")  # two characters: a scan
        await pilot.pause()
        assert bodies(screen) == ["产值目标偏高，建议补充测算依据"]
        await pilot.press(*["backspace"] * 2, *"领导小组")  # four: the trigram index
        await pilot.pause()
        assert bodies(screen) == ["建议写明领导小组的议事规则"]
        await pilot.press(*["backspace"] * 4, *"成立由县")  # the quoted text is searched too
        await pilot.pause()
        assert bodies(screen) == ["建议明确牵头单位和责任分工"]
        await choose(screen, pilot, "plan", "dehong")  # search and filters together
        assert bodies(screen) == []


async def test_edit_delete_and_undo(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        await pilot.press("down", "E")
        await pilot.pause()
        assert isinstance(app.screen, CommentForm)
        await pilot.press("end", *"和资金来源", "ctrl+s")
        await pilot.pause()
        edited = app.workspace.store.get(screen.table.shown[1].id)
        assert edited.body == "产值目标偏高，建议补充测算依据和资金来源"
        assert bodies(screen)[1] == edited.body
        assert screen.selected() is not None and screen.selected().id == edited.id  # type: ignore[union-attr]

        await pilot.press("d")
        await pilot.pause()
        assert edited.id not in [c.id for c in app.workspace.comments()]
        assert len(bodies(screen)) == 2
        await pilot.press("z")
        await pilot.pause()
        assert edited.id in [c.id for c in app.workspace.comments()]
        assert len(bodies(screen)) == 3


async def test_enter_shows_the_whole_comment(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_comments(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CommentView)
        shown = screen_text(app)
        assert "针对：成立由县" in shown
        assert "建议明确牵头单位和责任分工" in shown
        assert "张三（县发展和改革局）写于 2025-03-14" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, CommentsScreen)


async def test_a_new_comment_elsewhere_shows_up(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        app.workspace.add_comment("dehong", "5.1", Draft("再补充一条", reviewer="王五"))
        app.workspace_changed.publish("comments")
        await pilot.pause()
        assert bodies(screen)[-1] == "再补充一条"
        reviewers = screen.query_one("#reviewer", Select)
        assert "王五" in [value for _, value in reviewers._options]
