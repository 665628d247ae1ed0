"""The 意见反馈表 as departments exchange it: a header block (提出单位, 联系人, 联系电话, 日期)
and one table row per comment — 序号, 章节/条款, 原文, 修改意见, 理由, 处理意见 (the decision
and its reason, for the drafting office's reply)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from plancompare.plan.wording import date_text
from plancompare.report.markdown import contain_cell, escape_inline
from plancompare.report.parts import disposition_text, finding_line, original_texts, whole_section
from plancompare.report.words import ReportWords
from plancompare.review.model import (
    Category,
    Comment,
    Disposition,
    FindingRef,
    Status,
    category_term,
)

#: The form's columns, by their catalogue keys.
COLUMNS = ("number", "place", "original", "comment", "rationale", "disposition")


@dataclass(slots=True)
class Sender:
    """Who sends the form: the header block's 提出单位, 联系人 and 联系电话."""

    organisation: str = ""
    """提出单位."""
    contact: str = ""
    """联系人."""
    phone: str = ""
    """联系电话."""


def form_table(
    words: ReportWords,
    sender: Sender,
    day: date | None,
    by_plan: Mapping[str, Sequence[Comment]],
) -> list[str]:
    """The header block, then a table of the comments on each plan (one row per comment,
    numbered straight through); a part heading per plan only when there are several."""
    w = words
    blank = w("form_blank")
    when = date_text(day, w.lang) if day is not None else blank
    org, contact, phone = (sender.organisation, sender.contact, sender.phone)
    out = [
        escape_inline(w("form_sender", organisation=org or blank, date=when)) + "\\",
        escape_inline(w("form_contact", contact=contact or blank, phone=phone or blank)),
        "",
    ]
    number = 0
    for plan_id, comments in by_plan.items():
        if len(by_plan) > 1:
            out += [f"## {w('report_comments_on', name=w.plan_title(plan_id))}", ""]
        if not comments:
            out += [w("report_no_comments"), ""]
            continue
        heads = [w(f"form_col_{column}") for column in COLUMNS]
        out += ["| " + " | ".join(heads) + " |", "| " + " | ".join("---" for _ in heads) + " |"]
        for comment in comments:
            number += 1
            cells = form_row(w, comment, number)
            out.append("| " + " | ".join(cell or " " for cell in cells) + " |")
        out.append("")
    return out


def form_row(words: ReportWords, c: Comment, number: int) -> list[str]:
    """The cells of one comment's row (Markdown, one line each)."""
    w = words
    quotes = original_texts(w, c)
    original = w("sep").join([q.rstrip("。；;") for q in quotes[:-1]] + quotes[-1:])
    marks = ""
    if c.status is Status.DRAFT:
        marks += escape_inline(w("form_mark", category=w("status_draft")))
    if c.category != Category.AMEND.value:
        marks += escape_inline(w("form_mark", category=category_term(c.category, w.lang)))
    parts = [contain_cell(c.body)]
    if isinstance(c.reference, FindingRef):
        parts.insert(0, finding_line(w, c.reference))
    if c.suggestion.strip():
        parts.append(w("report_suggest_inline", text=escape_inline(c.suggestion)))
    # 。； reads as a typo: a part that ends a sentence gives way to the separator
    comment = marks + w("sep").join([p.rstrip("。；;") for p in parts[:-1]] + parts[-1:])
    decided = c.disposition is not Disposition.PENDING or c.disposition_note.strip()
    return [
        str(number),
        w.comment_place(c),
        original or whole_section(w, c),
        comment,
        escape_inline(c.rationale),
        disposition_text(w, c) if decided else "",
    ]
