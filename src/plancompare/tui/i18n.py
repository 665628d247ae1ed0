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
        # --- the compare view ---
        "ditto": "〃",
        "seen_above": "〃 见上：{label}",
        "kind_match": "对应",
        "kind_partial": "部分",
        "score_column": "相似度",
        "no_text": "这一行没有正文",
        "pair_no_comments": "本组暂无意见 · c 评论所选句子 · C 评论整组 · Enter 逐句选择",
        "no_differences": "没有差异",
        "no_unmatched": "没有无对应的条目",
        "no_comment_here": "本组没有选中的意见",
        "not_a_pair": "这一行不是一组对应，不能整组评论",
        "no_row": "该节不在对照行中",
        "search_title": "在两个规划中搜索",
        "search_placeholder": "输入要查找的文字",
        "search_count": "共 {n} 处",
        "bind_up": "上一行",
        "bind_down": "下一行",
        "bind_extend_up": "向上扩选",
        "bind_extend": "向下扩选",
        "bind_page_up": "上一页",
        "bind_page_down": "下一页",
        "bind_first": "第一行",
        "bind_last": "最后一行",
        "bind_sentences": "逐句",
        "bind_switch_side": "换边",
        "bind_leave": "退出逐句",
        "bind_next_diff": "下一差异",
        "bind_prev_diff": "上一差异",
        "bind_next_unmatched": "无对应",
        "bind_comment": "评论",
        "bind_comment_pair": "评论整组",
        "bind_edit_comment": "修改意见",
        "bind_delete_comment": "删除意见",
        "bind_outline": "目录",
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
        # --- the compare view ---
        "ditto": "〃",
        "seen_above": "〃 see above: {label}",
        "kind_match": "match",
        "kind_partial": "part",
        "score_column": "score",
        "no_text": "This row has no text",
        "pair_no_comments": "No comments · c on sentences · C on the pair · Enter picks sentences",
        "no_differences": "No differences",
        "no_unmatched": "Every unit has a counterpart",
        "no_comment_here": "No comment selected in this row",
        "not_a_pair": "This row is not a pair: comment on it with c",
        "no_row": "That section is not in the compare rows",
        "search_title": "Search both plans",
        "search_placeholder": "Text to find",
        "search_count": "{n} found",
        "bind_up": "Previous row",
        "bind_down": "Next row",
        "bind_extend_up": "Extend up",
        "bind_extend": "Extend down",
        "bind_page_up": "Page up",
        "bind_page_down": "Page down",
        "bind_first": "First row",
        "bind_last": "Last row",
        "bind_sentences": "Sentences",
        "bind_switch_side": "Other side",
        "bind_leave": "Leave text",
        "bind_next_diff": "Next diff",
        "bind_prev_diff": "Previous diff",
        "bind_next_unmatched": "Unmatched",
        "bind_comment": "Comment",
        "bind_comment_pair": "Comment pair",
        "bind_edit_comment": "Edit comment",
        "bind_delete_comment": "Delete comment",
        "bind_outline": "Outline",
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
