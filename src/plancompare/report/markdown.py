"""Markdown that text from a plan or a comment cannot break: literal escaping for quotes and
one-line fields, and a sanitiser for comment bodies.

A comment body keeps its inline Markdown — emphasis, code, strikethrough, lists and links to
http(s) addresses — and nothing else: it is parsed with the report's own reader and written
out again from that allowlist, so in the Markdown itself it cannot make a heading (not even
inside a quote or a list), an image, a link to another kind of address (``javascript:``,
``data:``), a reference definition (which would turn ``[foo]`` in another comment into a
link), a table, a fence or raw HTML. What it cannot make shows as the text it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from markdown_it import MarkdownIt
from markdown_it.token import Token

#: The only address schemes a link in a comment may point to.
LINK_SCHEMES = ("http://", "https://")

# Characters that start Markdown inline syntax anywhere in a line (ASCII only: Chinese
# punctuation is inert).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")
_LIST_MARKER = re.compile(r"^([-+*])(?=\s|$)")
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_UNDERLINE = re.compile(r"^[=-]+\s*$")
_REFERENCE = re.compile(r"^(\s{0,3})(\[)(?=[^\]\n]*\]:)", re.MULTILINE)


def markdown_renderer() -> MarkdownIt:
    """The Markdown reading of reports: CommonMark with tables, raw HTML shown as text."""
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def is_web_address(href: str) -> bool:
    """True for an http(s) address, the only links a report keeps."""
    return href.strip().lower().startswith(LINK_SCHEMES)


def escape_text(text: str) -> str:
    """Characters of ``text`` that Markdown reads as syntax, escaped (line starts not)."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_inline(text: str) -> str:
    """User text as one line of literal Markdown (newlines become spaces)."""
    line = " ".join(part.strip() for part in text.splitlines() if part.strip())
    return _escape_line_start(escape_text(line))


def _escape_line_start(line: str) -> str:
    line = _LIST_MARKER.sub(r"\\\1", line)
    line = _ORDERED_MARKER.sub(r"\1\\\2", line)
    if _UNDERLINE.match(line):
        line = "\\" + line
    return line


def escape_paragraphs(text: str) -> list[str]:
    """User or plan text as literal Markdown paragraphs, one per line of the text."""
    return [escape_inline(line) for line in text.splitlines() if line.strip()]


# --- comment bodies ------------------------------------------------------------------------


def contain_markdown(text: str) -> list[str]:
    """A comment body as Markdown lines that cannot reach outside the comment (see the
    module's docstring). Paragraphs are separated by a blank line, a line break inside one is
    kept as a hard break, list items stay together."""
    lines: list[str] = []
    previous_item = False
    for kind, line in _blocks(text, cell=False):
        item = kind == "item"
        if lines and not (item and previous_item):
            lines.append("")
        lines.extend(line.split("\n"))
        previous_item = item
    return lines


def contain_cell(text: str) -> str:
    """A comment body inside one table cell: inline markup kept, on one line, and nothing that
    could end the cell or the table (pipes, raw HTML, a trailing backslash)."""
    parts = [line for _, line in _blocks(text, cell=True)]
    return " ".join(p for p in parts if p)


def _blocks(text: str, cell: bool) -> list[tuple[str, str]]:
    """The body's blocks as (``para`` or ``item``, Markdown) from the allowlist."""
    # A reference definition is consumed by the parser (its text would vanish): its bracket is
    # made literal first, so it stays text.
    source = _REFERENCE.sub(r"\1\\\2", text.strip())
    tokens = markdown_renderer().parse(source)
    out: list[tuple[str, str]] = []
    marker: list[str] = []  # the open lists' markers, innermost last
    item_open = False
    in_table = False
    heading = ""
    row: list[str] = []
    for tok in tokens:
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            marker.append("-" if tok.type == "bullet_list_open" else tok.markup or ".")
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            marker.pop()
        elif tok.type == "list_item_open":
            item_open = True
            number = tok.info if marker and marker[-1] != "-" else ""
            out.append(("item", f"{number}{marker[-1]} " if number else "- "))
        elif tok.type == "heading_open":
            heading = escape_text(tok.markup) + " " if tok.markup.startswith("#") else ""
        elif tok.type in ("table_open", "table_close"):
            in_table = tok.type == "table_open"
        elif tok.type == "tr_close":
            out.append(("para", _escape_line_start(" \\| ".join(row))))
            row = []
        elif tok.type == "inline" and in_table:
            row.append(_inline(tok.children or [], cell=True))
        elif tok.type == "inline":
            line = _inline(tok.children or [], cell)
            if item_open:
                out[-1] = ("item", out[-1][1] + heading + line)
            else:
                out.append(("para", heading + _escape_line_start(line)))
            item_open, heading = False, ""
        elif tok.type in ("fence", "code_block", "html_block"):
            out += [("para", escape_inline(line)) for line in tok.content.splitlines()]
        elif tok.type == "hr":
            out.append(("para", escape_inline(tok.markup)))
    return [(kind, line) for kind, line in out if line.strip()]


def _inline(children: Sequence[Token], cell: bool) -> str:
    """Inline tokens written out again: text escaped, the allowed markup as it was."""
    out: list[str] = []
    links: list[str | None] = []  # for each open link: its address when it is kept
    for tok in children:
        kind = tok.type
        if kind == "text":
            out.append(escape_text(tok.content))
        elif kind in ("strong_open", "strong_close", "em_open", "em_close"):
            out.append(tok.markup)
        elif kind in ("s_open", "s_close"):
            out.append("~~")
        elif kind == "code_inline":
            out.append(_code(tok.content, cell))
        elif kind in ("softbreak", "hardbreak"):
            out.append(" " if cell else "\\\n")
        elif kind == "link_open":
            href = str(tok.attrs.get("href", ""))
            links.append(_address(href) if is_web_address(href) else None)
            if links[-1] is not None:
                out.append("[")
        elif kind == "link_close":
            address = links.pop() if links else None
            if address is not None:
                out.append(f"](<{address}>)")
        elif kind == "image":
            out.append(escape_text(tok.content))  # the alt text; no image
        else:  # html_inline, entities and anything newer: as text
            out.append(escape_text(tok.content))
    return "".join(out)


def _code(content: str, cell: bool) -> str:
    """Inline code with a fence longer than any run of backticks in it."""
    runs = [len(m) for m in re.findall(r"`+", content)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    body = content.replace("|", "\\|") if cell else content
    return f"{fence}{pad}{body}{pad}{fence}"


def _address(href: str) -> str:
    """An http(s) address that cannot end its link or a table cell (no space, <, > or |)."""
    return quote(href.strip(), safe=":/?#[]@!$&'()*+,;=%-._~")
