"""Any sentence-transformers model a user has on disk (the ``st`` extra), loaded offline."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from plancompare.embed.base import Embedder, Vectors
from plancompare.errors import PlanError
from plancompare.i18n import Words

#: How to get sentence-transformers (the catalogue's words).
INSTALL_HINT = Words("st_install_hint")


def st_installed() -> bool:
    """True when sentence-transformers can be imported (without importing it: that takes
    seconds)."""
    return importlib.util.find_spec("sentence_transformers") is not None


def local_model_dir(name: str) -> Path | None:
    """The folder ``name`` points to, when it is meant as a path rather than a hub name."""
    path = Path(name).expanduser()
    if name.startswith(("/", "./", "../", "~", ".\\")) or path.exists():
        return path
    return None


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model from a local folder or the local Hugging Face cache.

    Nothing is downloaded: the hub is switched to offline mode before the library loads, so
    a hub name that is not on disk fails at once with a :class:`PlanError`.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.path = local_model_dir(name)
        if self.path is not None:
            self.path = self.path.resolve()
            _check_model_dir(self.path, name)
        self.id = f"st:{self.path if self.path is not None else name}"
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        if not st_installed():
            raise PlanError(f"st:{self.name}", "err_st_not_installed", hint=INSTALL_HINT)
        # Set before the import: huggingface_hub reads these once, when it is first imported.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(
                str(self.path) if self.path is not None else self.name,
                device="cpu",
                local_files_only=True,
            )
        except (OSError, ValueError, RuntimeError) as e:
            where = f"st:{self.name}"
            if self.path is None:
                raise PlanError(where, "err_model_not_offline") from None
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise PlanError(where, "err_model_cannot_load", reason=first) from None
        return self._model

    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        model = self._load()
        if not texts:
            dim = int(model.get_sentence_embedding_dimension() or 0)
            return np.zeros((0, dim), dtype=np.float32)
        vectors = model.encode(
            list(texts),
            batch_size=32,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


def _check_model_dir(path: Path, name: str) -> None:
    """A clear error for a path that cannot be a model, before anything heavy loads."""
    where = f"st:{name}"
    if not path.exists():
        raise PlanError(where, "err_no_model_folder")
    if not path.is_dir():
        raise PlanError(where, "err_not_a_model_folder")
    if not ((path / "modules.json").is_file() or (path / "config.json").is_file()):
        raise PlanError(where, "err_not_a_st_model")
