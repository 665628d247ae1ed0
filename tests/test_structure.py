"""The heading grammar and tree builder, driven by fixture files (source in, tree out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.ingest import RawParagraph, RawTable
from plancompare.ingest.text import read_text
from plancompare.model import Plan, PlanMeta
from plancompare.plan.canonical import parse_markdown, render_markdown
from plancompare.plan.structure import build_sections, take_head
from tests.conftest import DATA
from tests.outline_format import outline_lines


def load_cases(path: Path) -> list[tuple[str, str, str]]:
    """(name, source, expected) for each ``## case:`` of a fixture file."""
    cases = []
    for chunk in path.read_text(encoding="utf-8").split("## case: ")[1:]:
        name, _, rest = chunk.partition("\n")
        source, sep, expected = rest.partition("\n----\n")
        assert sep, f"case {name!r} in {path.name} has no ---- line"
        cases.append((name.strip(), source, expected.strip("\n")))
    return cases


CASES = [
    *load_cases(DATA / "structure" / "grammar.txt"),
    *load_cases(DATA / "structure" / "layout.txt"),
]


def plan_from_text(source: str) -> Plan:
    """A plan read from a text file's content, as ``import`` reads a .txt."""
    blocks, notes = read_text(source)
    head, body = take_head(blocks)
    meta = PlanMeta(
        id="case", title=head.title, period=head.period, status=head.status, notes=notes
    )
    return Plan(meta=meta, sections=build_sections(body))


def case_lines(plan: Plan) -> list[str]:
    """The outline of a case, then its notes (if any) on one ``@notes`` line."""
    notes = [f"@notes {' | '.join(plan.meta.notes)}"] if plan.meta.notes else []
    return [*outline_lines(plan), *notes]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_grammar_case(source: str, expected: str) -> None:
    assert "\n".join(case_lines(plan_from_text(source))) == expected


