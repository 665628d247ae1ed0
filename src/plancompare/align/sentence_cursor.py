"""The sentence cursor over a compared pair: which sentences of which side are selected, and
the offsets they span in the section's text.

Plain state and arithmetic in the core, so the TUI's cursor keys, its jumps (search, a
finding, a target) and a comment's span all use the same rule, and it can be tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from plancompare.text.sentences import Sentence


@dataclass(slots=True, frozen=True)
class SentenceCursor:
    """A run of sentences on one side of a row: from ``anchor`` to ``head`` (either order)."""

    side: str
    """``a`` (left) or ``b`` (right)."""
    anchor: int
    """Index of the sentence the selection started from."""
    head: int
    """Index of the sentence the cursor is on (moved by the arrows)."""

    @property
    def first(self) -> int:
        """Index of the first selected sentence."""
        return min(self.anchor, self.head)

    @property
    def last(self) -> int:
        """Index of the last selected sentence."""
        return max(self.anchor, self.head)

    def moved(self, delta: int, count: int) -> SentenceCursor:
        """The cursor one sentence on (``delta`` ±1), the selection collapsed onto it."""
        head = _clamp(self.head + delta, count)
        return replace(self, anchor=head, head=head)

    def extended(self, delta: int, count: int) -> SentenceCursor:
        """The selection grown (or shrunk) by one sentence at the cursor's end."""
        return replace(self, head=_clamp(self.head + delta, count))

    def span(self, sentences: list[Sentence]) -> tuple[int, int]:
        """Offsets of the selected sentences in the section's text."""
        first = sentences[_clamp(self.first, len(sentences))]
        last = sentences[_clamp(self.last, len(sentences))]
        return first.start, last.end


def _clamp(index: int, count: int) -> int:
    return max(0, min(index, count - 1))


def cursor_on(
    side: str, sentences: list[Sentence], start: int, end: int | None = None
) -> SentenceCursor:
    """A cursor over the sentences of ``sentences`` that overlap ``start``–``end``
    (the sentence holding ``start`` when ``end`` is None)."""
    stop = start + 1 if end is None else max(end, start + 1)
    inside = [i for i, s in enumerate(sentences) if s.start < stop and s.end > start]
    if not inside:
        # Between sentences (a space, a newline): the next sentence, else the last.
        after = [i for i, s in enumerate(sentences) if s.start >= start]
        inside = [after[0] if after else max(len(sentences) - 1, 0)]
    return SentenceCursor(side, inside[0], inside[-1])
