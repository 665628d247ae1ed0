"""Print how long coverage and similar take, on real plans and as the corpus grows.

1. Real plans (the evaluation corpus without the held-out pair, imported into a scratch
   corpus; e5 with a scratch cache, filled once — that first run is the cold time):
   - ``plancompare coverage nat_smart_mfg`` against 4 other plans, a new process, warm;
     and the core call alone (plans loaded);
   - ``plancompare similar nat_smart_mfg:3.1.1`` over the whole corpus, a new process, warm;
     and the core alone: building the index (cache look-ups), a section query, a text query
     seen before and a new text (the model embeds it).
2. Synthetic corpora of 5, 20 and 100 plans (about 180 texts each, made of real sentences),
   with a cacheable hash embedder (384 dimensions, like e5) so that the warm path — cache
   look-ups and brute-force cosine — is what is measured: similar (index + query) and
   coverage of one reference against every plan.

Run: python bench/bench_coverage.py [--runs N] [--sizes 5,20,100] [--skip-real]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.plans import import_options, load_plan, manifest

from plancompare.coverage import coverage
from plancompare.coverage.similar import SimilarIndex
from plancompare.embed import get_embedder
from plancompare.embed.base import Embedder, Vectors
from plancompare.embed.cache import CachedEmbedder
from plancompare.model import Paragraph, Plan, PlanMeta, Section, SectionKind
from plancompare.plan.corpus import Corpus
from plancompare.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT_PLANS = ("sd_ai_pilot", "qd_ai_pilot")
REF = "nat_smart_mfg"
OTHERS = ("sd_smart_mfg", "sd_trad_retrofit", "jn_digital", "sd_digital_2021")
QUERY_SECTION = "3.1.1"


class HashEmbedder(Embedder):
    """Deterministic pseudo-random unit vectors from a text's hash: no model, but cacheable,
    so that warm runs go through the cache as e5's do."""

    id = "bench-hash:384"

    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            v = np.random.default_rng(seed).standard_normal(384).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.stack(rows) if rows else np.zeros((0, 384), np.float32)


