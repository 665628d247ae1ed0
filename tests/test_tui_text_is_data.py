"""Text from plans, comments and errors reaches the workspace as data, never as Rich markup:
a heading holding ``[/]`` does not crash it, ``[2025]`` is shown as written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual.widgets import Tree

from plancompare.model import Plan
from plancompare.tui.plain import plain
from plancompare.tui.widgets.status_line import StatusLine
from tests.tui_support import build_app, wait_until


def _marked(plan: Plan) -> Plan:
    """The plan with markup-like text in its title and first heading."""
    first = plan.sections[1] if len(plan.sections) > 1 else plan.sections[0]
    heading = replace(
        first, title="[/]规划目标[2025]", heading=(first.number or "") + "[/]规划目标[2025]"
    )
    sections = [heading if s is first else s for s in plan.sections]
    return Plan(meta=replace(plan.meta, title="[bold]某县[/]规划[2025]"), sections=sections)


async def test_markup_in_a_plan_is_shown_as_written(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = build_app(_marked(luhe), dehong, tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: app.workspace.alignment is not None, "the alignment")
        await pilot.press("o")
        await pilot.pause()
        labels = [
            str(node.label) for node in app.screen.query_one("#outline-a", Tree).root.children
        ]
        app.notify("[/] is not markup [2025]")
        await pilot.pause()
        status = app.screen.query_one(StatusLine)
        shown = str(status.render())
    assert any("[/]规划目标[2025]" in label for label in labels)
    assert app.sub_title.startswith("[bold]某县[/]规划[2025]")
    assert app.return_code in (None, 0)
    assert shown


def test_plain_makes_controls_visible_and_is_no_markup() -> None:
    text = plain("[2025]\x1b]0;title\x07[/]")
    assert isinstance(text, Text)
    assert text.plain == "[2025]\\x1b]0;title\\x07[/]"
