"""Figures in a sentence: a number (or a range) with its unit and the comparator written after it.

100亿元, 3—5家, 10%-20%, 三至五家, 1.5万亿元, 百分之五十, 超万亿元 (one 万亿元), 翻一番 (2倍) —
and not: years (masked before), ordinals (第三), codes and names (5G, IPv6, “1+2+9”), idioms
(一企一策), orders of magnitude used as a class (千亿级).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from plancompare.text.lexicon import (
    ABOUT,
    AFTER,
    AT_LEAST,
    AT_MOST,
    COUNTED_PEOPLE,
    DOUBLING,
    EXACTLY,
    INDEX_NAMES,
    NUMBER_IDIOM,
    RANK_FIELDS,
    RANK_VERBS,
    TARGET_VERBS,
)
from plancompare.text.numbers import parse_number
from plancompare.text.units import Unit, parse_unit, rank_unit, read_unit, tidy, unknown_unit

_ARABIC = r"[0-9０-９]{1,3}(?:,[0-9]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?"
# A Chinese numeral starts with a digit word or 十: 百亿级, 千家万户 and 万人 are no numbers.
_CHINESE = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
# 3万8000亿元, 1万2000亿元: a number written in 万 and the digits after it, read as one.
_MIXED = r"[0-9０-９]{1,4}万[0-9０-９]{1,4}(?![0-9０-９.．])"
# 森林蓄积量达1 43亿立方米: a PDF's space inside the digits, between a word and the unit.
_SPLIT = r"(?<=[\u4e00-\u9fff])[0-9]{1,3} [0-9]{1,3}(?=(?:[十百千万亿]|[.．][0-9])?[\u4e00-\u9fff])"
_NUMBER = rf"(?:{_MIXED}|{_SPLIT}|{_ARABIC}|{_CHINESE})"
_RANGE_SEP = r"\s*[-－—–~～至到]{1,2}\s*"
_FIGURE = re.compile(
    rf"(?P<pct>百分之)?(?P<num>{_NUMBER})(?:(?P<mid>%|％)?{_RANGE_SEP}(?P<pct2>百分之)?"
    rf"(?P<num2>{_NUMBER}))?"
)
#: A magnitude standing for "one" of it after a comparator or a verb: 超万亿元, 实施万项技改.
_MAGNITUDE = re.compile(r"[十百千万亿]+")
#: The rest of a range whose low end carries its magnitude (800万|至1000万标箱, 2.7亿|至2.8亿吨).
_MAGNITUDE_RANGE = re.compile(rf"(?P<mag>[万亿千百]+){_RANGE_SEP}(?P<num2>{_ARABIC})(?=(?P=mag))")
#: The high end of a range written after a unit (35张~40张).
_SECOND_END = re.compile(rf"{_RANGE_SEP}(?P<num2>{_NUMBER})")
#: 或 between two figures of one unit, the second higher (6家或7家): a range, said loosely.
_EITHER_END = re.compile(rf"\s*或\s*(?P<num2>{_NUMBER})")
#: A measure word in brackets after a unit (套(间), 家（个）): an alternative of the same count.
_ALTERNATIVE = re.compile(r"[（(][\u4e00-\u9fff][）)]")
#: Characters before a number that make it part of a code, an ordinal or a rank.
_NOT_BEFORE = re.compile(r"[A-Za-z0-9０-９.．第前+＋/_-]")
#: Characters after a figure's unit that make it part of a name (千亿级, 5A级) or a formula.
_NOT_AFTER = re.compile(r"[级+＋]")


@dataclass(slots=True)
class Figure:
    """A number with its unit, as written in a sentence."""

    start: int
    """Offset of the number (or of 翻, or of the magnitude word) in the sentence."""
    end: int
    """Offset just past the unit."""
    value: Decimal
    """The number, in ``unit``."""
    value_max: Decimal | None
    """The high end of a range (3—5家 → 5)."""
    unit: Unit
    """The unit as written, with its dimension."""
    after: str | None
    """The comparator written after the figure (以上 → ``>=``), if any."""
    after_end: int
    """Offset just past the figure and the comparator words after it."""
    doubling: bool = False
    """翻一番: the value is a multiple of a level, a change."""
    chinese: bool = False
    """The number is written in Chinese numerals (五家)."""
    rank: str | None = None
    """For a rank to reach (进入世界前15位), the field it is ranked in (世界), maybe ""; the
    figure then starts at the verb."""


def _comparator_after(text: str, pos: int, dimension: str = "") -> tuple[str | None, int]:
    """The bound written after a figure's unit (以上, 左右 …; 内 after a time: 5分钟内) and
    where it ends."""
    if dimension in TIME_DIMENSIONS and text.startswith("内", pos):
        return "<=", pos + 1  # 5分钟内, 3个工作日内: within so long
    at = pos
    while text[at : at + 1] == " ":
        at += 1  # 6.23% 左右: a space before the word
    if (note := _INCLUSIVE.match(text, at)) is not None:
        at = note.end()  # 90分(含90分)以上, 24万吨(3亿瓶)以上: the bound after a note
    for word, comparator in AFTER:
        if text.startswith(word, at):
            return comparator, at + len(word)
        spaced = _spaced(word).match(text, at)  # 以 上: a space a page left inside the word
        if len(word) == 2 and spaced is not None:
            return comparator, spaced.end()
    return None, pos


@cache
def _spaced(word: str) -> re.Pattern[str]:
    return re.compile(r"[ \u3000]*".join(map(re.escape, word)))


def _is_score(text: str, gap: int, num: str) -> bool:
    """Whether 分 after a number is a mark (满意度90分), not 十分 (very) or 三分之一 (a third)."""
    return any(c.isdigit() for c in num) and not text.startswith("之", gap + 1)


def _unit_after(text: str, pos: int, num: str) -> tuple[str, Unit, int] | None:
    """The unit after a number at ``pos`` and the number as it stands once a trailing magnitude
    of a Chinese numeral moved into the unit (十万人 is 10 of 万人, as 10万人 is)."""
    gap = pos
    while gap < len(text) and text[gap] == " ":
        gap += 1
    if text[gap : gap + 1] in ("余", "多") and read_unit(text, gap + 1) is not None:
        gap += 1  # 5000余家, 100多个: more than the number (see _comparator_after)
    over = _MAGNITUDE_OVER.match(text, gap)
    if over is not None and (rest := read_unit(text, over.end())) is not None:
        # 8万余公里, 1万多个: the magnitude is the unit's, the 余 says more than the number.
        moved = parse_unit(over.group("mag") + rest.text)
        if moved is not None:
            return num, moved, over.end() + len(rest.text)
    yuan = _YUAN.match(text, gap)
    if yuan is not None and (money := parse_unit(yuan.group("mag") + "元")) is not None:
        return num, money, yuan.end()  # 3000万人民币: 万元, the currency named in full
    unit = read_unit(text, gap)
    counted = _COUNTED.match(text, gap) if unit is None else None
    if counted is not None and (people := COUNTED_PEOPLE.match(text, counted.end())) is not None:
        # 为2.5万农村残疾人提供…, 4000万农户: the magnitude counts the people named after it.
        unit = parse_unit(counted.group() + ("人" if people.group("people") else "户"))
        if unit is not None:
            return num, unit, counted.end()
    if unit is not None and unit.text == "分" and not _is_score(text, gap, num):
        unit = None  # 十分重视, 三分之一: not marks
    if unit is None:
        return _unit_of_form(text, gap, num)
    if unit.text in ("万", "亿", "万亿"):
        return None  # a magnitude read as a prefix of nothing
    if num[-1] in "万亿" and len(num) > 1 and not re.match(r"[0-9０-９]", num):
        moved = parse_unit(num[-1] + unit.text)
        if moved is not None:
            return num[:-1], moved, gap + len(unit.text)
    return num, unit, gap + len(unit.text)


#: Dimensions of time: 内 after them bounds the figure (10分钟内报送).
TIME_DIMENSIONS = ("time", "workday")
#: The bounds written after a figure's unit (15年以上, 100家左右).
_BOUND_WORDS = ("以上", "以下", "左右", "以内")
#: What follows 类 when a Chinese numeral names a class (三类残疾儿童): a word, not a bound
#: (二十类以上) nor the end of the clause (增加至二十余类).
_CLASS_OF = re.compile(rf"(?!{'|'.join(_BOUND_WORDS)}|及以上)[\u4e00-\u9fff]")
#: A figure right after 类 (14类375宗): the classes of what that figure counts.
_CLASS_THEN_FIGURE = re.compile(r"[0-9０-９]")
#: A magnitude, then the currency in full (3000万人民币).
_YUAN = re.compile(r"(?P<mag>万亿|亿|万|千)?人民币")
#: A magnitude before a noun of people (2.5万农村残疾人): see COUNTED_PEOPLE.
_COUNTED = re.compile(r"万亿|亿|万")
#: A magnitude, then 余 or 多, before a unit (8万余公里).
_MAGNITUDE_OVER = re.compile(r"(?P<mag>万亿|亿|万|千)[余多]")
#: What says "more than" between a number and its unit (5000余家, 8万余公里).
_MORE_THAN = re.compile(r"\s*(?:万亿|亿|万|千)?[余多]")
#: A magnitude with no unit after it, before a bound or the end of a clause (14.66亿，, 600多万，).
_BARE_MAGNITUDE = re.compile(r"[余多]?(?P<mag>万亿|亿|万)(?=以上|左右|以内|[，,；;。、）)]|$)")
#: A rate per so many (孕产妇死亡率12/10万): kept as a unit of its own, as written.
_PER = re.compile(r"/(?:[0-9]*[十百千万]+|[0-9]+)(?:人|例|名)?")
#: Years as a measure of time (受教育年限14.2年): only with a fraction, or before a bound —
#: a whole number before 年 is a date or a period (三年, 2025年).
_DURATION = re.compile(r"年(?=以上|以下|左右|以内|[，,；;。]|$)")
#: A name that measures years (受教育年限达到11年): the whole number after it is a duration.
_YEARS_NAMED = re.compile(r"年限|年数")
#: A telephone number (010-59194345): an area code and a line, page furniture and no range.
_PHONE = re.compile(
    r"0[0-9]{2,3}[-－—][0-9]{7,8}(?![0-9])"
    # QQ 769209918, 电话13812345678, 邮编250000: a page's contact numbers, no amounts.
    r"|(?:(?<=QQ)|(?<=QQ )|(?<=QQ:)|(?<=QQ：)|(?<=邮编)|(?<=邮编:)|(?<=邮编：))[0-9]{5,12}"
    # A mobile number: eleven digits from 13 to 19, no unit after (13000000000元 is an amount).
    r"|(?<![0-9])1[3-9][0-9]{9}(?![0-9.]|\s*(?:[元万亿千百户吨个]|人(?!气)))"
)


#: A note between a figure and its bound: that the bound includes the figure (含90分), or the
#: figure in another unit (24万吨(3亿瓶)以上).
_INCLUSIVE = re.compile(r"[（(][^（）()]{1,12}[）)](?=以上|以下|以内|左右)")
#: A unit per another that the registry lacks (克标煤/千瓦时), up to a bound or the clause's end.
_RATIO_UNIT = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{1,5}/[\u4e00-\u9fffA-Za-z]{1,5}?(?=以上|以下|左右|以内|[，,；;。、)）]|$)"
)


#: A join and the number of the next figure (4.68万和7000个): see :func:`_paired_magnitude`.
_NEXT_NUMBER = re.compile(r"(?:和|与|及|、|或)[0-9０-９]+(?:[.．][0-9０-９]+)?")


def _paired_magnitude(
    text: str, gap: int, magnitude: str, num: str
) -> tuple[str, Unit, int] | None:
    """新增学位4.68万和7000个: a magnitude with no measure word, joined to a figure that has
    one, counts in the magnitude and that word (万个); None when there is no such figure."""
    nxt = _NEXT_NUMBER.match(text, gap + len(magnitude))
    word = read_unit(text, nxt.end()) if nxt is not None else None
    if word is None or word.text in ("万", "亿", "万亿"):
        return None
    moved = parse_unit(magnitude + word.text.lstrip("万亿"))
    return (num, moved, gap + len(magnitude)) if moved is not None else None


def _unit_of_form(text: str, pos: int, num: str) -> tuple[str, Unit, int] | None:
    """Units no registry holds but the form of the text tells: 12/10万, 14.2年, and a bare
    magnitude at the end of a clause (增加值达到14.66亿, kept as written: 亿 of what the name
    says)."""
    per = _PER.match(text, pos)
    if per is not None:
        return num, unknown_unit(per.group()), per.end()
    magnitude = _COUNTED.match(text, pos)
    if magnitude is not None and (paired := _paired_magnitude(text, pos, magnitude.group(), num)):
        return paired
    bare = _BARE_MAGNITUDE.match(text, pos)
    if bare is not None:
        return num, unknown_unit(bare.group("mag")), bare.end("mag")
    fraction = "." in num or "．" in num
    bounded = text.startswith(_BOUND_WORDS, pos + 1)  # 受教育年限达15年以上
    start = pos - len(num)
    named = _YEARS_NAMED.search(text, max(0, start - 8), start) is not None
    if (
        (fraction or bounded or named)
        and _DURATION.match(text, pos)
        and (year := parse_unit("年")) is not None
    ):
        return num, year, pos + 1
    ratio = _RATIO_UNIT.match(text, pos)
    if ratio is not None:
        return num, unknown_unit(ratio.group()), ratio.end()  # 300克标煤/千瓦时, as written
    return None


def done_within(text: str, f: Figure) -> bool:
    """Whether a figure is a time something is to be done within (5个工作日内, 2小时以内)."""
    return f.unit.dimension in TIME_DIMENSIONS and text.startswith("内", f.after_end - 1)


#: 人 then 口 and what it sets a size for (20万人口以上城市, 50万人口城市).
_PEOPLE_OF_A_PLACE = re.compile(r"口(?:以上|以下)?的?[\u4e00-\u9fff]")


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text`` (a sentence whose years are already masked), in order."""
    found: list[Figure] = []
    pos = 0
    while pos < len(text):
        m = _FIGURE.search(text, pos)
        if m is None:
            break
        pos = m.end()
        start = m.start()
        if start and _NOT_BEFORE.match(text[start - 1]):
            continue
        if (phone := _PHONE.match(text, start)) is not None:
            pos = phone.end()
            continue
        if text[:start].rstrip(" \u3000").endswith("第"):
            continue  # 第 15 条: an article's number, a space a page left after 第
        num, num2 = m.group("num"), m.group("num2")
        percent = m.group("pct") is not None
        if percent:
            unit: Unit | None = parse_unit("%")
            end = m.end()
            if unit is None:
                continue
        else:
            read = _unit_after(text, m.end(), num2 or num)
            if read is None and num2 is None and (both := _MAGNITUDE_RANGE.match(text, m.end())):
                # 800万至1000万标箱: a range whose ends both carry the magnitude of the unit.
                read = _unit_after(text, both.end(), both.group("num2"))
                if read is not None:
                    num2 = both.group("num2")
            if read is None and num2 is not None:
                # 1-2: not a range of a unit; try the first number alone.
                read = _unit_after(text, m.start("num") + len(num), num)
                num2 = None
            if read is None:
                continue
            last, unit, end = read
            if num2 is not None:
                num2 = last
            else:
                num = last
        if _NOT_AFTER.match(text[end : end + 1]) or NUMBER_IDIOM.match(text, m.start("num")):
            continue
        if num in ("零", "〇"):
            continue  # 零部件, 零事故: a word, not an amount
        if (slash := _SLASH_FRACTION.fullmatch(unit.text)) is not None and num2 is None:
            # 占全市地区生产总值比重1/3, 此目标的2/3: a fraction, a share (33.3%).
            den, numerator = Decimal(slash.group(1)), parse_number(num)
            share = parse_unit("%")
            if share is None or numerator is None or not 0 < numerator < den:
                continue
            after, after_end = _comparator_after(text, end)
            fraction = tidy((numerator * 100 / den).quantize(Decimal("0.1")))
            found.append(Figure(start, end, fraction, None, share, after, after_end))
            pos = after_end
            continue
        value = parse_number(num)
        value_max = parse_number(num2) if num2 is not None else None
        if value is None or (num2 is not None and value_max is None):
            continue
        if unit.text == "届" and 1900 <= value <= 2100:
            continue  # 2025届学生毕业典礼: the year a class finishes, no count
        if start and text[start - 1] == "的" and not re.match(r"[0-9０-９]", num):
            continue  # …的三个重要组成部分: a description, not a target
        if start and text[start - 1] == "为" and num == "一":
            continue  # 该项目拟建设为一所九年一贯制学校: what it is made, not how many
        if start and text[start - 1] == "等" and not re.match(r"[0-9０-９]", num) and len(num) == 1:
            continue  # 从A、B和C等六个方面: the count of a list just given, not a target
        second = _SECOND_END.match(text, end)
        if second is None and (either := _EITHER_END.match(text, end)) is not None:
            higher = parse_number(either.group("num2"))
            second = either if higher is not None and higher > value else None
        if num2 is None and second is not None:
            # 35张~40张, 6家或7家: a range with its unit written at both ends.
            again = _unit_after(text, second.end("num2"), second.group("num2"))
            if again is not None and again[1].text == unit.text:
                num2, end = second.group("num2"), again[2]
                value_max = parse_number(num2)
        if text.startswith("人民币", end) and unit.dimension == "money":
            end += 3  # 20亿元人民币: the currency named after its unit
        if unit.dimension == "people" and _PEOPLE_OF_A_PLACE.match(text, end):
            end += 1  # 20万人口以上城市: a place's size, written 人口, as a threshold
        if unit.text == "位" and text.startswith("数", end):
            continue  # 两位数: a number of digits, no count of people
        chinese_class = not re.match(r"[0-9０-９]", num) and _CLASS_OF.match(text, end)
        if unit.text == "类" and (chinese_class or _CLASS_THEN_FIGURE.match(text, end)):
            # 三类残疾儿童, 二类县: a class in a name (3类关键技术 counts classes); 14类375宗
            # 工程: the works are counted.
            continue
        alt = _ALTERNATIVE.match(text, end)
        if alt is not None:
            # 40万套(间): the unit names its alternative measure word in brackets.
            unit = replace(unit, text=unit.text + alt.group())
            end = alt.end()
        before = text[:start].rstrip()
        if before.endswith(_DAILY) and not percent and "/" not in unit.dimension:
            # 处理能力达到每日3万吨: a capacity per day written before its figure (3万吨/日).
            per_day = parse_unit(f"{unit.text}/日")
            if per_day is not None:
                unit, start = per_day, len(before) - len(_DAILY[0])
        after, after_end = _comparator_after(text, end, unit.dimension)
        if _MORE_THAN.match(text[m.end() : end]):
            after = after or ">="
        chinese = not re.match(r"[0-9０-９]", num)
        found.append(Figure(start, end, value, value_max, unit, after, after_end, chinese=chinese))
        pos = after_end
    found.extend(_listed_bare(text, found))
    found.extend(_magnitudes(text, found))
    found.extend(_fractions(text, found))
    found.extend(_indices(text, found))
    found.extend(_ratios(text, found))
    found.extend(_orders(text))
    found.extend(_ranks(text))
    doubled = _doublings(text)
    # 增加约一倍: the doubling, not a figure of 1 倍 inside it.
    found = [f for f in found if not any(d.start <= f.start < d.end for d in doubled)]
    found.extend(doubled)
    return sorted(found, key=lambda f: f.start)


