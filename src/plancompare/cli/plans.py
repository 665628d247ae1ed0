"""Commands about plans themselves: import, plans, outline, check."""

from __future__ import annotations

from pathlib import Path

import click

from plancompare.checks import check_plan
from plancompare.cli import Settings, emit_json, main, pass_settings
from plancompare.i18n import t
from plancompare.model import Plan, Section, SectionKind
from plancompare.plan.corpus import ImportStatus
from plancompare.plan.importer import MetaOptions, default_plan_id
from plancompare.plan.wording import finding_text, note_text, plan_short, section_place
from plancompare.serialize import findings_dict, meta_dict, outline_dict
from plancompare.text.visible import visible


@main.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--id", "plan_id", help="Corpus id for the plan [default: from the file name].")
@click.option("--title", help="Title, when the source has no title line or a wrong one.")
@click.option("--region", help="Region the plan is for, e.g. 丹阳市 [default: from the title].")
@click.option("--period", help="Plan period, e.g. 2025-2027 [default: from the subtitle].")
@click.option("--status", help="Draft status, e.g. 征求意见稿 [default: from the subtitle].")
@click.option(
    "--level",
    type=click.Choice(["国家", "省", "市", "县"]),
    help="Administrative level, when the region's name does not tell it (a county-level city "
    "such as 丹阳市 is 县) [default: from the region].",
)
@click.option("--encoding", help="Text encoding of a .txt/.md source [default: detected].")
@click.option("--force", is_flag=True, help="Store even if the id holds a different plan.")
@click.option(
    "--no-embed",
    is_flag=True,
    help="Do not embed the plan's sentences now (its first review will, more slowly).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_settings
def import_cmd(
    settings: Settings,
    path: Path,
    plan_id: str | None,
    title: str | None,
    region: str | None,
    period: str | None,
    status: str | None,
    level: str | None,
    encoding: str | None,
    force: bool,
    no_embed: bool,
    as_json: bool,
) -> None:
    """Import a plan (.txt, .docx, .pdf or .md) into the corpus as canonical Markdown.

    \b
    Example:
      plancompare import 征求意见稿.docx --id draft2 --title 某县新能源产业发展规划

    Re-importing a changed source of the same plan stores a new version and keeps the
    old one under corpora/versions/. The plan's sentences are then embedded into the
    embedding cache (with a progress bar; --no-embed skips it), so that its first review
    starts warm.
    """
    from plancompare.review.consolidate import import_plan
    from plancompare.review.records import reanchor_dict
    from plancompare.review.store import CommentStore

    options = MetaOptions(title=title, region=region, period=period, status=status, level=level)
    # The review database is opened first: one that is not SQLite stops the import before
    # the corpus changes; its comments are carried over in the import's own transaction.
    store = CommentStore.open(settings.db_path) if CommentStore.exists(settings.db_path) else None
    try:
        result, summary = import_plan(
            settings.corpus, store, path, plan_id or default_plan_id(path), options, encoding, force
        )
    finally:
        if store is not None:
            store.close()
    plan = result.plan
    comments = reanchor_dict(summary) | {"line": summary.line(settings.lang)} if summary else None
    embedded = None if no_embed else embed_for_review(settings, plan, progress=not as_json)
    if as_json:
        emit_json(
            {"status": result.status.value, "path": str(result.path), "plan": meta_dict(plan.meta)}
            | ({"comments": comments} if comments else {})
            | ({"embedded": embedded} if embedded is not None else {})
        )
        return
    lang = settings.lang
    previous = result.previous_version
    what = {
        ImportStatus.NEW: t("cli_import_new", lang),
        ImportStatus.UNCHANGED: t("cli_import_unchanged", lang),
        ImportStatus.NEW_VERSION: t(
            "cli_import_new_version", lang, version=plan.meta.version, previous=previous
        ),
        ImportStatus.REPLACED: t("cli_import_replaced", lang, previous=previous),
    }[result.status]
    click.echo(visible(f"{plan.id}: {what} → {result.path}"))
    title = plan.meta.title or t("cli_no_title", lang)
    click.echo(visible(f"  {title} — {_counts(plan, lang)}"))
    for note in plan.meta.notes:
        click.echo(visible("  " + t("cli_import_note", lang, note=note_text(note, lang))))
    if comments:
        click.echo("  " + t("cli_import_comments", lang, line=comments["line"]))
    if embedded:
        click.echo("  " + t("cli_import_embedded", lang, n=embedded, model=settings.model))
    inferred = sum(1 for s in plan.walk() if s.kind is SectionKind.INFERRED)
    if inferred:
        click.echo("  " + t("cli_import_inferred", lang, n=inferred, plan=plan.id))


def embed_for_review(settings: Settings, plan: Plan, *, progress: bool = True) -> int | None:
    """Embed the texts a review of ``plan`` embeds (alignment and sentence matching) into the
    cache, with a progress bar on stderr; how many were embedded, or None when the model is
    not cached (the lexical one computes faster than a cache lookup) or cannot be loaded."""
    import sys

    from plancompare.align.diff import embedding_texts
    from plancompare.align.sections import embed_texts
    from plancompare.cli.align import reported_warnings
    from plancompare.embed.cache import CachedEmbedder
    from plancompare.errors import PlanError

    embedder = settings.embedder()
    if not isinstance(embedder, CachedEmbedder):
        return None
    texts = embedding_texts(plan)
    missing = embedder.missing(texts)
    if not missing:
        return 0
    label = t("embedding", settings.lang)
    with (
        reported_warnings(settings.lang),
        click.progressbar(
            length=len(texts), label=label, file=sys.stderr, hidden=not progress
        ) as bar,
    ):
        done = 0

        def advance(key: str, fraction: float) -> None:
            nonlocal done
            now = round(fraction * len(texts))
            bar.update(now - done)
            done = now

        try:
            embed_texts(embedder, texts, progress=advance)
        except PlanError as e:
            warning = t("cli_not_embedded", settings.lang, error=e.line(settings.lang))
            click.echo(t("cli_warning", settings.lang, message=warning), err=True)
            return None
    return missing


def _counts(plan: Plan, lang: str) -> str:
    sections = [s for s in plan.walk() if s.kind is not SectionKind.PREAMBLE]
    items = sum(1 for s in sections if s.is_item)
    tables = sum(len(s.tables) for s in plan.walk())
    return t("cli_counts", lang, sections=len(sections) - items, items=items, tables=tables)


@main.command("plans")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_settings
def plans_cmd(settings: Settings, as_json: bool) -> None:
    """List the plans in the corpus.

    \b
    Example:
      plancompare plans
    """
    corpus = settings.corpus
    plans = [corpus.load(i) for i in corpus.ids()]
    if as_json:
        emit_json({"corpus": str(corpus.root), "plans": [meta_dict(p.meta) for p in plans]})
        return
    if not plans:
        click.echo(t("cli_no_plans", settings.lang, root=corpus.root))
        return
    width = max(len(p.id) for p in plans)
    for p in plans:
        extra = " · ".join(x for x in (p.meta.period, p.meta.status, f"v{p.meta.version}") if x)
        title = p.meta.title or t("cli_no_title", settings.lang)
        click.echo(visible(f"{p.id:<{width}}  {title}  ({extra})"))


@main.command("outline")
@click.argument("plan")
@click.option("--json", "as_json", is_flag=True, help="Print the section tree as JSON.")
@click.option("--text", "with_text", is_flag=True, help="Show the start of each section's text.")
@pass_settings
def outline_cmd(settings: Settings, plan: str, as_json: bool, with_text: bool) -> None:
    """Print the section tree of a plan, with section ids for other commands.

    \b
    Example:
      plancompare outline luhe
      plancompare outline dehong --json
    """
    loaded = settings.corpus.resolve(plan)
    if as_json:
        emit_json(outline_dict(loaded))
        return
    meta = loaded.meta
    header = " · ".join(x for x in (meta.region, meta.period, meta.status, f"v{meta.version}") if x)
    title = meta.title or t("cli_no_title", settings.lang)
    click.echo(visible(f"{title}  [{meta.id}]  {header}"))
    for section in loaded.walk():
        click.echo(_outline_line(section, with_text, settings.lang))


def _outline_line(section: Section, with_text: bool, lang: str) -> str:
    indent = "  " * (section.level - 1)
    label = visible(section.label)
    if section.kind is SectionKind.INFERRED:
        label = click.style(label + t("cli_outline_inferred", lang), fg="yellow")
    tables = t("cli_outline_tables", lang, n=len(section.tables)) if section.tables else ""
    line = f"{section.id:<8}{indent}{label}{tables}"
    if with_text and section.text:
        snippet = visible(section.text.replace("\n", " ")[:40])
        line += click.style(f"  {snippet}…", dim=True)
    return line


@main.command("check")
@click.argument("plan")
@click.option("--json", "as_json", is_flag=True, help="Print findings as JSON.")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    help="Language of the findings [default: the global --lang, else zh].",
)
@pass_settings
def check_cmd(settings: Settings, plan: str, as_json: bool, lang: str | None) -> None:
    """List structural and consistency findings of a plan, each where the draft has it.

    \b
    Example:
      plancompare check luhe
      plancompare check dehong --lang en --json
    """
    loaded = settings.corpus.resolve(plan)
    findings = check_plan(loaded)
    if as_json:
        emit_json(findings_dict(loaded, findings))
        return
    lang = lang or settings.lang
    if not findings:
        click.echo(t("cli_no_findings", lang, plan=plan_short(loaded.meta)))
        return
    for f in findings:
        where = section_place(loaded, f.section, lang) if f.section else "—"
        kind = click.style(t(f"kind_{f.kind}", lang), fg="yellow")
        click.echo(f"{visible(where)}  {kind}{t('colon', lang)}{visible(finding_text(f, lang))}")
