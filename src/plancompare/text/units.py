"""Units with dimensions: the one registry of every unit plancompare knows (units.txt, by pint).

A unit as a plan writes it (万人, 亿元, PFlops, 个百分点) has a dimension (people, money,
computing …) and a factor to its dimension's base unit, so values convert exactly (Decimal):
3500 PFlops and 12 EFLOPS compare, 个 and 亿元 never do. A unit the registry does not know is
kept as written and marked unknown: its own dimension, comparable only with itself.

pint is imported on the first unit read (about 0.35 s), not when this module is imported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

DEFINITIONS = Path(__file__).with_name("units.txt")
"""The pint definitions file of the registry."""

#: The longest unit as written that is looked for after a number (万吨标准煤 is 5 characters).
MAX_UNIT_LENGTH = 7
#: Latin letters after a number that no registry unit explains: kept as an unknown unit when
#: at least this long (5G, 3D, 4K are names, not amounts).
MIN_UNKNOWN_LATIN = 2
#: Latin words after a number that are a web address, not a unit (13:55 https://…, 2016 www.…).
_WEB_WORDS = ("http", "https", "www")
_LATIN = re.compile(r"[A-Za-z]+(?:/[A-Za-z]+)?")
#: What a unit as written is made of: Chinese characters, Latin letters, %, ² and a slash.
# ㎡: one character for m²; km2, m3: a Latin unit's power written as a plain digit.
_UNIT_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-zμµ%％‰²³/㎡㎢㎞㎏㎥]+(?:(?<=[A-Za-z])[23])?")

#: Bounds written after a figure (以上, 左右 …): after one Latin letter they make it a unit.
_BOUNDS = ("以上", "以下", "以内", "左右", "及以上")

#: Calendar words are units only inside a compound (元/月): 三年, 5月 are durations and dates.
CALENDAR_WORDS = frozenset({"年", "月", "日"})

#: Dimensions whose base unit counts things one by one; their units are measure words.
COUNT = "count"


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as written, with what it measures."""

    text: str
    """The unit as the plan writes it (万人, PFlops)."""
    dimension: str
    """What it measures: money, people, count, share, points, area, computing …; for an unknown
    unit ``unknown:`` and the unit itself."""
    base: str
    """The dimension's base unit (元, 人, 个, FLOPS); the unit itself when unknown."""
    factor: Decimal
    """How many base units one of this unit is (万人 → 10000)."""
    known: bool = True
    """False for a unit the registry does not know (kept verbatim)."""

    def to_base(self, value: Decimal) -> Decimal:
        """``value`` in this unit, expressed in the base unit (to six decimals where a factor
        does not divide evenly, as 亩 in 平方米 does not)."""
        base = value * self.factor
        # (47μg/m3 is 4.7E-11 吨/立方米: a small amount keeps its digits, it is not rounded to 0.)
        if -base.as_tuple().exponent > 6 and abs(base) >= Decimal("0.001"):  # type: ignore[operator]
            base = base.quantize(Decimal("0.000001"))
        return tidy(base)


def tidy(value: Decimal) -> Decimal:
    """A Decimal without trailing zeros or exponent: 15000.0 → 15000, 3E+1 → 30, 0.50 → 0.5."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


@cache
def registry() -> pint.UnitRegistry[Any]:
    """The pint registry of units.txt, with Decimal values (loaded once)."""
    import pint

    ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(
        None, non_int_type=Decimal, case_sensitive=False, cache_folder=None
    )
    ureg.load_definitions(str(DEFINITIONS))
    return ureg


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> Unit | None:
    """The registry's reading of a whole unit as written, or None when it is not a known unit."""
    written = _normal(text)
    if not written or written[0].isdigit():
        return None
    ureg = registry()
    try:
        units = ureg.parse_units(written)
    except Exception:  # pint raises several kinds for a string that is not a unit
        return None
    if not units.dimensionality:
        return None
    factor, base = ureg.get_base_units(units)
    dims = sorted(str(d).strip("[]") for d in units.dimensionality)
    if len(dims) != 1 or units.dimensionality[f"[{dims[0]}]"] != 1:
        # Compound units (元/月, 万元/亩): keep pint's own dimension text.
        dimension = str(units.dimensionality)
    else:
        dimension = dims[0]
    return Unit(text, dimension, _base_text(base), tidy(Decimal(str(factor))))


def _base_text(base: Any) -> str:
    text = str(base)
    return {"percent": "%", "字节": "B"}.get(text, text)


def unknown_unit(text: str) -> Unit:
    """A unit the registry does not know, kept as written: comparable only with itself."""
    return Unit(text, f"unknown:{text}", text, Decimal(1), known=False)


def rank_unit(text: str) -> Unit:
    """The unit of a place in a ranking (前15位, 前十名): a rank, never a count of people."""
    return Unit(text, "rank", text, Decimal(1))


