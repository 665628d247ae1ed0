"""Commands over several plans: coverage (how plans take up a reference plan) and similar
(passages across the corpus like a text or a section)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import click

from plancompare.cli import Settings, emit_json, main, pass_settings
from plancompare.cli.align import MODEL_HELP, _progress, reported_warnings
from plancompare.errors import PlanError
from plancompare.i18n import LANGUAGES, t
from plancompare.model import Plan
from plancompare.report.coverage import coverage_why
from plancompare.text.grid import clip, format_table

if TYPE_CHECKING:
    # numpy and the embedders load only when a command runs, not for --help.
    from plancompare.coverage import Coverage, CoverageRow

LANG = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="Language of the listing [default: the global --lang, else zh].",
)
#: PLAN:SECTION, e.g. luhe:6.1 — a corpus id, a colon, a section id from ``outline``.
SECTION_QUERY = re.compile(r"^(?P<plan>[A-Za-z0-9_.\-]+):(?P<section>\d+(?:\.\d+)*)$")
#: How wide the reference unit's column may grow in the table.
UNIT_WIDTH = 36


@main.command("coverage")
@click.argument("ref")
@click.argument("plans", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the rows and cells as JSON.")
@click.option("--evidence", is_flag=True, help="Show counterparts and sentences under each row.")
@click.option("--model", help=MODEL_HELP)
@LANG
@pass_settings
def coverage_cmd(
    settings: Settings,
    ref: str,
    plans: tuple[str, ...],
    as_json: bool,
    evidence: bool,
    model: str | None,
    lang: str | None,
) -> None:
    """Show how each PLAN takes up every section and item of REF (与上位规划衔接).

    For every unit of the reference plan REF, each plan's verdict — 已衔接 covered, 部分衔接
    partial, 未体现 absent — with a score and the plan's counterpart; --evidence adds the
    plan's sentences most like the unit's, and for the unit's targets the plan's indicator
    from the benchmark of all the plans. How verdicts are decided: see README.

    \b
    Example:
      plancompare coverage luhe dehong
      plancompare coverage luhe dehong --evidence --lang en
      plancompare coverage luhe dehong --json
    """
    from plancompare.coverage import Verdict, coverage, coverage_dict

    lang = settings.lang = lang or settings.lang  # the command's --lang words its errors too
    reference = settings.corpus.resolve(ref)
    others = [settings.corpus.resolve(p) for p in plans]
    from plancompare.coverage.benchmark import benchmark_hook
    from plancompare.targets.benchmark import benchmark_plans

    embedder = settings.embedder(model)
    with reported_warnings(lang):
        names = None if (model or settings.model) == "lexical" else embedder
        hook = benchmark_hook(benchmark_plans([reference, *others], names), reference)
        result = coverage(reference, others, embedder, benchmark=hook, progress=_progress(lang))
    if as_json:
        emit_json(coverage_dict(result))
        return
    click.echo(t("coverage_title", lang, ref=_plan_name(reference)))
    click.echo(click.style(t("coverage_embedder", lang, embedder=result.embedder), dim=True))
    header, *lines = _table(result, lang)
    click.echo(header)
    for row, line in zip(result.rows, lines, strict=True):
        click.echo(line)
        if evidence:
            _show_evidence(row, result, lang)
    click.echo()
    for plan in result.plans:
        tally = result.tally(plan.id)
        click.echo(
            t(
                "coverage_tally",
                lang,
                plan=plan.id,
                covered=tally[Verdict.COVERED],
                partial=tally[Verdict.PARTIAL],
                absent=tally[Verdict.ABSENT],
            )
        )


def _plan_name(plan: Plan) -> str:
    return f"《{plan.meta.title}》[{plan.id}]" if plan.meta.title else f"[{plan.id}]"


def _table(result: Coverage, lang: str) -> list[str]:
    """A header, then one line per reference unit: its id, its label indented by level, then
    each plan's verdict and score (and, for one plan, its best counterpart)."""
    from plancompare.coverage import Verdict

    header = ["§", t("col_ref_unit", lang), *(p.id for p in result.plans)]
    single = len(result.plans) == 1
    if single:
        header.append(t("col_counterpart", lang))
    rows = []
    for row in result.rows:
        unit = clip("  " * (row.level - 1) + row.label, UNIT_WIDTH)
        cells = [row.cells[p.id] for p in result.plans]
        verdicts = [f"{t('verdict_' + c.verdict, lang)} {c.score:.2f}" for c in cells]
        line = [row.section, unit, *verdicts]
        if single:
            best = cells[0].counterparts[:1]
            line.append(best[0].title if best and cells[0].verdict is not Verdict.ABSENT else "")
        rows.append(line)
    return format_table(header, rows, max_width=UNIT_WIDTH)


