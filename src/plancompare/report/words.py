"""The words of a report in one language: its labels from the catalogue, the plans by their
titles and short names, and every place as the draft names it — escaped for Markdown."""

from __future__ import annotations

from collections.abc import Mapping

from plancompare.i18n import check_language, t
from plancompare.model import Plan
from plancompare.plan.wording import (
    figure_place,
    path_place,
    plan_short,
    plan_title,
    section_place,
    value_text,
)
from plancompare.report.markdown import escape_inline
from plancompare.review.model import Anchor, Category, Comment, TargetFigure, category_term

#: How long a section's own text may be when it is quoted for a comment on the whole section.
QUOTE_LIMIT = 300


class ReportWords:
    """Labels of one language, and the names of the plans a report knows."""

    def __init__(self, lang: str, plans: Mapping[str, Plan]) -> None:
        self.lang = check_language(lang)
        self.plans = plans

    def __call__(self, key: str, **values: object) -> str:
        """The catalogue's words for ``key`` (unescaped: the caller escapes user text)."""
        return t(key, self.lang, **values)

    def plan_title(self, plan_id: str) -> str:
        """《陆河县服装产业高质量发展规划（征求意见稿）》, escaped; a plan not loaded: as stored."""
        plan = self.plans.get(plan_id)
        return escape_inline(plan_title(plan.meta, self.lang) if plan else plan_id)

    def short_name(self, plan_id: str) -> str:
        """陆河县 (the region, else the title), escaped."""
        plan = self.plans.get(plan_id)
        return escape_inline(plan_short(plan.meta) if plan else plan_id)

    def place(self, plan_id: str, anchor: Anchor) -> str:
        """Where an anchor is, as the draft names it (plain text, not escaped)."""
        plan = self.plans.get(plan_id)
        if plan is not None and anchor.section is not None and plan.section(anchor.section):
            return section_place(plan, anchor.section, self.lang)
        return path_place(anchor.path, self.lang)

    def comment_place(self, comment: Comment) -> str:
        """The place of a comment, escaped; a section gone says so."""
        anchor = comment.anchor
        if anchor.section is None:
            return escape_inline(self("report_deleted_section", place=path_place(anchor.path)))
        return escape_inline(self.place(comment.plan, anchor))

    def figure(self, f: TargetFigure) -> str:
        """A target's figure with its year: ≥100亿元（2030年）, escaped."""
        text = value_text(f.value, f.value_max, f.unit, f.comparator, f.qualitative, self.lang)
        if f.year is not None:
            text += self("report_year", year=f.year)
        return escape_inline(text)

    def figure_place(self, f: TargetFigure) -> str:
        """Where a target figure was read (指标表（三、总体目标）), plain text."""
        plan = self.plans.get(f.plan)
        if not f.path and plan is not None and plan.section(f.section) is not None:
            return section_place(plan, f.section, self.lang)
        return figure_place(f.path, f.table, self.lang)

    def who(self, reviewer: str, organisation: str) -> str:
        """张三（某某局）, or whichever of the two is known, escaped."""
        if organisation and reviewer:
            return escape_inline(self("report_who", reviewer=reviewer, organisation=organisation))
        return escape_inline(reviewer or organisation or "—")

    def category(self, category: str) -> str:
        """修改 / amend, or a project's own word, escaped."""
        return escape_inline(category_term(category, self.lang))

    def category_label(self, category: str) -> str:
        """The heading of a comment's text by its category: 修改意见, 疑问, 补充意见 …"""
        if category in set(Category):
            return self(f"report_label_{category}")
        return self("report_label_custom", category=escape_inline(category))

    def section_text(self, plan_id: str, version: int, anchor: Anchor) -> str:
        """The own text of an anchor's section when the plan at that version is loaded,
        shortened to :data:`QUOTE_LIMIT` characters; "" otherwise."""
        plan = self.plans.get(plan_id)
        if plan is None or plan.meta.version != version or anchor.section is None:
            return ""
        section = plan.section(anchor.section)
        text = section.text.strip() if section is not None else ""
        return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "……"
