"""Coverage against the in-sample gold pairs (evaluation/gold/coverage/): the figures the README
reports hold. The held-out pair is never scored here (bench/score_coverage.py --held-out)."""

from __future__ import annotations

from pathlib import Path

import pytest
from evaluation.coverage import HELD_OUT, IN_SAMPLE, gold_path, load_gold, score_pair

from plancompare.embed import get_embedder
from plancompare.embed.lexical import LexicalEmbedder

SMART_MFG, SENSORS = IN_SAMPLE


def test_the_held_out_pair_is_set_apart() -> None:
    assert set(HELD_OUT).isdisjoint(IN_SAMPLE)
    assert all(gold_path(p).is_file() for p in (*IN_SAMPLE, *HELD_OUT))


def test_every_in_sample_gold_item_is_found_in_its_reference_plan() -> None:
    from evaluation.coverage import place_items
    from evaluation.plans import load_plan

    for pair in IN_SAMPLE:
        ref_id, _, items = load_gold(gold_path(pair))
        assert len(place_items(load_plan(ref_id), items)) == len(items), pair


@pytest.mark.parametrize(
    ("pair", "accuracy", "absent_recall"), [(SMART_MFG, 0.55, 0.9), (SENSORS, 0.44, 1.0)]
)
def test_in_sample_figures_with_the_lexical_embedder(
    pair: str, accuracy: float, absent_recall: float
) -> None:
    score = score_pair(pair, LexicalEmbedder())
    assert score.unplaced == []
    assert score.accuracy >= accuracy
    assert score.absent_recall >= absent_recall


@pytest.mark.slow
def test_in_sample_figures_with_e5(tmp_path: Path) -> None:
    """The README's figures with the default embedder (the pairs are embedded cold: ~2 min)."""
    embedder = get_embedder("e5", cache=tmp_path / "embeddings.db")
    smart_mfg = score_pair(SMART_MFG, embedder)
    sensors = score_pair(SENSORS, embedder)
    assert (smart_mfg.items, sensors.items) == (68, 38)
    assert smart_mfg.accuracy >= 0.55 and smart_mfg.absent_recall >= 0.8
    assert sensors.accuracy >= 0.57 and sensors.absent_recall >= 1.0
    total = smart_mfg + sensors
    assert total.accuracy >= 0.56 and total.absent_recall >= 0.86