#: 每日 or 每天 just before a figure: the figure is an amount per day (both two characters).
_DAILY = ("每日", "每天")


#: Bare numbers listed before a figure with a unit (407、262、84万千瓦): the unit is theirs too.
_BARE_LIST = re.compile(rf"(?:{_ARABIC})(?:\s*[、，,和及与]\s*(?:{_ARABIC}))*\s*[、和及与]\s*$")
_BARE_NUMBER = re.compile(_ARABIC)


def _listed_bare(text: str, taken: list[Figure]) -> list[Figure]:
    """分别达到407、262、84万千瓦: the numbers before the last take its unit (not 1、2、3 of
    an enumeration: the unit must be read, and each number is a figure of its own)."""
    out = []
    for f in taken:
        if f.chinese or f.value_max is not None:
            continue
        head = _BARE_LIST.search(text, 0, f.start)
        if head is None or (head.start() and _NOT_BEFORE.match(text[head.start() - 1])):
            continue
        for m in _BARE_NUMBER.finditer(text, head.start(), head.end()):
            value = parse_number(m.group())
            if value is None or any(g.start <= m.start() < g.end for g in taken):
                continue
            out.append(Figure(m.start(), m.end(), value, None, f.unit, f.after, m.end()))
    return out


#: The unit a number takes in a fraction written with a slash (1/3): its denominator.
_SLASH_FRACTION = re.compile(r"/([2-9]|10)")
#: A fraction in words (三分之一, 四分之一): a share.
_FRACTION = re.compile(r"(?P<den>[二三四五六七八九十])分之(?P<num>[一二三四五六七八九])")


