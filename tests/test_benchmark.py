"""The benchmark of any number of plans: cells, concept rows, verdicts and normalisation."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from plancompare.embed import Embedder
from plancompare.embed.base import Vectors
from plancompare.errors import PlanError
from plancompare.model import ConceptCell, Plan, PlanMeta, SectionKind, Target
from plancompare.targets.benchmark import (
    Context,
    _cluster,
    benchmark_plans,
    definition_name,
    geographic_level,
    judge_pair,
    name_forms,
    normalise,
    plan_cells,
    qualifiers,
    same_definition,
    verdict_of,
)
from plancompare.targets.consistency import same_indicator
from plancompare.targets.indicators import comparable_name, measure_of, plan_subject
from plancompare.text.sectors import load_sector


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
    # One statistic however a plan writes it: R&D intensity, energy per unit of GDP.
    assert comparable_name("全社会研发经费与国内生产总值的比例") == comparable_name(
        "研究与试验发展经费投入强度"
    )
    assert comparable_name("单位地区生产总值能源消耗") == comparable_name("万元GDP能耗")


def test_measures_keep_people_money_and_firms_apart() -> None:
    assert measure_of(target("带动就业人数", "5", "万人")) == "people"
    assert measure_of(target("总产值", "100", "亿元")) == "money"
    assert measure_of(target("规上企业", "10", "家")) == "count:firms"
    assert measure_of(target("跨境电商主体", "800", "个")) == "count:firms"
    assert measure_of(target("公共服务平台", "5", "个")) == "count"
    assert measure_of(target("增速", "10", "%", rate=True)) == "share/rate"
    assert measure_of(target("算力总规模", "3500", "PFlops")) == "computing"


def cell(plan: str, *targets: Target) -> ConceptCell:
    """A cell of one plan made of ``targets``, as plan_cells makes them."""
    from plancompare.model import Section

    section = Section("1", SectionKind.NUMBERED, "一、", "目标", "一、目标", 1)
    p = Plan(PlanMeta(plan, title=f"{plan}规划"), [section])
    cells = plan_cells(p, list(targets), findings=[])
    assert len(cells) == 1
    return cells[0]


def ctx(**levels: int | None) -> Context:
    return Context(
        levels=dict(levels),
        periods=dict.fromkeys(levels, (2025, 2027)),
        subjects=dict.fromkeys(levels, ""),
    )


def test_statements_of_one_indicator_merge_into_one_cell_with_its_trajectory() -> None:
    text = target("规上工业企业", "10", "家", 2030)
    table = target("规上企业数量", "5", "家", 2028, comparator="=", source="table")
    again = target("规上企业数量", "10", "家", 2030, comparator="=", source="table")
    c = cell("a", text, table, again)
    assert [(m.year, m.value) for m in c.milestones] == [(2028, 5), (2030, 10)]
    assert c.names == ["规上工业企业", "规上企业数量"]
    assert len(c.sources) == 3


def test_a_yearly_figure_is_another_cell_than_a_stock() -> None:
    p = Plan(PlanMeta("a", title="某州规划"), [])
    stock = target("规上企业", "150", "家", 2027)
    yearly = target("规上企业", "30", "家", 2027, kind="annual")
    assert len(plan_cells(p, [stock, yearly], findings=[])) == 2


def test_a_running_total_of_a_flow_is_another_cell_than_a_level_but_of_a_count_the_same() -> None:
    """累计 of money adds up the years (五年累计投资300亿元 is not a year's 80亿元); 累计 of a
    count says how many there will be (累计培育高新技术企业500家 and 高新技术企业500家)."""
    p = Plan(PlanMeta("a", title="某市规划"), [])
    level = target("技术市场交易额", "80", "亿元", 2030)
    total = target("技术市场交易额", "300", "亿元", 2030, kind="cumulative")
    assert len(plan_cells(p, [level, total], findings=[])) == 2
    firms = target("高新技术企业", "500", "家", 2030)
    grown = target("高新技术企业", "500", "家", 2030, kind="cumulative")
    assert len(plan_cells(p, [firms, grown], findings=[])) == 1


def test_definition_names_set_aside_the_subject_and_scope_but_keep_what_is_counted() -> None:
    assert definition_name("服装类规上工业企业", ["服装产业"]) == "工业企业"
    assert definition_name("建材行业系统解决方案", ["建材工业数字化转型"]) == "系统解决方案"
    # 智能 is part of the subject 智能制造, but 智能工厂 are not 工厂 of the sector.
    assert definition_name("智能工厂（数字化车间）", ["智能制造"]) == "智能工厂"
    assert same_definition("规上企业", "规上工业企业")
    assert same_definition("智能制造标准", "智能制造相关标准".replace("相关", ""))
    assert not same_definition("智能工厂", "示范工厂")
    assert not same_definition("创新中心", "创新平台")
    assert not same_definition("市场主体", "企业")
    assert same_definition("城镇失业登记率", "城镇登记失业率")  # one statistic, words swapped
    # An amount named by its size is the amount: 冷库容量规模 / 冷库容量.
    assert same_definition(definition_name("冷库库容规模", []), definition_name("冷库库容", []))
    assert same_definition(definition_name("充电桩数", []), definition_name("充电桩总规模", []))
    assert not same_definition(definition_name("规模", []), definition_name("产值", []))
    # A change named or not (the rate says it), and the things works are done on.
    assert same_definition(definition_name("商品房均价涨幅", []), definition_name("商品房均价", []))
    assert same_definition(definition_name("公共厕所改造", []), definition_name("公共厕所", []))
    assert not same_definition(definition_name("公共厕所", []), definition_name("公共浴室", []))
    # A rate of use and the rate it is of: the use is understood (资源化利用率 / 资源化率).
    names = [definition_name(n, []) for n in ("城镇污泥资源化利用率", "污泥资源化率")]
    assert same_definition(*names)
    assert not same_definition(*(definition_name(n, []) for n in ("污泥利用率", "污泥处置率")))
    # 阶段 only says a stage of schooling: 初中阶段巩固率 / 初中教育巩固率 is one rate.
    names = [definition_name(n, []) for n in ("初中阶段巩固率", "初中教育巩固率")]
    assert same_definition(*names)
    assert not same_definition(*(definition_name(n, []) for n in ("初中阶段巩固率", "小学巩固率")))
    # Per 10,000 people however the people are written (人口, 名居民有, 常住人口).
    names = [definition_name(n, []) for n in ("每万人口执业药师数", "每万名居民有执业药师")]
    assert same_definition(*names)
    assert not same_definition(*(definition_name(n, []) for n in ("每万人口药师", "每千人口药师")))
    # A base in digits is the base in words; per head of the elderly is not per head of all.
    names = [definition_name(n, []) for n in ("每1000名老年人床位", "每千名老人拥有床位数")]
    assert same_definition(*names)
    names = [definition_name(n, []) for n in ("每千名老年人养老床位数", "每千人口养老床位")]
    assert not same_definition(*names)
    names = [definition_name(n, []) for n in ("万元工业增加值用水量", "每万元工业增加值用水量")]
    assert same_definition(*names)
    # 播面 is the sowing area in short: 粮食播面 / 粮食面积 / 粮食播种面积 are one statistic.
    assert same_definition(*(definition_name(n, []) for n in ("粮食播面", "粮食面积")))
    # A share of the plan's own jurisdiction, its area named or not, is one share.
    names = [definition_name(n, []) for n in ("湿地面积占国土面积", "湿地面积占本省管辖国土")]
    assert same_definition(*names)


def test_a_bracketed_alternative_to_the_words_before_it_is_another_form_of_the_name() -> None:
    """参保(合)率 is 参保率 or 参合率; a bracket that notes what is included or gives a unit is
    no alternative."""
    assert name_forms(["城乡居民医保参保(合)率"]) == [
        "城乡居民医保参保(合)率",
        "城乡居民医保参合率",
    ]
    assert name_forms(["尾矿渣(尾矿砂)综合利用率"])[1] == "尾矿砂综合利用率"
    assert name_forms(["粮食综合生产能力(亿斤)"]) == ["粮食综合生产能力(亿斤)"]
    assert name_forms(["棚户区改造(含货币化)"]) == ["棚户区改造(含货币化)"]
    assert name_forms(["细颗粒物(PM2.5)浓度"]) == ["细颗粒物(PM2.5)浓度"]
    # Both forms are compared: the alternative makes one definition with the other plan's name.
    mine = {definition_name(n, []) for n in name_forms(["居民医保参保(合)率"])}
    assert any(same_definition(x, definition_name("居民医保参合率", [])) for x in mine)
    assert not same_definition(definition_name("居民医保参保(合)率", []), "居民医保参合率")


def test_a_starred_out_character_and_what_a_contribution_is_to_do_not_make_two_definitions() -> (
    None
):
    # A web page's word filter stars out a character (心*管疾病): it matches any one character.
    assert same_definition(
        definition_name("心*管疾病死亡率", []), definition_name("心血管疾病死亡率", [])
    )
    assert not same_definition(
        definition_name("心*管疾病死亡率", []), definition_name("心血管死亡率", [])
    )
    # 人才对经济增长的贡献率 is the 人才贡献率 plans write.
    assert same_definition(
        definition_name("人才对经济增长的贡献率", []), definition_name("人才贡献率", [])
    )
    assert not same_definition(definition_name("人才贡献率", []), definition_name("人才密度", []))


def test_a_share_named_or_not_and_a_subject_with_or_without_its_classifier_are_one_definition() -> (
    None
):
    # 经常参加体育锻炼的人数比例 / 经常参加体育锻炼人数 (both in %: only shares pair with shares).
    assert same_definition(
        definition_name("经常参加体育锻炼的人数比例", []),
        definition_name("经常参加体育锻炼人数", []),
    )
    assert not same_definition(
        definition_name("经常参加体育锻炼的人数比例", []), definition_name("体质达标人数", [])
    )
    # 旅游总收入 / 旅游业总收入 in plans about 旅游业: the subject written with its 业 or without.
    assert same_definition(
        definition_name("旅游总收入", ["旅游业", ""]),
        definition_name("旅游业总收入", ["旅游业", ""]),
    )
    # A web page's path in place of a title names no subject.
    assert (
        plan_subject("当前位置: 首页>> 今日中国>> 中国要闻新疆:到2015年将实现旅游业总收入700亿元")
        == ""
    )
    # Nor does a news headline that states targets: its words are not what every name is of
    # (造林绿化 taken out of 造林绿化面积 left 面积, "the same" as 植树面积).
    headline = plan_subject("某市今年将完成造林绿化20万亩 植树300万株03月12日 09:30某某日报")
    assert headline == ""
    assert not same_definition(
        definition_name("植树面积", [headline]), definition_name("造林绿化面积", [headline])
    )
    assert plan_subject("某市2026年民生实事", "某市") == "民生实事"


def test_a_stock_and_a_yearly_increment_are_never_comparable() -> None:
    stock = cell("a", target("规上企业", "10", "家", 2027))
    yearly = cell("b", target("规上企业", "30", "家", 2027, kind="annual"))
    verdict, reasons = verdict_of(judge_pair(stock, yearly, ctx(a=3, b=3)))
    assert (verdict, reasons) == ("not_comparable", ["kind"])
    # With a baseline the stock converts to a yearly rise: comparable with a caveat.
    based = target("规上企业", "10", "家", 2027, baseline=Decimal(4), baseline_year=2025)
    verdict, reasons = verdict_of(judge_pair(cell("a", based), yearly, ctx(a=3, b=3)))
    assert (verdict, reasons) == ("conditional", ["kind"])


def test_the_statistics_short_forms_of_a_scope_are_one_scope() -> None:
    # 规模工业 is how some provinces' statistics write 规模以上工业.
    a = cell("a", target("规模工业增加值", "6", "%", 2026, rate=True))
    b = cell("b", target("规模以上工业增加值", "5.5", "%", 2026, rate=True))
    assert qualifiers(a).economic == qualifiers(b).economic == frozenset({"规上"})


def test_thresholds_levels_and_statistical_scope_make_another_population() -> None:
    c = ctx(a=2, b=2)
    one = cell("a", target("亿元以上企业", "5", "家", 2027, scope=["亿元以上"]))
    ten = cell("b", target("10亿元以上企业", "5", "家", 2027, scope=["10亿元以上"]))
    assert verdict_of(judge_pair(one, ten, c))[0] == "not_comparable"
    assert "threshold" in verdict_of(judge_pair(one, ten, c))[1]
    same = cell("b", target("产值亿元以上企业", "20", "家", 2027, scope=["亿元以上"]))
    assert verdict_of(judge_pair(one, same, c)) == ("comparable", [])
    province = cell("a", target("省级平台", "5", "个", 2027, scope=["省级"]))
    nation = cell("b", target("国家级平台", "5", "个", 2027, scope=["国家级"]))
    assert verdict_of(judge_pair(province, nation, c)) == ("not_comparable", ["level"])
    above = cell("a", target("规上企业总产值", "100", "亿元", 2027, scope=["规上"]))
    every = cell("b", target("企业总产值", "100", "亿元", 2027))
    assert verdict_of(judge_pair(above, every, c)) == ("not_comparable", ["scope"])


def test_the_plans_own_region_is_no_scope_of_a_name() -> None:
    """江苏 or 天津市 taken off a name is the plan's territory: the plans' levels judge it."""
    c = ctx(a=1, b=1)
    tianjin = cell("a", target("渔业经济总产值", "300", "亿元", 2027, scope=["天津市"]))
    yunnan = cell("b", target("渔业经济总产值", "400", "亿元", 2027, scope=["云南省"]))
    assert verdict_of(judge_pair(tianjin, yunnan, c)) == ("comparable", [])


def test_a_provincial_register_is_a_level_even_without_its_ji() -> None:
    """省科技型中小企业 counts the province's register; 国家高新技术企业 are all 高新技术企业."""
    c = ctx(a=3, b=3)
    county = cell("a", target("科技型中小企业", "50", "家", 2027))
    register = cell("b", target("省科技型中小企业", "80", "家", 2027))
    assert verdict_of(judge_pair(county, register, c)) == ("not_comparable", ["level"])
    high_tech = cell("a", target("高新技术企业", "30", "家", 2027))
    national = cell("b", target("国家高新技术企业", "40", "家", 2027))
    assert verdict_of(judge_pair(high_tech, national, c))[0] != "not_comparable"


def test_names_of_one_statistic_written_two_ways_are_one_definition() -> None:
    """地区/国内生产总值, 千人均/每千人口, 占比/比重, a share's base written out or not, R&D
    intensity (研究与试验发展经费投入强度 is R&D经费占GDP比重), visitor arrivals (接游人次)."""
    c = ctx(a=1, b=1)
    pairs = [
        ("单位国内生产总值能源消耗", "单位地区生产总值能源消耗", "%"),
        ("千人均注册护士", "每千人口注册护士数", "人"),
        ("非化石能源占能源消费总量比重", "非化石能源消费占比", "%"),
        ("工业企业增加值占全省GDP比重", "工业增加值占地区生产总值比重", "%"),
        ("居民平均预期寿命", "人均预期寿命", "岁"),
        ("常住人口城镇化率", "城镇化率", "%"),
        ("全社会研发经费支出相当于全市生产总值比例", "研发经费支出占地区生产总值比重", "%"),
        ("全社会研究与试验发展经费投入强度", "R&D经费占GDP比重", "%"),
        ("研发投入强度", "R&D经费投入占地区生产总值比重", "%"),
        ("全社会研发经费支出相当于全市生产总值比例", "研发支出占国内生产总值比重", "%"),
        ("接游人次", "旅游接待总人次", "万人次"),
        ("农村自来水覆盖率", "农村自来水普及率", "%"),
        ("粮食种植面积", "粮食播种面积", "万亩"),
        ("护理型床位占比", "养老机构护理型床位占比", "%"),
        ("适老化改造", "老年人居家环境适老化改造", "户"),
        # A price index's rise with and without 指数; one class of water quality two ways; a
        # road's length with and without 里程 (its unit says it is a length).
        ("居民消费价格涨幅", "居民消费价格指数涨幅", "%"),
        ("地表水Ⅰ-Ⅲ类水体比例", "地表水达到或好于Ⅲ类水体比例", "%"),
        ("城际铁路总里程", "城际铁路", "公里"),
        # 各类 and a second name after a slash leave the thing counted as it is; budget revenue
        # under its older names.
        ("各类充电场站/充电站", "充电场站", "个"),
        ("地方财政收入", "一般公共预算收入", "%"),
    ]
    for a, b, unit in pairs:
        one = cell("a", target(a, "5", unit, 2025))
        two = cell("b", target(b, "6", unit, 2025))
        assert "definition" not in judge_pair(one, two, c), (a, b)
    # A name found whole at the end of another after a 和 counts more (文化和旅游 ⊃ 旅游).
    wide = cell("a", target("文化和旅游总收入", "900", "亿元", 2025))
    narrow = cell("b", target("旅游总收入", "800", "亿元", 2025))
    assert "definition" in judge_pair(wide, narrow, c)
    city = cell("a", target("城市公共供水管网漏损率", "9", "%", 2025))
    town = cell("b", target("城镇公共供水管网漏损率", "9", "%", 2025))
    assert verdict_of(judge_pair(city, town, c)) == ("conditional", ["scope"])
    # The same measure over a group of the region's places (山区县) differs in scope.
    hills = cell("a", target("山区县农村常住居民人均可支配收入", "21000", "元", 2025))
    rural = cell("b", target("农村居民人均可支配收入", "24000", "元", 2025))
    assert verdict_of(judge_pair(hills, rural, c)) == ("conditional", ["scope"])


def test_geography_and_horizon_are_caveats() -> None:
    county = cell("a", target("带动就业人数", "5", "万人", 2030))
    prefecture = cell("b", target("带动就业人数", "10", "万人", 2027))
    verdict, reasons = verdict_of(judge_pair(county, prefecture, ctx(a=3, b=2)))
    assert (verdict, reasons) == ("conditional", ["scope", "horizon"])
    # An unknown level is never taken for the same one.
    assert "scope" in judge_pair(county, prefecture, ctx(a=3, b=None))


def test_plan_levels_read_from_the_metadata() -> None:
    levels = {"国家": 0, "省": 1, "市": 2, "州": 2, "县": 3, "区": 3, None: None}
    for level, rank in levels.items():
        assert geographic_level(Plan(PlanMeta("x", level=level), [])) == rank


def test_values_are_converted_to_the_rows_unit_and_ratios_only_where_allowed() -> None:
    from plancompare.model import ConceptRow

    a = cell("a", target("算力总规模", "3500", "PFlops", 2025))
    b = cell("b", target("算力总规模", "12", "EFLOPS", 2025))
    row = ConceptRow("算力总规模", "computing", "comparable", [], {"a": a, "b": b})
    normalise(row, ctx(a=1, b=1))
    assert row.unit == "PFlops"
    assert b.milestones[0].common == 12000
    assert b.ratio == Decimal("3.43")
    row.verdict = "not_comparable"
    b.ratio = None
    normalise(row, ctx(a=1, b=1))
    assert b.ratio is None  # never a bare ratio for a row that is not like for like


def test_yearly_amount_and_growth_come_from_what_the_plan_states() -> None:
    from plancompare.model import ConceptRow

    stock = cell(
        "a", target("从业人员", "5", "万人", 2030, baseline=Decimal(2), baseline_year=2025)
    )
    yearly = cell("b", target("新增就业", "3000", "人", 2027, kind="annual"))
    row = ConceptRow("就业", "people", "conditional", ["kind"], {"a": stock, "b": yearly})
    normalise(row, ctx(a=3, b=3))
    assert stock.per_year == Decimal("0.6")  # (5 − 2) 万人 over 5 years, in 万人
    assert yearly.per_year == Decimal("0.3")  # 3000 人 a year, in the row's 万人
    assert stock.growth == Decimal("0.2011")


def test_the_seeds_give_one_row_per_concept(luhe: Plan, dehong: Plan) -> None:
    bench = benchmark_plans([luhe, dehong])
    shared = bench.shared
    assert 3 <= len(shared) <= 10  # about ten, not 34
    sources = [id(t) for r in bench.rows for c in r.cells.values() for t in c.sources]
    assert len(sources) == len(set(sources))  # a statement is in one row only
    for row in shared:
        assert len({measure_of(c.sources[0]) for c in row.cells.values()}) == 1
        kinds = {c.kind for c in row.cells.values()}
        if {"stock", "annual"} <= kinds:
            assert row.verdict != "comparable"
    employment = next(r for r in shared if r.concept == "服装产业带动就业人数")
    assert employment.verdict == "conditional"
    assert employment.reasons == ["scope", "horizon"]
    assert bench.embedder == "lexical"


def test_three_plans_make_one_matrix(luhe: Plan, dehong: Plan) -> None:
    copy = Plan(
        PlanMeta("luhe2", title=luhe.meta.title, region="另一县", level="县"), luhe.sections
    )
    bench = benchmark_plans([luhe, dehong, copy])
    assert [p.id for p in bench.plans] == ["luhe", "dehong", "luhe2"]
    wide = [r for r in bench.rows if len(r.cells) == 3]
    assert wide, "a concept of all three plans has one row"
    for row in bench.rows:
        assert list(row.cells) == [p for p in ("luhe", "dehong", "luhe2") if p in row.cells]
    same = [r for r in bench.rows if set(r.cells) == {"luhe", "luhe2"}]
    dated = [r for r in same if all(m.year for c in r.cells.values() for m in c.milestones)]
    assert dated and all(r.verdict == "comparable" for r in dated)  # a plan and its copy
    # Without a target year nothing says the horizons are the same.
    assert all(r.reasons == ["horizon"] for r in same if r not in dated)


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


def test_an_embedder_proposes_what_names_alone_miss_and_structure_judges(
    luhe: Plan, dehong: Plan
) -> None:
    def pairs(bench: object) -> set[tuple[str, ...]]:
        return {tuple(c.indicator for c in r.cells.values()) for r in bench.shared}  # type: ignore[attr-defined]

    plain = pairs(benchmark_plans([luhe, dehong]))
    bench = benchmark_plans([luhe, dehong], SynonymEmbedder())
    factories = next(r for r in bench.shared if r.concept == "自动化生产工厂/车间")
    assert ("自动化生产工厂/车间", "纺织服装智能工厂") not in plain
    assert factories.verdict == "not_comparable" and "definition" in factories.reasons
    assert bench.embedder == "toy"


def test_sector_vocabulary_is_opt_in_data(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    data = tmp_path / "garments.toml"
    data.write_text('[[related]]\nnames = ["企业", "市场主体"]\n', encoding="utf-8")
    sector = load_sector(str(data))
    bench = benchmark_plans([luhe, dehong], sector=sector)
    row = next(r for r in bench.shared if "luhe" in r.cells and "市场主体" in r.concept)
    assert row.cells["dehong"].indicator == "纺织服装产业企业数量"
    assert row.verdict == "not_comparable" and "definition" in row.reasons
    with pytest.raises(PlanError, match="no such sector"):
        load_sector("no-such-sector")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[related]]\nnames = ["一"]\n', encoding="utf-8")
    with pytest.raises(PlanError, match="two names"):
        load_sector(str(bad))


def test_a_name_two_plans_write_alike_is_one_concept_however_few_names(
    luhe: Plan, dehong: Plan
) -> None:
    """With one name in the whole benchmark, the IDF over the names gives every character of
    it no weight: the name must still meet itself."""
    stated = {
        "luhe": [target("智能工厂", "10", "个", section="1")],
        "dehong": [target("智能工厂", "20", "个", section="2")],
    }
    bench = benchmark_plans([luhe, dehong], targets=lambda plan: stated[plan.id])
    assert [list(r.cells) for r in bench.rows] == [["luhe", "dehong"]]


def test_a_designation_is_wording_and_a_bare_head_another_population() -> None:
    """应用基地 / 示范基地 name one kind of base; 企业 / 领军企业 do not count the same firms."""
    c = ctx(a=1, b=1)
    applied = cell("a", target("智慧农业应用基地", "100", "家", 2025))
    shown = cell("b", target("智慧农业示范基地", "40", "家", 2025))
    assert verdict_of(judge_pair(applied, shown, c)) == ("comparable", [])
    every = cell("a", target("企业", "100", "家", 2025))
    leading = cell("b", target("人工智能领军企业", "10", "家", 2025))
    assert "definition" in judge_pair(every, leading, c)


def test_one_indicator_measured_two_ways_is_shown_as_not_comparable() -> None:
    """万车死亡率 as a level in one plan and as a fall in % in the other: one row, 不可比."""
    a = Plan(PlanMeta("a", title="甲市安全生产规划"), [])
    b = Plan(PlanMeta("b", title="乙市安全生产规划"), [])
    level = target("道路交通万车死亡率", "7", "个", 2025, section="1")
    fall = target("道路交通万车死亡率", "-35", "%", 2025, section="1", rate=True)
    picked = {"a": [level], "b": [fall]}
    bench = benchmark_plans([a, b], None, targets=lambda p: picked[p.id])
    shared = [r for r in bench.rows if len(r.cells) == 2]
    assert len(shared) == 1 and shared[0].verdict == "not_comparable"
    assert "dimension" in shared[0].reasons
    # Names that are not one indicator never pair across measures.
    other = {"a": [level], "b": [target("火灾十万人口死亡率", "-14", "%", 2025, rate=True)]}
    bench = benchmark_plans([a, b], None, targets=lambda p: other[p.id])
    assert all(len(r.cells) == 1 for r in bench.rows)


#: Two names of two plans, their unit, and whether they define one population — each pair as
#: gold readers judged it, beside a look-alike that must stay another definition.
DEFINITIONS = [
    # The extent of works: 农村公路项目里程 / 建设里程 (高速公路 is another road).
    ("农村公路项目里程", "农村公路建设里程", "公里", True),
    ("农村公路项目里程", "高速公路项目里程", "公里", False),
    ("畜禽养殖规模化率", "养殖规模率", "%", True),  # 规模化率 is 规模率 with 化
    ("经济增长", "生产总值", "%", True),  # 经济增长6%: by convention GDP's growth
    ("数字经济增长", "生产总值", "%", False),
    ("茶叶总量", "茶叶产量", "万吨", True),  # a total is the output
    ("茶叶总量", "茶园产量", "万吨", False),
    ("空气质量优良天数比率", "空气质量优良天数比例", "%", True),
    ("年接待游客", "旅游接待总人次", "万人次", True),  # visitor arrivals, however written
    ("年接待游客", "入境游客", "万人次", False),
    ("地方公共预算财政收入", "公共财政预算收入", "亿元", True),
    ("集装箱", "集装箱吞吐量", "万标箱", True),
    ("林业行业年总产值", "林业产值", "亿元", True),  # a sector's output value
    ("高新技术产业工业总产值", "高新技术产业产值", "亿元", True),
    ("林业产值", "渔业产值", "亿元", False),
    (
        "养老机构护理型床位占比",
        "护理型床位数占养老机构床位比例",
        "%",
        True,
    ),  # whole first or after 占
    ("养老机构护理型床位占比", "医院护理型床位占比", "%", False),
    ("城镇新增就业", "城镇新增就业人数", "万人", True),
    ("居民消费价格涨幅", "居民消费价格指数", "%", True),  # a rise in % of the index
    ("CPI涨幅", "居民消费价格涨幅", "%", True),
    ("煤炭消费占一次能源消费比重", "煤炭消费比重", "%", True),  # its base understood
    ("服务业增加值", "三产业", "%", True),  # a sector's growth, by its value added or not
    ("固定资产投资", "全社会固定资产投资额", "%", True),
    ("一产业增加值", "第一产业增加值", "亿元", True),
    ("第二产业增加值", "服务业增加值", "亿元", False),
    ("用水总量", "中国总用水量", "亿立方米", True),  # 总 before 量 or the measure; the nation
    ("旅游厕所", "旅游公厕", "座", True),  # 公厕 is 公共厕所
    ("农村户用厕所", "农村公厕", "座", False),
    ("细颗粒物(PM2.5)年均浓度", "PM2.5年均值", "%", True),  # the symbol, 年均值
    ("软件和信息服务业收入", "软件与信息技术服务业收入", "亿元", True),  # one statistic
]


def test_new_and_rebuilt_works_are_another_population_than_new_ones() -> None:
    """新改建农村公路 counts rebuilt roads too; 新建农村公路 does not. 新(改)建幼儿园, 新增学位
    leaves the places (学位) a plain increment."""
    c = ctx(a=3, b=3)

    def road(plan: str, quote: str) -> ConceptCell:
        return cell(plan, target("农村公路", "500", "公里", 2025, kind="increment", quote=quote))

    both = judge_pair(road("a", "新改建农村公路500公里"), road("b", "新建农村公路300公里"), c)
    assert "definition" in both
    alike = judge_pair(road("a", "新改建农村公路500公里"), road("b", "新(改)建农村公路300公里"), c)
    assert "definition" not in alike
    places = target(
        "学位", "900", "个", 2025, kind="increment", quote="新(改)建幼儿园3所，新增学位900个"
    )
    plain = target("学位", "600", "个", 2025, kind="increment", quote="新增学位600个")
    assert "definition" not in judge_pair(cell("a", places), cell("b", plain), c)


@pytest.mark.parametrize(("a", "b", "unit", "same"), DEFINITIONS)
def test_names_two_plans_write_for_one_population(a: str, b: str, unit: str, same: bool) -> None:
    """Whether the verdict reads two plans' names as one definition."""
    c = ctx(a=3, b=3)
    reasons = judge_pair(
        cell("a", target(a, "10", unit, 2025)), cell("b", target(b, "12", unit, 2025)), c
    )
    assert ("definition" not in reasons) is same


def test_urban_and_rural_incomes_are_two_rows_and_residents_income_is_the_statistic() -> None:
    """城镇居民人均可支配收入 and 农村居民人均可支配收入 are two statistics of one plan, never one
    cell; 城镇居民收入 in another plan is the first of them."""
    urban = target("城镇居民人均可支配收入", "6.5", "%", 2025)
    rural = target("农村居民人均可支配收入", "8", "%", 2025)
    assert not same_indicator(urban, rural)
    c = ctx(a=3, b=3)
    short = cell("a", target("城镇居民收入", "5", "%", 2025))
    assert "definition" not in judge_pair(short, cell("b", urban), c)
    assert judge_pair(short, cell("b", rural), c) & {"definition", "scope"}  # never like


def test_the_tier_that_holds_a_budget_is_no_level_of_what_is_counted() -> None:
    """区级一般公共预算收入 is the district's own revenue; 省级平台 ⇄ 国家级平台 stays a level."""
    c = ctx(a=3, b=3)
    local = cell("a", target("地方一般公共预算收入", "6", "%", 2025))
    district = cell("b", target("区级一般公共预算收入", "5", "%", 2025))
    assert not judge_pair(local, district, c) & {"level", "definition"}
    provincial = cell("a", target("省级平台", "10", "个", 2025))
    national = cell("b", target("国家级平台", "3", "个", 2025))
    assert "level" in judge_pair(provincial, national, c)


@pytest.mark.parametrize(
    ("few", "all_", "unit"),
    [
        # 示范应用场景 are the scenes singled out, not every scene (试点企业 against 企业 alike).
        ("5G示范应用场景", "5G应用场景", "个"),
        ("“数字+”新业态试点应用场景", "应用场景", "个"),
        # 科技型中小企业 are not every 科技型企业; 小微企业 not every 企业 of a sector.
        ("科技型中小企业", "科技型企业", "家"),
        ("物流小微企业", "物流企业", "家"),
    ],
)
def test_the_designated_few_or_a_size_class_are_not_all_of_a_kind(
    few: str, all_: str, unit: str
) -> None:
    """A designation (示范, 试点) or a size class (中小, 小微) counts part of a kind."""
    c = ctx(a=1, b=1)
    one = cell("a", target(few, "50", unit, 2025))
    two = cell("b", target(all_, "80", unit, 2025))
    assert "definition" in judge_pair(one, two, c)
    assert same_definition(few, few)


def test_the_same_words_in_another_order_are_one_definition() -> None:
    """播种粮食面积 / 粮食播种面积; 公共财政预算收入 is the old name of 一般公共预算收入."""
    c = ctx(a=3, b=3)
    sown = cell("a", target("播种粮食面积", "68", "万亩", 2025))
    area = cell("b", target("粮食播种面积", "90", "万亩", 2025))
    assert "definition" not in judge_pair(sown, area, c)
    old = cell("a", target("公共财政预算收入", "10", "亿元", 2025))
    new = cell("b", target("一般公共预算收入", "12", "亿元", 2025))
    assert "definition" not in judge_pair(old, new, c)


def test_a_measure_of_nothing_named_pairs_with_nothing() -> None:
    """率 left alone (a name cut short) says nothing of what is measured: two plans' 率 are no
    concept row, however alike the names; two plans' 开工率 are one."""
    bare = [cell("a", target("率", "33", "%", 2027)), cell("b", target("率", "40", "%", 2027))]
    assert all(len(group) == 1 for group, _ in _cluster(bare, ctx(a=2, b=2), None, None))
    named = [
        cell("a", target("开工率", "33", "%", 2027)),
        cell("b", target("开工率", "40", "%", 2027)),
    ]
    assert [len(group) for group, _ in _cluster(named, ctx(a=2, b=2), None, None)] == [2]


def test_levels_stated_year_by_year_give_the_yearly_rise_an_increment_is_set_against() -> None:
    """4300万 (2018), 4450万 (2019), 4600万平方米 (2020): a stock stated for consecutive years
    converts to 150万 a year, so it can be set against another plan's yearly addition (a
    conditional row on kind), where a single level cannot."""
    from plancompare.targets.benchmark import per_year

    levels = cell(
        "a",
        target("集中供热面积", "4300", "万平方米", 2018),
        target("集中供热面积", "4450", "万平方米", 2019),
        target("集中供热面积", "4600", "万平方米", 2020),
    )
    assert per_year(levels, (2018, 2020)) == Decimal("1500000")
    single = cell("b", target("集中供热面积", "4300", "万平方米", 2018))
    assert per_year(single, (2018, 2020)) is None
