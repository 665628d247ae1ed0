"""Embedders and the embedding cache: lexical vectors, model names, the SQLite cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from plancompare.align.sections import align_plans, embed_texts
from plancompare.embed import get_embedder
from plancompare.embed.cache import CachedEmbedder, EmbeddingCacheWarning, default_cache_path
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.errors import PlanError
from plancompare.model import Plan
from tests.align_support import e5_cache  # noqa: F401  (session fixture)

TEXTS = [
    "建设智能示范工厂，推进纺织服装生产装备智能化升级。",
    "到2027年全州建成纺织服装智能工厂5家以上。",
    "成立由县政府主要领导任组长的工作领导小组。",
]


def test_unknown_model_is_one_clear_error() -> None:
    with pytest.raises(PlanError, match="unknown model 'bert'"):
        get_embedder("bert")
    with pytest.raises(PlanError, match="unknown model"):
        get_embedder("st:")


def test_lexical_vectors_are_unit_length_deterministic_and_topical() -> None:
    first = LexicalEmbedder().embed_batch(TEXTS)
    again = LexicalEmbedder().embed_batch(TEXTS)
    assert first.shape[0] == 3 and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, again)
    sims = first @ first.T
    # The two sentences about smart factories are closer than either is to the leading group.
    assert sims[0, 1] > sims[0, 2] and sims[0, 1] > sims[1, 2]


def test_lexical_is_not_cached_but_e5_is(tmp_path: Path) -> None:
    cache = tmp_path / "c.db"
    assert isinstance(get_embedder("lexical", cache=cache), LexicalEmbedder)
    cached = get_embedder("e5", cache=cache)
    assert isinstance(cached, CachedEmbedder) and cached.id.startswith("e5:")
    assert not cache.exists()  # nothing opened, nothing loaded until texts are embedded


def test_cache_returns_the_same_vectors_without_computing_again(tmp_path: Path) -> None:
    cache = tmp_path / "sub" / "c.db"
    first = CachedEmbedder(LexicalEmbedder(), cache)
    v1 = first.embed_batch([*TEXTS, TEXTS[0]])
    assert first.computed == 3  # the repeated text is embedded once
    second = CachedEmbedder(LexicalEmbedder(), cache)
    v2 = second.embed_batch(list(reversed(TEXTS)))
    assert second.computed == 0
    assert np.array_equal(v2, v1[[2, 1, 0]])
    rows = sqlite3.connect(cache).execute("SELECT COUNT(*), MIN(embedder) FROM embeddings")
    assert rows.fetchone() == (3, LexicalEmbedder.id)


def test_corrupt_cache_is_moved_aside_and_rebuilt_with_a_warning(tmp_path: Path) -> None:
    cache = tmp_path / "c.db"
    cache.write_bytes(b"this is not a database\n" * 200)
    embedder = CachedEmbedder(LexicalEmbedder(), cache)
    with pytest.warns(EmbeddingCacheWarning, match="moved it to c.db.corrupt-"):
        vectors = embedder.embed_batch(TEXTS)
    assert vectors.shape[0] == 3
    assert len(list(tmp_path.glob("c.db.corrupt-*"))) == 1
    again = CachedEmbedder(LexicalEmbedder(), cache)
    again.embed_batch(TEXTS)
    assert again.computed == 0  # the new cache works


def test_cache_damaged_inside_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "c.db"
    CachedEmbedder(LexicalEmbedder(), cache).embed_batch(TEXTS)
    data = bytearray(cache.read_bytes())
    assert len(data) > 8192
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first is garbage
    cache.write_bytes(bytes(data))
    embedder = CachedEmbedder(LexicalEmbedder(), cache)
    with pytest.warns(EmbeddingCacheWarning):
        vectors = embedder.embed_batch(TEXTS)
    assert np.allclose(vectors, LexicalEmbedder().embed_batch(TEXTS))


def test_unusable_cache_location_still_embeds(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    embedder = CachedEmbedder(LexicalEmbedder(), blocker / "c.db")
    with pytest.warns(EmbeddingCacheWarning, match="not used"):
        vectors = embedder.embed_batch(TEXTS)
    assert vectors.shape[0] == 3


def test_default_cache_path_follows_env_then_config_then_xdg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PLANCOMPARE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_path() == tmp_path / "xdg" / "plancompare" / "embeddings.db"
    assert default_cache_path(tmp_path / "conf.db") == tmp_path / "conf.db"
    monkeypatch.setenv("PLANCOMPARE_CACHE", str(tmp_path / "env.db"))
    assert default_cache_path(tmp_path / "conf.db") == tmp_path / "env.db"


def test_embed_texts_embeds_each_distinct_text_once(tmp_path: Path) -> None:
    embedder = CachedEmbedder(LexicalEmbedder(), tmp_path / "c.db")
    vectors = embed_texts(embedder, [TEXTS[0], TEXTS[1], TEXTS[0]])
    assert embedder.computed == 2
    assert np.array_equal(vectors[0], vectors[2])


def test_warm_e5_run_computes_no_embedding_and_loads_no_model(
    e5_cache: Path,  # noqa: F811
    luhe: Plan,
    dehong: Plan,
) -> None:
    embedder = get_embedder("e5", cache=e5_cache)
    assert isinstance(embedder, CachedEmbedder)
    alignment = align_plans(luhe, dehong, embedder)
    assert embedder.computed == 0
    assert embedder.inner._model is None  # type: ignore[attr-defined]
    assert alignment.links


def test_cache_keys_are_per_embedder(e5_cache: Path) -> None:  # noqa: F811
    lexical = CachedEmbedder(LexicalEmbedder(), e5_cache)
    lexical.embed_batch(["指导思想"])  # e5 has this text; the lexical embedder does not
    assert lexical.computed == 1
