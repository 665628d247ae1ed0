"""Target consistency findings: fixture-file cases and the real inconsistencies of the seeds."""

from __future__ import annotations

import pytest

from plancompare.checks import check_plan
from plancompare.i18n import has
from plancompare.model import Finding, Plan
from plancompare.plan.wording import finding_text
from plancompare.targets.consistency import target_findings
from tests.conftest import DATA
from tests.test_targets import load_cases, plan_from_source

CASES = load_cases(DATA / "targets" / "consistency.txt")


def finding_line(f: Finding) -> str:
    return f"{f.kind} | {f.section} | {' ‖ '.join(f.evidence)}"


@pytest.mark.parametrize(("source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_consistency_case(source: str, expected: str) -> None:
    lines = [finding_line(f) for f in target_findings(plan_from_source(source))]
    assert ("\n".join(lines) or "(none)") == expected


def test_luhe_real_inconsistencies(luhe: Plan) -> None:
    findings = target_findings(luhe)
    assert [(f.kind, f.section) for f in findings] == [
        ("target-unit-mismatch", "3.1"),
        ("target-unit-mismatch", "3.3"),
        ("target-conflict", "3.4"),
    ]
    conflict = findings[2]
    assert conflict.evidence == [
        "100万元以上收入行政村数量超10个",
        "集体经济 | 100万元以上行政村数量 | 个 | 2 | 5 | 15",
    ]
    assert [(f.value, f.section, f.table) for f in conflict.figures] == [
        ("≥10个", "3.4", False),
        ("15个", "3", True),
    ]
    # the places are the draft's own: its heading path, its indicator table
    assert finding_text(conflict, "zh") == (
        "100万元以上收入行政村数量的2030年目标前后不一致："
        "三、总体目标 › ——惠民效应更加突出：≥10个；指标表（三、总体目标）：15个"
    )
    assert "15个 in indicator table (三、总体目标)" in finding_text(conflict, "en")


def test_evidence_is_exact_text_of_the_plan(luhe: Plan) -> None:
    for f in target_findings(luhe):
        section_texts = [s.text for s in luhe.walk()]
        rows = [" | ".join(r) for s in luhe.walk() for t in s.tables for r in t.rows]
        for quote in f.evidence:
            assert quote in rows or any(quote in text for text in section_texts)


def test_dehong_targets_are_consistent(dehong: Plan) -> None:
    assert target_findings(dehong) == []


def test_check_plan_adds_target_findings_after_structure(luhe: Plan) -> None:
    kinds = [f.kind for f in check_plan(luhe)]
    assert kinds[:3] == ["missing-heading", "missing-heading", "numbering-gap"]
    assert "target-conflict" in kinds


def test_every_finding_speaks_chinese_and_english(luhe: Plan, dehong: Plan) -> None:
    """Every finding is worded in both languages from its values, and has a kind label."""
    from plancompare.checks import check_plan

    findings = check_plan(luhe) + check_plan(dehong)
    assert len({f.kind for f in findings}) >= 5
    for f in findings:
        chinese, english = finding_text(f, "zh"), finding_text(f, "en")
        assert chinese and english and chinese != english
        assert has(f"kind_{f.kind}", "zh") and has(f"kind_{f.kind}", "en")