#: A share in tenths (超四成, 占七成以上), after a comparator or 占: not 建成, 一成不变.
_TENTHS = re.compile(r"(?P<num>[一二三四五六七八九])成(?=$|[，,；;。、）)]|以上|左右|多|的)")
_BEFORE_TENTHS = (*AT_LEAST, *ABOUT, "占")


def _fractions(text: str, taken: list[Figure]) -> list[Figure]:
    """占全省GDP比重超过三分之一: a share written as a fraction, in % to one decimal (33.3);
    市场份额超四成: one in tenths (40)."""
    out = []
    share = parse_unit("%")
    for m in _TENTHS.finditer(text):
        num = parse_number(m.group("num"))
        if share is None or num is None or any(f.start <= m.start() < f.end for f in taken):
            continue
        if not text[: m.start()].endswith(_BEFORE_TENTHS):
            continue
        after, after_end = _comparator_after(text, m.end())
        value = tidy(num * 10)
        out.append(Figure(m.start(), m.end(), value, None, share, after, after_end, chinese=True))
    for m in _FRACTION.finditer(text):
        num, den = parse_number(m.group("num")), parse_number(m.group("den"))
        if share is None or num is None or not den or num >= den:
            continue
        if any(f.start <= m.start() < f.end for f in taken):
            continue
        value = tidy((num * 100 / den).quantize(Decimal("0.1")))
        after, after_end = _comparator_after(text, m.end())
        out.append(Figure(m.start(), m.end(), value, None, share, after, after_end, chinese=True))
    return out


