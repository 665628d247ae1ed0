"""Targets a plan states, read from its sentences and indicator tables with their meaning intact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from plancompare.errors import PlanError
from plancompare.model import Paragraph, Plan, Section, Table, Target
from plancompare.targets.tables import RATE_WORDS, scope_of, table_targets
from plancompare.text.lexicon import (
    CHANGE,
    FREQUENCY_UNITS,
    QUANTITY,
    UNITS,
    YearMention,
    comparator_after,
    comparator_before,
    tidy,
    year_mentions,
)
from plancompare.text.numbers import parse_number

_SENTENCE_END = "。！？!?"
_CLAUSE_SEP = "，,；;：:"
_OPEN = "（(“‘《「【["
_CLOSE = "）)”’》」】]"
_PUNCT = " \t\u3000，,；;：:、。.！？!?"
#: Stands in for the words of a year, so years never become numbers or parts of a name.
_MASK = "\x00"
_FLIP = {">=": "<=", "<=": ">="}

_STRIVE = re.compile(r"力争|争取")


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string, in order: ``_words("其中 同时")``."""
    return tuple(text.split())


_PERIOD_WORD = re.compile(r"每年|累计")
_PERIODS = {"每年": "annual", "累计": "cumulative"}
#: Connectives and adverbs that open a clause but are not part of an indicator.
_LEADING = _words("其中 同时 并且 并 且 另外 以及 力争 争取 确保 预计 努力 到 至 在 于") + _words(
    "进一步 积极 大力 全力 着力 持续 年内"
)
#: Administrative scope words opening an indicator: recorded as scope, not part of the name.
_SCOPE_LEAD = _words("全县 我县 全州 我州 全市 我市 全省 我省 全区 我区 所有")
#: Verbs after which the object is the indicator (培育形成规上工业企业 → 规上工业企业).
_OBJECT_VERBS = _words(
    "培育形成 组织开展 培育 形成 建成 拥有 涌现 创建 引育 打造 培训 新建 组建 举办"
)
#: 将 before a verb (企业将实现…): future tense, not part of a name.
_WILL = re.compile(r"将(?=实现|达到|达|突破|超过|超|形成|建成|培育|拥有|保持|增至|提升|提高)")
#: Verbs that join subject and object into one indicator (企业实现总产值 → 企业总产值).
_JOIN_VERBS = ("实现", "保持")
#: When only such a verb stands before the number, the indicator follows it (涌现3-5家领军企业).
_CLASSIFIER_VERBS = frozenset(
    _OBJECT_VERBS
    + _words("新增 引进 招引 建设 设立 布局 推动 支持 吸引 开展 组织 实施 推进 完成")
    + _words("认定 争创 与 和 同")
)
#: Verbs kept in front of an indicator written after its number (新增10家企业 → 新增企业).
_KEPT_VERBS = frozenset(["新增"])
#: An indicator that is only a rate (年均增长15%) belongs to the indicator before it.
_RATE_ONLY = frozenset(["年均增长", "年均增速", "增速", "增长率", "增幅", "年均增幅"])
#: Verbs that end an indicator written after its number (3—5个重点县建立…).
_POST_STOP = re.compile(r"建立|入驻|落户|参与|签订|达成|进驻|加入")
_QUALITATIVE = re.compile(
    r"实现[0０零]的突破|[0０零]的突破|零(?:事故|发生|伤亡|死亡|排放|污染|投诉|案件)"
    r"|成功注册|享誉(?:省内外|国内外|海内外|全国|全省|全球)|全面覆盖|全覆盖|负增长|负增速|翻[一两]?番"
)


# ----------------------------------------------------------------------------- splitting


def sentences(text: str) -> Iterator[str]:
    """The sentences of a paragraph, terminator (。！？) included, as written."""
    start = 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END or ch == "\n":
            end = i + 1 if ch != "\n" else i
            if text[start:end].strip():
                yield text[start:end]
            start = i + 1
    if text[start:].strip():
        yield text[start:]


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of clauses split at ，；： outside brackets and quotation marks."""
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _CLAUSE_SEP and depth == 0 and not _in_number(text, i):
            yield start, i
            start = i + 1
    yield start, len(text)


def _in_number(text: str, i: int) -> bool:
    """True for the comma of 1,000."""
    return text[i] == "," and text[i - 1 : i].isdigit() and text[i + 1 : i + 4].isdigit()


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans inside “…” and 《…》: names and slogans (“1+2+9”, “再造一个新陆河”), not targets."""
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|《[^》]*》|\"[^\"]*\"", text)]