#: A unit's divisor that is an amount (/100公里, /10万人): the unit is a rate per that amount.
_PER_AMOUNT = re.compile(r"/\s*[0-9]+(?:\.[0-9]+)?\s*[万亿]?")


#: A unit's divisor that is a word (/百公里, /吨), up to a bound or the clause's end.
_PER_WORD = re.compile(
    r"/(?:[0-9０-９]+|[百千万])?[\u4e00-\u9fffA-Za-z]{1,5}?(?=以上|以下|左右|以内|[，,；;。、)）\s]|$)"
)


#: A unit per another written with spaces around its slash (微克/ 立方米, a page's line break).
_SPACED_SLASH = re.compile(r"([\u4e00-\u9fffA-Za-z]{1,4}?)\s*/\s+(?=[\u4e00-\u9fffA-Za-z])")


def _spaced_per(text: str, pos: int) -> Unit | None:
    """The unit at ``pos`` when spaces stand around its slash, read as if they did not (the text
    kept as written, so that its length still spans it)."""
    m = _SPACED_SLASH.match(text, pos)
    if m is None:
        return None
    first, rest = m.group(1), text[m.end() :]
    for length in range(min(MAX_UNIT_LENGTH, len(rest)), 0, -1):
        if not _UNIT_CHARS.fullmatch(rest[:length]):
            continue  # 微克/ 立方米。: the unit ends before the sentence's stop
        found = parse_unit(f"{first}/{rest[:length]}")
        if found is not None and found.known:
            return Unit(text[pos : m.end() + length], found.dimension, found.base, found.factor)
    # 微克/ 立方米: a unit per a word the registry lacks, kept as unknown_unit keeps one.
    joined = f"{first}/{rest}"
    per_word = _PER_WORD.match(joined, len(first))
    if per_word is None:
        return None
    unit = joined[: per_word.end()]
    written = text[pos : m.end() + per_word.end() - len(first) - 1]
    return Unit(written, f"unknown:{unit}", unit, Decimal(1), known=False)


#: Measure words and the characters after them that make a word of their own (部门, 部分,
#: 道路, 二十道街): the figure counts that word, not 部 or 道 of something.
_NOT_A_UNIT = {"部": ("门", "分", "委"), "道": ("路", "街")}


def read_unit(text: str, pos: int) -> Unit | None:
    """The unit written at ``pos`` of ``text`` (the longest the registry knows), or Latin letters
    no unit explains (kept as an unknown unit), or None."""
    spaced = _spaced_per(text, pos)
    if spaced is not None:
        return spaced
    for length in range(min(MAX_UNIT_LENGTH, len(text) - pos), 0, -1):
        piece = text[pos : pos + length]
        if piece in CALENDAR_WORDS or not _UNIT_CHARS.fullmatch(piece):
            continue
        if piece[-1] in "23" and text[pos + length : pos + length + 1].isdigit():
            continue  # 32万km2 is km², but km23 is no unit
        letter_end = piece[-1].isascii() and piece[-1].isalpha()
        if letter_end and re.match(r"[A-Za-z/]", text[pos + length : pos + length + 1]):
            continue  # Gbit/s is not Gb followed by "it/s": Latin units end where the word does
        found = parse_unit(piece)
        word_after = _NOT_A_UNIT.get(piece[-1:], ())
        if found is not None and word_after and text.startswith(word_after, pos + length):
            continue  # 24部门联合印发, 14部委: words, not 部 of something counted
        if found is not None:
            per = _PER_AMOUNT.match(text, pos + length)
            other = read_unit(text, per.end()) if per is not None else None
            if per is not None and other is not None:
                # 升/100公里: a unit per an amount of another, kept as written.
                return unknown_unit(text[pos : per.end() + len(other.text)])
            per_word = _PER_WORD.match(text, pos + length) if found.dimension != "share" else None
            if per_word is not None:
                # 千瓦时/百公里, 千克/吨: a unit per something the registry lacks, as written.
                return unknown_unit(piece + per_word.group())
            return found
    latin = _LATIN.match(text, pos)
    if latin and latin.group().lower() in _WEB_WORDS:
        return None
    if latin and len(latin.group()) >= MIN_UNKNOWN_LATIN:
        return unknown_unit(latin.group())
    if latin and text.startswith(_BOUNDS, latin.end()):
        # 带宽5000M以上: a one-letter unit is a unit when a bound follows it (5G网络 is a name).
        return unknown_unit(latin.group())
    return None


def same_dimension(a: Unit, b: Unit) -> bool:
    """Whether two units measure the same thing (so their values convert)."""
    return a.dimension == b.dimension


def convert(value: Decimal, from_unit: Unit, to_unit: Unit) -> Decimal | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None across dimensions."""
    if not same_dimension(from_unit, to_unit):
        return None
    return tidy(value * from_unit.factor / to_unit.factor)
