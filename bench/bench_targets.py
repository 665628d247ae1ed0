"""Print how long target extraction takes on every plan of the evaluation corpus (and the target
checks and the two-plan benchmark of the seeds).

Run: python bench/bench_targets.py [--runs N]
Medians over N runs (default 5) after one warm-up run, which also loads pint's registry and
the plans; the one-time costs (importing and loading the unit registry) are printed apart.
Only times are printed: no output of the extractor on the held-out plans is shown.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.plans import load_plan, manifest

from plancompare.targets.benchmark import benchmark_plans
from plancompare.targets.consistency import target_findings
from plancompare.targets.extract import extract_targets


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    from plancompare.text.units import registry

    registry()
    print(
        f"one-time: unit registry (pint import and units.txt) {time.perf_counter() - start:.2f} s"
    )
    print(f"{'plan':<18} {'chars':>7} {'median ms':>10} {'ms per 10,000 chars':>20}")
    per_10k = []
    for p in manifest():
        plan = load_plan(p.id)
        chars = sum(len(s.text) + len(s.heading) for s in plan.walk())
        ms = median_ms(lambda plan=plan: extract_targets(plan), args.runs)
        per_10k.append(ms * 10_000 / chars)
        print(f"{p.id:<18} {chars:>7} {ms:>10.1f} {per_10k[-1]:>20.1f}")
    print(
        f"all {len(per_10k)} plans: median {statistics.median(per_10k):.1f} ms per 10,000 "
        f"characters, worst {max(per_10k):.1f} (the issue's bound: 200)"
    )
    luhe, dehong = load_plan("luhe"), load_plan("dehong")
    ms = median_ms(lambda: benchmark_plans([luhe, dehong]), args.runs)
    print(f"benchmark_plans(luhe, dehong) without a model: median {ms:.1f} ms")
    ms = median_ms(lambda: target_findings(luhe), args.runs)
    print(f"target_findings(luhe): median {ms:.1f} ms")


if __name__ == "__main__":
    main()
