"""What differs inside a matched pair: sentences lined up, then a word-level diff of each."""

from __future__ import annotations

import difflib
import math
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from plancompare.align.sections import Progress, embed_texts, plan_texts
from plancompare.embed.base import Embedder
from plancompare.model import Alignment, Link, Plan, Section
from plancompare.text.numbers import find_numbers
from plancompare.text.sentences import Sentence, split_sentences
from plancompare.text.similarity import dice, shape_bigrams, standardise, tfidf_cosine

Matrix = npt.NDArray[np.float64]


@dataclass(slots=True, frozen=True)
class WordOp:
    """One step of a word-level diff, located in both sections' texts."""

    kind: str
    """``equal``, ``replace``, ``delete`` (only in A) or ``insert`` (only in B)."""
    a_text: str
    """The words of A ("" for insert)."""
    b_text: str
    """The words of B ("" for delete)."""
    a_start: int
    """Offset in section A's ``text`` (at an insert: where B's words would go)."""
    a_end: int
    """End offset in section A's ``text``."""
    b_start: int
    """Offset in section B's ``text``."""
    b_end: int
    """End offset in section B's ``text``."""
    number: bool = False
    """True when a number is among the differing words (a changed figure)."""


@dataclass(slots=True)
class SentenceGroup:
    """Sentences of A and B that say the same thing, or one that has no partner in the pair."""

    kind: str
    """``1-1``, ``1-n``, ``n-1``, ``only_a`` or ``only_b``."""
    a: list[Sentence]
    """Sentences of A (offsets into section A's ``text``), empty for only_b."""
    b: list[Sentence]
    """Sentences of B (offsets into section B's ``text``), empty for only_a."""
    similarity: float
    """How alike the sentences are, 0–1 (0 for unmatched ones): the Dice coefficient of
    their bigrams, or with a matcher 0.5 at its threshold and near 1 far above it."""
    ops: list[WordOp] = field(default_factory=list)
    """The word-level diff of the group (empty for unmatched sentences)."""
    nowhere: bool = False
    """For an unmatched measure: True when nothing like it is anywhere in the other plan
    (known only when a :class:`SentenceMatcher` was given)."""


@dataclass(slots=True)
class PairDiff:
    """The sentence-by-sentence and word-by-word comparison of two sections' own text."""

    a: Section
    """Section of plan A."""
    b: Section
    """Section of plan B."""
    groups: list[SentenceGroup]
    """Groups in A's order; B's unmatched sentences follow their neighbours in B."""

    @property
    def only_a(self) -> list[Sentence]:
        """Sentences of A without a partner in B's section."""
        return [s for g in self.groups if g.kind == "only_a" for s in g.a]

    @property
    def only_b(self) -> list[Sentence]:
        """Sentences of B without a partner in A's section."""
        return [s for g in self.groups if g.kind == "only_b" for s in g.b]


@dataclass(slots=True, frozen=True)
class Token:
    """A word of a text for diffing: what is compared, and where it stands."""

    key: str
    """The comparison key: the word (NFKC), or ``#`` and the value for a number."""
    start: int
    """Offset in the section's text."""
    end: int
    """End offset."""
    number: bool
    """True for a number."""


# --- tokens and word-level diff -------------------------------------------------------

# jieba builds its dictionary on first use (~0.6 s): once, lazily, and never twice at once
# when the TUI diffs in a worker thread.
_jieba_lock = threading.Lock()
_tokenize: Any = None


def load_segmentation() -> None:
    """Load jieba's dictionary now (a worker warms it up before the first word diff)."""
    global _tokenize
    with _jieba_lock:
        if _tokenize is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _tokenize = jieba.tokenize


def segmentation_loaded() -> bool:
    """Whether a word diff can be made without first loading jieba's dictionary (~0.6 s)."""
    return _tokenize is not None


