"""Print recall and precision of target extraction against the gold files, plan by plan.

Run: python bench/score_targets.py [--misses] [--plan ID] [--held-out]

In-sample plans (the seeds and the development plans) are scored by default. The held-out
plans are scored only with --held-out: nobody developing plancompare looks at them until the
end (see evaluation/plans.yaml).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.plans import (
    GOLD,
    load_passage,
    load_plan,
    manifest,
    passage_batches,
    passage_ids,
)
from evaluation.targets import (
    FIELDS,
    TargetScore,
    describe,
    describe_gold,
    empty_score,
    load_gold,
    score_targets,
)

from plancompare.errors import PlanError
from plancompare.targets.extract import extract_targets


def _line(name: str, s: TargetScore) -> str:
    fields = " ".join(f"{f[:4]} {s.field_share(f):.2f}" for f in FIELDS)
    return (
        f"  {name:<28} gold {s.gold:>3}  extracted {s.extracted:>3}  right {s.correct:>3}  "
        f"recall {s.recall:.3f}  precision {s.precision:.3f}   {fields}"
    )


def score_passages(misses: bool, folder: Path) -> None:
    """The passages of one folder of evaluation/, one line each and summed."""
    total = empty_score()
    for passage in passage_ids(folder):
        try:
            plan = load_passage(passage, folder)
        except PlanError as e:
            print(f"  {passage:<28} cannot be read: {e}")
            continue
        score = score_targets(extract_targets(plan), load_gold(folder / "gold" / f"{passage}.yaml"))
        total = total + score
        print(_line(passage[:28], score))
        if misses:
            for m in score.misses:
                got = describe(m.found) if m.found else "nothing"
                print(f"    miss  {m.gold.quote}: {describe_gold(m.gold)}")
                print(f"          got {got}  wrong {m.wrong}")
            for t in score.extra:
                print(f"    extra {describe(t)}  «{t.wording}»")
    print(_line(f"[{folder.name}]", total))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list what was not right")
    parser.add_argument("--plan", action="append", default=[], help="only these plans")
    parser.add_argument("--held-out", action="store_true", help="score the held-out plans")
    # A batch's flag is its folder's name (passages18/ → --passages18), whatever batches exist.
    batches = {folder.name: folder for folder in passage_batches()}
    for name in batches:
        n = name.removeprefix("passages") or "1"
        parser.add_argument(f"--{name}", action="store_true", help=f"score batch {n} of passages")
    args = parser.parse_args()
    chosen = [folder for name, folder in batches.items() if getattr(args, name)]
    for folder in chosen:
        score_passages(args.misses, folder)
    if chosen:
        return
    groups: dict[str, TargetScore] = {}
    print("targets: right = indicator, value (and range), unit, year and kind all right")
    for p in manifest():
        if not p.targets_gold or p.held_out != args.held_out:
            continue
        if args.plan and p.id not in args.plan:
            continue
        try:
            plan = load_plan(p.id)
        except PlanError as e:
            print(f"  {p.id:<18} cannot be read: {e}")
            continue
        t0 = time.perf_counter()
        found = extract_targets(plan)
        took = time.perf_counter() - t0
        score = score_targets(found, load_gold(GOLD / "targets" / f"{p.id}.yaml"))
        group = "seeds" if p.seed else "held-out" if p.held_out else "development"
        groups[group] = groups.get(group, empty_score()) + score
        print(_line(p.id, score) + f"   {took * 1000:.0f} ms")
        if args.misses:
            for m in score.misses:
                got = describe(m.found) if m.found else "nothing"
                print(f"    miss  {m.gold.quote}: {describe_gold(m.gold)}")
                print(f"          got {got}  wrong {m.wrong}")
            for t in score.extra:
                print(f"    extra {describe(t)}  «{t.wording}»")
    for name, s in groups.items():
        print(_line(f"[{name}]", s))


if __name__ == "__main__":
    main()
