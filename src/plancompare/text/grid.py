"""Plain-text tables for terminals: columns aligned by display width (CJK characters take two)."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """How many terminal cells a text takes: wide and full-width characters count two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending in … when cut."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out += ch
        used += w
    return out + "…"


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` cells."""
    return text + " " * max(0, width - display_width(text))


def format_table(
    header: list[str], rows: list[list[str]], max_width: int = 40, gap: str = "  "
) -> list[str]:
    """Lines of a table with aligned columns; cells wider than ``max_width`` are clipped, except
    in the last column, which runs on."""
    cells = [[c.replace("\n", " ") for c in row] for row in [header, *rows]]
    last = len(header) - 1
    for row in cells:
        for i in range(last):
            row[i] = clip(row[i], max_width)
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = [pad(c, widths[i]) if i < last else c for i, c in enumerate(row)]
        lines.append(gap.join(parts).rstrip())
    return lines
