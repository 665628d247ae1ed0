"""Turning raw table cells into a plan table: merged cells carried down, units split from names."""

from __future__ import annotations

import itertools
import re

from plancompare.model import Table
from plancompare.text.units import parse_unit

_NAME_WITH_UNIT = re.compile(r"^(.*?)[（(]([^（）()]+)[）)]$")

UNIT_HEADER = "单位"


def split_unit(cell: str) -> tuple[str, str] | None:
    """``全产业链总产值（亿元）`` → (全产业链总产值, 亿元); None when the cell names no unit."""
    m = _NAME_WITH_UNIT.match(cell.strip())
    unit = re.sub(r"\s+", "", m.group(2)) if m else ""  # (万元/ 人年): a space a page left
    # 万元/人年: a rate of a known unit, kept as written.
    known = parse_unit(unit) is not None or parse_unit(unit.split("/")[0]) is not None
    if m and m.group(1) and known:
        return m.group(1).strip(), unit
    return None


def build_table(raw_rows: list[list[str]], notes: list[str] | None = None) -> Table:
    """A :class:`Table` from cell texts whose first row is the header."""
    notes = list(notes or [])
    rows = [[c.strip() for c in r] for r in raw_rows]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header, body = rows[0], rows[1:]
    if _carry_down_first_column(body):
        notes.append(f"{header[0] or 'column 1'} carried down through merged cells")
    unit_col = _unit_column(header, body)
    if unit_col is not None:
        header = [*header[: unit_col + 1], UNIT_HEADER, *header[unit_col + 1 :]]
        new_body = []
        for r in body:
            split = split_unit(r[unit_col])
            name, unit = split if split else (r[unit_col], "")
            new_body.append([*r[:unit_col], name, unit, *r[unit_col + 1 :]])
        body = new_body
        notes.append(f"{UNIT_HEADER} split from {header[unit_col] or 'the name column'}")
    return Table(header=header, rows=body, notes=notes)


def _carry_down_first_column(body: list[list[str]]) -> bool:
    """Fill empty first cells from the row above, as a vertically merged cell reads.

    Only the first column is treated so: an empty value cell elsewhere means no value.
    """
    if not body or not body[0][0]:
        return False
    carried = False
    for prev, row in itertools.pairwise(body):
        if not row[0] and any(row[1:]):
            row[0] = prev[0]
            carried = True
    return carried


def _unit_column(header: list[str], body: list[list[str]]) -> int | None:
    """The column whose cells mostly end in a bracketed unit, if any."""
    if UNIT_HEADER in header:
        return None
    for col in range(len(header)):
        cells = [r[col] for r in body if r[col]]
        with_unit = sum(1 for c in cells if split_unit(c))
        if cells and with_unit * 2 >= len(cells) and with_unit >= 2:
            return col
    return None