@pytest.mark.parametrize("source", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_canonical_markdown_round_trip(source: str) -> None:
    """Source → canonical Markdown → parse gives the same tree as parsing the source."""
    direct = plan_from_text(source)
    again = parse_markdown(render_markdown(direct), plan_id="case")
    assert outline_lines(again) == outline_lines(direct)


def test_a_bar_table_among_hard_wrapped_lines_is_a_table() -> None:
    """A PDF-like text whose lines wrap mid-sentence, with a task table written with bars in it:
    the wrapped lines join into paragraphs and the bar rows stay a table, row by row."""
    lines = [
        "为加快推进全县果树产业高质量发展，进一步优化产业布局，提升种植效益和群众收入",
        "水平，现将本年度新种任务分解下达各乡镇，请各乡镇结合实际认真组织实施，确保按",
        "期完成任务，县里将对完成情况进行考核，对完成较好的乡镇给予适当奖励，对工作推",
        "进不力的乡镇予以通报，各乡镇要明确责任人，细化工作措施，加强技术指导和服务，",
    ]
    # Three paragraphs' worth, each line its own (a column's wrapped lines differ).
    wrapped = [f"{line[:-1]}{end}" for end in "务作力" for line in lines]
    rows = [
        "乡镇 | 新种任务(亩) | 备注 |",
        "全县合计 | 3000 | |",
        "东山镇 | 1200 | |",
        "西河乡 | 800 | |",
    ]
    blocks, notes = read_text("\n".join([*wrapped, *rows, *wrapped[:4]]))
    tables = [b for b in blocks if isinstance(b, RawTable)]
    assert len(notes) == 1  # the note that the text was unwrapped
    assert len(tables) == 1
    assert tables[0].rows[1][:2] == ["全县合计", "3000"]
    paragraphs = [b for b in blocks if isinstance(b, RawParagraph)]
    assert len(paragraphs) == 2  # the wrapped lines before and after the table, each joined


def test_a_page_list_of_headlines_each_shown_thrice_is_not_hard_wrapped() -> None:
    """A web page under its article lists other pages' headlines, each line three times and
    then its date: the lines share widths and end without full stops, as a column's wrapped
    lines do, but repeat word for word. The text keeps its lines; the article stays apart."""
    article = [
        "某市体育发展三年行动计划发布，三年内新建改建球场100片，总量达到700片。",
        "相关阅读",
    ]
    headlines = [
        "球队客场惜败对手，主力后卫全场砍下33分8篮板4助攻",
        "联赛第十二轮战罢，某某某仅打20分钟拿到10分4篮板",
        "某某某谈新赛季目标：希望球队能够稳定进入季后赛前八",
        "主教练赛后表示球队防守端还需继续提升专注度和强度",
    ]
    lines = [*article]
    for headline in headlines:
        lines += [headline] * 3 + ["2025-12-17"]
    blocks, notes = read_text("\n".join(lines))
    paragraphs = [b.text for b in blocks if isinstance(b, RawParagraph)]
    assert notes == []  # no note that the text was unwrapped
    assert article[1] in paragraphs  # 相关阅读 is a line of its own, not the article's end
    assert paragraphs[0] == article[0]


def test_a_paragraph_set_in_a_page_layout_table_is_a_paragraph() -> None:
    """A news page's article sits in a layout table: bar-only debris lines, then the article
    on one line with empty cells after it. The article is read as a paragraph without its
    bars, not as one cell of a table; a task table's row (sentences beside an office and a
    deadline) stays a row."""
    article = (
        "本报讯 记者从市政府获悉，《某市全民健身实施计划》出台，到2026年，全市人均体育场地"
        "面积达到2.5平方米以上。各街道要建有多功能体育活动广场，社会体育指导员总数达到5000名。"
    )
    debris = ["|", "- ||", "- ||", "- 2025年3月2日", "|"]
    blocks, _ = read_text("\n".join([*debris, f"{article} | |", "| 上一篇 |", "|"]))
    paragraphs = [b.text for b in blocks if isinstance(b, RawParagraph)]
    assert article in paragraphs
    cells = [c for b in blocks if isinstance(b, RawTable) for r in b.rows for c in r]
    assert article not in cells
    task_rows = [
        "序号 | 任务 | 责任单位 | 完成时限 |",
        f"1 | {article} | 市体育局 | 2026年底前 |",
        "2 | 建成体育公园3个。 | 市住建局 | 2026年底前 |",
    ]
    blocks, _ = read_text("\n".join(task_rows))
    tables = [b for b in blocks if isinstance(b, RawTable)]
    assert len(tables) == 1 and tables[0].rows[1][1] == article


def test_a_table_of_cell_lines_with_blank_lines_and_dated_value_labels() -> None:
    """A page gave a table one cell a line, a blank line between cells, and each value
    column's date on a line of its own under its label (目标值 / (2027年)): one column each,
    the 申报值 column a baseline. A serial-numbered table after a 领域 cell still reads."""
    cells = [
        "指标名称", "申报值", "(2025年6月)", "目标值", "(2027年)",
        "城市家庭千兆宽带接入能力", "60%", "90%",
        "农村家庭百兆宽带接入能力", "70%", "95%",
        "5G用户普及率", "55.0%", "80%",
    ]  # fmt: skip
    blocks, _ = read_text("\n\n".join(["示范城市创建方案要点", *cells, "注：数据为申报时数据。"]))
    tables = [b for b in blocks if isinstance(b, RawTable)]
    assert len(tables) == 1
    assert tables[0].rows[0] == ["指标名称", "申报值(2025年6月)", "目标值(2027年)"]
    assert tables[0].rows[3] == ["5G用户普及率", "55.0%", "80%"]
    assert [b.text for b in blocks if isinstance(b, RawParagraph)][-1] == "注：数据为申报时数据。"


def test_a_headline_that_claims_a_figure_is_the_title_and_the_first_paragraph() -> None:
    """A news page's headline states the target the report is about: it names the plan and is
    read as text; a formal title with a year or an ordinal only names it."""
    plan = plan_from_text(
        "某市：今年将新建城市书房45个\n\n记者从市文广局获悉，今年将新建城市书房45个。\n"
    )
    assert plan.meta.title == "某市：今年将新建城市书房45个"
    assert plan.sections[0].content[0].text == "某市：今年将新建城市书房45个"
    formal = plan_from_text(
        "某市国民经济和社会发展第十四个五年规划\n（2021-2025年）\n\n一、总体要求\n正文。\n"
    )
    assert formal.meta.title == "某市国民经济和社会发展第十四个五年规划"
    assert all("第十四个" not in p.text for s in formal.sections for p in s.content)
