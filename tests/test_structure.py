"""The heading grammar and tree builder, driven by fixture files (source in, tree out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancompare.ingest.text import read_text
from plancompare.model import Plan, PlanMeta
from plancompare.plan.canonical import parse_markdown, render_markdown
from plancompare.plan.structure import build_sections, take_head
from tests.conftest import DATA
from tests.outline_format import outline_lines


def load_cases(path: Path) -> list[tuple[str, str, str]]:
    """(name, source, expected) for each ``## case:`` of a fixture file."""
    cases = []
    for chunk in path.read_text(encoding="utf-8").split("## case: ")[1:]:
        name, _, rest = chunk.partition("\n")
        source, sep, expected = rest.partition("\n----\n")
        assert sep, f"case {name!r} in {path.name} has no ---- line"
        cases.append((name.strip(), source, expected.strip("\n")))
    return cases


CASES = [
    *load_cases(DATA / "structure" / "grammar.txt"),
    *load_cases(DATA / "structure" / "layout.txt"),
]


def plan_from_text(source: str) -> Plan:
    """A plan read from a text file's content, as ``import`` reads a .txt."""
    blocks, notes = read_text(source)
    head, body = take_head(blocks)
    meta = PlanMeta(
        id="case", title=head.title, period=head.period, status=head.status, notes=notes
    )
    return Plan(meta=meta, sections=build_sections(body))


def case_lines(plan: Plan) -> list[str]:
    """The outline of a case, then its notes (if any) on one ``@notes`` line."""
    notes = [f"@notes {' | '.join(plan.meta.notes)}"] if plan.meta.notes else []
    return [*outline_lines(plan), *notes]


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_grammar_case(source: str, expected: str) -> None:
    assert "\n".join(case_lines(plan_from_text(source))) == expected


@pytest.mark.parametrize("source", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_canonical_markdown_round_trip(source: str) -> None:
    """Source → canonical Markdown → parse gives the same tree as parsing the source."""
    direct = plan_from_text(source)
    again = parse_markdown(render_markdown(direct), plan_id="case")
    assert outline_lines(again) == outline_lines(direct)
