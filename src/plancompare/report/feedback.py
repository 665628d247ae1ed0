"""The consolidated feedback report (意见) and the 意见反馈表, as Markdown; HTML and Word are
rendered from that Markdown (:mod:`plancompare.report.html`, :mod:`plancompare.report.docx`).

:func:`compose_report` is the one function the CLI and the TUI call. Every word comes from
the catalogue, every place is named as the draft names it, and text from a plan or a comment
never breaks the document (:mod:`plancompare.report.markdown`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from plancompare.errors import PlanError
from plancompare.i18n import t
from plancompare.model import Benchmark, ConceptRow, Finding, Plan
from plancompare.plan.wording import date_text, section_place, version_text
from plancompare.report.benchmark import benchmark_markdown, cell_text
from plancompare.report.form import Sender, form_table
from plancompare.report.markdown import contain_markdown, escape_inline, escape_paragraphs
from plancompare.report.parts import disposition_text, finding_line, original_texts, whole_section
from plancompare.report.words import ReportWords
from plancompare.review.merge import CommentGroup, group_near_duplicates
from plancompare.review.model import (
    AnchorState,
    Category,
    Comment,
    CoverageRef,
    Disposition,
    FindingRef,
    PairRef,
    Status,
    TargetRef,
    term,
)
from plancompare.text.numbers import chinese_numeral

if TYPE_CHECKING:
    from plancompare.coverage import Coverage
    from plancompare.embed import Embedder

#: The forms a report can take, and the formats it can be written in.
FORMS = ("report", "form")
FORMATS = ("md", "html", "docx")


@dataclass(slots=True)
class ReportOptions:
    """How the report is laid out."""

    lang: str = "zh"
    """``zh`` (Chinese headings and labels) or ``en``."""
    table: bool = False
    """The 意见反馈表 form: a header block and one table row per comment."""
    date: date | None = None
    """The date printed under the title (None: no date line)."""
    title: str | None = None
    """A title of the user's own, instead of one naming the plans."""
    submitted_only: bool = False
    """Leave out draft comments (otherwise they are marked 草稿)."""
    full_appendices: bool = False
    """Append the whole benchmark and every finding, not only what the comments concern."""
    sender: Sender = field(default_factory=Sender)
    """The 意见反馈表's header block: 提出单位, 联系人, 联系电话."""


def report_title(
    plans: Mapping[str, Plan], plan_ids: Sequence[str], lang: str = "zh", form: bool = False
) -> str:
    """The report's title, naming its plans (plain text, not escaped)."""
    words = ReportWords(lang, plans)
    names = [words.plan_title(p).replace("\\", "") for p in plan_ids]
    joined = (
        words("list_sep").join(names[:-1]) + words("report_and") + names[-1]
        if len(names) > 1
        else "".join(names)
    )
    return words("report_form_title" if form else "report_title", plans=joined)


def reported(comments: Sequence[Comment], options: ReportOptions) -> list[Comment]:
    """The comments a report holds: live ones, and only submitted ones if asked."""
    return [
        c
        for c in comments
        if c.deleted is None and not (options.submitted_only and c.status is Status.DRAFT)
    ]


