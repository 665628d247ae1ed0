"""Print how soon the 衔接 view of a real N-plan session is usable and judged, cold and warm.

``plancompare review nat_smart_mfg sd_smart_mfg sd_trad_retrofit sd_smart_sensor`` by
default (the national plan against three Shandong plans of the evaluation corpus), each run a
new process, the app headless (``App.run_test``, 120×40) with the default embedder (e5), times
from the app's start (``make_app``):

- the reference plan's rows on screen (before any verdict);
- each plan's column judged (the load worker aligns the pair, matches its sentences, judges);
- every plan judged, with the benchmark rows of the targets;
- Enter on the last plan's column: the compare view on that pair at the unit's row (the pair
  was computed for coverage, so nothing is computed again).

Cold: a new, empty embedding cache (every sentence of the four plans embedded); warm: that
cache filled. Medians of several runs.

Run: python bench/bench_coverage_view.py [--runs N] [--cold-runs N] [--model e5]
         [--plans nat_smart_mfg,sd_smart_mfg,sd_trad_retrofit,sd_smart_sensor]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from app_runs import median_text, run_in_new_process, until  # noqa: E402

from plancompare.config import Settings  # noqa: E402
from plancompare.tui import make_app  # noqa: E402

PLANS = "nat_smart_mfg,sd_smart_mfg,sd_trad_retrofit,sd_smart_sensor"


async def one_run(ids: list[str], model: str) -> dict[str, Any]:
    """In this process: open the workspace on ``ids``; seconds from the app's start."""
    from evaluation.plans import load_plan

    plans = [load_plan(i) for i in ids]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(corpus_dir=ROOT / "corpora", db_path=Path(tmp) / "r.db", model=model)
        start = time.perf_counter()
        app = make_app(plans[0], plans[1], settings, embedder=settings.embedder(), more=plans[2:])
        async with app.run_test(size=(120, 40)) as pilot:
            ws = app.workspace
            screen: Any = app.screen
            rows = await until(lambda: bool(screen.table.shown))
            columns = []
            for plan in plans[1:]:
                columns.append(await until(lambda p=plan: ws.judged(p.id)) - start)
            judged = await until(lambda: ws.coverage_done and ws.benchmark is not None)
            last = plans[-1].id
            table = screen.table
            table.move_cursor(row=len(table.shown) // 2, column=len(plans) - 1, animate=False)
            await pilot.pause()
            section = table.selected()[0].section
            opened = time.perf_counter()
            await pilot.press("enter")
            there = await until(
                lambda: (
                    app.current_mode == "compare"
                    and app.jump_request is None
                    and app.screen.shows_pair_rows  # type: ignore[attr-defined]
                    and ws.b.id == last
                )
            )
            row = app.screen.selected_row  # type: ignore[attr-defined]
            assert row is not None and row.a is not None and row.a.id == section
    return {
        "rows": rows - start,
        "columns": columns,
        "judged": judged - start,
        "enter": there - opened,
    }


def spawn(ids: str, model: str, cache: Path) -> dict[str, Any]:
    """One run in a new process, with ``cache`` as the embedding cache."""
    result: dict[str, Any] = run_in_new_process(__file__, ["--one", ids, "--model", model], cache)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", default=PLANS)
    parser.add_argument("--model", default="e5")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(asyncio.run(one_run(args.one.split(","), args.model))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = [spawn(args.plans, args.model, folder / f"c{i}.db") for i in range(args.cold_runs)]
        warm = [spawn(args.plans, args.model, folder / "c0.db") for _ in range(args.runs)]

    ids = args.plans.split(",")
    print(f"review {' '.join(ids)}, {args.model}, from the app's start")
    print(f"(medians of {args.cold_runs} cold and {args.runs} warm runs):")
    for name, runs in (("cold", cold), ("warm", warm)):
        print(f"  {name}: rows on screen          {median_text([r['rows'] for r in runs])}")
        for k, plan in enumerate(ids[1:]):
            print(f"  {name}: {plan:<24} {median_text([r['columns'][k] for r in runs])}")
        print(f"  {name}: every plan judged       {median_text([r['judged'] for r in runs])}")
        print(f"  {name}: Enter → compare at row  {median_text([r['enter'] for r in runs])}")


if __name__ == "__main__":
    main()
