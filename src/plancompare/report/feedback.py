"""The consolidated feedback report (意见反馈) in Markdown, and as a standalone HTML page.

:func:`build_report` is the one function the CLI and the TUI call. User text never breaks the
document: one-line fields and quotes are escaped (a ``|``, ``#`` or backtick shows as itself),
and a comment body keeps its inline Markdown (emphasis, code, links, lists) while headings,
fences, tables and raw HTML in it are neutralised.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from plancompare.errors import PlanError
from plancompare.model import Benchmark, Finding, Plan, Target
from plancompare.report.benchmark import benchmark_markdown, inline_charts, plan_names
from plancompare.review.merge import CommentGroup, group_near_duplicates
from plancompare.review.model import (
    CHINESE,
    AnchorState,
    Category,
    Comment,
    Disposition,
    FindingRef,
    PairRef,
    Stance,
    TargetFigure,
    TargetRef,
)
from plancompare.text.numbers import chinese_numeral

if TYPE_CHECKING:
    from plancompare.embed import Embedder

LANGUAGES = ("zh", "en")

#: Every heading and label of the report, by language.
LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "关于{plans}的意见反馈",
        "and": "和",
        "list_sep": "、",
        "plan_name": "《{title}》",
        "status": "（{status}）",
        "date": "生成日期：{date}",
        "overview": "基本情况",
        "plans": "对照规划",
        "plan_line": "{name}：{id}，第 {version} 版",
        "reviewers": "提出意见单位及人员",
        "reviewer_line": "{who}：{n} 条",
        "summary": "意见概况",
        "total": "共 {n} 条意见",
        "grouped": "，其中 {n} 组同类意见合并列出",
        "category": "类别",
        "disposition": "处理意见",
        "count": "条数",
        "sum": "合计",
        "comments_on": "对{name}的意见",
        "no_comments": "（暂无意见）",
        "comment_heading": "第 {n} 条　{path}",
        "original": "原文",
        "whole_section": "（针对本节整体）",
        "current": "新版本中的文本",
        "comment": "修改意见",
        "suggestion": "建议修改为",
        "rationale": "理由或依据",
        "reviewer": "提出人",
        "stance": "立场",
        "anchor": "定位",
        "score": "相似度 {score}",
        "state_fuzzy": "原文在新版本中有改动，已按相近文本定位",
        "state_ambiguous": "新版本中有 {n} 处相近文本，需人工确认",
        "state_orphaned": "原文在新版本中已删除或改写",
        "state_gone": "所在章节在新版本中已删除",
        "pair": "对照条款",
        "target": "涉及指标",
        "finding": "检查发现",
        "duplicates": "同类意见 {n} 条",
        "deleted_section": "（原章节：{path}，已删除）",
        "no_section": "（章节不详）",
        "appendix": "附录{n}　{title}",
        "benchmark": "指标对照表",
        "findings": "一致性检查结果",
        "indicator": "指标",
        "value": "目标值",
        "note": "差异说明",
        "only_in": "仅{name}提出的指标",
        "none": "无。",
        "no_findings": "未发现问题。",
        "section_ref": "第 {id} 节",
        "year": "（{year} 年）",
        "about": "约",
        "table_heads": "序号|章节条款|原文|修改意见|理由|提出单位",
        "see_also": "对照",
        "suggest_inline": "建议修改为：{text}",
        "colon": "：",
        "kind": "〔{kind}〕",
        "sep": "；",
        "open": "（",
        "close": "）",
    },
    "en": {
        "title": "Feedback on {plans}",
        "and": " and ",
        "list_sep": ", ",
        "plan_name": "{title}",
        "status": " ({status})",
        "date": "Date: {date}",
        "overview": "Overview",
        "plans": "Plans compared",
        "plan_line": "{name}: {id}, version {version}",
        "reviewers": "Reviewers and organisations",
        "reviewer_line": "{who}: {n}",
        "summary": "Comments",
        "total": "{n} comment(s)",
        "grouped": "; {n} group(s) of near-duplicate comments shown together",
        "category": "Category",
        "disposition": "Disposition",
        "count": "Count",
        "sum": "Total",
        "comments_on": "Comments on {name}",
        "no_comments": "(no comments)",
        "comment_heading": "Comment {n} — {path}",
        "original": "Original text",
        "whole_section": "(the section as a whole)",
        "current": "Text in the new version",
        "comment": "Comment",
        "suggestion": "Suggested wording",
        "rationale": "Rationale",
        "reviewer": "Reviewer",
        "stance": "Stance",
        "anchor": "Anchor",
        "score": "similarity {score}",
        "state_fuzzy": "the text changed in the new version; anchored to similar text",
        "state_ambiguous": "{n} similar passages in the new version; needs a person to choose",
        "state_orphaned": "the quoted text was removed or rewritten in the new version",
        "state_gone": "the section was removed in the new version",
        "pair": "Aligned passage",
        "target": "Targets",
        "finding": "Finding",
        "duplicates": "{n} similar comments",
        "deleted_section": "(was: {path}, removed)",
        "no_section": "(section unknown)",
        "appendix": "Appendix {n}: {title}",
        "benchmark": "Targets side by side",
        "findings": "Consistency findings",
        "indicator": "Indicator",
        "value": "Target",
        "note": "Difference",
        "only_in": "Targets only in {name}",
        "none": "None.",
        "no_findings": "No findings.",
        "section_ref": "section {id}",
        "year": " ({year})",
        "about": "about ",
        "table_heads": "No.|Section|Original text|Comment|Rationale|Organisation",
        "see_also": "compare",
        "suggest_inline": "suggested wording: {text}",
        "colon": ": ",
        "kind": "[{kind}] ",
        "sep": "; ",
        "open": " (",
        "close": ")",
    },
}

#: English names of the comment's enum values (the Chinese ones are in ``review.model``).
ENGLISH: dict[StrEnum, str] = {
    Category.AMEND: "Amend",
    Category.ADD: "Add",
    Category.DELETE: "Delete",
    Category.QUESTION: "Question",
    Category.OTHER: "Other",
    Stance.SUPPORT: "Support",
    Stance.OPPOSE: "Oppose",
    Stance.NEUTRAL: "Neutral",
    Disposition.PENDING: "Pending",
    Disposition.ACCEPTED: "Accepted",
    Disposition.PARTLY: "Partly accepted",
    Disposition.REJECTED: "Not accepted",
}

#: Readers' names for the finding kinds of :mod:`plancompare.checks` (others show as their key).
FINDING_KINDS: dict[str, dict[str, str]] = {
    "zh": {
        "missing-heading": "缺失标题",
        "numbering-gap": "编号缺漏",
        "duplicate-number": "编号重复",
        "out-of-sequence": "编号顺序有误",
        "target-conflict": "目标数值矛盾",
        "target-unit-mismatch": "计量单位不一",
        "target-year-outside-period": "目标年份超出规划期",
        "cumulative-decrease": "累计目标减少",
        "table-years-order": "表中年份顺序有误",
        "table-direction": "指标走向反复",
    },
    "en": {
        "missing-heading": "missing heading",
        "numbering-gap": "numbering gap",
        "duplicate-number": "duplicate number",
        "out-of-sequence": "out of sequence",
        "target-conflict": "conflicting targets",
        "target-unit-mismatch": "unit mismatch",
        "target-year-outside-period": "year outside the plan period",
        "cumulative-decrease": "cumulative target decreases",
        "table-years-order": "table years out of order",
        "table-direction": "table values turn back",
    },
}

_COMPARATORS = {">=": "≥", "<=": "≤", "=": "", "range": ""}


@dataclass(slots=True)
class ReportOptions:
    """How the report is laid out."""

    lang: str = "zh"
    """``zh`` (Chinese headings and labels) or ``en``."""
    table: bool = False
    """The 意见反馈表 form: one table row per comment instead of a section per comment."""
    date: date | None = None
    """The date printed under the title (None: no date line)."""
    title: str | None = None
    """A title of the user's own, instead of one naming the plans."""


