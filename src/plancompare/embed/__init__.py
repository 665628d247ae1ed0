"""Text embedders: one ABC, backends chosen by name (e5, lexical, st:NAME), cached in SQLite."""

from __future__ import annotations

from plancompare.embed.base import Embedder, get_embedder

__all__ = ["Embedder", "get_embedder"]