def build_report(
    comments: Sequence[Comment],
    plans: Mapping[str, Plan],
    *,
    cover: Sequence[str] | None = None,
    benchmark: Benchmark | None = None,
    findings: Mapping[str, Sequence[Finding]] | None = None,
    options: ReportOptions | None = None,
    coverage: Coverage | None = None,
) -> str:
    """The Markdown report (or 意见反馈表) on ``comments``.

    ``plans`` are the plans the report may name (those commented on and those compared with);
    ``cover`` the ones it has a part for (default: those with comments, in ``plans`` order,
    then any others commented on). ``benchmark``, ``findings`` (by plan id) and ``coverage``
    (of a reference plan by the plans covered) make the appendices of the report form: only
    what the comments concern, unless ``options.full_appendices``.
    """
    options = options or ReportOptions()
    words = ReportWords(options.lang, plans)
    live = reported(comments, options)
    commented = list(dict.fromkeys([*(p for p in plans if any(c.plan == p for c in live))]))
    commented += [c.plan for c in live if c.plan not in commented]
    plan_ids = list(dict.fromkeys(cover)) if cover else commented
    by_plan = {
        p: _in_document_order([c for c in live if c.plan == p], plans.get(p)) for p in plan_ids
    }
    title = options.title or report_title(plans, plan_ids, options.lang, options.table)
    out: list[str] = [f"# {escape_inline(title)}", ""]
    if options.table:
        out += form_table(words, options.sender, options.date, by_plan)
        return _joined(out)
    if options.date is not None:
        out += [words("report_date", date=date_text(options.date, options.lang)), ""]
    groups = {p: group_near_duplicates(cs) for p, cs in by_plan.items()}
    part = 1
    out += _overview(words, plan_ids, [c for cs in by_plan.values() for c in cs], groups, part)
    number = 0
    for plan_id in plan_ids:
        part += 1
        name = words("report_comments_on", name=words.plan_title(plan_id))
        out += [f"## {_ordinal_heading(part, options.lang)}{name}", ""]
        for group in groups[plan_id]:
            number += 1
            out += _comment_block(words, group, number)
        if not groups[plan_id]:
            out += [words("report_no_comments"), ""]
    out += _appendices(
        words, plan_ids, live, benchmark, findings, options.full_appendices, coverage
    )
    return _joined(out)


def _joined(lines: list[str]) -> str:
    return "\n".join(lines).rstrip("\n") + "\n"


def numeral(n: int, style: str) -> str:
    """``n`` written in a numbering style the catalogue names: chinese (三), latin (C) or
    arabic (3)."""
    if style == "chinese":
        return chinese_numeral(n)
    if style == "latin":
        return chr(ord("A") + n - 1)
    return str(n)


def _ordinal_heading(n: int, lang: str) -> str:
    return t("report_part_number", lang, n=numeral(n, t("report_part_numerals", lang)))


def _natural_key(section_id: str | None) -> tuple[int, ...]:
    if section_id is None:
        return (1_000_000,)
    return tuple(int(p) if p.isdigit() else 0 for p in section_id.split("."))


def _in_document_order(comments: list[Comment], plan: Plan | None) -> list[Comment]:
    """By section in document order, then by position in the section, then oldest first;
    comments whose section is gone come last."""
    order = {s.id: i for i, s in enumerate(plan.walk())} if plan is not None else {}

    def key(c: Comment) -> tuple[int, tuple[int, ...], int, str, str]:
        section = c.anchor.section
        placed = 0 if section is not None else 1
        index = order.get(section, len(order)) if section is not None else len(order)
        start = c.anchor.position.start if c.anchor.position else -1
        return (placed, (index, *_natural_key(section)), start, c.created.isoformat(), c.id)

    return sorted(comments, key=key)


# --- the overview ------------------------------------------------------------------------------


