"""What a reviewer is shown of a compared pair: each sentence classed, and only what matters
marked — the figures of targets that differ, measures one side lacks, the changed words of
sentences that really are two versions of one text.

Plans written by different authors paraphrase each other: a word diff of two paraphrases
marks nearly every word and says nothing. So a pair's sentences are classed as

- ``same``: the same words (numbers compared by value);
- ``reworded``: a partner that says it differently; its words are diffed only when the two
  are near-identical (:data:`NEAR_IDENTICAL`), i.e. versions of one sentence;
- ``only_here``: no partner in the other section (a measure the other side lacks);
- ``target``: it states a target whose counterpart in the other section differs in value,
  year or 口径 (kind or scope); the figures are marked and the difference is named.

Which targets differ is decided by the caller (:mod:`plancompare.review.target_marks`, which
knows the targets); this module places the marks. Pure functions of their inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from plancompare.align.diff import (
    NEAR_IDENTICAL,
    PairDiff,
    SentenceGroup,
    near_identical,
    word_diff,
)
from plancompare.model import Target
from plancompare.text.sentences import Sentence

Span = tuple[int, int]
"""Offsets ``start``, ``end`` into a section's ``text``."""


class SentenceKind(StrEnum):
    """How a sentence of a pair compares with the other side."""

    SAME = "same"
    """The other side says the same words."""
    REWORDED = "reworded"
    """The other side says it differently."""
    ONLY_HERE = "only_here"
    """The other side has nothing like it."""
    TARGET = "target"
    """It states a target that differs from its counterpart on the other side."""


class Aspect(StrEnum):
    """What differs between two targets of the same indicator."""

    VALUE = "value"
    """The amount (值)."""
    YEAR = "year"
    """The year it is for (年份)."""
    SCOPE = "scope"
    """What is counted: the kind (a level, a yearly figure, an increment, a total) or the
    scope words (规上, 全产业链) (口径)."""


@dataclass(slots=True, frozen=True)
class TargetFigure:
    """A target stated in a section's text, and where its figure is."""

    target: Target
    """The target."""
    start: int
    """Offset of its figure (the number and unit) in the section's ``text``."""
    end: int
    """End of the figure."""
    year: Span | None = None
    """Where the words of its year are in the section's ``text``, when the sentence says it."""


@dataclass(slots=True, frozen=True)
class TargetDifference:
    """A target of A and a target of B on the same indicator that differ."""

    a: TargetFigure
    """A's target."""
    b: TargetFigure
    """B's target."""
    aspects: tuple[Aspect, ...]
    """What differs, in the order value, year, scope."""


@dataclass(slots=True, frozen=True)
class SentenceMark:
    """A sentence of one side, classed."""

    side: str
    """``a`` or ``b``."""
    start: int
    """Offset in the section's ``text``."""
    end: int
    """End offset."""
    kind: SentenceKind
    """How it compares."""
    group: int
    """Index of its group in the pair's diff."""
    nowhere: bool = False
    """For ``only_here``: nothing like it anywhere in the other plan either."""


@dataclass(slots=True, frozen=True)
class FigureMark:
    """A figure (or the words of a year) of a differing target, on one side."""

    side: str
    """``a`` or ``b``."""
    start: int
    """Offset in the section's ``text``."""
    end: int
    """End offset."""
    difference: TargetDifference
    """The difference it belongs to."""
    labelled: bool
    """True for the figure itself, after which the difference is named; False for a year."""

    @property
    def other(self) -> Target:
        """The counterpart's target."""
        return self.difference.b.target if self.side == "a" else self.difference.a.target


@dataclass(slots=True, frozen=True)
class Stop:
    """A place worth stopping at (``n``): sentences of one side, in the pair's reading order."""

    side: str
    """``a`` or ``b``."""
    start: int
    """Offset of the first sentence in the section's ``text``."""
    end: int
    """End of the last sentence."""
    kind: SentenceKind
    """``target``, ``only_here``, or ``reworded`` for a near-identical sentence whose words
    changed."""
    other: Span | None = None
    """The partner sentences' offsets on the other side, when there are any."""


@dataclass(slots=True)
class PairHighlight:
    """Everything marked in a compared pair; offsets index each section's ``text``."""

    sentences: list[SentenceMark] = field(default_factory=list)
    """Every sentence of both sides, classed."""
    words: list[tuple[str, int, int]] = field(default_factory=list)
    """Changed words of near-identical sentences: side, start, end."""
    figures: list[FigureMark] = field(default_factory=list)
    """Figures (and years) of differing targets, both sides."""
    differences: list[TargetDifference] = field(default_factory=list)
    """The differing targets of the pair."""
    stops: list[Stop] = field(default_factory=list)
    """The differences worth stopping at, in reading order."""

    def side_sentences(self, side: str) -> list[SentenceMark]:
        """The classed sentences of one side."""
        return [s for s in self.sentences if s.side == side]

    def side_words(self, side: str) -> list[Span]:
        """The changed words of one side."""
        return [(start, end) for s, start, end in self.words if s == side]

    def side_figures(self, side: str) -> list[FigureMark]:
        """The marked figures of one side."""
        return [f for f in self.figures if f.side == side]

    def kind_of(self, side: str, start: int) -> SentenceKind | None:
        """The class of the sentence of ``side`` that starts at ``start``."""
        for s in self.sentences:
            if s.side == side and s.start == start:
                return s.kind
        return None


