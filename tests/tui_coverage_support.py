"""A workspace on three plans for the 衔接 view's tests: a province's plan (the reference), a
city's and a county's (tests/data/coverage/), the lexical embedder, a scratch database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from plancompare.model import Plan
from plancompare.tui import PlanCompareApp
from plancompare.tui.screens.coverage import CoverageScreen
from tests.test_coverage import read
from tests.tui_support import build_app, finish_workers, wait_until


def coverage_plans() -> tuple[Plan, Plan, Plan]:
    """某省 (the reference), 某市, 某县."""
    return read("ref.md", "sheng"), read("plan.md", "shi"), read("county.md", "xian")


def coverage_app(tmp_path: Path, lang: str = "zh", compute: bool = True) -> PlanCompareApp:
    """``plancompare review sheng shi xian`` (lexical embedder)."""
    ref, shi, xian = coverage_plans()
    return build_app(ref, shi, tmp_path, lang=lang, compute=compute, more=[xian])


def judged(app: PlanCompareApp) -> bool:
    """Every plan judged, the benchmark rows in, and the 衔接 view showing them."""
    ws = app.workspace
    screen = app.screen
    return (
        ws.coverage_done
        and ws.benchmark is not None
        and isinstance(screen, CoverageScreen)
        and bool(screen.table.shown)
        and all(r.cells for r, _ in screen.table.shown)
    )


async def coverage_ready(pilot: Pilot[Any]) -> CoverageScreen:
    """Wait until the load worker has judged every plan; the 衔接 view it opens on."""
    app = pilot.app
    assert isinstance(app, PlanCompareApp)
    await wait_until(pilot, lambda: judged(app), "every plan judged")
    await finish_workers(app)  # the benchmark rows are put in last
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CoverageScreen)
    return screen
