"""Building the workspace app for tests: the shipped plans, a scratch database, a fixed embedder."""

from __future__ import annotations

from pathlib import Path

from plancompare.config import Settings
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.model import Plan
from plancompare.tui import PlanCompareApp, make_app
from tests.conftest import CORPORA


def scratch_settings(tmp_path: Path) -> Settings:
    """Settings on the shipped corpus with a scratch review database."""
    return Settings(
        corpus_dir=CORPORA, db_path=tmp_path / "comments" / "review.db", model="lexical"
    )


def build_app(
    luhe: Plan, dehong: Plan, tmp_path: Path, lang: str = "zh", compute: bool = True
) -> PlanCompareApp:
    """The app on 陆河 ⇄ 德宏 with the lexical embedder (deterministic, no model)."""
    return make_app(
        luhe,
        dehong,
        scratch_settings(tmp_path),
        embedder=LexicalEmbedder(),
        lang=lang,
        compute=compute,
    )
