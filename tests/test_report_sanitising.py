"""Hostile comment text in the report: in the Markdown itself it creates no link to a
non-http(s) address, no image, no reference definition and no heading; the HTML renderer
refuses them again on its own, as a second line."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from plancompare.model import Plan
from plancompare.report.feedback import ReportOptions, build_report
from plancompare.report.html import html_renderer
from plancompare.report.markdown import contain_cell, contain_markdown, markdown_renderer
from plancompare.review.model import Comment
from plancompare.review.writing import Draft, new_comment


def tokens_of(markdown: str) -> list[tuple[str, dict[str, str | int | float]]]:
    """Every token and inline token of the Markdown, with its attributes."""
    out = []
    for tok in markdown_renderer().parse(markdown):
        out.append((tok.type, dict(tok.attrs)))
        out += [(child.type, dict(child.attrs)) for child in tok.children or []]
    return out


def report_of(luhe: Plan, *bodies: str, table: bool = False) -> str:
    comments: list[Comment] = []
    for n, body in enumerate(bodies):
        comment = new_comment(luhe, "6.1", Draft(body=body, reviewer="张三"))
        comment.created = datetime(2025, 6, 1, 9, n, tzinfo=UTC)
        comments.append(comment)
    return build_report(comments, {"luhe": luhe}, options=ReportOptions(table=table))


HOSTILE = {
    "javascript link": "点[这里](javascript:alert(1))查看",
    "data link": "[下载](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "vbscript link": "[x](vbscript:msgbox)",
    "file link": "[本地](file:///etc/passwd)",
    "autolink to a scheme": "<javascript:alert(1)>",
    "remote image": "![跟踪](https://evil.example/pixel.png)",
    "image in a link": "[![图](https://evil.example/a.png)](https://ok.example/)",
    "reference definition": "[foo]: https://evil.example/\n见[foo]",
    "heading": "# 冒充的标题",
    "setext heading": "冒充的标题\n===",
    "heading in a quote": "> ## 引用里的标题",
    "heading in a list": "- # 列表里的标题",
    "raw html": "<img src=x onerror=alert(1)><script>alert(1)</script>",
}


@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_hostile_text_makes_nothing_in_the_markdown(case: str, luhe: Plan) -> None:
    for table in (False, True):
        markdown = report_of(luhe, HOSTILE[case], table=table)
        found = tokens_of(markdown)
        links = [str(a["href"]) for kind, a in found if kind == "link_open"]
        assert all(re.match(r"https?://", href) for href in links), links
        assert not [kind for kind, _ in found if kind in ("image", "html_inline", "html_block")]
        headings = [kind for kind, _ in found if kind == "heading_open"]
        # the report's own headings only: its title, its parts and one per comment
        assert len(headings) == (1 if table else 4), case
        # and the text shows as what it was
        inline = " ".join(t.content for t in markdown_renderer().parse(markdown))
        assert "javascript" not in case or "javascript" in inline


def test_a_definition_in_one_comment_does_not_link_another(luhe: Plan) -> None:
    markdown = report_of(luhe, "[foo]: https://evil.example/", "请见[foo]。")
    assert not [a for kind, a in tokens_of(markdown) if kind == "link_open"]
    assert "[foo]: https://evil.example/" in markdown_renderer().render(markdown)


def test_web_links_and_inline_markup_are_kept() -> None:
    lines = contain_markdown("**要点**、*强调*、`代码`、~~删去~~和[依据](https://www.gov.cn/a b)")
    found = tokens_of("\n".join(lines))
    kinds = {kind for kind, _ in found}
    assert {"strong_open", "em_open", "code_inline", "s_open"} <= kinds
    assert [a["href"] for kind, a in found if kind == "link_open"] == []  # a space: not a link
    (link,) = [
        a
        for kind, a in tokens_of("\n".join(contain_markdown("[依据](https://www.gov.cn/x)")))
        if kind == "link_open"
    ]
    assert link["href"] == "https://www.gov.cn/x"


def test_a_cell_cannot_end_its_row() -> None:
    cell = contain_cell("a | b\n`c|d`\\")
    row = f"| 1 | {cell} |"
    tokens = markdown_renderer().parse(f"| n | x |\n| - | - |\n{row}\n")
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2


@pytest.mark.parametrize(
    "markdown",
    [
        "[x](javascript:alert(1))",
        "[x](data:text/html,<b>1</b>)",
        "![i](https://evil.example/p.png)",
        "![i](data:image/png;base64,iVBORw0KGgo=)",
        "<script>alert(1)</script>",
        "[x](mailto:a@b.c)",
    ],
)
def test_the_html_renderer_refuses_them_on_its_own(markdown: str) -> None:
    """Raw Markdown, not sanitised: the renderer's own checks."""
    html = html_renderer().render(markdown)
    assert "<img" not in html and "<script" not in html
    assert re.findall(r'href="([^"]*)"', html) == []
