"""The report's appendix 对上位规划的衔接情况 and the coverage comments in the report, in
Markdown, HTML and Word: the counts per plan, only the units the comments are about (all with
the full appendices), the reference plan quoted; and ``plancompare report --reference``."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import html5lib
import pytest
from click.testing import Result
from docx import Document

from plancompare.coverage import Coverage, Verdict, coverage
from plancompare.coverage.benchmark import benchmark_hook
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.model import Plan
from plancompare.report.feedback import ReportOptions, compose_report
from plancompare.report.markdown import markdown_renderer
from plancompare.review.coverage_draft import coverage_reference, draft_for_gap, gap_section
from plancompare.review.model import Comment
from plancompare.review.writing import Draft, new_comment
from plancompare.targets.benchmark import benchmark_plans
from tests.test_coverage import FIXTURES, read

T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    return {
        "sheng": read("ref.md", "sheng"),
        "shi": read("plan.md", "shi"),
        "xian": read("county.md", "xian"),
    }


@pytest.fixture(scope="module")
def result(plans: dict[str, Plan]) -> Coverage:
    """The coverage of the province by the city and the county, with benchmark rows (as the
    workspace has it)."""
    ref, lower = plans["sheng"], [plans["shi"], plans["xian"]]
    hook = benchmark_hook(benchmark_plans([ref, *lower]), ref)
    return coverage(ref, lower, LexicalEmbedder(), benchmark=hook)


def gap_comment(result: Coverage, section: str, plan: Plan, lang: str = "zh") -> Comment:
    row = result.row(section)
    assert row is not None
    cell = row.cells[plan.id]
    draft = draft_for_gap(result.ref, row, cell.verdict, lang)
    draft.reviewer = "张三"
    return new_comment(
        plan,
        gap_section(result, row, plan),
        draft,
        reference=coverage_reference(result.ref, row, cell),
        now=T0,
    )


def report(
    comments: list[Comment],
    plans: dict[str, Plan],
    result: Coverage | None,
    **options: object,
) -> str:
    chosen = ReportOptions(date=date(2025, 6, 2), **options)  # type: ignore[arg-type]
    made = compose_report(
        comments, plans.__getitem__, (), chosen, None, reference=plans["sheng"], coverage=result
    )
    return made.markdown


def appendix(markdown: str) -> str:
    heading = next(m for m in re.finditer(r"^## (.*)$", markdown, re.M) if "衔接情况" in m[1])
    return markdown[heading.start() :]


def test_the_appendix_counts_and_lists_the_units_commented_on(
    result: Coverage, plans: dict[str, Plan]
) -> None:
    comments = [gap_comment(result, "3.2", plans["shi"])]
    text = report(comments, plans, result)
    part = appendix(text)
    assert part.startswith("## 附录一　对上位规划的衔接情况")  # the only appendix
    assert "上位规划：《某省智能制造提升行动计划》" in part
    tally = result.tally("shi")
    assert (
        f"某市：已衔接 {tally[Verdict.COVERED]} 项，部分衔接 {tally[Verdict.PARTIAL]} 项，"
        f"未体现 {tally[Verdict.ABSENT]} 项（共 9 项）"
    ) in part
    assert "某县" not in part  # only the plans commented on
    assert "| 上位规划条目 | 某市 |" in part
    rows = [line for line in part.splitlines() if line.startswith("| 三、")]
    assert rows == ["| 三、重点任务 › （二）加强网络安全保障 | 未体现（0.00） |"]
    # The comment names the reference plan's unit, and quotes it.
    unit = "三、重点任务 › （二）加强网络安全保障"
    assert f"**与上位规划的衔接**：《某省智能制造提升行动计划》 {unit}：未体现（0.00）" in text
    assert f"**某省 · {unit}**：建立工业控制系统安全监测预警平台" in text
    assert "### 第 1 条　二、主要任务" in text  # anchored where the city is to add it


def test_the_full_appendix_has_every_unit_and_the_targets(
    result: Coverage, plans: dict[str, Plan]
) -> None:
    comments = [gap_comment(result, "3.2", plans["shi"]), gap_comment(result, "3", plans["xian"])]
    part = appendix(report(comments, plans, result, full_appendices=True))
    table = [line for line in part.splitlines() if line.startswith("| ")]
    assert table[0] == "| 上位规划条目 | 某市 | 某县 |"
    assert len(table) == 2 + len(result.rows)  # the head, its rule, a row per unit
    assert "| 四、保障措施 | 已衔接（1.00）：三、保障措施 | 已衔接（1.00）：三、保障措施 |" in table
    assert "**所涉指标**" in part
    # 全省建成智能工厂100家: the city states the same concept, the county none.
    assert "- 三、重点任务 › （一）建设智能工厂：指标 智能工厂 ↔ 智能工厂（有条件可比）" in part
    assert "- 三、重点任务 › （一）建设智能工厂：指标 智能工厂：某县 未提出" in part


def test_without_a_coverage_given_it_is_computed(result: Coverage, plans: dict[str, Plan]) -> None:
    comments = [gap_comment(result, "3.2", plans["shi"])]
    given = appendix(report(comments, plans, result, full_appendices=True))
    # (compose_report's own coverage uses no embedder here: the lexical evidence alone)
    computed = appendix(report(comments, plans, None, full_appendices=True))
    assert computed.splitlines()[:5] == given.splitlines()[:5]
    assert "| 三、重点任务 › （二）加强网络安全保障 | 未体现" in computed


def test_a_report_without_coverage_comments_still_counts(
    result: Coverage, plans: dict[str, Plan]
) -> None:
    comments = [new_comment(plans["shi"], "2.1", Draft(body="建议补充产值目标"), now=T0)]
    part = appendix(report(comments, plans, result))
    assert "某市：已衔接" in part and "（意见未涉及上位规划的具体条目。）" in part
    assert "| 上位规划条目" not in part


def test_the_form_has_no_appendix(result: Coverage, plans: dict[str, Plan]) -> None:
    comments = [gap_comment(result, "3.2", plans["shi"])]
    form = report(comments, plans, result, table=True)
    assert "衔接情况" not in form
    assert "未体现上位规划" in form  # the comment itself


def test_english(result: Coverage, plans: dict[str, Plan]) -> None:
    comments = [gap_comment(result, "3.2", plans["shi"], "en")]
    text = report(comments, plans, result, lang="en")
    assert "## Appendix A: Coverage of the higher-level plan" in text
    assert "某市: " in text and " absent (of 9 units)" in text
    assert "| Reference unit | 某市 |" in text
    assert "| 三、重点任务 › （二）加强网络安全保障 | absent (0.00) |" in text


def test_markdown_html_and_word_all_carry_it(result: Coverage, plans: dict[str, Plan]) -> None:
    comments = [gap_comment(result, "3.2", plans["shi"]), gap_comment(result, "3.1", plans["xian"])]
    options = ReportOptions(date=date(2025, 6, 2))
    made = compose_report(
        comments, plans.__getitem__, (), options, None, reference=plans["sheng"], coverage=result
    )
    # Markdown: the appendix's table parses as a table of three columns.
    tokens = markdown_renderer().parse(made.markdown)
    heads = [
        tokens[i + 1].content
        for i, tok in enumerate(tokens)
        if tok.type == "th_open" and tokens[i + 1].type == "inline"
    ]
    assert heads[-3:] == ["上位规划条目", "某市", "某县"]
    page = made.render("html")
    assert isinstance(page, str)
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    headings = [h.text for h in tree.findall(".//h2")]
    assert any(h and "对上位规划的衔接情况" in h for h in headings)
    cells = ["".join(td.itertext()) for td in tree.findall(".//td")]
    assert "三、重点任务 › （二）加强网络安全保障" in cells
    assert "未体现（0.00）" in cells
    data = made.render("docx")
    assert isinstance(data, bytes)
    document = Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    assert any("对上位规划的衔接情况" in p for p in paragraphs)
    assert any(p.startswith("某县：已衔接") for p in paragraphs)
    words = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "三、重点任务 › （二）加强网络安全保障" in words and "未体现（0.00）" in words


def test_report_reference_on_the_command_line(
    cli: Callable[..., Result], corpus_dir: Path, tmp_path: Path
) -> None:
    for name, plan_id in (("ref.md", "sheng"), ("plan.md", "shi")):
        assert cli("import", str(FIXTURES / name), "--id", plan_id, "--no-embed").exit_code == 0
    added = cli(
        "comment", "add", "shi", "--section", "2.1", "--body", "建议补充网络安全内容",
        "--reviewer", "张三",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    out = cli("--model", "lexical", "report", "--reference", "sheng")
    assert out.exit_code == 0, out.output
    assert "对上位规划的衔接情况" in out.output
    assert "上位规划：《某省智能制造提升行动计划》" in out.output
    full = cli("--model", "lexical", "report", "--reference", "sheng", "--full-appendices")
    assert "| 三、重点任务 › （二）加强网络安全保障 | 未体现" in full.output
    assert "衔接情况" not in cli("--model", "lexical", "report").output
