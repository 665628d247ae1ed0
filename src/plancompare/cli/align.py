"""Commands that compare two plans: align, diff, unique, and models (the embedders here)."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from plancompare.cli import Settings, emit_json, main, pass_settings
from plancompare.errors import PlanError
from plancompare.i18n import has, t
from plancompare.model import Alignment, Link, Plan, Section

if TYPE_CHECKING:
    from plancompare.align.diff import PairDiff, WordOp
    from plancompare.align.highlight import PairHighlight
    from plancompare.text.sentences import Sentence

MODEL_HELP = "Embedder: e5, lexical or st:NAME-OR-PATH [default: the global --model]."


@contextmanager
def reported_warnings() -> Iterator[None]:
    """Show the core's warnings (e.g. a corrupt cache moved aside) as one line each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for w in caught:
                click.echo(f"plancompare: warning: {w.message}", err=True)


def _progress(key: str, fraction: float) -> None:
    """Progress on a terminal's stderr: one line rewritten in place, erased when done (the
    core reports a key of the wording catalogue)."""
    if not sys.stderr.isatty():
        return
    message = t(key, "en") if has(key, "en") else key
    line = "\r\033[K" if fraction >= 1.0 else f"\r\033[K{message} ({fraction:.0%})"
    click.echo(line, err=True, nl=False)


def _align(settings: Settings, a: Plan, b: Plan, model: str | None) -> Alignment:
    from plancompare.align.sections import align_plans

    with reported_warnings():
        return align_plans(a, b, settings.embedder(model), progress=_progress)


