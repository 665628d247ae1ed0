"""Benchmarking two plans: pairing comparable indicators, the notes, and the gold pairs."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from plancompare.embed import Embedder
from plancompare.embed.base import Vectors
from plancompare.model import Plan, Target
from plancompare.targets.benchmark import benchmark_plans, compare, yearly_increase
from plancompare.targets.indicators import comparable_name, measure_of, plan_subject


def target(indicator: str, value: str, unit: str, year: int | None = 2030, **kw: object) -> Target:
    from plancompare.text.units import parse_unit

    info = parse_unit(unit)
    assert info is not None
    v = Decimal(value)
    fields: dict[str, object] = {
        "indicator": indicator,
        "value": v,
        "value_max": None,
        "unit": unit,
        "base_value": info.to_base(v),
        "base_unit": info.base,
        "dimension": info.dimension,
        "comparator": ">=",
        "year": year,
        "kind": "stock",
        "baseline": None,
        "section": "1",
        "quote": indicator,
        "source": "text",
    }
    fields.update(kw)
    return Target(**fields)  # type: ignore[arg-type]


def test_comparable_names_drop_the_plans_subject_and_use_standard_terms() -> None:
    """No sector word list: what a plan is about comes from its own title."""
    apparel = plan_subject("某县服装产业高质量发展规划（2025-2030年）", "某县")
    assert apparel == "服装产业"
    assert comparable_name("服装类规上工业企业", apparel) == "规上工业企业"
    textiles = plan_subject("某州纺织服装产业集群建设三年行动计划", "某州")
    assert comparable_name("规模以上纺织服装企业", textiles) == "规上企业"
    assert comparable_name("活跃电商主体（网店）") == "活跃电商主体"
    assert comparable_name("全省规模以上工业企业数量") == "规上工业企业"
    assert plan_subject("山东省智能制造提升行动计划（2022-2025年）", "山东省") == "智能制造"


def test_measures_keep_people_money_and_firms_apart() -> None:
    assert measure_of(target("带动就业人数", "5", "万人")) == "people"
    assert measure_of(target("总产值", "100", "亿元")) == "money"
    assert measure_of(target("规上企业", "10", "家")) == "count:firms"
    assert measure_of(target("跨境电商主体", "800", "个")) == "count:firms"
    assert measure_of(target("公共服务平台", "5", "个")) == "count"
    assert measure_of(target("增速", "10", "%", rate=True)) == "share/rate"
    assert measure_of(target("算力总规模", "3500", "PFlops")) == "computing"


def test_note_spells_out_value_year_scope_and_yearly_increase() -> None:
    a = target("全产业链总产值", "100", "亿元", 2030, comparator="=", scope=["全产业链"])
    a.baseline, a.baseline_year = Decimal(30), 2025
    b = target("规上纺织服装企业总产值", "100", "亿元", 2027, scope=["全州", "规上"])
    note = compare(a, b)
    assert note == (
        "same value 100亿元; year 2030 vs 2027; comparator = vs >=; scope 全产业链 vs 规上; "
        "yearly +14亿元/yr vs —"
    )
    assert compare(a, b, "zh") == (
        "目标值相同（100亿元）；年份 2030 与 2027；表述 等于 与 不低于；范围 全产业链 与 规上；"
        "年均增量 +14亿元/年 与 —"
    )


def test_note_gives_the_ratio_and_a_yearly_flow() -> None:
    a = target("规上企业数量", "10", "家", comparator="=")
    a.baseline, a.baseline_year = Decimal(0), 2025
    b = target("新增纺织服装规上企业", "30", "家", 2027, comparator="=", kind="annual")
    assert compare(a, b) == (
        "value 10家 vs 30家 (B ×3); year 2030 vs 2027; level vs annual; yearly +2家/yr vs +30家/yr"
    )
    assert compare(a, b, "zh") == (
        "目标值 10家 与 30家（后者为前者 3 倍）；年份 2030 与 2027；口径 总量 与 每年；"
        "年均增量 +2家/年 与 +30家/年"
    )
    assert yearly_increase(a) == 2


def test_benchmark_of_the_seeds_pairs_the_issue_examples(luhe: Plan, dehong: Plan) -> None:
    bench = benchmark_plans(luhe, dehong)
    names = {(p.a.indicator, p.b.indicator) for p in bench.pairs}
    assert ("全产业链总产值", "规上纺织服装企业总产值") in names
    assert ("服装产业带动就业人数", "带动就业人数") in names
    assert ("规上企业数量", "规模以上纺织服装企业") in names
    assert bench.embedder == "lexical"
    # Every target is either paired or listed as found in one plan only.
    paired_b = {id(p.b) for p in bench.pairs}
    assert len(paired_b) + len(bench.only_b) == 13
    assert {t.indicator for t in bench.only_b} >= {"标准厂房及配套用房"}


def test_pairs_never_mix_measures(luhe: Plan, dehong: Plan) -> None:
    for p in benchmark_plans(luhe, dehong).pairs:
        assert measure_of(p.a) == measure_of(p.b)


class SynonymEmbedder(Embedder):
    """A toy embedder that knows one synonym: 自动化生产工厂 and 智能工厂 are one thing."""

    id = "toy"

    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        rows = []
        for t in texts:
            v = np.zeros(8, dtype=np.float32)
            v[0 if "工厂" in t else 1 + sum(map(ord, t)) % 7] = 1
            rows.append(v)
        return np.array(rows, dtype=np.float32)


def test_an_embedder_adds_pairs_names_alone_miss(luhe: Plan, dehong: Plan) -> None:
    bench = benchmark_plans(luhe, dehong, SynonymEmbedder())
    names = {(p.a.indicator, p.b.indicator) for p in bench.pairs}
    assert ("自动化生产工厂", "纺织服装智能工厂") in names
    assert bench.embedder == "toy"
