"""The workspace app with everything computed, fast: the core's results are computed once per
test session and handed to each app as its load worker would, so view tests need not wait."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from plancompare.align.diff import SentenceMatcher
from plancompare.align.rows import CompareRow
from plancompare.model import Alignment, Benchmark, Finding, Plan
from plancompare.review.model import Comment, Status
from plancompare.review.writing import Draft, new_comment
from plancompare.tui import PlanCompareApp
from tests.tui_support import build_app

#: When the test comments were written (fixed, so pictures and reports do not change).
WRITTEN = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


@dataclass
class Computed:
    """What the load worker computes for 陆河 ⇄ 德宏 with the lexical embedder."""

    findings: dict[str, list[Finding]]
    alignment: Alignment
    rows: list[CompareRow]
    benchmark: Benchmark
    matcher: SentenceMatcher | None


_COMPUTED: dict[tuple[int, int], Computed] = {}


def computed(luhe: Plan, dehong: Plan) -> Computed:
    """The results of the core, once per session (the plans are session fixtures)."""
    key = (id(luhe), id(dehong))
    if key in _COMPUTED:
        return _COMPUTED[key]
    with tempfile.TemporaryDirectory() as scratch:
        ws = build_app(luhe, dehong, Path(scratch), compute=False).workspace
        ws.compute_findings()
        ws.compute_alignment()
        ws.compute_benchmark()
        ws.compute_matcher()
        ws.store.close()
    assert ws.alignment is not None and ws.benchmark is not None
    _COMPUTED[key] = Computed(ws.findings, ws.alignment, ws.rows, ws.benchmark, ws.matcher)
    return _COMPUTED[key]


def ready_app(luhe: Plan, dehong: Plan, tmp_path: Path, lang: str = "zh") -> PlanCompareApp:
    """The app with no load worker; :func:`fill` gives it the results."""
    return build_app(luhe, dehong, tmp_path, lang=lang, compute=False)


def fill(app: PlanCompareApp) -> None:
    """Hand the app the core's results, publishing them as the load worker does."""
    ws = app.workspace
    done = computed(ws.a, ws.b)
    ws.findings, ws.alignment, ws.rows = done.findings, done.alignment, done.rows
    ws.benchmark, ws.matcher = done.benchmark, done.matcher
    for what in ("findings", "alignment", "benchmark", "matcher"):
        app.workspace_changed.publish(what)
    app.set_status(app.ready_status())


def add_comments(app: PlanCompareApp) -> list[Comment]:
    """Three comments by two reviewers on both plans, written at :data:`WRITTEN`."""
    ws = app.workspace
    drafts = [
        ("luhe", "6.1", "成立由县", Draft("建议明确牵头单位和责任分工", reviewer="张三")),
        ("luhe", "3.1", None, Draft("产值目标偏高，建议补充测算依据", "question", reviewer="李四")),
        (
            "dehong",
            "5.1",
            None,
            Draft("建议写明领导小组的议事规则", "add", reviewer="张三", status=Status.SUBMITTED),
        ),
    ]
    out = []
    for plan_id, section, quote, draft in drafts:
        draft.organisation = "县发展和改革局"
        comment = new_comment(ws.plan(plan_id), section, draft, quote=quote, now=WRITTEN)
        out.append(ws.store.add(comment))
    return out


def screen_text(app: PlanCompareApp) -> str:
    """What the terminal shows, as lines of plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)