# --- escaping ----------------------------------------------------------------------------------

# Characters that start Markdown inline syntax anywhere in a line (ASCII only: Chinese
# punctuation is inert).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
_LIST_MARKER = re.compile(r"^([-+*])(?=\s|$)")
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_UNDERLINE = re.compile(r"^[=-]+\s*$")


def escape_inline(text: str) -> str:
    """User text as one line of literal Markdown (newlines become spaces)."""
    line = " ".join(part.strip() for part in text.splitlines() if part.strip())
    return _escape_line_start(_INLINE_SPECIAL.sub(r"\\\1", line))


def _escape_line_start(line: str) -> str:
    line = _LIST_MARKER.sub(r"\\\1", line)
    line = _ORDERED_MARKER.sub(r"\1\\\2", line)
    if _UNDERLINE.match(line):
        line = "\\" + line
    return line


def escape_paragraphs(text: str) -> list[str]:
    """User or plan text as literal Markdown paragraphs, one per line of the text."""
    return [escape_inline(line) for line in text.splitlines() if line.strip()]


_BODY_FENCE = re.compile(r"^(\s{0,3})(`{3,}|~{3,})")
_BODY_HEADING = re.compile(r"^(\s{0,3})(#{1,6})(?=\s|$)")
_BODY_SPECIAL = re.compile(r"([|<])")


