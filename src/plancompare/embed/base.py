"""The Embedder ABC and the registry that builds one from a name such as ``e5``."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from plancompare.errors import PlanError

Vectors = npt.NDArray[np.float32]

#: The names ``--model`` accepts besides ``st:NAME-OR-PATH``.
BUILTIN_MODELS = ("e5", "lexical")


class Embedder(ABC):
    """Turns texts into L2-normalised vectors; models load lazily on first use."""

    #: A stable id naming the model and its settings; cache entries are keyed by it.
    id: str

    #: False for backends that compute faster than a cache could look them up.
    cacheable: ClassVar[bool] = True

    @abstractmethod
    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        """Vectors for ``texts``, shape (len(texts), dim), rows L2-normalised."""


def get_embedder(name: str, cache: Path | None = None) -> Embedder:
    """The embedder for a ``--model`` name: ``e5`` (default), ``lexical``, ``st:NAME-OR-PATH``.

    With ``cache`` (a SQLite file), vectors are stored and looked up there, keyed by the
    embedder's id and a hash of the text, so unchanged texts are never embedded twice.
    Building an embedder is cheap: no model is loaded until texts are embedded.
    """
    inner = _build(name.strip())
    if cache is None or not inner.cacheable:
        return inner
    from plancompare.embed.cache import CachedEmbedder

    return CachedEmbedder(inner, cache)


def _build(name: str) -> Embedder:
    if name == "e5":
        from plancompare.embed.e5 import E5Embedder

        return E5Embedder()
    if name == "lexical":
        from plancompare.embed.lexical import LexicalEmbedder

        return LexicalEmbedder()
    if name.startswith("st:") and name[3:].strip():
        from plancompare.embed.st import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(name[3:].strip())
    raise PlanError(None, "err_unknown_model", name=name)
