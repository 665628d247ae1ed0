"""The feedback report: golden Markdown files, parsed back with markdown-it-py, and HTML."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from markdown_it.token import Token

from plancompare.checks import check_plan
from plancompare.model import Benchmark, BenchmarkPair, Finding, Plan, Target
from plancompare.report.feedback import (
    ReportOptions,
    build_report,
    contain_markdown,
    escape_inline,
    markdown_renderer,
    render_html,
    report_title,
)
from plancompare.review.model import (
    AnchorCandidate,
    AnchorState,
    Comment,
    Disposition,
    FindingRef,
    Stance,
    Status,
    TargetRef,
)
from plancompare.review.writing import Draft, new_comment, pair_reference
from plancompare.targets.benchmark import benchmark_plans
from tests.conftest import DATA
from tests.golden import assert_golden

T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
TRICKY = "第一段：a | b，`code`，**要点**。\n# 不是标题\n```\n<script>alert(1)</script>\n1. 列表项"


def target(indicator: str, value: str, unit: str, year: int, section: str, quote: str) -> Target:
    return Target(
        indicator=indicator,
        value=Decimal(value),
        value_max=None,
        unit=unit,
        base_value=None,
        base_unit=None,
        comparator=">=",
        year=year,
        kind="stock",
        baseline=None,
        section=section,
        quote=quote,
        source="text",
    )


def fixed(n: int, comment: Comment) -> Comment:
    """The comment with a fixed id and time, n minutes after 9:00."""
    moment = T0 + timedelta(minutes=n)
    return replace(comment, id=f"00000000-0000-4000-8000-{n:012d}", created=moment, updated=moment)


@pytest.fixture(scope="module")
def comments(luhe: Plan, dehong: Plan) -> list[Comment]:
    zhang = {"reviewer": "张三", "organisation": "陆河县发展和改革局"}
    li = {"reviewer": "李四", "organisation": "汕尾市工业和信息化局"}
    value = target("服装产业年总产值", "100", "亿元", 2030, "3.1", "服装产业年总产值突破100亿元")
    other = target(
        "规上纺织服装企业总产值", "100", "亿元", 2027, "2", "规上纺织服装企业实现总产值达100亿元"
    )
    pair = BenchmarkPair(value, other, 0.82, "年份不同：2030 与 2027；口径不同：全产业 与 规上企业")
    made = [
        new_comment(
            luhe,
            "6.1",
            Draft(
                body="建议明确牵头单位，避免“多头负责”。",
                suggestion="成立由县政府主要领导任组长、县科工局牵头的工作领导小组",
                rationale="《广东省制造业高质量发展“十四五”规划》要求明确责任主体",
                category="修改",
                stance=Stance.SUPPORT,
                status=Status.SUBMITTED,
                **zhang,
            ),
            quote="工作领导小组",
        ),
        new_comment(
            luhe,
            "6.1",
            Draft(body="建议明确牵头单位，避免多头负责！", category="修改", **li),
            quote="工作领导小组",
        ),
        new_comment(
            luhe,
            "3.1",
            Draft(body=TRICKY, category="疑问", rationale="统计口径 | 年份", **li),
            quote="服装产业年总产值突破100亿元",
            reference=TargetRef.of_pair("luhe", "dehong", pair),
        ),
        new_comment(
            luhe,
            "5.4.1",
            Draft(body="与德宏州的做法对照，建议补充跨境物流内容。", category="补充", **zhang),
            reference=pair_reference(dehong, "5.4", "以一流营商环境服务保障企业发展"),
        ),
        new_comment(
            luhe,
            "6",
            Draft(body="第四部分标题缺失，建议补全编号。", category="编号", **zhang),
            reference=FindingRef.of(
                Finding("numbering-gap", "6", "三、总体目标 is followed by 五、保障措施", [])
            ),
        ),
        new_comment(dehong, "5.1", Draft(body="建议补充考核机制。", category="补充", **li)),
        new_comment(luhe, "1", Draft(body="这条意见已删除，不应出现。", **zhang)),
        new_comment(luhe, "2.3", Draft(body="该项表述可保留。", category="其他", **li)),
        new_comment(
            luhe,
            "5.8.3",
            Draft(body="培训人数偏少。", **zhang),
            quote="每年培训熟练技工1000人以上，发放职业技能等级证书。",
        ),
    ]
    out = [fixed(n, c) for n, c in enumerate(made, start=1)]
    out[0] = replace(out[0], disposition=Disposition.PARTLY, disposition_note="已调整表述")
    out[1] = replace(out[1], disposition=Disposition.ACCEPTED)
    out[5] = replace(out[5], disposition=Disposition.REJECTED, disposition_note="已有相关安排")
    out[6] = replace(out[6], deleted=T0 + timedelta(hours=1))
    # As re-anchoring to a new version would leave them: a section gone, an ambiguous quote.
    out[7] = replace(
        out[7], anchor=replace(out[7].anchor, section=None, state=AnchorState.ORPHANED)
    )
    candidates = [AnchorCandidate("5.8.3", 60, 86, 84.8), AnchorCandidate("5.8.3", 86, 112, 84.8)]
    out[8] = replace(
        out[8],
        anchor=replace(
            out[8].anchor,
            state=AnchorState.AMBIGUOUS,
            position=None,
            score=84.8,
            candidates=candidates,
        ),
    )
    return out


@pytest.fixture(scope="module")
def plans(luhe: Plan, dehong: Plan) -> dict[str, Plan]:
    return {"luhe": luhe, "dehong": dehong}


@pytest.fixture(scope="module")
def benchmark(luhe: Plan, dehong: Plan) -> Benchmark:
    a = target("服装产业年总产值", "100", "亿元", 2030, "3.1", "服装产业年总产值突破100亿元")
    b = target("规上纺织服装企业总产值", "100", "亿元", 2027, "2", "总产值达100亿元")
    jobs_a = target("服装产业带动就业人数", "5", "万人", 2030, "3.4", "服装产业带动就业人数超5万人")
    jobs_b = target("带动就业人数", "10", "万人", 2027, "2", "带动就业人数超10万人")
    stated = {"luhe": [a, jobs_a], "dehong": [b, jobs_b]}
    return benchmark_plans([luhe, dehong], targets=lambda plan: stated[plan.id])


def report(
    comments: list[Comment],
    plans: dict[str, Plan],
    benchmark: Benchmark | None = None,
    **options: object,
) -> str:
    findings = {p: check_plan(plan) for p, plan in plans.items()}
    return build_report(
        comments,
        plans,
        benchmark=benchmark,
        findings=findings,
        options=ReportOptions(date=date(2025, 6, 2), **options),  # type: ignore[arg-type]
    )


def headings(tokens: list[Token]) -> list[tuple[int, str]]:
    return [
        (int(tok.tag[1]), tokens[i + 1].content)
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def test_chinese_report_matches_golden(
    comments: list[Comment], plans: dict[str, Plan], benchmark: Benchmark
) -> None:
    assert_golden(DATA / "report" / "feedback-zh.md", report(comments, plans, benchmark))


def test_english_report_matches_golden(
    comments: list[Comment], plans: dict[str, Plan], benchmark: Benchmark
) -> None:
    text = report(comments, plans, benchmark, lang="en")
    assert_golden(DATA / "report" / "feedback-en.md", text)


def test_table_report_matches_golden(comments: list[Comment], plans: dict[str, Plan]) -> None:
    assert_golden(DATA / "report" / "feedback-table.md", report(comments, plans, table=True))


def test_the_report_parses_back_into_its_structure(
    comments: list[Comment], plans: dict[str, Plan], benchmark: Benchmark
) -> None:
    tokens = markdown_renderer().parse(report(comments, plans, benchmark))
    found = headings(tokens)
    assert found[0] == (
        1,
        "关于《陆河县服装产业高质量发展规划（征求意见稿）》和《德宏州纺织服装产业集群建设三年行动计划（征求意见稿）》的意见反馈",
    )
    assert [h for level, h in found if level == 1] == [found[0][1]]  # user text made no h1
    assert [h for level, h in found if level == 2] == [
        "一、基本情况",
        "二、对《陆河县服装产业高质量发展规划（征求意见稿）》的意见",
        "三、对《德宏州纺织服装产业集群建设三年行动计划（征求意见稿）》的意见",
        "附录一　指标对照表",
        "附录二　一致性检查结果",
    ]
    comment_headings = [h for level, h in found if level == 3 and h.startswith("第 ")]
    # nine comments: one deleted, two grouped as near-duplicates → seven entries, in order
    assert [h.split("　")[0] for h in comment_headings] == [f"第 {n} 条" for n in range(1, 8)]
    assert comment_headings[0] == "第 1 条　三、总体目标 › ——产业规模持续壮大"
    # a comment whose section is gone comes last in its plan, under its old path
    assert comment_headings[5] == (
        "第 6 条　（原章节：二、发展愿景 › ——大湾区服装产业的融合发展区，已删除）"
    )
    text = "\n".join(t.content for t in tokens if t.type == "inline")
    assert "这条意见已删除" not in text
    assert "同类意见 2 条" in text


def test_user_text_cannot_break_the_document(
    comments: list[Comment], plans: dict[str, Plan]
) -> None:
    html = markdown_renderer().render(report(comments, plans))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<h1>" in html and html.count("<h1>") == 1
    assert "# 不是标题" in html
    assert "a | b" in html and "<code>code</code>" in html and "<strong>要点</strong>" in html
    assert "统计口径 | 年份" in html
    # the body ends in a list; the facts after it stay out of that list
    assert "<li>列表项</li>" in html and not re.search(r"<li>[^<]*提出人", html)
    # the table of category counts still has its rows: the pipes in user text made no columns
    tables = re.findall(r"<table>.*?</table>", html, flags=re.S)
    assert all(t.count("<tr>") == t.count("</tr>") for t in tables)


def test_the_table_form_has_one_row_per_comment_entry(
    comments: list[Comment], plans: dict[str, Plan]
) -> None:
    tokens = markdown_renderer().parse(report(comments, plans, table=True))
    rows: list[list[str]] = []
    cells: list[str] = []
    in_feedback_table = False
    for i, tok in enumerate(tokens):
        if tok.type == "th_open" and tokens[i + 1].content == "序号":
            in_feedback_table = True
        if tok.type == "table_close":
            in_feedback_table = False
        if in_feedback_table and tok.type == "td_open":
            cells.append(tokens[i + 1].content)
        if in_feedback_table and tok.type == "tr_close" and cells:
            rows.append(cells)
            cells = []
    assert [r[0] for r in rows] == [str(n) for n in range(1, 8)]
    assert all(len(r) == 6 for r in rows)
    (tricky,) = [r for r in rows if "不是标题" in r[3]]
    # the escaped pipes stayed inside their cells
    assert "a | b" in tricky[3] and tricky[4] == "统计口径 | 年份"
    grouped = next(r for r in rows if "同类意见 2 条" in r[3])
    assert grouped[5] == "陆河县发展和改革局、汕尾市工业和信息化局"


def test_html_is_a_standalone_page(comments: list[Comment], plans: dict[str, Plan]) -> None:
    markdown = report(comments, plans)
    title = report_title(plans, ["luhe", "dehong"])
    page = render_html(markdown, title)
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert f"<title>{title}</title>" in page and "<style>" in page
    assert "<link" not in page and "<script" not in page  # nothing to fetch
    assert page.rstrip().endswith("</html>")


def test_a_report_without_comments_on_a_plan_says_so(plans: dict[str, Plan]) -> None:
    text = build_report([], {"luhe": plans["luhe"]})
    assert "（暂无意见）" in text and "共 0 条意见" in text
    table = build_report([], {"luhe": plans["luhe"]}, options=ReportOptions(table=True))
    assert "（暂无意见）" in table and "| 序号 |" not in table


def test_escaping_helpers() -> None:
    assert escape_inline("a|b #c `d` *e* <f> [g](h) \\") == (
        "a\\|b \\#c \\`d\\` \\*e\\* \\<f\\> \\[g\\](h) \\\\"
    )
    assert escape_inline("- 不是列表\n2. 也不是") == "\\- 不是列表 2. 也不是"
    assert escape_inline("2. 不是列表") == "2\\. 不是列表"
    assert contain_markdown("# 标题\n正文\n===\n~~~\n- 列表\n- 二\n\n3. 三") == [
        "\\# 标题",
        "",
        "正文",
        "",
        "\\===",
        "",
        "\\~~~",
        "",
        "- 列表",
        "- 二",
        "3. 三",
    ]
    with pytest.raises(ValueError, match="unknown report language"):
        build_report([], {}, options=ReportOptions(lang="fr"))


def test_the_html_report_draws_each_chart_inline_with_its_units(
    comments: list[Comment], plans: dict[str, Plan], benchmark: Benchmark
) -> None:
    """The page stays one standalone file: the chart is SVG inside it, asking nothing of the
    network (no http/https reference, no script), and it names its unit."""
    page = render_html(report(comments, plans, benchmark), "意见反馈")
    assert page.count('<figure class="chart"') == 1
    figure = page[page.index('<figure class="chart"') : page.index("</figure>")]
    assert "<svg" in figure and "</svg>" in figure
    assert not re.search(r"https?:", page) and "<script" not in page
    assert "language-chart" not in page  # the data block became the picture
    svg_text = re.sub(r"<[^>]+>", " ", figure[figure.index("<svg") :])
    assert "万人" in svg_text  # the axis and title name the unit, as text
    assert "陆河县" in svg_text and "德宏州" in svg_text


def test_a_row_that_is_not_comparable_gets_no_chart(luhe: Plan, dehong: Plan) -> None:
    a = target("省级工业互联网平台", "5", "个", 2030, "3.1", "建成省级工业互联网平台5个")
    b = target("国家级工业互联网平台", "2", "个", 2027, "2", "建成国家级工业互联网平台2个")
    a.scope, b.scope = ["省级"], ["国家级"]
    # Other names, so that the words the two share weigh something (IDF over the names).
    brands = target("自主品牌", "10", "个", 2030, "3.2", "培育自主品牌10个以上")
    stated = {"luhe": [a, brands], "dehong": [b]}
    bench = benchmark_plans([luhe, dehong], targets=lambda plan: stated[plan.id])
    assert [r.verdict for r in bench.shared] == ["not_comparable"]
    text = build_report([], {"luhe": luhe, "dehong": dehong}, benchmark=bench)
    assert "不可比（级别不同" in text and "```chart" not in text
