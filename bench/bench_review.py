"""Speed of the review layer: adding comments, listing and searching, re-anchoring, the report.

Run from the project root:  PYTHONPATH=src python bench/bench_review.py
Prints medians over several runs; nothing is asserted (speed is not a test).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from plancompare.checks import check_plan
from plancompare.model import Plan
from plancompare.plan.canonical import parse_markdown
from plancompare.plan.corpus import Corpus
from plancompare.report.feedback import build_report, render_html
from plancompare.review.anchoring import PlanText, reanchor
from plancompare.review.model import Comment
from plancompare.review.store import CommentStore
from plancompare.review.writing import Draft, new_comment

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def median_ms(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def revised(plan_text: str) -> Plan:
    edits = yaml.safe_load((ROOT / "tests/data/review/revision.yaml").read_text("utf-8"))["edits"]
    for edit in edits:
        plan_text = plan_text.replace(edit["replace"], edit["with"])
    plan_text = plan_text.replace("\nversion: 1\n", "\nversion: 2\n")
    return parse_markdown(plan_text, Path("luhe-v2.md"), "luhe")


def sample_comments(plan: Plan, n: int, rng: random.Random) -> list[Comment]:
    """Comments on random sentences (and some whole sections) of a plan."""
    sections = [s for s in plan.walk() if len(s.text) > 20]
    out = []
    while len(out) < n:
        section = rng.choice(sections)
        text = section.text
        start = rng.randrange(0, len(text) - 12)
        end = min(len(text), start + rng.randrange(8, 40))
        draft = Draft(body=f"意见 {len(out)}：建议修改表述", reviewer=rng.choice("甲乙丙"))
        if rng.random() < 0.2:
            out.append(new_comment(plan, section.id, draft))
        else:
            out.append(new_comment(plan, section.id, draft, start=start, end=end))
    return out


def main() -> None:
    rng = random.Random(7)
    luhe = Corpus(ROOT / "corpora").load("luhe")
    dehong = Corpus(ROOT / "corpora").load("dehong")
    v2 = revised((ROOT / "corpora/luhe.md").read_text("utf-8"))
    comments = sample_comments(luhe, 200, rng)

    with tempfile.TemporaryDirectory() as tmp:
        store = CommentStore.open(Path(tmp) / "review.db")
        batch = iter(sample_comments(luhe, 2000, rng))
        per_add = [median_ms(lambda: store.add(next(batch)), runs=1) for _ in range(500)]
        add = statistics.median(per_add)
        print(f"add one comment (own transaction, synchronous=FULL): median {add:.2f} ms")
        for c in sample_comments(luhe, 1500, rng):
            store.add(c)
        print(f"list 2000 comments: median {median_ms(store.list):.1f} ms")
        scan = median_ms(lambda: store.search("99"))
        hits = len(store.search("99"))
        print(f"search a 2-character word (scan, {hits} hits): median {scan:.1f} ms")
        fts = median_ms(lambda: store.search("1499"))
        hits = len(store.search("1499"))
        print(f"search a 4-character word (FTS5 trigram, {hits} hits): median {fts:.1f} ms")
        store.close()

    pt = PlanText(v2)
    per_comment = median_ms(lambda: [reanchor(c.anchor, pt) for c in comments]) / len(comments)
    print(f"re-anchor to a revised version: median {per_comment:.2f} ms per comment (200 comments)")
    states: dict[str, int] = {}
    for c in comments:
        s = reanchor(c.anchor, pt).state.value
        states[s] = states.get(s, 0) + 1
    print(f"  states: {dict(sorted(states.items()))}")

    plans = {"luhe": luhe, "dehong": dehong}
    findings = {p: check_plan(plan) for p, plan in plans.items()}
    text = build_report(comments, plans, findings=findings)
    took = median_ms(lambda: build_report(comments, plans, findings=findings))
    print(f"report, 200 comments: median {took:.1f} ms ({len(text)} characters)")
    print(f"HTML rendering of it: median {median_ms(lambda: render_html(text, 'report')):.1f} ms")


if __name__ == "__main__":
    main()
