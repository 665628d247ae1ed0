"""Clean-up of Word-export artefacts that are not part of the plan's text."""

from __future__ import annotations

import re

# Word's hidden bookmarks (_Toc…, _GoBack, OLE_LINK…) leak into plain-text exports as
# "[bookmark: name]"; they are never part of what the drafters wrote.
_BOOKMARK = re.compile(r"\[bookmark:\s*[^\]\n]*\]")
_EDGE_SPACE = " \t\u3000\xa0\ufeff\u200b"


def clean_line(text: str) -> str:
    """A paragraph's text without export artefacts and without surrounding blank space."""
    return _BOOKMARK.sub("", text).strip(_EDGE_SPACE)
