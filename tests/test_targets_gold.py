"""Extraction measured against the gold files of evaluation/gold/targets/ (in-sample plans only:
the held-out plans are scored once, at the end, by bench/score_targets.py --held-out)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from evaluation.plans import (
    GOLD,
    entry,
    load_passage,
    load_plan,
    manifest,
    passage_batches,
    passage_ids,
)
from evaluation.targets import (
    STRICT_FIELDS,
    GoldTarget,
    empty_score,
    load_gold,
    longest_part,
    score_targets,
    squeeze,
)

from plancompare.targets.extract import extract_targets
from tests.test_targets import plan_from_source

SEEDS = [p.id for p in manifest() if p.seed]
DEVELOPMENT = [p.id for p in manifest() if not p.seed and not p.held_out and p.targets_gold]


@pytest.mark.parametrize("plan_id", SEEDS)
def test_seeds_stay_above_the_issue_bar(plan_id: str) -> None:
    score = score_targets(
        extract_targets(load_plan(plan_id)), load_gold(GOLD / "targets" / f"{plan_id}.yaml")
    )
    misses = [(m.gold.quote, m.wrong) for m in score.misses]
    assert score.recall >= 0.95, misses
    assert score.precision >= 0.95, [t.wording for t in score.extra]


def test_development_plans_together() -> None:
    """The in-sample real plans, summed: the figure the README reports beside the held-out one."""
    total = empty_score()
    for plan_id in DEVELOPMENT:
        found = extract_targets(load_plan(plan_id))
        total = total + score_targets(found, load_gold(GOLD / "targets" / f"{plan_id}.yaml"))
    misses = [(m.gold.quote, m.wrong) for m in total.misses]
    assert total.recall >= 0.85, misses
    assert total.precision >= 0.85, [t.wording for t in total.extra]


def test_the_first_held_out_plans_are_development_plans_now() -> None:
    """Scored once when held out (figures in plans.yaml and the README), then read and fixed."""
    former = [p.id for p in manifest() if p.was_held_out]
    assert len(former) >= 3
    assert set(former) <= set(DEVELOPMENT)
    assert all((GOLD / "targets" / f"{p}.yaml").exists() for p in former)
    assert entry("luhe").seed


def test_the_scorer_counts_a_wrong_field_as_a_miss() -> None:
    gold = load_gold(GOLD / "targets" / "dehong.yaml")
    found = extract_targets(load_plan("dehong"))
    right = score_targets(found, gold).correct
    found[0].year = 1999
    found.pop()
    score = score_targets(found, gold)
    assert score.correct == right - 2
    assert any(m.wrong == ["year"] for m in score.misses)
    assert set(STRICT_FIELDS) == {"indicator", "value", "unit", "year", "kind"}


def test_a_quote_made_unique_by_the_sentence_before_is_judged_by_its_figure() -> None:
    """A reader who starts a quote in the sentence before, to make it unique (重要力量。到2030年，
    全市旅游人数达3亿人次), points at the part that writes the figure, not at the longer
    sentence before it; a doubtful copy of a target leaves the target to the scored one."""
    plan = plan_from_source(
        "某市旅游发展规划（2026-2030年）\n一、目标\n"
        "导读：旅游业已成为全市经济社会发展的重要力量。到2030年，全市旅游人数达3亿人次。\n"
        "旅游业已成为全市经济社会发展的重要力量。到2030年，全市旅游人数达3亿人次。"
    )
    found = extract_targets(plan)

    def record(quote: str, doubtful: bool) -> GoldTarget:
        return GoldTarget(
            quote=quote,
            names=["旅游人数"],
            value=Decimal(3),
            value_max=None,
            unit="亿人次",
            comparator=">=",
            year=2030,
            kind="stock",
            rate=False,
            doubtful=doubtful,
        )

    copy = record(
        "导读：旅游业已成为全市经济社会发展的重要力量。到2030年，全市旅游人数达3亿人次", True
    )
    body = record("到2030年，全市旅游人数达3亿人次", False)
    assert longest_part(squeeze(copy.quote), copy.value) == squeeze(
        "到2030年，全市旅游人数达3亿人次"
    )
    assert longest_part(squeeze(copy.quote)) != squeeze("到2030年，全市旅游人数达3亿人次")
    score = score_targets(found, [copy, body])
    assert (score.gold, score.correct) == (1, 1)


def test_every_passage_reads_as_a_plan_and_has_its_gold() -> None:
    # A passage the evaluation cannot read (a file stem too long for a plan id) would drop out of
    # every figure without a word.
    folders = passage_batches()
    assert len(folders) >= 80
    for folder in folders:
        for passage in passage_ids(folder):
            assert load_passage(passage, folder).sections, passage
            assert (folder / "gold" / f"{passage}.yaml").is_file(), passage
