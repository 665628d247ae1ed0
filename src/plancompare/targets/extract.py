"""Targets a plan states, read from its sentences and indicator tables with their meaning intact.

For every figure of a sentence (see :mod:`plancompare.targets.figures`) the reader decides:

- whether it is a target at all — not a fact about the present (截至2020年, 目前), not a
  threshold inside a name (年产值10亿元以上企业5家), not a baseline (由30亿元增长到100亿元);
- what it measures — the name before it (规上企业超10家), or the noun after it when the figure
  counts what follows (培育10家领军企业), or for a share the group it is a share of
  (70%的企业实现数字化 → 实现数字化的企业比例); lists (5家X、10家Y) give each figure its noun;
- how it compares (以上, 超过, 左右, 力争), whether it is a change (增长10%, 降低20%, 翻一番), and
  its kind: a level (stock), a yearly figure (每年, 年均), an increment (新增) or a total (累计);
- its year: the sentence's deadline, else the one governing the paragraph or the section
  (到2025年，… above its items), else the end of the plan period.

Every word list comes from :mod:`plancompare.text.lexicon`; units from
:mod:`plancompare.text.units`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from plancompare.errors import PlanError
from plancompare.i18n import Words
from plancompare.model import Paragraph, Plan, Section, SectionKind, Table, Target
from plancompare.plan.roles import is_background_title
from plancompare.targets.figures import Figure, done_within, find_figures
from plancompare.targets.tables import table_targets
from plancompare.text.lexicon import (
    ABOUT,
    ABOUT_BEFORE_VERB,
    ACTIVITY_VERBS,
    ADDING,
    ADJECTIVAL_ENDINGS,
    ADMIN_UNITS,
    AFTER_REN,
    AMOUNT_THRESHOLD,
    ANNUAL,
    AREAS_ONLY,
    AT_LEAST,
    AT_MOST,
    BARE_MEASURES,
    BARE_PREDICATES,
    BASE_PHRASE,
    BASELINE_OPENING,
    BENEFICIARY,
    BING_WORDS,
    BOUNDS_BEFORE_VERB,
    BUILD_VERBS,
    CHANGE_NAMES,
    COMPARISONS,
    COMPLETIONS,
    CONNECTIVES,
    CONSUMPTIONS,
    COUNTED_PER,
    CUMULATIVE,
    DECREASE,
    DEFINITION,
    DEMONSTRATIVES,
    DESCRIBING_VERBS,
    DOUBLING,
    DURATION_LEAD,
    EVENT_VERBS,
    EXACTLY,
    EXTENT_MEASURES,
    EXTENT_VERBS,
    EXTENT_WORDS,
    FACT_MARKERS,
    FALL_ENDINGS,
    FALL_FIRST,
    FIELD_WORDS,
    FIGURE_OPENERS,
    FITTING_VERBS,
    FRAME_ENDS,
    FRAMING,
    FROM_BASELINE,
    FUND_WORDS,
    GENERIC_MEASURES,
    GOAL_NOUNS,
    INCREASE,
    INCREMENT,
    INVOLVED_BODIES,
    ITEM_JOINS,
    JOIN_VERBS,
    KIND_WORD_NAMES,
    LEADING_PARTICLES,
    LEADING_VERBS,
    LEVEL,
    LEVEL_RATES,
    LIGHT_VERBS,
    LIST_ANNOUNCERS,
    LIST_JOINS,
    MEASURE_ENDINGS,
    MEASURE_GOAL,
    MEASURE_PARTS,
    MILESTONE_WORDS,
    MONEY_BASE,
    MONEY_MEASURES,
    MONEY_PURPOSE,
    NEW_OR_ADJUSTED,
    NEW_SUBJECT,
    NOT_ADJECTIVAL,
    NOT_BOUNDS,
    NOT_CONNECTIVES,
    NOTE_WORDS,
    OBJECT_VERBS,
    ON_EARLIER_FIGURE,
    ORDINAL,
    PAGE_FURNITURE,
    PAGE_STATS,
    PART_VERBS,
    PARTNER_PREPOSITIONS,
    PARTS_ABOUT,
    PAST_OPENERS,
    PEOPLE_COUNTS,
    PEOPLES,
    PER_UNIT_BASES,
    PERFECTIVE,
    PLACE,
    PLAN_PARTS,
    PLAN_TURNS,
    PLAN_VERBS,
    POWER_MEASURES,
    PREDICATE_ADVERBS,
    PREDICATE_OPENERS,
    PREDICATE_VERBS,
    PREPOSITIONS,
    PRESENT_BASIS,
    PROJECT_HEADS,
    PROJECT_LISTS,
    QUALITATIVE,
    RANK_NAMES,
    RATE_ENDINGS,
    RATE_WORDS,
    REGION_ENDINGS,
    REGION_PART,
    RELATED_LINKS,
    REPORT_MARKERS,
    RESPONSIBILITY_LABELS,
    SCOPE_LEAD,
    SCOPE_ONLY,
    SCOPE_WORDS,
    SERVICE_VERBS,
    SETTLEMENT_LEAD,
    SHARE_NAMES,
    SOWING_WORDS,
    STAGE_VERBS,
    STRIVE,
    TARGET_VERBS,
    TASK_WORDS,
    TIME_PHRASES,
    TIMED_VERBS,
    TRAILING_WORDS,
    VAGUE,
    VERB_NOUN_HEADS,
    WORD_ORDERS,
    WORKS_VERBS,
    YearMention,
    read_look_alikes,
    year_mentions,
)
from plancompare.text.sentences import (
    quoted_spans,
    split_clauses,
    split_sentences,
    with_space_breaks,
    without_markup,
)
from plancompare.text.units import parse_unit, tidy

#: Stands in for the words of a year, so years never become numbers or parts of a name.
_MASK = "\x00"
_PUNCT = " \t\u3000\xa0，,；;：:、。.！？!?"
_FLIP = {">=": "<=", "<=": ">="}
#: Comparator words before a figure, longest first, with (comparator, sign of a change).
_BEFORE: list[tuple[str, str | None, int]] = sorted(
    [
        *((w, ">=", 0) for w in AT_LEAST),
        *((w, "<=", 0) for w in AT_MOST),
        *((w, "~", 0) for w in ABOUT),
        *((w, "=", 0) for w in EXACTLY),
        *((w, None, 1) for w in INCREASE),
        *((w, None, -1) for w in DECREASE),
    ],
    key=lambda x: len(x[0]),
    reverse=True,
)
_KIND_WORDS: list[tuple[str, str]] = sorted(
    [
        *((w, "annual") for w in ANNUAL),
        *((w, "increment") for w in INCREMENT),
        *((w, "cumulative") for w in CUMULATIVE),
    ],
    key=lambda x: len(x[0]),
    reverse=True,
)
#: Where kinds meet in one phrase (每年新增), the yearly reading wins, then the total.
_KIND_RANK = {"annual": 3, "cumulative": 2, "increment": 1}
_WILL = re.compile(r"将(?=[\u4e00-\u9fff])")
#: A plan's category of indicators before the first of them: 安全生产类包括…, 约束性指标有….
_CATEGORY_LEAD = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:类|类指标|性指标)(?:主要)?(?:包括|有)[:：]?")
#: A modifier before 的 that sets a threshold or a level stays in the name
#: (年产值过亿元的供应商); a descriptive one does not (有影响力的领军企业).
_THRESHOLD = re.compile(r"[0-9０-９]|[十百千万亿]元|以上|以下|级")
#: Words that name only a level or a scope: such a name belongs to the indicator before it
#: (其中国家级10家 → 国家级 + the name of the previous target).
_LEVEL_ONLY = re.compile(rf"^{LEVEL}$|^(?:{'|'.join(SCOPE_ONLY)})$")
#: A level word that opens a name (省级依申请政务服务事项…): another level replaces it.
_LEVEL_LEAD = re.compile(rf"^{LEVEL}")
#: A scope word and a bare head (规模以上企业, 规上企业): the head is what was named before.
_SCOPED_HEAD = re.compile(rf"^({'|'.join(SCOPE_ONLY)})(企业|项目|工业企业)$")
_STRIVE = re.compile("|".join(STRIVE))
#: Where a clause ends: 力争 after a subject governs its clause only.
_CLAUSE_END = re.compile(r"[，,；;。]")


def _strives(text: str, pos: int) -> bool:
    """Whether a figure at ``pos`` of a sentence is striven for: 力争 opening the sentence or a
    clause with nothing but a time or a scope before it (力争到2025年，…; 到2025年，全省力争…)
    governs what follows; 力争 after a subject (A力争达到2.9:1，B2300元) governs its clause only."""
    for m in _STRIVE.finditer(text, 0, pos):
        if not _CLAUSE_END.search(text, m.end(), pos):
            return True
        if _opens_clause(text, m.start()) and text.startswith(_STRIVE_OVER, m.end()):
            return True
    # 力争接待游客5100万人次，比去年增长10%: a clause of only a change after a comma is the rise
    # of the figure before it, striven for as that figure is.
    if _RISE_CLAUSE.match(text, _clause_start(text, pos), pos):
        return _strives_before(text, pos)
    return False


#: A clause that only states a change (比去年增长10%, 同比增长7%, 年均增长8%).
_RISE_CLAUSE = re.compile(
    r"\s*(?:比[^，,；;。]{0,6}|同比|较[^，,；;。]{0,6}|年均)?(?:增长|提高|增加)"
)


#: What follows 力争 when it governs a whole sentence (力争到2025年，…; 力争用三年时间，…), not
#: only the object of its own clause (要争取立项70项，争取经费2.5亿元；全社会研发投入40亿元).
_STRIVE_OVER = ("到", "在", "于", "用", "通过", "，", ",", "经过")


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last comma, semicolon or full stop."""
    return max((m.end() for m in _CLAUSE_END.finditer(text, 0, pos)), default=0)


def _strives_before(text: str, pos: int) -> bool:
    """Whether the clause before a comma that opens the clause at ``pos`` is striven for."""
    start = _clause_start(text, pos)
    return bool(start) and text[start - 1] in "，," and _strives(text, start - 1)


def _opens_clause(text: str, at: int) -> bool:
    """Whether only a time, a scope or connectives stand between a clause's start and ``at``."""
    start = _clause_start(text, at)
    return not _clean_name(text[start:at], ())


def _strip_words(
    text: str, lexicon: tuple[str, ...], unless: re.Pattern[str] | None = None
) -> tuple[str, list[str]]:
    """``text`` without the lexicon's words at its start (repeatedly), and the words taken off;
    not a word that ``unless`` matches with what follows it."""
    removed = []
    while text:
        word = next((w for w in lexicon if text.startswith(w)), None)
        if word is None or text.startswith(NOT_CONNECTIVES):
            break  # 再生资源, 持续性: a connective's characters opening a word of the name
        if unless is not None and unless.match(text[: len(word) + 1]):
            break
        text = text[len(word) :].lstrip(_PUNCT)
        removed.append(word)
    return text, removed


def _visible(text: str) -> str:
    return text.replace(_MASK, "")


# ------------------------------------------------------------------------------- period


_TITLE_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-－—–~～至到]+\s*((?:19|20)\d{2})")
_TITLE_YEAR = re.compile(
    r"((?:19|20)\d{2})\s*年?度?\s*(?:行动|工作|实施|年度|政府工作|国民经济"
    # 2026年民生实事, 2025年10件惠民实事: the year's list of projects.
    r"|(?:[0-9一二三四五六七八九十]+\s*[件项])?(?:重点|重要)?(?:民生|惠民|为民)?实事)"
    r"|[（(]((?:19|20)\d{2})\s*年度?[）)]"  # 某县就业工作计划（2024年）: a plan of one year
    # 某市2026年文化旅游工作要点: the year's work, whatever it is about.
    r"|((?:19|20)\d{2})\s*年度?[\u4e00-\u9fff、]{1,16}?工作(?:要点|计划|安排|方案|任务)"
)
_TEXT_PERIOD = re.compile(
    r"(?:规划|实施|计划|方案|行动)(?:期|期限|时限|周期)(?:为|是|：|:)?\s*"
    r"((?:19|20)\d{2})\s*年?\s*[-－—–~～至到]+\s*((?:19|20)\d{2})"
)


def plan_period(plan: Plan) -> tuple[int, int] | None:
    """The plan period: from the metadata, else from the title (（2021-2023年）, 2021行动方案),
    else as the text states it (实施期为2013-2025年); None when nothing says it."""
    if plan.meta.period_years is not None:
        return plan.meta.period_years
    title = plan.meta.title or ""
    if m := _TITLE_PERIOD.search(title):
        return int(m.group(1)), int(m.group(2))
    if m := _TITLE_YEAR.search(title):
        year = int(next(g for g in m.groups() if g))
        return year, year
    for section in plan.walk():
        for text in (section.heading, *section.paragraphs):
            if m := _TEXT_PERIOD.search(text):
                return int(m.group(1)), int(m.group(2))
    return None


def _region_words(region: str | None) -> tuple[str, ...]:
    """山东省 → (山东省, 山东): the plan's own region as it opens names, a scope word."""
    if not region:
        return ()
    region = re.sub(r"[（(][^）)]*[）)]$", "", region).strip()  # 开县(重庆市) → 开县
    words: list[str] = []
    # 漳州市芗城区: the plan speaks of 芗城区 (or 芗城) as well as of the whole name.
    units = re.findall(rf"[\u4e00-\u9fff]{{2,}}?{_LEVEL_SUFFIX}", region)
    for name in dict.fromkeys([region, *units[-1:]]):
        short = re.sub(f"{_LEVEL_SUFFIX}$", "", name)
        # 宁夏回族自治区 → 宁夏, 延边朝鲜族自治州 → 延边: the peoples' names go with 自治.
        while (people := _PEOPLES.search(short)) is not None and people.start() >= 2:
            short = short[: people.start()]
        words += [name, short] if len(short) >= 2 and short != name else [name]
        if name.endswith(("自治州", "自治县", "自治旗")) and len(short) >= 2:
            words.append(short + name[-1])  # 甘孜藏族自治州 → 甘孜州, as its plans write it
        if name.endswith("自治州") and len(short) >= 4:
            words.append(short[0] + "州")  # 巴音郭楞蒙古自治州 → 巴州, as its news reports write it
        if name.endswith("市") and len(short) >= 3:
            words.append(short[0] + "市")  # 哈尔滨市 → 哈市, as its news reports write it
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


#: The word that ends a region's name with its level.
_LEVEL_SUFFIX = r"(?:自治州|自治区|自治县|自治旗|特别行政区|省|市|县|州|区|盟|旗)"
#: A region's short name with another level after it: 吉林 of 吉林省 does not open 吉林市 (the
#: city, another place), nor 海南 of 海南省 海南州.
_OTHER_UNIT = re.compile(r".*[^省市县州区盟旗][市县州区盟旗]$")
#: The name of a people before 自治区/州/县 (回族, 朝鲜族, 维吾尔): written with more than one
#: character when the lexicon says so, else one.
_PEOPLES = re.compile(rf"(?:{'|'.join(PEOPLES)})族?$|[\u4e00-\u9fff]族$")


# ----------------------------------------------------------------------------- context


@dataclass(slots=True)
class _Context:
    """What governs the sentences of a passage."""

    section: str
    period: tuple[int, int] | None
    region: tuple[str, ...]
    year: int | None = None
    year_source: str | None = None
    background: bool = False
    #: What is read speaks of a year before the plan: the paragraph opened with one, or a
    #: sentence before this one in the paragraph stated one (2012年…增长13%；…).
    past_clause: bool = False
    past_end: bool = False
    """The section's last paragraph ended telling what was done (2021年，…完成…)."""
    preamble: bool = False
    #: The plan has headings: text before the first is a preamble (else it is the whole plan).
    headed: bool = True
    #: A label line (■ 2024年成绩单) named a year before the plan: the lines after it tell what
    #: was done, up to the next label line.
    past_label: bool = False
    #: A label line without a year or figure (生物医药和大健康) heads the lines after it: their
    #: bare measures (主营业务收入) are its; and the last name read in the section, for a line
    #: that names nothing (2020年达到3800亿元左右).
    label: str | None = None
    last_name: str | None = None
    strive: bool = False
    """力争 opened the sentence this ；-clause belongs to: its bare figures are floors."""
    page_end: bool = False
    """A web page's list of related links began (相关新闻): what follows is other pages'."""
    body: int = 0
    """How many characters of running text (sentences) the passage has read so far."""
    subject: str | None = None
    #: The names of the paragraph's targets so far, the latest last.
    names: list[str] = field(default_factory=list)
    """The last measure the passage named (社会消费品零售总额), for names that only say 总量."""
    #: The subjects of the paragraph's last 分别 list (A、B和C分别达到…；2020年分别达到…).
    listed: list[str] = field(default_factory=list)
    #: The last target read in the section before this sentence: the measure a place alone
    #: takes when its sentence names none (城市污水处理率达到95%。…县城不低于85%).
    last: Target | None = None


@dataclass(slots=True)
class _Sentence:
    """One sentence being read: as written, with its years masked, and its targets so far."""

    original: str
    masked: str
    years: list[YearMention]
    quoted: list[tuple[int, int]]
    ctx: _Context
    targets: list[Target] = field(default_factory=list)
    reports: bool = field(init=False)
    """超额完成 stands in the sentence: it reports what was done (save the tasks it quotes)."""
    opening: int | None = field(init=False)
    """Where a report's opening clause (截至目前，, 去年，) ends; None without one, or in a
    progress report against the year's targets (…完成全年目标任务1200人的114%), which is read
    figure by figure."""
    parts_from: int | None = field(init=False)
    """Where the opening clause naming the whole its figures are parts of ends
    (新开工保障性住房中，), and the whole's kind; None without one."""
    parts_kind: str | None = field(init=False)

    def __post_init__(self) -> None:
        self.reports = any(w in self.masked for w in REPORT_MARKERS)
        # 今年我市就业工作继续走在全省前列，1至10月，全市城镇新增就业15万人: the report's
        # period may stand as a clause of its own after a first clause, too.
        opened = _FACT_OPENING.match(self.masked) or _PAST_CLAUSE.search(self.masked)
        # …完成全年目标任务1200人的114%: a progress report quoting the year's task figures.
        tasks = _TASK_FIGURE.search(self.masked) is not None
        self.opening = opened.end() if opened is not None and not tasks else None
        whole = _OF_THE_WHOLE.match(self.masked)
        self.parts_from = whole.end() if whole is not None else None
        self.parts_kind = _kind_of(_visible(whole.group(1))) if whole is not None else None

    def year_at(self, pos: int) -> tuple[int | None, str | None]:
        """The deadline for a figure at ``pos``: the nearest before it in the sentence, else
        the passage's, else the end of the plan period."""
        deadlines = [y for y in self.years if not y.baseline and y.start < pos]
        if deadlines and deadlines[-1].year is not None:
            return deadlines[-1].year, "text"
        if self.ctx.year is not None:
            return self.ctx.year, self.ctx.year_source
        if self.ctx.period is not None:
            return self.ctx.period[1], "period"
        return None, None

    def baseline_year(self, lo: int, pos: int) -> int | None:
        """The baseline year (较2025年) stated between ``lo`` and ``pos``, if any."""
        bases = [y for y in self.years if y.baseline and lo <= y.start < pos]
        return bases[-1].year if bases else None

    def quotes_task(self, pos: int) -> bool:
        """Whether the figure at ``pos`` stands in quotes, as the tasks a report quotes do
        (截止目前，“新增30个…；新建1家…”这几项任务已经超额完成), the quotes maybe opened or
        closed in another sentence."""
        opened = self.masked.count("“", 0, pos) - self.masked.count("”", 0, pos)
        closed = self.masked.count("”", pos) - self.masked.count("“", pos)
        return opened > 0 or closed > 0

    def is_fact(self, clause_start: int, pos: int) -> bool:
        """Whether the figure at ``pos`` states the present or the past (截至2020年, 目前, a year
        before the plan period), not a target."""
        before = self.masked[clause_start:pos].replace("日历年", "")  # a calendar year, not 历年
        if _NOW_AS_BASE.search(before):
            return True  # 较目前的76.34岁(继续增长，达到79岁): the present figure, the base
        before = _told(before)
        if any(w in before for w in FACT_MARKERS) or PERFECTIVE.search(before):
            return True
        if _MONTHS_SO_FAR.search(before) and not any(w in before for w in PLAN_VERBS):
            return True  # 今年1—4月全国网上商品零售额同比增长40.3%: the year so far
        if self.part_of_year_so_far(pos):
            return True
        if self.parts_of_fact(pos):
            return True
        if self.reports and not self.quotes_task(pos):
            return True  # 完成518户适老化改造，超额完成年度任务: what was done
        if _SHARE_OF_TASK.search(before):
            return True  # 开工建设1005套，占目标任务的80.40%: progress against a task
        if self.in_report(pos):
            return True
        stated = [y for y in self.years if y.start < pos]
        if (
            stated
            and stated[-1].baseline
            and not any(not y.baseline for y in self.years if y.start < pos)
        ):
            # 截至2020年底，全省已… (a baseline mention with no deadline before the figure);
            # 较“十一五”末增长9.2% in a plan from 2016: one past period against the one before.
            base, period = stated[-1].year, self.ctx.period
            long_ago = base is not None and period is not None and base < period[0] - _PLAN_YEARS
            cut_off = self.original[stated[-1].start : stated[-1].start + 2] in ("截至", "截止")
            return cut_off or long_ago
        if self.goes_on_past(pos):
            return True
        return self.past_deadline(pos)

    def part_of_year_so_far(self, pos: int) -> bool:
        """Whether the sentence reports on a part of the year gone by (上半年全市共接待游客…，
        同比增长…; 前三季度…达到…) before the figure at ``pos``, with no word of what is planned:
        力争上半年…, 确保一季度达到50%、上半年达到80% and 到2026年上半年 set a deadline."""
        before = self.masked[:pos]
        if "上半年" not in before and "季度" not in before:
            return False  # (the quick look: every part of the year is written with one of these)
        part = _PART_OF_YEAR.search(before)
        if part is None or _TOLD_RESULT.search(before, part.end()) is None:
            return False  # 一季度开工重点项目57个: the quarter may be a deadline
        lead = _CLAUSE_MARK.split(before[: part.start()])[-1].strip()
        if (
            len(lead) > 8
            or lead.endswith(_MEASURE_ENDS_ALONE)
            or any(
                not y.baseline and self.original[y.start : y.end].startswith(("到", "至"))
                for y in self.years
                if y.start < pos
            )
        ):
            # 开工率一季度达到40%以上、上半年达到75%, 到2027年上半年: milestones on the way. A
            # report names its time first, or after who it tells of (肃北县上半年…达16.91亿千瓦时).
            return False
        return not any(w in before for w in (*PLAN_VERBS, *PLAN_TURNS) if w != "今年")

    def parts_of_fact(self, pos: int) -> bool:
        """Whether the figure at ``pos`` is a part of a fact broken down after 其中 (现有普通中小学
        799所,其中高中26所,初中108所): the parts exist as the whole does, up to a deadline or a
        turn to what is planned."""
        breakdown = self.masked.rfind("其中", 0, pos)
        if breakdown <= 0:
            return False
        lead = self.masked[:breakdown].rsplit("；", 1)[-1].rsplit(";", 1)[-1]
        # 任务已经明确: a task set, not a fact.
        told = _told(lead)
        markers = [w for w in FACT_MARKERS if w in told]
        if not markers or any(w in lead for w in GOAL_NOUNS):
            return False
        since = breakdown - len(lead) + max(lead.rfind(w) for w in markers)
        turns = any(w in self.masked[since:pos] for w in (*PLAN_VERBS, *PLAN_TURNS))
        deadline = any(not y.baseline and since <= y.start < pos for y in self.years)
        return not turns and not deadline

    def goes_on_past(self, pos: int) -> bool:
        """Whether the sentence goes on about a past year or period told before it (2012年…比
        上年增长13%；A和B分别达到…; 过去20年，…。森林覆盖率由13.92%增加到20.36%), stating no
        year of its own before ``pos`` and not turning to what is planned (…。确保全年完成…)."""
        stated = any(y.start < pos for y in self.years)
        plans = any(w in self.masked[:pos] for w in PLAN_TURNS)
        return self.ctx.past_clause and not stated and not plans

    def in_report(self, pos: int) -> bool:
        """Whether the figure at ``pos`` stands after a report's opening (截至目前，, 过去15年，,
        …，1至10月，) with no deadline between: 截至目前，全州完成…、占全年计划任务的76.2%
        reports, unless the sentence goes on to what is planned (截至目前，我市计划新建…) or
        quotes the tasks it reports on (截止目前，“新增30个…”这几项任务已经超额完成)."""
        opening = self.opening
        if opening is None or pos < opening:
            return False
        # 今年我市…，1至10月，…: a year before the report's opening clause is not a deadline.
        if any(not y.baseline for y in self.years if opening <= y.start < pos):
            return False
        rest = self.masked[opening:pos]
        return not self.quotes_task(pos) and not any(w in rest for w in PLAN_VERBS)

    def past_deadline(self, pos: int) -> bool:
        """Whether the year the figure at ``pos`` is stated for lies before the plan period:
        written without 到 (2012年全区完成…), or with 到 after a year before it (从2008年的533.7
        亿元增加到2012年的1628亿元 in a plan from 2013: a change between two past years)."""
        stated = [y for y in self.years if y.start < pos]
        deadlines = [y for y in stated if not y.baseline and y.year is not None]
        period = self.ctx.period
        if not deadlines or period is None:
            return False
        last = deadlines[-1]
        if self.past_span(last, period[0]):
            return True
        if last.year is None or last.year >= period[0]:
            return False
        since = any(y.baseline and y.year is not None and y.start < last.start for y in stated)
        return since or not self.original[last.start : last.end].startswith("到")

    def past_span(self, last: YearMention, start: int) -> bool:
        """Whether ``last`` ends a span of years that opened before the plan period (2003年—
        2006年，国家共安排… in a plan from 2006): what was done over those years, not a deadline."""
        before = [y for y in self.years if y.end <= last.start]
        first = before[-1] if before else None
        if first is None or first.year is None or first.year >= start or first.baseline:
            return False
        joint = self.original[first.end : last.start].strip()
        opened = self.original[first.start : first.end].startswith(("到", "至"))
        return joint in _SPAN_JOINTS and not opened


