"""Print how soon the compare view is usable, how much of it is highlighted, and how it copes
with a plan of 1000 items.

1. For the seed pair (陆河 ⇄ 德宏) and a pair of the evaluation corpus (国家 ⇄ 山东 智能制造 by
   default), each run a new process, the app headless (``App.run_test``, 120×40) with the
   default embedder (e5), times from the app's start (``make_app``):
   - cold (a new, empty embedding cache): the first usable rows (laid out from the first,
     lexical alignment), then the refined rows (the embedder's alignment and sentence
     matcher) highlighted, then with the changed words of near-identical sentences too
     (those wait for jieba's dictionary, ~0.6 s to load);
   - warm (that cache filled): the rows, highlighted, then with the changed words.
   Medians of several runs.
2. The share of the characters of paraphrase rows (pairs whose texts are not versions of
   one text) that are highlighted: by the word diff the view used to show, and by the
   semantic highlight it shows now (evaluation/highlight.py says what counts), on the
   rows and sentence matcher of the warm run.
3. Synthetic plans of 1000 items per side (lexical embedder; alignment and sentence matcher
   computed beforehand, outside the timing): the UI-thread time to lay out every row, the
   highlight worker's time, the time to lay them out again with the highlights, and the
   UI-thread time of one key (next row, next difference) including drawing the visible lines.

Run: python bench/bench_compare_view.py [--runs N] [--cold-runs N] [--model e5]
         [--pair nat_smart_mfg:sd_smart_mfg] [--items 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from app_runs import median_text, run_in_new_process, until  # noqa: E402
from bench_align import synthetic_pair  # noqa: E402

from plancompare.align.rows import compare_rows  # noqa: E402
from plancompare.config import Settings  # noqa: E402
from plancompare.model import Plan  # noqa: E402
from plancompare.tui import make_app  # noqa: E402

SEED = "luhe:dehong"


def load_pair(pair: str) -> tuple[Plan, Plan]:
    """Two plans by their ids: the shipped seeds, else plans of the evaluation corpus."""
    a_id, b_id = pair.split(":")
    if pair == SEED:
        from plancompare.plan.corpus import Corpus

        corpus = Corpus(ROOT / "corpora")
        return corpus.load(a_id), corpus.load(b_id)
    from evaluation.plans import load_plan

    return load_plan(a_id), load_plan(b_id)


async def one_run(pair: str, model: str) -> dict[str, Any]:
    """In this process: open the compare view on ``pair``; when the rows and the refined
    highlights are on screen (seconds from the app's start), and the highlighted shares."""
    a, b = load_pair(pair)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(corpus_dir=ROOT / "corpora", db_path=Path(tmp) / "r.db", model=model)
        start = time.perf_counter()
        app = make_app(a, b, settings, embedder=settings.embedder())
        async with app.run_test(size=(120, 40)):
            screen: Any = app.screen
            rows = await until(lambda: bool(screen.rows.rows))
            first_pass = app.workspace.provisional
            marked = await until(lambda: screen.highlights_ready)
            refined = await until(lambda: screen.diffs_ready)
            ws = app.workspace
            share = highlighted(ws.rows, ws.matcher, a, b)
    return {
        "rows": rows - start,
        "highlighted": marked - start,
        "refined": refined - start,
        "first_pass": first_pass,
        **share,
    }


def highlighted(rows: Any, matcher: Any, a: Plan, b: Plan) -> dict[str, float]:
    """Shares of highlighted characters in the paraphrase rows, word diff and now."""
    from evaluation.highlight import highlight_share

    from plancompare.align.rows import diff_rows
    from plancompare.review.target_marks import plan_targets, row_highlights

    diffs = diff_rows(rows, matcher)  # every group's word diff: what the view used to show
    share = highlight_share(rows, diffs, row_highlights(rows, diffs, plan_targets(a, b)))
    return {
        "paraphrase_rows": share.rows,
        "before": share.share_before,
        "after": share.share_after,
    }


def spawn(pair: str, model: str, cache: Path) -> dict[str, Any]:
    """One run in a new process, with ``cache`` as the embedding cache."""
    result: dict[str, Any] = run_in_new_process(__file__, ["--one", pair, "--model", model], cache)
    return result


def pair_figures(pair: str, model: str, cold_runs: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = [spawn(pair, model, folder / f"cold{i}.db") for i in range(cold_runs)]
        warm = [spawn(pair, model, folder / "cold0.db") for _ in range(runs)]
    name = pair.replace(":", " ⇄ ")

    def med(runs: list[dict[str, Any]], key: str) -> str:
        return median_text([r[key] for r in runs])

    print(f"{name}, {model}, from the app's start (medians of {cold_runs} cold, {runs} warm):")
    print(f"  cold: first usable rows      {med(cold, 'rows')}")
    print(f"  cold: refined, highlighted   {med(cold, 'highlighted')}")
    print(f"  cold: … and changed words    {med(cold, 'refined')}")
    print(f"  warm: rows                   {med(warm, 'rows')}")
    print(f"  warm: rows highlighted       {med(warm, 'highlighted')}")
    print(f"  warm: … and changed words    {med(warm, 'refined')}")
    print(f"  first pass made: cold {cold[0]['first_pass']}, warm {warm[0]['first_pass']}")
    w = warm[0]
    print(
        f"  highlighted in {w['paraphrase_rows']} paraphrase rows: word diff {w['before']:.1%}"
        f" -> semantic highlight {w['after']:.1%}"
    )


async def big_run(items: int) -> None:
    from plancompare.align.diff import SentenceMatcher
    from plancompare.align.sections import align_plans
    from plancompare.embed.lexical import LexicalEmbedder

    a, b = synthetic_pair(items)
    embedder = LexicalEmbedder()
    alignment = align_plans(a, b, embedder)
    matcher = SentenceMatcher(a, b, embedder)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            corpus_dir=ROOT / "corpora", db_path=Path(tmp) / "r.db", model="lexical"
        )
        app = make_app(a, b, settings, embedder=embedder, compute=False)
        async with app.run_test(size=(120, 40)) as pilot:
            screen: Any = app.screen
            ws = app.workspace
            ws.alignment, ws.rows = alignment, compare_rows(alignment)
            start = time.perf_counter()
            screen.workspace_changed("alignment")
            layout = time.perf_counter() - start
            ws.matcher = matcher
            start = time.perf_counter()
            screen.workspace_changed("matcher")
            await until(lambda: screen.diffs_ready)
            worker = time.perf_counter() - start
            await pilot.pause()
            start = time.perf_counter()
            screen.rows.changed()
            relayout = time.perf_counter() - start
            keys = {"next row": lambda: screen.rows.action_move(1),
                    "next difference": lambda: screen.action_difference(1)}  # fmt: skip
            print(f"{items} items per side, {len(ws.rows)} rows, {len(screen.found)} differences:")
            print(f"  lay out every row        {layout:6.3f} s (UI thread)")
            print(f"  highlights (worker)      {worker:6.3f} s")
            print(f"  lay out again with them  {relayout:6.3f} s (UI thread)")
            for name, key in keys.items():
                times = []
                for _ in range(20):
                    start = time.perf_counter()
                    key()
                    for y in range(screen.rows.size.height):
                        screen.rows.render_line(y)
                    times.append(time.perf_counter() - start)
                print(f"  {name:<24} {statistics.median(times) * 1000:6.1f} ms (UI thread)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold runs")
    parser.add_argument("--model", default="e5")
    parser.add_argument("--pair", default="nat_smart_mfg:sd_smart_mfg", help="A:B of the corpus")
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(asyncio.run(one_run(args.one, args.model))))
        return
    for pair in (SEED, args.pair):
        pair_figures(pair, args.model, args.cold_runs, args.runs)
    asyncio.run(big_run(args.items))


if __name__ == "__main__":
    main()
