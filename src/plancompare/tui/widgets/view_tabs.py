"""The strip of view names at the top of every view; the current one is highlighted."""

from __future__ import annotations

from textual.widgets import Tab, Tabs

from plancompare.tui.i18n import Labels

VIEWS = ("compare", "targets", "findings", "comments")


class ViewTabs(Tabs):
    """对照 · 指标 · 问题 · 意见 — clicking one switches the view (keys 1–4 do too)."""

    def __init__(self, current: str, labels: Labels) -> None:
        tabs = [
            Tab(f"{n} {labels['view_' + view]}", id=f"view-{view}")
            for n, view in enumerate(VIEWS, 1)
        ]
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
