"""Commands about review comments: comment add/list/show/edit/resolve/rm/restore, comments
export/import/reanchor, and the feedback report."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import click

from plancompare.cli import SentenceGroup, Settings, emit_json, main, pass_settings, say
from plancompare.embed import Embedder
from plancompare.errors import PlanError
from plancompare.i18n import LANGUAGES, t
from plancompare.model import Plan
from plancompare.plan.corpus import write_atomic
from plancompare.plan.wording import path_place, plan_short
from plancompare.report.feedback import ReportOptions, compose_report
from plancompare.report.form import Sender
from plancompare.review.anchoring import anchor_for_target, make_anchor, reanchor_store
from plancompare.review.annotations import (
    annotation_collection,
    dumps_collection,
)
from plancompare.review.consolidate import merge_export, read_export
from plancompare.review.finding_draft import draft_for
from plancompare.review.model import (
    AnchorState,
    Comment,
    CoverageRef,
    Disposition,
    FindingRef,
    PairRef,
    Reference,
    Stance,
    Status,
    TargetFigure,
    TargetRef,
    category_term,
    parse_choice,
    term,
    utc_now,
)
from plancompare.review.records import comment_dict, merge_result_dict, reanchor_dict
from plancompare.review.store import CommentFilter, CommentStore
from plancompare.review.writing import Draft, finding_on, new_comment, pair_reference
from plancompare.targets.extract import select_target
from plancompare.text.visible import visible


def _open(settings: Settings) -> CommentStore:
    return CommentStore.open(settings.db_path)


def _read_only(settings: Settings) -> CommentStore | None:
    """The database if there is one (listing never creates it; a read-only folder will do)."""
    if not CommentStore.exists(settings.db_path):
        return None
    return CommentStore.open_for_reading(settings.db_path)


def _write_file(path: Path, text: str | bytes) -> None:
    """Write a report or an export atomically: the old file or the new one, never half."""
    try:
        write_atomic(path, text)
    except OSError as e:
        raise PlanError(path, "cli_cannot_write", reason=e.strerror or e) from None


def _text(value: str | None) -> str | None:
    """``-`` reads the text from standard input (for long, multi-line comments)."""
    if value == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError:
            raise PlanError("-", "stdin_not_utf8") from None
    return value


def _choices(kind: type[StrEnum]) -> str:
    return ", ".join(f"{m.value}/{term(m)}" for m in kind)


class _Names:
    """Plans by their short names (陆河县), loaded once each; a plan not in the corpus is
    named by what the comment stores."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.names: dict[str, str] = {}

    def __call__(self, plan_id: str) -> str:
        if plan_id not in self.names:
            try:
                self.names[plan_id] = plan_short(self.settings.corpus.load(plan_id).meta)
            except PlanError:
                self.names[plan_id] = plan_id
        return self.names[plan_id]


def _states(value: str | None) -> list[AnchorState]:
    if not value:
        return []
    return [parse_choice(AnchorState, part) for part in value.split(",") if part.strip()]


_STATE_COLOURS = {
    AnchorState.ANCHORED: "green",
    AnchorState.MOVED: "cyan",
    AnchorState.FUZZY: "yellow",
    AnchorState.AMBIGUOUS: "magenta",
    AnchorState.ORPHANED: "red",
}


def _line(c: Comment, lang: str, names: _Names) -> str:
    """One comment on one line: id, plan and place, category, anchor state, decision,
    reviewer, the start of the body."""
    state = term(c.anchor.state, lang)
    state += f" {c.anchor.score:g}" if c.anchor.score is not None else ""
    who = visible(c.reviewer + (f"（{c.organisation}）" if c.organisation else ""))
    body = visible(c.body.replace("\n", " "))
    body = body if len(body) <= 40 else body[:39] + "…"
    deleted = click.style(t("cli_deleted_mark", lang), fg="red") if c.deleted else ""
    return (
        f"{c.id[:8]}  {visible(names(c.plan) + ' ' + path_place(c.anchor.path, lang))}  "
        f"{visible(category_term(c.category, lang))}  "
        f"{click.style(state, fg=_STATE_COLOURS[c.anchor.state])}  "
        f"{term(c.status, lang)}  {term(c.disposition, lang)}  {who or '—'}  {body}{deleted}"
    )


