"""The workspace shell: it paints, fills in from its workers, switches views and exports."""

from __future__ import annotations

from pathlib import Path

from plancompare.model import Plan
from tests.tui_support import build_app, loaded


async def test_paints_then_fills_in_and_switches_views(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    app = build_app(luhe, dehong, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.current_mode == "compare"
        await loaded(pilot)
        ws = app.workspace
        assert ws.alignment is not None
        assert ws.rows
        assert ws.benchmark is not None
        assert ws.matcher is not None
        assert set(ws.findings) == {"luhe", "dehong"}
        assert "已完成对照" in app.status_text
        for key, mode in (("2", "targets"), ("3", "findings"), ("4", "comments"), ("1", "compare")):
            await pilot.press(key)
            assert app.current_mode == mode


async def test_english_labels(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    app = build_app(luhe, dehong, tmp_path, lang="en", compute=False)
    async with app.run_test(size=(80, 24)):
        assert app.title == "Plan compare"
        descriptions = {active.binding.description for active in app.active_bindings.values()}
        assert "Export report" in descriptions


def test_reviewer_is_remembered(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    first = build_app(luhe, dehong, tmp_path, compute=False).workspace
    assert first.reviewer() is None
    first.remember_reviewer("张三", "陆河县发展和改革局")
    again = build_app(luhe, dehong, tmp_path, compute=False).workspace
    assert again.reviewer() == ("张三", "陆河县发展和改革局")


async def test_comment_flow_asks_the_reviewer_once_then_saves_edits_deletes_and_undoes(
    luhe: Plan, dehong: Plan, tmp_path: Path
) -> None:
    from plancompare.tui.dialogs.comment_form import CommentForm
    from plancompare.tui.dialogs.reviewer import ReviewerDialog

    app = build_app(luhe, dehong, tmp_path, compute=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.write_comment("luhe", "6.1", "（一）建立高位推进机制", start=0, end=4)  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, ReviewerDialog)
        await pilot.press(*"张三", "enter", *"县发展改革局", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CommentForm)
        await pilot.press(*"建议明确牵头单位", "ctrl+s")
        await pilot.pause()
        (comment,) = app.workspace.comments()
        assert comment.body == "建议明确牵头单位"
        assert (comment.reviewer, comment.organisation) == ("张三", "县发展改革局")
        assert (comment.anchor.section, comment.anchor.exact) == ("6.1", "成立由县")

        screen.write_comment("dehong", "5.1", "（一）加强组织领导")  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, CommentForm)  # the name is remembered now
        await pilot.press("escape")
        assert len(app.workspace.comments()) == 1

        screen.edit_comment(comment)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("end", *"并写明考核办法", "ctrl+s")
        await pilot.pause()
        assert app.workspace.comments()[0].body == "建议明确牵头单位并写明考核办法"

        screen.delete_comment(comment)  # type: ignore[attr-defined]
        assert app.workspace.comments() == []
        await pilot.press("z")
        assert [c.id for c in app.workspace.comments()] == [comment.id]
