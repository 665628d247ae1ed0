"""Print how long target extraction, benchmarking and target checks take on the seeds.

Run: PYTHONPATH=src python bench/bench_targets.py [--runs N]
Medians over N runs (after one warm-up run, which also loads the plans).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from plancompare.plan.corpus import Corpus
from plancompare.targets.benchmark import benchmark_plans
from plancompare.targets.consistency import target_findings
from plancompare.targets.extract import extract_targets

ROOT = Path(__file__).resolve().parents[1]


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
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    corpus = Corpus(ROOT / "corpora")
    luhe, dehong = corpus.load("luhe"), corpus.load("dehong")
    for plan in (luhe, dehong):
        n = len(extract_targets(plan))
        ms = median_ms(lambda plan=plan: extract_targets(plan), args.runs)
        print(f"extract_targets({plan.id}): {n} targets, median {ms:.1f} ms over {args.runs} runs")
    ms = median_ms(lambda: benchmark_plans(luhe, dehong), args.runs)
    print(f"benchmark_plans(luhe, dehong) without a model: median {ms:.1f} ms")
    ms = median_ms(lambda: target_findings(luhe), args.runs)
    print(f"target_findings(luhe): median {ms:.1f} ms")


if __name__ == "__main__":
    main()
