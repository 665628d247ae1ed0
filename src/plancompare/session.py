"""What a review session holds: the plans under review, the pair the compare view shows, the
review database and what the core computed about them — used by both front ends (the TUI's
views share one).

With three plans or more the first is the reference plan (上位规划) and the session holds its
coverage by the others; the compare pair can then be any two plans, switched during the
session, each pair's alignment kept for when it comes back.

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
from plancompare.errors import PlanError
from plancompare.i18n import t
from plancompare.model import Alignment, Benchmark, Finding, Plan, Target
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
    from plancompare.coverage import BenchmarkHook, Coverage
    from plancompare.coverage.similar import SimilarIndex
    from plancompare.embed import Embedder

Progress = Callable[[str, float], None]


@dataclass(eq=False)
class PairState:
    """What the compare view shows of one pair of plans: its alignment, rows and sentence
    matcher, as they arrive. One per pair, kept for the session."""

    a: Plan
    """The plan on the left."""
    b: Plan
    """The plan on the right."""
    alignment: Alignment | None = None
    """Set when the alignment is done."""
    rows: list[CompareRow] = field(default_factory=list)
    """The compare view's rows, set with the alignment."""
    matcher: SentenceMatcher | None = None
    """The sentence matcher for in-pair diffs, when built."""
    provisional: bool = False
    """True while the alignment and the matcher are the first, fast ones (lexical evidence
    and structure, no embeddings), before the embeddings arrive and refine them."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Held by the worker computing the pair, so that two never compute it at once."""

    @property
    def key(self) -> tuple[str, str]:
        """(id of A, id of B)."""
        return self.a.id, self.b.id

    @property
    def refined(self) -> bool:
        """Whether the embedder's alignment and matcher are both there."""
        return self.alignment is not None and self.matcher is not None and not self.provisional


@dataclass(slots=True)
class ExportedReport:
    """Where an export wrote the report."""

    path: Path
    """The file written."""
    comments: int
    """How many comments it holds."""


