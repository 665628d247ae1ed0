"""Where a numbered unit of a Chinese document opens: heading numbers and their ranks, dash
items, 专栏 and 附件 labels. One home for the grammar of numbers, used by the readers (to
tell a wrapped line from a new unit) and by the heading grammar of ``plan``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancompare.text.numbers import parse_number

_CN = "零〇一二三四五六七八九十百千两"
CN_NUM = f"[{_CN}]+"
_AR_NUM = r"\d{1,3}"
# Spaces between a number and its title: ASCII, ideographic, no-break and typographic ones.
SPACE = " \t\u3000\xa0\u2000-\u200a\u202f"
GAP = rf"[{SPACE}]*"
# The full stop after an Arabic item number: ASCII, full-width (．), and the small form
# U+FE52 (﹒) that some word processors' Chinese fonts produce for "1.".
_DOT = "[.．﹒]"

# Ranks order numbering styles from the outermost to the innermost, following the usual
# hierarchy of Chinese official documents (GB/T 9704: 一、 → （一） → 1. → （1））.
# Only the relative order matters: a plan that starts at （一） still gets level 1 for it.
STYLES: list[tuple[str, float, re.Pattern[str]]] = [
    ("part", 0.0, re.compile(rf"第({CN_NUM}|{_AR_NUM})(?:编|部分)")),
    ("chapter", 1.0, re.compile(rf"第({CN_NUM}|{_AR_NUM})章")),
    ("section", 2.0, re.compile(rf"第({CN_NUM}|{_AR_NUM})节")),
    ("article", 3.0, re.compile(rf"第({CN_NUM}|{_AR_NUM})条")),
    ("cn_dun", 3.5, re.compile(rf"({CN_NUM})[、．]")),
    ("cn_paren", 4.0, re.compile(rf"[（(]{GAP}({CN_NUM}){GAP}[）)]")),
    ("ar_multi", 5.0, re.compile(rf"(\d{{1,2}}(?:{_DOT}\d{{1,2}})+)(?:{_DOT}|、|(?=[{SPACE}]))")),
    # A dot before a digit or % is a decimal point (1.5亿元), not a number's full stop.
    ("ar_dot", 5.0, re.compile(rf"(\d{{1,2}})(?:{_DOT}(?![\d%％０-９])|、)")),
    # Zero-padded entries (01 关键核心技术) number the items of a 专栏 in many national plans;
    # the gap after them keeps years and amounts (2025年, 05亿) out.
    ("ar_entry", 5.5, re.compile(rf"(0[1-9])(?=[{SPACE}])")),
    ("ar_paren", 6.0, re.compile(rf"[（(]{GAP}({_AR_NUM}){GAP}[）)]")),
    ("circled", 7.0, re.compile(r"([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])")),
]
STYLE_RANK = {name: rank for name, rank, _ in STYLES}

DASH = re.compile(r"(——|—|－－|--)(?=[^\d—\-－\s])")

# 专栏 (a box: a boxed list of projects or examples) and 附件/附录 (an annex) are numbered in
# their own series, 专栏1/专栏一 and 附件1/附件：, in every level of Chinese plan, so they are
# read by their word, never by their number's style. A number or a colon is required: a sentence may
# open with the word (专栏中所列…, 附件所列…).
BOX = re.compile(rf"专栏{GAP}(?:([0-9０-９]{{1,2}}|{CN_NUM}){GAP}[：:．.、]?|[：:]){GAP}")
# A glossary (相关术语：, 名词解释) closes a plan as an annex does; only its label alone on a line.
ANNEX = re.compile(
    rf"(?:附件|附录){GAP}(?:([0-9０-９]{{1,2}}|{CN_NUM}){GAP}[：:．.、]?|[：:]|$){GAP}"
    rf"|(?:相关术语|名词解释|术语解释|名词术语解释?|术语说明){GAP}[：:]?{GAP}$"
)


def style_rank(style: str) -> float:
    """Rank of a numbering style; smaller is outer."""
    return STYLE_RANK[style]


@dataclass(slots=True, frozen=True)
class NumberPrefix:
    """A heading number found at the start of a paragraph."""

    style: str
    """Style key, e.g. "cn_paren" for （一）."""
    rank: float
    """Position of the style in the hierarchy (smaller is outer)."""
    text: str
    """The number as written, with its punctuation ("（一）")."""
    ordinal: int | None
    """Its value (（三） → 3); None where it has no single value (1.2.3)."""


def ordinal_of(digits: str) -> int | None:
    """The value of a number as a heading writes it (三 → 3, ② → 2); None for 1.2."""
    if "\u2460" <= digits <= "\u2473":
        return ord(digits) - 0x2460 + 1
    if "\u3251" <= digits <= "\u325f":
        return ord(digits) - 0x3251 + 21
    if "\u32b1" <= digits <= "\u32bf":
        return ord(digits) - 0x32B1 + 36
    if any(dot in digits for dot in ".．﹒"):
        return None
    value = parse_number(digits)
    return int(value) if value is not None and value == value.to_integral_value() else None


def match_number(text: str) -> NumberPrefix | None:
    """The heading number that opens ``text``, if any (dash items are not numbers)."""
    for style, rank, pattern in STYLES:
        m = pattern.match(text)
        if m:
            return NumberPrefix(style, rank, m.group(0), ordinal_of(m.group(1)))
    return None


def match_dash(text: str) -> str | None:
    """The dash (——) that opens a dash item, if any."""
    m = DASH.match(text)
    return m.group(1) if m else None


def opens_unit(text: str) -> bool:
    """Whether a line opens a numbered unit: a heading number, a dash item, 专栏 or 附件."""
    return bool(match_number(text) or match_dash(text) or BOX.match(text) or ANNEX.match(text))
