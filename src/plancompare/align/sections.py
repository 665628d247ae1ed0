"""Which sections and items of two plans deal with the same topic: global many-to-many alignment.

Every section and item of each plan, at every level, is a unit. A unit's text is its title,
its sentences and its table rows, and those of its descendants. Each sentence is embedded
once; unit vectors are derived from sentence vectors. Evidence for a pair of units:

* embeddings: the cosine of the units' mean sentence vectors, and a soft sentence match
  (each sentence's best partner in the other unit), on vectors centred on the mean of
  both plans so that what every sentence of a plan shares does not count;
* lexical: character-bigram TF-IDF, with document frequencies over the units of both
  plans, so that boilerplate (推动, 加快, 产业, 发展) weighs little; and the same on titles;
* structure: a preamble pairs with a preamble; a pair of containers is as good as the
  worse-covered of their children; a match between parents supports their children.

Each kind of evidence is standardised over all pairs of the two plans before it is
weighed, so no scale depends on the embedder. The weights and the no-counterpart threshold
were calibrated against a hand-made gold alignment (tests/data/align/) — see README.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from plancompare.embed.base import Embedder
from plancompare.model import Alignment, Link, Plan, Section, SectionKind, Table
from plancompare.text.sentences import split_sentences
from plancompare.text.similarity import char_bigrams, standardise, tfidf_cosine

Matrix = npt.NDArray[np.float64]
Vectors32 = npt.NDArray[np.float32]
Progress = Callable[[str, float], None]

#: How many texts go to the embedder at a time: progress and cancellation happen between.
EMBED_CHUNK = 32


class AlignmentCancelled(Exception):
    """Raised by :func:`align_plans` when its ``cancel`` event is set."""


@dataclass(slots=True, frozen=True)
class AlignWeights:
    """How the evidence is weighed. The defaults (:data:`HYBRID`) were calibrated on the
    seed pair against its gold file; :data:`EMBEDDING_ONLY` and :data:`LEXICAL_ONLY` are
    there to measure each kind of evidence alone."""

    embedding_mean: float = 0.5
    """Weight of the cosine of mean sentence vectors (standardised)."""
    embedding_soft: float = 0.5
    """Weight of the soft sentence match (standardised)."""
    lexical: float = 0.5
    """Weight of the character-bigram TF-IDF cosine (standardised)."""
    title: float = 2.0
    """Weight of the title bigram cosine (0–1, not standardised: most titles share nothing)."""
    preamble: float = 3.0
    """Bonus for a preamble paired with a preamble."""
    coverage: float = 1.0
    """Weight of child coverage: how well the children of each unit are matched in the other."""
    parent: float = 0.25
    """Weight of the parents' score in their children's scores."""
    threshold: float = 1.4
    """Standardised score below which a unit's best partner is no counterpart at all."""
    spread: float = 0.25
    """Further partners scoring within this of a unit's best partner are kept as partial."""


HYBRID = AlignWeights()
EMBEDDING_ONLY = AlignWeights(lexical=0.0, title=0.0, preamble=0.0, coverage=0.0, parent=0.0)
LEXICAL_ONLY = AlignWeights(
    embedding_mean=0.0, embedding_soft=0.0, title=0.0, preamble=0.0, coverage=0.0, parent=0.0
)

#: Unit texts at least this alike (raw bigram cosine) are the same text: a certain match.
SAME_TEXT = 0.95


@dataclass(slots=True)
class Unit:
    """A section or item taking part in the alignment, with its place among the sentences."""

    section: Section
    """The section."""
    parent: int | None
    """Index of the parent unit, None at the top level."""
    children: list[int]
    """Indices of the child units."""
    first: int
    """Index of the unit's first text (its title, if it has one)."""
    own_end: int
    """End of its own texts; its descendants' texts follow."""
    end: int
    """End of its subtree's texts."""
    has_title: bool
    """True when ``texts[first]`` is the unit's title."""


@dataclass(slots=True)
class PlanTexts:
    """A plan's units and the texts they are made of, in pre-order (own texts first)."""

    plan: Plan
    """The plan."""
    units: list[Unit]
    """Every section of the plan, in document order."""
    texts: list[str]
    """Titles, sentences and table rows; a unit's subtree is ``texts[first:end]``."""
    vectors: npt.NDArray[np.float32] | None = None
    """Sentence vectors, one row per text, once embedded."""
    index: dict[str, int] = field(default_factory=dict)
    """Unit index by section id."""


