"""Plain-data views of plans and findings: the JSON contract, shared by the CLI and the TUI."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from plancompare.model import (
    Benchmark,
    ConceptCell,
    Finding,
    Milestone,
    Plan,
    PlanMeta,
    Section,
    Table,
    Target,
)
from plancompare.plan.wording import finding_text


def meta_dict(meta: PlanMeta) -> dict[str, Any]:
    """The plan's metadata as in ``outline --json`` → ``plan``."""
    return {
        "id": meta.id,
        "title": meta.title,
        "region": meta.region,
        "level": meta.level,
        "period": meta.period,
        "status": meta.status,
        "version": meta.version,
        "source": meta.source,
        "sha256": meta.sha256,
        "notes": list(meta.notes),
    }


def table_dict(table: Table) -> dict[str, Any]:
    """A table as header and rows."""
    return {"header": table.header, "rows": table.rows, "notes": table.notes}


def section_dict(section: Section) -> dict[str, Any]:
    """A node of ``outline --json``: id, number, title, level, text, children (+ kind, tables)."""
    return {
        "id": section.id,
        "number": section.number,
        "title": section.title,
        "level": section.level,
        "kind": section.kind.value,
        "heading": section.heading,
        "text": section.text,
        "tables": [table_dict(t) for t in section.tables],
        "children": [section_dict(c) for c in section.children],
    }


def outline_dict(plan: Plan) -> dict[str, Any]:
    """``outline --json``: ``{"plan": {…}, "sections": [node]}``."""
    return {"plan": meta_dict(plan.meta), "sections": [section_dict(s) for s in plan.sections]}


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding: kind, section, message (English; ``message_zh`` in Chinese), evidence,
    and the values its wording fills in."""
    return {
        "kind": finding.kind,
        "section": finding.section,
        "message": finding_text(finding, "en"),
        "message_zh": finding_text(finding, "zh"),
        "evidence": list(finding.evidence),
        "values": dict(finding.values),
    }


def findings_dict(plan: Plan, findings: list[Finding]) -> dict[str, Any]:
    """``check --json``: ``{"plan": id, "findings": [finding]}``."""
    return {"plan": plan.id, "findings": [finding_dict(f) for f in findings]}


def decimal_text(value: Decimal | None) -> str | None:
    """A Decimal for JSON: as a string ("100", "5.2", "-8.6"), so no binary float creeps in;
    never in exponent form (47μg/m3 in 吨/立方米 is "0.000000000047", not "4.7E-11")."""
    return None if value is None else format(value, "f")


def target_dict(target: Target) -> dict[str, Any]:
    """One target of ``targets --json``; Decimal values as strings."""
    return {
        "indicator": target.indicator,
        "value": decimal_text(target.value),
        "value_max": decimal_text(target.value_max),
        "unit": target.unit,
        "base_value": decimal_text(target.base_value),
        "base_unit": target.base_unit,
        "comparator": target.comparator,
        "year": target.year,
        "period": target.period,
        "kind": target.kind,
        "dimension": target.dimension,
        "unit_known": target.unit_known,
        "baseline": decimal_text(target.baseline),
        "baseline_year": target.baseline_year,
        "qualitative": target.qualitative,
        "rate": target.rate,
        "scope": list(target.scope),
        "year_source": target.year_source,
        "section": target.section,
        "quote": target.quote,
        "wording": target.wording,
        "source": target.source,
    }


def targets_dict(plan: Plan, targets: list[Target]) -> dict[str, Any]:
    """``targets --json``: ``{"plan": id, "targets": [target]}``."""
    return {"plan": plan.id, "targets": [target_dict(t) for t in targets]}


def milestone_dict(m: Milestone) -> dict[str, Any]:
    """One milestone of a benchmark cell; Decimal values as strings."""
    return {
        "year": m.year,
        "value": decimal_text(m.value),
        "value_max": decimal_text(m.value_max),
        "unit": m.unit,
        "comparator": m.comparator,
        "base_value": decimal_text(m.base_value),
        "base_unit": m.base_unit,
        "common": decimal_text(m.common),
    }


def cell_dict(cell: ConceptCell) -> dict[str, Any]:
    """One cell of ``benchmark --json``: a plan's statements of one concept, merged."""
    return {
        "indicator": cell.indicator,
        "names": list(cell.names),
        "kind": cell.kind,
        "dimension": cell.dimension,
        "milestones": [milestone_dict(m) for m in cell.milestones],
        "baseline": None
        if cell.baseline is None
        else {"year": cell.baseline_year, "value": decimal_text(cell.baseline)},
        "section": cell.section,
        "path": list(cell.path),
        "scope": list(cell.scope),
        "sources": [
            {"section": t.section, "quote": t.quote, "wording": t.wording, "source": t.source}
            for t in cell.sources
        ],
        "disagreements": [finding_dict(f) for f in cell.disagreements],
        "per_year": decimal_text(cell.per_year),
        "growth": decimal_text(cell.growth),
        "ratio": decimal_text(cell.ratio),
    }


def benchmark_dict(benchmark: Benchmark) -> dict[str, Any]:
    """``benchmark --json``: ``{"plans": [{id, title}], "embedder", "rows": [{concept,
    dimension, verdict, reasons, cells: {plan_id: cell}}]}`` (DESIGN.md)."""
    return {
        "plans": [{"id": p.id, "title": p.meta.title} for p in benchmark.plans],
        "embedder": benchmark.embedder,
        "rows": [
            {
                "concept": row.concept,
                "dimension": row.dimension,
                "verdict": row.verdict,
                "reasons": list(row.reasons),
                "unit": row.unit,
                "similarity": row.similarity,
                "cells": {plan: cell_dict(cell) for plan, cell in row.cells.items()},
            }
            for row in benchmark.rows
        ],
    }


_COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "=": "=", "~": "≈", "range": "range"}


def target_row(target: Target) -> list[str]:
    """A target as a row of text cells: section, indicator, comparator, value, unit, year,
    period, source (the columns of ``plancompare targets``)."""
    if target.qualitative is not None:
        value = target.qualitative
    elif target.value_max is not None:
        value = f"{target.value}–{target.value_max}"
    else:
        value = str(target.value)
    return [
        target.section,
        target.indicator,
        _COMPARATOR_SIGNS.get(target.comparator or "", "—"),
        value,
        target.unit or "",
        str(target.year) if target.year is not None else "—",
        target.period or "",
        target.source,
    ]


TARGET_COLUMNS = ["section", "indicator", "cmp", "value", "unit", "year", "period", "source"]
"""Column names of :func:`target_row`."""