def _told(text: str) -> str:
    """``text`` without what a change is measured from (比上年增加5%, 较目前再增加3岁) or built on
    (在现有基础上提高2个百分点): the past or present there is a base, not what is told."""
    return PRESENT_BASIS.sub("", _ON_EARLIER_ANYWHERE.sub("", text))


#: A newspaper's dateline (合肥日报讯 ), and where its reporter learned what follows
#: (记者从水利部了解到).
_DATELINE = r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,12}讯"  # 贵阳网·甲秀新闻讯
#: A news agency's dateline, its day in full (中新网北京1月26日电): nothing else reads so.
_DATED_WIRE = r"[\u4e00-\u9fff]{2,12}[0-9０-９]{1,2}月[0-9０-９]{1,2}日电"
_SOURCE = r"(?:记者)?(?:从|在)[^，,。；;]{0,16}(?:了解到|获悉|得知)"
#: Who tells, opening a report (据市商务委负责人介绍，, 合肥日报讯 记者从水利部了解到，).
_TOLD = rf"^\s*(?:{_DATELINE}\s*)?(?:据[^，,。；;]{{0,12}}(?:介绍|了解|统计)[，,]|{_SOURCE}[，,])?"
#: A task word before the task's figure (全年目标任务1200人).
_TASK_FIGURE = re.compile(rf"(?:{'|'.join(TASK_WORDS)})[^，,；;。0-9的]{{0,4}}[0-9０-９]")
#: A share of a task or plan (占目标任务的, 占年度计划的, 占任务数的): how far the work has got.
_SHARE_OF_TASK = re.compile(r"占[^，,；;。0-9]{0,6}(?:任务|计划)(?:数|量)?的\s*$")
#: The months of a year so far (1-10月, 1—4月份): a figure for them reports progress.
_MONTHS = r"[1１一](?:-|—|－|~|～|至)[0-9０-９一二三四五六七八九十]{1,2}月"
_MONTHS_SO_FAR = re.compile(_MONTHS)
#: A part of the year as the time of what a sentence tells (上半年, 今年前三季度, 2027年一季度),
#: not as a deadline (到…上半年, 于上半年, 上半年末): a report of the year so far.
_PART_OF_YEAR = re.compile(
    rf"(?<![到至于在前{_MASK}])(?:今年|{_MASK}+)?(?:上半年|前三季度|前两个?季度|第?一季度)(?![末底前内])"
)
#: The marks that end a clause, or a label (上半年，, 据介绍：).
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
#: How a report tells a result after its time (共接待, 达, 累计, 同比增长): not a deadline's verb.
_TOLD_RESULT = re.compile(r"共|累计|达|突破|超|同比")
#: The past a report opens with: 去年, 过去五年, 1-10月, 前三季度, (今年)上半年 as a clause.
_PAST_TIME = (
    # 今年 may stand masked as a year of the plan (two mask characters, no more).
    rf"(?:{'|'.join(PAST_OPENERS)}|{_MONTHS}份?|(?:今年|(?<!\x00)\x00\x00(?!\x00))?(?:前三季度|上半年|第?一季度)"
    # 过去20年, 近十年来, 五年来: years gone by, counted (近三年 alone may be the years to come).
    r"|过去的?[0-9一二三四五六七八九十几多]{1,3}年(?:来|间|里|中)?"
    r"|近?[0-9一二三四五六七八九十几多]{1,3}年来)"
)
#: A sentence that opens with the past as its own clause (去年，广州实现…): the sentences after
#: it go on about it.
_PAST_OPENING = re.compile(rf"{_TOLD}{_PAST_TIME}[，,]")
#: … or with the present (截至目前，, 目前，): the sentence reports.
_FACT_OPENING = re.compile(
    # 截至目前, 截至3月12日, 截至今年6月底: a day as well as a year; 至目前, 至今.
    rf"{_TOLD}(?:(?:截至|截止)(?:到)?[^，,；;。]{{0,10}}|(?:至|到)?目前|至今|{_PAST_TIME})[，,]"
)
#: The past as a clause of its own later in a sentence (…，1至10月，全市…).
#: … or right after who speaks (兰志明说,去年西藏青稞总产69万吨): what the speaker tells of it.
_PAST_CLAUSE = re.compile(
    rf"[，,；;]{_PAST_TIME}[，,]|(?:说|称|介绍|表示|指出)[，,：:]\s*{_PAST_TIME}(?![同底末])"
)
#: What joins the two years of a span (2003年—2006年, 2011年至2015年).
_SPAN_JOINTS = ("—", "–", "-", "－", "~", "～", "至", "到", "——")
#: The years of a five-year plan: a baseline more than these before the plan's start compares
#: two past periods.
_PLAN_YEARS = 5


# ---------------------------------------------------------------------------- the plan


def extract_targets(plan: Plan) -> list[Target]:
    """Every target of a plan, from its sentences and its indicator tables, in document order."""
    ctx = _Context("", plan_period(plan), _region_words(plan.meta.region))
    found: list[Target] = []
    # Text before the first heading sets out the background; a plan with no heading at all
    # (a news report of its targets) says everything there, and is read as a body.
    ctx.headed = any(s.kind is not SectionKind.PREAMBLE for s in plan.sections)
    for section in plan.sections:
        _visit(section, ctx, found)
    return _once(found)


def _once(found: list[Target]) -> list[Target]:
    """The targets without repeats of one statement in one section: a page that prints a
    sentence again (a site's 导读, a title sentence inserted between paragraphs) states it once."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for t in found:
        key = (t.section, t.quote, t.wording, t.indicator, t.value, t.value_max, t.unit, t.year)
        if key not in seen:
            seen.add(key)
            kept.append(t)
    return kept


def _aims_referred_to(text: str, y: YearMention) -> bool:
    """Whether the year names aims referred to (对标2035年远景目标, 围绕2030年目标): no deadline
    of what follows, as 2035年远景目标：… and 到2035年 are."""
    return text.startswith(_AIMS, y.end) and text[: y.start].endswith(_REFERRING_VERBS)


#: What a year names when it names the aims of that year (2035年远景目标).
_AIMS = ("远景目标", "目标")
#: Verbs that refer to aims set elsewhere (对标2035年远景目标).
_REFERRING_VERBS = ("对标", "对照", "瞄准", "围绕", "锚定", "面向", "按照")


def _opening_deadline(text: str, period: tuple[int, int] | None) -> int | None:
    """The deadline a text opens with (到2030年，…, 力争到2025年), governing what follows."""
    mentions = [y for y in year_mentions(text[:20], period) if not _aims_referred_to(text, y)]
    if mentions and not mentions[0].baseline and mentions[0].start <= 4:
        return mentions[0].year
    return None


def _visit(section: Section, parent: _Context, found: list[Target]) -> None:
    ctx = _Context(
        section.id,
        parent.period,
        parent.region,
        parent.year,
        parent.year_source,
        parent.background or is_background_title(section.title),
        section.kind is SectionKind.PREAMBLE and parent.headed,
    )
    heading_year = _opening_deadline(section.title, ctx.period)
    if _past_heading(section.title, heading_year, ctx.period):
        # 一、2021年1-11月工业经济指标完成情况 in a plan for 2022: what was done, not what is
        # planned; its figures are facts, as a label line's are (■ 2024年成绩单).
        ctx.background = True
    elif heading_year is not None:
        ctx.year, ctx.year_source = heading_year, "section"
    if (_run_in(section) or _task_heading(section)) and not _only_notes(section):
        # 3.建设3个劳动密集型产业园。推动…: an item whose first sentence was taken as its
        # heading; that sentence states a target as the ones after it do.
        _read_paragraph(section.title, ctx, found)
    for block in section.content:
        if isinstance(block, Section):
            _visit(block, ctx, found)
        elif isinstance(block, Table) and _task_table(block):
            # A task breakdown (任务分解表: task, office, deadline): its targets are in the
            # sentences of its cells, not in its columns.
            for row in [block.header, *block.rows]:
                for cell in row:
                    if _SENTENCE_CELL.search(cell):
                        _read_paragraph(cell, ctx, found)
        elif isinstance(block, Table):
            if not ctx.background:
                found.extend(table_targets(block, section.id, ctx.period))
        elif isinstance(block, Paragraph):
            _read_paragraph(block.text, ctx, found)
    if (
        _only_notes(section)
        and section.kind is not SectionKind.PREAMBLE
        and not _ITEM_COUNT.search(section.title)
    ):
        # 2、全市常住人口千人床位数达到4.3张 with nothing under it: an item of a list read as a
        # heading; its title is all it says (提升环境品质方面(3项) counts the items it heads).
        _read_paragraph(section.title, ctx, found)


def _past_heading(title: str, opening: int | None, period: tuple[int, int] | None) -> bool:
    """Whether a heading opens with a year before the plan's period and names none of it
    (2021年工作回顾 in a plan for 2022; not 2021年成效和2022年目标)."""
    if opening is None or period is None or opening >= period[0]:
        return False
    return all(m.year is None or m.year < period[0] for m in year_mentions(title, period))


def _run_in(section: Section) -> bool:
    """Whether a numbered item's heading is a whole sentence of it with a figure (3.建设3个
    劳动密集型产业园。推动…), not a title (（一）加快培育产业集群。)."""
    sentence = section.heading.rstrip().endswith(("。", "；", ";"))
    return sentence and section.number is not None and bool(find_figures(section.title))


def _task_heading(section: Section) -> bool:
    """Whether a numbered heading is a task with its figure (（二）新增养老床位250张 over a
    report of what was done, in a list of 实事): a verb of doing, then a count in digits."""
    title = section.title.strip()
    if section.number is None or len(title) > _TASK_HEADING_MAX:
        return False
    return title.startswith(LEADING_VERBS) and bool(_DIGIT_FIGURE.search(title))


#: The longest a heading that states a task runs.
_TASK_HEADING_MAX = 40
#: A figure in digits (a heading's 三大 or “十四五” names, 250张 counts).
_DIGIT_FIGURE = re.compile(r"[0-9０-９]")


def _task_table(table: Table) -> bool:
    """Whether a table holds sentences (a task breakdown) rather than an indicator's name and
    figures in its cells: most of its rows have a cell that is a sentence."""
    rows = [table.header, *table.rows]
    told = sum(1 for row in rows if any(_SENTENCE_CELL.search(c) for c in row))
    return told * 2 > len(rows)


#: A table cell that is a sentence: long, with the punctuation of one.
_SENTENCE_CELL = re.compile(r"^(?=.{12,}).*[，。；,;].*|^.{8,}[。；;]$")


def _only_notes(section: Section) -> bool:
    """Whether a section says nothing under its heading but notes in brackets (1. 生产总值增长6%
    左右。(市发展改革委负责)): its heading is then all it says."""
    return all(
        isinstance(b, Paragraph)
        and all(_NOTE_LINE.fullmatch(line.strip()) for line in b.text.split("\n") if line.strip())
        for b in section.content
    )


#: A paragraph that is only a note: in brackets (市发展改革委负责), or a line saying who is
#: responsible (牵头责任单位：省商务厅。).
_NOTE_LINE = re.compile(
    rf"[（(][^（）()]*[）)][。.]?|(?:{'|'.join(RESPONSIBILITY_LABELS)})\s*[:：].*"
)
#: A heading's count of its own items, in brackets at its end: 提升环境品质方面(3项).
_ITEM_COUNT = re.compile(r"[（(]\s*[0-9０-９一二三四五六七八九十]+\s*[项条个件类]\s*[）)]\s*$")


#: The longest line a page's count of readers is read off as furniture (see PAGE_STATS).
_STATS_LINE = 80


#: Running text (a sentence) a page shows before its article ends: menus and a search box have none.
_PAGE_BODY = 10


def _read_paragraph(text: str, ctx: _Context, found: list[Target]) -> None:
    """The targets of one paragraph; a paragraph that opens with a deadline (到2025年，…)
    governs the paragraphs and items after it in its section, as does one that ends by
    introducing a list (具体目标：)."""
    if RELATED_LINKS.fullmatch(text.strip()) and ctx.body >= _PAGE_BODY:
        # 相关新闻, then other pages' headlines (相关文章 in the page's menu, above the article,
        # ends nothing).
        ctx.page_end = True
    stats = len(text) <= _STATS_LINE and PAGE_STATS.search(text) is not None
    if ctx.page_end or stats or PAGE_FURNITURE.match(text):
        return  # 首页 » 新闻 » 详情, Copyright …, 浏览量:904次: the page's, not the plan's
    if "。" in text:
        ctx.body += len(text)
    own = _opening_deadline(text, ctx.period)
    past = own is not None and ctx.period is not None and own < ctx.period[0]
    if own is not None and not past:
        ctx.year, ctx.year_source = own, "paragraph"
    if _label(text) and own is not None:
        # ■ 2024年成绩单 … ■ 2025年主要预期目标: a label line that names a year heads the lines
        # after it, as a heading would — what was done, then what is planned.
        ctx.past_label = past
        return
    if _label(text) and not find_figures(text) and len(name := _clean_name(text, ctx.region)) >= 2:
        ctx.label, ctx.last_name = name, None  # 生物医药和大健康, then its lines
        return
    # 2021年，…完成…。同时，…超额完成目标任务: a paragraph that goes on (同时, 此外) goes on about
    # the past the one before it ended in.
    past = past or ctx.past_label or (ctx.past_end and _GOES_ON.match(text) is not None)
    running = _Context(
        ctx.section, ctx.period, ctx.region, ctx.year, ctx.year_source, preamble=ctx.preamble
    )
    # 2020年，森林覆盖率达到23.04%…: a paragraph that opens with a year before the plan tells
    # what was done, up to a sentence that states a deadline of the plan; it governs nothing
    # after it (2024年…预计增长4.7%, then the targets for 2025).
    running.past_clause = past
    running.last = found[-1] if found and found[-1].section == ctx.section else None
    facts = False
    # A page's markup (<p style="margin: 0px; …">) is split as spaces: its ; ends no sentence.
    for sentence in split_sentences(without_markup(text)):
        if sentence.note:
            continue
        targets, last = _read_sentence(text[sentence.start : sentence.end], running)
        running.last = targets[-1] if targets and not ctx.background else running.last
        _name_from_label(targets, ctx)
        # 0人 - under a page's reaction buttons: a figure that names nothing is no target.
        targets = [t for t in targets if _NAMED.search(t.indicator)]
        if not ctx.background:
            found.extend(targets)
        if last is not None:
            running.year, running.year_source = last, "paragraph"
        named = [t.indicator for t in targets if t.indicator not in GENERIC_MEASURES]
        if named:
            running.subject = named[-1]
            running.names.extend(named)
        # The ；-clauses of one sentence share its 力争 (力争…超5家；其中…5家).
        ends_sentence = not sentence.text.rstrip().endswith(("；", ";"))
        running.strive = not ends_sentence and (
            running.strive or _strives(sentence.text, len(sentence.text))
        )
        if last is not None:
            # 2012年…增长13%；A和B分别达到…: the sentences after a year before the plan go on
            # about it, up to one that states a deadline of the plan (到2025年…).
            past = ctx.period is not None and last < ctx.period[0]
        elif _PAST_OPENING.match(sentence.text) or _spoken_past(sentence.text):
            past = True  # 去年，广州实现…。服务贸易进出口…: the sentences after it go on about it
        # 目前，全市累计建成…；单项体育协会达44个；…。: the ；-clauses of a sentence that opens
        # with the present go on telling it, up to the sentence's end. Not tasks it quotes
        # (截止目前，“新增30个…；新建1家…”) nor a progress report against the year's task figures.
        facts = not ends_sentence and (facts or _tells_the_present(sentence.text))
        running.past_clause = past or facts
    ctx.past_end = past
    if text.rstrip().endswith(("：", ":")) and running.year is not None:
        ctx.year, ctx.year_source = running.year, running.year_source


#: A paragraph opening that goes on from the one before (同时，…; 此外，…).
_GOES_ON = re.compile(r"\s*(?:与此同时|同时|此外|另外|还)[，,]")


def _tells_the_present(text: str) -> bool:
    """Whether a sentence opens with the present (目前，…) and quotes no tasks and no task
    figures (截止目前，“新增30个…；…”, …完成全年目标任务1200人的114%)."""
    if _FACT_OPENING.match(text) is None or text.count("“") != text.count("”"):
        return False
    return _TASK_FIGURE.search(text) is None


def _spoken_past(text: str) -> bool:
    """Whether a sentence turns to the past in a clause of its own after who speaks (部长在…会议上
    说，5年来，…) and never back to what is planned: the sentences after it go on about it."""
    clause = _PAST_CLAUSE.search(text)
    return clause is not None and not any(w in text[clause.end() :] for w in PLAN_TURNS)


#: A letter of a name (a figure whose indicator has none names nothing).
_NAMED = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _glued(m: re.Match[str]) -> bool:
    """Whether a match stands between two characters with no space on either side."""
    text = m.string
    return (
        not text[m.start() - 1 : m.start()].isspace() and not text[m.end() : m.end() + 1].isspace()
    )


def _name_from_label(targets: list[Target], ctx: _Context) -> None:
    """Names from a label line (生物医药和大健康 → 生物医药和大健康主营业务收入) and, for a target
    that names nothing, the last name read in the section."""
    for t in targets:
        if ctx.label and (_bare_measure(t.indicator) or t.indicator in GENERIC_MEASURES):
            t.indicator = ctx.label + t.indicator
        elif not t.indicator and ctx.last_name:
            t.indicator = ctx.last_name
        if t.indicator:
            ctx.last_name = t.indicator


def _label(text: str) -> bool:
    """Whether a paragraph is a short label over the lines after it (■ 2024年成绩单): no
    punctuation of a sentence and no figure but its year."""
    return (
        len(text.strip()) <= _LABEL_LENGTH
        and not re.search(r"[，。；,;：:！？>＞»|]", text)  # 首页 > 研究报告: a page's path
        and not re.search(r"[0-9０-９]", _YEAR_WORD.sub("", text))
    )


#: A document's title in its marks (《…》).
_DOCUMENT_TITLE = re.compile(r"《[^《》]*》")
#: The longest a label line runs (■ 2025年经济社会发展的主要预期目标).
_LABEL_LENGTH = 25
#: A year written in a label, the one figure a label may hold.
_YEAR_WORD = re.compile(r"[0-9]{4}年")


def _read_sentence(text: str, ctx: _Context) -> tuple[list[Target], int | None]:
    """The targets of a sentence, and the last deadline it states (it governs the next ones)."""
    if _in_another_language(text):
        return [], None  # a page's English rendering of the plan: the plan is the Chinese text
    if _PHOTO_CREDIT.search(text):
        return [], None  # …与网友在线互动 记者何晓刚 摄: a photograph's caption
    if (caption := _CAPTION_OPENING.search(text)) is not None:
        # …将增至10家 图为旅游强省的“五强”目标体系。: a photograph's caption on a news page, from
        # its 图为 to the sentence's end, tells what the picture shows.
        text = text[: caption.start()]
    years = year_mentions(text, ctx.period)
    masked = list(read_look_alikes(text))  # 规上エ业产值 read as 规上工业产值
    for y in years:
        masked[y.start : y.end] = _MASK * (y.end - y.start)
    # A past year inside brackets (支出(扣除2022年…专项资金)增长3%) is a note: it dates nothing
    # and governs nothing; a deadline in brackets does (近期(到2025年)规划总量指标为).
    noted = _bracket_spans(text)
    start = ctx.period[0] if ctx.period is not None else None

    def past(y: YearMention) -> bool:
        return start is not None and y.year is not None and y.year < start

    def note(y: YearMention) -> bool:
        return past(y) and any(a <= y.start < b for a, b in noted)

    def mid(y: YearMention) -> bool:
        """Whether the year follows a verb inside its clause (落实2018年…), not a subject or a
        preposition (江西2022年…, 到2025年)."""
        return text[: y.start].endswith(_VERBS_BEFORE_OBJECT)

    # 《…规划和二〇三五年远景目标纲要》: a year in a document's title dates the document's aims,
    # not the figures of the sentence that cites it.
    titled = [m.span() for m in _DOCUMENT_TITLE.finditer(text)]
    years = [y for y in years if not note(y) and not any(a < y.start < b for a, b in titled)]
    years = [y for y in years if not _aims_referred_to(text, y)]
    # 落实2018年购置105台新能源公交车的世行贷款项目, 完成2023年度项目: a past year in the words
    # describing a noun dates that noun, not the sentence; the figures it describes are done.
    described = [
        (y.start, m.end() if m and text.startswith(_VERBS_BEFORE_OBJECT, y.end) else y.end)
        for y in years
        if past(y)
        and mid(y)
        and ((m := _ATTRIBUTIVE.match(text, y.end)) or text[y.end - 1] == "度")
    ]
    years = [y for y in years if not any(a == y.start for a, _ in described)]
    # (其中规模以上企业100家、…): a breakdown in brackets is read as one after a comma is.
    opened = _BREAKDOWN.sub(lambda m: "，" + m.group(1) + "，", "".join(masked))
    opened = with_space_breaks(opened)  # 包括挡墙13.46千米 道路8.72千米: spaces as commas
    # A web page's citation marks are no words of a name (“双协员”[21]305个); set apart by a
    # space (项目概览 [1] 基础设施…) they end a clause.
    opened = _CITATION.sub(
        lambda m: _MASK * len(m.group()) if _glued(m) else "，" * len(m.group()), opened
    )
    # <p style="font-size: 20px">, &quot;: a web page's markup copied with its text is no
    # words and no figures; a block's tag ends a clause, an inline one is nothing.
    opened = without_markup(opened, block="，", inline=_MASK)
    # 2012/11/14 13:05, (02/13), 00时00分: a page's dates and times are no figures.
    opened = _PAGE_STAMP.sub(lambda m: _MASK * len(m.group()), opened)
    # 增长11.0%（全国10.7%、全省10.1%）: the wider area's figures, given to compare, are no targets.
    opened = _REFERENCE_NOTE.sub(lambda m: _MASK * len(m.group()), opened)
    s = _Sentence(text, opened, years, quoted_spans(text), ctx)
    # Figures inside quotes are names (“十四五”, “1+2+9”), except a doubling in quotes
    # (比2020年“翻一番”): the quotes only stress it.
    figures = [
        f
        for f in find_figures(s.masked)
        if not any(a <= f.start < b and not _stressed(s.masked, f, a, b) for a, b in s.quoted)
        and not any(a <= f.start < b for a, b in described)
    ]
    clauses = _run_on_clauses(s.masked, split_clauses(s.masked))
    for c_start, c_end in _joined_changes(s.original, clauses, figures):
        in_clause = [f for f in figures if c_start <= f.start < c_end]
        if in_clause:
            s.targets.extend(_read_clause(s, c_start, c_end, in_clause))
        elif not ctx.preamble:
            s.targets.extend(_qualitative(s, c_start, c_end))
    deadlines = [y.year for y in years if not y.baseline and y.year is not None]
    return s.targets, deadlines[-1] if deadlines else None


#: Where a page lost the comma between two statements (比例达到75%左右奶牛产奶性能测定比率达到
#: 45%): after 左右, or after a share's bound, words that run to a verb and a figure of their own.
#: (10亿元以上企业达到50家 keeps its threshold: only a share's bound or 左右 ends a statement.)
_RUN_ON = re.compile(
    r"(?:左右|[%％‰](?:以上|以下|以内))(?=(?![的之间])[\u4e00-\u9fff]"
    rf"[^，,；;。：:]{{1,20}}?(?:{'|'.join(FIGURE_OPENERS + AT_MOST)})\s*[0-9０-９])"
)


def _run_on_clauses(masked: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``clauses`` split again where a page ran two statements together (see _RUN_ON)."""
    out: list[tuple[int, int]] = []
    for start, end in clauses:
        for m in _RUN_ON.finditer(masked, start, end):
            out.append((start, m.end()))
            start = m.end()
        out.append((start, end))
    return out


#: A year's clause that runs on, with a verb, to 的 and a noun (2018年购置…的项目): it describes
#: the noun.
_ATTRIBUTIVE = re.compile(r"[^，,；;。：:（(]{2,30}?的[\u4e00-\u9fff]")
#: Verbs whose object a year can open (落实2018年…的项目).
_VERBS_BEFORE_OBJECT = tuple(sorted({*TARGET_VERBS, *LEADING_VERBS}, key=len, reverse=True))
#: Latin letters to one Chinese character above which a sentence is in another language.
_FOREIGN_RATIO = 3
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _in_another_language(text: str) -> bool:
    """Whether a sentence is written in a Latin-script language (a page's translation), not in
    Chinese with a few Latin words (5G, GDP, PFlops); a page's markup is neither."""
    text = without_markup(text, block="", inline="")
    latin = len(_LATIN_LETTER.findall(text))
    return latin >= 20 and latin > _FOREIGN_RATIO * len(_CJK.findall(text))


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """Where the round brackets of a text are (（…）, (…)), innermost pairs."""
    return [m.span() for m in _ROUND_BRACKETS.finditer(text)]


_ROUND_BRACKETS = re.compile(r"[（(][^（）()]*[）)]")


# ----------------------------------------------------------------------------- clauses

