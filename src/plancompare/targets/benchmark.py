"""Targets of two plans side by side: comparable indicators paired, their differences noted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np

from plancompare.model import Benchmark, BenchmarkPair, Plan, Target
from plancompare.targets.extract import extract_targets
from plancompare.targets.indicators import (
    comparable_name,
    measure_of,
    plan_subject,
    same_value,
    short_number,
    show_value,
    value_ratio,
)
from plancompare.text.similarity import char_grams, tfidf_cosine

if TYPE_CHECKING:
    from plancompare.embed import Embedder

#: Indicator pairs below this similarity are never paired.
MIN_SIMILARITY = 0.3
#: A pair is kept when it is within this of the best partner of either of its indicators.
MARGIN = 0.1

# ------------------------------------------------------------------------------ similarity


def lexical_similarity(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Cosine of IDF-weighted characters and character bigrams, names of ``a`` × names of ``b``;
    the IDF comes from the names themselves, so 企业, in every name, weighs nothing."""
    names = sorted(set(a) | set(b))
    result: np.ndarray = tfidf_cosine(
        [char_grams(n) for n in a], [char_grams(n) for n in b], [char_grams(n) for n in names], 0.0
    )
    return result


def embedding_similarity(a: Sequence[str], b: Sequence[str], embedder: Embedder) -> np.ndarray:
    """Cosine of mean-centred embeddings: short names from one domain all look alike until the
    vector they share is taken out."""
    vectors = embedder.embed_batch([*a, *b]).astype(np.float64)
    vectors -= vectors.mean(axis=0)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors /= np.where(norms == 0, 1, norms)
    result: np.ndarray = np.asarray(vectors[: len(a)] @ vectors[len(a) :].T)
    return result


def name_similarity(
    a: Sequence[str],
    b: Sequence[str],
    embedder: Embedder | None = None,
    subjects: tuple[str, str] = ("", ""),
) -> np.ndarray:
    """Similarity of indicator names, 0–1: lexical, averaged with embeddings when given; each
    plan's own subject (its title's 服装产业) is set aside first."""
    ca = [comparable_name(n, subjects[0]) for n in a]
    cb = [comparable_name(n, subjects[1]) for n in b]
    sim = lexical_similarity(ca, cb)
    if embedder is not None and len(ca) and len(cb):
        sim = (sim + np.clip(embedding_similarity(ca, cb, embedder), 0, 1)) / 2
    result: np.ndarray = np.clip(sim, 0, 1)
    return result


# ------------------------------------------------------------------------------- pairing


def benchmark_plans(a: Plan, b: Plan, embedder: Embedder | None = None) -> Benchmark:
    """The targets of two plans side by side: comparable pairs, and those found in one plan only.

    Indicators pair when they measure the same kind of thing (:func:`measure_of`) and their names
    are alike (:func:`name_similarity`), keeping for each indicator its best partners.
    """
    ta, tb = extract_targets(a), extract_targets(b)
    return pair_targets(a, b, ta, tb, embedder)


def pair_targets(
    a: Plan, b: Plan, ta: list[Target], tb: list[Target], embedder: Embedder | None = None
) -> Benchmark:
    """:func:`benchmark_plans` on targets already extracted."""
    keys_a = list(dict.fromkeys((t.indicator, measure_of(t)) for t in ta))
    keys_b = list(dict.fromkeys((t.indicator, measure_of(t)) for t in tb))
    subjects = (
        plan_subject(a.meta.title, a.meta.region),
        plan_subject(b.meta.title, b.meta.region),
    )
    sim = name_similarity([k[0] for k in keys_a], [k[0] for k in keys_b], embedder, subjects)
    for i, (_, ma) in enumerate(keys_a):
        for j, (_, mb) in enumerate(keys_b):
            if ma != mb:
                sim[i, j] = 0.0
    kept: dict[tuple[int, int], float] = {}
    if sim.size:
        best_a = sim.max(axis=1)
        best_b = sim.max(axis=0)
        for i, j in zip(*np.nonzero(sim >= MIN_SIMILARITY), strict=True):
            s = float(sim[i, j])
            if s >= best_a[i] - MARGIN or s >= best_b[j] - MARGIN:
                kept[(int(i), int(j))] = s
    index_a = {k: i for i, k in enumerate(keys_a)}
    index_b = {k: j for j, k in enumerate(keys_b)}
    pairs: list[BenchmarkPair] = []
    paired_a: set[int] = set()
    paired_b: set[int] = set()
    for x, target_a in enumerate(ta):
        i = index_a[(target_a.indicator, measure_of(target_a))]
        for y, target_b in enumerate(tb):
            j = index_b[(target_b.indicator, measure_of(target_b))]
            if (i, j) in kept:
                pairs.append(
                    BenchmarkPair(
                        target_a,
                        target_b,
                        round(kept[(i, j)], 3),
                        compare(target_a, target_b),
                        compare(target_a, target_b, "zh"),
                    )
                )
                paired_a.add(x)
                paired_b.add(y)
    return Benchmark(
        a=a,
        b=b,
        pairs=pairs,
        only_a=[t for x, t in enumerate(ta) if x not in paired_a],
        only_b=[t for y, t in enumerate(tb) if y not in paired_b],
        embedder=embedder.id if embedder is not None else "lexical",
    )


