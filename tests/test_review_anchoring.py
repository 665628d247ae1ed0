"""Anchors: made from a section and a quote, carried to a revised plan with honest states.

The revision and the states each comment must end in are in tests/data/review/revision.yaml.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from plancompare.errors import PlanError
from plancompare.model import Plan
from plancompare.plan.canonical import parse_markdown
from plancompare.review.anchoring import (
    PlanText,
    make_anchor,
    reanchor,
    reanchor_store,
)
from plancompare.review.model import AnchorState
from plancompare.review.store import CommentFilter, CommentStore
from plancompare.review.writing import Draft, new_comment, pair_reference
from tests.conftest import CORPORA, DATA

REVISION = yaml.safe_load((DATA / "review" / "revision.yaml").read_text(encoding="utf-8"))
T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def revised_text() -> str:
    """corpora/luhe.md with the fixture's edits, as version 2 (each edit must match once)."""
    text = (CORPORA / "luhe.md").read_text(encoding="utf-8")
    for edit in REVISION["edits"]:
        assert text.count(edit["replace"]) == 1, edit["why"]
        text = text.replace(edit["replace"], edit["with"])
    return text.replace("\nversion: 1\n", "\nversion: 2\n").replace("\nsha256: ", "\nold_sha: ")


@pytest.fixture(scope="module")
def luhe_v2() -> Plan:
    return parse_markdown(revised_text(), Path("luhe-v2.md"), "luhe")


def test_the_revision_is_version_two(luhe_v2: Plan) -> None:
    assert luhe_v2.meta.version == 2
    assert luhe_v2.section("2.3") is not None and luhe_v2.section("2.5") is None


@pytest.mark.parametrize("case", REVISION["comments"], ids=lambda c: c["why"][:40])
def test_reanchoring_ends_in_the_right_state(
    case: dict[str, Any], luhe: Plan, luhe_v2: Plan
) -> None:
    anchor = make_anchor(luhe, case["section"], case.get("quote"))
    moved = reanchor(anchor, luhe_v2)
    assert (moved.state.value, moved.section) == (case["expect"], case["expect_section"])
    if moved.state in (AnchorState.ANCHORED, AnchorState.MOVED) and anchor.quote is not None:
        # the exact text, at the offsets the anchor now names
        assert moved.position is not None and moved.section is not None
        text = luhe_v2.section(moved.section).text
        assert text[moved.position.start : moved.position.end] == anchor.exact
    if moved.state is AnchorState.FUZZY:
        assert moved.score is not None and 75 <= moved.score < 100
    if moved.state is AnchorState.AMBIGUOUS:
        assert len(moved.candidates) >= 2 and moved.position is None
    if moved.state is AnchorState.ORPHANED:
        assert moved.quote == anchor.quote  # the quoted text is kept for a person to see


def test_the_ambiguous_candidates_are_both_look_alikes(luhe: Plan, luhe_v2: Plan) -> None:
    anchor = make_anchor(luhe, "5.8.3", "每年培训熟练技工1000人以上，发放职业技能等级证书。")
    moved = reanchor(anchor, luhe_v2)
    text = luhe_v2.section("5.8.3").text
    assert sorted(text[c.start : c.end] for c in moved.candidates) == [
        "每年培训熟练技工1000人以上，发放职业技能等级证明。",
        "每年培训熟练技工1200人以上，发放职业技能等级证书。",
    ]


def test_reanchoring_to_the_same_version_changes_nothing(luhe: Plan) -> None:
    pt = PlanText(luhe)
    for section in ("1", "4", "5.8.3", "6.3"):
        anchor = make_anchor(luhe, section, luhe.section(section).text[:12] or None)
        assert reanchor(anchor, pt) == anchor


def test_a_fuzzy_anchor_stays_fuzzy_until_a_person_confirms_it(luhe: Plan, luhe_v2: Plan) -> None:
    quote = (
        "领导小组负责统筹协调产业发展重大事项，统筹推进产业政策落地兑现，"
        "协调解决跨部门、跨区域的重大问题。"
    )
    fuzzy = reanchor(make_anchor(luhe, "6.1", quote), luhe_v2)
    assert fuzzy.state is AnchorState.FUZZY
    again = reanchor(fuzzy, luhe_v2)  # the next version keeps the new wording
    assert again.state is AnchorState.FUZZY and again.score == fuzzy.score
    assert again.exact == (
        "领导小组负责统筹协调服装产业发展重大事项，统筹推进产业政策落地兑现，"
        "协调解决跨部门、跨区域重大问题。"
    )