# ---------------------------------------------------------------------------- quantities


@dataclass(slots=True)
class _Quantity:
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str


def _quantities(clause: str, offset: int, quoted: list[tuple[int, int]]) -> list[_Quantity]:
    """Numbers with a unit in a clause, minus names in quotes, ordinals, codes and idioms."""
    found = []
    for m in QUANTITY.finditer(clause):
        start = m.start()
        if any(s <= offset + start < e for s, e in quoted):
            continue
        before = clause[start - 1] if start else ""
        if before == "第" or re.fullmatch(r"[A-Za-z0-9.．]", before):
            continue
        num, unit = m.group("num"), m.group("unit")
        chinese = not re.match(r"[0-9０-９]", num)
        if chinese and len(num) > 1 and num[-1] in "万亿" and num[-1] + unit in UNITS:
            # 十万人: the magnitude belongs to the unit as written (万人), as it does in 10万人.
            num, unit = num[:-1], num[-1] + unit
        if chinese and num == "一" and clause[m.end() : m.end() + 1] == "一":
            continue  # 一户一策: an idiom
        value = parse_number(num)
        if value is None:
            continue
        value_max = parse_number(m.group("num2")) if m.group("num2") else None
        found.append(
            _Quantity(start, m.end(), -value if m.group("sign") else value, value_max, unit)
        )
    return found


def _cut_tail(text: str, n: int) -> str:
    """``text`` without its last ``n`` visible characters (masked years do not count)."""
    out = list(text)
    while n and out:
        if out.pop() != _MASK:
            n -= 1
    return "".join(out)


def _baseline(
    clause: str, original: str, earlier: list[_Quantity], q: _Quantity, lo: int
) -> tuple[Decimal | None, int]:
    """由2025年的30亿元增长到100亿元: the baseline (30) and where the words 由… start.

    ``clause`` has its years masked; ``original`` is the same clause as written.
    """
    if not earlier:
        return None, lo
    p = earlier[-1]
    between = clause[p.end : q.start]
    if not re.fullmatch(
        r"\s*(?:增长|提高|提升|增加|扩大|上升|下降|降低|减少)?(?:到|至)\s*", between
    ):
        return None, lo
    m = re.search(r"(?:由|从)(?:(?:19|20)\d{2}\s*年(?:底|末)?)?的?$", original[lo : p.start])
    p_unit, q_unit = UNITS[p.unit], UNITS[q.unit]
    if not m or p_unit.base != q_unit.base:
        return None, lo
    return tidy(p.value * p_unit.factor / q_unit.factor), lo + m.start()


# -------------------------------------------------------------------------------- names


@dataclass(slots=True)
class _Name:
    indicator: str
    scope: list[str] = field(default_factory=list)
    period: str | None = None
    after_number: bool = False


def _strip_leading(text: str, words: tuple[str, ...]) -> tuple[str, list[str]]:
    removed = []
    while text:
        word = next((w for w in words if text.startswith(w)), None)
        if word is None:
            break
        text = text[len(word) :].lstrip(_PUNCT)
        removed.append(word)
    return text, removed


def _name_before(raw: str, region: tuple[str, ...] = ()) -> _Name:
    """An indicator from the words before a number, without connectives, scope words and verbs.

    ``region`` holds the plan's own region names (陆河县, 陆河): scope words like 全县.
    """
    text = _WILL.sub("", raw.replace(_MASK, "")).strip(_PUNCT)
    period = None
    for m in _PERIOD_WORD.finditer(text):
        period = _PERIODS[m.group()]
    text = _PERIOD_WORD.sub("", text)
    text, _ = _strip_leading(text, _LEADING)
    text, scope = _strip_leading(text, _SCOPE_LEAD + region)
    text, _ = _strip_leading(text, _LEADING)
    if not text or text in _CLASSIFIER_VERBS:
        kept = text if text in _KEPT_VERBS else ""
        return _Name(kept, scope, period, after_number=True)
    cut = max((text.rfind(v) + len(v) for v in _OBJECT_VERBS if v in text), default=0)
    text = text[cut:]
    for verb in _JOIN_VERBS:
        text = text.replace(verb, "")
    text, more = _strip_leading(text.strip(_PUNCT), _SCOPE_LEAD)
    return _Name(text, scope + more, period, after_number=not text)