def _magnitudes(text: str, taken: list[Figure]) -> list[Figure]:
    """超万亿元, 突破千亿元, 实施万项技改: one of a magnitude unit, after a comparator or verb;
    面积百万亩, 庭院千余个: a magnitude as the whole figure, closing its clause or before 余."""
    out = []
    for m in _MAGNITUDE.finditer(text):
        if any(f.start <= m.start() < f.end for f in taken):
            continue
        if (over := _MAGNITUDE_ALONE_OVER.match(text, m.start())) is not None:
            unit = read_unit(text, over.end())  # 千余个: more than a thousand
            if unit is not None and unit.known and unit.factor == 1:
                end = over.end() + len(unit.text)
                value = _MAGNITUDE_VALUE[over.group("mag")]
                out.append(Figure(m.start(), end, value, None, unit, ">=", end, chinese=True))
            continue
        before = text[: m.start()]
        if m.group() in _MAGNITUDE_VALUE and before.endswith(TARGET_VERBS):
            # 提升百个精品乡村酒店: a hundred, after a verb, of things counted one by one.
            unit = read_unit(text, m.end())
            if unit is None or not unit.known or unit.factor != 1 or unit.dimension != "count":
                continue
            if unit.text == "家":
                continue  # 百家争鸣, 千家万户: 家 after a bare magnitude opens an idiom
            end = m.end() + len(unit.text)
            if _in_idiom(text, m.start()):
                continue
            after, after_end = _comparator_after(text, end, unit.dimension)
            value = _MAGNITUDE_VALUE[m.group()]
            out.append(Figure(m.start(), end, value, None, unit, after, after_end, chinese=True))
            continue
        unit = read_unit(text, m.start())
        if unit is None or unit.factor <= 1 or not unit.known:
            continue
        end = m.start() + len(unit.text)
        lead = before[-1:]
        named = "\u4e00" <= lead <= "\u9fff" and lead not in _NOT_A_FIGURE
        closes = named and _CLOSES_CLAUSE.match(text, end) is not None
        if not before.endswith(AT_LEAST + ABOUT + TARGET_VERBS) and not closes:
            continue
        if _NOT_AFTER.match(text[end : end + 1]) or _in_idiom(text, m.start()):
            continue
        after, after_end = _comparator_after(text, end, unit.dimension)
        out.append(Figure(m.start(), end, Decimal(1), None, unit, after, after_end))
    return out


