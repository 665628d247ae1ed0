"""The comment a finding suggests: a request by the finding's kind, a category and a reason —
one rule for the TUI's findings view (``c``) and for ``plancompare comment add --finding``.

The finding itself (what it says, its quotes) is kept with the comment as its reference and
stated once where the comment is shown, so the suggested body does not repeat it.
"""

from __future__ import annotations

from plancompare.i18n import t
from plancompare.model import Finding
from plancompare.review.model import Category
from plancompare.review.writing import Draft

#: Findings about the plan's structure: the reviewer asks for a fix (修改); the others are
#: about targets that disagree, where only the drafters know which figure is meant (疑问).
STRUCTURE_KINDS = frozenset(
    {"missing-heading", "numbering-gap", "duplicate-number", "out-of-sequence"}
)


def _group(kind: str) -> str:
    return "structure" if kind in STRUCTURE_KINDS else "targets"


def finding_category(kind: str) -> Category:
    """修改 (amend) for a finding about the plan's structure, 疑问 (question) for the others."""
    return Category.AMEND if kind in STRUCTURE_KINDS else Category.QUESTION


def finding_rationale(kind: str, lang: str = "zh") -> str:
    """The reason a comment on a finding of ``kind`` gives (理由或依据), in ``lang``."""
    return t(f"draft_rationale_{_group(kind)}", lang)


def draft_for(finding: Finding, lang: str = "zh") -> Draft:
    """A draft comment on ``finding`` in ``lang``: the request its kind calls for, the
    category by its kind (:func:`finding_category`), the reason prefilled."""
    return Draft(
        body=t(f"draft_body_{_group(finding.kind)}", lang),
        category=finding_category(finding.kind).value,
        rationale=finding_rationale(finding.kind, lang),
    )
