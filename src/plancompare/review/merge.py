"""Consolidating reviewers' comments: merging an import into a database, grouping duplicates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rapidfuzz import fuzz

from plancompare.review.model import EDITABLE_FIELDS, Comment

#: Fields compared when deciding whether two copies of a comment differ.
COMPARED_FIELDS = (*EDITABLE_FIELDS, "deleted")
#: Two comments on one anchor whose wording is at least this similar (0–100) are grouped.
NEAR_DUPLICATE = 85.0


class MergeAction(StrEnum):
    """What a merge does with one incoming comment."""

    ADD = "add"
    """Not in the database: stored."""
    UPDATE = "update"
    """Changed only on the incoming side (or only its anchor is newer): the database copy is
    replaced."""
    UNCHANGED = "unchanged"
    """Same content, or a copy already merged before: nothing to do."""
    CONFLICT = "conflict"
    """Changed on both sides: the later ``updated`` wins, the other copy is kept as a revision."""


@dataclass(slots=True)
class MergeStep:
    """The decision for one incoming comment."""

    action: MergeAction
    """What to do."""
    store: Comment | None
    """The copy to store (None when nothing changes)."""
    superseded: Comment | None = None
    """The copy that lost a conflict, to keep as a revision."""
    fields: list[str] = field(default_factory=list)
    """Fields that differ between the two copies."""
    kept: str = ""
    """For a conflict: ``incoming`` or ``local``, the copy that won."""


@dataclass(slots=True)
class MergeConflict:
    """A comment changed in both databases; reported, never resolved silently."""

    id: str
    """Comment id."""
    fields: list[str]
    """Fields whose values differed."""
    kept: str
    """``incoming`` or ``local``: the later edit, which is now the current copy."""


@dataclass(slots=True)
class MergeResult:
    """What an import did, by comment id."""

    added: list[str] = field(default_factory=list)
    """New comments."""
    updated: list[str] = field(default_factory=list)
    """Comments replaced by a newer incoming copy."""
    unchanged: list[str] = field(default_factory=list)
    """Comments already present as they are."""
    conflicts: list[MergeConflict] = field(default_factory=list)
    """Comments edited on both sides."""


def differing_fields(a: Comment, b: Comment) -> list[str]:
    """The person-edited fields whose values differ between two copies of a comment."""
    return [f for f in COMPARED_FIELDS if getattr(a, f) != getattr(b, f)]


def decide_merge(local: Comment | None, incoming: Comment) -> MergeStep:
    """How to merge one incoming copy of a comment into the database holding ``local``.

    ``local.synced`` is the ``updated`` time of the copy merged last time, which tells an edit
    made here (local changed since) from an edit made there (incoming changed since). Anchors
    are derived data: the copy anchored to the later plan version gives the anchor.
    """
    if local is None:
        return MergeStep(MergeAction.ADD, replace(incoming, synced=incoming.updated))
    fields = differing_fields(local, incoming)
    newer_anchor = incoming.plan_version > local.plan_version
    if not fields:
        if newer_anchor:
            return MergeStep(MergeAction.UPDATE, _with_anchor_of(local, incoming))
        return MergeStep(MergeAction.UNCHANGED, None)
    base = local.synced
    incoming_changed = base is None or incoming.updated > base
    local_changed = base is None or local.updated > base
    if not incoming_changed:
        return MergeStep(MergeAction.UNCHANGED, None, fields=fields)
    anchored = incoming if newer_anchor else local
    if not local_changed:
        stored = _with_anchor_of(replace(incoming, synced=incoming.updated), anchored)
        return MergeStep(MergeAction.UPDATE, stored, fields=fields)
    if incoming.updated > local.updated:
        stored = _with_anchor_of(replace(incoming, synced=incoming.updated), anchored)
        return MergeStep(MergeAction.CONFLICT, stored, local, fields, "incoming")
    # The local edit is later (or as late): it stays; the incoming copy becomes a revision.
    stored = _with_anchor_of(replace(local, synced=incoming.updated), anchored)
    return MergeStep(MergeAction.CONFLICT, stored, incoming, fields, "local")


def _with_anchor_of(comment: Comment, source: Comment) -> Comment:
    return replace(comment, anchor=source.anchor, plan_version=source.plan_version)


@dataclass(slots=True)
class CommentGroup:
    """Comments that say nearly the same about the same place, shown together (none dropped)."""

    comments: list[Comment]
    """The members; the first one is shown in full, the others beside it."""

    @property
    def first(self) -> Comment:
        """The representative comment (the earliest of the group in the given order)."""
        return self.comments[0]

    @property
    def count(self) -> int:
        """How many comments the group holds."""
        return len(self.comments)


_NOT_WORDS = re.compile(r"[\W_]+")
#: Texts longer than this (in characters, after dropping punctuation) are compared by their
#: shingles: an edit-distance ratio of two 1 MB comments takes minutes.
LONG_TEXT = 4_000
#: Characters per shingle of a long text.
SHINGLE = 5


def _words(text: str) -> str:
    return _NOT_WORDS.sub("", text).lower()


def _shingles(text: str) -> frozenset[int]:
    return frozenset(hash(text[i : i + SHINGLE]) for i in range(max(1, len(text) - SHINGLE + 1)))


class _Wording:
    """A comment's words prepared once for comparing (not once per pair)."""

    __slots__ = ("_shingles", "body", "suggestion")

    def __init__(self, comment: Comment) -> None:
        self.body = _words(comment.body)
        self.suggestion = _words(comment.suggestion)
        self._shingles: dict[str, frozenset[int]] = {}

    def shingles(self, which: str) -> frozenset[int]:
        if which not in self._shingles:
            self._shingles[which] = _shingles(getattr(self, which))
        return self._shingles[which]