def _in_idiom(text: str, pos: int) -> bool:
    """Whether the magnitude at ``pos`` is a word of a number idiom (千家万户, 万众一心)."""
    # An idiom is four characters: only those around the magnitude are read, not the rest.
    window = NUMBER_IDIOM.finditer(text, max(0, pos - 3), pos + 4)
    return any(m.start() <= pos < m.end() for m in window)


#: 千余个, 百余人: a magnitude alone before 余 or 多, then a plain measure word.
_MAGNITUDE_ALONE_OVER = re.compile(r"(?P<mag>[百千])[余多](?=[\u4e00-\u9fff])")
_MAGNITUDE_VALUE = {"百": Decimal(100), "千": Decimal(1000)}
#: What follows a figure that closes its clause (面积百万亩，).
_CLOSES_CLAUSE = re.compile(r"\s*(?:以上|左右|以内|[，,；;。、]|$)")
#: Characters before a magnitude that make it part of a per-base or a word (每万人, 数百万亩);
#: a magnitude closing a clause is a figure only after a word (面积百万亩), not after digits a
#: wrap cut from it (产量450\n万吨) or a label (单位:万亩).
_NOT_A_FIGURE = frozenset("每数几上近")


#: The words that may join an index's name to its bare value (指数提高至105, 系数达到0.58).
_INDEX_VERBS = "|".join(
    re.escape(w) for w in sorted({*AT_LEAST, *AT_MOST, *EXACTLY}, key=len, reverse=True)
)
_INDEX = re.compile(
    rf"(?P<name>{'|'.join(INDEX_NAMES)})(?:[从由](?:{_ARABIC}))?(?:{_INDEX_VERBS})\s*(?P<num>{_ARABIC})"
    r"(?=以上|左右|以内|以下|[，,；;。]|$)"
)


