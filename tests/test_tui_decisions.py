"""The comments view records decisions and submits drafts; ``e`` exports exactly what the view
shows, in the form and format chosen, asking for the 意见反馈表's header once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from textual.pilot import Pilot
from textual.widgets import Input, Select

from plancompare.model import Plan
from plancompare.review.model import Disposition, Status
from plancompare.tui import PlanCompareApp
from plancompare.tui.commands import palette_commands
from plancompare.tui.dialogs.decision import DecisionDialog
from plancompare.tui.dialogs.export import ExportDialog
from plancompare.tui.dialogs.sender import SenderDialog
from plancompare.tui.screens.comments import CommentsScreen
from tests.tui_support import notices, wait_until
from tests.tui_views_support import add_comments, fill, ready_app


async def open_comments(app: PlanCompareApp, pilot: Pilot[Any]) -> CommentsScreen:
    fill(app)
    add_comments(app)
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(app.screen, CommentsScreen)
    return app.screen


async def export(app: PlanCompareApp, pilot: Pilot[Any], form: str, fmt: str) -> Path:
    """Press e, choose the form and format, and wait for the file."""
    before = app.last_export
    await pilot.press("e")
    await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
    app.screen.query_one("#form", Select).value = form
    app.screen.query_one("#format", Select).value = fmt
    await pilot.press("ctrl+s")
    await wait_until(
        pilot,
        lambda: app.last_export is not before or isinstance(app.screen, SenderDialog),
        "the export or the header dialog",
    )
    if isinstance(app.screen, SenderDialog):
        return Path()
    assert app.last_export is not None
    return app.last_export.path


async def test_a_decision_is_recorded_with_its_reason(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        first = screen.selected()
        assert first is not None
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the dialog")
        app.screen.query_one("#disposition", Select).value = Disposition.PARTLY.value
        app.screen.query_one("#note", Input).value = "已调整表述"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen, "the comments view")
        stored = app.workspace.store.get(first.id)
        assert (stored.disposition, stored.disposition_note) == (Disposition.PARTLY, "已调整表述")
        assert "已记录处理意见：部分采纳" in notices(app)
        assert [str(c) for c in screen.table.get_row_at(0)][6] == "部分采纳"


async def test_submit_the_selected_comment_then_every_draft_shown(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        statuses = [c.status for c in app.workspace.comments()]
        assert statuses.count(Status.SUBMITTED) == 2  # the selected one, and the one that was
        await pilot.press("S")
        await pilot.pause()
        assert all(c.status is Status.SUBMITTED for c in app.workspace.comments())
        assert "所示意见中没有草稿" not in notices(app)
        await pilot.press("S")
        await pilot.pause()
        assert "所示意见中没有草稿" in notices(app)
        assert screen.table.row_count == 3  # submitted comments stay, and stay editable


async def test_the_palette_finds_decide_and_submit_by_chinese_and_english_names(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        commands = palette_commands(app, screen, app.labels)
    for query, action in (("采纳", "decide"), ("accept", "decide"), ("提交", "submit")):
        found = [c.action for c in commands if query in c.title or query in c.other.lower()]
        assert action in found, query
    submit = next(c for c in commands if c.action == "submit")
    assert (submit.title, submit.other, submit.key) == ("提交", "Submit", "s")


async def test_e_exports_exactly_the_filtered_comments_as_a_form(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comments(app, pilot)
        screen.query_one("#reviewer", Select).value = "张三"
        await pilot.pause()
        shown = {c.body for c in screen.shown()}
        assert shown == {"建议明确牵头单位和责任分工", "建议写明领导小组的议事规则"}

        # the first 意见反馈表 asks for its header, then remembers it
        assert await export(app, pilot, "form", "md") == Path()
        dialog = app.screen
        assert isinstance(dialog, SenderDialog)
        dialog.query_one("#organisation", Input).value = "县发展和改革局"
        dialog.query_one("#contact", Input).value = "张三"
        dialog.query_one("#phone", Input).value = "0660-1234567"
        await pilot.click("#ok")
        await wait_until(pilot, lambda: app.last_export is not None, "the export")
        assert app.last_export is not None
        path = app.last_export.path
        assert path == tmp_path / "comments" / "意见反馈表-陆河县-德宏州.md"
        text = path.read_text(encoding="utf-8")
        assert "提出单位：县发展和改革局" in text and "联系电话：0660-1234567" in text
        rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
        bodies = [row for row in rows[1:] if not row.startswith("| 序号")]
        assert len(bodies) == 2  # exactly the two comments the view shows
        assert all(any(b in row for b in shown) for row in bodies)
        assert "产值目标偏高" not in text

        # the second asks nothing; Word this time
        docx = await export(app, pilot, "form", "docx")
        assert docx.suffix == ".docx"
        document = Document(str(docx))
        # a table per plan, each under its header row: one row per comment shown
        cells = [c.text for table in document.tables for c in table.columns[3].cells[1:]]
        assert len(cells) == 2
        assert "产值目标偏高" not in " ".join(cells)
        assert app.workspace.sender() is not None


async def test_e_exports_the_report_without_drafts_when_asked(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_comments(app, pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the dialog")
        app.screen.query_one("#form", Select).value = "report"
        app.screen.query_one("#format", Select).value = "html"
        await pilot.click("#drafts")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.last_export is not None, "the export")
        assert app.last_export is not None
        page = app.last_export.path.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        assert "建议写明领导小组的议事规则" in page  # the one submitted comment
        assert "建议明确牵头单位和责任分工" not in page  # a draft
        assert app.last_export.comments == 1


async def test_in_a_browser_the_export_is_also_downloaded(
    luhe: Plan, dehong: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    delivered: list[Path] = []
    monkeypatch.setattr(PlanCompareApp, "is_web", property(lambda self: True))

    def deliver(path: Path, **options: Any) -> str:
        delivered.append(Path(path))
        return "key"

    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(app, "deliver_binary", deliver)
        await open_comments(app, pilot)
        path = await export(app, pilot, "report", "docx")
    assert delivered == [path] and path.read_bytes()[:2] == b"PK"
