"""Search the coverage rule's four thresholds on the development gold pairs, each pair left out
in turn, and print what the search chooses and how the choice does on the pair left out.

Run: python bench/tune_coverage.py [--model e5|lexical]

The pairs are the in-sample and once-held-out pairs of evaluation/coverage.py (never the
held-out ones). The objective is accuracy plus 0.3 × the recall of absent items (a gap missed
is the costly error). Each pair's alignment and sentence matcher are computed once; the grid
then only re-judges (about a minute with a warm cache).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.coverage import IN_SAMPLE, WAS_HELD_OUT, gold_path, load_gold, score_coverage
from evaluation.plans import load_plan

from plancompare.align.diff import MATCH_THRESHOLD, SentenceMatcher
from plancompare.align.sections import align_plans
from plancompare.coverage import RULES, CoverageRules, plan_coverage
from plancompare.embed import default_cache_path, get_embedder

Combo = tuple[float, float, float, float]
#: Absent recall's weight against accuracy in the objective.
ABSENT_WEIGHT = 0.3
GRID: list[Combo] = list(
    itertools.product(
        (0.55, 0.6, 0.65, 0.7, 0.75),  # strong_link
        (0.3, 0.4, 0.5),  # share
        (0.2, 0.25, 0.3, 0.35, 0.4),  # distinct
        (MATCH_THRESHOLD, MATCH_THRESHOLD + 0.5, MATCH_THRESHOLD + 1.0),  # sentence
    )
)


def _rules(combo: Combo) -> CoverageRules:
    link, share, distinct, sentence = combo
    return replace(RULES, strong_link=link, share=share, distinct=distinct, sentence=sentence)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="e5", help="e5 (default), lexical or st:NAME")
    args = parser.parse_args()
    embedder = get_embedder(args.model, cache=default_cache_path())
    pairs = [*IN_SAMPLE, *WAS_HELD_OUT]
    prepared = []
    for pair in pairs:
        ref_id, plan_id, items = load_gold(gold_path(pair))
        ref, plan = load_plan(ref_id), load_plan(plan_id)
        matcher = SentenceMatcher(ref, plan, embedder)
        prepared.append((pair, ref, plan, align_plans(ref, plan, embedder), matcher, items))
    # (combo, pair) → (right, items, absent found, absent)
    counts: dict[tuple[Combo, str], tuple[int, int, int, int]] = {}
    for combo in [*GRID, _combo(RULES)]:
        for pair, ref, plan, alignment, matcher, items in prepared:
            cells = plan_coverage(ref, plan, alignment, matcher, _rules(combo))
            verdicts = {k: c.verdict.value for k, c in cells.items()}
            s = score_coverage(verdicts, ref, items)
            counts[(combo, pair)] = (s.right, s.items, s.absent_found, s.absent)

    def total(combo: Combo, among: list[str]) -> tuple[int, int, int, int]:
        rows = [counts[(combo, p)] for p in among]
        return (
            sum(r[0] for r in rows),
            sum(r[1] for r in rows),
            sum(r[2] for r in rows),
            sum(r[3] for r in rows),
        )

    def objective(combo: Combo, among: list[str]) -> float:
        right, items, found, absent = total(combo, among)
        return right / items + ABSENT_WEIGHT * (found / absent if absent else 0.0)

    left_out = [0, 0, 0, 0]
    chosen: Counter[Combo] = Counter()
    for pair in pairs:
        rest = [p for p in pairs if p != pair]
        best = max(GRID, key=lambda c: objective(c, rest))
        chosen[best] += 1
        left_out = [a + b for a, b in zip(left_out, counts[(best, pair)], strict=True)]
    now = total(_combo(RULES), pairs)
    print(f"{len(pairs)} pairs, {now[1]} items, embedder {embedder.id}")
    print(
        f"the rule as it is {_combo(RULES)}: accuracy {now[0] / now[1]:.3f}, "
        f"absent {now[2]}/{now[3]}"
    )
    print(
        f"each pair left out, the thresholds chosen on the others: accuracy "
        f"{left_out[0] / left_out[1]:.3f}, absent {left_out[2]}/{left_out[3]}"
    )
    for combo, n in chosen.most_common(3):
        print(f"  chosen {n:>2}× (strong_link, share, distinct, sentence) = {combo}")


def _combo(rules: CoverageRules) -> Combo:
    return (rules.strong_link, rules.share, rules.distinct, rules.sentence)


if __name__ == "__main__":
    main()
