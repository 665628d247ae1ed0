"""The comment a finding suggests: what the finding says and quotes, a category and a reason."""

from __future__ import annotations

from plancompare.model import Finding
from plancompare.review.model import Category
from plancompare.review.writing import Draft
from plancompare.tui.i18n import Labels

#: Findings about the plan's structure: the reviewer asks for a fix (修改); the others are
#: about targets that disagree, where only the drafters know which figure is meant (疑问).
STRUCTURE_KINDS = frozenset(
    {"missing-heading", "numbering-gap", "duplicate-number", "out-of-sequence"}
)


def quoted(labels: Labels, quotes: list[str]) -> str:
    """Quotes as a reviewer writes them: “三、总体目标”；“五、保障措施”."""
    t = labels
    return t["quote_sep"].join(f"{t['quote_open']}{q}{t['quote_close']}" for q in quotes)


def draft_for(finding: Finding, labels: Labels) -> Draft:
    """A draft comment on ``finding`` in the interface's language: its message, then its
    quotes; 修改 for structure, 疑问 for targets; the reason prefilled."""
    t = labels
    structure = finding.kind in STRUCTURE_KINDS
    body = t["finding_body"].format(message=finding.text(t.lang))
    if finding.evidence:
        body += "\n" + t["finding_quotes"].format(quotes=quoted(t, finding.evidence))
    return Draft(
        body=body,
        category=(Category.AMEND if structure else Category.QUESTION).value,
        rationale=t["rationale_structure" if structure else "rationale_targets"],
    )
