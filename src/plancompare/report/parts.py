"""What a report says about one comment — what it is about (its quotes, both sides of a
pair, the sentences of a target, a finding), its decision — shared by the report and the
意见反馈表."""

from __future__ import annotations

from plancompare.i18n import has
from plancompare.model import Finding
from plancompare.plan.wording import finding_text
from plancompare.report.markdown import escape_inline, escape_paragraphs
from plancompare.report.words import ReportWords
from plancompare.review.model import Comment, CoverageRef, FindingRef, PairRef, TargetRef, term


def _sourced(words: ReportWords, who: str, place: str, text: str) -> str:
    """陆河县 · 三、总体目标：quoted text — one escaped paragraph."""
    label = f"{who} · {escape_inline(place)}" if place else who
    return f"**{label}**{words('colon')}{escape_inline(text)}"


def original_texts(words: ReportWords, c: Comment) -> list[str]:
    """What a comment is about, as escaped paragraphs: its quote; for a pair both plans' text;
    for a target the sentences its figures were read from; for a finding its quotes."""
    ref = c.reference
    own = c.quoted or c.anchor.exact
    if isinstance(ref, TargetRef):
        return [
            _sourced(words, words.short_name(f.plan), words.figure_place(f), _row_text(f.quote))
            for f in ref.targets
            if f.quote
        ]
    if isinstance(ref, PairRef):
        mine = own or words.section_text(c.plan, c.plan_version, c.anchor)
        theirs = ref.anchor.exact or words.section_text(ref.plan, ref.plan_version, ref.anchor)
        return [
            _sourced(words, words.short_name(c.plan), words.place(c.plan, c.anchor), mine),
            _sourced(words, words.short_name(ref.plan), words.place(ref.plan, ref.anchor), theirs),
        ]
    if isinstance(ref, CoverageRef):
        # What the reference plan asks for, then what the comment quotes of its own plan.
        asked = words.section_text(ref.plan, ref.plan_version, ref.anchor)
        theirs = words.place(ref.plan, ref.anchor)
        out = [_sourced(words, words.short_name(ref.plan), theirs, asked)] if asked else []
        return out + (escape_paragraphs(own) if own else [])
    if isinstance(ref, FindingRef) and not own:
        quotes = [f.quote for f in ref.figures if f.quote and not f.table]
        return [escape_inline(q) for q in dict.fromkeys(quotes)]
    return escape_paragraphs(own) if own else []


def _row_text(quote: str) -> str:
    """A table row quoted as its cells, not as the corpus's pipes."""
    return "　".join(cell.strip() for cell in quote.split("|"))


def whole_section(words: ReportWords, c: Comment) -> str:
    """（针对“五、保障措施”整节）."""
    place = words.place(c.plan, c.anchor)
    return escape_inline(words("report_whole_section", place=place))


def disposition_text(words: ReportWords, c: Comment) -> str:
    """采纳：已按意见修改 — the decision and its reason, escaped."""
    text = term(c.disposition, words.lang)
    if c.disposition_note.strip():
        text += words("colon") + escape_inline(c.disposition_note)
    return text


def finding_line(words: ReportWords, finding: FindingRef | Finding) -> str:
    """〔编号缺漏〕what the finding says, escaped."""
    key = f"kind_{finding.kind}"
    kind = words(key) if has(key, words.lang) else finding.kind
    if isinstance(finding, FindingRef):
        said = finding.text(words.lang)
    else:
        said = finding_text(finding, words.lang)
    return escape_inline(words("report_finding_kind", kind=kind)) + escape_inline(said)
