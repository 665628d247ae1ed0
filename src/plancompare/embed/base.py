"""The Embedder ABC and the registry that builds one from a name such as ``e5``."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from plancompare.errors import PlanError

Vectors = npt.NDArray[np.float32]


class Embedder(ABC):
    """Turns texts into L2-normalised vectors; models load lazily on first use."""

    #: A stable id naming the model and its settings; cache entries are keyed by it.
    id: str

    @abstractmethod
    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        """Vectors for ``texts``, shape (len(texts), dim), rows L2-normalised."""


def get_embedder(name: str) -> Embedder:
    """The embedder for a ``--model`` name: ``e5`` (default), ``lexical``, ``st:NAME-OR-PATH``."""
    if name == "e5":
        from plancompare.embed.e5 import E5Embedder

        return E5Embedder()
    raise PlanError(None, f"unknown model '{name}'; choose e5, lexical or st:NAME-OR-PATH")
