"""Alignment of two plans: the gold targets, a plan with itself, empty plans, progress, JSON."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from evaluation.gold import GoldError, read_gold, score_alignment

from plancompare.align.sections import (
    AlignmentCancelled,
    align_plans,
    alignment_dict,
    plan_texts,
)
from plancompare.embed import get_embedder
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.model import Plan, PlanMeta
from tests.align_support import GOLD, e5_cache  # noqa: F401  (session fixture)


def test_hybrid_with_e5_meets_the_gold_targets(
    e5_cache: Path,  # noqa: F811
    luhe: Plan,
    dehong: Plan,
) -> None:
    gold = read_gold(GOLD, luhe, dehong)
    scores = score_alignment(align_plans(luhe, dehong, get_embedder("e5", cache=e5_cache)), gold)
    assert scores.top1 >= 0.90, scores.misses
    assert scores.none_flagged >= 2 / 3, scores.misses
    assert scores.precision >= 0.6, scores.misses


def test_gold_file_covers_every_unit(luhe: Plan, dehong: Plan) -> None:
    gold = read_gold(GOLD, luhe, dehong)
    judged_a = {x.a for x in gold.links} | set(gold.only_a)
    judged_b = {x.b for x in gold.links} | set(gold.only_b)
    assert judged_a == {s.id for s in luhe.walk()}
    assert judged_b == {s.id for s in dehong.walk()}
    assert {x.grade for x in gold.links} == {"strong", "partial"}


def test_gold_reader_checks_titles_and_completeness(
    tmp_path: Path, luhe: Plan, dehong: Plan
) -> None:
    text = GOLD.read_text(encoding="utf-8")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(text.replace("6.1 建立高位推进机制", "6.1 加强组织领导"), encoding="utf-8")
    with pytest.raises(GoldError, match="titled '建立高位推进机制'"):
        read_gold(wrong, luhe, dehong)
    missing = tmp_path / "missing.txt"
    missing.write_text(text.replace("none <-> 3.7 加强金融支持\n", ""), encoding="utf-8")
    with pytest.raises(GoldError, match=r"not judged: 3\.7"):
        read_gold(missing, luhe, dehong)


def test_items_of_one_section_find_different_partners(
    e5_cache: Path,  # noqa: F811
    luhe: Plan,
    dehong: Plan,
) -> None:
    """要素保障助力发展工程 has four items whose counterparts are four 德宏 sections."""
    alignment = align_plans(luhe, dehong, get_embedder("e5", cache=e5_cache))
    gold = read_gold(GOLD, luhe, dehong)
    best = {}
    for link in alignment.links:
        if link.a.startswith("5.8.") and link.score > best.get(link.a, (0.0, ""))[0]:
            best[link.a] = (link.score, link.b)
    assert set(best) == {"5.8.1", "5.8.2", "5.8.3", "5.8.4"}
    for item, (_, partner) in best.items():
        assert partner in gold.partners("a", item), (item, partner)
    assert len({partner for _, partner in best.values()}) == 4


def test_plan_with_itself_matches_every_unit_to_itself(
    e5_cache: Path,  # noqa: F811
    luhe: Plan,
) -> None:
    alignment = align_plans(luhe, luhe, get_embedder("e5", cache=e5_cache))
    self_links = {lk.a: lk for lk in alignment.links if lk.a == lk.b}
    assert set(self_links) == {s.id for s in luhe.walk()}
    assert all(lk.kind == "match" and lk.score >= 0.95 for lk in self_links.values())
    assert alignment.only_a == [] and alignment.only_b == []


def test_empty_plan_has_nothing_to_pair(dehong: Plan) -> None:
    empty = Plan(PlanMeta(id="empty"), [])
    alignment = align_plans(empty, dehong, LexicalEmbedder())
    assert alignment.links == [] and alignment.only_a == []
    assert alignment.only_b == [s.id for s in dehong.walk()]
    reverse = align_plans(dehong, empty, None)
    assert reverse.links == [] and len(reverse.only_a) == len(list(dehong.walk()))


def test_lexical_evidence_alone_needs_no_embedder(luhe: Plan, dehong: Plan) -> None:
    alignment = align_plans(luhe, dehong, None)
    assert alignment.embedder == "none"
    links = {(lk.a, lk.b) for lk in alignment.links}
    assert ("6", "5") in links  # 保障措施 ↔ 保障措施


def test_progress_is_reported_and_cancel_stops(luhe: Plan, dehong: Plan) -> None:
    seen: list[tuple[str, float]] = []
    align_plans(luhe, dehong, LexicalEmbedder(), progress=lambda m, f: seen.append((m, f)))
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(m.startswith("embedding") for m, _ in seen)
    cancel = threading.Event()

    def stop_after_first(message: str, fraction: float) -> None:
        cancel.set()

    with pytest.raises(AlignmentCancelled):
        align_plans(luhe, dehong, LexicalEmbedder(), progress=stop_after_first, cancel=cancel)


def test_json_follows_the_design_contract(luhe: Plan, dehong: Plan) -> None:
    alignment = align_plans(luhe, dehong, LexicalEmbedder())
    data = alignment_dict(alignment)
    assert set(data) == {"a", "b", "embedder", "links", "only_a", "only_b"}
    assert data["a"] == "luhe" and data["b"] == "dehong"
    ids_a, ids_b = {s.id for s in luhe.walk()}, {s.id for s in dehong.walk()}
    for link in data["links"]:
        assert set(link) == {"a", "b", "a_title", "b_title", "score", "kind"}
        assert link["a"] in ids_a and link["b"] in ids_b
        assert link["kind"] in {"match", "partial"} and 0.0 <= link["score"] <= 1.0
    assert not set(data["only_a"]) & {lk["a"] for lk in data["links"]}
    assert not set(data["only_b"]) & {lk["b"] for lk in data["links"]}
    titled = {lk["a"]: lk["a_title"] for lk in data["links"]}
    assert titled.get("6") == "保障措施"


def test_units_cover_titles_sentences_and_table_rows(luhe: Plan) -> None:
    texts = plan_texts(luhe)
    targets = texts.units[texts.index["3"]]
    subtree = texts.texts[targets.first : targets.end]
    assert subtree[0] == "总体目标"
    assert any("从业人员" in t for t in subtree)  # a row of the indicator table
    item = texts.units[texts.index["5.1.1"]]
    own = texts.texts[item.first : item.own_end]
    assert own[0] == "培育壮大领航企业"
    assert not any("牵头单位" in t for t in own)  # responsibility notes are left out
    inferred = texts.units[texts.index["4"]]
    assert inferred.first == inferred.own_end < inferred.end  # no text of its own


def test_structure_decides_for_headings(
    e5_cache: Path,  # noqa: F811
    luhe: Plan,
    dehong: Plan,
) -> None:
    """A heading over items goes with its items: paired when they are, unpaired when not."""
    alignment = align_plans(luhe, dehong, get_embedder("e5", cache=e5_cache))
    # 电商/物流: neither the items nor their headings have a counterpart in 德宏.
    assert {"5.2", "5.2.1", "5.4", "5.4.1"} <= set(alignment.only_a)
    # The headless parent of the seven paths pairs with 重点任务, as its paths do.
    assert ("4", "3") in {(lk.a, lk.b) for lk in alignment.links}


def test_alignment_does_not_depend_on_which_plan_is_a(
    e5_cache: Path,  # noqa: F811
    luhe: Plan,
    dehong: Plan,
) -> None:
    embedder = get_embedder("e5", cache=e5_cache)
    forward = align_plans(luhe, dehong, embedder)
    backward = align_plans(dehong, luhe, embedder)
    assert {(lk.a, lk.b, lk.kind, lk.score) for lk in forward.links} == {
        (lk.b, lk.a, lk.kind, lk.score) for lk in backward.links
    }
    assert forward.only_a == backward.only_b and forward.only_b == backward.only_a
