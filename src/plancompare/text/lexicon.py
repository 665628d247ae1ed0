"""Numbers, units, comparator words and years as Chinese plans write them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from plancompare.text.numbers import parse_number

# ----------------------------------------------------------------------------------- units


@dataclass(frozen=True, slots=True)
class Unit:
    """How a unit as written relates to its base unit."""

    base: str
    """The base unit (亿元 → 元)."""
    factor: int
    """How many base units one unit is."""
    measure: str
    """What it measures: money, people, count, area, percent, frequency …"""


def _units() -> dict[str, Unit]:
    units = {
        "万亿元": Unit("元", 10**12, "money"),
        "亿元": Unit("元", 10**8, "money"),
        "千万元": Unit("元", 10**7, "money"),
        "百万元": Unit("元", 10**6, "money"),
        "万元": Unit("元", 10**4, "money"),
        "元": Unit("元", 1, "money"),
        "亿美元": Unit("美元", 10**8, "money-usd"),
        "万美元": Unit("美元", 10**4, "money-usd"),
        "美元": Unit("美元", 1, "money-usd"),
        "元/月": Unit("元/月", 1, "money/month"),
        "元/年": Unit("元/年", 1, "money/year"),
        "万元/年": Unit("元/年", 10**4, "money/year"),
        "万元/亩": Unit("元/亩", 10**4, "money/area"),
        "万人次": Unit("人次", 10**4, "people"),
        "人次": Unit("人次", 1, "people"),
        "万人": Unit("人", 10**4, "people"),
        "人": Unit("人", 1, "people"),
        "名": Unit("人", 1, "people"),
        "个百分点": Unit("个百分点", 1, "points"),
        "万平方米": Unit("平方米", 10**4, "area"),
        "平方米": Unit("平方米", 1, "area"),
        "平米": Unit("平方米", 1, "area"),
        "平方公里": Unit("平方公里", 1, "area-km2"),
        "万亩": Unit("亩", 10**4, "area-mu"),
        "亩": Unit("亩", 1, "area-mu"),
        "公顷": Unit("公顷", 1, "area-ha"),
        "万吨": Unit("吨", 10**4, "weight"),
        "吨": Unit("吨", 1, "weight"),
        "%": Unit("%", 1, "percent"),
        "％": Unit("%", 1, "percent"),
    }
    # Measure words of counted things (企业5家, 平台2个, 原创设计100款), one character each.
    for word in "户家个款项所座条场件台套处起":
        units[word] = Unit(word, 1, "count")
    for word in "户家个件台套项条":
        units["万" + word] = Unit(word, 10**4, "count")  # 新增就业岗位2万个
    # Occurrences (每年举办一期): targets only with a period word, see FREQUENCY_UNITS.
    for word in "期次届":
        units[word] = Unit(word, 1, "frequency")
    return units


UNITS: dict[str, Unit] = _units()
"""Units plancompare understands, as written → base unit, factor and measure."""

FREQUENCY_UNITS = frozenset(u for u, info in UNITS.items() if info.measure == "frequency")
"""Units that count occurrences: 一期, 一次 are targets only after 每年 (二次创业 is not one)."""


def unit_info(unit: str | None) -> Unit | None:
    """What a unit as written means, or None for a unit plancompare does not know."""
    return UNITS.get(unit) if unit else None


# --------------------------------------------------------------------------------- numbers

_ARABIC = r"[0-9０-９]{1,3}(?:,[0-9]{3})+|[0-9０-９]+(?:[.．][0-9０-９]+)?"
# A Chinese numeral starts with a digit word: 百亿级, 千家万户 and 万人 are not numbers.
_CHINESE = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
"""A number as written, Arabic (full-width too) or Chinese (regular expression)."""
UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
"""Any known unit, longest first so 万平方米 wins over 平方米 (regular expression)."""
RANGE_SEP = r"[-－—–~～至到]"
"""What joins the two ends of a range: 3-5家, 3—5个, 三至五家 (regular expression)."""

QUANTITY = re.compile(
    rf"(?P<sign>[-－−])?(?P<num>{NUMBER})(?:(?P<unit1>{UNIT})?\s*{RANGE_SEP}\s*"
    rf"(?P<num2>{NUMBER}))?\s*(?P<unit>{UNIT})"
)
"""A number or a range with its unit: 100亿元, 3-5家, 10%-20%, 两家."""


def tidy(value: Decimal) -> Decimal:
    """A Decimal without trailing zeros or exponent: 15000.0 → 15000, 3E+1 → 30, 0.50 → 0.5."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# ------------------------------------------------------------------------------ comparators


