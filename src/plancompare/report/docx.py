"""The report as a Word document (python-docx), rendered from its Markdown: A4 (the
意见反馈表 landscape, its columns sized for what they hold), Chinese fonts named in the
document's own styles (宋体 for text, 黑体 for headings), a table's header row repeated on
every page.

The Markdown is walked token by token (markdown-it-py, the report's own reader): headings,
paragraphs, quotes, lists, tables and inline emphasis become Word's own; a benchmark chart
block becomes its picture and caption; a link keeps its text and shows its address after it;
nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from markdown_it.token import Token

from plancompare.i18n import t
from plancompare.report.benchmark import chart_data_of, chart_png
from plancompare.report.markdown import is_web_address, markdown_renderer

#: Fonts named in the styles: (Latin, East Asian).
TEXT_FONT = ("Times New Roman", "宋体")
HEADING_FONT = ("Times New Roman", "黑体")
CODE_FONT = "Consolas"
#: Widths of the 意见反馈表's six columns on landscape A4 (cm; 26.7 cm between the margins).
FORM_WIDTHS = (1.3, 4.0, 6.5, 7.4, 4.0, 3.5)


def render_docx(markdown: str, title: str, lang: str = "zh", form: bool = False) -> bytes:
    """The report (or, with ``form``, the 意见反馈表) as the bytes of a .docx file."""
    document: Any = Document()
    _page(document, landscape=form)
    _styles(document, lang)
    document.core_properties.title = title
    document.core_properties.language = t("html_lang", lang)
    _Writer(document, form).walk(markdown_renderer().parse(markdown))
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _page(document: Any, landscape: bool) -> None:
    section = document.sections[0]
    width, height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    margin = Cm(1.5) if landscape else Cm(2.5)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = Cm(2.0)


def _fonts(style: Any, fonts: tuple[str, str], lang: str) -> None:
    """Name the Latin and the East Asian font in a style (Word reads the latter for 汉字)."""
    style.font.name = fonts[0]
    r_pr = style.element.get_or_add_rPr()
    r_fonts = r_pr.get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), fonts[1])
    r_fonts.set(qn("w:ascii"), fonts[0])
    r_fonts.set(qn("w:hAnsi"), fonts[0])
    language = r_pr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        r_pr.append(language)
    language.set(qn("w:val"), t("html_lang", lang))
    language.set(qn("w:eastAsia"), "zh-CN")


def _styles(document: Any, lang: str) -> None:
    styles = document.styles
    normal = styles["Normal"]
    _fonts(normal, TEXT_FONT, lang)
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.25
    for name, size in (("Title", 20), ("Heading 1", 18), ("Heading 2", 15), ("Heading 3", 13)):
        style = styles[name]
        _fonts(style, HEADING_FONT, lang)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
    # The template's Title has a blue rule under it: an official document's title has none.
    title_format = styles["Title"].element.pPr
    for border in title_format.findall(qn("w:pBdr")) if title_format is not None else []:
        title_format.remove(border)
    quote = styles["Quote"]
    _fonts(quote, TEXT_FONT, lang)
    quote.font.italic = False
    quote.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    quote.paragraph_format.left_indent = Cm(0.8)
    for name in ("List Bullet", "Table Grid"):
        _fonts(styles[name], TEXT_FONT, lang)


@dataclass
class _Cell:
    inline: list[Token] = field(default_factory=list)
    header: bool = False


@dataclass
class _Writer:
    """Walks the Markdown tokens and writes the document."""

    document: Any
    form: bool
    paragraph: Any = None
    lists: list[str] = field(default_factory=list)
    quote: int = 0
    rows: list[list[_Cell]] | None = None

    def walk(self, tokens: Sequence[Token]) -> None:
        for tok in tokens:
            handler = getattr(self, "on_" + tok.type, None)
            if handler is not None:
                handler(tok)

    # --- blocks --------------------------------------------------------------------------

    def on_heading_open(self, tok: Token) -> None:
        level = int(tok.tag[1])
        self.paragraph = self.document.add_paragraph(
            style="Title" if level == 1 else f"Heading {level - 1}"
        )
        if level == 1:
            self.paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def on_paragraph_open(self, tok: Token) -> None:
        if self.rows is not None or tok.hidden:
            return  # a table cell's or a tight list item's text goes where it belongs
        style = "Quote" if self.quote else None
        self.paragraph = self.document.add_paragraph(style=style)

    def on_bullet_list_open(self, tok: Token) -> None:
        self.lists.append("-")

    def on_ordered_list_open(self, tok: Token) -> None:
        self.lists.append(tok.markup or ".")

    def on_bullet_list_close(self, tok: Token) -> None:
        self.lists.pop()

    on_ordered_list_close = on_bullet_list_close

    def on_list_item_open(self, tok: Token) -> None:
        marker = self.lists[-1] if self.lists else "-"
        if marker == "-":
            self.paragraph = self.document.add_paragraph(style="List Bullet")
        else:
            # Written as text: Word's own numbering would run on from one list to the next.
            self.paragraph = self.document.add_paragraph()
            self.paragraph.paragraph_format.left_indent = Cm(0.8)
            self.paragraph.paragraph_format.first_line_indent = Cm(-0.6)
            self.paragraph.add_run(f"{tok.info}{marker} ")

    def on_blockquote_open(self, tok: Token) -> None:
        self.quote += 1

    def on_blockquote_close(self, tok: Token) -> None:
        self.quote -= 1

    def on_fence(self, tok: Token) -> None:
        data = chart_data_of(tok.content) if tok.info.strip() == "chart" else None
        if data is not None:  # a benchmark row's chart, drawn as the HTML page draws it
            self.document.add_picture(BytesIO(chart_png(data)), width=Cm(12))
            self.document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption = self.document.add_paragraph(data["caption"])
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            return
        for line in tok.content.splitlines():
            self.document.add_paragraph().add_run(line).font.name = CODE_FONT

    on_code_block = on_fence

    def on_inline(self, tok: Token) -> None:
        if self.rows is not None:
            self.rows[-1][-1].inline = list(tok.children or [])
            return
        if self.paragraph is None:
            self.paragraph = self.document.add_paragraph()
        _runs(self.paragraph, tok.children or [])

    # --- tables --------------------------------------------------------------------------

    def on_table_open(self, tok: Token) -> None:
        self.rows = []

    def on_tr_open(self, tok: Token) -> None:
        assert self.rows is not None
        self.rows.append([])

    def on_th_open(self, tok: Token) -> None:
        assert self.rows is not None
        self.rows[-1].append(_Cell(header=True))

    def on_td_open(self, tok: Token) -> None:
        assert self.rows is not None
        self.rows[-1].append(_Cell())

    def on_table_close(self, tok: Token) -> None:
        rows, self.rows = self.rows or [], None
        columns = max((len(r) for r in rows), default=0)
        if not columns:
            return
        table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        form = self.form and columns == len(FORM_WIDTHS)
        if form:
            # LibreOffice and Word lay a table out by its grid: fixed widths, not autofit.
            table.autofit = False
            for column, width in zip(table.columns, FORM_WIDTHS, strict=True):
                column.width = Cm(width)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                target = table.cell(r, c)
                if form:
                    target.width = Cm(FORM_WIDTHS[c])
                paragraph = target.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.line_spacing = 1.0
                _runs(paragraph, cell.inline, size=Pt(10.5), bold=cell.header)
                if cell.header:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _repeat_header(table.rows[0])
        self.paragraph = None
        self.document.add_paragraph()


def _repeat_header(row: Any) -> None:
    """Mark a table's first row as its header, repeated at the top of every page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _runs(paragraph: Any, children: Sequence[Token], size: Any = None, bold: bool = False) -> None:
    """Inline tokens as runs: bold, italic, struck out, code; a link's address after it."""
    state = {"bold": bold, "italic": False, "strike": False}
    address: list[str | None] = []
    for tok in children:
        kind = tok.type
        text = ""
        if kind in ("text", "html_inline"):
            text = tok.content
        elif kind == "code_inline":
            run = paragraph.add_run(tok.content)
            run.font.name = CODE_FONT
            if size is not None:
                run.font.size = size
            continue
        elif kind in ("softbreak", "hardbreak"):
            paragraph.add_run().add_break()
            continue
        elif kind in ("strong_open", "strong_close"):
            state["bold"] = kind == "strong_open" or bold
            continue
        elif kind in ("em_open", "em_close"):
            state["italic"] = kind == "em_open"
            continue
        elif kind in ("s_open", "s_close"):
            state["strike"] = kind == "s_open"
            continue
        elif kind == "link_open":
            href = str(tok.attrs.get("href", ""))
            address.append(href if is_web_address(href) else None)
            continue
        elif kind == "link_close":
            kept = address.pop() if address else None
            text = f" <{kept}>" if kept else ""
        elif kind == "image":
            text = tok.content
        if text:
            run = paragraph.add_run(text)
            run.bold = state["bold"] or None
            run.italic = state["italic"] or None
            run.font.strike = state["strike"] or None
            if size is not None:
                run.font.size = size
