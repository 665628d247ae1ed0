"""The findings view: structure and consistency findings of both plans; each becomes a comment."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.widgets import DataTable, Static

from plancompare.errors import PlanError
from plancompare.model import Finding
from plancompare.plan.wording import finding_text, section_place
from plancompare.review.anchoring import make_anchor
from plancompare.review.finding_draft import draft_for
from plancompare.review.model import FindingRef
from plancompare.tui.screens.base import ViewScreen
from plancompare.tui.widgets.detail_panel import DetailPanel
from plancompare.tui.widgets.view_table import ViewTable, fit


class FindingsScreen(ViewScreen):
    """Findings of plan A, then of plan B, with the selected one's quotes below."""

    VIEW = "findings"
    # Textual declares the breakpoints without ClassVar (mypy reads them as instance
    # variables), so they are overridden the same way.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "comment", "bind_write_comment"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, Finding]] = []

    def compose_body(self) -> ComposeResult:
        yield Static("", id="findings-summary", markup=False)
        yield ViewTable("bind_jump", id="findings")
        yield DetailPanel("", id="finding-detail", markup=False)

    @property
    def table(self) -> DataTable[Text]:
        """The findings table."""
        return self.query_one("#findings", DataTable)

    def workspace_changed(self, what: str) -> None:
        if what not in ("findings", "mounted"):
            return
        if not self.workspace.findings:
            self.query_one("#findings-summary", Static).update(self.labels["loading"])
            return
        self.rows = [
            (plan_id, finding)
            for plan_id, findings in self.workspace.findings.items()
            for finding in findings
        ]
        self.redraw()

    def redraw(self) -> None:
        """Lay the findings out for the current width, keeping the cursor where it was."""
        table = self.table
        row = table.cursor_row
        total = (self.size.width or 120) - 2 - 2 * 4
        widths = {"plan": 6, "section": 16, "kind": 12 if self.labels.lang == "zh" else 18}
        widths["finding"] = max(20, total - sum(widths.values()))
        table.clear(columns=True)
        for column, width in widths.items():
            table.add_column(fit(self.labels[f"col_{column}"], width), width=width, key=column)
        for n, (plan_id, finding) in enumerate(self.rows):
            cells = {
                "plan": self._plan_name(plan_id),
                "section": self._place(plan_id, finding),
                "kind": self.labels.get(f"kind_{finding.kind}").removeprefix("kind_"),
                "finding": finding_text(finding, self.labels.lang),
            }
            table.add_row(*(fit(cells[c], w) for c, w in widths.items()), key=str(n))
        if self.rows:
            table.move_cursor(row=min(max(row, 0), len(self.rows) - 1), animate=False)
        ws = self.workspace
        self.query_one("#findings-summary", Static).update(
            self.labels["findings_summary"].format(
                a=self._plan_name(ws.a.id),
                na=len(ws.findings.get(ws.a.id, [])),
                b=self._plan_name(ws.b.id),
                nb=len(ws.findings.get(ws.b.id, [])),
            )
            if self.rows
            else self.labels["no_findings"]
        )
        self._show_detail()

    def _plan_name(self, plan_id: str) -> str:
        return self.workspace.name(plan_id)

    def _place(self, plan_id: str, finding: Finding) -> str:
        """Where the finding is, as the draft names it."""
        if finding.section is None:
            return "—"
        return section_place(self.workspace.plan(plan_id), finding.section, self.labels.lang)

    def selected(self) -> tuple[str, Finding] | None:
        """(plan id, finding) under the cursor."""
        n = self.table.cursor_row
        return self.rows[n] if self.rows and 0 <= n < len(self.rows) else None

    def _show_detail(self) -> None:
        """The selected finding in full, then each of its quotes on a line."""
        chosen = self.selected()
        lines = []
        if chosen is not None:
            plan_id, finding = chosen
            t = self.labels
            where = f"{self._plan_name(plan_id)} · {self._place(plan_id, finding)}{t['colon']}"
            lines.append((where + finding_text(finding, t.lang), True))
            lines += [(f"{t['evidence']}{t['colon']}{q}", False) for q in finding.evidence]
        self.query_one(DetailPanel).show(lines)

    # --- events and actions --------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        if self.rows:
            self.call_after_refresh(self.redraw)

    @on(DataTable.RowHighlighted, "#findings")
    def _row_highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#findings")
    def _row_selected(self) -> None:
        self.action_jump()

    def _chosen(self) -> tuple[str, Finding, str] | None:
        """(plan id, finding, section id) under the cursor; None (said) without a section."""
        chosen = self.selected()
        if chosen is None:
            return None
        plan_id, finding = chosen
        if finding.section is None:
            self.notify(self.labels["no_section"], severity="warning")
            return None
        return plan_id, finding, finding.section

    def action_jump(self) -> None:
        """Show the finding's section in the compare view, its first quote selected when the
        quote is in the section's own text (headings and table rows are not)."""
        chosen = self._chosen()
        if chosen is None:
            return
        plan_id, finding, section_id = chosen
        for quote in finding.evidence:
            try:
                anchor = make_anchor(self.workspace.plan(plan_id), section_id, quote)
            except PlanError:
                continue
            if anchor.position is not None:
                position = anchor.position
                self.pc_app.show_in_compare(plan_id, section_id, position.start, position.end)
                return
        self.pc_app.show_in_compare(plan_id, section_id)

    def action_comment(self) -> None:
        """Turn the selected finding into a draft comment on its section."""
        chosen = self._chosen()
        if chosen is None:
            return
        plan_id, finding, section_id = chosen
        where = self._place(plan_id, finding)
        on_what = f"{self._plan_name(plan_id)} · {where}{self.labels['colon']}"
        self.write_comment(
            plan_id,
            section_id,
            on_what + finding_text(finding, self.labels.lang),
            reference=FindingRef.of(finding),
            initial=draft_for(finding, self.labels.lang),
        )
