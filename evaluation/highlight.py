"""How much of a compared pair is highlighted: the word diff the compare view used to show
against the semantic highlight it shows now, on rows whose texts are paraphrases.

A character counts as highlighted when it is emphasised as a difference: a changed word
(underlined) or a changed figure (reversed). The tint of a whole sentence (a measure one side
lacks, a sentence stating a differing target) is a class, not an emphasis, and is counted
apart. Before: every word of every paired sentence group that the word diff found changed
(numbers among them). Now: the changed words of near-identical sentences, and the figures
(and years) of differing targets. Used by tests/test_highlight.py and
bench/bench_compare_view.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from plancompare.align.diff import PairDiff, near_identical
from plancompare.align.highlight import PairHighlight
from plancompare.align.rows import CompareRow


@dataclass(slots=True)
class HighlightShare:
    """Characters of the paraphrase rows, and how many each way highlights."""

    rows: int = 0
    """Rows whose two texts are paraphrases (not near-identical)."""
    characters: int = 0
    """Characters of their texts, both sides."""
    before: int = 0
    """Characters the word diff marked."""
    after: int = 0
    """Characters the semantic highlight marks."""

    @property
    def share_before(self) -> float:
        """Share of the characters the word diff marked."""
        return self.before / self.characters if self.characters else 0.0

    @property
    def share_after(self) -> float:
        """Share of the characters the semantic highlight marks."""
        return self.after / self.characters if self.characters else 0.0


def paraphrase_rows(rows: list[CompareRow], diffs: Mapping[int, PairDiff]) -> list[int]:
    """The diffed rows whose two units' texts are not versions of one text."""
    out = []
    for i in diffs:
        a, b = rows[i].a, rows[i].b
        if a is not None and b is not None and not near_identical(a.text, b.text):
            out.append(i)
    return out


def highlight_share(
    rows: list[CompareRow],
    diffs: Mapping[int, PairDiff],
    highlights: Mapping[int, PairHighlight],
) -> HighlightShare:
    """The share of characters highlighted in paraphrase rows, before and now. ``diffs``
    must have the word diff of every group (``diff_rows(..., words=True)``)."""
    share = HighlightShare()
    for i in paraphrase_rows(rows, diffs):
        diff, highlight = diffs[i], highlights[i]
        share.rows += 1
        share.characters += len(diff.a.text) + len(diff.b.text)
        old: set[tuple[str, int]] = set()
        for group in diff.groups:
            for op in group.ops:
                if op.kind != "equal":
                    old.update(("a", k) for k in range(op.a_start, op.a_end))
                    old.update(("b", k) for k in range(op.b_start, op.b_end))
        new: set[tuple[str, int]] = set()
        for side, start, end in highlight.words:
            new.update((side, k) for k in range(start, end))
        for figure in highlight.figures:
            new.update((figure.side, k) for k in range(figure.start, figure.end))
        share.before += len(old)
        share.after += len(new)
    return share
