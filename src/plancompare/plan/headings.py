"""The Chinese heading grammar: which numbers open a heading, their rank, how a heading splits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancompare.text.numbering import (
    ANNEX,
    BOX,
    SPACE,
    NumberPrefix,
    match_dash,
    match_number,
    ordinal_of,
    style_rank,
)

__all__ = [
    "NumberPrefix",
    "match_dash",
    "match_number",
    "style_rank",
]

#: Characters that end the run-in title of a heading written inline with its body.
RUN_IN_TERMINATORS = "。．"
#: Punctuation that marks a long sentence rather than a heading.
_CLAUSE_PUNCT = set("，；,;")
_SENTENCE_END = set("。．！？；;!?")

_YEAR_OPENER = re.compile(r"^(?:到|至|在|从|自)?\d{4}年")

MAX_RUN_IN_TITLE = 30
MAX_STANDALONE_HEADING = 60
MAX_LEAD_PHRASE = 16


@dataclass(slots=True, frozen=True)
class LabelledUnit:
    """A 专栏 or 附件 line split into its label ("专栏 1"), title and any text run on after it."""

    number: str
    """The label as written without trailing separators ("专栏 1", "专栏一", "附件2")."""
    ordinal: int | None
    """The label's number (专栏一 → 1); None when it has none (附件：…)."""
    title: str
    """The title after the label, "" when there is none."""
    heading: str
    """Label and title as written."""
    rest: str
    """Text that followed the title on the same line (an entry run into the title)."""


def match_box(text: str) -> LabelledUnit | None:
    """The 专栏 heading that opens ``text``, if any."""
    return _labelled(BOX, text)


def match_annex(text: str) -> LabelledUnit | None:
    """The 附件 heading that opens ``text``, if any (a standalone line, not a sentence)."""
    unit = _labelled(ANNEX, text)
    if unit is None or len(unit.heading) > MAX_STANDALONE_HEADING:
        return None
    if unit.title and unit.title[-1] in _SENTENCE_END and any(c in _CLAUSE_PUNCT for c in text):
        return None
    return unit


# An entry number after a gap inside a box title: the extraction ran the first entry into it.
_RUN_ON_ENTRY = re.compile(rf"[{SPACE}]+(?=(?:0[1-9]|\d{{1,2}}[.．﹒、]|[（(]\d{{1,2}}[）)])\S)")


def _labelled(pattern: re.Pattern[str], text: str) -> LabelledUnit | None:
    m = pattern.match(text)
    if m is None:
        return None
    number = text[: m.end()].rstrip(" \t\u3000\xa0\u2003：:．.、")
    ordinal = ordinal_of(m.group(1)) if m.group(1) else None
    rest = text[m.end() :]
    run_on = _RUN_ON_ENTRY.search(rest)
    title_part, after = (rest[: run_on.start()], rest[run_on.end() :]) if run_on else (rest, "")
    stop = title_part.find("。")
    if stop >= 0 and title_part[stop + 1 :].strip():
        # 专栏1 X重点智能制造总体技术。重点研究…: paragraphs ran together; a title is one
        # phrase, what follows its first full stop is the box's text.
        title_part, after = title_part[:stop], (title_part[stop + 1 :] + " " + after).strip()
    return LabelledUnit(
        number,
        ordinal,
        title_of(title_part),
        text[: m.end()] + title_part.rstrip(),
        after.strip(),
    )


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
    return text.lstrip(" \t\u3000\xa0\u2002\u2003")


def title_of(heading_rest: str) -> str:
    """The title of a heading text without its number: trailing 。 and spaces removed."""
    return heading_rest.strip().rstrip(RUN_IN_TERMINATORS + "：:").strip()


def split_numbered(text: str, number: str | None, section_level: bool = False) -> HeadingSplit:
    """Split a paragraph that opens with ``number`` (or a dash) into heading and body.

    ``（一）加强组织领导。成立…`` → title 加强组织领导, body 成立…;
    ``（一）以产业集聚促进协同发展`` → a standalone heading;
    a long sentence after the number → an item without a title whose body is the sentence;
    with ``section_level`` (一、, （一）) a line of two parallel phrases is a heading too.
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
    if section_level and _paired_title(rest):
        return HeadingSplit(number, title_of(rest), (prefix + gap + rest).strip(), "")
    return HeadingSplit(number, "", prefix, rest.strip())


def _paired_title(rest: str) -> bool:
    """A section heading made of two parallel phrases (加快系统创新，增强融合发展新动能), alone
    on its line, with or without a closing 。: short, one comma, nothing after the full stop.

    Only for section-level numbers (一、, （一）): by the convention of Chinese official
    documents (GB/T 9704) those number headings, while 1. and （1） number items that are
    often whole sentences.
    """
    body = rest.strip().rstrip(RUN_IN_TERMINATORS)
    return (
        0 < len(body) <= MAX_RUN_IN_TITLE
        and sum(body.count(c) for c in "，,") == 1
        and not any(c in body for c in "；;。．！？!?")
        and not _YEAR_OPENER.match(body)
    )


def _first_terminator(text: str) -> int | None:
    for i, ch in enumerate(text):
        if ch in RUN_IN_TERMINATORS:
            return i
    return None


def _is_phrase(text: str) -> bool:
    """A heading-like phrase: no clause punctuation (commas, semicolons)."""
    return bool(text.strip()) and not any(ch in _CLAUSE_PUNCT or ch in "：:" for ch in text)


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