def _indices(text: str, taken: list[Figure]) -> list[Figure]:
    """农田灌溉水有效利用系数达到0.58: a bare number is the value of a coefficient or an index
    (unit 系数 or 指数, kept as written)."""
    out = []
    for m in _INDEX.finditer(text):
        if any(f.start <= m.start("num") < f.end for f in taken):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        after, after_end = _comparator_after(text, m.end())
        # 求人倍率降低到1.3: a ratio of two counts, in 倍; the others are indices.
        name = m.group("name")
        times = name.endswith(("倍率", "倍差"))  # 城乡收入倍差1.9: in 倍
        # 有效利用系数0.55 counts in 系数, as readers write it; the others are indices.
        unit = unknown_unit("倍" if times else "系数" if name.endswith("系数") else "指数")
        out.append(Figure(m.start("num"), m.end(), value, None, unit, after, after_end))
    return out


#: A ratio to one (车桩比2.5:1, 之比达到3.3∶1): its first term is the figure.
_RATIO = re.compile(
    r"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*(?P<to>[:：∶]\s*1)(?![0-9０-９.．:：∶])"
)


#: A ratio of one to a figure (医护比达到1∶1.25, 床人比不低于1:1.6) where a ratio (…比) is
#: named just before: the figure is its second term; a map's scale (比例尺为1:2000) is none.
_ONE_TO = re.compile(
    r"(?<=比)(?!例尺)[^，,；;。0-9０-９]{0,4}?(?<![0-9０-９.．])(?P<to>1\s*[:：∶])\s*"
    r"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?![0-9０-９.．:：∶])"
)
#: The unit of a ratio written after one (1:1.25), colons of every width read as one.
_ONE = "1:"


