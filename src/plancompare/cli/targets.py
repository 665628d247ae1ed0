"""Commands about targets: targets (extract them), benchmark (two plans side by side)."""

from __future__ import annotations

import click

from plancompare.cli import Settings, emit_json, main, pass_settings
from plancompare.serialize import (
    TARGET_COLUMNS,
    benchmark_dict,
    target_row,
    targets_dict,
)
from plancompare.targets.extract import extract_targets
from plancompare.targets.indicators import show_value
from plancompare.text.grid import format_table


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
        click.echo(f"{loaded.id}: no targets found")
        return
    for line in format_table(TARGET_COLUMNS, [target_row(t) for t in targets]):
        click.echo(line)
    click.echo(f"{len(targets)} targets")


@main.command("benchmark")
@click.argument("plan_a")
@click.argument("plan_b")
@click.option("--json", "as_json", is_flag=True, help="Print the pairs as JSON.")
@click.option(
    "--no-model", is_flag=True, help="Compare indicator names lexically, without the embedder."
)
@click.option(
    "--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language."
)
@pass_settings
def benchmark_cmd(
    settings: Settings, plan_a: str, plan_b: str, as_json: bool, no_model: bool, lang: str
) -> None:
    """Put the comparable targets of two plans side by side.

    \b
    Example:
      plancompare benchmark luhe dehong
      plancompare benchmark luhe dehong --json --no-model
      plancompare benchmark luhe dehong --lang en

    Indicators pair when they measure the same kind of thing (people, money, firms …)
    and their names are alike; the note says what differs.
    """
    # numpy and the embedders load only for this command, not for every start of the CLI.
    from plancompare.targets.benchmark import benchmark_plans

    a = settings.corpus.resolve(plan_a)
    b = settings.corpus.resolve(plan_b)
    lexical = no_model or settings.model == "lexical"
    embedder = None if lexical else settings.embedder()
    bench = benchmark_plans(a, b, embedder)
    if as_json:
        emit_json(benchmark_dict(bench))
        return
    header = [f"{a.id}", "value", "year", f"{b.id}", "value", "year", "note"]
    rows = [
        [
            f"{p.a.section} {p.a.indicator}",
            show_value(p.a),
            str(p.a.year or "—"),
            f"{p.b.section} {p.b.indicator}",
            show_value(p.b),
            str(p.b.year or "—"),
            p.note_text(lang),
        ]
        for p in bench.pairs
    ]
    if rows:
        for line in format_table(header, rows, max_width=30):
            click.echo(line)
    else:
        click.echo("no comparable targets")
    for plan, only in ((a, bench.only_a), (b, bench.only_b)):
        click.echo(f"\nonly in {plan.id} ({len(only)}):")
        only_rows = [[t.section, t.indicator, show_value(t), str(t.year or "—")] for t in only]
        for line in format_table(["section", "indicator", "value", "year"], only_rows):
            click.echo("  " + line)
