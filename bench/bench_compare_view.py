"""Print how soon the compare view is usable, and how it copes with a plan of 1000 items.

1. 陆河 ⇄ 德宏 headless (``App.run_test``), warm embedding cache (a scratch cache filled by a
   first run): time until the rows are on screen, and until the in-pair differences are
   (``n`` works from then on). Median of several runs. bench/bench_tui.py measures first
   paint and the aligned view for the whole app; this adds the compare view's own steps.
2. Synthetic plans of 1000 items per side (lexical embedder; alignment and sentence matcher
   computed beforehand, outside the timing): the UI-thread time to lay out every row, to lay
   them out again when the diffs arrive, the diff worker's time, and the UI-thread time of
   one key (select the next row, next difference) including drawing the visible lines.

Run: python bench/bench_compare_view.py [--runs N] [--model e5] [--items 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_align import synthetic_pair  # noqa: E402

from plancompare.align.rows import compare_rows  # noqa: E402
from plancompare.config import Settings  # noqa: E402
from plancompare.plan.corpus import Corpus  # noqa: E402
from plancompare.tui import make_app  # noqa: E402


async def _until(condition: Any, timeout: float = 120.0) -> None:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise TimeoutError
        await asyncio.sleep(0.005)


async def seed_run(settings: Settings) -> tuple[float, float]:
    corpus = Corpus(ROOT / "corpora")
    a, b = corpus.load("luhe"), corpus.load("dehong")
    start = time.perf_counter()
    app = make_app(a, b, settings, embedder=settings.embedder())
    async with app.run_test(size=(120, 40)):
        screen: Any = app.screen
        await _until(lambda: screen.rows.rows)
        rows = time.perf_counter() - start
        await _until(lambda: screen.diffs)
        diffs = time.perf_counter() - start
    return rows, diffs


def seed_pair(runs: int, model: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PLANCOMPARE_CACHE"] = str(Path(tmp) / "cache.db")
        settings = Settings(corpus_dir=ROOT / "corpora", db_path=Path(tmp) / "r.db", model=model)
        asyncio.run(seed_run(settings))  # fills the cache
        times = [asyncio.run(seed_run(settings)) for _ in range(runs)]
    print(f"陆河 ⇄ 德宏, {model}, warm cache (median of {runs}):")
    print(f"  rows on screen   {statistics.median(t[0] for t in times):6.2f} s")
    print(f"  differences in   {statistics.median(t[1] for t in times):6.2f} s")


async def big_run(items: int) -> None:
    from plancompare.align.diff import SentenceMatcher
    from plancompare.align.sections import align_plans
    from plancompare.embed.lexical import LexicalEmbedder

    a, b = synthetic_pair(items)
    embedder = LexicalEmbedder()
    alignment = align_plans(a, b, embedder)
    matcher = SentenceMatcher(a, b, embedder)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            corpus_dir=ROOT / "corpora", db_path=Path(tmp) / "r.db", model="lexical"
        )
        app = make_app(a, b, settings, embedder=embedder, compute=False)
        async with app.run_test(size=(120, 40)) as pilot:
            screen: Any = app.screen
            ws = app.workspace
            ws.alignment, ws.rows = alignment, compare_rows(alignment)
            start = time.perf_counter()
            screen.workspace_changed("alignment")
            layout = time.perf_counter() - start
            ws.matcher = matcher
            start = time.perf_counter()
            screen.workspace_changed("matcher")
            await _until(lambda: screen.diffs)
            worker = time.perf_counter() - start
            await pilot.pause()
            start = time.perf_counter()
            screen.rows.changed()
            relayout = time.perf_counter() - start
            keys = {"next row": lambda: screen.rows.action_move(1),
                    "next difference": lambda: screen.action_difference(1)}  # fmt: skip
            print(f"{items} items per side, {len(ws.rows)} rows, {len(screen.found)} differences:")
            print(f"  lay out every row        {layout:6.3f} s (UI thread)")
            print(f"  diffs (thread worker)    {worker:6.3f} s")
            print(f"  lay out again with diffs {relayout:6.3f} s (UI thread)")
            for name, key in keys.items():
                times = []
                for _ in range(20):
                    start = time.perf_counter()
                    key()
                    for y in range(screen.rows.size.height):
                        screen.rows.render_line(y)
                    times.append(time.perf_counter() - start)
                print(f"  {name:<24} {statistics.median(times) * 1000:6.1f} ms (UI thread)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", default="e5")
    parser.add_argument("--items", type=int, default=1000)
    args = parser.parse_args()
    seed_pair(args.runs, args.model)
    asyncio.run(big_run(args.items))


if __name__ == "__main__":
    main()
