"""The workspace's labels, read from the wording catalogue (plancompare.i18n), and the words
of Textual's own widgets in Chinese."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from textual.dom import DOMNode

from plancompare.i18n import LABELS, LANGUAGES, t
from plancompare.review.model import term

#: Textual's own widgets describe their keys in English; this is how they read in Chinese (in
#: the help panel, ``?``). Descriptions missing here stay in English.
WIDGET_KEYS_ZH: dict[str, str] = {
    "Select": "选择",
    "Cursor up": "上移",
    "Cursor down": "下移",
    "Cursor right": "右移",
    "Cursor left": "左移",
    "Page up": "上一页",
    "Page down": "下一页",
    "Page Up": "上一页",
    "Page Down": "下一页",
    "Top": "到顶部",
    "Bottom": "到底部",
    "Home": "行首",
    "End": "行尾",
    "Up": "上移",
    "Down": "下移",
    "First": "第一项",
    "Last": "最后一项",
    "Show menu": "展开选项",
    "Toggle": "勾选/取消",
    "Press button": "按下按钮",
    "Focus Next": "下一个控件",
    "Focus Previous": "上一个控件",
    "Next tab": "下一个标签",
    "Previous tab": "上一个标签",
    "Move cursor left": "光标左移",
    "Move cursor left and select": "向左选择",
    "Move cursor left a word": "左移一个词",
    "Move cursor left a word and select": "向左选择一个词",
    "Move cursor right or accept the completion suggestion": "光标右移",
    "Move cursor right and select": "向右选择",
    "Move cursor right a word": "右移一个词",
    "Move cursor right a word and select": "向右选择一个词",
    "Delete character left": "删除左侧字符",
    "Delete character right": "删除右侧字符",
    "Select all": "全选",
    "Go to start": "到开头",
    "Go to end": "到末尾",
    "Select line start": "选到开头",
    "Select line end": "选到末尾",
    "Submit": "确定",
    "Delete left to start of word": "向左删除一个词",
    "Delete all to the left": "删除左侧全部",
    "Delete right to start of word": "向右删除一个词",
    "Delete all to the right": "删除右侧全部",
    "Cut selected text": "剪切",
    "Copy selected text": "复制",
    "Paste text from the clipboard": "粘贴",
    "Input": "输入框",
    "Page Left": "左翻页",
    "Page Right": "右翻页",
    "Scroll Up": "上滚",
    "Scroll Down": "下滚",
    "Scroll Left": "左滚",
    "Scroll Right": "右滚",
    "Scroll Home": "到顶部",
    "Scroll End": "到底部",
    "Quit": "退出",
    "Quit the app and return to the command prompt.": "退出程序",
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

    def __call__(self, key: str, **values: object) -> str:
        """The label for ``key`` with ``values`` filled in (a count of one in the singular)."""
        return t(key, self.lang, **values)

    def __contains__(self, key: object) -> bool:
        return key in self._labels

    def get(self, key: str) -> str:
        """The label for ``key``, or ``key`` itself when it is not a label key."""
        return self._labels.get(key, key)

    def value(self, value: StrEnum) -> str:
        """How a category, stance, status or disposition reads in this language."""
        return term(value, self.lang)


def localize_bindings(node: DOMNode, labels: Labels) -> None:
    """Replace label keys used as binding descriptions (``"bind_quit"``) by their text.

    Textual reads descriptions from class-level BINDINGS; the language is only known when
    the app starts, so the node's own copy of its bindings is rewritten once. (This uses the
    node's binding map, which Textual keeps per instance for this kind of change.)
    """
    widget_keys = WIDGET_KEYS_ZH if labels.lang == "zh" else {}

    def text(description: str) -> str:
        return widget_keys.get(description) or labels.get(description)

    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(
                b,
                description=text(b.description),
                tooltip=text(b.tooltip) if b.tooltip else b.tooltip,
            )
            for b in bindings
        ]
    group = getattr(node, "BINDING_GROUP_TITLE", None)
    if group:
        # Read from the instance by the help panel, so this only renames this widget's group.
        node.BINDING_GROUP_TITLE = text(group)