def _show(c: Comment, lang: str, names: _Names) -> None:
    a = c.anchor

    def row(key: str, value: str) -> None:
        # Every line holds text of the comment: controls in it must not reach the terminal.
        click.echo(visible(f"{t(key, lang)}{t('colon', lang)}{value}"))

    row("cli_show_id", c.id)
    row("cli_show_place", f"{names(c.plan)} {path_place(a.path, lang)}")
    score = t("paren", lang, text=f"{a.score:g}") if a.score is not None else ""
    row("cli_show_anchor", term(a.state, lang) + score)
    if c.quoted:
        row("cli_show_quoted", c.quoted)
    if a.exact and a.exact != c.quoted:
        row("cli_show_now", a.exact)
    row(
        "cli_show_category",
        f"{category_term(c.category, lang)} · {term(c.stance, lang)} · {term(c.status, lang)}",
    )
    note = t("colon", lang) + c.disposition_note if c.disposition_note else ""
    row("cli_show_disposition", term(c.disposition, lang) + note)
    row("cli_show_reviewer", f"{c.reviewer or '—'} / {c.organisation or '—'}")
    ref = c.reference
    if isinstance(ref, PairRef):
        quote = f" «{ref.anchor.exact}»" if ref.anchor.exact else ""
        row("cli_show_about", f"{names(ref.plan)} {path_place(ref.anchor.path, lang)}{quote}")
    elif isinstance(ref, FindingRef):
        row("cli_show_about", f"{t('kind_' + ref.kind, lang)}{t('colon', lang)}{ref.text(lang)}")
    elif isinstance(ref, TargetRef):
        for f in ref.targets:
            value = f"{f.comparator or ''}{f.value or f.qualitative or ''}{f.unit or ''}"
            row("cli_show_about", f"{names(f.plan)} {f.indicator} {value} {f.year or ''}")
    elif isinstance(ref, CoverageRef):
        verdict = t(f"verdict_{ref.verdict}", lang)
        place = f"{names(ref.plan)} {path_place(ref.anchor.path, lang)}"
        row("report_coverage_about", f"{place}{t('colon', lang)}{verdict} {ref.score:.2f}")
    row("cli_show_written", c.created.astimezone().strftime("%Y-%m-%d %H:%M"))
    if c.deleted:
        when = c.deleted.astimezone().strftime("%Y-%m-%d %H:%M")
        click.echo(t("cli_show_deleted", lang, when=when, id=c.id[:8]))
    click.echo("")
    click.echo(visible(c.body))
    if c.suggestion:
        row("report_suggestion", c.suggestion)
    if c.rationale:
        row("report_rationale", c.rationale)


@main.group("comment", cls=SentenceGroup)
def comment_group() -> None:
    """Write and manage review comments on a plan.

    \b
    Example:
      plancompare comment add luhe --section 6.1 --quote 工作领导小组 --body 建议明确牵头单位
      plancompare comment list --state orphaned,ambiguous
    """


