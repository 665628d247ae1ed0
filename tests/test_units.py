"""The unit registry: every unit with its dimension, exact conversions across magnitudes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plancompare.plan.wording import value_text
from plancompare.text.units import convert, parse_unit, read_unit, same_dimension


def unit(text: str):  # type: ignore[no-untyped-def]
    found = parse_unit(text)
    assert found is not None, text
    return found


@pytest.mark.parametrize(
    ("value", "frm", "to", "expected"),
    [
        ("12", "EFLOPS", "PFlops", "12000"),
        ("3500", "PFlops", "EFLOPS", "3.5"),
        ("5", "万人", "人", "50000"),
        ("1.5", "万亿元", "亿元", "15000"),
        ("300", "亿元", "万亿元", "0.03"),
        ("1800", "EB", "PB", "1800000"),
        ("200", "万千瓦", "MW", "2000"),
        ("2", "万吨标准煤", "吨标准煤", "20000"),
        ("15", "万亩", "亩", "150000"),
        ("4", "‰", "%", "0.4"),
        ("2", "平方公里", "万平方米", "200"),
        ("280", "万kW", "万千瓦", "280"),
        ("47", "μg/m3", "微克/立方米", "47"),
        ("35", "µg/m³", "毫克/立方米", "0.035"),
    ],
)
def test_values_convert_across_magnitudes(value: str, frm: str, to: str, expected: str) -> None:
    assert convert(Decimal(value), unit(frm), unit(to)) == Decimal(expected)


def test_computing_power_of_two_plans_compares() -> None:
    """The issue's example: 12 EFLOPS is 3.43 times 3500 PFlops."""
    a, b = unit("PFlops"), unit("EFLOPS")
    ratio = b.to_base(Decimal(12)) / a.to_base(Decimal(3500))
    assert round(ratio, 2) == Decimal("3.43")


@pytest.mark.parametrize(
    ("a", "b"), [("个", "亿元"), ("家", "人"), ("%", "个百分点"), ("元", "美元"), ("PB", "PFlops")]
)
def test_different_dimensions_never_convert(a: str, b: str) -> None:
    assert not same_dimension(unit(a), unit(b))
    assert convert(Decimal(1), unit(a), unit(b)) is None


def test_measure_words_are_all_counts() -> None:
    assert {unit(w).dimension for w in ("家", "个", "项", "万台", "套", "款")} == {"count"}
    assert unit("万家").factor == 10000


def test_a_unit_is_read_where_it_is_written() -> None:
    text = "算力规模达到300EFLOPS以上，带宽400Gbit/s，建成5G基站"
    found = read_unit(text, text.index("EFLOPS"))
    assert found is not None and found.text == "EFLOPS"
    unknown = read_unit(text, text.index("Gbit"))
    assert unknown is not None and unknown.text == "Gbit/s" and not unknown.known
    assert read_unit(text, text.index("G基站")) is None  # 5G is a name
    assert read_unit("三年内", 1) is None  # a year is not a unit


def test_a_latin_units_power_may_be_a_plain_digit() -> None:
    """Technical plans write km² as km2 and 吨 as t (治理面积32万km2, 流失量8亿t)."""
    text = "治理面积32万km2，造林50万hm2，流失量8亿t，编号km23"
    area = read_unit(text, text.index("万km2"))
    assert area is not None and area.dimension == "area" and area.text == "万km2"
    forest = read_unit(text, text.index("hm2"))
    assert forest is not None and forest.factor == 10000 and forest.dimension == "area"
    soil = read_unit(text, text.index("亿t"))
    assert soil is not None and soil.dimension == "mass" and soil.factor == 100000000
    code = read_unit(text, text.index("km23"))
    assert code is not None and code.text == "km"  # a digit after the power: no power


def test_a_unit_per_an_amount_is_kept_whole() -> None:
    """升/100公里 and 人/10万人 are rates per an amount: kept as written, marked unknown."""
    fuel = read_unit("油耗降至5升/100公里。", 5)
    assert fuel is not None and fuel.text == "升/100公里" and not fuel.known
    assert read_unit("批次/千人，", 0) is not None


@pytest.mark.parametrize(
    ("value", "unit", "comparator", "expected"),
    [
        ("1.25", "1:", ">=", "≥1:1.25"),  # a ratio of one to the value reads as written
        ("2.5", ":1", "<=", "≤2.5:1"),
        ("100", "亿元", ">=", "≥100亿元"),
    ],
)
def test_a_value_reads_as_a_reviewer_writes_it(
    value: str, unit: str, comparator: str, expected: str
) -> None:
    assert value_text(value, None, unit, comparator) == expected


def test_a_small_amount_keeps_its_digits_in_base_units() -> None:
    """47μg/m3 is 4.7E-11 吨/立方米: not rounded to 0, and written in JSON without an exponent."""
    from plancompare.serialize import decimal_text

    low, high = unit("μg/m3").to_base(Decimal(35)), unit("μg/m3").to_base(Decimal(47))
    assert 0 < low < high
    assert decimal_text(high) == "0.000000000047"
    assert unit("亩").to_base(Decimal("0.5")) == Decimal("333.333333")


def test_a_spaced_unit_ends_before_the_stop() -> None:
    read = read_unit("40微克/ 立方米。", 2)
    assert read is not None and read.text == "微克/ 立方米" and read.known
