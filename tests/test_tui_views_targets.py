"""The targets view: the benchmark table, its sort and filter, jumping to the text, commenting."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from plancompare.model import Plan
from plancompare.review.model import TargetRef
from plancompare.targets.benchmark import same_value, value_ratio
from plancompare.tui import PlanCompareApp
from plancompare.tui.app import JumpRequest
from plancompare.tui.dialogs.comment_form import CommentForm
from plancompare.tui.screens.compare import CompareScreen
from plancompare.tui.screens.targets import TargetsScreen
from plancompare.tui.target_rows import TargetRow
from plancompare.tui.widgets.view_table import fit
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
    return str(screen.table.get_cell_at((row, list(screen.table.columns).index(column))))


async def test_pairs_first_then_targets_of_one_plan_only(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        bench = app.workspace.benchmark
        assert bench is not None
        assert screen.table.row_count == len(bench.pairs) + len(bench.only_a) + len(bench.only_b)
        assert [r.group for r in screen.table.shown] == sorted(r.group for r in screen.table.shown)
        first = bench.pairs[0]
        assert (first.a.indicator, first.b.indicator) == (
            "服装产业年总产值",
            "规上纺织服装企业总产值",
        )
        assert screen.table.shown[0].indicator_text == "服装产业年总产值 ⇄ 规上纺织服装企业总产值"
        # Cut to its column, two cells a Chinese character, with an ellipsis.
        width = screen.table.columns["indicator"].width  # type: ignore[index]
        assert cell(screen, 0, "indicator") == "服装产业年总产值 ⇄ 规上纺织服…"
        assert cell_len(cell(screen, 0, "indicator")) <= width == 30
        assert cell(screen, 0, "a") == "≥100亿元 2030"
        assert cell(screen, 0, "b") == "≥100亿元 2027"
        assert cell(screen, 0, "difference") == "同值"
        assert cell(screen, 0, "scope") == "— ⇄ 规上"
        lone_b = len(bench.pairs) + len(bench.only_a)
        assert cell(screen, lone_b, "difference") == "仅德宏州"
        assert cell(screen, lone_b, "a") == ""
        shown = screen_text(app)
        assert "说明：目标值相同（100亿元）；年份 2030 与 2027；范围 — 与 规上" in shown
        assert "陆河县·3.1：服装产业年总产值突破100亿元" in shown


async def test_s_cycles_the_sort_column_and_a_header_click_sorts_on_it(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        await pilot.press("s")
        assert screen.table.sort_column == "indicator"
        pairs = [r for r in screen.table.shown if r.group == 0]
        names = [r.indicator_text for r in pairs]
        assert names == sorted(names)
        assert cell(screen, 0, "indicator") == str(fit(names[0], 30))

        await pilot.press("s", "s", "s")
        assert screen.table.sort_column == "difference"

        def gap(row: TargetRow) -> float:
            assert row.a is not None and row.b is not None
            if same_value(row.a, row.b):
                return 0.0
            ratio = value_ratio(row.a, row.b)
            return abs(math.log(float(ratio))) if ratio else -1.0

        gaps = [gap(r) for r in screen.table.shown if r.group == 0]
        assert gaps[0] == max(gaps)  # the biggest difference first
        assert gaps == sorted(gaps, reverse=True)
        assert [r.group for r in screen.table.shown] == sorted(r.group for r in screen.table.shown)

        await pilot.press("s", "s")
        assert screen.table.sort_column is None
        assert [r.key for r in screen.table.shown] == [r.key for r in screen.table.all_rows]

        # The header of the B column is after the indicator (up to 30 cells) and A's column.
        x = sum(c.get_render_width(screen.table) for c in list(screen.table.columns.values())[:2])
        await pilot.click("#benchmark", offset=(x + 3, 0))
        assert screen.table.sort_column == "b"
        years = [r.b.year for r in screen.table.shown if r.group == 0 and r.b is not None]
        assert years == sorted(years)
        await pilot.click("#benchmark", offset=(x + 3, 0))
        assert screen.table.descending


async def test_f_filters_on_the_indicator_and_escape_returns_to_the_table(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        total = screen.table.row_count
        await pilot.press("f", *"就业")
        await pilot.pause()
        assert 0 < screen.table.row_count < total
        assert all("就业" in r.indicator_text for r in screen.table.shown)
        assert screen.table.row_count == len(screen.table.shown)
        await pilot.press("escape")
        assert screen.table.has_focus
        await pilot.press("s")  # a key for the view again, not for the filter box
        assert screen.table.sort_column == "indicator"


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
        row = screen.table.shown[1]
        assert row.a is not None
        (jump,) = jumps
        assert (jump.plan, jump.section) == ("luhe", row.a.section)
        section = luhe.section(row.a.section)
        assert section is not None
        assert jump.start is not None and jump.end is not None
        assert section.text[jump.start : jump.end] == row.a.quote


async def test_c_comments_on_a_pair_with_both_figures(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_targets(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CommentForm)
        await pilot.press(*"两地产值口径不同", "ctrl+s")
        await pilot.pause()
        (comment,) = app.workspace.comments()
        pair = app.workspace.benchmark.pairs[0]  # type: ignore[union-attr]
        assert (comment.plan, comment.anchor.section) == ("luhe", "3.1")
        assert comment.anchor.exact == pair.a.quote
        assert comment.reviewer == "张三"
        ref = comment.reference
        assert isinstance(ref, TargetRef)
        assert [(f.plan, f.indicator, f.value, f.year) for f in ref.targets] == [
            ("luhe", "服装产业年总产值", "100", 2030),
            ("dehong", "规上纺织服装企业总产值", "100", 2027),
        ]
        assert ref.note == pair.note_zh  # as TargetRef.of_pair keeps it


async def test_c_on_a_target_found_in_b_only(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = ready_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_targets(app, pilot)
        await pilot.press("f", *"智能工厂", "escape", "c")
        await pilot.pause()
        (row,) = screen.table.shown
        assert row.b is not None and row.a is None
        await pilot.press(*"建议说明认定标准", "ctrl+s")
        await pilot.pause()
        (comment,) = app.workspace.comments()
        assert (comment.plan, comment.anchor.section) == ("dehong", row.b.section)
        assert isinstance(comment.reference, TargetRef)
        assert [f.indicator for f in comment.reference.targets] == ["纺织服装智能工厂"]


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
                assert cell_len(str(value)) <= column.width, (n, str(value))
        lines = screen_text(app).splitlines()
        assert all(cell_len(line) == 80 for line in lines)  # nothing runs over the edge


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