def _name_after(rest: str) -> str:
    """The indicator written after its number: 3-5家具有…的电商领军企业 → 电商领军企业."""
    if "的" in rest:
        rest = rest.rsplit("的", 1)[1]
    stop = _POST_STOP.search(rest)
    return (rest[: stop.start()] if stop else rest).strip(_PUNCT)


def _described_count(
    clause: str,
    lo: int,
    q: _Quantity,
    after_len: int,
    later: list[_Quantity],
    region: tuple[str, ...],
) -> tuple[str, int] | None:
    """培育5家年销售收入超10亿元的企业: a count whose name, after it, holds another number.

    Returns the name (年销售收入超10亿元的企业) and where it ends, or None. In a list sharing
    one noun (1家…超过1000亿元、4家…超过100亿元的骨干企业) each item gets that noun.
    """
    if (
        UNITS[q.unit].measure != "count"
        or not _name_before(clause[lo : q.start], region).after_number
    ):
        return None
    start = q.end + after_len
    stop = clause.find("、", start)
    end = len(clause) if stop < 0 else stop
    if not any(start <= p.start < end for p in later):
        return None
    segment = clause[start:end].replace(_MASK, "")
    if "的" in segment:
        head = _name_after(segment.rsplit("的", 1)[1])
        name = segment.rsplit("的", 1)[0] + "的" + head
        return name, start + clause[start:end].find(head) + len(head)
    noun = clause[end:].rsplit("的", 1)
    if len(noun) < 2 or not _name_after(noun[1]):
        return None
    return segment.strip(_PUNCT) + "的" + _name_after(noun[1]), end


# ---------------------------------------------------------------------------- sentences


@dataclass(slots=True)
class _Context:
    section: str
    year: int | None
    period: tuple[int, int] | None
    region: tuple[str, ...] = ()
    year_source: str = "section"


@dataclass(slots=True)
class _Sentence:
    """One sentence being read: as written, with its years masked, and what it has given so far."""

    original: str
    masked: str
    years: list[YearMention]
    quoted: list[tuple[int, int]]
    ctx: _Context
    targets: list[Target] = field(default_factory=list)

    def year_at(self, pos: int) -> tuple[int | None, str | None]:
        """The deadline for a number at ``pos``: the nearest year before it in the sentence, else
        the section's opening year, else the plan period's last year (and where it came from)."""
        deadlines = [y for y in self.years if not y.baseline and y.start < pos]
        if deadlines:
            year = deadlines[-1].year
            return year, "text" if year is not None else None
        if self.ctx.year is not None:
            return self.ctx.year, self.ctx.year_source
        if self.ctx.period is not None:
            return self.ctx.period[1], "period"
        return None, None

    def baseline_year(self, lo: int, pos: int) -> int | None:
        """The baseline year (较2025年) stated between ``lo`` and ``pos``, if any."""
        bases = [y for y in self.years if y.baseline and lo <= y.start < pos]
        return bases[-1].year if bases else None

    def strives_before(self, pos: int) -> bool:
        """True when 力争 or 争取 comes before ``pos``: a bare number there is a floor."""
        return any(m.start() < pos for m in _STRIVE.finditer(self.original))

    def wording(self, start: int, end: int) -> str:
        """The words of the sentence between two positions, as written."""
        return self.original[start:end].replace("\n", "").strip(_PUNCT)


def _read_sentence(text: str, ctx: _Context) -> list[Target]:
    years = year_mentions(text, ctx.period)
    masked = list(text)
    for y in years:
        masked[y.start : y.end] = _MASK * (y.end - y.start)
    s = _Sentence(text, "".join(masked), years, _quoted(text), ctx)
    for c_start, c_end in _clauses(s.masked):
        found = _read_clause(s, c_start, c_end)
        if not found:
            found = _qualitative(s, c_start, c_end)
        s.targets.extend(found)
    return s.targets


