"""Targets of an indicator table: one per indicator and target year, with the baseline column."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from plancompare.model import Table, Target
from plancompare.plan.tables import split_unit
from plancompare.text.lexicon import (
    ANNUAL,
    BASELINE_HEADERS,
    CUMULATIVE,
    INCREMENT,
    PLACE,
    RATE_WORDS,
    SCOPE_WORDS,
    WHOLE_ROW,
)
from plancompare.text.numbering import match_number
from plancompare.text.numbers import parse_number
from plancompare.text.units import Unit, parse_unit, unknown_unit

_HEADER_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
_EMPTY_CELLS = frozenset({"", "-", "—", "–", "－", "/", "——", "无", "N/A"})
_NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+"
_CELL = re.compile(
    rf"(?P<pre>≥|>=|>|≤|<=|<|约|超过|超|达到|不少于|不超过)?\s*(?P<sign>[-－−])?(?P<num>{_NUMBER})"
    rf"(?:\s*[-－—–~～至到]\s*(?P<num2>{_NUMBER}))?\s*(?P<unit>[^\d\s以左]*?)\s*"
    r"(?P<post>以上|以下|以内|左右)?"
)
_CELL_COMPARATORS = {
    **dict.fromkeys(("≥", ">=", ">", "超过", "超", "达到", "不少于", "以上"), ">="),
    **dict.fromkeys(("≤", "<=", "<", "不超过", "以下", "以内"), "<="),
    **dict.fromkeys(("约", "左右"), "~"),
}


def scope_of(indicator: str) -> list[str]:
    """The scope words in an indicator name, in order: 规上工业产值占全县规上工业比重 → [规上]."""
    return list(dict.fromkeys(m.group() for m in SCOPE_WORDS.finditer(indicator)))


def kind_of_name(indicator: str) -> str:
    """The kind a table's indicator name states (累计…, 每年…, 新增…), else ``stock``."""
    if any(w in indicator for w in ANNUAL):
        return "annual"
    if any(w in indicator for w in CUMULATIVE):
        return "cumulative"
    if any(w in indicator for w in INCREMENT):
        return "increment"
    return "stock"


def _unit(text: str | None) -> Unit | None:
    if not text:
        return None
    return parse_unit(text) or unknown_unit(text)


@dataclass(slots=True)
class _Layout:
    name: int
    unit: int | None
    baseline: tuple[int, int] | None
    targets: list[tuple[int, int]]
    #: A column of the plan period's yearly averages or totals (年均[累计]), without a year.
    over_period: int | None = None


_NOT_NAME_HEADERS = frozenset({"属性", "指标属性", "序号", "类别", "领域", "类型"})
#: A column of the period's yearly averages or totals: 年均, 累计, 年均[累计], 五年累计.
_OVER_PERIOD = re.compile(r"年均|累计")
#: A value in brackets in such a column is a total over the period ([20], [累计达到1000]).
_BRACKETED = re.compile(r"^[\[［〔](.*)[\]］〕]$")
#: Footnote marks ending a name ([1]) and spaces a page left inside a cell's words.
_FOOTNOTE = re.compile(r"\[\d+\]$|（\d+）$")
_INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _layout(table: Table, period: tuple[int, int] | None = None) -> _Layout | None:
    """Which columns hold the indicator name, the unit, the baseline and the target years: a
    column headed 基期 (or 现状 …) is the baseline, as is, when the plan's period is known, the
    last column of a year before the period starts (2017年 in a plan for 2018–2022).

    None when no column header names a year: then the table is not an indicator table.
    """
    years = []
    for i, cell in enumerate(table.header):
        m = _HEADER_YEAR.search(cell)
        if m:
            years.append((i, int(m.group(1)), bool(BASELINE_HEADERS.search(cell))))
    if not years:
        return None
    earlier = [col for col in years if period is not None and col[1] < period[0]]
    if earlier and len(earlier) < len(years) and not any(b for _, _, b in years):
        # The present before the plan starts: the last such column is the baseline, the
        # columns before it are history.
        base = earlier[-1]
        years = [(base[0], base[1], True), *(col for col in years if col not in earlier)]
    unit = next((i for i, c in enumerate(table.header) if "单位" in c), None)
    first_year = years[0][0]
    before = table.header[:first_year]
    heads = [re.sub(r"\s+", "", c) for c in before]  # 指 标: a page spaced the header out
    named = [i for i, c in enumerate(heads) if "名称" in c or c in ("指标", "主要指标")]
    # 属性 (约束性/预期性), 序号 and 类别 columns are never the indicator's name.
    others = [i for i in range(first_year) if i != unit and heads[i] not in _NOT_NAME_HEADERS]
    if not named and not others:
        return None
    over = [
        i
        for i, c in enumerate(table.header)
        if _OVER_PERIOD.search(c) and i not in {col for col, _, _ in years}
    ]
    return _Layout(
        name=named[0] if named else others[-1],
        unit=unit,
        baseline=next(((i, y) for i, y, b in years if b), None),
        targets=[(i, y) for i, y, b in years if not b],
        over_period=over[0] if over and period is not None else None,
    )


