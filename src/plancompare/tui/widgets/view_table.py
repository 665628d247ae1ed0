"""The table of a list view: one row per item, a row cursor, and an Enter that says what it does."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.widgets import DataTable

from plancompare.tui.i18n import localize_bindings
from plancompare.tui.running import workspace_app


def fit(text: str, width: int) -> Text:
    """``text`` on one line cut to ``width`` terminal cells with an ellipsis (Chinese characters
    take two cells; Rich measures them so)."""
    cell = Text(" ".join(text.split()), no_wrap=True, overflow="ellipsis")
    cell.truncate(max(width, 1), overflow="ellipsis")
    return cell


class ViewTable(DataTable[Text]):
    """A DataTable with a row cursor whose Enter key is shown in the footer as ``enter``
    (a label key: "bind_jump", "bind_show"), in the interface's language."""

    def __init__(self, enter: str, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        keys = self._bindings.key_to_bindings
        keys["enter"] = [replace(b, description=enter, show=True) for b in keys.get("enter", [])]

    def on_mount(self) -> None:
        app = workspace_app(self)
        localize_bindings(self, app.labels)
        app.localized.add(self)