_BODY_ITEM = re.compile(r"^\s{0,3}([-+*]|\d{1,9}[.)])\s")


def contain_markdown(text: str) -> list[str]:
    """A comment body as Markdown lines that cannot reach outside the comment: inline markup
    and lists are kept; headings, setext underlines, fences, tables and HTML are made literal.
    Each line of the body is a paragraph (a reviewer's line break means one), except that the
    items of a list stay together."""
    lines: list[str] = []
    for raw in text.strip().splitlines():
        if not raw.strip():
            continue
        line = _BODY_SPECIAL.sub(r"\\\1", raw.rstrip())
        line = _BODY_FENCE.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        line = _BODY_HEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        if _UNDERLINE.match(line.lstrip()):
            line = "\\" + line.lstrip()
        if lines and not (_BODY_ITEM.match(line) and _BODY_ITEM.match(lines[-1])):
            lines.append("")
        lines.append(line)
    return lines


_CELL_BACKSLASH = re.compile(r"\\(?=\||$)")


def contain_cell(text: str) -> str:
    """A comment body inside one table cell: inline markup kept, on one line, and nothing that
    could end the cell or the table (pipes, raw HTML, a trailing backslash)."""
    line = " ".join(part.strip() for part in text.splitlines() if part.strip())
    line = _CELL_BACKSLASH.sub(r"\\\\", line)
    return _BODY_SPECIAL.sub(r"\\\1", line)


# --- words -------------------------------------------------------------------------------------


def value_label(value: StrEnum | str, lang: str) -> str:
    """The reader's word for an enum value (or a project's own category, as written)."""
    if isinstance(value, str) and not isinstance(value, StrEnum):
        try:
            value = Category(value)
        except ValueError:
            return value
    if lang == "en":
        return ENGLISH.get(value, str(value))
    return CHINESE.get(value, str(value))


def _chinese(n: int) -> str:
    """3 → 三."""
    return chinese_numeral(n)


def _ordinal_heading(n: int, lang: str) -> str:
    return f"{_chinese(n)}、" if lang == "zh" else f"{n}. "


def _appendix_number(n: int, lang: str) -> str:
    return _chinese(n) if lang == "zh" else chr(ord("A") + n - 1)


class _Words:
    """Labels of one language, and names of the plans in the report."""

    def __init__(self, lang: str, plans: Mapping[str, Plan]) -> None:
        if lang not in LABELS:
            raise ValueError(f"unknown report language {lang!r} (use {', '.join(LANGUAGES)})")
        self.lang = lang
        self.labels = LABELS[lang]
        self.plans = plans

    def __getitem__(self, key: str) -> str:
        return self.labels[key]

    def plan_name(self, plan_id: str, escape: bool = True) -> str:
        plan = self.plans.get(plan_id)
        title = (plan.meta.title if plan else "") or plan_id
        if plan is not None and plan.meta.status and plan.meta.status not in title:
            title += self.labels["status"].format(status=plan.meta.status)
        name = self.labels["plan_name"].format(title=title)
        return escape_inline(name) if escape else name

    def short_name(self, plan_id: str) -> str:
        """The plan's region (陆河县), else its id: for table headings and figures."""
        plan = self.plans.get(plan_id)
        return escape_inline((plan.meta.region if plan else None) or plan_id)

    def finding_kind(self, kind: str) -> str:
        """The reader's name for a finding kind, bracketed."""
        name = escape_inline(FINDING_KINDS[self.lang].get(kind, kind))
        return self.labels["kind"].format(kind=name)

    def who(self, reviewer: str, organisation: str) -> str:
        """张三（某某局）, or whichever of the two is known."""
        if organisation and reviewer:
            return (
                escape_inline(reviewer) + self["open"] + escape_inline(organisation) + self["close"]
            )
        return escape_inline(reviewer or organisation or "—")