#: A clause that opens with the second half of a change (,增加到2025年的25万个).
_CHANGE_TAIL = re.compile(
    r"\s*(?:将|要|力争)?(?:"
    + "|".join(w for w in (*AT_LEAST, *AT_MOST) if len(w) > 1 and w[-1] in "到至")
    + ")"
)
#: A clause that opens one (将从2020年的3.6万个).
_CHANGE_HEAD = re.compile(r"(?:从|由)[^，,；;]*[0-9０-９]")
#: A clause that is a whole change (将从11%增至60%).
_CHANGE_OPENS = re.compile(r"\s*(?:将|要|力争)?(?:从|由)[^，,；;]*[0-9０-９][^，,；;]*(?:到|至)")


def _joined_changes(
    text: str, clauses: list[tuple[int, int]], figures: list[Figure]
) -> list[tuple[int, int]]:
    """Clauses of ``text`` (not masked: the years are read), with a change written across a
    comma made one: 从2020年的3.6万个,增加到2025年的25万个 (the baseline in one clause, the
    target in the next)."""
    out: list[tuple[int, int]] = []
    for start, end in clauses:
        if out and (
            (_CHANGE_TAIL.match(text, start) and _CHANGE_HEAD.search(text, *out[-1]))
            # 5G网络用户普及率,将从11%增至60%: a name alone, then its change.
            or (
                _CHANGE_OPENS.match(text, start)
                and not any(out[-1][0] <= f.start < out[-1][1] for f in figures)
            )
        ):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


@dataclass(slots=True)
class _Frame:
    """The words before a figure: the comparator or change they end with, and what is left."""

    comparator: str | None
    sign: int
    core: str
    added: bool = False
    """增加20个泊位: the verb adds the things counted after the figure (an increment)."""


def _frame(pre: str) -> _Frame:
    # 投资约人民币2.366万亿元: the currency is the unit's, between the bound and the figure.
    visible = _CURRENCY_END.sub("", pre.rstrip(" " + _MASK))
    kind = next((w for w, _ in _KIND_WORDS if visible.endswith(w)), "")
    if kind and any(visible[: -len(kind)].endswith(w) for w, _, _ in _BEFORE):
        visible = visible[: -len(kind)]  # 产量达到每年25万吨: the bound stands before 每年
    per = _PER_BASE_BEFORE.search(visible)
    if per is not None and any(visible[: per.start()].endswith(w) for w, _, _ in _BEFORE):
        visible = visible[: per.start()]  # 机器人密度达到每万名员工200台: the bound before 每
    means = visible.endswith(NOT_BOUNDS)  # 通过1至2个周期: the means, not 过 (exceeding)
    for word, comparator, sign in _BEFORE:
        if means and len(word) == 1:
            continue
        if visible.endswith(word) and not _A_YEAR_THEN_CHANGE.search(
            visible, len(visible) - len(word) - 1
        ):
            core = visible[: -len(word)]
            if comparator is not None and not sign:
                # 比2020年提高约20%: a change, then its bound.
                change = next((x for x in _BEFORE if x[2] and core.endswith(x[0])), None)
                if change is not None:
                    return _Frame(comparator, change[2], core[: -len(change[0])])
            about = next((w for w in ABOUT_BEFORE_VERB if core.endswith(w)), "")
            if about and comparator in (">=", None) and not sign and len(core) > len(about):
                # 用气人口数量约达到2.5亿, 约占总人口的18%: about the figure, not at least.
                return _Frame("~", 0, core[: -len(about)])
            return _Frame(comparator, sign, core)
    if _SHORT_GROWTH.search(visible):
        return _Frame(None, 1, visible[:-1])  # 地区生产总值增7.5%: 增 for 增长, as headlines write
    verb = next((v for v in LEADING_VERBS if visible.endswith(v)), "")
    bound = next(
        (w for w in BOUNDS_BEFORE_VERB if visible[: len(visible) - len(verb)].endswith(w)), ""
    )
    if verb and bound:
        # 每个村至少培训1名: the bound stands before the verb.
        return _Frame(">=", 0, visible[: len(visible) - len(verb) - len(bound)] + verb)
    return _Frame(None, 0, visible)


#: The currency written before a figure of money (投资人民币3亿元), not a word of its name.
_CURRENCY_END = re.compile(r"(?<=[\u4e00-\u9fff])\s*人民币$")
#: A year named by a word (上年, 去年, 全年), then a change: 比上年增长 is no 年增长 (annual).
_A_YEAR_THEN_CHANGE = re.compile(r"[上去今全明当本]年(?=增|下降)")
#: 增 alone after a measure (生产总值增7.5%), not the 增 of 新增, 净增, 倍增 or 增幅.
_SHORT_GROWTH = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![新净倍递扩])增$")


#: A sowing verb and the crop after it, ending a name (计划种植棉花); not 种植业 (the farming
#: trade, a noun: 种植业标准化1.2亿亩).
_SOWN = re.compile(rf"({'|'.join(SOWING_WORDS)})(?!业)([\u4e00-\u9fff]{{2,8}})$")
#: The verbs of an action counted in 人次 (培训, 接待), not the light verbs (开展, 实施).
_ACTION_VERBS = tuple(
    v for v in LEADING_VERBS if not v.endswith((*LIGHT_VERBS, *JOIN_VERBS, "达到"))
)


def _kind_of(text: str) -> str | None:
    """The kind the words say (每年 → annual, 新增 → increment, 累计 → cumulative)."""
    text = _KIND_WORD_NAME.sub("", _A_YEAR_THEN_CHANGE.sub("", text))
    text = _RENEWED.sub("", text)  # 创新组建: no 新组建
    kinds = [kind for word, kind in _KIND_WORDS if word in text]
    if ADDING.search(text):
        kinds.append("increment")
    return max(kinds, key=lambda k: _KIND_RANK[k]) if kinds else None


#: What joins the items of a list (培育5家X、10家Y; 10家X和20个Y; X以及Y).
_LIST_JOIN = re.compile(rf"(?:{'|'.join(LIST_JOINS)})\s*$")


def _item_end(masked: str, f: Figure, later: list[Figure], clause_end: int) -> int:
    """Where the list item of a figure ends: at the 、 (or 和, 及 …) before the next figure that
    opens an item of its own (5家X、10家Y, 10家X和20个Y), else at the end of the clause."""
    for g in later:
        gap = masked[f.after_end : g.start]
        cut = _outside_brackets(gap).rfind("、")
        if cut >= 0:
            return f.after_end + cut
        verb = next((v for v in TARGET_VERBS if gap.endswith(v)), "")
        joined = _LIST_JOIN.search(gap[: len(gap) - len(verb)])
        if joined is not None:
            return f.after_end + joined.start()
        if _count_then_count(f, g, gap):
            return g.start  # 1079个行政村12026个自然村: the next count opens an item
        extent = g.unit.dimension in EXTENT_WORDS
        if not _visible(gap).strip() and f.unit.dimension == "count" and extent:
            return g.start  # 农村公路5条37.7公里: the roads counted, then their length
    return clause_end


def _in_brackets(text: str) -> bool:
    """Whether the end of ``text`` stands inside a bracket it opens."""
    return _outside_brackets(text + "x").endswith(" ")


def _split_outside_brackets(joins: re.Pattern[str], text: str) -> list[str]:
    """The non-empty parts of ``text`` between ``joins`` found outside brackets (各县(市、区)
    is one subject)."""
    cuts = [m.span() for m in joins.finditer(_outside_brackets(text))]
    ends = [0, *(c for span in cuts for c in span), len(text)]
    return [p for p in (text[a:b] for a, b in zip(ends[::2], ends[1::2], strict=True)) if p]


def _outside_brackets(text: str) -> str:
    """``text`` with what stands inside brackets blanked (same length): (一、二类) is no list."""
    out = []
    depth = 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            out.append(ch)
            continue
        out.append(" " if depth else ch)
    return "".join(out)


def _read_clause(s: _Sentence, c_start: int, c_end: int, figures: list[Figure]) -> list[Target]:
    """The targets of one clause, figure by figure."""
    respectively = _respectively(s, c_start, c_end, figures)
    if respectively is not None:
        return respectively
    found = [t for t in _read_figures(s, c_start, c_end, figures) if not _plan_part(t)]
    _name_growths_of_levels([*s.targets, *found])
    for a, b in itertools.pairwise(found):
        # 10家国家级特色专业型、100家省级垂直行业平台: the list's items share the last head.
        ends_bare = a.indicator[-1:] in ADJECTIVAL_ENDINGS
        ends_bare = ends_bare and not a.indicator.endswith(NOT_ADJECTIVAL)
        if ends_bare and len(b.indicator) >= 2 and b.indicator[-1] not in ADJECTIVAL_ENDINGS:
            # 20个国家级和100个省级重点学科: the noun after the other's level, else its head.
            level = re.match(LEVEL, b.indicator)
            head = b.indicator[level.end() :] if level is not None else ""
            only_level = re.fullmatch(LEVEL, a.indicator) is not None
            a.indicator += head if only_level and len(head) >= 2 else b.indicator[-2:]
    return found


def _name_growths_of_levels(found: list[Target]) -> None:
    """接待游客量突破1000万人次，实现旅游收入59亿元，同比分别增长10%和7.8%: growths named by
    nothing but 同比 are those of the levels just before them, in order."""
    tail = list(
        itertools.takewhile(
            lambda t: t.rate and t.indicator in ("", *ON_EARLIER_FIGURE), found[::-1]
        )
    )
    levels = found[len(found) - 2 * len(tail) : len(found) - len(tail)]
    if len(tail) < 2 or len(levels) != len(tail) or any(t.rate for t in levels):
        return
    for growth, level in zip(tail[::-1], levels, strict=True):
        growth.indicator = level.indicator


def _plan_part(target: Target) -> bool:
    """A count of the plan's own parts (部署了10项重大任务, 17项重点工程, 12项指标, 六个方面):
    how the plan is built, not a target it sets."""
    # 10件40项民生实事 (the items of its parts), 30件实事涉及教育、住房…: the parts still.
    # 6类共27项指标 (the kinds of its indicators), 比“十三五”规划增加14项 (more than the last
    # plan): the parts still.
    if target.dimension != "count":
        return False
    if _THAN_LAST_PLAN.fullmatch(target.indicator):
        return True
    parts = _PARTS_ABOUT.sub("", _PARTS_COUNTED.sub("", target.indicator))
    # 10个民生实事候选项目进行票决, 位列十件民生实事之首: the list of the year's projects
    # (not 每个乡镇不少于2件, a number each place must do).
    listed = any(w in target.indicator for w in PROJECT_LISTS) and "每" not in target.wording
    said = target.indicator in PART_VERBS  # 提出76项: what the plan puts forward
    return listed or said or PLAN_PARTS.fullmatch(parts) is not None


#: A name that is only a comparison with the last plan (比“十三五”规划).
_THAN_LAST_PLAN = re.compile(r"[比较][“\"]?[^”\"]{0,8}[”\"]?(?:规划|计划|方案|纲要)")
#: The count of the plan's parts opening a name (10件40项…, 6类共27项指标).
_PARTS_COUNTED = re.compile(r"^(?:共|合计)?[0-9０-９]+[项件个类条]")
#: What the parts are said to be about, to the end of the name (…涉及教育、住房).
_PARTS_ABOUT = re.compile(rf"(?<=.)(?:{'|'.join(PARTS_ABOUT)}).*$")
#: Names that hold a kind word without being of that kind, kept whole when kind words go.
_NEW_OR_ADJUSTED = re.compile(NEW_OR_ADJUSTED)
#: The characters before 新 that make it the end of a word (创新, 更新, 革新, 翻新, 刷新), not the
#: 新 of a kind word after it (创新组建村级供销社 is not 新组建).
_RENEWAL = "[创更革翻刷]"
_RENEWED = re.compile(f"(?<={_RENEWAL})新")
#: Each kind word as it goes out of a name, with the word itself when it is plain text (to skip
#: the names that do not hold it): 新增和恢复…, 新建或者改扩建… (the verbs joined to the kind
#: word go with it, and 共, in all, before it); not 增殖放流, 增值服务 (增 opens a word there, so
#: 年增 is no kind word), nor 创新组建 (新 closes 创新 there, so 新组建 is no kind word).
_KIND_WORD_SUBS = [
    (
        None if re.search(r"[()（）]", word) else word,
        kind,
        re.compile(rf"共?(?<!{_RENEWAL}){re.escape(word)}(?!就业|收|殖|值)(?:和|及|与|或者|或)?"),
    )
    for word, kind in _KIND_WORDS
]
_KIND_WORD_NAME = re.compile(f"({'|'.join((*KIND_WORD_NAMES, NEW_SUBJECT, NEW_OR_ADJUSTED))})")
#: 均 as "each of them" before a comparator or verb (A和B均达到…; not 年均, 人均, 平均, 均衡),
#: and 各 before a figure (A、B各6万套; not 各市, 各类).
_EACH = re.compile(
    r"(?<![年人平])均(?=\x00*(?:达到|达|超过|超|不低于|不少于|保持|实现|提高|增长|突破|下降|降低|减少))"
    r"|(?<![每])各(?=\s*[0-9０-９一二两三四五六七八九十])"
)


#: Two rates joined before one figure (A率和B率达到90%): the figure is each rate's.
_RATE_PAIR = re.compile(
    r"率(?:和|与|及|、)[\u4e00-\u9fff]{1,16}?率(?=达到|达|超过|不低于|保持在|稳定在|提高到|提升到"
    r"|提高至|提升至|均)"
)


def _paired_figures(s: _Sentence, c_start: int, figures: list[Figure]) -> int | None:
    """Where the subjects end when a clause gives two subjects joined by 和 and two figures joined
    by 和 (A和B达到X和Y), as 分别 would; None otherwise."""
    if len(figures) != 2:
        return None
    first, second = figures
    if s.masked[first.after_end : second.start].strip() not in ("和", "与", "及"):
        return None
    core = _frame(s.masked[c_start : first.start]).core
    subject = _visible(core)
    if not re.search(r"[\u4e00-\u9fff]{2,}(?:和|与)[\u4e00-\u9fff]{1,}", subject):
        return None
    return c_start + len(core)


def _yearly_figures(s: _Sentence, c_start: int, figures: list[Figure]) -> int | None:
    """Where the subject ends when two years joined by 和 precede one subject and two figures
    joined by 和 (到2010年和2020年，补充耕地不低于1710万亩和5500万亩), as 分别 would; None
    otherwise."""
    if len(figures) != 2:
        return None
    first, second = figures
    if s.masked[first.after_end : second.start].strip() not in _PAIR_JOINS:
        return None
    years = [y for y in s.years if not y.baseline and y.start < first.start]
    if len(years) < 2 or s.masked[years[-2].end : years[-1].start].strip() not in _PAIR_JOINS:
        return None
    core = _frame(s.masked[c_start : first.start]).core
    if re.search(r"和|与|、", _visible(core)):
        return None  # A和B: two subjects, which _paired_figures pairs
    return c_start + len(core)


#: The words joining the two of a pair (2010年和2020年, 1710万亩和5500万亩).
_PAIR_JOINS = ("和", "与", "、", "及")


def _stressed(text: str, f: Figure, quote_start: int, quote_end: int) -> bool:
    """A doubling in quotes that end the clause (比2020年“翻一番”。): the quotes stress it; in
    a name (“翻一番”工程) they do not. A goal quoted whole (围绕“全年空气质量达标天数保持在300天
    以上”的目标): the quotes give the goal's words, its figure is the target's."""
    if f.doubling and (quote_end >= len(text) or text[quote_end] in "，,。；;、"):
        return True
    stated = _STATEMENT_IN_QUOTES.search(text, quote_start, f.start) is not None
    return stated and _GOAL_NEXT.match(text, quote_end) is not None


#: A name and a verb before a figure inside quotes: a statement, not a name (“十四五”).
_STATEMENT_IN_QUOTES = re.compile(
    r"[\u4e00-\u9fff]{3,}(?:"
    + "|".join(re.escape(w) for w in sorted({*AT_LEAST, *AT_MOST, *EXACTLY}, key=len, reverse=True))
    + r")\s*$"
)


def _doubled_list(s: _Sentence, c_start: int, figures: list[Figure]) -> int | None:
    """Where the subjects end when measures listed with 、 share one doubling (A、B实现倍增,
    A、B翻一番): a doubling is a change, changes do not add up, so it is each measure's."""
    if len(figures) != 1 or not figures[0].doubling:
        return None
    core = _frame(s.masked[c_start : figures[0].start]).core
    visible = _visible(core)
    # 地区生产总值和地方财政收入比2015年翻一番: two whole measures joined by 和 double too.
    return c_start + len(core) if "、" in visible or _MEASURE_PAIR.fullmatch(visible) else None


#: Two whole measures joined by 和 or 与 before a change they share (…力争比2015年翻一番).
_MEASURE_PAIR = re.compile(r"[\u4e00-\u9fff]{4,}(?:和|与)[\u4e00-\u9fff]{4,}?(?:力争|争取)?比?")


#: The end of a measure's name (客运量, 交易额, 增加值) and what may stand after it before its
#: change (较上年要增长6%).
_LAST_MEASURE_END = re.compile(r"[量额值](?=[^量额值]*$)")


def _changed_list(s: _Sentence, c_start: int, figures: list[Figure]) -> int | None:
    """Where the subjects end when measures listed with 、 share one change in per cent
    (公路客运量、旅客周转量、货运量较上年增长6%以上): changes do not add up, so the figure is
    each measure's; None otherwise, or when one of the listed is no measure."""
    if len(figures) != 1 or figures[0].unit.dimension != "share":
        return None
    frame = _frame(s.masked[c_start : figures[0].start])
    end = _LAST_MEASURE_END.search(frame.core) if frame.sign else None
    if end is None:
        return None
    parts = _split_outside_brackets(_SUBJECT_JOINS, _visible(frame.core[: end.end()]))
    if "、" not in frame.core[: end.end()] or not all(
        len(p) >= 2 and p.endswith(("量", "额", "值")) for p in parts
    ):
        return None
    return c_start + end.end()


def _listed_figures(s: _Sentence, c_start: int, figures: list[Figure]) -> int | None:
    """Where the subjects end when a clause lists as many subjects with 、 as it lists figures
    with 、 after them (新增高铁、高速通车里程125公里、300公里), as 分别 would; None otherwise."""
    if len(figures) < 2:
        return None
    for a, b in itertools.pairwise(figures):
        if s.masked[a.after_end : b.start].strip() != "、":
            return None
    core = _frame(s.masked[c_start : figures[0].start]).core
    if _visible(core).count("、") != len(figures) - 1 or re.search(r"和|与|及", _visible(core)):
        return None
    return c_start + len(core)


#: Measures listed before one growth rate (营业收入、利润总额年均增速保持在8%): growth rates do
#: not add up, so the figure is each measure's.
_GROWTH_LIST = re.compile(
    rf"、[^，,；;。、]{{1,12}}?(?P<rate>{'|'.join(RATE_ENDINGS)})"
    r"(?=保持在|保持|达到|达|超过|不低于|高于|在)"
)


def _respectively(
    s: _Sentence, c_start: int, c_end: int, figures: list[Figure]
) -> list[Target] | None:
    """One figure for each subject, in order: A和B市场满足率分别超过70%和50%; A、B各6万套;
    A和B增加值均达到500亿元; for each year: 到2022年和2030年，X分别不低于22%和30%."""
    at = s.masked.find("分别", c_start, c_end)
    # 一次能源…分别: a figure of a name before 分别 leaves the figures after it to the subjects.
    figures = [f for f in figures if f.start > at or not _not_a_count(s, c_start, f)]
    after = [f for f in figures if f.start > at]
    each = _EACH.search(s.masked, c_start, c_end)
    listed: int | None = None
    doubled: int | None = None
    changed: int | None = None
    rates = _RATE_PAIR.search(s.masked, c_start, c_end) if at < 0 and each is None else None
    growth = _GROWTH_LIST.search(s.masked, c_start, c_end) if at < 0 and each is None else None
    skip = 2  # the words 分别 and 均 (or 各) that stand between the subjects and the figures
    if each is not None and len(figures) == 1:
        # A和B增加值均达到500亿元, A、B各6万套: one figure for every subject.
        at, after, skip = each.start(), figures, 1
    elif rates is not None and len(figures) == 1:
        # 残疾儿童入园率和接受康复教育训练率达到90%以上: two rates, one figure for both.
        at, after, skip = rates.end(), figures, 0
    elif growth is not None and len(figures) == 1:
        # 营业收入、利润总额年均增速保持在8%以上: a growth rate of each of the measures.
        at, after, skip = growth.start("rate"), figures, 0
    elif at < 0 and each is None and (paired := _paired_figures(s, c_start, figures)) is not None:
        # 粮食生产面积和总产稳定在809万亩和58.4亿斤: two subjects, two figures, in order.
        at, after, skip = paired, figures, 0
    elif at < 0 and each is None and (yearly := _yearly_figures(s, c_start, figures)) is not None:
        # 到2010年和2020年，补充耕地不低于1710万亩和5500万亩: one figure for each year.
        at, after, skip = yearly, figures, 0
    elif at < 0 and each is None and (doubled := _doubled_list(s, c_start, figures)) is not None:
        # 旅游综合收入、文旅产业项目投资额实现倍增: one doubling for every measure listed.
        at, after, skip = doubled, figures, 0
    elif at < 0 and each is None and (changed := _changed_list(s, c_start, figures)) is not None:
        # 公路客运量、货运量较上年增长6%以上: one change for every measure listed.
        at, after, skip = changed, figures, 0
    elif at < 0 and each is None and (listed := _listed_figures(s, c_start, figures)) is not None:
        # 新增高铁、高速通车里程125公里、300公里以上: two subjects, two figures, in order.
        at, after, skip = listed, figures, 0
    elif at < 0 or not after:
        return None
    scope: list[str] = []
    subject = _clean_name(s.masked[c_start:at], s.ctx.region, scope)
    if doubled is not None and (closed := _LIST_CLOSE.search(subject)) is not None:
        # A、B、C等主要经济指标都将翻一番: what follows 等 is the kind of the measures listed.
        subject = subject[: closed.start()]
    if not subject and s.masked.startswith("分别", at):
        # 分别创建国家、省级全域旅游示范区16个、12个: the subjects stand after 分别.
        subject = _clean_name(s.masked[at + 2 : after[0].start], s.ctx.region, scope)
    subject, earlier = _subjects_elsewhere(s, c_start, at, subject, len(after), scope)
    parts = earlier or _split_outside_brackets(_SUBJECT_JOINS, subject)
    if len(parts) > len(after) >= 2:
        # 输变电装备、半导体及集成电路产业链产值分别…: 及 (与) joins words of one subject.
        parts = _split_outside_brackets(_ITEM_JOINS, subject)
    if each is None and rates is None and len(after) != len(figures):
        # 5岁以下儿童死亡率…分别: figures of the subjects' own names stand before 分别.
        if len(after) != len(parts):
            return None
        figures = after
    years: list[int | None] = [None] * len(after)
    if len(parts) == 1 and len(after) >= 2:
        deadlines = [y.year for y in s.years if not y.baseline and y.start < at]
        if parts[0].startswith("城乡") and len(after) == 2:
            # 城乡居民人均可支配收入分别增长5.5%和7.5%: 城乡 is 城镇 and 农村.
            parts = ["城镇" + parts[0][2:], "农村" + parts[0][2:]]
        elif len(deadlines) >= len(after):
            parts, years = parts * len(after), list(deadlines[-len(after) :])
    if len(after) == 1 and len(parts) == 1 and parts[0].startswith("城乡") and each is not None:
        # 城乡居民人均可支配收入均增长7%左右: 城乡 is 城镇 and 农村, one figure for both.
        parts = ["城镇" + parts[0][2:], "农村" + parts[0][2:]]
    if len(after) == 1 and len(parts) >= 2:
        # 竹浆及造纸产能分别超过200万吨: one figure for every subject.
        after = after * len(parts)
        years = [None] * len(parts)
    if len(parts) != len(after) or (len(parts) < 2 and not any(years)):
        return None
    # Measures listed before their change are whole names each (客运量、吞吐量增长6%).
    names = parts if changed is not None else _per_unit(_shared_head(_shared_tail(parts)))
    if growth is not None and at == growth.start("rate"):
        names = [n + growth.group("rate") for n in names]
    if after[-1].after is not None and all(f.after is None for f in after[:-1]):
        # 分别增长7%、8%左右: the bound written once, after the last, is every figure's.
        after = [replace(f, after=after[-1].after) for f in after]
    if s.is_fact(c_start, after[0].start):
        return []  # 2012年，A和B分别达到…: what was reached, not a target
    frame = _frame(s.masked[at + skip : after[0].start])
    share_of = _visible(frame.core).strip()
    if share_of.startswith("占") and after[0].unit.dimension == "share":
        # A、B分别占总数80%以上: every subject is a share of that base.
        names = [n + share_of.removesuffix("的") + "比重" for n in names]
    frame.core = ""
    found = [
        _target(
            s,
            f,
            indicator=name,
            frame=frame,
            kind=_kind_of(_visible(s.masked[c_start : f.start])) or "stock",
            baseline=None,
            baseline_year=None,
            wording=s.original[c_start : f.after_end],
            strive=s.ctx.strive or _strives(s.original, f.start),
            scope=scope,
            year=year,
        )
        for f, name, year in zip(after, names, years, strict=True)
    ]
    if len(set(names)) >= 2:
        s.ctx.listed = names
    return found


