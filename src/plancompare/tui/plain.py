"""Text from plans, comments and error messages for Textual: always data, never markup.

A heading holding ``[/]`` given to a widget as a string is parsed as Rich markup and crashes the
workspace (MarkupError); ``[2025]`` silently disappears. Every such string goes through
:func:`plain` (or a widget's ``markup=False``) before it is rendered.
"""

from __future__ import annotations

from rich.text import Text

from plancompare.text.visible import visible


def plain(text: str, style: str = "") -> Text:
    """``text`` as it is written (control characters made visible), never read as markup."""
    return Text(visible(text), style=style)
