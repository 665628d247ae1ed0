"""Building the workspace app for tests (the shipped plans, a scratch database, a fixed
embedder) and waiting for it: on the app's own state, never for a length of time."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed, WorkerState

from plancompare.config import Settings
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.model import Plan
from plancompare.tui import PlanCompareApp, make_app
from plancompare.tui.screens.compare_view import CompareView
from tests.conftest import CORPORA

#: Seconds a test waits for the app to reach a state before it fails. Generous: the whole
#: load (alignment, benchmark, matcher, diffs) takes seconds on a machine whose two cores are
#: busy with other work; a wait that is not met fails loudly, it does not hang.
TIMEOUT = 180.0


def scratch_settings(tmp_path: Path) -> Settings:
    """Settings on the shipped corpus with a scratch review database."""
    return Settings(
        corpus_dir=CORPORA, db_path=tmp_path / "comments" / "review.db", model="lexical"
    )


def build_app(
    luhe: Plan,
    dehong: Plan,
    tmp_path: Path,
    lang: str = "zh",
    compute: bool = True,
    more: Sequence[Plan] = (),
) -> PlanCompareApp:
    """The app on 陆河 ⇄ 德宏 (and ``more`` plans) with the lexical embedder (deterministic,
    no model)."""
    return make_app(
        luhe,
        dehong,
        scratch_settings(tmp_path),
        embedder=LexicalEmbedder(),
        lang=lang,
        compute=compute,
        more=more,
    )


async def finish_workers(app: App[Any]) -> None:
    """Wait for every worker the app has started to end; a failed one fails the test with its
    error (the app itself would only show it in a notification)."""
    for worker in list(app.workers):
        if worker.state is WorkerState.PENDING:
            continue
        try:
            await worker.wait()
        except WorkerCancelled:
            pass  # replaced by a newer one (an exclusive group), or stopped on purpose
        except WorkerFailed as failed:
            raise AssertionError(f"worker {worker.name!r} failed: {failed.error!r}") from failed


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], bool], what: str, timeout: float = TIMEOUT
) -> None:
    """Return once ``condition()`` holds. Between two looks: every running worker of the app
    ended, then every message they and the screen had queued handled. Fails, naming ``what``,
    if it has not come after ``timeout`` seconds (an AssertionError, not pytest.fail: in a
    snapshot's ``run_before`` Textual stops the app only on an Exception)."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    while not condition():
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"waited {timeout:.0f} s for {what}; it did not come")
        try:
            await asyncio.wait_for(finish_workers(app), left)
        except TimeoutError:
            continue  # the deadline has passed: the next look fails
        await pilot.pause()


async def loaded(pilot: Pilot[Any]) -> CompareView:
    """Wait until the load worker has published everything and the compare view (the screen
    the app opens on) shows the differences of its rows: the last step of a load, after the
    findings, the alignment, the benchmark and the sentence matcher."""
    screen = pilot.app.screen
    assert isinstance(screen, CompareView), "the app opens on the compare view"
    await wait_until(pilot, lambda: screen.diffs_ready, "the compare view's diffs")
    return screen


def notices(app: App[Any]) -> str:
    """The messages of the notifications the app shows now, one a line (Textual keeps them in
    a private list; it has no public one)."""
    return "\n".join(n.message for n in app._notifications)


async def wait_for_notice(pilot: Pilot[Any], words: str, timeout: float = TIMEOUT) -> str:
    """Return the notifications once one of them holds ``words``. A worker that fails on the
    way is waited for like the others, not taken as the test's failure (as in
    :func:`wait_until`): its error is what the notification shows."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    while words not in notices(app):
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(
                f"waited {timeout:.0f} s for a notice of {words!r}: {notices(app)}"
            )
        for worker in list(app.workers):
            if worker.state is not WorkerState.PENDING:
                with contextlib.suppress(WorkerCancelled, WorkerFailed, TimeoutError):
                    await asyncio.wait_for(worker.wait(), left)
        await pilot.pause()
    return notices(app)
