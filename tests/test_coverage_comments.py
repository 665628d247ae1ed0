"""Comments on coverage (与上位规划衔接): where a gap comment is anchored (the lower plan, at the
place to amend), what it says, the coverage cell kept with it through the database, the JSON
records, the W3C export and re-anchoring of the reference plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from plancompare.coverage import Coverage, Verdict, coverage
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.errors import PlanError
from plancompare.model import Plan
from plancompare.review.anchoring import reanchor_store
from plancompare.review.annotations import (
    annotation_collection,
    check_anchors,
    dumps_collection,
    read_annotations,
)
from plancompare.review.coverage_draft import coverage_reference, draft_for_gap, gap_section
from plancompare.review.model import COVERAGE_VERDICTS, AnchorState, Category, CoverageRef
from plancompare.review.records import RecordError, reference_dict, reference_from_dict
from plancompare.review.store import CommentStore
from plancompare.review.writing import new_comment
from tests.test_coverage import read

T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sheng() -> Plan:
    """The reference plan (a province)."""
    return read("ref.md", "sheng")


@pytest.fixture(scope="module")
def shi() -> Plan:
    """A city plan."""
    return read("plan.md", "shi")


@pytest.fixture(scope="module")
def xian() -> Plan:
    """A county plan."""
    return read("county.md", "xian")


@pytest.fixture(scope="module")
def result(sheng: Plan, shi: Plan, xian: Plan) -> Coverage:
    return coverage(sheng, [shi, xian], LexicalEmbedder())


def comment_on(result: Coverage, section: str, plan: Plan) -> tuple[str, CoverageRef]:
    row = result.row(section)
    assert row is not None
    return gap_section(result, row, plan), coverage_reference(result.ref, row, row.cells[plan.id])


def test_the_verdicts_kept_are_those_of_coverage() -> None:
    assert tuple(v.value for v in Verdict) == COVERAGE_VERDICTS


def test_a_partial_unit_is_anchored_on_the_plan_s_counterpart(result: Coverage, xian: Plan) -> None:
    # 三、重点任务 is partly taken up by the county, judged by its items: the comment goes on
    # the county's own heading over them, not on one of its items.
    row = result.row("3")
    assert row is not None and row.cells["xian"].verdict is Verdict.PARTIAL
    assert gap_section(result, row, xian) == "2"  # 二、重点工作


def test_an_absent_item_is_anchored_where_its_heading_is_taken_up(
    result: Coverage, shi: Plan
) -> None:
    # （二）加强网络安全保障 is absent from the city plan: the missing task belongs in the
    # city's 二、主要任务, the counterpart of the reference's 三、重点任务.
    row = result.row("3.2")
    assert row is not None and row.cells["shi"].verdict is Verdict.ABSENT
    assert gap_section(result, row, shi) == "2"


def test_with_nothing_to_go_by_the_plan_s_first_section(result: Coverage, shi: Plan) -> None:
    # 一、发展现状: no background in the city plan, no heading above it.
    row = result.row("1")
    assert row is not None and row.cells["shi"].counterparts == []
    assert gap_section(result, row, shi) == "1"


@pytest.mark.parametrize(
    ("lang", "verdict", "body", "category"),
    [
        ("zh", Verdict.ABSENT, "未体现上位规划《某省智能制造提升行动计划》中“（二）", "add"),
        ("zh", Verdict.PARTIAL, "衔接不够充分", "add"),
        ("en", Verdict.ABSENT, "Does not take up “（二）加强网络安全保障” of the", "add"),
        ("en", Verdict.PARTIAL, "only in part", "add"),
        ("zh", Verdict.COVERED, "", "amend"),
    ],
)
def test_the_drafted_comment_says_what_the_verdict_calls_for(
    result: Coverage, lang: str, verdict: Verdict, body: str, category: str
) -> None:
    row = result.row("3.2")
    assert row is not None
    draft = draft_for_gap(result.ref, row, verdict, lang)
    assert body in draft.body and bool(draft.body) == bool(body)
    assert draft.category == category
    assert "三、重点任务 › （二）加强网络安全保障" in draft.rationale


def test_the_cell_is_kept_with_the_comment_in_the_database(
    result: Coverage, shi: Plan, tmp_path: Path
) -> None:
    section, reference = comment_on(result, "3.2", shi)
    assert reference.plan == "sheng" and reference.anchor.section == "3.2"
    assert reference.anchor.path == ["三、重点任务", "（二）加强网络安全保障"]
    assert (reference.verdict, reference.basis) == ("absent", "content")
    row = result.row("3.2")
    assert row is not None
    draft = draft_for_gap(result.ref, row, Verdict.ABSENT)
    comment = new_comment(shi, section, draft, reference=reference, now=T0)
    assert comment.plan == "shi" and comment.anchor.section == "2"
    with CommentStore.open(tmp_path / "review.db") as store:
        store.add(comment)
        assert store.get(comment.id) == comment
    assert reference_from_dict(reference_dict(reference)) == reference


def test_the_w3c_export_carries_it_back(
    result: Coverage, shi: Plan, xian: Plan, sheng: Plan, tmp_path: Path
) -> None:
    made = []
    for section, plan in (("3.2", shi), ("3", xian)):
        where, reference = comment_on(result, section, plan)
        row = result.row(section)
        assert row is not None
        draft = draft_for_gap(sheng, row, row.cells[plan.id].verdict)
        made.append(new_comment(plan, where, draft, reference=reference, now=T0))
    path = tmp_path / "张三.jsonld"
    path.write_text(dumps_collection(annotation_collection(made, T0)), encoding="utf-8")
    back = read_annotations(path)
    assert back == made
    assert isinstance(back[1].reference, CoverageRef) and back[1].reference.verdict == "partial"
    plans = {p.id: p for p in (sheng, shi, xian)}
    check_anchors(back, lambda plan_id, version: plans.get(plan_id), path)  # all there
    gone = replace(made[0].reference, anchor=replace(made[0].reference.anchor, section="9"))  # type: ignore[type-var]
    with pytest.raises(PlanError, match="has no section '9'"):
        check_anchors([replace(made[0], reference=gone)], lambda p, v: plans.get(p), path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"verdict": "maybe"}, "verdict: 'maybe' is not one of: covered, partial, absent"),
        ({"score": 3}, r"score: 3\.0 is out of range \(0–1\)"),
        ({"counterpart": [1]}, "counterpart: expected a list of section labels"),
        ({"type": "nonsense"}, "expected target, pair, finding or coverage"),
    ],
)
def test_a_damaged_record_is_refused_with_one_line(
    result: Coverage, shi: Plan, change: dict[str, object], message: str
) -> None:
    _, reference = comment_on(result, "3.2", shi)
    data = reference_dict(reference)
    assert data is not None
    with pytest.raises(RecordError, match=message):
        reference_from_dict({**data, **change})


def test_a_new_version_of_the_reference_plan_carries_the_unit_over(
    result: Coverage, shi: Plan, sheng: Plan, tmp_path: Path
) -> None:
    section, reference = comment_on(result, "3.2", shi)
    row = result.row("3.2")
    assert row is not None
    draft = draft_for_gap(sheng, row, Verdict.ABSENT)
    comment = new_comment(shi, section, draft, reference=reference, now=T0)
    # The next version of the reference plan puts a new task before it: 3.2 becomes 3.3.
    v2 = read("ref.md", "sheng")
    v2.meta.version = 2
    tasks = v2.sections[3]
    moved = tasks.children[1]
    new_task = replace(tasks.children[0], title="新增任务", heading="（二）新增任务")
    tasks.children.insert(1, new_task)
    for n, child in enumerate(tasks.children, 1):
        child.id = f"{tasks.id}.{n}"
    with CommentStore.open(tmp_path / "review.db") as store:
        store.add(comment)
        summary = reanchor_store(store, v2)
        assert summary.pair_sides == 1
        kept = store.get(comment.id).reference
    assert isinstance(kept, CoverageRef)
    assert kept.plan_version == 2 and kept.anchor.section == moved.id
    assert kept.anchor.state in (AnchorState.ANCHORED, AnchorState.MOVED)
    assert comment.category == Category.ADD.value