def _overview(
    words: ReportWords,
    plan_ids: list[str],
    live: list[Comment],
    groups: Mapping[str, list[CommentGroup]],
    part: int,
) -> list[str]:
    w = words
    out = [f"## {_ordinal_heading(part, w.lang)}{w('report_overview')}", ""]
    out += [f"**{w('report_plans')}**", ""]
    for plan_id in plan_ids:
        plan = w.plans.get(plan_id)
        version = escape_inline(version_text(plan.meta, w.lang)) if plan else "—"
        out.append(f"- {w('report_plan_line', name=w.plan_title(plan_id), version=version)}")
    out += ["", f"**{w('report_reviewers')}**", ""]
    authors = Counter((c.organisation, c.reviewer) for c in live)
    if not authors:
        out.append(w("report_none"))
    for (org, reviewer), n in sorted(authors.items()):
        out.append(f"- {w('report_reviewer_line', who=w.who(reviewer, org), n=n)}")
    summary = w("report_total", n=len(live))
    drafts = sum(1 for c in live if c.status is Status.DRAFT)
    if drafts:
        summary += w("report_drafts", n=drafts)
    merged = sum(1 for gs in groups.values() for g in gs if g.count > 1)
    if merged:
        summary += w("report_grouped", n=merged)
    out += ["", f"**{w('report_summary')}**{w('colon')}{summary}", ""]
    categories = Counter(c.category for c in live)
    rows = [(w.category(cat), categories.get(cat.value, 0)) for cat in Category]
    rows += [(escape_inline(k), n) for k, n in sorted(categories.items()) if k not in set(Category)]
    out += _count_table(w, w("report_category"), rows)
    dispositions = Counter(c.disposition for c in live)
    rows = [(term(d, w.lang), dispositions.get(d, 0)) for d in Disposition]
    out += _count_table(w, w("report_disposition"), rows)
    return out


def _count_table(words: ReportWords, head: str, rows: list[tuple[str, int]]) -> list[str]:
    out = [f"| {head} | {words('report_count')} |", "| --- | ---: |"]
    out += [f"| {label} | {n} |" for label, n in rows]
    out += [f"| {words('report_sum')} | {sum(n for _, n in rows)} |", ""]
    return out


# --- one comment -------------------------------------------------------------------------------


def _quote_lines(paragraphs: Sequence[str]) -> list[str]:
    """Escaped paragraphs as one blockquote."""
    lines: list[str] = []
    for i, p in enumerate(paragraphs):
        if i:
            lines.append(">")
        lines.append(f"> {p}")
    return lines


def _comment_block(words: ReportWords, group: CommentGroup, number: int) -> list[str]:
    w = words
    c = group.first
    mark = w("report_draft_mark") if c.status is Status.DRAFT else ""
    heading = w("report_comment_heading", n=number, place=w.comment_place(c)) + mark
    out = [f"### {heading}", ""]
    original = original_texts(w, c)
    out += [f"**{w('report_original')}**", ""]
    out += (_quote_lines(original) if original else [whole_section(w, c)]) + [""]
    own = c.quoted or c.anchor.exact
    if c.anchor.state is AnchorState.FUZZY and c.anchor.exact and c.anchor.exact != own:
        current = escape_paragraphs(c.anchor.exact)
        out += [f"**{w('report_current')}**", "", *_quote_lines(current), ""]
    out += _reference_block(w, c)
    out += [f"**{w.category_label(c.category)}**", "", *contain_markdown(c.body), ""]
    if c.suggestion.strip():
        suggestion = escape_paragraphs(c.suggestion)
        out += [f"**{w('report_suggestion')}**", "", *_quote_lines(suggestion), ""]
    if c.rationale.strip():
        out += [f"**{w('report_rationale')}**", "", *_paragraphs(c.rationale), ""]
    out += [f"**{w('report_disposition')}**{w('colon')}{disposition_text(w, c)}", ""]
    out += _facts(w, c)
    if group.count > 1:
        out += ["", f"**{w('report_duplicates', n=group.count)}**", ""]
        for other in group.comments[1:]:
            who = w.who(other.reviewer, other.organisation)
            decision = w("paren", text=term(other.disposition, w.lang))
            out.append(f"- {who}{w('colon')}{escape_inline(other.body)}{decision}")
    return [*out, ""]


def _paragraphs(text: str) -> list[str]:
    """Escaped paragraphs separated by blank lines."""
    out: list[str] = []
    for p in escape_paragraphs(text):
        out += ["", p] if out else [p]
    return out


def _facts(words: ReportWords, c: Comment) -> list[str]:
    """Reviewer, category and stance (and how the anchor holds): one paragraph, a line each.

    Not a list: a body that ends in a list would swallow it (adjacent lists merge).
    """
    w = words
    lines = [f"{w('report_reviewer')}{w('colon')}{w.who(c.reviewer, c.organisation)}"]
    stance = term(c.stance, w.lang)
    lines.append(w("report_category_stance", category=w.category(c.category), stance=stance))
    lines += _anchor_note(w, c)
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


