"""`plancompare import` embeds the new plan's texts into the embedding cache, so that its first
review starts warm; --no-embed skips it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from plancompare.align.diff import embedding_texts
from plancompare.config import Settings
from plancompare.embed.cache import CachedEmbedder
from plancompare.plan.corpus import Corpus
from plancompare.session import open_session

PLAN = """# 某县纺织产业发展规划

## 一、发展目标

到2027年，规上企业达到100家。带动就业人数超5万人。

## 二、重点任务

培育龙头企业，支持企业上市。加强人才培训。
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.md"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_import_embeds_the_plan_once_and_its_review_starts_warm(
    cli: Callable[..., Result],
    tiny: Path,
    corpus_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path / "cache.db"
    monkeypatch.setenv("PLANCOMPARE_CACHE", str(cache))
    shown = cli("--lang", "en", "--model", "e5", "import", str(tiny), "--id", "tiny")
    assert shown.exit_code == 0, shown.output
    plan = Corpus(corpus_dir).load("tiny")
    texts = embedding_texts(plan)
    assert f"embedded {len(texts)} texts with e5" in shown.output
    assert "Embedding" in shown.stderr  # the progress bar's label
    again = json.loads(cli("--model", "e5", "import", str(tiny), "--id", "tiny", "--json").output)
    assert again["embedded"] == 0  # all in the cache already
    settings = Settings(corpus_dir=corpus_dir, db_path=tmp_path / "r.db", model="e5")
    embedder = settings.embedder()
    assert isinstance(embedder, CachedEmbedder) and embedder.missing(texts) == 0
    session = open_session(plan, plan, settings, embedder)
    assert not session.needs_first_pass()


def test_no_embed_and_the_lexical_model_embed_nothing(
    cli: Callable[..., Result], tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache.db"
    monkeypatch.setenv("PLANCOMPARE_CACHE", str(cache))
    skipped = json.loads(cli("import", str(tiny), "--id", "tiny", "--no-embed", "--json").output)
    assert "embedded" not in skipped and not cache.exists()
    lexical = json.loads(
        cli("--model", "lexical", "import", str(tiny), "--id", "tiny2", "--json").output
    )
    assert "embedded" not in lexical  # it computes faster than a cache could be read
