"""What a target measures and how its indicator reads: shared by benchmarks and target checks."""

from __future__ import annotations

import re
from decimal import Decimal

from plancompare.model import Target
from plancompare.text.lexicon import tidy, unit_info

#: Standard equivalents of Chinese economic statistics, applied before names are compared.
_EQUIVALENTS = (
    ("规模以上", "规上"),
    ("限额以上", "限上"),
    ("从业人员", "就业人数"),
    ("市场主体", "企业"),
)
#: Words every apparel plan repeats in its indicator names: they say nothing about the measure.
_SECTOR_WORDS = re.compile(
    r"纺织服装产业|服装产业|服装类|纺织服装|服装|纺织|工业|相关|累计|全县|全州|我县|我州"
)
_COUNT_SUFFIX = re.compile(r"(数量|总数|数)$")
_BRACKETS = re.compile(r"（[^）]*）|\([^)]*\)")
_FIRM_WORDS = re.compile(r"企业|主体|工厂|车间|运营商|机构|商户|网店|公司|厂")


def comparable_name(indicator: str) -> str:
    """An indicator name reduced to what it measures: 服装类规上工业企业 → 规上企业."""
    name = _BRACKETS.sub("", indicator)
    for word, same in _EQUIVALENTS:
        name = name.replace(word, same)
    name = _COUNT_SUFFIX.sub("", _SECTOR_WORDS.sub("", name))
    return name or indicator


def measure_of(target: Target) -> str:
    """What a target measures, for pairing: people with people, firms with firms, money with money.

    Counts are split by what they count (firms or other things); rates of change pair only with
    rates; qualitative targets only with qualitative ones.
    """
    if target.qualitative is not None:
        return "qualitative"
    info = unit_info(target.unit)
    measure = info.measure if info else f"unit:{target.unit}"
    if measure == "count":
        measure = "count:firms" if _FIRM_WORDS.search(target.indicator) else "count"
    return measure + ("/rate" if target.rate else "")


def show_value(t: Target, comparator: bool = True) -> str:
    """A target's value as a reviewer reads it: ≥100亿元, 3–5家, 〈零事故〉."""
    if t.qualitative is not None:
        return f"〈{t.qualitative}〉"
    unit = t.unit or ""
    if t.value_max is not None:
        return f"{t.value}–{t.value_max}{unit}"
    sign = {">=": "≥", "<=": "≤", "~": "约"}.get(t.comparator or "", "") if comparator else ""
    return f"{sign}{t.value}{unit}"


def same_value(a: Target, b: Target) -> bool:
    """Whether two targets state the same amount of the same measure (ranges included): the
    notes' "same value"."""
    return (
        measure_of(a) == measure_of(b)
        and a.base_value is not None
        and a.base_value == b.base_value
        and a.value_max == b.value_max
    )


def value_ratio(a: Target, b: Target) -> Decimal | None:
    """B's value over A's when both measure the same thing in positive amounts (the notes'
    "B ×ratio"), else None."""
    if measure_of(a) != measure_of(b) or a.base_value is None or b.base_value is None:
        return None
    if a.base_value > 0 and b.base_value > 0:
        return b.base_value / a.base_value
    return None


def short_number(d: Decimal) -> str:
    """A number for a note: whole numbers as they are, others to two decimals (1.67)."""
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return str(tidy(d.quantize(Decimal("0.01"))))


def ratio_text(ratio: Decimal) -> str:
    """A ratio as the notes write it: whole numbers as they are, others to two decimals."""
    return short_number(ratio)
