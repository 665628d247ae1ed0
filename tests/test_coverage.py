"""Coverage of a reference plan by N plans: the verdict rule on a small provincial/city pair
(tests/data/coverage/), its evidence, progress, cancellation, the benchmark hook and the JSON."""

from __future__ import annotations

import threading

import pytest

from plancompare.align.diff import SentenceMatcher
from plancompare.align.sections import AlignmentCancelled, align_plans
from plancompare.coverage import (
    Basis,
    BenchmarkEntry,
    Coverage,
    Verdict,
    coverage,
    coverage_dict,
    plan_coverage,
)
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.errors import PlanError
from plancompare.i18n import has
from plancompare.model import Plan, Target
from plancompare.plan.canonical import parse_markdown
from tests.conftest import DATA

FIXTURES = DATA / "coverage"


def read(name: str, plan_id: str) -> Plan:
    path = FIXTURES / name
    plan = parse_markdown(path.read_text(encoding="utf-8"), path, plan_id)
    plan.meta.id = plan_id
    return plan


@pytest.fixture(scope="module")
def sheng() -> Plan:
    """The reference: a provincial action plan."""
    return read("ref.md", "sheng")


@pytest.fixture(scope="module")
def shi() -> Plan:
    """A city plan that takes up part of it."""
    return read("plan.md", "shi")


@pytest.fixture(scope="module")
def result(sheng: Plan, shi: Plan) -> Coverage:
    return coverage(sheng, [shi], LexicalEmbedder())


def verdict(result: Coverage, section: str, plan: str = "shi") -> Verdict:
    row = result.row(section)
    assert row is not None, section
    return row.cells[plan].verdict


def test_rows_are_the_reference_units_in_order_without_the_preamble(result: Coverage) -> None:
    assert [r.section for r in result.rows] == [
        "1", "2", "3", "3.1", "3.2", "3.3", "3.3.1", "3.3.2", "4",
    ]  # fmt: skip
    row = result.row("3.3.1")
    assert row is not None
    assert row.path == ["三、重点任务", "专栏1 工业软件攻关行动", "01研发设计类软件"]
    assert row.number == "01" and row.kind == "numbered"


def test_a_background_is_absent_when_the_plan_has_none(result: Coverage) -> None:
    cell = result.rows[0].cells["shi"]
    assert (cell.verdict, cell.basis) == (Verdict.ABSENT, Basis.ROLE)
    assert cell.counterparts == [] and cell.evidence == []


def test_a_background_is_covered_by_the_plan_s_own(sheng: Plan, shi: Plan) -> None:
    with_background = read("plan.md", "shi2")
    with_background.sections[1].title = "发展基础"
    cell = coverage(sheng, [with_background], LexicalEmbedder()).rows[0].cells["shi2"]
    assert (cell.verdict, cell.basis) == (Verdict.COVERED, Basis.ROLE)
    assert [c.title for c in cell.counterparts] == ["一、发展基础"]


def test_same_role_sections_are_covered(result: Coverage) -> None:
    for section, counterpart in (("2", "一、指导思想"), ("4", "三、保障措施")):
        row = result.row(section)
        assert row is not None
        cell = row.cells["shi"]
        assert (cell.verdict, cell.basis) == (Verdict.COVERED, Basis.ROLE)
        assert cell.counterparts[0].title == counterpart


def test_a_task_taken_up_is_covered_with_its_counterpart_and_evidence(result: Coverage) -> None:
    row = result.row("3.1")
    assert row is not None
    cell = row.cells["shi"]
    assert (cell.verdict, cell.basis) == (Verdict.COVERED, Basis.CONTENT)
    best = cell.counterparts[0]
    assert (best.section, best.title) == ("2.1", "（一）推进智能工厂建设")
    assert best.path == ["二、主要任务", "（一）推进智能工厂建设"]
    assert cell.found == cell.sentences == 2
    assert "支持龙头企业建设智能工厂，推广柔性生产线。" in [e.sentence for e in cell.evidence]
    assert [t.indicator for t in row.targets] == ["智能工厂"]


def test_a_task_nobody_takes_up_is_absent(result: Coverage) -> None:
    row = result.row("3.2")
    assert row is not None
    cell = row.cells["shi"]
    assert (cell.verdict, cell.found, cell.counterparts) == (Verdict.ABSENT, 0, [])


def test_box_entries_named_in_the_plan_are_covered(result: Coverage) -> None:
    for section in ("3.3.1", "3.3.2"):
        row = result.row(section)
        assert row is not None
        cell = row.cells["shi"]
        assert (cell.verdict, cell.basis) == (Verdict.COVERED, Basis.NAMED)
        assert cell.counterparts[0].title == "（二）发展工业软件"
        assert cell.score > 0.9


