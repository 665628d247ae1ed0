"""The findings view: both plans' findings, their quotes, jumping to them, a comment from each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Select, TextArea

from plancompare.model import Plan
from plancompare.review.model import FindingRef
from plancompare.tui import PlanCompareApp
from plancompare.tui.dialogs.comment_form import CommentForm
from plancompare.tui.screens.findings import FindingsScreen
from tests.test_tui_views_targets import record_jumps
from tests.tui_views_support import fill, ready_app, screen_text


@pytest.fixture(autouse=True)
def reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A known reviewer, so commenting goes straight to the form."""
    monkeypatch.setenv("PLANCOMPARE_REVIEWER", "张三")


async def open_findings(app: PlanCompareApp, pilot: Any) -> FindingsScreen:
    fill(app)
    await pilot.press("3")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, FindingsScreen)
    return screen


async def go_to(screen: FindingsScreen, pilot: Any, kind: str) -> None:
    """Move the cursor down to the first finding of ``kind``."""
    while screen.selected() is not None and screen.selected()[1].kind != kind:  # type: ignore[index]
        await pilot.press("down")


async def test_findings_of_both_plans_with_the_quotes_below(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_findings(app, pilot)
        kinds = [(plan, f.kind) for plan, f in screen.rows]
        assert kinds[0] == ("luhe", "missing-heading")
        assert kinds[-1] == ("dehong", "duplicate-number")
        assert len(kinds) == len(app.workspace.findings["luhe"]) + 1
        assert screen.table.row_count == len(kinds)
        await go_to(screen, pilot, "numbering-gap")
        shown = screen_text(app)
        assert "陆河县：6 个问题；德宏州：1 个问题" in shown
        assert "编号缺漏" in shown
        # the place as the draft names it, not the section id
        assert "陆河县 · 五、保障措施：“三、总体目标”之后是“五、保障措施”，缺少“四、”" in shown
        assert "原文：三、总体目标" in shown
        assert "原文：五、保障措施" in shown


async def test_c_drafts_a_comment_that_asks_for_the_fix(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_findings(app, pilot)
        await go_to(screen, pilot, "numbering-gap")
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CommentForm)
        body = form.query_one("#body", TextArea).text
        # the finding is stated once, where the comment is shown; the body asks for the fix
        assert body == "建议核实并补正章节标题和编号。"
        assert "“三、总体目标”之后是“五、保障措施”" in str(form.query_one("#form-on").render())
        assert form.query_one("#category", Select).value == "amend"
        assert form.query_one("#rationale", TextArea).text.startswith("章节编号和标题应完整")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (comment,) = app.workspace.comments()
        assert (comment.plan, comment.anchor.section, comment.category) == ("luhe", "6", "amend")
        assert comment.body == body
        ref = comment.reference
        assert isinstance(ref, FindingRef)
        assert (ref.kind, ref.section) == ("numbering-gap", "6")
        assert ref.evidence == ["三、总体目标", "五、保障措施"]


async def test_a_target_conflict_becomes_a_question(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_findings(app, pilot)
        await go_to(screen, pilot, "target-conflict")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        (comment,) = app.workspace.comments()
        assert comment.category == "question"
        assert comment.body == "请核实该指标的目标值和计量单位，前后表述应一致。"
        assert comment.reference.text("zh").startswith("100万元以上收入行政村数量的2030年")
        assert comment.rationale.startswith("同一指标在规划中应前后一致")
        assert isinstance(comment.reference, FindingRef)
        assert comment.reference.kind == "target-conflict"


async def test_enter_asks_the_compare_view_for_the_quoted_sentence(
    luhe: Plan, dehong: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_findings(app, pilot)
        jumps = record_jumps(monkeypatch)
        await go_to(screen, pilot, "target-conflict")
        chosen = screen.selected()
        assert chosen is not None
        finding = chosen[1]
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "compare"
        (jump,) = jumps
        assert (jump.plan, jump.section) == ("luhe", "3.4")
        section = luhe.section("3.4")
        assert section is not None and jump.start is not None
        assert section.text[jump.start : jump.end] in finding.evidence


async def test_a_heading_quote_jumps_to_the_whole_section(
    luhe: Plan, dehong: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_findings(app, pilot)
        jumps = record_jumps(monkeypatch)
        await pilot.press("enter")  # missing-heading: its quote is a heading, not text
        await pilot.pause()
        assert jumps == [type(jumps[0])("luhe", "4", None, None)]