def _alike(a: _Wording, b: _Wording, which: str, threshold: float) -> bool:
    """Whether two texts are alike: rapidfuzz's ratio (with a cutoff) for texts of comment
    size; for long ones, the Jaccard index of their character shingles, linear in their length
    (hand-written, as it is four lines; rapidfuzz has no set-of-shingles scorer)."""
    x: str = getattr(a, which)
    y: str = getattr(b, which)
    if not x or not y:
        return x == y
    # ratio = 2·matches / (|x| + |y|) ≤ 2·min / (|x| + |y|): lengths too far apart never pass.
    if 200 * min(len(x), len(y)) < threshold * (len(x) + len(y)):
        return False
    if max(len(x), len(y)) <= LONG_TEXT:
        return fuzz.ratio(x, y, score_cutoff=threshold) >= threshold
    sx, sy = a.shingles(which), b.shingles(which)
    return 100 * len(sx & sy) >= threshold * len(sx | sy)


def _same_wording(a: _Wording, b: _Wording, threshold: float) -> bool:
    """Bodies alike; and suggested wordings alike too when both propose one."""
    if not _alike(a, b, "body", threshold):
        return False
    if a.suggestion and b.suggestion:
        return _alike(a, b, "suggestion", threshold)
    return True


def _same_place(a: Comment, b: Comment) -> bool:
    if a.plan != b.plan or a.anchor.section != b.anchor.section or a.anchor.section is None:
        return False
    pa, pb = a.anchor.position, b.anchor.position
    if a.anchor.quote is None or b.anchor.quote is None:
        return a.anchor.quote is None and b.anchor.quote is None
    if pa is None or pb is None:
        return a.anchor.exact == b.anchor.exact
    overlap = min(pa.end, pb.end) - max(pa.start, pb.start)
    return overlap * 2 >= min(pa.end - pa.start, pb.end - pb.start)


def _same_author(a: Comment, b: Comment) -> bool:
    return (a.reviewer, a.organisation) == (b.reviewer, b.organisation)


def group_near_duplicates(
    comments: Sequence[Comment], threshold: float = NEAR_DUPLICATE
) -> list[CommentGroup]:
    """Group comments from different reviewers on the same place with nearly the same wording.

    Every comment ends up in exactly one group (most groups have one member); groups keep the
    order of their first members in ``comments``. Only comments on one section are compared
    (blocking by place), each text is prepared once, and long texts are compared by their
    shingles: the work grows with the comments per section, not with all pairs.
    """
    parent = list(range(len(comments)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(comments):
        if c.anchor.section is not None:
            blocks.setdefault((c.plan, c.anchor.section), []).append(i)
    wordings: dict[int, _Wording] = {}

    def wording(i: int) -> _Wording:
        if i not in wordings:
            wordings[i] = _Wording(comments[i])
        return wordings[i]

    for members in blocks.values():
        for n, i in enumerate(members):
            a = comments[i]
            for j in members[n + 1 :]:
                b = comments[j]
                if root(i) == root(j) or _same_author(a, b) or not _same_place(a, b):
                    continue
                if _same_wording(wording(i), wording(j), threshold):
                    parent[root(j)] = root(i)
    groups: dict[int, list[Comment]] = {}
    for i, c in enumerate(comments):
        groups.setdefault(root(i), []).append(c)
    return [CommentGroup(members) for members in groups.values()]