def _subjects_elsewhere(
    s: _Sentence, c_start: int, at: int, subject: str, figures: int, scope: list[str]
) -> tuple[str, list[str] | None]:
    """The subjects of a 分别 clause that lists none of its own, for ``figures`` figures: those
    before its first predicate (A和B实现“双倍增”、总量分别达到…), of the clause before (A和B实现
    倍增，(总量)分别超过90家和870家), or the paragraph's last 分别 list of as many (2015年A、B和C
    分别达到…；2020年分别达到…) — as (the subject, the list) — else ``subject`` as it is."""
    second = _SECOND_PREDICATE.search(_visible(s.masked[c_start:at]).strip(_PUNCT))
    if second is not None:
        noun, predicate = _cut_predicate(second.group(1))
        if predicate and _SUBJECT_JOINS.search(noun):
            subject = _clean_name(noun, s.ctx.region, scope)
    unlisted = _SUBJECT_JOINS.search(subject) is None and figures >= 2
    opens = not _visible(s.masked[c_start:at]).strip(_PUNCT)  # …，分别超过90家和870家
    if not (unlisted and (opens or not subject or subject in GENERIC_MEASURES)):
        return subject, None
    if (previous := _previous_clause_subject(s, c_start)) is not None:
        counted = _COUNTED_ITEM.sub("", previous)
        if counted != previous and subject:
            # 新建中小学45所、幼儿园18所，分别新增学位4.68万和7000个: what each of the things
            # counted before gives (中小学学位, 幼儿园学位).
            parts = _SUBJECT_JOINS.split(_clean_name(counted, s.ctx.region, scope))
            return subject, [p + subject for p in parts]
        return _clean_name(previous, s.ctx.region, scope), None
    return subject, list(s.ctx.listed) if len(s.ctx.listed) == figures else None


#: A first predicate, then 、 and a bare measure before 分别 (A和B实现倍增、总量分别…).
_SECOND_PREDICATE = re.compile(rf"([^，,；;]{{4,}})、(?:{'|'.join(GENERIC_MEASURES)})$")


#: A figure and its measure word ending an item of a list (中小学45所): the item counted.
_COUNTED_ITEM = re.compile(
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|亿)?[\u4e00-\u9fff](?=、|和|及|与|$)"
)


def _previous_clause_subject(s: _Sentence, c_start: int) -> str | None:
    """The noun phrase opening the clause before ``c_start`` when it lists subjects (A和B在…
    基础上实现倍增), else None."""
    noun, _ = _cut_predicate(_clause_ending_at(s, c_start))
    noun = BASE_PHRASE.sub("", noun)
    # 2015年A、B和C分别…; 中小学45所、幼儿园18所 (the things counted).
    parts = _SUBJECT_JOINS.split(_clean_name(_COUNTED_ITEM.sub("", noun), s.ctx.region))
    # Each a name (高新技术企业), not a clause run on (…指标要求下降幅度低于全市平均水平).
    return noun if len(parts) >= 2 and max(map(len, parts)) <= _SUBJECT_MAX else None


def _clause_ending_at(s: _Sentence, end: int) -> str:
    """The words of the clause that ends at ``end`` (its comma left out), as written."""
    head = s.masked[:end].rstrip("，, ")
    start = max(head.rfind(p) for p in "，,；;：:") + 1
    return _visible(head[start:])


#: The longest one subject of a list before 分别 runs (学前三年幼儿教育毛入园率); the words of a
#: clause run on (…指标要求下降幅度低于全市平均水平) are longer.
_SUBJECT_MAX = 12


#: Where subjects listed before 分别 part: 、, 以及, 和, 与, and 及 where it is not a character
#: of a word (普及率, 涉及, 及时).
_SUBJECT_JOINS = re.compile(r"、|以及|和|与|(?<![普涉危])及(?!时)")
#: Where the items of a list part when 及 and 与 join words inside an item.
_ITEM_JOINS = re.compile("|".join(j for j in ITEM_JOINS if j not in ("及", "与")))
#: A first subject this short is a bare modifier (城镇和农村居民…, 化工、建材行业) that takes
#: the rest of the last; a longer one (5G基站、千兆宽带用户) is a noun of its own.
_BARE_MODIFIER = 3
#: A measure per unit of output (单位地区生产总值能耗和二氧化碳排放): the unit is every subject's.
_PER_UNIT = re.compile(rf"^单位(?:{'|'.join(PER_UNIT_BASES)})")


def _per_unit(parts: list[str]) -> list[str]:
    """单位GDP能耗和二氧化碳排放 → 单位GDP能耗, 单位GDP二氧化碳排放."""
    m = _PER_UNIT.match(parts[0])
    if m is None or len(parts[0]) == m.end():
        return parts
    return [parts[0], *(p if p.startswith("单位") else m.group() + p for p in parts[1:])]


#: Subjects listed before a shared activity are bare nouns of at most this many characters.
_SUBJECT_LETTERS = 4


def _parallel_activities(parts: list[str]) -> list[str] | None:
    """马铃薯种植、收获机械化率 → 马铃薯种植机械化率, 马铃薯收获机械化率; 棉花、甘蔗收获机械化率 →
    棉花收获机械化率, 甘蔗收获机械化率: activities (or subjects) side by side, the measure after
    the last activity shared. None when the parts are not of that form."""
    last = parts[-1]
    verb = next((v for v in ACTIVITY_VERBS if v in last[:-1]), None)
    if verb is None or len(parts) < 2:
        return None
    at = last.index(verb)
    measure = last[at + len(verb) :]
    if not measure:
        return None  # …、收获: the activity ends the name, there is no measure to share
    first = parts[0]
    if at == 0 and first.endswith(ACTIVITY_VERBS) and all(p in ACTIVITY_VERBS for p in parts[1:-1]):
        # 马铃薯种植、收获…: one subject, several activities.
        first_verb = next(v for v in ACTIVITY_VERBS if first.endswith(v))
        subject = first[: -len(first_verb)]
        verbs = [first_verb, *parts[1:-1], verb]
        return [subject + v + measure for v in verbs] if subject else None
    bare = all(len(p) <= _SUBJECT_LETTERS for p in [*parts[:-1], last[:at]])
    if at > 0 and bare and not any(v in p for p in parts[:-1] for v in ACTIVITY_VERBS):
        # 棉花、甘蔗收获…: several subjects of one activity (bare nouns, not measures of their
        # own: 数控化率、数字化研发设计工具普及率).
        return [*(p + verb + measure for p in parts[:-1]), last]
    return None


@dataclass(frozen=True, slots=True)
class _Lead:
    """A kind of word that opens a name (a settlement, a per-unit base, a level)."""

    pattern: re.Pattern[str]

    def end_of(self, name: str) -> int:
        """Where such a word opening ``name`` ends, or 0."""
        m = self.pattern.match(name)
        return m.end() if m is not None else 0

    def ending(self, name: str) -> int:
        """Where such a word opening ``name`` ends, else the whole name's length when one ends
        it (边境乡镇), or 0."""
        if at := self.end_of(name):
            return at
        return len(name) if any(m.end() == len(name) for m in self.pattern.finditer(name)) else 0


_SETTLEMENT = _Lead(re.compile(REGION_PART))
_LEVELS = _Lead(re.compile(LEVEL))
#: Administrative units a measure is taken over (乡镇、建制村通硬化路率).
_ADMIN_UNIT = _Lead(re.compile("|".join(ADMIN_UNITS)))


def _after_shared_lead(
    parts: list[str], lead: Callable[[str], int], least: int = 2
) -> list[str] | None:
    """Subjects that are each a lead word alone, the last with what they all share after its
    lead word (at least ``least`` characters): every subject with it; None otherwise."""
    last = parts[-1]
    at = lead(last)
    if at and len(last) - at >= least and all(lead(p) == len(p) for p in parts[:-1]):
        return [*(p + last[at:] for p in parts[:-1]), last]
    return None


def _region_end(name: str) -> int:
    """Where the region that opens a name ends (汾渭平原PM2.5浓度 → 4), or 0."""
    ends = (m.end() for m in _REGION_ENDING.finditer(name) if m.end() >= _SHORT_NAME)
    return next(ends, 0)


_REGION_ENDING = re.compile("|".join(REGION_ENDINGS))


def _shared_tail(parts: list[str]) -> list[str]:
    """Subjects that share the measure written after the last (化学需氧量、氨氮排放总量 →
    化学需氧量排放总量, 氨氮排放总量): the longest run of measure words ending the last, else
    what the last has beyond the length of the first (城市和农村居民…)."""
    if len(set(parts)) == 1:
        return parts
    last = parts[-1]
    # 京津冀及周边地区、汾渭平原PM2.5浓度: regions sharing the measure after the last;
    # 城市和农村家庭宽带接入能力: settlements (or parts of a region) sharing what follows.
    for lead in (_region_end, _SETTLEMENT.end_of):
        if (shared := _after_shared_lead(parts, lead)) is not None:
            return shared
    closed = _LIST_CLOSE.search(last)
    if closed is not None and len(last) - closed.end() >= 2:
        # 化学需氧量、氨氮、挥发性有机物等重点工程减排量: 等 closes the list, the rest is shared.
        tail = last[closed.end() :]
        return [p + tail for p in [*parts[:-1], last[: closed.start()]]]
    if (shared := _after_shared_ending(parts)) is not None:
        # 园参标准化、林下参标准化种植基地占比, 城镇居民、农村居民天然气气化率: the word the first
        # ends with, inside the last.
        return shared
    if "占" in last[1:] and not any("占" in p for p in parts[:-1]):
        # 煤炭、天然气占一次能源消费比重: every subject is a share of the same base.
        tail = last[last.index("占", 1) :]
        return [*(p + tail for p in parts[:-1]), last]
    tail = ""
    rest = last
    while (w := next((m for m in MEASURE_PARTS if rest.endswith(m)), None)) is not None:
        tail, rest = w + tail, rest[: -len(w)]
        if not rest:
            break
    parallel = _parallel_activities(parts)
    if parallel is not None:
        return parallel
    if (shared := _after_shared_lead(parts, _PER_BASE.end_of)) is not None:
        return shared  # 万元GDP、万元工业增加值耗水量: per-unit bases sharing the measure
    if (shared := _after_shared_lead(parts, _ADMIN_UNIT.ending, least=2)) is not None:
        return shared  # 边境乡镇、行政村通硬化路率: administrative units sharing the measure
    if last.endswith("率") and not parts[0].endswith("率") and len(parts[0]) <= _BARE_MODIFIER:
        # 婴儿和5岁以下儿童死亡率: a bare subject takes the rate that ends the last; 广播、电视人口
        # 综合覆盖率: a rate per head of population, from the word 人口 on.
        per_head = last.find(_PER_HEAD, 2)
        rate = last[per_head:] if per_head > 0 else last[-3:]
        short = _BARE_MODIFIER
        return [*(p if len(p) > short or p.endswith("率") else p + rate for p in parts[:-1]), last]
    if (shared := _after_shared_lead(parts, _LEVELS.end_of, least=0)) is not None:
        return shared  # 国家级、省级专精特新企业: levels of one thing, the thing after the last
    same_kind = parts[0][-1] == last[-1]  # 公租房、共有产权住房: two names of a kind of thing
    if (not tail or not rest) and len(parts[0]) <= _BARE_MODIFIER and not same_kind:
        tail = last[len(parts[0]) :] if len(parts[0]) < len(last) else ""
    elif not rest:
        tail = ""

    def complete(part: str) -> bool:
        # 接待游客量和旅游收入: a subject ending in 量 (or 额) is a measure already, unless
        # the tail is such a measure too (化学需氧量、氨氮排放总量).
        # 地区生产总值和地方财政收入: one ending in 值 is a measure as well.
        ends = ("量", "额", "值")
        measured = len(part) > 2 and part.endswith(ends) and not tail.endswith(ends)
        return measured or part.endswith((tail, "率", *CONSUMPTIONS, *MEASURE_PARTS))

    return [p if complete(p) else p + tail for p in parts]


#: The word a rate per head of population opens with (人口综合覆盖率, 人口城镇化率).
_PER_HEAD = "人口"


def _after_shared_ending(parts: list[str]) -> list[str] | None:
    """Subjects that each end with the word (of two to four characters) that stands inside the
    last, before what they share (园参标准化、林下参标准化种植基地占比; 职工医疗保险、城镇居民医疗
    保险政策范围内…比例): every subject with what follows that word; None otherwise."""
    first, last = parts[0], parts[-1]
    for size in range(min(len(first), _ENDING_MAX), 1, -1):
        ending = first[-size:]
        at = last.find(ending, 1)
        tail = last[at + size :] if at > 0 else ""
        if len(tail) >= 2 and all(p.endswith(ending) for p in parts[:-1]):
            return [*(p + tail for p in parts[:-1]), last]
    return None


#: The longest word a list's subjects end with that :func:`_after_shared_ending` looks for.
_ENDING_MAX = 4


#: A per-unit base opening a name: 万元GDP, 单位工业增加值.
_PER_BASE = _Lead(re.compile(rf"(?:万元|单位|每万元)(?:{'|'.join(PER_UNIT_BASES)})"))
#: 等 closing a list of subjects (not 等级, 同等, 高等 …).
_LIST_CLOSE = re.compile(
    r"(?<=[\u4e00-\u9fffA-Za-z0-9])(?<![高中初平同对均相上下优])等(?![级次同])"
)
#: Words that make a measure without naming whose it is: the measure parts and the words that
#: qualify a total (经济总产值, 综合收入).
_MEASURE_WORDS = tuple(sorted({*MEASURE_PARTS, "总", "经济", "综合", "年"}, key=len, reverse=True))


def _shared_head(parts: list[str]) -> list[str]:
    """Measures of one subject written once, before the first (冷水鱼总产量和经济总产值 →
    冷水鱼总产量, 冷水鱼经济总产值): the words of the first before its run of measure words are
    every other measure's subject."""

    def subject_of(part: str) -> str:
        rest = part
        while (w := next((m for m in _MEASURE_WORDS if rest.endswith(m)), None)) is not None:
            rest = rest[: -len(w)]
        return rest

    first = parts[0]
    head = subject_of(first)
    if len(head) < 2 or head == first:
        return parts
    if any(subject_of(p) or p == "" for p in parts[1:]):
        return parts  # 城镇…和农村居民…: each measure has a subject of its own
    return [first, *(head + p for p in parts[1:])]


def _read_figures(s: _Sentence, c_start: int, c_end: int, figures: list[Figure]) -> list[Target]:
    """The targets of a clause's figures, read one after the other."""
    found: list[Target] = []
    lo = c_start
    used_until = c_start
    baselines: dict[int, tuple[Decimal, int, str]] = {}
    # 为3000名80岁以上老人配发…: the age is a word of the name after the count, no figure after it.
    ages = {id(g) for g in figures if _age_of_people(s, g)}
    for i, f in enumerate(figures):
        if f.start < used_until:
            continue
        later = [g for g in figures[i + 1 :] if id(g) not in ages]
        item_end = _item_end(s.masked, f, later, c_end)
        nxt = later[0] if later and later[0].start < item_end else None
        pre = s.masked[lo : f.start]
        if nxt is not None and (base := _baseline(s, lo, f, nxt)) is not None:
            baselines[id(nxt)] = base
            continue
        if id(f) in baselines:
            # 软件业务收入由2023年的800亿元增长到1500亿元: the name stands before 由.
            pre = s.masked[lo : baselines[id(f)][1]] + baselines[id(f)][2]
        # 由目前的396家累计突破600家: 目前 dates the baseline, not the target after it.
        fact = (
            s.is_fact(c_start, f.start)
            if id(f) not in baselines
            else s.past_deadline(f.start) or s.in_report(f.start) or s.goes_on_past(f.start)
        )
        if fact or _not_a_count(s, c_start, f) or _background(s, f):
            if not _in_brackets(s.masked[lo : f.start]):
                lo = f.after_end  # 水质优良(一、二类)比例: a class in brackets is of the name
            continue
        if _threshold_of_noun(s, f, item_end) or _refers_back(s, f) or _round_the_clock(s, f):
            continue  # (the name of a figure after it still holds it: 24小时预报准确率)
        if _visible(pre).rstrip().endswith(TASK_WORDS) and (found or s.targets):
            # 城镇新增就业2093人，占全年目标任务1200人的174%: the figure after 目标任务 is the
            # target of what the figure before counted (that one, and the share after, are
            # what was done).
            done = found.pop() if found else s.targets.pop()
            found.append(_task_target(s, f, done, s.original[lo : f.after_end]))
            lo = used_until = f.after_end
            if nxt is not None and s.masked[f.after_end : nxt.start].strip() == "的":
                used_until = nxt.after_end  # …的174%: how much of it was done
            continue
        if nxt is None and _visible(pre).rstrip().endswith(("由", "从")):
            continue  # 覆盖率由29.5% and nothing after: a baseline whose target the page lost
        frame = _frame(pre)
        eliminated = frame.core.endswith("淘汰") and not s.masked.startswith("的", f.after_end)
        if frame.sign == 0 and f.unit.dimension == "share" and eliminated:
            # 落后生猪屠宰产能淘汰50%: a share of it done away with, a fall (淘汰200台 counts
            # what is done away with, a task; 淘汰80%的简易市场 names the share done away with).
            frame = _Frame(frame.comparator, -1, frame.core.removesuffix("淘汰"))
        previous = found[-1] if found else s.targets[-1] if s.targets else None
        name_end = f.after_end
        scope: list[str] = []
        _clean_name(s.masked[lo : f.start], s.ctx.region, scope)
        described = None
        share = f.unit.dimension == "share" and s.masked.startswith("的", f.after_end)
        share = share and not _GROWTH_AFTER.match(s.masked, f.after_end)  # 10%的年增长
        share = share and not _GOAL_AFTER.match(s.masked, f.after_end)  # 95%以上的目标
        speed = _AT_SPEED.match(s.masked, f.after_end) and _AT_RATE.search(_visible(pre).rstrip())
        share = share and not speed  # 以年均8%的速度增长: a growth rate
        if frame.comparator is None and frame.sign == 0 and nxt is not None and not share:
            described = _described(s, f, item_end, c_end, figures[i + 1 :])
        if share:
            # 80%以上的行政村实现…超过10万元: the share's group runs over later figures;
            # 90%的市和70%的县达到…: a list of shares shares the predicate of the last.
            indicator, name_end = _share(s, f, later, c_end)
            form = "share"
            if frame.sign != 0:
                # 减少30%以上的农药施用量: a change of what is named, not a share of it.
                indicator = indicator.removesuffix("比例")
            subject = _clean_name(frame.core, s.ctx.region)  # 新增不少于10%的: no 不少于
            if subject and "的" not in indicator:
                # 高速铁路覆盖80%以上的大城市 → 高速铁路覆盖大城市比例.
                indicator = subject + indicator
        elif (within := _within(s, f, pre)) is not None:
            indicator, name_end = within
            form = "before"
        elif described is not None:
            indicator, name_end = described
            form = "after"
        elif nxt is not None and _inside_next_name(s, f, nxt):
            continue  # 年产值达10亿元以上企业5家: the figure is a threshold of the next one's name
        else:
            post_end = nxt.start if nxt is not None else item_end
            if nxt is not None and _new_clause(s, f, nxt):
                post_end = f.after_end  # the words after the figure are the next one's
            indicator, name_end, form = _name(s, f, frame, pre, post_end, previous, scope)
        if previous is not None:
            indicator = _with_threshold(indicator, previous.indicator)
        # 达到5A级的县(市、区)达80%: a share of the group named; 材料减少60% is a change.
        group = form == "before" and "的" in indicator and frame.sign == 0
        named = indicator.endswith((*SHARE_NAMES, "率", "度", "指数", "水平"))
        if f.unit.dimension == "share" and group and not named:
            indicator += "比例"
        indicator = _with_measure(s, f, indicator, lo, found[-1] if found else None)
        stage = indicator if previous is not None and indicator in STAGE_VERBS else ""
        if previous is not None:
            indicator = _of_previous(indicator, _visible(pre), previous)
        kind = _kind_of(_visible(pre)) or ("increment" if frame.added else None)
        if form == "growth":  # 保持20%的年均增长: the kind is in the words after the figure
            kind = _kind_of(_visible(s.masked[f.after_end : name_end])) or kind
        # …、10家Y, …300家和Y1500家: an item of a list.
        item = _visible(pre).lstrip().startswith(ITEM_JOINS)
        if item:
            indicator = next(
                (indicator[len(j) :] for j in ITEM_JOINS if indicator.startswith(j)), indicator
            )
        listed = form == "list" or (
            item
            and bool(found)
            and _alike_in_list(found[-1].dimension, f.unit.dimension)
            and not found[-1].rate
            # 新增15万亩、达到183万亩: the level, not more added (近300个 is one more item).
            and frame.comparator in (None, "~")
        )
        # 新修梯田1600亩、造林8000亩: an item with a verb of its own is not of the list's kind.
        own_verb = item and _visible(pre).lstrip(_PUNCT + "".join(ITEM_JOINS)).startswith(
            (*EXTENT_VERBS, *LEADING_VERBS)
        )
        # 年接待观众5亿人次 after 每年举办展览…: a yearly amount by its name is a level, whatever
        # the kind of the item before it.
        yearly = _YEARLY_NAME.match(indicator) is not None
        if (
            kind is None
            and not yearly
            and found
            and not own_verb
            and (listed or _is_verbs_only(frame.core))
            and (frame.comparator in (None, "~") or form == "list")
        ):
            # 每年培育5家X、10家Y; 新增国家级研发中心1家、省级研发中心3家: the list shares its kind.
            kind = found[-1].kind
        if kind is None and form in ("after", "list"):
            # 每年完成万项技改、推动万企转型、完成4000亿元投资: one clause, one kind word.
            # (年均增长率11%) inside brackets is the kind of the rate in them only.
            kind = _kind_of(_outside_brackets(_visible(s.masked[c_start : f.start])))
        opens_with_of_which = _visible(pre).lstrip(_PUNCT).startswith("其中")
        if kind is None and previous is not None and opens_with_of_which:
            kind = previous.kind
        if kind is None and s.parts_from is not None and f.start >= s.parts_from:
            # 新开工保障性住房中，公共租赁住房7万套，…: the parts are of the whole's kind.
            kind = s.parts_kind
        stretch = _STRETCH.fullmatch(_visible(pre).strip(_PUNCT)) is not None
        if stretch and previous is not None and previous.unit == f.unit.text:
            # 新增光伏装机1245万千瓦以上，力争达到1500万千瓦: the stretch of the same target.
            kind = kind or previous.kind
            if previous.rate and frame.sign == 0 and not f.doubling:
                # 地区生产总值增长10%，力争11.5%: the stretch of a rise is a rise too.
                frame.sign = -1 if (previous.value or 0) < 0 else 1
            if previous.comparator == "<=" and frame.comparator is None:
                frame.comparator = "<="  # 失业率控制在4%以内，力争3.5%: a lower ceiling
        bare_count = form in ("after", "list") and not found and not _visible(pre).strip(_PUNCT)
        if kind is None and previous is not None and bare_count:
            # 新建11座乡镇公共厕所，1座交通公厕，3座旅游公厕: a clause of only a figure and its
            # noun goes on with the verb, and the kind, of the one before.
            # (6万户农村土坯房改造 names its own works.)
            own_works = indicator.endswith((*EXTENT_VERBS, *LEADING_VERBS))
            kind = (
                previous.kind if previous.dimension == f.unit.dimension and not own_works else None
            )
        bare = form == "before" and frame.comparator is None and frame.sign == 0
        last = found[-1] if found else None
        if bare and last is not None and last.rate and item:
            # 化学需氧量削减2.79%、氨氮2.4%: the list goes on with the change of the first.
            same = last.dimension == f.unit.dimension == "share"
            frame.sign = (-1 if (last.value or 0) < 0 else 1) if same else 0
        # 新开、调整公交线路8条: new and adjusted, a verb of its own that is no kind word.
        shown = _visible(pre)
        has_verb = any(v in shown for v in (*TARGET_VERBS, *WORKS_VERBS)) or bool(
            _NEW_OR_ADJUSTED.search(shown)
        )
        named_kind = previous is not None and any(w in previous.indicator for w, _ in _KIND_WORDS)
        # 累计培育示范项目120个，解决方案供应商15个: a clause of only a noun and a figure
        # continues the one before.
        continued = previous if bare and not found and not has_verb and not yearly else None
        if kind is None and continued is not None:
            # It goes on with the verb and kind of the one before (not a kind inside the name
            # before: 城镇新增就业5000人，居民消费价格涨幅3%).
            # …(年均增长率11%)，旅游总收入1800亿元: a level after a rate is not the rate's kind.
            # A share after a count (新建养殖场5个，…利用率超全省平均水平3个百分点) neither.
            unlike = (continued.rate or f.unit.dimension in ("share", "points")) and (
                continued.dimension != f.unit.dimension
            )
            kind = None if named_kind or unlike else continued.kind
        if stage:
            kind = _kind_of(stage)  # …、竣工80万平方米: the stage's own kind, not the list's
        if _counts_nothing(indicator, f):
            lo = used_until = max(name_end, f.after_end)
            continue  # 实现4个提升、3个一体化; 共28条
        change = _CHANGE_LEAD.match(indicator)
        unsigned = frame.sign == 0 and frame.comparator is None
        if (
            change
            and unsigned
            and (f.unit.dimension in ("share", "points") or change.group() in FALL_FIRST)
        ):
            # 提高中心城区公交分担率4个百分点: the verb before the name says the figure is a rise;
            # 减少贫困人口55万: a fall of the people counted.
            indicator = indicator[change.end() :]
            frame.sign = 1 if change.group() in INCREASE else -1
        found.append(
            _target(
                s,
                f,
                indicator=indicator,
                frame=frame,
                kind=kind or "stock",
                baseline=baselines[id(f)][0] if id(f) in baselines else None,
                baseline_year=s.baseline_year(lo, f.start),
                wording=s.original[lo:name_end],
                strive=s.ctx.strive
                or _strives(s.original, f.start)
                or _AT_LEAST_THEN_VERB.search(_visible(pre)) is not None
                # 力争创建4A级景区1家，3A级景区2家: striven for as the clause it goes on with
                # (a figure of another measure after it, 力争800万吨，淘汰…50万千瓦, is not).
                or (
                    (goes_on := continued or (previous if bare_count else None)) is not None
                    and goes_on.dimension == f.unit.dimension
                    and not f.doubling
                    and _strives_before(s.original, f.start)
                ),
                scope=scope,
            )
        )
        if (pair := _SHARED_CHANGE.fullmatch(found[-1].indicator)) and found[-1].rate:
            # 财政总收入和地方财政收入年均增长13%: each grows by 13% (a level of two would be
            # their sum, so only a change is shared).
            found[-1:] = [replace(found[-1], indicator=name) for name in pair.groups()]
        lo = used_until = max(name_end, f.after_end)
    return found


