"""PDF plans: the text layer's lines, by position, back into paragraphs (pdfplumber).

pdfplumber gives each line with its position, which tells what plain text cannot: whether a
line reaches the right edge of the text column (it goes on) or starts indented (a new
paragraph), and whether it stands in the top or bottom margin (a running header, a footer,
a page number). Scanned PDFs have no text layer; plancompare does no OCR and says so.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Any

from plancompare.errors import PlanError
from plancompare.i18n import t
from plancompare.ingest import RawBlock, RawParagraph, SourceDocument, read_bytes, sha256_of
from plancompare.ingest.cleanup import clean_line
from plancompare.ingest.reflow import (
    LayoutLine,
    drop_contents,
    is_page_number,
    split_run_together_lines,
    unwrap,
)

#: The top and bottom share of a page where running headers, footers and page numbers stand.
MARGIN_ZONE = 0.1
#: A line ending within this many character widths of the column's right edge fills it.
FULL_CHARS = 1.5
#: A line starting this many character widths right of the column's left edge is indented.
INDENT_CHARS = 0.8
#: A line in the margin zones on at least this many pages (digits aside) is page furniture.
REPEATS_ON_PAGES = 2


def read_pdf(path: Path) -> SourceDocument:
    """Read a text PDF into raw paragraphs; one-line errors for encrypted, scanned or broken
    files."""
    data = read_bytes(path)
    pages = _page_lines(path, data)
    if not any(pages):
        raise PlanError(path, "err_pdf_no_text")
    body, dropped = _without_furniture(pages)
    lines = split_run_together_lines(drop_contents(_with_layout(body)))
    blocks: list[RawBlock] = [RawParagraph(p) for p in unwrap(lines)]
    # Stored in the front matter in the catalogue's English (see plan.wording.note_text).
    notes = [t("note_pdf", "en", pages=len(pages), dropped=dropped)]
    return SourceDocument(path, blocks, sha256_of(data), None, notes)


def _page_lines(path: Path, data: bytes) -> list[list[dict[str, Any]]]:
    """Every page's text lines (text, x0, x1, top, bottom), with the page's height."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages: list[list[dict[str, Any]]] = []
            for number, page in enumerate(pdf.pages, start=1):
                found = []
                for line in page.extract_text_lines(return_chars=False):
                    text = clean_line(str(line["text"]))
                    if text:
                        found.append({**line, "text": text, "page": number, "h": page.height})
                pages.append(found)
            return pages
    except PdfminerException as e:
        cause = e.args[0] if e.args else None
        if isinstance(cause, PDFPasswordIncorrect):
            raise PlanError(path, "err_pdf_encrypted") from None
        raise PlanError(path, "err_pdf_unreadable") from None
    except Exception:  # pdfminer raises many kinds on malformed files; none is the user's bug
        raise PlanError(path, "err_pdf_unreadable") from None


def _furniture_key(text: str) -> str:
    return "".join("#" if c.isdigit() else c for c in text if not c.isspace())


def _without_furniture(pages: list[list[dict[str, Any]]]) -> tuple[list[dict[str, Any]], int]:
    """Body lines of all pages: page numbers and lines repeated in the margins removed."""

    def in_margin(line: dict[str, Any]) -> bool:
        height = float(line["h"])
        return bool(
            float(line["top"]) < height * MARGIN_ZONE
            or float(line["bottom"]) > height * (1 - MARGIN_ZONE)
        )

    pages_of: dict[str, set[int]] = {}
    for page in pages:
        for line in page:
            if in_margin(line):
                pages_of.setdefault(_furniture_key(line["text"]), set()).add(line["page"])
    repeated = {k for k, p in pages_of.items() if len(p) >= min(REPEATS_ON_PAGES, len(pages))}
    body: list[dict[str, Any]] = []
    dropped = 0
    for page in pages:
        for line in page:
            if in_margin(line) and (
                is_page_number(line["text"])
                or (len(pages) > 1 and _furniture_key(line["text"]) in repeated)
            ):
                dropped += 1
            else:
                body.append(line)
    return body, dropped


def _with_layout(lines: list[dict[str, Any]]) -> list[LayoutLine]:
    """Lines with whether each fills its column and whether it is indented."""
    if not lines:
        return []
    # The column's edges: body text starts at the left margin and, justified, ends at the
    # right one; headings may be centred or indented, never beyond the margins.
    size = _mode([float(x["bottom"]) - float(x["top"]) for x in lines])
    left = min(float(x["x0"]) for x in lines)
    right = max(float(x["x1"]) for x in lines)
    return [
        LayoutLine(
            x["text"],
            page=int(x["page"]),
            full=float(x["x1"]) >= right - FULL_CHARS * size,
            indented=float(x["x0"]) > left + INDENT_CHARS * size,
        )
        for x in lines
    ]


def _mode(values: list[float]) -> float:
    """The most common value, to the nearest point (ties: the smallest)."""
    counts = Counter(round(v) for v in values)
    best = max(counts.values())
    return float(min(v for v, n in counts.items() if n == best))