def _ratios(text: str, taken: list[Figure]) -> list[Figure]:
    """城乡居民收入比缩小至2.3∶1, 车桩比在2.5:1以下: a ratio to one, its value the first term,
    its unit the ratio as written (:1); 医护比为1:1.25: a ratio of one to its second term (1:)."""
    out: list[Figure] = []
    for pattern in (_RATIO, _ONE_TO):
        for m in pattern.finditer(text):
            start = min(m.start("num"), m.start("to"))
            if any(f.start <= start < f.end for f in (*taken, *out)):  # 1∶1 is read once
                continue
            value = parse_number(m.group("num"))
            if value is None:
                continue
            after, after_end = _comparator_after(text, m.end())
            to = _ONE if pattern is _ONE_TO else re.sub(r"\s", "", m.group("to"))
            out.append(Figure(start, m.end(), value, None, unknown_unit(to), after, after_end))
    return out


_ORDER = re.compile(r"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?)?(?P<mag>万亿|千亿|百亿|亿)级")


def _orders(text: str) -> list[Figure]:
    """规模达到万亿级, 均达到7000亿级: an order of money reached (万亿级 is 1 万亿元), where it
    ends the clause after a comparator; 千亿级产业集群 names a kind of cluster and is no figure."""
    out = []
    for m in _ORDER.finditer(text):
        if not text[: m.start()].rstrip().endswith(AT_LEAST):
            continue
        if text[m.end() : m.end() + 1] not in ("", "，", ",", "；", ";", "。", "、"):
            continue
        unit = parse_unit(m.group("mag") + "元")
        value = parse_number(m.group("num")) if m.group("num") else Decimal(1)
        if unit is None or value is None:
            continue
        out.append(Figure(m.start(), m.end(), value, None, unit, ">=", m.end()))
    return out