def test_an_orphan_is_found_again_when_its_text_comes_back(luhe: Plan, luhe_v2: Plan) -> None:
    anchor = make_anchor(luhe, "2.3", "成为珠三角优质产能的重要协同发展基地")
    orphan = reanchor(anchor, luhe_v2)
    assert orphan.state is AnchorState.ORPHANED and orphan.section is None
    back = reanchor(orphan, luhe)
    assert (back.state, back.section) == (AnchorState.MOVED, "2.3")


def test_make_anchor_checks_what_it_is_given(luhe: Plan) -> None:
    whole = make_anchor(luhe, "6.1")
    assert whole.quote is None and whole.path == ["五、保障措施", "（一）建立高位推进机制"]
    span = make_anchor(luhe, "6.1", start=0, end=2)
    assert span.exact == "成立" and span.quote is not None and span.quote.prefix == ""
    with pytest.raises(PlanError, match=r"no section '9\.9'"):
        make_anchor(luhe, "9.9")
    with pytest.raises(PlanError, match="occurs 2 times"):
        make_anchor(luhe, "6.1", "领导小组")
    with pytest.raises(PlanError, match=r"closest: «.*工作领导小组"):
        make_anchor(luhe, "6.1", "工作领导小组会")
    with pytest.raises(PlanError, match="in the heading"):
        make_anchor(luhe, "6.1", "建立高位推进机制")
    with pytest.raises(PlanError, match="not the quote"):
        make_anchor(luhe, "6.1", "领导", start=0, end=2)
    with pytest.raises(PlanError, match="both start and end"):
        make_anchor(luhe, "6.1", start=5)


def test_reanchor_store_moves_comments_and_pair_sides(
    tmp_path: Path, luhe: Plan, dehong: Plan, luhe_v2: Plan
) -> None:
    with CommentStore.open(tmp_path / "review.db") as store:
        on_luhe = store.add(new_comment(luhe, "2.4", Draft(body="示范标杆的提法可再斟酌"), now=T0))
        deleted = store.add(new_comment(luhe, "2.3", Draft(body="已删除的意见"), now=T0))
        store.delete(deleted.id)
        pair = pair_reference(luhe, "6.3", "开辟“绿色通道”")
        on_dehong = store.add(
            new_comment(dehong, "5.4", Draft(body="两地营商环境措施可对照"), reference=pair, now=T0)
        )
        summary = reanchor_store(store, luhe_v2)
        assert summary.total == 2 and summary.pair_sides == 1
        assert dict(summary.states) == {AnchorState.MOVED: 1, AnchorState.ORPHANED: 1}
        assert summary.line("en").startswith("2 comments on luhe re-anchored to v2: 1 moved")
        assert summary.line("en").endswith("; 1 aligned-pair side too")
        assert summary.line("zh") == (
            "luhe 上的 2 条意见已重新定位到第 2 版：已移位 1 条、原文已失 1 条；"
            "另有 1 条意见的对应一侧"
        )
        moved = store.get(on_luhe.id)
        assert (moved.plan_version, moved.section, moved.updated) == (2, "2.3", on_luhe.updated)
        assert store.get(deleted.id).anchor.state is AnchorState.ORPHANED  # still kept
        side = store.get(on_dehong.id).reference
        assert side is not None and side.plan_version == 2  # type: ignore[union-attr]
        assert side.anchor.state is AnchorState.ANCHORED  # type: ignore[union-attr]
        again = reanchor_store(store, luhe_v2)
        assert again.total == 0 and "no comments" in again.line("en")
        assert len(store.list(CommentFilter(states=[AnchorState.ORPHANED], deleted=None))) == 1


def test_a_target_figure_keeps_what_the_report_shows(luhe: Plan) -> None:
    from decimal import Decimal

    from plancompare.model import Target
    from plancompare.review.anchoring import anchor_for_target
    from plancompare.review.model import TargetFigure

    target = Target(
        indicator="服装产业年总产值",
        value=Decimal("100.0"),
        value_max=None,
        unit="亿元",
        base_value=Decimal("1E10"),
        base_unit="元",
        comparator=">=",
        year=2030,
        kind="stock",
        baseline=None,
        section="3.1",
        quote="服装产业年总产值突破100亿元",
        source="text",
    )
    figure = TargetFigure.of(luhe, target)
    assert (figure.value, figure.unit, figure.year) == ("100", "亿元", 2030)
    anchor = anchor_for_target(luhe, target)
    assert anchor.exact == "服装产业年总产值突破100亿元"
    table_row = replace(target, quote="产业规模 | 全产业链总产值 | 亿元", section="3")
    assert anchor_for_target(luhe, table_row).quote is None
