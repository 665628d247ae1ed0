"""Clean-up of export artefacts (Word, PDF, web pages) that are not part of the plan's text."""

from __future__ import annotations

import re

# Word's hidden bookmarks (_Toc…, _GoBack, OLE_LINK…) leak into plain-text exports as
# "[bookmark: name]"; they are never part of what the drafters wrote.
_BOOKMARK = re.compile(r"\[bookmark:\s*[^\]\n]*\]")
# Indentation and stray spaces at the edges of a line: ASCII, no-break, ideographic (U+3000),
# the typographic spaces U+2000-U+200A (editors indent Chinese with em spaces, U+2003),
# narrow no-break, medium mathematical, zero-width, and a stray byte-order mark.
_EDGE_SPACE = " \t\xa0\u3000" + "".join(map(chr, range(0x2000, 0x200C))) + "\u202f\u205f\ufeff"


# Digits set apart one by one (2 0 1 8 年, 压减钢铁产能6 0 0 万吨), as some PDF exports and web
# pages space them: one number, read as written before a word or %. (Columns of a table stand
# apart by more than one space, or end the line.)
_SPACED_DIGITS = re.compile(r"(?<![0-9A-Za-z])[0-9](?: [0-9])+(?= ?[\u4e00-\u9fff%％])")


def clean_line(text: str) -> str:
    """A paragraph's text without export artefacts and without surrounding blank space."""
    text = _SPACED_DIGITS.sub(lambda m: m.group().replace(" ", ""), _BOOKMARK.sub("", text))
    return text.strip(_EDGE_SPACE)
