"""Targets of any number of plans side by side: one row per indicator concept, with a verdict
on whether its figures compare (evaluation/gold/README.md §2).

Meaning proposes, structure disposes. Within a plan, every statement of one indicator (text
and table, several years) becomes one cell (:func:`plan_cells`). Across plans, cells are
proposed as one concept by the similarity of their names — IDF-weighted characters, averaged
with the embedder's cosine when one is given — but only when they measure the same thing
(:func:`plancompare.targets.indicators.measure_of`: a count of firms never meets jobs or yuan).
Each row is then judged (:func:`judge`): the measure kind, thresholds and levels of what is
counted, scope words, the plans' geographic levels, the target years and the names' definition.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

import numpy as np

from plancompare.model import (
    Benchmark,
    ConceptCell,
    ConceptRow,
    Finding,
    Milestone,
    Plan,
    Target,
)
from plancompare.targets.consistency import same_indicator, target_findings
from plancompare.targets.extract import extract_targets, plan_period
from plancompare.targets.indicators import kind_class, measure_of, plan_subject
from plancompare.text.lexicon import (
    DESIGNATIONS,
    EXTENT_WORDS,
    LEVEL,
    PLACE_GROUPS,
    PROJECT_HEADS,
    RATE_ENDINGS,
    REBUILDS,
    SCOPE_LEAD,
    SCOPE_WORDS,
    SETTLEMENTS,
    SINGLING_DESIGNATIONS,
    SIZE_CLASSES,
    TOTAL_ENDINGS,
    standard_statistics,
)
from plancompare.text.similarity import char_grams, tfidf_cosine
from plancompare.text.units import parse_unit, tidy

if TYPE_CHECKING:
    from plancompare.embed import Embedder
    from plancompare.text.sectors import SectorVocabulary

#: Cells of two plans whose names are less alike than this are never one concept.
MIN_SIMILARITY = 0.45
#: What a shared kind class or shared scope words add to the likeness of two cells: of two
#: equally named candidates, the one counted the same way is the partner.
SAME_KIND_BONUS = 0.05
#: Names this alike are one indicator even when the plans measure it differently (a level
#: against a rate of change): the row is shown, 不可比 on its dimension.
SAME_NAME = 0.9
#: What it adds that two cells are each plan's only one of a rarer measure (visits, area,
#: energy …; not counts, money or shares, which every plan has many of).
ONLY_ONES_BONUS = 0.2
COMMON_MEASURES = frozenset({"count", "count:firms", "money", "share", "count/rate", "share/rate"})
#: What a shared head noun (the last two characters: 平台, 基地, 企业) adds likewise.
SAME_HEAD_BONUS = 0.05
HEAD = 2
SAME_SCOPE_BONUS = 0.05
#: A name that adds at most this many characters (or a quarter of its length) to another, in
#: order and keeping its last character, names the same population (规上企业 / 规上工业企业).
SHORT_QUALIFIER = 2
#: A name this short is a bare head (企业, 平台): any qualifier on the other side narrows it.
BARE_HEAD = 2

NOT_COMPARABLE_REASONS = frozenset({"dimension", "threshold", "level", "definition"})

# ------------------------------------------------------------------------------ cells


def kind_of(target: Target) -> str:
    """The measure kind of a cell: ``rate`` for a change, ``share`` for a level in percent,
    else the target's kind (stock, increment, cumulative, annual)."""
    if target.rate:
        return "rate"
    if target.dimension == "share" and target.kind in ("stock", "cumulative"):
        return "share"
    return target.kind


def plan_cells(
    plan: Plan, targets: list[Target] | None = None, findings: list[Finding] | None = None
) -> list[ConceptCell]:
    """Every indicator a plan states, its statements merged into one cell each (in document
    order of their first statement), with the consistency findings on them."""
    if targets is None:
        targets = extract_targets(plan)
    quantitative = [t for t in targets if t.value is not None and t.qualitative is None]
    if findings is None:
        findings = target_findings(plan, targets)
    subject = plan_subject(plan.meta.title, plan.meta.region)
    groups: list[list[Target]] = []
    for t in quantitative:
        for group in groups:
            alike = kind_class(kind_of(group[0]), group[0].dimension) == kind_class(
                kind_of(t), t.dimension
            )
            if alike and any(same_indicator(g, t, subject) for g in group):
                group.append(t)
                break
        else:
            groups.append([t])
    return [_cell(plan, group, findings) for group in groups]


