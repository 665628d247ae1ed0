"""The report's appendix 对上位规划的衔接情况: how each commented plan takes up the reference plan
(上位规划) — a count of verdicts per plan, then the reference plan's units the comments are
about (or every unit, for the full appendices), each plan's verdict, score and counterpart, and
for units with targets their benchmark rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plancompare.coverage.model import Basis
from plancompare.i18n import t
from plancompare.model import Plan
from plancompare.plan.wording import path_place
from plancompare.report.markdown import escape_inline
from plancompare.report.words import ReportWords
from plancompare.review.model import Comment, CoverageRef

if TYPE_CHECKING:
    from plancompare.coverage import Coverage, CoverageCell, CoverageRow


@dataclass(slots=True)
class CoverageConcern:
    """Which units of the reference plan the comments are about: the rows the appendix keeps."""

    sections: set[str]
    """Sections of the reference plan some coverage comment is about."""
    everything: bool = False
    """Keep every row (the full appendix)."""

    @classmethod
    def of(cls, comments: Sequence[Comment], ref: str, everything: bool = False) -> CoverageConcern:
        """What ``comments`` say about units of the reference plan ``ref``."""
        sections = {
            c.reference.anchor.section
            for c in comments
            if isinstance(c.reference, CoverageRef)
            and c.reference.plan == ref
            and c.reference.anchor.section is not None
        }
        return cls(sections, everything)

    def row(self, row: CoverageRow) -> bool:
        """Whether the appendix keeps a row."""
        return self.everything or row.section in self.sections


def coverage_why(cell: CoverageCell, lang: str) -> str:
    """What a verdict rests on, in words: 按内容；2/3 句有对应 — the sentence count only where
    the verdict was drawn from the sentences (a role or a heading found says it all)."""
    basis = t(f"basis_{cell.basis.value}", lang)
    if cell.basis not in (Basis.CONTENT, Basis.ITEMS):
        return basis
    found = t("coverage_found", lang, found=cell.found, sentences=cell.sentences)
    return t("coverage_why", lang, basis=basis, found=found)


def verdict_cell(words: ReportWords, cell: CoverageCell | None) -> str:
    """未体现（0.12）, or 部分衔接（0.55）：the counterpart's place — escaped Markdown."""
    w = words
    if cell is None:
        return "—"
    text = w(
        "report_coverage_verdict", verdict=w(f"verdict_{cell.verdict.value}"), score=cell.score
    )
    if cell.counterparts and cell.verdict.value != "absent":
        text += w("colon") + path_place(cell.counterparts[0].path, w.lang)
    return escape_inline(text)


def coverage_appendix(
    words: ReportWords,
    result: Coverage,
    plan_ids: Sequence[str],
    number: str,
    concern: CoverageConcern,
) -> list[str]:
    """The appendix (numbered ``number``) for the plans of ``plan_ids`` that ``result``
    judged: the reference plan, each plan's count of verdicts, the rows ``concern`` keeps as a
    table (a column per plan), then the benchmark rows of their targets; [] when no such plan
    was judged."""
    from plancompare.coverage import Verdict

    w = words
    plans = [p for p in result.plans if p.id in plan_ids]
    plans = [p for p in plans if all(p.id in r.cells for r in result.rows)]
    if not plans:
        return []
    title = w("report_appendix", n=number, title=w("report_coverage"))
    out = [f"## {title}", ""]
    out += [w("report_coverage_ref", ref=w.plan_title(result.ref.id)), ""]
    for plan in plans:
        tally = result.tally(plan.id)
        line = w(
            "report_coverage_tally",
            plan=w.short_name(plan.id),
            covered=tally[Verdict.COVERED],
            partial=tally[Verdict.PARTIAL],
            absent=tally[Verdict.ABSENT],
            total=len(result.rows),
        )
        out.append(f"- {line}")
    out.append("")
    rows = [r for r in result.rows if concern.row(r)]
    if not rows:
        return [*out, w("report_coverage_no_rows"), ""]
    caption = "report_coverage_all_rows" if concern.everything else "report_coverage_rows"
    out += [w(caption), ""]
    head = [w("col_ref_unit"), *(w.short_name(p.id) for p in plans)]
    out += ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for row in rows:
        place = escape_inline(path_place(row.path, w.lang))
        cells = [verdict_cell(w, row.cells.get(p.id)) for p in plans]
        out.append("| " + " | ".join([place, *cells]) + " |")
    out.append("")
    targets = _target_lines(w, rows, plans)
    if targets:
        out += [f"**{w('report_coverage_targets')}**", "", *targets, ""]
    return out


def _target_lines(words: ReportWords, rows: list[CoverageRow], plans: Sequence[Plan]) -> list[str]:
    """For each kept row with targets, each plan's indicator for the same concept (and whether
    the figures compare), or that it sets none."""
    w = words
    out = []
    for row in rows:
        if not row.targets:
            continue
        place = path_place(row.path, w.lang)
        for plan_id in (p.id for p in plans):
            cell = row.cells.get(plan_id)
            for entry in cell.benchmark if cell is not None else []:
                name = w.short_name(plan_id)
                if entry.counterpart is None:
                    said = t("coverage_target_none", w.lang, indicator=entry.indicator, plan=name)
                else:
                    verdict = t(f"verdict_{entry.verdict}", w.lang) if entry.verdict else ""
                    said = t(
                        "coverage_target", w.lang, indicator=entry.indicator,
                        counterpart=entry.counterpart, verdict=verdict,
                    )  # fmt: skip
                out.append(f"- {escape_inline(place + w('colon') + said)}")
    return out