# --- the report --------------------------------------------------------------------------------


def report_title(plans: Mapping[str, Plan], plan_ids: Sequence[str], lang: str = "zh") -> str:
    """The report's title, naming its plans (plain text, not escaped)."""
    words = _Words(lang, plans)
    names = [words.plan_name(p, escape=False) for p in plan_ids]
    if len(names) <= 2:
        joined = words["and"].join(names)
    else:
        joined = words["list_sep"].join(names[:-1]) + words["and"] + names[-1]
    return words["title"].format(plans=joined)


def build_report(
    comments: Sequence[Comment],
    plans: Mapping[str, Plan],
    *,
    benchmark: Benchmark | None = None,
    findings: Mapping[str, Sequence[Finding]] | None = None,
    options: ReportOptions | None = None,
) -> str:
    """The Markdown feedback report on ``comments`` (live ones; deleted ones are skipped).

    ``plans`` gives the plans by id, in the order the report presents them; a comment on a plan
    missing from it is still reported, from what the comment itself records. ``benchmark`` and
    ``findings`` (by plan id) make the appendices.
    """
    options = options or ReportOptions()
    words = _Words(options.lang, plans)
    live = [c for c in comments if c.deleted is None]
    plan_ids = list(dict.fromkeys([*plans, *(c.plan for c in live)]))
    by_plan = {
        p: _in_document_order([c for c in live if c.plan == p], plans.get(p)) for p in plan_ids
    }
    groups = {p: group_near_duplicates(cs) for p, cs in by_plan.items()}
    title = options.title or report_title(plans, plan_ids, options.lang)

    out: list[str] = [f"# {escape_inline(title)}", ""]
    if options.date is not None:
        out += [words["date"].format(date=options.date.isoformat()), ""]
    part = 1
    out += _overview(words, plan_ids, live, groups, part)
    number = 0
    for plan_id in plan_ids:
        part += 1
        heading = _ordinal_heading(part, options.lang)
        out += [f"## {heading}{words['comments_on'].format(name=words.plan_name(plan_id))}", ""]
        if options.table and groups[plan_id]:
            rows, number = _comment_table(words, groups[plan_id], number)
            out += rows
        else:
            for group in groups[plan_id]:
                number += 1
                out += _comment_block(words, group, number)
        if not groups[plan_id]:
            out += [words["no_comments"], ""]
    appendix = 0
    if benchmark is not None:
        appendix += 1
        out += _benchmark_appendix(words, benchmark, appendix)
    if findings is not None:
        appendix += 1
        out += _findings_appendix(words, plan_ids, findings, appendix)
    return "\n".join(out).rstrip("\n") + "\n"


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


def _overview(
    words: _Words,
    plan_ids: list[str],
    live: list[Comment],
    groups: Mapping[str, list[CommentGroup]],
    part: int,
) -> list[str]:
    out = [f"## {_ordinal_heading(part, words.lang)}{words['overview']}", ""]
    out += [f"**{words['plans']}**", ""]
    for plan_id in plan_ids:
        plan = words.plans.get(plan_id)
        version = (
            plan.meta.version
            if plan
            else max((c.plan_version for c in live if c.plan == plan_id), default=1)
        )
        line = words["plan_line"].format(
            name=words.plan_name(plan_id), id=escape_inline(plan_id), version=version
        )
        out.append(f"- {line}")
    out += ["", f"**{words['reviewers']}**", ""]
    authors = Counter((c.organisation, c.reviewer) for c in live)
    if not authors:
        out.append(words["none"])
    for (org, reviewer), n in sorted(authors.items()):
        out.append(f"- {words['reviewer_line'].format(who=words.who(reviewer, org), n=n)}")
    merged = sum(1 for gs in groups.values() for g in gs if g.count > 1)
    summary = words["total"].format(n=len(live))
    if merged:
        summary += words["grouped"].format(n=merged)
    out += ["", f"**{words['summary']}**{words['colon']}{summary}", ""]
    categories = Counter(c.category for c in live)
    rows = [(value_label(cat, words.lang), categories.get(cat.value, 0)) for cat in Category]
    rows += [(escape_inline(k), n) for k, n in sorted(categories.items()) if k not in set(Category)]
    out += _count_table(words["category"], words, rows)
    dispositions = Counter(c.disposition for c in live)
    out += _count_table(
        words["disposition"],
        words,
        [(value_label(d, words.lang), dispositions.get(d, 0)) for d in Disposition],
    )
    return out


