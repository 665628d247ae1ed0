"""The lines under a list view's table that show the selected row in full."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.text import Text
from textual.widgets import Static


class DetailPanel(Static):
    """Some lines wrap (a note, a message, a comment's body); others stay on one line, cut with
    an ellipsis (a source sentence: the compare view shows it whole)."""

    def show(self, lines: Sequence[tuple[str, bool]]) -> None:
        """Show ``(text, wrap)`` lines, top to bottom."""
        self.update(
            Group(
                *(
                    Text(text) if wrap else Text(text, no_wrap=True, overflow="ellipsis")
                    for text, wrap in lines
                )
            )
        )
