"""The Chinese heading grammar: which numbers open a heading, their rank, how a heading splits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancompare.text.numbers import parse_number

_CN = "零〇一二三四五六七八九十百千两"
_CN_NUM = f"[{_CN}]+"
_AR_NUM = r"\d{1,3}"
_GAP = r"[ \t\u3000\xa0]*"

# Ranks order numbering styles from the outermost to the innermost, following the usual
# hierarchy of Chinese official documents (GB/T 9704: 一、 → （一） → 1. → （1））.
# Only the relative order matters: a plan that starts at （一） still gets level 1 for it.
_STYLES: list[tuple[str, float, re.Pattern[str]]] = [
    ("part", 0.0, re.compile(rf"第({_CN_NUM}|{_AR_NUM})(?:编|部分)")),
    ("chapter", 1.0, re.compile(rf"第({_CN_NUM}|{_AR_NUM})章")),
    ("section", 2.0, re.compile(rf"第({_CN_NUM}|{_AR_NUM})节")),
    ("article", 3.0, re.compile(rf"第({_CN_NUM}|{_AR_NUM})条")),
    ("cn_dun", 3.5, re.compile(rf"({_CN_NUM})[、．]")),
    ("cn_paren", 4.0, re.compile(rf"[（(]({_CN_NUM})[）)]")),
    ("ar_multi", 5.0, re.compile(r"(\d{1,2}(?:[.．]\d{1,2})+)(?:[.．、]|(?=[ \t\u3000]))")),
    ("ar_dot", 5.0, re.compile(r"(\d{1,2})(?:[.．](?![\d%])|、)")),
    ("ar_paren", 6.0, re.compile(rf"[（(]({_AR_NUM})[）)]")),
    ("circled", 7.0, re.compile(r"([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])")),
]
_STYLE_RANK = {name: rank for name, rank, _ in _STYLES}

_DASH = re.compile(r"(——|—|－－|--)(?=[^\d—\-－\s])")

#: Characters that end the run-in title of a heading written inline with its body.
RUN_IN_TERMINATORS = "。．"
#: Punctuation that marks a long sentence rather than a heading.
_CLAUSE_PUNCT = set("，；,;")
_SENTENCE_END = set("。．！？；;!?")

MAX_RUN_IN_TITLE = 30
MAX_STANDALONE_HEADING = 60
MAX_LEAD_PHRASE = 16


def style_rank(style: str) -> float:
    """Rank of a numbering style; smaller is outer."""
    return _STYLE_RANK[style]


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


def _ordinal(digits: str) -> int | None:
    if "\u2460" <= digits <= "\u2473":
        return ord(digits) - 0x2460 + 1
    if "\u3251" <= digits <= "\u325f":
        return ord(digits) - 0x3251 + 21
    if "\u32b1" <= digits <= "\u32bf":
        return ord(digits) - 0x32B1 + 36
    if "." in digits or "．" in digits:
        return None
    value = parse_number(digits)
    return int(value) if value is not None and value == value.to_integral_value() else None


def match_number(text: str) -> NumberPrefix | None:
    """The heading number that opens ``text``, if any (dash items are not numbers)."""
    for style, rank, pattern in _STYLES:
        m = pattern.match(text)
        if m:
            return NumberPrefix(style, rank, m.group(0), _ordinal(m.group(1)))
    return None


def match_dash(text: str) -> str | None:
    """The dash (——) that opens a dash item, if any."""
    m = _DASH.match(text)
    return m.group(1) if m else None


@dataclass(slots=True, frozen=True)
class HeadingSplit:
    """A numbered or dash paragraph split into heading and body."""

    number: str | None
    """The number as written, or None."""
    title: str
    """The title without number and trailing punctuation ("" when the item has none)."""
    heading: str
    """Number, title and the punctuation that ended the title, as written."""
    body: str
    """What follows the heading in the same paragraph ("" for a standalone heading)."""


def _strip_gap(text: str) -> str:
    return text.lstrip(" \t\u3000\xa0")


def title_of(heading_rest: str) -> str:
    """The title of a heading text without its number: trailing 。 and spaces removed."""
    return heading_rest.strip().rstrip(RUN_IN_TERMINATORS + "：:").strip()


def split_numbered(text: str, number: str | None) -> HeadingSplit:
    """Split a paragraph that opens with ``number`` (or a dash) into heading and body.

    ``（一）加强组织领导。成立…`` → title 加强组织领导, body 成立…;
    ``（一）以产业集聚促进协同发展`` → a standalone heading;
    a long sentence after the number → an item without a title whose body is the sentence.
    """
    prefix = number or ""
    rest = _strip_gap(text[len(prefix) :])
    gap = text[len(prefix) : len(text) - len(rest)]
    end = _first_terminator(rest)
    if end is not None and 0 < end <= MAX_RUN_IN_TITLE and _is_phrase(rest[:end]):
        body = rest[end + 1 :].strip()
        return HeadingSplit(number, rest[:end], prefix + gap + rest[: end + 1], body)
    if (
        end is None
        and len(rest) <= MAX_STANDALONE_HEADING
        and not (rest and rest[-1] in _SENTENCE_END)
        and not any(ch in _CLAUSE_PUNCT for ch in rest)
    ):
        return HeadingSplit(number, title_of(rest), (prefix + gap + rest).strip(), "")
    return HeadingSplit(number, "", prefix, rest.strip())


def _first_terminator(text: str) -> int | None:
    for i, ch in enumerate(text):
        if ch in RUN_IN_TERMINATORS:
            return i
    return None


def _is_phrase(text: str) -> bool:
    """A heading-like phrase: no clause punctuation (commas, semicolons)."""
    return bool(text.strip()) and not any(ch in _CLAUSE_PUNCT or ch in "：:" for ch in text)


_YEAR_OPENER = re.compile(r"^(?:到|至|在|从|自)?\d{4}年")


def lead_phrase(text: str) -> str | None:
    """The short phrase ending in 。 that opens ``text``, if it looks like a lead phrase.

    Whether it *is* a lead-phrase item depends on its neighbours (a list of such paragraphs);
    the tree builder decides that.
    """
    end = _first_terminator(text)
    if end is None or not 2 <= end <= MAX_LEAD_PHRASE:
        return None
    phrase = text[:end]
    if not _is_phrase(phrase) or "、" in phrase or _YEAR_OPENER.match(phrase):
        return None
    if not text[end + 1 :].strip():
        return None
    return phrase