def _count_table(head: str, words: _Words, rows: list[tuple[str, int]]) -> list[str]:
    out = [f"| {head} | {words['count']} |", "| --- | ---: |"]
    out += [f"| {label} | {n} |" for label, n in rows]
    out += [f"| {words['sum']} | {sum(n for _, n in rows)} |", ""]
    return out


def _path_text(words: _Words, comment: Comment) -> str:
    anchor = comment.anchor
    path = " › ".join(anchor.path)
    if anchor.section is None:
        return (
            words["deleted_section"].format(path=escape_inline(path))
            if path
            else words["no_section"]
        )
    return (
        escape_inline(path)
        if path
        else escape_inline(words["section_ref"].format(id=anchor.section))
    )


def _quote_lines(text: str) -> list[str]:
    paragraphs = escape_paragraphs(text)
    lines: list[str] = []
    for i, p in enumerate(paragraphs):
        if i:
            lines.append(">")
        lines.append(f"> {p}")
    return lines


def _original(comment: Comment) -> str:
    return comment.quoted or comment.anchor.exact


def _anchor_note(words: _Words, comment: Comment) -> list[str]:
    """A line telling the reader how the anchor holds, when it does not simply hold."""
    anchor = comment.anchor
    state = anchor.state
    if state is AnchorState.FUZZY:
        note = words["state_fuzzy"]
        if anchor.score is not None:
            note += words["open"] + words["score"].format(score=anchor.score) + words["close"]
    elif state is AnchorState.AMBIGUOUS:
        note = words["state_ambiguous"].format(n=max(2, len(anchor.candidates)))
    elif state is AnchorState.ORPHANED:
        note = words["state_orphaned"] if anchor.section is not None else words["state_gone"]
    else:
        return []
    return [f"{words['anchor']}{words['colon']}{note}"]


def _comment_block(words: _Words, group: CommentGroup, number: int) -> list[str]:
    c = group.first
    out = [f"### {words['comment_heading'].format(n=number, path=_path_text(words, c))}", ""]
    original = _original(c)
    out += [f"**{words['original']}**", ""]
    out += (_quote_lines(original) if original else [words["whole_section"]]) + [""]
    if c.anchor.state is AnchorState.FUZZY and c.anchor.exact and c.anchor.exact != original:
        out += [f"**{words['current']}**", "", *_quote_lines(c.anchor.exact), ""]
    out += _reference_block(words, c)
    out += [f"**{words['comment']}**", "", *contain_markdown(c.body), ""]
    if c.suggestion.strip():
        out += [f"**{words['suggestion']}**", "", *_quote_lines(c.suggestion), ""]
    if c.rationale.strip():
        out += [f"**{words['rationale']}**", "", *escape_paragraphs(_join_lines(c.rationale)), ""]
    out += _facts(words, c)
    if group.count > 1:
        out += ["", f"**{words['duplicates'].format(n=group.count)}**", ""]
        for other in group.comments[1:]:
            body = escape_inline(other.body)
            who = words.who(other.reviewer, other.organisation)
            disposition = (
                words["open"] + value_label(other.disposition, words.lang) + words["close"]
            )
            out.append(f"- {who}{words['colon']}{body}{disposition}")
    return [*out, ""]


def _join_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip())


def _facts(words: _Words, c: Comment) -> list[str]:
    """Reviewer, category, stance, disposition (and anchor): one paragraph, a line each.

    Not a list: a body that ends in a list would swallow it (adjacent lists merge).
    """
    w = words
    lines = [f"{w['reviewer']}{w['colon']}{w.who(c.reviewer, c.organisation)}"]
    lines.append(
        f"{w['category']}{w['colon']}{escape_inline(value_label(c.category, w.lang))}"
        f"{w['sep']}{w['stance']}{w['colon']}{value_label(c.stance, w.lang)}"
    )
    disposition = value_label(c.disposition, w.lang)
    if c.disposition_note.strip():
        disposition += w["colon"] + escape_inline(c.disposition_note)
    lines.append(f"{w['disposition']}{w['colon']}{disposition}")
    lines += _anchor_note(w, c)
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


