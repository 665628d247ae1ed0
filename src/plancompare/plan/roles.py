"""The role a section plays in a plan — background, guidance, principles, safeguards, glossary —
read from the words of its heading (the word lists are in ``plancompare.text.lexicon``)."""

from __future__ import annotations

import re
from enum import StrEnum

from plancompare.model import Plan, Section
from plancompare.text.lexicon import (
    BACKGROUND_MARKERS,
    BACKGROUND_WORDS,
    SECTION_ROLE_WORDS,
    SIGNIFICANCE,
)

#: Punctuation between the words of a heading.
_PUNCT = " \t\u3000\xa0，,；;：:、。.！？!?"
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
#: A heading longer than this is a statement, not the name of a part.
_MAX_BACKGROUND = 12
#: How much longer than its role word a heading may be (发展原则, 相关术语).
_ROLE_SLACK = 2


class SectionRole(StrEnum):
    """A part that plans of any sector have, each in its own words."""

    BACKGROUND = "background"
    """The present and its context: 发展现状, 面临形势, 重要意义."""
    GUIDANCE = "guidance"
    """The guiding ideas: 指导思想, 总体思路, 总体要求."""
    PRINCIPLES = "principles"
    """基本原则, 发展原则."""
    SAFEGUARDS = "safeguards"
    """How the plan is carried out: 保障措施, 组织实施."""
    GLOSSARY = "glossary"
    """Definitions of terms: 相关术语, 名词解释."""


#: Roles that describe rather than ask for something: a lower plan takes them up only by having
#: its own (its own 发展现状), never by saying something alike elsewhere.
DESCRIPTIVE_ROLES = frozenset({SectionRole.BACKGROUND, SectionRole.GLOSSARY})


def is_background_title(title: str) -> bool:
    """A heading about the present (发展现状, 面临形势, 重要意义): made only of background words
    (and the joining words and qualifiers before them), one of them a marker of the present."""
    if title.endswith(SIGNIFICANCE) and len(title) <= 2 * _MAX_BACKGROUND:
        return True  # 充分认识先导区建设的重要意义: why the plan matters, not what it asks
    if not title or len(title) > _MAX_BACKGROUND:
        return False
    rest = title
    while rest:
        word = next((w for w in BACKGROUND_WORDS if rest.startswith(w)), None)
        if word is None:
            break
        rest = rest[len(word) :].lstrip(_PUNCT)
    return not rest and any(w in title for w in BACKGROUND_MARKERS)


def section_role(section: Section) -> SectionRole | None:
    """The role the section's heading names, or None for a section about a topic of its own."""
    # A label alone (相关术语：, read as an annex's label) names the part as a title would.
    title = _BRACKETS.sub("", section.title or section.number or "").strip(_PUNCT)
    if is_background_title(title):
        return SectionRole.BACKGROUND
    for role, role_words in SECTION_ROLE_WORDS.items():
        if any(title.endswith(w) and len(title) <= len(w) + _ROLE_SLACK for w in role_words):
            return SectionRole(role)
    return None


def plan_roles(plan: Plan) -> dict[SectionRole, list[Section]]:
    """The sections of each role a plan has, in document order."""
    found: dict[SectionRole, list[Section]] = {}
    for section in plan.walk():
        role = section_role(section)
        if role is not None:
            found.setdefault(role, []).append(section)
    return found
