"""Print how soon the review workspace paints and how soon the compare view is aligned.

Each run is a new process (imports, plans, model and all, as ``plancompare review`` starts),
the app headless (``App.run_test``, 120×40) on 陆河 ⇄ 德宏 with the default embedder (e5):

- first paint: the app mounted and its first screen composed (``run_test`` hands over);
- aligned view: the first compare rows on screen (on a cold cache, from the fast first
  alignment, before any embedding);
- refined view: the embedder's alignment and sentence matcher in (the same as the aligned
  view on a warm cache);
- everything: findings, alignment, benchmark and the sentence matcher all in;

each from the process start and from the app's start (``make_app``), cold (a new, empty
embedding cache: ``PLANCOMPARE_CACHE`` in a scratch folder) and warm (that cache filled).
Medians of several runs. ``--tmux`` also times the real thing in a terminal: from launching
``plancompare review`` in tmux to the status line saying the plans are aligned.

Run: python bench/bench_tui.py [--runs N] [--cold-runs N] [--model e5] [--tmux]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from app_runs import run_in_new_process, until  # noqa: E402


def rows_on_screen(screen: Any) -> bool:
    """Whether the compare view shows its rows (a row list widget, or row widgets)."""
    rows = getattr(screen, "rows", None)
    if rows is not None and hasattr(rows, "rows"):
        return bool(rows.rows)
    return bool(screen.query(".row"))


async def one_run(model: str) -> dict[str, float]:
    """In a fresh process: open the workspace as the CLI does and note when things show."""
    from plancompare.config import resolve_settings
    from plancompare.tui import make_app

    settings = resolve_settings(model=model, db_path=Path(tempfile.mkdtemp()) / "review.db")
    a = settings.corpus.resolve("luhe")
    b = settings.corpus.resolve("dehong")
    started = time.time()
    embedder = None if settings.model == "lexical" else settings.embedder()
    app = make_app(a, b, settings, embedder=embedder)
    async with app.run_test(size=(120, 40)):
        painted = time.time()
        ws = app.workspace
        aligned = await until(
            lambda: ws.alignment is not None and rows_on_screen(app.screen), clock=time.time
        )
        refined = await until(
            lambda: ws.matcher is not None and not ws.provisional, clock=time.time
        )
        everything = await until(
            lambda: ws.matcher is not None and ws.benchmark is not None, clock=time.time
        )
    return {
        "app": started,
        "paint": painted,
        "aligned": aligned,
        "refined": refined,
        "all": everything,
    }


def spawn(model: str, cache: Path) -> dict[str, float]:
    """One run in a new process; times in seconds from the process start and the app start."""
    spawned = time.time()
    stamps = run_in_new_process(__file__, ["--one", model], cache)
    steps = ("paint", "aligned", "refined", "all")
    out = {f"{k} (process)": stamps[k] - spawned for k in steps}
    out |= {f"{k} (app)": stamps[k] - stamps["app"] for k in steps}
    return out


def report(title: str, runs: list[dict[str, float]]) -> None:
    print(f"{title} (median of {len(runs)}):")
    for key in runs[0]:
        values = [r[key] for r in runs]
        print(
            f"  {key:22} {statistics.median(values):6.2f} s"
            f"   min {min(values):.2f}  max {max(values):.2f}"
        )


def tmux_run(model: str, cache: Path, db: Path) -> float:
    """Seconds from launching ``plancompare review`` in a 120×40 tmux to the aligned status."""
    session = f"bench-tui-{os.getpid()}"
    env = f"PLANCOMPARE_CACHE={cache} PLANCOMPARE_DB={db} PLANCOMPARE_MODEL={model}"
    command = f"cd {ROOT} && {env} PYTHONPATH=src {sys.executable} -m plancompare review"
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
        check=True,
    )
    try:
        while True:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if "已完成对照" in screen:
                return time.perf_counter() - start
            if time.perf_counter() - start > 300:
                raise TimeoutError(screen)
            time.sleep(0.02)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold runs")
    parser.add_argument("--model", default="e5")
    parser.add_argument("--tmux", action="store_true", help="also time the real thing in tmux")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(asyncio.run(one_run(args.one))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = [spawn(args.model, folder / f"cold{i}.db") for i in range(args.cold_runs)]
        warm = [spawn(args.model, folder / "cold0.db") for _ in range(args.runs)]
        report(f"workspace on 陆河 ⇄ 德宏, {args.model}, cold (empty embedding cache)", cold)
        report(f"workspace on 陆河 ⇄ 德宏, {args.model}, warm (cache filled)", warm)
        if args.tmux and shutil.which("tmux"):
            times = [
                tmux_run(args.model, folder / "cold0.db", folder / f"t{i}.db")
                for i in range(args.runs)
            ]
            print(
                f"plancompare review in tmux 120×40, warm, launch → aligned status: median "
                f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})"
            )


if __name__ == "__main__":
    main()
