"""The one lexical similarity of Chinese texts: TF-IDF cosine of character n-grams.

Alignment (units of two plans), sentence pairing (diffs) and indicator names (benchmarks) all
use it, each with its own features (bigrams of a unit's text, bigrams with numbers normalised,
unigrams and bigrams of a short name) and its own documents for the IDF.

Written here rather than taken from a library because the IDF must come from the texts being
compared (推动, 加快, 企业 in every text of a pair of plans weigh little), which no string-
matching library does, and it needs no model.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from plancompare.text.numbers import find_numbers

Matrix = npt.NDArray[np.float64]
Features = Counter[str]


def char_bigrams(text: str) -> Features:
    """Character bigrams of a text without its spaces (across punctuation too: the opening of a
    quoted name, “好, tells units apart)."""
    chars = [ch for ch in text if not ch.isspace()]
    return Counter(a + b for a, b in itertools.pairwise(chars))


def shape_bigrams(text: str) -> Features:
    """Character bigrams of the letters and digits of a text, each number one token by value
    (十万 = 10万 = 100000): what two versions of a sentence share."""
    chars: list[str] = []
    pos = 0
    for span in find_numbers(text):
        chars.extend(ch for ch in text[pos : span.start] if ch.isalnum())
        chars.append("#" + span.canonical)
        pos = span.end
    chars.extend(ch for ch in text[pos:] if ch.isalnum())
    return Counter(a + b for a, b in itertools.pairwise(chars))


def char_grams(text: str) -> Features:
    """Characters and character bigrams of a short text (an indicator name)."""
    return Counter([*text, *(text[i : i + 2] for i in range(len(text) - 1))])


def tfidf_cosine(
    rows: Sequence[Features],
    cols: Sequence[Features],
    documents: Sequence[Features] | None = None,
    idf_floor: float = 1.0,
) -> Matrix:
    """Cosine of every row/col pair under sublinear TF and smoothed IDF over ``documents``
    (rows and cols when not given): ``w = (1 + log tf) · (log((1+n)/(1+df)) + idf_floor)``.

    ``idf_floor`` 0 lets a feature found in every document weigh nothing (a word every
    indicator name shares); 1 keeps some weight for it (long texts). Only features present on
    both sides can meet in a dot product, so the dense matrices hold just those; the norms are
    taken over all features.
    """
    docs = list(documents) if documents is not None else [*rows, *cols]
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    n = len(docs)
    shared = sorted({g for c in rows for g in c} & {g for c in cols for g in c})
    column = {g: k for k, g in enumerate(shared)}

    def weigh(counts: Sequence[Features]) -> Matrix:
        out = np.zeros((len(counts), len(shared)))
        for r, c in enumerate(counts):
            norm = 0.0
            for g, tf in c.items():
                w = (1.0 + math.log(tf)) * (math.log((1 + n) / (1 + df[g])) + idf_floor)
                norm += w * w
                k = column.get(g)
                if k is not None:
                    out[r, k] = w
            if norm:
                out[r] /= math.sqrt(norm)
        return out

    result: Matrix = weigh(rows) @ weigh(cols).T
    return result


def tfidf_containment(
    queries: Sequence[Features],
    texts: Sequence[Features],
    documents: Sequence[Features] | None = None,
) -> Matrix:
    """For every query/text pair, the share of the query's IDF weight that the text holds: how
    much of a short text (a heading such as 研发设计类软件) is found inside a longer one, whatever
    else the longer one says. ``w = log((1+n)/(1+df))`` over ``documents`` (queries and texts
    when not given), so a feature every document has weighs nothing; a query of such features
    only is contained nowhere."""
    docs = list(documents) if documents is not None else [*queries, *texts]
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    n = len(docs)
    features = sorted({g for q in queries for g in q})
    column = {g: k for k, g in enumerate(features)}
    weights = np.zeros((len(queries), len(features)))
    for r, q in enumerate(queries):
        for g in q:
            weights[r, column[g]] = math.log((1 + n) / (1 + df[g]))
    present = np.zeros((len(texts), len(features)))
    for r, t in enumerate(texts):
        for g in t:
            k = column.get(g)
            if k is not None:
                present[r, k] = 1.0
    totals = weights.sum(axis=1, keepdims=True)
    totals[totals == 0] = np.inf
    result: Matrix = (weights @ present.T) / totals
    return result


def dice(x: Features, y: Features) -> float:
    """Dice coefficient of two feature bags (shared / total)."""
    total = sum(x.values()) + sum(y.values())
    return 2.0 * sum((x & y).values()) / total if total else 0.0


def standardise(values: Matrix) -> Matrix:
    """Values as z-scores over the whole matrix (all zero when they do not vary)."""
    std = float(values.std()) if values.size > 1 else 0.0
    if std < 1e-12:
        return np.zeros_like(values)
    result: Matrix = (values - values.mean()) / std
    return result


__all__: list[Any] = [
    "char_bigrams",
    "char_grams",
    "dice",
    "shape_bigrams",
    "standardise",
    "tfidf_containment",
    "tfidf_cosine",
]
