"""The side-by-side reading order of two aligned plans: rows of A units and their B partners."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from plancompare.model import Alignment, Link, Section, SectionKind


class RowKind(StrEnum):
    """What a compare row shows."""

    PAIR = "pair"
    """A unit of A and its best partner in B."""
    MORE = "more"
    """A further partner in B of the unit of A in the row above."""
    ONLY_A = "only_a"
    """A unit of A with no counterpart in B."""
    ONLY_B = "only_b"
    """A unit of B with no counterpart in A, placed after its neighbour in B."""
    CONTEXT = "context"
    """A unit without text of its own and without a partner (a heading over its children,
    an inferred parent), shown for orientation."""


@dataclass(slots=True)
class CompareRow:
    """One row of the compare view."""

    kind: RowKind
    """What the row shows."""
    a: Section | None
    """The unit of plan A, if any."""
    b: Section | None
    """The unit of plan B, if any."""
    link: Link | None
    """The link between them, for pair and more rows."""
    b_seen: bool = False
    """True when ``b`` already stood in an earlier row (many units of A share one of B)."""

    @property
    def key(self) -> str:
        """A stable key for the row: ``a-id|b-id``."""
        return f"{self.a.id if self.a else ''}|{self.b.id if self.b else ''}"


def _has_own_text(section: Section) -> bool:
    return bool(section.text.strip()) or bool(section.tables)


def compare_rows(alignment: Alignment) -> list[CompareRow]:
    """Rows in the reading order of plan A, with B-only units placed in place.

    A unit of B with no counterpart goes after the row of the nearest preceding unit of B
    that is shown; one that precedes everything shown goes first.
    """
    b_sections = {s.id: s for s in alignment.b.walk()}
    by_a: dict[str, list[Link]] = {}
    for link in alignment.links:
        by_a.setdefault(link.a, []).append(link)
    rows: list[CompareRow] = []
    shown_b: set[str] = set()
    for section in alignment.a.walk():
        if section.kind is SectionKind.PREAMBLE and not _has_own_text(section):
            continue
        links = sorted(by_a.get(section.id, []), key=lambda lk: (lk.kind != "match", -lk.score))
        if not links:
            kind = RowKind.ONLY_A if _has_own_text(section) else RowKind.CONTEXT
            rows.append(CompareRow(kind, section, None, None))
            continue
        for i, link in enumerate(links):
            b = b_sections.get(link.b)
            if b is None:
                continue
            kind = RowKind.PAIR if i == 0 else RowKind.MORE
            rows.append(CompareRow(kind, section, b, link, b_seen=b.id in shown_b))
            shown_b.add(b.id)
    _place_only_b(rows, alignment, shown_b)
    return rows


def _place_only_b(rows: list[CompareRow], alignment: Alignment, shown_b: set[str]) -> None:
    order = [s for s in alignment.b.walk() if s.kind is not SectionKind.PREAMBLE or s.text]
    position = {s.id: i for i, s in enumerate(order)}
    for section in order:
        if section.id in shown_b:
            continue
        kind = RowKind.ONLY_B if _has_own_text(section) else RowKind.CONTEXT
        # After the rows of its nearest preceding unit of B that is already shown.
        mine = position[section.id]
        anchor = max(
            (position[b] for b in shown_b if b in position and position[b] < mine), default=-1
        )
        at = 0
        if anchor >= 0:
            anchor_id = order[anchor].id
            at = max(i for i, r in enumerate(rows) if r.b is not None and r.b.id == anchor_id) + 1
        rows.insert(at, CompareRow(kind, None, section, None))
        shown_b.add(section.id)