def _anchor_note(words: ReportWords, c: Comment) -> list[str]:
    """A line telling the reader how the anchor holds, when it does not simply hold."""
    anchor = c.anchor
    state = anchor.state
    if state is AnchorState.FUZZY:
        note = words("report_state_fuzzy")
        if anchor.score is not None:
            note += words("paren", text=words("report_score", score=anchor.score))
    elif state is AnchorState.AMBIGUOUS:
        note = words("report_state_ambiguous", n=max(2, len(anchor.candidates)))
    elif state is AnchorState.ORPHANED:
        note = words("report_state_orphaned" if anchor.section else "report_state_gone")
    else:
        return []
    return [f"{words('report_anchor')}{words('colon')}{note}"]


def _reference_block(words: ReportWords, c: Comment) -> list[str]:
    """What else the comment is about: the other plan of a pair, the targets, the finding."""
    w, ref = words, c.reference
    if isinstance(ref, PairRef):
        place = escape_inline(w.place(ref.plan, ref.anchor))
        return [f"**{w('report_pair')}**{w('colon')}{w.short_name(ref.plan)} {place}", ""]
    if isinstance(ref, TargetRef):
        out = [f"**{w('report_target')}**", ""]
        for f in ref.targets:
            line = w(
                "report_target_line",
                plan=w.short_name(f.plan),
                indicator=escape_inline(f.indicator),
                figure=w.figure(f),
            )
            out.append(f"- {line}")
        note = ref.note_text(w.lang)
        if note:
            out.append(f"- {w('report_target_note')}{w('colon')}{escape_inline(note)}")
        return [*out, ""]
    if isinstance(ref, FindingRef):
        return [f"**{w('report_finding')}**{w('colon')}{finding_line(w, ref)}", ""]
    if isinstance(ref, CoverageRef):
        said = w(
            "report_coverage_line",
            ref=w.plan_title(ref.plan),
            place=escape_inline(w.place(ref.plan, ref.anchor)),
            verdict=w(f"verdict_{ref.verdict}"),
            score=ref.score,
        )
        return [f"**{w('report_coverage_about')}**{w('colon')}{said}", ""]
    return []


# --- appendices --------------------------------------------------------------------------------


def _appendices(
    words: ReportWords,
    plan_ids: list[str],
    live: list[Comment],
    benchmark: Benchmark | None,
    findings: Mapping[str, Sequence[Finding]] | None,
    full: bool,
    coverage: Coverage | None = None,
) -> list[str]:
    """What the comments concern (the targets commented on, the findings turned into
    comments, the units of the reference plan commented on), or everything with ``full``;
    an appendix with nothing in it is left out (the coverage appendix always counts each
    plan's verdicts)."""
    out: list[str] = []
    n = 0
    if benchmark is not None:
        appendix = benchmark_appendix(words, benchmark, n + 1, Concern.of(live, full))
        n += bool(appendix)
        out += appendix
    if findings is not None:
        turned = {
            (c.plan, c.reference.kind, c.reference.section)
            for c in live
            if isinstance(c.reference, FindingRef)
        }
        chosen = {
            p: [f for f in findings.get(p, []) if full or (p, f.kind, f.section) in turned]
            for p in plan_ids
        }
        if any(chosen.values()):
            n += 1
            out += _findings_appendix(words, plan_ids, chosen, n)
    if coverage is not None:
        from plancompare.report.coverage import CoverageConcern, coverage_appendix

        concern = CoverageConcern.of(live, coverage.ref.id, full)
        number = _appendix_number(n + 1, words.lang)
        out += coverage_appendix(words, coverage, plan_ids, number, concern)
    return out


