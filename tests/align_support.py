"""Shared by the alignment tests: the seed pair embedded once per test session with e5."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.align.sections import align_plans
from plancompare.embed import get_embedder
from plancompare.model import Plan

GOLD = Path(__file__).resolve().parent / "data" / "align" / "gold_luhe_dehong.txt"

_seeded: dict[str, Path] = {}


@pytest.fixture(scope="session")
def e5_cache(tmp_path_factory: pytest.TempPathFactory, luhe: Plan, dehong: Plan) -> Path:
    """A cache holding the e5 vectors of both seeds (computed once per session: ~10 s)."""
    if "e5" not in _seeded:
        path = tmp_path_factory.mktemp("e5-cache") / "embeddings.db"
        align_plans(luhe, dehong, get_embedder("e5", cache=path))
        _seeded["e5"] = path
    return _seeded["e5"]