#: A change verb opening a name (提高(…分担率4个百分点)).
_CHANGE_VERBS = [w for w in (*INCREASE, *DECREASE) if not w.endswith(("幅", "速", "负增长"))]
_CHANGE_LEAD = re.compile(
    rf"^(?:{'|'.join(sorted(_CHANGE_VERBS, key=len, reverse=True))})(?=[\u4e00-\u9fff]{{2}})"
)
#: Two measures joined before one change (财政总收入和地方财政收入(年均增长13%)).
_MEASURE_END = "|".join(
    sorted({*MONEY_MEASURES, *MEASURE_ENDINGS, "产量", "总值"}, key=len, reverse=True)
)
_SHARED_CHANGE = re.compile(
    rf"([\u4e00-\u9fff]{{0,12}}(?:{_MEASURE_END}))(?:和|及|与|、)"
    rf"([\u4e00-\u9fff]{{0,12}}(?:{_MEASURE_END}))"
)


def _with_measure(s: _Sentence, f: Figure, indicator: str, lo: int, last: Target | None) -> str:
    """A name with the measure its figure's dimension implies when the name does not say it:
    光伏新增1430万千瓦 → 光伏装机; 农村公路项目75个、2500公里 → 农村公路项目里程; 改造低产林1275.9
    万亩 → 改造低产林 (the extent of the 改造); 培训各类人才1万人次 → 培训各类人才."""
    unbracketed = re.sub(r"[（(][^（）()]*[）)]$", "", indicator)  # 送电能力(送端)
    if f.unit.dimension == "power" and unbracketed and not unbracketed.endswith(POWER_MEASURES):
        return indicator + "装机"
    counted = last is not None and last.indicator == indicator and last.dimension == "count"
    if f.unit.dimension in EXTENT_WORDS and counted:
        # 农村公路5条37.7公里, 体育场地100片3.3万平方米: the things counted, then their extent.
        # 实施修复性养护工程30万公里 (no count before it) names its extent already.
        return indicator + EXTENT_WORDS[f.unit.dimension]
    if f.unit.dimension == "count":
        return _with_works(s, f, indicator, lo)
    if (part := _part_of_money(s, f, indicator, last)) is not None:
        return part
    if f.unit.dimension not in ("area", "length", "visits") or indicator.endswith(EXTENT_MEASURES):
        return indicator
    sown = _SOWN.search(indicator) if f.unit.dimension == "area" else None
    lead = indicator[: sown.start()] if sown is not None else ""
    if sown is not None and (not lead or lead.endswith(PLAN_VERBS)):
        return sown.group(2) + sown.group(1) + "面积"  # 计划种植棉花680万亩: 棉花种植面积
    # 人次 count the times an action was done; an area or a length, the extent of the work.
    verbs = EXTENT_VERBS if f.unit.dimension != "visits" else _ACTION_VERBS
    raw = _visible(s.masked[lo : f.start]).rstrip()
    verb = _verb_before(raw, indicator, verbs)
    before = raw[: len(raw) - len(verb + indicator)]
    if verb and (also := next((v for v in LEADING_VERBS if before.endswith(v)), "")):
        verb = also + verb  # 新建改造农村公路: both verbs
    return verb + indicator


def _part_of_money(s: _Sentence, f: Figure, indicator: str, last: Target | None) -> str | None:
    """A part of a sum of money after 其中, named by what it goes to alone (完成投资1200亿元，其中：
    高速公路880亿元): the part's name with the sum's measure (高速公路投资)."""
    last = last or (s.targets[-1] if s.targets else None)  # the sum, in a clause before
    if last is None or last.dimension != f.unit.dimension or last.quote not in s.original:
        return None
    if not f.unit.dimension.startswith("money") or last.rate:
        return None
    words = (*MONEY_MEASURES, *FUND_WORDS)
    measure = next((w for w in words if last.indicator.endswith(w)), None)
    if measure is None or _NAMES_MONEY.search(indicator) or len(indicator) < 2:
        return None
    whole = s.original.find(last.quote)
    return indicator + measure if "其中" in s.original[whole : f.start] else None


#: Words by which a name already says it is money (投资任务, 出口额, 业务总量, 经费).
_NAMES_MONEY = re.compile(rf"{'|'.join((*MONEY_MEASURES, *FUND_WORDS))}|额|总量|支出|产值|规模|GDP")


def _with_works(s: _Sentence, f: Figure, indicator: str, lo: int) -> str:
    """A count of things works are done on, with the works (改造泵站50座, 改扩建2家乡镇卫生院 →
    泵站改造, 乡镇卫生院改扩建): not when the works are listed with building new ones (新建、改造
    10家网点, 新建改扩建幼儿园: the list's count is of the places)."""
    raw = _visible(s.masked[lo : f.start]).rstrip()
    if not indicator or any(v in indicator for v in WORKS_VERBS):
        return indicator  # 改扩建旅游厕所0.5万座: the name holds its works already
    # 改造泵站50座, or 改造8座泵站 (the name after the figure, the verb just before it).
    verb = _verb_before(raw, indicator if indicator in raw else "", WORKS_VERBS)
    before = raw[: raw.rfind(verb)] if verb else ""
    if not verb or before.endswith(("提升", *LEADING_VERBS)) or re.search("[新建]", before[-4:]):
        return indicator  # 新建或者改扩建, 新改扩建, 建设、改造; 提升改造
    return indicator + verb


def _verb_before(raw: str, indicator: str, verbs: tuple[str, ...]) -> str:
    """The verb of ``verbs`` written just before the name at the end of ``raw``, or ""."""
    return next((v for v in verbs if raw.endswith(v + indicator)), "")


def _counts_nothing(indicator: str, f: Figure) -> bool:
    """A count of aims rather than things (4个提升, 2个突破, 3个一体化; not 50处立体绿化): what
    is counted is a verb or a short word of becoming (…化); or of a text's items (共28条)."""
    if indicator in ("共", *CUMULATIVE):
        return True
    aim = indicator in TARGET_VERBS or indicator in INCREASE
    # 实现三个“万元新增”、三个“持续缩小”、三个“基本翻番”: slogans of change, nothing counted.
    bare = indicator.strip("“”\"'‘’")
    change = bare.endswith((*INCREASE, *DECREASE, *INCREMENT)) or DOUBLING.search(bare[-3:])
    aim = aim or (bool(change) and len(bare) <= _SLOGAN_LETTERS + 2)
    becoming = indicator.endswith("化") and len(indicator) <= _SLOGAN_LETTERS
    return f.unit.text in ("个", "项") and (aim or becoming)


def _of_previous(indicator: str, pre: str, previous: Target) -> str:
    """A name the figure before gives: a growth rate in brackets after it is its growth
    (旅游总收入1800亿元(年均增长率15%)); a list item named by its stage alone is that stage of
    the works named before (开工建设安置房90万平方米、竣工80万平方米)."""
    if pre.strip().startswith(("(", "（")) and RATE_WORDS.search(pre):
        return previous.indicator + ("年均增长率" if "年均" in pre else "增长率")
    if indicator in STAGE_VERBS:
        # 开工未来社区5个，完工3个: the stage that opens the name before gives way to this one.
        opening = next((v for v in STAGE_VERBS if previous.indicator.startswith(v)), "")
        if opening and len(previous.indicator) > len(opening) + 1:
            return indicator + previous.indicator[len(opening) :]
        ending = next((v for v in STAGE_VERBS if previous.indicator.endswith(v)), "")
        return previous.indicator.removesuffix(ending) + indicator
    return indicator


def _task_target(s: _Sentence, f: Figure, done: Target, wording: str) -> Target:
    """The year's target a progress report states after what was done (…2093人，占全年目标
    任务1200人的174%): the figure, named and kinded as the done one, in its section."""
    target = _target(
        s,
        f,
        indicator=done.indicator,
        frame=_frame(""),
        kind=done.kind,
        baseline=None,
        baseline_year=None,
        wording=wording,
        strive=False,
    )
    return replace(target, section=done.section)


#: A word of becoming this short (一体化, 现代化) is an aim, not a thing counted.
_SLOGAN_LETTERS = 4


#: The "N-minute circles" of planning language (15分钟生活圈, 1小时通勤圈): names, not targets.
_TIME_CIRCLE = re.compile(r"[\u4e00-\u9fff]{0,4}圈")
#: Words for the ways a thing is done, after a count of the ways just listed (三个方面).
_MANNERS = re.compile(r"(?:形式|方式|模式|类型|方面|途径|渠道|路径)")
#: The effort a figure measures after 通过 or 经过 (通过1至2个奥运周期的努力): the time taken.
_EFFORT = re.compile(r"[\u4e00-\u9fff]{0,8}?的?(?:努力|奋斗|时间)")


#: 涉及 before a count, with at most a scope word or the list's earlier items between (涉及全市
#: 9个县, 涉及6个街道和15个单位).
_INVOLVES = re.compile(r"涉及[全本该共]?[省市县区镇]?共?(?:[^，,；;。]{1,12}(?:和|及|与|、))?$")


#: The words after a count that announce the list it counts (…目标任务分别为：).
_ANNOUNCES = re.compile(rf"[\u4e00-\u9fff]{{1,16}}(?:{'|'.join(LIST_ANNOUNCERS)})\s*[：:]")


#: A place's name then its figure, as a list item's words begin (巴州区1180公里).
_PLACE_FIGURE = re.compile(rf"^(?:其中)?[，,：:\s]*(?P<place>{PLACE.pattern})(?=[0-9０-９])")
#: The base a count is per, just before its figure (平均每1000名老年人(20张床位), 每万人拥有).
_PER_BASE_BEFORE = re.compile(
    r"(?:平均)?(?P<base>每(?:[0-9０-９]+|[十百千万]+)[名个位户家]?[\u4e00-\u9fff]{1,6}?(?:拥有)?)$"
)


def _of_a_size(previous: Target, f: Figure) -> bool:
    """Whether a figure is of the unit and the size of the one before, within a factor of ten
    (医师2.5人，护士3.14人: two figures per head; 医师2.5人，全科医生5000人: a total after one
    per head; 床位40张，机器人密度300台: other things)."""
    if previous.value is None or previous.value <= 0 or f.value <= 0:
        return False
    if previous.unit != f.unit.text:
        return False
    return previous.value / _SIZE_FACTOR <= f.value <= previous.value * _SIZE_FACTOR


#: How far apart two figures of one kind of measure may be in size (see :func:`_of_a_size`).
_SIZE_FACTOR = 10
#: The per-capita lead of a name (每千人口拥有, 每万人), which a list's later items share.
_PER_CAPITA = re.compile(r"^每[十百千万]+(?:常住)?(?:人口|人|名老年人|老年人)(?:拥有)?")


def _lead_clause(s: _Sentence, end: int, level: bool = False) -> str:
    """The name a clause without a figure gives, when it ends just before ``end`` with a comma
    (大力争取上级科技部门资金支持，) or a colon (高等教育毛入学率：): ``""`` when it holds a
    figure or a year, or names nothing. A comparison ends the name (收入增幅高于全省平均水平，
    到2020年达到10000元: 收入增幅), and for a ``level`` figure the growth it compared goes too
    (收入)."""
    before = s.masked[:end].rstrip()
    # 学前一年毛入园率：95%: a label before a colon names the bare figure after it.
    if not before.endswith(("，", ",", "：", ":")):
        return ""
    clause = re.split(r"[，,；;。：:]", before[:-1])[-1]
    if not clause or re.search(rf"[0-9０-９{_MASK}]", clause) or find_figures(clause):
        return ""  # 增加值实现翻番，达到5500亿元: the clause before has a figure of its own
    compared = min((at for w in COMPARISONS if (at := clause.find(w)) > 1), default=len(clause))
    name = _clean_name(clause[:compared], s.ctx.region)
    if level and compared < len(clause):
        name = next((name[: -len(w)] for w in RATE_ENDINGS if name.endswith(w)), name)
    # 在农业方面，: a field named as such is a name however short.
    return name if len(name) >= _SHORT_NAME or _ASPECT.match(_visible(clause).strip()) else ""


def _bare_measure(name: str) -> str:
    """The measure a name is made of alone, after the verb that opens it (完成投资 → 投资), or
    ``""`` when it names more."""
    rest = next((name[: -len(w)] for w in GENERIC_MEASURES if name.endswith(w)), name)
    if rest in BARE_MEASURES:
        return rest  # 增加值总量 (not 增加 as a verb)
    if rest.startswith("总") and rest[1:] in (*BARE_MEASURES, "面积"):
        return rest  # 总产量, 总产值, 总面积: the total of the subject named before
    rest = _strip_leading_verbs(rest)
    rest = next((rest[len(v) :] for v in TARGET_VERBS if rest.startswith(v)), rest)
    return rest if rest in BARE_MEASURES else ""


def _measured_subject(indicator: str, total: str = "") -> str:
    """The subject of a name made of a subject and a bare measure (规模以上工业增加值 →
    规模以上工业), or for a total (``total``: 总产量) of any measure (粮食面积 → 粮食); ``""``
    when it has none."""
    measure = next((m for m in BARE_MEASURES if indicator.endswith(m)), "")
    subject = indicator[: len(indicator) - len(measure)]
    indicator = re.sub(r"(?<=..)播面$", "播种面积", indicator)  # 粮食播面: 播种面积 in short
    crop = total in ("产量", "产值") and indicator.endswith("面积")
    if not measure and (total.startswith("总") or crop):
        # 粮食面积稳定在4000万亩，总产量稳定在1200万吨: the total of the crop named before
        # (粮食播种面积1407.5万亩、产量92.04亿斤: its output).
        subject = indicator
        while m := next((m for m in MEASURE_PARTS if subject.endswith(m)), ""):
            subject = subject[: -len(m)]
        subject = subject.removesuffix("总")  # 蔬菜总面积 → 蔬菜
        # 播种粮食面积, 蔬菜种植面积: the crop.
        sowing = "|".join(SOWING_WORDS)
        subject = re.sub(rf"^(?:稳定|{sowing})+(?=..)|(?<=..)(?:{sowing})$", "", subject)
        measure = "-" if subject != indicator else ""
    return subject if measure and len(subject) >= 2 else ""


def _names_no_measure(target: Target) -> bool:
    """Whether a target's name is only what is measured, no measure of it: a count's (项目),
    or a growth rate's subject (一产业 of 一产业年均增速)."""
    if target.dimension == "count":
        return True
    measured = target.indicator.endswith((*BARE_MEASURES, *MEASURE_PARTS, *GENERIC_MEASURES))
    return target.dimension == "share" and target.rate and not measured


def _inside_next_name(s: _Sentence, f: Figure, nxt: Figure) -> bool:
    """Whether a figure is a threshold inside the name of the next figure (年产值达10亿元以上企业
    5家): nothing but words between them — not two milestones of one measure (突破1万亿元达到
    1.3万亿元), a count and its extent or another count, or a clause a page ran on."""
    gap = s.masked[f.after_end : nxt.start]
    return (
        bool(_visible(gap).strip())  # 贷款797笔9389万元: two figures of one thing, side by side
        and not any(ch in _PUNCT + "（(" for ch in gap)
        and not _milestones(gap)
        and not _count_then_extent(s, f, nxt)
        and not _count_then_count(f, nxt, gap)
        and not _joined_item(f, nxt, gap)
        and not _new_clause(s, f, nxt)
        and not (nxt.unit.dimension == "count" and _ACTS_ON_COUNT.search(_visible(gap)))
    )


def _joined_item(f: Figure, nxt: Figure, gap: str) -> bool:
    """单项冠军300家和专精特新企业1500家: a figure with its unit, then 和 (及, 与) and the next
    item of a list of the same measure, not a threshold of the next name."""
    joined = _visible(gap).lstrip().startswith(ITEM_JOINS)
    return joined and f.after is None and f.unit.text == nxt.unit.text != ""


#: Verbs between two counts that make them a baseline and a target, not two nouns' counts.
_VERBS_BETWEEN_COUNTS = frozenset(
    (*TARGET_VERBS, *LEADING_VERBS, *CUMULATIVE, *INCREMENT, *INCREASE, *DECREASE)
)


def _count_then_count(f: Figure, nxt: Figure, gap: str) -> bool:
    """1079个行政村12026个自然村: two counts of two nouns written one after the other (``gap``,
    the words between), not a threshold inside the next figure's name (a threshold is an
    amount with 以上 before its noun: 10亿元以上企业5家)."""
    between = _visible(gap).strip()
    # 25个乡镇38万农村居民: the places counted, then the people in them.
    counts = f.unit.dimension == "count" and nxt.unit.dimension in ("count", "people")
    counts = counts and not f.chinese
    plain = 1 <= len(between) <= _SHORT_NAME * 2 and re.fullmatch(r"[\u4e00-\u9fff]+", between)
    # 由目前的396家累计突破600家, 从22颗上升到23颗 (a baseline, then the target), 1类新药15个 (a
    # class of it).
    verb = any(v in between for v in _VERBS_BETWEEN_COUNTS)
    classed = f.unit.text in ("类", "级", "种")
    return counts and f.after is None and bool(plain) and not verb and not classed


def _new_clause(s: _Sentence, f: Figure, nxt: Figure) -> bool:
    """合格率达95%以上全省体育产业总规模超过7200亿元: a page that lost its comma — the words
    after the figure open a clause of their own (a scope, or a share followed by a subject and
    its bound), not the name of the next figure."""
    between = _visible(s.masked[f.after_end : nxt.start]).strip()
    if SCOPE_LEAD.match(between) and not between.startswith(("所有", "全部")):
        return True
    return f.unit.dimension == "share" and _frame(between).comparator is not None


def _count_then_extent(s: _Sentence, f: Figure, nxt: Figure) -> bool:
    """建设11个项目1320公里: a count of projects, then their extent — two figures, not a
    threshold inside the next figure's name (年产值达10亿元以上企业5家)."""
    between = _visible(s.masked[f.after_end : nxt.start]).strip()
    projects = between.endswith(PROJECT_HEADS) and len(between) <= _SHORT_NAME * 2
    extent = nxt.unit.dimension in EXTENT_WORDS
    return f.unit.dimension == "count" and extent and f.after is None and projects


def _refers_back(s: _Sentence, f: Figure) -> bool:
    """这两个项目完成后, 这10项惠民实事: a count of things already named, no target (its words
    stay in the name of what follows: 这五个片区污水收集率)."""
    return s.masked[: f.start].rstrip().endswith(DEMONSTRATIVES)


def _milestones(between: str) -> bool:
    """Whether only a bound joins two figures (突破1万亿元达到1.3万亿元): milestones of one
    measure, not a threshold inside the name of the second (产值超10亿元的聚集区达到10个)."""
    frame = _frame(between)
    return frame.comparator is not None and not _visible(frame.core).strip(_PUNCT)


def _background(s: _Sentence, f: Figure) -> bool:
    """A preamble sets out the background and the purpose: a figure there is a target only in a
    sentence that states a deadline or strives for it."""
    if not s.ctx.preamble:
        return False
    has_deadline = any(not y.baseline and y.start < f.start for y in s.years)
    return not has_deadline and not _STRIVE.search(s.original[: f.start])


#: Fewer occurrences than this, in digits and without 每年 or a bound (1期, 2次), are a phase or
#: a round of something named (二期工程), not a count of times.
_FEWEST_OCCURRENCES = 3


#: The hours of a whole day: before a noun or verb they say "round the clock".
_ROUND_THE_CLOCK = 24
#: The magnitudes a unit may open with (万家, 百万亩): 一 of them is a number, not a name's 一.
_MAGNITUDES = "十百千万亿"
#: A rank's verb before a count (居全国15个副省级城市第5, 位列全省11个地市前三).
_RANKED_AMONG = re.compile(r"(?:居|位居|位列|排名|排在|列)[^，,；;。]{0,6}$")
#: The rank after the field's noun: 第5, 前三, 首位.
_RANK = re.compile(
    r"[\u4e00-\u9fff]{1,10}?(?:第[0-9０-９一二三四五六七八九十]+|前[0-9０-９一二三四五六七八九十]+|首位|首)"
)

#: A noun after a count, then 之一 (3项硬任务之一): one of so many.
_ONE_OF = re.compile(r"[\u4e00-\u9fff]{0,8}之一")


def _round_the_clock(s: _Sentence, f: Figure) -> bool:
    """24小时 before a word (24小时自助服务终端, 24小时稳定供水): round the clock, no target."""
    if f.unit.text != "小时" or f.value != _ROUND_THE_CLOCK or f.after is not None:
        return False
    after = _visible(s.masked[f.after_end : f.after_end + 1])
    return bool(re.match(r"[\u4e00-\u9fff]", after)) and after not in ("内", "以", "之")


def _not_a_count(s: _Sentence, c_start: int, f: Figure) -> bool:
    """一期, 二次 count occurrences only after 每年 (二次创业 is a name); a lone Chinese 一 is a
    figure only with a comparator or a kind word before it (一张网, 一个中心 are names)."""
    before = _visible(s.masked[c_start : f.start])
    bounded = _frame(before).comparator is not None or f.after is not None
    idiom = f.chinese or f.value < _FEWEST_OCCURRENCES  # 二次创业, 一期工程: names
    if f.unit.dimension == "occurrence" and _kind_of(before) != "annual" and not bounded and idiom:
        return True  # 跑动次数压缩到0.5次以下, 开展40期研学活动: counts of times
    if _ROLL_CALL.search(before):
        return True  # 大会应到代表307名，实到281名: a meeting's roll call
    goal = _GOAL_NEXT.match(s.masked, f.after_end) is not None
    if before.lstrip(_PUNCT + "“").startswith(FRAMING) and not (bounded and goal):
        # 围绕37条产业链: the scope of a measure, not a target; 围绕“…达标天数保持在300天以上”
        # 的目标 frames a goal, whose figure is the target.
        return True
    items = before.count("、") + len(re.findall(r"[和及与]", before.rsplit("、", 1)[-1]))
    enumerates = before.count("、") and f.value == items + 1 and f.value_max is None
    described = any(v in before for v in DESCRIBING_VERBS) or f.chinese
    if enumerates and described and _kind_of(before) is None:
        return True  # 视频监控、全息感知两个平面; 港口包括东渡、海沧…9个港区: a list's count
    after = _visible(s.masked[f.after_end : f.after_end + 12])
    ways = _MANNERS.match(after)
    kinds = f.unit.text in ("种", "类") or ways
    if f.chinese and kinds and items and f.value == items + 1 and f.value_max is None:
        return True  # 新建、改建和共享三种形式; 灰色和蓝色两种垃圾桶: the kinds just named
    if ways and before.rstrip().endswith("等") and f.after is None:
        return True  # 从A、B、C等7个方面发力: the ways just listed, counted
    describes, verb = max(((before.rfind(v), v) for v in DESCRIBING_VERBS), default=(-1, ""))
    if describes >= 0 and _kind_of(before) is None and f.after is None:
        said = before[describes:]
        frame = _frame(said[len(verb) :])  # 分为4个水系: 为 is the describing verb's
        plain = frame.comparator in (None, "~") and frame.sign == 0
        if plain and not any(v in said for v in TARGET_VERBS):
            return True  # 核心区包括湖南、江西8个省区的近600个县: what an area comprises
    if f.chinese and f.value <= 10 and re.match(r"[\u4e00-\u9fff]{1,6}(?:是|为|包括|：|:)", after):
        return True  # 三个分目标是: the plan announcing what follows
    if f.unit.dimension == "count" and _ANNOUNCES.match(_visible(s.masked[f.after_end :])):
        return True  # 6项主要污染物减排目标任务分别为: the count of the list that follows
    bodies = after.startswith(INVOLVED_BODIES) and not after.startswith("市场")
    if f.unit.dimension == "count" and _INVOLVES.search(before) and bodies:
        return True  # 涉及五个街道办事处17个社区: where the work reaches (not 涉及居民3万户)
    if before.rstrip().endswith(("通过", "经过")) and _EFFORT.match(after):
        return True  # 通过1至2个奥运周期的努力: how long it takes, not a target
    if f.unit.dimension == "count" and _ONE_OF.match(after):
        return True  # 列为重点抓好的3项硬任务之一: one of them, no count set
    if f.unit.dimension == "count" and _RANKED_AMONG.search(before) and _RANK.match(after):
        return True  # 旅游总收入居全国15个副省级城市第5: the field a rank is among
    if f.unit.dimension == "time" and f.after is None and _TIME_CIRCLE.match(after):
        return True  # 15分钟健身圈, 1小时经济圈: a name made with a time, not a target
    # 一万家 is ten thousand: only 一 of a plain measure word (一张网) may be a name's.
    one = f.value == 1 and not f.unit.text.startswith(tuple(_MAGNITUDES))
    if f.chinese and one and f.value_max is None and f.after is None:
        frame = _frame(before)
        built = before.rstrip().endswith(BUILD_VERBS) and f.unit.text in ("个", "座", "家", "所")
        # 建设一个国际椰子交易中心: one thing built counts; 打造“一张网” names a thing.
        return frame.comparator is None and _kind_of(before) is None and not built
    return False