def _jieba_tokenize(text: str) -> list[tuple[str, int, int]]:
    load_segmentation()
    return list(_tokenize(text))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words of ``text`` (jieba), numbers kept whole and keyed by their value, so that 十万,
    10万 and １０００００ compare equal; offsets are shifted by ``offset``."""
    tokens: list[Token] = []
    pos = 0
    for span in find_numbers(text):
        tokens.extend(_words(text[pos : span.start], offset + pos))
        tokens.append(Token("#" + span.canonical, offset + span.start, offset + span.end, True))
        pos = span.end
    tokens.extend(_words(text[pos:], offset + pos))
    return tokens


def _words(text: str, offset: int) -> list[Token]:
    if not text:
        return []
    return [
        Token(unicodedata.normalize("NFKC", word), offset + start, offset + end, False)
        for word, start, end in _jieba_tokenize(text)
        if word.strip()
    ]


def word_diff(a_text: str, b_text: str, a_offset: int = 0, b_offset: int = 0) -> list[WordOp]:
    """The word-level diff of two texts (difflib over jieba tokens, numbers normalised);
    offsets are shifted by ``a_offset``/``b_offset`` so they index the sections' texts."""
    ta, tb = tokenize(a_text, a_offset), tokenize(b_text, b_offset)
    matcher = difflib.SequenceMatcher(
        None, [t.key for t in ta], [t.key for t in tb], autojunk=False
    )
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_start, a_end = _extent(ta, i1, i2, a_offset + len(a_text), a_offset)
        b_start, b_end = _extent(tb, j1, j2, b_offset + len(b_text), b_offset)
        number = tag != "equal" and any(t.number for t in [*ta[i1:i2], *tb[j1:j2]])
        ops.append(
            WordOp(
                kind=tag,
                a_text=a_text[a_start - a_offset : a_end - a_offset],
                b_text=b_text[b_start - b_offset : b_end - b_offset],
                a_start=a_start,
                a_end=a_end,
                b_start=b_start,
                b_end=b_end,
                number=number,
            )
        )
    return ops


def render_ops(
    ops: list[WordOp], only_a: Callable[[str, bool], str], only_b: Callable[[str, bool], str]
) -> str:
    """The diff as one line: equal words as they are, A's and B's own words passed through
    ``only_a``/``only_b`` (called with the words and whether a figure changed)."""
    parts = []
    for op in ops:
        if op.kind == "equal":
            parts.append(op.a_text)
            continue
        if op.a_text:
            parts.append(only_a(op.a_text, op.number))
        if op.b_text:
            parts.append(only_b(op.b_text, op.number))
    return "".join(parts)


def plain_diff(ops: list[WordOp]) -> str:
    """The diff as one line of text: A's words [-like this-], B's words {+like this+}."""
    return render_ops(ops, lambda text, _: f"[-{text}-]", lambda text, _: f"{{+{text}+}}")


def _extent(tokens: list[Token], i1: int, i2: int, text_end: int, base: int) -> tuple[int, int]:
    """Offsets covered by tokens[i1:i2], including the spaces between them; an empty range
    sits where the next token starts."""
    if i1 < i2:
        return tokens[i1].start, tokens[i2 - 1].end
    at = tokens[i1].start if i1 < len(tokens) else (tokens[-1].end if tokens else base)
    return at, at


# --- sentence similarity --------------------------------------------------------------


def dice_matrix(a: list[Sentence], b: list[Sentence]) -> Matrix:
    """Dice coefficient of the sentences' character bigrams (numbers normalised)."""
    sa, sb = [shape_bigrams(s.text) for s in a], [shape_bigrams(s.text) for s in b]
    return np.array([[dice(x, y) for y in sb] for x in sa]).reshape(len(a), len(b))


#: Two sentences whose letters and numbers share this much (Dice of their character bigrams,
#: numbers by value) are versions of one sentence, and their words are diffed. Read from pairs
#: of plans around the cut: two drafts of one national plan have most of their paired
#: sentences above it, plans of different authors (the seed pair) none; below it, a word diff
#: marks most of both sentences.
NEAR_IDENTICAL = 0.6


def near_identical(a: str, b: str) -> bool:
    """Whether two texts are versions of one text (see :data:`NEAR_IDENTICAL`)."""
    return dice(shape_bigrams(a), shape_bigrams(b)) >= NEAR_IDENTICAL


#: Without a matcher, sentences pair when this alike (Dice of bigrams). Plans that reword
#: everything rarely reach it: give diff_sections a SentenceMatcher for meaning.
DICE_THRESHOLD = 0.25
#: With a matcher, sentences pair when their standardised similarity reaches this; a
#: sentence whose best match anywhere in the other plan stays below it is a measure found
#: in one plan only. Set by reading the seed pair's sentence pairs around the cut (there is
#: no sentence-level gold): above it 纺织+旅游 ↔ 服装+文旅 pair up; below it 融资担保 and
#: 亩均论英雄 have no counterpart in 陆河.
MATCH_THRESHOLD = 2.3
#: Sentences shorter than this (in letters) are fragments (一核：), not measures.
MIN_MEASURE_LETTERS = 8


