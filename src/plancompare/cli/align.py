"""Commands that compare two plans: align, diff, unique, and models (the embedders here)."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from plancompare.cli import Settings, emit_json, main, pass_settings
from plancompare.errors import PlanError, PlanWarning
from plancompare.i18n import Words, has, t
from plancompare.model import Alignment, Link, Plan, Section

if TYPE_CHECKING:
    from plancompare.align.diff import PairDiff, WordOp
    from plancompare.align.highlight import PairHighlight
    from plancompare.text.sentences import Sentence

MODEL_HELP = "Embedder: e5, lexical or st:NAME-OR-PATH [default: the global --model]."


@contextmanager
def reported_warnings(lang: str) -> Iterator[None]:
    """Show the core's warnings (e.g. a corrupt cache moved aside) as one line each, in
    ``lang``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for w in caught:
                said = w.message.line(lang) if isinstance(w.message, PlanWarning) else w.message
                click.echo(t("cli_warning", lang, message=said), err=True)


def _progress(lang: str) -> Callable[[str, float], None]:
    """Progress on a terminal's stderr, in ``lang``: one line rewritten in place, erased when
    done (the core reports a key of the wording catalogue)."""

    def show(key: str, fraction: float) -> None:
        if not sys.stderr.isatty():
            return
        message = t(key, lang) if has(key, lang) else key
        line = "\r\033[K" if fraction >= 1.0 else f"\r\033[K{message} ({fraction:.0%})"
        click.echo(line, err=True, nl=False)

    return show


def _align(settings: Settings, a: Plan, b: Plan, model: str | None) -> Alignment:
    from plancompare.align.sections import align_plans

    with reported_warnings(settings.lang):
        return align_plans(a, b, settings.embedder(model), progress=_progress(settings.lang))


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
    lang = settings.lang
    click.echo(f"{a.meta.title or a.id} [{a.id}]  ↔  {b.meta.title or b.id} [{b.id}]")
    click.echo(click.style(t("cli_embedder", lang, embedder=alignment.embedder), dim=True))
    by_a: dict[str, list[Link]] = {}
    for link in alignment.links:
        by_a.setdefault(link.a, []).append(link)
    sections_b = {s.id: s for s in b.walk()}
    for section in a.walk():
        click.echo(f"{section.id:<8}{'  ' * (section.level - 1)}{section.label}")
        links = by_a.get(section.id)
        if not links:
            none = t("cli_no_counterpart_in", lang, plan=b.id)
            click.echo(click.style(f"{'':<8}   ∅ {none}", fg="yellow"))
            continue
        for link in links:
            click.echo(_link_line(link, sections_b[link.b], lang))
    if alignment.only_b:
        only = t("cli_only_in", lang, plan=b.id) + t("colon", lang).rstrip()
        click.echo(click.style(only, fg="yellow"))
        for section_id in alignment.only_b:
            section = sections_b[section_id]
            click.echo(f"{section.id:<8}{'  ' * (section.level - 1)}{section.label}")


def _link_line(link: Link, partner: Section, lang: str) -> str:
    word = t(f"kind_{link.kind}", lang)
    kind = click.style(
        f"{word:<7}", fg="green" if link.kind == "match" else None, dim=link.kind != "match"
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
    lang = settings.lang
    with reported_warnings(lang):
        matcher = SentenceMatcher(a, b, embedder, progress=_progress(lang))
    diff = diff_sections(sec_a, sec_b, matcher)
    highlight = _highlight(a, b, diff)
    if as_json:
        emit_json(pair_diff_dict(diff, a.id, b.id) | {"highlight": highlight_dict(highlight)})
        return
    colour = sys.stdout.isatty()
    click.echo(f"{a.id} {sec_a.id} {sec_a.label}  ↔  {b.id} {sec_b.id} {sec_b.label}")
    for plan, sec in ((a, sec_a), (b, sec_b)):
        if not sec.text.strip():
            click.echo(t("cli_diff_no_text", lang, plan=plan.id, section=sec.id))
    for group in diff.groups:
        if group.kind in ("only_a", "only_b"):
            mark, fg, plan, other, sentences = (
                ("-", "red", a, b, group.a)
                if group.kind == "only_a"
                else ("+", "green", b, a, group.b)
            )
            where = t(
                "cli_diff_nowhere" if group.nowhere else "cli_diff_not_here", lang, plan=other.id
            )
            head = t("cli_diff_only", lang, plan=plan.id, where=where) + t("colon", lang)
            click.echo(_marked(f"{mark} {head}", sentences[0].text, fg, colour))
        elif words or near_identical(_joined(group.a), _joined(group.b)):
            head = f"= {group.kind} ({group.similarity:.2f})"
            click.echo(click.style(head, dim=True) if colour else head)
            click.echo("  " + (_coloured(group.ops) if colour else plain_diff(group.ops)))
        else:
            similarity = f"{group.similarity:.2f}"
            head = t("cli_diff_reworded", lang, kind=group.kind, similarity=similarity)
            click.echo(click.style(head, dim=True) if colour else head)
            click.echo(f"  {a.id}: {_joined(group.a)}")
            click.echo(f"  {b.id}: {_joined(group.b)}")
    for d in highlight.differences:
        line = t(
            "cli_diff_target",
            lang,
            aspects=[Words("aspect_" + x.value) for x in d.aspects],
            a=a.id,
            a_value=sec_a.text[d.a.start : d.a.end],
            b=b.id,
            b_value=sec_b.text[d.b.start : d.b.end],
            a_indicator=d.a.target.indicator,
            b_indicator=d.b.target.indicator,
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
    lang = settings.lang
    with reported_warnings(lang):
        measures = unique_measures(
            SentenceMatcher(a, b, settings.embedder(model), progress=_progress(lang))
        )
    if as_json:
        emit_json(unique_measures_dict(measures))
        return
    for plan, other, found in ((a, b, measures.only_a), (b, a, measures.only_b)):
        line = t("cli_unique_only", lang, plan=plan.id, other=other.id, count=len(found))
        click.echo(click.style(line, bold=True))
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
    from plancompare.embed.models import available_models, models_dict, note_text

    models = available_models()
    cache = default_cache_path(settings.cache_path)
    if as_json:
        emit_json(models_dict(models, settings.model, cache, settings.lang))
        return
    lang = settings.lang
    for m in models:
        mark = "*" if m.name == settings.model else " "
        state = (
            click.style(t("cli_model_available", lang), fg="green")
            if m.available
            else click.style(t("cli_model_unavailable", lang), fg="yellow")
        )
        click.echo(f"{mark} {m.name:<10} {state}  {m.description.text(lang)}")
        if m.note:
            click.echo(f"  {'':<10} {note_text(m.note, lang)}")
    click.echo(t("cli_cache", lang, path=cache))