@dataclass
class ReviewSession:
    """The plans under review, the compare view's pair (A and B: the first two until
    :meth:`switch_pair`), the review store, and the results of the core as they arrive."""

    a: Plan
    """Plan A (left) of the compare view's pair."""
    b: Plan
    """Plan B (right) of the compare view's pair."""
    settings: Settings
    """Where things live."""
    store: CommentStore
    """The review database."""
    embedder: Embedder | None
    """The embedder for alignment and indicator names (None: lexical evidence only)."""
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
    pairs: dict[tuple[str, str], PairState] = field(default_factory=dict)
    """What was computed of each pair shown in the compare view, by (A, B) ids."""
    coverage: Coverage | None = None
    """With three plans or more: how the others take up the first (the reference plan), its
    rows at once and each plan's cells as they are judged."""
    similar_index: SimilarIndex | None = None
    """The corpus's passages for similar-passage queries, once built (kept for the session)."""
    similar_lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while the similar-passage index is built, so that it is built once."""

    def __post_init__(self) -> None:
        if not self.plans:
            self.plans = [self.a, self.b]

    def plan(self, plan_id: str) -> Plan:
        """A plan under review by id (B when none has it)."""
        return next((p for p in self.plans if p.id == plan_id), self.b)

    def other(self, plan_id: str) -> Plan:
        """The other plan."""
        return self.b if plan_id == self.a.id else self.a

    def name(self, plan_id: str) -> str:
        """How the workspace names a plan: its region (陆河县), else its id — its id too when
        another plan under review is of the same region (three plans of one province)."""
        plan = self.plan(plan_id)
        region = plan.meta.region or plan.id
        same = sum(1 for p in self.plans if (p.meta.region or p.id) == region)
        return region if same <= 1 else plan.id

    # --- the compare view's pair ---------------------------------------------------------------

    def pair_state(self, a: Plan, b: Plan) -> PairState:
        """What is known of the pair ``a`` ⇄ ``b`` (made empty the first time it is asked for)."""
        key = (a.id, b.id)
        if key not in self.pairs:
            self.pairs[key] = PairState(a, b)
        return self.pairs[key]

    @property
    def pair(self) -> PairState:
        """The compare view's pair."""
        return self.pair_state(self.a, self.b)

    def switch_pair(self, a_id: str, b_id: str) -> PairState:
        """Make ``a_id`` ⇄ ``b_id`` (plans of the session) the compare view's pair; what was
        computed of either pair stays for when it comes back."""
        self.a, self.b = self.plan(a_id), self.plan(b_id)
        return self.pair

    @property
    def alignment(self) -> Alignment | None:
        """The compare pair's alignment, once done."""
        return self.pair.alignment

    @alignment.setter
    def alignment(self, value: Alignment | None) -> None:
        self.pair.alignment = value

    @property
    def rows(self) -> list[CompareRow]:
        """The compare view's rows, set with the alignment."""
        return self.pair.rows

    @rows.setter
    def rows(self, value: list[CompareRow]) -> None:
        self.pair.rows = value

    @property
    def matcher(self) -> SentenceMatcher | None:
        """The compare pair's sentence matcher, when built."""
        return self.pair.matcher

    @matcher.setter
    def matcher(self, value: SentenceMatcher | None) -> None:
        self.pair.matcher = value

    @property
    def provisional(self) -> bool:
        """Whether the compare pair's alignment and matcher are still the first, fast ones."""
        return self.pair.provisional

    @provisional.setter
    def provisional(self, value: bool) -> None:
        self.pair.provisional = value

    # --- computing (in thread workers) -------------------------------------------------------

    def compute_findings(self) -> None:
        """Structure and target findings of every plan."""
        from plancompare.checks import check_plan

        self.findings = {p.id: check_plan(p) for p in self.plans}

    def warm_up_segmentation(self) -> None:
        """Load jieba's dictionary now rather than on the first diff."""
        from plancompare.align.diff import load_segmentation

        load_segmentation()

    def needs_first_pass(self, pair: PairState | None = None) -> bool:
        """Whether a fast first alignment of ``pair`` (the compare pair by default) is worth
        making before the embedder's: the embedder is there and would have to compute vectors
        (a cold cache, or a model that is never cached)."""
        if self.embedder is None:
            return False
        from plancompare.align.diff import embedding_texts
        from plancompare.embed.cache import CachedEmbedder

        pair = pair or self.pair
        if not isinstance(self.embedder, CachedEmbedder):
            return True
        return self.embedder.missing(embedding_texts(pair.a) + embedding_texts(pair.b)) > 0

    def compute_first_alignment(self, pair: PairState | None = None) -> None:
        """Align the pair from lexical evidence and structure alone (no embeddings; a few
        hundredths of a second for two plans of a hundred items) and lay out the rows:
        provisional until :meth:`compute_alignment` and :meth:`compute_matcher` refine them."""
        from plancompare.align.sections import align_plans

        pair = pair or self.pair
        alignment = align_plans(pair.a, pair.b, None, cancel=self.cancel)
        pair.rows = compare_rows(alignment)
        pair.alignment = alignment
        pair.provisional = True

    def compute_alignment(
        self, progress: Progress | None = None, pair: PairState | None = None
    ) -> None:
        """Align the two plans of ``pair`` (the compare pair by default) and lay out its rows."""
        from plancompare.align.sections import align_plans

        pair = pair or self.pair
        alignment = align_plans(
            pair.a, pair.b, self.embedder, progress=progress, cancel=self.cancel
        )
        pair.rows = compare_rows(alignment)
        pair.alignment = alignment

    def compute_matcher(
        self,
        progress: Progress | None = None,
        *,
        first: bool = False,
        pair: PairState | None = None,
    ) -> None:
        """The sentence similarities the in-pair diffs use; ``first``: from the sentences'
        wording alone, for the first alignment (the embedder's comes with the refined one)."""
        from plancompare.align.diff import SentenceMatcher

        pair = pair or self.pair
        embedder = None if first else self.embedder
        pair.matcher = SentenceMatcher(
            pair.a, pair.b, embedder, progress=progress, cancel=self.cancel
        )
        pair.provisional = first

    def compute_benchmark(self) -> None:
        """Targets of every plan side by side."""
        from plancompare.targets.benchmark import benchmark_plans

        self.benchmark = benchmark_plans(self.plans, self.embedder)

    # --- coverage of the reference plan, similar passages ------------------------------------

    @property
    def reference(self) -> Plan | None:
        """The reference plan (上位规划): the first plan, when there are three or more."""
        return self.plans[0] if len(self.plans) >= 3 else None

    @property
    def lower(self) -> list[Plan]:
        """The plans that take up the reference plan (every plan after the first)."""
        return self.plans[1:] if self.reference is not None else []

    def start_coverage(self) -> Coverage | None:
        """The coverage's rows without cells (the reference plan's outline; quick), once;
        None with two plans."""
        ref = self.reference
        if ref is None:
            return None
        if self.coverage is None:
            from plancompare.coverage import Coverage, coverage_rows

            embedder = self.embedder.id if self.embedder is not None else "none"
            rows = coverage_rows(ref, targets=False)
            self.coverage = Coverage(ref=ref, plans=self.lower, embedder=embedder, rows=rows)
        return self.coverage

    def compute_coverage_targets(self) -> None:
        """The targets the reference plan states in each unit, into the coverage's rows."""
        from plancompare.targets.extract import extract_targets

        result = self.start_coverage()
        if result is None:
            return
        by_section: dict[str, list[Target]] = {}
        for target in extract_targets(result.ref):
            by_section.setdefault(target.section, []).append(target)
        for row in result.rows:
            row.targets = by_section.get(row.section, [])

    def refine_pair(self, pair: PairState, progress: Progress | None = None) -> bool:
        """The embedder's alignment and matcher of ``pair``, unless they are there already;
        True when they were computed here (another worker may have done it meanwhile)."""
        with pair.lock:
            if pair.refined:
                return False
            self.compute_alignment(progress, pair)
            self.compute_matcher(progress, pair=pair)
            return True

    def compute_coverage_of(self, plan: Plan, progress: Progress | None = None) -> PairState:
        """Judge how ``plan`` takes up the reference plan, from the pair's alignment and
        matcher (computed, and kept for the compare view, when not yet there); its cells go
        into :attr:`coverage`."""
        from plancompare.coverage import add_plan, plan_coverage

        result = self.start_coverage()
        assert result is not None, "coverage needs three plans or more"
        pair = self.pair_state(result.ref, plan)
        self.refine_pair(pair, progress)
        assert pair.alignment is not None and pair.matcher is not None
        cells = plan_coverage(result.ref, plan, pair.alignment, pair.matcher)
        add_plan(result.rows, plan, cells, self._benchmark_hook())
        return pair

    def attach_benchmark(self) -> None:
        """Each target row's benchmark entries, once the benchmark is there."""
        hook = self._benchmark_hook()
        if hook is None or self.coverage is None:
            return
        plans = {p.id: p for p in self.coverage.plans}
        for row in self.coverage.rows:
            if row.targets:
                for plan_id, cell in row.cells.items():
                    cell.benchmark = hook(row.targets, plans[plan_id])

    def _benchmark_hook(self) -> BenchmarkHook | None:
        if self.benchmark is None or self.reference is None:
            return None
        from plancompare.coverage.benchmark import benchmark_hook

        return benchmark_hook(self.benchmark, self.reference)

    def judged(self, plan_id: str) -> bool:
        """Whether the coverage has ``plan_id``'s cells (every row's)."""
        result = self.coverage
        return result is not None and all(plan_id in row.cells for row in result.rows)

    @property
    def coverage_done(self) -> bool:
        """Whether every plan's cells are in the coverage."""
        return self.coverage is not None and all(self.judged(p.id) for p in self.lower)

    def compute_similar_index(self, progress: Progress | None = None) -> SimilarIndex:
        """Every passage of the corpus and of the plans under review, embedded (through the
        cache: only what it lacks), for similar-passage queries; built once per session."""
        from plancompare.coverage.similar import SimilarIndex

        if self.similar_index is not None:
            return self.similar_index
        plans = list(self.plans)
        known = {p.id for p in plans}
        for plan_id in self.settings.corpus.ids():
            if plan_id in known:
                continue
            try:
                plans.append(self.settings.corpus.load(plan_id))
            except PlanError:
                continue  # a plan the corpus cannot read is left out, not the search
        embedder = self.embedder
        if embedder is None:
            from plancompare.embed.lexical import LexicalEmbedder

            embedder = LexicalEmbedder()
        self.similar_index = SimilarIndex.build(
            plans, embedder, progress=progress, cancel=self.cancel
        )
        return self.similar_index

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
        *,
        reference: bool = False,
    ) -> ExportedReport:
        """Write ``comments`` as the report or the 意见反馈表 (``options.table``) in ``fmt``
        (md, html, docx) through the CLI's own function, next to the review database unless
        ``folder`` is given; with ``reference`` (three plans or more) the report's appendix
        says how the commented plans take up the reference plan (from :attr:`coverage` when
        it is complete)."""
        ref = self.reference if reference else None
        covered = self._covered(comments)
        report = compose_report(
            comments,
            self.plan,
            covered,
            options,
            self.embedder,
            reference=ref,
            coverage=self.coverage if self.coverage_done else None,
        )
        folder = folder or self.settings.db_path.parent
        stem = t("export_file_form" if options.table else "export_file_report", options.lang)
        names = "-".join(plan_short(self.plan(p).meta) for p in covered)
        path = folder / f"{stem}-{names}.{fmt}"
        write_atomic(path, report.render(fmt))
        return ExportedReport(path, report.comments)

    def _covered(self, comments: list[Comment]) -> list[str]:
        """The plans of the session that ``comments`` are on, in the session's order."""
        ids = [p.id for p in self.plans if any(c.plan == p.id for c in comments)]
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
