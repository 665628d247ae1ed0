"""Text from plans, comments and files as a terminal shows it: control characters made visible.

A comment or a plan may hold ESC, OSC or other C0/C1 controls (pasted, or planted): written to a
terminal as they are, they move the cursor, retitle the window or hide text. Here every control
but the newline and the tab becomes a visible escape (``\\x1b``), and bytes that are not text
(lone surrogates from undecodable input) become ``\\udcff`` instead of failing to print.
"""

from __future__ import annotations

import re

# C0 and C1 controls (but \t and \n), DEL, and the bidirectional overrides that reorder what
# a line shows.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, one_line: bool = False) -> str:
    """``text`` safe to write to a terminal: controls and stray surrogates as escapes (the
    newline too when ``one_line``)."""
    shown = _SURROGATE.sub(_escape, _CONTROL.sub(_escape, text))
    return shown.replace("\n", "\\n") if one_line else shown
