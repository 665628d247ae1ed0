"""The feedback report and the 意见反馈表 in Markdown, HTML and Word, for comments of every
category and kind (section, span, pair, target, finding; draft and submitted): labels, quotes,
places as the draft names them, no internal id; the HTML checked by an independent parser."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import html5lib
import pytest
from docx import Document
from docx.shared import Mm

from plancompare.checks import check_plan
from plancompare.model import Benchmark, Plan, Target
from plancompare.report.feedback import FeedbackReport, ReportOptions, build_report, report_title
from plancompare.report.form import Sender
from plancompare.report.html import render_html
from plancompare.report.markdown import markdown_renderer
from plancompare.review.anchoring import anchor_for_target
from plancompare.review.model import (
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

T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
DAY = date(2025, 6, 2)
SENDER = Sender("陆河县发展和改革局", "张三", "0660-1234567")
ZHANG = {"reviewer": "张三", "organisation": "陆河县发展和改革局"}
LI = {"reviewer": "李四", "organisation": "汕尾市工业和信息化局"}


def fixed(n: int, comment: Comment) -> Comment:
    """The comment with a fixed id and time, n minutes after 9:00."""
    moment = T0 + timedelta(minutes=n)
    return replace(comment, id=f"00000000-0000-4000-8000-{n:012d}", created=moment, updated=moment)


@pytest.fixture(scope="module")
def benchmark(luhe: Plan, dehong: Plan) -> Benchmark:
    return benchmark_plans([luhe, dehong])


@pytest.fixture(scope="module")
def comments(luhe: Plan, dehong: Plan, benchmark: Benchmark) -> list[Comment]:
    """One comment of each kind and category, drafts and submitted ones."""
    row = next(r for r in benchmark.shared if "服装产业年总产值" in r.cells["luhe"].names)
    first = row.cells["luhe"].sources[0]
    conflict = next(f for f in check_plan(luhe) if f.kind == "target-conflict")
    gap = next(f for f in check_plan(luhe) if f.kind == "numbering-gap")
    made = [
        # span, 修改, submitted, decided
        new_comment(
            luhe,
            "6.1",
            Draft(
                body="建议明确牵头单位，避免“多头负责”。",
                suggestion="成立由县政府主要领导任组长、县科工局牵头的工作领导小组",
                rationale="便于落实责任",
                category="修改",
                stance=Stance.SUPPORT,
                status=Status.SUBMITTED,
                **ZHANG,
            ),
            quote="工作领导小组",
        ),
        # target pair, 疑问, draft
        new_comment(
            luhe,
            first.section,
            Draft(body="两地产值目标口径不同，请说明测算依据。", category="疑问", **LI),
            anchor=anchor_for_target(luhe, first),
            reference=TargetRef.of_row({"luhe": luhe, "dehong": dehong}, row, ("luhe", first)),
        ),
        # pair of sections, 补充
        new_comment(
            luhe,
            "5.4.1",
            Draft(body="建议参照德宏州的做法补充跨境物流内容。", category="补充", **ZHANG),
            reference=pair_reference(dehong, "5.4", "以一流营商环境服务保障企业发展"),
        ),
        # finding (targets), 疑问
        new_comment(
            luhe,
            conflict.section or "",
            Draft(body="请核实。", category="疑问", status=Status.SUBMITTED, **LI),
            reference=FindingRef.of(conflict),
        ),
        # finding (structure), 修改
        new_comment(
            luhe,
            gap.section or "",
            Draft(body="建议补全第四部分的标题。", **ZHANG),
            reference=FindingRef.of(gap),
        ),
        # whole section, 删除; the preamble
        new_comment(luhe, "0", Draft(body="前言可以删去。", category="删除", **LI)),
        # whole section, 其他, on the other plan
        new_comment(dehong, "5.1", Draft(body="该项表述可保留。", category="其他", **LI)),
        # a word of the project's own
        new_comment(luhe, "1", Draft(body="用语可再推敲。", category="文字", **ZHANG)),
    ]
    out = [fixed(n, c) for n, c in enumerate(made, start=1)]
    out[0] = replace(out[0], disposition=Disposition.PARTLY, disposition_note="已调整表述")
    out[6] = replace(out[6], disposition=Disposition.REJECTED, disposition_note="已有相关安排")
    return out


def render(
    comments: list[Comment],
    luhe: Plan,
    dehong: Plan,
    benchmark: Benchmark | None = None,
    **options: object,
) -> FeedbackReport:
    """The report as compose_report makes it, with fixed plans, benchmark and date."""
    plans = {"luhe": luhe, "dehong": dehong}
    chosen = ReportOptions(date=DAY, sender=SENDER, **options)  # type: ignore[arg-type]
    findings = {p: check_plan(plan) for p, plan in plans.items()}
    cover = ["luhe", "dehong"]
    text = build_report(
        comments, plans, cover=cover, benchmark=benchmark, findings=findings, options=chosen
    )
    title = report_title(plans, cover, chosen.lang, chosen.table)
    return FeedbackReport(text, title, plans, len(comments), [], chosen)


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def forms(
    comments: list[Comment], luhe: Plan, dehong: Plan, benchmark: Benchmark
) -> dict[str, str]:
    """Every form in every format, as the text a person reads."""
    out: dict[str, str] = {}
    for form in ("report", "form"):
        report = render(comments, luhe, dehong, benchmark, table=form == "form")
        out[f"{form}.md"] = report.markdown
        page = report.render("html")
        assert isinstance(page, str)
        out[f"{form}.html"] = page
        data = report.render("docx")
        assert isinstance(data, bytes)
        out[f"{form}.docx"] = docx_text(data)
    return out


# Ids must not appear where a person reads: section ids (5.4.1), plan ids, comment ids.
ID_PATTERNS = [
    re.compile(r"(?<![\d.\-–])\d+\.\d+(\.\d+)?(?![\d.%])"),  # 3.4, 5.4.1 (not 1.5% or 0660-)
    re.compile(r"\bluhe\b|\bdehong\b"),
    re.compile(r"0{8}-0000"),
    re.compile(r"第 ?\d+(\.\d+)* ?节"),
]


@pytest.mark.parametrize("name", ["report.md", "report.html", "report.docx"])
def test_the_report_names_every_kind_by_category_with_quotes_and_places(
    name: str, comments: list[Comment], luhe: Plan, dehong: Plan, benchmark: Benchmark
) -> None:
    text = forms(comments, luhe, dehong, benchmark)[name]
    plain = re.sub(r"<[^>]+>|\\|\*\*", "", re.sub(r"<style>.*?</style>", "", text, flags=re.S))
    # the title names the commented plans; labels by category
    assert "关于《陆河县服装产业高质量发展规划（征求意见稿）》和《德宏州" in plain
    for label in ("修改意见", "疑问", "补充意见", "删除意见", "其他意见", "意见（文字）"):
        assert label in plain, label
    # places as the draft names them
    assert "五、保障措施 › （一）建立高位推进机制" in plain
    assert "（四）现代物流网络建设工程 › 建设高效集约物流" in plain  # no inferred heading
    assert "四、保障措施 › （四）优化营商环境" in plain  # the other plan of the pair
    assert "指标表（三、总体目标）：15个" in plain  # the finding's figures, placed
    # both plans' text for a pair; the sentences of both targets
    assert "以一流营商环境服务保障企业发展" in plain and "重点依托陆河东片区" in plain
    assert "服装产业年总产值突破100亿元" in plain and "规上纺织服装企业实现总产值达100亿元" in plain
    # the finding stated once, with its quote
    body = plain.split("附录一")[0]
    assert body.count("100万元以上收入行政村数量的2030年目标前后不一致") == 1
    assert "100万元以上收入行政村数量超10个" in plain
    # drafts marked, decisions with their reasons
    assert plain.count("（草稿）") == 6
    assert "部分采纳：已调整表述" in plain and "不采纳：已有相关安排" in plain
    # the appendices hold what the comments concern
    assert "附录一　指标对照表" in plain and "附录二　检查发现" in plain
    assert "规上纺织服装企业总产值" in plain.split("附录一")[1]
    assert "编号重复" not in plain  # 德宏's finding was not commented on
    for pattern in ID_PATTERNS:
        assert not pattern.search(plain), (pattern.pattern, pattern.search(plain))


@pytest.mark.parametrize("name", ["form.md", "form.html", "form.docx"])
def test_the_form_has_its_header_and_one_row_per_comment(
    name: str, comments: list[Comment], luhe: Plan, dehong: Plan, benchmark: Benchmark
) -> None:
    text = forms(comments, luhe, dehong, benchmark)[name]
    plain = re.sub(r"<[^>]+>|\\|\*\*", "", re.sub(r"<style>.*?</style>", "", text, flags=re.S))
    assert "意见反馈表" in plain
    assert "提出单位：陆河县发展和改革局" in plain and "2025年6月2日" in plain
    assert "联系人：张三" in plain and "联系电话：0660-1234567" in plain
    for head in ("序号", "章节/条款", "原文", "修改意见", "理由", "处理意见"):
        assert head in plain
    assert "〔草稿〕" in plain and "〔疑问〕" in plain and "〔文字〕" in plain
    assert "部分采纳：已调整表述" in plain
    assert "附录" not in plain  # the form is what a department sends: the table only
    for pattern in ID_PATTERNS:
        assert not pattern.search(plain), (pattern.pattern, pattern.search(plain))


def table_rows(markdown: str) -> list[list[str]]:
    tokens = markdown_renderer().parse(markdown)
    rows: list[list[str]] = []
    cells: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type == "td_open":
            cells.append(tokens[i + 1].content)
        if tok.type == "tr_close" and cells:
            rows.append(cells)
            cells = []
    return rows


def test_the_form_in_markdown_parses_into_six_cells_a_row(
    comments: list[Comment], luhe: Plan, dehong: Plan
) -> None:
    rows = table_rows(render(comments, luhe, dehong, table=True).markdown)
    assert [r[0] for r in rows] == [str(n) for n in range(1, 9)]  # numbered straight through
    assert all(len(r) == 6 for r in rows)
    decided = {r[0]: r[5] for r in rows if r[5].strip()}
    assert sorted(decided.values()) == ["不采纳：已有相关安排", "部分采纳：已调整表述"]


def test_submitted_only_leaves_the_drafts_out(
    comments: list[Comment], luhe: Plan, dehong: Plan
) -> None:
    text = render(comments, luhe, dehong, submitted_only=True).markdown
    assert "（草稿）" not in text
    assert "共 2 条意见" in text and "建议明确牵头单位" in text and "前言可以删去" not in text


def test_english_report(comments: list[Comment], luhe: Plan, dehong: Plan) -> None:
    text = render(comments, luhe, dehong, lang="en").markdown
    assert text.startswith("# Comments on 陆河县服装产业高质量发展规划 (征求意见稿) and ")
    for words in ("Proposed change", "Question", "Proposed addition", "(draft)", "Preamble"):
        assert words in text, words
    # Chinese words of the interface stay out (plan text and places are the plan's own)
    for chinese in ("修改意见", "草稿", "处理意见", "〔", "（前言）", "〔缺失标题〕", "生成日期"):
        assert chinese not in text, chinese


def test_the_html_is_valid_for_an_independent_parser(
    comments: list[Comment], luhe: Plan, dehong: Plan, benchmark: Benchmark
) -> None:
    for form in (False, True):
        page = render(comments, luhe, dehong, benchmark, table=form).render("html")
        assert isinstance(page, str)
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        tree = parser.parse(page)  # raises on any parse error
        assert tree.find("head/title").text.startswith("关于《陆河县")
        tables = tree.findall(".//table")
        assert tables and all(t.find("thead/tr") is not None for t in tables)
        assert not tree.findall(".//script") and not tree.findall(".//img")
        assert "<link" not in page  # nothing to fetch


def test_the_docx_is_a4_with_chinese_fonts_in_its_styles(
    comments: list[Comment], luhe: Plan, dehong: Plan
) -> None:
    for form in (False, True):
        data = render(comments, luhe, dehong, table=form).render("docx")
        assert isinstance(data, bytes)
        document = Document(io.BytesIO(data))
        section = document.sections[0]
        width, height = sorted((section.page_width, section.page_height))
        assert (round(width / Mm(1)), round(height / Mm(1))) == (210, 297)
        assert (section.page_width > section.page_height) is form  # the form is landscape
        fonts = document.styles["Normal"].element.rPr.rFonts
        assert (
            fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
            == "宋体"
        )
        heading = document.styles["Heading 1"].element.rPr.rFonts
        assert (
            heading.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
            == "黑体"
        )
        assert document.core_properties.title.startswith("关于《陆河县")


def test_a_report_without_comments_on_a_plan_says_so(luhe: Plan) -> None:
    text = build_report([], {"luhe": luhe}, cover=["luhe"])
    assert "（暂无意见）" in text and "共 0 条意见" in text
    table = build_report([], {"luhe": luhe}, cover=["luhe"], options=ReportOptions(table=True))
    assert "（暂无意见）" in table and "| 序号 |" not in table
    with pytest.raises(ValueError, match="unknown language"):
        build_report([], {}, options=ReportOptions(lang="fr"))


def test_an_orphaned_comment_keeps_its_old_place(luhe: Plan) -> None:
    comment = fixed(1, new_comment(luhe, "2.3", Draft(body="该项表述可保留。")))
    gone = replace(
        comment, anchor=replace(comment.anchor, section=None, state=AnchorState.ORPHANED)
    )
    text = build_report([gone], {"luhe": luhe})
    assert "（原章节：二、发展愿景 › ——大湾区服装产业的融合发展区，已删除）" in text
    assert "所在章节在新版本中已删除" in text


def test_html_title_and_page(luhe: Plan) -> None:
    page = render_html("# 标题\n", "标题 <x>")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "<title>标题 &lt;x&gt;</title>" in page


def target(indicator: str, value: str, unit: str, year: int, section: str, quote: str) -> Target:
    """A target as extraction would give it (stated here, so that the row is known)."""
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


def test_the_html_report_draws_each_chart_inline_with_its_units(luhe: Plan, dehong: Plan) -> None:
    """The page stays one standalone file: the chart is SVG inside it, asking nothing of the
    network (no http/https reference, no script), and it names its unit."""
    a = target("服装产业年总产值", "100", "亿元", 2030, "3.1", "服装产业年总产值突破100亿元")
    b = target("规上纺织服装企业总产值", "100", "亿元", 2027, "2", "总产值达100亿元")
    jobs_a = target("服装产业带动就业人数", "5", "万人", 2030, "3.4", "带动就业人数超5万人")
    jobs_b = target("带动就业人数", "10", "万人", 2027, "2", "带动就业人数超10万人")
    # Two concepts, so that the words the names share weigh something (IDF over the names).
    stated = {"luhe": [a, jobs_a], "dehong": [b, jobs_b]}
    bench = benchmark_plans([luhe, dehong], targets=lambda plan: stated[plan.id])
    report = render([], luhe, dehong, bench, full_appendices=True)
    page = report.render("html")
    assert isinstance(page, str)
    assert page.count('<figure class="chart"') == 1
    figure = page[page.index('<figure class="chart"') : page.index("</figure>")]
    assert "<svg" in figure and "</svg>" in figure
    assert not re.search(r"https?:", page) and "<script" not in page
    assert "language-chart" not in page  # the data block became the picture
    svg_text = re.sub(r"<[^>]+>", " ", figure[figure.index("<svg") :])
    assert "万人" in svg_text  # the axis and title name the unit, as text
    assert "陆河县" in svg_text and "德宏州" in svg_text
    # Word draws the same chart as a picture, with its caption; no JSON reaches the page
    data = report.render("docx")
    assert isinstance(data, bytes)
    document = Document(io.BytesIO(data))
    assert len(document.inline_shapes) == 1
    assert '"bars"' not in docx_text(data) and "万人" in docx_text(data)


def test_a_row_that_is_not_comparable_gets_no_chart(luhe: Plan, dehong: Plan) -> None:
    a = target("省级工业互联网平台", "5", "个", 2030, "3.1", "建成省级工业互联网平台5个")
    b = target("国家级工业互联网平台", "2", "个", 2027, "2", "建成国家级工业互联网平台2个")
    a.scope, b.scope = ["省级"], ["国家级"]
    # Other names, so that the words the two share weigh something (IDF over the names).
    brands = target("自主品牌", "10", "个", 2030, "3.2", "培育自主品牌10个以上")
    stated = {"luhe": [a, brands], "dehong": [b]}
    bench = benchmark_plans([luhe, dehong], targets=lambda plan: stated[plan.id])
    assert [r.verdict for r in bench.shared] == ["not_comparable"]
    text = render([], luhe, dehong, bench, full_appendices=True).markdown
    assert "不可比（级别不同" in text and "```chart" not in text
    assert "仅《陆河县" in text and "自主品牌" in text  # the row of one plan, listed under it


def test_the_docx_title_has_no_rule_under_it(luhe: Plan, dehong: Plan) -> None:
    from docx.oxml.ns import qn

    data = render([], luhe, dehong).render("docx")
    assert isinstance(data, bytes)
    title = Document(io.BytesIO(data)).styles["Title"].element
    assert title.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is None


def test_a_png_chart_finds_chinese_fonts_installed_after_matplotlib_listed_its_fonts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """matplotlib lists the system's fonts once and keeps the list; a CJK font installed later
    is unknown to it, and the Word report's PNG charts drew every Chinese character as a box.
    With such a stale list (the CJK fonts taken out of it), drawing a chart finds them again.
    Needs fonts-noto-cjk, which the CI installs."""
    from matplotlib import font_manager
    from matplotlib.font_manager import FontProperties

    from plancompare.report import benchmark as report_benchmark

    manager = font_manager.fontManager
    stale = [f for f in manager.ttflist if "CJK" not in f.name]
    monkeypatch.setattr(manager, "ttflist", stale)
    manager._findfont_cached.cache_clear()
    report_benchmark._register_chart_fonts.cache_clear()
    data = {
        "title": "规上工业企业（家）",
        "unit": "家",
        "bars": [{"plan": "甲县", "year": 2027, "kind": "新增", "value": 12}],
    }
    assert report_benchmark.chart_png(data).startswith(b"\x89PNG")
    found = manager.findfont(FontProperties(family="Noto Sans CJK SC"), fallback_to_default=False)
    assert "CJK" in found
