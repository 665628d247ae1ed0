"""Every label the workspace shows, in Chinese (the default) and English."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from textual.dom import DOMNode

from plancompare.review.model import CHINESE

LANGUAGES = ("zh", "en")

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "app_title": "规划对照",
        "view_compare": "对照",
        "view_targets": "指标",
        "view_findings": "问题",
        "view_comments": "意见",
        "loading": "正在读取规划…",
        "warming": "正在准备分词…",
        "embedding": "正在计算语义向量",
        "aligning": "正在对齐章节",
        "matching": "正在对齐句子",
        "benchmarking": "正在比对指标",
        "ready": "已完成对照：{links} 组对应，{only_a} 项仅见于{a}，{only_b} 项仅见于{b}",
        "failed": "出错：{error}",
        "no_counterpart": "（无对应）",
        "differences": "差异 {x}/{y}",
        "score": "相似度 {score:.2f}",
        "missing_heading": "〔缺失标题〕",
        "preamble": "（前言）",
        "bind_quit": "退出",
        "bind_compare": "对照",
        "bind_targets": "指标",
        "bind_findings": "问题",
        "bind_comments": "意见",
        "bind_help": "快捷键",
        "bind_export": "导出报告",
        "bind_search": "搜索",
        "bind_palette": "命令",
        "bind_undo": "撤销删除",
        "form_title": "填写意见",
        "form_edit_title": "修改意见",
        "form_on": "针对",
        "form_category": "类别",
        "form_stance": "立场",
        "form_body": "意见内容",
        "form_suggestion": "建议修改为",
        "form_rationale": "理由或依据",
        "form_submitted": "已提交（否则为草稿）",
        "form_save": "保存 (Ctrl+S)",
        "form_cancel": "取消 (Esc)",
        "form_needs_body": "请填写意见内容",
        "reviewer_title": "首次填写意见：请留下您的姓名和单位（将被记住）",
        "reviewer_name": "姓名",
        "reviewer_org": "单位",
        "reviewer_ok": "确定",
        "saved": "意见已保存",
        "updated": "意见已修改",
        "deleted": "意见已删除（按 z 撤销）",
        "restored": "意见已恢复",
        "nothing_to_undo": "没有可撤销的删除",
        "exported": "报告已导出：{md} 和 {html}",
        "downloading": "正在下载报告",
    },
    "en": {
        "app_title": "Plan compare",
        "view_compare": "Compare",
        "view_targets": "Targets",
        "view_findings": "Findings",
        "view_comments": "Comments",
        "loading": "Reading the plans…",
        "warming": "Preparing word segmentation…",
        "embedding": "Embedding",
        "aligning": "Aligning sections",
        "matching": "Aligning sentences",
        "benchmarking": "Comparing targets",
        "ready": "Aligned: {links} links, {only_a} only in {a}, {only_b} only in {b}",
        "failed": "Error: {error}",
        "no_counterpart": "(no counterpart)",
        "differences": "Difference {x}/{y}",
        "score": "score {score:.2f}",
        "missing_heading": "[missing heading]",
        "preamble": "(preamble)",
        "bind_quit": "Quit",
        "bind_compare": "Compare",
        "bind_targets": "Targets",
        "bind_findings": "Findings",
        "bind_comments": "Comments",
        "bind_help": "Keys",
        "bind_export": "Export report",
        "bind_search": "Search",
        "bind_palette": "Commands",
        "bind_undo": "Undo delete",
        "form_title": "New comment",
        "form_edit_title": "Edit comment",
        "form_on": "On",
        "form_category": "Category",
        "form_stance": "Stance",
        "form_body": "Comment",
        "form_suggestion": "Suggested wording",
        "form_rationale": "Rationale",
        "form_submitted": "Submitted (otherwise a draft)",
        "form_save": "Save (Ctrl+S)",
        "form_cancel": "Cancel (Esc)",
        "form_needs_body": "Please write the comment",
        "reviewer_title": "Your first comment: your name and organisation (remembered)",
        "reviewer_name": "Name",
        "reviewer_org": "Organisation",
        "reviewer_ok": "OK",
        "saved": "Comment saved",
        "updated": "Comment updated",
        "deleted": "Comment deleted (z to undo)",
        "restored": "Comment restored",
        "nothing_to_undo": "Nothing to undo",
        "exported": "Report written: {md} and {html}",
        "downloading": "Downloading the report",
    },
}


class Labels:
    """Labels of one language: ``labels["view_compare"]``, ``labels.value(Category.AMEND)``."""

    def __init__(self, lang: str) -> None:
        if lang not in LABELS:
            raise ValueError(f"unknown language {lang!r} (use {', '.join(LANGUAGES)})")
        self.lang = lang
        self._labels = LABELS[lang]

    def __getitem__(self, key: str) -> str:
        return self._labels[key]

    def get(self, key: str) -> str:
        """The label for ``key``, or ``key`` itself when it is not a label key."""
        return self._labels.get(key, key)

    def value(self, value: StrEnum) -> str:
        """How a category, stance, status or disposition reads in this language."""
        return CHINESE.get(value, value.value) if self.lang == "zh" else value.value


def localize_bindings(node: DOMNode, labels: Labels) -> None:
    """Replace label keys used as binding descriptions (``"bind_quit"``) by their text.

    Textual reads descriptions from class-level BINDINGS; the language is only known when
    the app starts, so the node's own copy of its bindings is rewritten once. (This uses the
    node's binding map, which Textual keeps per instance for this kind of change.)
    """
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(
                b,
                description=labels.get(b.description),
                tooltip=labels.get(b.tooltip) if b.tooltip else b.tooltip,
            )
            for b in bindings
        ]
