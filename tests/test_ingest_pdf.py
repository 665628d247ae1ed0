"""PDF import: Chinese text PDFs built with reportlab (wrapped and justified lines, indented
first lines, page numbers, a running header, a paragraph across a page break)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from plancompare.model import SectionKind
from plancompare.plan.canonical import parse_markdown, render_markdown
from plancompare.plan.corpus import Corpus
from plancompare.plan.importer import read_plan
from tests.outline_format import outline_lines
from tests.pdf_support import RUNNING_HEADER, build_pdf

# An invented plan (no seed or corpus text), long enough for three pages.
TASKS = [
    "加快新一代通信网络建设，推动千兆光网和第五代移动通信网络在产业园区、交通枢纽和重点商圈"
    "深度覆盖，统筹布局边缘计算节点和城市算力中心，提升算力调度和数据流通能力，为各类应用场景"
    "提供低时延、高可靠的网络与算力服务。",
    "完善数据资源体系，建立公共数据目录和共享开放清单，推动政务数据与社会数据融合应用，探索"
    "数据资产登记、评估和交易机制，培育一批专业化数据服务机构，带动数据采集、标注、治理和分析"
    "等环节集聚发展。",
    "围绕集成电路设计、新型显示、智能终端和工业软件等重点领域，实施产业链精准招商，引进一批"
    "带动作用强的龙头项目，支持本地企业开展关键技术攻关和首版次软件推广应用，推动形成研发设计、"
    "生产制造、应用服务协同发展的产业生态，持续提升产业链供应链韧性和安全水平。",
    "实施企业梯度培育计划，建立创新型中小企业、专精特新企业和单项冠军企业培育库，分层分类给予"
    "政策支持，鼓励企业加大研发投入，建设企业技术中心和工程研究中心，提高核心竞争力。",
]
MORE = [
    f"推动{area}领域数字化改造，梳理典型应用场景，遴选一批示范项目，总结推广可复制的改造模式，"
    f"引导企业上云用数赋智，带动上下游企业协同转型，提升{area}领域的生产效率和服务水平。"
    for area in ("装备制造", "食品加工", "现代物流", "商贸流通", "文化旅游", "医疗健康")
]
BLOCKS = [
    ("title", "某市数字产业发展行动计划"),
    ("title", "（2026-2028年）"),
    ("body", "为加快推动全市数字产业提质扩量，培育经济增长新动能，结合本市实际，制定本行动计划。"),
    ("heading", "一、总体要求"),
    ("heading", "（一）主要目标"),
    (
        "body",
        "到2028年，全市数字经济核心产业增加值突破800亿元，年均增长12%以上，培育营业收入超10亿元的"
        "数字企业20家，建成省级以上工业互联网平台8个。",
    ),
    ("heading", "二、重点任务"),
    ("heading", "（一）夯实数字基础设施"),
    ("body", TASKS[0]),
    ("body", TASKS[1]),
    ("heading", "专栏1 数字基础设施重点工程"),
    ("body", "01 算力中心工程。建设城市算力中心和若干边缘计算节点，形成多层级算力供给体系。"),
    ("body", "02 数据流通工程。搭建公共数据开放平台和数据交易服务平台，规范数据流通规则。"),
    ("heading", "（二）壮大数字核心产业"),
    ("body", TASKS[2]),
    ("body", TASKS[3]),
    ("heading", "（三）推进产业数字化"),
    *(("body", text) for text in MORE),
    ("heading", "三、保障措施"),
    (
        "body",
        "——加强组织领导。成立工作领导小组，统筹推进重大事项，建立任务清单和责任清单，"
        "定期开展督促检查和评估。",
    ),
    ("body", "——加大要素保障。统筹用好各级专项资金，优先保障重点项目用地用能。"),
]

EXPECTED = [
    "@title 某市数字产业发展行动计划",
    "@period 2026-2028",
    "0 | preamble | - | - | " + BLOCKS[2][1],
    "1 | numbered | 一、 | 总体要求 | ",
    "  1.1 | numbered | （一） | 主要目标 | " + BLOCKS[5][1],
    "2 | numbered | 二、 | 重点任务 | ",
    "  2.1 | numbered | （一） | 夯实数字基础设施 | " + TASKS[0] + "\n" + TASKS[1],
    "    2.1.1 | box | 专栏1 | 数字基础设施重点工程 | ",
    "      2.1.1.1 | numbered | 01 | 算力中心工程 | 建设城市算力中心和若干边缘计算节点，"
    "形成多层级算力供给体系。",
    "      2.1.1.2 | numbered | 02 | 数据流通工程 | 搭建公共数据开放平台和数据交易服务平台，"
    "规范数据流通规则。",
    "  2.2 | numbered | （二） | 壮大数字核心产业 | " + TASKS[2] + "\n" + TASKS[3],
    "  2.3 | numbered | （三） | 推进产业数字化 | " + "\n".join(MORE),
    "3 | numbered | 三、 | 保障措施 | ",
    "  3.1 | dash | —— | 加强组织领导 | 成立工作领导小组，统筹推进重大事项，建立任务清单和"
    "责任清单，定期开展督促检查和评估。",
    "  3.2 | dash | —— | 加大要素保障 | 统筹用好各级专项资金，优先保障重点项目用地用能。",
]


def _body_lines_by_page(path: Path) -> list[list[str]]:
    with pdfplumber.open(path) as pdf:
        return [[line["text"] for line in page.extract_text_lines()] for page in pdf.pages]


@pytest.mark.parametrize("page_numbers", ["- {n} -", "第{n}页", "{n}"])
def test_text_pdf_reads_as_paragraphs_without_page_furniture(
    tmp_path: Path, page_numbers: str
) -> None:
    path = build_pdf(tmp_path / "plan.pdf", BLOCKS, page_numbers=page_numbers)
    pages = _body_lines_by_page(path)
    # The layout this test is about: several pages, and a paragraph running over a break
    # (the last text line of page 1, above its page number, stops mid-sentence).
    assert len(pages) >= 2
    assert not pages[0][-2].endswith("。")
    assert sum(len(p) for p in pages) > len(BLOCKS) + 2 * len(pages)

    plan = read_plan(path, "pdfplan")

    assert outline_lines(plan) == EXPECTED
    assert plan.meta.sha256 and plan.meta.encoding is None
    assert any("PDF" in note for note in plan.meta.notes)
    every_text = "\n".join(s.full_text() for s in plan.walk())
    assert RUNNING_HEADER not in every_text


def test_pdf_import_writes_a_canonical_plan_that_reads_back_the_same(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "行动计划.pdf", BLOCKS)
    corpus = Corpus(tmp_path / "corpora")
    result = corpus.import_file(path, "pdfplan")
    assert result.path.is_file()
    assert (tmp_path / "corpora" / "sources" / "行动计划.pdf").is_file()
    stored = corpus.load("pdfplan")
    assert outline_lines(stored, head=False) == EXPECTED[2:]
    again = parse_markdown(render_markdown(stored), plan_id="pdfplan")
    assert outline_lines(again) == outline_lines(stored)
    assert [s.kind for s in stored.walk() if s.kind is SectionKind.BOX] == [SectionKind.BOX]