def _read_clause(s: _Sentence, c_start: int, c_end: int) -> list[Target]:
    """The quantitative targets of one clause."""
    clause = s.masked[c_start:c_end]
    quantities = _quantities(clause, c_start, s.quoted)
    found: list[Target] = []
    lo = skip_to = 0
    for i, q in enumerate(quantities):
        if q.start < skip_to:
            continue
        after_comparator, after_len = comparator_after(clause[q.end :])
        tail = clause[q.end + after_len :]
        described = _described_count(clause, lo, q, after_len, quantities[i + 1 :], s.ctx.region)
        if described is not None:
            indicator, skip_to = described
            found.append(
                _target(
                    s,
                    q,
                    indicator=indicator,
                    comparator=after_comparator or "=",
                    change=0,
                    strive=s.strives_before(c_start + q.start),
                    period=_name_before(clause[lo : q.start]).period,
                    baseline=None,
                    baseline_year=None,
                    scope=scope_of(indicator),
                    wording=s.wording(c_start + lo, c_start + skip_to),
                    pos=c_start + q.start,
                )
            )
            lo = skip_to
            continue
        if quantities[i + 1 :] and tail[:1] and tail[:1] not in _PUNCT:
            # 年产值达10亿元以上企业5家, 由2025年的30亿元增长到100亿元: part of a name or a
            # baseline, not a target of its own.
            continue
        if q.unit in FREQUENCY_UNITS and not _PERIOD_WORD.search(clause[: q.start]):
            lo = q.end + after_len
            continue  # 二次创业, 一次性: not a count of anything
        prefix = clause[lo : q.start]
        before_comparator, change, cmp_len = comparator_before(prefix.replace(_MASK, ""))
        prefix = _cut_tail(prefix, cmp_len)
        baseline, name_start = _baseline(clause, s.original[c_start:c_end], quantities[:i], q, lo)
        if baseline is not None:
            prefix = clause[lo:name_start]
        name = _name_before(prefix, s.ctx.region)
        indicator, name_end = name.indicator, q.end + after_len
        if name.after_number and (post := _name_after(tail)):
            indicator += post
            name_end = q.end + after_len + tail.find(post) + len(post)
        elif name.after_number:
            indicator = ""
        if change and prefix.replace(_MASK, "").endswith("年均"):
            indicator += next(w for w, _ in CHANGE if clause[: q.start].endswith(w))
        previous = found[-1] if found else s.targets[-1] if s.targets else None
        if previous is not None and not indicator:
            indicator = previous.indicator  # 到2030年，进一步提升至10家以上
        elif previous is not None and indicator in _RATE_ONLY:
            indicator = previous.indicator + indicator  # 营业收入500亿元，年均增长15%
        period = name.period
        opens_with_of_which = prefix.replace(_MASK, "").lstrip(_PUNCT).startswith("其中")
        if period is None and previous is not None and opens_with_of_which:
            period = previous.period
        found.append(
            _target(
                s,
                q,
                indicator=indicator,
                comparator=after_comparator or before_comparator or "=",
                change=change,
                strive=s.strives_before(c_start + q.start),
                period=period,
                baseline=baseline,
                baseline_year=s.baseline_year(c_start + lo, c_start + q.start),
                scope=name.scope + [w for w in scope_of(indicator) if w not in name.scope],
                wording=s.wording(c_start + lo, c_start + name_end),
                pos=c_start + q.start,
            )
        )
        lo = name_end
    return found


def _target(
    s: _Sentence,
    q: _Quantity,
    *,
    indicator: str,
    comparator: str,
    change: int,
    strive: bool,
    period: str | None,
    baseline: Decimal | None,
    baseline_year: int | None,
    scope: list[str],
    wording: str,
    pos: int,
) -> Target:
    value = q.value
    if comparator == "=" and strive:
        comparator = ">="  # 力争…5个: at least five
    if q.value_max is not None:
        comparator = "range"
    elif change < 0:
        # 下降10%以上, 力争下降10%: the change is -10% or less.
        value, comparator = -value, _FLIP.get(comparator, comparator)
    year, year_source = s.year_at(pos)
    unit = UNITS[q.unit]
    return Target(
        indicator=indicator,
        value=value,
        value_max=q.value_max,
        unit=q.unit,
        base_value=tidy(value * unit.factor),
        base_unit=unit.base,
        comparator=comparator,
        year=year,
        period=period,
        baseline=baseline,
        section=s.ctx.section,
        quote=s.original.strip(),
        source="text",
        baseline_year=baseline_year,
        rate=bool(change) or bool(RATE_WORDS.search(indicator)),
        scope=scope,
        year_source=year_source,
        wording=wording,
    )


