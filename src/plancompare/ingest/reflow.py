"""Lines of a page layout back into paragraphs: unwrapping, page furniture, table of contents.

Text extracted from a PDF (or saved from one as .txt) has a line break wherever the page
had one: inside words, inside sentences, around page numbers and running headers. Every
rule here rests on how justified Chinese text is typeset, not on any one plan: a line that
fills its column goes on in the next line; a line that stops short ends its paragraph; a
paragraph's first line is indented by two characters; page numbers and running headers
repeat at page intervals; table-of-contents lines have dot leaders and a page number.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from plancompare.text.numbering import opens_unit

#: Characters that end a sentence or a list introduction; a paragraph ends on one of them.
TERMINAL = "。！？；：!?;:…”’）)】》"
#: A line ending in these is inside a clause: it can never be a paragraph's last line.
CLAUSE_OPEN = "、，,（(“‘《【"
#: Widths are counted in half-width cells: a hanzi or full-width sign is 2, ASCII is 1.
_CJK = 2
#: A line within this many cells of its column's width fills it (spacing around Latin
#: letters and digits varies by a cell or two).
FULL_SLACK = 3
#: A paragraph's first line is indented by two characters (the Chinese convention).
INDENT_SLACK = 3 * _CJK

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_\s]*\d{1,4}[-—–－_\s]*"  # 3, - 3 -, —3—
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第3页, 第3页 共15页
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3/15
    r"|[-—–－]?\s*[ivxlcIVXLC]{1,6}\s*[-—–－]?)$"  # front-matter pages: ii, - iv -
)
# Dot leaders (..... ……  ······ ・・・) then a page number: a table-of-contents line.
_CONTENTS_LINE = re.compile(r"(?:[.．。·・…⋯]\s*){4,}\s*\d{1,4}\s*$")
_CONTENTS_TITLE = re.compile(r"^目\s*录$")

#: A repeated line is a running header or footer only when it is short and comes back at
#: least this often.
RUNNING_MIN_REPEATS = 3
RUNNING_MAX_WIDTH = 60 * _CJK // 2 * 2


def cell_width(text: str) -> int:
    """Width of a line in half-width cells (hanzi and full-width forms count 2)."""
    return sum(_CJK if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass(slots=True)
class LayoutLine:
    """A line as laid out on a page, with what the layout says about it."""

    text: str
    """The line's text, edges stripped."""
    page: int = 0
    """The page it stood on (0 when unknown, as in a .txt)."""
    full: bool | None = None
    """Whether it reaches its column's right edge, when the layout is known (PDF)."""
    indented: bool | None = None
    """Whether it starts right of its column's left edge, when the layout is known (PDF)."""
    width: int | None = None
    """Its width in cells when it is the last piece of a longer physical line."""
    ends: bool = False
    """A paragraph ends after it whatever its width (a unit run into the same line follows)."""


