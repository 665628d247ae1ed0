"""The benchmark row of each target of a reference unit: the N-plan benchmark of the reference
and the plans, read per unit and per plan (what the coverage's benchmark hook returns)."""

from __future__ import annotations

from plancompare.coverage.model import BenchmarkEntry, BenchmarkHook
from plancompare.model import Benchmark, ConceptRow, Plan, Target


def _key(target: Target) -> tuple[str, str, str]:
    """A target as both extractions of the reference read it (its section, quote, name)."""
    return target.section, target.quote, target.indicator


def benchmark_hook(benchmark: Benchmark, ref: Plan) -> BenchmarkHook:
    """A hook for :func:`~plancompare.coverage.coverage` that reads ``benchmark`` (the
    reference first among its plans): for each target of a unit, the row it is in, and how
    the plan states the same concept — or that it does not. An indicator stated for several
    years is one entry."""
    rows: dict[tuple[str, str, str], ConceptRow] = {}
    for row in benchmark.rows:
        cell = row.cells.get(ref.id)
        if cell is not None:
            for source in cell.sources:
                rows.setdefault(_key(source), row)

    def entries(targets: list[Target], plan: Plan) -> list[BenchmarkEntry]:
        out = []
        seen: set[tuple[str, str | None]] = set()
        for target in targets:
            row = rows.get(_key(target))
            concept = row.concept if row is not None else None
            if (target.indicator, concept) in seen:
                continue  # the same indicator for another year: one entry
            seen.add((target.indicator, concept))
            cell = row.cells.get(plan.id) if row is not None else None
            out.append(
                BenchmarkEntry(
                    indicator=target.indicator,
                    concept=concept,
                    verdict=row.verdict if cell is not None and row is not None else None,
                    counterpart=cell.indicator if cell is not None else None,
                )
            )
        return out

    return entries
