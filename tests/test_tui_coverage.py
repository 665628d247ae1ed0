"""The 衔接 view of three plans: rows drawn before the verdicts, a column per plan, the filters,
Enter opening the compare view on the right pair at the right row (the pair switched for the
session, the outline and comments following), ``c`` commenting on a gap with the coverage cell
kept, similar passages (``s``) from this view and the compare view, and the export's appendix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, Tree

from plancompare.coverage import Verdict
from plancompare.model import Plan
from plancompare.review.model import Category, CoverageRef
from plancompare.tui import PlanCompareApp
from plancompare.tui.commands import palette_commands
from plancompare.tui.dialogs.comment_form import CommentForm
from plancompare.tui.dialogs.export import ExportDialog
from plancompare.tui.dialogs.passage import PassageDialog
from plancompare.tui.dialogs.similar import SimilarDialog
from plancompare.tui.screens.compare import CompareScreen
from plancompare.tui.screens.coverage import CoverageScreen
from plancompare.tui.widgets.coverage_table import CoverageTable
from tests.tui_coverage_support import coverage_app, coverage_ready
from tests.tui_support import build_app, finish_workers, notices, wait_until
from tests.tui_views_support import screen_text


@pytest.fixture(autouse=True)
def reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A known reviewer, so commenting goes straight to the form."""
    monkeypatch.setenv("PLANCOMPARE_REVIEWER", "张三")


def cell_at(table: CoverageTable, section: str, plan: str) -> str:
    row = next(i for i, (r, _) in enumerate(table.shown) if r.section == section)
    column = [p for p, _ in table.plans].index(plan) + 1
    return str(table.get_cell_at((row, column)))


async def select(pilot: object, screen: CoverageScreen, section: str, plan: str) -> None:
    """Put the cell cursor on a unit's cell of a plan."""
    table = screen.table
    row = next(i for i, (r, _) in enumerate(table.shown) if r.section == section)
    column = [p for p, _ in table.plans].index(plan) + 1
    table.move_cursor(row=row, column=column, animate=False)
    await pilot.pause()  # type: ignore[attr-defined]
    assert table.selected() is not None and table.selected()[0].section == section  # type: ignore[index]


async def comment_on_gap(pilot: Any, app: PlanCompareApp, screen: CoverageScreen) -> None:
    """Select 某市's cell of 3.2 (未体现) and press c, up to the comment form."""
    await select(pilot, screen, "3.2", "shi")
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(app.screen, CommentForm), "the comment form")


