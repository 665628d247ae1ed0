"""Commands about targets: targets (extract them), benchmark (any number of plans side by side)."""

from __future__ import annotations

import click

from plancompare.cli import Settings, emit_json, main, pass_settings
from plancompare.errors import PlanError
from plancompare.i18n import t as words
from plancompare.serialize import (
    TARGET_COLUMNS,
    benchmark_dict,
    target_row,
    targets_dict,
)
from plancompare.targets.extract import extract_targets
from plancompare.text.grid import format_table
from plancompare.text.visible import visible


@main.command("targets")
@click.argument("plan")
@click.option("--json", "as_json", is_flag=True, help="Print the targets as JSON.")
@pass_settings
def targets_cmd(settings: Settings, plan: str, as_json: bool) -> None:
    """List every target a plan states, from its sentences and its indicator tables.

    \b
    Example:
      plancompare targets luhe
      plancompare targets dehong --json

    Values are as written (unit included); JSON also gives them in the base unit
    (亿元 → 元) as decimal strings, with the quote each target comes from.
    """
    loaded = settings.corpus.resolve(plan)
    targets = extract_targets(loaded)
    if as_json:
        emit_json(targets_dict(loaded, targets))
        return
    if not targets:
        click.echo(words("cli_no_targets", settings.lang, plan=loaded.id))
        return
    for line in format_table(TARGET_COLUMNS, [target_row(t) for t in targets]):
        click.echo(visible(line))
    click.echo(words("cli_target_count", settings.lang, n=len(targets)))


@main.command("benchmark")
@click.argument("plans", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
@click.option(
    "--no-model", is_flag=True, help="Compare indicator names lexically, without the embedder."
)
@click.option(
    "--sector",
    default=None,
    help="Opt-in sector vocabulary (a shipped name or a .toml file); none by default.",
)
@click.option("--all", "show_all", is_flag=True, help="Also list concepts of one plan only.")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    help="Language of the table [default: the global --lang, else zh].",
)
@pass_settings
def benchmark_cmd(
    settings: Settings,
    plans: tuple[str, ...],
    as_json: bool,
    no_model: bool,
    sector: str | None,
    show_all: bool,
    lang: str | None,
) -> None:
    """Put the targets of two plans or more side by side: one row per indicator concept.

    \b
    Example:
      plancompare benchmark luhe dehong
      plancompare benchmark luhe dehong 征求意见稿.docx --lang en
      plancompare benchmark luhe dehong --json --no-model

    Each row is a concept with each plan's figures by year and kind (每年, 累计, 新增),
    and a verdict across the row: 可比, 有条件可比 or 不可比, with the reasons.
    """
    # numpy and the embedders load only for this command, not for every start of the CLI.
    from plancompare.report.benchmark import cell_text, plan_names, reasons_text, verdict_text
    from plancompare.targets.benchmark import benchmark_plans
    from plancompare.text.sectors import load_sector

    lang = settings.lang = lang or settings.lang  # the command's --lang words its errors too
    if len(plans) < 2:
        raise PlanError(None, "bench_plans_needed")
    chosen = sector or settings.sector
    vocabulary = load_sector(chosen) if chosen else None
    loaded = [settings.corpus.resolve(p) for p in plans]
    ids = [p.id for p in loaded]
    twice = next((i for i in ids if ids.count(i) > 1), None)
    if twice is not None:
        raise PlanError(None, "cli_given_twice", plan=twice)
    lexical = no_model or settings.model == "lexical"
    embedder = None if lexical else settings.embedder()
    bench = benchmark_plans(loaded, embedder, vocabulary)
    if as_json:
        emit_json(benchmark_dict(bench))
        return
    names = plan_names(bench.plans)
    header = [words("bench_concept", lang), *(names(p.id) for p in bench.plans)]
    header += [words("bench_verdict", lang), words("bench_reasons", lang)]
    rows = [
        [
            row.concept,
            *(
                cell_text(row.cells[p.id], lang, row.concept) if p.id in row.cells else "—"
                for p in bench.plans
            ),
            verdict_text(row, lang),
            reasons_text(row, lang),
        ]
        for row in (bench.rows if show_all else bench.shared)
    ]
    if rows:
        for line in format_table(header, rows, max_width=40):
            click.echo(visible(line))
    else:
        click.echo(words("bench_none", lang))
    click.echo(words("bench_summary", lang, concepts=len(bench.rows), shared=len(bench.shared)))