#: A meeting's roll call before its count (应到代表, 实到; not 落实到).
_ROLL_CALL = re.compile(r"(?:应到|(?<!落)实到)(?:代表|委员|人员)?\s*$")
#: A name of a yearly amount (年接待游客, 年产值, 年销售收入).
_YEARLY_NAME = re.compile(r"年(?![均度增下])[\u4e00-\u9fff]")
#: A floor written before the verb that opens the name (至少创建示范县3个), the figure after.
_AT_LEAST_THEN_VERB = re.compile(
    rf"(?:{'|'.join(BOUNDS_BEFORE_VERB)})(?:{'|'.join(LEADING_VERBS)})[^，,；;。]*$"
)
#: Dimensions of things built, counted or laid out: items of one list of works whatever their
#: measure (新建体育公园1900个、健身步道8万公里).
_WORKS = frozenset({"count", "length", "area"})


def _alike_in_list(before: str | None, this: str) -> bool:
    """Whether a list item measured in ``this`` goes on with the kind of the item before it."""
    return before == this or (before in _WORKS and this in _WORKS)


def _within(s: _Sentence, f: Figure, pre: str) -> tuple[str, int] | None:
    """A time something is to be done within (不动产登记5个工作日内办结, 震后1小时内提供评估结果):
    its name is what is done, then 时间 (不动产登记办结时间, 评估结果提供时间), and where the
    words of the name end."""
    if not done_within(s.masked, f):
        return None
    done = _DONE_WITHIN.match(s.masked, f.after_end)
    if done is None:
        return None
    act = _ITEM_JOINS.split(done.group("act"))[0]  # …范围和人员搜救…: the first of the acts
    verb = next((v for v in (*TIMED_VERBS, *LEADING_VERBS) if act.startswith(v)), "")
    what = act[len(verb) :]
    if not verb:
        name = act  # 10小时之内受灾群众基本生活得到救助: what is to have happened
    elif len(what) >= 2:
        name = what + verb  # 1小时内提供灾情评估结果 → 灾情评估结果提供(时间)
    else:
        # 不动产登记5个工作日内办结: what is done names itself before the figure.
        name = _CLOCK_START.sub("", _clean_name(pre, s.ctx.region)) + verb
    return name + "时间", done.start("act") + len(act)


#: What is done within a time: the words after 内, up to the end of the clause.
_DONE_WITHIN = re.compile(r"\s*(?P<act>[\u4e00-\u9fff]{2,16})")
#: When the clock starts (震后, 灾后, 接报后), not what is timed.
_CLOCK_START = re.compile(r"^[\u4e00-\u9fff]{1,3}后$")


def _threshold_of_noun(s: _Sentence, f: Figure, item_end: int) -> bool:
    """投资500万元以上重点项目, 亿元以上企业: an amount with 以上/以下 before a noun is a
    threshold that names a group, not a target (a count before its noun is: 20家以上企业)."""
    if _age_of_people(s, f):
        return True
    if f.unit.dimension == "count" and _GROUP_THEN_COUNT.match(s.masked, f.after_end):
        return True  # 年出栏生猪20万头以上的基地镇乡达5个: the group's threshold, then its count
    if f.unit.dimension == "share" and f.after in (">=", "<="):
        rated = _RATE_BEFORE.search(_visible(s.masked[max(0, f.start - 40) : f.start]))
        if rated is not None and re.match(r"\s*的[\u4e00-\u9fff]", s.masked[f.after_end :]):
            # 贫困发生率在18%以上的县和20%以上的村: the groups' rate sets them apart, no target.
            return True
    if f.unit.dimension in ("count", "share") or f.after not in (">=", "<="):
        return False  # 80%以上行政村通光纤: a share of a group, as 80%以上的行政村 is
    if done_within(s.masked, f):
        return False  # 5个工作日内办结: the time it is done within, not a group's threshold
    if f.unit.text == "名":
        return False  # 10000名以上网红达人: 名 counts people, as 个 counts things
    post = s.masked[f.after_end : item_end].lstrip()
    if _GOAL_NEXT.match(post):
        return False  # 达标天数保持在300天以上的目标: the goal set, no group's threshold
    if _REACHES.search(post.split("，")[0]):
        return False  # 50平方公里以上建设用地面积达到…要求: the extent reaching it is the target
    noun = re.split(r"[，,；;。]", post, maxsplit=1)[0]
    if any(w in noun for w in _EXTENT_NAMES.get(f.unit.dimension, ())):
        return False  # 2.5万亩以上的推广面积: the extent named is the target, no group's
    if post.startswith("的") and f.unit.dimension != "share":
        return True  # 20人以上的自然村: a threshold before 的 too (50%以上的企业 is a share)
    return bool(post) and post[0] not in _PUNCT + _MASK + "的（("


#: A rate and 在 just before a share (贫困发生率在18%以上的县): the group's own rate.
_RATE_BEFORE = re.compile(
    r"(?:率|比重|比例)在\s*(?:[0-9.]+\s*[%％](?:以上|以下)的[\u4e00-\u9fff]{1,6}[和、及与]\s*)?$"
)
#: After a count and its bound, the group it sets the threshold of and that group's own count
#: (20万头以上的基地镇乡达5个, 10万头~20万头的达50个).
_GROUP_THEN_COUNT = re.compile(
    r"\s*(?:以上|以下)?的[\u4e00-\u9fff]{0,12}?(?:达到|达|超过|突破|有|为)\s*[0-9０-９]"
)


def _age_of_people(s: _Sentence, f: Figure) -> bool:
    """Whether a figure is the age of the people named after it, a word of their name: 为14周岁
    女孩免费接种疫苗, whatever its bound (not 的73.25岁增长到74岁: a baseline and its change)."""
    after = s.masked[f.after_end :]
    if f.unit.text == "个月" and _MONTHS_OLD.match(after):
        return True  # 6个月内婴儿纯母乳喂养率: the infants' age in months
    if f.unit.dimension != "age" or not re.match(r"[\u4e00-\u9fff]", after):
        return False
    return not after.startswith("的") and _VERB_AFTER_AGE.match(after) is None


#: Infants of an age in months (6个月内婴儿, 6个月以下婴幼儿).
_MONTHS_OLD = re.compile(
    r"(?:内|以内|以下|以上|至[0-9０-９]+岁)?的?(?:婴儿|婴幼儿|幼儿|儿童|新生儿)"
)
#: A change after an age (77.1岁提高到78.4岁): the age is a baseline, no people's.
_VERB_AFTER_AGE = re.compile(
    "|".join((*INCREASE, *DECREASE, "延长", "达到", "以上", "以下", "左右"))
)
#: The words that name an extent of a dimension (推广面积, 改造里程).
_EXTENT_NAMES = {"area": ("面积",), "length": ("长度", "里程")}
#: The predicate of a group that a bound before it measures (…建设用地面积达到…要求).
_REACHES = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:达到|实现)")
#: Between a baseline and its target: a change verb (增长, 降低, 提前, 延长, 增 …) and 到/至, and
#: the target's year, masked with the 到 before it (增加到2025年的25万个).
_FROM_TO = re.compile(
    r"[，,]?\s*(?P<verb>[\u4e00-\u9fff]{0,2}?)(?:(?:到|至)\s*(?:\x00+的?)?|\x00+的?)\s*"
    r"|\s*(?:累计|力争)?(?P<bound>突破|超过|达到)\s*"
)
#: The words before a baseline's figure, ending where it starts.
_OPENS_BASELINE = re.compile(rf"{BASELINE_OPENING}\s*$")
#: Change verbs that go down: the target is a ceiling (从70公里降低到65公里).
_DOWN = re.compile(r"降|减|缩|压")


def _baseline(s: _Sentence, lo: int, f: Figure, nxt: Figure) -> tuple[Decimal, int, str] | None:
    """由2025年的30亿元增长到100亿元, 从38分钟提前到45分钟: the first figure is the baseline of
    the second; returns its value (in the second's unit), where the words 由… start, and the
    words that state the target's comparator (达到, or 控制在 for a change down)."""
    between = s.masked[f.after_end : nxt.start]
    m = _FROM_TO.fullmatch(between)
    if m is None or any(c in (m.group("verb") or "") for c in "由从比较"):
        return None
    opening = _OPENS_BASELINE.search(s.original[lo : f.start])
    if opening is None or f.unit.dimension != nxt.unit.dimension:
        return None
    stated = "控制在" if _DOWN.search(m.group("verb") or "") else "达到"
    if "累计" in between:
        stated = "累计" + stated  # 由目前的396家累计突破600家: the target is cumulative
    return tidy(f.value * f.unit.factor / nxt.unit.factor), lo + opening.start(), stated


def _described(
    s: _Sentence, f: Figure, item_end: int, clause_end: int, later: list[Figure]
) -> tuple[str, int] | None:
    """培育5家年销售收入超10亿元的企业: a count whose name, after it, holds another figure.

    Returns the name and where it ends. In a list sharing one noun (1家…超过1000亿元、4家…超过
    100亿元的骨干企业) each item gets that noun.
    """
    if f.unit.dimension != "count":
        return None
    segment = s.masked[f.after_end : item_end]
    if "的" in segment:
        modifier, head = segment.rsplit("的", 1)
        head, _ = _cut_predicate(head.strip(_PUNCT))
        if not head:
            return None
        end = f.after_end + len(modifier) + 1 + len(head)
        return _visible(modifier).strip(_PUNCT) + "的" + head, end
    inner = next((g for g in later if f.after_end <= g.start < item_end), None)
    if (
        inner is not None
        and inner.unit.dimension == "count"
        and _ACTS_ON_COUNT.search(_visible(s.masked[f.after_end : inner.start]))
    ):
        inner = None  # 360个活动室提供不少于2000场文化活动: what they do, a count of its own
    if inner is not None:
        # 培育5家营业收入过500亿元企业: the figure inside names a threshold, the noun after it
        # ends the name.
        noun = re.match(r"[\u4e00-\u9fff“”（）()]+", s.masked[inner.after_end : item_end])
        if noun is not None and noun.group():
            end = inner.after_end + noun.end()
            return _visible(s.masked[f.after_end : end]).strip(_PUNCT), end
    tail = s.masked[item_end:clause_end]
    if not any(item_end <= g.start for g in later) or "的" not in tail:
        return None
    head, _ = _cut_predicate(tail.rsplit("的", 1)[1].strip(_PUNCT))
    if not head:
        return None
    return _visible(segment).strip(_PUNCT) + "的" + head, item_end


#: A verb of activities (and a bound) just before a count inside the words after a count: the
#: counted do something counted too (360个活动室提供不少于2000场), no threshold of theirs.
_ACTS_ON_COUNT = re.compile(
    rf"(?:{'|'.join(EVENT_VERBS)})"
    rf"(?:{'|'.join(AT_LEAST)})?\s*$"
)


# ------------------------------------------------------------------------------- names


#: A rate written as a speed (以年均11.5%的速度增长): 以 before the figure, 的速度 after it.
_AT_RATE = re.compile(r"以(?:年均|每年|年)?(?:增长|递增|下降)?$")
_AT_SPEED = re.compile(r"的(?:速度|增速)(?:(?P<down>下降|递减|减少)|增长|递增|发展|提高|上升)?")
#: A clause that only strives further (…以上，力争达到1500万千瓦): the same target's stretch.
_STRETCH = re.compile(rf"(?:{'|'.join(STRIVE)})(?:{'|'.join((*FIGURE_OPENERS, '突破', '实现'))})?")
#: A modal or 到 with the 占 of a share (要占到, 将占, 占到): the share alone is its name's.
_SHARE_VERB = re.compile(r"(?<=[\u4e00-\u9fff])(?:[要将应须需可]占到?|占到)(?=[\u4e00-\u9fff])")
#: 约 opening a share of a base (约占总人口的18%).
_ABOUT_SHARE = re.compile(rf"^\s*(?:{'|'.join(ABOUT_BEFORE_VERB)})(?=占)")


def _name(
    s: _Sentence,
    f: Figure,
    frame: _Frame,
    pre: str,
    post_end: int,
    previous: Target | None,
    scope: list[str],
) -> tuple[str, int, str]:
    """The indicator of a figure, where its words end, and the form it was read in: ``share``
    (70%的企业…), ``after`` (培育10家企业), ``before`` (企业超10家) or ``list`` (…、10家)."""
    post = s.masked[f.after_end : post_end]
    acts = _ACTS_ON_COUNT.search(post) if s.masked[post_end : post_end + 1].isdigit() else None
    if acts is not None and acts.start() > 0 and f.unit.dimension in ("count", "people"):
        # 360个活动室(全年)提供不少于2000场: the verb and its bound are the next figure's.
        post = TRAILING_WORDS.sub("", post[: acts.start()])
    list_item = _visible(pre).lstrip().startswith("、")
    if post.lstrip().startswith(("等", *MILESTONE_WORDS)):
        # 盖度达到57%等一系列目标: 等 closes a list of targets, it names none; 突破千亿元大关,
        # 跨上1.4万亿斤台阶: the mark passed, not what is counted.
        post = ""
    core = _visible(frame.core).rstrip()
    if f.unit.dimension == "share" and "占" in core and _names_a_base(core):
        # 文化和旅游产业增加值占GDP的12%, 增加值占地区生产总值2%以上: the share is 占GDP比重
        # (市场份额的15%: 份额 already).
        if (about := _ABOUT_SHARE.match(core)) is not None:
            core = core[about.end() :]  # 约占总人口的18%: about so much of the base
            frame.comparator = "~"
        name = _clean_name(core.removesuffix("的"), s.ctx.region, scope)
        name = _SHARE_VERB.sub("占", name, count=1)  # 面积要占到…: the share, not the plan's must
        name += "" if name.endswith(SHARE_NAMES) else "比重"
        subject = name.split("占", 1)[0]
        subjectless = not subject or subject in _SUBJECTLESS
        if previous is not None and subjectless and _share_of(previous, name):
            # 体育产业总规模…，增加值占GDP2%以上 → 体育产业增加值占GDP比重.
            name = _share_subject(previous.indicator) + name
        return name, f.after_end, "before"
    share_of = _SHARE_OF.search(core) if f.unit.dimension == "share" else None
    if share_of is not None:
        # 本地用工人数不低于用工总量的30%: a share of what stands between the bound and 的.
        subject = _clean_name(core[: share_of.start()], s.ctx.region, scope)
        subject = re.sub(r"(?<=..)(?:数量|个数|总数)$", "", subject)  # 社区数量达到城市社区的60%
        frame.comparator = _frame(core[: share_of.start("base")]).comparator
        return f"{subject}占{share_of.group('base')}比例", f.after_end, "before"
    speed = _AT_SPEED.match(post) if f.unit.dimension == "share" else None
    at_rate = _AT_RATE.search(_visible(pre).rstrip()) if speed is not None else None
    if speed is not None and at_rate is not None:
        # 以年均11.5%的速度增长: a growth rate; of the subject before 以, else of the measure
        # the sentence named before.
        subject = _clean_name(_visible(pre).rstrip()[: at_rate.start()], s.ctx.region, scope)
        if not subject and previous is not None:
            subject = previous.indicator
        if subject:
            frame.sign = -1 if speed.group("down") else 1
            return subject, f.after_end + speed.end(), "growth"
    growth = _GROWTH_AFTER.match(post) if f.unit.dimension == "share" else None
    if growth is not None and (subject := _clean_name(frame.core, s.ctx.region, scope)):
        # 行业收入保持10%左右的年增长: the growth of the subject, by the words after the figure.
        frame.sign = 1
        return subject, f.after_end + growth.end(), "growth"
    goal = _GOAL_AFTER.match(post)  # 筛查率95%以上的目标: named by the words before
    if post.startswith("的") and f.unit.dimension == "share" and goal is None:
        name, used = _share_name(post[1:])
        return name, f.after_end + 1 + used, "share"
    verb = next((v for v in TARGET_VERBS if core.endswith(v)), "")
    if post.startswith("的") and f.unit.dimension.startswith("money") and verb:
        named = _post_noun(post[1:])
        if named is not None and _NAMES_MONEY.search(named[0]):
            # 天然饮用水产业形成400亿元的产值规模: the money is the measure after 的, of the
            # subject before the verb.
            subject = _clean_name(core[: -len(verb)], s.ctx.region, scope)
            if not subject and previous is not None and _bare_measure(named[0]):
                # 天然饮用水产量达到500万吨，形成400亿元的产值规模: the same subject's.
                subject = _measured_subject(previous.indicator, named[0])
            return subject + named[0], f.after_end + 1 + named[1], "after"
    noun = None
    extent = any(w in post for w in _EXTENT_NAMES.get(f.unit.dimension, ()))
    if post.startswith("的") and (f.unit.dimension == "count" or extent):
        # 1000个以上的“数字标签”: the count's 的 joins it to what it counts; 2.5万亩以上的推广
        # 面积 to the extent it is.
        noun = _post_noun(post[1:])
        if noun is not None:
            return noun[0], f.after_end + 1 + noun[1], "after"
    if f.unit.dimension == "share" and (noun := _post_noun(post)) is not None:
        # 实现100%BIM交付: a share written before what it is a share of → 新建住宅建筑BIM交付率.
        subject = _clean_name(frame.core, s.ctx.region, scope)
        # 80%以上行政村通光纤: a share of a group (比例); 实现100%BIM交付: a rate (率).
        ending = "比例" if f.after is not None else "率"
        ratio = noun[0] if noun[0].endswith(("率", "比例", "占比", "比重")) else noun[0] + ending
        return subject + ratio, f.after_end + noun[1], "before"
    # 为 read as "is" leaves no core; 对近1000万…: the core is without the bound.
    served = f.unit.dimension == "people" and frame.sign == 0
    served = served and any(BENEFICIARY.search(_visible(t)) for t in (pre, frame.core))
    if served and (people := _served(post)) is not None:
        return people[0], f.after_end + people[1], "after"
    if frame.comparator is None and frame.sign == 0:
        noun = _post_noun(post, _visible(pre).rstrip().endswith(PARTNER_PREPOSITIONS))
    elif frame.comparator is not None and _visible(frame.core).rstrip().endswith(
        (*TARGET_VERBS, *EXTENT_VERBS)
    ):
        # 带动近千家中小企业, 改造升级不少于50栋…设施: the verb stands before the comparator.
        noun = _post_noun(post)
    elif frame.comparator is not None and _visible(frame.core).rstrip().endswith(DESCRIBING_VERBS):
        noun = _post_noun(post)  # 且包含至少1.5万张照护床位: what is included is counted
    elif frame.comparator is not None and _ends_with_verb(pre) and _is_verbs_only(frame.core):
        # 突破50项关键技术: 突破 is the verb here, the figure counts what follows (加工能力达到
        # 150万吨 is named before its verb).
        noun = _post_noun(post)
        if noun is not None:
            frame.comparator = None
    if noun is not None:
        name, used = noun
        form = "list" if not _visible(pre).strip(_PUNCT) else "after"
        per = _PER_BASE_BEFORE.search(_visible(pre).rstrip())
        if per is not None and not name.startswith("每"):
            name = per.group("base") + name  # 每万人拥有100个机器人 → 每万人拥有机器人
        purpose = MONEY_PURPOSE.match(name) if f.unit.dimension == "money" else None
        if purpose is not None and len(name) - purpose.end() >= 2:
            # 12亿元用于实施寄宿制学校建设工程, 安排资金2000万元用于公路养护: the money for the
            # works, called as the sentence calls it (投资 when it does not say).
            said = re.findall("|".join(FUND_WORDS), _visible(s.masked[: f.start]))
            name = name[purpose.end() :] + (said[-1] if said else "投资")
        if name in PROJECT_HEADS and previous is not None:
            # 高速公路建设计划投资213亿元，建设11个项目: the projects of what was invested in.
            invested = previous.indicator.removesuffix("投资")
            whole = re.sub(f"(?:{'|'.join(EXTENT_WORDS.values())})$", "", previous.indicator)
            part = _visible(pre).strip(_PUNCT)
            if invested != previous.indicator and len(invested) >= 2:
                name = invested + name
            elif part.startswith("其中") and whole.endswith(name):
                name = part.removeprefix("其中") + whole  # 其中续建10个项目: those projects
        return name, f.after_end + used, form
    name = _clean_name(frame.core, s.ctx.region, scope, f.unit.dimension == "share")
    if name in PREPOSITIONS:
        name = ""  # 到2030年在55%左右: the figure of the name before, at a later year
    if not name and (noun := _post_noun(post)) is not None:
        if f.unit.dimension == "count" and frame.sign > 0:
            frame.sign = 0  # 改造提升50个养老院, 增加20个泊位: things upgraded or added
            frame.added = _ADDS.search(_visible(pre).rstrip()) is not None
        return noun[0], f.after_end + noun[1], "after"
    if not name and _ends_with_verb(frame.core) and (raw := _visible(post).strip(_PUNCT)):
        # 培育打造3个以上具有一定规模中央厨房行业龙头: the words after the figure, as written.
        return raw, post_end, "after"
    if "等" in name[:-2] and "、" in name.rsplit("等", 1)[0]:
        name = name.rsplit("等", 1)[1]  # A、B、C等各级各类平台 → 各级各类平台
        # 工业、农业等领域设备投资规模: the fields listed, then the measure of them all.
        name = re.sub(rf"^(?:重点)?(?:{'|'.join(FIELD_WORDS)})的?(?=..)", "", name)
    if previous is not None and name.startswith("占") and _share_of(previous, name):
        # 数字经济规模达到…，占GDP比重超过50%: the share of the subject named before.
        name = _share_subject(previous.indicator) + name
    level = f.unit.dimension != "share"
    if not name and not list_item and (lead := _lead_clause(s, f.start - len(pre), level)):
        # 大力争取上级科技部门资金支持，确保超过6000万元: the clause before names what the
        # bare figure measures.
        name = lead
    measure = _bare_measure(name) if not name.startswith("总") else ""
    if measure and not list_item and (lead := _lead_clause(s, f.start - len(pre))):
        # 发展养生滋补预制菜产业，产值突破100亿元; 开展农村人居环境整治，完成投资25亿元: the
        # value (the investment) of what the clause before names.
        name = lead if lead.endswith(measure) else lead + measure  # 扩大有效投资，完成投资…
    if name in STAGE_VERBS and previous is None and not list_item:
        # 实施老旧小区改造提升工程，开工25个、竣工11个: the stage of the works the clause
        # before names.
        lead = _lead_clause(s, f.start - len(pre))
        works = re.sub(r"(?<=..)(?:工程|项目)$", "", lead)
        name = works + name if works else name
    if (not name or name in GENERIC_MEASURES) and previous is None and s.ctx.subject:
        # 总量达到2万亿元, 增速实现15%: the measure the passage is about, named before.
        name = s.ctx.subject
    if previous is not None and name in GENERIC_MEASURES and name not in RATE_ENDINGS:
        name = previous.indicator
    grown = next((c for c in CHANGE_NAMES if frame.sign > 0 and c == name + "增长"), None)
    if grown is not None:
        return grown, f.after_end, "before"  # 经济增长6%左右: the growth of the economy
    # 蔬菜种植面积8万亩、产量26万吨: the output of the crop just named, not of one before.
    short = len(name) <= _SHORT_NAME and not (name in STAGE_VERBS and previous is not None)
    # 新增养殖场95个，实现产值31亿元: a measure after a count of other things is not the
    # measure named in a sentence before.
    short = short and (previous is None or previous.dimension == f.unit.dimension)
    if short and not (previous is not None and _measured_subject(previous.indicator, name)):
        # 猕猴桃产业基地达12万亩…；到2025年，基地达16万亩: the short name is the long one again.
        earlier = [*s.ctx.names, *(t.indicator for t in s.targets)]
        whole = next((n for n in reversed(earlier) if len(n) > len(name) and n.endswith(name)), "")
        staged = _verb_before(_visible(pre).rstrip(), name, STAGE_VERBS)
        if whole and name and staged and not whole.startswith(staged):
            # 续建项目11个，新开工项目5个: a stage of its own, not the works named before.
            return staged + name, f.after_end, "before"
        if whole and name:
            return whole, f.after_end, "before"
    last = s.ctx.last if previous is None and AREAS_ONLY.fullmatch(name) else None
    if last is not None and _of_one_measure(last, f) and not AREAS_ONLY.fullmatch(last.indicator):
        # 城市污水处理率达到95%。…县城不低于85%；…污泥无害化处置率达到90%；重点镇提高5个百分点:
        # the measure named last, over that area.
        return _over_area(name, last.indicator), f.after_end, "before"
    if previous is not None:
        if not name:
            name = previous.indicator  # 到2030年，进一步提升至10家以上
            share = next((w for w in SHARE_NAMES if name.endswith(w)), "")
            if share and f.unit.dimension == "people" and previous.dimension == "share":
                name = name[: -len(share)]  # 健身人口比例达到40%、3000万人以上: the people
        elif RATE_WORDS.fullmatch(name) or name in FALL_ENDINGS:
            # 营业收入500亿元，年均增长15%; 能源消耗…，年均下降率为4.25%: the change of it.
            name = previous.indicator + name
        elif len(name) <= _SHORT_NAME + 1 < len(previous.indicator) and (
            previous.indicator.endswith(name[:2])
        ):
            # 经费投入年均增长18%，投入强度达3% → 经费投入强度: the measure of what was named.
            name = previous.indicator + name[2:]
        elif AREAS_ONLY.fullmatch(name) and previous.dimension == f.unit.dimension:
            # 入园率达到90%，其中东部地区达到95%，西部地区达到80% → 东部地区入园率, 西部地区入园率;
            # 地级及以上城市污泥无害化处置率达到90%，其他城市达到75% → 其他城市污泥无害化处置率;
            # 县城不低于85%，其中东部地区力争达到90% → 东部地区县城…: a part of that area.
            within = re.search(rf"其中[，,]?{re.escape(name)}", _visible(pre)) is not None
            name = name + previous.indicator if within else _over_area(name, previous.indicator)
        elif (
            (list_item or _of_a_size(previous, f))
            and (per := _PER_CAPITA.match(previous.indicator))
            and (previous.dimension == f.unit.dimension and not name.startswith("每"))
        ):
            # 每千人口拥有执业(助理)医师3.2人、注册护士3.8人; 每千常住人口执业(助理)医师数达到
            # 2.5人，注册护士数达到3.14人: per thousand people, both.
            name = per.group() + name
        elif (measure := _bare_measure(name)) and list_item and _names_no_measure(previous):
            # 实施公路水路项目159个、完成投资136.64亿元: the investment of those projects;
            # 一产业年均增速保持在2.6%以上、增加值总量冲刺63.3亿元: 一产业's value added.
            name = previous.indicator + measure
        elif measure and (subject := _measured_subject(previous.indicator, measure)):
            # 规模以上工业增加值9000亿元以上，实现主营业务收入3.8万亿元: the same subject's.
            name = subject + measure
        elif (
            PLACE.fullmatch(name)
            and not PLACE.fullmatch(previous.indicator)
            and (
                ("其中" in s.masked[: f.start] and previous.dimension == f.unit.dimension)
                or _same_measure_unit(previous, f)
            )
        ):
            # 建成建制村联网路6500公里，其中，巴州区1180公里，恩阳区1200公里: each place's part;
            # 核心业务接入率达到70%，西宁市达到85%: the place's own figure of the measure.
            before = _PLACE_FIGURE.match(_visible(previous.wording))
            base = previous.indicator
            if before is not None and base.startswith(before.group("place")):
                base = base[len(before.group("place")) :]
            elif 0 < (region := _region_end(base)) < len(base) - 1:
                base = base[region:]  # 汾渭平原PM2.5浓度…，北京市控制在32微克/立方米
            elif (other := PLACE.match(base)) is not None and other.end() < len(base) - 1:
                base = base[other.end() :]  # 长春市旅游总收入…，吉林市突破2000亿元
            name += base
        elif _LEVEL_ONLY.match(name):
            # 其中国家级10家 → 国家级 + the name before; 省级…可办率不低于90%，市、县级不低于70%
            # → the same measure at the other level.
            name = name + _LEVEL_LEAD.sub("", previous.indicator)
        elif (
            (scoped := _SCOPED_HEAD.match(name)) is not None
            and "其中" in _visible(pre)
            and previous.indicator.endswith(scoped.group(2))
            and scoped.group(1) not in previous.indicator
        ):
            # 高新技术企业突破12000家，其中规模以上企业不少于2000家 → 规模以上高新技术企业:
            # the scope word narrows the things named before.
            name = scoped.group(1) + previous.indicator
    return name, f.after_end, "before"


