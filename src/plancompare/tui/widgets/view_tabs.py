"""The strip of view names at the top of every view; the current one is highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Tab, Tabs

from plancompare.tui.i18n import Labels

#: The views of every workspace, keys 1–4.
VIEWS = ("compare", "targets", "findings", "comments")
#: The key of each view (the 衔接 view of three plans or more: 0, before the others).
KEYS = {"coverage": "0", **{view: str(n) for n, view in enumerate(VIEWS, 1)}}


def views_of(plans: int) -> tuple[str, ...]:
    """The views of a workspace on ``plans`` plans, in the order the tabs show them."""
    return ("coverage", *VIEWS) if plans >= 3 else VIEWS


class ViewTabs(Tabs):
    """(0 衔接 ·) 1 对照 · 2 指标 · 3 问题 · 4 意见 — clicking one switches the view (its key
    does too)."""

    def __init__(self, current: str, labels: Labels, views: Sequence[str] = VIEWS) -> None:
        tabs = [Tab(f"{KEYS[view]} {labels['view_' + view]}", id=f"view-{view}") for view in views]
        super().__init__(*tabs, active=f"view-{current}")
        self.view = current
        """The view whose screen this strip is on (it always shows that one)."""
        self.can_focus = False

    async def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        view = (event.tab.id or "").removeprefix("view-")
        if not view or view == self.view:
            return
        # Each view has its own strip: this one stays on its view, for when the reviewer
        # comes back to it; the strip of the view switched to shows that one.
        with self.prevent(Tabs.TabActivated):
            self.active = f"view-{self.view}"
        await self.app.run_action(f"show_view('{view}')")