async def test_rows_are_drawn_before_the_verdicts_then_a_column_per_plan(tmp_path: Path) -> None:
    app = coverage_app(tmp_path, compute=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "coverage"
        screen = app.screen
        assert isinstance(screen, CoverageScreen)
        table = screen.table
        assert [r.section for r, _ in table.shown] == [
            "1", "2", "3", "3.1", "3.2", "3.3", "3.3.1", "3.3.2", "4",
        ]  # fmt: skip
        assert [name for _, name in table.plans] == ["某市", "某县"]
        assert cell_at(table, "3.2", "shi").strip() == "计算中…"
        text = screen_text(app)
        assert "某市：计算中…；某县：计算中…" in text
        assert "    01研发设计类软件" in text  # indented as the outline
        app.load()  # the load worker, now
        screen = await coverage_ready(pilot)
        assert cell_at(table, "3.2", "shi") == " ○ 未体现 0.00"
        assert cell_at(table, "3.2", "xian") == " ● 已衔接 0.99"
        assert cell_at(table, "3", "xian") == " ◐ 部分衔接 0.33"
        assert "某市：已衔接 7 项，部分衔接 0 项，未体现 2 项" in screen_text(app)
        assert app.status_text == "衔接情况已完成：2 个规划对照上位规划 9 项"
        # The detail of the selected cell: place, verdict, counterpart, sentences, targets.
        await select(pilot, screen, "3.1", "shi")
        detail = screen_text(app)
        assert "（一）建设智能工厂 → 某市：已衔接 0.98（按内容；2/2 句有对应）" in detail
        assert "对应：二、主要任务 › （一）推进智能工厂建设（0.96）" in detail
        assert "相似句 0.86：支持龙头企业建设智能工厂，推广柔性生产线。" in detail
        assert "指标 智能工厂 ↔ 智能工厂（有条件可比）" in detail


async def test_the_filters_keep_gaps_one_plan_or_words(tmp_path: Path) -> None:
    app = coverage_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await coverage_ready(pilot)
        table = screen.table
        await pilot.press("v")  # 未体现或部分衔接
        await pilot.pause()
        kept = {r.section: matching for r, matching in table.shown}
        assert "2" not in kept and "4" not in kept  # covered by both
        assert kept["3.2"] and kept["1"]
        assert "显示 7/9 项" in screen_text(app)
        await pilot.press("p")  # 某市 alone
        await pilot.pause()
        assert [p for p, _ in table.plans] == ["shi"]
        assert [r.section for r, m in table.shown if m] == ["1", "3.2"]
        assert [r.section for r, m in table.shown if not m] == ["3"]  # the heading above 3.2
        await pilot.press("v", "v")  # 部分衔接 (none for 某市), then 已衔接
        await pilot.pause()
        assert all(r.cells["shi"].verdict is Verdict.COVERED for r, m in table.shown if m)
        await pilot.press("v", "p", "p", "f", *"软件", "escape")
        await pilot.pause()
        assert [p for p, _ in table.plans] == ["shi", "xian"]
        assert [r.section for r, m in table.shown if m] == ["3.3", "3.3.1", "3.3.2"]
        assert table.has_focus


async def test_enter_opens_the_right_pair_at_the_right_row(tmp_path: Path) -> None:
    app = coverage_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await coverage_ready(pilot)
        ws = app.workspace
        await select(pilot, screen, "3.2", "xian")
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, CompareScreen) and app.jump_request is None,
            "the compare view at the row",
        )
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (ws.a.id, ws.b.id) == ("sheng", "xian")
        row = compare.selected_row
        assert row is not None and row.a is not None and row.b is not None
        assert (row.a.id, row.b.id) == ("3.2", "2.2")  # 加强网络安全保障 ⇄ 加强工业网络安全
        assert "某县" in notices(app)
        text = screen_text(app)
        assert "A 某省" in text and "B 某县" in text
        tree_b = compare.query_one("#outline-b", Tree)
        assert "（二）加强工业网络安全" in str(tree_b.cursor_node.label)  # type: ignore[union-attr]
        # Back to the 衔接 view, the city's cell of the same unit: the first pair again, at
        # the unit's row (the city has no counterpart: its row of A alone).
        await pilot.press("0")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CoverageScreen)
        await select(pilot, screen, "3.1", "shi")
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, CompareScreen)
                and app.jump_request is None
                and (ws.a.id, ws.b.id) == ("sheng", "shi")
            ),
            "the first pair",
        )
        row = app.screen.selected_row  # type: ignore[attr-defined]
        assert (row.a.id, row.b.id) == ("3.1", "2.1")
        assert ws.pair_state(ws.a, ws.plan("xian")).refined  # kept for the session
        # The other views stay as they were.
        await pilot.press("2")
        await pilot.pause()
        assert app.current_mode == "targets"


async def test_a_highlight_queued_before_a_move_does_not_pull_the_cursor_back(
    tmp_path: Path,
) -> None:
    """A redraw queues a highlight of the first column; a move made before it is handled (a key,
    or the last plan's verdicts landing) must win, so Enter opens the plan the cursor is on."""
    app = coverage_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await coverage_ready(pilot)
        table = screen.table
        table.move_cursor(row=2, column=0, animate=False)  # queues a highlight of column 0
        table.move_cursor(row=2, column=2, animate=False)  # then the cell of the second plan
        await pilot.pause()
        assert table.cursor_coordinate.column == 2
        chosen = table.selected()
        assert chosen is not None and chosen[1] == "xian"
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, CompareScreen) and app.jump_request is None,
            "the compare view",
        )
        assert app.workspace.b.id == "xian"
        # The unit's own column alone still hands the cursor to the plan beside it.
        await pilot.press("0")
        await pilot.pause()
        table.move_cursor(column=0, animate=False)
        await wait_until(pilot, lambda: table.cursor_coordinate.column == 1, "the first plan")