def is_page_number(text: str) -> bool:
    """A line holding nothing but a page number (1, - 3 -, 第3页, 3/15)."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def is_contents_line(text: str) -> bool:
    """A table-of-contents line: a title, dot leaders, a page number."""
    return bool(_CONTENTS_LINE.search(text))


def drop_contents(lines: list[LayoutLine]) -> list[LayoutLine]:
    """Remove table-of-contents lines (dot leaders and a page number) and their 目录 title."""
    keep: list[LayoutLine] = []
    for i, line in enumerate(lines):
        if _CONTENTS_LINE.search(line.text):
            continue
        if _CONTENTS_TITLE.match(line.text) and any(
            _CONTENTS_LINE.search(n.text) for n in lines[i + 1 : i + 4]
        ):
            continue
        keep.append(line)
    return keep


def _furniture_key(text: str) -> str:
    # Running headers often carry the page number or date; compare them without digits.
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_page_furniture(lines: list[LayoutLine]) -> tuple[list[LayoutLine], int]:
    """Remove page numbers on their own line and running headers/footers.

    A running header or footer is a short line that repeats (digits aside) at least three
    times, at intervals like pages: never two occurrences close together, and the longest
    interval at most three times the shortest. Returns the lines kept and how many went.
    """
    positions: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if cell_width(line.text) <= RUNNING_MAX_WIDTH and not opens_unit(line.text):
            positions.setdefault(_furniture_key(line.text), []).append(i)
    running: set[int] = set()
    for idx in positions.values():
        if len(idx) < RUNNING_MIN_REPEATS:
            continue
        gaps = [b - a for a, b in itertools.pairwise(idx)]
        pages = {lines[i].page for i in idx}
        paged = len(pages) == len(idx) if lines[idx[0]].page else min(gaps) >= 10
        if paged and max(gaps) <= 3 * min(gaps):
            running.update(idx)
    keep = [
        line for i, line in enumerate(lines) if i not in running and not is_page_number(line.text)
    ]
    return keep, len(lines) - len(keep)


def looks_hard_wrapped(lines: list[str]) -> bool:
    """Whether a text file keeps a page layout's line breaks (rather than a paragraph a line).

    Measured on the lines themselves: in a hard-wrapped text most lines end inside a sentence
    and many have the same width (the column's); in a paragraph-per-line text most lines end
    on a full stop and widths spread widely. Both must hold, so a plan of short headings and
    table cells (no full stops, varied widths) is never taken for wrapped text. A line
    repeated word for word (a page's list of headlines, each shown three times) counts once:
    the lines a paragraph wraps into differ.
    """
    body = list(dict.fromkeys(t for t in lines if t and not is_page_number(t)))
    if len(body) < 12:
        return False
    open_ended = sum(1 for t in body if t[-1] not in TERMINAL) / len(body)
    columns = column_widths(body)
    at_column = sum(
        1 for t in body if any(abs(cell_width(t) - c) <= FULL_SLACK for c in columns)
    ) / len(body)
    return open_ended >= 0.5 and at_column >= 0.4


def column_widths(lines: list[str]) -> list[int]:
    """The widths of the text columns, sorted: widths shared by many lines that end inside a
    sentence (the lines a paragraph wraps), a column's indented first lines folded into it.
    Lines opening a numbered unit (headings) are left out, and a repeated line counts once."""
    wrapped = list(dict.fromkeys(t for t in lines if t and not opens_unit(t)))
    counts = Counter(cell_width(t) for t in wrapped)
    open_counts = Counter(cell_width(t) for t in wrapped if t[-1] not in TERMINAL)
    floor = max(3, len(wrapped) // 20)
    frequent = sorted(
        (w for w, n in counts.items() if n >= floor and open_counts[w] * 2 > n and w >= 16),
        reverse=True,
    )
    columns: list[int] = []
    for w in frequent:
        if not any(c - INDENT_SLACK - FULL_SLACK <= w <= c for c in columns):
            columns.append(w)
    return sorted(columns)


def _column_of(width: int, columns: list[int]) -> int | None:
    for c in columns:
        if c >= width - FULL_SLACK:
            return c
    return columns[-1] if columns else None


def unwrap(lines: list[LayoutLine]) -> list[str]:
    """Join the lines of each paragraph; return the paragraphs.

    A line goes on in the next one when it fills its column (or, from a PDF, reaches the
    right edge) — unless the next line opens a new unit (一、 （一） 1. —— 专栏 附件) or is
    indented, or the line ends a sentence short of the column's edge. A line ending inside a
    clause (、，) always goes on, even before a number: 一、二、三产业 is one phrase.
    """
    columns = column_widths([x.text for x in lines if x.full is None and x.width is None])
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        current = join_wrapped(current, line.text) if current else line.text
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None or _ends_paragraph(line, nxt, columns, at_start=current == line.text):
            paragraphs.append(current)
            current = ""
    return paragraphs


def _ends_paragraph(line: LayoutLine, nxt: LayoutLine, columns: list[int], at_start: bool) -> bool:
    text = line.text
    if line.ends or _TABLE_ROW.search(text) or _TABLE_ROW.search(nxt.text):
        return True  # 长安镇 | 2150 | 其中…: a row of a table with bars is a line of its own
    if text[-1] in CLAUSE_OPEN:
        return False
    if opens_unit(nxt.text) or nxt.indented:
        return True
    if opens_unit(text) and at_start and text[-1] in "。．" and len(text) <= 40:
        return True  # a heading written with a closing full stop: （一）指导思想。
    if line.full is not None:
        return not line.full
    width = _width(line)
    column = _column_of(width, columns)
    if column is None:
        return True
    if width < column - INDENT_SLACK - FULL_SLACK:
        return True  # stops well short of the edge: a last line, a heading, a title
    if text[-1] not in TERMINAL:
        return False
    # Near the edge. A sentence end even one character short of it is a paragraph's last
    # line (a line that goes on is justified to the edge, give or take a Latin cell).
    if width < column - 1:
        return True
    # At the edge: the paragraph ended there if the next line is a first line — short of
    # the edge by an indent, yet going on (a line inside a paragraph fills the column).
    nxt_width = _width(nxt)
    return (
        nxt.full is None
        and column - INDENT_SLACK - FULL_SLACK <= nxt_width < column - 1
        and nxt.text[-1] not in TERMINAL
    )


#: A row of a table whose cells a page separates with bars (乡镇 | 新种任务(亩) | 备注 |).
_TABLE_ROW = re.compile(r"\S\s*\|\s*\S.*\|")


def _width(line: LayoutLine) -> int:
    return line.width if line.width is not None else cell_width(line.text)


def split_run_together_lines(lines: list[LayoutLine]) -> list[LayoutLine]:
    """Split lines that hold the end of one unit and the start of the next (see
    :func:`split_run_together`); the pieces but the last end their paragraphs, the last
    keeps the physical line's width, so that it goes on in the next line if the line did."""
    out: list[LayoutLine] = []
    for line in lines:
        parts = split_run_together(line.text, from_layout=True)
        if len(parts) == 1:
            out.append(line)
            continue
        for part in parts[:-1]:
            out.append(LayoutLine(part, line.page, full=False, indented=False, ends=True))
        out.append(LayoutLine(parts[-1], line.page, line.full, indented=False, width=_width(line)))
    return out


def join_wrapped(left: str, right: str) -> str:
    """Two pieces of one wrapped paragraph: a space only between two Latin letters or digits."""
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right


# A sentence end, then (after optional spaces) a new unit: 一、 （二） 第三章 专栏 附件 ——.
_RUN_TOGETHER = re.compile(
    r"(?<=[。！？；!?])[ \t\u3000\u2003]*"
    r"(?=(?:[零〇一二三四五六七八九十百]+、|[（(][零〇一二三四五六七八九十百]+[）)]"
    r"|第[零〇一二三四五六七八九十百\d]+[章节部编]|专栏\s*[\d０-９一二三四五六七八九十]|——\S))"
)
# In text from a page layout, a space after a full stop marks where two blocks were joined:
# Chinese typesetting puts no space between sentences.
_SPACED_STOP = re.compile(r"(?<=[。！？])[ \t\u3000\u2003]+(?=[^\s\d])")


def split_run_together(paragraph: str, from_layout: bool) -> list[str]:
    """Split units that an export ran into one line: "…技术。 （二）深化…", "…。——…"."""
    parts = _RUN_TOGETHER.split(paragraph)
    if from_layout:
        parts = [p for part in parts for p in _SPACED_STOP.split(part)]
    return [p.strip() for p in parts if p.strip()]
