"""Every plan of evaluation/plans.yaml through import, outline, check, targets and align.

The held-out plans (held_out: true) appear here only as "no traceback, some sections": their
outlines are not looked at while the importer is developed. The artefact tests below run on
the in-sample plans only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from plancompare.cli import main
from plancompare.model import Plan, SectionKind
from plancompare.plan.importer import MetaOptions
from tests.conftest import ROOT

EVALUATION = ROOT / "evaluation"
MANIFEST: list[dict[str, Any]] = yaml.safe_load(
    (EVALUATION / "plans.yaml").read_text(encoding="utf-8")
)["plans"]
IDS = [p["id"] for p in MANIFEST]
IN_SAMPLE = [p["id"] for p in MANIFEST if not p.get("held_out")]
# The comparable pairs of evaluation/plans/README.md ("Comparable pairs").
PAIRS = [
    ("nat_smart_mfg", "sd_smart_mfg"),
    ("nat_sensors", "sd_smart_sensor"),
    ("sd_ai_pilot", "qd_ai_pilot"),
    ("sd_digital_2021", "jn_digital"),
    ("sd_digital_2019", "sd_digital_2021"),
    ("nat_bm_draft", "nat_bm_final"),
]


def _import_args(entry: dict[str, Any]) -> list[str]:
    # Embedding every plan at import would take minutes; the smoke test reads, not reviews.
    args = [str(EVALUATION / entry["file"]), "--id", entry["id"], "--no-embed"]
    for key in ("title", "region", "period", "status"):
        if entry.get(key):
            args += [f"--{key}", str(entry[key])]
    return args


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every plan of the manifest imported through the CLI into one scratch corpus."""
    root = tmp_path_factory.mktemp("smoke") / "corpora"
    runner = CliRunner()
    for entry in MANIFEST:
        result = runner.invoke(
            main, ["--corpus", str(root), "import", *_import_args(entry)], catch_exceptions=False
        )
        assert result.exit_code == 0, (entry["id"], result.output, result.stderr)
    return root


