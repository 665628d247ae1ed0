"""Chinese test PDFs built with reportlab's built-in CID font: a real layout with wrapped,
justified lines, indented first lines, page numbers and a running header."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

FONT = "STSong-Light"
SIZE = 12
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

BODY = ParagraphStyle(
    "body",
    fontName=FONT,
    fontSize=SIZE,
    leading=SIZE * 1.6,
    firstLineIndent=2 * SIZE,
    alignment=TA_JUSTIFY,
    wordWrap="CJK",
)
HEADING = ParagraphStyle(
    "heading", parent=BODY, firstLineIndent=0, alignment=0, spaceBefore=4, spaceAfter=4
)
TITLE = ParagraphStyle("title", parent=HEADING, fontSize=16, leading=24, alignment=TA_CENTER)

RUNNING_HEADER = "某市数字产业发展行动计划（征求意见稿）"


def build_pdf(
    path: Path,
    blocks: list[tuple[str, str]],
    header: str | None = RUNNING_HEADER,
    page_numbers: str = "- {n} -",
    encrypt: str | None = None,
) -> Path:
    """A PDF of ``blocks`` (("title"|"heading"|"body", text)) on A4 pages, each page with the
    running ``header`` at the top and its number at the bottom."""

    def furniture(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 9)
        width, height = A4
        if header:
            canvas.drawCentredString(width / 2, height - 40, header)
        canvas.drawCentredString(width / 2, 30, page_numbers.format(n=doc.page))
        canvas.restoreState()

    styles = {"title": TITLE, "heading": HEADING, "body": BODY}
    story = [Paragraph(text, styles[kind]) for kind, text in blocks]
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=72,
        rightMargin=72,
        topMargin=72,
        bottomMargin=72,
        encrypt=encrypt,
    )
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def build_image_only_pdf(path: Path) -> Path:
    """A 'scanned' PDF: a page holding a drawn picture and no text at all."""
    from reportlab.lib.utils import ImageReader

    canvas = Canvas(str(path), pagesize=A4)
    # A tiny grey bitmap stands for the scan of a page.
    ppm = b"P6 4 4 255\n" + bytes([128, 128, 128] * 16)
    canvas.drawImage(ImageReader(io.BytesIO(_png_from_ppm(ppm))), 72, 400, 400, 300)
    canvas.showPage()
    canvas.save()
    return path


def _png_from_ppm(ppm: bytes) -> bytes:
    """A PNG of a tiny PPM: reportlab embeds a PNG without needing Pillow."""
    import struct
    import zlib

    header, _, pixels = ppm.partition(b"255\n")
    width, height = (int(x) for x in header.split()[1:3])
    raw = b"".join(b"\x00" + pixels[y * width * 3 : (y + 1) * width * 3] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