def test_headings_over_items_follow_their_items(result: Coverage) -> None:
    # 专栏1: both entries covered; 三、: two of three items covered (more than half).
    for section, share in (("3.3", 1.0), ("3", 2 / 3)):
        row = result.row(section)
        assert row is not None
        cell = row.cells["shi"]
        assert (cell.verdict, cell.basis) == (Verdict.COVERED, Basis.ITEMS)
        assert cell.score == pytest.approx(share, abs=0.001)
    box = result.row("3.3")
    assert box is not None
    assert box.cells["shi"].counterparts[0].title == "（二）发展工业软件"


def test_a_heading_whose_items_are_all_absent_is_absent(sheng: Plan) -> None:
    unrelated = read("plan.md", "other")
    for section in unrelated.walk():
        if section.title == "发展工业软件":
            section.title = "优化营商环境"
            section.content = section.content[:0]
    row = coverage(sheng, [unrelated], LexicalEmbedder()).row("3.3")
    assert row is not None
    assert row.cells["other"].verdict is Verdict.ABSENT


def test_every_plan_gets_a_cell_and_a_tally(sheng: Plan, shi: Plan) -> None:
    second = read("plan.md", "shi_b")
    result = coverage(sheng, [shi, second], LexicalEmbedder())
    assert [p.id for p in result.plans] == ["shi", "shi_b"]
    assert all(set(r.cells) == {"shi", "shi_b"} for r in result.rows)
    assert verdict(result, "3.1", "shi_b") is verdict(result, "3.1", "shi")
    tally = result.tally("shi")
    assert sum(tally.values()) == len(result.rows)
    assert tally[Verdict.ABSENT] == 2


def test_plan_coverage_reuses_an_alignment_and_a_matcher(
    sheng: Plan, shi: Plan, result: Coverage
) -> None:
    """The compare view of the pair holds both already: the cells come out the same."""
    embedder = LexicalEmbedder()
    cells = plan_coverage(
        sheng, shi, align_plans(sheng, shi, embedder), SentenceMatcher(sheng, shi, embedder)
    )
    assert {k: c.verdict for k, c in cells.items()} == {
        r.section: r.cells["shi"].verdict for r in result.rows
    }


def test_without_an_embedder_lexical_evidence_decides(sheng: Plan, shi: Plan) -> None:
    result = coverage(sheng, [shi], None)
    assert result.embedder == "none"
    assert verdict(result, "3.1") is Verdict.COVERED
    assert verdict(result, "3.2") is Verdict.ABSENT


def test_progress_reaches_the_end_over_all_plans(sheng: Plan, shi: Plan) -> None:
    seen: list[tuple[str, float]] = []
    coverage(
        sheng,
        [shi, read("plan.md", "shi_b")],
        LexicalEmbedder(),
        progress=lambda key, f: seen.append((key, f)),
    )
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(0.5 < f < 1.0 for f in fractions)  # the second plan's share
    assert all(has(key, "zh") or key == "done" for key, _ in seen)


def test_each_plan_is_named_once(sheng: Plan, shi: Plan) -> None:
    with pytest.raises(PlanError, match="once"):
        coverage(sheng, [shi, shi], None)
    with pytest.raises(PlanError, match="once"):
        coverage(sheng, [sheng], None)


def test_cancel_stops_the_work(sheng: Plan, shi: Plan) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(AlignmentCancelled):
        coverage(sheng, [shi], LexicalEmbedder(), cancel=cancel)


def test_the_benchmark_hook_fills_the_cells_of_units_with_targets(sheng: Plan, shi: Plan) -> None:
    calls: list[tuple[list[str], str]] = []

    def hook(targets: list[Target], plan: Plan) -> list[BenchmarkEntry]:
        calls.append(([t.indicator for t in targets], plan.id))
        return [
            BenchmarkEntry(t.indicator, t.indicator, "conditional", "智能工厂") for t in targets
        ]

    result = coverage(sheng, [shi], LexicalEmbedder(), benchmark=hook)
    assert calls == [(["智能工厂"], "shi")]
    row = result.row("3.1")
    assert row is not None
    assert row.cells["shi"].benchmark[0].verdict == "conditional"
    assert all(not r.cells["shi"].benchmark for r in result.rows if r.section != "3.1")


