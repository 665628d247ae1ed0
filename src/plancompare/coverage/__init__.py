"""A reference plan against N plans (与上位规划衔接), and similar passages across a corpus.

``coverage(ref, plans, embedder)`` aligns the reference plan with each plan (the existing
alignment, many-to-many) and compares their sentences (the existing sentence matcher), then
judges, for every section and item of the reference, how each plan takes it up: covered,
partial or absent, with the counterparts and the sentences that show it
(:mod:`plancompare.coverage.verdicts` holds the rule). ``similar(query, plans, embedder)`` finds
the passages of a corpus most like a text or a section (:mod:`plancompare.coverage.similar`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from plancompare.coverage.model import (
    Basis,
    BenchmarkEntry,
    BenchmarkHook,
    Counterpart,
    Coverage,
    CoverageCell,
    CoverageRow,
    Evidence,
    Verdict,
)
from plancompare.coverage.verdicts import (
    RULES,
    CoverageRules,
    plan_coverage,
    unit_label,
    unit_paths,
)
from plancompare.errors import PlanError
from plancompare.model import Plan, SectionKind, Target
from plancompare.plan.roles import section_role

if TYPE_CHECKING:
    from plancompare.embed.base import Embedder

Progress = Callable[[str, float], None]


def coverage(
    ref: Plan,
    plans: Sequence[Plan],
    embedder: Embedder | None,
    *,
    rules: CoverageRules = RULES,
    benchmark: BenchmarkHook | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Coverage:
    """How each of ``plans`` takes up every section and item of ``ref``.

    For each plan: the alignment of ``ref`` with it and the sentence matcher of the pair (both
    embed through the embedder's cache, so a second run embeds nothing), then the verdicts.
    ``benchmark``, when given, is called with each unit's targets and each plan to fill the
    cells' benchmark entries. Plans are told apart by id: a plan named twice (or the reference
    among them) is a :class:`~plancompare.errors.PlanError`. Progress is reported as
    ``(key, fraction)`` — the alignment's keys of the wording catalogue, the fraction over all
    plans; setting ``cancel`` stops the work with
    :class:`~plancompare.align.sections.AlignmentCancelled`.
    """
    from plancompare.align.diff import SentenceMatcher
    from plancompare.align.sections import AlignmentCancelled, align_plans

    ids = [ref.id, *(p.id for p in plans)]
    if len(set(ids)) < len(ids):
        raise PlanError(None, "err_plan_named_once")
    rows = coverage_rows(ref)
    n = max(1, len(plans))
    for k, plan in enumerate(plans):
        if cancel is not None and cancel.is_set():
            raise AlignmentCancelled
        aligning = _share(progress, k / n, (k + 0.6) / n)
        matching = _share(progress, (k + 0.6) / n, (k + 0.95) / n)
        alignment = align_plans(ref, plan, embedder, progress=aligning, cancel=cancel)
        matcher = SentenceMatcher(ref, plan, embedder, progress=matching, cancel=cancel)
        add_plan(rows, plan, plan_coverage(ref, plan, alignment, matcher, rules), benchmark)
    if progress is not None:
        progress("done", 1.0)
    return Coverage(
        ref=ref,
        plans=list(plans),
        embedder=embedder.id if embedder is not None else "none",
        rows=rows,
    )


def coverage_rows(ref: Plan, *, targets: bool = True) -> list[CoverageRow]:
    """The rows of a coverage of ``ref``, without cells: every section and item in document
    order (the preamble left out), with the targets each states in its own text — or, with
    ``targets`` False, none yet (no extraction: quick enough to draw the rows at once and fill
    them as each plan is judged)."""
    by_section: dict[str, list[Target]] = {}
    if targets:
        from plancompare.targets.extract import extract_targets

        for target in extract_targets(ref):
            by_section.setdefault(target.section, []).append(target)
    paths = unit_paths(ref)
    return [
        CoverageRow(
            section=s.id,
            number=s.number,
            title=s.title,
            label=unit_label(s),
            path=paths[s.id],
            level=s.level,
            kind=s.kind.value,
            role=section_role(s),
            targets=by_section.get(s.id, []),
        )
        for s in ref.walk()
        if s.kind is not SectionKind.PREAMBLE
    ]


def add_plan(
    rows: Sequence[CoverageRow],
    plan: Plan,
    cells: dict[str, CoverageCell],
    benchmark: BenchmarkHook | None = None,
) -> None:
    """Put one plan's cells (from :func:`plan_coverage`) into ``rows``, each target row's
    benchmark entries filled by ``benchmark`` when given."""
    for row in rows:
        cell = cells[row.section]
        if benchmark is not None and row.targets:
            cell.benchmark = benchmark(row.targets, plan)
        row.cells[plan.id] = cell


def _share(progress: Progress | None, low: float, high: float) -> Progress | None:
    """A progress callback for one step of one plan: its 0–1 onto low–high of the whole."""
    if progress is None:
        return None
    report = progress
    return lambda key, f: report(key, low + (high - low) * f)


def coverage_dict(result: Coverage) -> dict[str, Any]:
    """``coverage --json``: ``{"ref": {id, title}, "plans": [{id, title}], "embedder", "rows":
    [{section, number, title, label, path, level, kind, role, targets, cells: {plan_id:
    {verdict, score, basis, sentences, found, counterparts: [{section, title, path, score}],
    evidence: [str], evidence_pairs: [{ref, text, section, score}], benchmark}}}]}``."""
    return {
        "ref": {"id": result.ref.id, "title": result.ref.meta.title},
        "plans": [{"id": p.id, "title": p.meta.title} for p in result.plans],
        "embedder": result.embedder,
        "rows": [
            {
                "section": row.section,
                "number": row.number,
                "title": row.title,
                "label": row.label,
                "path": list(row.path),
                "level": row.level,
                "kind": row.kind,
                "role": row.role.value if row.role is not None else None,
                "targets": [{"indicator": t.indicator, "quote": t.quote} for t in row.targets],
                "cells": {plan_id: _cell_dict(cell) for plan_id, cell in row.cells.items()},
            }
            for row in result.rows
        ],
    }


def _cell_dict(cell: CoverageCell) -> dict[str, Any]:
    return {
        "verdict": cell.verdict.value,
        "score": cell.score,
        "basis": cell.basis.value,
        "sentences": cell.sentences,
        "found": cell.found,
        "counterparts": [
            {"section": c.section, "title": c.title, "path": list(c.path), "score": c.score}
            for c in cell.counterparts
        ],
        "evidence": [e.sentence for e in cell.evidence],
        "evidence_pairs": [
            {"ref": e.ref_sentence, "text": e.sentence, "section": e.section, "score": e.score}
            for e in cell.evidence
        ],
        "benchmark": [
            {
                "indicator": b.indicator,
                "concept": b.concept,
                "verdict": b.verdict,
                "counterpart": b.counterpart,
            }
            for b in cell.benchmark
        ],
    }


__all__ = [
    "RULES",
    "Basis",
    "BenchmarkEntry",
    "BenchmarkHook",
    "Counterpart",
    "Coverage",
    "CoverageCell",
    "CoverageRow",
    "CoverageRules",
    "Evidence",
    "Verdict",
    "add_plan",
    "coverage",
    "coverage_dict",
    "coverage_rows",
    "plan_coverage",
]