def plan_texts(plan: Plan) -> PlanTexts:
    """Units and texts of a plan: responsibility notes are left out (they name offices)."""
    units: list[Unit] = []
    texts: list[str] = []

    def visit(section: Section, parent: int | None) -> int:
        first = len(texts)
        if section.title:
            texts.append(section.title)
        for paragraph in section.paragraphs:
            texts.extend(s.text for s in split_sentences(paragraph) if not s.note)
        for table in section.tables:
            texts.extend(_row_texts(table))
        me = len(units)
        units.append(Unit(section, parent, [], first, len(texts), 0, bool(section.title)))
        for child in section.children:
            units[me].children.append(visit(child, me))
        units[me].end = len(texts)
        return me

    for top in plan.sections:
        visit(top, None)
    result = PlanTexts(plan, units, texts)
    result.index = {u.section.id: i for i, u in enumerate(units)}
    return result


def _row_texts(table: Table) -> list[str]:
    """One text per table row: its words, without the bare numbers."""
    rows = []
    for row in table.rows:
        cells = [c.strip() for c in row if c.strip() and not _is_number_cell(c)]
        if cells:
            rows.append(" ".join(cells))
    return rows


def _is_number_cell(cell: str) -> bool:
    return all(ch.isdigit() or ch in ".-%+－—–" for ch in cell.strip())