async def test_c_comments_on_the_gap_with_the_cell_kept(tmp_path: Path) -> None:
    app = coverage_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await coverage_ready(pilot)
        await comment_on_gap(pilot, app, screen)
        form = app.screen
        assert isinstance(form, CommentForm)
        assert form.initial.body.startswith("未体现上位规划《某省智能制造提升行动计划》")
        assert form.initial.category == Category.ADD.value
        assert "某省 三、重点任务 › （二）加强网络安全保障 → 某市：未体现" in screen_text(app)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(app.workspace.comments()), "the comment")
        (comment,) = app.workspace.comments()
        assert (comment.plan, comment.anchor.section) == ("shi", "2")  # 二、主要任务
        ref = comment.reference
        assert isinstance(ref, CoverageRef)
        assert (ref.plan, ref.anchor.section, ref.verdict) == ("sheng", "3.2", "absent")
        await pilot.pause()
        assert cell_at(screen.table, "3.2", "shi") == "✎○ 未体现 0.00"
        # The comments view lists it, on the city's plan.
        await pilot.press("4")
        await pilot.pause()
        assert "某市" in screen_text(app) and "未体现上位规划" in screen_text(app)


async def test_a_cell_still_being_judged_cannot_be_commented_on(tmp_path: Path) -> None:
    app = coverage_app(tmp_path, compute=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "某市 的衔接情况尚在计算" in notices(app)
        assert not isinstance(app.screen, CommentForm)


async def test_similar_passages_open_in_the_compare_view_or_as_a_passage(tmp_path: Path) -> None:
    app = coverage_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await coverage_ready(pilot)
        await select(pilot, screen, "3.2", "shi")
        await pilot.press("s")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, SimilarDialog) and app.screen.ready,
            "the similar passages",
        )
        dialog = app.screen
        assert isinstance(dialog, SimilarDialog)
        hits = dialog.hits
        assert hits and hits[0].plan == "xian" and hits[0].section == "2.2"
        assert all(h.plan != "sheng" for h in hits)  # the query's own plan is left out
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True)
        text = screen_text(app)
        assert "与“（二）加强网络安全保障”相似的内容" in text
        assert "《某县制造业数字化转型实施方案》（审阅中）" in text
        assert "二、重点工作 › （二）加强工业网络安全" in text
        await pilot.press("enter")  # the county's plan is under review: the compare view
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, CompareScreen) and app.jump_request is None,
            "the hit in the compare view",
        )
        ws = app.workspace
        assert (ws.a.id, ws.b.id) == ("sheng", "xian")
        row = app.screen.selected_row  # type: ignore[attr-defined]
        assert row.b is not None and row.b.id == "2.2"
        index = ws.similar_index
        assert index is not None
        # From the compare view: a hit in a plan of the corpus not under review shows its text.
        await pilot.press("s")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, SimilarDialog) and app.screen.ready,
            "the similar passages again",
        )
        assert ws.similar_index is index  # built once for the session
        dialog = app.screen
        assert isinstance(dialog, SimilarDialog)
        outside = next(n for n, h in enumerate(dialog.hits) if h.plan in ("luhe", "dehong"))
        for _ in range(outside):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PassageDialog), "the passage")
        passage = app.screen
        assert isinstance(passage, PassageDialog)
        assert passage.sentence in passage.text or passage.text == passage.sentence
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_the_export_appends_the_coverage_of_the_reference_plan(tmp_path: Path) -> None:
    app = coverage_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await coverage_ready(pilot)
        await comment_on_gap(pilot, app, screen)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(app.workspace.comments()), "the comment")
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        dialog = app.screen
        box = dialog.query_one("#coverage", Checkbox)
        assert box.value and "《某省智能制造提升行动计划》" in str(box.label)
        dialog.query_one("#form").value = "report"  # type: ignore[attr-defined]
        dialog.query_one("#format").value = "md"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.last_export is not None, "the export")
        await finish_workers(app)
        assert app.last_export is not None
        text = app.last_export.path.read_text(encoding="utf-8")
        assert app.last_export.path.name == "意见-某市.md"
        assert "## 附录一　对上位规划的衔接情况" in text
        assert "| 三、重点任务 › （二）加强网络安全保障 | 未体现（0.00） |" in text


async def test_two_plans_have_no_coverage_view(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app: PlanCompareApp = build_app(luhe, dehong, tmp_path, compute=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "compare"
        assert "衔接" not in screen_text(app).splitlines()[1]
        await pilot.press("0")
        await pilot.pause()
        assert app.current_mode == "compare"
        titles = [c.title for c in palette_commands(app, app.screen, app.labels)]
        assert "切换到 衔接" not in " ".join(titles) and all("衔接" not in t for t in titles)
    three = coverage_app(tmp_path / "three", compute=False)
    async with three.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [c.title for c in palette_commands(three, three.screen, three.labels)]
        assert any("衔接" in t for t in titles)
