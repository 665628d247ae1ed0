"""Moving through the compare rows: differences in reading order, unmatched units, sections;
and finding text in both plans."""

from __future__ import annotations

import threading

from plancompare.align.highlight import SentenceKind
from plancompare.align.rows import (
    CompareRow,
    Difference,
    RowKind,
    compare_rows,
    diff_rows,
    differences,
    next_unmatched,
    row_of_section,
    rows_of_section,
    step_difference,
    stop_side,
)
from plancompare.model import Alignment, Link, Plan
from plancompare.plan.search import search_plans
from plancompare.review.target_marks import plan_targets, row_highlights


def alignment_of(luhe: Plan, dehong: Plan) -> Alignment:
    links = [
        Link("1", "1", 0.9, "match"),
        Link("6.1", "5.1", 0.9, "match"),
        Link("6.3", "5.4", 0.8, "match"),
        Link("5.8.4", "5.3", 0.9, "match"),
        Link("5.8.4", "5.2", 0.5, "partial"),
        Link("5.8.2", "5.3", 0.6, "match"),
    ]
    linked_a, linked_b = {lk.a for lk in links}, {lk.b for lk in links}
    return Alignment(
        luhe,
        dehong,
        "test",
        links,
        only_a=sorted({s.id for s in luhe.walk()} - linked_a),
        only_b=sorted({s.id for s in dehong.walk()} - linked_b),
    )


def test_shown_sides_of_more_and_seen_rows(luhe: Plan, dehong: Plan) -> None:
    rows = compare_rows(alignment_of(luhe, dehong))
    more = next(r for r in rows if r.kind is RowKind.MORE)
    assert (more.a and more.a.id, more.b and more.b.id) == ("5.8.4", "5.2")
    assert not more.shows_a and more.shows_b
    seen = next(r for r in rows if r.b_seen)
    assert seen.shows_a and not seen.shows_b
    assert seen.b is not None and seen.b.id == "5.3"


def test_differences_follow_reading_order_and_skip_hidden_sides(luhe: Plan, dehong: Plan) -> None:
    rows = compare_rows(alignment_of(luhe, dehong))
    diffs = diff_rows(rows, None, words=False)
    # Only rows whose two units both have text are diffed.
    assert diffs and all(rows[i].a and rows[i].b for i in diffs)
    highlights = row_highlights(rows, diffs, plan_targets(luhe, dehong))
    found = differences(rows, highlights)
    assert found and found == sorted(found)
    for d in found:
        stop = highlights[d.row].stops[d.stop]
        assert stop.kind in (SentenceKind.TARGET, SentenceKind.ONLY_HERE, SentenceKind.REWORDED)
        side = stop_side(rows[d.row], stop)
        assert side is not None
        assert rows[d.row].shows_a if side == "a" else rows[d.row].shows_b
    stop_now = threading.Event()
    stop_now.set()
    assert diff_rows(rows, None, stop_now) == {}  # cancelled before the first row
    # A more row shows only B: a stop there is seen on B, A's own sentences are not stops.
    more = next(i for i, r in enumerate(rows) if r.kind is RowKind.MORE)
    for d in found:
        if d.row == more:
            assert stop_side(rows[more], highlights[more].stops[d.stop]) == "b"


def test_an_unmatched_responsibility_note_is_no_difference(luhe: Plan, dehong: Plan) -> None:
    from plancompare.align.diff import PairDiff, SentenceGroup
    from plancompare.align.highlight import highlight_pair
    from plancompare.text.sentences import split_sentences

    note, measure = split_sentences("（牵头单位：县人社局；责任单位：县教育局）加强培训。")
    assert note.note and not measure.note
    a, b = luhe.sections[0], dehong.sections[0]
    quiet = highlight_pair(PairDiff(a, b, [SentenceGroup("only_a", [note], [], 0.0)]), [])
    assert quiet.stops == [] and quiet.sentences == []
    stops = highlight_pair(PairDiff(a, b, [SentenceGroup("only_b", [], [measure], 0.0)]), [])
    assert [(s.side, s.kind) for s in stops.stops] == [("b", SentenceKind.ONLY_HERE)]


def test_step_difference_wraps_around() -> None:
    found = [Difference(2, 0), Difference(2, 3), Difference(5, 1)]
    assert step_difference(found, 0, -1) == 0
    assert step_difference(found, 2, 0) == 1
    assert step_difference(found, 2, 3) == 2
    assert step_difference(found, 5, 1) == 0  # past the last: back to the first
    assert step_difference(found, 5, 1, forward=False) == 1
    assert step_difference(found, 2, 0, forward=False) == 2  # before the first: the last
    assert step_difference(found, 3, -1, forward=False) == 1
    assert step_difference([], 0, -1) is None


def test_next_unmatched_and_row_of_section(luhe: Plan, dehong: Plan) -> None:
    rows = compare_rows(alignment_of(luhe, dehong))
    first = next_unmatched(rows, -1)
    assert first is not None and rows[first].unmatched
    second = next_unmatched(rows, first)
    assert second is not None and second > first and rows[second].unmatched
    last = max(i for i, r in enumerate(rows) if r.unmatched)
    assert next_unmatched(rows, last) == first
    assert next_unmatched([CompareRow(RowKind.CONTEXT, None, None, None)], 0) is None
    at = row_of_section(rows, "b", "5.3")
    assert at is not None and not rows[at].b_seen  # the row where 5.3 is shown
    at_a = row_of_section(rows, "a", "5.8.4")
    assert at_a is not None and rows[at_a].kind is RowKind.PAIR
    every = rows_of_section(rows, "a", "5.8.4")
    assert every[0] == at_a and rows[every[1]].kind is RowKind.MORE
    assert row_of_section(rows, "a", "99") is None


def test_search_finds_text_and_headings_in_both_plans(luhe: Plan, dehong: Plan) -> None:
    hits = search_plans([luhe, dehong], "组织领导")
    assert {h.plan for h in hits} == {"dehong"}
    heading = [h for h in hits if h.start is None]
    assert heading and heading[0].section == "5.1" and heading[0].match == "组织领导"
    hits = search_plans([luhe, dehong], "t恤")  # case is ignored
    assert hits and hits[0].plan == "luhe" and hits[0].match == "T恤"
    for hit in search_plans([luhe, dehong], "2027"):
        if hit.start is not None:
            section = next(
                s for s in (luhe if hit.plan == "luhe" else dehong).walk() if s.id == hit.section
            )
            assert section.text[hit.start : hit.end] == "2027"
            assert "\n" not in hit.before + hit.after
    assert search_plans([luhe], "  ") == []
    # Each hit says where it is as the draft names it: its headings from the top down.
    hit = next(h for h in search_plans([luhe, dehong], "组织领导") if h.section == "5.1")
    assert hit.path.startswith("四、保障措施") and hit.path.endswith(hit.label)
    assert len(search_plans([luhe, dehong], "产业", limit=5)) == 5
