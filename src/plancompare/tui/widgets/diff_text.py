"""One side of a compared pair as styled text: the semantic highlight, targets, comments,
search hits, the cursor.

What is marked comes from the core (:mod:`plancompare.align.highlight`): a sentence stating
a target that differs from its counterpart is tinted, its figures reversed, and the
difference named inline (〔值·年份 ≠ 某州 ≥10万人 2027年〕); a sentence without a partner in
the pair opens with ◇ (◆ when nothing like it is anywhere in the other plan); a sentence the
other side says in the same words is dimmed; the changed words of near-identical sentences
are underlined; a paraphrase is left as it is. A commented span opens with ✎ and is
underlined in the comment colour; search hits are reversed; the sentence cursor too. Only
the selected row is coloured; the others keep their markers and named differences, so a row
keeps its height. Pure functions of their inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from plancompare.align.highlight import FigureMark, PairHighlight, SentenceKind, Span

#: Opens a sentence with no partner in the pair / none anywhere in the other plan.
UNMATCHED, NOWHERE = "◇", "◆"
#: Opens a commented span.
COMMENTED = "✎"

#: Words naming a difference after a figure (the front end's catalogue makes them).
NameDifference = Callable[[FigureMark], str]


@dataclass(slots=True, frozen=True)
class Palette:
    """The styles of one side (the widget fills it from its CSS component classes)."""

    tint: Style = field(default_factory=lambda: Style(bgcolor="grey23"))
    """A sentence stating a target that differs."""
    words: Style = field(default_factory=lambda: Style(color="yellow", underline=True))
    """The changed words of near-identical sentences."""
    number: Style = field(default_factory=lambda: Style(bold=True, reverse=True))
    """A figure (or year) of a target that differs."""
    unmatched: Style = field(default_factory=lambda: Style(italic=True, bgcolor="grey19"))
    """A sentence with no partner in the pair."""
    target: Style = field(default_factory=lambda: Style(bold=True))
    """The wording of a target."""
    comment: Style = field(default_factory=lambda: Style(color="magenta", underline=True))
    """A commented span."""
    cursor: Style = field(default_factory=lambda: Style(reverse=True))
    """The sentences under the sentence cursor."""
    marker: Style = field(default_factory=lambda: Style(color="magenta", bold=True))
    """The ◇ ◆ ✎ markers."""
    same: Style = field(default_factory=lambda: Style(dim=True))
    """A sentence the other side says in the same words."""
    label: Style = field(default_factory=lambda: Style(color="yellow", bold=True))
    """The words naming a difference (〔值 ≠ …〕)."""
    search: Style = field(default_factory=lambda: Style(color="black", bgcolor="yellow"))
    """A search hit."""


@dataclass(slots=True)
class SideMarks:
    """What to mark in one side's text; every offset indexes the section's ``text``."""

    sentences: list[tuple[int, int, SentenceKind, bool]] = field(default_factory=list)
    """Sentences classed by the highlight: start, end, kind, and (for ``only_here``)
    whether nothing like it is anywhere in the other plan."""
    words: list[Span] = field(default_factory=list)
    """Changed words of near-identical sentences."""
    figures: list[Span] = field(default_factory=list)
    """Figures and years of differing targets."""
    labels: list[tuple[int, str]] = field(default_factory=list)
    """Words naming a difference, and the offset they are shown at (after the figure)."""
    targets: list[Span] = field(default_factory=list)
    """Wording of targets."""
    comments: list[Span] = field(default_factory=list)
    """Commented spans."""
    search: list[Span] = field(default_factory=list)
    """Search hits."""
    cursor: Span | None = None
    """The sentences under the cursor."""
    detail: bool = True
    """Colour the differences (the selected row); else only their markers and named
    differences show, so that a row keeps its height and the rows around the selected one
    stay quiet."""

    @property
    def unmatched(self) -> list[tuple[int, int, bool]]:
        """Sentences with no partner in the pair, and whether none is in the other plan."""
        return [(s, e, far) for s, e, kind, far in self.sentences if kind is SentenceKind.ONLY_HERE]

    def of_kind(self, *kinds: SentenceKind) -> list[Span]:
        """The sentences of the given kinds."""
        return [(s, e) for s, e, kind, _ in self.sentences if kind in kinds]


def side_marks(
    highlight: PairHighlight | None,
    side: str,
    detail: bool = True,
    name: NameDifference | None = None,
) -> SideMarks:
    """The highlight of a pair as seen from side ``a`` or ``b``; ``name`` words each
    difference (shown after the figure)."""
    marks = SideMarks(detail=detail)
    if highlight is None:
        return marks
    marks.sentences = [(s.start, s.end, s.kind, s.nowhere) for s in highlight.side_sentences(side)]
    marks.words = highlight.side_words(side)
    for figure in highlight.side_figures(side):
        marks.figures.append((figure.start, figure.end))
        if figure.labelled and name is not None:
            marks.labels.append((figure.end, name(figure)))
    return marks


def _inserts(marks: SideMarks) -> list[tuple[int, str, bool]]:
    """What is inserted into the text, in order: the offset it goes before, its text, and
    whether it names a difference (else it is a one-character marker)."""
    inserts = [(at, text, True) for at, text in marks.labels]
    inserts += [(s, NOWHERE if far else UNMATCHED, False) for s, _, far in marks.unmatched]
    inserts += [(s, COMMENTED, False) for s, _ in marks.comments]
    # A difference named after a figure that ends a sentence goes before the next one's marker.
    return sorted(inserts, key=lambda p: (p[0], not p[2]))


def shifted(marks: SideMarks, offset: int) -> int:
    """Where offset ``offset`` of the section's text is in the text :func:`side_text` makes."""
    return offset + sum(len(text) for at, text, _ in _inserts(marks) if at <= offset)


def side_text(text: str, marks: SideMarks, palette: Palette, base: Style | None = None) -> Text:
    """``text`` styled with ``marks``; markers and named differences are inserted (see
    :func:`shifted`)."""
    out = Text(text, style=base or Style())
    for start, end in marks.targets:
        out.stylize(palette.target, start, end)
    if marks.detail:
        for start, end in marks.of_kind(SentenceKind.TARGET):
            out.stylize(palette.tint, start, end)
        for start, end in marks.of_kind(SentenceKind.ONLY_HERE):
            out.stylize(palette.unmatched, start, end)
        for start, end in marks.of_kind(SentenceKind.SAME):
            out.stylize(palette.same, start, end)
        for start, end in marks.words:
            out.stylize(palette.words, start, end)
        for start, end in marks.figures:
            out.stylize(palette.number, start, end)
    for start, end in marks.comments:
        out.stylize(palette.comment, start, end)
    for start, end in marks.search:
        out.stylize(palette.search, start, end)
    if marks.cursor is not None:
        out.stylize(palette.cursor, *marks.cursor)
    inserts = _inserts(marks)
    if not inserts:
        return out
    pieces = out.divide(at for at, _, _ in inserts)
    result = pieces[0]
    for (_, inserted, named), piece in zip(inserts, pieces[1:], strict=True):
        result.append(inserted, palette.label if named else palette.marker)
        result.append_text(piece)
    return result