@comment_group.command("add")
@click.argument("plan")
@click.option("--section", "section_id", help="Section id (see: outline PLAN); not with --target.")
@click.option("--quote", help="The exact text commented on (must occur once in the section).")
@click.option("--start", type=int, help="Offset of the span in the section text (with --end).")
@click.option("--end", type=int, help="Offset just past the span (with --start).")
@click.option(
    "--body",
    help="The comment; Markdown allowed; - reads stdin. With --finding: by default the "
    "finding's message and quotes.",
)
@click.option(
    "--category",
    help="修改/amend, 补充/add, 删除/delete, 疑问/question, 其他/other, or a word of your own "
    "[default: amend; with --finding, by its kind: 修改 for structure, 疑问 for targets].",
)
@click.option("--stance", default="neutral", show_default=True, help=_choices(Stance))
@click.option("--suggest", "suggestion", default="", help="建议修改为: the wording you propose.")
@click.option(
    "--reason", "rationale", default="", help="理由或依据: why (with --finding: prefilled)."
)
@click.option(
    "--reviewer", envvar="PLANCOMPARE_REVIEWER", help="Your name [env, plancompare.toml]."
)
@click.option("--org", envvar="PLANCOMPARE_ORG", help="Your organisation [env, plancompare.toml].")
@click.option("--submit", is_flag=True, help="Mark it submitted (default: draft).")
@click.option("--pair-plan", help="For an aligned pair: the other plan.")
@click.option("--pair-section", help="For an aligned pair: the section in the other plan.")
@click.option("--pair-quote", help="For an aligned pair: the quote in the other plan.")
@click.option(
    "--finding",
    "finding_kind",
    help="About the finding of this kind on the section (see: check PLAN); drafts the comment "
    "as the workspace's findings view does.",
)
@click.option("--target", "target_name", help="About the target so named (see: targets PLAN).")
@click.option("--target-year", type=int, help="With --target: the target's year.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored comment as JSON.")
@pass_settings
def add_cmd(
    settings: Settings,
    plan: str,
    section_id: str | None,
    quote: str | None,
    start: int | None,
    end: int | None,
    body: str | None,
    category: str | None,
    stance: str,
    suggestion: str,
    rationale: str,
    reviewer: str | None,
    org: str | None,
    submit: bool,
    pair_plan: str | None,
    pair_section: str | None,
    pair_quote: str | None,
    finding_kind: str | None,
    target_name: str | None,
    target_year: int | None,
    as_json: bool,
) -> None:
    """Add a comment on a section, a quote in it, a span of it, a target, or a finding.

    \b
    Example:
      plancompare comment add luhe --section 6.1 --quote 工作领导小组 \\
        --body 建议明确牵头单位 --category 修改 --suggest 由工信部门牵头的工作领导小组 \\
        --reason 便于落实责任 --reviewer 张三 --org 县发展改革局
      plancompare comment add luhe --target 规上工业企业 --target-year 2030 \\
        --body 目标偏高，建议论证
      plancompare comment add luhe --section 6 --finding numbering-gap
    """
    loaded = settings.corpus.resolve_for_comments(plan)
    reference: Reference | None = None
    anchor = None
    suggested = Draft(body="")  # what is not given: the defaults, or what a finding suggests
    if target_name:
        target = select_target(loaded, target_name, target_year, section_id)
        section_id = target.section
        reference = TargetRef([TargetFigure.of(loaded, target)])
        anchor = anchor_for_target(loaded, target)
    elif section_id is None:
        raise PlanError(None, "err_say_where")
    elif pair_plan or pair_section:
        if not (pair_plan and pair_section):
            raise PlanError(None, "err_pair_both")
        other = settings.corpus.resolve_for_comments(pair_plan)
        reference = pair_reference(other, pair_section, pair_quote)
    elif finding_kind:
        finding = finding_on(loaded, section_id, finding_kind)
        reference = FindingRef.of(finding)
        suggested = draft_for(finding)
    draft = Draft(
        body=_text(body) or suggested.body,
        category=category or suggested.category,
        stance=parse_choice(Stance, stance),
        suggestion=_text(suggestion) or "",
        rationale=_text(rationale) or suggested.rationale,
        reviewer=reviewer or settings.reviewer or "",
        organisation=org or settings.organisation or "",
        status=Status.SUBMITTED if submit else Status.DRAFT,
    )
    comment = new_comment(
        loaded,
        section_id,
        draft,
        quote=quote,
        start=start,
        end=end,
        reference=reference,
        anchor=anchor,
    )
    with _open(settings) as store:
        store.add(comment)
    if as_json:
        emit_json(comment_dict(comment))
        return
    place = path_place(comment.anchor.path, settings.lang)
    say(settings, "cli_added", id=comment.id[:8], plan=plan_short(loaded.meta), place=place)