def _over_area(area: str, indicator: str) -> str:
    """The measure of ``indicator`` taken over ``area`` instead of the area it names (城市污水
    处理率 → 县城污水处理率); the whole indicator after ``area`` when it names none."""
    m = SETTLEMENT_LEAD.match(indicator)
    at = m.end() if m is not None else _region_end(indicator)
    return area + (indicator[at:] if len(indicator) - at >= 2 else indicator)


def _of_one_measure(last: Target, f: Figure) -> bool:
    """Whether a figure can be of the measure of an earlier target: in its unit, or the change
    in points of its share (处置率达到90%…；重点镇提高5个百分点)."""
    return last.unit == f.unit.text or (last.dimension == "share" and f.unit.dimension == "points")


def _same_measure_unit(previous: Target, f: Figure) -> bool:
    """Whether a figure after a place is one of the measure just before: in its unit, or a level
    after its change; not a count (a count after 省级经开区 counts the places themselves)."""
    if f.unit.dimension == "count":
        return False
    # 浓度分别下降20%、15%，北京市控制在32微克/立方米: the level of the measure whose change
    # went before.
    return previous.unit == f.unit.text or (previous.rate and f.unit.dimension != "share")


def _with_threshold(name: str, previous: str) -> str:
    """A list item that changes only the threshold of the group before it takes that group's
    other words: 亿元以上企业180家，10亿元以上的8家 → 营业收入10亿元以上的企业;
    10亿元以上产业集群15个，其中50亿元以上的4个 → 50亿元以上产业集群."""
    own = AMOUNT_THRESHOLD.search(name)
    theirs = AMOUNT_THRESHOLD.search(previous)
    if own is None or theirs is None:
        # 年出栏生猪20万头以上的基地镇乡达5个，10万头~20万头的达50个: a threshold of a count.
        own, theirs = _COUNT_THRESHOLD.match(name), _COUNT_THRESHOLD.search(previous)
    if own is None or theirs is None or own.start() > 0:
        return name
    rest = name[own.end() :].removeprefix("的")
    head = previous[theirs.end() :]
    if not rest:
        return previous[: theirs.start()] + own.group() + head
    if head.removeprefix("的").endswith(rest):
        return previous[: theirs.start()] + name
    return name


#: A count's threshold inside a name: a bound after it (20万头以上) or a range (10万头~20万头).
_COUNT_THRESHOLD = re.compile(
    r"[0-9０-９.．]+[十百千万亿]*[\u4e00-\u9fff]?(?:[~～\-—至]|到)[0-9０-９.．]+[十百千万亿]*[\u4e00-\u9fff]?"
    r"(?:及?以上|及?以下)?|[0-9０-９.．]+[十百千万亿]*[\u4e00-\u9fff]?及?(?:以上|以下)"
)


#: Measures that name no subject of their own (增加值占GDP比重 after 体育产业总规模).
_SUBJECTLESS = frozenset({*GENERIC_MEASURES, *BARE_MEASURES})


def _names_a_base(core: str) -> bool:
    """Whether the words before a share end with 占 and its base: 占GDP的, or a base without 的
    that is money or a total (占地区生产总值, 占能源消费总量)."""
    if core.endswith("的"):
        return True
    base = core.rsplit("占", 1)[1]
    whole = SCOPE_LEAD.fullmatch(base) is not None  # 营业收入占全省53%: of the province's total
    return whole or bool(MONEY_BASE.search(base)) or base.endswith(("总量", "总数", "总额"))


#: A name this short that ends the name before it is that name again (基地 after 产业基地).
_SHORT_NAME = 3


def _ends_with_verb(pre: str) -> bool:
    """Whether the words before a figure end with a verb of setting a target (突破, 达成)."""
    return _visible(pre).rstrip().endswith(TARGET_VERBS)


def _is_verbs_only(core: str) -> bool:
    """Whether the words before a figure are only verbs and connectives (培育, 建设运营)."""
    text = _visible(core).strip(_PUNCT)
    text, _ = _strip_words(text + "。", CONNECTIVES)
    text = text.rstrip("。")
    while text:
        word = next((w for w in TARGET_VERBS if text.startswith(w)), None)
        if word is None:
            return False
        text = text[len(word) :]
    return True


def _clean_name(
    core: str, region: tuple[str, ...], scope: list[str] | None = None, share: bool = False
) -> str:
    """A name from the words before a figure, without connectives, scope, kind words and the
    verb that opens it: 力争到2025年，全省培育形成规上工业企业 → 规上工业企业. The scope words
    taken off (全省) are added to ``scope``. A share's name keeps the words of what is new
    (新增新能源汽车占比, 新建建筑中绿色建筑比重): they say which group it is a share of."""
    text = DEFINITION.sub("", _WILL.sub("", _visible(core))).strip(_PUNCT)
    text = _PAGE_LABEL.sub("", text)  # 【PDF版】完成投资: a page's label
    text = _BYLINE.sub("", text).strip(_PUNCT)  # (通讯员，…，记者，…)年底前再建…: a news byline
    text = _NEWS_LEAD.sub("", text).strip(_PUNCT)  # 合肥日报讯 记者从蜀山区获悉，该区将投资
    if (opened := _UNCLOSED.search(text)) is not None:
        # (技术可采储量, 对科技的投入(“九五”末，财政科技拨款占…: a bracket opened before the
        # name and never closed.
        text = text[opened.end() :]
    text = _SPEAKER.sub("", text)  # 住建部：各地计划改造…: who says it, a headline's lead
    text = _FRAMED.sub("", text)  # 围绕“全年空气质量达标天数…”的目标: the goal framed, named
    if len(told := text.rsplit("——", 1)[-1].strip(_PUNCT)) >= 2:
        text = told  # 定下了目标——(到2030年)全省网络零售额: what a dash opens is the statement
    if len(owned := _DOCUMENT_LEAD.sub("", text)) >= 2:
        text = owned  # 《行动计划》(将2023年)的产业规模: the document that sets it, not the name
    text = _ASPECT.sub(r"\1", text)  # 在制造业方面，完成投资 → 制造业，完成投资
    if text.startswith("“") and "”" not in text:
        text = text.lstrip("“").strip(_PUNCT)  # “到2020年，…: a quoted statement's opening quote
    if text.startswith("”"):
        text = text[1:].strip(_PUNCT)  # “十二五期间”规模以上…: the quote closing a time before
    text = _CATEGORY_LEAD.sub("", text)  # 安全生产类包括X → X
    if text.lstrip(_PUNCT) in STAGE_VERBS:
        return text.lstrip(_PUNCT)  # 竣工460万套、新开工600万套: a stage alone, of the works before
    for written, standard in WORD_ORDERS:
        text = text.replace(written, standard)  # 新增城镇就业 → 城镇新增就业
    # 每年新增X → X; but 城镇新增就业 is the statistic's own name (新增 before 就业 stays),
    # 人均年增收 keeps its 年增, and a name with a kind's word in it (新增劳动力, 牧业年度) its
    # word.
    kept = _KIND_WORD_NAME.split(text)
    for word, kind, pattern in _KIND_WORD_SUBS:
        if share and kind == "increment":
            continue
        kept = [
            part if i % 2 or (word is not None and word not in part) else pattern.sub("", part)
            for i, part in enumerate(kept)
        ]
    # 迁建、新建、小区配建: a kind word taken out of a list of verbs leaves its mark.
    text = _EMPTY_ITEM.sub("、", "".join(kept))
    taken: list[str] = []
    for _ in range(4):
        before = text
        text, _ = _strip_words(text, CONNECTIVES)
        text = TIME_PHRASES.sub("", text).lstrip(_PUNCT)
        if m := SCOPE_LEAD.match(text):
            taken.append(m.group().removesuffix("的"))
            text = text[m.end() :].lstrip(_PUNCT)
        text, regional = _strip_words(text, region, _OTHER_UNIT)
        taken.extend(regional)
        text = _strip_leading_verbs(text, INCREMENT if share else ())
        joined = text[1:].lstrip(_PUNCT)
        if text.startswith(("并", "和", "还")) and joined.startswith(
            (*LEADING_VERBS, *CONNECTIVES)
        ):
            text = joined  # 建成并开通5G基站; 并基本改造完成; 还将增加; 并新增、优化调整
        elif text.startswith("并") and not text.startswith(BING_WORDS):
            text = joined  # 并维修加固校舍20所: the conjunction, not a word of the name
        text = ORDINAL.sub("", text)
        text = LEADING_PARTICLES.sub("", text)
        if text.startswith("达到") and "的" not in text:
            text = text[2:]  # 达到能效标杆水平以上产能比例; 达到三级水平的医院 keeps its clause
        if text == before:
            break
    if scope is not None:
        scope.extend(taken)
    if text in PLAN_VERBS:
        return ""  # 拟(增加1200个学位): the plan's word alone names nothing
    planned = _PLANNED_MEASURE.match(text)
    if planned is not None and planned.group(1) not in ("计划", "预计"):
        # 高速公路建设计划投资213亿元: the measure of what is named before the verbs.
        return planned.group(1) + planned.group(2)
    doer = _PLANNING_DOER.match(text)
    if doer is not None and (len(text) - doer.end() >= 4 or doer.end() == len(text)):
        text = text[doer.end() :]  # 齐齐哈尔市计划(新建)农村饮水解困工程: who plans it goes
    text = _without_strive(text)  # 发明专利拥有量力争: 力争 before the cut at a verb (拥有)
    # 每千名老年人拥有养老床位数: after 每…, 拥有 makes a ratio's name, it does not open one.
    verbs = tuple(v for v in OBJECT_VERBS if v != "拥有" or not text.startswith("每"))
    if share:
        verbs = tuple(v for v in verbs if v not in INCREMENT)
    if text.startswith(("在", "对")):
        # 在全县农村地区实施饮水安全工程, 对50-74周岁居民开展筛查, 在公共场所配备除颤器: where
        # or for whom it is done, then the verb, then what is done.
        verbs += (*LIGHT_VERBS, *FITTING_VERBS)
    # 进出口总额、实际利用外资、引进外省到位资金: a verb opening a later item of a list of
    # subjects is that item's own word, it does not start the name.
    cut = max(
        (
            text.rfind(v) + len(v)
            for v in verbs
            if v in text[1:] and text[text.rfind(v) - 1] != "、"
        ),
        default=0,
    )
    # 绿色创建占比: a share word alone after the verb is the share of what the verb did.
    bare_share = text[cut:] in SHARE_NAMES
    if len(text) - cut >= 2 and not text[cut:].startswith(VERB_NOUN_HEADS) and not bare_share:
        text = text[cut:]
    text = BASE_PHRASE.sub("", text)  # 建筑能效在现行节能标准基础上 → 建筑能效
    text, _ = _strip_words(text, CONNECTIVES)  # 在2025年的基础上再新增… → 新增…
    text = COUNTED_PER.sub("", text)  # 接种率以乡镇为单位 → 接种率
    if "且" in text[1:]:
        text = text.rsplit("且", 1)[1]  # A全部达到基准水平且能效标杆水平以上产能比例 → the last
    text = FROM_BASELINE.sub("", text)  # 配置水量由现状的633亿立方米 → 配置水量
    if (moved := _CHANGE_THEN_TO.match(text)) is not None:
        text = moved.group(1)  # 提高森林覆盖率至45%: the verb and its 至 frame the name
    text = _ON_EARLIER.sub("", text)  # 化学需氧量同比(削减): the change is on last year
    text = text.removesuffix("将").removesuffix("要")
    if text.endswith("能") and text[-2:-1] in ("额", "量", "率", "值", "数"):
        text = text[:-1]  # 网络零售额能(年均增长15%): can, not a word of the name (产能 is)
    if not text.endswith(("许可", "认可")):  # 施工许可(压缩至50个工作日): a word, not "can"
        text = text.removesuffix("可")
    text = _PER_TAIL.sub("", text)  # 单产水平提高到每亩(350公斤): per 亩, the unit's base
    for _ in range(3):
        before = text
        while (end := next((w for w in CONNECTIVES if text.endswith(w)), None)) is not None:
            text = text[: -len(end)]  # 非化石能源占比力争 → 非化石能源占比
        text = TRAILING_WORDS.sub("", text)  # 比例总体 → 比例; 总量达到(约1.7亿人) → 总量
        if len(shorter := _ON_EARLIER.sub("", text)) >= 2:
            text = shorter  # 人均预期寿命较目前(再增加3岁); 同比 alone is left to the list
        if text == before:
            break
    text = text[:1] + _JOIN_VERB.sub("", text[1:])
    text = _DONE_MEASURE.sub("", text)  # 工业完成投资, 教育项目共安排投资 → 工业投资, 教育项目投资
    text = _ALIAS.sub("", text)  # 研究与试验发展经费投入(R&D): the abbreviation is an alias
    text = _GLOSSED.sub(r"\1", text)  # GDP(地区生产总值): the words the abbreviation stands for
    text = _FORMULA_LEAD.sub("", text)  # “7+6”县域特色产业集群: the plan's label of the list
    text = _BRACKET_NOTE.sub("", text)  # 支出(扣除…专项资金支出外): what the figure counts in
    text = text.lstrip(_BULLETS)  # ▶公共停车位: a list's bullet
    text = _COMPARED_WITH.sub("", text)  # 用水量与2010年相比(降低40%)
    text = _LONG_DIGITS.split(text)[-1]  # 家政服务13825404095道路景观林带: a phone number
    text = _SPACE_IN_NAME.sub("", text)  # 单位 GDP 能耗: spaces a page put around Latin words
    text = _VAGUE_TAIL.sub("", text)  # 商业综合体和一批夜消费项目: the 一批 item counts nothing
    text = text.strip(_PUNCT).removesuffix("的").removesuffix("等").removesuffix("“")
    if text.startswith("“") and "”" not in text:
        text = text[1:]  # 锚定“到2027年地区生产总值(突破…): the quoted statement's opening
    text = _MODAL_VERB_END.sub("", text)  # 中西部地区可建成(近17万家): who can, then the verb
    if (where := _REGION_AFTER_MEASURE.search(text)) is not None:
        # 入学率城镇达到92%: the settlement the rate is taken over, written after it.
        text = where.group() + text[: where.start()]
    return "" if text in _ADVERBS_ALONE else text  # 还将增加1000辆X: 还 names nothing


#: The base a figure is per, written between the verb and the figure (提高到每亩350公斤).
_PER_TAIL = re.compile(r"(?<=..)(?:提高到|提高至|达到|为|在)?每(?:亩|人|户|公顷|平方米|吨|头|只)$")
#: A sentence opening with the whole its figures are parts of (新开工保障性住房中，).
_OF_THE_WHOLE = re.compile(r"\s*([^，,；;。0-9０-９]{2,20})中[，,]")
#: Putting what is built to use, ending a name (…幼儿园并投入使用).
_PUT_TO_USE = re.compile(r"(?<=..)并(?:投入使用|交付使用|建成使用|投用)$")
#: 可 and a verb ending the words before a figure (可建成): no part of the name.
_MODAL_VERB_END = re.compile(rf"(?<=..)可(?:{'|'.join(LEADING_VERBS)})$")
#: A kind of settlement or part of a region after a rate's name (入学率城镇, 覆盖率农村地区).
_REGION_AFTER_MEASURE = re.compile(rf"(?<=..[率度])(?:{REGION_PART})$")


#: Adverbs left alone once the verbs after them are gone.
_ADVERBS_ALONE = ("还", "并", "也", "又", "另")
#: A verb joining a subject to its measure (企业实现总产值), not one naming a rate (水土保持率).
_JOIN_VERB = re.compile(rf"(?<!土)(?:{'|'.join(JOIN_VERBS)})(?!率)")  # 水土保持 is a term

#: A headline's speaker before a colon (住建部：, 国家卫健委:): the body that says what follows.
_SPEAKER = re.compile(
    r"^[\u4e00-\u9fff]{1,8}?(?:部|委|局|厅|办|院|署|会|政府)(?:[：:]|提出|指出|表示|强调|要求)\s*"
)
#: A framing word opening the words before a figure, and the quote of the goal it frames.
_FRAMED = re.compile(rf"^(?:{'|'.join(FRAMING)})“?(?=[\u4e00-\u9fff]{{2}})")
#: A document's title opening the words before a figure, with its verb or 的.
_DOCUMENT_LEAD = re.compile(r"^《[^《》]{1,30}》(?:将|提出|明确|要求|中)?的?")
#: A bracket that no closing one follows.
_UNCLOSED = re.compile(r"[（(【\[](?=[^（()）【】\[\]]*$)")
#: A page's label in lenticular brackets opening a line (【PDF版】, 【图文】).
_PAGE_LABEL = re.compile(r"^【[^】]{0,10}】")
#: A news report's opening: its dateline and where the reporter learned it (see _TOLD).
#: A dateline stands apart (移动通讯基站 is a name).
_NEWS_LEAD = re.compile(
    rf"^(?:{_DATED_WIRE}\s*(?:{_SOURCE})?|{_DATELINE}\s+(?:{_SOURCE})?|(?:{_DATELINE}\s*)?{_SOURCE})"
)
#: A photograph's credit closing its caption (记者何晓刚 摄, 通讯员 李某某摄).
_PHOTO_CREDIT = re.compile(r"(?:记者|通讯员|摄影)\s*[\u4e00-\u9fff]{2,4}\s*摄\s*[。]?\s*$")
#: The opening of a photograph's caption (图为…, （图为…）, 上图为…), at a sentence's start or
#: after a space, not the 图为 of 试图为 or 力图为.
_CAPTION_OPENING = re.compile(r"(?:^|(?<=\s))[（(【\[▲△]?\s*[上下左右]?图(?:片)?为")
#: A news report's credits in brackets ((通讯员 王某 记者 李某)): who wrote it.
_BYLINE = re.compile(r"[（(][^（）()]{0,30}(?:记者|通讯员)[^（）()]{0,30}[）)]")
#: What a change is measured against, ending a name (与2010年相比, 同上年相比).
_COMPARED_WITH = re.compile(r"(?<=..)(?:(?:与|和|同|较)[^，,；;]{0,10}?)?相比$")
#: A change verb, the measure, then 到/至 before the figure (扩大经济作物种植面积到95万亩).
_CHANGE_THEN_TO = re.compile(
    rf"^(?:{'|'.join(sorted((*INCREASE, *DECREASE), key=len, reverse=True))})"
    r"([\u4e00-\u9fff]{2,}?)(?:到|至)$"
)
#: Who plans, and when, before what is planned (市计划, 兵团明年计划, 省人民政府确定全年): not the
#: name.
_PLANNING_DOER = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,6}?(?:省|市|县|区|州|旗|盟|兵团|政府)上?)?(?:明年|今年|年内|全年)?"
    r"(?:计划|确定|决定|部署|预计)(?:了|出)?(?:全年|今年|明年|年内)?"
    r"(?!生育|单列|经济|外|内|用水)"
)
#: The field a sentence's figures are of (在农业方面，完成投资530亿元): the field names them.
_ASPECT = re.compile(r"^在([\u4e00-\u9fff]{1,10})方面")
#: A breakdown in brackets (（其中…）): the figures of its list are targets like the whole's.
_BREAKDOWN = re.compile(r"[（(](其中[^（）()]*)[）)]")
#: A growth after its figure, ending the clause: 保持10%左右的年增长, 实现8%的年均增长.
_GROWTH_AFTER = re.compile(r"的(?:年均|年)?(?:增长|增速|增幅)(?=$|[，,；;。])")
#: A share followed by the goal it states (筛查率95%以上的目标): no group after the 的.
_GOALS = "|".join(sorted(GOAL_NOUNS, key=len, reverse=True))
_GOAL_AFTER = re.compile(rf"的(?:{_GOALS})(?=$|[，,；;。、])")
#: The goal right after a figure (新增有效灌溉面积2万亩目标的实现): no noun the figure counts.
_GOAL_AHEAD = re.compile(rf"(?:{_GOALS})(?=$|[的，,；;。、])")
#: The goal a figure, or the quote holding it, is stated as (“…300天以上”的目标): a goal's words.
_GOAL_NEXT = re.compile(rf"[”\"]?的?(?:{_GOALS})")
#: A date or time a page stamps: 2012/11/14 (a time after it), (02/13) in brackets, 00时00分.
_PAGE_STAMP = re.compile(
    r"(?<![0-9])(?:19|20)[0-9]{2}/[01]?[0-9]/[0-3]?[0-9](?:\s+[0-2]?[0-9](?::[0-5][0-9]){0,2})?"
    r"|[（(][01]?[0-9]/[0-3]?[0-9][)）]"
    # 2014年01月08日 00时00分: the time of day a page stamps beside its date.
    r"|(?<![0-9])[0-2]?[0-9]\s*时\s*[0-5]?[0-9]\s*分(?:\s*[0-5]?[0-9]\s*秒)?"
)
#: Brackets that give the nation's or province's figure beside the plan's own.
_REFERENCE_NOTE = re.compile(
    r"[（(](?:同期)?(?:全国|全省|全市|全区)[-−0-9０-９][^（）()]{0,40}[)）]"
)
#: A citation mark of a web page: [1], [21].
_CITATION = re.compile(r"(?:\[[0-9]{1,2}\])+")
#: 等 and the plan's word for what it lists (等重点任务, 等工程) ending a name.
_PARTS_TAIL = re.compile(rf"(?<=.{{2}})等(?:{PLAN_PARTS.pattern})$")
#: A name in quotes from end to end, without quotes inside.
_QUOTED = re.compile(r"[“\"][^“”\"]+[”\"]")
_SPACE_IN_NAME = re.compile(
    r"(?<=[\u4e00-\u9fff])\s+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])\s+(?=[\u4e00-\u9fff])"
)
#: A subject, then 计划/预计/要 … and a verb, then a bare measure (交通运输基础设施建设计划完成投资,
#: 公路建设要完成投资).
_PLANNED_MEASURE = re.compile(
    rf"^(.{{2,}}?)(?:{'|'.join((*PLAN_VERBS, '要', '确保'))})(?:完成|实现|达到)?"
    rf"(总?(?:{'|'.join(BARE_MEASURES)}))$"
)
#: The words that say a change is on an earlier figure, ending a name (…较目前) or anywhere
#: before the figure (not 上年同期, which compares a report's months).
_ON_EARLIER = re.compile(rf"(?:{'|'.join(ON_EARLIER_FIGURE)})$")
_ON_EARLIER_ANYWHERE = re.compile(rf"(?:{'|'.join(ON_EARLIER_FIGURE)})(?!同期)")
#: The present figure as the base of a change, just before it (较目前的76.34岁).
_NOW_AS_BASE = re.compile(r"(?:比|较|从|由)(?:目前|现在|当前)的?\s*$")
#: 完成 between a subject and its bare measure (规模以上工业完成增加值), or an amount counted in
#: 量 or 额 (国家铁路完成旅客发送量).
_DONE_MEASURE = re.compile(
    rf"(?<=.)(?:共|总)?(?:完成|计划|安排|规划)+(?=(?:固定资产)?(?:{'|'.join(BARE_MEASURES)})$)"
    r"|(?<=..)完成(?=[\u4e00-\u9fff]{1,6}(?<!总)[量额]$)"
)
#: A run of digits too long for an amount: a phone number or a code a page left in the text.
_LONG_DIGITS = re.compile(r"[0-9]{7,}")
#: Bullets a page puts before list items.
_BULLETS = "▶►▸●○■□◆◇•·★☆√※→-—*＊"
#: A note in brackets on what a figure counts in or leaves out: (扣除…外), (含…), (不含…).
_BRACKET_NOTE = re.compile(rf"[（(](?:{'|'.join(NOTE_WORDS)})[^（）()]*[）)]")
#: A formula of numbers in quotes opening a name: “7+6”, “1+2+N”.
_FORMULA_LEAD = re.compile(r"^[“\"][0-9０-９+＋N×x]+[”\"]")
#: A vague item joined after the counted one: 和一批…, 及若干….
_VAGUE_TAIL = re.compile(rf"(?:和|及|以及|、)(?:{VAGUE.pattern}).*$")
#: A Latin abbreviation glossed in brackets: GDP(地区生产总值).
_GLOSSED = re.compile(r"^[A-Za-z&]{2,8}[（(]([\u4e00-\u9fff]{2,12})[)）]")
#: A Latin abbreviation in brackets ending a name: (R&D), (GDP).
_ALIAS = re.compile(r"[（(][A-Za-z&]{2,8}[)）]$")


