"""Text embedders: one ABC, backends chosen by name (e5, lexical, st:NAME), cached in SQLite."""

from __future__ import annotations

from plancompare.embed.base import Embedder, get_embedder
from plancompare.embed.cache import CachedEmbedder, EmbeddingCacheWarning, default_cache_path

__all__ = [
    "CachedEmbedder",
    "Embedder",
    "EmbeddingCacheWarning",
    "default_cache_path",
    "get_embedder",
]
