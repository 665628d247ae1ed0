"""Print how coverage agrees with the coverage gold: verdict accuracy, recall of 未体现 (absent)
items and the confusion matrix, pair by pair.

Run: python bench/score_coverage.py [--misses] [--model e5|lexical] [--held-out]

The in-sample pairs (the rule was calibrated on them) are scored by default. The held-out pairs
are scored only with --held-out, and only once the code is final (see evaluation/coverage.py);
each pair is reported on its own, then all pairs together.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.coverage import HELD_OUT, IN_SAMPLE, WAS_HELD_OUT, CoverageScore, score_pair

from plancompare.embed import default_cache_path, get_embedder


def _report(name: str, score: CoverageScore, misses: bool) -> None:
    print(
        f"{name:<34} items {score.items:>3}  accuracy {score.accuracy:.3f}  "
        f"absent recall {score.absent_recall:.3f} ({score.absent_found}/{score.absent})"
    )
    for line in score.matrix():
        print("    " + line)
    if score.unplaced:
        print(f"    not found in the outline: {', '.join(score.unplaced)}")
    if misses:
        for line in score.wrong:
            print("    " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list the wrong verdicts")
    parser.add_argument("--model", default="e5", help="e5 (default), lexical or st:NAME")
    parser.add_argument("--held-out", action="store_true", help="score the held-out pairs")
    parser.add_argument(
        "--was-held-out",
        action="store_true",
        help="score the pairs that were held out once and are development data now",
    )
    args = parser.parse_args()
    embedder = get_embedder(args.model, cache=default_cache_path())
    pairs = HELD_OUT if args.held_out else WAS_HELD_OUT if args.was_held_out else IN_SAMPLE
    which = "held out" if args.held_out else "once held out" if args.was_held_out else "in sample"
    print(f"coverage against the gold ({which}), embedder {embedder.id}")
    total: CoverageScore | None = None
    for pair in pairs:
        started = time.perf_counter()
        score = score_pair(pair, embedder)
        _report(pair, score, args.misses)
        print(f"    ({time.perf_counter() - started:.1f} s)")
        total = score if total is None else total + score
    if total is not None and len(pairs) > 1:
        _report("all pairs", total, misses=False)


if __name__ == "__main__":
    main()
