"""Speed of ``plancompare report`` on hostile and large review databases (issue 14):

* two 1 MB comments by two reviewers on one section (the duplicate grouping once compared whole
  bodies pairwise: 237 s);
* 20,000 comments by 40 reviewers over the sections of the shipped plans, a tenth of them
  near-duplicates of another reviewer's.

Run from the project root:  PYTHONPATH=src python bench/bench_report_scale.py
Each figure is the median of several runs of the real command in a new process (lexical model,
so that no embedding model is timed); nothing is asserted (speed is not a test).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from plancompare.model import Plan
from plancompare.plan.corpus import Corpus
from plancompare.review.model import Comment
from plancompare.review.store import CommentStore
from plancompare.review.writing import Draft, new_comment

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


def report_seconds(db: Path, runs: int = RUNS) -> float:
    """Median wall time of ``plancompare report`` over ``db``, in a new process each run."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "plancompare", "--corpus", str(ROOT / "corpora")]
    command += ["--db", str(db), "--model", "lexical", "report", "-o", str(db.with_suffix(".md"))]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def long_body(rng: random.Random, size: int) -> str:
    words = [w + v for w in "推动加快完善提升" for v in ("产业", "集群", "企业", "平台", "服务")]
    return "".join(rng.choice(words) for _ in range(size // 2))[:size]


def two_long_comments(luhe: Plan, rng: random.Random) -> list[Comment]:
    body = long_body(rng, 1_000_000)
    section = next(s for s in luhe.walk() if len(s.text) > 50)
    first = new_comment(luhe, section.id, Draft(body=body, reviewer="甲"))
    # The second reviewer's copy differs in a few hundred places: a near-duplicate.
    chars = list(body)
    for _ in range(300):
        chars[rng.randrange(len(chars))] = "改"
    second = new_comment(luhe, section.id, Draft(body="".join(chars), reviewer="乙"))
    return [first, second]


def many_comments(plans: list[Plan], n: int, rng: random.Random) -> list[Comment]:
    sections = [(p, s) for p in plans for s in p.walk() if len(s.text) > 20]
    reviewers = [f"审阅人{k}" for k in range(40)]
    out: list[Comment] = []
    while len(out) < n:
        plan, section = rng.choice(sections)
        if out and rng.random() < 0.1:  # another reviewer says nearly the same
            earlier = rng.choice(out)
            plan = next(p for p in plans if p.id == earlier.plan)
            section = plan.section(earlier.anchor.section or "") or section
            body = earlier.body + "。"
        else:
            body = f"意见 {len(out)}：建议{section.title or '本节'}补充{rng.randrange(1000)}项措施"
        draft = Draft(body=body, reviewer=rng.choice(reviewers), organisation="某局")
        out.append(new_comment(plan, section.id, draft))
    return out


def main() -> None:
    rng = random.Random(14)
    corpus = Corpus(ROOT / "corpora")
    luhe, dehong = corpus.load("luhe"), corpus.load("dehong")
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "two 1 MB comments by two reviewers on one section": two_long_comments(luhe, rng),
            "20,000 comments (40 reviewers, a tenth near-duplicates)": many_comments(
                [luhe, dehong], 20_000, rng
            ),
        }
        for n, (label, comments) in enumerate(cases.items()):
            db = Path(tmp) / f"case{n}.db"
            with CommentStore.open(db) as store:
                store.merge(comments)  # one transaction
            took = report_seconds(db)
            print(f"report, {label}: median {took:.2f} s over {RUNS} runs")


if __name__ == "__main__":
    main()
