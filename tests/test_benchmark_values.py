"""The value comparison the targets view shows: same value, and B's value over A's."""

from __future__ import annotations

from decimal import Decimal

from plancompare.targets.benchmark import compare
from plancompare.targets.indicators import ratio_text, same_value, value_ratio
from tests.test_benchmark import target


def test_same_amount_in_other_units_is_the_same_value() -> None:
    a = target("全产业链总产值", "100", "亿元")
    b = target("规上纺织服装企业总产值", "1000000", "万元", 2027)
    assert same_value(a, b)
    assert compare(a, b).startswith("same value")


def test_a_range_is_not_its_lower_end() -> None:
    ranged = target("电商领军企业", "3", "家", value_max=Decimal(5))
    single = target("电商领军企业", "3", "家")
    assert not same_value(ranged, single)
    assert value_ratio(ranged, single) == 1


def test_ratio_of_b_over_a_as_the_notes_write_it() -> None:
    a = target("规上企业数量", "5", "家")
    b = target("规模以上纺织服装企业", "150", "家", 2027)
    ratio = value_ratio(a, b)
    assert ratio == 30
    assert ratio_text(ratio) == "30"
    assert f"(B ×{ratio_text(ratio)})" in compare(a, b)
    third = value_ratio(target("从业人员", "3", "万人"), target("带动就业人数", "10", "万人"))
    assert third is not None and ratio_text(third) == "3.33"


def test_no_ratio_between_different_measures_or_without_a_value() -> None:
    money = target("总产值", "100", "亿元")
    people = target("带动就业人数", "5", "万人")
    assert value_ratio(money, people) is None
    assert not same_value(money, people)
    qualitative = target("安全生产", "0", "%", qualitative="零事故", base_value=None)
    assert value_ratio(money, qualitative) is None
