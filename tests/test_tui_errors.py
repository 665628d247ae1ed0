"""A user's mistake in the workspace is one notification in the interface's language, never a
traceback: a comment whose span is not in the text, a model that cannot be loaded."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from plancompare.embed.base import Vectors
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.errors import PlanError
from plancompare.model import Plan
from plancompare.tui import make_app
from tests.tui_support import build_app, scratch_settings, wait_for_notice

#: What each language says of a span past the end of section 6.1's text.
BAD_SPAN = {
    "zh": "luhe：第 6.1 节：请同时给出起点和终点，且 0 <= 起点 < 终点 <= ",
    "en": "luhe: section 6.1: give both start and end with 0 <= start < end <= ",
}
#: What each language says of a model that cannot be loaded.
NO_MODEL = {"zh": "st:/no/model：没有这个模型文件夹", "en": "st:/no/model: no such model folder"}


class UnloadableModel(LexicalEmbedder):
    """A sentence-transformers model whose folder has gone since the workspace opened."""

    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        raise PlanError("st:/no/model", "err_no_model_folder")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_comment_that_cannot_be_anchored_is_one_notification(
    luhe: Plan, dehong: Plan, tmp_path: Path, lang: str
) -> None:
    app = build_app(luhe, dehong, tmp_path, lang=lang, compute=False)
    app.workspace.remember_reviewer("张三", "县发展改革局")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.write_comment("luhe", "6.1", "（一）建立高位推进机制", start=0, end=10**6)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press(*"建议明确牵头单位", "ctrl+s")
        shown = await wait_for_notice(pilot, BAD_SPAN[lang])
        assert "\n" not in shown and "Traceback" not in shown
        assert app.workspace.comments() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_failing_worker_says_its_error_in_the_interface_language(
    luhe: Plan, dehong: Plan, tmp_path: Path, lang: str
) -> None:
    settings = scratch_settings(tmp_path)
    app = make_app(luhe, dehong, settings, embedder=UnloadableModel(), lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_notice(pilot, NO_MODEL[lang])
        assert NO_MODEL[lang] in app.status_text
        assert "PlanError" not in app.status_text