def _cell(plan: Plan, group: list[Target], findings: list[Finding]) -> ConceptCell:
    first = group[0]
    kinds = [kind_of(t) for t in group]
    kind = max(dict.fromkeys(kinds), key=kinds.count)
    baseline = next((t for t in group if t.baseline is not None), None)
    evidence = {_said(t) for t in group}
    return ConceptCell(
        plan=plan.id,
        indicator=first.indicator,
        names=list(dict.fromkeys(t.indicator for t in group)),
        kind=kind,
        dimension=first.dimension,
        milestones=_milestones(group),
        baseline=baseline.baseline if baseline else None,
        baseline_year=baseline.baseline_year if baseline else None,
        section=first.section,
        path=[s.label for s in plan.path(first.section)],
        sources=group,
        scope=list(dict.fromkeys(w for t in group for w in t.scope)),
        disagreements=[f for f in findings if evidence & set(f.evidence)],
    )


def _said(t: Target) -> str:
    """The words consistency findings quote for a target (as targets.consistency does)."""
    return t.quote if t.source == "table" or not t.wording else t.wording


def _milestones(group: list[Target]) -> list[Milestone]:
    """One milestone per year and distinct value, earliest first (no year last)."""
    seen: dict[tuple[int | None, Decimal | None, Decimal | None], Milestone] = {}
    for t in group:
        assert t.value is not None
        key = (t.year, t.base_value if t.base_value is not None else t.value, t.value_max)
        if key not in seen:
            seen[key] = Milestone(
                t.year, t.value, t.value_max, t.unit, t.comparator, t.base_value, t.base_unit
            )
    return sorted(seen.values(), key=lambda m: (m.year is None, m.year or 0))


# ------------------------------------------------------------------------------ names


def name_similarity(
    a: Sequence[str],
    b: Sequence[str],
    embedder: Embedder | None = None,
    documents: Sequence[str] = (),
) -> np.ndarray:
    """Similarity of indicator names, 0–1: IDF-weighted characters and bigrams (the IDF over
    ``documents``, every name of the benchmark, so 企业 in every name weighs little), averaged
    with the cosine of mean-centred embeddings when an embedder is given."""
    docs = [char_grams(n) for n in (documents or [*a, *b])]
    sim = tfidf_cosine([char_grams(n) for n in a], [char_grams(n) for n in b], docs, 0.0)
    if embedder is not None and len(a) and len(b):
        sim = (sim + np.clip(embedding_similarity(a, b, embedder), 0, 1)) / 2
    result: np.ndarray = np.clip(sim, 0, 1)
    return result


def embedding_similarity(a: Sequence[str], b: Sequence[str], embedder: Embedder) -> np.ndarray:
    """Cosine of mean-centred embeddings: short names from one domain all look alike until the
    vector they share is taken out."""
    vectors = embedder.embed_batch([*a, *b]).astype(np.float64)
    vectors -= vectors.mean(axis=0)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors /= np.where(norms == 0, 1, norms)
    result: np.ndarray = np.asarray(vectors[: len(a)] @ vectors[len(a) :].T)
    return result


_BRACKETS = re.compile(r"（[^）]*）|\([^)]*\)")
_PUNCTUATION = re.compile(r"[、，,·・/“”\"'《》\s]")
_CLASSIFIERS = "类|行业|产业|领域"
_FILLERS = re.compile(
    r"^(?:相关|有关|等|各类|各种)+|(?:相关|有关)|的|(?<=..)阶段|(?:数量|总数|个数|人数|(?<!指)数)$"
)
_THRESHOLD = re.compile(r"(?P<n>\d+(?:\.\d+)?)?(?P<mag>[万亿])?元以上")
#: What a contribution is to (对经济增长的贡献率): a contribution rate is to the economy unless
#: the name says otherwise, and the two ways of writing it name one measure.
_CONTRIBUTES_TO = re.compile(r"(?<=.)对[\u4e00-\u9fff]{1,8}的(?=贡献)")
#: A character a web page's word filter replaced (重大慢*病): it stands for any one character.
_FILTERED = "*＊"


def name_forms(names: Sequence[str]) -> list[str]:
    """The names as written and, for each bracketed alternative to the words just before it,
    the name read with the alternative (新农合参保(合)率: also 新农合参合率; 矿井水(矿坑水)利用率:
    also 矿坑水利用率; 服务站(点): also 服务点). A bracket that notes what is included (含…),
    gives a unit (亿元) or is not Chinese words alone is no alternative."""
    forms = list(names)
    for name in names:
        for m in _ALTERNATIVE.finditer(name):
            word = m.group("alt")
            if m.start() < len(word) or word.startswith(_NOT_ALTERNATIVE):
                continue
            if parse_unit(word) is not None:
                continue  # 工业总产值(亿元): the unit, not another name
            forms.append(name[: m.start() - len(word)] + word + name[m.end() :])
    return list(dict.fromkeys(forms))