@main.command("align")
@click.argument("plan_a")
@click.argument("plan_b")
@click.option("--model", help=MODEL_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the links as JSON.")
@pass_settings
def align_cmd(
    settings: Settings, plan_a: str, plan_b: str, model: str | None, as_json: bool
) -> None:
    """Pair the sections and items of two plans that deal with the same topic.

    Every section and item of A, in A's order, with its partner(s) in B: the best partner
    is a match, close runners-up are partial; units with no counterpart are listed.

    \b
    Example:
      plancompare align luhe dehong
      plancompare align luhe dehong --json --model lexical
    """
    from plancompare.align.sections import alignment_dict

    a, b = settings.corpus.resolve(plan_a), settings.corpus.resolve(plan_b)
    alignment = _align(settings, a, b, model)
    if as_json:
        emit_json(alignment_dict(alignment))
        return
    click.echo(f"{a.meta.title or a.id} [{a.id}]  ↔  {b.meta.title or b.id} [{b.id}]")
    click.echo(click.style(f"embedder: {alignment.embedder}", dim=True))
    by_a: dict[str, list[Link]] = {}
    for link in alignment.links:
        by_a.setdefault(link.a, []).append(link)
    sections_b = {s.id: s for s in b.walk()}
    for section in a.walk():
        click.echo(f"{section.id:<8}{'  ' * (section.level - 1)}{section.label}")
        links = by_a.get(section.id)
        if not links:
            click.echo(click.style(f"{'':<8}   ∅ no counterpart in {b.id}", fg="yellow"))
            continue
        for link in links:
            click.echo(_link_line(link, sections_b[link.b]))
    if alignment.only_b:
        click.echo(click.style(f"only in {b.id}:", fg="yellow"))
        for section_id in alignment.only_b:
            section = sections_b[section_id]
            click.echo(f"{section.id:<8}{'  ' * (section.level - 1)}{section.label}")


def _link_line(link: Link, partner: Section) -> str:
    kind = click.style(
        f"{link.kind:<7}", fg="green" if link.kind == "match" else None, dim=link.kind != "match"
    )
    return f"{'':<8}   ↔ {link.score:.2f} {kind} {partner.id:<7} {partner.label}"


def _section(plan: Plan, section_id: str) -> Section:
    section = plan.section(section_id)
    if section is None:
        raise PlanError(plan.id, "err_no_such_section", section=section_id, plan=plan.id)
    return section


@main.command("diff")
@click.argument("plan_a")
@click.argument("plan_b")
@click.argument("section_a")
@click.argument("section_b", required=False)
@click.option("--model", help=MODEL_HELP)
@click.option(
    "--words", is_flag=True, help="Diff the words of every pair of sentences, paraphrases too."
)
@click.option("--json", "as_json", is_flag=True, help="Print sentence groups and word ops as JSON.")
@pass_settings
def diff_cmd(
    settings: Settings,
    plan_a: str,
    plan_b: str,
    section_a: str,
    section_b: str | None,
    model: str | None,
    words: bool,
    as_json: bool,
) -> None:
    """Show how a section of A and its counterpart in B differ, sentence by sentence.

    Without SECTION_B, the best aligned partner of SECTION_A is used. As the compare view
    does: a sentence one side lacks is listed; two versions of one sentence get a word diff
    (words only in A as [-…-], only in B as {+…+}, in colour on a terminal; numbers compared
    by value, 十万 = 10万); a paraphrase is shown side by side; targets whose value, year or
    scope differ are listed last. --words diffs the words of paraphrases too.

    \b
    Example:
      plancompare diff luhe dehong 5.8.3
      plancompare diff luhe dehong 3.4 2 --words
      plancompare diff luhe dehong 6.1 5.1 --json
    """
    from plancompare.align.diff import (
        SentenceMatcher,
        best_partner,
        diff_sections,
        near_identical,
        pair_diff_dict,
        plain_diff,
    )
    from plancompare.align.highlight import highlight_dict

    a, b = settings.corpus.resolve(plan_a), settings.corpus.resolve(plan_b)
    sec_a = _section(a, section_a)
    embedder = settings.embedder(model)
    if section_b is None:
        link = best_partner(_align(settings, a, b, model), section_a)
        if link is None:
            raise PlanError(a.id, "err_no_counterpart", section=section_a, other=b.id)
        section_b = link.b
    sec_b = _section(b, section_b)
    with reported_warnings():
        matcher = SentenceMatcher(a, b, embedder, progress=_progress)
    diff = diff_sections(sec_a, sec_b, matcher)
    highlight = _highlight(a, b, diff)
    if as_json:
        emit_json(pair_diff_dict(diff, a.id, b.id) | {"highlight": highlight_dict(highlight)})
        return
    colour = sys.stdout.isatty()
    click.echo(f"{a.id} {sec_a.id} {sec_a.label}  ↔  {b.id} {sec_b.id} {sec_b.label}")
    for plan, sec in ((a, sec_a), (b, sec_b)):
        if not sec.text.strip():
            click.echo(f"({plan.id} {sec.id} has no text of its own: diff its items instead)")
    for group in diff.groups:
        if group.kind == "only_a":
            where = f"nowhere in {b.id}" if group.nowhere else f"not in this {b.id} section"
            click.echo(_marked(f"- {a.id} only ({where}): ", group.a[0].text, "red", colour))
        elif group.kind == "only_b":
            where = f"nowhere in {a.id}" if group.nowhere else f"not in this {a.id} section"
            click.echo(_marked(f"+ {b.id} only ({where}): ", group.b[0].text, "green", colour))
        elif words or near_identical(_joined(group.a), _joined(group.b)):
            head = f"= {group.kind} ({group.similarity:.2f})"
            click.echo(click.style(head, dim=True) if colour else head)
            click.echo("  " + (_coloured(group.ops) if colour else plain_diff(group.ops)))
        else:
            head = f"~ reworded {group.kind} ({group.similarity:.2f})"
            click.echo(click.style(head, dim=True) if colour else head)
            click.echo(f"  {a.id}: {_joined(group.a)}")
            click.echo(f"  {b.id}: {_joined(group.b)}")
    for d in highlight.differences:
        aspects = ", ".join(t("aspect_" + x.value, "en") for x in d.aspects)
        line = (
            f"! target differs ({aspects}): {a.id} {sec_a.text[d.a.start : d.a.end]} "
            f"⇄ {b.id} {sec_b.text[d.b.start : d.b.end]}"
            f"  [{d.a.target.indicator} ⇄ {d.b.target.indicator}]"
        )
        click.echo(click.style(line, fg="yellow") if colour else line)


def _joined(sentences: list[Sentence]) -> str:
    return "".join(s.text for s in sentences)


def _highlight(a: Plan, b: Plan, diff: PairDiff) -> PairHighlight:
    """The compare view's highlight of a pair: which sentences and targets differ."""
    from plancompare.align.highlight import highlight_pair
    from plancompare.review.target_marks import differing_targets, plan_targets

    targets = plan_targets(a, b)
    differing = differing_targets(
        targets.a.get(diff.a.id, []), targets.b.get(diff.b.id, []), targets.subjects
    )
    return highlight_pair(diff, differing)


def _marked(prefix: str, text: str, fg: str, colour: bool) -> str:
    return click.style(prefix, fg=fg) + text if colour else prefix + text


def _coloured(ops: list[WordOp]) -> str:
    """A's words red and struck through, B's green and underlined; changed figures bold."""
    from plancompare.align.diff import render_ops

    return render_ops(
        ops,
        lambda text, figure: click.style(text, fg="red", strikethrough=True, bold=figure),
        lambda text, figure: click.style(text, fg="green", underline=True, bold=figure),
    )


@main.command("unique")
@click.argument("plan_a")
@click.argument("plan_b")
@click.option("--model", help=MODEL_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_settings
def unique_cmd(
    settings: Settings, plan_a: str, plan_b: str, model: str | None, as_json: bool
) -> None:
    """List the measures (sentences) of each plan that have no counterpart in the other.

    \b
    Example:
      plancompare unique luhe dehong
    """
    from plancompare.align.diff import SentenceMatcher, unique_measures, unique_measures_dict

    a, b = settings.corpus.resolve(plan_a), settings.corpus.resolve(plan_b)
    with reported_warnings():
        measures = unique_measures(
            SentenceMatcher(a, b, settings.embedder(model), progress=_progress)
        )
    if as_json:
        emit_json(unique_measures_dict(measures))
        return
    for plan, other, found in ((a, b, measures.only_a), (b, a, measures.only_b)):
        click.echo(
            click.style(
                f"only in {plan.id} (nothing like it in {other.id}): {len(found)}", bold=True
            )
        )
        for m in found:
            click.echo(f"{m.section:<8}{m.sentence.text}")


@main.command("models")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_settings
def models_cmd(settings: Settings, as_json: bool) -> None:
    """List the embedders available here, and where embeddings are cached.

    \b
    Example:
      plancompare models
    """
    from plancompare.embed.cache import default_cache_path
    from plancompare.embed.models import available_models, models_dict

    models = available_models()
    cache = default_cache_path(settings.cache_path)
    if as_json:
        emit_json(models_dict(models, settings.model, cache))
        return
    for m in models:
        mark = "*" if m.name == settings.model else " "
        state = (
            click.style("available", fg="green")
            if m.available
            else click.style("not available", fg="yellow")
        )
        click.echo(f"{mark} {m.name:<10} {state}  {m.description}")
        if m.note:
            click.echo(f"  {'':<10} {m.note}")
    click.echo(f"cache: {cache}")