@dataclass(slots=True)
class _Cell:
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    comparator: str


def _cell(text: str) -> _Cell | None:
    """A numeric cell (100, -8.6, ≥150, 3-5, 10以上), or None for words such as 零发生."""
    m = _CELL.fullmatch(text.strip())
    if m is not None and m.group("num") in ("零", "〇"):
        return None  # 零发生, 零事故: a qualitative target
    value = parse_number(m.group("num")) if m else None
    if m is None or value is None:
        return None
    value_max = parse_number(m.group("num2")) if m.group("num2") else None
    word = m.group("pre") or m.group("post") or ""
    comparator = "range" if value_max is not None else _CELL_COMPARATORS.get(word, "=")
    unit = m.group("unit") or None
    return _Cell(-value if m.group("sign") else value, value_max, unit, comparator)


def table_targets(
    table: Table, section: str, period: tuple[int, int] | None = None
) -> list[Target]:
    """The targets of an indicator table: one per row and target-year column.

    The unit comes from a 单位 column or from the name (规上企业数量（家）); a 基期 column gives
    the baseline; cells such as 零发生 or 成功注册 are qualitative targets; "-" cells none.
    """
    layout = _layout(table, period)
    if layout is None:
        blocks = _block_targets(table, section)
        return blocks or _place_targets(table, section, period)
    targets = []
    for row in _spanned(table.rows, layout.name):
        indicator = _FOOTNOTE.sub("", _INNER_SPACE.sub("", row[layout.name].strip()))
        number = match_number(indicator)  # 1.城乡居民人均可支配收入: the row's number
        if number is not None and len(indicator) > len(number.text):
            indicator = indicator[len(number.text) :].strip()
        if not indicator:
            continue
        unit = row[layout.unit].strip() or None if layout.unit is not None else None
        if layout.unit is None and (split := split_unit(indicator)):
            indicator, unit = split
        base = _cell(row[layout.baseline[0]]) if layout.baseline is not None else None
        for col, year in layout.targets:
            text = row[col].strip()
            if text in _EMPTY_CELLS:
                continue
            cell = _cell(text)
            target = _cell_target(indicator, unit, text, cell, year, section, " | ".join(row))
            if cell and base and layout.baseline:
                target.baseline, target.baseline_year = base.value, layout.baseline[1]
            targets.append(target)
        if layout.over_period is not None and period is not None:
            text = row[layout.over_period].strip()
            # 年均增长(%): a column of growth rates, in the unit its header gives.
            head = table.header[layout.over_period]
            growth = RATE_WORDS.search(head) is not None
            split = split_unit(head)
            col_unit = split[1] if growth and split else unit
            over = _over_period(text, indicator, col_unit, period[1], section, " | ".join(row))
            if over is not None:
                over.rate = over.rate or growth
                targets.append(over)
    return targets


_SERIAL = re.compile(r"[0-9０-９]{1,3}[.、．]?")


def _spanned(rows: list[list[str]], name: int) -> list[list[str]]:
    """Rows with the cells a page merged over several rows (类别 | 序号 | 指标名称 …: the 类别 cell
    written on the first row of its group only) put back: a row whose cells are shifted left,
    a serial number where the name belongs and empty cells at its end, takes the cells it lacks
    from the row above."""
    out: list[list[str]] = []
    for row in rows:
        empty = len(row) - len(list(itertools.dropwhile(lambda c: not c.strip(), row[::-1])))
        for k in range(1, min(empty, name) + 1):
            shifted = [*out[-1][:k], *row[: len(row) - k]] if out else []
            if (
                shifted
                and not _SERIAL.fullmatch(row[name - 1].strip())
                and _SERIAL.fullmatch(shifted[name - 1].strip())
                and not _SERIAL.fullmatch(shifted[name].strip())
            ):
                row = shifted
                break
        out.append(row)
    return out


