"""Structural findings of ``check``, driven by a fixture file (plan excerpt in, findings out)."""

from __future__ import annotations

import pytest

from plancompare.checks import structure_findings
from plancompare.plan.wording import finding_text
from tests.conftest import DATA
from tests.test_structure import load_cases, plan_from_text

CASES = load_cases(DATA / "structure" / "checks.txt")


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check_case(source: str, expected: str) -> None:
    findings = structure_findings(plan_from_text(source))
    lines = [f"{f.kind} | {f.section} | {' / '.join(f.evidence)}" for f in findings]
    assert ("\n".join(lines) or "none") == expected


def test_a_break_in_continuous_numbering_names_both_ways_to_fix_it() -> None:
    source = next(c[1] for c in CASES if c[0].startswith("a break inside"))
    (finding,) = structure_findings(plan_from_text(source))
    assert finding.variant == "restart"
    english, chinese = finding_text(finding, "en"), finding_text(finding, "zh")
    assert "1." in english and "5." in english
    assert "“1.”" in chinese and "“5.”" in chinese