@pytest.fixture
def run(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.setenv("PLANCOMPARE_CACHE", str(tmp_path / "cache.db"))

    def invoke(*args: str) -> Result:
        result = CliRunner().invoke(
            main,
            ["--corpus", str(corpus), "--db", str(tmp_path / "review.db"), *args],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, (args, result.output, result.stderr)
        return result

    return invoke


@pytest.mark.parametrize("plan_id", IDS)
def test_every_plan_goes_through_outline_check_and_targets(
    plan_id: str, run: Callable[..., Result]
) -> None:
    outline = json.loads(run("outline", plan_id, "--json").output)
    assert len(outline["sections"]) >= 2
    assert run("outline", plan_id).output.strip()
    findings = json.loads(run("check", plan_id, "--json").output)
    assert isinstance(findings["findings"], list)
    targets = json.loads(run("targets", plan_id, "--json").output)
    assert isinstance(targets["targets"], list)


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_every_comparable_pair_aligns(a: str, b: str, run: Callable[..., Result]) -> None:
    links = json.loads(run("align", a, b, "--model", "lexical", "--json").output)
    assert links["links"]


# ---------------------------------------------------------------- artefacts, in-sample plans


@cache
def _plan(plan_id: str) -> Plan:
    """An in-sample plan read from its source with its manifest metadata (nothing written)."""
    from plancompare.plan.importer import read_plan

    assert plan_id in IN_SAMPLE, "held-out plans are not inspected"
    entry = next(p for p in MANIFEST if p["id"] == plan_id)
    options = MetaOptions(**{k: entry.get(k) for k in ("title", "region", "period", "status")})
    return read_plan(EVALUATION / entry["file"], plan_id, options)


def _headings(plan: Plan) -> list[str]:
    return [s.title for s in plan.walk() if s.title]


# A heading ends on a word, not inside one: these end a Chinese line only mid-word or
# mid-phrase (a function word, an open bracket, an enumeration comma).
_MID_WORD_END = re.compile(r"[的和与及或、，（(“《了在对为把将等由]$")


@pytest.mark.parametrize("plan_id", IN_SAMPLE)
def test_no_heading_ends_mid_word_and_no_page_number_is_text(plan_id: str) -> None:
    plan = _plan(plan_id)
    bad = [t for t in _headings(plan) if _MID_WORD_END.search(t)]
    assert bad == []
    paragraphs = [p for s in plan.walk() for p in s.paragraphs]
    assert not [p for p in paragraphs if re.fullmatch(r"[-—\s]*\d{1,3}[-—\s]*", p)]
    assert not [p for p in paragraphs if re.search(r"\.{6,}\s*\d+$", p)]


@pytest.mark.parametrize("plan_id", IN_SAMPLE)
def test_header_comments_are_notes_not_text(plan_id: str) -> None:
    plan = _plan(plan_id)
    assert not [p for s in plan.walk() for p in s.paragraphs if p.startswith("# ")]
    if plan_id not in ("luhe", "dehong"):
        assert any(n.startswith("source:") for n in plan.meta.notes)


def test_national_smart_manufacturing_is_unwrapped_with_its_boxes() -> None:
    plan = _plan("nat_smart_mfg")
    boxes = [s for s in plan.walk() if s.kind is SectionKind.BOX]
    assert [b.ordinal for b in boxes] == [1, 2, 3, 4, 5, 6]
    assert [b.title for b in boxes][:2] == ["智能制造技术攻关行动", "智能制造示范工厂建设行动"]
    assert all(
        b.children and all(c.number and c.number.startswith("0") for c in b.children) for b in boxes
    )
    # Each box sits in the （一）–（四） task section it illustrates.
    assert {s.id.rsplit(".", 1)[0] for s in boxes} == {"3.1", "3.2", "3.3", "3.4"}
    # Before unwrapping, the outline had lead "headings" made of line fragments; the lead
    # phrases are now exactly the principles and tasks of the plan.
    principles = next(s for s in plan.walk() if s.title == "基本原则")
    assert [c.title for c in principles.children] == [
        "坚持创新驱动",
        "坚持市场主导",
        "坚持融合发展",
        "坚持安全可控",
        "坚持系统推进",
    ]
    assert all(len(t) >= 4 for t in _headings(plan))
    assert "公共服 " not in "\n".join(s.full_text() for s in plan.walk())
    assert not any(s.kind is SectionKind.INFERRED for s in plan.walk())
    # The table of contents is gone; the title line after the header comments is the title.
    assert plan.meta.title == "“十四五”智能制造发展规划"
    assert len([s for s in plan.sections if s.number == "一、"]) == 1


def test_boxes_of_other_plans_are_boxes() -> None:
    sensor = [s for s in _plan("sd_smart_sensor").walk() if s.kind is SectionKind.BOX]
    assert [(b.number, b.title) for b in sensor] == [
        ("专栏1", "重点突破的技术领域"),
        ("专栏2", "智能传感器推广示范工程"),
    ]
    assert [len(b.children) for b in sensor] == [8, 8]
    draft = [s for s in _plan("nat_bm_draft").walk() if s.kind is SectionKind.BOX]
    assert [b.number for b in draft] == ["专栏一", "专栏二"]


def test_em_space_indented_plan_reads_its_flat_numbering() -> None:
    plan = _plan("sd_digital_2019")
    items = [s for s in plan.walk() if s.style == "ar_dot"]
    assert [s.ordinal for s in items] == list(range(1, 22))


@pytest.mark.parametrize("plan_id", IDS)
def test_the_stored_plan_reads_back_as_it_was_read(plan_id: str, corpus: Path) -> None:
    """What the importer read and what the corpus gives back are the same tree, text and all:
    the canonical Markdown loses nothing (text of a section after one of its 专栏 included)."""
    from plancompare.plan.corpus import Corpus
    from plancompare.plan.importer import read_plan

    entry = next(e for e in MANIFEST if e["id"] == plan_id)
    options = MetaOptions(**{k: entry.get(k) for k in ("title", "region", "period", "status")})
    read = read_plan(EVALUATION / entry["file"], plan_id, options)
    stored = Corpus(corpus).load(plan_id)
    assert [(s.id, s.kind, s.label, s.text) for s in stored.walk()] == [
        (s.id, s.kind, s.label, s.text) for s in read.walk()
    ]
