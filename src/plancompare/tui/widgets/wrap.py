"""Word-wrapping Chinese text to a column width in terminal cells.

Rich's wrapping breaks at spaces and folds what is left; Chinese has no spaces, so a
paragraph is one long "word" and is chopped wherever the width runs out, leaving 。or ，
at the start of a line. This breaks between any two characters (as Chinese typesetting
does), counts wide characters as two cells, keeps closing punctuation off the start of a
line, keeps a number's digits (and a Latin word or code) on one line, and breaks Latin words
at spaces where it can. It is also what the compare view
uses to know every row's height without rendering it, so it has to be cheap.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size
from rich.text import Text

#: Characters that may not open a line (they go back to the end of the line before).
NO_LINE_START = frozenset("，。、；：？！…—）)]】」』”’》〉%％,.;:?!")


def _unbroken(ch: str) -> bool:
    """Whether ``ch`` belongs to a run never cut at a line's end: the digits, decimal point
    and % of a number (年均增速10%, 到2027年), a Latin word or code (5G, IPv6)."""
    return ch.isdigit() or ch in ".．%％" or (ch.isascii() and ch.isalnum())


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets in ``text`` where its lines start, first line excluded; newlines end lines
    (a line starts just past its newline)."""
    width = max(width, 2)
    breaks: list[int] = []
    used = 0
    line_start = 0
    space = -1  # offset just past the last space on the current line
    for i, ch in enumerate(text):
        if ch == "\n":
            breaks.append(i + 1)
            used, line_start, space = 0, i + 1, -1
            continue
        size = get_character_cell_size(ch)
        if ch == " " and used + size > width:
            # A space where the line is full ends it (and is cut off when drawn).
            breaks.append(i + 1)
            used, line_start, space = 0, i + 1, -1
            continue
        if used + size > width and i > line_start:
            at = i
            if ch in NO_LINE_START and i - 1 > line_start:
                at = i - 1  # carry the last character down with the punctuation
            elif ch.isascii() and ch.isalnum() and space > line_start:
                at = space  # a Latin word goes down whole
            run = at
            while run > line_start and _unbroken(text[run - 1]) and _unbroken(text[run]):
                run -= 1
            if run > line_start:
                at = run  # a number (a code) goes down whole: 1│0% would read as two figures
            breaks.append(at)
            line_start, space = at, -1
            used = sum(get_character_cell_size(c) for c in text[at:i])
        used += size
        if ch == " ":
            space = i + 1
    return breaks


def wrap_text(text: Text, width: int) -> tuple[list[Text], list[int]]:
    """``text`` cut into lines of at most ``width`` cells (styles kept, newlines dropped),
    and the offset in ``text`` at which each line starts."""
    breaks = break_offsets(text.plain, width)
    lines = list(text.divide(breaks))
    for line in lines:
        if line.plain.endswith("\n"):
            line.right_crop(1)
    return lines, [0, *breaks]
