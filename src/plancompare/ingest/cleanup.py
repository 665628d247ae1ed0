"""Clean-up of Word-export artefacts that are not part of the plan's text."""

from __future__ import annotations

import re

# Word's hidden bookmarks (_Toc…, _GoBack, OLE_LINK…) leak into plain-text exports as
# "[bookmark: name]"; they are never part of what the drafters wrote.
_BOOKMARK = re.compile(r"\[bookmark:\s*[^\]\n]*\]")
# Indentation and stray spaces at the edges of a line: ASCII, no-break, ideographic (U+3000),
# the typographic spaces U+2000-U+200A (editors indent Chinese with em spaces, U+2003),
# narrow no-break, medium mathematical, zero-width, and a stray byte-order mark.
_EDGE_SPACE = " \t\xa0\u3000" + "".join(map(chr, range(0x2000, 0x200C))) + "\u202f\u205f\ufeff"


def clean_line(text: str) -> str:
    """A paragraph's text without export artefacts and without surrounding blank space."""
    return _BOOKMARK.sub("", text).strip(_EDGE_SPACE)
