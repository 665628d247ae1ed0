"""The benchmark's notes by aspect and in Chinese, and the value ratio the targets view shows."""

from __future__ import annotations

from decimal import Decimal

from plancompare.benchmark import (
    benchmark_plans,
    compare,
    compare_zh,
    note_parts,
    same_value,
    value_ratio,
)
from plancompare.model import Plan
from tests.test_benchmark import target


def test_the_note_by_aspect_in_both_languages() -> None:
    a = target("规上企业数量", "10", "家", comparator="=")
    a.baseline, a.baseline_year = Decimal(0), 2025
    b = target("新增纺织服装规上企业", "30", "家", 2027, comparator=">=", period="annual")
    assert note_parts(a, b, "zh") == {
        "value": "数值 10家 与 ≥30家（B 为 A 的 3 倍）",
        "year": "年份 2030 与 2027",
        "comparator": "比较 = 与 ≥",
        "period": "口径 期末值 与 每年",
        "yearly": "年均增量 +2家 与 +30家",
    }
    assert list(note_parts(a, b, "en")) == list(note_parts(a, b, "zh"))
    assert compare(a, b) == "; ".join(note_parts(a, b, "en").values())
    assert compare_zh(a, b) == "；".join(note_parts(a, b, "zh").values())


def test_same_value_and_ratio() -> None:
    a = target("全产业链总产值", "100", "亿元", scope=["全产业链"])
    b = target("规上纺织服装企业总产值", "1000000", "万元", 2027, scope=["规上"])
    assert same_value(a, b)
    assert value_ratio(a, b) == 1
    assert note_parts(a, b, "zh")["value"] == "数值相同 100亿元"
    assert note_parts(a, b, "zh")["scope"] == "范围 全产业链 与 规上"
    ranged = target("电商领军企业", "3", "家", value_max=Decimal(5))
    single = target("电商领军企业", "3", "家")
    assert not same_value(ranged, single)  # 3–5家 is not 3家
    assert note_parts(ranged, single, "en")["value"] == "value 3–5家 vs ≥3家 (B ×1)"
    people = target("带动就业人数", "5", "万人")
    assert value_ratio(a, people) is None  # money and people do not compare


def test_every_pair_of_the_seeds_has_a_chinese_note(luhe: Plan, dehong: Plan) -> None:
    bench = benchmark_plans(luhe, dehong)
    assert all(p.note_zh and p.text("zh") == p.note_zh for p in bench.pairs)
    assert all(p.text("en") == p.note for p in bench.pairs)
    first = bench.pairs[0]
    assert first.note_zh == "数值相同 100亿元；年份 2030 与 2027；范围 — 与 规上"
