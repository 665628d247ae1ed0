"""Merging another reviewer's export into this database, comments carried to current versions."""

from __future__ import annotations

from pathlib import Path

from plancompare.errors import PlanError
from plancompare.model import Plan
from plancompare.plan.corpus import Corpus, ImportResult, ImportStatus
from plancompare.plan.importer import MetaOptions
from plancompare.review.anchoring import ReanchorSummary, reanchor_store
from plancompare.review.annotations import check_anchors, read_annotations
from plancompare.review.merge import MergeResult
from plancompare.review.model import Comment, CoverageRef, PairRef
from plancompare.review.store import CommentStore


def read_export(corpus: Corpus, path: Path) -> list[Comment]:
    """Another reviewer's W3C export, checked against the plans it refers to (a bad file is a
    one-line error before any database is touched)."""
    incoming = read_annotations(path)
    cache: dict[tuple[str, int], Plan | None] = {}

    def load(plan_id: str, version: int) -> Plan | None:
        if (plan_id, version) not in cache:
            try:
                cache[plan_id, version] = corpus.load_version(plan_id, version)
            except PlanError:
                cache[plan_id, version] = None
        return cache[plan_id, version]

    check_anchors(incoming, load, path)
    return incoming


def merge_export(
    store: CommentStore, corpus: Corpus, incoming: list[Comment]
) -> tuple[MergeResult, list[ReanchorSummary]]:
    """Merge comments read by :func:`read_export` (idempotently; a conflict is reported, never
    overwritten silently), then carry the plans referred to at an older version over."""
    with store.transaction():  # the merge and the re-anchoring: all of it, or none
        return _merge_and_carry(store, corpus, incoming)


def _merge_and_carry(
    store: CommentStore, corpus: Corpus, incoming: list[Comment]
) -> tuple[MergeResult, list[ReanchorSummary]]:
    result = store.merge(incoming)
    versions: dict[str, set[int]] = {}
    for c in incoming:
        versions.setdefault(c.plan, set()).add(c.plan_version)
        if isinstance(c.reference, PairRef | CoverageRef):
            versions.setdefault(c.reference.plan, set()).add(c.reference.plan_version)
    known = set(corpus.ids())
    summaries = []
    for plan_id, seen in sorted(versions.items()):
        if plan_id not in known:  # only orphaned anchors on it: nothing to carry over
            continue
        current = corpus.load(plan_id)
        if seen != {current.meta.version}:  # anchored to an older version: carry them over
            summaries.append(reanchor_store(store, current))
    return result, summaries


def import_plan(
    corpus: Corpus,
    store: CommentStore | None,
    source: Path,
    plan_id: str,
    options: MetaOptions | None = None,
    encoding: str | None = None,
    force: bool = False,
) -> tuple[ImportResult, ReanchorSummary | None]:
    """Import a plan and carry its comments to the new version, as one change.

    The rollback story: the old version and the source are copied first, the comments are
    re-anchored inside an open database transaction, the canonical file is replaced last,
    then the transaction commits. A failure before the replacement leaves the corpus and the
    database as they were; a commit that fails after it puts the old version back.
    """
    if store is None:
        return corpus.import_file(source, plan_id, options, encoding, force), None
    summaries: list[ReanchorSummary] = []
    imported: list[ImportResult] = []

    def carry(plan: Plan) -> None:
        if corpus.path(plan.id).is_file():  # a new version: comments may point at the old
            summaries.append(reanchor_store(store, plan))

    try:
        with store.transaction():
            imported.append(
                corpus.import_file(source, plan_id, options, encoding, force, before_replace=carry)
            )
    except BaseException:
        if imported and imported[0].status is not ImportStatus.UNCHANGED:
            corpus.put_back(imported[0])
        raise
    return imported[0], (summaries[0] if summaries else None)