def _words(comparator: str, words: str) -> list[tuple[str, str]]:
    return [(w, comparator) for w in words.split()]


BEFORE: list[tuple[str, str]] = sorted(
    [
        *_words(">=", "不少于 不低于 不小于 至少 多于 高于 超过 突破 超 达到 达 达至"),
        *_words(">=", "增至 增长至 增长到 增加至 增加到 提升至 提升到 提高至 提高到"),
        *_words(">=", "扩大至 扩大到 上升至 上升到"),
        *_words("<=", "不超过 不高于 不多于 控制在 低于 少于 降至 降到 下降至 下降到"),
        *_words("<=", "降低至 降低到 压减至 压减到 压降至 减少至 减少到"),
        *_words("~", "大约 约 接近 近"),
        ("为", "="),
    ],
    key=lambda p: len(p[0]),
    reverse=True,
)
"""Comparator words just before a number, longest first so 超过 wins over 超."""

CHANGE: list[tuple[str, int]] = [
    *(
        (w, -1)
        for w in ["负增长", "负增速", "下降", "降低", "减少", "压减", "压降", "缩减", "削减"]
    ),
    *((w, 1) for w in ["增长", "提高", "提升", "增加", "上升", "扩大"]),
]
"""Words that make the number a change rather than a level (下降10%), with the change's sign."""

AFTER: list[tuple[str, str]] = [
    ("及以上", ">="),
    *_words(">=", "以上"),
    *_words("<=", "以下 以内 之内"),
    *_words("~", "左右 上下"),
]
"""Comparator words just after a number and its unit."""


def comparator_before(prefix: str) -> tuple[str | None, int, int]:
    """(comparator, sign of a change, length of the words) at the end of the words before a number.

    下降 gives (None, -1, 2); 超过 gives (">=", 0, 2); no comparator word gives (None, 0, 0).
    """
    for word, sign in CHANGE:
        if prefix.endswith(word):
            return None, sign, len(word)
    for word, comparator in BEFORE:
        if prefix.endswith(word):
            return comparator, 0, len(word)
    return None, 0, 0


def comparator_after(rest: str) -> tuple[str | None, int]:
    """(comparator, length of the words) at the start of the words after a number: 以上 → >=."""
    for word, comparator in AFTER:
        if rest.startswith(word):
            return comparator, len(word)
    return None, 0


# ----------------------------------------------------------------------------------- years


@dataclass(slots=True)
class YearMention:
    """A year a sentence mentions."""

    start: int
    """Where the words of the year start in the sentence (到 included)."""
    end: int
    """Where they end."""
    year: int | None
    """The year; None for 三年内 when the plan period is unknown."""
    baseline: bool
    """True for a baseline (较2025年, 由2025年的, 2025年基期), False for a deadline."""


_BASE_PRE = frozenset({"相较于", "相较", "相比", "比", "较", "由", "从", "以", "与"})
_YEAR = re.compile(
    r"(?P<pre>力争|争取|截至|截止到|截止|到|至|在|于|相较于|相较|相比|比|较|由|从|以|与)?"
    r"(?P<y>(?:19|20)\d{2})\s*年(?P<post>底|末|以前|前|内|时|为基期|基期)?"
)
_REL_YEAR = re.compile(
    r"(?<![0-9０-９每第近前后])(?P<pre>力争|争取|用)?(?P<n>[一二两三四五六七八九十]|\d{1,2})\s*年"
    r"(?P<post>内|间|时间|左右)?"
)


def year_mentions(text: str, period: tuple[int, int] | None) -> list[YearMention]:
    """Years a sentence mentions: deadlines (到2030年, 三年内) and baselines (较2025年).

    A relative year (三年内, 力争3年) counts from the first year of the plan period, so it is
    2027 in a 2025–2027 plan and unknown (None) when the period is.
    """
    found: list[YearMention] = []
    for m in _YEAR.finditer(text):
        baseline = m.group("pre") in _BASE_PRE or m.group("post") in ("基期", "为基期")
        found.append(YearMention(m.start(), m.end(), int(m.group("y")), baseline))
    taken = [(f.start, f.end) for f in found]
    for m in _REL_YEAR.finditer(text):
        if not (m.group("pre") or m.group("post")):
            continue  # 三年行动: a name, not a deadline
        if any(s <= m.start() < e for s, e in taken):
            continue
        n = parse_number(m.group("n"))
        year = period[0] + int(n) - 1 if period and n is not None and n > 0 else None
        found.append(YearMention(m.start(), m.end(), year, False))
    return sorted(found, key=lambda f: f.start)
