"""Coverage of a reference plan scored against the gold files of `evaluation/gold/coverage/`.

A gold item names a unit of the reference plan by its heading as written (and, where the heading
repeats, the words after it); it is found in the plan's reading order, whitespace aside. The
score is the share of items whose verdict is right, and the recall of 未体现 (absent) items — a
gap a tool misses is the costly error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from evaluation.plans import GOLD
from evaluation.targets import squeeze
from plancompare.embed.base import Embedder
from plancompare.model import Plan, Section

#: The gold pairs (REF__PLAN) coverage was calibrated on.
IN_SAMPLE = ("nat_smart_mfg__sd_smart_mfg", "nat_sensors__sd_smart_sensor")
#: Pairs that were held out and have been scored once (first-run figures in the README):
#: sd_ai_pilot__qd_ai_pilot at c661078 (accuracy 0.612, absent recall 2/3),
#: sd_digital_2021__jn_digital (accuracy 0.680, absent recall 1/2). Development data now.
#: nat_smart_mfg__nat_power_equip (gold11) at abef8c5 (accuracy 0.676, absent recall 2/6).
#: gold31 at b9fef13: sd_digital_2019__jn_digital (accuracy 0.800, absent recall 2/3) and
#: nat_smart_mfg__sd_trad_retrofit (accuracy 0.632, absent recall 0/2). gold40 at 3e1f539:
#: nat_smart_mfg__nat_ship_assembly (0.691, 2/4) and nat_smart_mfg__nat_bm_final (0.544, 2/3).
#: gold60 at 5112f22 (a national policy notice and two provinces' implementation plans, full
#: texts; no absent item in either): nat_ne_price__sc_ne_price (0.455) and
#: nat_ne_price__md_ne_price (0.591). gold64 at c1437fb (two national notices against one
#: province's plan, full texts): nat_green_direct__nm_green_direct (0.474, absent recall 0/1)
#: and nat_ne_consume__nm_green_direct (0.138, absent recall 0/12). gold68 at f25b0b8 (the
#: same national notice against a regional plan and a city's): nat_ne_price__south_ne_market
#: (0.864, absent recall 9/10) and nat_ne_price__tj_ne_price (0.955, no absent item).
#: gold81 at 75958a9 (full texts: the green-power notice against a second province, and a new
#: reference, the national new-type storage plan, against one province's):
#: nat_green_direct__sx_green_direct (0.842, no absent item) and nat_storage__sx_storage
#: (0.663, absent recall 13/27). gold85 at 77b0de7 (full texts, two new references: a
#: province's project rules that cite a national guidance, and a province's market plan
#: after a national notice): nat_sgls__sx_sgls (0.471, absent recall 2/8) and
#: nat_storage_market__gd_storage_market (0.583, absent recall 0/1). gold89 at 3d2c731 (a
#: regional notice that takes up part of a national one; a national notice against a plan
#: already used): nat_aux_price__nw_aux_price (0.579, absent recall 4/9) and
#: nat_near_consume__nm_green_direct (0.333, no absent item).
WAS_HELD_OUT = (
    "sd_ai_pilot__qd_ai_pilot",
    "sd_digital_2021__jn_digital",
    "nat_smart_mfg__nat_power_equip",
    "sd_digital_2019__jn_digital",
    "nat_smart_mfg__sd_trad_retrofit",
    "nat_smart_mfg__nat_ship_assembly",
    "nat_smart_mfg__nat_bm_final",
    "nat_ne_price__sc_ne_price",
    "nat_ne_price__md_ne_price",
    "nat_green_direct__nm_green_direct",
    "nat_ne_consume__nm_green_direct",
    "nat_ne_price__south_ne_market",
    "nat_ne_price__tj_ne_price",
    "nat_green_direct__sx_green_direct",
    "nat_storage__sx_storage",
    "nat_sgls__sx_sgls",
    "nat_storage_market__gd_storage_market",
    "nat_aux_price__nw_aux_price",
    "nat_near_consume__nm_green_direct",
    # gold99 (full texts, written by reading only), scored once at e0e8947.
    "nat_proxy_purchase__sc_proxy_purchase",
    "nat_coal_price__sc_proxy_purchase",
    # gold109 (full texts, written by reading only), scored once at 4f85a15.
    "nat_storage__bj_storage_industry",
    # gold131 (full texts, written by reading only), scored once at 3d33934.
    "nat_smart_mfg__nat_bm_draft",
    "nat_storage_market__sx_storage",
)
#: The gold pairs set aside: nobody developing coverage looks at their output until the end.
HELD_OUT: tuple[str, ...] = ()
#: The verdicts, in the order a confusion matrix lists them.
VERDICTS = ("covered", "partial", "absent")


def gold_path(pair: str) -> Path:
    """The gold file of a pair named REF__PLAN."""
    return GOLD / "coverage" / f"{pair}.yaml"


@dataclass(slots=True)
class GoldItem:
    """One item of a coverage gold file."""

    ref: str
    """The item's heading as written (with following words where it repeats)."""
    verdict: str
    """``covered``, ``partial`` or ``absent``."""
    where: list[str]
    """The headings of the lower plan's units that respond."""


