"""Findings a reviewer should see: structural problems of the section tree, inconsistent targets."""

from __future__ import annotations

from plancompare.model import Finding, Plan, Section, SectionKind
from plancompare.targets.consistency import target_findings
from plancompare.text.numbers import chinese_numeral


def check_plan(plan: Plan) -> list[Finding]:
    """Every finding for a plan: structure first, then the consistency of its targets."""
    return [*structure_findings(plan), *target_findings(plan)]


def structure_findings(plan: Plan) -> list[Finding]:
    """Missing headings, numbering gaps, duplicated and out-of-sequence numbers."""
    findings: list[Finding] = []
    _check_siblings(plan.sections, findings, {})
    return findings


def _number_text(style: str, value: int) -> str:
    """How a number of a style is written, for messages: 4 in cn_dun → 四、."""
    cn = chinese_numeral(value)
    return {
        "cn_dun": f"{cn}、",
        "cn_paren": f"（{cn}）",
        "ar_dot": f"{value}.",
        "ar_paren": f"（{value}）",
        "chapter": f"第{cn}章",
        "section": f"第{cn}节",
        "article": f"第{cn}条",
        "part": f"第{cn}部分",
    }.get(style, str(value))


def _first_child_heading(section: Section) -> str:
    for child in section.children:
        if child.heading:
            return child.heading
    return ""


def _check_siblings(nodes: list[Section], findings: list[Finding], run: dict[str, int]) -> None:
    """Check one list of siblings, then their children, in document order.

    ``run`` holds, per numbering style, the last number used so far in the document (or in
    the enclosing box): a list may restart at 1 under each parent or go on from there —
    numbering items 1.–17. straight through （一）–（四） is a common convention, and so is
    starting again — and only a number that fits neither is a finding. A 专栏 numbers its
    entries on its own, so it gets a run of its own.
    """
    last_by_style: dict[str, Section] = {}
    inferred_since: dict[str, int] = {}
    for node in nodes:
        if node.kind is SectionKind.INFERRED:
            first = _first_child_heading(node)
            findings.append(
                Finding(
                    kind="missing-heading",
                    section=node.id,
                    evidence=[first] if first else [],
                    values={"first": first},
                )
            )
            for style in last_by_style:
                inferred_since[style] = inferred_since.get(style, 0) + 1
        elif node.style is not None and node.ordinal is not None:
            prev = last_by_style.get(node.style)
            _check_number(node, prev, run.get(node.style), inferred_since, findings)
            last_by_style[node.style] = node
            run[node.style] = node.ordinal
            inferred_since.pop(node.style, None)
        _check_siblings(node.children, findings, {} if node.kind is SectionKind.BOX else run)


def _check_number(
    node: Section,
    prev: Section | None,
    run_last: int | None,
    inferred_since: dict[str, int],
    findings: list[Finding],
) -> None:
    assert node.style is not None
    assert node.ordinal is not None
    if prev is None or prev.ordinal is None:
        if run_last is not None and node.ordinal == run_last + 1:
            return  # numbered on from the previous list: the continuous convention
        if node.ordinal != 1 and run_last is not None:
            restart, cont = _number_text(node.style, 1), _number_text(node.style, run_last + 1)
            values = {"heading": node.heading, "restart": restart, "cont": cont}
            findings.append(
                Finding("out-of-sequence", node.id, [node.heading], values, variant="restart")
            )
        elif node.ordinal != 1:
            values = {"heading": node.heading, "start": _number_text(node.style, 1)}
            findings.append(
                Finding("out-of-sequence", node.id, [node.heading], values, variant="start")
            )
        return
    expected = _number_text(node.style, prev.ordinal + 1)
    quotes = [prev.heading, node.heading]
    if node.ordinal == prev.ordinal:
        values = {
            "number": node.number or "",
            "prev": prev.heading,
            "heading": node.heading,
            "expected": expected,
        }
        findings.append(Finding("duplicate-number", node.id, quotes, values))
    elif node.ordinal > prev.ordinal + 1:
        missing = "".join(
            _number_text(node.style, n) for n in range(prev.ordinal + 1, node.ordinal)
        )
        between = inferred_since.get(node.style, 0)
        values = {
            "prev": prev.heading,
            "heading": node.heading,
            "missing": missing,
            "between": str(between),
        }
        variant = "between" if between else ""
        findings.append(Finding("numbering-gap", node.id, quotes, values, variant=variant))
    elif node.ordinal < prev.ordinal:
        values = {"heading": node.heading, "prev": prev.heading, "expected": expected}
        findings.append(Finding("out-of-sequence", node.id, quotes, values))
