"""The side-by-side reading order of two aligned plans: rows of A units and their B partners."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from plancompare.model import Alignment, Link, Section, SectionKind

if TYPE_CHECKING:
    from plancompare.align.diff import PairDiff, SentenceMatcher
    from plancompare.align.highlight import PairHighlight, Stop


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

    @property
    def shows_a(self) -> bool:
        """True when the row shows its unit of A (a ``more`` row repeats the row above)."""
        return self.a is not None and self.kind is not RowKind.MORE

    @property
    def shows_b(self) -> bool:
        """True when the row shows its unit of B (not when an earlier row showed it)."""
        return self.b is not None and not self.b_seen

    @property
    def unmatched(self) -> bool:
        """True for a unit with no counterpart in the other plan."""
        return self.kind in (RowKind.ONLY_A, RowKind.ONLY_B)


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


# --- moving through the rows ------------------------------------------------------------


@dataclass(slots=True, frozen=True, order=True)
class Difference:
    """A place where a pair differs: one stop of one row's highlight."""

    row: int
    """Index of the row in the compare rows."""
    stop: int
    """Index of the stop in the row's :class:`plancompare.align.highlight.PairHighlight`."""


def diff_rows(
    rows: list[CompareRow],
    matcher: SentenceMatcher | None,
    cancel: threading.Event | None = None,
    *,
    words: bool = True,
    segment: bool = True,
) -> dict[int, PairDiff]:
    """The in-pair diff of every row whose two units both have text, by row index (the rows
    done so far once ``cancel`` is set); ``words`` False diffs the words of near-identical
    sentences only (what the highlight shows), ``segment`` False none at all."""
    from plancompare.align.diff import diff_sections

    diffs: dict[int, PairDiff] = {}
    for i, row in enumerate(rows):
        if cancel is not None and cancel.is_set():
            break
        if row.a is not None and row.b is not None and row.a.text.strip() and row.b.text.strip():
            diffs[i] = diff_sections(row.a, row.b, matcher, words=words, segment=segment)
    return diffs


def differences(
    rows: list[CompareRow], highlights: Mapping[int, PairHighlight]
) -> list[Difference]:
    """Every difference a reader can see, in reading order: the stops of each row's
    highlight, leaving out those on a side the row does not show (a ``more`` row's A, a seen
    B) unless the partner sentences on the other side are shown."""
    found: list[Difference] = []
    for i, row in enumerate(rows):
        highlight = highlights.get(i)
        if highlight is None:
            continue
        for k, stop in enumerate(highlight.stops):
            if stop_side(row, stop) is not None:
                found.append(Difference(i, k))
    return found


def stop_side(row: CompareRow, stop: Stop) -> str | None:
    """The side a stop is seen on in its row: its own, else the other when the row shows
    the partner sentences there; None when neither is shown."""
    shown = {"a": row.shows_a, "b": row.shows_b}
    if shown[stop.side]:
        return stop.side
    other = "b" if stop.side == "a" else "a"
    return other if stop.other is not None and shown[other] else None


def step_difference(
    found: list[Difference], row: int, group: int, forward: bool = True
) -> int | None:
    """Index in ``found`` of the next (or previous) difference after the position ``row``,
    ``group`` (group -1: before the row's first group), wrapping around at the ends."""
    if not found:
        return None
    here = Difference(row, group)
    if forward:
        at = bisect.bisect_right(found, here)
        return at if at < len(found) else 0
    at = bisect.bisect_left(found, here) - 1
    return at if at >= 0 else len(found) - 1


def next_unmatched(rows: list[CompareRow], after: int) -> int | None:
    """The next row after ``after`` whose unit has no counterpart, wrapping around."""
    n = len(rows)
    for k in range(1, n + 1):
        i = (after + k) % n
        if rows[i].unmatched:
            return i
    return None


def row_of_section(rows: list[CompareRow], side: str, section_id: str) -> int | None:
    """The first row showing section ``section_id`` of plan A (``side`` "a") or B."""
    found = rows_of_section(rows, side, section_id)
    return found[0] if found else None


def rows_of_section(rows: list[CompareRow], side: str, section_id: str) -> list[int]:
    """Every row holding section ``section_id`` of plan A (``side`` "a") or B, in order."""
    return [
        i
        for i, row in enumerate(rows)
        if (unit := row.a if side == "a" else row.b) is not None and unit.id == section_id
    ]
