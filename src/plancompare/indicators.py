"""What a target measures and how its indicator reads: shared by benchmarks and target checks."""

from __future__ import annotations

import re

from plancompare.model import Target
from plancompare.quantities import unit_info

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