def test_the_benchmark_hook_reads_the_n_plan_benchmark(luhe: Plan, dehong: Plan) -> None:
    """Each target of a unit gets the benchmark's row: the plan's indicator and the row's
    verdict where the plan states the concept, None where it does not (or where the benchmark
    has no row for it); one entry per indicator however many years it is stated for."""
    from plancompare.coverage.benchmark import benchmark_hook
    from plancompare.targets.benchmark import benchmark_plans

    bench = benchmark_plans([luhe, dehong])
    result = coverage(luhe, [dehong], LexicalEmbedder(), benchmark=benchmark_hook(bench, luhe))
    rows = {r.concept: r for r in bench.rows}
    entries = [e for row in result.rows for e in row.cells["dehong"].benchmark]
    assert {e.counterpart is None for e in entries} == {True, False}
    for e in entries:
        if e.concept is None:  # a target the benchmark leaves out (qualitative)
            assert (e.counterpart, e.verdict) == (None, None)
            continue
        cell = rows[e.concept].cells.get("dehong")
        assert e.counterpart == (cell.indicator if cell else None)
        assert e.verdict == (rows[e.concept].verdict if cell else None)
    for row in result.rows:
        keys = [(e.indicator, e.concept) for e in row.cells["dehong"].benchmark]
        assert len(keys) == len(set(keys))
        assert {k[0] for k in keys} == {t.indicator for t in row.targets}


def test_json_follows_the_contract(result: Coverage) -> None:
    data = coverage_dict(result)
    assert data["ref"] == {"id": "sheng", "title": "某省智能制造提升行动计划"}
    assert data["plans"] == [{"id": "shi", "title": "某市智能制造三年行动方案"}]
    row = next(r for r in data["rows"] if r["section"] == "3.1")
    assert {"section", "number", "title", "path", "cells"} <= set(row)
    cell = row["cells"]["shi"]
    assert cell["verdict"] == "covered" and 0.0 <= cell["score"] <= 1.0
    assert {"section", "title", "path", "score"} <= set(cell["counterparts"][0])
    assert all(isinstance(e, str) for e in cell["evidence"])
    assert {r["cells"]["shi"]["verdict"] for r in data["rows"]} == {"covered", "absent"}


def test_rows_come_before_any_plan_is_judged(sheng: Plan, shi: Plan) -> None:
    """What the 衔接 view draws at once: the rows without targets or cells, then a plan's cells
    put in as a worker judges it — the same as coverage() gives."""
    from plancompare.coverage import add_plan, coverage_rows

    rows = coverage_rows(sheng, targets=False)
    assert [r.section for r in rows] == [r.section for r in coverage_rows(sheng)]
    assert all(not r.targets and not r.cells for r in rows)
    alignment = align_plans(sheng, shi, LexicalEmbedder())
    matcher = SentenceMatcher(sheng, shi, LexicalEmbedder())
    add_plan(rows, shi, plan_coverage(sheng, shi, alignment, matcher))
    whole = coverage(sheng, [shi], LexicalEmbedder())
    assert [r.cells["shi"].verdict for r in rows] == [r.cells["shi"].verdict for r in whole.rows]


def test_a_unit_whose_heading_words_are_nowhere_in_the_plan_is_absent() -> None:
    """A plan of the same field words every unit alike; a heading whose distinctive words the
    plan never uses (海上风电) is a gap however alike its sentences read (they would make it
    partial)."""
    tasks = {
        "完善新能源消纳机制": "健全新能源消纳责任权重考核制度。推动新能源参与电力市场化交易。"
        "完善跨省跨区输电价格机制。",
        "提升电网接纳能力": "加快配电网改造升级。建设坚强智能电网骨干网架。"
        "提高电网对分布式电源的承载能力。",
        "加强储能设施建设": "推动新型储能规模化应用。鼓励建设独立共享储能电站。"
        "完善储能参与辅助服务市场规则。",
        "强化安全监管": "压实电力安全生产主体责任。加强电力设施保护和应急能力建设。"
        "开展电力安全风险隐患排查。",
    }

    def markdown(sections: list[tuple[str, str]]) -> str:
        return "\n".join(
            f"# {'一二三四五'[i]}、{h}\n\n{body}\n" for i, (h, body) in enumerate(sections)
        )

    offshore = ("推动海上风电规范有序开发", tasks["完善新能源消纳机制"])
    ref = parse_markdown(markdown([offshore, *tasks.items()]), "ref.md", "ref")
    plan = parse_markdown(markdown(list(tasks.items())), "low.md", "low")
    plan.meta.id = "low"
    result = coverage(ref, [plan], LexicalEmbedder())
    verdicts = {row.title: row.cells["low"].verdict for row in result.rows}
    assert verdicts["推动海上风电规范有序开发"] is Verdict.ABSENT
    assert verdicts["完善新能源消纳机制"] is Verdict.COVERED
