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


#: Characters of other scripts that an input method or an OCR put for the Chinese one they
#: look like (规上エ业: katakana エ for 工; Japanese 増 for 增), next to Chinese characters.
_LOOK_ALIKES = {"エ": "工", "ロ": "口", "カ": "力", "ハ": "八", "ニ": "二", "増": "增"}
_LOOK_ALIKE = re.compile(
    rf"(?<=[\u4e00-\u9fff])[{''.join(_LOOK_ALIKES)}]|[{''.join(_LOOK_ALIKES)}](?=[\u4e00-\u9fff])"
)


def clean_line(text: str) -> str:
    """A paragraph's text without export artefacts and without surrounding blank space."""
    text = _LOOK_ALIKE.sub(lambda m: _LOOK_ALIKES[m.group()], text)
    return _BOOKMARK.sub("", text).strip(_EDGE_SPACE)