_RANK = re.compile(
    rf"(?:{'|'.join(RANK_VERBS)})(?P<field>{'|'.join(RANK_FIELDS)})?前"
    r"(?P<num>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})(?P<unit>位|名)(?![的之])"
)


def _ranks(text: str) -> list[Figure]:
    """国家综合创新能力世界排名进入前15位, 跃居全省前十名: a rank to reach, at most the number; the
    count of what is so ranked (1家进入全球设计企业前十位) names its rank and has none."""
    out = []
    for m in _RANK.finditer(text):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        unit = rank_unit(m.group("unit"))
        chinese = not m.group("num")[0].isdigit()
        field = m.group("field") or ""
        out.append(
            Figure(
                m.start(), m.end(), value, None, unit, "<=", m.end(), chinese=chinese, rank=field
            )
        )
    return out


def _doublings(text: str) -> list[Figure]:
    """翻一番 (×2), 翻两番 (×4): a level multiplied, written without a number."""
    unit = parse_unit("倍")
    if unit is None:
        return []
    out = []
    for m in DOUBLING.finditer(text):
        n = parse_number(m.group("n")) if m.group("n") else Decimal(1)
        if n is None:
            continue
        value = Decimal(2) ** int(n)
        after, after_end = _comparator_after(text, m.end())
        out.append(Figure(m.start(), m.end(), value, None, unit, after, after_end, doubling=True))
    return out