def median_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_time(args: list[str], env: dict[str, str]) -> float:
    script = Path(sys.executable).parent / "plancompare"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "plancompare"]
    start = time.perf_counter()
    subprocess.run([*command, *args], env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


# --- real plans -----------------------------------------------------------------------------


def real(runs: int) -> None:
    ids = [p.id for p in manifest() if p.id not in HELD_OUT_PLANS]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Corpus(Path(tmp) / "corpora")
        for p in manifest():
            if p.id in ids:
                corpus.import_file(p.path, p.id, import_options(p))
        cache = Path(tmp) / "embeddings.db"
        env = dict(os.environ, PLANCOMPARE_CACHE=str(cache), PLANCOMPARE_MODEL="e5")
        env["PLANCOMPARE_CORPUS"] = str(corpus.root)
        coverage_args = ["coverage", REF, *OTHERS, "--json"]
        similar_args = ["similar", f"{REF}:{QUERY_SECTION}", "--json"]
        cold_coverage = cli_time(coverage_args, env)
        cold_similar = cli_time(similar_args, env)
        print(f"real plans: {len(ids)} in the corpus (e5; scratch cache)")
        print(f"  cold (empty cache): coverage {cold_coverage:.1f} s, similar {cold_similar:.1f} s")
        warm_cov = statistics.median(cli_time(coverage_args, env) for _ in range(runs))
        warm_sim = statistics.median(cli_time(similar_args, env) for _ in range(runs))
        print(f"  plancompare coverage {REF} + {len(OTHERS)} plans, new process: {warm_cov:.2f} s")
        print(f"  plancompare similar {REF}:{QUERY_SECTION}, new process: {warm_sim:.2f} s")
        embedder = get_embedder("e5", cache=cache)
        plans = [corpus.load(i) for i in ids]
        by_id = {p.id: p for p in plans}
        others = [by_id[i] for i in OTHERS]
        core = median_of(runs, lambda: coverage(by_id[REF], others, embedder))
        print(f"  core coverage() of {REF} against {len(OTHERS)} plans, warm: {core:.2f} s")
        build = median_of(runs, lambda: SimilarIndex.build(plans, embedder))
        index = SimilarIndex.build(plans, embedder)
        section = median_of(runs, lambda: index.search_section(REF, QUERY_SECTION))
        index.search("加强网络安全和数据安全保障")  # embeds it once (and loads the model)
        seen = median_of(runs, lambda: index.search("加强网络安全和数据安全保障"))
        fresh = [f"推动第{k}批智能制造示范工厂建设" for k in range(runs)]
        new = median_of(runs, lambda: index.search(fresh.pop()))
        print(
            f"  core similar over {len(plans)} plans ({len(index.texts)} texts), warm: index "
            f"{build:.3f} s; query by section {section:.4f} s, by a text seen before "
            f"{seen:.4f} s, by a new text {new:.3f} s (model loaded)"
        )


# --- synthetic corpora ----------------------------------------------------------------------


def sentence_pool() -> list[str]:
    pool: list[str] = []
    for p in manifest():
        if p.id in HELD_OUT_PLANS:
            continue
        for section in load_plan(p.id).walk():
            pool.extend(s.text for s in split_sentences(section.text) if len(s.text) > 12)
    return pool


def synthetic_plan(plan_id: str, pool: list[str], rng: random.Random) -> Plan:
    """A plan of 12 sections of 5 lead-phrase items, each of 2–3 real sentences (~180 texts)."""
    sections = []
    for n in range(1, 13):
        items: list[Section | Paragraph] = []
        for i in range(1, 6):
            sentences = rng.sample(pool, rng.choice((2, 3)))
            title = sentences[0][:8]
            items.append(
                Section(
                    f"{n}.{i}", SectionKind.LEAD, None, title, f"{title}。", 2,
                    [Paragraph("".join(sentences))],
                )
            )  # fmt: skip
        sections.append(
            Section(
                str(n), SectionKind.NUMBERED, f"（{n}）", f"第{n}项任务", f"（{n}）第{n}项任务", 1,
                [Paragraph(rng.choice(pool)), *items],
            )
        )  # fmt: skip
    return Plan(PlanMeta(id=plan_id, title=f"合成规划{plan_id}"), sections)


def synthetic(sizes: list[int], runs: int) -> None:
    pool = sentence_pool()
    rng = random.Random(13)
    plans = [synthetic_plan(f"p{k:03d}", pool, rng) for k in range(max(sizes) + 1)]
    ref, corpus = plans[0], plans[1:]
    print("synthetic corpora (hash embedder, cache filled; medians):")
    columns = ("plans", "texts", "index s", "query s", "similar s", "coverage s")
    print("  " + " ".join(f"{c:>10}" for c in columns))
    with tempfile.TemporaryDirectory() as tmp:
        embedder = CachedEmbedder(HashEmbedder(), Path(tmp) / "embeddings.db")
        SimilarIndex.build(plans, embedder)  # fills the cache
        for n in sizes:
            some = corpus[:n]
            build = median_of(runs, partial(SimilarIndex.build, some, embedder))
            index = SimilarIndex.build(some, embedder)
            query = median_of(runs, partial(index.search_section, some[0].id, "3.2"))
            cov = median_of(runs if n <= 20 else 1, partial(coverage, ref, some, embedder))
            cells = (n, len(index.texts), f"{build:.3f}", f"{query:.4f}", f"{build + query:.3f}")
            print("  " + " ".join(f"{c:>10}" for c in (*cells, f"{cov:.2f}")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per median")
    parser.add_argument("--sizes", default="5,20,100", help="plans in the synthetic corpora")
    parser.add_argument("--skip-real", action="store_true", help="synthetic corpora only")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    if not args.skip_real:
        real(args.runs)
    synthetic([int(x) for x in args.sizes.split(",")], args.runs)


if __name__ == "__main__":
    main()
