"""The 衔接 view (three plans or more): the reference plan's outline as rows, a column per other
plan with how it takes each unit up, a count per plan, and the selected cell in full below.

Enter opens the compare view on the reference plan ⇄ that plan at that unit, ``c`` comments
on the gap (anchored in the lower plan: see :mod:`plancompare.review.coverage_draft`), ``s``
looks for similar passages across the corpus, ``v``/``p`` step through the verdict and plan
filters. The rows are drawn at once from the outline; each plan's column fills as a worker
judges it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.widgets import DataTable, Select, Static

from plancompare.coverage import Coverage, CoverageCell, CoverageRow, Verdict
from plancompare.plan.wording import path_place
from plancompare.report.coverage import coverage_why
from plancompare.review.coverage_draft import coverage_reference, draft_for_gap, gap_section
from plancompare.tui.coverage_lines import (
    VERDICT_CHOICES,
    commented_cells,
    kept_rows,
    verdicts_of,
)
from plancompare.tui.dialogs.similar import SimilarQuery
from plancompare.tui.screens.base import ViewScreen
from plancompare.tui.widgets.coverage_table import CoverageTable
from plancompare.tui.widgets.detail_panel import DetailPanel
from plancompare.tui.widgets.filter_bar import FilterBar


class CoverageScreen(ViewScreen):
    """How each plan takes up the reference plan, unit by unit."""

    VIEW = "coverage"
    AUTO_FOCUS = "#coverage"
    # Textual declares the breakpoints without ClassVar (mypy reads them as instance
    # variables), so they are overridden the same way.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    FOOTER_LEAVES_OUT = ("export", "verdict_filter", "similar")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "comment", "bind_write_comment"),
        Binding("s", "similar", "bind_similar"),
        Binding("v", "verdict_filter", "bind_verdict_filter"),
        Binding("p", "plan_filter", "bind_plan_filter", show=False),
        Binding("f", "filter", "bind_filter", show=False),
        Binding("j", "down", "bind_down", show=False),
        Binding("k", "up", "bind_up", show=False),
        Binding("escape", "focus_table", "bind_back", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        t = self.labels
        verdicts = [(t["coverage_verdict_gaps"], "gaps")]
        verdicts += [(t[f"verdict_{v.value}"], v.value) for v in Verdict]
        plans = [(name, plan_id) for plan_id, name in self.names.items()]
        yield FilterBar(
            t["coverage_filter"],
            [
                ("verdict", t["coverage_verdict_all"], verdicts),
                ("plan", t["coverage_plan_all"], plans),
            ],
            id="coverage-filter",
        )
        yield Static("", id="coverage-summary", markup=False)
        yield CoverageTable(t, id="coverage")
        yield DetailPanel("", id="coverage-detail", markup=False)

    @property
    def names(self) -> dict[str, str]:
        """Each lower plan's name in the column heads, by id."""
        ws = self.workspace
        return {p.id: ws.name(p.id) for p in ws.lower}

    @property
    def table(self) -> CoverageTable:
        """The coverage table."""
        return self.query_one(CoverageTable)

    @property
    def coverage(self) -> Coverage:
        """The session's coverage (its rows at least: they are made at once)."""
        result = self.workspace.start_coverage()
        assert result is not None, "the 衔接 view needs three plans or more"
        return result

    def workspace_changed(self, what: str) -> None:
        if what in ("coverage", "mounted", "comments", "benchmark"):
            self.redraw()

    # --- drawing ---------------------------------------------------------------------------

    def redraw(self) -> None:
        """The rows the filters keep, the counts per plan, the selected cell in full."""
        bar, result = self.query_one(FilterBar), self.coverage
        chosen = bar.choice("plan")
        plan_ids = [chosen] if chosen else [p.id for p in result.plans]
        verdicts = verdicts_of(bar.choice("verdict"))
        rows = kept_rows(result.rows, plan_ids, verdicts, bar.text)
        names = self.names
        commented = commented_cells(self.workspace.comments(), result.ref.id)
        self.table.load(rows, [(p, names[p]) for p in plan_ids], commented)
        matching = sum(1 for _, m in rows if m)
        total = len(result.rows)
        shown = (
            "" if matching == total else self.labels("coverage_shown", shown=matching, total=total)
        )
        bar.set_summary(shown)
        self.query_one("#coverage-summary", Static).update(self._summary())
        self._show_detail()

    def _summary(self) -> str:
        """Each plan's count of verdicts (or that it is still being judged)."""
        t, ws, result = self.labels, self.workspace, self.coverage
        parts = []
        for plan in result.plans:
            name = self.names[plan.id]
            if not ws.judged(plan.id):
                parts.append(t["coverage_plan_pending"].format(plan=name))
                continue
            tally = result.tally(plan.id)
            parts.append(
                t["coverage_tally"].format(
                    plan=name,
                    covered=tally[Verdict.COVERED],
                    partial=tally[Verdict.PARTIAL],
                    absent=tally[Verdict.ABSENT],
                )
            )
        return t["sep"].join(parts)

    def _show_detail(self) -> None:
        """The selected cell: its unit's place and verdict, the counterparts, the plan's most
        similar sentences, the benchmark rows of its targets."""
        chosen = self.table.selected()
        panel = self.query_one(DetailPanel)
        if chosen is None:
            panel.show([])
            return
        row, plan_id = chosen
        cell = row.cells.get(plan_id)
        t = self.labels
        name = self.names[plan_id]
        if cell is None:
            panel.show([(t["coverage_plan_pending"].format(plan=name), True)])
            return
        panel.show(self._detail_lines(row, cell, name))

    def _detail_lines(
        self, row: CoverageRow, cell: CoverageCell, name: str
    ) -> list[tuple[str, bool]]:
        t = self.labels
        head = t["coverage_detail"].format(
            unit=path_place(row.path, t.lang),
            plan=name,
            verdict=t[f"verdict_{cell.verdict.value}"],
            score=cell.score,
            why=coverage_why(cell, t.lang),
        )
        lines = [(head, True)]
        for c in cell.counterparts:
            where = path_place(c.path, t.lang)
            lines.append(
                (t["coverage_detail_counterpart"].format(path=where, score=c.score), False)
            )
        if not cell.counterparts:
            lines.append((t["coverage_detail_no_counterpart"], False))
        for e in cell.evidence:
            said = t["coverage_detail_evidence"].format(score=e.score, sentence=e.sentence)
            lines.append((said, False))
        for b in cell.benchmark:
            if b.counterpart is None:
                line = t["coverage_target_none"].format(indicator=b.indicator, plan=name)
            else:
                verdict = t[f"verdict_{b.verdict}"] if b.verdict else ""
                line = t["coverage_target"].format(
                    indicator=b.indicator, counterpart=b.counterpart, verdict=verdict
                )
            lines.append((line, True))
        return lines

    # --- events ------------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self.redraw)

    @on(FilterBar.Changed)
    def _filter_changed(self) -> None:
        self.redraw()

    @on(DataTable.CellHighlighted, "#coverage")
    def _cell_highlighted(self) -> None:
        # The cursor as it is now, not as the event saw it: a highlight queued before a later
        # move (a redraw's, then a key's) must not pull the cursor back to the first column.
        if self.table.cursor_coordinate.column == 0 and self.table.plans:
            # The unit's own column is not a cell to act on: the plan's beside it is.
            self.table.move_cursor(column=1, animate=False)
            return
        self._show_detail()

    @on(DataTable.CellSelected, "#coverage")
    def _cell_selected(self) -> None:
        self.action_open()

    # --- actions -----------------------------------------------------------------------------

    def action_open(self) -> None:
        """Open the compare view on the reference plan ⇄ the cell's plan, at the unit's row
        (beside the plan's counterpart when it has one)."""
        chosen = self.table.selected()
        ref = self.workspace.reference
        if chosen is None or ref is None:
            return
        row, plan_id = chosen
        cell = row.cells.get(plan_id)
        partner = cell.counterparts[0].section if cell and cell.counterparts else None
        self.pc_app.open_pair(ref.id, plan_id)
        self.pc_app.show_in_compare(ref.id, row.section, partner=partner)

    def action_comment(self) -> None:
        """Comment on the selected cell: anchored in the plan where the gap is to be filled,
        drafted by its verdict, the cell kept with it."""
        chosen = self.table.selected()
        ws, t = self.workspace, self.labels
        ref = ws.reference
        if chosen is None or ref is None:
            return
        row, plan_id = chosen
        cell = row.cells.get(plan_id)
        if cell is None:
            self.notify(t["coverage_not_ready"].format(plan=self.names[plan_id]))
            return
        plan = ws.plan(plan_id)
        on_what = t["coverage_on_what"].format(
            ref=ws.name(ref.id),
            unit=path_place(row.path, t.lang),
            plan=self.names[plan_id],
            verdict=t[f"verdict_{cell.verdict.value}"],
        )
        self.write_comment(
            plan_id,
            gap_section(self.coverage, row, plan),
            on_what,
            reference=coverage_reference(ref, row, cell),
            initial=draft_for_gap(ref, row, cell.verdict, t.lang),
        )

    def action_similar(self) -> None:
        """Passages like the selected unit in every other plan of the corpus."""
        chosen = self.table.selected()
        ref = self.workspace.reference
        if chosen is None or ref is None:
            return
        row, _ = chosen
        query = SimilarQuery(plan=ref.id, label=row.label, section=row.section)
        self.pc_app.show_similar(query, keep=ref.id)

    def action_verdict_filter(self) -> None:
        """The next verdict filter: gaps (未体现 or 部分衔接), each verdict, then all."""
        self._step("verdict", list(VERDICT_CHOICES))

    def action_plan_filter(self) -> None:
        """The next plan alone, then all plans."""
        self._step("plan", [None, *(p.id for p in self.coverage.plans)])

    def _step(self, choice_id: str, values: list[str | None]) -> None:
        select: Select[str] = self.query_one(f"#{choice_id}", Select)
        now = None if select.value is Select.NULL else str(select.value)
        following = values[(values.index(now) + 1) % len(values)] if now in values else None
        if following is None:
            select.clear()
        else:
            select.value = following

    def action_filter(self) -> None:
        """Type to keep only the units whose heading path holds the words."""
        self.query_one(FilterBar).focus_text()

    def action_focus_table(self) -> None:
        """Back from the filters to the table."""
        self.table.focus()

    def action_down(self) -> None:
        """The next row (j, as ↓)."""
        self.table.action_cursor_down()

    def action_up(self) -> None:
        """The row before (k, as ↑)."""
        self.table.action_cursor_up()