def _over_period(
    text: str, indicator: str, unit: str | None, year: int, section: str, quote: str
) -> Target | None:
    """A cell of the 年均[累计] column: a yearly average (5左右), or in brackets a total over
    the plan period ([20], [累计达到1000]), both for the period's last year."""
    if text in _EMPTY_CELLS:
        return None
    bracketed = _BRACKETED.match(text)
    inner = bracketed.group(1).removeprefix("累计") if bracketed else text
    cell = _cell(inner)
    if cell is None:
        return None
    target = _cell_target(indicator, unit, inner, cell, year, section, quote)
    target.kind = "cumulative" if bracketed else "annual"
    return target


def _block_targets(table: Table, section: str) -> list[Target]:
    """The targets of a wide table a page laid out in blocks: a row of indicator names, a row
    that only names a year (2022年目标值), then the row of values, name and value matched by
    position."""
    rows = [table.header, *table.rows]
    targets: list[Target] = []
    for k in range(1, len(rows) - 1):
        label = [c.strip() for c in rows[k] if c.strip()]
        if len(label) != 1 or not (m := _HEADER_YEAR.search(label[0].replace(" ", ""))):
            continue
        names = [c.strip() for c in rows[k - 1]]
        values = [c.strip() for c in rows[k + 1]]
        for name, text in zip(names, values, strict=False):
            if not name or _cell(name) is not None or text in _EMPTY_CELLS:
                continue
            if (cell := _cell(text)) is None:
                continue
            indicator, unit = split_unit(name) or (name, None)
            year = int(m.group(1))
            targets.append(
                _cell_target(indicator, unit, text, cell, year, section, f"{name} | {text}")
            )
    return targets


def _place_targets(table: Table, section: str, period: tuple[int, int] | None) -> list[Target]:
    """The targets of a task split by place (乡镇 | 新种任务(亩) | 备注): a first column of places
    and the whole (全县合计), and columns whose header names a measure and its unit; one target
    per place and column, for the end of the plan period."""
    rows = [r for r in table.rows if r and r[0].strip()]
    places = [r[0].strip().replace(" ", "") for r in rows]
    if not rows or sum(1 for p in places if PLACE.fullmatch(p) or WHOLE_ROW.match(p)) * 2 < len(
        rows
    ):
        return []
    targets: list[Target] = []
    for col, head in enumerate(table.header[1:], start=1):
        measure = split_unit(head.strip())
        if measure is None:
            continue
        name, unit = measure
        for row, place in zip(rows, places, strict=True):
            text = row[col].strip() if col < len(row) else ""
            if text in _EMPTY_CELLS or (cell := _cell(text)) is None:
                continue
            whole = WHOLE_ROW.match(place) is not None
            indicator = name if whole else place + name
            year = period[1] if period is not None else None
            target = _cell_target(indicator, unit, text, cell, year, section, " | ".join(row))
            whole_scope = re.sub(r"(?:合计|总计|小计|汇总)$", "", place) if whole else ""
            target.scope = [*target.scope, *([whole_scope] if whole_scope else [])]
            targets.append(target)
    return targets


def _cell_target(
    indicator: str,
    unit: str | None,
    text: str,
    cell: _Cell | None,
    year: int | None,
    section: str,
    quote: str,
) -> Target:
    """The target a table states in one cell: its figure, or (``cell`` None) its words as a
    qualitative target. A bare number with no unit in the cell, the column or the name
    (城乡居民收入比 | 2.67) is dimensionless (指数), as in text."""
    the_unit = (cell.unit or unit or "指数") if cell else unit
    info = _unit(the_unit)
    return Target(
        indicator=indicator,
        value=cell.value if cell else None,
        value_max=cell.value_max if cell else None,
        unit=the_unit,
        base_value=info.to_base(cell.value) if cell and info else None,
        base_unit=info.base if cell and info else None,
        comparator=cell.comparator if cell else None,
        year=year,
        kind=kind_of_name(indicator),
        baseline=None,
        section=section,
        quote=quote,
        source="table",
        qualitative=None if cell else text,
        rate=bool(cell and RATE_WORDS.search(indicator)),
        scope=scope_of(indicator),
        year_source="table",
        wording=text,
        unit_known=info.known if info else True,
        dimension=info.dimension if cell and info else None,
    )
