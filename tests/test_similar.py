"""Similar passages across a corpus: ranking, one hit per section, other plans only for a
section query, and embedding only what the cache lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.coverage.similar import SimilarIndex, similar, similar_dict
from plancompare.embed.cache import CachedEmbedder
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.errors import PlanError
from plancompare.model import Plan
from tests.test_coverage import read


@pytest.fixture(scope="module")
def corpus(luhe: Plan, dehong: Plan) -> list[Plan]:
    return [luhe, dehong, read("ref.md", "sheng"), read("plan.md", "shi")]


@pytest.fixture(scope="module")
def index(corpus: list[Plan]) -> SimilarIndex:
    return SimilarIndex.build(corpus, LexicalEmbedder())


def test_a_text_finds_its_passage_first(index: SimilarIndex) -> None:
    hits = index.search("加强网络安全保障，建立安全监测预警平台", top=5)
    assert len(hits) == 5
    best = hits[0]
    assert (best.plan, best.section) == ("sheng", "3.2")
    assert best.plan_title == "某省智能制造提升行动计划"
    assert best.path == ["三、重点任务", "（二）加强网络安全保障"]
    assert best.text in (
        "加强网络安全保障",
        "建立工业控制系统安全监测预警平台，开展工业数据分类分级管理，提升密码应用水平。",
    )
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({(h.plan, h.section) for h in hits}) == len(hits)


def test_a_section_finds_its_counterparts_in_every_other_plan(index: SimilarIndex) -> None:
    hits = index.search_section("sheng", "3.1", top=3)
    assert "sheng" not in {h.plan for h in hits}
    assert (hits[0].plan, hits[0].section) == ("shi", "2.1")
    assert "智能工厂" in hits[0].text


def test_a_heading_over_items_is_never_a_hit(index: SimilarIndex) -> None:
    hits = index.search("重点任务", top=20)
    assert "重点任务" not in [h.text for h in hits]


def test_unknown_plan_or_section_is_a_one_line_error(index: SimilarIndex) -> None:
    with pytest.raises(PlanError, match=r"no section '9\.9'"):
        index.search_section("sheng", "9.9")
    with pytest.raises(PlanError, match="no plan 'nowhere'"):
        index.search_section("nowhere", "1")


def test_nothing_to_search(corpus: list[Plan]) -> None:
    assert SimilarIndex.build([], LexicalEmbedder()).search("智能工厂") == []
    assert SimilarIndex.build(corpus, LexicalEmbedder()).search("  ") == []


def test_only_what_the_cache_lacks_is_embedded(corpus: list[Plan], tmp_path: Path) -> None:
    path = tmp_path / "embeddings.db"
    first = CachedEmbedder(LexicalEmbedder(), path)
    SimilarIndex.build(corpus[:3], first)
    assert first.computed > 0
    again = CachedEmbedder(LexicalEmbedder(), path)
    SimilarIndex.build(corpus[:3], again)
    assert again.computed == 0
    more = CachedEmbedder(LexicalEmbedder(), path)
    SimilarIndex.build(corpus, more)
    new_texts = set(SimilarIndex.build(corpus[3:], LexicalEmbedder()).texts) - set(
        SimilarIndex.build(corpus[:3], LexicalEmbedder()).texts
    )
    assert more.computed == len(new_texts) > 0


def test_similar_and_its_json(corpus: list[Plan]) -> None:
    hits = similar("", corpus, LexicalEmbedder(), top=2, section=("shi", "2.2"))
    assert len(hits) == 2 and all(h.plan != "shi" for h in hits)
    assert {(h.plan, h.section) for h in hits} == {("sheng", "3.3.1"), ("sheng", "3.3.2")}
    data = similar_dict("shi:2.2", hits)
    assert data["query"] == "shi:2.2"
    assert set(data["hits"][0]) >= {"plan", "section", "path", "text", "score"}


def test_a_sentence_s_own_plan_can_be_left_out(index: SimilarIndex) -> None:
    query = "建立工业控制系统安全监测预警平台"
    assert index.search(query, top=1)[0].plan == "sheng"
    hits = index.search(query, top=5, skip="sheng")
    assert hits and all(h.plan != "sheng" for h in hits)
    assert index.search(query, top=3, skip="not-a-plan") == index.search(query, top=3)
