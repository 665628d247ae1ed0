"""The report as one standalone HTML page, rendered from its Markdown.

The Markdown is already sanitised (:mod:`plancompare.report.markdown`); the renderer checks
again on its own, as a second line: raw HTML is text, a link must point to an http(s)
address, and an image is shown as its alt text, never fetched.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from plancompare.i18n import t
from plancompare.report.benchmark import inline_charts
from plancompare.report.markdown import is_web_address, markdown_renderer

_STYLE = """
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.7; color: #222; }
body.form { max-width: 72rem; }
h1 { text-align: center; font-size: 1.6rem; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.6rem; }
blockquote { margin: .4rem 0; padding: .2rem 1rem; border-left: 4px solid #b7c4d6;
             background: #f5f7fa; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; vertical-align: top; }
th { background: #eef1f5; }
body.form th:first-child, body.form td:first-child { width: 2.5rem; text-align: center; }
code { background: #f0f0f0; padding: 0 .2rem; }
@page { size: A4; margin: 2cm; }
@page form { size: A4 landscape; margin: 1.5cm; }
body.form { page: form; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
"""


def _validate_link(url: str) -> bool:
    return is_web_address(url)


def _image_as_text(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return html.escape(tokens[idx].content)


def html_renderer() -> MarkdownIt:
    """The report's Markdown reader with the HTML renderer's own checks."""
    md = markdown_renderer()
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.add_render_rule("image", _image_as_text)
    return md


def render_html(markdown: str, title: str, lang: str = "zh", form: bool = False) -> str:
    """The report as one standalone HTML page (its stylesheet embedded)."""
    body = inline_charts(html_renderer().render(markdown))
    language = t("html_lang", lang)
    kind = ' class="form"' if form else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body{kind}>\n{body}</body>\n</html>\n"
    )