def embed_texts(
    embedder: Embedder,
    texts: Sequence[str],
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> npt.NDArray[np.float32]:
    """Vectors for ``texts``, each distinct text embedded once, in chunks: progress is
    reported (as the catalogue key ``embedding`` and the fraction done) and ``cancel``
    checked between chunks."""
    distinct = list(dict.fromkeys(texts))
    rows: list[npt.NDArray[np.float32]] = []
    for start in range(0, len(distinct), EMBED_CHUNK):
        if cancel is not None and cancel.is_set():
            raise AlignmentCancelled
        if progress is not None:
            progress("embedding", start / max(1, len(distinct)))
        rows.append(np.asarray(embedder.embed_batch(distinct[start : start + EMBED_CHUNK])))
    if cancel is not None and cancel.is_set():
        raise AlignmentCancelled
    if progress is not None:
        progress("embedding", 1.0)
    if not rows:
        return np.zeros((len(texts), 1), dtype=np.float32)
    table = np.concatenate(rows).astype(np.float32)
    where = {t: i for i, t in enumerate(distinct)}
    return table[[where[t] for t in texts]]


def align_plans(
    a: Plan,
    b: Plan,
    embedder: Embedder | None,
    *,
    weights: AlignWeights = HYBRID,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Alignment:
    """Pair every section and item of ``a`` with the part(s) of ``b`` on the same topic.

    Links are many-to-many and ignore document order. A unit's best partner makes a
    ``match`` link; further partners scoring close to it make ``partial`` links; a unit
    whose best partner scores below the threshold has no counterpart (``only_a``/``only_b``).
    With ``embedder`` None only lexical and structural evidence is used. Embedding reports
    progress as ``(key, fraction)`` — ``embedding`` and ``matching_sections``, keys of the
    wording catalogue, then ``done`` at 1.0 — and stops with :class:`AlignmentCancelled` when
    ``cancel`` is set.
    """
    ta, tb = plan_texts(a), plan_texts(b)
    if embedder is None:
        weights = replace(weights, embedding_mean=0.0, embedding_soft=0.0)
    if embedder is not None and (weights.embedding_mean or weights.embedding_soft):
        scaled = None if progress is None else _scaled(progress, 0.0, 0.9)
        both = embed_texts(embedder, ta.texts + tb.texts, progress=scaled, cancel=cancel)
        ta.vectors, tb.vectors = both[: len(ta.texts)], both[len(ta.texts) :]
    if cancel is not None and cancel.is_set():
        raise AlignmentCancelled
    if progress is not None:
        progress("matching_sections", 0.95)
    scores, same = score_matrix(ta, tb, weights)
    links = select_links(ta, tb, scores, same, weights)
    linked_a = {link.a for link in links}
    linked_b = {link.b for link in links}
    if progress is not None:
        progress("done", 1.0)
    return Alignment(
        a=a,
        b=b,
        embedder=embedder.id if embedder is not None else "none",
        links=links,
        only_a=[u.section.id for u in ta.units if u.section.id not in linked_a],
        only_b=[u.section.id for u in tb.units if u.section.id not in linked_b],
    )


def _scaled(progress: Progress, low: float, high: float) -> Progress:
    """A progress callback that maps 0–1 onto low–high of the caller's scale."""
    return lambda message, fraction: progress(message, low + (high - low) * fraction)


def score_matrix(
    ta: PlanTexts, tb: PlanTexts, weights: AlignWeights = HYBRID
) -> tuple[Matrix, Matrix]:
    """Standardised scores of every unit pair (rows: units of A), and the raw lexical
    cosine used to recognise identical texts."""
    na, nb = len(ta.units), len(tb.units)
    if na == 0 or nb == 0:
        return np.zeros((na, nb)), np.zeros((na, nb))
    lexical = tfidf_cosine(
        [_unit_counts(ta, u) for u in range(na)],
        [_unit_counts(tb, u) for u in range(nb)],
        _own_documents(ta) + _own_documents(tb),
    )
    total = weights.lexical * standardise(lexical)
    if weights.embedding_mean or weights.embedding_soft:
        assert ta.vectors is not None and tb.vectors is not None
        va, vb = _centre(ta.vectors, tb.vectors)
        if weights.embedding_mean:
            total += weights.embedding_mean * standardise(_mean_cosine(ta, tb, va, vb))
        if weights.embedding_soft:
            total += weights.embedding_soft * standardise(_soft_match(ta, tb, va, vb))
    if weights.title:
        titles_a = [char_bigrams(u.section.title) for u in ta.units]
        titles_b = [char_bigrams(u.section.title) for u in tb.units]
        total += weights.title * tfidf_cosine(titles_a, titles_b, titles_a + titles_b)
    if weights.preamble:
        pre_a = np.array([u.section.kind is SectionKind.PREAMBLE for u in ta.units], dtype=float)
        pre_b = np.array([u.section.kind is SectionKind.PREAMBLE for u in tb.units], dtype=float)
        total += weights.preamble * np.outer(pre_a, pre_b)
    if weights.coverage:
        total += weights.coverage * _child_coverage(ta, tb, total)
    if weights.parent:
        total += weights.parent * _parent_support(ta, tb, total)
    return standardise(total), lexical


def select_links(
    ta: PlanTexts, tb: PlanTexts, scores: Matrix, same: Matrix, weights: AlignWeights = HYBRID
) -> list[Link]:
    """Links from each unit of either plan to its best partner and to the partners close
    behind it; best first within each unit of A, units of A in document order."""
    chosen: dict[tuple[int, int], str] = {}
    if scores.size == 0:
        return []

    def pick(row: Matrix, same_row: Matrix) -> list[tuple[int, str]]:
        identical = [int(j) for j in np.flatnonzero(same_row >= SAME_TEXT)]
        if identical:
            return [(j, "match") for j in identical]
        best = int(np.argmax(row))
        if row[best] < weights.threshold:
            return []
        floor = max(weights.threshold, row[best] - weights.spread)
        return [(best, "match")] + [
            (int(j), "partial") for j in np.flatnonzero(row >= floor) if int(j) != best
        ]

    for i in range(scores.shape[0]):
        for j, kind in pick(scores[i], same[i]):
            if chosen.get((i, j)) != "match":
                chosen[(i, j)] = kind
    for j in range(scores.shape[1]):
        for i, kind in pick(scores[:, j], same[:, j]):
            if chosen.get((i, j)) != "match":
                chosen[(i, j)] = kind
    # A heading over items says nothing of its own: when none of its items has a
    # counterpart, neither has it (its title alone — 电商企业培育工程 — would pair on 培育).
    linked_a = {i for i, _ in chosen}
    linked_b = {j for _, j in chosen}
    bare_a = {i for i, u in enumerate(ta.units) if _bare_heading(u, linked_a)}
    bare_b = {j for j, u in enumerate(tb.units) if _bare_heading(u, linked_b)}
    chosen = {(i, j): k for (i, j), k in chosen.items() if i not in bare_a and j not in bare_b}
    # A container whose parts have counterparts has one too, even when the mixture of its
    # parts scores low as a whole (an inferred parent over seven paths, say): it is linked
    # to its best partner, as partial.
    linked_a = {i for i, _ in chosen}
    linked_b = {j for _, j in chosen}
    for i, u in enumerate(ta.units):
        if i not in linked_a and _parts_linked(u, linked_a):
            chosen[(i, int(np.argmax(scores[i])))] = "partial"
    for j, u in enumerate(tb.units):
        if j not in linked_b and _parts_linked(u, linked_b):
            chosen.setdefault((int(np.argmax(scores[:, j])), j), "partial")
    links = [
        Link(
            a=ta.units[i].section.id,
            b=tb.units[j].section.id,
            score=round(max(_probability(scores[i, j], weights), _same_score(same[i, j])), 3),
            kind=kind,
        )
        for (i, j), kind in chosen.items()
    ]
    order = {u.section.id: i for i, u in enumerate(ta.units)}
    links.sort(key=lambda lk: (order[lk.a], lk.kind != "match", -lk.score))
    return links


def _bare_heading(unit: Unit, linked: set[int]) -> bool:
    """True for a unit with children, no text but its title, and no child linked."""
    own = unit.own_end - unit.first - int(unit.has_title)
    return bool(unit.children) and own == 0 and not any(c in linked for c in unit.children)


def _parts_linked(unit: Unit, linked: set[int]) -> bool:
    """True for a unit with two or more children, at least half of them linked."""
    n = len(unit.children)
    return n >= 2 and 2 * sum(1 for c in unit.children if c in linked) >= n


def _probability(z: float, weights: AlignWeights) -> float:
    """A 0–1 score: 0.5 at the threshold, about 0.9 two standard deviations above it."""
    return 1.0 / (1.0 + math.exp(-1.1 * (float(z) - weights.threshold)))


def _same_score(cosine: float) -> float:
    return float(cosine) if cosine >= SAME_TEXT else 0.0


# --- lexical evidence -----------------------------------------------------------------


def _own_documents(pt: PlanTexts) -> list[Counter[str]]:
    """Each unit's own texts as one document, for document frequencies."""
    docs = []
    for u in pt.units:
        counts: Counter[str] = Counter()
        for text in pt.texts[u.first : u.own_end]:
            counts.update(char_bigrams(text))
        if counts:
            docs.append(counts)
    return docs


def _unit_counts(pt: PlanTexts, index: int) -> Counter[str]:
    u = pt.units[index]
    counts: Counter[str] = Counter()
    for text in pt.texts[u.first : u.end]:
        counts.update(char_bigrams(text))
    return counts


# --- embedding evidence ---------------------------------------------------------------


def _centre(va: Vectors32, vb: Vectors32) -> tuple[Vectors32, Vectors32]:
    """Sentence vectors minus the mean over both plans, re-normalised."""
    # float32 throughout: cosines need no more, and large plans halve their memory and time.
    both = np.concatenate([va, vb]).astype(np.float32)
    if len(both):
        both -= both.mean(axis=0, dtype=np.float64).astype(np.float32)
    norms = np.linalg.norm(both, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    both /= norms
    return both[: len(va)], both[len(va) :]


def _unit_means(pt: PlanTexts, vectors: Vectors32) -> Matrix:
    """Each unit's mean text vector (its subtree is a contiguous run of texts), normalised."""
    out = _range_means(pt, vectors)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: Matrix = out / norms
    return result


def _range_means(pt: PlanTexts, rows: npt.NDArray[Any]) -> Matrix:
    """For each unit, the mean of ``rows`` over its subtree's texts (zeros when it has none)."""
    sums = np.zeros((rows.shape[0] + 1, rows.shape[1]))
    np.cumsum(rows, axis=0, dtype=np.float64, out=sums[1:])
    first = np.array([u.first for u in pt.units], dtype=np.intp)
    end = np.array([u.end for u in pt.units], dtype=np.intp)
    counts = np.maximum(end - first, 1)[:, None]
    result: Matrix = (sums[end] - sums[first]) / counts
    return result


def _mean_cosine(ta: PlanTexts, tb: PlanTexts, va: Vectors32, vb: Vectors32) -> Matrix:
    result: Matrix = _unit_means(ta, va) @ _unit_means(tb, vb).T
    return result


def _soft_match(ta: PlanTexts, tb: PlanTexts, va: Vectors32, vb: Vectors32) -> Matrix:
    """For each unit pair, the mean over each unit's sentences of their best cosine in the
    other unit, averaged over both directions (a BERTScore-like soft match)."""
    sentence = (va @ vb.T).astype(np.float64)
    a_to_b = _subtree_mean(ta, _subtree_max(tb, sentence))
    b_to_a = _subtree_mean(tb, _subtree_max(ta, sentence.T))
    result: Matrix = 0.5 * (a_to_b + b_to_a.T)
    return result


def _subtree_max(pt: PlanTexts, sentence: Matrix) -> Matrix:
    """Columns: for each unit of ``pt``, the best cosine of each row sentence in its subtree."""
    out = np.full((sentence.shape[0], len(pt.units)), -np.inf)
    for j, u in enumerate(pt.units):
        if u.own_end > u.first:
            out[:, j] = sentence[:, u.first : u.own_end].max(axis=1)
    for j in reversed(range(len(pt.units))):
        for c in pt.units[j].children:
            np.maximum(out[:, j], out[:, c], out=out[:, j])
    out[np.isinf(out)] = 0.0
    return out


def _subtree_mean(pt: PlanTexts, per_sentence: Matrix) -> Matrix:
    """Rows: for each unit of ``pt``, the mean of ``per_sentence`` over its subtree's rows."""
    return _range_means(pt, per_sentence)


# --- structural evidence --------------------------------------------------------------


def _child_coverage(ta: PlanTexts, tb: PlanTexts, scores: Matrix) -> Matrix:
    """How well each unit's children find partners within the other unit's subtree, taken
    from the side that is worse covered: two containers correspond when their parts do.
    A leaf counts as its own only child."""
    best_in_b = _subtree_best(tb, scores)  # (A units, B units)
    best_in_a = _subtree_best(ta, scores.T)  # (B units, A units)
    covered_a = _children_mean(ta, best_in_b)
    covered_b = _children_mean(tb, best_in_a)
    result: Matrix = np.minimum(covered_a, covered_b.T)
    return result


def _subtree_best(pt: PlanTexts, scores: Matrix) -> Matrix:
    out = scores.copy()
    for j in reversed(range(len(pt.units))):
        for c in pt.units[j].children:
            np.maximum(out[:, j], out[:, c], out=out[:, j])
    return out


def _children_mean(pt: PlanTexts, values: Matrix) -> Matrix:
    out = np.empty_like(values)
    for i, u in enumerate(pt.units):
        out[i] = values[u.children].mean(axis=0) if u.children else values[i]
    return out


def _parent_support(ta: PlanTexts, tb: PlanTexts, scores: Matrix) -> Matrix:
    """The score of the parents' pair (when positive) for every pair of non-top units."""
    pa = np.array([-1 if u.parent is None else u.parent for u in ta.units])
    pb = np.array([-1 if u.parent is None else u.parent for u in tb.units])
    support = np.maximum(scores[np.ix_(np.maximum(pa, 0), np.maximum(pb, 0))], 0.0)
    support[pa < 0, :] = 0.0
    support[:, pb < 0] = 0.0
    return support


def alignment_dict(alignment: Alignment) -> dict[str, Any]:
    """``align --json``: ``{"a", "b", "embedder", "links": [{a, b, a_title, b_title, score,
    kind}], "only_a": [id], "only_b": [id]}``."""
    titles_a = {s.id: s.title or s.label for s in alignment.a.walk()}
    titles_b = {s.id: s.title or s.label for s in alignment.b.walk()}
    return {
        "a": alignment.a.id,
        "b": alignment.b.id,
        "embedder": alignment.embedder,
        "links": [
            {
                "a": link.a,
                "b": link.b,
                "a_title": titles_a.get(link.a, ""),
                "b_title": titles_b.get(link.b, ""),
                "score": link.score,
                "kind": link.kind,
            }
            for link in alignment.links
        ],
        "only_a": list(alignment.only_a),
        "only_b": list(alignment.only_b),
    }
