"""The rows of the targets view: benchmark pairs, then targets of one plan only, as cell text."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from plancompare.model import Benchmark, BenchmarkPair, Target
from plancompare.targets.indicators import ratio_text, same_value, show_value, value_ratio
from plancompare.tui.i18n import Labels

if TYPE_CHECKING:
    from plancompare.session import ReviewSession

COLUMNS = ("indicator", "a", "b", "difference", "scope")
"""The columns of the targets table, left to right (also the sort keys)."""


@dataclass(slots=True, eq=False)
class TargetRow:
    """One line of the targets table: a comparable pair, or a target of one plan only."""

    key: str
    """Stable row key: ``pair-3``, ``a-5``, ``b-0``."""
    group: int
    """0 for pairs, 1 for targets only in A, 2 only in B (the groups keep this order)."""
    a: Target | None
    """Plan A's target, if any."""
    b: Target | None
    """Plan B's target, if any."""
    pair: BenchmarkPair | None = None
    """The benchmark pair, for a pair row."""

    @property
    def indicator_text(self) -> str:
        """The indicator, or both when a pair names it differently (A ⇄ B)."""
        if self.a is not None and self.b is not None and self.a.indicator != self.b.indicator:
            return f"{self.a.indicator} ⇄ {self.b.indicator}"
        target = self.a or self.b
        assert target is not None
        return target.indicator

    def sides(self, ws: ReviewSession) -> list[tuple[str, Target]]:
        """(plan id, target) of each side present, A first."""
        out = [(ws.a.id, self.a)] if self.a is not None else []
        return out + ([(ws.b.id, self.b)] if self.b is not None else [])

    def cells(self, labels: Labels, a_name: str, b_name: str) -> dict[str, str]:
        """The text of each column."""
        return {
            "indicator": self.indicator_text,
            "a": value_cell(self.a),
            "b": value_cell(self.b),
            "difference": self.difference(labels, a_name, b_name),
            "scope": self.scope(),
        }

    def difference(self, labels: Labels, a_name: str, b_name: str) -> str:
        """同值, ×ratio (B over A), — when the values do not compare, or which plan has it."""
        if self.a is None or self.b is None:
            return labels["only_in"].format(plan=a_name if self.a is not None else b_name)
        if same_value(self.a, self.b):
            return labels["diff_same"]
        ratio = value_ratio(self.a, self.b)
        return labels["diff_ratio"].format(ratio=ratio_text(ratio)) if ratio else "—"

    def scope(self) -> str:
        """The scope words each side qualifies its indicator with (全产业链 ⇄ 规上、全州), as
        written; the full note of a pair is in the detail line."""
        words = ["、".join(t.scope) if t is not None else "" for t in (self.a, self.b)]
        if self.a is None or self.b is None:
            return words[0] or words[1]
        if not any(words):
            return ""
        return f"{words[0] or '—'} ⇄ {words[1] or '—'}"

    def width(self, column: str) -> int:
        """Cells the value column needs for this row."""
        return cell_len(value_cell(self.a if column == "a" else self.b))


def value_cell(target: Target | None) -> str:
    """A target's value and year (≥100亿元 2030); empty for no target."""
    if target is None:
        return ""
    return f"{show_value(target)} {target.year or '—'}"


def target_rows(bench: Benchmark) -> list[TargetRow]:
    """Pairs in benchmark order, then A's lone targets, then B's."""
    rows = [TargetRow(f"pair-{i}", 0, p.a, p.b, p) for i, p in enumerate(bench.pairs)]
    rows += [TargetRow(f"a-{i}", 1, t, None) for i, t in enumerate(bench.only_a)]
    rows += [TargetRow(f"b-{i}", 2, None, t) for i, t in enumerate(bench.only_b)]
    return rows


def _target_key(target: Target | None) -> tuple[int, str, Decimal] | None:
    if target is None:
        return None
    value = target.base_value if target.base_value is not None else target.value
    return (target.year or 0, target.base_unit or "", value if value is not None else Decimal(0))


def _difference_key(row: TargetRow) -> float | None:
    """How far apart the values are, biggest first: −|log(B/A)| (same values last)."""
    if row.a is None or row.b is None:
        return None
    if same_value(row.a, row.b):
        return 0.0
    ratio = value_ratio(row.a, row.b)
    return -abs(math.log(float(ratio))) if ratio else None


def sort_rows(
    rows: list[TargetRow], column: str | None, descending: bool = False
) -> list[TargetRow]:
    """Rows sorted on one column inside each group (pairs, only A, only B); rows without a
    value for the column go last; ``None`` keeps reading order."""
    # Any: each column sorts on its own kind of key (text, a tuple, a number), None for none.
    keys: dict[str, Callable[[TargetRow], Any]] = {
        "indicator": lambda r: r.indicator_text,
        "a": lambda r: _target_key(r.a),
        "b": lambda r: _target_key(r.b),
        "difference": _difference_key,
        "scope": lambda r: r.scope() or None,
    }
    if column is None:
        return sorted(rows, key=lambda r: r.group)
    key = keys[column]
    out: list[TargetRow] = []
    for group in (0, 1, 2):
        members = [r for r in rows if r.group == group]
        present = [r for r in members if key(r) is not None]
        missing = [r for r in members if key(r) is None]
        out += sorted(present, key=key, reverse=descending) + missing
    return out
