"""Plain-data views of plans and findings: the JSON contract, shared by the CLI and the TUI."""

from __future__ import annotations

from typing import Any

from plancompare.model import Finding, Plan, PlanMeta, Section, Table


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
    """One finding: kind, section, message, evidence."""
    return {
        "kind": finding.kind,
        "section": finding.section,
        "message": finding.message,
        "evidence": list(finding.evidence),
    }


def findings_dict(plan: Plan, findings: list[Finding]) -> dict[str, Any]:
    """``check --json``: ``{"plan": id, "findings": [finding]}``."""
    return {"plan": plan.id, "findings": [finding_dict(f) for f in findings]}
