"""The two seed plans: their trees as a reviewer reads them, and the shipped canonical files."""

from __future__ import annotations

from plancompare.checks import check_plan
from plancompare.model import Plan, SectionKind
from plancompare.plan.canonical import render_markdown
from plancompare.plan.importer import MetaOptions, read_plan
from tests.conftest import CORPORA, DATA, SEEDS
from tests.golden import assert_golden
from tests.outline_format import outline_lines


def test_luhe_outline_matches_golden(luhe: Plan) -> None:
    assert_golden(DATA / "outline" / "luhe.txt", "\n".join(outline_lines(luhe)) + "\n")


def test_dehong_outline_matches_golden(dehong: Plan) -> None:
    assert_golden(DATA / "outline" / "dehong.txt", "\n".join(outline_lines(dehong)) + "\n")


def test_shipped_files_are_what_the_importer_writes(luhe: Plan, dehong: Plan) -> None:
    """corpora/*.md are the importer's output for the seeds (up to the import time)."""
    for plan, options in (
        (luhe, MetaOptions(title="陆河县服装产业高质量发展规划", region="陆河县")),
        (dehong, MetaOptions()),
    ):
        fresh = read_plan(SEEDS[plan.id], plan.id, options)
        fresh.meta.imported = plan.meta.imported
        assert render_markdown(fresh) == (CORPORA / f"{plan.id}.md").read_text(encoding="utf-8")


def test_luhe_two_runs_get_inferred_parents_at_level_one(luhe: Plan) -> None:
    top = [s for s in luhe.sections if s.kind is not SectionKind.PREAMBLE]
    assert [s.number for s in top] == ["一、", "二、", "三、", None, None, "五、"]
    first, second = top[3], top[4]
    assert first.inferred and second.inferred and first.title == second.title == ""
    assert [c.number for c in first.children] == [f"（{n}）" for n in "一二三四五六七"]
    assert [c.number for c in second.children] == [f"（{n}）" for n in "一二三四五六七八"]
    assert all(c.level == 2 for c in first.children + second.children)


def test_luhe_lead_phrase_items(luhe: Plan) -> None:
    projects = luhe.sections[5].children
    assert [len(p.children) for p in projects] == [3, 1, 2, 1, 2, 3, 3, 4]
    items = [i for p in projects for i in p.children]
    assert all(i.kind is SectionKind.LEAD and i.level == 3 for i in items)
    assert items[0].title == "培育壮大领航企业"
    assert items[0].text.startswith("强化龙头企业培育")


def test_luhe_dash_items_and_indicator_table(luhe: Plan) -> None:
    targets = luhe.sections[3]
    assert targets.heading == "三、总体目标"
    assert [c.title for c in targets.children] == [
        "产业规模持续壮大",
        "创新能力显著增强",
        "贸易结构优化升级",
        "惠民效应更加突出",
        "社会善治逐步形成",
    ]
    assert targets.paragraphs[-1] == "具体指标"
    assert targets.paragraphs[1].startswith("到2035年")
    (table,) = targets.tables
    assert table.header == [
        "指标维度",
        "指标名称",
        "单位",
        "2025年基期",
        "2028年目标",
        "2030年目标",
    ]
    assert len(table.rows) == 30
    assert table.rows[0] == ["产业规模", "全产业链总产值", "亿元", "30", "60", "100"]
    assert table.rows[1][0] == "产业规模"  # carried down through the merged cell
    assert table.rows[12][1:3] == ["生产性服务企业引育数（设计、物流等）", "家"]
    assert table.rows[19] == ["品牌建设", "区域品牌知名度", "", "-", "成功注册", "省内外知名"]
    assert {r[0] for r in table.rows} == {
        "产业规模", "企业培育", "招商引资", "就业带动", "品牌建设",
        "数字化水平", "人口与收入", "集体经济", "安全生产", "社会治理",
    }  # fmt: skip


def test_metadata_from_the_title_block(luhe: Plan, dehong: Plan) -> None:
    assert (dehong.meta.title, dehong.meta.region, dehong.meta.level) == (
        "德宏州纺织服装产业集群建设三年行动计划",
        "德宏州",
        "州",
    )
    assert (dehong.meta.period, dehong.meta.status) == ("2025-2027", "征求意见稿")
    assert luhe.meta.status == "征求意见稿" and luhe.meta.period is None
    assert luhe.meta.source == "000_941dbbe323f73edb.txt" and len(luhe.meta.sha256 or "") == 64


def test_no_section_text_keeps_word_artefacts(luhe: Plan, dehong: Plan) -> None:
    for plan in (luhe, dehong):
        for s in plan.walk():
            assert "[bookmark" not in s.heading + s.text


def test_structural_findings_of_both_drafts(luhe: Plan, dehong: Plan) -> None:
    luhe_kinds = [(f.kind, f.section) for f in check_plan(luhe)]
    assert ("missing-heading", "4") in luhe_kinds and ("missing-heading", "5") in luhe_kinds
    gap = next(f for f in check_plan(luhe) if f.kind == "numbering-gap")
    assert gap.evidence == ["三、总体目标", "五、保障措施"] and gap.values["missing"] == "四、"
    dup = [f for f in check_plan(dehong) if f.kind == "duplicate-number"]
    assert len(dup) == 1 and dup[0].evidence == ["四、实施路径", "四、保障措施"]
