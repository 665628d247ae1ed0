"""Importing plans into the corpus: .docx and GB18030 sources, versions, and refusals."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result

from plancompare.errors import PlanError
from plancompare.model import SectionKind
from plancompare.plan.corpus import Corpus, ImportStatus
from plancompare.plan.importer import MetaOptions, read_plan, region_of
from tests.conftest import SEEDS
from tests.outline_format import outline_lines
from tests.test_ingest_docx import add_numbering, numbered


def test_docx_with_styles_numbering_and_table_imports_to_the_expected_tree(tmp_path: Path) -> None:
    document = docx.Document()
    add_numbering(document)
    document.add_paragraph("某县纺织产业发展规划", style="Title")
    document.add_paragraph("（2025-2027年）")
    document.add_paragraph("为推动产业高质量发展，制定本规划。")
    numbered(document, "发展目标", 0, style="Heading 1")
    document.add_paragraph("到2027年，产值突破50亿元。")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["指标", "2025年", "2027年"], ["产值（亿元）", "20", "50"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 0).text = "企业数（家）"
    table.cell(2, 1).text = "10"
    table.cell(2, 2).text = "30"
    numbered(document, "重点任务", 0, style="Heading 1")
    numbered(document, "培育龙头企业。支持链主企业做大做强。", 1)
    numbered(document, "优化空间布局。建设产业园区。", 1)
    path = tmp_path / "plan.docx"
    document.save(str(path))

    plan = read_plan(path, "docx-plan")

    assert outline_lines(plan) == [
        "@title 某县纺织产业发展规划",
        "@period 2025-2027",
        "0 | preamble | - | - | 为推动产业高质量发展，制定本规划。",
        "1 | numbered | 一、 | 发展目标 | 到2027年，产值突破50亿元。",
        "  table 指标 / 单位 / 2025年 / 2027年",
        "    产值 / 亿元 / 20 / 50",
        "    企业数 / 家 / 10 / 30",
        "2 | numbered | 二、 | 重点任务 | ",
        "  2.1 | numbered | （一） | 培育龙头企业 | 支持链主企业做大做强。",
        "  2.2 | numbered | （二） | 优化空间布局 | 建设产业园区。",
    ]
    assert (plan.meta.region, plan.meta.level) == ("某县", "县")


def test_gb18030_copy_of_a_seed_imports_identically(tmp_path: Path) -> None:
    gb = tmp_path / "dehong-gb.txt"
    gb.write_bytes(SEEDS["dehong"].read_text(encoding="utf-8").encode("gb18030"))
    utf8_plan = read_plan(SEEDS["dehong"], "dehong")
    gb_plan = read_plan(gb, "dehong")
    assert gb_plan.meta.encoding == "gb18030"
    assert outline_lines(gb_plan) == outline_lines(utf8_plan)


def test_crlf_and_bom_do_not_change_the_tree(tmp_path: Path) -> None:
    text = SEEDS["luhe"].read_text(encoding="utf-8")
    variant = tmp_path / "luhe-crlf.txt"
    variant.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert outline_lines(read_plan(variant)) == outline_lines(read_plan(SEEDS["luhe"]))


def test_reimport_unchanged_new_version_and_refusal(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "corpora")
    options = MetaOptions(title="陆河县服装产业高质量发展规划", region="陆河县")
    first = corpus.import_file(SEEDS["luhe"], "luhe", options)
    assert first.status is ImportStatus.NEW
    assert (tmp_path / "corpora" / "sources" / SEEDS["luhe"].name).is_file()

    again = corpus.import_file(SEEDS["luhe"], "luhe")
    assert again.status is ImportStatus.UNCHANGED

    revised = tmp_path / "luhe-revised.txt"
    revised.write_text(
        SEEDS["luhe"].read_text(encoding="utf-8").replace("突破100亿元", "突破120亿元"),
        encoding="utf-8",
    )
    second = corpus.import_file(revised, "luhe")
    assert second.status is ImportStatus.NEW_VERSION
    assert corpus.versions("luhe") == [1, 2]
    assert corpus.load("luhe").meta.title == "陆河县服装产业高质量发展规划"  # carried over
    assert "120亿元" in corpus.load("luhe").sections[3].children[0].text
    assert "100亿元" in corpus.load_version("luhe", 1).sections[3].children[0].text

    with pytest.raises(PlanError, match="different plan"):
        corpus.import_file(SEEDS["dehong"], "luhe")
    assert corpus.versions("luhe") == [1, 2]
    forced = corpus.import_file(SEEDS["dehong"], "luhe", force=True)
    assert forced.status is ImportStatus.REPLACED
    assert corpus.versions("luhe") == [1, 2, 3]


def test_a_large_plan_imports(tmp_path: Path) -> None:
    """A 5 MB plan (the 陆河 draft's body repeated under 160 chapters) imports whole."""
    body = SEEDS["luhe"].read_text(encoding="utf-8").split("\n", 1)[1]
    parts = [f"第{n}章 分册{n}\n{body}" for n in range(1, 171)]
    big = tmp_path / "big.txt"
    big.write_text("\n".join(parts), encoding="utf-8")
    assert big.stat().st_size > 5_000_000
    result = Corpus(tmp_path / "corpora").import_file(big, "big")
    chapters = result.plan.sections
    assert len(chapters) == 170
    assert [c.number for c in chapters[:2]] == ["第1章", "第2章"]
    # The seed's preamble becomes each chapter's own text; its sections become children.
    seed_sections = read_plan(SEEDS["luhe"]).sections[1:]
    assert [c.label for c in chapters[-1].children] == [s.label for s in seed_sections]
    assert chapters[-1].text.startswith("为深入贯彻习近平总书记")


def test_seed_round_trip_source_and_canonical_give_the_same_tree() -> None:
    from tests.conftest import CORPORA

    corpus = Corpus(CORPORA)
    for plan_id, source in SEEDS.items():
        assert outline_lines(read_plan(source, plan_id), head=False) == outline_lines(
            corpus.load(plan_id), head=False
        )


def test_hand_written_markdown_with_headings_keeps_its_tree(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# 一、总则\n\n为推动产业发展，制定本方案。\n\n"
        "## （一）目标\n\n到2027年，产值达到50亿元。\n\n"
        "**培育龙头企业**。支持链主企业。\n\n# 二、保障措施\n\n加强组织领导。\n",
        encoding="utf-8",
    )
    plan = read_plan(path)
    assert outline_lines(plan) == [
        "1 | numbered | 一、 | 总则 | 为推动产业发展，制定本方案。",
        "  1.1 | numbered | （一） | 目标 | 到2027年，产值达到50亿元。",
        "    1.1.1 | lead | - | 培育龙头企业 | 支持链主企业。",
        "2 | numbered | 二、 | 保障措施 | 加强组织领导。",
    ]
    assert plan.meta.id == "notes"
    assert plan.meta.source == "notes.md"


def test_markdown_without_headings_goes_through_the_grammar(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text(
        "---\ntitle: 某市行动方案\n---\n\n一、指导思想\n\n坚持高质量发展。\n\n"
        "二、主要任务\n\n（一）培育企业。支持企业做大。\n",
        encoding="utf-8",
    )
    plan = read_plan(path)
    assert plan.meta.title == "某市行动方案"
    assert (plan.meta.region, plan.meta.level) == ("某市", "市")
    assert outline_lines(plan, head=False) == [
        "1 | numbered | 一、 | 指导思想 | 坚持高质量发展。",
        "2 | numbered | 二、 | 主要任务 | ",
        "  2.1 | numbered | （一） | 培育企业 | 支持企业做大。",
    ]


def test_text_after_a_box_stays_in_its_section_through_the_canonical_file(
    tmp_path: Path,
) -> None:
    """Markdown cannot leave a heading without opening another: the tasks that follow a 专栏
    in the middle of a chapter must not fall under the box's last entry when read back."""
    from plancompare.plan.canonical import parse_markdown, render_markdown

    text = (
        "某市数字经济发展行动方案\n"
        "一、重点任务\n"
        "（一）建设智能工厂\n"
        "建设示范工厂。加快推进企业数字化改造。\n"
        "专栏1  智能工厂建设行动\n"
        "01 示范工厂\n"
        "建设一批示范工厂。\n"
        "02 智能车间\n"
        "建设一批智能车间。\n"
        "推进中小企业数字化转型。支持中小企业上云用云。\n"
        "拓展行业应用。推广一批解决方案。\n"
        "二、保障措施\n"
        "加强组织领导。\n"
    )
    source = tmp_path / "demo.txt"
    source.write_text(text, encoding="utf-8")
    plan = read_plan(source, "demo")
    back = parse_markdown(render_markdown(plan), None, "demo")
    assert [(s.id, s.label, s.text) for s in back.walk()] == [
        (s.id, s.label, s.text) for s in plan.walk()
    ]
    labels = {s.label: s.id for s in plan.walk()}
    box = next(s for s in plan.walk() if s.kind is SectionKind.BOX)
    task = next(s for s in plan.walk() if s.label.startswith("推进中小企业数字化转型"))
    assert not task.id.startswith(box.id + "."), labels  # not inside the box
    assert "<!-- plancompare: back to level" in render_markdown(plan)


def test_a_table_laid_out_with_spaces_is_a_table_and_its_rows_are_targets(
    tmp_path: Path,
) -> None:
    """An indicator table copied from a PDF or a web page as text: columns of spaces, a row a
    line, each row numbered; the row number is no part of the indicator's name."""
    from plancompare.targets.extract import extract_targets

    text = (
        "某省“十四五”养老服务体系规划\n"
        "一、主要指标\n"
        "专栏1  主要指标\n"
        "指 标                          2025 年        属 性\n"
        "1.养老机构护理型床位占比(%)      >55           约束性\n"
        "2.每千名老年人拥有养老床位数(张)   35            预期性\n"
        "3.特殊困难老年人月探访率(%)      100           约束性\n"
        "二、重点任务\n"
        "加强组织领导。各地  要落实责任。\n"
    )
    source = tmp_path / "elderly.txt"
    source.write_text(text, encoding="utf-8")
    plan = read_plan(source, "elderly")
    tables = [t for s in plan.walk() for t in s.tables]
    assert len(tables) == 1 and len(tables[0].rows) == 3
    found = {
        (t.indicator, t.comparator, str(t.value), t.unit, t.year) for t in extract_targets(plan)
    }
    assert ("养老机构护理型床位占比", ">=", "55", "%", 2025) in found
    assert ("每千名老年人拥有养老床位数", "=", "35", "张", 2025) in found
    assert ("特殊困难老年人月探访率", "=", "100", "%", 2025) in found
    # A paragraph with a double space is not a table.
    assert any("各地" in s.text for s in plan.walk())


def test_a_table_a_web_page_gave_one_cell_per_line_with_numbered_rows_is_a_table(
    tmp_path: Path,
) -> None:
    """An indicator table from a web page, one cell per line with blank lines between: a
    category over several rows, a serial number opening each row, a unit cell only where the
    table had one (else in the name's brackets), a year column with no value (-), a value in
    words, a sub-row 其中：… without a number."""
    from plancompare.targets.extract import extract_targets

    cells = [
        "领域",
        "序号",
        "主要指标",
        "单位",
        "2020年",
        "2025年目标",
        "指标性质",
        "教育水平",
        "1",
        "学前教育毛入园率",
        "%",
        "92",
        ">95",
        "预期性",
        "2",
        "劳动年龄人口平均受教育年限(年)",
        "10.8",
        "11.3",
        "约束性",
        "3",
        "普惠性幼儿园覆盖率",
        "%",
        "-",
        "85",
        "预期性",
        "教育保障",
        "4",
        "义务教育巩固率",
        "%",
        "95.1",
        "持续提升",
        "预期性",
        "5",
        "每万人口拥有专任教师数",
        "人",
        "98",
        "105",
        "预期性",
        "其中：每万人口拥有乡村教师数",
        "人",
        "40",
        "46",
        "预期性",
    ]
    text = "某县教育事业发展“十四五”规划\n一、主要指标\n" + "\n\n".join(cells)
    text += "\n\n二、重点任务\n完善学校布局。\n"
    source = tmp_path / "education.txt"
    source.write_text(text, encoding="utf-8")
    plan = read_plan(source, "education")
    tables = [t for s in plan.walk() for t in s.tables]
    assert len(tables) == 1 and len(tables[0].rows) == 6, tables
    assert tables[0].rows[3][0] == "教育保障"  # the category spans the rows after it
    found = {
        (t.indicator, t.comparator, str(t.value), t.unit, t.year) for t in extract_targets(plan)
    }
    assert ("学前教育毛入园率", ">=", "95", "%", 2025) in found
    assert ("劳动年龄人口平均受教育年限", "=", "11.3", "年", 2025) in found
    assert ("普惠性幼儿园覆盖率", "=", "85", "%", 2025) in found
    assert ("每万人口拥有乡村教师数", "=", "46", "人", 2025) in found
    assert any("完善学校布局" in s.text for s in plan.walk())  # the text after is text


@pytest.mark.parametrize(
    ("title", "region", "level"),
    [
        ("上海市碳达峰实施方案", "上海市", "省"),
        ("天津市养老服务体系建设规划", "天津市", "省"),
        ("北京市海淀区科技创新行动方案", "北京市海淀区", "区"),
        ("杭州市学前教育发展意见", "杭州市", "市"),
        ("广西壮族自治区林业规划", "广西壮族自治区", "省"),
    ],
)
def test_a_title_names_its_region_and_level(title: str, region: str, level: str) -> None:
    """A municipality under the State Council (上海市) is provincial, its districts are not."""
    assert region_of(title) == (region, level)


def test_the_level_can_be_given_where_the_region_does_not_tell_it(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """丹阳市 is a county-level city: its name says 市, --level says 县, and the corpus keeps it."""
    source = tmp_path / "danyang.txt"
    source.write_text("丹阳市民生实事方案\n一、主要目标\n新建社区食堂10个。\n", encoding="utf-8")
    result = cli(
        "import",
        str(source),
        "--id",
        "danyang",
        "--region",
        "丹阳市",
        "--level",
        "县",
        "--no-embed",
        "--json",
    )
    assert result.exit_code == 0, result.output
    listed = json.loads(cli("plans", "--json").output)
    assert {p["id"]: p.get("level") for p in listed["plans"]}["danyang"] == "县"
    bad = cli("import", str(source), "--id", "danyang2", "--level", "镇")
    assert bad.exit_code != 0 and "--level" in bad.output


def test_digits_set_apart_one_by_one_are_read_as_one_number_and_table_columns_stay() -> None:
    from plancompare.ingest.cleanup import clean_line

    assert (
        clean_line("2 0 2 6 年压减产能6 0 0 万吨、退出煤矿1 2 处")
        == "2026 年压减产能600 万吨、退出煤矿12 处"
    )
    # Figures a table lays out with spaces between, ending the line, are left alone.
    assert clean_line("合计  1 2 3") == "合计  1 2 3"
