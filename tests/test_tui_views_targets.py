"""The 指标 view: a row per concept, a column per plan, sort and filter, j/k, jumping to the
text, commenting, the chart of the selected concept, and N plans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from plancompare.model import Plan, PlanMeta
from plancompare.review.model import TargetRef
from plancompare.tui import PlanCompareApp
from plancompare.tui.app import JumpRequest
from plancompare.tui.dialogs.comment_form import CommentForm
from plancompare.tui.screens.compare import CompareScreen
from plancompare.tui.screens.targets import TargetsScreen
from plancompare.tui.widgets.concept_chart import ConceptChart
from plancompare.tui.widgets.targets_table import TargetsTable
from tests.tui_support import build_app, wait_until
from tests.tui_views_support import fill, ready_app, screen_text


@pytest.fixture(autouse=True)
def reviewer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A known reviewer, so commenting goes straight to the form."""
    monkeypatch.setenv("PLANCOMPARE_REVIEWER", "张三")


def record_jumps(monkeypatch: pytest.MonkeyPatch) -> list[JumpRequest]:
    """What the compare view is asked to show (its ``show_section``, the way in)."""
    seen: list[JumpRequest] = []

    def show_section(
        screen: object, plan: str, section: str, start: int | None, end: int | None
    ) -> bool:
        seen.append(JumpRequest(plan, section, start, end))
        return True

    monkeypatch.setattr(CompareScreen, "show_section", show_section, raising=False)
    return seen


async def open_targets(app: PlanCompareApp, pilot: Any) -> TargetsScreen:
    fill(app)
    await pilot.press("2")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, TargetsScreen)
    return screen


def cell(screen: TargetsScreen, row: int, column: str) -> str:
    return str(screen.table.get_cell_at((row, screen.table.columns_order.index(column))))


def row_of(screen: TargetsScreen, concept: str) -> int:
    return next(i for i, line in enumerate(screen.table.shown) if line.row.concept == concept)


