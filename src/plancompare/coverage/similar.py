"""Similar passages across a corpus: the headings, sentences and table rows of every plan most
like a text or a section, by the cosine of their embeddings (brute force over cached vectors).

Every text of every plan is embedded once through the embedder's cache, so a corpus seen before
costs only the cache's look-ups. Vectors are centred on the corpus mean before the cosine, so
that what every sentence of a plan shares (推动, 加快, 发展) does not count.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from plancompare.align.sections import embed_texts, plan_texts
from plancompare.coverage.verdicts import unit_paths
from plancompare.embed.base import Embedder
from plancompare.errors import PlanError
from plancompare.model import Plan

Progress = Callable[[str, float], None]
Vectors = npt.NDArray[np.float32]


@dataclass(slots=True)
class SimilarHit:
    """A section of a plan with the text in it most like the query."""

    plan: str
    """The plan's id."""
    plan_title: str
    """The plan's title."""
    section: str
    """Section id in that plan."""
    path: list[str]
    """Labels from the top of the plan down to the section."""
    text: str
    """The heading, sentence or table row of the section most like the query."""
    score: float
    """Cosine of the centred embeddings, -1–1 (higher is more alike)."""


@dataclass(slots=True)
class SimilarIndex:
    """The texts of a corpus and their centred, normalised vectors, for repeated queries."""

    plans: list[Plan]
    """The plans, in the order given."""
    texts: list[str]
    """Every heading, sentence and table row of every plan."""
    owners: list[tuple[int, str]]
    """For each text: the index of its plan and the id of the section whose own text it is."""
    vectors: Vectors
    """One centred, L2-normalised row per text."""
    mean: Vectors
    """The corpus mean the vectors were centred on."""
    embedder: Embedder
    """The embedder the vectors come from."""
    sections: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)
    """For each (plan index, section id): the range of its subtree's texts."""
    bare: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))
    """For each text: True for the heading of a section that has only items under it
    (三、重点任务): a heading over items is not a passage, and is never a hit."""
    paths: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    """Heading paths of the plans that had hits, by plan index (filled as needed)."""

    @classmethod
    def build(
        cls,
        plans: Sequence[Plan],
        embedder: Embedder,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> SimilarIndex:
        """Embed (through the cache) every text of ``plans``; progress and cancellation as in
        :func:`~plancompare.align.sections.embed_texts`."""
        texts: list[str] = []
        owners: list[tuple[int, str]] = []
        bare: list[bool] = []
        sections: dict[tuple[int, str], tuple[int, int]] = {}
        for k, plan in enumerate(plans):
            pt = plan_texts(plan)
            base = len(texts)
            texts.extend(pt.texts)
            for unit in pt.units:
                own = range(unit.first, unit.own_end)
                owners.extend((k, unit.section.id) for _ in own)
                heading_only = bool(unit.children) and len(own) == int(unit.has_title)
                bare.extend(heading_only for _ in own)
                sections[(k, unit.section.id)] = (base + unit.first, base + unit.end)
        if not texts:
            empty = np.zeros((0, 1), np.float32)
            return cls(list(plans), [], [], empty, np.zeros(1, np.float32), embedder)
        raw = embed_texts(embedder, texts, progress=progress, cancel=cancel)
        mean = raw.mean(axis=0, dtype=np.float64).astype(np.float32)
        vectors = _normalise(raw - mean)
        return cls(list(plans), texts, owners, vectors, mean, embedder, sections, np.array(bare))

    def search(self, text: str, *, top: int = 10, skip: str | None = None) -> list[SimilarHit]:
        """The ``top`` sections of the corpus most like ``text``, best first, one hit per
        section (its text most like the query); none of plan ``skip`` (the plan a sentence
        was taken from) when given. The query is embedded (through the cache)."""
        if not text.strip() or not self.texts:
            return []
        query = np.asarray(self.embedder.embed_batch([text]), dtype=np.float32)
        left_out = next((k for k, p in enumerate(self.plans) if p.id == skip), None)
        return self._ranked(_normalise(query - self.mean)[0], top, left_out)

    def search_section(self, plan_id: str, section_id: str, *, top: int = 10) -> list[SimilarHit]:
        """The ``top`` sections of every other plan most like a section of a plan of the index
        (the mean of its heading's, sentences' and items' vectors), best first."""
        k = self._plan_index(plan_id)
        span = self.sections.get((k, section_id))
        if span is None:
            raise PlanError(plan_id, "err_no_such_section", section=section_id, plan=plan_id)
        if span[0] == span[1]:
            return []
        vector = _normalise(self.vectors[span[0] : span[1]].mean(axis=0)[None, :])[0]
        return self._ranked(vector, top, k)

    def _ranked(self, vector: Vectors, top: int, skip: int | None) -> list[SimilarHit]:
        if top <= 0:
            return []
        scores = self.vectors @ vector
        scores[self.bare] = -np.inf
        hits: list[SimilarHit] = []
        seen: set[tuple[int, str]] = set()
        for i in np.argsort(-scores, kind="stable"):
            owner = self.owners[int(i)]
            if not np.isfinite(scores[i]):
                break
            if owner[0] == skip or owner in seen:
                continue
            seen.add(owner)
            hits.append(self._hit(owner, self.texts[int(i)], float(scores[i])))
            if len(hits) >= top:
                break
        return hits

    def _hit(self, owner: tuple[int, str], text: str, score: float) -> SimilarHit:
        plan = self.plans[owner[0]]
        if owner[0] not in self.paths:
            self.paths[owner[0]] = unit_paths(plan)
        path = self.paths[owner[0]].get(owner[1], [])
        return SimilarHit(plan.id, plan.meta.title, owner[1], path, text, round(score, 3))

    def _plan_index(self, plan_id: str) -> int:
        for k, plan in enumerate(self.plans):
            if plan.id == plan_id:
                return k
        raise PlanError(None, "err_no_such_plan", plan=plan_id, plans=[p.id for p in self.plans])


def _normalise(rows: npt.NDArray[Any]) -> Vectors:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Vectors = (rows / norms).astype(np.float32)
    return out


def similar(
    query: str,
    plans: Sequence[Plan],
    embedder: Embedder,
    *,
    top: int = 10,
    section: tuple[str, str] | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[SimilarHit]:
    """The passages of ``plans`` most like ``query`` (a text), or — with ``section`` = (plan id,
    section id) — like that section, in every other plan. Best first, one hit per section."""
    index = SimilarIndex.build(plans, embedder, progress=progress, cancel=cancel)
    if section is not None:
        return index.search_section(*section, top=top)
    return index.search(query, top=top)


def similar_dict(query: str, hits: Sequence[SimilarHit]) -> dict[str, Any]:
    """``similar --json``: ``{"query", "hits": [{plan, plan_title, section, path, text,
    score}]}``."""
    return {
        "query": query,
        "hits": [
            {
                "plan": h.plan,
                "plan_title": h.plan_title,
                "section": h.section,
                "path": list(h.path),
                "text": h.text,
                "score": h.score,
            }
            for h in hits
        ],
    }