def _figure_text(
    words: _Words,
    value: str | None,
    value_max: str | None,
    unit: str | None,
    comparator: str | None,
    year: int | None,
    qualitative: str | None,
) -> str:
    if value is None:
        text = qualitative or "—"
    else:
        symbol = words["about"] if comparator == "~" else _COMPARATORS.get(comparator or "", "")
        text = f"{symbol}{value}"
        if value_max is not None:
            text += f"–{value_max}"
        text += unit or ""
    if year is not None:
        text += words["year"].format(year=year)
    return escape_inline(text)


def _figure(words: _Words, t: TargetFigure) -> str:
    return _figure_text(words, t.value, t.value_max, t.unit, t.comparator, t.year, t.qualitative)


def _target_text(words: _Words, t: Target) -> str:
    return _figure_text(
        words,
        _decimal(t.value),
        _decimal(t.value_max),
        t.unit,
        t.comparator,
        t.year,
        t.qualitative,
    )


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _reference_block(words: _Words, c: Comment) -> list[str]:
    ref = c.reference
    if ref is None:
        return []
    w = words
    if isinstance(ref, PairRef):
        path = " › ".join(ref.anchor.path) or ref.anchor.section or ""
        head = f"**{w['pair']}**{w['colon']}{w.plan_name(ref.plan)} {escape_inline(path)}"
        quote = ref.anchor.exact
        return [head, "", *(_quote_lines(quote) if quote else [w["whole_section"]]), ""]
    if isinstance(ref, TargetRef):
        out = [f"**{w['target']}**", ""]
        for t in ref.targets:
            out.append(
                f"- {w.short_name(t.plan)}{w['colon']}{escape_inline(t.indicator)} {_figure(w, t)}"
            )
        if ref.note:
            out.append(f"- {w['note']}{w['colon']}{escape_inline(ref.note)}")
        return [*out, ""]
    assert isinstance(ref, FindingRef)
    return [
        f"**{w['finding']}**{w['colon']}{w.finding_kind(ref.kind)}{escape_inline(ref.text(w.lang))}",
        "",
    ]


def _comment_table(words: _Words, groups: list[CommentGroup], number: int) -> tuple[list[str], int]:
    """The 意见反馈表: 序号 | 章节条款 | 原文 | 修改意见 | 理由 | 提出单位."""
    w = words
    heads = w["table_heads"].split("|")
    out = ["| " + " | ".join(heads) + " |", "| " + " | ".join("---" for _ in heads) + " |"]
    for group in groups:
        c = group.first
        number += 1
        original = escape_inline(_original(c)) or w["whole_section"]
        ref = c.reference
        if isinstance(ref, PairRef):
            side = escape_inline(ref.anchor.exact) or escape_inline(" › ".join(ref.anchor.path))
            original += (
                f"{w['open']}{w['see_also']}{w.plan_name(ref.plan)}{w['colon']}{side}{w['close']}"
            )
        if isinstance(ref, TargetRef):
            figures = w["sep"].join(
                f"{w.short_name(t.plan)}{w['colon']}{escape_inline(t.indicator)} {_figure(w, t)}"
                for t in ref.targets
            )
            original += f"{w['open']}{figures}{w['close']}"
        parts = [contain_cell(c.body)]
        if c.suggestion.strip():
            parts.append(w["suggest_inline"].format(text=escape_inline(c.suggestion)))
        for other in group.comments[1:]:
            who = w.who(other.reviewer, other.organisation)
            parts.append(f"{who}{w['colon']}{contain_cell(other.body)}")
        # 。； reads as a typo: a part that ends a sentence gives way to the separator
        comment = w["sep"].join([p.rstrip("。；;") for p in parts[:-1]] + parts[-1:])
        if group.count > 1:
            comment += w["open"] + w["duplicates"].format(n=group.count) + w["close"]
        units = w["list_sep"].join(
            dict.fromkeys(
                escape_inline(m.organisation or m.reviewer or "—") for m in group.comments
            )
        )
        cells = [
            str(number),
            _path_text(w, c),
            original,
            comment,
            escape_inline(c.rationale),
            units,
        ]
        out.append("| " + " | ".join(cell or " " for cell in cells) + " |")
    return [*out, ""], number


def _benchmark_appendix(words: _Words, benchmark: Benchmark, n: int) -> list[str]:
    w = words
    title = w["appendix"].format(n=_appendix_number(n, w.lang), title=w["benchmark"])
    return [f"## {title}", "", *benchmark_markdown(benchmark, w.lang, plan_names(benchmark.plans))]


