"""What a target measures and how its indicator reads: shared by benchmarks and target checks."""

from __future__ import annotations

import re

from plancompare.model import Target
from plancompare.plan.wording import value_text
from plancompare.text.lexicon import (
    FIRM_WORDS,
    PAGE_FURNITURE,
    SCOPE_LEAD,
    TITLE_DOCUMENT_WORDS,
    standard_statistics,
)
from plancompare.text.units import parse_unit

_COUNT_SUFFIX = re.compile(r"(数量|总数|数)$")
_BRACKETS = re.compile(r"（[^）]*）|\([^)]*\)")


#: Filler words a name keeps once the plan's subject is taken out of it (服装类相关市场主体).
_FILLERS = re.compile(r"^(?:类|相关|等)+")


#: A figure with what it counts (32万亩, 509万株; not a year, 5G or 十四五) or a clock time: a
#: title holding one is a news headline that states targets, not what a plan is about.
_HEADLINE = re.compile(
    r"[0-9０-９]+(?:\.[0-9]+)?[万亿千百]?(?![年届期号0-9０-９])[\u4e00-\u9fff%％]|\d{1,2}:\d{2}"
)


def plan_subject(title: str, region: str | None = None) -> str:
    """What a plan is about, from its title without region and document words:
    某县服装产业高质量发展规划 → 服装产业; 山东省智能制造提升行动计划 → 智能制造."""
    if PAGE_FURNITURE.match(title):
        return ""  # 当前位置: 首页>> 今日中国>> …: a web page's path, not a title
    if _HEADLINE.search(title):
        return ""  # 白银今年将完成造林绿化32万亩 03月26日 10:08: a news headline, not a subject
    text = title.replace(region, "") if region else title
    return TITLE_DOCUMENT_WORDS.sub("", text)


def comparable_name(indicator: str, subject: str = "") -> str:
    """An indicator name reduced to what it measures, for comparing names: the plan's own
    subject (智能制造 in a 智能制造 plan) and scope words set aside, statistics terms
    standardised: 制造类规模以上工业企业数量 → 规上工业企业."""
    name = standard_statistics(_BRACKETS.sub("", indicator))
    name = SCOPE_LEAD.sub("", name)
    for size in range(len(subject), 1, -1):
        for start in range(len(subject) - size + 1):
            part = subject[start : start + size]
            if part in name and len(name) > len(part) + 1:
                name = name.replace(part, "")
    name = _FILLERS.sub("", _COUNT_SUFFIX.sub("", name))
    return name or indicator


def measure_of(target: Target) -> str:
    """What a target measures, for pairing: people with people, firms with firms, money with money.

    Counts are split by what they count (firms or other things); rates of change pair only with
    rates; qualitative targets only with qualitative ones.
    """
    if target.qualitative is not None:
        return "qualitative"
    unit = parse_unit(target.unit) if target.unit else None
    measure = target.dimension or (unit.dimension if unit else f"unit:{target.unit}")
    if measure == "count":
        measure = "count:firms" if FIRM_WORDS.search(target.indicator) else "count"
    return measure + ("/rate" if target.rate else "")


def show_value(t: Target, comparator: bool = True, lang: str = "zh") -> str:
    """A target's value as a reviewer reads it: ≥100亿元, 3–5家, 〈零事故〉."""
    return value_text(
        None if t.value is None else str(t.value),
        None if t.value_max is None else str(t.value_max),
        t.unit,
        t.comparator if comparator else None,
        t.qualitative,
        lang,
    )


def same_value(a: Target, b: Target) -> bool:
    """Whether two targets state the same amount of the same measure (ranges included)."""
    return (
        measure_of(a) == measure_of(b)
        and a.base_value is not None
        and a.base_value == b.base_value
        and a.value_max == b.value_max
    )


#: Dimensions of flows: the amount in a year (产值, 投资, 产量, 接待人次). A running total (累计)
#: of a flow adds up years; of a count (企业, 基地) it says how many there will be.
FLOW_DIMENSIONS = frozenset(
    {"money", "money_usd", "money_eur", "mass", "energy", "coal_equivalent", "visits", "volume"}
)


def kind_class(kind: str, dimension: str | None = None) -> str:
    """Kinds that state the same thing: a level to reach and a running total (累计) both say how
    many there will be — except for a flow, whose running total adds up the years; a yearly
    figure and an increment each say how many are added."""
    if kind == "cumulative" and dimension in FLOW_DIMENSIONS:
        return kind
    return "total" if kind in ("stock", "cumulative") else kind
