"""Print recall, precision and wrong like-for-like claims of the benchmark, pair by pair.

Run: python bench/score_benchmark.py [--misses] [--model e5|lexical|none] [--held-out]

The in-sample pairs are scored by default. The held-out pairs are scored only with
--held-out: nobody developing the benchmark looks at their gold or output before that run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.benchmark import (
    BENCHMARK_GOLD,
    HELD_OUT,
    IN_SAMPLE,
    WAS_HELD_OUT,
    BenchmarkScore,
    load_gold,
    score_benchmark,
)
from evaluation.plans import load_plan

from plancompare.embed import default_cache_path, get_embedder
from plancompare.targets.benchmark import benchmark_plans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="score the held-out pairs")
    parser.add_argument(
        "--was-held-out",
        action="store_true",
        help="score the pairs that were held out once and are development data now",
    )
    parser.add_argument("--misses", action="store_true", help="list misses and wrong rows")
    parser.add_argument("--model", default="e5", help="embedder (e5, lexical) or none")
    args = parser.parse_args()
    embedder = None if args.model == "none" else get_embedder(args.model, default_cache_path())
    pairs = HELD_OUT if args.held_out else WAS_HELD_OUT if args.was_held_out else IN_SAMPLE
    which = "held-out" if args.held_out else "once held-out" if args.was_held_out else "in-sample"
    print(f"{which} pairs, names by {args.model}")
    total = BenchmarkScore()
    for pair in pairs:
        gold = load_gold(BENCHMARK_GOLD / f"{pair}.yaml")
        bench = benchmark_plans([load_plan(p) for p in gold.plans], embedder)
        s = score_benchmark(bench, gold)
        total = total + s
        print(
            f"  {pair:<32} required {s.required:>2}  found {s.found:>2}  recall {s.recall:.3f}  "
            f"rows {s.rows:>2}  right {s.right:>2}  precision {s.precision:.3f}  "
            f"wrong comparable {s.wrong_comparable}"
        )
        if args.misses:
            for m in s.misses:
                print(f"    miss   {m}")
            for w in s.wrong:
                print(f"    wrong  {w}")
    print(
        f"  {'total':<32} required {total.required:>2}  found {total.found:>2}  "
        f"recall {total.recall:.3f}  rows {total.rows:>2}  right {total.right:>2}  "
        f"precision {total.precision:.3f}  wrong comparable {total.wrong_comparable}"
    )


if __name__ == "__main__":
    main()