def _findings_appendix(
    words: _Words, plan_ids: list[str], findings: Mapping[str, Sequence[Finding]], n: int
) -> list[str]:
    w = words
    out = [f"## {w['appendix'].format(n=_appendix_number(n, w.lang), title=w['findings'])}", ""]
    for plan_id in plan_ids:
        out += [f"### {w.plan_name(plan_id)}", ""]
        found = findings.get(plan_id, [])
        plan = w.plans.get(plan_id)
        for f in found:
            where = ""
            if f.section is not None:
                section = plan.section(f.section) if plan else None
                where = w["section_ref"].format(id=f.section)
                if section is not None:
                    where += " " + section.label
                where = escape_inline(where) + w["colon"]
            out.append(f"- {w.finding_kind(f.kind)}{where}{escape_inline(f.text(w.lang))}")
        if not found:
            out.append(w["no_findings"])
        out.append("")
    return out


# --- HTML --------------------------------------------------------------------------------------

_STYLE = """
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.7; color: #222; }
h1 { text-align: center; font-size: 1.6rem; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.6rem; }
blockquote { margin: .4rem 0; padding: .2rem 1rem; border-left: 4px solid #b7c4d6;
             background: #f5f7fa; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; vertical-align: top; }
th { background: #eef1f5; }
code { background: #f0f0f0; padding: 0 .2rem; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
"""


def markdown_renderer() -> MarkdownIt:
    """The Markdown reading of reports: CommonMark with tables, raw HTML shown as text."""
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def render_html(markdown: str, title: str, lang: str = "zh") -> str:
    """The report as one standalone HTML page (its stylesheet embedded)."""
    body = inline_charts(markdown_renderer().render(markdown))
    language = "zh-CN" if lang == "zh" else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


@dataclass(slots=True)
class FeedbackReport:
    """A report ready to be written, and what the reviewer should be told about it."""

    text: str
    """The Markdown (or, with ``html``, the HTML page)."""
    title: str
    """The report's title."""
    plans: dict[str, Plan]
    """The plans it covers, by id."""
    comments: int
    """How many comments it was made from."""
    notes: list[str]
    """Things worth a line to the reviewer (a plan missing, comments on an older version)."""


def commented_plans(comments: Sequence[Comment]) -> list[str]:
    """Plans with comments, the first commented on first, then other plans of aligned pairs."""
    ids = [c.plan for c in sorted(comments, key=lambda c: (c.created, c.id))]
    ids += sorted(c.reference.plan for c in comments if isinstance(c.reference, PairRef))
    return list(dict.fromkeys(ids))


def compose_report(
    comments: Sequence[Comment],
    load_plan: Callable[[str], Plan],
    plan_ids: Sequence[str] = (),
    options: ReportOptions | None = None,
    embedder: Embedder | None = None,
    html: bool = False,
) -> FeedbackReport:
    """The whole feedback report as the CLI and the TUI produce it.

    Covers ``plan_ids`` (default: the plans commented on), appends each plan's findings and,
    when it covers two plans, their target benchmark (names compared with ``embedder`` when
    one is given).
    """
    from plancompare.checks import check_plan
    from plancompare.targets.benchmark import benchmark_plans

    options = options or ReportOptions()
    ids = list(plan_ids) or commented_plans(comments)
    if not ids:
        raise PlanError(None, "no comments yet; add one with: plancompare comment add")
    notes: list[str] = []
    plans: dict[str, Plan] = {}
    for plan_id in ids:
        try:
            plans[plan_id] = load_plan(plan_id)
        except PlanError:
            notes.append(f"plan '{plan_id}' is not in the corpus; reported as stored")
    for plan_id, plan in plans.items():
        stale = sum(
            1
            for c in comments
            if c.plan == plan_id and c.plan_version != plan.meta.version and c.deleted is None
        )
        if stale:
            notes.append(
                f"{stale} comment(s) refer to an older version of {plan_id}; "
                f"run: plancompare comments reanchor {plan_id}"
            )
    findings = {plan_id: check_plan(plan) for plan_id, plan in plans.items()}
    benchmark = None
    if len(plans) >= 2:
        benchmark = benchmark_plans(list(plans.values()), embedder)
    text = build_report(comments, plans, benchmark=benchmark, findings=findings, options=options)
    title = options.title or report_title(plans, ids, options.lang)
    if html:
        text = render_html(text, title, options.lang)
    live = sum(1 for c in comments if c.deleted is None)
    return FeedbackReport(text, title, plans, live, notes)
