"""The rows of the 指标 view: one per indicator concept, a column per plan, as cell text with
the keys they sort on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from plancompare.model import Benchmark, ConceptCell, ConceptRow
from plancompare.report.benchmark import cell_text, reasons_text, verdict_text
from plancompare.review.model import Comment, TargetRef

#: The fixed columns around the plans' columns (``plan:ID`` each).
CONCEPT, SECTION, VERDICT = "concept", "section", "verdict"
_VERDICT_ORDER = {"comparable": 0, "conditional": 1, "not_comparable": 2}


def plan_column(plan_id: str) -> str:
    """The key of a plan's column."""
    return f"plan:{plan_id}"


@dataclass(slots=True, eq=False)
class ConceptLine:
    """One line of the 指标 table: a concept row of the benchmark."""

    key: str
    """Stable row key: ``row-3``."""
    row: ConceptRow
    """The benchmark row."""
    commented: bool = False
    """Whether a comment is about one of its statements."""

    @property
    def group(self) -> int:
        """0 for concepts of several plans, 1 for those of one plan (the groups keep order)."""
        return 0 if len(self.row.cells) > 1 else 1

    @property
    def first(self) -> ConceptCell:
        """The cell of the first plan that states the concept."""
        return next(iter(self.row.cells.values()))

    def cells(self, plan_ids: Sequence[str], lang: str) -> dict[str, str]:
        """The text of each column: the concept (✎ when commented), the first statement's
        section, each plan's figures by year and kind, the verdict."""
        mark = "✎ " if self.commented else ""
        texts = {
            CONCEPT: mark + self.row.concept,
            SECTION: self.first.path[-1] if self.first.path else self.first.section,
            VERDICT: verdict_text(self.row, lang),
        }
        for plan_id in plan_ids:
            cell = self.row.cells.get(plan_id)
            if cell is None:
                texts[plan_column(plan_id)] = ""
                continue
            # The plan's own name on a line of its own, so that figures never wrap mid-number.
            named = cell.indicator != self.row.concept
            texts[plan_column(plan_id)] = (f"{cell.indicator}\n" if named else "") + cell_text(
                cell, lang
            )
        return texts

    def reasons(self, lang: str) -> str:
        """The verdict's reasons in words."""
        return reasons_text(self.row, lang)


def concept_lines(bench: Benchmark, comments: Sequence[Comment] = ()) -> list[ConceptLine]:
    """The benchmark's rows in its order, marked where a comment is about their statements."""
    about = {
        (f.plan, f.section, f.indicator)
        for c in comments
        if isinstance(c.reference, TargetRef)
        for f in c.reference.targets
    }
    lines = []
    for i, row in enumerate(bench.rows):
        statements = {
            (plan, t.section, t.indicator) for plan, cell in row.cells.items() for t in cell.sources
        }
        lines.append(ConceptLine(f"row-{i}", row, bool(statements & about)))
    return lines


def _section_key(line: ConceptLine) -> tuple[int, ...]:
    return tuple(int(p) for p in line.first.section.split(".") if p.isdigit())


def _value_key(plan_id: str) -> Callable[[ConceptLine], Decimal | None]:
    """A plan's last figure in the row's unit (by value, not by year)."""

    def key(line: ConceptLine) -> Decimal | None:
        cell = line.row.cells.get(plan_id)
        if cell is None or not cell.milestones:
            return None
        last = cell.milestones[-1]
        return last.common if last.common is not None else last.value

    return key


def sort_lines(
    lines: list[ConceptLine], column: str | None, descending: bool = False
) -> list[ConceptLine]:
    """Lines sorted on one column inside each group (several plans, one plan); lines without
    a value for the column go last; ``None`` keeps reading order."""
    if column is None:
        return sorted(lines, key=lambda line: line.group)
    # Any: each column sorts on its own kind of key (text, a tuple, a number).
    keys: dict[str, Callable[[ConceptLine], Any]] = {
        CONCEPT: lambda line: line.row.concept,
        SECTION: _section_key,
        VERDICT: lambda line: _VERDICT_ORDER[line.row.verdict] if line.group == 0 else None,
    }
    key: Callable[[ConceptLine], Any] = keys.get(column) or _value_key(column.removeprefix("plan:"))
    out: list[ConceptLine] = []
    for group in (0, 1):
        members = [line for line in lines if line.group == group]
        present = [line for line in members if key(line) is not None]
        missing = [line for line in members if key(line) is None]
        out += sorted(present, key=key, reverse=descending) + missing
    return out
