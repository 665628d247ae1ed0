"""What a review session holds: the two plans under review, the review database and what the
core computed about them — used by both front ends (the TUI's views share one).

Every computation here is one call into the core; the methods named ``compute_*`` block (the
TUI runs them in thread workers), the rest are quick. No Textual, Rich or click here.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from plancompare.align.rows import CompareRow, compare_rows
from plancompare.config import Settings
from plancompare.i18n import t
from plancompare.model import Alignment, Benchmark, Finding, Plan
from plancompare.plan.corpus import write_atomic
from plancompare.plan.wording import plan_short
from plancompare.report.feedback import ReportOptions, compose_report
from plancompare.report.form import Sender
from plancompare.review.model import Anchor, Comment, Disposition, Reference, Status
from plancompare.review.store import CommentFilter, CommentStore
from plancompare.review.writing import Draft, new_comment

if TYPE_CHECKING:
    # numpy is loaded by these, not needed to paint the first screen.
    from plancompare.align.diff import SentenceMatcher
    from plancompare.embed import Embedder

Progress = Callable[[str, float], None]


@dataclass(slots=True)
class ExportedReport:
    """Where an export wrote the report."""

    path: Path
    """The file written."""
    comments: int
    """How many comments it holds."""


@dataclass
class ReviewSession:
    """The plans under review (A and B are the first two, the compare view's pair), the review
    store, and the results of the core as they arrive."""

    a: Plan
    """Plan A (left)."""
    b: Plan
    """Plan B (right)."""
    settings: Settings
    """Where things live."""
    store: CommentStore
    """The review database."""
    embedder: Embedder | None
    """The embedder for alignment and indicator names (None: lexical evidence only)."""
    alignment: Alignment | None = None
    """Set when the alignment is done."""
    rows: list[CompareRow] = field(default_factory=list)
    """The compare view's rows, set with the alignment."""
    matcher: SentenceMatcher | None = None
    """The sentence matcher for in-pair diffs, when built."""
    provisional: bool = False
    """True while the alignment and the matcher are the first, fast ones (lexical evidence
    and structure, no embeddings), before the embeddings arrive and refine them."""
    benchmark: Benchmark | None = None
    """Set when the targets are compared."""
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    """Findings by plan id."""
    cancel: threading.Event = field(default_factory=threading.Event)
    """Set to stop long work (the app sets it on exit)."""
    deleted: list[str] = field(default_factory=list)
    """Ids of comments deleted in this session, latest last (for undo)."""
    plans: list[Plan] = field(default_factory=list)
    """Every plan under review, A and B first (set from them when not given)."""

    def __post_init__(self) -> None:
        if not self.plans:
            self.plans = [self.a, self.b]

    def plan(self, plan_id: str) -> Plan:
        """A plan under review by id (B when none has it)."""
        return next((p for p in self.plans if p.id == plan_id), self.b)

    def other(self, plan_id: str) -> Plan:
        """The other plan."""
        return self.b if plan_id == self.a.id else self.a

    # --- computing (in thread workers) -------------------------------------------------------

    def compute_findings(self) -> None:
        """Structure and target findings of every plan."""
        from plancompare.checks import check_plan

        self.findings = {p.id: check_plan(p) for p in self.plans}

    def warm_up_segmentation(self) -> None:
        """Load jieba's dictionary now rather than on the first diff."""
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()

    def needs_first_pass(self) -> bool:
        """Whether a fast first alignment is worth making before the embedder's: the
        embedder is there and would have to compute vectors (a cold cache, or a model that
        is never cached)."""
        if self.embedder is None:
            return False
        from plancompare.align.diff import embedding_texts
        from plancompare.embed.cache import CachedEmbedder

        if not isinstance(self.embedder, CachedEmbedder):
            return True
        return self.embedder.missing(embedding_texts(self.a) + embedding_texts(self.b)) > 0

    def compute_first_alignment(self) -> None:
        """Align the plans from lexical evidence and structure alone (no embeddings; a few
        hundredths of a second for two plans of a hundred items) and lay out the rows:
        provisional until :meth:`compute_alignment` and :meth:`compute_matcher` refine them."""
        from plancompare.align.sections import align_plans

        alignment = align_plans(self.a, self.b, None, cancel=self.cancel)
        self.rows = compare_rows(alignment)
        self.alignment = alignment
        self.provisional = True

    def compute_alignment(self, progress: Progress | None = None) -> None:
        """Align the two plans and lay out the compare rows."""
        from plancompare.align.sections import align_plans

        alignment = align_plans(
            self.a, self.b, self.embedder, progress=progress, cancel=self.cancel
        )
        self.rows = compare_rows(alignment)
        self.alignment = alignment

    def compute_matcher(self, progress: Progress | None = None, *, first: bool = False) -> None:
        """The sentence similarities the in-pair diffs use; ``first``: from the sentences'
        wording alone, for the first alignment (the embedder's comes with the refined one)."""
        from plancompare.align.diff import SentenceMatcher

        embedder = None if first else self.embedder
        self.matcher = SentenceMatcher(
            self.a, self.b, embedder, progress=progress, cancel=self.cancel
        )
        self.provisional = first

    def compute_benchmark(self) -> None:
        """Targets of every plan side by side."""
        from plancompare.targets.benchmark import benchmark_plans

        self.benchmark = benchmark_plans(self.plans, self.embedder)

    # --- the reviewer --------------------------------------------------------------------------

    def reviewer(self) -> tuple[str, str] | None:
        """Name and organisation: from the environment, the config file, or remembered."""
        name = (
            os.environ.get("PLANCOMPARE_REVIEWER")
            or self.settings.reviewer
            or self.store.preference("reviewer")
        )
        org = (
            os.environ.get("PLANCOMPARE_ORG")
            or self.settings.organisation
            or self.store.preference("organisation")
            or ""
        )
        return (name, org) if name else None

    def remember_reviewer(self, name: str, organisation: str) -> None:
        """Keep the reviewer's name for the next session."""
        self.store.set_preference("reviewer", name.strip())
        self.store.set_preference("organisation", organisation.strip())

    # --- comments --------------------------------------------------------------------------------

    def add_comment(
        self,
        plan_id: str,
        section_id: str,
        draft: Draft,
        *,
        start: int | None = None,
        end: int | None = None,
        reference: Reference | None = None,
        anchor: Anchor | None = None,
    ) -> Comment:
        """Write a comment to the database at once (anchored on a span, a section or ``anchor``)."""
        who = self.reviewer()
        if who and not draft.reviewer:
            draft.reviewer, draft.organisation = who
        comment = new_comment(
            self.plan(plan_id),
            section_id,
            draft,
            start=start,
            end=end,
            reference=reference,
            anchor=anchor,
        )
        return self.store.add(comment)

    def update_comment(self, comment_id: str, draft: Draft) -> Comment:
        """Change what a comment says."""
        return self.store.update(comment_id, **draft.changes())

    def delete_comment(self, comment_id: str) -> Comment:
        """Delete a comment (softly; :meth:`undo_delete` brings it back)."""
        comment = self.store.delete(comment_id)
        self.deleted.append(comment.id)
        return comment

    def undo_delete(self) -> Comment | None:
        """Restore the comment deleted last in this session, if any."""
        if not self.deleted:
            return None
        return self.store.restore(self.deleted.pop())

    def comments(self, filters: CommentFilter | None = None) -> list[Comment]:
        """Live comments on the two plans (filtered)."""
        filters = filters or CommentFilter()
        if not filters.plans:
            filters.plans = tuple(p.id for p in self.plans)
        return self.store.list(filters)

    def comments_on(self, plan_id: str, section_id: str) -> list[Comment]:
        """Live comments anchored in one section."""
        return [
            c
            for c in self.comments(CommentFilter(plans=(plan_id,)))
            if c.anchor.section == section_id
        ]

    # --- the report ------------------------------------------------------------------------------

    def decide(self, comment_id: str, disposition: Disposition, note: str) -> Comment:
        """Record the decision on a comment (处理意见) and its reason."""
        return self.store.update(comment_id, disposition=disposition, disposition_note=note.strip())

    def submit(self, comments: list[Comment]) -> int:
        """Mark the drafts among ``comments`` submitted; returns how many were drafts."""
        drafts = [c for c in comments if c.status is Status.DRAFT]
        for c in drafts:
            self.store.update(c.id, status=Status.SUBMITTED)
        return len(drafts)

    # --- the report ------------------------------------------------------------------------------

    def sender(self) -> Sender | None:
        """The 意见反馈表's header block as remembered; None until it has been given once."""
        contact = self.store.preference("form_contact")
        if contact is None:
            return None
        return Sender(
            organisation=self.store.preference("form_organisation") or "",
            contact=contact,
            phone=self.store.preference("form_phone") or "",
        )

    def remember_sender(self, sender: Sender) -> None:
        """Keep the header block for the next export."""
        self.store.set_preference("form_organisation", sender.organisation.strip())
        self.store.set_preference("form_contact", sender.contact.strip())
        self.store.set_preference("form_phone", sender.phone.strip())

    def export_report(
        self,
        comments: list[Comment],
        options: ReportOptions,
        fmt: str = "md",
        folder: Path | None = None,
    ) -> ExportedReport:
        """Write ``comments`` as the report or the 意见反馈表 (``options.table``) in ``fmt``
        (md, html, docx) through the CLI's own function, next to the review database unless
        ``folder`` is given."""
        report = compose_report(
            comments, self.plan, self._covered(comments), options, self.embedder
        )
        folder = folder or self.settings.db_path.parent
        stem = t("export_file_form" if options.table else "export_file_report", options.lang)
        names = "-".join(plan_short(self.plan(p).meta) for p in self._covered(comments))
        path = folder / f"{stem}-{names}.{fmt}"
        write_atomic(path, report.render(fmt))
        return ExportedReport(path, report.comments)

    def _covered(self, comments: list[Comment]) -> list[str]:
        """The plans of the session that ``comments`` are on, A first."""
        ids = [p.id for p in (self.a, self.b) if any(c.plan == p.id for c in comments)]
        return ids or [self.a.id]


def open_session(
    a: Plan,
    b: Plan,
    settings: Settings,
    embedder: Embedder | None = None,
    store: CommentStore | None = None,
    more: Sequence[Plan] = (),
) -> ReviewSession:
    """A review session on two plans (and ``more``), opening the review database named by
    ``settings``."""
    return ReviewSession(
        a=a,
        b=b,
        settings=settings,
        store=store or CommentStore.open(settings.db_path),
        embedder=embedder,
        plans=[a, b, *more],
    )
