"""Writing a comment on a plan: the function behind ``comment add`` and the TUI's comment dialog."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from plancompare.checks import check_plan
from plancompare.errors import PlanError
from plancompare.model import Finding, Plan
from plancompare.review.anchoring import make_anchor
from plancompare.review.model import (
    Anchor,
    Category,
    Comment,
    PairRef,
    Reference,
    Stance,
    Status,
    check_comment_text,
    new_comment_id,
    parse_category,
    utc_now,
)


@dataclass(slots=True)
class Draft:
    """What a reviewer writes, before it is anchored and stored."""

    body: str
    """The comment (Markdown allowed)."""
    category: str = Category.AMEND.value
    """A category key or word (修改 and ``amend`` are the same)."""
    stance: Stance = Stance.NEUTRAL
    """The reviewer's position."""
    suggestion: str = ""
    """建议修改为."""
    rationale: str = ""
    """理由或依据."""
    reviewer: str = ""
    """Who writes it."""
    organisation: str = ""
    """The reviewer's organisation."""
    status: Status = Status.DRAFT
    """Draft or submitted."""

    @classmethod
    def of(cls, comment: Comment) -> Draft:
        """What a stored comment says, to edit it."""
        return cls(
            body=comment.body,
            category=comment.category,
            stance=comment.stance,
            suggestion=comment.suggestion,
            rationale=comment.rationale,
            reviewer=comment.reviewer,
            organisation=comment.organisation,
            status=comment.status,
        )

    def changes(self) -> dict[str, Any]:
        """The fields an edit writes (``CommentStore.update(id, **draft.changes())``)."""
        return {
            "body": self.body.strip(),
            "category": self.category,
            "stance": self.stance,
            "suggestion": self.suggestion.strip(),
            "rationale": self.rationale.strip(),
            "status": self.status,
        }


def new_comment(
    plan: Plan,
    section_id: str,
    draft: Draft,
    *,
    quote: str | None = None,
    start: int | None = None,
    end: int | None = None,
    reference: Reference | None = None,
    now: datetime | None = None,
    anchor: Anchor | None = None,
) -> Comment:
    """A new comment on a section of ``plan`` (its whole text, a quote, offsets, or ``anchor``
    made beforehand, e.g. by :func:`anchor_for_target`)."""
    for name in ("body", "suggestion", "rationale", "reviewer", "organisation", "category"):
        check_comment_text(name, getattr(draft, name))
    if not draft.body.strip():
        raise PlanError(None, "err_needs_body")
    anchor = anchor or make_anchor(plan, section_id, quote, start, end)
    moment = now or utc_now()
    return Comment(
        id=new_comment_id(),
        plan=plan.id,
        plan_version=plan.meta.version,
        anchor=anchor,
        body=draft.body.strip(),
        created=moment,
        updated=moment,
        category=parse_category(draft.category),
        stance=draft.stance,
        suggestion=draft.suggestion.strip(),
        rationale=draft.rationale.strip(),
        reviewer=draft.reviewer.strip(),
        organisation=draft.organisation.strip(),
        status=draft.status,
        quoted=anchor.exact,
        reference=reference,
    )


def pair_reference(
    other: Plan,
    section_id: str,
    quote: str | None = None,
    score: float | None = None,
    kind: str | None = None,
) -> PairRef:
    """The other side of an aligned pair: a section (and quote) of another plan."""
    return PairRef(other.id, other.meta.version, make_anchor(other, section_id, quote), score, kind)


def finding_on(plan: Plan, section_id: str, kind: str) -> Finding:
    """The finding of ``kind`` on ``section_id`` (from :func:`plancompare.checks.check_plan`)."""
    findings = check_plan(plan)
    found = [f for f in findings if f.kind == kind and f.section == section_id]
    if not found:
        kinds = sorted({f.kind for f in findings if f.section == section_id})
        raise PlanError(plan.id, "err_no_such_finding", kind=kind, section=section_id, kinds=kinds)
    return found[0]
