"""Print how long `benchmark` takes for 5 and for 20 plans, warm (embedding cache filled).

Run: python bench/bench_benchmark.py [--runs N] [--model e5]

Five plans of the evaluation corpus, and twenty: the sixteen evaluation plans plus copies of
four of them under other ids (and other regions), so that a concept is found in many plans.
Each figure is the median of N runs (default 5) after one warm-up run that fills the
embedding cache; it covers extraction, cells, names, clustering and verdicts — what the
`benchmark` command does after loading the plans. The command itself, in a new process
(interpreter start, imports and plan loading included), is timed once more at the end.
Only times are printed: no benchmark output of any plan is shown.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.plans import load_plan, manifest

from plancompare.embed import Embedder, default_cache_path, get_embedder
from plancompare.model import Plan, PlanMeta
from plancompare.targets.benchmark import benchmark_plans

ROOT = Path(__file__).resolve().parents[1]


def copy_of(plan: Plan, n: int) -> Plan:
    """``plan`` under another id and region (its text unchanged)."""
    meta = PlanMeta(
        f"{plan.id}_copy{n}",
        title=plan.meta.title,
        region=f"copy{n}",
        level=plan.meta.level,
        period=plan.meta.period,
    )
    return Plan(meta, plan.sections)


def median_s(plans: list[Plan], embedder: Embedder | None, runs: int) -> float:
    benchmark_plans(plans, embedder)  # warm: the names' vectors go into the cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        benchmark_plans(plans, embedder)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", default="e5")
    args = parser.parse_args()
    embedder = get_embedder(args.model, default_cache_path())
    corpus = [load_plan(p.id) for p in manifest()]
    five = corpus[:5]
    twenty = corpus + [copy_of(p, i) for i, p in enumerate(corpus[:4])]
    print(f"benchmark, {args.model}, warm, median of {args.runs}")
    print(f"  5 plans:  {median_s(five, embedder, args.runs):.2f} s  (target < 1 s)")
    print(f"  20 plans: {median_s(twenty, embedder, args.runs):.2f} s  (target < 5 s)")
    files = [str(p.path) for p in manifest()[2:7]]
    command = [sys.executable, "-m", "plancompare", "--model", args.model, "benchmark", *files]
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    print(
        f"  `plancompare benchmark` of 5 plan files, new process: "
        f"{statistics.median(times):.2f} s (imports and reading the files included)"
    )


if __name__ == "__main__":
    main()