def _qualitative(s: _Sentence, c_start: int, c_end: int) -> list[Target]:
    """零事故, 实现0的突破, 成功注册…, 享誉省内外, 全覆盖: targets without a number."""
    clause = s.masked[c_start:c_end]
    m = _QUALITATIVE.search(clause)
    if not m:
        return []
    name = _name_before(clause[: m.start()], s.ctx.region)
    indicator, end = name.indicator, m.end()
    for verb in _JOIN_VERBS:
        indicator = indicator.removesuffix(verb)
    if not indicator:  # 成功注册“好T恤·陆河造”集体商标: the indicator follows
        indicator = clause[m.end() :].replace(_MASK, "").strip(_PUNCT)
        end = len(clause.rstrip(_PUNCT))
    year, year_source = s.year_at(c_start + m.start())
    start = len(clause) - len(clause.lstrip(_PUNCT + _MASK))
    return [
        Target(
            indicator=indicator,
            value=None,
            value_max=None,
            unit=None,
            base_value=None,
            base_unit=None,
            comparator=None,
            year=year,
            period=name.period,
            baseline=None,
            section=s.ctx.section,
            quote=s.original.strip(),
            source="text",
            qualitative=m.group(),
            scope=name.scope,
            year_source=year_source,
            wording=s.wording(c_start + start, c_start + end),
        )
    ]


# ------------------------------------------------------------------------------- the plan


def _opening_year(block: object, period: tuple[int, int] | None) -> int | None:
    """The deadline a paragraph opens with (到2030年，…), setting the year for what follows."""
    if not isinstance(block, Paragraph):
        return None
    mentions = year_mentions(block.text[:16], period)
    if mentions and not mentions[0].baseline and mentions[0].start <= 4:
        return mentions[0].year
    return None


def _region_words(region: str | None) -> tuple[str, ...]:
    """陆河县 → (陆河县, 陆河): the plan's own region as it opens indicator phrases."""
    if not region:
        return ()
    short = re.sub(r"(?:自治州|自治区|自治县|省|市|县|州|区)$", "", region)
    return (region, short) if len(short) >= 2 and short != region else (region,)


def extract_targets(plan: Plan) -> list[Target]:
    """Every target of a plan, from its sentences and its indicator tables, in document order.

    A sentence without a year takes the year that opens its paragraph or its section (到2030年，…
    above dash items), else the last year of the plan period; with none, the year stays None.
    """
    period = plan.meta.period_years
    region = _region_words(plan.meta.region)
    found: list[Target] = []
    for section in plan.sections:
        _visit(section, None, period, region, found)
    return found


def _visit(
    section: Section,
    year: int | None,
    period: tuple[int, int] | None,
    region: tuple[str, ...],
    found: list[Target],
) -> None:
    opening = _opening_year(section.content[0] if section.content else None, period)
    section_year = opening if opening is not None else year
    for block in section.content:
        if isinstance(block, Section):
            _visit(block, section_year, period, region, found)
        elif isinstance(block, Table):
            found.extend(table_targets(block, section.id))
        else:
            # A paragraph that opens with 到2030年 sets the year of its later sentences too.
            own = _opening_year(block, period)
            ctx = _Context(section.id, section_year, period, region)
            if own is not None:
                ctx.year, ctx.year_source = own, "paragraph"
            for sentence in sentences(block.text):
                found.extend(_read_sentence(sentence, ctx))


__all__ = ["extract_targets", "parse_number", "sentences"]


def select_target(
    plan: Plan, indicator: str, year: int | None = None, section: str | None = None
) -> Target:
    """The one target of ``plan`` whose indicator contains ``indicator`` (and has ``year``,
    and comes from ``section``, when given); a one-line error names the candidates otherwise."""
    found = [
        t
        for t in extract_targets(plan)
        if indicator in t.indicator
        and (year is None or t.year == year)
        and (section is None or t.section == section)
    ]
    exact = [t for t in found if t.indicator == indicator]
    if len(exact) == 1 or (len(found) == 1 and not exact):
        return exact[0] if exact else found[0]
    if not found:
        raise PlanError(plan.id, f"no target named like '{indicator}' (see: plancompare targets)")
    shown = "; ".join(f"{t.indicator} {t.year or '-'} (section {t.section})" for t in found[:6])
    more = f" and {len(found) - 6} more" if len(found) > 6 else ""
    raise PlanError(
        plan.id,
        f"'{indicator}' matches {len(found)} targets: {shown}{more}; "
        "add --target-year or --section",
    )
