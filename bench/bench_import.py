"""Print how long reading plans takes: the seeds, their canonical files, and a 5 MB plan.

Run: python bench/bench_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from plancompare.plan.corpus import Corpus
from plancompare.plan.importer import read_plan

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "corpora" / "sources"


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    corpus = Corpus(ROOT / "corpora")
    luhe_src = SOURCES / "000_941dbbe323f73edb.txt"
    dehong_src = SOURCES / "002_9b052b1b9253b67e.txt"
    with tempfile.TemporaryDirectory() as tmp:
        body = luhe_src.read_text(encoding="utf-8").split("\n", 1)[1]
        big = Path(tmp) / "big.txt"
        big.write_text("\n".join(f"第{n}章 分册{n}\n{body}" for n in range(1, 171)), "utf-8")
        cases: list[tuple[str, Callable[[], object], int]] = [
            ("read luhe source (.txt, 31 KB)", lambda: read_plan(luhe_src), runs),
            ("read dehong source (.txt, 9 KB)", lambda: read_plan(dehong_src), runs),
            ("load luhe canonical (.md)", lambda: corpus.load("luhe"), runs),
            ("load dehong canonical (.md)", lambda: corpus.load("dehong"), runs),
            (f"read 5 MB plan ({big.stat().st_size // 1000} KB)", lambda: read_plan(big), 3),
        ]
        print(f"{'case':<40} {'median ms':>10} {'min ms':>8}")
        for name, fn, n in cases:
            med, low = median_ms(fn, n)
            print(f"{name:<40} {med:>10.1f} {low:>8.1f}")

    def outline() -> None:
        subprocess.run(
            [sys.executable, "-m", "plancompare", "outline", "luhe"],
            check=True,
            capture_output=True,
        )

    med, low = median_ms(outline, runs)
    print(f"{'plancompare outline luhe (whole command)':<40} {med:>10.1f} {low:>8.1f}")


if __name__ == "__main__":
    main()
