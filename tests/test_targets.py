"""Target extraction: fixture-file cases (plan excerpt in, targets out) and the seed plans."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plancompare.ingest.text import blocks_from_text
from plancompare.model import Plan, PlanMeta, Target
from plancompare.plan.canonical import parse_markdown
from plancompare.plan.structure import build_sections, take_head
from plancompare.targets.extract import extract_targets
from plancompare.targets.figures import find_figures
from plancompare.text.lexicon import year_mentions
from plancompare.text.numbers import parse_number
from tests.conftest import DATA
from tests.test_structure import load_cases

FIXTURES = DATA / "targets"


def plan_from_source(source: str) -> Plan:
    """A plan from a fixture: canonical Markdown if it opens with front matter, else plain text."""
    if source.lstrip().startswith("---"):
        return parse_markdown(source, "case", "case")
    head, body = take_head(blocks_from_text(source))
    meta = PlanMeta(id="case", title=head.title, period=head.period)
    return Plan(meta=meta, sections=build_sections(body))


def _num(value: Decimal | None) -> str:
    return "-" if value is None else str(value)


def target_line(t: Target) -> str:
    """One line per target, as in ``tests/data/targets/sentences.txt``."""
    if t.qualitative is not None:
        what, base = f"〈{t.qualitative}〉", "-"
    else:
        upper = f"~{t.value_max}" if t.value_max is not None else ""
        what = f"{t.comparator} {_num(t.value)}{upper} {t.unit}"
        base = f"= {_num(t.base_value)} {t.base_unit}"
    year = f"{t.year}/{t.year_source}" if t.year is not None else "-"
    extras = []
    if t.rate:
        extras.append("rate")
    if t.baseline is not None or t.baseline_year is not None:
        extras.append(f"baseline {_num(t.baseline)}@{t.baseline_year or '-'}")
    if t.scope:
        extras.append("scope " + ",".join(t.scope))
    return " | ".join([t.section, t.indicator, what, base, year, t.kind, "; ".join(extras) or "-"])


CASES = load_cases(FIXTURES / "forms.txt")


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentence_case(source: str, expected: str) -> None:
    lines = [target_line(t) for t in extract_targets(plan_from_source(source))]
    assert ("\n".join(lines) or "(none)") == expected


def test_every_target_quotes_the_plan(luhe: Plan, dehong: Plan) -> None:
    for plan in (luhe, dehong):
        for t in extract_targets(plan):
            section = plan.section(t.section)
            assert section is not None
            if t.source == "text":
                assert t.quote in section.text and t.wording in t.quote
            else:
                rows = [" | ".join(r) for table in section.tables for r in table.rows]
                assert t.quote in rows and t.wording in t.quote


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("100", "100"),
        ("１００", "100"),
        ("5.2", "5.2"),
        ("1,000", "1000"),
        ("十万", "100000"),
        ("两", "2"),
        ("三点五", "3.5"),
        ("一千零五", "1005"),
    ],
)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


def test_parse_number_refuses_words() -> None:
    assert parse_number("大") is None and parse_number("") is None


def test_target_modules_stay_out_of_the_ui_and_heavy_libraries() -> None:
    """The core of targets imports neither click, Rich, Textual nor torch (nor jieba, nor pint
    until a unit is read: no 0.3–0.6 s at import)."""
    import subprocess
    import sys

    code = (
        "import sys, plancompare.targets.extract, plancompare.targets.benchmark, "
        "plancompare.targets.consistency, "
        "plancompare.text.grid; "
        "heavy = ('click', 'rich', 'textual', 'torch', 'jieba', 'pint'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "value"), [("十二", 12), ("二十五", 25), ("九十九", 99), ("零", 0)]
)
def test_small_chinese_numerals(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_a_regions_short_names_open_names_as_the_plan_writes_them() -> None:
    """宁夏回族自治区 writes 宁夏, 延边朝鲜族自治州 延边, 西双版纳傣族自治州 西双版纳, 漳州市芗城区
    芗城区 — the people's name and the higher level go."""
    from plancompare.targets.extract import _region_words

    assert "宁夏" in _region_words("宁夏回族自治区")
    assert "新疆" in _region_words("新疆维吾尔自治区")
    assert "延边" in _region_words("延边朝鲜族自治州")
    assert "恩施" in _region_words("恩施土家族苗族自治州")
    assert "西双版纳" in _region_words("西双版纳傣族自治州")
    assert "西双" not in _region_words("西双版纳傣族自治州")
    assert "芗城区" in _region_words("漳州市芗城区")
    assert _region_words("山东省") == ("山东省", "山东")
    # A city of three characters or more is also written by its first (哈尔滨市 → 哈市).
    assert "哈市" in _region_words("哈尔滨市")
    assert "济市" not in _region_words("济南市")
    # An autonomous prefecture of four characters or more is written by its first and 州
    # (博尔塔拉蒙古自治州 → 博州), not one of fewer (延边朝鲜族自治州 is no 延州).
    assert "博州" in _region_words("博尔塔拉蒙古自治州")
    assert "延州" not in _region_words("延边朝鲜族自治州")


def test_a_city_named_like_its_province_is_a_place_of_its_own() -> None:
    """吉林 of 吉林省 opens names as the province's own scope, but 吉林市 is a city of it: its
    figure is not the province's, nor the city named before."""
    source = (
        "---\nid: case\ntitle: 某省旅游产业行动方案（2023-2025年）\nregion: 吉林省\n---\n\n"
        "# 某省旅游产业行动方案（2023-2025年）\n\n"
        "到2025年，长春市旅游总收入力争突破5000亿元，吉林市突破2000亿元。吉林旅游总收入突破1万亿元。\n"
    )
    names = [t.indicator for t in extract_targets(plan_from_source(source))]
    assert names == ["长春市旅游总收入", "吉林市旅游总收入", "旅游总收入"]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2026年01月20日 09:15 本报记者", []),  # when a report was written
        ("2026年6月30日前完成改造", [2026]),  # a deadline to the day
        ("到2027年12月31日，建成", [2027]),
        ("2027年底建成", [2027]),
    ],
)
def test_a_date_stamp_is_no_year_of_the_plan(text: str, years: list[int]) -> None:
    assert [m.year for m in year_mentions(text, (2026, 2028))] == years


def test_line_breaks_a_scraper_wrote_out_as_letters_break_lines() -> None:
    blocks = blocks_from_text("一、目标\\r\\n新建冷库3座。\\n改造道路5公里。")
    texts = [getattr(b, "text", "") for b in blocks]
    assert texts == ["一、目标", "新建冷库3座。", "改造道路5公里。"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("医护比达到1∶1.25", [("1.25", "1:")]),  # a ratio of one to a figure
        ("床护比不低于1:0.6", [("0.6", "1:")]),
        ("完成比例尺为1:2000的地形图测绘", []),  # a map's scale is no ratio to reach
        ("发明专利授权量进入全国前8位", [("8", "位")]),  # a rank, not eight people
    ],
)
def test_ratios_and_ranks_are_figures_of_their_own(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = [f for f in find_figures(text) if f.unit.dimension in ("rank", "unknown:1:")]
    assert [(str(f.value), f.unit.text) for f in found] == expected
