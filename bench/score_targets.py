"""Print recall and precision of target extraction (and benchmark pairs) against the gold files.

Run: PYTHONPATH=src python bench/score_targets.py [--misses] [--model e5]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluation.scoring import (
    CORE_FIELDS,
    FIELDS,
    load_gold_pairs,
    load_gold_targets,
    score_pairs,
    score_targets,
)

from plancompare.embed import get_embedder
from plancompare.plan.corpus import Corpus
from plancompare.targets.benchmark import benchmark_plans
from plancompare.targets.extract import extract_targets

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "targets"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list what was not right")
    parser.add_argument("--model", action="append", default=[], help="also score pairs with it")
    args = parser.parse_args()
    corpus = Corpus(ROOT / "corpora")
    plans = {p: corpus.load(p) for p in ("luhe", "dehong")}
    total_gold = total_found = total_correct = 0
    print(f"targets: right = {', '.join(CORE_FIELDS)} all right")
    for plan_id, plan in plans.items():
        score = score_targets(
            extract_targets(plan), load_gold_targets(GOLD / f"gold_{plan_id}.yaml")
        )
        total_gold += score.gold
        total_found += score.extracted
        total_correct += score.correct
        fields = "  ".join(f"{f} {score.fields[f]:.3f}" for f in FIELDS)
        print(
            f"  {plan_id:<7} gold {score.gold:>3}  extracted {score.extracted:>3}  "
            f"right {score.correct:>3}  recall {score.recall:.3f}  "
            f"precision {score.precision:.3f}\n          {fields}"
        )
        if args.misses:
            for m in score.misses:
                got = (
                    f"{m.found.indicator} {m.found.comparator} {m.found.value}"
                    f"{'-' + str(m.found.value_max) if m.found.value_max else ''}"
                    f" {m.found.unit} {m.found.year} {m.found.period} q={m.found.qualitative}"
                    if m.found
                    else "nothing"
                )
                print(f"    miss {m.gold.section} {m.gold.indicators[0]}: {m.wrong} — got {got}")
            for t in score.extra:
                print(f"    extra {t.section} {t.indicator} {t.comparator} {t.value} {t.unit}")
    recall = total_correct / total_gold
    precision = total_correct / total_found
    print(
        f"  overall gold {total_gold}  extracted {total_found}  right {total_correct}  "
        f"recall {recall:.3f}  precision {precision:.3f}"
    )
    gold_pairs = load_gold_pairs(GOLD / "gold_benchmark.yaml")
    for model in [None, *args.model]:
        embedder = get_embedder(model) if model else None
        bench = benchmark_plans(plans["luhe"], plans["dehong"], embedder)
        s = score_pairs(bench, gold_pairs)
        print(
            f"benchmark luhe×dehong ({model or 'lexical, no model'}): {len(bench.pairs)} pairs, "
            f"{len(s.found)} indicator pairs  recall {s.recall:.3f}  precision {s.precision:.3f}"
        )
        if args.misses:
            for a, b in s.missing:
                print(f"    missing {a} ↔ {b}")
            for a, b in s.wrong:
                print(f"    wrong   {a} ↔ {b}")


if __name__ == "__main__":
    main()