@dataclass(slots=True)
class CoverageScore:
    """How a coverage agrees with the gold of one reference/plan pair."""

    items: int
    """Gold items found in the reference plan's outline."""
    right: int
    """Items whose verdict is right."""
    absent: int
    """Gold items judged absent."""
    absent_found: int
    """Of those, the ones the coverage calls absent."""
    unplaced: list[str] = field(default_factory=list)
    """Gold items no unit of the outline stands for."""
    wrong: list[str] = field(default_factory=list)
    """One line per item with the wrong verdict."""
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    """How many items of each gold verdict got each verdict: (gold, got) → count."""

    def __add__(self, other: CoverageScore) -> CoverageScore:
        return CoverageScore(
            self.items + other.items,
            self.right + other.right,
            self.absent + other.absent,
            self.absent_found + other.absent_found,
            [*self.unplaced, *other.unplaced],
            [*self.wrong, *other.wrong],
            self.confusion + other.confusion,
        )

    def matrix(self) -> list[str]:
        """The confusion matrix as lines of text: gold verdicts down, verdicts got across."""
        lines = ["gold / got  " + "".join(f"{v:>9}" for v in VERDICTS)]
        for gold in VERDICTS:
            counts = "".join(f"{self.confusion[(gold, got)]:>9}" for got in VERDICTS)
            lines.append(f"{gold:<12}{counts}")
        return lines

    @property
    def accuracy(self) -> float:
        """Share of items with the right verdict."""
        return self.right / self.items if self.items else 1.0

    @property
    def absent_recall(self) -> float:
        """Share of absent items the coverage calls absent."""
        return self.absent_found / self.absent if self.absent else 1.0


def load_gold(path: Path) -> tuple[str, str, list[GoldItem]]:
    """(reference id, plan id, items) of a coverage gold file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [
        GoldItem(str(i["ref"]), str(i["verdict"]), [str(w) for w in i.get("where") or []])
        for i in data["items"]
    ]
    return str(data["ref"]), str(data["plan"]), items


def _reading(plan: Plan) -> tuple[str, list[tuple[int, Section]]]:
    """The plan's headings and texts in reading order, squeezed, and where each unit starts."""
    parts: list[str] = []
    starts: list[tuple[int, Section]] = []
    pos = 0
    for section in plan.walk():
        starts.append((pos, section))
        text = squeeze(section.heading + section.text)
        parts.append(text)
        pos += len(text)
    return "".join(parts), starts


def place_items(plan: Plan, items: list[GoldItem]) -> dict[int, Section]:
    """Each gold item's unit in the plan: the unit whose heading the item's words start at,
    searched in reading order (an item's words follow the previous item's)."""
    text, starts = _reading(plan)
    placed: dict[int, Section] = {}
    cursor = 0
    for i, item in enumerate(items):
        at = text.find(squeeze(item.ref), cursor)
        if at < 0:
            at = text.find(squeeze(item.ref))
        if at < 0:
            continue
        owner = max((s for s in starts if s[0] <= at), key=lambda s: s[0])
        placed[i] = owner[1]
        cursor = at
    return placed


def score_coverage(verdicts: dict[str, str], plan: Plan, items: list[GoldItem]) -> CoverageScore:
    """Score a coverage, given as section id → verdict for one lower plan."""
    placed = place_items(plan, items)
    score = CoverageScore(0, 0, 0, 0)
    for i, item in enumerate(items):
        section = placed.get(i)
        if section is None:
            score.unplaced.append(item.ref)
            continue
        got = verdicts.get(section.id, "absent")
        score.items += 1
        score.right += got == item.verdict
        score.confusion[(item.verdict, got)] += 1
        if item.verdict == "absent":
            score.absent += 1
            score.absent_found += got == "absent"
        if got != item.verdict:
            score.wrong.append(f"{item.ref}: gold {item.verdict}, got {got} ({section.id})")
    return score


def score_pair(pair: str, embedder: Embedder | None) -> CoverageScore:
    """Coverage of a gold pair's reference plan by its plan, scored against the pair's gold."""
    from evaluation.plans import load_plan
    from plancompare.coverage import coverage

    ref_id, plan_id, items = load_gold(gold_path(pair))
    ref, plan = load_plan(ref_id), load_plan(plan_id)
    result = coverage(ref, [plan], embedder)
    verdicts = {row.section: row.cells[plan_id].verdict.value for row in result.rows}
    return score_coverage(verdicts, ref, items)
