"""Plain-text plans: paragraphs one per line, and tables that Word flattened one cell per line."""

from __future__ import annotations

from plancompare.ingest import RawBlock, RawParagraph, RawTable
from plancompare.ingest.cleanup import clean_line

FLATTENED_NOTE = "reconstructed from a table flattened to one cell per line"


def blocks_from_text(text: str) -> list[RawBlock]:
    """Raw blocks of a decoded text file: one paragraph per non-blank line, tables rebuilt."""
    lines = text.split("\n")
    blocks: list[RawBlock] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            end, table = _flattened_table(lines, i)
            if table is not None:
                blocks.append(table)
                i = end
                continue
        cleaned = clean_line(lines[i])
        if cleaned:
            blocks.append(RawParagraph(cleaned))
        i += 1
    return blocks


def _flattened_table(lines: list[str], start: int) -> tuple[int, RawTable | None]:
    """Read a Word table exported as tab-indented cells, a blank line between rows.

    Returns the index after the table and the table, or (start, None) when the lines do
    not form a table (tab-indented paragraphs are just stray indentation).
    """
    rows: list[list[str]] = []
    row: list[str] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            row.append(clean_line(line))
        elif not line.strip() and i + 1 < len(lines) and lines[i + 1].startswith("\t"):
            if row:
                rows.append(row)
            row = []
        else:
            break
        i += 1
    if row:
        rows.append(row)
    if not _looks_like_table(rows):
        return start, None
    return i, RawTable(rows, [FLATTENED_NOTE])


def _looks_like_table(rows: list[list[str]]) -> bool:
    """At least a header and two rows of two or more short cells, mostly of one width."""
    if len(rows) < 3 or len(rows[0]) < 2:
        return False
    width = len(rows[0])
    regular = sum(1 for r in rows if len(r) == width)
    cells = [c for r in rows for c in r if c]
    short = sum(1 for c in cells if len(c) <= 40)
    return regular * 5 >= len(rows) * 4 and short * 5 >= len(cells) * 4
