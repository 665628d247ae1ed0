"""Inside a matched pair: sentence groups with word ops; measures found in one plan only."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.align.diff import (
    SentenceMatcher,
    diff_sections,
    pair_diff_dict,
    unique_measures,
    unique_measures_dict,
)
from plancompare.embed import get_embedder
from plancompare.model import Link, Paragraph, Plan, Section, SectionKind
from tests.align_support import e5_cache  # noqa: F401  (session fixture)


def section(sid: str, *paragraphs: str) -> Section:
    return Section(
        sid,
        SectionKind.NUMBERED,
        "（一）",
        "测试",
        "（一）测试",
        1,
        [Paragraph(p) for p in paragraphs],
    )


@pytest.fixture(scope="module")
def matcher(e5_cache: Path, luhe: Plan, dehong: Plan) -> SentenceMatcher:  # noqa: F811
    return SentenceMatcher(luhe, dehong, get_embedder("e5", cache=e5_cache))


def test_groups_by_wording_without_a_matcher() -> None:
    a = section(
        "1",
        "成立由县政府主要领导任组长，分管领导任副组长的领导小组。每年培训熟练技工1000人以上。",
        "推动企业上云、用云。",
    )
    b = section(
        "1",
        "推动企业上云、用云，深化数字化应用。成立由州政府分管领导任组长的工作专班。"
        "开设纺织服装专业定向班。",
    )
    diff = diff_sections(a, b)
    kinds = [(g.kind, [s.text[:4] for s in g.a], [s.text[:4] for s in g.b]) for g in diff.groups]
    assert ("1-1", ["成立由县"], ["成立由州"]) in kinds
    assert ("1-1", ["推动企业"], ["推动企业"]) in kinds
    assert [s.text[:4] for s in diff.only_a] == ["每年培训"]
    assert [s.text[:4] for s in diff.only_b] == ["开设纺织"]
    # Groups follow A's order; offsets index each section's own text (paragraphs joined by \n).
    assert [g.kind for g in diff.groups if g.a] == ["1-1", "only_a", "1-1"]
    for g in diff.groups:
        for op in g.ops:
            assert a.text[op.a_start : op.a_end] == op.a_text
            assert b.text[op.b_start : op.b_end] == op.b_text


def test_one_sentence_split_in_two_is_a_1_to_n_group() -> None:
    a = section("1", "支持企业引进模板机、自动裁床、智能吊挂系统等智能装备，降低对熟练工的依赖。")
    b = section("1", "支持企业引进模板机、自动裁床、智能吊挂系统等智能装备；降低对熟练工的依赖。")
    (group,) = diff_sections(a, b).groups
    assert group.kind == "1-n" and len(group.b) == 2


def test_seed_pair_sentences_pair_by_meaning(
    matcher: SentenceMatcher, luhe: Plan, dehong: Plan
) -> None:
    diff = diff_sections(luhe.section("5.8.3"), dehong.section("3.6"), matcher)  # type: ignore[arg-type]
    paired = [(g.a[0].text[:6], g.b[0].text[:6]) for g in diff.groups if g.a and g.b]
    assert ("全面对接全县", "组织当地农村") in paired  # 富余劳动力 on both sides
    assert any(s.note for s in diff.only_a)  # the responsibility note has no partner
    notes = [g for g in diff.groups if g.a and g.a[0].note]
    assert notes and not any(g.nowhere for g in notes)  # a note is not a measure
    data = pair_diff_dict(diff, "luhe", "dehong")
    assert data["a"]["id"] == "5.8.3" and data["b"]["title"] == "加强人才支撑"
    assert {g["kind"] for g in data["groups"]} <= {"1-1", "1-n", "n-1", "only_a", "only_b"}


def test_changed_figures_are_flagged(matcher: SentenceMatcher, luhe: Plan, dehong: Plan) -> None:
    diff = diff_sections(luhe.section("5.1.1"), dehong.section("3.2"), matcher)  # type: ignore[arg-type]
    figures = [(op.a_text, op.b_text) for g in diff.groups for op in g.ops if op.number]
    assert ("2028", "2027") in figures


def test_measures_found_in_one_plan_only(
    matcher: SentenceMatcher, luhe: Plan, dehong: Plan
) -> None:
    measures = unique_measures(matcher)
    only_b = {m.section for m in measures.only_b}
    assert "3.7" in only_b  # 融资担保: 陆河 has no loans or guarantees
    texts_a = [m.sentence.text for m in measures.only_a]
    assert any("电商主体1000家" in t for t in texts_a)  # e-commerce is 陆河's alone
    assert not any("规上工业企业达到10家" in t for t in texts_a)  # 德宏 3.2 has it too
    assert len(measures.only_a) > len(measures.only_b)  # 陆河 covers far more topics
    diff = diff_sections(luhe.section("5.2.1"), dehong.section("3.2"), matcher)  # type: ignore[arg-type]
    flagged = {g.a[0].text for g in diff.groups if g.kind == "only_a" and g.nowhere}
    assert flagged <= {m.sentence.text for m in measures.only_a if m.section == "5.2.1"}
    assert flagged
    mine_a, mine_b = measures.for_pair(Link("5.2.1", "3.7", 0.5, "partial"))
    assert mine_a and all(m.section == "5.2.1" for m in mine_a)
    assert mine_b and all(m.section == "3.7" for m in mine_b)
    data = unique_measures_dict(measures)
    first = data["only_b"][0]
    assert set(first) == {"section", "text", "start", "end", "best"}


def test_no_sentences_no_measures(dehong: Plan) -> None:
    empty = Plan(dehong.meta, [])
    measures = unique_measures(SentenceMatcher(empty, dehong, None))
    assert measures.only_a == []
    assert len(measures.only_b) > 10  # with nothing to compare, every measure is unique