def _show_evidence(row: CoverageRow, result: Coverage, lang: str) -> None:
    for plan in result.plans:
        cell = row.cells[plan.id]
        click.echo(click.style(f"      {plan.id}: {coverage_why(cell, lang)}", dim=True))
        for c in cell.counterparts:
            click.echo(f"        → {' › '.join(c.path)} ({c.score:.2f})")
        for e in cell.evidence:
            click.echo(f"        {t('coverage_evidence', lang)} {e.score:.2f}: {e.sentence}")
        for b in cell.benchmark:
            if b.counterpart is None:
                line = t("coverage_target_none", lang, indicator=b.indicator, plan=plan.id)
            else:
                verdict = t(f"verdict_{b.verdict}", lang) if b.verdict else ""
                line = t(
                    "coverage_target", lang, indicator=b.indicator, counterpart=b.counterpart,
                    verdict=verdict,
                )  # fmt: skip
            click.echo(f"        {line}")


@main.command("similar")
@click.argument("query")
@click.option(
    "--top", default=10, show_default=True, type=click.IntRange(min=1), help="How many hits."
)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.option("--model", help=MODEL_HELP)
@LANG
@pass_settings
def similar_cmd(
    settings: Settings, query: str, top: int, as_json: bool, model: str | None, lang: str | None
) -> None:
    """Find the passages of the corpus most like a text, or like a section (PLAN:SECTION).

    QUERY is any text, or a corpus id and a section id from outline (luhe:6.1): then the
    hits come from every other plan of the corpus. Each hit is a section, with the plan's
    title, the heading path and its heading, sentence or table row most like the query.

    \b
    Example:
      plancompare similar 加强要素保障
      plancompare similar luhe:6.1 --top 5
      plancompare similar dehong:5.1 --json
    """
    from plancompare.coverage.similar import SimilarIndex, similar_dict
    from plancompare.coverage.verdicts import unit_label

    lang = settings.lang = lang or settings.lang  # the command's --lang words its errors too
    ids = settings.corpus.ids()
    if not ids:
        raise PlanError(settings.corpus_dir, "err_corpus_empty")
    m = SECTION_QUERY.match(query.strip())
    if m is not None and m["plan"] not in ids:
        raise PlanError(settings.corpus_dir, "err_no_such_plan", plan=m["plan"], plans=ids)
    plans = [settings.corpus.load(i) for i in ids]
    with reported_warnings(lang):
        index = SimilarIndex.build(plans, settings.embedder(model), progress=_progress(lang))
        if m is not None:
            hits = index.search_section(m["plan"], m["section"], top=top)
        else:
            hits = index.search(query, top=top)
    if as_json:
        emit_json(similar_dict(query, hits))
        return
    shown = query
    if m is not None:
        section = next(p for p in plans if p.id == m["plan"]).section(m["section"])
        shown = f"{query} {unit_label(section)}" if section is not None else query
    click.echo(t("similar_title", lang, query=shown))
    if not hits:
        click.echo(t("similar_none", lang))
    for hit in hits:
        title = f"《{hit.plan_title}》" if hit.plan_title else ""
        click.echo(f"{hit.score:5.2f}  {hit.plan} {title} {hit.section}  {' › '.join(hit.path)}")
        click.echo(f"       {hit.text}")
