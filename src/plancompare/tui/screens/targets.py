"""The 指标 view: one row per indicator concept, a column per plan, the verdict across the
row; the selected concept in full and as a bar chart below."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.widgets import DataTable

from plancompare import i18n
from plancompare.model import Target
from plancompare.plan.wording import finding_text
from plancompare.report.benchmark import normalised_notes, plan_names
from plancompare.review.anchoring import anchor_for_target
from plancompare.review.model import TargetRef
from plancompare.tui.screens.base import ViewScreen
from plancompare.tui.target_rows import ConceptLine, concept_lines
from plancompare.tui.widgets.concept_chart import ConceptChart
from plancompare.tui.widgets.detail_panel import DetailPanel
from plancompare.tui.widgets.filter_bar import FilterBar
from plancompare.tui.widgets.targets_table import TargetsTable


class TargetsScreen(ViewScreen):
    """Concepts of several plans first, then those one plan alone states."""

    VIEW = "targets"
    AUTO_FOCUS = "#benchmark"
    # Textual declares the breakpoints without ClassVar (mypy reads them as instance
    # variables), so they are overridden the same way.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "bind_sort"),
        Binding("f", "filter", "bind_filter"),
        Binding("c", "comment", "bind_write_comment"),
        Binding("j", "down", "bind_down", show=False),
        Binding("k", "up", "bind_up", show=False),
        Binding("escape", "focus_table", "bind_back", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        yield FilterBar(self.labels["targets_filter"], id="targets-filter")
        yield TargetsTable(self.labels, id="benchmark")
        yield DetailPanel("", id="target-detail", markup=False)
        yield ConceptChart(id="target-chart")

    @property
    def table(self) -> TargetsTable:
        """The benchmark table."""
        return self.query_one(TargetsTable)

    def plan_name(self, plan_id: str) -> str:
        """A plan as the reviewer names it: its region (陆河县), else its id."""
        return self.workspace.name(plan_id)

    def workspace_changed(self, what: str) -> None:
        bench = self.workspace.benchmark
        if what not in ("benchmark", "mounted", "comments"):
            return
        if bench is None:
            self.query_one(FilterBar).set_summary(self.labels["benchmarking"])
            return
        plans = [(p.id, self.plan_name(p.id)) for p in bench.plans]
        self.table.load(concept_lines(bench, self.workspace.comments()), plans)
        self._changed()

    def _changed(self) -> None:
        """Say how many rows show, and show the selected one in full."""
        bench, table, t = self.workspace.benchmark, self.table, self.labels
        assert bench is not None
        if len(table.shown) != len(table.all_rows):
            summary = t["targets_shown"].format(shown=len(table.shown), total=len(table.all_rows))
        else:
            verdicts = [r.verdict for r in bench.shared]
            summary = t["targets_rows"].format(
                concepts=len(bench.rows),
                shared=len(bench.shared),
                comparable=verdicts.count("comparable"),
                conditional=verdicts.count("conditional"),
                not_comparable=verdicts.count("not_comparable"),
            )
        self.query_one(FilterBar).set_summary(summary)
        self._show_detail()

    def _show_detail(self) -> None:
        """The verdict's reasons and each plan's normalised figures, its sources and any
        disagreement; the chart of the row's values."""
        line, t = self.table.selected(), self.labels
        chart = self.query_one(ConceptChart)
        bench = self.workspace.benchmark
        names = plan_names(bench.plans if bench else [])
        lines: list[tuple[str, bool]] = []
        if line is None:
            self.query_one(DetailPanel).show(lines)
            chart.show(None, names, t.lang)
            return
        row = line.row
        if len(row.cells) > 1:
            verdict = line.cells([], t.lang)["verdict"]
            reasons = line.reasons(t.lang)
            lines.append((f"{verdict}{t['colon']}{reasons}" if reasons else verdict, True))
        for plan_id, cell in row.cells.items():
            notes = t["sep"].join(normalised_notes(row, cell, t.lang))
            if notes:
                lines.append((f"{self.plan_name(plan_id)}{t['colon']}{notes}", True))
            for finding in cell.disagreements:
                lines.append(
                    (t["bench_findings"].format(message=finding_text(finding, t.lang)), True)
                )
            lines += [(self._source(plan_id, target), False) for target in cell.sources[:2]]
        self.query_one(DetailPanel).show(lines)
        chart.show(row, names, t.lang)

    def _source(self, plan_id: str, target: Target) -> str:
        quote = " ".join(target.quote.split())
        if target.source == "table":
            quote += self.labels["target_table_row"]
        # Where the draft says it, as the draft names it (never a section id).
        trail = self.workspace.plan(plan_id).path(target.section)
        where = trail[-1].label if trail else ""
        return self.labels["target_detail"].format(
            plan=self.plan_name(plan_id), section=where, quote=quote
        )

    # --- events and actions --------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        if self.table.all_rows:
            self.call_after_refresh(self.table.redraw)

    @on(FilterBar.Changed)
    def _filter_changed(self) -> None:
        self.table.filter_on(self.query_one(FilterBar).text)
        self._changed()

    @on(DataTable.RowHighlighted, "#benchmark")
    def _row_highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.HeaderSelected, "#benchmark")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        self.table.sort_on(str(event.column_key.value), toggle=True)
        self._changed()

    @on(DataTable.RowSelected, "#benchmark")
    def _row_selected(self) -> None:
        self.action_jump()

    def action_sort(self) -> None:
        """Sort by the next column (reading order after the last)."""
        self.table.sort_next()
        self._changed()

    def action_down(self) -> None:
        """The next row (j, as ↓)."""
        self.table.action_cursor_down()

    def action_up(self) -> None:
        """The row before (k, as ↑)."""
        self.table.action_cursor_up()

    def action_filter(self) -> None:
        """Type to keep only the indicators that contain the text."""
        self.query_one(FilterBar).focus_text()

    def action_focus_table(self) -> None:
        """Back from the filter box to the table."""
        self.table.focus()

    def _target(self) -> tuple[ConceptLine, str, Target] | None:
        """The selected row, and the statement it is about: the first of its first cell."""
        line = self.table.selected()
        if line is None:
            return None
        cell = line.first
        return line, cell.plan, cell.sources[0]

    def action_jump(self) -> None:
        """Show the sentence the target was read from in the compare view (the compare view
        holds the first two plans; a concept of another plan only has nowhere to go)."""
        chosen = self._target()
        if chosen is None:
            return
        _, plan_id, target = chosen
        if plan_id not in (self.workspace.a.id, self.workspace.b.id):
            return
        position = anchor_for_target(self.workspace.plan(plan_id), target).position
        start, end = (position.start, position.end) if position else (None, None)
        self.pc_app.show_in_compare(plan_id, target.section, start, end)

    def action_comment(self) -> None:
        """Comment on the selected concept, anchored on its first statement, with every
        plan's figure kept with the comment."""
        chosen = self._target()
        if chosen is None:
            return
        line, plan_id, target = chosen
        ws = self.workspace

        def note(lang: str) -> str:
            """The row's verdict and reasons, kept with the comment in both languages."""
            text = line.cells([], lang)["verdict"]
            if line.row.reasons:
                text += i18n.t("colon", lang) + line.reasons(lang)
            return text

        texts = line.cells(list(line.row.cells), self.labels.lang)
        figures_text = " | ".join(v for k, v in texts.items() if k.startswith("plan:"))
        self.write_comment(
            plan_id,
            target.section,
            f"{line.row.concept}  {figures_text}",
            anchor=anchor_for_target(ws.plan(plan_id), target),
            reference=TargetRef.of_row(
                {p.id: p for p in ws.plans},
                line.row,
                (plan_id, target),
                *((note("zh"), note("en")) if len(line.row.cells) > 1 else ()),
            ),
        )
