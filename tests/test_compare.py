"""The compare view's reading order: A's order, partners beside, B-only units in place."""

from __future__ import annotations

from plancompare.align.rows import RowKind, compare_rows
from plancompare.model import Alignment, Link, Plan


def rows_of(alignment: Alignment) -> list[tuple[str, str, str]]:
    return [
        (r.kind.value, r.a.id if r.a else "", r.b.id if r.b else "")
        for r in compare_rows(alignment)
    ]


def test_pairs_more_only_and_context_rows(luhe: Plan, dehong: Plan) -> None:
    links = [
        Link("1", "1", 0.9, "match"),
        Link("2", "2", 0.5, "partial"),
        Link("6", "5", 0.8, "match"),
        Link("6.1", "5.1", 0.9, "match"),
        Link("5.8.1", "3.5", 0.6, "match"),
        Link("5.8.1", "3.6", 0.4, "partial"),
        Link("5.8.2", "3.5", 0.5, "match"),
    ]
    a_ids = {s.id for s in luhe.walk()}
    b_ids = {s.id for s in dehong.walk()}
    linked_a = {lk.a for lk in links}
    linked_b = {lk.b for lk in links}
    alignment = Alignment(
        luhe,
        dehong,
        "test",
        links,
        only_a=sorted(a_ids - linked_a - {"0"}),
        only_b=sorted(b_ids - linked_b - {"0"}),
    )
    rows = rows_of(alignment)
    assert ("pair", "1", "1") in rows
    assert rows[rows.index(("pair", "5.8.1", "3.5")) + 1] == ("more", "5.8.1", "3.6")
    second = compare_rows(alignment)[rows.index(("pair", "5.8.2", "3.5"))]
    assert second.b_seen
    # Every unit of both plans appears exactly once as A, and every B unit somewhere.
    assert sorted(r[1] for r in rows if r[1] and r[0] != "more") == sorted(a_ids)
    assert {r[2] for r in rows if r[2]} == b_ids
    # B-only units follow their nearest shown predecessor in B: 3.7 comes after 3.6's row.
    assert rows.index(("only_b", "", "3.7")) > rows.index(("more", "5.8.1", "3.6"))
    # The B preamble has no partner and precedes everything of B that is shown.
    assert rows.index(("only_b", "", "0")) < rows.index(("pair", "1", "1"))
    kinds = {r.kind for r in compare_rows(alignment)}
    assert RowKind.CONTEXT in kinds  # the inferred parents of 陆河 have no text