@dataclass(slots=True)
class PlanSentence:
    """A sentence of a plan, located in the own text of its section."""

    section: str
    """Id of the section whose ``text`` holds it."""
    sentence: Sentence
    """The sentence, offsets into that section's ``text``."""


class SentenceMatcher:
    """How alike any sentence of plan A is to any sentence of plan B.

    The similarity is the standardised (over all sentence pairs of the two plans) mean of
    the centred embedding cosine and the character-bigram TF-IDF cosine; without an
    embedder, the bigram cosine alone. Build it once per pair of plans; embedding goes
    through the embedder's cache.
    """

    def __init__(
        self,
        a: Plan,
        b: Plan,
        embedder: Embedder | None = None,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.a, self.b = a, b
        self.sentences_a = _plan_sentences(a)
        self.sentences_b = _plan_sentences(b)
        self._row = {(p.section, p.sentence.start): i for i, p in enumerate(self.sentences_a)}
        self._col = {(p.section, p.sentence.start): j for j, p in enumerate(self.sentences_b)}
        ta = [p.sentence.text for p in self.sentences_a]
        tb = [p.sentence.text for p in self.sentences_b]
        if not ta or not tb:
            self.similarity: Matrix = np.zeros((len(ta), len(tb)))
            return
        similarity = standardise(_bigram_matrix(ta, tb))
        if embedder is not None:
            vectors = embed_texts(embedder, ta + tb, progress=progress, cancel=cancel)
            both = vectors.astype(np.float64)
            both -= both.mean(axis=0)
            norms = np.linalg.norm(both, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            both /= norms
            cosine = both[: len(ta)] @ both[len(ta) :].T
            similarity = standardise(0.5 * similarity + 0.5 * standardise(cosine))
        self.similarity = similarity

    def between(self, a: Section, sa: list[Sentence], b: Section, sb: list[Sentence]) -> Matrix:
        """The similarity of the given sentences of section ``a`` to those of section ``b``."""
        rows = [self._row.get((a.id, s.start)) for s in sa]
        cols = [self._col.get((b.id, s.start)) for s in sb]
        out = np.full((len(sa), len(sb)), -np.inf)
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                if r is not None and c is not None:
                    out[i, j] = self.similarity[r, c]
        return out

    def unique(self, section: Section, sentence: Sentence, *, in_a: bool) -> bool:
        """True when a measure of plan A (``in_a``) or B has no counterpart anywhere in the
        other plan; notes and fragments are not measures."""
        if sentence.note or _letters(sentence.text) < MIN_MEASURE_LETTERS:
            return False
        index = (self._row if in_a else self._col).get((section.id, sentence.start))
        if index is None:
            return False
        values = self.similarity[index] if in_a else self.similarity[:, index]
        return not values.size or float(values.max()) < MATCH_THRESHOLD


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _plan_sentences(plan: Plan) -> list[PlanSentence]:
    return [
        PlanSentence(section.id, s)
        for section in plan.walk()
        for s in split_sentences(section.text)
        if not s.note
    ]


def embedding_texts(plan: Plan) -> list[str]:
    """Every text of ``plan`` that aligning it and matching its sentences embed (titles,
    sentences, table rows), each once: embedding them ahead (at import) makes the first
    review of the plan start with a warm cache."""
    own = plan_texts(plan).texts + [p.sentence.text for p in _plan_sentences(plan)]
    return list(dict.fromkeys(own))


def _bigram_matrix(rows: list[str], cols: list[str]) -> Matrix:
    """TF-IDF cosine of the sentences' character bigrams (numbers normalised), IDF over all."""
    return tfidf_cosine([shape_bigrams(t) for t in rows], [shape_bigrams(t) for t in cols])


# --- sentence alignment inside a pair -------------------------------------------------


@dataclass(slots=True)
class _Group:
    a: list[int]
    b: list[int]
    scores: list[float]


def align_sentences(
    a: list[Sentence], b: list[Sentence], similarity: Matrix, threshold: float
) -> list[SentenceGroup]:
    """Line up two lists of sentences, not bound to the same order: the most alike pairs
    first, 1-1; a further sentence next to a group's only sentence on one side joins it
    (1-n, n-1) when it is alike enough to the other side; the rest is unmatched.
    ``similarity`` has one row per sentence of ``a``."""
    pairs = sorted(
        ((float(similarity[i, j]), i, j) for i in range(len(a)) for j in range(len(b))),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    of_a: dict[int, _Group] = {}
    of_b: dict[int, _Group] = {}
    groups: list[_Group] = []
    for score, i, j in pairs:
        if score < threshold:
            break
        ga, gb = of_a.get(i), of_b.get(j)
        if ga is None and gb is None:
            new = _Group([i], [j], [score])
            groups.append(new)
            of_a[i] = of_b[j] = new
        elif ga is not None and gb is None and len(ga.a) == 1 and _next_to(j, ga.b):
            ga.b.append(j)
            ga.scores.append(score)
            of_b[j] = ga
        elif gb is not None and ga is None and len(gb.b) == 1 and _next_to(i, gb.a):
            gb.a.append(i)
            gb.scores.append(score)
            of_a[i] = gb
    placed: list[tuple[int, SentenceGroup]] = []
    for g in groups:
        g.a.sort()
        g.b.sort()
        kind = "1-1" if len(g.a) == len(g.b) == 1 else ("1-n" if len(g.a) == 1 else "n-1")
        made = SentenceGroup(
            kind, [a[i] for i in g.a], [b[j] for j in g.b], round(min(g.scores), 3)
        )
        placed.append((g.a[0], made))
    placed.extend(
        (i, SentenceGroup("only_a", [a[i]], [], 0.0)) for i in range(len(a)) if i not in of_a
    )
    placed.sort(key=lambda p: p[0])
    ordered = [g for _, g in placed]
    # B's unmatched sentences go after the group holding their nearest preceding B sentence.
    for j in range(len(b)):
        if j in of_b:
            continue
        at = 0
        for k, done in enumerate(ordered):
            if any(s.start < b[j].start for s in done.b):
                at = k + 1
        ordered.insert(at, SentenceGroup("only_b", [], [b[j]], 0.0))
    return ordered


def _next_to(k: int, members: list[int]) -> bool:
    return k == min(members) - 1 or k == max(members) + 1


def diff_sections(
    a: Section,
    b: Section,
    matcher: SentenceMatcher | None = None,
    *,
    words: bool = True,
    segment: bool = True,
) -> PairDiff:
    """Compare the own text of two sections: sentence groups, each with its word-level diff.

    With a :class:`SentenceMatcher` (built once for the two plans), sentences pair by
    meaning and wording; without one, by wording alone. Offsets in the result index
    ``a.text`` and ``b.text``. Numbers are compared by value (十万 = 10万 = 100000), so a
    reviewer sees which figures really differ. ``words`` False diffs the words of
    near-identical groups only (a word diff of two paraphrases marks nearly every word);
    ``segment`` False makes no word diff at all (a first pass while jieba's dictionary loads).
    """
    sa, sb = split_sentences(a.text), split_sentences(b.text)
    if matcher is not None:
        groups = align_sentences(sa, sb, matcher.between(a, sa, b, sb), MATCH_THRESHOLD)
    else:
        groups = align_sentences(sa, sb, dice_matrix(sa, sb), DICE_THRESHOLD)
    for g in groups:
        if g.a and g.b and matcher is not None:
            g.similarity = round(1.0 / (1.0 + math.exp(-1.1 * (g.similarity - MATCH_THRESHOLD))), 3)
        if g.a and g.b:
            a_start, a_end = g.a[0].start, g.a[-1].end
            b_start, b_end = g.b[0].start, g.b[-1].end
            a_text, b_text = a.text[a_start:a_end], b.text[b_start:b_end]
            if segment and (words or near_identical(a_text, b_text)):
                g.ops = word_diff(a_text, b_text, a_start, b_start)
        elif matcher is not None:
            section, sentence = (a, g.a[0]) if g.a else (b, g.b[0])
            g.nowhere = matcher.unique(section, sentence, in_a=bool(g.a))
    return PairDiff(a, b, groups)


# --- measures found in one plan only --------------------------------------------------


@dataclass(slots=True)
class UniqueMeasure:
    """A sentence of one plan with no counterpart anywhere in the other plan."""

    plan: str
    """Id of the plan it is in."""
    section: str
    """Id of the section whose own text holds it."""
    sentence: Sentence
    """The sentence, with offsets into that section's ``text``."""
    best: float
    """Its best standardised similarity to any sentence of the other plan."""


@dataclass(slots=True)
class UniqueMeasures:
    """Measures found in one plan only, for each plan."""

    a: Plan
    """Plan A."""
    b: Plan
    """Plan B."""
    only_a: list[UniqueMeasure]
    """Sentences of A with no counterpart in B, in document order."""
    only_b: list[UniqueMeasure]
    """Sentences of B with no counterpart in A, in document order."""

    def for_pair(self, link: Link) -> tuple[list[UniqueMeasure], list[UniqueMeasure]]:
        """The unique measures in the own text of a linked pair's two sections."""
        return (
            [m for m in self.only_a if m.section == link.a],
            [m for m in self.only_b if m.section == link.b],
        )


def unique_measures(matcher: SentenceMatcher, threshold: float = MATCH_THRESHOLD) -> UniqueMeasures:
    """Sentences (measures) of each plan with no counterpart anywhere in the other plan:
    their best similarity stays below ``threshold``. Fragments shorter than
    :data:`MIN_MEASURE_LETTERS` letters are not measures."""
    sim = matcher.similarity
    best_a = sim.max(axis=1) if sim.shape[1] else np.full(sim.shape[0], -np.inf)
    best_b = sim.max(axis=0) if sim.shape[0] else np.full(sim.shape[1], -np.inf)

    def pick(plan: Plan, sentences: list[PlanSentence], best: Matrix) -> list[UniqueMeasure]:
        return [
            UniqueMeasure(
                plan.id, p.section, p.sentence, round(float(v), 3) if np.isfinite(v) else 0.0
            )
            for p, v in zip(sentences, best, strict=True)
            if v < threshold and _letters(p.sentence.text) >= MIN_MEASURE_LETTERS
        ]

    return UniqueMeasures(
        matcher.a,
        matcher.b,
        pick(matcher.a, matcher.sentences_a, best_a),
        pick(matcher.b, matcher.sentences_b, best_b),
    )


# --- plain-data views -----------------------------------------------------------------


def best_partner(alignment: Alignment, section_id: str) -> Link | None:
    """The link of a unit of A to its best partner in B (a match before a partial)."""
    links = [lk for lk in alignment.links if lk.a == section_id]
    links.sort(key=lambda lk: (lk.kind != "match", -lk.score))
    return links[0] if links else None


def sentence_dict(s: Sentence) -> dict[str, Any]:
    """A sentence: text and offsets."""
    return {"text": s.text, "start": s.start, "end": s.end}


def pair_diff_dict(diff: PairDiff, plan_a: str, plan_b: str) -> dict[str, Any]:
    """``diff --json``: the two sections and the sentence groups with their word ops."""
    return {
        "a": {"plan": plan_a, "id": diff.a.id, "title": diff.a.title or diff.a.label},
        "b": {"plan": plan_b, "id": diff.b.id, "title": diff.b.title or diff.b.label},
        "groups": [
            {
                "kind": g.kind,
                "similarity": g.similarity,
                "nowhere": g.nowhere,
                "a": [sentence_dict(s) for s in g.a],
                "b": [sentence_dict(s) for s in g.b],
                "ops": [
                    {
                        "kind": op.kind,
                        "a": op.a_text,
                        "b": op.b_text,
                        "a_start": op.a_start,
                        "a_end": op.a_end,
                        "b_start": op.b_start,
                        "b_end": op.b_end,
                        "number": op.number,
                    }
                    for op in g.ops
                ],
            }
            for g in diff.groups
        ],
    }


def unique_measures_dict(measures: UniqueMeasures) -> dict[str, Any]:
    """``unique --json``: ``{"a", "b", "only_a": [m], "only_b": [m]}``, m = {section, text,
    start, end, best}."""

    def one(m: UniqueMeasure) -> dict[str, Any]:
        return {"section": m.section, **sentence_dict(m.sentence), "best": m.best}

    return {
        "a": measures.a.id,
        "b": measures.b.id,
        "only_a": [one(m) for m in measures.only_a],
        "only_b": [one(m) for m in measures.only_b],
    }


__all__ = [
    "NEAR_IDENTICAL",
    "PairDiff",
    "SentenceGroup",
    "SentenceMatcher",
    "UniqueMeasure",
    "UniqueMeasures",
    "WordOp",
    "align_sentences",
    "best_partner",
    "diff_sections",
    "embedding_texts",
    "near_identical",
    "pair_diff_dict",
    "plain_diff",
    "render_ops",
    "tokenize",
    "unique_measures",
    "unique_measures_dict",
    "word_diff",
]