def _without_strive(text: str) -> str:
    """力争 inside a name opens the predicate: 综合交通运输力争完成投资 → 综合交通运输投资 (the
    verb after it goes, its object stays); X力争与全省同步 → X (a preposition ends the name)."""
    m = _STRIVE.search(text, 1)
    if m is None:
        return text
    after = text[m.end() :]
    verb = next((v for v in LEADING_VERBS if after.startswith(v)), "")
    rest = after[len(verb) :]
    keep = verb and rest and not rest.startswith(PREPOSITIONS)
    return text[: m.start()] + (rest if keep else "")


def _share_of(previous: Target, name: str) -> bool:
    """Whether a share without a subject (占…比重) is a share of the measure stated before it:
    money of a money base (产业增加值…，占GDP比重), a count of a base of its kind (高技能人才总量
    …，占技能劳动者总量的比重) — never a count of a money base (市场主体…，占GDP份额)."""
    if previous.dimension == "money":
        return True
    return previous.dimension != "share" and not MONEY_BASE.search(name)


def _share_subject(indicator: str) -> str:
    """What a share without a subject (占GDP比重) is a share of: the money named before it,
    without a word of size (数字经济产业规模 → 数字经济; 健康服务业增加值 stays)."""
    ending = next((w for w in MEASURE_ENDINGS if indicator.endswith(w)), "")
    return indicator[: len(indicator) - len(ending)]


def _strip_leading_verbs(text: str, keep: tuple[str, ...] = ()) -> str:
    """``text`` without the verbs that open it (培育形成规上企业 → 规上企业), keeping a verb that
    opens a noun of the name (建设用地规模, 带动就业人数, 运营成本) and the verbs in ``keep``."""
    while not _NEW_SUBJECT.match(text):  # 新建社区的体育设施覆盖率 keeps its subject
        verb = next((v for v in LEADING_VERBS if text.startswith(v) and v not in keep), None)
        rest = text[len(verb) :] if verb is not None else ""
        # 建设区 keeps its verb; 实现区域科技创新指数 does not (区域 is a word of its own), nor
        # 培育规模以上企业 (规模以上 is a threshold, not the noun 规模); 供应链 is a noun.
        if verb is None or (verb == "供应" and rest.startswith("链")):
            return text
        if rest.startswith(VERB_NOUN_HEADS) and not rest.startswith(_NOT_VERB_NOUNS):
            return text
        if rest in _MEASURE_ENDS_ALONE:  # 完成率, 开工率: the rate of what the verb does
            return text
        if not rest and text in STAGE_VERBS:  # 任务是基本建成(460万套): a stage alone, of the works
            return text  # before (a stage left alone by kind words is kept in _clean_name)
        text = text[len(verb) :].lstrip(_PUNCT)
        if (joined := _JOINED_VERB.match(text)) is not None:
            text = text[joined.end() :]  # 培育和承接区域知名会展项目: two verbs, one object
    return text


#: A second verb joined to the one a name opened with (培育和承接, 建设与运营): a verb's object
#: follows it, so the two characters after 和 are the second verb, not a noun.
_JOINED_VERB = re.compile(r"[和与及][\u4e00-\u9fff]{2}(?=[\u4e00-\u9fff]{2})")
_NEW_SUBJECT = re.compile(NEW_SUBJECT)
#: Words opening with a head of VERB_NOUN_HEADS that are no such head (区域, 规模以上).
_NOT_VERB_NOUNS = ("区域", "规模以上", "规模以下")
#: What is left of a name when a verb opening it goes and nothing is named (完成率 → 率).
_MEASURE_ENDS_ALONE = ("率", "量", "数")
#: Two list marks together, once an item between them has gone.
_EMPTY_ITEM = re.compile(r"、(?:\s*、)+")


def _cut_predicate(text: str, verbs: tuple[str, ...] = PREDICATE_VERBS) -> tuple[str, str]:
    """A noun phrase and the predicate that follows it: 高频事项实现“最多跑一次” → (高频事项,
    实现“最多跑一次”); the predicate may open with an adverb (基本实现, 率先建成)."""
    best = len(text)
    quoted = quoted_spans(text)
    for verb in verbs:
        at = _find_outside(text, verb, quoted)
        if 0 < at < best:
            best = at
    for adverb in PREDICATE_ADVERBS:
        at = _find_outside(text, adverb, quoted)
        opens = adverb in PREDICATE_OPENERS or text[at + len(adverb) :].startswith(TARGET_VERBS)
        # 配发基本型家用净水器, 提供基本医疗服务: a word opening with the adverb's characters.
        worded = text.startswith(NOT_CONNECTIVES, at)
        if 0 < at < best and opens and not worded:
            best = at
    if best == len(text):
        return text, ""
    for adverb in PREDICATE_ADVERBS:
        if text[:best].endswith(adverb) and best - len(adverb) > 0:
            best -= len(adverb)
            break
    return text[:best], text[best:]


def _find_outside(text: str, word: str, quoted: list[tuple[int, int]]) -> int:
    """Where ``word`` first stands in ``text`` after its first character and outside quotation
    marks (县域商业建设“基本型以下”达到: 基本 in the quote opens no predicate), or -1."""
    at = text.find(word, 1)
    while at > 0 and any(a <= at < b for a, b in quoted):
        at = text.find(word, at + 1)
    return at


#: A predicate longer than this describes what the counted do at length (率先建成若干具有国际
#: 先进水平的智能单元…): the name is the noun alone, not 〈predicate〉的〈noun〉.
_MAX_PREDICATE_IN_NAME = 14
#: A responsibility note in brackets (（省政府办公厅牵头）): not part of any name.
_NOTE = re.compile(r"[（(][^）)]*(?:牵头|负责|配合)[^）)]*[）)]?")


#: 为 between a count and its noun (4所为公办园): the count is of that noun.
_COPULA = re.compile(r"为(?![了民主止期])(?=[\u4e00-\u9fff]{2,}(?:$|[，,；;。]))")


def _post_noun(post: str, object_of_preposition: bool = False) -> tuple[str, int] | None:
    """The noun a figure counts, written after it (培育10家具有国际竞争力的领军企业 → 领军企业),
    and how many characters of ``post`` it spans; None when no noun follows. After a
    preposition (与3个重点县建立…) the noun is the partner of what follows, not its doer."""
    text = post.rstrip()
    stripped = text.lstrip(" ")
    lead = len(text) - len(stripped)
    if not stripped or stripped[0] in _PUNCT + _MASK or stripped[0] in "的（(":
        return None
    if stripped[0] in "】]」』":
        return None  # 【…改造城镇老旧小区3.9万个】黄艳表示: a headline in brackets ends there
    if _GOAL_AHEAD.match(stripped):
        return None  # 新增有效灌溉面积2万亩目标的实现: the goal, named by the words before
    if _COPULA.match(stripped):
        lead, stripped = lead + 1, stripped[1:]  # 其中4至5所为公办园: they are 公办园
    stop = len(stripped)
    for i, ch in enumerate(stripped):
        if ch in "，,；;。！？!?：:" or (ch == "、" and stripped[i + 1 :].startswith(TARGET_VERBS)):
            stop = i
            break
    phrase = stripped[:stop]
    if phrase.startswith(LIST_JOINS):
        return None  # 70%和50%: the next item of a list, not a noun
    noun, predicate = _cut_predicate(phrase)
    opens_clause = noun.startswith(PREPOSITIONS + PREDICATE_VERBS + TARGET_VERBS)
    if predicate and "的" not in noun and not opens_clause and not noun.endswith("、"):
        # 2—3家标杆企业率先建成…的智能车间: the noun before the predicate is what is counted.
        noun = _visible(noun).strip(_PUNCT)
        predicate = _NOTE.sub("", _visible(predicate)).strip(_PUNCT)
        verb, _ = _strip_words(predicate, PREDICATE_ADVERBS)
        framed, _ = _strip_words(predicate, _FRAME_ADVERBS)
        long_clause = len(predicate) > _MAX_PREDICATE_IN_NAME or "、" in predicate
        if object_of_preposition or verb.startswith(BARE_PREDICATES) or long_clause:
            return noun, lead + len(phrase)
        # 100个高频事项实现“最多跑一次” → 实现“最多跑一次”的高频事项: what the counted do;
        # 20万贫困人口如期全部脱贫 → 脱贫的贫困人口 (when and how wholly is the figure's frame).
        return f"{framed if len(framed) >= 2 else predicate}的{noun}", lead + len(phrase)
    if "的" in phrase:
        modifier, head = phrase.rsplit("的", 1)
        noun, _ = _cut_predicate(head)
        if not noun:
            return None
        noun = noun.removesuffix("等")
        if noun in TARGET_VERBS:
            name = _visible(modifier) + noun  # 200项国家标准的制修订 → 国家标准制修订
        elif BASE_PHRASE.fullmatch(noun):
            name = _visible(modifier)  # 在确保185万亩粮播面积的基础上: the area is counted
        elif noun.startswith(EXTENT_VERBS) and "的" not in modifier:
            # 488个提质增效自然村的治理(管控): the villages are counted, not their 治理.
            name = _visible(modifier)
        elif _THRESHOLD.search(_visible(modifier)):
            name = _visible(modifier) + "的" + noun
        else:
            name = noun
        return _tidy_noun(name), lead + len(modifier) + 1 + len(noun)
    bare = _visible(phrase).strip(_PUNCT)
    if phrase.startswith(PREDICATE_VERBS) or bare in COMPLETIONS:
        return None
    if bare in FIGURE_OPENERS or bare in FRAME_ENDS or bare in ABOUT:
        # 实现倍增达4000家: 达 opens the next figure (as 约 does in 住房4万套约270万平方米);
        # 除了…，接收…50余所外: 外 closes 除's frame.
        return None
    if re.match(rf"(?:{'|'.join(AT_LEAST + AT_MOST)})\s*[0-9０-９]", phrase):
        return None
    noun, _ = _cut_predicate(phrase)
    noun = _tidy_noun(_visible(noun))
    if not noun:
        return None
    return noun, lead + len(phrase)


#: Adverbs of when and how wholly the counted do what follows (如期全部脱贫): the figure's frame,
#: not what they do — not 率先, which singles out the few that lead.
_FRAME_ADVERBS = tuple(w for w in PREDICATE_ADVERBS if w != "率先")


def _served(post: str) -> tuple[str, int] | None:
    """The people counted after 为 and what is done for them (为2.5万农村残疾人提供实用技术培训 →
    农村残疾人实用技术培训), and how many characters of ``post`` it spans; None when no
    service verb follows them."""
    m = _SERVED.match(post)
    if m is None:
        return None
    who = _visible(m.group("who")).strip(_PUNCT)
    what = _tidy_noun(_visible(m.group("what")).strip(_PUNCT))
    if not who or len(what) < 2:
        return None
    return who + what, m.end()


_SERVED = re.compile(
    rf"\s*(?P<who>[^，,；;。\x00]{{1,16}}?)(?:{'|'.join(SERVICE_VERBS)})(?P<what>[^，,；;。\x00]{{2,24}})"
)


def _tidy_noun(noun: str) -> str:
    """A noun read after its figure without a vague item joined to it (…和一批夜消费项目), a
    joining verb (家庭进行适老化改造), a closing 等 or the 任务 of what is done on it."""
    noun = _VAGUE_TAIL.sub("", noun).strip(_PUNCT).removesuffix("等")
    # 完成5个乡镇敬老院改扩建任务: the figure counts what the task is done on, not tasks.
    noun = _TASK_TAIL.sub(r"\1", noun)
    noun = _MEASURE_GOAL_TAIL.sub("", noun)  # 推广面积目标: the area
    noun = noun.lstrip(_BULLETS)  # 10个*乡村旅游示范村: a page's mark before the noun
    # 3461间平房将进行翻建: 将 says it will be done; the works are named without it.
    return noun[:1] + _JOIN_VERB.sub("", _WILL.sub("", noun[1:]))


#: 任务 closing a noun read after its figure, not after a word that qualifies tasks (16项重点任务,
#: 七个方面的工作任务, 6条公交路线等重点任务: the figure counts tasks).
_TASK_TAIL = re.compile(r"^(?!.*方面)(.*[\u4e00-\u9fff]{3}(?<!重点|主要|具体|工作|重大))任务$")

_MEASURE_GOAL_TAIL = re.compile(rf"{MEASURE_GOAL}$")

#: A bound, then what a share is of, then 的 (不低于用工总量的): …的30% is a share of it.
_SHARE_OF = re.compile(rf"(?:{'|'.join(AT_LEAST + AT_MOST)})(?P<base>[\u4e00-\u9fff]{{2,12}})的$")
#: What the members of a share's group do (80%的乡镇建成…, 70%的企业实现…): any verb of the
#: lexicon, since the group is a plain noun (企业, 乡镇, 行政村).
_SHARE_VERBS = PREDICATE_VERBS + TARGET_VERBS


def _share(s: _Sentence, f: Figure, later: list[Figure], c_end: int) -> tuple[str, int]:
    """The name of a share figure and where its words end (see :func:`_share_name`)."""
    rest_start = f.after_end + 1
    for g in later:
        if g.unit.dimension != "share" or not s.masked.startswith("的", g.after_end):
            continue
        joined = _LIST_JOIN.search(s.masked[rest_start : g.start])
        if joined is None:
            break
        group = _visible(s.masked[rest_start : rest_start + joined.start()]).strip(_PUNCT)
        _, predicate = _cut_predicate(_visible(s.masked[g.after_end + 1 : c_end]), _SHARE_VERBS)
        stop = next((i for i, ch in enumerate(predicate) if ch in "，,；;。！？!?：:"), None)
        predicate = predicate[:stop].strip(_PUNCT)
        name = f"{predicate}的{group}比例" if predicate else f"{group}比例"
        return name, rest_start + joined.start()
    name, used = _share_name(s.masked[rest_start:c_end])
    return name, rest_start + used


def _share_name(rest: str) -> tuple[str, int]:
    """70%的规模以上企业基本实现数字化 → 基本实现数字化的规模以上企业比例: a share is named by
    the group and what its members do."""
    stop = len(rest)
    for i, ch in enumerate(rest):
        if ch in "，,；;。！？!?：:":
            stop = i
            break
    phrase = _visible(rest[:stop]).strip(_PUNCT)
    group, predicate = _cut_predicate(phrase, _SHARE_VERBS)
    group = _GROUP_MODAL.sub("", group.strip(_PUNCT))  # 40%的敬老院要(改造成…): the plan's 要
    if predicate:
        return f"{predicate.strip(_PUNCT)}的{group}比例", stop
    return f"{group}比例", stop


#: A modal verb ending a share's group before what its members do (敬老院要改造成…).
_GROUP_MODAL = re.compile(r"(?<=..)(?:要|将|应|须|必须|需要|需)$")


def _qualitative(s: _Sentence, c_start: int, c_end: int) -> list[Target]:
    """零事故, 实现0的突破, 全覆盖: targets without a figure, named by the words before."""
    clause = s.masked[c_start:c_end]
    m = QUALITATIVE.search(clause)
    if not m:
        return []
    scope: list[str] = []
    indicator = _clean_name(clause[: m.start()], s.ctx.region, scope)
    for verb in JOIN_VERBS:
        indicator = indicator.removesuffix(verb)
    if not indicator:
        return []
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
            kind=_kind_of(_visible(clause[: m.start()])) or "stock",
            baseline=None,
            section=s.ctx.section,
            quote=s.original.strip(),
            source="text",
            qualitative=m.group(),
            scope=scope,
            year_source=year_source,
            wording=_visible(s.original[c_start + start : c_start + m.end()]).strip(_PUNCT),
        )
    ]


# ------------------------------------------------------------------------------ target


def _target(
    s: _Sentence,
    f: Figure,
    *,
    indicator: str,
    frame: _Frame,
    kind: str,
    baseline: Decimal | None,
    baseline_year: int | None,
    wording: str,
    strive: bool,
    scope: list[str] | None = None,
    year: int | None = None,
) -> Target:
    indicator = _final_name(s, f, indicator)
    f = _unit_from_name(f, indicator)
    value = f.value
    comparator = f.after or frame.comparator or "="
    if comparator == "=" and strive:
        comparator = ">="  # 力争…5个: at least five
    sign = frame.sign
    fall = next((w for w in FALL_ENDINGS if indicator.endswith(w)), "")
    if fall and len(indicator) > len(fall) + 1 and sign == 0:
        # 单位能耗下降幅度达10%: the fall of 单位能耗, a change of −10% or more of a fall.
        indicator, sign = indicator[: -len(fall)], -1
    value_max = f.value_max
    if value_max is not None:
        comparator = "range"
        if sign < 0:
            value, value_max = -value_max, -value  # 下降40-45%: from −45% to −40%
    elif sign < 0:
        # 下降10%以上: the change is -10% or less.
        value, comparator = -value, _FLIP.get(comparator, comparator)
    year, year_source = (year, "text") if year is not None else s.year_at(f.start)
    scope = [*(scope or []), *(m.group() for m in SCOPE_WORDS.finditer(indicator))]
    level = indicator.endswith(LEVEL_RATES)  # 人口自然增长率: a level named with 增长率
    rate = bool(sign) or f.doubling or (bool(RATE_WORDS.search(indicator)) and not level)
    added = sign > 0 and kind == "stock" and f.unit.dimension in _ADDED
    if added and _ADDS.search(_visible(s.masked[: f.start]).rstrip()):
        # 民用航空机场增加50个以上, 医疗床位再增加5000张: things added, an increment.
        kind, rate = "increment", bool(RATE_WORDS.search(indicator)) and not level
    if f.unit.dimension == "share" and (kind == "increment" or (kind == "cumulative" and not rate)):
        # 新建建筑中绿色建筑比重达到50%, 新建建筑能效提升20%: a share is a level (or a change of
        # one, which may run up over years: 累计下降20%), never so much more added.
        kind = "stock"
    # 居民消费价格指数控制在3.5%以内: a price index stated in % is its rise.
    rate = rate or (indicator.endswith("价格指数") and f.unit.dimension == "share")
    # 经济增长预期目标定为7.5%左右: a growth named, its figure in per cent, is a change.
    rate = rate or (indicator.endswith(("增长", "增速")) and f.unit.dimension == "share")
    ending = "" if level else next((w for w in RATE_ENDINGS if indicator.endswith(w)), "")
    if ending and len(indicator) > len(ending) + 1:
        indicator = indicator[: -len(ending)]  # 机架规模增速20% → 机架规模, a rate
    return Target(
        indicator=indicator,
        value=value,
        value_max=value_max,
        unit=f.unit.text,
        base_value=f.unit.to_base(value),
        base_unit=f.unit.base,
        comparator=comparator,
        year=year,
        kind=kind,
        baseline=baseline,
        section=s.ctx.section,
        quote=s.original.strip(),
        source="text",
        baseline_year=baseline_year,
        rate=rate,
        scope=list(dict.fromkeys(scope)),
        year_source=year_source,
        wording=_visible(wording).replace("\n", "").strip(_PUNCT),
        unit_known=f.unit.known,
        dimension=f.unit.dimension,
    )


#: 增加 just before a count of things or people: so many more of them (not a rise in %). The
#: frame reads this 增加 as a rise, so it is turned back here; 增加 before the noun added
#: (增加学位1700个) is the lexicon's ADDING, read with the other kind words.
_ADDS = re.compile(r"增加(?:约|近|超过|超)?$")
_ADDED = frozenset({"count", "people"})


def _final_name(s: _Sentence, f: Figure, indicator: str) -> str:
    """A name with what its figure's form leaves on it taken off or put back: quotes around it
    whole, 等重点任务, the 建设 of counted projects, the 人 a unit took (人口, 人才)."""
    if _QUOTED.fullmatch(indicator):
        indicator = indicator[1:-1]  # “全国综合减灾示范社区”: quotes around the whole name
    indicator = _PARTS_TAIL.sub("", indicator)  # 6条公交路线等重点任务: the plan's word for them
    indicator = _PUT_TO_USE.sub("", indicator)  # 4所公办幼儿园并投入使用: what is built
    if len(lead := DURATION_LEAD.sub("", indicator)) >= 2:
        indicator = lead  # 将2年新改扩建公办幼儿园20所: the time it takes is no part of the name
    if f.unit.dimension in ("count", "area") and len(indicator) > 4:
        # 200个重点项目建设, 406个重点村建设任务: the projects (villages), not building them.
        if f.unit.dimension == "count":
            indicator = indicator.removesuffix("建设任务")
        if not indicator.endswith(("违法建设", "违章建设")):  # 拆除违法建设: a noun
            indicator = indicator.removesuffix("建设")
    if indicator in SHARE_NAMES and (whose := _share_of_clause_before(s, f)) is not None:
        indicator = whose + indicator  # 开展路面自动化检测，今年底比重不低于60%: of what it does
    if f.rank is not None and not indicator.endswith(RANK_NAMES):
        # 科技创新能力跃居全国前10位: the measure's rank in that field.
        indicator = indicator.removesuffix(f.rank) + f.rank + RANK_NAMES[-1]
    if (counted := _COUNTED_GROUP_OF_RATE.match(indicator)) is not None:
        indicator = indicator[counted.end() :]  # 36个脱贫县(学前三年毛入学率): whose rate it is
    took_ren = f.unit.text.endswith("人") and indicator[:1] in AFTER_REN
    if took_ren and s.masked.startswith(indicator[:1], f.after_end):
        indicator = "人" + indicator  # 1200万人口, 10万人才: the 人 the unit took is the name's
    return indicator


#: A count of the places or items a rate is taken over, opening its name (36个脱贫县学前三年毛
#: 入学率, 医保和职工医保2项基本医疗保险参保率, 4项重点传染病报告发病率): the count and a group of
#: places after it (脱贫县, 示范区) say whose rate it is; the items counted stay (重点传染病).
_COUNTED_GROUP_OF_RATE = re.compile(
    r"^[^0-9０-９，,；;。]*?[0-9０-９]+(?:个(?!月)|项|类)(?:[\u4e00-\u9fff]{2,3}[省县区乡镇村](?=..))?"
    rf"(?=[\u4e00-\u9fff]{{2,}}(?:率|{'|'.join(SHARE_NAMES)})$)"
)


def _share_of_clause_before(s: _Sentence, f: Figure) -> str | None:
    """What a bare share (比重 alone) is of: the work named by the clause before it, when that
    clause states no figure of its own (统一开展农村公路路面自动化检测，今年底比重不低于60%)."""
    opened = _clause_start(s.masked, f.start) - 1  # the mark opening this clause
    if opened < 0:
        return None
    clause = _clause_ending_at(s, opened)
    if _DIGIT_FIGURE.search(clause) or find_figures(clause):
        return None
    name = _clean_name(clause, s.ctx.region)
    # 统一组织开展X: what is done, after the last verb of doing it.
    done = max((name.rfind(v) + len(v) for v in LEADING_VERBS if v in name), default=0)
    if len(name) - done >= 4:
        name = name[done:]
    return name if 4 <= len(name) <= _SHARE_WORK_MAX and not _CLAUSE_END.search(name) else None


#: The longest name of the work a bare share is of; longer words before it are a clause.
_SHARE_WORK_MAX = 16


def _unit_from_name(f: Figure, indicator: str) -> Figure:
    """A bare magnitude (10亿) after a name that ends with the unit (旅游接待总人次) or with a
    measure of money (营业收入) counts in that unit: 10 亿人次, 3 万亿元."""
    if f.unit.text not in ("万", "亿", "万亿", "千万", "百万"):
        return f
    if indicator.endswith(PEOPLE_COUNTS) and (people := parse_unit(f.unit.text + "人")):
        return replace(f, unit=people)  # 体检人数达1000万以上, 城镇人口272万: 万人 (not 万口)
    if indicator.endswith(MONEY_MEASURES) and (money := parse_unit(f.unit.text + "元")):
        return replace(f, unit=money)  # 主营业务收入过3万亿: 万亿元
    # 用户数超过1.9亿: the count word the name ends with, or ends with before 数.
    name = indicator.removesuffix("数") if indicator.endswith(("户数", "次数")) else indicator
    for size in (2, 1):
        unit = parse_unit(f.unit.text + name[-size:]) if len(name) > size else None
        if unit is not None and unit.known:
            return replace(f, unit=unit)  # 接游人次超过280万: 万人次
    return f


__all__ = ["extract_targets", "plan_period", "select_target"]


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
        raise PlanError(plan.id, "err_no_such_target", indicator=indicator)
    shown: list[Words] = [
        Words("err_target_candidate", indicator=t.indicator, year=t.year or "-", section=t.section)
        for t in found[:6]
    ]
    if len(found) > 6:
        shown.append(Words("list_more", n=len(found) - 6))
    raise PlanError(
        plan.id, "err_target_ambiguous", indicator=indicator, n=len(found), targets=shown
    )
