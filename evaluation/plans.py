"""The plans of the evaluation: the manifest `evaluation/plans.yaml`, and each plan read as a user
would import it (with the title, region and period the manifest gives)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from plancompare.model import Plan
from plancompare.plan.importer import MAX_ID_LENGTH, MetaOptions, read_plan

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLD = HERE / "gold"


@dataclass(frozen=True, slots=True)
class EvalPlan:
    """One plan of the manifest."""

    id: str
    """The id gold files use."""
    path: Path
    """The source file, as published."""
    title: str | None
    """The title a user would give on import, where the text has none."""
    region: str | None
    """The region the plan is for."""
    level: str | None
    """Its administrative level (国家, 省, 市 …), where the region does not tell it."""
    period: str | None
    """The plan period ("2021-2025", "2019"), where the text does not state it."""
    held_out: bool
    """Set aside: nobody developing plancompare looks at its output until the end."""
    seed: bool
    """One of the two plans the project started from (shipped in corpora/)."""
    was_held_out: bool
    """Held out until the extractor's first rework was scored on it; development since."""
    targets_gold: bool
    """Whether it has target gold (not when its figures are corrupted in the source)."""


@cache
def manifest() -> tuple[EvalPlan, ...]:
    """Every plan of `evaluation/plans.yaml`, in its order."""
    data = yaml.safe_load((HERE / "plans.yaml").read_text(encoding="utf-8"))
    return tuple(
        EvalPlan(
            id=p["id"],
            path=(HERE / p["file"]).resolve(),
            title=p.get("title"),
            region=p.get("region"),
            level=p.get("level"),
            period=None if p.get("period") is None else str(p["period"]),
            held_out=bool(p.get("held_out", False)),
            seed=bool(p.get("seed", False)),
            was_held_out=bool(p.get("was_held_out", False)),
            targets_gold=bool(p.get("targets_gold", True)),
        )
        for p in data["plans"]
    )


def entry(plan_id: str) -> EvalPlan:
    """The manifest entry of one plan."""
    for p in manifest():
        if p.id == plan_id:
            return p
    raise KeyError(plan_id)


def import_options(p: EvalPlan) -> MetaOptions:
    """The metadata a user would give on the command line for this plan."""
    return MetaOptions(title=p.title, region=p.region, period=p.period, level=p.level)


@cache
def load_plan(plan_id: str) -> Plan:
    """A plan of the manifest, read from its source as `plancompare import` reads it; an id
    ``passagesN-STEM`` is a passage of a passages folder (a benchmark of two passages)."""
    if plan_id.startswith("passages") and "-" in plan_id:
        folder, stem = plan_id.split("-", 1)
        return _read_passage(HERE / folder / f"{stem}.txt", plan_id)
    p = entry(plan_id)
    return read_plan(p.path, p.id, import_options(p))


PASSAGES = HERE / "passages"
_HEADER = re.compile(
    r"^#\s*level:\s*(?P<level>\S+)\s+region:\s*(?P<region>\S+)\s+period:\s*(?P<period>\S+)"
)

_PERIOD_YEARS = re.compile(r"^(?:19|20)\d{2}(?:-(?:19|20)\d{2})?(?![0-9])")


def passage_batches() -> list[Path]:
    """The folders of real passages, in batch order: passages/ (batch 1), passages2/, …"""
    folders = [p for p in HERE.glob("passages*") if p.is_dir()]
    numbered = [p for p in folders if p.name == "passages" or p.name[len("passages") :].isdigit()]
    return sorted(numbered, key=lambda p: int(p.name[len("passages") :] or 1))


def passage_ids(folder: Path = PASSAGES) -> list[str]:
    """The passages of real plans in a folder (evaluation/passages/, passages2/), by file stem."""
    return sorted(p.stem for p in folder.glob("[0-9]*.txt"))


@cache
def load_passage(passage_id: str, folder: Path = PASSAGES) -> Plan:
    """A passage read as `plancompare import` reads a file, with the region and period its
    header gives (a user would give them on import)."""
    return _read_passage(folder / f"{passage_id}.txt", passage_id.replace("-", "_"))


def _read_passage(path: Path, plan_id: str) -> Plan:
    region = period = level = None
    for line in path.read_text(encoding="utf-8").splitlines()[:4]:
        m = _HEADER.match(line)
        if m:
            level, region, period = m["level"], m["region"], m["period"]
    # 2011(“今年”,年份据页面日期): the years are what a user would give; the bracket is the
    # gold writer's note on where they come from.
    years = _PERIOD_YEARS.match(period or "")
    options = MetaOptions(
        region=region if region not in (None, "unknown") else None,
        period=years.group() if years else None,
        level=level if level in ("国家", "省", "市", "县") else None,
    )
    if len(plan_id) <= MAX_ID_LENGTH:
        return read_plan(path, plan_id, options)
    # passages81-04_national_2015_2017_… in a benchmark pair: a plan id a user could not give
    # (64 characters at most), read under a short one and then named as the gold names it.
    plan = read_plan(path, plan_id[:MAX_ID_LENGTH], options)
    plan.meta.id = plan_id
    return plan