def _joined(sentences: list[Sentence]) -> str:
    return "".join(s.text for s in sentences)


def highlight_pair(
    diff: PairDiff, differences: list[TargetDifference], *, words: bool = True
) -> PairHighlight:
    """Class the sentences of a compared pair and place its marks.

    ``differences`` are the targets of the pair's two sections that differ (their figures
    must lie in ``diff.a.text`` and ``diff.b.text``). A sentence holding one of their figures
    is a ``target`` sentence whatever its group; the changed words of a group are marked only
    when its sentences are near-identical — with ``words`` False not yet: such a group is
    ``same`` when its texts are equal, else ``reworded`` without marks (a first pass).
    """
    out = PairHighlight(differences=list(differences))
    for d in differences:
        for side, figure in (("a", d.a), ("b", d.b)):
            out.figures.append(FigureMark(side, figure.start, figure.end, d, True))
            if figure.year is not None and Aspect.YEAR in d.aspects:
                out.figures.append(FigureMark(side, *figure.year, d, False))
    figures = {side: [(f.start, f.end) for f in out.side_figures(side)] for side in "ab"}
    for k, group in enumerate(diff.groups):
        kind, changed = _group_kind(diff, group, words)
        for side, sentences in (("a", group.a), ("b", group.b)):
            for s in sentences:
                if s.note and kind is SentenceKind.ONLY_HERE:
                    continue  # a responsibility note names offices, not a measure
                mine = kind
                if any(s.start <= start < s.end for start, _ in figures[side]):
                    mine = SentenceKind.TARGET
                out.sentences.append(SentenceMark(side, s.start, s.end, mine, k, group.nowhere))
        out.words.extend(changed)
        out.stops.extend(_stops(group, kind, bool(changed), out))
    return out


def _group_kind(
    diff: PairDiff, group: SentenceGroup, words: bool = True
) -> tuple[SentenceKind, list[tuple[str, int, int]]]:
    """A group's class, and its changed words when its sentences are near-identical."""
    if not group.a or not group.b:
        return SentenceKind.ONLY_HERE, []
    a_text, b_text = _joined(group.a), _joined(group.b)
    if not near_identical(a_text, b_text):
        return SentenceKind.REWORDED, []
    if not words and not group.ops:
        return (SentenceKind.SAME if a_text == b_text else SentenceKind.REWORDED), []
    a_start, a_end = group.a[0].start, group.a[-1].end
    b_start, b_end = group.b[0].start, group.b[-1].end
    ops = group.ops or word_diff(
        diff.a.text[a_start:a_end], diff.b.text[b_start:b_end], a_start, b_start
    )
    changed = [
        (side, start, end)
        for op in ops
        if op.kind != "equal"
        for side, start, end in (("a", op.a_start, op.a_end), ("b", op.b_start, op.b_end))
        if end > start
    ]
    return (SentenceKind.REWORDED if changed else SentenceKind.SAME), changed


def _stops(
    group: SentenceGroup, kind: SentenceKind, changed: bool, marks: PairHighlight
) -> list[Stop]:
    """Where ``n`` stops in a group (at most once): its target sentences (A's first), else the
    group itself when a measure is missing on one side or the words of a near-identical
    sentence changed."""
    sides = [(side, sentences) for side, sentences in (("a", group.a), ("b", group.b)) if sentences]
    other = {
        "a": (group.b[0].start, group.b[-1].end) if group.b else None,
        "b": (group.a[0].start, group.a[-1].end) if group.a else None,
    }
    for side, sentences in sides:
        targets = [s for s in sentences if marks.kind_of(side, s.start) is SentenceKind.TARGET]
        if targets:
            return [Stop(side, targets[0].start, targets[-1].end, SentenceKind.TARGET, other[side])]
    if kind is SentenceKind.ONLY_HERE and not all(s.note for s in group.a + group.b):
        side, sentences = sides[0]
        return [Stop(side, sentences[0].start, sentences[-1].end, kind)]
    if changed:
        return [Stop("a", group.a[0].start, group.a[-1].end, kind, other["a"])]
    return []


def highlight_dict(highlight: PairHighlight) -> dict[str, Any]:
    """``diff --json``'s ``highlight``: the classed sentences, the changed words of
    near-identical ones, and the differing targets with their figures' offsets."""

    def figure(f: TargetFigure) -> dict[str, Any]:
        return {"indicator": f.target.indicator, "start": f.start, "end": f.end,
                "year": f.target.year, "quote": f.target.wording or f.target.quote}  # fmt: skip

    return {
        "sentences": [
            {"side": s.side, "start": s.start, "end": s.end, "kind": s.kind.value}
            | ({"nowhere": True} if s.nowhere else {})
            for s in highlight.sentences
        ],
        "words": [
            {"side": side, "start": start, "end": end} for side, start, end in highlight.words
        ],
        "targets": [
            {"a": figure(d.a), "b": figure(d.b), "differ": [x.value for x in d.aspects]}
            for d in highlight.differences
        ],
    }


__all__ = [
    "NEAR_IDENTICAL",
    "Aspect",
    "FigureMark",
    "PairHighlight",
    "SentenceKind",
    "SentenceMark",
    "Stop",
    "TargetDifference",
    "TargetFigure",
    "highlight_dict",
    "highlight_pair",
    "near_identical",
]
