"""A session of three plans: the reference plan's coverage filled one plan at a time from the
pairs' alignments (kept for the compare view), the compare pair switched and switched back
without computing anything again, and the similar-passage index built once."""

from __future__ import annotations

from pathlib import Path

from plancompare.embed.lexical import LexicalEmbedder
from plancompare.model import Plan
from plancompare.session import ReviewSession, open_session
from tests.tui_coverage_support import coverage_plans
from tests.tui_support import scratch_settings


def session(tmp_path: Path) -> ReviewSession:
    ref, shi, xian = coverage_plans()
    return open_session(ref, shi, scratch_settings(tmp_path), LexicalEmbedder(), more=[xian])


def test_coverage_fills_one_plan_at_a_time_from_the_pairs(tmp_path: Path) -> None:
    ws = session(tmp_path)
    assert ws.reference is not None and ws.reference.id == "sheng"
    assert [p.id for p in ws.lower] == ["shi", "xian"]
    result = ws.start_coverage()
    assert result is not None and ws.start_coverage() is result  # made once
    assert len(result.rows) == 9 and all(not r.cells for r in result.rows)
    assert not ws.judged("shi") and not ws.coverage_done
    pair = ws.compute_coverage_of(ws.plan("shi"))
    assert pair is ws.pair  # the compare pair: sheng ⇄ shi, computed for coverage
    assert pair.refined and ws.alignment is pair.alignment and ws.rows
    assert ws.judged("shi") and not ws.judged("xian")
    ws.compute_coverage_of(ws.plan("xian"))
    assert ws.coverage_done
    ws.compute_benchmark()
    ws.attach_benchmark()
    row = result.row("3.1")
    assert row is not None and row.targets == []  # targets come with compute_coverage_targets
    ws.compute_coverage_targets()
    ws.attach_benchmark()
    assert row.targets and row.cells["shi"].benchmark


def test_switching_the_pair_keeps_what_was_computed(tmp_path: Path) -> None:
    ws = session(tmp_path)
    first = ws.pair
    ws.compute_alignment()
    ws.compute_matcher()
    rows = ws.rows
    other = ws.switch_pair("sheng", "xian")
    assert (ws.a.id, ws.b.id) == ("sheng", "xian") and other is not first
    assert ws.alignment is None and ws.rows == [] and ws.matcher is None
    assert ws.refine_pair(other) and not ws.refine_pair(other)  # once only
    assert ws.alignment is not None and ws.alignment.b.id == "xian"
    ws.switch_pair("sheng", "shi")
    assert ws.pair is first and ws.rows is rows and first.refined
    assert [p.id for p in ws.plans] == ["sheng", "shi", "xian"]  # the plans stay


def test_two_plans_have_no_coverage(tmp_path: Path, luhe: Plan, dehong: Plan) -> None:
    ws = open_session(luhe, dehong, scratch_settings(tmp_path))
    assert ws.reference is None and ws.lower == [] and ws.start_coverage() is None


def test_the_similar_index_is_built_once_with_the_corpus(tmp_path: Path) -> None:
    ws = session(tmp_path)
    index = ws.compute_similar_index()
    assert ws.compute_similar_index() is index
    # The plans under review, then the corpus's other plans (the shipped ones).
    assert [p.id for p in index.plans] == ["sheng", "shi", "xian", "dehong", "luhe"]


def test_plans_of_one_region_are_named_by_their_ids(tmp_path: Path) -> None:
    ref, shi, xian = coverage_plans()
    shi.meta.region = xian.meta.region = "某省"
    ws = open_session(ref, shi, scratch_settings(tmp_path), LexicalEmbedder(), more=[xian])
    assert [ws.name(p.id) for p in ws.plans] == ["sheng", "shi", "xian"]
    ws = session(tmp_path / "other")
    assert [ws.name(p.id) for p in ws.plans] == ["某省", "某市", "某县"]
