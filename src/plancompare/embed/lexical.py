"""The model-free embedder: hashed character bigrams and jieba words, sublinear TF."""

from __future__ import annotations

import itertools
import math
import zlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from plancompare.embed.base import Embedder, Vectors

DIM = 1 << 12


class LexicalEmbedder(Embedder):
    """Character bigrams and jieba words, hashed into a fixed-size vector.

    A vector depends on its text only (no corpus statistics), so it can be compared with
    any other; the aligner centres sentence vectors on the mean of both plans, which takes
    the weight off the phrases every plan repeats (推动, 加快, 产业, 发展).
    """

    id = f"lexical:char2+jieba:{DIM}"
    # Hashing a sentence takes microseconds: a cache lookup would cost more than it saves.
    cacheable = False

    def __init__(self) -> None:
        self._cut: Any = None

    def _tokens(self, text: str) -> Counter[str]:
        if self._cut is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            self._cut = jieba.lcut
        chars = [c for c in text if not c.isspace()]
        features: Counter[str] = Counter("c:" + a + b for a, b in itertools.pairwise(chars))
        features.update("w:" + w for w in self._cut(text) if len(w) > 1 and _is_wordlike(w))
        return features

    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature, count in self._tokens(text).items():
                h = zlib.crc32(feature.encode("utf-8"))
                # The top bit picks a sign, so that colliding features tend to cancel out.
                sign = 1.0 if h & 0x80000000 else -1.0
                out[row, h % DIM] += sign * (1.0 + math.log(count))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        result: Vectors = out / norms
        return result


def _is_wordlike(word: str) -> bool:
    return any(ch.isalnum() for ch in word)