# ----------------------------------------------------------------------------------- notes


def yearly_increase(t: Target) -> Decimal | None:
    """The yearly increase a target implies, in its own unit: an annual target's own value, or
    (target − baseline) / years since the baseline year."""
    if t.value is None or t.rate:
        return None
    if t.period == "annual":
        return t.value
    if t.baseline is None or t.baseline_year is None or t.year is None:
        return None
    years = t.year - t.baseline_year
    if years <= 0:
        return None
    return (t.value - t.baseline) / years


#: Scope words compared in notes, in one spelling (规模以上 is 规上).
_SCOPE_SAME = {"规模以上": "规上", "限额以上": "限上"}
_ECONOMIC_SCOPE = re.compile(r"全产业链|产业链|规上|限上|\d*亿元以上")


def _economic_scope(t: Target) -> list[str]:
    words = [_SCOPE_SAME.get(w, w) for w in t.scope]
    return [w for w in dict.fromkeys(words) if _ECONOMIC_SCOPE.fullmatch(w)]


_COMPARATOR_ZH = {">=": "不低于", "<=": "不高于", "=": "等于", "~": "约为", "range": "区间"}
_PERIOD_ZH = {"annual": "每年", "cumulative": "累计", None: "总量"}


def compare(a: Target, b: Target, lang: str = "en") -> str:
    """What differs between two comparable targets, for a reviewer: value, year, comparator,
    period, scope words, and the yearly increase they imply — in English or Chinese."""
    zh = lang == "zh"
    notes: list[str] = []
    va, vb = show_value(a), show_value(b)
    ratio = value_ratio(a, b)
    if same_value(a, b):
        same = show_value(a, comparator=False)
        notes.append(f"目标值相同（{same}）" if zh else f"same value {same}")
    elif ratio is not None:
        r = short_number(ratio)
        notes.append(
            f"目标值 {va} 与 {vb}（后者为前者 {r} 倍）" if zh else f"value {va} vs {vb} (B ×{r})"
        )
    else:
        notes.append(f"目标值 {va} 与 {vb}" if zh else f"value {va} vs {vb}")
    if a.year != b.year:
        ya_, yb_ = a.year or "—", b.year or "—"
        notes.append(f"年份 {ya_} 与 {yb_}" if zh else f"year {ya_} vs {yb_}")
    if a.comparator != b.comparator and "range" not in (a.comparator, b.comparator):
        notes.append(
            f"表述 {_COMPARATOR_ZH.get(a.comparator or '', '—')} 与 "
            f"{_COMPARATOR_ZH.get(b.comparator or '', '—')}"
            if zh
            else f"comparator {a.comparator} vs {b.comparator}"
        )
    if a.period != b.period:
        notes.append(
            f"口径 {_PERIOD_ZH.get(a.period, a.period)} 与 {_PERIOD_ZH.get(b.period, b.period)}"
            if zh
            else f"{a.period or 'level'} vs {b.period or 'level'}"
        )
    sa, sb = _economic_scope(a), _economic_scope(b)
    if sa != sb:
        left, right = "/".join(sa) or "—", "/".join(sb) or "—"
        notes.append(f"范围 {left} 与 {right}" if zh else f"scope {left} vs {right}")
    ya, yb = yearly_increase(a), yearly_increase(b)
    if ya is not None or yb is not None:
        per = "年" if zh else "yr"
        left = f"+{short_number(ya)}{a.unit}/{per}" if ya is not None else "—"
        right = f"+{short_number(yb)}{b.unit}/{per}" if yb is not None else "—"
        notes.append(f"年均增量 {left} 与 {right}" if zh else f"yearly {left} vs {right}")
    return "；".join(notes) if zh else "; ".join(notes)
