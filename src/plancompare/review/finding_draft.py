"""The comment a finding suggests: what the finding says and quotes, a category by the
finding's kind and a reason — one rule for the TUI's findings view (``c``) and for
``plancompare comment add --finding``."""

from __future__ import annotations

from plancompare.model import Finding
from plancompare.review.model import Category
from plancompare.review.writing import Draft

#: Findings about the plan's structure: the reviewer asks for a fix (修改); the others are
#: about targets that disagree, where only the drafters know which figure is meant (疑问).
STRUCTURE_KINDS = frozenset(
    {"missing-heading", "numbering-gap", "duplicate-number", "out-of-sequence"}
)

#: The words of a suggested comment in each language of the interface.
WORDING: dict[str, dict[str, str]] = {
    "zh": {
        "quotes": "原文：{quotes}",
        "quote_open": "“",
        "quote_close": "”",
        "quote_sep": "；",
        "rationale_structure": "章节编号和标题应完整、连续，便于引用和执行。",
        "rationale_targets": "同一指标在规划中应前后一致，以便执行和考核。",
    },
    "en": {
        "quotes": "Quoted: {quotes}",
        "quote_open": "“",
        "quote_close": "”",
        "quote_sep": "; ",
        "rationale_structure": "Numbering and headings should be complete and continuous, so "
        "that the plan can be cited and carried out.",
        "rationale_targets": "A target should be stated the same way throughout the plan, so "
        "that it can be carried out and assessed.",
    },
}


def _wording(lang: str) -> dict[str, str]:
    if lang not in WORDING:
        raise ValueError(f"unknown language {lang!r} (use {', '.join(WORDING)})")
    return WORDING[lang]


def finding_category(kind: str) -> Category:
    """修改 (amend) for a finding about the plan's structure, 疑问 (question) for the others."""
    return Category.AMEND if kind in STRUCTURE_KINDS else Category.QUESTION


def finding_rationale(kind: str, lang: str = "zh") -> str:
    """The reason a comment on a finding of ``kind`` gives (理由或依据), in ``lang``."""
    structure = kind in STRUCTURE_KINDS
    return _wording(lang)["rationale_structure" if structure else "rationale_targets"]


def quoted(quotes: list[str], lang: str = "zh") -> str:
    """Quotes as a reviewer writes them: “三、总体目标”；“五、保障措施”."""
    w = _wording(lang)
    return w["quote_sep"].join(f"{w['quote_open']}{q}{w['quote_close']}" for q in quotes)


def draft_for(finding: Finding, lang: str = "zh") -> Draft:
    """A draft comment on ``finding`` in ``lang`` ("zh" or "en"): its message, then its
    quotes; the category by its kind (:func:`finding_category`); the reason prefilled."""
    body = finding.text(lang)
    if finding.evidence:
        body += "\n" + _wording(lang)["quotes"].format(quotes=quoted(finding.evidence, lang))
    return Draft(
        body=body,
        category=finding_category(finding.kind).value,
        rationale=finding_rationale(finding.kind, lang),
    )