@comment_group.command("list")
@click.option("--plan", "plans", multiple=True, help="Only this plan (repeatable).")
@click.option("--state", help="Anchor states, comma-separated: " + ", ".join(AnchorState) + ".")
@click.option("--search", help="Words in the body, suggestion, rationale or quote.")
@click.option("--reviewer", "reviewers", multiple=True, help="Only this reviewer (repeatable).")
@click.option("--category", "categories", multiple=True, help="Only this category.")
@click.option("--deleted", is_flag=True, help="List deleted comments instead.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_settings
def list_cmd(
    settings: Settings,
    plans: tuple[str, ...],
    state: str | None,
    search: str | None,
    reviewers: tuple[str, ...],
    categories: tuple[str, ...],
    deleted: bool,
    as_json: bool,
) -> None:
    """List comments, optionally filtered; states that need a person: orphaned, ambiguous.

    \b
    Example:
      plancompare comment list --plan luhe --search 领导小组
      plancompare comment list --state orphaned,ambiguous --json
    """
    filters = CommentFilter(
        plans=plans,
        states=_states(state),
        reviewers=reviewers,
        categories=categories,
        deleted=deleted,
        text=search,
    )
    store = _read_only(settings)
    comments: list[Comment] = []
    if store is not None:
        with store:
            comments = store.list(filters)
    if as_json:
        emit_json({"db": str(settings.db_path), "comments": [comment_dict(c) for c in comments]})
        return
    if not comments:
        say(settings, "cli_no_comments_match" if store is not None else "cli_no_comments")
        return
    names = _Names(settings)
    for c in comments:
        click.echo(_line(c, settings.lang, names))


@comment_group.command("show")
@click.argument("comment_id")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_settings
def show_cmd(settings: Settings, comment_id: str, as_json: bool) -> None:
    """Show one comment in full (an id prefix of 4+ characters will do).

    \b
    Example:
      plancompare comment show 3f2a9c1e
    """
    with _open(settings) as store:
        comment = store.get(comment_id)
    if as_json:
        emit_json(comment_dict(comment))
        return
    _show(comment, settings.lang, _Names(settings))


@comment_group.command("edit")
@click.argument("comment_id")
@click.option("--body", help="New comment text; - reads stdin.")
@click.option("--category", help="New category.")
@click.option("--stance", help=_choices(Stance))
@click.option("--suggest", "suggestion", help="New suggested wording.")
@click.option("--reason", "rationale", help="New rationale.")
@click.option("--reviewer", help="New reviewer name.")
@click.option("--org", "organisation", help="New organisation.")
@click.option("--submit/--draft", "submitted", default=None, help="Mark submitted, or draft.")
@click.option(
    "--section", "section_id", help="Re-anchor by hand to this section (current version)."
)
@click.option("--quote", help="With --section: the quote to anchor to.")
@click.option("--json", "as_json", is_flag=True, help="Print the comment as JSON.")
@pass_settings
def edit_cmd(
    settings: Settings,
    comment_id: str,
    body: str | None,
    category: str | None,
    stance: str | None,
    suggestion: str | None,
    rationale: str | None,
    reviewer: str | None,
    organisation: str | None,
    submitted: bool | None,
    section_id: str | None,
    quote: str | None,
    as_json: bool,
) -> None:
    """Change a comment; --section (and --quote) re-anchors it by hand, e.g. an orphaned one.

    \b
    Example:
      plancompare comment edit 3f2a9c1e --suggest 由县政府主要领导任组长 --submit
      plancompare comment edit 3f2a9c1e --section 6.1 --quote 工作领导小组
    """
    changes: dict[str, object] = {
        key: value
        for key, value in (
            ("body", _text(body)),
            ("category", category),
            ("stance", stance),
            ("suggestion", _text(suggestion)),
            ("rationale", _text(rationale)),
            ("reviewer", reviewer),
            ("organisation", organisation),
        )
        if value is not None
    }
    if submitted is not None:
        changes["status"] = Status.SUBMITTED if submitted else Status.DRAFT
    if quote is not None and section_id is None:
        raise PlanError(None, "err_quote_needs_section")
    with _open(settings) as store:
        if section_id is not None:
            current = store.get(comment_id)
            plan = settings.corpus.resolve(current.plan)
            changes["anchor"] = make_anchor(plan, section_id, quote)
            changes["plan_version"] = plan.meta.version
        if not changes:
            raise PlanError(None, "err_nothing_to_change")
        comment = store.update(comment_id, **changes)
    if as_json:
        emit_json(comment_dict(comment))
        return
    say(settings, "cli_updated", id=comment.id[:8])


@comment_group.command("resolve")
@click.argument("comment_id")
@click.option(
    "--disposition", required=True, help=_choices(Disposition) + " (the consolidator's decision)."
)
@click.option("--note", default=None, help="Why (处理说明).")
@pass_settings
def resolve_cmd(settings: Settings, comment_id: str, disposition: str, note: str | None) -> None:
    """Record the consolidator's decision on a comment (采纳, 部分采纳, 不采纳, 待定).

    \b
    Example:
      plancompare comment resolve 3f2a9c1e --disposition 采纳 --note 已按意见修改
    """
    changes: dict[str, object] = {"disposition": parse_choice(Disposition, disposition)}
    if note is not None:
        changes["disposition_note"] = note
    with _open(settings) as store:
        comment = store.update(comment_id, **changes)
    decision = term(comment.disposition, settings.lang)
    say(settings, "cli_resolved", id=comment.id[:8], disposition=decision)


@comment_group.command("rm")
@click.argument("comment_id")
@pass_settings
def rm_cmd(settings: Settings, comment_id: str) -> None:
    """Delete a comment (soft: `comment restore` brings it back until the report is final).

    \b
    Example:
      plancompare comment rm 3f2a9c1e
    """
    with _open(settings) as store:
        comment = store.delete(comment_id)
    say(settings, "cli_deleted", id=comment.id[:8])


@comment_group.command("restore")
@click.argument("comment_id")
@pass_settings
def restore_cmd(settings: Settings, comment_id: str) -> None:
    """Bring back a deleted comment.

    \b
    Example:
      plancompare comment restore 3f2a9c1e
    """
    with _open(settings) as store:
        comment = store.restore(comment_id)
    say(settings, "cli_restored", id=comment.id[:8])


@main.group("comments", cls=SentenceGroup)
def comments_group() -> None:
    """Exchange comments between reviewers (W3C Web Annotation JSON-LD) and re-anchor them.

    \b
    Example:
      plancompare comments export 张三.jsonld
      plancompare comments import 李四.jsonld
    """


@comments_group.command("export")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--plan", "plans", multiple=True, help="Only this plan (repeatable).")
@click.option("--reviewer", "reviewers", multiple=True, help="Only this reviewer (repeatable).")
@pass_settings
def export_cmd(
    settings: Settings, file: Path, plans: tuple[str, ...], reviewers: tuple[str, ...]
) -> None:
    """Write comments as a W3C AnnotationCollection (deleted ones marked, so deletions travel).

    \b
    Example:
      plancompare comments export comments/张三.jsonld --plan luhe
    """
    store = _read_only(settings)
    comments: list[Comment] = []
    if store is not None:
        with store:
            comments = store.list(CommentFilter(plans=plans, reviewers=reviewers, deleted=None))
    names = sorted({c.reviewer for c in comments if c.reviewer})
    label = "plancompare review comments" + (f": {', '.join(names)}" if names else "")
    _write_file(file, dumps_collection(annotation_collection(comments, utc_now(), label)))
    say(settings, "cli_exported", n=len(comments), path=file)


@comments_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print what was merged as JSON.")
@pass_settings
def import_cmd(settings: Settings, file: Path, as_json: bool) -> None:
    """Merge another reviewer's export; importing twice changes nothing, conflicts are reported.

    \b
    Example:
      plancompare comments import comments/李四.jsonld
    """
    incoming = read_export(settings.corpus, file)
    with _open(settings) as store:
        result, summaries = merge_export(store, settings.corpus, incoming)
    if as_json:
        emit_json(
            {**merge_result_dict(result), "reanchored": [reanchor_dict(s) for s in summaries]}
        )
        return
    say(
        settings,
        "cli_merged",
        file=file,
        added=len(result.added),
        updated=len(result.updated),
        unchanged=len(result.unchanged),
        conflicts=len(result.conflicts),
    )
    for conflict in result.conflicts:
        say(
            settings,
            "cli_merge_conflict",
            id=conflict.id[:8],
            fields=conflict.fields,
            kept=t(f"merge_kept_{conflict.kept}", settings.lang),
        )
    for summary in summaries:
        click.echo(f"  {summary.line(settings.lang)}")


@comments_group.command("reanchor")
@click.argument("plan")
@click.option("--json", "as_json", is_flag=True, help="Print the anchor states as JSON.")
@pass_settings
def reanchor_cmd(settings: Settings, plan: str, as_json: bool) -> None:
    """Carry the comments on a plan to its current version (done on import of a new version).

    \b
    Example:
      plancompare comments reanchor luhe
    """
    loaded = settings.corpus.resolve(plan)
    with _open(settings) as store:
        summary = reanchor_store(store, loaded)
    if as_json:
        emit_json(reanchor_dict(summary))
        return
    click.echo(summary.line(settings.lang))
    if summary.states[AnchorState.ORPHANED] or summary.states[AnchorState.AMBIGUOUS]:
        say(settings, "cli_to_review")


def _embedder(settings: Settings) -> Embedder | None:
    """The configured embedder for comparing indicator names; none when it is lexical."""
    return None if settings.model == "lexical" else settings.embedder()


def reanchor_after_import(settings: Settings, plan: Plan) -> dict[str, Any] | None:
    """Re-anchor a plan's comments after a new version was imported (``plancompare import``):
    prints one line, returns the JSON view; None when there is no review database yet."""
    if not CommentStore.exists(settings.db_path):
        return None
    with _open(settings) as store:
        summary = reanchor_store(store, plan)
    return reanchor_dict(summary) | {"line": summary.line(settings.lang)}


@main.command("report")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to FILE."
)
@click.option("--html", "as_html", is_flag=True, help="Write a standalone HTML page.")
@click.option("--docx", "as_docx", is_flag=True, help="Write a Word document (needs -o FILE).")
@click.option(
    "--table",
    "--form",
    "table",
    is_flag=True,
    help="Write the 意见反馈表: a header block and one table row per comment.",
)
@click.option("--org", help="提出单位 in the 意见反馈表's header [default: your organisation].")
@click.option("--contact", help="联系人 in the header [default: your name].")
@click.option("--phone", default="", help="联系电话 in the header.")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="Language of the report [default: the global --lang, else zh].",
)
@click.option("--plan", "plans", multiple=True, help="Cover this plan (repeatable).")
@click.option("--submitted-only", is_flag=True, help="Leave out draft comments.")
@click.option(
    "--full-appendices",
    is_flag=True,
    help="Append the whole benchmark and every finding, not only what the comments concern.",
)
@click.option(
    "--reference",
    "reference",
    metavar="REF",
    help="Append how the plans covered take up REF, their higher-level plan (上位规划).",
)
@click.option("--title", help="Use a title of your own.")
@click.option("--final", is_flag=True, help="After writing, purge deleted comments for good.")
@pass_settings
def report_cmd(
    settings: Settings,
    output: Path | None,
    as_html: bool,
    as_docx: bool,
    table: bool,
    org: str | None,
    contact: str | None,
    phone: str,
    lang: str | None,
    plans: tuple[str, ...],
    submitted_only: bool,
    full_appendices: bool,
    reference: str | None,
    title: str | None,
    final: bool,
) -> None:
    """Write the consolidated feedback report, or the 意见反馈表 with --table.

    The report is Markdown unless --html or --docx asks for a web page or a Word
    document; drafts are marked 草稿 unless --submitted-only leaves them out. With
    --reference REF it ends with how the plans commented on take up REF (the units the
    comments are about; every unit with --full-appendices).

    \b
    Example:
      plancompare report -o comments/意见反馈.md
      plancompare report --table --docx --org 县发展改革局 --phone 0660-1234567 \\
        -o comments/意见反馈表.docx
      plancompare report --html --table -o comments/意见反馈表.html
      plancompare report --reference dehong -o comments/意见反馈.md
    """
    if as_html and as_docx:
        raise PlanError(None, "err_html_or_docx")
    fmt = "docx" if as_docx else "html" if as_html else "md"
    if fmt == "docx" and output is None:
        raise PlanError(None, "err_docx_needs_output")
    store = _read_only(settings)
    comments: list[Comment] = []
    if store is not None:
        with store:
            comments = store.list(CommentFilter(plans=plans))
    if not comments and not plans:
        raise PlanError(settings.db_path, "err_no_comments_yet")
    sender = Sender(
        organisation=org if org is not None else settings.organisation or "",
        contact=contact if contact is not None else settings.reviewer or "",
        phone=phone,
    )
    options = ReportOptions(
        lang=lang or settings.lang,
        table=table,
        date=date.today(),
        title=title,
        submitted_only=submitted_only,
        full_appendices=full_appendices,
        sender=sender,
    )
    ref = settings.corpus.resolve_for_comments(reference) if reference else None
    report = compose_report(
        comments, settings.corpus.load, plans, options, _embedder(settings), reference=ref
    )
    for note in report.notes:
        click.echo(f"{t('note', settings.lang)}{note}", err=True)
    content = report.render(fmt)
    if output is None:
        assert isinstance(content, str)
        click.echo(content, nl=False)
    else:
        _write_file(output, content)
        say(settings, "cli_report_written", err=True, path=output, n=report.comments)
    if final and store is not None:
        with _open(settings) as writable:
            purged = writable.purge_deleted()
        say(settings, "cli_report_final", err=True, n=purged)