#: A bracket of one to four Chinese characters (参保(合)率, 矿井水(矿坑水)).
_ALTERNATIVE = re.compile(r"[（(](?P<alt>[\u4e00-\u9fff]{1,4})[）)]")
#: How a bracket that notes rather than names opens (含货币化, 包括…, 其中…).
_NOT_ALTERNATIVE = ("含", "包括", "不含", "其中", "即", "如", "按", "以")


def definition_name(indicator: str, subjects: Sequence[str], keep_scope: bool = False) -> str:
    """What a name says is counted, for judging whether two names define one population:
    without brackets, scope words (judged apart), the plans' subjects (the whole subject, or
    a part of it of four characters or more, or a part before 类/行业/产业/领域), fillers
    (相关, 的) and count endings (数量). ``keep_scope`` keeps the scope words (to propose
    pairs, where they help)."""
    # 起降场地/起降点: one thing under two names, the first the plan's own.
    name = standard_statistics(_BRACKETS.sub("", indicator).split("/")[0] or indicator)
    name = SCOPE_LEAD.sub("", name)  # 全省, 我国, 中国: judged apart as the plans' levels
    for word in [] if keep_scope else scope_words(name):
        name = name.replace(word, "")
    for subject in sorted(subjects, key=len, reverse=True):
        if not subject:
            continue
        name = name.replace(subject, "") if len(name) > len(subject) + 1 else name
        for size in range(len(subject) - 1, 1, -1):
            for start in range(len(subject) - size + 1):
                part = re.escape(subject[start : start + size])
                pattern = part if size >= 4 else f"{part}(?:{_CLASSIFIERS})"
                if size < 4 and re.match(_CLASSIFIERS, subject[start + size :]):
                    # 旅游总收入 in a plan of 旅游业: the subject without its classifier, opening
                    # the name (not 智能 of 智能工厂 in a plan of 智能制造).
                    pattern += f"|^{part}"
                shorter = re.sub(pattern, "", name)
                if len(shorter) >= 2:
                    name = shorter
    name = _PUNCTUATION.sub("", name)
    name = _CONTRIBUTES_TO.sub("", name)  # 科技进步对经济社会的贡献率 / 科技进步贡献率
    for ending, standard in _ENDINGS:
        if len(ending.sub("", name)) >= 2:  # the ending goes only where a name stays
            name = ending.sub(standard, name)
    return _FILLERS.sub("", name) or indicator


#: 化 before a rate (规模化率 / 规模率).
_BECOME_RATE = re.compile(r"(?<=.)化(?=率$)")
#: Endings written two ways for one measure, and the form definitions are compared in, in
#: order: the extent of works (农村公路建设里程, 农村公路项目里程: the dimension says it is an
#: extent, the works are the thing; 播种面积 keeps its 面积); 化 before a rate (规模化率 /
#: 规模率); a sector's value added (服务业增加值 / 三产业, growth of either); a sector's output
#: value however written (林业行业年总产值, 高新技术产业工业总产值: its 产值).
_ENDINGS = (
    (
        re.compile(
            rf"(?:建设|{'|'.join(PROJECT_HEADS)})+(?:{'|'.join(EXTENT_WORDS.values())}|长度)$"
        ),
        "",
    ),
    (re.compile(r"(?<=..)总?(?:里程|长度)$"), ""),  # 高速铁路里程 / 高速铁路 (in 公里)
    (_BECOME_RATE, ""),
    (re.compile(r"增加值$"), ""),
    (re.compile(r"(?:行业)?年?(?:工业)?总产值$"), "产值"),
)


def _filtered_alike(a: str, b: str) -> bool:
    """Whether two names are one name but for characters a word filter starred out in one."""
    if len(a) != len(b) or not any(c in _FILTERED for c in a + b):
        return False
    return all(x == y or x in _FILTERED or y in _FILTERED for x, y in zip(a, b, strict=True))