def _appendix_number(n: int, lang: str) -> str:
    return numeral(n, t("report_appendix_numerals", lang))


@dataclass(slots=True)
class Concern:
    """Which targets the comments are about: the benchmark rows an appendix keeps."""

    figures: set[tuple[str, str, str, int | None]]
    """Every figure of every target comment: (plan, section, indicator, year)."""
    everything: bool = False
    """Keep every row (the full appendix)."""

    @classmethod
    def of(cls, comments: Sequence[Comment], everything: bool = False) -> Concern:
        """What ``comments`` are about."""
        return cls(
            {
                (f.plan, f.section, f.indicator, f.year)
                for c in comments
                if isinstance(c.reference, TargetRef)
                for f in c.reference.targets
            },
            everything,
        )

    def row(self, row: ConceptRow) -> bool:
        """Whether a row of the benchmark states a target some comment is about."""
        return self.everything or any(
            (cell.plan, t.section, t.indicator, t.year) in self.figures
            for cell in row.cells.values()
            for t in cell.sources
        )


def benchmark_appendix(
    words: ReportWords, benchmark: Benchmark, n: int, concern: Concern
) -> list[str]:
    """Appendix ``n``: the benchmark rows the comments are about (all with a full
    ``concern``): the matrix of the concepts of several plans, then those one plan alone
    states; [] when there is none."""
    w = words
    rows = [r for r in benchmark.rows if concern.row(r)]
    if not rows:
        return []
    title = w("report_appendix", n=_appendix_number(n, w.lang), title=w("report_benchmark"))
    out = [f"## {title}", ""]
    shared = [r for r in rows if len(r.cells) > 1]
    if shared:
        out += benchmark_markdown(benchmark, w.lang, w.short_name, rows=shared)
    for plan in benchmark.plans:
        alone = [r for r in rows if list(r.cells) == [plan.id]]
        if alone:
            out += [f"**{w('report_only_in', name=w.plan_title(plan.id))}**", ""]
            out += [
                f"- {escape_inline(r.concept)} "
                + escape_inline(cell_text(r.cells[plan.id], w.lang, r.concept))
                for r in alone
            ]
            out.append("")
    return out


def _findings_appendix(
    words: ReportWords, plan_ids: list[str], findings: Mapping[str, Sequence[Finding]], n: int
) -> list[str]:
    w = words
    title = w("report_appendix", n=_appendix_number(n, w.lang), title=w("report_findings"))
    out = [f"## {title}", ""]
    for plan_id in plan_ids:
        found = findings.get(plan_id, [])
        if not found:
            continue
        out += [f"### {w.plan_title(plan_id)}", ""]
        plan = w.plans.get(plan_id)
        for f in found:
            where = ""
            if f.section is not None and plan is not None:
                where = escape_inline(section_place(plan, f.section, w.lang)) + w("colon")
            out.append(f"- {where}{finding_line(w, f)}")
        out.append("")
    return out


# --- the report as the front ends ask for it ---------------------------------------------------


@dataclass(slots=True)
class FeedbackReport:
    """A report ready to be written, and what the reviewer should be told about it."""

    markdown: str
    """The report as Markdown (HTML and Word are rendered from it)."""
    title: str
    """The report's title."""
    plans: dict[str, Plan]
    """The plans it names, by id."""
    comments: int
    """How many comments it holds."""
    notes: list[str]
    """Things worth a line to the reviewer (a plan missing, comments on an older version)."""
    options: ReportOptions
    """How it was laid out."""

    def render(self, fmt: str = "md") -> str | bytes:
        """The report in ``fmt``: Markdown or HTML text, or the bytes of a Word document."""
        if fmt == "html":
            from plancompare.report.html import render_html

            return render_html(self.markdown, self.title, self.options.lang, self.options.table)
        if fmt == "docx":
            from plancompare.report.docx import render_docx

            return render_docx(self.markdown, self.title, self.options.lang, self.options.table)
        return self.markdown


