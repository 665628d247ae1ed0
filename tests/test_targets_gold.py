"""Extraction measured against the hand-made gold files of both seeds (recall and precision)."""

from __future__ import annotations

import pytest
from evaluation.scoring import CORE_FIELDS, load_gold_targets, score_targets

from plancompare.model import Plan
from plancompare.targets.extract import extract_targets
from tests.conftest import DATA

GOLD = DATA / "targets"


@pytest.mark.parametrize("plan_id", ["luhe", "dehong"])
def test_gold_quotes_are_in_the_plan(plan_id: str, request: pytest.FixtureRequest) -> None:
    """The gold is about the plan as shipped: every section exists and holds the quoted words."""
    plan: Plan = request.getfixturevalue(plan_id)
    for g in load_gold_targets(GOLD / f"gold_{plan_id}.yaml"):
        section = plan.section(g.section)
        assert section is not None, g
        rows = [" | ".join(r) for t in section.tables for r in t.rows]
        assert g.quote in section.text or any(g.quote in r for r in rows), g


@pytest.mark.parametrize("plan_id", ["luhe", "dehong"])
def test_extraction_recall_and_precision(plan_id: str, request: pytest.FixtureRequest) -> None:
    plan: Plan = request.getfixturevalue(plan_id)
    score = score_targets(extract_targets(plan), load_gold_targets(GOLD / f"gold_{plan_id}.yaml"))
    misses = [(m.gold.section, m.gold.indicators[0], m.wrong) for m in score.misses]
    assert score.recall >= 0.95, misses
    assert score.precision >= 0.95, [(t.section, t.indicator) for t in score.extra]
    for name in CORE_FIELDS:
        assert score.fields[name] >= 0.95, name


def test_the_scorer_counts_a_wrong_field_as_a_miss(luhe: Plan) -> None:
    gold = load_gold_targets(GOLD / "gold_luhe.yaml")
    found = extract_targets(luhe)
    found[0].year = 2029
    found.pop()
    score = score_targets(found, gold)
    assert score.correct == len(gold) - 2
    assert score.misses[0].wrong == ["year"]
    assert score.misses[-1].found is None