def same_definition(a: str, b: str) -> bool:
    """Whether two definition names (:func:`definition_name`) count one population: equal, or
    one only adds a short qualifier to the other (规上企业 / 规上工业企业; a qualifier of up to
    a quarter of the longer name), keeping its head (the last character)."""
    if _filtered_alike(a, b):
        return True  # 重大慢*病过早死亡率 / 重大慢性病过早死亡率
    # 资源化利用率 / 资源化率: the use is understood (only here: proposing pairs keeps 利用).
    a, b = (_BECOME_RATE.sub("", _USE_RATE.sub("率", x)) for x in (a, b))
    total = _TOTAL.sub("", a)
    if a == b or (total == _TOTAL.sub("", b) and len(total) >= 2):
        return True  # 茶叶总量 / 茶叶产量 / 茶叶总产量: the total is the output
    if (
        a.endswith("量")
        and b.endswith("量")
        and len(a) >= 3
        and a.replace("总", "") == b.replace("总", "")
    ):
        return True  # 用水总量 / 总用水量: 总 written before the measure or before 量
    for ending in (_SIZE, _CHANGE, _WORKS, _SHARE_END):
        if ending.sub("", a) == ending.sub("", b):
            # 标准机架规模 / 标准机架数; 居民消费价格涨幅 / 居民消费价格 (上涨3%: the rate says
            # it); 认知障碍照护床位改造 / 认知障碍照护床位 (in 张: what the works are done on).
            return True
    if ("占" in a) != ("占" in b):
        if _share_words(a) == _share_words(b):
            return True  # 养老机构护理型床位占比 / 护理型床位数占养老机构床位比例: one share
        # 非化石能源占能源消费总量比重 / 非化石能源消费比重: a share with its base written out
        # and one whose base is understood.
        a, b = _SHARE_BASE.sub("", a), _SHARE_BASE.sub("", b)
    if (base := _per_base(a)) and (other := _per_base(b)) and base != other:
        return False  # 每千人养老床位 / 每千老人养老床位: per head of another population
    short, long = sorted((a, b), key=len)
    if not short or short[-1] != long[-1]:
        return False
    singled = (w for w in (*SINGLING_DESIGNATIONS, *SIZE_CLASSES) if w in long and w not in short)
    if any(long.replace(w, "", 1).endswith(short) for w in singled):
        return False  # 5G示范应用场景, 科技型中小企业: the few designated or of a size, not all
    if _swapped(a, b, DESIGNATIONS):
        return True  # 智慧农业应用基地 / 示范基地: how it is designated, not what it is
    if sorted(a) == sorted(b) and a[-1] == b[-1]:
        # 播种粮食面积 / 粮食播种面积, 城镇失业登记率 / 城镇登记失业率: the same words in
        # another order, the same head.
        return True
    widened = long[: len(long) - len(short)].endswith(("和", "与", "及", "、"))
    if len(short) >= _WHOLE_HEAD and long.endswith(short) and not widened:
        # 适老化改造 / 老年人居家环境适老化改造: the whole name, said of whom it serves (not
        # 旅游总收入 / 文化和旅游总收入, which counts more).
        return True
    extra = len(long) - len(short)
    if extra > max(SHORT_QUALIFIER, len(long) // 4):
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


def _per_base(name: str) -> str | None:
    """The base of a per-head measure (每千人, 每千老人, 每百户), or None."""
    m = _PER_BASE.search(name)
    return m.group() if m else None


#: The base a per-head measure is per, to its first character of who (每千人, 每千老(人), 每百户;
#: not 每万元 of an amount of money):
#: :func:`~plancompare.text.lexicon.standard_statistics` has written each base one way.
_PER_BASE = re.compile(r"每[十百千万]+(?!元)[\u4e00-\u9fff]")
#: 利用率 after a 化 (资源化利用率 / 资源化率); a bare 利用率 stays (污泥利用率 / 污泥处置率).
_USE_RATE = re.compile(r"(?<=..化)利用率$")
#: A name this long found whole at the end of another is what the other counts, only said of
#: whom or where (护理型床位占比 / 养老机构护理型床位占比); shorter ones (幼儿园 / 公办幼儿园) are
#: heads a qualifier may narrow to another population.
_WHOLE_HEAD = 4
#: The word that ends a name of an amount by its size (标准机架规模, 设备投资规模).
_SIZE = re.compile(r"(?<=..)总?规模$")
#: How a name of a change may end (涨幅, 增速, 年均增长; 居民消费价格指数 for the CPI).
_CHANGE = re.compile(rf"(?<=..)(?:{'|'.join(RATE_ENDINGS)}|(?:年均)?增长|涨幅|上涨|指数)$")
#: How the name of a share may end (经常参加体育锻炼人数比例 / 经常参加体育锻炼人数, both in %:
#: only shares are paired with shares).
_SHARE_END = re.compile(r"(?<=..)(?:人数|数)?(?:比例|比重|占比)$")
#: How a name of the things works are done on may end (床位改造, 小区提升改造).
_WORKS = re.compile(r"(?<=...)(?:提升改造|改造提升|改造|建设)$")
#: The words that end a name of a total amount (总量, 产量, 总产量).
_TOTAL = re.compile(rf"(?:{'|'.join(TOTAL_ENDINGS)})$")


def _share_words(name: str) -> frozenset[str]:
    """The characters a share's name is made of, 占 and count words aside: the part and the
    whole, in whichever order they are written."""
    return frozenset(name) - frozenset("占数的")


#: The base of a share between 占 and the share word (占能源消费总量比重).
_SHARE_BASE = re.compile(r"占[^占]+?(?=比重$)")


def _swapped(a: str, b: str, words: tuple[str, ...]) -> bool:
    """Whether one word of ``words`` in place of another makes ``a`` into ``b``."""
    return any(x != y and x in a and a.replace(x, y, 1) == b for x in words for y in words)


def scope_words(text: str) -> list[str]:
    """The scope words of a name (规上, 亿元以上, 省级 …), as written."""
    return [m.group() for m in SCOPE_WORDS.finditer(text)]


# ------------------------------------------------------------------------------ verdicts


@dataclass(frozen=True, slots=True)
class Qualifiers:
    """What a cell says about the population it counts, apart from its name."""

    thresholds: frozenset[Decimal]
    """Money thresholds of what is counted (亿元以上 → 100000000)."""
    levels: frozenset[str]
    """Levels of what is counted (国家级, 省级以上)."""
    economic: frozenset[str]
    """Statistical scope words (规上, 限上, 全产业链)."""


#: A provincial level written without 级 before a designated kind (省科技型中小企业: the
#: province's register); not 省会, 省内, 省外. 国家 is left out (国家高新技术企业 are all
#: 高新技术企业) and so is 市 (市场).
_SHORT_LEVEL = re.compile(r"^(省)(?![级会内外直属])(?=[\u4e00-\u9fff]{4,})")


def qualifiers(cell: ConceptCell) -> Qualifiers:
    """A cell's thresholds, levels and statistical scope words, from its names and scope."""
    words = [*cell.scope, *(w for n in cell.names for w in scope_words(standard_statistics(n)))]
    thresholds: set[Decimal] = set()
    levels: set[str] = {
        m.group(1) + "级" for n in cell.names if (m := _SHORT_LEVEL.match(n)) is not None
    }
    economic: set[str] = set()
    for word in words:
        if SCOPE_LEAD.fullmatch(word) or not SCOPE_WORDS.fullmatch(word):
            # 全州, 我县, 江苏, 天津市: the plan's own territory, judged by the plans' levels.
            continue
        word = standard_statistics(word)
        money = _THRESHOLD.fullmatch(word)
        if money:
            thresholds.add(_threshold_value(money))
        elif re.fullmatch(LEVEL, word):
            levels.add(word)
        else:
            economic.add("产业链" if word.endswith("产业链") else word)
    # 区级一般公共预算收入: the tier of government whose budget it is, the plan's own, not a
    # level of the thing counted (省级平台).
    levels -= {m.group(1) for n in cell.names for m in _FISCAL_TIER.finditer(n)}
    return Qualifiers(frozenset(thresholds), frozenset(levels), frozenset(economic))


#: A level word before a budget or revenue term: the government tier that holds it.
_FISCAL_TIER = re.compile(rf"({LEVEL})(?=一般公共预算|公共预算|地方财政|财政|税收)")


def _threshold_value(m: re.Match[str]) -> Decimal:
    try:
        n = Decimal(m.group("n")) if m.group("n") else Decimal(1)
    except InvalidOperation:
        n = Decimal(1)
    factor = {"万": Decimal(10000), "亿": Decimal(100000000)}.get(m.group("mag") or "", 1)
    return n * factor


#: Geographic levels of plans, by the last character of ``PlanMeta.level`` (or the word).
_LEVEL_RANK = {"国家": 0, "全国": 0, "省": 1, "自治区": 1, "市": 2, "州": 2, "盟": 2, "地区": 2}


def geographic_level(plan: Plan) -> int | None:
    """National 0, provincial 1, prefecture (市, 州, 盟) 2, county and below 3; None unknown."""
    level = (plan.meta.level or "").strip()
    if not level:
        return None
    if level in _LEVEL_RANK:
        return _LEVEL_RANK[level]
    return 3 if level[-1] in "县区旗镇乡" else _LEVEL_RANK.get(level[-1])


@dataclass(slots=True)
class Context:
    """What judging a row needs to know about the plans besides their cells."""

    levels: dict[str, int | None]
    """Each plan's geographic level (:func:`geographic_level`)."""
    periods: dict[str, tuple[int, int] | None]
    """Each plan's period."""
    subjects: dict[str, str]
    """Each plan's subject (:func:`plan_subject`)."""


def judge_pair(a: ConceptCell, b: ConceptCell, ctx: Context) -> set[str]:
    """The reasons two cells of two plans are not simply comparable; ``kind`` and ``scope`` are
    marked ``kind!`` / ``scope!`` when they make the figures not comparable at all."""
    reasons: set[str] = set()
    if a.dimension != b.dimension:
        reasons.add("dimension")
    kind = _kind_difference(a, b, ctx)
    if kind:
        reasons.add(kind)
    qa, qb = qualifiers(a), qualifiers(b)
    if qa.thresholds != qb.thresholds:
        reasons.add("threshold")
    if qa.levels != qb.levels:
        reasons.add("level")
    if qa.economic != qb.economic:
        reasons.add("scope!")
    la, lb = ctx.levels.get(a.plan), ctx.levels.get(b.plan)
    if la is None or lb is None or la != lb:
        reasons.add("scope")
    ya = {m.year for m in a.milestones}
    yb = {m.year for m in b.milestones}
    if None in ya or None in yb or not ya & yb:
        reasons.add("horizon")
    subjects = [ctx.subjects.get(a.plan, ""), ctx.subjects.get(b.plan, "")]
    names_a = {definition_name(n, subjects) for n in name_forms(a.names)}
    names_b = {definition_name(n, subjects) for n in name_forms(b.names)}
    if not any(same_definition(x, y) for x in names_a for y in names_b):
        # 城市 / 城镇公共供水管网漏损率: one measure over another kind of settlement; 贫困县
        # 农村居民人均可支配收入: over a group of the region's places.
        scoped = any(_swapped(x, y, SETTLEMENTS) for x in names_a for y in names_b) or any(
            same_definition(_PLACE_GROUP.sub("", x), _PLACE_GROUP.sub("", y))
            for x in names_a
            for y in names_b
        )
        reasons.add("scope" if scoped else "definition")
    if _bare(a, subjects) != _bare(b, subjects):
        reasons.add("definition")  # 企业 / 领军企业: a bare head counts every firm, the other a few
    if a.kind == b.kind == "increment" and _rebuilds(a) != _rebuilds(b):
        reasons.add("definition")  # 新改建农村公路 / 新建农村公路: rebuilt roads counted or not
    return reasons


#: A group of places opening a name that goes on to name a measure (贫困县农村居民人均可支配收入,
#: not 贫困村出列).
_PLACE_GROUP = re.compile(rf"^(?:{'|'.join(PLACE_GROUPS)})(?=[\u4e00-\u9fff]{{4,}})")


def _rebuilds(cell: ConceptCell) -> bool:
    """Whether a cell's increments count rebuilt works with the new ones (新改建农村公路, 新(改)建
    …公路): the word stands before the thing counted, not before another item of its list."""
    return any(
        re.search(f"{_REBUILD}[^，,；;、。]{{0,6}}?{re.escape(t.indicator[:2])}", t.quote)
        for t in cell.sources
        if len(t.indicator) >= 2
    )


_REBUILD = f"(?:{'|'.join(map(re.escape, REBUILDS))})"


def _bare(cell: ConceptCell, subjects: list[str]) -> bool:
    """Whether a cell's names, scope words kept, are all a bare head (企业, 平台)."""
    return all(len(definition_name(n, subjects, keep_scope=True)) <= BARE_HEAD for n in cell.names)


def _kind_difference(a: ConceptCell, b: ConceptCell, ctx: Context) -> str | None:
    """``None`` for kinds alike, ``kind`` when the plans give what converting needs (a stock's
    baseline, the period of an increment or a running total), ``kind!`` when they do not."""
    ka, kb = kind_class(a.kind, a.dimension), kind_class(b.kind, b.dimension)
    if ka == kb:
        return None
    if {ka, kb} & {"share", "rate"}:
        return "kind!"
    return "kind" if _convertible(a, ctx) and _convertible(b, ctx) else "kind!"


def _convertible(cell: ConceptCell, ctx: Context) -> bool:
    """Whether a cell's figure can be put on a per-year footing from what its plan says."""
    return per_year(cell, ctx.periods.get(cell.plan)) is not None


def per_year(cell: ConceptCell, period: tuple[int, int] | None) -> Decimal | None:
    """The yearly amount a cell implies, in its first milestone's base unit: an annual figure;
    an increment or a running total over the plan period; a stock's rise from its baseline, or
    between the first and last of the levels it states for several years."""
    last = cell.milestones[-1] if cell.milestones else None
    if last is None or last.base_value is None:
        return None
    if cell.kind == "annual":
        return last.base_value
    if cell.kind in ("increment", "cumulative") and period is not None:
        years = (last.year or period[1]) - period[0] + 1
        return tidy(last.base_value / years) if years > 0 else None
    if cell.kind == "stock" and cell.baseline is not None and cell.baseline_year is not None:
        if last.year is None or last.year <= cell.baseline_year:
            return None
        unit = parse_unit(last.unit) if last.unit else None
        base = unit.to_base(cell.baseline) if unit else cell.baseline
        return tidy((last.base_value - base) / (last.year - cell.baseline_year))
    first = cell.milestones[0]
    if (
        cell.kind == "stock"
        and first.base_value is not None
        and first.year is not None
        and last.year is not None
        and last.year > first.year
    ):
        # 4300万 (2018), 4450万 (2019), 4600万平方米 (2020): levels year by year give the
        # yearly rise between them.
        return tidy((last.base_value - first.base_value) / (last.year - first.year))
    return None


def growth(cell: ConceptCell) -> Decimal | None:
    """Average annual growth (a fraction) from the baseline to the last milestone, when both
    are stated and positive."""
    if cell.baseline is None or cell.baseline_year is None or not cell.milestones:
        return None
    last = cell.milestones[-1]
    if last.year is None or last.year <= cell.baseline_year or cell.kind != "stock":
        return None
    if cell.baseline <= 0 or last.value <= 0:
        return None
    years = last.year - cell.baseline_year
    rate = (float(last.value) / float(cell.baseline)) ** (1 / years) - 1
    return Decimal(str(round(rate, 4)))


def verdict_of(reasons: set[str]) -> tuple[str, list[str]]:
    """The verdict and the reasons in words' order, from :func:`judge_pair`'s reasons."""
    hard = {r.rstrip("!") for r in reasons if r.endswith("!")}
    plain = {r.rstrip("!") for r in reasons}
    order = ("dimension", "kind", "threshold", "level", "scope", "horizon", "definition")
    listed = [r for r in order if r in plain]
    if hard or plain & NOT_COMPARABLE_REASONS:
        return "not_comparable", listed
    if plain:
        return "conditional", listed
    return "comparable", []


def judge(cells: Sequence[ConceptCell], ctx: Context) -> tuple[str, list[str]]:
    """The verdict across a row: every pair of its cells judged, the worst verdict kept."""
    reasons: set[str] = set()
    for a, b in itertools.combinations(cells, 2):
        reasons |= judge_pair(a, b, ctx)
    return verdict_of(reasons)


# ------------------------------------------------------------------------------ benchmark


def benchmark_plans(
    plans: Sequence[Plan],
    embedder: Embedder | None = None,
    sector: SectorVocabulary | None = None,
    *,
    targets: Callable[[Plan], list[Target]] = extract_targets,
) -> Benchmark:
    """The targets of ``plans`` side by side, one row per indicator concept.

    ``sector`` (opt-in vocabulary) relates names a reviewer sets side by side although no
    generic evidence does (市场主体 ~ 企业 in some sector); it proposes pairs, it never makes
    two names one definition.
    """
    plans = list(plans)
    per_plan = [plan_cells(p, targets(p)) for p in plans]
    ctx = Context(
        levels={p.id: geographic_level(p) for p in plans},
        periods={p.id: plan_period(p) for p in plans},
        subjects={p.id: plan_subject(p.meta.title, p.meta.region) for p in plans},
    )
    cells = [c for group in per_plan for c in group]
    clusters = _cluster(cells, ctx, embedder, sector)
    rows = [_row(members, ctx, score) for members, score in clusters]
    order = {p.id: i for i, p in enumerate(plans)}
    rows.sort(key=lambda r: (len(r.cells) == 1, min(order[p] for p in r.cells)))
    for row in rows:
        row.cells = dict(sorted(row.cells.items(), key=lambda kv: order[kv[0]]))
        normalise(row, ctx)
    return Benchmark(plans, rows, embedder.id if embedder is not None else "lexical")


def _pair_names(cell: ConceptCell, subject: str, sector: SectorVocabulary | None) -> list[str]:
    # Each name with the plan's subject set aside and as written: a name two plans write alike
    # is alike whatever each plan's title makes of it.
    forms = name_forms(cell.names)
    names = [definition_name(n, [subject], keep_scope=True) for n in forms]
    names += [definition_name(n, [], keep_scope=True) for n in forms]
    if sector is not None:
        names = [sector.standard(n) for n in names]
    return list(dict.fromkeys(names))


def _cluster(
    cells: list[ConceptCell],
    ctx: Context,
    embedder: Embedder | None,
    sector: SectorVocabulary | None,
) -> list[tuple[list[ConceptCell], float]]:
    """Cells grouped into concepts: the most alike pair of cells of two plans first, a group
    never holding two cells of one plan, every pair of a group alike enough."""
    names = [_pair_names(c, ctx.subjects[c.plan], sector) for c in cells]
    flat = list(dict.fromkeys(n for ns in names for n in ns))
    index = {n: i for i, n in enumerate(flat)}
    sim_names = name_similarity(flat, flat, embedder, flat) if flat else np.zeros((0, 0))
    # A name two plans write alike is the same name, however few names the IDF is taken over
    # (with one name in the whole benchmark, every character of it weighs nothing).
    np.fill_diagonal(sim_names, 1.0)
    n = len(cells)
    sim = np.zeros((n, n))
    measures = [measure_of(c.sources[0]) for c in cells]
    by_measure = Counter((c.plan, m) for c, m in zip(cells, measures, strict=True))
    for i, j in itertools.combinations(range(n), 2):
        a, b = cells[i], cells[j]
        if a.plan == b.plan or _nameless(names[i]) or _nameless(names[j]):
            continue  # 率 (完成率 cut short): a measure of nothing named pairs with nothing
        s = max(float(sim_names[index[x], index[y]]) for x in names[i] for y in names[j])
        if measures[i] != measures[j]:
            # 道路交通万车死亡率 as a level in one plan and as a fall in % in the other: one
            # indicator, shown side by side as 不可比 (dimension); other names never pair.
            if s >= SAME_NAME:
                sim[i, j] = sim[j, i] = s
            continue
        if kind_class(a.kind, a.dimension) == kind_class(b.kind, b.dimension):
            s += SAME_KIND_BONUS
        if qualifiers(a) == qualifiers(b):
            s += SAME_SCOPE_BONUS
        if any(x[-HEAD:] == y[-HEAD:] for x in names[i] for y in names[j]):
            s += SAME_HEAD_BONUS  # 省级平台 / 行业平台 over 产业园区 / 行业平台
        alone = by_measure[(a.plan, measures[i])] == by_measure[(b.plan, measures[j])] == 1
        if alone and measures[i] not in COMMON_MEASURES:
            # 年接待游客 / 旅游接待总人次: the one count of visits in each plan.
            s += ONLY_ONES_BONUS
        sim[i, j] = sim[j, i] = s
    group = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    weakest: dict[int, float] = dict.fromkeys(range(n), 1.0)
    candidates = sorted(
        (
            (float(sim[i, j]), i, j)
            for i, j in zip(*np.nonzero(sim >= MIN_SIMILARITY), strict=True)
            if i < j
        ),
        reverse=True,
    )
    for _, i, j in candidates:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        plans_i = {cells[k].plan for k in members[gi]}
        if any(cells[k].plan in plans_i for k in members[gj]):
            continue
        links = [sim[x, y] for x in members[gi] for y in members[gj]]
        if min(links) < MIN_SIMILARITY:
            continue
        for k in members[gj]:
            group[k] = gi
        members[gi] += members.pop(gj)
        weakest[gi] = min(weakest[gi], weakest.pop(gj), float(min(links)))
    return [
        (sorted((cells[k] for k in ks), key=lambda c: cells.index(c)), weakest[g])
        for g, ks in sorted(members.items())
    ]


def _nameless(names: list[str]) -> bool:
    """Whether a cell's names say nothing of what is measured: one character (率)."""
    return all(len(n) <= 1 for n in names)


def _row(cells: list[ConceptCell], ctx: Context, similarity: float) -> ConceptRow:
    verdict, reasons = judge(cells, ctx) if len(cells) > 1 else ("comparable", [])
    first = cells[0]
    return ConceptRow(
        concept=first.indicator,
        dimension=first.dimension,
        verdict=verdict,
        reasons=reasons,
        cells={c.plan: c for c in cells},
        similarity=round(min(similarity, 1.0), 3),
    )


def normalise(row: ConceptRow, ctx: Context) -> None:
    """Put a row's figures on a common footing, from what the plans give and nothing else:
    every milestone in one unit (the first cell's), each cell's yearly amount and implied
    growth, and — where the row allows it — its last value over the reference cell's."""
    cells = list(row.cells.values())
    unit_text = next((m.unit for c in cells for m in c.milestones if m.unit), None)
    unit = parse_unit(unit_text) if unit_text else None
    row.unit = unit_text
    for cell in cells:
        for m in cell.milestones:
            m.common = m.value
            if unit is not None and m.base_value is not None and m.unit != unit_text:
                m.common = tidy(m.base_value / unit.factor) if unit.known else None
        yearly = per_year(cell, ctx.periods.get(cell.plan))
        if yearly is not None and unit is not None and unit.known:
            yearly = tidy(yearly / unit.factor)
        cell.per_year = yearly
        cell.growth = growth(cell)
    if row.verdict == "not_comparable" or len(cells) < 2:
        return
    reference = cells[0].milestones[-1].common if cells[0].milestones else None
    for cell in cells[1:]:
        last = cell.milestones[-1].common if cell.milestones else None
        if reference and last is not None and reference > 0 and last > 0:
            cell.ratio = tidy((last / reference).quantize(Decimal("0.01")))