def commented_plans(comments: Sequence[Comment]) -> list[str]:
    """Plans with comments, the first commented on first."""
    ids = [c.plan for c in sorted(comments, key=lambda c: (c.created, c.id))]
    return list(dict.fromkeys(ids))


def _referenced_plans(comments: Sequence[Comment]) -> list[str]:
    ids = [c.reference.plan for c in comments if isinstance(c.reference, PairRef | CoverageRef)]
    ids += [
        f.plan for c in comments if isinstance(c.reference, TargetRef) for f in c.reference.targets
    ]
    return list(dict.fromkeys(ids))


def compose_report(
    comments: Sequence[Comment],
    load_plan: Callable[[str], Plan],
    plan_ids: Sequence[str] = (),
    options: ReportOptions | None = None,
    embedder: Embedder | None = None,
    reference: Plan | None = None,
    coverage: Coverage | None = None,
) -> FeedbackReport:
    """The whole feedback report as the CLI and the TUI produce it.

    Covers ``plan_ids`` (default: the plans commented on), names the plans compared with, and
    appends what the comments concern of each plan's findings and, when two plans are
    covered or compared, of their target benchmark (names compared with ``embedder``). With a
    ``reference`` plan (上位规划) it appends how each plan covered takes it up (对上位规划的衔接
    情况): from ``coverage`` when that judged them all (the workspace's), else computed here.
    """
    from plancompare.checks import check_plan
    from plancompare.targets.benchmark import benchmark_plans

    options = options or ReportOptions()
    live = reported(comments, options)
    ids = list(plan_ids) or commented_plans(live)
    if not ids:
        raise PlanError(None, "err_no_comments_yet")
    notes: list[str] = []
    plans: dict[str, Plan] = {}
    for plan_id in [*ids, *_referenced_plans(live)]:
        if plan_id in plans:
            continue
        try:
            plans[plan_id] = load_plan(plan_id)
        except PlanError:
            if plan_id in ids:
                notes.append(t("report_note_missing", options.lang, plan=plan_id))
    for plan_id, plan in plans.items():
        stale = sum(1 for c in live if c.plan == plan_id and c.plan_version != plan.meta.version)
        if stale:
            notes.append(t("report_note_stale", options.lang, n=stale, plan=plan_id))
    findings = None
    benchmark = None
    if not options.table:
        findings = {p: check_plan(plans[p]) for p in ids if p in plans}
        compared = list(plans.values())  # those covered, then those compared with
        if len(compared) >= 2:
            benchmark = benchmark_plans(compared, embedder)
    judged = None
    if reference is not None and not options.table:
        plans.setdefault(reference.id, reference)
        lower = [plans[p] for p in ids if p in plans and p != reference.id]
        judged = _coverage_of(reference, lower, coverage, embedder)
    text = build_report(
        comments,
        plans,
        cover=ids,
        benchmark=benchmark,
        findings=findings,
        options=options,
        coverage=judged,
    )
    title = options.title or report_title(plans, ids, options.lang, options.table)
    return FeedbackReport(text, title, plans, len(live), notes, options)


def _coverage_of(
    reference: Plan, lower: list[Plan], given: Coverage | None, embedder: Embedder | None
) -> Coverage | None:
    """How ``lower`` take up ``reference``: ``given`` when it judged every one of them against
    that plan, else computed (with each target row's benchmark entries); None without plans."""
    if not lower:
        return None
    if given is not None and given.ref.id == reference.id:
        judged = {p.id for p in given.plans if all(p.id in r.cells for r in given.rows)}
        if all(p.id in judged for p in lower):
            return given
    from plancompare.coverage import coverage
    from plancompare.coverage.benchmark import benchmark_hook
    from plancompare.targets.benchmark import benchmark_plans

    hook = benchmark_hook(benchmark_plans([reference, *lower], embedder), reference)
    return coverage(reference, lower, embedder, benchmark=hook)