async def test_one_row_per_concept_with_a_column_per_plan(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        bench = app.workspace.benchmark
        assert bench is not None
        table = screen.table
        assert table.row_count == len(bench.rows)
        assert table.columns_order == ["concept", "section", "plan:luhe", "plan:dehong", "verdict"]
        assert [line.group for line in table.shown] == sorted(line.group for line in table.shown)
        n = row_of(screen, "规上工业企业")
        assert cell(screen, n, "plan:luhe") == "5家 2028 → ≥10家 2030"
        assert cell(screen, n, "plan:dehong").split("\n")[-1] == "≥150家 2027"
        assert cell(screen, n, "verdict") == "有条件可比"
        # Full names, wrapped in their column, never cut.
        for i, line in enumerate(table.shown):
            assert cell(screen, i, "concept").replace("\n", "") == line.row.concept
        shown = screen_text(app)
        assert "可比性" in shown and "陆河县" in shown and "德宏州" in shown


async def test_the_selected_concept_in_full_and_as_a_chart(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        await pilot.press("f", *"规上工业企业", "escape")
        await pilot.pause()
        shown = screen_text(app)
        assert "有条件可比：范围不同、目标年份不同" in shown
        assert "陆河县：基期 2025 年 0家；年均 2家" in shown
        chart = screen.query_one(ConceptChart)
        assert chart.size.height >= 6
        assert "规上工业企业（家）" in shown  # the chart's title names the unit
        assert "陆河县 2030" in shown  # a bar per plan and year


async def test_j_and_k_move_like_the_arrows(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        await pilot.press("j", "j")
        assert screen.table.cursor_row == 2
        await pilot.press("k")
        assert screen.table.cursor_row == 1
        await pilot.press("down")
        assert screen.table.cursor_row == 2


async def test_s_cycles_the_sort_and_a_value_column_sorts_by_value(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        table = screen.table
        await pilot.press("s")
        assert table.sort_column == "concept"
        names = [line.row.concept for line in table.shown if line.group == 0]
        assert names == sorted(names)
        await pilot.press("s", "s")
        assert table.sort_column == "plan:luhe"

        def last(line: Any) -> Any:
            cell = line.row.cells.get("luhe")
            return cell.milestones[-1].common if cell else None

        for group in (0, 1):
            values = [last(line) for line in table.shown if line.group == group]
            present = [v for v in values if v is not None]
            assert present == sorted(present)  # by value, not by year
            assert values == present + [None] * (len(values) - len(present))
        await pilot.press("s", "s", "s")
        assert table.sort_column is None
        assert [line.key for line in table.shown] == [line.key for line in table.all_rows]


async def test_f_filters_on_any_name_and_escape_returns_to_the_table(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        total = screen.table.row_count
        await pilot.press("f", *"就业")
        await pilot.pause()
        assert 0 < screen.table.row_count < total
        for line in screen.table.shown:
            names = [line.row.concept, *(n for c in line.row.cells.values() for n in c.names)]
            assert any("就业" in n for n in names)
        await pilot.press("escape")
        assert screen.table.has_focus
        await pilot.press("s")
        assert screen.table.sort_column == "concept"


async def test_enter_asks_the_compare_view_for_the_targets_sentence(
    luhe: Plan, dehong: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        jumps = record_jumps(monkeypatch)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.current_mode == "compare"
        target = screen.table.shown[1].first.sources[0]
        (jump,) = jumps
        assert (jump.plan, jump.section) == ("luhe", target.section)
        section = luhe.section(target.section)
        assert section is not None and jump.start is not None and jump.end is not None
        assert section.text[jump.start : jump.end] == target.quote


async def test_c_comments_on_a_concept_with_every_plans_figure_and_marks_the_row(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        n = row_of(screen, "服装产业带动就业人数")
        screen.table.move_cursor(row=n)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CommentForm)
        await pilot.press(*"两地就业目标口径不同", "ctrl+s")
        await pilot.pause()
        (comment,) = app.workspace.comments()
        assert (comment.plan, comment.anchor.section) == ("luhe", "3.4")
        ref = comment.reference
        assert isinstance(ref, TargetRef)
        assert [(f.plan, f.indicator) for f in ref.targets] == [
            ("luhe", "服装产业带动就业人数"),
            ("dehong", "带动就业人数"),
        ]
        assert ref.note == "有条件可比：范围不同、目标年份不同"
        n = row_of(screen, "服装产业带动就业人数")
        assert screen.table.shown[n].commented
        assert cell(screen, n, "concept").startswith("✎ ")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_columns_fit_80_columns_whatever_the_language(
    luhe: Plan, dehong: Plan, tmp_path: Path, lang: str
) -> None:
    app = ready_app(luhe, dehong, tmp_path, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_targets(app, pilot)
        table = screen.table
        columns = list(table.columns.values())
        assert sum(c.width + 2 for c in columns) <= 80 - 2  # cell padding, the scrollbar
        for n in range(table.row_count):
            for column, value in zip(columns, table.get_row_at(n), strict=True):
                for part in str(value).split("\n"):
                    assert cell_len(part) <= column.width, (n, str(value))
        lines = screen_text(app).splitlines()
        assert all(cell_len(line) == 80 for line in lines)  # nothing runs over the edge


def third_plan(luhe: Plan) -> Plan:
    """陆河's plan under another county's name: a third column whose figures all match."""
    return Plan(
        PlanMeta("luhe_b", title="另一县服装产业规划", region="另一县", level="县"), luhe.sections
    )


async def test_three_plans_have_targets_with_three_columns(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = build_app(luhe, dehong, tmp_path, more=[third_plan(luhe)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.workspace.benchmark is not None, "the benchmark")
        assert app.current_mode == "coverage"  # three plans open on the 衔接 view
        await pilot.press("2")
        await pilot.pause()
        assert app.current_mode == "targets"
        screen = app.screen
        assert isinstance(screen, TargetsScreen)
        table = screen.query_one(TargetsTable)
        assert table.columns_order[2:5] == ["plan:luhe", "plan:dehong", "plan:luhe_b"]
        assert [p.id for p in app.workspace.plans] == ["luhe", "dehong", "luhe_b"]
        wide = [line for line in table.shown if len(line.row.cells) == 3]
        assert wide and all(line.group == 0 for line in wide)
        assert "另一县" in screen_text(app)
        # The compare view stays on the first two plans.
        await pilot.press("1")
        await wait_until(pilot, lambda: app.workspace.alignment is not None, "the alignment")
        assert app.workspace.alignment is not None
        assert (app.workspace.alignment.a.id, app.workspace.alignment.b.id) == ("luhe", "dehong")


async def test_a_jump_before_the_alignment_waits_for_it(
    luhe: Plan, dehong: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        jumps = record_jumps(monkeypatch)
        await pilot.press("2")
        app.show_in_compare("dehong", "5.1", 0, 4)
        await pilot.pause()
        assert app.current_mode == "compare"
        assert jumps == []
        assert app.jump_request == JumpRequest("dehong", "5.1", 0, 4)
        fill(app)  # the alignment arrives
        await pilot.pause()
        assert jumps == [JumpRequest("dehong", "5.1", 0, 4)]
        assert app.jump_request is None
