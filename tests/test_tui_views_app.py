"""Across the views: labels in two languages, the command palette, the key help, the export."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets import HelpPanel
from textual.widgets._key_panel import BindingsTable

from plancompare.model import Plan
from plancompare.tui import PlanCompareApp
from plancompare.tui.commands import palette_commands
from plancompare.tui.i18n import LABELS
from plancompare.tui.screens.comments import CommentsScreen
from plancompare.tui.screens.findings import FindingsScreen
from plancompare.tui.screens.targets import TargetsScreen
from plancompare.tui.widgets.view_tabs import ViewTabs
from tests.tui_support import wait_until
from tests.tui_views_support import add_comments, fill, ready_app, screen_text


def test_chinese_and_english_have_the_same_labels() -> None:
    """(Every key of the catalogue is walked in tests/test_i18n.py.)"""
    assert set(LABELS["zh"]) == set(LABELS["en"])


@pytest.mark.parametrize("view", [PlanCompareApp, TargetsScreen, FindingsScreen, CommentsScreen])
def test_every_binding_is_described_by_a_label(view: type) -> None:
    for binding in view.BINDINGS:  # its own, not Textual's (those are in WIDGET_KEYS_ZH)
        assert isinstance(binding, Binding)
        assert binding.description in LABELS["zh"], (view.__name__, binding)


async def test_the_palette_offers_the_views_actions_and_the_apps(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        fill(app)
        await pilot.press("2")
        titles = [c.title for c in palette_commands(app, app.screen, app.labels)]
        assert titles[:3] == ["排序", "筛选", "评论"]
        for title in (
            "切换到“对照”视图",
            "切换到“意见”视图",
            "导出报告",
            "撤销删除",
            "快捷键",
            "退出",
        ):
            assert title in titles
        assert "切换深浅色" in titles
        assert "命令" not in titles  # the palette does not offer itself
        assert not any(c.title.startswith(("Focus", "Copy", "Quit")) for c in palette_commands(
            app, app.screen, app.labels
        ))  # fmt: skip


def palette_offers(app: PlanCompareApp, title: str) -> bool:
    """The palette has gathered its hits for what was typed, the first of them ``title``."""
    palette = app.screen
    if not isinstance(palette, CommandPalette) or not palette.has_class("-ready"):
        return False
    hits = palette.query_one(CommandList)
    if hits.option_count == 0 or hits.highlighted is None:
        return False
    return str(hits.get_option_at_index(hits.highlighted).prompt).startswith(title)


async def test_a_palette_command_runs_in_its_view(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        fill(app)
        await pilot.press("2", "ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press(*"排序")
        await wait_until(pilot, lambda: palette_offers(app, "排序"), "排序 in the palette")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TargetsScreen)
        assert screen.table.sort_column == "concept"


async def test_the_palette_finds_a_command_by_its_english_name(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        fill(app)
        await pilot.press("ctrl+p", *"findings")
        view = "切换到“问题”视图"
        await wait_until(pilot, lambda: palette_offers(app, view), f"{view} in the palette")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "findings"


async def test_the_key_help_speaks_chinese(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        fill(app)
        await pilot.press("2", "question_mark")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        shown = screen_text(app)
        for words in ("排序", "筛选", "评论", "查看原文", "上移", "下一页"):
            assert words in shown, words
        console = Console(width=60, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
        console.print(app.screen.query_one(BindingsTable).render_bindings_table())
        listed = console.export_text()
        for words in ("导出报告", "撤销删除", "回到表格", "退出", "下一个控件"):
            assert words in listed, words
        for words in ("Cursor", "Focus", "Page", "Select", "Quit"):
            assert words not in listed, words
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


async def test_english_views(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = ready_app(luhe, dehong, tmp_path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        fill(app)
        await pilot.press("2")
        await pilot.pause()
        shown = screen_text(app)
        for words in (
            "Indicator",
            "Section",
            "Verdict",
            "conditional",
            "not comparable: different scope, different target years, different definition",
        ):
            assert words in shown, words
        await pilot.press("3")
        await pilot.pause()
        shown = screen_text(app)
        assert "missing heading" in shown
        assert "no heading above （一）以产业集聚促进协同发展" in shown
        add_comments(app)
        await pilot.press("4")
        await pilot.pause()
        shown = screen_text(app)
        for words in (
            "All plans",
            "Full-text search",
            "amend",
            "anchored",
            "draft",
            "3/3 comments",
        ):
            assert words in shown, words
        assert "E Edit" in shown


async def test_clicking_a_view_tab_switches_to_that_view(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    """The tab strip is not only a picture: a click on 指标 opens the targets view, and the
    strip of the view left behind still names its own view when the reviewer comes back."""
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        fill(app)
        await pilot.pause()
        assert await pilot.click("#view-targets")
        await pilot.pause()
        assert app.current_mode == "targets"
        assert app.screen.query_one(ViewTabs).active == "view-targets"
        assert await pilot.click("#view-comments")
        await pilot.pause()
        assert app.current_mode == "comments"
        await pilot.press("1")
        assert app.current_mode == "compare"
        assert app.screen.query_one(ViewTabs).active == "view-compare"
        await pilot.press("2")
        assert app.screen.query_one(ViewTabs).active == "view-targets"
